"""Import files and folders into a project: decode, clean, detect the script, store.

One bad file never stops the others: it is refused with a one-line reason. Documents whose
clean text is already in the project are skipped as duplicates. Work is committed in batches,
each one transaction, so a cancelled import keeps what it had finished.

A folder is read without leaving it: links out of it (or into /proc, /sys, /dev) are refused,
links to folders are not followed, pipes and devices are never opened, and a file above the
document size limit is refused from its size. Jiyao's own CSV and CoNLL export folders are
refused as a whole: their README and label lists are not documents.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import logging
import marshal
import mmap
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from desktop.core import textio
from desktop.core.cleaning import clean, cleaned_for_storage
from desktop.core.docmeta import read_metadata
from desktop.core.exports.output import EXPORT_MARKER, is_brat_folder
from desktop.core.folder_metadata import sidecar_metadata
from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.model import NewDocument, Removal
from desktop.core.readers import (
    READ_SUFFIXES,
    ReaderOptions,
    RowRefusal,
    SourceText,
    holds_many,
    reader_for,
)
from desktop.core.resources import seeds_dir
from desktop.core.script import script_of
from desktop.core.store import Store
from desktop.core.store.documents import DocumentRow, EncodedRow, document_row, encoded_row
from desktop.core.store.search_index import IndexEntry, index_entry

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

log = logging.getLogger(__name__)

# Plain text, and the formats a reader in core/readers turns into text (HTML, PDF, Word, tables).
PLAIN_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
SUPPORTED_SUFFIXES = PLAIN_TEXT_SUFFIXES | READ_SUFFIXES
# Documents stored per transaction. Each commit ends a search-index segment that FTS5 later
# merges: at 1,000 rather than 200 an import of 20,000 files writes a fifth of them and spends
# a fifth less time writing (issue 13, import speed); a batch is a few tens of MB in memory.
BATCH_SIZE = 1000
# What `jiyao analyze --out` writes in its folder (desktop.core.batch).
RESULTS_MANIFEST = "manifest.json"
RESULTS_SHARDS = "shards"
# Below this many files a pool of processes costs more to start than it saves.
POOL_MIN_FILES = 400
# An import of at least as many files as the project holds that stores at least this many
# new documents leaves the search index to be built once afterwards (by the window in the
# background, or the first `jiyao search`), as a bulk load does: keeping it in step costs
# the writing process more than storing the documents does, four times the bare insert for
# 20,000 files (issue 13). Fewer new ones (a folder imported again for its few new files)
# are indexed in step: rebuilding the whole index for them would cost far more.
DEFER_INDEX_MIN_FILES = 400
POOL_CHUNK_FILES = 50  # files a worker process prepares per task
# A worker process writes a chunk's texts, UTF-8, into memory it shares with the writing
# process, which copies them out once, and the rest of its outcomes marshalled after them:
# through the pool's pipe (64 KB at a time, each chunk pickled, copied in and out of the
# kernel and unpickled) they cost the two processes an eighth of what preparing the files
# does, and marshalled whole a text is copied twice more (issue 17). A chunk's place holds
# this many bytes (a chunk of 50 files of 6 KB takes about 0.6 MB); what does not fit goes
# by the pipe.
POOL_SLOT_BYTES = 2 << 20
# Worker processes run this much below the process that writes: it stores the documents
# in their order, and while a worker holds its core the rows ready to store wait (on 2 cores
# three processes share them; issue 17).
WORKER_NICENESS = 5
# Worker processes are forked, on Linux only: a spawned one would import Jiyao again first,
# and run the main script again (a frozen Windows build would open another window); macOS
# advises against fork.
POOL_BY_FORK = sys.platform.startswith("linux")

ProgressCallback = Callable[[int, int, Path], None]  # done, total, current file
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Refusal:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{textio.printable_path(self.path)}: {self.reason}"


@dataclass(frozen=True)
class FoundFile:
    path: Path
    folder: Path | None  # the folder the user chose it in, resolved; None for a named file
    linked: bool = False  # a symbolic link: where it leads is checked when it is read
    source_path: str = ""  # the resolved path, when the walk knows it without a look-up
    regular: bool = False  # the folder's listing said it is a regular file


@dataclass(frozen=True)
class LoadedResults:
    """What a folder of ``jiyao analyze --out`` results brought (issue 17)."""

    folder: Path
    imported: int
    duplicates: int
    index_deferred: bool  # the search index is built afterwards, whole


@dataclass
class ImportReport:
    imported: list[tuple[Path, int]] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    cancelled: bool = False
    analysed: list[LoadedResults] = field(default_factory=list)
    index_deferred: bool = False  # the search index is built afterwards, whole

    def summary(self) -> str:
        text = (
            f"{len(self.imported)} imported, {len(self.duplicates)} duplicates skipped, "
            f"{len(self.refused)} refused"
        )
        if self.analysed:
            loaded = sum(results.imported for results in self.analysed)
            text += f"; {loaded} analysed documents loaded"
        return text + (" (cancelled)" if self.cancelled else "")


def collect_files(paths: Iterable[Path]) -> tuple[list[FoundFile], list[Refusal]]:
    """Expand folders (recursively, supported suffixes, no hidden files, links to folders not
    followed); keep named files, whatever their kind, so that reading them gives the reason."""
    files: list[FoundFile] = []
    refused: list[Refusal] = []
    for path in paths:
        if path.is_dir():
            reason = (
                _unreadable_name_reason(path)
                or export_folder_reason(path)
                or _results_folder_reason(path)
                or _system_folder_reason(path)
            )
            if reason:
                refused.append(Refusal(path, reason))
                continue
            found, skipped = _files_in_folder(path)
            files.extend(found)
            refused.extend(skipped)
        elif path.exists():
            files.append(FoundFile(path, None))
        else:
            refused.append(Refusal(path, QT_TRANSLATE_NOOP("Import", "no such file or folder")))
    return files, refused


def collect_documents(
    paths: Iterable[Path],
) -> tuple[list[FoundFile], list[Refusal], dict[Path, dict[str, Any]]]:
    """:func:`collect_files` with the folders' metadata.json descriptions taken out and
    applied: the files to read, the refusals, and the fields each described file is given."""
    files, refused = collect_files(paths)
    sidecars = sidecar_metadata(f.path for f in files if f.folder is not None)
    if sidecars.files:
        files = [found for found in files if found.path not in sidecars.files]
    refused += [Refusal(path, reason) for path, reason in sidecars.refused.items()]
    return files, refused, sidecars.described


def analysis_results_folders(paths: Iterable[Path]) -> list[Path]:
    """The paths that hold ``jiyao analyze --out`` results (desktop.core.batch), which are
    loaded, not read as files: a manifest beside a folder of shards."""
    return [path for path in paths if is_results_folder(path)]


def is_results_folder(path: Path) -> bool:
    return (
        path.is_dir() and (path / RESULTS_MANIFEST).is_file() and (path / RESULTS_SHARDS).is_dir()
    )


def export_folder_reason(folder: Path) -> str | None:
    """Why a folder Jiyao exported is not documents to import; None for any other folder."""
    if not (folder / EXPORT_MARKER).exists():
        return None
    if is_brat_folder(folder):
        return QT_TRANSLATE_NOOP(
            "Import", "a Jiyao brat export: import the folder itself, as an annotated set"
        )
    if (folder / "documents.csv").exists() or (folder / "annotations.csv").exists():
        kind = "CSV"
    elif any(folder.glob("*.conll")):
        kind = "CoNLL"
    else:
        kind = "folder"
    return QT_TRANSLATE_NOOP(
        "Import",
        "a Jiyao {0} export: it cannot be read back; import the .jsonl/.qdpx/brat export instead",
    ).format(kind)


def _results_folder_reason(folder: Path) -> str | None:
    """A folder of ``jiyao analyze --out`` results met as files (inside a folder imported):
    its manifest and failures are no documents."""
    if not is_results_folder(folder):
        return None
    return QT_TRANSLATE_NOOP(
        "Import",
        "the results of jiyao analyze --out: import this folder by itself (File > Import "
        "analysis results…)",
    )


def _unreadable_name_reason(folder: Path) -> str | None:
    """A folder whose name (or a parent's) is not valid text is refused once, by name, rather
    than each file in it for a file name that is fine."""
    if not textio.has_unreadable_name(folder):
        return None
    return QT_TRANSLATE_NOOP(
        "Import",
        "the folder's name is not valid text: rename the folder (none of its files was read)",
    )


def _system_folder_reason(folder: Path) -> str | None:
    if textio.system_place(folder.resolve()):
        return QT_TRANSLATE_NOOP("Import", "a folder of the system's, not documents; not read")
    return None


def _files_in_folder(root: Path) -> tuple[list[FoundFile], list[Refusal]]:
    """The candidate files under ``root`` in path order, and the sub-folders refused.

    Links to folders are not walked, so every file that is not itself a link lies inside
    ``root``: its resolved path is the resolved root's with the same tail."""
    resolved = root.resolve()
    resolved_root = str(resolved)
    prefix_length = len(str(root))
    found: list[tuple[tuple[str, ...], FoundFile]] = []  # each with its place in path order
    refused: list[Refusal] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            refused.append(
                Refusal(
                    folder,
                    QT_TRANSLATE_NOOP("Import", "cannot be listed: {0}").format(
                        error.strerror or error
                    ),
                )
            )
            continue
        order = _path_order(folder)
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                path = folder / name  # a child of a Path: half the cost of parsing a path
                reason = (
                    _unreadable_name_reason(path)
                    or export_folder_reason(path)
                    or _results_folder_reason(path)
                )
                if reason:
                    refused.append(Refusal(path, reason))
                else:
                    pending.append(path)
            elif _suffix(name).lower() in SUPPORTED_SUFFIXES:
                # Links, pipes and devices are refused when read.
                linked = entry.is_symlink()
                source = "" if linked else resolved_root + entry.path[prefix_length:]
                key = (*order, name if os.name == "posix" else name.lower())
                regular = entry.is_file(follow_symlinks=False)  # from the listing, mostly
                found.append((key, FoundFile(folder / name, resolved, linked, source, regular)))
    # Sorted by keys compared in C, made once per folder: Path's own comparison, called
    # 300,000 times to sort 20,000 files, took longer than the walk.
    found.sort(key=itemgetter(0))
    return [each for _key, each in found], refused


def _suffix(name: str) -> str:
    """``Path(name).suffix``, without making a Path (a walk of 20,000 files asks 20,000 times)."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _path_order(path: Path) -> tuple[str, ...]:
    """What Path objects are ordered by: their parts, case-folded where the system ignores
    case."""
    parts = path.parts
    return parts if os.name == "posix" else tuple(part.lower() for part in parts)


def prepare_text(
    source: SourceText,
    *,
    source_path: str,
    fallback_title: str,
    metadata: dict[str, Any] | None = None,
) -> NewDocument:
    """A document from decoded text and the variables its source gave (``metadata``, the
    caller's, wins over them, and they over what the text itself says)."""
    cleaned = clean(source.text)
    return _new_document(
        source, cleaned.text, cleaned.removals, source_path, fallback_title, metadata
    )


def prepare_row(
    source: SourceText,
    *,
    source_path: str,
    fallback_title: str,
    metadata: dict[str, Any] | None = None,
) -> DocumentRow:
    """``document_row(prepare_text(...))``, made without a Removal for each removal (what
    an import stores: issue 13, import speed)."""
    clean_text, removed_json = cleaned_for_storage(source.text)
    document = _new_document(source, clean_text, (), source_path, fallback_title, metadata)
    return document_row(document, removed_json=removed_json)


def _new_document(
    source: SourceText,
    clean_text: str,
    removed: tuple[Removal, ...],
    source_path: str,
    fallback_title: str,
    metadata: dict[str, Any] | None,
) -> NewDocument:
    found = read_metadata(clean_text, fallback_title)
    given = {**source.variables, **(metadata or {})}
    return NewDocument(
        title=given.get("title") or found.title,
        raw_text=source.text,
        clean_text=clean_text,
        encoding=source.encoding,
        script=script_of(clean_text).value,
        removed=removed,
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
    max_document_bytes: int | None = None,
    workers: int = 1,
    reader_options: ReaderOptions | None = None,
) -> ImportReport:
    """Import files and folders; ``max_document_bytes`` defaults to
    :func:`textio.max_document_bytes` (ValueError for a size limit that is no number).

    ``workers`` above 1: files are read, decoded and cleaned by that many processes when
    there are at least POOL_MIN_FILES of them, and by this one while it waits for them; this
    process stores them, in the same order, so the documents, their ids and the report are
    the same as with one."""
    limit = textio.max_document_bytes() if max_document_bytes is None else max_document_bytes
    files, refused, described = collect_documents(paths)
    report = ImportReport(refused=refused)
    batch: list[tuple[Path, Prepared]] = []
    options = reader_options or ReaderOptions()

    def given(path: Path) -> dict[str, Any] | None:
        fields = {**described.get(path, {}), **((metadata_for and metadata_for(path)) or {})}
        return fields or None

    if described or metadata_for is not None:
        jobs = [(found, given(found.path), limit, options) for found in files]
    else:  # nothing given: no look-up of each path (hashing 20,000 paths takes a while)
        jobs = [(found, None, limit, options) for found in files]
    # Worker processes make no index entries for an import that may leave the index stale:
    # the few documents such an import indexes after all are folded here.
    deferrable = defers_search_index(store, len(files))

    def store_while_waiting(at_least: int) -> bool:
        """The workers' files to store next are still under way: what is ready is stored
        meanwhile if there are ``at_least`` documents (at the end of an import, rather than
        all of it after their last files); whether it was. Not the first few documents of an
        import that may leave the index stale, which it would keep in step otherwise."""
        if len(batch) >= max(at_least, 1) and (
            not deferrable or report.index_deferred or len(batch) >= DEFER_INDEX_MIN_FILES
        ):
            _store_batch(store, batch, report, deferrable=deferrable)
            return True
        return False

    outcomes = _outcomes_in_order(
        jobs, workers, index=not deferrable, while_waiting=store_while_waiting
    )
    try:
        for done, found in enumerate(files, start=1):
            if is_cancelled is not None and is_cancelled():
                report.cancelled = True
                break
            for outcome in next(outcomes):
                if isinstance(outcome, str):
                    report.refused.append(Refusal(found.path, outcome))
                else:
                    batch.append((found.path, outcome))
            if len(batch) >= BATCH_SIZE:
                _store_batch(store, batch, report, deferrable=deferrable)
            if progress is not None:
                progress(done, len(files), found.path)
    finally:
        outcomes.close()  # a cancelled import stops its worker processes
    _store_batch(store, batch, report, deferrable=deferrable)
    log.info("import: %s", report.summary())
    return report


def defers_search_index(store: Store, files: int) -> bool:
    """Whether an import of ``files`` files into ``store`` may leave its search index to be
    built afterwards (see DEFER_INDEX_MIN_FILES): it does once it has stored that many."""
    return files >= DEFER_INDEX_MIN_FILES and files >= store.document_count()


def _unreadable_file_name(path: Path) -> str:
    if textio.has_unreadable_name(path.parent):  # a file named inside such a folder
        return QT_TRANSLATE_NOOP(
            "Import", "the name of its folder is not valid text; rename the folder"
        )
    return QT_TRANSLATE_NOOP("Import", "the file name is not valid text; rename the file")


# (the file, its metadata given by the caller, the size limit, the table columns named): what
# one file's preparation needs, sent to a worker process as it is.
Job = tuple[FoundFile, dict[str, Any] | None, int, ReaderOptions]
# A file's stored row, or the reason it is refused; a table's rows (or their refusals), in order.
Outcome = DocumentRow | str | list[DocumentRow | str]


def _each(outcome: Outcome) -> list[DocumentRow | str]:
    return outcome if isinstance(outcome, list) else [outcome]


# A document's row (its texts encoded when a worker process made it) and, when a worker
# process made it, its search index entry; or a refusal.
Prepared = tuple[DocumentRow | EncodedRow, IndexEntry | None]


def _outcomes_in_order(
    jobs: list[Job],
    workers: int,
    *,
    index: bool = True,
    while_waiting: Callable[[int], bool] | None = None,
) -> Generator[list[Prepared | str], None, None]:
    """Each job's documents (or refusals), in the jobs' order: here, or by ``workers``
    processes for many (which also make their search index entries when ``index``, so that
    this process, the one that writes, does not fold their texts: issue 13).
    ``while_waiting`` is called when the workers' last files are under way, with the
    fewest documents worth storing; it says whether it stored them."""
    if workers <= 1 or len(jobs) < POOL_MIN_FILES or not POOL_BY_FORK:
        for job in jobs:
            yield [_unindexed(outcome) for outcome in _each(_outcome(job))]
        return
    # Loaded here: an import of a few files does without them.
    import multiprocessing

    _load_tables()
    # A forked worker shares this process's memory until it writes to it, and a garbage
    # collection there writes to every object it visits (a fifth of the workers' time for
    # 20,000 files): frozen, the objects made so far are left alone, in the workers and
    # here, until the import ends.
    gc.freeze()
    # The workers are forked with the jobs in their memory: a task names its files by their
    # places in the list, rather than carrying them pickled (pickling and unpickling their
    # paths cost a tenth of what preparing the files does; issue 17).
    key = next(_pool_keys)
    _POOL_JOBS[key] = jobs
    # Anonymous and shared, made before the workers fork: its pages are theirs and this
    # process's alike.
    _POOL_SLOTS[key] = mmap.mmap(-1, _in_flight(workers) * POOL_SLOT_BYTES)
    try:
        yield from _pooled_outcomes(
            key,
            len(jobs),
            workers,
            multiprocessing.get_context("fork"),
            index=index,
            while_waiting=while_waiting,
        )
    finally:
        del _POOL_JOBS[key]
        _POOL_SLOTS.pop(key).close()
        gc.unfreeze()


# The jobs of each import under way with worker processes, by a key of its own (two imports
# may run at once in the window's process); a worker reads its import's jobs from here.
_POOL_JOBS: dict[int, list[Job]] = {}
# The memory each import's workers write their chunks' outcomes into, a place per chunk in
# flight (see POOL_SLOT_BYTES).
_POOL_SLOTS: dict[int, mmap.mmap] = {}
_pool_keys = itertools.count()


def _in_flight(workers: int) -> int:
    """The chunks given out at most at once: a bounded number, as finished rows wait in
    memory for the store; enough that the workers go on while this process commits a batch
    (an fsync can take a while on a busy disk): two batches' worth."""
    return max(2 * workers, 2 * BATCH_SIZE // POOL_CHUNK_FILES)


def _place(key: int, first: int) -> int:
    """Where, in import ``key``'s shared memory, the chunk from job ``first`` is left: the
    chunk ``_in_flight`` chunks before it has been read (and let go) before this one is
    given out, so no two chunks in flight share a place."""
    places = len(_POOL_SLOTS[key]) // POOL_SLOT_BYTES
    return first // POOL_CHUNK_FILES % places * POOL_SLOT_BYTES


# A chunk of an import's jobs, first to last: a worker's future, or the outcomes this
# process prepared.
ChunkOutcomes = list[list[Prepared | str]]
# Where a text lies in the shared memory: its first byte and the byte after its last.
Span = tuple[int, int]
# What a worker answers for a chunk: where its outcomes lie, marshalled, in the chunk's place
# in the shared memory (or those outcomes marshalled, when they do not fit), their texts
# replaced by their spans in the same place (or left as they are, when they do not fit),
# and its refusals by their places (a refusal's Message, which marshal cannot write, left
# None).
Sent = tuple[Span | bytes, dict[tuple[int, int], str]]
Chunk = tuple[int, int, "Future[Sent] | ChunkOutcomes"]


def _pooled_outcomes(
    key: int,
    count: int,
    workers: int,
    context: BaseContext,
    *,
    index: bool,
    while_waiting: Callable[[int], bool] | None = None,
) -> Generator[list[Prepared | str], None, None]:
    """The jobs' outcomes, prepared by ``workers`` processes and, while the next chunk to
    store is not ready, by this one: it prepares a chunk no worker has started rather than
    wait, and what it prepares is neither pickled, piped nor unpickled (issue 17)."""
    from concurrent.futures import ProcessPoolExecutor

    window: deque[Chunk] = deque()  # in the jobs' order
    in_flight = _in_flight(workers)
    firsts = iter(range(0, count, POOL_CHUNK_FILES))
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_below_the_writer) as pool:
        try:
            while True:
                for first in itertools.islice(firsts, max(0, in_flight - len(window))):
                    last = min(first + POOL_CHUNK_FILES, count)
                    future = pool.submit(_chunk_outcomes, key, first, last, index)
                    window.append((first, last, future))
                if not window:
                    return
                outcomes = window[0][2]
                if not isinstance(outcomes, list) and not outcomes.done():
                    # At the end (every chunk given out), a good part of a batch ready is
                    # stored first, and what is ready when nothing is left to prepare: the
                    # workers prepare the last chunks meanwhile, and what is left to store
                    # when they are done is little. Not a commit each time the workers are
                    # behind in the middle of an import, nor one per chunk (each commit
                    # waits for the disk).
                    waiting = while_waiting if len(window) < in_flight else None
                    if waiting is not None and waiting(BATCH_SIZE // 4):
                        continue
                    if _take_a_chunk(window, key, index=index):
                        continue
                    if waiting is not None:
                        waiting(1)
                if not isinstance(outcomes, list):
                    outcomes = _received(key, outcomes.result())
                window.popleft()  # its place in the shared memory may now be given out
                yield from outcomes
        finally:
            for _first, _last, outcomes in window:
                if not isinstance(outcomes, list):
                    outcomes.cancel()


def _below_the_writer() -> None:
    """In a new worker process: its priority lowered by WORKER_NICENESS."""
    with contextlib.suppress(OSError):  # a system that refuses: the same work, unordered
        os.nice(WORKER_NICENESS)


def _take_a_chunk(window: deque[Chunk], key: int, *, index: bool) -> bool:
    """Prepare here the first chunk of ``window`` that no worker has started (its future
    cancelled), in its place; False when the workers have started them all."""
    for place, (first, last, outcomes) in enumerate(window):
        if not isinstance(outcomes, list) and outcomes.cancel():
            jobs = _POOL_JOBS[key][first:last]
            prepared = [_prepared_here(_outcome(job), index=index) for job in jobs]
            window[place] = (first, last, prepared)
            return True
    return False


def _load_tables() -> None:
    """Build the tables and patterns that preparing a document loads on first use, here and
    once: forked worker processes inherit them rather than each building its own."""
    textio.common_hanzi()
    clean("書(shū)")  # the injected words' pattern is built for a text with a gloss
    script_of("")


def _chunk_outcomes(key: int, first: int, last: int, index: bool) -> Sent:
    """In a worker process: the outcomes of jobs ``first`` to ``last`` of import ``key``, the
    texts encoded, written into the chunk's place in the shared memory (see Sent)."""
    place = _ChunkPlace(_POOL_SLOTS[key], _place(key, first))
    outcomes: list[list[tuple[tuple[Any, ...], IndexEntry | None] | None]] = []
    refusals: dict[tuple[int, int], str] = {}
    for number_of_job, job in enumerate(_POOL_JOBS[key][first:last]):
        each: list[tuple[tuple[Any, ...], IndexEntry | None] | None] = []
        for number, outcome in enumerate(_each(_outcome(job))):
            if isinstance(outcome, str):
                refusals[number_of_job, number] = outcome
                each.append(None)
            else:
                entry = index_entry(outcome[7]) if index else None
                each.append((place.with_texts_placed(encoded_row(outcome)), entry))
        outcomes.append(each)
    data = marshal.dumps(outcomes)
    return place.put(data) or data, refusals


class _ChunkPlace:
    """A chunk's place in an import's shared memory, filled from its start by a worker."""

    def __init__(self, shared: mmap.mmap, start: int) -> None:
        self._shared = shared
        self._next = start
        self._end = start + POOL_SLOT_BYTES

    def put(self, data: bytes) -> Span | None:
        """``data`` written at the next free byte: its span; None when it does not fit."""
        start = self._next
        end = start + len(data)
        if end > self._end:
            return None
        self._shared[start:end] = data
        self._next = end
        return start, end

    def with_texts_placed(self, row: EncodedRow) -> EncodedRow | tuple[Any, ...]:
        """``row`` with its raw and clean texts replaced by their spans here (the same span
        for the one object both are); as it is when they do not fit."""
        raw, clean = row[6], row[7]
        if self._next + len(raw) + (0 if clean is raw else len(clean)) > self._end:
            return row
        raw_span = self.put(raw)
        clean_span = raw_span if clean is raw else self.put(clean)
        return (*row[:6], raw_span, clean_span, *row[8:])


def _received(key: int, sent: Sent) -> ChunkOutcomes:
    """The outcomes a worker prepared for a chunk, read from where it left them (copied
    out: the chunk's place is given to another chunk next)."""
    data, refusals = sent
    shared = _POOL_SLOTS[key]
    outcomes = marshal.loads(data if isinstance(data, bytes) else shared[slice(*data)])
    for each in outcomes:
        for number, outcome in enumerate(each):
            if outcome is not None and isinstance(outcome[0][6], tuple):
                each[number] = _texts_taken_out(shared, outcome[0]), outcome[1]
    for (place_of_job, number), refusal in refusals.items():
        outcomes[place_of_job][number] = refusal
    return cast(ChunkOutcomes, outcomes)


def _texts_taken_out(shared: mmap.mmap, row: tuple[Any, ...]) -> EncodedRow:
    raw = shared[slice(*row[6])]
    clean = raw if row[7] == row[6] else shared[slice(*row[7])]
    return (*row[:6], raw, clean, *row[8:])


def _unindexed(outcome: DocumentRow | str) -> Prepared | str:
    return outcome if isinstance(outcome, str) else (outcome, None)


def _prepared_here(outcome: Outcome, *, index: bool) -> list[Prepared | str]:
    """A job's outcome prepared by the process that writes, while it waits for the workers,
    as a worker prepares it (its texts left as they are: they are not sent)."""
    return [
        _unindexed(each) if isinstance(each, str) or not index else (each, index_entry(each[7]))
        for each in _each(outcome)
    ]


def _outcome(job: Job) -> Outcome:
    found, metadata, limit, options = job
    path = found.path
    source_path = found.source_path or str(path.resolve())
    try:
        if textio.has_unreadable_name(path):
            # Its name could not be stored or shown; the others go on.
            raise textio.UnreadableFile(_unreadable_file_name(path))
        data = _read(found, limit, many=holds_many(path))
        reader = reader_for(path)
        if reader is None:
            decoded = textio.decode_bytes(data)
            return prepare_row(
                SourceText(decoded.text, decoded.encoding),
                source_path=source_path,
                fallback_title=path.stem,
                metadata=metadata,
            )
        sources = reader(data, replace(options, max_document_bytes=limit))
    except textio.UnreadableFile as error:
        return message_of(error)
    return _source_rows(sources, source_path, path.stem, metadata)


def _source_rows(
    sources: list[SourceText | RowRefusal],
    source_path: str,
    stem: str,
    metadata: dict[str, Any] | None,
) -> Outcome:
    """What a reader gave, as rows to store; one document alone as its row, as for text."""
    rows: list[DocumentRow | str] = []
    for source in sources:
        if isinstance(source, RowRefusal):
            rows.append(source.message())
            continue
        if "\x00" in source.text:  # SQLite's text ends at NUL; a PDF's text layer may hold one
            source = SourceText(source.text.replace("\x00", ""), source.encoding, source.variables)
        rows.append(
            prepare_row(source, source_path=source_path, fallback_title=stem, metadata=metadata)
        )
    return rows[0] if len(rows) == 1 else rows


def _read(found: FoundFile, limit: int, *, many: bool = False) -> bytes:
    """The file's bytes; ``many``: a file of many documents, allowed MANY_DOCUMENTS_FACTOR
    times one document's ``limit``."""
    if found.folder is None or found.linked:
        return textio.read_bytes(found.path, within=found.folder, max_bytes=limit, many=many)
    # Inside: see the walk.
    return textio.read_regular_file(found.path, limit, many=many, seen_regular=found.regular)


def _store_batch(
    store: Store, batch: list[tuple[Path, Prepared]], report: ImportReport, *, deferrable: bool
) -> None:
    if not batch:
        return
    defer_at = None  # the new documents that leave the index stale, counting this import's
    if deferrable and not report.index_deferred:
        defer_at = DEFER_INDEX_MIN_FILES - len(report.imported)
    ids = store.add_document_rows(
        [row for _, (row, _) in batch],
        [entry for _, (_, entry) in batch],
        defer_index_at=defer_at,
    )
    stored = sum(document_id is not None for document_id in ids)
    if defer_at is not None and stored and stored >= defer_at:
        report.index_deferred = True
    for (path, _), document_id in zip(batch, ids, strict=True):
        if document_id is None:
            report.duplicates.append(path)
        else:
            report.imported.append((path, document_id))
    batch.clear()


def import_seeds(store: Store) -> ImportReport:
    """Import the demo documents shipped in seeds/, with what their metadata.json says of
    them: as ``jiyao import seeds/`` does."""
    return import_paths(store, [seeds_dir()])


def prepare_found_file(
    found: FoundFile,
    *,
    max_bytes: int,
    options: ReaderOptions,
    metadata: dict[str, Any] | None = None,
) -> list[DocumentRow | str]:
    """One file as import prepares it, with the ``metadata`` given for it: its documents'
    rows, or the reasons they are refused (``jiyao analyze --out`` runs this on each Dask
    worker, issue 17)."""
    return _each(_outcome((found, metadata, max_bytes, options)))
