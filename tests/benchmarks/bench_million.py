"""The corpus list at a million documents (issue 17): first window, sorts, filters, scrolling.

    python tests/benchmarks/bench_million.py [--documents 1000000] [--repeat 9]
        [--dir /tmp/jiyao-million] [--rebuild] [--skip-slow | --statistics-only]

The project is generated once (in a child process) and cached in ``--dir`` as
``million-<documents>.jiyao``: short readouts of 200–400 characters (a slice of the seed texts
and a serial number), titles such as 宿迁市政府常务会议纪要（第12次） that only sort right in
natural order, 15 sources, dates over five years, three review states, and the variables a
scraper gives (author, pages as a number, 栏目). Entities are not analysed and the search index
is left to be built later (the bulk loader's ``index=False``), then built once (timed) as the
window builds it in the background: the text filter reads it when it is current.

Offscreen Qt. Each figure is the median time from the action (the window made, a click on a
column, a filter applied, Ctrl+End) until the table's viewport has painted, next to the baseline
measured in the same run: the bare SQL query of the same first 200 rows through the same
store connection, timed as the query alone (``--repeat`` runs each). VmRSS is read at the end.

The statistics (unless ``--skip-slow``; alone with ``--statistics-only``), in a process of
their own: the cross table as the store counts it against reading every tag and counting in
Python (the window's way before, the baseline, interleaved in the same run, processor time),
then the window's tag counts (Ctrl+Shift+M) opened until counted, each tab that lists tags
shown until filled, a cell's tags listed, and the rows switched to the document: each with the
longest the event loop did not answer meanwhile (a 20 ms timer), the window's freeze.
Asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import ROOT, PaintWatch, median_ms, rss_mib

CITIES = ["宿迁", "杭州", "广州", "深圳", "南京", "苏州", "无锡", "常州", "扬州", "泰州"]
SOURCES = [f"{city}市人民政府办公室" for city in CITIES]
SOURCES += ["新华社", "人民日报", "南方日报", "杭州日报", "宿迁日报"]
KINDS = ["政府常务会议纪要", "专题会议纪要", "办公会议纪要", "工作会议通报"]
STATES = ["new", "new", "in progress", "done"]
BATCH = 5000


def build_project(path: Path, documents: int) -> None:
    """``documents`` short readouts, stored by the bulk loader in batches, no search index."""
    from typing import get_args

    from desktop.core.cleaning import clean
    from desktop.core.store import Store
    from desktop.core.store.bulk import AnalysedRow

    # No entities, in the form this checkout's bulk loader takes them (JSON text, or rows).
    no_entities: object = "[]" if get_args(AnalysedRow)[1] is str else ()

    seeds = "".join(
        clean(p.read_text(encoding="utf-8")).text.replace("\n", "")
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    chance = random.Random(17)
    started = time.perf_counter()
    with Store(path) as store:
        batch = []
        for number in range(documents):
            city = chance.choice(CITIES)
            start = chance.randrange(0, len(seeds) - 500)
            text = f"{seeds[start : start + chance.randint(200, 380)]}\n第{number}号"
            meta = {
                "author": f"记者 {chance.choice('王李张刘陈杨赵黄周吴')}某",
                "pages": chance.randint(1, 400),
                "栏目": chance.choice(["要闻", "政策解读", "通知公告"]),
            }
            row = (
                f"{city}市{chance.choice(KINDS)}（第{chance.randint(1, 3000)}次）",
                chance.choice(SOURCES),
                f"{chance.randint(2018, 2022)}-{chance.randint(1, 12):02d}-"
                f"{chance.randint(1, 28):02d}",
                f"/data/{city}/{number}.html",
                "utf-8",
                "simplified",
                text,
                text,
                "[]",
                hashlib.sha256(text.encode("utf-8")).hexdigest(),
                json.dumps(meta, ensure_ascii=False),
            )
            batch.append((row, no_entities, 0))
            if len(batch) == BATCH:
                store.add_analysed_rows(batch, index=False)
                batch = []
                if (number + 1) % 100_000 == 0:
                    rate = (number + 1) / (time.perf_counter() - started)
                    print(f"  {number + 1:,} documents ({rate:,.0f}/s)", flush=True)
        store.add_analysed_rows(batch, index=False)
        with store.transaction():
            for state in STATES:  # a review state for one document in four, by id
                store.db.execute(
                    "UPDATE documents SET status = ? WHERE id % 4 = ?",
                    (state, STATES.index(state)),
                )
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)


def build_index(db: Path) -> None:
    """Build the search index of a project stored without it (as a bulk load leaves it), as
    the window would in the background: the text filter and the search use it once current."""
    from desktop.core.store import Store

    with Store(db, check=False) as store:
        if store.search_index_current():
            return
        begin = time.perf_counter()
        store.build_search_index()
        print(f"  search index built in {time.perf_counter() - begin:.0f} s", flush=True)


TAGGED_EVERY = 5  # one document in five tagged: 200,000 of a million
TAGS_EACH = 2


def add_tags(db: Path) -> None:
    """Tags for the statistics and the order by tags: two on every fifth document, by two
    labels, as a coder's project holds them (plain SQL, once: the project is cached)."""
    from desktop.core.store import Store

    with Store(db, check=False) as store:
        if store.db.execute("SELECT 1 FROM annotations LIMIT 1").fetchone():
            return
        begin = time.perf_counter()
        labels = [store.add_label(name).id for name in ("决定", "部署")]
        with store.transaction():
            for number in range(TAGS_EACH):
                store.db.execute(
                    """INSERT INTO annotations (document_id, label_id, start, "end",
                        created_at, updated_at)
                    SELECT id, ?, ?, ? + 4, 'now', 'now' FROM documents WHERE id % ? = 0""",
                    (labels[number % 2], number * 10, number * 10, TAGGED_EVERY),
                )
        print(f"  tags added in {time.perf_counter() - begin:.0f} s", flush=True)


