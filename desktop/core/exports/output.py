"""Writing export files so that a cancelled or failed export leaves nothing half-written
under the real name."""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from desktop.core.messages import QT_TRANSLATE_NOOP


@contextmanager
def atomic_text_file(path: Path, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file written beside ``path`` and renamed onto it only when complete."""
    with _partial(path) as partial, partial.open("w", encoding=encoding, newline="\n") as handle:
        yield handle


@contextmanager
def atomic_binary_file(path: Path) -> Iterator[IO[bytes]]:
    """A binary file written beside ``path`` and renamed onto it only when complete."""
    with _partial(path) as partial, partial.open("wb") as handle:
        yield handle


def _through_link(path: Path, *, folder: bool) -> Path:
    """Where a link the user named as the target leads, when it leads to a file (a folder,
    for folder exports): the export replaces that, and the link stays. Renaming onto the link
    itself would replace the link with a new file or folder, away from where it pointed."""
    if not path.is_symlink():
        return path
    resolved = path.resolve()
    return resolved if (resolved.is_dir() if folder else resolved.is_file()) else path


# One lock per file exported to, for the whole process (see writing_to).
_TARGETS: dict[Path, threading.RLock] = {}
_TARGETS_GUARD = threading.Lock()


@contextmanager
def writing_to(path: Path) -> Iterator[None]:
    """Held while an export makes ``path``: another export of the same file in this process
    (another window's worker, or a closed window's still running) waits for it, so the one
    begun last is the one left, and their partial files are never one file."""
    with _TARGETS_GUARD:
        lock = _TARGETS.setdefault(path.absolute(), threading.RLock())
    with lock:
        yield


@contextmanager
def _partial(path: Path) -> Iterator[Path]:
    """The ``.part`` file beside ``path``: moved onto it when the block ends well (and its
    file is closed), removed when it fails. Missing parent folders are made, as a folder
    export makes them: ``-o new/set.jsonl`` works as ``-o new/set`` does for brat."""
    path = _through_link(path, folder=False)
    with writing_to(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        try:
            yield partial
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(path)


class UnsafeTarget(ValueError):
    """The export's path would overwrite something an export must never replace: the open
    project, another SQLite database, a FIFO or a device."""


SQLITE_HEADER = b"SQLite format 3\x00"


def check_export_target(target: Path, project: Path) -> None:
    """Refuse a ``target`` that is (or, through symlinks, points at) the open ``project``, any
    SQLite database (another project, its journal-less copy), a FIFO, a socket or a device:
    an export replaces its target with a new file or folder, which would destroy the project
    or turn ``/dev/full`` and a pipe into a plain file."""
    if _same_file(target, project):
        raise UnsafeTarget(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0} is the open project: choose another path to export to"
            ).format(target)
        )
    try:
        mode = target.stat().st_mode  # follows symlinks: what would really be replaced
    except FileNotFoundError:
        return
    except OSError as error:
        raise UnsafeTarget(
            QT_TRANSLATE_NOOP("Exchange", "cannot export to {0}: {1}").format(
                target, error.strerror or error
            )
        ) from error
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise UnsafeTarget(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0} is a pipe or a device, not a file an export can replace"
            ).format(target)
        )
    if stat.S_ISREG(mode) and _is_sqlite(target):
        raise UnsafeTarget(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0} is an SQLite database: choose another path to export to"
            ).format(target)
        )


def _same_file(target: Path, project: Path) -> bool:
    try:
        return os.path.samefile(target, project)
    except OSError:  # either is missing: compare where they would be
        return target.resolve() == project.resolve()


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


EXPORT_MARKER = ".jiyao-export"
MARKER_NOTE = (
    "Written by Jiyao. A new export into this folder replaces the files listed here while "
    "they are unchanged; it refuses while other files are here or these have changed."
)
# The names earlier Jiyao versions wrote, for a folder whose marker has no manifest yet.
_KNOWN_NAMES = frozenset(
    {
        "README.txt",
        "annotation.conf",
        "visual.conf",
        "metadata.json",
        "codebook.csv",
        "annotations.csv",
        "documents.csv",
        "directives.conll",
        "entities.conll",
        "labels.txt",
        "entity_labels.txt",
    }
)
_KNOWN_DOCUMENT_NAME = re.compile(r"\d{4,}\.(txt|ann)")
# What brat itself writes into a folder it shows (its cache of counts, rebuilt when missing):
# no work of the user's, so an export may replace the folder with it.
_BRAT_CACHE = ".stats_cache"
_NAMES_SHOWN = 5


class FolderInUse(ValueError):
    """The export's folder holds files that are not an earlier Jiyao export, or files of
    one that were changed or added since."""


@contextmanager
def staged_folder(folder: Path, *, written_as: str = "") -> Iterator[Path]:
    """A scratch folder beside ``folder`` that becomes ``folder`` when the block ends well
    (else it is thrown away). An existing ``folder`` must be empty or an earlier Jiyao export
    whose files are all still as Jiyao wrote them (its marker lists them with their SHA-256),
    which is then replaced as a whole. A file the user added or changed there (notes, a tag
    added in brat) stops the export: replacing would lose it, merging would mix exports.
    ``written_as`` names the format in the marker, so that a folder is known by it even when
    it holds no document (an empty brat export has no .ann file to tell it by)."""
    folder = _through_link(folder, folder=True)
    _check_replaceable(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = _new_folder(folder.parent, f".{folder.name}.", ".part")
    try:
        yield stage
        _write_marker(stage, written_as)
        _swap_in(stage, folder)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _write_marker(stage: Path, written_as: str) -> None:
    files = {
        path.relative_to(stage).as_posix(): _sha256(path)
        for path in sorted(stage.rglob("*"))
        if path.is_file()
    }
    marker: dict[str, object] = {"written_by": "Jiyao", "note": MARKER_NOTE, "files": files}
    if written_as:
        marker["format"] = written_as
    (stage / EXPORT_MARKER).write_text(
        json.dumps(marker, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_replaceable(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise FolderInUse(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0} is a file: an export of this format writes a folder"
            ).format(folder)
        )
    if not folder.is_dir() or not any(folder.iterdir()):
        return
    marker = folder / EXPORT_MARKER
    if not marker.is_file():
        raise FolderInUse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "{0} is not empty and is not an earlier Jiyao export: choose a new or empty folder",
            ).format(folder)
        )
    not_ours = _files_not_as_written(folder, _manifest(marker))
    if not_ours:
        shown = ", ".join(not_ours[:_NAMES_SHOWN])
        more = f" and {len(not_ours) - _NAMES_SHOWN} more" if len(not_ours) > _NAMES_SHOWN else ""
        raise FolderInUse(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "{0} is an earlier Jiyao export with files added or changed since "
                "({1}{2}): move them out or choose another folder",
            ).format(folder, shown, more)
        )


def is_brat_folder(folder: Path) -> bool:
    """Whether ``folder`` is a brat set: it has .ann files, or brat's annotation.conf, or
    Jiyao's marker names brat (an export of no documents has no .ann file)."""
    if any(folder.glob("*.ann")) or (folder / "annotation.conf").is_file():
        return True
    marker = folder / EXPORT_MARKER
    if not marker.is_file():
        return False
    try:
        content = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(content, dict) and content.get("format") == "brat"


def _manifest(marker: Path) -> dict[str, str] | None:
    """The files an earlier export wrote, with their SHA-256; None for a marker written
    before exports kept a manifest (plain text)."""
    try:
        content = json.loads(marker.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    files = content.get("files") if isinstance(content, dict) else None
    if not isinstance(files, dict):
        return None
    return {str(name): str(digest) for name, digest in files.items()}


def _files_not_as_written(folder: Path, manifest: dict[str, str] | None) -> list[str]:
    """The paths under ``folder`` (relative, sorted) that the earlier export did not write
    or that changed since. Without a manifest only the names Jiyao writes are taken as its."""
    found = []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if name == EXPORT_MARKER or (path.name == _BRAT_CACHE and path.is_file()):
            continue
        if path.is_dir() and not path.is_symlink():
            if not any(path.iterdir()):
                found.append(name + "/")  # files inside are listed on their own
            continue
        if path.is_symlink() or not path.is_file():
            found.append(name)
        elif manifest is None:
            if name not in _KNOWN_NAMES and not _KNOWN_DOCUMENT_NAME.fullmatch(name):
                found.append(name)
        elif manifest.get(name) != _sha256(path):
            found.append(name)
    return found


def _swap_in(stage: Path, folder: Path) -> None:
    if not folder.exists():
        stage.rename(folder)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
    retired.rmdir()  # only its unique name was wanted
    folder.rename(retired)
    try:
        stage.rename(folder)
    except BaseException:
        retired.rename(folder)
        raise
    shutil.rmtree(retired, ignore_errors=True)


def _new_folder(parent: Path, prefix: str, suffix: str) -> Path:
    """A new, uniquely named folder in ``parent`` with the mode the user's umask gives
    (``tempfile.mkdtemp`` makes it 0700, and the export would keep that)."""
    while True:
        path = parent / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            path.mkdir(mode=0o777)
        except FileExistsError:
            continue
        return path
