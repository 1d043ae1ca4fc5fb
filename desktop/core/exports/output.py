"""Writing export files so that a cancelled or failed export leaves nothing half-written
under the real name."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


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


@contextmanager
def _partial(path: Path) -> Iterator[Path]:
    """The ``.part`` file beside ``path``: moved onto it when the block ends well (and its
    file is closed), removed when it fails."""
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
        raise UnsafeTarget(f"{target} is the open project: choose another path to export to")
    try:
        mode = target.stat().st_mode  # follows symlinks: what would really be replaced
    except FileNotFoundError:
        return
    except OSError as error:
        raise UnsafeTarget(f"cannot export to {target}: {error.strerror or error}") from error
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        raise UnsafeTarget(f"{target} is a pipe or a device, not a file an export can replace")
    if stat.S_ISREG(mode) and _is_sqlite(target):
        raise UnsafeTarget(f"{target} is an SQLite database: choose another path to export to")


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


class FolderInUse(ValueError):
    """The export's folder holds files that are not an earlier Jiyao export."""


@contextmanager
def staged_folder(folder: Path) -> Iterator[Path]:
    """A scratch folder beside ``folder`` that becomes ``folder`` when the block ends well
    (else it is thrown away). An existing ``folder`` must be empty or an earlier Jiyao export,
    which is replaced as a whole: merging would leave another export's files behind, and
    other files may be the user's."""
    _check_replaceable(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=folder.parent))
    try:
        yield stage
        (stage / EXPORT_MARKER).write_text(
            "Written by Jiyao; a new export into this folder replaces it.\n", encoding="utf-8"
        )
        _swap_in(stage, folder)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _check_replaceable(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise FolderInUse(f"{folder} is a file: an export of this format writes a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / EXPORT_MARKER).exists():
        raise FolderInUse(
            f"{folder} is not empty and is not an earlier Jiyao export: choose a new or "
            "empty folder"
        )


def _swap_in(stage: Path, folder: Path) -> None:
    if not folder.exists():
        stage.rename(folder)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
    retired.rmdir()
    folder.rename(retired)
    try:
        stage.rename(folder)
    except BaseException:
        retired.rename(folder)
        raise
    shutil.rmtree(retired, ignore_errors=True)
