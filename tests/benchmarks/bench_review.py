"""Decision-to-screen latency in the disagreement review (issue 16): a merged project of two
coders with 2,000 documents and 20,000 tags each (thousands of open disagreements); from the
key press that decides a place (QTest.keyClick of Alt+1 on the review) until both reading
panes have painted the next place with its coder layers, beside a bare-Qt baseline in the same
run (two QPlainTextEdits + a QSyntaxHighlighter adding one span, see bench_support).

    python tests/benchmarks/bench_review.py [--docs 2000] [--tags 10] [--repeat 15]

Offscreen Qt. Prints the median, worst and the ratio to bare Qt; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import BareQt, PaintWatch, report
from bench_team import build_corpus, code


def build(folder: Path, documents: int, tags: int) -> Path:
    """Two coders' projects, coded a little differently, merged into a team project."""
    from desktop.core.store import Store
    from desktop.core.team import assign, merge

    corpus = folder / "corpus.jiyao"
    build_corpus(corpus, documents)
    with Store(corpus) as store:
        written = assign(store, ["coder00", "coder01"], folder / "coders", overlap=1.0)
    for number, coder in enumerate(written):
        code(coder.path, number, tags)
    team = folder / "team.jiyao"
    with Store(team) as store:
        merge(store, [coder.path for coder in written])
    return team


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--tags", type=int, default=10, help="tags per document per coder")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.core.store import Store
    from desktop.ui.common.settings import Settings
    from desktop.ui.shell.app import application
    from desktop.ui.shell.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="jiyao-bench-review-") as scratch:
        started = time.perf_counter()
        team = build(Path(scratch), args.docs, args.tags)
        print(f"team project built in {time.perf_counter() - started:.1f} s")
        application()
        store = Store(team)
        window = MainWindow(store, Settings())
        window.resize(1400, 820)
        window.show()
        review = window.team.review_disagreements(["coder00", "coder01"])
        assert review is not None
        open_places = review.places.count()
        left, right = window.reader.original, window.reader.converted
        watch = PaintWatch([left.viewport(), right.viewport()])
        bare = BareQt(left.text, [])
        bare.open()
        review.activateWindow()
        QTest.qWaitForWindowActive(review)
        ours, baseline = [], []
        for _ in range(args.repeat):
            watch.wait(0.5)
            watch.reset()
            begin = time.perf_counter()
            QTest.keyClick(review, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
            painted = watch.wait()
            ours.append(time.perf_counter() - begin)
            assert painted, "the panes never painted the next place"
            baseline.append(bare.add_span(10, 15))
        decided = open_places - review.places.count()
        assert decided == args.repeat, f"{decided} places decided of {args.repeat} key presses"
        print(
            f"\nreview of 2 coders, {args.docs} documents, {open_places} open disagreements, "
            "offscreen"
        )
        report("decision key to both panes painted", ours, baseline, 100)
        bare.close()
        review.close()
        window.close()
        store.close()


if __name__ == "__main__":
    main()
