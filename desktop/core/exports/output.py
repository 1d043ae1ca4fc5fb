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
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding=encoding, newline="\n") as handle:
            yield handle
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)


@contextmanager
def atomic_binary_file(path: Path) -> Iterator[IO[bytes]]:
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("wb") as handle:
            yield handle
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)


@contextmanager
def staged_folder(folder: Path) -> Iterator[Path]:
    """A scratch folder beside ``folder``; when the block ends well its files are moved into
    ``folder`` (created if needed, other files in it left alone), else it is thrown away."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=folder.parent))
    try:
        yield stage
        folder.mkdir(exist_ok=True)
        for item in sorted(stage.rglob("*")):
            target = folder / item.relative_to(stage)
            if item.is_dir():
                target.mkdir(exist_ok=True)
            else:
                item.replace(target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
