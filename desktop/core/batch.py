"""Batch analysis on Dask (``jiyao analyze PATH... --out DIR``, issue 17) and reading its results.

The files under the paths are cut into chunks (``chunk_size`` files each, in path order, so the
same inputs always give the same chunks); each chunk is one Dask task that runs import's own
preparation (:func:`desktop.core.corpus.prepare_found_file`: read, decode, clean, script,
document variables) and then the entities and suggested directives, and hands its rows back.
This process writes each chunk as one Parquet shard (``shards/part-NNNNN.parquet``, written
under a temporary name and renamed, so a shard that exists is whole) beside the reasons of the
files it refused; ``--resume`` skips the shards already there. At the end ``failed.jsonl``
gathers every refusal and ``manifest.json`` says what the folder holds.

Workers read the input files themselves, so they must see the same paths (one machine, or a
shared file system); the results come back to this process, so ``DIR`` need not be shared.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import textio
from desktop.core.corpus import (
    RESULTS_MANIFEST,
    RESULTS_SHARDS,
    FoundFile,
    ImportReport,
    LoadedResults,
    Refusal,
    collect_documents,
    prepare_found_file,
)
from desktop.core.directives import suggestion_records
from desktop.core.entities import PIPELINE_VERSION, entity_spans
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers import ReaderOptions
from desktop.core.script import Script
from desktop.core.store.bulk import UnfitAnalysedRows
from desktop.core.store.documents import DocumentRow, EncodedRow, stored_variables_json

if TYPE_CHECKING:
    import pyarrow
    from distributed import Client

    from desktop.core.store import Store

MANIFEST = RESULTS_MANIFEST
FAILED = "failed.jsonl"
SHARDS = RESULTS_SHARDS
SHARD_FORMAT = 1  # the columns below; a reader refuses shards of another format
DEFAULT_CHUNK_FILES = 500
INSTALL_HINT = QT_TRANSLATE_NOOP(
    "Batch", "batch analysis needs Dask and pyarrow: pip install 'jiyao[cluster]'"
)

# One row per document (a table file gives one per row with text), in this order.
COLUMNS = (
    ("path", "string"),  # the input file as named by the walk
    ("item", "int32"),  # the document's place among the file's documents (rows of a table)
    ("file_sha256", "string"),  # of the file's bytes
    ("title", "string"),
    ("source", "string"),
    ("date", "string"),
    ("source_path", "string"),
    ("encoding", "string"),
    ("script", "string"),
    ("raw_text", "string"),
    ("clean_text", "string"),
    ("removed", "string"),  # JSON [[start, end, kind], ...], as the project stores it
    ("text_sha256", "string"),
    ("metadata", "string"),  # JSON object: the document variables but title, source, date
    ("entities", "string"),  # JSON [[type, start, end, text], ...]
    ("suggestions", "string"),  # JSON [{start, end, text, cue, issuer, strength, deadline}]
    ("pipeline_version", "int32"),
)
ROW_COLUMNS = COLUMNS[3:14]  # the DocumentRow, in its order


class ClusterMissing(RuntimeError):
    """Dask or pyarrow is not installed."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


class ResultsFolderError(ValueError):
    """The output folder cannot take (or is not) the results of a batch analysis."""


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str


@dataclass
class ChunkResult:
    records: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


@dataclass
class BatchReport:
    out: Path
    files: int
    documents: int
    failures: int
    shards_written: int
    shards_skipped: int
    seconds: float
    dashboard: str = ""

    def summary(self) -> str:
        return (
            f"{self.files} files, {self.documents} documents, {self.failures} refused; "
            f"{self.shards_written} shards written, {self.shards_skipped} already there "
            f"({self.seconds:.1f} s) -> {self.out}"
        )


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise ClusterMissing() from error


def _require_cluster_libraries() -> None:
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise ClusterMissing() from error


# --- one file, one chunk: what a worker runs ----------------------------------------------


def analyse_file(
    found: FoundFile,
    *,
    max_bytes: int,
    options: ReaderOptions,
    metadata: dict[str, Any] | None = None,
) -> ChunkResult:
    """One file through import's preparation, then entities and suggested directives; its
    ``metadata`` as its folder's description gives it. Never raises: whatever goes wrong is
    the file's refusal."""
    result = ChunkResult()
    path = str(found.path)
    try:
        outcomes = prepare_found_file(
            found, max_bytes=max_bytes, options=options, metadata=metadata
        )
        rows = [outcome for outcome in outcomes if not isinstance(outcome, str)]
        digest = _file_sha256(found.path) if rows else ""
        for item, outcome in enumerate(outcomes):
            if isinstance(outcome, str):
                result.failures.append(Failure(path, outcome))
            else:
                result.records.append(_record(path, item, digest, outcome))
    except Exception as error:  # one bad file never fails the job
        result.records.clear()
        result.failures.append(Failure(path, f"analysis failed: {type(error).__name__}: {error}"))
    return result


