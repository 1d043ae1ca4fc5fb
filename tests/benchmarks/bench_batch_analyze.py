"""Benchmark: ``jiyao analyze DIR --out`` (issue 17) with 1 and 2 Dask workers, against the same
pipeline run in one plain process, in the same run.

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_batch_analyze.py [--docs 20000] [--repeat 3]

It writes ``--docs`` text files of 2,000 characters (passages of the seed documents, each with
a serial number so that none repeats), then times, runs interleaved, each into a fresh folder:

- ``jiyao analyze DIR --out OUT --workers 1`` and ``--workers 2`` as subprocesses, start to
  exit (the LocalCluster's start and stop included: what the user waits for);
- the baseline: a ``python -c`` process that runs the same per-file function
  (``batch.analyse_file``) over the files one after another, writing nothing.

It prints the medians, documents a second and the ratios (2 workers over 1; each over the
plain process); it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT_CHARS = 2000

BASELINE = """
import sys
from pathlib import Path
from desktop.core import batch
from desktop.core.corpus import collect_files
from desktop.core.readers import ReaderOptions
files, _ = collect_files([Path(sys.argv[1])])
for found in files:
    batch.analyse_file(found, max_bytes=10**8, options=ReaderOptions())
"""


def write_corpus(folder: Path, documents: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    whole = "\n".join(texts)
    span = len(whole) - TEXT_CHARS
    folder.mkdir(parents=True)
    for serial in range(documents):
        start = (serial * 997) % span
        text = whole[start : start + TEXT_CHARS] + f"\n{serial}\n"
        (folder / f"{serial:06d}.txt").write_text(text, encoding="utf-8")


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk-size", type=int, default=500)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jiyao-batch-"))
    try:
        corpus = work / "corpus"
        write_corpus(corpus, args.docs)
        runs: dict[str, list[float]] = {"plain": [], "1 worker": [], "2 workers": []}
        for run in range(args.repeat):
            runs["plain"].append(timed([sys.executable, "-c", BASELINE, str(corpus)]))
            for workers, name in ((1, "1 worker"), (2, "2 workers")):
                out = work / f"out-{run}-{workers}"
                runs[name].append(
                    timed(
                        [
                            sys.executable,
                            "-m",
                            "desktop",
                            "analyze",
                            str(corpus),
                            "--out",
                            str(out),
                            "--workers",
                            str(workers),
                            "--chunk-size",
                            str(args.chunk_size),
                        ]
                    )
                )
                shutil.rmtree(out)
        medians = {name: statistics.median(times) for name, times in runs.items()}
        print(f"{args.docs} files of {TEXT_CHARS} characters, {args.repeat} runs each")
        for name, median in medians.items():
            print(f"{name:>10}: median {median:7.2f} s  {args.docs / median:8,.0f} documents/s")
        print(f"2 workers over 1 (speed-up): {medians['1 worker'] / medians['2 workers']:.2f}x")
        for name in ("1 worker", "2 workers"):
            print(f"{name} / plain process: {medians[name] / medians['plain']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
