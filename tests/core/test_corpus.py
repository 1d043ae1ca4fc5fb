"""Importing files and folders: duplicates, bad files, progress, cancellation, seeds."""

from __future__ import annotations

import concurrent.futures
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from desktop.core import corpus
from desktop.core.corpus import ImportReport, import_paths, import_seeds
from desktop.core.search_query import Term
from desktop.core.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "project.jiyao") as opened:
        yield opened


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.txt").write_text("会议要求,要做好复工复产。\n", encoding="utf-8")
    (folder / "nested" / "big5.txt").write_bytes("會議要求各部門做好管理。".encode("big5hkscs"))
    (folder / "nested" / "gbk.txt").write_bytes("市委书记主持会议。".encode("gb18030"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a text suffix: not looked at
    (folder / ".hidden.txt").write_text("隐藏文件", encoding="utf-8")
    return folder


def test_a_folder_with_good_and_bad_files_imports_the_good_ones(
    store: Store, mixed_folder: Path
) -> None:
    report = import_paths(store, [mixed_folder])
    assert sorted(path.name for path, _ in report.imported) == ["big5.txt", "gbk.txt", "good.txt"]
    assert sorted(r.path.name for r in report.refused) == ["binary.txt", "empty.txt"]
    assert all("\n" not in r.reason for r in report.refused)
    encodings = {store.document(i).encoding for _, i in report.imported}
    assert encodings == {"utf-8", "big5hkscs", "gb18030"}


def test_importing_the_same_files_again_skips_them_as_duplicates(
    store: Store, mixed_folder: Path
) -> None:
    import_paths(store, [mixed_folder])
    again = import_paths(store, [mixed_folder])
    assert again.imported == []
    assert len(again.duplicates) == 3
    assert store.document_count() == 3


def test_a_missing_path_is_refused_and_the_others_go_on(store: Store, mixed_folder: Path) -> None:
    report = import_paths(store, [mixed_folder / "nope.txt", mixed_folder / "good.txt"])
    assert [r.reason for r in report.refused] == ["no such file or folder"]
    assert len(report.imported) == 1


def test_progress_is_reported_for_every_file(store: Store, mixed_folder: Path) -> None:
    seen: list[tuple[int, int]] = []
    import_paths(store, [mixed_folder], progress=lambda done, total, _: seen.append((done, total)))
    assert seen == [(i, 5) for i in range(1, 6)]


def test_a_cancelled_import_stops_and_keeps_what_it_finished(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(10):
        (folder / f"{number:02d}.txt").write_text(f"第{number}号通知：要做好复工。", "utf-8")
    seen: list[int] = []
    report = import_paths(
        store,
        [folder],
        progress=lambda done, _total, _path: seen.append(done),
        is_cancelled=lambda: len(seen) >= 3,
    )
    assert report.cancelled
    assert [path.name for path, _ in report.imported] == ["00.txt", "01.txt", "02.txt"]
    assert store.document_count() == 3


def test_the_seeds_arrive_with_their_metadata_and_artefacts_removed(store: Store) -> None:
    report = import_seeds(store)
    assert len(report.imported) == 2 and not report.refused
    documents = {store.document(i).script: store.document(i) for _, i in report.imported}
    traditional = documents["traditional"]
    assert traditional.title == "宿遷市召開服務企業復工復產工作專題會商會"
    assert traditional.date == "2020-02-12"
    assert traditional.source == "宿遷市廣播電視總臺"
    assert sum(1 for r in traditional.removed if r.kind == "pinyin") == 279
    assert "(wù)" in traditional.raw_text and "(wù)" not in traditional.clean_text
    simplified = documents["simplified"]
    assert simplified.clean_text == (SEEDS / "003_81982325587c9960.txt").read_text("utf-8")
    assert simplified.title == "新冠疫情防控复工上班会议纪要(精选3篇)"


def test_a_short_utf8_name_is_stored_as_written_and_read_as_simplified(
    store: Store, tmp_path: Path
) -> None:
    # Issue 21: these bytes also decode as GB18030 (鏉庢芳鍚屽織), which read as Traditional.
    path = tmp_path / "n.txt"
    path.write_bytes("李淼同志".encode())
    report = import_paths(store, [path])
    document = store.document(report.imported[0][1])
    assert (document.clean_text, document.encoding) == ("李淼同志", "utf-8")
    assert document.script == "simplified"


# Links, pipes and odd names (issue 21) ------------------------------------------------

GOOD = "会议要求,要做好复工复产。\n"


def _folder_with_good_file(tmp_path: Path) -> Path:
    folder = tmp_path / "chosen"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.mark.parametrize("outside", ["secret", "/proc/self/environ"])
def test_a_link_out_of_the_chosen_folder_is_refused_not_followed(
    store: Store, tmp_path: Path, outside: str
) -> None:
    folder = _folder_with_good_file(tmp_path)
    target = Path(outside) if outside.startswith("/") else tmp_path / outside
    if not outside.startswith("/"):
        target.write_text("机密文件内容。\n", encoding="utf-8")
    (folder / "a.txt").symlink_to(target)
    report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["good.txt"]
    assert [r.path.name for r in report.refused] == ["a.txt"]
    assert "not" in report.refused[0].reason


def test_a_system_folder_chosen_itself_is_refused(store: Store) -> None:
    report = import_paths(store, [Path("/proc/self")])
    assert report.imported == []
    assert [r.path for r in report.refused] == [Path("/proc/self")]


def test_a_link_inside_the_chosen_folder_is_followed(store: Store, tmp_path: Path) -> None:
    folder = _folder_with_good_file(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "other.txt").write_text("市委书记主持会议。\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(folder / "sub" / "other.txt")
    report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["good.txt", "link.txt"]
    assert report.duplicates == [folder / "sub" / "other.txt"]


def test_a_link_to_a_folder_outside_is_not_walked(store: Store, tmp_path: Path) -> None:
    folder = _folder_with_good_file(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("机密文件内容。\n", encoding="utf-8")
    (folder / "linked").symlink_to(outside)
    report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["good.txt"]


def test_a_fifo_in_a_folder_is_refused_without_waiting(store: Store, tmp_path: Path) -> None:
    folder = _folder_with_good_file(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["good.txt"]
    assert [(r.path.name, "regular file" in r.reason) for r in report.refused] == [
        ("pipe.txt", True)
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_the_walk_says_which_files_its_listing_found_regular(tmp_path: Path) -> None:
    """Issue 17: those are opened without a look-up first."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("要落实。", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "link.txt").symlink_to(folder / "good.txt")
    files, _refused = corpus.collect_files([folder])
    assert {found.path.name: found.regular for found in files} == {
        "good.txt": True,
        "link.txt": False,
        "pipe.txt": False,
    }


def test_a_fifo_named_itself_is_refused_with_a_reason(store: Store, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    report = import_paths(store, [tmp_path / "pipe.txt"])
    assert report.imported == []
    assert "regular file" in report.refused[0].reason


def test_a_device_named_itself_is_refused_with_a_reason(store: Store) -> None:
    report = import_paths(store, [Path("/dev/zero")])
    assert report.imported == []
    assert report.refused[0].reason


def test_a_file_name_that_is_not_utf8_is_refused_and_named_the_others_imported(
    store: Store, tmp_path: Path
) -> None:
    folder = _folder_with_good_file(tmp_path)
    bad = os.fsdecode(bytes(folder) + b"/\xff\xfe.txt")
    Path(bad).write_text("市委书记主持会议。\n", encoding="utf-8")
    report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["good.txt"]
    assert len(report.refused) == 1
    shown = str(report.refused[0])
    shown.encode("utf-8")  # printable: no surrogates left
    assert "\\xff\\xfe.txt" in shown


def test_a_text_holding_nul_is_refused_as_binary_the_others_imported(
    store: Store, tmp_path: Path
) -> None:
    # Through a byte-order mark a NUL decodes; stored, SQLite's length() would stop at it.
    folder = _folder_with_good_file(tmp_path)
    (folder / "nul.txt").write_bytes("\ufeff关于加强管理的通知\n第一段\x00第二段".encode("utf-16"))
    report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["good.txt"]
    assert [r.path.name for r in report.refused] == ["nul.txt"]
    assert "binary" in report.refused[0].reason


# Size limit (issue 21) ----------------------------------------------------------------


def test_a_file_above_the_size_limit_is_refused_from_its_size(store: Store, tmp_path: Path) -> None:
    folder = _folder_with_good_file(tmp_path)
    (folder / "huge.txt").write_text("会议" * 1000, encoding="utf-8")
    report = import_paths(store, [folder], max_document_bytes=2000)
    assert [path.name for path, _ in report.imported] == ["good.txt"]
    assert [r.path.name for r in report.refused] == ["huge.txt"]
    assert "limit" in report.refused[0].reason


def test_the_size_limit_comes_from_the_environment(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder_with_good_file(tmp_path)
    (folder / "huge.txt").write_text("会议" * 1000, encoding="utf-8")
    monkeypatch.setenv("JIYAO_MAX_DOCUMENT_MB", "0.002")
    report = import_paths(store, [folder])
    assert [r.path.name for r in report.refused] == ["huge.txt"]


def test_a_size_limit_that_is_no_number_is_an_error(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIYAO_MAX_DOCUMENT_MB", "lots")
    with pytest.raises(ValueError, match="JIYAO_MAX_DOCUMENT_MB"):
        import_paths(store, [_folder_with_good_file(tmp_path)])


# Jiyao's own export folders (issue 21) --------------------------------------------------


def _fake_export(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True)
    (folder / ".jiyao-export").write_text("Written by Jiyao\n", encoding="utf-8")
    for name in names:
        (folder / name).write_text("列,说明\n", encoding="utf-8")
    return folder


def test_a_csv_export_inside_a_chosen_folder_is_refused_the_rest_imported(
    store: Store, tmp_path: Path
) -> None:
    folder = _folder_with_good_file(tmp_path)
    export = _fake_export(folder / "export", "documents.csv", "README.txt")
    report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["good.txt"]
    assert [(r.path, "CSV export" in r.reason) for r in report.refused] == [(export, True)]


def test_a_conll_export_chosen_itself_is_refused(store: Store, tmp_path: Path) -> None:
    export = _fake_export(tmp_path / "conll", "directives.conll", "labels.txt", "README.txt")
    report = import_paths(store, [export])
    assert report.imported == []
    assert "a Jiyao CoNLL export: it cannot be read back" in report.refused[0].reason


# Worker processes ------------------------------------------------------------------------


def _stored(store: Store) -> list[tuple[object, ...]]:
    columns = "id, title, source, date, source_path, encoding, script, raw_text, clean_text, "
    columns += "removed, text_sha256, metadata"
    return store.db.execute(f"SELECT {columns} FROM documents ORDER BY id").fetchall()


def _report_lists(report: ImportReport) -> tuple[object, ...]:
    refused = [str(refusal) for refusal in report.refused]
    return report.imported, report.duplicates, refused, report.cancelled


@pytest.fixture
def larger_folder(mixed_folder: Path) -> Path:
    """The mixed folder, with the seeds (pinyin glosses) and repeats of them (duplicates)."""
    for seed in SEEDS.glob("*.txt"):
        for copy in range(3):
            (mixed_folder / f"{copy}_{seed.name}").write_bytes(seed.read_bytes())
    for number in range(12):
        text = f"第{number}号通知：要做好复工。\n" * (number + 1)
        (mixed_folder / "nested" / f"{number:02d}.txt").write_text(text, "utf-8")
    return mixed_folder


_PLACE_BYTES = corpus.POOL_SLOT_BYTES


class _CountedPool(ProcessPoolExecutor):
    started = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _CountedPool.started += 1


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_worker_processes_store_the_same_documents_in_the_same_order(
    tmp_path: Path, larger_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 3)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", _CountedPool)
    with Store(tmp_path / "one.jiyao") as one, Store(tmp_path / "pool.jiyao") as pool:
        alone = import_paths(one, [larger_folder])
        seen: list[int] = []
        pooled = import_paths(
            pool, [larger_folder], workers=2, progress=lambda done, *_: seen.append(done)
        )
        assert len(alone.imported) == 17 and len(alone.duplicates) == 4
        assert _report_lists(pooled) == _report_lists(alone)
        assert _stored(pool) == _stored(one)
        assert seen == list(range(1, 24))
    assert _CountedPool.started == 1


_READERS = Path(__file__).resolve().parents[1] / "data" / "readers"


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
@pytest.mark.parametrize("place_bytes", [1, 300, 5000, _PLACE_BYTES])
@pytest.mark.parametrize("chunk_files", [1, 2, 5])
def test_tables_and_pages_come_from_the_workers_as_from_one_process(
    tmp_path: Path,
    larger_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    place_bytes: int,
    chunk_files: int,
) -> None:
    """Issue 17: files of many documents (tables with a refused row), pages and texts whose
    raw and clean texts differ, in chunks whose texts fit their place in the shared memory,
    in part or not at all, give the documents, ids and report of one process."""
    for name in ("scraped.csv", "scraped.jsonl", "scraped_list.json", "news_article.utf8.html"):
        (larger_folder / name).write_bytes((_READERS / name).read_bytes())
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", chunk_files)
    monkeypatch.setattr(corpus, "POOL_SLOT_BYTES", place_bytes)
    with Store(tmp_path / "one.jiyao") as one, Store(tmp_path / "pool.jiyao") as pool:
        alone = import_paths(one, [larger_folder])
        pooled = import_paths(pool, [larger_folder], workers=2)
        assert any("scraped.csv" in str(refusal) for refusal in alone.refused)
        assert sum(path.name == "scraped.csv" for path, _ in alone.imported) > 1
        assert _report_lists(pooled) == _report_lists(alone)
        assert _stored(pool) == _stored(one)


# Where the workers of the test below say how nice they are (set before they are forked).
_NICENESS_FOLDER: list[Path] = []
_real_chunk_outcomes = corpus._chunk_outcomes


def _saying_how_nice(key: int, first: int, last: int, index: bool) -> Any:
    (_NICENESS_FOLDER[0] / str(os.getpid())).write_text(str(os.nice(0)), encoding="utf-8")
    return _real_chunk_outcomes(key, first, last, index)


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_worker_processes_run_below_the_process_that_writes(
    tmp_path: Path, larger_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: the writing process stores the documents in order; a worker that held its
    core meanwhile would delay the import (and, imported from the window, the window)."""
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 3)
    monkeypatch.setattr(corpus, "_chunk_outcomes", _saying_how_nice)
    monkeypatch.setattr(corpus, "_take_a_chunk", lambda *_args, **_kwargs: False)
    monkeypatch.setattr(sys.modules[__name__], "_NICENESS_FOLDER", [tmp_path / "nice"])
    (tmp_path / "nice").mkdir()
    with Store(tmp_path / "pool.jiyao") as pool:
        assert len(import_paths(pool, [larger_folder], workers=2).imported) == 17
    own = os.nice(0)
    said = {path.read_text(encoding="utf-8") for path in (tmp_path / "nice").iterdir()}
    assert said == {str(min(own + corpus.WORKER_NICENESS, 19))}
    assert os.nice(0) == own  # this process, which wrote, left as it was


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
@pytest.mark.parametrize("place_bytes", [1, 2000, _PLACE_BYTES])
def test_the_workers_outcomes_are_the_same_through_shared_memory_or_the_pipe(
    tmp_path: Path, larger_folder: Path, monkeypatch: pytest.MonkeyPatch, place_bytes: int
) -> None:
    """Issue 17: a chunk whose outcomes do not fit its place in the shared memory is sent
    through the pool's pipe (none fits in 1 byte, some in 2,000), and a text that does not
    fit goes in it as it is; the refusals stay translatable Messages, which marshal cannot
    write."""
    from desktop.core.messages import Message

    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 3)
    monkeypatch.setattr(corpus, "POOL_SLOT_BYTES", place_bytes)
    sent: list[bool] = []  # whether each chunk came through the pipe
    real_received = corpus._received
    real_taken_out = corpus._texts_taken_out
    rows_from_shared: list[int] = []

    def received(key: int, answer: Any) -> Any:
        sent.append(isinstance(answer[0], bytes))
        return real_received(key, answer)

    def taken_out(shared: Any, row: Any) -> Any:
        rows_from_shared.append(1)
        return real_taken_out(shared, row)

    monkeypatch.setattr(corpus, "_received", received)
    monkeypatch.setattr(corpus, "_texts_taken_out", taken_out)
    monkeypatch.setattr(corpus, "_take_a_chunk", lambda *_args, **_kwargs: False)
    with Store(tmp_path / "one.jiyao") as one, Store(tmp_path / "pool.jiyao") as pool:
        alone = import_paths(one, [larger_folder])
        pooled = import_paths(pool, [larger_folder], workers=2)
        assert _report_lists(pooled) == _report_lists(alone)
        assert _stored(pool) == _stored(one)
    assert len(sent) == 8
    assert any(sent) is (place_bytes < _PLACE_BYTES)
    assert all(sent) is (place_bytes == 1)
    # The texts of every document made (17 stored, 4 duplicates) came through the shared
    # memory where a chunk's place holds them all, some where it holds 2,000 bytes.
    if place_bytes == 1:
        assert rows_from_shared == []
    elif place_bytes == _PLACE_BYTES:
        assert len(rows_from_shared) == 21
    else:
        assert 0 < len(rows_from_shared) < 21
    assert {type(refusal.reason) for refusal in pooled.refused} == {Message}
    assert corpus._POOL_SLOTS == {}


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_this_process_prepares_the_files_a_slow_worker_has_not_started(
    tmp_path: Path, larger_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: while the next files to store are not ready, the writing process prepares
    files no worker has taken, out of order; it stores them all in order all the same."""
    import time

    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 2)
    this_process = os.getpid()
    prepared_here: list[Path] = []
    real_outcome = corpus._outcome

    def outcome(job: Any) -> Any:
        if os.getpid() == this_process:
            prepared_here.append(job[0].path)
        else:
            time.sleep(0.1)  # a worker slower than this process
        return real_outcome(job)

    monkeypatch.setattr(corpus, "_outcome", outcome)
    with Store(tmp_path / "one.jiyao") as one, Store(tmp_path / "pool.jiyao") as pool:
        alone = import_paths(one, [larger_folder])
        prepared_here.clear()
        pooled = import_paths(pool, [larger_folder], workers=2)
        assert prepared_here  # while the worker slept
        assert _report_lists(pooled) == _report_lists(alone)
        assert _stored(pool) == _stored(one)


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_what_is_ready_is_stored_while_the_workers_last_files_are_under_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: at the end of an import, the writing process stores the documents it has
    while the workers finish, rather than all of them after the workers' last files."""
    import time

    folder = tmp_path / "texts"
    folder.mkdir()
    for number in range(12):
        (folder / f"{number:02d}.txt").write_text(f"第{number}号通知：要做好复工。", "utf-8")
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 2)
    this_process = os.getpid()
    real_outcome = corpus._outcome

    def outcome(job: Any) -> Any:
        if os.getpid() != this_process and job[0].path.name not in {"00.txt", "01.txt"}:
            # The first chunk comes well before the others, the last one well after.
            time.sleep(0.5 if job[0].path.name in {"10.txt", "11.txt"} else 0.1)
        return real_outcome(job)

    monkeypatch.setattr(corpus, "_outcome", outcome)
    # The workers prepare every file: this process waits for the second chunk.
    monkeypatch.setattr(corpus, "_take_a_chunk", lambda *_args, **_kwargs: False)
    with Store(tmp_path / "one.jiyao") as one, Store(tmp_path / "pool.jiyao") as pool:
        alone = import_paths(one, [folder])
        stored_before_the_last: list[int] = []

        def progress(done: int, total: int, _path: Path) -> None:
            if done == total:
                stored_before_the_last.append(pool.document_count())

        pooled = import_paths(pool, [folder], workers=2, progress=progress)
        assert _report_lists(pooled) == _report_lists(alone)
        assert _stored(pool) == _stored(one)
    assert stored_before_the_last and stored_before_the_last[0] > 0


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_a_worker_killed_halfway_fails_the_import_and_leaves_the_project_as_it_was(
    store: Store, larger_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process that dies (the system out of memory) ends the import with an error;
    the batch under way is not stored, and the pool's state is let go."""
    import gc
    import time
    from concurrent.futures.process import BrokenProcessPool

    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 2)
    this_process = os.getpid()
    real_outcome = corpus._outcome

    def outcome(job: Any) -> Any:
        if os.getpid() != this_process:
            os._exit(9)  # killed
        time.sleep(0.05)  # so that the worker has files to take
        return real_outcome(job)

    monkeypatch.setattr(corpus, "_outcome", outcome)
    with pytest.raises(BrokenProcessPool):
        import_paths(store, [larger_folder], workers=2)
    assert store.document_count() == 0
    assert corpus._POOL_JOBS == {} and corpus._POOL_SLOTS == {} and gc.get_freeze_count() == 0


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_a_cancelled_import_with_worker_processes_keeps_what_it_finished(
    store: Store, larger_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 2)
    seen: list[int] = []
    report = import_paths(
        store,
        [larger_folder],
        workers=2,
        progress=lambda done, _total, _path: seen.append(done),
        is_cancelled=lambda: len(seen) >= 5,
    )
    assert report.cancelled and seen == [1, 2, 3, 4, 5]
    assert len(report.imported) + len(report.duplicates) + len(report.refused) == 5
    assert store.document_count() == len(report.imported) == 2


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
@pytest.mark.parametrize("cancel_after", [None, 3])
def test_the_workers_jobs_are_let_go_when_the_import_ends(
    store: Store, larger_folder: Path, monkeypatch: pytest.MonkeyPatch, cancel_after: int | None
) -> None:
    """The workers read their files from a list this process keeps for them while they run,
    and leave what they prepared in memory it shares with them: both let go at the end."""
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 3)
    seen: list[int] = []
    report = import_paths(
        store,
        [larger_folder],
        workers=2,
        progress=lambda done, *_: seen.append(done),
        is_cancelled=lambda: cancel_after is not None and len(seen) >= cancel_after,
    )
    assert report.cancelled is (cancel_after is not None)
    assert corpus._POOL_JOBS == {} and corpus._POOL_SLOTS == {}


def test_a_row_prepared_for_storage_is_the_row_of_the_prepared_document() -> None:
    """prepare_row, which makes no Removal objects, stores what prepare_text's document
    would: glossed and plain texts, with variables from the source and from the caller."""
    from desktop.core.readers import SourceText
    from desktop.core.store.documents import document_row

    texts = [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    texts += ["書(shū)管錨(diǎn)點(diǎn)用", "以此为锚点（一）", ""]
    for text in texts:
        for variables, metadata in [({}, None), ({"title": "題", "x": "1"}, {"date": "2020"})]:
            source = SourceText(text, "utf-8", variables)
            given = {"source_path": "/a/b.txt", "fallback_title": "b", "metadata": metadata}
            row = corpus.prepare_row(source, **given)
            assert row == document_row(corpus.prepare_text(source, **given))


def test_files_are_taken_in_the_order_of_their_paths(tmp_path: Path) -> None:
    """The walk's quick sort key orders files as Path objects order themselves."""
    from desktop.core.corpus import collect_files

    names = ["b.txt", "a/z.txt", "a-b.txt", "a.b/c.txt", "A/y.txt", "a b/x.txt", "ab/0.txt"]
    names += ["a/b/c.txt", "a/b.txt", "会议/一.txt", "会议.txt", "10.txt", "9.txt", "a/é.txt"]
    for name in names:
        path = tmp_path / "corpus" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("会议", encoding="utf-8")
    found, refused = collect_files([tmp_path / "corpus"])
    paths = [f.path for f in found]
    assert not refused
    assert paths == sorted(tmp_path / "corpus" / name for name in names)


@pytest.mark.parametrize(
    "name", ["a.txt", "a.TXT", "a.b.md", "a.", "a", "a..txt", "..txt", "会议.text", "a.tar.gz"]
)
def test_the_walk_reads_a_suffix_as_a_path_does(name: str) -> None:
    assert corpus._suffix(name) == Path(name).suffix


def test_the_tables_are_loaded_before_the_worker_processes_fork() -> None:
    """Forked workers inherit what this process loaded, instead of each loading its own."""
    from desktop.core import cleaning, script, textio

    cached = (script._script_only_patterns, cleaning._injected_token_pattern, textio.common_hanzi)
    for function in cached:
        function.cache_clear()
    corpus._load_tables()
    assert all(function.cache_info().currsize == 1 for function in cached)


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
@pytest.mark.parametrize("cancel_after", [None, 3])
def test_objects_are_frozen_for_the_garbage_collector_while_workers_run_and_only_then(
    store: Store, larger_folder: Path, monkeypatch: pytest.MonkeyPatch, cancel_after: int | None
) -> None:
    """Frozen, the objects the workers inherit are not written to by their collections."""
    import gc

    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 3)
    frozen: list[int] = []
    report = import_paths(
        store,
        [larger_folder],
        workers=2,
        progress=lambda *_: frozen.append(gc.get_freeze_count()),
        is_cancelled=lambda: cancel_after is not None and len(frozen) >= cancel_after,
    )
    assert report.cancelled is (cancel_after is not None)
    assert frozen and all(count > 0 for count in frozen)
    assert gc.get_freeze_count() == 0


@pytest.fixture
def folding_folder(tmp_path: Path) -> Path:
    """Simplified and Traditional texts (folding changes the latter), one repeated."""
    folder = tmp_path / "folding"
    folder.mkdir()
    texts = [
        "會議紀要：關於經濟工作的決定。",
        "会议纪要：关于经济工作的决定。",
        "ABC 數據 Data 2024",
    ]
    for number in range(12):
        text = f"{texts[number % 3]}第{number}篇" if number != 11 else texts[0] + "第0篇"
        (folder / f"{number:02}.txt").write_text(text, encoding="utf-8")
    return folder


def _index_content(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    store.db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_rows "
        "USING fts5vocab(main, search_index, instance)"
    )
    instances = store.db.execute("SELECT * FROM temp.index_rows ORDER BY doc, offset").fetchall()
    folded = store.db.execute("SELECT * FROM search_folded ORDER BY document_id").fetchall()
    return instances, folded


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_the_index_made_by_worker_processes_is_the_one_a_build_makes(
    tmp_path: Path, folding_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: the workers' index entries are what building the index gives."""
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 3)
    with Store(tmp_path / "pool.jiyao") as pool, Store(tmp_path / "built.jiyao") as built:
        report = import_paths(pool, [folding_folder], workers=2)
        assert len(report.imported) == 11 and len(report.duplicates) == 1
        import_paths(built, [folding_folder])
        built.build_search_index()
        assert pool.search_index_current() and built.search_index_current()
        pooled = _index_content(pool)
        assert pooled == _index_content(built)
        assert len(pooled[1]) == 7  # those folding changes: Traditional, or Latin capitals
        assert pooled[0]


@pytest.mark.skipif(not corpus.POOL_BY_FORK, reason="worker processes are forked on Linux only")
def test_the_store_does_not_fold_what_was_prepared_with_worker_processes(
    tmp_path: Path, folding_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: folding the texts for the index is part of preparing a document (by a
    worker process, or by this one while it waits for them), never of the store's write;
    each text is folded once."""
    from desktop.core.store import search_index

    folded_here: list[int] = []
    real_fold = search_index.fold

    def counted_fold(text: str) -> str:
        folded_here.append(os.getpid())  # a forked worker appends to its own copy
        return real_fold(text)

    written: list[tuple[list[int], list[int]]] = []  # stored ids, ids given with their entry
    real_index = Store._index_documents

    def index_documents(self: Store, ids: Any, entries: Any = None) -> None:
        written.append((list(ids), sorted(entries or {})))
        real_index(self, ids, entries)

    monkeypatch.setattr(search_index, "fold", counted_fold)
    monkeypatch.setattr(Store, "_index_documents", index_documents)
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "POOL_CHUNK_FILES", 3)
    with Store(tmp_path / "pool.jiyao") as pool, Store(tmp_path / "one.jiyao") as one:
        assert len(import_paths(pool, [folding_folder], workers=2).imported) == 11
        assert written and all(ids == entries for ids, entries in written)
        assert pool.search_index_current()
        written.clear()
        folded_here.clear()
        import_paths(one, [folding_folder])  # without workers, the writer folds
        assert written and all(entries == [] for _ids, entries in written)
        assert len(folded_here) == 11


@pytest.mark.parametrize("workers", [1, 2])
def test_an_import_as_large_as_the_project_leaves_the_index_to_be_built_once_after(
    tmp_path: Path, folding_folder: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Issue 13: keeping the index in step cost the writer more than storing the documents;
    an import that makes most of the project leaves it stale, and one build gives the index
    an in-step import gives."""
    from desktop.core.store import search_index

    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(corpus, "DEFER_INDEX_MIN_FILES", 13)
    with Store(tmp_path / "in_step.jiyao") as in_step:
        assert not import_paths(in_step, [folding_folder]).index_deferred
        expected = _index_content(in_step)
    folded: list[str] = []
    real_fold = search_index.fold
    monkeypatch.setattr(search_index, "fold", lambda text: folded.append(text) or real_fold(text))
    entries: list[object] = []  # what the workers (or this process) made for the index
    real_outcomes = corpus._outcomes_in_order

    def outcomes(*args: Any, **kwargs: Any) -> Any:
        for outcome in real_outcomes(*args, **kwargs):
            entries.extend(prepared[1] for prepared in outcome if not isinstance(prepared, str))
            yield outcome

    monkeypatch.setattr(corpus, "_outcomes_in_order", outcomes)
    with Store(tmp_path / "deferred.jiyao") as deferred:
        monkeypatch.setattr(corpus, "DEFER_INDEX_MIN_FILES", 3)
        report = import_paths(deferred, [folding_folder], workers=workers)
        assert report.index_deferred and len(report.imported) == 11
        assert not deferred.search_index_current()
        assert folded == []  # nor folded for the index here,
        assert len(entries) == 12 and set(entries) == {None}  # nor by the workers
        assert deferred.build_search_index() == 11
        assert deferred.search_index_current()
        assert _index_content(deferred) == expected


def test_a_small_import_into_a_larger_project_keeps_the_index_in_step(
    store: Store, folding_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(corpus, "DEFER_INDEX_MIN_FILES", 3)
    import_paths(store, [folding_folder])
    store.build_search_index()
    more = tmp_path / "more"
    more.mkdir()
    for number in range(4):
        (more / f"{number}.txt").write_text(f"新的会议纪要第{number}号", encoding="utf-8")
    report = import_paths(store, [more])
    assert not report.index_deferred and len(report.imported) == 4
    assert store.search_index_current()


def test_an_import_of_nothing_new_leaves_a_current_index_current(
    store: Store, folding_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_paths(store, [folding_folder])
    store.build_search_index()
    monkeypatch.setattr(corpus, "DEFER_INDEX_MIN_FILES", 3)
    report = import_paths(store, [folding_folder])  # 12 files, 11 already in the project
    assert not report.imported and not report.index_deferred
    assert store.search_index_current()


def test_a_folder_imported_again_for_a_few_new_files_keeps_the_index_in_step(
    store: Store, folding_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: re-importing a project's whole folder for its new files had the
    whole index built again."""
    monkeypatch.setattr(corpus, "POOL_MIN_FILES", 2)
    import_paths(store, [folding_folder])
    store.build_search_index()
    for number in range(2):
        (folding_folder / f"new{number}.txt").write_text(f"稳就业保民生第{number}条", "utf-8")
    monkeypatch.setattr(corpus, "DEFER_INDEX_MIN_FILES", 3)
    report = import_paths(store, [folding_folder], workers=2)  # 14 files: 11 known, 2 new
    assert len(report.imported) == 2 and not report.index_deferred
    assert store.search_index_current()
    assert store.search_texts(Term("保民生")) and len(store.search_texts(Term("保民生"))) == 2