def analyse_chunk(
    files: Sequence[FoundFile],
    max_bytes: int,
    options: ReaderOptions,
    described: Mapping[Path, dict[str, Any]] | None = None,
) -> ChunkResult:
    """A chunk's files, in order (the Dask task); ``described``: the fields their folders'
    metadata.json give them."""
    chunk = ChunkResult()
    described = described or {}
    for found in files:
        result = analyse_file(
            found, max_bytes=max_bytes, options=options, metadata=described.get(found.path)
        )
        chunk.records.extend(result.records)
        chunk.failures.extend(result.failures)
    return chunk


def _file_sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _record(path: str, item: int, digest: str, row: DocumentRow) -> dict[str, Any]:
    record: dict[str, Any] = {"path": path, "item": item, "file_sha256": digest}
    record.update(zip((name for name, _ in ROW_COLUMNS), row, strict=True))
    script = Script(record["script"])
    text = record["clean_text"]
    # Spans and records, not Entity and Suggestion objects: they are only written out.
    entities = entity_spans(text, script)
    suggestions = suggestion_records(text, entities, script)
    record["entities"] = json.dumps(
        [[kind, start, end, text[start:end]] for kind, start, end in entities], ensure_ascii=False
    )
    record["suggestions"] = json.dumps(suggestions, ensure_ascii=False)
    record["pipeline_version"] = PIPELINE_VERSION
    return record


# --- the job ------------------------------------------------------------------------------


@contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, else of a LocalCluster of ``workers``
    processes (one thread each: the pipeline holds the GIL)."""
    _require_cluster_libraries()
    from distributed import Client, LocalCluster

    # The scheduler's and workers' chatter (every connection) is not the user's business.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


ProgressCallback = Callable[[int, int, Path], None]  # chunks done, chunks, the last shard


def run_batch(
    client: Client,
    paths: Sequence[Path],
    out: Path,
    *,
    chunk_size: int = DEFAULT_CHUNK_FILES,
    resume: bool = False,
    options: ReaderOptions | None = None,
    max_bytes: int | None = None,
    progress: ProgressCallback | None = None,
) -> BatchReport:
    """Analyse every file under ``paths`` on ``client``'s cluster into the folder ``out``."""
    _require_cluster_libraries()
    from distributed import as_completed

    started = time.perf_counter()
    if chunk_size < 1:
        raise ResultsFolderError("the chunk size must be at least 1 file")
    limit = textio.max_document_bytes() if max_bytes is None else max_bytes
    options = options or ReaderOptions()
    inputs = [str(path) for path in paths]
    chunk_size = _check_folder(out, inputs, chunk_size, resume=resume)
    # A folder's description is applied to its files, as an import applies it, not analysed.
    files, refused, described = collect_documents(paths)
    chunks = [files[first : first + chunk_size] for first in range(0, len(files), chunk_size)]
    shards = out / SHARDS
    shards.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "format": SHARD_FORMAT,
        "status": "running",
        "inputs": inputs,
        "chunk_size": chunk_size,
        "pipeline_version": PIPELINE_VERSION,
        "jiyao_version": _jiyao_version(),
    }
    _write_json(out / MANIFEST, manifest)
    names = [_shard_name(number) for number in range(len(chunks))]
    todo = [n for n, name in enumerate(names) if not (shards / name).exists()]
    futures = {
        client.submit(
            analyse_chunk,
            chunks[n],
            limit,
            options,
            {f.path: described[f.path] for f in chunks[n] if f.path in described},
            pure=False,
        ): n
        for n in todo
    }
    done = len(chunks) - len(todo)
    for future in as_completed(futures):
        number = futures[future]
        _write_shard(shards, names[number], future.result())
        future.release()
        done += 1
        if progress is not None:
            progress(done, len(chunks), shards / names[number])
    failures = [Failure(str(r.path), r.reason) for r in refused] + _shard_failures(shards, names)
    _write_lines(out / FAILED, [asdict(failure) for failure in failures])
    documents = _shard_rows(shards, names)
    seconds = time.perf_counter() - started
    manifest.update(
        status="complete",
        files=len(files),
        documents=sum(documents),
        failures=len(failures),
        shards=[
            {"name": name, "files": len(chunk), "documents": count}
            for name, chunk, count in zip(names, chunks, documents, strict=True)
        ],
        seconds=round(seconds, 3),
        dashboard=_dashboard(client),
    )
    _write_json(out / MANIFEST, manifest)
    return BatchReport(
        out,
        len(files),
        sum(documents),
        len(failures),
        len(todo),
        len(chunks) - len(todo),
        seconds,
        _dashboard(client),
    )


