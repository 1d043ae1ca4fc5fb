"""The reader window's speed: first window on 10,000 documents, opening documents, scrolling.

    python tests/benchmarks/bench_window.py [--documents 10000]

Offscreen Qt (no display needed). Prints medians and the worst frame; asserts nothing.
Goals (issue 4): window under 1.5 s, a 3,000-character document under 50 ms, a 300,000-character
one under 1 s, no scrolling frame over 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]


def build_project(path: Path, documents: int) -> tuple[int, int]:
    """A project of ``documents`` readouts, plus one 3,000- and one 300,000-character document,
    their entities already analysed (so opening measures the window, not jieba)."""
    from desktop.core.analysis import document_entities
    from desktop.core.cleaning import clean
    from desktop.core.model import NewDocument
    from desktop.core.script import detect_script
    from desktop.core.store import Store

    seeds = [
        clean(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    with Store(path) as store:
        batch = []
        for number in range(documents):
            text = f"{seeds[number % 2]}\n第{number}号"
            batch.append(
                NewDocument(
                    title=f"文档 {number:05d}",
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script=detect_script(text).script,
                )
            )
            if len(batch) == 1000:
                store.add_documents(batch)
                batch = []
        store.add_documents(batch)
        small_text = (seeds[1] * 2)[:3000]
        large_text = ("\n".join(seeds) + "\n") * (300_000 // (len(seeds[0]) + len(seeds[1])) + 1)
        large_text = large_text[:300_000]
        ids = store.add_documents(
            [
                NewDocument(
                    title="小",
                    raw_text=small_text + "。",
                    clean_text=small_text + "。",
                    encoding="utf-8",
                    script=detect_script(small_text).script,
                ),
                NewDocument(
                    title="大",
                    raw_text=large_text + "。",
                    clean_text=large_text + "。",
                    encoding="utf-8",
                    script=detect_script(large_text).script,
                ),
            ]
        )
        small, large = (i for i in ids if i is not None)
        started = time.perf_counter()
        document_entities(store, large)
        seconds = time.perf_counter() - started
        print(f"  (analysing the 300,000-character document once: {seconds:.1f} s)")
        document_entities(store, small)
    return small, large


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jiyao-bench-window-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    db = folder / "big.jiyao"
    print(f"building a project of {args.documents} documents in {db} …")
    small, large = build_project(db, args.documents)

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.core.store import Store
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    application()
    started = time.perf_counter()
    store = Store(db)
    window = MainWindow(store, Settings())
    window.resize(1400, 820)
    window.show()
    window.documents.fetch_first_page()
    QApplication.processEvents()
    first_window = time.perf_counter() - started

    def show_and_wait(document_id: int) -> None:
        """Open a document and wait until its highlights and suggestions are painted."""
        loop = QEventLoop()
        window.documentShown.connect(loop.quit)
        window.show_document(document_id)
        loop.exec()
        window.documentShown.disconnect(loop.quit)

    def open_time(document_id: int) -> tuple[float, float]:
        """Median time until the text is on screen, and until everything is painted."""
        other = small if document_id == large else large
        on_screen, complete = [], []
        for _ in range(args.repeat):
            show_and_wait(other)  # switch away first, and let its background work finish
            loop = QEventLoop()
            window.documentShown.connect(loop.quit)
            begin = time.perf_counter()
            window.show_document(document_id)
            QApplication.processEvents()
            on_screen.append(time.perf_counter() - begin)
            loop.exec()
            complete.append(time.perf_counter() - begin)
            window.documentShown.disconnect(loop.quit)
        return statistics.median(on_screen), statistics.median(complete)

    small_open, small_complete = open_time(small)
    large_open, large_complete = open_time(large)

    show_and_wait(large)
    bar = window.reader.original.verticalScrollBar()
    frames = []
    for step in range(200):
        begin = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep() // 3 + (step % 3))
        window.reader.original.viewport().repaint()
        window.reader.converted.viewport().repaint()
        QApplication.processEvents()
        frames.append(time.perf_counter() - begin)

    # The whole thing as a user starts it, once: process start to a saved screenshot.
    shot = folder / "shot.png"
    begin = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "gui",
            "--db",
            str(db),
            "--open",
            str(small),
            "--screenshot",
            str(shot),
        ],
        check=True,
        capture_output=True,
    )
    whole_start = time.perf_counter() - begin

    print(f"\nreader window, {args.documents + 2} documents, offscreen, median of {args.repeat}")
    print(
        f"  first window (store open, list, shown)      {first_window * 1000:8.0f} ms   goal < 1500"
    )
    print(f"  open a 3,000-character document             {small_open * 1000:8.1f} ms   goal < 50")
    print(f"    with entities and suggestions painted     {small_complete * 1000:8.1f} ms")
    print(
        f"  open a 300,000-character document           {large_open * 1000:8.0f} ms   goal < 1000"
    )
    print(f"    with entities and suggestions painted     {large_complete * 1000:8.0f} ms")
    print(
        f"  scrolling it: median frame                  {statistics.median(frames) * 1000:8.1f} ms"
    )
    worst = max(frames) * 1000
    print(f"  scrolling it: worst of {len(frames)} frames              {worst:8.1f} ms   goal < 50")
    print(f"  `jiyao gui --screenshot`, process to PNG    {whole_start * 1000:8.0f} ms (one run)")
    window.close()
    store.close()


if __name__ == "__main__":
    main()
