"""The corpus list's speed on 10,000 documents with variables: action -> table painted.

    python tests/benchmarks/bench_corpus_list.py [--documents 10000] [--repeat 20] [--fixed-only]

Offscreen Qt. Each figure is the median time from the action (reload, a click on a column to
sort, a filter applied) until the table's viewport has painted, next to the baseline measured
in the same run: reloading the list with its fixed columns only (what the list did before it
had variable columns), reported as a ratio. ``--fixed-only`` times only what the list could do
before issue 14's variable columns and filters, so the same script run with PYTHONPATH set to
an older checkout compares the two versions on one machine. Asserts nothing.
"""

from __future__ import annotations

import argparse
import atexit
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import ROOT, PaintWatch, median_ms

SOURCES = [
    f"{city}市人民政府办公室"
    for city in ["宿迁", "杭州", "广州", "深圳", "南京", "苏州", "无锡", "常州", "扬州", "泰州"]
]
SOURCES += ["新华社", "人民日报", "南方日报", "杭州日报", "宿迁日报"]


def build_project(path: Path, documents: int) -> None:
    """Readouts with what a scraper gives: source, date, author, URL, a column of its own."""
    from desktop.core.cleaning import clean
    from desktop.core.model import NewDocument
    from desktop.core.store import Store

    seeds = [
        clean(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    chance = random.Random(14)
    with Store(path) as store:
        batch = []
        for number in range(documents):
            text = f"{seeds[number % 2][:1500]}\n第{number}号"
            month, day = chance.randint(1, 12), chance.randint(1, 28)
            batch.append(
                NewDocument(
                    title=f"会议纪要 {number:05d}",
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script="simplified",
                    source=chance.choice(SOURCES),
                    date=f"{chance.randint(2018, 2021)}-{month:02d}-{day:02d}",
                    metadata={
                        "author": f"记者 {chance.choice('王李张刘陈杨赵黄周吴')}某",
                        "url": f"http://www.example.gov.cn/art/{number}.html",
                        "pages": chance.randint(1, 40),
                        "栏目": chance.choice(["要闻", "政策解读", "通知公告"]),
                    },
                )
            )
            if len(batch) == 1000:
                store.add_documents(batch)
                batch = []
        store.add_documents(batch)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--fixed-only", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jiyao-bench-list-"))
    # Its projects are hundreds of MB: removed when the script exits (not when it is killed).
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    db = folder / "list.jiyao"
    print(f"building {args.documents} documents in {db} …")
    build_project(db, args.documents)

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.core.store import Store
    from desktop.ui.common.settings import Settings
    from desktop.ui.corpus.corpus_list import CorpusList
    from desktop.ui.workspace import Workspace

    QApplication.instance() or QApplication([])
    store = Store(db)
    corpus = CorpusList(Workspace(store, Settings(), None))
    corpus.resize(1600, 800)
    corpus.show()
    corpus.documents.fetch_first_page()
    watch = PaintWatch([corpus.table.viewport()])
    watch.wait(1)

    def painted(action: Callable[[], object]) -> list[float]:
        times = []
        for _ in range(args.repeat):
            watch.wait(0.2)
            watch.reset()
            begin = time.perf_counter()
            action()
            watch.wait()
            times.append(time.perf_counter() - begin)
        return times

    table, model = corpus.table, corpus.documents
    ascending = Qt.SortOrder.AscendingOrder
    results: list[tuple[str, list[float]]] = []
    table.sortByColumn(0, ascending)  # the baseline and the reloads below, in the same order
    baseline = painted(model.reload)
    if not args.fixed_only:
        corpus.show_variable_columns(["author", "pages", "栏目"])
        results.append(("reload, 3 variable columns", painted(model.reload)))
        corpus.show_variable_columns([])
    results.append(("sort by title (click)", painted(lambda: table.sortByColumn(0, ascending))))
    results.append(("sort by date (click)", painted(lambda: table.sortByColumn(2, ascending))))

    def text_filter() -> None:
        corpus.filter_box.setText("第12")
        corpus.apply_filter()

    results.append(("text filter 第12", painted(text_filter)))
    corpus.clear_filter()
    if not args.fixed_only:
        from desktop.core.model import DocumentFilter

        corpus.show_variable_columns(["author", "pages", "栏目"])
        fixed = len(model.COLUMNS)
        results.append(
            ("sort by author (click)", painted(lambda: table.sortByColumn(fixed, ascending)))
        )
        results.append(
            ("sort by pages (click)", painted(lambda: table.sortByColumn(fixed + 1, ascending)))
        )
        by_source = DocumentFilter(source="新华社")
        results.append(
            ("filter: one source", painted(lambda: model.set_document_filter(by_source)))
        )
        a_year = DocumentFilter(date_from="2020-03", date_to="2020-10")
        results.append(("filter: date range", painted(lambda: model.set_document_filter(a_year))))
        both = DocumentFilter(containing=("第12",), source="新华社", date_from="2019")
        results.append(
            ("filter: text+source+dates", painted(lambda: model.set_document_filter(both)))
        )
        corpus.show_variable_columns([])

    base = median_ms(baseline)
    print(f"\ncorpus list, {args.documents} documents, offscreen, median of {args.repeat}")
    print(f"  {'reload, fixed columns (baseline)':34} {base:8.1f} ms")
    for name, times in results:
        ours = median_ms(times)
        print(f"  {name:34} {ours:8.1f} ms   x{ours / base:5.2f} baseline")
    corpus.close()
    store.close()


if __name__ == "__main__":
    main()