def search(store: object, repeat: int) -> list[tuple[str, list[float]]]:
    """The corpus search's first page of hits, timed as the core computes it (the hits per
    document: hits_per_document)."""
    from desktop.core.search import Search, iter_hits
    from desktop.core.store import Store

    assert isinstance(store, Store)
    results: list[tuple[str, list[float]]] = []

    def timed(action: Callable[[], object], times: int = repeat) -> list[float]:
        took = []
        for _ in range(times):
            begin = time.perf_counter()
            action()
            took.append(time.perf_counter() - begin)
        return took

    for query in ["第12345号", "复工复产", "会议 AND 部署"]:
        search = Search(query)
        results.append(
            (
                f"search {query}: first 200 hits",
                timed(lambda s=search: list(iter_hits(store, s, limit=200))),
            )
        )
    return results


def job_opens(db: Path, repeat: int) -> str:
    """A background job's store opened (and closed) for the window's project while the window
    has it open and checked, taking that verdict, against the baseline in the same run: the
    same open with no other store of the file open, which checks every page itself."""
    from desktop.core.store import Store

    ours, baseline = [], []
    for _ in range(repeat):
        window = Store(db, check_later=True)
        window.await_integrity_check()
        begin = time.perf_counter()
        Store(db, create=False).close()
        ours.append(time.perf_counter() - begin)
        window.close()
        begin = time.perf_counter()
        Store(db, create=False).close()
        baseline.append(time.perf_counter() - begin)
    mine, theirs = median_ms(ours), median_ms(baseline)
    return (
        f"  a job's store opened beside the window's {mine:8.1f} ms   "
        f"checking the file itself {theirs:8.0f} ms   x{mine / theirs:6.3f}"
    )


