"""Messages the core gives a user (refusal reasons, store errors, import reports) that the
window shows in the user's language and the command line in English.

A message is written where it arises, as English with numbered fields::

    raise DiskFull(QT_TRANSLATE_NOOP("Project", "the disk holding {0} is full").format(path))

and is a ``str``: the English text, so the command line, the log and every test read it as
before. It also keeps its context, template and fields, so the window translates the template
(``QCoreApplication.translate(context, template)``) and fills in the fields
(``desktop.ui.common.messages``). ``QT_TRANSLATE_NOOP`` is our own, Qt-free; it carries Qt's
name because Qt's ``lupdate`` extracts the literal arguments of any call of that name into
``resources/i18n/*.ts`` (``scripts/update_translations.sh`` reads desktop/core too).
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """English text that remembers how it was made, for translation at the window's edge."""

    context: str
    template: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]

    def __new__(
        cls,
        context: str,
        template: str,
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
    ) -> Message:
        kwargs = kwargs or {}
        text = template.format(*args, **kwargs) if args or kwargs else template
        message = super().__new__(cls, text)
        message.context = context
        message.template = template
        message.args = args
        message.kwargs = kwargs
        return message

    def format(self, *args: Any, **kwargs: Any) -> Message:
        """The same template with its fields filled (English), still translatable."""
        return Message(self.context, self.template, args, kwargs)

    def __reduce__(self) -> tuple[Any, ...]:
        # Import workers send refusals between processes: keep what translation needs.
        return (Message, (self.context, self.template, self.args, self.kwargs))


def QT_TRANSLATE_NOOP(context: str, template: str) -> Message:  # lupdate's name
    """Mark ``template`` (a literal: lupdate reads the source) for translation in ``context``."""
    return Message(context, template)


def message_of(error: BaseException) -> str:
    """An exception's message, still a Message (translatable) when it was raised with one."""
    if error.args and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)


def counted(count: int, noun: str, plural: str = "") -> str:
    """A count with its noun in English, singular for one: "1 tag", "3 tags" (the command
    line's words; the window counts with Qt's plural forms)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
