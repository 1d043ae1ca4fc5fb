"""Tag-to-screen latency as the user feels it: a 300,000-character document already holding
2,000 tags; from the key press (QTest.keyClick of the label's key on the focused pane) until
both panes have painted (their viewports' paint events ran), beside a bare-Qt baseline doing the
same in the same run (two QPlainTextEdits + a QSyntaxHighlighter, see bench_support).

    python tests/benchmarks/bench_tagging.py [--chars 300000] [--tags 2000] [--repeat 25]

Offscreen Qt. Prints medians, worst, the ratio to bare Qt and resident memory after opening;
asserts nothing. Goals (issues 13, 21): tag < 15 ms, memory < 200 MiB (300,000 characters).
PROFILE=1 prints where the tagging time goes.
"""

from __future__ import annotations

import argparse
import atexit
import cProfile
import os
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_support import ROOT, BareQt, PaintWatch, report, rss_mib


def build(folder: Path, chars: int, tags: int) -> tuple[Path, int, str]:
    from desktop.core.analysis import document_entities
    from desktop.core.labels import topics_scheme
    from desktop.core.model import NewDocument
    from desktop.core.script import detect_script
    from desktop.core.store import Store

    simplified = (ROOT / "seeds" / "003_81982325587c9960.txt").read_text(encoding="utf-8")
    text = (simplified * (chars // len(simplified) + 1))[:chars]
    with Store(folder / "tags.jiyao") as store:
        store.install_scheme(topics_scheme())
        [document_id] = store.add_documents(
            [
                NewDocument(
                    title="大",
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script=detect_script(text).script,
                )
            ]
        )
        assert document_id is not None
        label = store.labels()[0]
        rng = random.Random(7)
        with store.transaction():
            for _ in range(tags):
                start = rng.randrange(0, len(text) - 20)
                store.add_annotation(document_id, label.id, start, start + rng.randrange(2, 20))
        document_entities(store, document_id)
    return folder / "tags.jiyao", document_id, text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--tags", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=25)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:  # the child process: make the project, say which document
        print(build(args.build, args.chars, args.tags)[1])
        return
    folder = Path(tempfile.mkdtemp(prefix="jiyao-bench-tagging-"))
    # Its projects are hundreds of MB: removed when the script exits (not when it is killed).
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    # Built in another process, so this one's memory holds only what the window needs.
    built = subprocess.run(
        [
            sys.executable,
            __file__,
            "--build",
            str(folder),
            "--chars",
            str(args.chars),
            "--tags",
            str(args.tags),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    db, document_id = folder / "tags.jiyao", int(built.stdout.split()[-1])

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.core.store import Store
    from desktop.ui.common.settings import Settings
    from desktop.ui.shell.app import application
    from desktop.ui.shell.main_window import MainWindow

    application()
    before_open = rss_mib()
    store = Store(db)
    settings = Settings()
    settings.annotator = "bench"
    window = MainWindow(store, settings)
    window.resize(1400, 820)
    window.show()
    shown: list[int] = []
    window.documentShown.connect(shown.append)
    window.show_document(document_id)
    while not shown:  # entities and suggestions painted (no race: a flag, not loop.quit)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    opened = rss_mib()
    text = window.reader.original.text
    label = next(label for label in store.labels() if label.shortcut)
    key = Qt.Key(ord(label.shortcut.upper()))
    left, right = window.reader.original, window.reader.converted
    watch = PaintWatch([left.viewport(), right.viewport()])
    bare = BareQt(text, [(a.start, a.end) for a in store.annotations(document_id)])
    bare.open()

    ours, baseline = [], []
    profiler = cProfile.Profile() if os.environ.get("PROFILE") else None
    window.activateWindow()
    QTest.qWaitForWindowActive(window)  # else the first key press finds no focused pane
    left.setFocus()
    first = left.first_visible_position() + 10
    for step in range(args.repeat):
        start = first + 7 * step
        window.reader.select_clean_span(start, start + 5)
        left.setFocus()
        watch.wait(0.5)  # let the selection paint first
        watch.reset()
        if profiler:
            profiler.enable()
        begin = _now()
        QTest.keyClick(left, key)
        painted = watch.wait()
        ours.append(_now() - begin)
        if profiler:
            profiler.disable()
        assert painted, "the panes never painted the tag"
        baseline.append(bare.add_span(start, start + 5))
    tagged = len(store.annotations(document_id))
    assert tagged == args.tags + args.repeat, f"{tagged} tags: some key presses tagged nothing"
    if profiler:
        stats = pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative"))
        stats.print_stats(40)
        if os.environ.get("CALLERS"):
            stats.print_callers(os.environ["CALLERS"])
    print(f"\ntagging, {args.tags} tags on a {len(text):,}-character document, offscreen")
    report("key press to both panes painted", ours, baseline, 15)
    print(
        f"  memory after opening (VmRSS)       {opened:8.0f} MiB (before the project: "
        f"{before_open:.0f} MiB)   goal < 200 MiB"
    )
    bare.close()
    window.close()
    store.close()


def _now() -> float:
    return time.perf_counter()


if __name__ == "__main__":
    main()
