"""Tag-to-screen latency: a 300,000-character document already holding 2,000 tags; time from
the key press (a tag command pushed on the undo stack) until both panes are repainted.

    python tests/benchmarks/bench_tagging.py [--tags 2000] [--repeat 30]

Offscreen Qt. Prints the median and the worst; asserts nothing. Goal (issue 5): under 50 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tags", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jiyao-bench-tagging-"))
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")

    from PySide6.QtWidgets import QApplication

    from desktop.core.analysis import document_entities
    from desktop.core.labels import topics_scheme
    from desktop.core.model import NewDocument
    from desktop.core.script import detect_script
    from desktop.core.store import Store
    from desktop.ui.app import application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    simplified = (ROOT / "seeds" / "003_81982325587c9960.txt").read_text(encoding="utf-8")
    text = (simplified * (300_000 // len(simplified) + 1))[:300_000]
    store = Store(folder / "tags.jiyao")
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
        for _ in range(args.tags):
            start = rng.randrange(0, len(text) - 20)
            store.add_annotation(document_id, label.id, start, start + rng.randrange(2, 20))
    document_entities(store, document_id)

    application()
    settings = Settings()
    settings.annotator = "bench"
    window = MainWindow(store, settings)
    window.resize(1400, 820)
    window.show()
    window.show_document(document_id)
    QApplication.processEvents()
    pane = window.reader.original
    latencies = []
    profiler = (
        cProfile.Profile() if os.environ.get("PROFILE") else None
    )  # PROFILE=1: where time goes
    if profiler:
        profiler.enable()
    for step in range(args.repeat):
        start = pane.first_visible_position() + 10 + step
        window.reader.select_clean_span(start, start + 5)
        QApplication.processEvents()
        begin = time.perf_counter()
        window.tag_selection(label.id)
        pane.viewport().repaint()
        window.reader.converted.viewport().repaint()
        QApplication.processEvents()
        latencies.append(time.perf_counter() - begin)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    print(
        f"tag to screen, {args.tags} tags on a {len(text):,}-character document, "
        f"{args.repeat} tags: median {statistics.median(latencies) * 1000:.1f} ms, "
        f"worst {max(latencies) * 1000:.1f} ms (goal < 50 ms)"
    )
    window.close()
    store.close()


if __name__ == "__main__":
    main()
