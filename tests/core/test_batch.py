"""Batch analysis on Dask and loading its results (issue 17), on an in-process cluster; the
command line's runs on a LocalCluster of processes and on a started scheduler are in
tests/test_cli_batch.py."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from distributed import Client, LocalCluster

from desktop.core import batch
from desktop.core.analysis import analyze_text
from desktop.core.corpus import collect_files, import_paths
from desktop.core.readers import ReaderOptions
from desktop.core.store import Store
from desktop.core.textio import decode_bytes, max_document_bytes
from tests.conftest import SIMPLIFIED_SEED, TRADITIONAL_SEED

if TYPE_CHECKING:
    import pyarrow

READERS = Path(__file__).resolve().parent.parent / "data" / "readers"


def make_corpus(folder: Path) -> Path:
    """Good files of every kind among bad ones."""
    folder.mkdir(parents=True)
    shutil.copy(TRADITIONAL_SEED, folder / "a_traditional.txt")
    shutil.copy(SIMPLIFIED_SEED, folder / "b_simplified.txt")
    shutil.copy(READERS / "scraped.csv", folder / "c_table.csv")
    shutil.copy(READERS / "gov_readout.gbk.html", folder / "d_page.html")
    (folder / "e_bad_utf16.txt").write_bytes(b"\xff\xfe\x00\xd8bad")
    (folder / "f_empty.txt").write_bytes(b"")
    sub = folder / "sub"
    sub.mkdir()
    (sub / "g_short.txt").write_text("李淼同志要求，3月底前完成复工复产。\n", encoding="utf-8")
    (sub / "h_same_as_a.txt").write_bytes(TRADITIONAL_SEED.read_bytes())
    return folder


def shard_rows(out: Path) -> list[dict]:
    import pyarrow.parquet as pq

    rows: list[dict] = []
    for path in sorted((out / batch.SHARDS).glob("*.parquet")):
        rows.extend(pq.read_table(path).to_pylist())
    return rows


def alone(folder: Path) -> tuple[list[dict], list[batch.Failure]]:
    """Each file analysed by itself, in this process."""
    files, _ = collect_files([folder])
    records: list[dict] = []
    failures: list[batch.Failure] = []
    for found in files:
        result = batch.analyse_file(found, max_bytes=max_document_bytes(), options=ReaderOptions())
        records.extend(result.records)
        failures.extend(result.failures)
    return records, failures


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


def test_a_batch_gives_the_rows_of_each_file_analysed_alone(client: Client, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    report = batch.run_batch(client, [corpus], out, chunk_size=3)

    expected, expected_failures = alone(corpus)
    assert shard_rows(out) == expected
    assert len(expected) == report.documents >= 6  # four text files, a page, a table's rows
    failed = [json.loads(line) for line in (out / batch.FAILED).read_text().splitlines()]
    assert [(f["path"], f["reason"]) for f in failed] == [
        (f.path, f.reason) for f in expected_failures
    ]
    assert {Path(f["path"]).name for f in failed} >= {"e_bad_utf16.txt", "f_empty.txt"}
    manifest = batch.read_manifest(out)
    assert manifest["status"] == "complete"
    assert manifest["files"] == 8 and manifest["documents"] == len(expected)
    assert [s["name"] for s in manifest["shards"]] == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]


def test_entities_and_suggestions_are_those_of_jiyao_analyze(
    client: Client, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus], out, chunk_size=2)
    plain = [row for row in shard_rows(out) if row["path"].endswith(".txt")]
    assert len(plain) == 4
    for row in plain:
        single = analyze_text(decode_bytes(Path(row["path"]).read_bytes()), path=row["path"])
        assert row["clean_text"] == single["text"]
        assert row["script"] == single["script"]
        assert json.loads(row["entities"]) == [
            [e["type"], e["start"], e["end"], e["text"]] for e in single["entities"]
        ]
        assert json.loads(row["suggestions"]) == single["directives"]
    assert any(json.loads(row["suggestions"]) for row in plain)


def test_a_resumed_run_keeps_the_shards_written_and_ends_the_same(
    client: Client, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "in")
    whole = tmp_path / "whole"
    batch.run_batch(client, [corpus], whole, chunk_size=2)
    out = tmp_path / "out"
    batch.run_batch(client, [corpus], out, chunk_size=2)
    # A job killed halfway: the later shards missing, the manifest still says running.
    shards = sorted((out / batch.SHARDS).glob("*.parquet"))
    for shard in shards[2:]:
        shard.unlink()
    manifest = json.loads((out / batch.MANIFEST).read_text())
    (out / batch.MANIFEST).write_text(json.dumps({**manifest, "status": "running"}))
    kept = {shard: shard.stat().st_mtime_ns for shard in shards[:2]}

    with pytest.raises(batch.ResultsFolderError, match="--resume"):
        batch.run_batch(client, [corpus], out, chunk_size=2)
    # The earlier run's chunk size wins, or the shards would not line up.
    report = batch.run_batch(client, [corpus], out, chunk_size=7, resume=True)

    assert (report.shards_skipped, report.shards_written) == (2, len(shards) - 2)
    assert {shard: shard.stat().st_mtime_ns for shard in shards[:2]} == kept
    assert shard_rows(out) == shard_rows(whole)
    assert (out / batch.FAILED).read_text() == (whole / batch.FAILED).read_text()


def test_a_folder_of_other_things_or_other_inputs_is_refused(
    client: Client, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "in")
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine")
    with pytest.raises(batch.ResultsFolderError, match="not empty"):
        batch.run_batch(client, [corpus], busy)
    out = tmp_path / "out"
    batch.run_batch(client, [corpus / "sub"], out)
    with pytest.raises(batch.ResultsFolderError, match="other inputs"):
        batch.run_batch(client, [corpus], out, resume=True)
    with pytest.raises(batch.ResultsFolderError, match="at least 1"):
        batch.run_batch(client, [corpus], tmp_path / "new", chunk_size=0)


def test_results_load_with_their_entities_and_skip_documents_present(
    client: Client, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus], out, chunk_size=3)
    rows = shard_rows(out)
    distinct = {row["text_sha256"] for row in rows}

    with Store(tmp_path / "p.jiyao") as store:
        report = batch.load_results(store, out)
        assert report.imported == len(distinct) == store.document_count()
        assert report.duplicates == len(rows) - len(distinct)  # h_same_as_a.txt
        for summary in store.list_documents(limit=100):
            document = store.document(summary.id)
            row = next(r for r in rows if r["text_sha256"] == document.text_sha256)
            assert (document.raw_text, document.clean_text, document.title) == (
                row["raw_text"],
                row["clean_text"],
                row["title"],
            )
            stored = [[e.type, e.start, e.end, e.text] for e in store.entities(summary.id)]
            assert sorted(stored) == sorted(json.loads(row["entities"]))

        assert store.refresh_sort_keys() == 0  # the list's keys made by the load already
        again = batch.load_results(store, out)
        assert (again.imported, again.duplicates) == (0, len(rows))


def test_a_document_imported_before_is_skipped(client: Client, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus / "sub"], out)
    with Store(tmp_path / "p.jiyao") as store:
        import_paths(store, [corpus / "a_traditional.txt"])
        report = batch.load_results(store, out)
        assert (report.imported, report.duplicates) == (1, 1)
        assert store.document_count() == 2


def test_unfinished_results_are_not_loaded(client: Client, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus / "sub"], out)
    manifest = json.loads((out / batch.MANIFEST).read_text())
    (out / batch.MANIFEST).write_text(json.dumps({**manifest, "status": "running"}))
    with (
        Store(tmp_path / "p.jiyao") as store,
        pytest.raises(batch.ResultsFolderError, match="--resume"),
    ):
        batch.load_results(store, out)


def test_without_dask_the_message_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with (
        pytest.raises(batch.ClusterMissing, match=r"pip install 'jiyao\[cluster\]'"),
        batch.dask_client(1),
    ):
        pass


def test_a_large_load_leaves_the_search_index_to_be_built_once_after(
    client: Client, tmp_path: Path
) -> None:
    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus / "sub"], out)  # two documents, one of them a seed
    with Store(tmp_path / "new.jiyao") as store:
        assert batch.load_results(store, out).index_deferred
        assert not store.search_index_current()
        store.build_search_index()
        assert store.search_index_current()
    with Store(tmp_path / "big.jiyao") as store:
        import_paths(store, sorted(corpus.glob("*.*")))  # not sub/: more than the load
        assert store.search_index_current()
        report = batch.load_results(store, out)
        assert not report.index_deferred
        assert (report.imported, report.duplicates) == (1, 1)
        assert store.search_index_current()


def test_an_import_loads_results_folders_beside_files_and_refuses_a_bad_one(
    client: Client, tmp_path: Path
) -> None:
    """What the window's import does with a folder of results among other paths: loaded, not
    read as files; an unfinished one refused with its reason, the others going on."""
    from desktop.core.corpus import ImportReport, analysis_results_folders

    corpus = make_corpus(tmp_path / "in")
    good, unfinished = tmp_path / "good", tmp_path / "unfinished"
    batch.run_batch(client, [corpus / "sub"], good)
    batch.run_batch(client, [corpus / "sub"], unfinished)
    manifest = json.loads((unfinished / batch.MANIFEST).read_text())
    (unfinished / batch.MANIFEST).write_text(json.dumps({**manifest, "status": "running"}))
    paths = [corpus / "a_traditional.txt", good, unfinished]
    assert analysis_results_folders(paths) == [good, unfinished]
    assert analysis_results_folders([corpus, tmp_path / "missing"]) == []
    with Store(tmp_path / "p.jiyao") as store:
        report = ImportReport()
        for folder in (unfinished, good):
            batch.load_results_into(report, store, folder)
        assert [(r.path, "--resume" in r.reason) for r in report.refused] == [(unfinished, True)]
        assert [(r.folder, r.imported, r.duplicates) for r in report.analysed] == [(good, 2, 0)]
        assert store.document_count() == 2
        assert report.summary().endswith("; 2 analysed documents loaded")


def test_results_inside_a_folder_imported_are_refused_not_read_as_rows(
    client: Client, tmp_path: Path
) -> None:
    """A manifest.json read as a scraper's JSON would be a document of nonsense."""
    corpus = make_corpus(tmp_path / "in")
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "readout.txt").write_text("会议要求做好复工复产。", encoding="utf-8")
    batch.run_batch(client, [corpus / "sub"], parent / "analysed")
    with Store(tmp_path / "p.jiyao") as store:
        report = import_paths(store, [parent])
        assert [path.name for path, _ in report.imported] == ["readout.txt"]
        assert [
            (r.path.name, "import this folder by itself" in r.reason) for r in report.refused
        ] == [("analysed", True)]
        # named directly, it is refused the same way rather than walked
        assert "by itself" in import_paths(store, [parent / "analysed"]).refused[0].reason


