"""Benchmark: exporting 2,000 documents with 20,000 tags in every format, and reading back.

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_export.py [--repeat 3] [--docs 2000] [--tags 10]

It builds a project in a temporary folder from the two seed documents (each document a
different slice of a seed, so every text is unique), puts ``--tags`` tags with attributes and
notes on each, then times, median of ``--repeat`` runs:

- ``export_project`` in each format, original text;
- the JSONL export of the converted text (OpenCC and the alignment per document);
- reading each readable format back and storing it into an empty project.

It prints a plain-text report and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop.core.exports.formats import FORMATS, export_project, read_annotated_set
from desktop.core.exports.importing import store_annotated_set
from desktop.core.exports.selection import ExportOptions
from desktop.core.labels import topics_scheme
from desktop.core.model import ImportedAnnotation, NewDocument
from desktop.core.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TRADITIONAL_SEED = SEEDS / "000_9068b13d1ddf9a92.txt"
SIMPLIFIED_SEED = SEEDS / "003_81982325587c9960.txt"
DOCUMENT_LENGTH = 1500

perf = time.perf_counter


def build_project(path: Path, documents: int, tags_per_document: int) -> tuple[int, int]:
    from desktop.core.cleaning import clean

    seeds = [
        (clean(TRADITIONAL_SEED.read_text(encoding="utf-8")).text, "traditional"),
        (SIMPLIFIED_SEED.read_text(encoding="utf-8"), "simplified"),
    ]
    with Store(path) as store:
        store.install_scheme(topics_scheme())
        leaves = [label.id for label in store.labels() if label.parent_id is not None]
        new = []
        for number in range(documents):
            text, script = seeds[number % 2]
            start = (number * 37) % max(1, len(text) - DOCUMENT_LENGTH)
            body = f"第{number}号\n" + text[start : start + DOCUMENT_LENGTH]
            new.append(NewDocument(f"文档{number}", body, body, "utf-8", script))
        ids = [i for i in store.add_documents(new) if i is not None]
        count = 0
        with store.transaction():
            for document_id, document in zip(ids, new, strict=True):
                step = len(document.clean_text) // tags_per_document
                tags = [
                    ImportedAnnotation(
                        leaves[k % len(leaves)],
                        k * step,
                        k * step + min(30, step),
                        note="备注 note" if k % 3 == 0 else "",
                        attributes={"strength": "mandatory", "issuer": "市长"} if k % 2 else {},
                        annotator="研究员",
                    )
                    for k in range(tags_per_document)
                ]
                count += store.add_imported_annotations(document_id, tags)
    return len(ids), count


def timed(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = perf()
        result = run()
        times.append(perf() - started)
    return statistics.median(times), result


def target_for(folder: Path, name: str) -> Path:
    export_format = FORMATS[name]
    return folder / (f"{name}{export_format.suffix}" if export_format.target == "file" else name)


def size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--tags", type=int, default=10)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jiyao-bench-export-"))
    try:
        started = perf()
        documents, tags = build_project(folder / "project.jiyao", args.docs, args.tags)
        print(f"project: {documents} documents, {tags} tags, built in {perf() - started:.1f} s")
        print(f"median of {args.repeat}\n")
        print(f"{'format':<24}{'export s':>10}{'MB':>8}{'read+store s':>14}{'tags back':>11}")
        with Store(folder / "project.jiyao") as store:
            runs = [(name, ExportOptions()) for name in FORMATS]
            runs.append(("jsonl", ExportOptions(text="converted")))
            for name, options in runs:
                label = name if options.text == "original" else f"{name} (converted)"
                target = target_for(folder / label.replace(" ", "_"), name)
                target.parent.mkdir(parents=True, exist_ok=True)
                seconds, _result = timed(
                    partial(export_project, store, name, target, options), args.repeat
                )
                line = f"{label:<24}{seconds:>10.2f}{size_of(target) / 1e6:>8.1f}"
                if FORMATS[name].readable:
                    back, added = timed(partial(read_back, target, folder), args.repeat)
                    line += f"{back:>14.2f}{added:>11}"
                print(line)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def read_back(target: Path, folder: Path) -> int:
    database = folder / "read-back.jiyao"
    for leftover in folder.glob("read-back.jiyao*"):
        leftover.unlink()
    with Store(database) as empty:
        return store_annotated_set(empty, read_annotated_set(target)).annotations_added


if __name__ == "__main__":
    main()
