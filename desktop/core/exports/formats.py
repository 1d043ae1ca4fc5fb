"""The export formats by name, and the two front doors the command line and the window share:
:func:`export_project` and :func:`read_annotated_set`.

Format modules are imported when used, so ``jiyao --help`` does not load six writers.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import Literal, cast

from desktop.core.exports.importing import AnnotatedSet, UnreadableSet
from desktop.core.exports.output import check_export_target, is_brat_folder
from desktop.core.exports.selection import (
    Codebook,
    ExportDocument,
    ExportOptions,
    Progress,
    select,
    selected_document_ids,
)
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.json_rows import holds_rows
from desktop.core.store import Store
from desktop.core.textio import printable_path

Writer = Callable[[Iterable[ExportDocument], Codebook, Path], int]
Reader = Callable[[Path], AnnotatedSet]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    title: str  # what the window's format list shows
    target: Literal["file", "folder"]
    suffix: str  # the file's usual suffix; "" for a folder
    module: str
    writer_name: str
    reader_name: str = ""  # empty: the format cannot be read back
    reader_module: str = ""  # empty: the reader is in ``module`` beside the writer

    @property
    def readable(self) -> bool:
        return bool(self.reader_name)

    def writer(self) -> Writer:
        return cast(Writer, getattr(import_module(self.module), self.writer_name))

    def reader(self) -> Reader:
        if not self.reader_name:
            raise UnreadableSet(
                QT_TRANSLATE_NOOP("Exchange", "{0} files cannot be imported").format(self.name)
            )
        module = import_module(self.reader_module or self.module)
        return cast(Reader, getattr(module, self.reader_name))


_PACKAGE = "desktop.core.exports"
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "csv",
            "CSV tables for pandas, R and Excel (folder)",
            "folder",
            "",
            f"{_PACKAGE}.csv_files",
            "write_csv_folder",
        ),
        ExportFormat(
            "jsonl",
            "JSON Lines, doccano-compatible (.jsonl)",
            "file",
            ".jsonl",
            f"{_PACKAGE}.jsonl",
            "write_jsonl",
            "read_jsonl",
        ),
        ExportFormat(
            "brat",
            "brat standoff .txt + .ann (folder)",
            "folder",
            "",
            f"{_PACKAGE}.brat",
            "write_brat",
            "read_brat",
            f"{_PACKAGE}.brat_reader",
        ),
        ExportFormat(
            "conll",
            "CoNLL character BIO for training taggers (folder)",
            "folder",
            "",
            f"{_PACKAGE}.conll",
            "write_conll",
        ),
        ExportFormat(
            "qdpx",
            "REFI-QDA project for NVivo, MAXQDA, ATLAS.ti, QualCoder (.qdpx)",
            "file",
            ".qdpx",
            f"{_PACKAGE}.qdpx",
            "write_qdpx",
            "read_qdpx",
            f"{_PACKAGE}.qdpx_reader",
        ),
        ExportFormat(
            "labelstudio",
            "Label Studio tasks (.json)",
            "file",
            ".json",
            f"{_PACKAGE}.labelstudio",
            "write_labelstudio",
            "read_labelstudio",
        ),
    )
}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    documents: int
    tags: int
    warnings: tuple[str, ...] = ()  # one line each, for the user to read before using the file


DOCCANO_OVERLAP_WARNING = QT_TRANSLATE_NOOP(
    "Exchange",
    "{count} of the exported documents have overlapping tags: doccano's default project drops "
    'overlapping spans, so tick "Allow overlapping entity" when creating the doccano project '
    "before importing this file",
)

CONLL_OVERLAP_WARNING = QT_TRANSLATE_NOOP(
    "Exchange",
    "{count} of the exported documents have overlapping tags: CoNLL's BIO columns keep one tag "
    "per place, so the others were left out (each is listed in the folder's README.txt)",
)
OVERLAP_WARNINGS = {"jsonl": DOCCANO_OVERLAP_WARNING, "conll": CONLL_OVERLAP_WARNING}


class OverlapWatch:
    """Passes documents on and counts those whose tags overlap (for doccano's warning)."""

    def __init__(self, documents: Iterable[ExportDocument]) -> None:
        self._documents = documents
        self.overlapping = 0

    def __iter__(self) -> Iterator[ExportDocument]:
        for document in self._documents:
            if has_overlaps(document):
                self.overlapping += 1
            yield document

    def warnings(self, format_name: str = "jsonl") -> tuple[str, ...]:
        """What the user should know of the overlaps for ``format_name``: doccano's JSONL
        import drops them unless told; CoNLL's BIO cannot hold them."""
        warning = OVERLAP_WARNINGS.get(format_name)
        if not self.overlapping or warning is None:
            return ()
        return (warning.format(count=self.overlapping),)


def has_overlaps(document: ExportDocument) -> bool:
    reach = -1
    for tag in sorted(document.annotations, key=lambda a: (a.start, a.end)):
        if tag.start < reach:
            return True
        reach = max(reach, tag.end)
    return False


class NothingToExport(ValueError):
    """The choices leave no document of the project to export: nothing is written."""


def export_project(
    store: Store,
    format_name: str,
    target: Path,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the chosen documents in one format; nothing appears under ``target`` unless the
    whole export succeeds. Raises UnsafeTarget for a target that must not be replaced (the
    project itself, a database, a pipe or a device)."""
    export_format = FORMATS[format_name]
    check_export_target(target, store.path)  # as given: -o p.jiyao is a mistake to name
    target = with_suffix_of(export_format, target)
    for path in (target, *_companions(format_name, target)):
        check_export_target(path, store.path)
    options = options or ExportOptions()
    total = len(selected_document_ids(store, options))
    if total == 0 and store.document_count() > 0:
        # An empty file over the user's earlier export would look like a success.
        raise NothingToExport(
            QT_TRANSLATE_NOOP(
                "Exchange",
                "none of the project's documents is chosen (see the status, document, label "
                "and annotator choices): nothing was written to {0}",
            ).format(printable_path(target))
        )
    writer = export_format.writer()
    if format_name == "csv":  # the one writer with an option of its own
        from desktop.core.exports.csv_files import write_csv_folder

        writer = partial(write_csv_folder, raw=options.raw_csv)
    documents = OverlapWatch(select(store, options, progress))
    tags = writer(documents, Codebook.from_store(store), target)
    warnings = documents.warnings(format_name)
    return ExportResult(target, total, tags, warnings)


def _companions(format_name: str, target: Path) -> list[Path]:
    """The files a file format writes beside its target (replaced just the same)."""
    if format_name == "jsonl":
        from desktop.core.exports.jsonl import scheme_path

        return [scheme_path(target)]
    if format_name == "labelstudio":
        from desktop.core.exports.labelstudio import label_config_path

        return [label_config_path(target)]
    return []


_FORMAT_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "labelstudio",
    ".qdpx": "qdpx",
}


def with_suffix_of(export_format: ExportFormat, target: Path) -> Path:
    """``target`` with the file format's suffix added when it has none of the format's own
    (``-o ls`` writes ``ls.json``, ``-o out_qdpx`` ``out_qdpx.qdpx``): without it the file
    opens in nothing and cannot be imported back. Folders are left as named."""
    if export_format.target != "file" or not export_format.suffix:
        return target
    if _FORMAT_BY_SUFFIX.get(target.suffix.lower()) == export_format.name:
        return target
    return target.with_name(target.name + export_format.suffix)


def annotated_set_format(path: Path) -> ExportFormat | None:
    """The readable format a path holds, by its shape; None for documents to import (plain
    text, and JSON files of a scraper's rows rather than annotated records)."""
    if path.is_dir():
        return FORMATS["brat"] if is_brat_folder(path) else None
    name = _FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if name in ("jsonl", "labelstudio") and _unreadable_set_reason(path) is None:
        if holds_rows(path):
            return None  # a scraper's rows: documents to import (core.readers.json_rows)
        if name == "labelstudio" and _holds_jiyao_records(path):
            # A JSONL export saved as .json: Label Studio's reader would drop its tags.
            name = "jsonl"
    return FORMATS[name] if name else None


def _holds_jiyao_records(path: Path) -> bool:
    """Whether a .json file holds JSON Lines, or a list of Jiyao or doccano records, rather
    than Label Studio tasks: judged by its first records that tell, read from its first
    megabyte, so a large file is not read twice."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            head = handle.read(_SNIFF_CHARACTERS)
    except (OSError, UnicodeDecodeError):
        return False  # the reader says why
    text = head.strip()
    in_list = text.startswith("[")
    decoder = json.JSONDecoder()
    position, count = (1 if in_list else 0), 0
    while count < _SNIFF_RECORDS:
        position = _skip(text, position, ",\n\r\t " if in_list else "\n\r\t ")
        if position >= len(text):
            return False
        try:
            item, position = decoder.raw_decode(text, position)
        except (ValueError, RecursionError):  # cut short, or hostile: the reader decides
            return False
        count += 1
        # One JSON object alone is a Label Studio task, or a JSONL file of one line: its
        # fields tell, as any record's do.
        verdict = _record_kind(item)
        if verdict is not None:
            return verdict
    return False


def _skip(text: str, position: int, characters: str) -> int:
    while position < len(text) and text[position] in characters:
        position += 1
    return position


def _record_kind(item: object) -> bool | None:
    """True for a Jiyao or doccano record (a text beside span triples or Jiyao's own fields),
    False for a Label Studio task (``data``, or JSON_MIN ``label`` regions with ``labels``),
    None when the record does not tell (a text with no tags)."""
    if not isinstance(item, dict) or "data" in item or not isinstance(item.get("text"), str):
        return False
    if any(key in item for key in _JIYAO_FIELDS):
        return True
    for value in item.values():
        if isinstance(value, list) and value:
            if all(isinstance(x, list | str) for x in value) and value is item.get("label"):
                return True
            if any(isinstance(x, dict) and "start_offset" in x for x in value):
                return True
            if any(isinstance(x, dict) and "labels" in x for x in value):
                return False
    return None


_SNIFF_RECORDS = 50
_SNIFF_CHARACTERS = 1 << 20
_JIYAO_FIELDS = ("text_sha256", "offsets", "entity_corrections", "source_text_sha256")


# Never read a set from these, as plain text import never reads a document from them.
_SYSTEM_FOLDERS = tuple(Path(p) for p in ("/proc", "/sys", "/dev")) if os.name == "posix" else ()


def _unreadable_set_reason(path: Path) -> str | None:
    """Why a set file named by the user must not be opened: missing, a system file, or not a
    regular file (a pipe named set.jsonl made the import wait forever for a writer)."""
    try:
        target = path.resolve(strict=True)
        info = target.stat()
    except FileNotFoundError:
        return QT_TRANSLATE_NOOP("Exchange", "no such file or folder")
    except RuntimeError:  # a loop of links (Python 3.11)
        return QT_TRANSLATE_NOOP("Exchange", "a loop of symbolic links")
    except OSError as error:
        return QT_TRANSLATE_NOOP("Exchange", "cannot be read: {0}").format(error.strerror or error)
    if any(target.is_relative_to(folder) for folder in _SYSTEM_FOLDERS):
        return QT_TRANSLATE_NOOP("Exchange", "leads to {0}, a system file; not read").format(
            printable_path(target)
        )
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return QT_TRANSLATE_NOOP(
            "Exchange", "not a regular file (a pipe, device or socket); not read"
        )
    return None


def read_annotated_set(path: Path) -> AnnotatedSet:
    """The set at ``path`` (a file, or a brat folder), by the format its shape says; raises
    UnreadableSet when no reader can use it. A pipe, device or socket is refused here, for every
    format and every caller (the command line, a drop, a second launch): its reader would wait
    for a writer or never reach the end."""
    reason = _unreadable_set_reason(path)
    if reason is not None:
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: {1}").format(printable_path(path.name), reason)
        )
    export_format = annotated_set_format(path)
    if export_format is None:
        raise UnreadableSet(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0}: not an annotated set (.jsonl, .json, .qdpx or a brat folder)"
            ).format(path.name)
        )
    annotated = export_format.reader()(path)
    held = (annotated.documents, annotated.labels, annotated.scheme, annotated.attributes)
    if not any((*held, annotated.memos, annotated.problems)):
        # An empty file would be "imported" with nothing in it, where an empty .txt is refused.
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: the file holds nothing to import").format(path.name)
        )
    return annotated