def test_a_folders_description_gives_the_rows_what_an_import_gives(
    client: Client, tmp_path: Path
) -> None:
    """Found in review: jiyao analyze --out read a folder's metadata.json as rows."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(SIMPLIFIED_SEED, corpus / "a.txt")
    (corpus / "b.txt").write_text("李淼同志要求，3月底前完成复工复产。\n", encoding="utf-8")
    described = {"a.txt": {"title": "会议纪要三篇", "date": "2020年2月11日", "note": "精选"}}
    (corpus / "metadata.json").write_text(json.dumps(described, ensure_ascii=False), "utf-8")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus], out)
    assert batch.read_manifest(out)["failures"] == 0
    with Store(tmp_path / "loaded.jiyao") as loaded, Store(tmp_path / "plain.jiyao") as plain:
        batch.load_results(loaded, out)
        import_paths(plain, [corpus])
        shown = [(d.title, d.date) for d in loaded.list_documents()]
        assert shown == [(d.title, d.date) for d in plain.list_documents()]
        assert ("会议纪要三篇", "2020-02-11") in shown


def test_nan_in_an_older_shards_variables_is_loaded_as_text_sqlite_reads(
    client: Client, tmp_path: Path
) -> None:
    """A shard written before NaN and Infinity were stored as text holds them as Python
    writes them, which SQLite's JSON functions refuse (issue 17)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus], out)
    for shard in batch.shard_paths(out):
        table = pq.read_table(shard)
        older = ['{"score": NaN, "n": [Infinity, 1]}'] * table.num_rows
        place = table.schema.get_field_index("metadata")
        pq.write_table(table.set_column(place, "metadata", pa.array(older)), shard)

    with Store(tmp_path / "p.jiyao") as store:
        assert batch.load_results(store, out).imported > 0
        stored = store.db.execute("SELECT DISTINCT metadata, json_valid(metadata) FROM documents")
        assert stored.fetchall() == [('{"score": "NaN", "n": ["Infinity", 1]}', 1)]


