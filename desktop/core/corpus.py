"""Import files and folders into a project: decode, clean, detect the script, store.

One bad file never stops the others: it is refused with a one-line reason. Documents whose
clean text is already in the project are skipped as duplicates. Work is committed in batches,
each one transaction, so a cancelled import keeps what it had finished.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import textio
from desktop.core.cleaning import clean
from desktop.core.docmeta import read_metadata
from desktop.core.model import NewDocument
from desktop.core.resources import seeds_dir
from desktop.core.script import detect_script
from desktop.core.store import Store

log = logging.getLogger(__name__)

# Plain-text files only; other formats (HTML, Word, PDF) need converting to text first.
SUPPORTED_SUFFIXES = frozenset({".txt", ".text", ".md"})
BATCH_SIZE = 200

ProgressCallback = Callable[[int, int, Path], None]  # done, total, current file
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class ImportReport:
    imported: list[tuple[Path, int]] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    cancelled: bool = False

    def summary(self) -> str:
        text = (
            f"{len(self.imported)} imported, {len(self.duplicates)} duplicates skipped, "
            f"{len(self.refused)} refused"
        )
        return text + (" (cancelled)" if self.cancelled else "")


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Refusal]]:
    """Expand folders (recursively, supported suffixes, no hidden files); keep named files."""
    files: list[Path] = []
    refused: list[Refusal] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            refused.append(Refusal(path, "no such file or folder"))
    return files, refused


def prepare_document(
    data: bytes,
    *,
    source_path: str,
    fallback_title: str,
    metadata: dict[str, Any] | None = None,
) -> NewDocument:
    """Turn a file's bytes into a document ready to store. Raises textio.UnreadableFile."""
    decoded = textio.decode_bytes(data)
    cleaned = clean(decoded.text)
    found = read_metadata(cleaned.text, fallback_title)
    given = metadata or {}
    return NewDocument(
        title=given.get("title") or found.title,
        raw_text=decoded.text,
        clean_text=cleaned.text,
        encoding=decoded.encoding,
        script=detect_script(cleaned.text).script.value,
        removed=cleaned.removals,
        source=given.get("source") or found.source,
        date=given.get("date") or found.date,
        source_path=source_path,
        metadata={k: v for k, v in given.items() if k not in {"title", "source", "date"}},
    )


def import_paths(
    store: Store,
    paths: Sequence[Path],
    *,
    progress: ProgressCallback | None = None,
    is_cancelled: CancelCheck | None = None,
    metadata_for: Callable[[Path], dict[str, Any] | None] | None = None,
) -> ImportReport:
    files, refused = collect_files(paths)
    report = ImportReport(refused=refused)
    batch: list[tuple[Path, NewDocument]] = []
    for done, path in enumerate(files, start=1):
        if is_cancelled is not None and is_cancelled():
            report.cancelled = True
            break
        try:
            document = prepare_document(
                textio.read_bytes(path),
                source_path=str(path.resolve()),
                fallback_title=path.stem,
                metadata=metadata_for(path) if metadata_for else None,
            )
        except textio.UnreadableFile as error:
            report.refused.append(Refusal(path, str(error)))
        else:
            batch.append((path, document))
        if len(batch) >= BATCH_SIZE:
            _store_batch(store, batch, report)
        if progress is not None:
            progress(done, len(files), path)
    _store_batch(store, batch, report)
    log.info("import: %s", report.summary())
    return report


def _store_batch(store: Store, batch: list[tuple[Path, NewDocument]], report: ImportReport) -> None:
    if not batch:
        return
    ids = store.add_documents([document for _, document in batch])
    for (path, _), document_id in zip(batch, ids, strict=True):
        if document_id is None:
            report.duplicates.append(path)
        else:
            report.imported.append((path, document_id))
    batch.clear()


def import_seeds(store: Store) -> ImportReport:
    """Import the demo documents shipped in seeds/, with their metadata."""
    folder = seeds_dir()
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    return import_paths(store, [folder], metadata_for=lambda path: metadata.get(path.name))
