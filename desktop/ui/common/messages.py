"""The one place the core's messages (``desktop.core.messages.Message``: refusal reasons,
store errors, import reports) become the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.messages import Message


def translated(text: object) -> str:
    """``text`` in the interface language: a core Message's template translated and its fields
    (themselves translated when they are Messages) filled in; anything else as ``str``."""
    if not isinstance(text, Message):
        return str(text)
    template = QCoreApplication.translate(text.context, text.template)
    if not text.args and not text.kwargs:
        return template
    args = [_field(value) for value in text.args]
    kwargs = {key: _field(value) for key, value in text.kwargs.items()}
    try:
        return template.format(*args, **kwargs)
    except (IndexError, KeyError, ValueError):  # a translation naming a field that is not there
        return str(text)


def _field(value: object) -> object:
    # Numbers keep their type, so a template's "{0:,}" still formats them.
    return translated(value) if isinstance(value, Message) else value


def error_text(error: BaseException) -> str:
    """What an exception says, in the interface language when the core wrote it as a Message;
    otherwise its text, or its type's name when it has none."""
    if error.args and isinstance(error.args[0], Message):
        return translated(error.args[0])
    return str(error) or type(error).__name__
