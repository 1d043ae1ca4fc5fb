"""Which paths are Jiyao projects: by their suffix, or by the application id in an SQLite
file's header (a project renamed or saved under another name)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.core.store import APPLICATION_ID

PROJECT_SUFFIX = ".jiyao"
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID_OFFSET = 68  # where SQLite keeps PRAGMA application_id in its file header


def is_project_path(path: Path) -> bool:
    """A ``.jiyao`` path (existing or not, as with ``--db``), or a file that is a Jiyao project
    whatever its name (SQLite header with our application id)."""
    if path.suffix.lower() == PROJECT_SUFFIX:
        return True
    if not path.is_file():  # a pipe or device: opening it would wait for a writer forever
        return False
    try:
        with path.open("rb") as file:
            header = file.read(APPLICATION_ID_OFFSET + 4)
    except OSError:  # a folder, a missing or an unreadable file: not a project
        return False
    found = header[APPLICATION_ID_OFFSET:]
    return header.startswith(SQLITE_HEADER) and found == APPLICATION_ID.to_bytes(4, "big")


def split_projects(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """(projects, everything else) in the order given."""
    projects = [path for path in paths if is_project_path(path)]
    return projects, [path for path in paths if path not in projects]