def test_a_shard_that_cannot_be_read_is_refused_with_its_reason_and_the_others_load(
    client: Client, tmp_path: Path
) -> None:
    """A shard cut short, one whose text is not UTF-8 and one without a column: each refused
    with a one-line reason; the other shards are loaded, and the cache is given back."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus], out, chunk_size=2)
    shards = batch.shard_paths(out)
    assert len(shards) >= 4
    cut, not_utf8, no_column = shards[:3]
    cut.write_bytes(cut.read_bytes()[:100])
    table = pq.read_table(not_utf8)
    place = table.schema.get_field_index("clean_text")
    bad = pa.array([b"\xff\xfe" + t.encode() for t in table.column("clean_text").to_pylist()])
    pq.write_table(table.set_column(place, "clean_text", bad.view(pa.string())), not_utf8)
    pq.write_table(pq.read_table(no_column).drop_columns(["entities"]), no_column)
    whole = [row for path in shards[3:] for row in pq.read_table(path).to_pylist()]

    with Store(tmp_path / "p.jiyao") as store:
        cache = store.db.execute("PRAGMA cache_size").fetchone()
        report = batch.load_results(store, out)
        assert [r.path for r in report.refused] == [cut, not_utf8, no_column]
        reasons = [r.reason for r in report.refused]
        assert all("\n" not in reason and "cannot be read" in reason for reason in reasons)
        assert "UTF8" in reasons[1] and "entities" in reasons[2]
        assert report.imported == len({row["text_sha256"] for row in whole})
        assert report.imported == store.document_count()
        loaded = f"({len(shards) - 3} shards of analysed documents, 3 refused)"
        assert report.summary().endswith(loaded)
        assert store.db.execute("PRAGMA cache_size").fetchone() == cache

    from desktop.core.corpus import ImportReport

    with Store(tmp_path / "window.jiyao") as store:  # the window's import says the same
        window = ImportReport()
        batch.load_results_into(window, store, out)
        assert [(r.path, r.reason) for r in window.refused] == list(
            zip(shards[:3], reasons, strict=True)
        )
        assert [r.imported for r in window.analysed] == [report.imported]


def _binary_not_utf8(table: pyarrow.Table) -> pyarrow.Array:
    import pyarrow as pa

    return pa.array([b"\xff\xfe" + t.encode() for t in table.column("clean_text").to_pylist()])


def _all(value: object, kind: str = "string") -> Callable[[pyarrow.Table], pyarrow.Array]:
    import pyarrow as pa

    return lambda table: pa.array([value] * table.num_rows, pa.type_for_alias(kind))


@pytest.mark.parametrize(
    ("column", "values", "reason"),
    [
        ("clean_text", _binary_not_utf8, "cannot be read: column clean_text holds binary"),
        ("metadata", _all(None), "cannot be read: column metadata has"),
        ("title", _all(None), "cannot be read: column title has"),
        ("metadata", _all('{"score": NaN'), "cannot be read: Expecting"),
        ("pipeline_version", _all(3, "int64"), "holds int64, not int32"),
        ("entities", _all("[[1, 2"), "cannot be loaded: malformed JSON"),
        ("entities", _all('[["ORG"]]'), "cannot be loaded: NOT NULL constraint failed"),
    ],
)
def test_a_shard_not_as_jiyao_analyze_writes_it_is_refused_and_the_others_load(
    client: Client,
    tmp_path: Path,
    column: str,
    values: Callable[[pyarrow.Table], pyarrow.Array],
    reason: str,
) -> None:
    import pyarrow.parquet as pq

    corpus = make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    batch.run_batch(client, [corpus], out, chunk_size=2)
    shards = batch.shard_paths(out)
    table = pq.read_table(shards[1])
    place = table.schema.get_field_index(column)
    pq.write_table(table.set_column(place, column, values(table)), shards[1])

    with Store(tmp_path / "p.jiyao") as store:
        report = batch.load_results(store, out)
        assert [(r.path, reason in r.reason) for r in report.refused] == [(shards[1], True)]
        assert report.shards == len(shards) - 1
        stored = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert report.imported == stored > 0  # nothing of the refused shard
        for document_id in store.document_ids():
            store.document(document_id)  # every text readable
