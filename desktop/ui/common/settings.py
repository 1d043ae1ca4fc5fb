"""What the window remembers between runs, in an INI file in the user's config folder.

IniFormat everywhere (not the Windows registry), so settings are a plain file people can read.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME

MAX_RECENT_PROJECTS = 8


def _project_key(project: Path) -> str:
    """A settings key for a project's path (an INI key may not hold slashes)."""
    return hashlib.sha1(str(project.resolve()).encode("utf-8")).hexdigest()[:16]


class Settings:
    def __init__(self) -> None:
        self.qsettings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME
        )

    def _text(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return value if isinstance(value, str) else default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) else None

    @property
    def conversions(self) -> dict[str, str]:
        """The conversion chosen per document script ("auto" or a configuration name)."""
        self.qsettings.beginGroup("reader-conversion")
        try:
            return {script: self._text(script) for script in self.qsettings.childKeys()}
        finally:
            self.qsettings.endGroup()

    def set_conversion(self, script: str, choice: str) -> None:
        self.qsettings.setValue(f"reader-conversion/{script}", choice)

    def last_document(self, project: Path) -> int | None:
        """The document last shown in this project: it reopens on start."""
        value = self._text(f"last-document/{_project_key(project)}")
        return int(value) if value.isdigit() else None

    def remember_document(self, project: Path, document_id: int) -> None:
        self.qsettings.setValue(f"last-document/{_project_key(project)}", str(document_id))

    def variable_columns(self, project: Path) -> list[str]:
        """The document variables this project's document list shows as columns."""
        try:
            names = json.loads(self._text(f"corpus-columns/{_project_key(project)}", "[]"))
        except ValueError:
            return []
        return [str(name) for name in names] if isinstance(names, list) else []

    def set_variable_columns(self, project: Path, names: list[str]) -> None:
        value = json.dumps(names, ensure_ascii=False)
        self.qsettings.setValue(f"corpus-columns/{_project_key(project)}", value)

    @property
    def annotator(self) -> str:
        """The name every new tag records; asked once."""
        return self._text("tagging/annotator")

    @annotator.setter
    def annotator(self, name: str) -> None:
        self.qsettings.setValue("tagging/annotator", name)

    @property
    def language(self) -> str:
        """ "" means: follow the system locale."""
        return self._text("ui/language")

    @language.setter
    def language(self, language: str) -> None:
        self.qsettings.setValue("ui/language", language)

    EXPORT_KEYS = ("format", "path", "text", "entities")

    @property
    def export_choices(self) -> dict[str, str]:
        """The Export dialog's last format, path, text choice and entity layer ("yes" or "")."""
        return {
            key: self._text(f"export/{key}")
            for key in self.EXPORT_KEYS
            if self._text(f"export/{key}")
        }

    @export_choices.setter
    def export_choices(self, choices: dict[str, str]) -> None:
        for key in self.EXPORT_KEYS:
            self.qsettings.setValue(f"export/{key}", choices.get(key, ""))

    def layout(self, name: str) -> QByteArray | None:
        return self._bytes(f"layout/{name}")

    def set_layout(self, name: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"layout/{name}", state)

    @property
    def recent_projects(self) -> list[Path]:
        value = self.qsettings.value("projects/recent", [])
        # An INI file gives back one string for a list of one.
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(item) for item in items if isinstance(item, str)]

    @property
    def last_project(self) -> Path | None:
        """The project shown last (the head of the recent list): it reopens on start."""
        recent = self.recent_projects
        return recent[0] if recent else None

    def remember_project(self, path: Path) -> None:
        path = path.resolve()
        recent = [path] + [p for p in self.recent_projects if p != path]
        self.qsettings.setValue("projects/recent", [str(p) for p in recent[:MAX_RECENT_PROJECTS]])

    def forget_project(self, path: Path) -> None:
        """Take a project off the recent list (it was moved or deleted)."""
        recent = [p for p in self.recent_projects if p != path]
        self.qsettings.setValue("projects/recent", [str(p) for p in recent])

    def sync(self) -> None:
        self.qsettings.sync()