def _check_folder(out: Path, inputs: list[str], chunk_size: int, *, resume: bool) -> int:
    """The chunk size to use: the earlier run's when resuming it."""
    manifest_path = out / MANIFEST
    if out.exists() and not out.is_dir():
        raise ResultsFolderError(f"{out} is a file, not a folder")
    if not manifest_path.exists():
        if resume and out.exists() and any(out.iterdir()):
            raise ResultsFolderError(f"{out} holds no {MANIFEST}: nothing to resume")
        if out.exists() and any(out.iterdir()):
            raise ResultsFolderError(f"{out} is not empty: give a new or empty folder")
        return chunk_size
    if not resume:
        raise ResultsFolderError(
            f"{out} already holds batch results: add --resume to continue them, "
            "or give another folder"
        )
    earlier = read_manifest(out)
    if earlier.get("inputs") != inputs:
        raise ResultsFolderError(
            f"{out} holds the results of other inputs ({', '.join(earlier.get('inputs', []))})"
        )
    return int(earlier["chunk_size"])


def _shard_name(number: int) -> str:
    return f"part-{number:05d}.parquet"


def _failures_name(shard: str) -> str:
    return shard.removesuffix(".parquet") + ".failed.jsonl"


def _schema() -> pyarrow.Schema:
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])


def _write_shard(shards: Path, name: str, result: ChunkResult) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # The refusals first: a shard that exists has its refusals beside it.
    _write_lines(shards / _failures_name(name), [asdict(f) for f in result.failures])
    table = pa.Table.from_pylist(result.records, schema=_schema())
    partial = shards / (name + ".partial")
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, shards / name)


def _shard_failures(shards: Path, names: list[str]) -> list[Failure]:
    failures: list[Failure] = []
    for name in names:
        text = (shards / _failures_name(name)).read_text(encoding="utf-8")
        failures.extend(Failure(**json.loads(line)) for line in text.splitlines() if line)
    return failures


def _shard_rows(shards: Path, names: list[str]) -> list[int]:
    import pyarrow.parquet as pq

    return [pq.read_metadata(shards / name).num_rows for name in names]


def _dashboard(client: Client) -> str:
    try:
        return str(client.dashboard_link or "")
    except Exception:  # a scheduler without the dashboard's extra libraries
        return ""


def _jiyao_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jiyao")
    except PackageNotFoundError:
        return ""


def _write_json(path: Path, value: dict[str, Any]) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, path)


def _write_lines(path: Path, values: list[dict[str, Any]]) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(
        "".join(json.dumps(value, ensure_ascii=False) + "\n" for value in values),
        encoding="utf-8",
    )
    os.replace(partial, path)


