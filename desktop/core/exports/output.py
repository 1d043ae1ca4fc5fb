"""Writing export files so that a cancelled or failed export leaves nothing half-written
under the real name."""

from __future__ import annotations

import shutil
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
