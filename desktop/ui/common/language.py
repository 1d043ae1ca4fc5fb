"""The interface language now installed, for words that data files give in both languages
(entity types' ``label``/``label_zh``) rather than through the translators. shell.i18n sets
it whenever it installs a language; parts read it when they (re)translate."""

from __future__ import annotations

_current = {"language": "en"}


def interface_language() -> str:
    """ "en" or "zh_CN"."""
    return _current["language"]


def set_interface_language(language: str) -> None:
    _current["language"] = language