# --- reading the results ------------------------------------------------------------------


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ResultsFolderError(
            QT_TRANSLATE_NOOP("Batch", "{0} cannot be read: {1}").format(folder / MANIFEST, error)
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != SHARD_FORMAT:
        raise ResultsFolderError(
            QT_TRANSLATE_NOOP(
                "Batch", "{0} is not the manifest of batch results this Jiyao reads"
            ).format(folder / MANIFEST)
        )
    return manifest


@dataclass(frozen=True)
class AnalysedDocument:
    """A document of a shard as the project stores it: its row and the pipeline's entities."""

    path: str
    row: EncodedRow
    entities: str  # JSON, as the shard holds it: a list of [type, start, end, text]
    pipeline_version: int


def shard_paths(folder: Path) -> list[Path]:
    """The whole shards of a results folder, in order (a run still going may lack some)."""
    manifest = read_manifest(folder)
    if manifest.get("status") != "complete":
        raise ResultsFolderError(
            QT_TRANSLATE_NOOP(
                "Batch",
                "{0} holds an unfinished run: finish it with jiyao analyze --out {0} --resume",
            ).format(folder)
        )
    return [folder / SHARDS / shard["name"] for shard in manifest["shards"]]


# What the project stores of a shard, no more: the suggestions are made again when a
# document is opened.
_LOADED_COLUMNS = ("path", *(name for name, _ in ROW_COLUMNS), "entities", "pipeline_version")
# Read as UTF-8 bytes, which SQLite stores as they are: decoding them into Python texts only
# for sqlite3 to encode them again was a sixth of a bulk load (issue 17).
_TEXT_COLUMNS = frozenset({"raw_text", "clean_text"})


class ShardRefused(ValueError):
    """A shard that cannot be loaded; ``str(error)`` is the reason, without its path."""


def read_shard(path: Path) -> list[AnalysedDocument]:
    """The documents of one shard. One that cannot be read (damaged, cut short, not written
    by ``jiyao analyze --out``, a text that is not UTF-8) raises ShardRefused."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # ParquetFile: without the datasets layer that read_table starts up first.
        table = pq.ParquetFile(path).read(columns=list(_LOADED_COLUMNS))
        _check_loaded_columns(table)
        columns = {name: _column_values(name, table.column(name)) for name in _LOADED_COLUMNS}
        # A shard written before NaN and Infinity were stored as text may hold them as numbers.
        columns["metadata"] = list(map(stored_variables_json, columns["metadata"]))
    except (OSError, ValueError, TypeError, pa.ArrowException) as error:
        raise ShardRefused(
            QT_TRANSLATE_NOOP("Batch", "cannot be read: {0}").format(error)
        ) from error
    rows = zip(*(columns[name] for name, _ in ROW_COLUMNS), strict=True)
    return [
        AnalysedDocument(path, tuple(row), entities, version)
        for path, row, entities, version in zip(
            columns["path"], rows, columns["entities"], columns["pipeline_version"], strict=True
        )
    ]


def _check_loaded_columns(table: pyarrow.Table) -> None:
    """Each column the project stores is there, of the type ``jiyao analyze`` writes, and
    without empty (null) values: else ValueError."""
    types = dict(COLUMNS)
    for name in _LOADED_COLUMNS:
        if name not in table.column_names:
            raise ValueError(f"no column {name}")
        column = table.column(name)
        if str(column.type) != types[name]:
            raise ValueError(f"column {name} holds {column.type}, not {types[name]}")
        if column.null_count:
            raise ValueError(f"column {name} has {column.null_count} empty values")


def _column_values(name: str, column: pyarrow.ChunkedArray) -> list[Any]:
    import pyarrow as pa

    if name not in _TEXT_COLUMNS:
        return column.to_pylist()
    column.validate(full=True)  # the UTF-8 checked, as decoding it would have
    return column.cast(pa.binary()).to_pylist()


@dataclass
class LoadReport:
    imported: int = 0
    duplicates: int = 0
    shards: int = 0
    index_deferred: bool = False
    refused: list[Refusal] = field(default_factory=list)  # shards that cannot be read

    def summary(self) -> str:
        refused = f", {len(self.refused)} refused" if self.refused else ""
        return (
            f"{self.imported} imported, {self.duplicates} duplicates skipped "
            f"({self.shards} shards of analysed documents{refused})"
        )


def load_results_into(
    report: ImportReport,
    store: Store,
    folder: Path,
    *,
    progress: ProgressCallback | None = None,
) -> None:
    """:func:`load_results` for an import that also takes plain files (the window's): what
    was loaded goes into ``report``, and a folder that cannot be loaded is refused there with
    its reason, the others going on."""
    try:
        loaded = load_results(store, folder, progress=progress)
    except (ClusterMissing, ResultsFolderError) as error:
        report.refused.append(Refusal(folder, str(error)))
        return
    report.refused.extend(loaded.refused)
    report.analysed.append(
        LoadedResults(folder, loaded.imported, loaded.duplicates, loaded.index_deferred)
    )


def load_results(
    store: Store, folder: Path, *, progress: ProgressCallback | None = None
) -> LoadReport:
    """Store the documents of a results folder with their entities, one transaction per shard
    (a load stopped halfway keeps the shards it finished; loading again skips them)."""
    _require_pyarrow()
    paths = shard_paths(folder)
    report = LoadReport()
    # A load as large as the project (a new one, above all) leaves the search index to be
    # built once afterwards; a small one keeps it in step.
    index = store.document_count() > int(read_manifest(folder).get("documents", 0))
    with store.bulk_loading():
        for done, path in enumerate(paths, start=1):
            try:
                _load_shard(store, path, report, index=index)
            except ShardRefused as error:  # the other shards go on
                report.refused.append(Refusal(path, str(error)))
            if progress is not None:
                progress(done, len(paths), path)
    return report


def _load_shard(store: Store, path: Path, report: LoadReport, *, index: bool) -> None:
    documents = read_shard(path)
    try:
        ids = store.add_analysed_rows(
            [(d.row, d.entities, d.pipeline_version) for d in documents], index=index
        )
    except UnfitAnalysedRows as error:
        raise ShardRefused(
            QT_TRANSLATE_NOOP("Batch", "cannot be loaded: {0}").format(error)
        ) from error
    stored = sum(document_id is not None for document_id in ids)
    report.imported += stored
    report.duplicates += len(ids) - stored
    report.shards += 1
    report.index_deferred = not index
