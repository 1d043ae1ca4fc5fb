"""Benchmark: exporting 2,000 documents with 20,000 tags in every format, and reading back.

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_export.py [--repeat 3] [--docs 2000] [--tags 10]

It builds a project in a temporary folder from the two seed documents (each document a
different slice of a seed, so every text is unique), puts ``--tags`` tags with attributes and
notes on each, then times, median of ``--repeat`` runs:

- ``export_project`` in each format, original text;
- the JSONL export of the converted text (OpenCC and the alignment per document);
- reading each readable format back and storing it into an empty project.

With ``--big`` it times instead what issue 22 names: ``jiyao export --text converted`` of one
20 MB document (Simplified readouts, s2tw, the natural conversion; with ``--phrases`` also
s2twp, the length-changing phrase configuration), the whole command from start to exit, on
the native engines and with ``JIYAO_PURE_PYTHON=1`` (the fallback; what Jiyao did before),
against the baseline of the same run: the same command exporting the original text
(``--text original``).

It prints a plain-text report and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
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


BIG_DOCUMENT_BYTES = 20_000_000
ROOT = Path(__file__).resolve().parents[2]


def build_big_document(path: Path) -> int:
    """A project holding one Simplified document of BIG_DOCUMENT_BYTES in UTF-8, ten tags."""
    from desktop.core.cleaning import clean

    readout = clean(SIMPLIFIED_SEED.read_text(encoding="utf-8")).text.strip() + "\n\n"
    text = readout * (BIG_DOCUMENT_BYTES // len(readout.encode("utf-8")) + 1)
    text = text[: len(text) * BIG_DOCUMENT_BYTES // len(text.encode("utf-8"))]
    with Store(path) as store:
        store.install_scheme(topics_scheme())
        leaf = next(label.id for label in store.labels() if label.parent_id is not None)
        document_id = store.add_document(NewDocument("二十兆", text, text, "utf-8", "simplified"))
        assert document_id is not None
        step = len(text) // 10
        store.add_imported_annotations(
            document_id, [ImportedAnnotation(leaf, k * step, k * step + 20) for k in range(10)]
        )
    return len(text.encode("utf-8"))


def command_seconds(arguments: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = perf()
        subprocess.run(
            [sys.executable, "-m", "desktop", *arguments],
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        )
        times.append(perf() - started)
    return statistics.median(times)


def big_export(repeat: int, phrases: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="jiyao-bench-export-big-"))
    try:
        database = folder / "big.jiyao"
        size = build_big_document(database)
        print(
            f"one document of {size / 1e6:.1f} MB; whole command start to exit, median of {repeat}"
        )
        export = ["export", "--db", str(database), "--format", "jsonl", "-o"]
        native, pure = {"JIYAO_PURE_PYTHON": "0"}, {"JIYAO_PURE_PYTHON": "1"}
        command_seconds([*export, str(folder / "warm.jsonl")], native, 1)  # bytecode
        baseline = command_seconds([*export, str(folder / "original.jsonl")], native, repeat)
        print(f"{'baseline: --text original':<44}{baseline:8.2f} s")
        for conversion in ("s2tw", "s2twp") if phrases else ("s2tw",):
            converted = [*export, str(folder / "c.jsonl"), "--text", "converted"]
            converted += ["--conversion", conversion]
            for name, env in (("pure Python (before)", pure), ("native (after)", native)):
                seconds = command_seconds(converted, env, repeat)
                label = f"--text converted ({conversion}), {name}"
                print(f"{label:<44}{seconds:8.2f} s  {seconds / baseline:6.2f} x baseline")
        print("(goal: native s2tw under 1 s)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--tags", type=int, default=10)
    parser.add_argument("--big", action="store_true", help="one 20 MB document (issue 22)")
    parser.add_argument(
        "--phrases", action="store_true", help="with --big, s2twp too (minutes on the fallback)"
    )
    args = parser.parse_args()
    if args.big:
        big_export(args.repeat, args.phrases)
        return
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