def search_windows(workspace: object, times: int = 3) -> list[str]:
    """Each query's search window, ``times`` runs: the medians, the hits listed (at most the
    window's HIT_LIMIT), VmRSS while the window holds them, and the per-document table's sort
    on the window's thread. Then the baseline, as the window was before its list had a limit
    (every hit held), for 复工复产 once, last (the memory it takes is not all given back):
    VmRSS with all its hits, and what one hit costs. One window for all of them, as the main
    window keeps one (a new search lets the last one's hits go)."""
    from desktop.ui.analysis import corpus_search

    dialog = corpus_search.CorpusSearch(workspace)  # type: ignore[arg-type]
    dialog.resize(1100, 600)
    lines = [f"  VmRSS before the search window {rss_mib():5.0f} MiB"]
    capped_rss, capped_hits = 0.0, 0
    for query in COUNTED_QUERIES[1:4]:
        runs = [search_window(dialog, query) for _ in range(times)]
        first, took, stall, _, _, _, by_hits, by_title, hits_before, title_before, title_stall = (
            statistics.median(run[i] for run in runs) for i in range(11)
        )
        hits, rss, held = runs[-1][3], runs[-1][4], runs[-1][5]
        if query == COUNTED_QUERIES[1]:
            capped_rss, capped_hits = rss, hits
        lines.append(
            f"  {query:14} first counts {first * 1000:6.0f} ms, all {took * 1000:7.0f} ms, "
            f"longest stall {stall * 1000:4.0f} ms, {hits:,} hits listed (limit "
            f"{corpus_search.HIT_LIMIT:,}); VmRSS {rss:5.0f} MiB with them ({held:+.0f} MiB "
            f"since before Search)\n    per-document table sorted by hits {by_hits * 1000:5.0f} "
            f"ms (the sort as before alone {hits_before * 1000:5.0f} ms, "
            f"x{by_hits / hits_before:.2f}), by title {by_title * 1000:5.0f} ms (before "
            f"{title_before * 1000:5.0f} ms, x{by_title / title_before:.2f}; now by the store on a "
            f"worker, the window's longest stall meanwhile {title_stall * 1000:4.0f} ms)"
        )
    limit = corpus_search.HIT_LIMIT
    corpus_search.HIT_LIMIT = 10**12  # the baseline: every hit listed
    try:
        _, _, _, hits, rss, held, *_ = search_window(dialog, COUNTED_QUERIES[1])
    finally:
        corpus_search.HIT_LIMIT = limit
    per_hit = (rss - capped_rss) * 1024 * 1024 / max(hits - capped_hits, 1)
    lines.append(
        f"  baseline, no limit: {COUNTED_QUERIES[1]} {hits:,} hits listed, VmRSS {rss:5.0f} MiB "
        f"({held:+.0f} MiB since before Search; x{rss / capped_rss:.2f} the limited "
        f"window's; about {per_hit:.0f} bytes a hit more)"
    )
    dialog.deleteLater()
    return lines


COUNTED_QUERIES = ["第12345号", "复工复产", "会议 AND 部署", "会议", "部署 NOT 会议"]


def hits_per_document(store: object, repeat: int) -> list[str]:
    """Each query's hits per document as ``count_hits`` counts them (a term of two characters
    from the index, others with str.count in the texts the index finds), against the
    baseline in the same run: every text the index finds read and each hit made
    (``iter_matching``), as the window's search counted them. Interleaved, median of each."""
    from collections import Counter

    from desktop.core.search import Search, count_hits, iter_matching

    def scanned(search: Search) -> Counter[int]:
        return Counter(
            {text.document_id: len(spans) for text, spans in iter_matching(store, search)}
        )  # type: ignore[arg-type]

    lines = []
    for query in COUNTED_QUERIES:
        search = Search(query)
        ours, baseline = [], []
        for _ in range(repeat):
            begin = time.perf_counter()
            counts = count_hits(store, search)  # type: ignore[arg-type]
            ours.append(time.perf_counter() - begin)
            begin = time.perf_counter()
            expected = scanned(search)
            baseline.append(time.perf_counter() - begin)
        assert {c.document_id: c.hits for c in counts} == expected, query
        hits = sum(count.hits for count in counts)
        mine, theirs = median_ms(ours), median_ms(baseline)
        lines.append(
            f"  {query:14} {len(counts):9,} documents {hits:10,} hits   {mine:8.0f} ms   "
            f"baseline {theirs:8.0f} ms   x{mine / theirs:5.2f}"
        )
    return lines


class StallWatch:
    """The longest the event loop did not answer (a frozen window), from a timer ticking every
    20 ms: ``tick`` at the edges of what is timed, ``restart`` before the next step."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0
        self.longest_ms = 0
        self._timer = QTimer(interval=20)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> None:
        now = self._clock.elapsed()
        self.longest_ms = max(self.longest_ms, now - self._last)
        self._last = now

    def restart(self) -> None:
        self.tick()
        self.longest_ms = 0

    def stop(self) -> float:
        """Seconds of the longest stall; the timer stopped."""
        self.tick()
        self._timer.stop()
        return self.longest_ms / 1000


def search_window(
    dialog: object, query: str
) -> tuple[float, float, float, int, float, float, float, float, float, float, float]:
    """The search window (Ctrl+Shift+F) ``dialog`` given ``query``: seconds from Search until
    the first documents' counts are shown and until every document's is, the longest the event
    loop did not answer meanwhile (a timer ticking every 20 ms), the hits its table lists once
    it has stopped finding them (on the window's thread, a slice at a time, beside the count's
    worker, at most HIT_LIMIT), VmRSS in MiB then and its change since just before Search (the
    last search's results still held then), and seconds to sort the per-document table by
    hits (on the window's thread) and by title (until the order the store gives on a worker
    is shown), then the same two sorts as the table sorted before (by a (key, document)
    tuple, from the same rows: the baseline), and the longest stall of the title sort."""
    from operator import itemgetter

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.ui.analysis.corpus_search import CorpusSearch

    assert isinstance(dialog, CorpusSearch)
    before = rss_mib()
    watch = StallWatch()
    dialog.show()
    dialog.query.setText(query)
    begin = time.perf_counter()
    first = 0.0
    watch.tick()
    dialog.start()
    while dialog.counting:
        QApplication.processEvents()
        if not first and dialog.count_model.rowCount():
            first = time.perf_counter() - begin
        time.sleep(0.002)
    took = time.perf_counter() - begin
    while dialog.searching:  # the list's search may go on after the count (no limit)
        QApplication.processEvents()
        time.sleep(0.002)
    stall = watch.stop()
    hits = len(dialog.model.hits)
    rss = rss_mib()
    sorts = []
    sort_stall = 0.0
    for column, order in ((1, Qt.SortOrder.DescendingOrder), (0, Qt.SortOrder.AscendingOrder)):
        sorting = StallWatch()
        started = time.perf_counter()
        dialog.counts.sortByColumn(column, order)
        # By title: the store's order, found on a worker, shown when it comes.
        while dialog.sorting_titles():
            QApplication.processEvents()
            time.sleep(0.002)
        sorts.append(time.perf_counter() - started)
        sort_stall = sorting.stop()
    rows = list(dialog.count_model.counts)
    for key, reverse in ((itemgetter(2, 0), True), (itemgetter(1, 0), False)):
        started = time.perf_counter()
        rows.sort(key=key, reverse=reverse)
        sorts.append(time.perf_counter() - started)
    dialog.close()  # kept, as the main window keeps it; the next search lets these hits go
    QApplication.processEvents()
    return first or took, took, stall, hits, rss, rss - before, *sorts, sort_stall


def statistics_window(workspace: object) -> dict[str, tuple[float, float]]:
    """The window's tag counts (Ctrl+Shift+M) opened until its cross table is counted, then
    each tab that lists tags shown until it is filled (the tags read, then counted or
    filtered), and a cell's tags listed: for each, the seconds it took and the longest the
    event loop did not answer meanwhile (a frozen window), from a timer ticking every 20 ms."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.core.segment_filter import cell_filter
    from desktop.ui.analysis.counts import TagCounts

    watch = StallWatch()
    figures: dict[str, tuple[float, float]] = {}

    def until(name: str, begin: float, done: Callable[[], bool]) -> None:
        while not done():
            QApplication.processEvents()
            time.sleep(0.005)
        watch.tick()
        figures[name] = (time.perf_counter() - begin, watch.longest_ms / 1000)

    def restart() -> float:
        QApplication.processEvents()
        watch.restart()
        return time.perf_counter()

    begin = restart()
    counts = TagCounts(workspace)  # type: ignore[arg-type]
    # As the main window opens it (count_tags): a new one each time, deleted when closed.
    counts.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    counts.show()
    watch.tick()
    until("open to counted", begin, lambda: counts.table_shown is not None)
    begin = restart()
    counts.tabs.setCurrentWidget(counts.cooccurrence)
    until(
        "co-occurrence tab shown to counted",
        begin,
        lambda: (
            counts.spans is not None
            and not counts.cooccurrence.is_counting()
            and counts.cooccurrence.matrix is not None
            and bool(counts.cooccurrence.matrix.labels)
        ),
    )
    view = counts.segments_view
    painted = PaintWatch([view.table.viewport()])

    def rows_painted(name: str, begin: float) -> None:
        """Until the tab has found its tags, then until its table has painted them."""
        until(name, begin, lambda: not view.is_busy() and view.shown_count() > 0)
        painted.reset()
        until(name, begin, lambda: bool(painted.painted))

    begin = restart()
    counts.tabs.setCurrentWidget(view)
    rows_painted("segments tab shown to first rows painted", begin)
    figures["VmRSS with the segments tab listed (MiB)"] = (rss_mib() / 1000, 0.0)
    begin = restart()
    view.table.scrollToBottom()
    painted.reset()
    until("segments tab: scrolled to the end, painted", begin, lambda: bool(painted.painted))
    begin = restart()
    scroll_bar = view.table.verticalScrollBar()
    scroll_bar.setValue(scroll_bar.maximum() // 2)  # no block read near it: found by offset
    painted.reset()
    until("segments tab: scrolled to the middle, painted", begin, lambda: bool(painted.painted))
    begin = restart()
    view.label.setCurrentIndex(1)  # a label: half the tags
    rows_painted("segments tab: a label chosen to painted", begin)
    begin = restart()
    view.show_filter(cell_filter("month", None, "2020-03", None))  # a month: 1/60 of them
    rows_painted("segments tab: a month chosen to painted", begin)
    view.clear_filter()
    until("(cleared)", restart(), lambda: not view.is_busy())
    counts.tabs.setCurrentWidget(counts.cooccurrence)
    begin = restart()
    counts.cooccurrence._show_cell(0, 1)  # two labels in one document: every tag meets one
    until(
        "co-occurrence cell's tags listed",
        begin,
        lambda: (
            not counts.cooccurrence.is_listing() and counts.cooccurrence.behind_model.rowCount() > 0
        ),
    )
    counts.tabs.setCurrentIndex(0)
    begin = restart()
    last = counts.model.rowCount() - 1, counts.model.columnCount() - 1
    counts._show_cell(*last)  # the grand total: every tag listed below the table
    until("a cell's tags (every tag) listed", begin, lambda: counts.behind_model.rowCount() > 0)
    begin = restart()
    counts.rows.setCurrentIndex(counts.rows.findData("document"))
    until(
        "rows: document chosen to counted",
        begin,
        lambda: counts.table_shown is not None and counts.table_shown.rows_field == "document",
    )
    exported: list[str] = []
    view.exportFinished.connect(lambda _path, reason: exported.append(reason))
    with tempfile.TemporaryDirectory() as folder:
        begin = restart()
        view.export_to(Path(folder) / "segments.csv")  # every tag: the filter was cleared
        until("segments tab: every tag exported as CSV", begin, lambda: bool(exported))
    watch.stop()
    figures["VmRSS after all of it, before closing (MiB)"] = (rss_mib() / 1000, 0.0)
    counts.close()
    return figures


def measure_statistics(db: Path, repeat: int) -> None:
    """The statistics, printed: the window's own figures (``statistics_window``), then the
    cross table as the window made it before (every tag read, then counted in Python: the
    baseline) and as the store counts it now, in the same run; ``repeat`` times each."""
    from PySide6.QtWidgets import QApplication

    from desktop.core.exports.selection import label_paths
    from desktop.core.stats import counted_cross_table, cross_table
    from desktop.core.store import Store
    from desktop.ui.common.settings import Settings
    from desktop.ui.workspace import Workspace

    QApplication.instance() or QApplication([])
    store = Store(db, check=False)
    paths = label_paths(store.labels())
    tags = sum(store.tag_counts_by_label().values())
    print(f"\nstatistics, {store.document_count():,} documents, {tags:,} tags, offscreen")
    print(f"  (median of {repeat})")

    def read_then_count(rows: str, columns: str, count: str) -> Callable[[], object]:
        def baseline() -> object:
            segments = store.coded_segments(with_text=False)
            return cross_table(segments, paths, rows, columns, count=count)

        return baseline

    def count_by_the_store(rows: str, columns: str, count: str) -> Callable[[], object]:
        return lambda: counted_cross_table(store, paths, rows, columns, count=count)

    # The window first: the baselines read every tag into Python, and the memory they free
    # is not all given back, which VmRSS would count as the window's.
    print(f"  VmRSS before the window {rss_mib():5.0f} MiB")
    workspace = Workspace(store, Settings(), None)
    runs = [statistics_window(workspace) for _ in range(repeat)]
    print("  the window (Ctrl+Shift+M), wall time; longest stall of its event loop:")
    for name in runs[0]:
        if name.startswith("("):
            continue
        took = median_ms([run[name][0] for run in runs])
        if name.startswith("VmRSS"):
            print(f"    {name:42} {took:9.0f} MiB")
            continue
        stall = median_ms([run[name][1] for run in runs])
        worst = max(run[name][1] for run in runs) * 1000
        print(f"    {name:42} {took:9.1f} ms   stall {stall:6.1f} ms (worst {worst:.0f})")
    for rows, columns, count in [("label", "year", "tags"), ("label", "month", "documents")]:
        before, now = [], []
        for _ in range(repeat):  # interleaved: the machine's load falls on both alike
            for took, action in (
                (before, read_then_count(rows, columns, count)),
                (now, count_by_the_store(rows, columns, count)),
            ):
                begin = time.process_time()
                action()
                took.append(time.process_time() - begin)
        old, new = median_ms(before), median_ms(now)
        print(f"  {rows} by {columns}, counting {count} (processor time):")
        print(f"    every tag read, then counted (baseline) {old:9.1f} ms")
        print(f"    counted by the store                    {new:9.1f} ms   x{new / old:5.2f}")
    print(*listed_before(store, runs, max(1, min(repeat, 3))), sep="\n")
    store.close()


def listed_before(
    store: object, runs: list[dict[str, tuple[float, float]]], times: int
) -> list[str]:
    """The baseline of the segments tab, in the same run, last (its memory is not all given
    back): what the tab did before it was a listing over the store: every tag read with its
    words, then filtered in Python (``select``), on its worker before any row was shown;
    processor time, and VmRSS with every tag held."""
    from desktop.core.segment_filter import SegmentFilter, select

    labels = store.labels()  # type: ignore[attr-defined]
    took, held = [], 0.0
    for _ in range(times):
        before = rss_mib()
        begin = time.process_time()
        segments = store.coded_segments()  # type: ignore[attr-defined]
        shown = select(segments, labels, SegmentFilter())
        took.append(time.process_time() - begin)
        held = max(held, rss_mib() - before)
        del segments, shown
    old = median_ms(took)
    new = median_ms([run["segments tab shown to first rows painted"][0] for run in runs])
    rss = statistics.median(run["VmRSS with the segments tab listed (MiB)"][0] for run in runs)
    return [
        f"  baseline, the segments tab before: every tag read with its words, then filtered "
        f"(processor time, median of {times}) {old:9.1f} ms",
        f"    first rows painted now / every tag read before: x{new / old:.3f}; "
        f"every tag held took {held:+.0f} MiB more (the window now {rss * 1000:.0f} MiB)",
    ]


def first_window(db: Path, later: bool) -> tuple[float, float, float, float]:
    """Seconds from opening the project until the corpus list has painted its first rows (the
    project's open alone, the second figure), until its whole-file check has passed, and
    VmRSS in MiB. ``later``: opened as the window opens it, checked beside the first reads
    (Store ``check_later``); else checked before anything is read."""
    from PySide6.QtWidgets import QApplication

    from desktop.core.store import Store
    from desktop.ui.common.settings import Settings
    from desktop.ui.corpus.corpus_list import CorpusList
    from desktop.ui.workspace import Workspace

    QApplication.instance() or QApplication([])
    begin = time.perf_counter()
    store = Store(db, check_later=later)
    opened = time.perf_counter() - begin
    corpus = CorpusList(Workspace(store, Settings(), None))
    corpus.resize(1600, 800)
    watch = PaintWatch([corpus.table.viewport()])
    corpus.show()
    watch.wait(60)
    painted = time.perf_counter() - begin
    store.await_integrity_check()
    return painted, opened, time.perf_counter() - begin, rss_mib()


def bare_first_rows(db: Path, repeat: int) -> list[float]:
    """The baseline: the first 200 rows' columns by a bare SQL query, in id order."""
    import sqlite3

    connection = sqlite3.connect(db)
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        connection.execute(
            "SELECT id, title, source, date, script, length(clean_text), status, source_path, "
            "metadata FROM documents ORDER BY id LIMIT 200"
        ).fetchall()
        times.append(time.perf_counter() - begin)
    connection.close()
    return times


def measure(db: Path, repeat: int, skip_slow: bool) -> None:
    """Every figure but the first window's, in this process, printed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.core.model import DocumentFilter
    from desktop.core.store import Store
    from desktop.ui.common.settings import Settings
    from desktop.ui.corpus.corpus_list import CorpusList
    from desktop.ui.workspace import Workspace

    QApplication.instance() or QApplication([])
    # Opened as the window opens a project: its check's verdict is the one the search's
    # worker takes (its own store), as in the window.
    store = Store(db, check_later=True)
    store.await_integrity_check()
    corpus = CorpusList(Workspace(store, Settings(), None))
    corpus.resize(1600, 800)
    watch = PaintWatch([corpus.table.viewport()])
    corpus.show()
    watch.wait(60)
    table, model = corpus.table, corpus.documents

    def painted(action: Callable[[], object], times: int = repeat) -> list[float]:
        took = []
        for _ in range(times):
            watch.wait(0.2)
            watch.reset()
            begin = time.perf_counter()
            action()
            watch.wait(120)
            took.append(time.perf_counter() - begin)
        return took

    def sort(column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> Callable[[], None]:
        return lambda: table.sortByColumn(column, order)

    def narrowed(shown: DocumentFilter) -> Callable[[], None]:
        return lambda: model.set_document_filter(shown)

    def typed(texts: list[str]) -> Callable[[], None]:
        """Typing a text not filtered by before, another one each run: a text's documents are
        found once and kept, so repeating one text would time the kept list."""
        waiting = iter(texts * repeat)

        def action() -> None:
            corpus.filter_box.setText(next(waiting))
            corpus.apply_filter()  # at once: the typing pause is not the list's time

        return action

    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    columns = list(model.COLUMNS)
    results: list[tuple[str, list[float]]] = []
    base = bare_first_rows(db, repeat * 3)
    results.append(("reload (title order, as opened)", painted(model.reload)))
    for name in ["title", "date", "source", "length", "status", "script", "annotations"]:
        results.append((f"sort by {name}", painted(sort(columns.index(name)))))
    results.append(("sort by title, descending", painted(sort(0, descending))))
    corpus.show_variable_columns(["author", "pages", "栏目"])
    fixed = len(columns)
    results.append(("sort by author (variable)", painted(sort(fixed, ascending))))
    results.append(("sort by pages (number variable)", painted(sort(fixed + 1, ascending))))
    results.append(("scroll to the end", painted(table.scrollToBottom, 1)))
    results.append(("scroll to the top", painted(table.scrollToTop, 1)))
    table.sortByColumn(0, ascending)
    results.append(("scroll to the end (title order)", painted(table.scrollToBottom, 1)))
    results.append(("scroll to the top (title order)", painted(table.scrollToTop, 1)))
    by_source = DocumentFilter(source="新华社")
    results.append(("filter: one source", painted(narrowed(by_source))))
    a_year = DocumentFilter(date_from="2020-03", date_to="2020-10")
    results.append(("filter: date range", painted(narrowed(a_year))))
    a_month = DocumentFilter(source="新华社", date_from="2021-05", date_to="2021-05")
    results.append(("filter: one source and a month", painted(narrowed(a_month))))
    table.sortByColumn(fixed + 1, ascending)
    results.append(("filter: date range, sorted by pages", painted(narrowed(a_year))))
    results.append(("filter: one source, sorted by pages", painted(narrowed(by_source))))
    table.sortByColumn(columns.index("length"), ascending)
    results.append(("filter: one source, sorted by length", painted(narrowed(by_source))))
    table.sortByColumn(columns.index("annotations"), descending)
    results.append(("filter: date range, sorted by tags", painted(narrowed(a_year))))
    table.sortByColumn(0, ascending)
    results.append(("filter: all again", painted(narrowed(DocumentFilter()))))
    if not skip_slow:
        numbers = [f"第{12345 + run}号" for run in range(repeat)]
        results.append(("filter: text 第12345号 (new each run)", painted(typed(numbers))))
        cities = [f"{city}市专题" for city in CITIES[:repeat]]
        results.append(("filter: title 宿迁市专题 (new each run)", painted(typed(cities))))
        results.append(("filter: the same text again", painted(typed(["第12345号"]))))
        # The baseline of the two above: every title and text read, as when the search index
        # is stale and the list's titles behind (other numbers: nothing found before).
        store.search_index_current = lambda: False  # type: ignore[method-assign]
        store._list_behind = lambda: True  # type: ignore[method-assign]
        numbers = [f"第{22345 + run}号" for run in range(repeat)]
        results.append(("filter: text, every text read (baseline)", painted(typed(numbers))))
        del store.search_index_current, store._list_behind
        both = DocumentFilter(containing=("第12",), source="新华社", date_from="2019")
        results.append(("filter: text+source+dates", painted(narrowed(both))))
    corpus.clear_filter()
    if not skip_slow:
        results += search(store, repeat)
    counted = [] if skip_slow else hits_per_document(store, repeat)
    # Before the search windows: their baseline lists every hit, as no window does any more.
    rss = rss_mib()
    windows = [] if skip_slow else search_windows(corpus.workspace)
    bare = median_ms(base)
    print(f"\ncorpus list, {store.document_count():,} documents, offscreen, median of {repeat}")
    print(f"  {'bare SQL, first 200 rows (baseline)':38} {bare:9.1f} ms")
    for name, times in results:
        ours = median_ms(times)
        print(f"  {name:38} {ours:9.1f} ms   x{ours / bare:7.1f} baseline")
    print(f"  {'VmRSS after all of it but the search windows':38} {rss:9.0f} MiB")
    if counted:
        print(f"\nsearch, hits per document (count_hits), median of {repeat}, against the")
        print("baseline: every text the index finds read and each hit made (iter_matching)")
        print(*counted, sep="\n")
    if windows:
        print("\nsearch window, Search to every document's count shown (median of 3)")
        print(*windows, sep="\n")
    corpus.close()
    store.close()
    if not skip_slow:
        print(f"\nbackground jobs' stores, median of {repeat}")
        print(job_opens(db, repeat))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/jiyao-million"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--skip-slow", action="store_true", help="no text filter, search or statistics"
    )
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--first-window", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--tag", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--check", choices=["before", "beside"], help=argparse.SUPPRESS)
    parser.add_argument("--windows", type=int, default=5, help="first windows timed, each way")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--statistics-only", action="store_true", help="only the statistics window's figures"
    )
    parser.add_argument("--statistics", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--counts-only", action="store_true", help="only the search's hits per document"
    )
    args = parser.parse_args()
    if args.build:
        build_project(args.build, args.documents)
        return
    if args.first_window:
        print(*first_window(args.first_window, later=args.check == "beside"))
        return
    if args.index:
        build_index(args.index)
        return
    if args.tag:
        add_tags(args.tag)
        return
    if args.measure:
        measure(args.measure, args.repeat, args.skip_slow)
        return
    if args.statistics:
        measure_statistics(args.statistics, args.repeat)
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ["XDG_CONFIG_HOME"] = str(args.dir / "config")
    db = args.dir / f"million-{args.documents}.jiyao"
    me = [sys.executable, __file__, "--documents", str(args.documents)]
    if args.rebuild or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        print(f"building {args.documents:,} documents in {db} …", flush=True)
        subprocess.run([*me, "--build", str(db)], check=True)
    # Each first window in a process of its own (the first one also brings an older project's
    # schema up to date, timed apart).
    begin = time.perf_counter()
    subprocess.run([*me, "--first-window", str(db)], check=True, capture_output=True)
    print(f"first open (any migration, page cache warmed): {time.perf_counter() - begin:.1f} s")
    subprocess.run([*me, "--index", str(db)], check=True)
    subprocess.run([*me, "--tag", str(db)], check=True)
    if args.counts_only:
        from PySide6.QtWidgets import QApplication

        from desktop.core.store import Store
        from desktop.ui.common.settings import Settings
        from desktop.ui.workspace import Workspace

        QApplication.instance() or QApplication([])
        with Store(db, check_later=True) as store:
            store.await_integrity_check()
            print(f"search, hits per document, {store.document_count():,} documents, median of")
            print(f"{args.repeat}, against the baseline: every text the index finds read and")
            print("each hit made (iter_matching)")
            print(*hits_per_document(store, args.repeat), sep="\n")
            print("\nsearch window, Search to every document's count shown (median of 3)")
            print(*search_windows(Workspace(store, Settings(), None)), sep="\n")
        print(f"\nbackground jobs' stores, median of {args.repeat}")
        print(job_opens(db, args.repeat))
        return
    if args.statistics_only:
        subprocess.run([*me, "--repeat", str(args.repeat), "--statistics", str(db)], check=True)
        return
    # Checked before the first read (the baseline: as every open was) and beside it (as the
    # window opens a project now), interleaved, each in a process of its own.
    windows: dict[str, list[tuple[float, ...]]] = {"before": [], "beside": []}
    for _ in range(args.windows):
        for mode in windows:
            out = subprocess.run(
                [*me, "--first-window", str(db), "--check", mode],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            windows[mode].append(tuple(float(value) for value in out[-4:]))
    medians = {
        mode: [statistics.median(figures) for figures in zip(*runs, strict=True)]
        for mode, runs in windows.items()
    }
    for mode, (total, opened, checked, rss) in medians.items():
        print(f"first window, whole-file check {mode} the first reads (median of {args.windows}):")
        print(f"  open to painted {total * 1000:.0f} ms (the open alone {opened * 1000:.0f} ms)")
        print(f"  check passed at {checked * 1000:.0f} ms; VmRSS {rss:.0f} MiB")
    ratio = medians["beside"][0] / medians["before"][0]
    print(f"  open to painted, checked beside / before: x{ratio:.2f}")
    extra = ["--skip-slow"] if args.skip_slow else []
    subprocess.run([*me, "--repeat", str(args.repeat), *extra, "--measure", str(db)], check=True)
    if not args.skip_slow:
        subprocess.run([*me, "--repeat", str(args.repeat), "--statistics", str(db)], check=True)


if __name__ == "__main__":
    main()
