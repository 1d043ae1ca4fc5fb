"""Benchmark: the memory of ``jiyao analyze DIR --out`` workers (issue 17: "memory per worker
bounded by the chunk size, not the corpus").

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_batch_memory.py [--docs 2000,10000] [--chunks 100,1000]

For each corpus size (files of 2,000 characters, written as bench_batch_analyze.py writes them)
and each chunk size, it runs ``jiyao analyze DIR --out OUT --workers 2 --chunk-size N`` as a
subprocess and samples the resident memory (RSS) of every process of the job every 50 ms: the
command itself (the Dask client, which writes the shards; the LocalCluster's scheduler and
nannies run in it too) and the worker processes it starts, which run the pipeline. It prints
each kind's peak, per corpus size and chunk size, beside a baseline measured in the same run:
the peak of one plain Python process that has imported the pipeline and analysed a single
file (what any worker must hold before its first chunk). Bounded by the chunk size means:
along a row (more files, same chunk size) the workers' peak stays put; down a column (bigger
chunks) it may grow. It asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch_analyze import ROOT, TEXT_CHARS, write_corpus

SAMPLE_SECONDS = 0.05
MIB = 1024 * 1024

ONE_FILE = """
import sys
from pathlib import Path
from desktop.core import batch
from desktop.core.corpus import FoundFile
from desktop.core.readers import ReaderOptions
batch.analyse_file(FoundFile(Path(sys.argv[1]), None), max_bytes=10**8, options=ReaderOptions())
"""


def peaks_of_job(command: list[str]) -> dict[str, float]:
    """Run ``command``; the peak RSS (MiB) of the command and of the largest of its worker
    processes (its children, multiprocessing's resource tracker left out)."""
    peaks: dict[int, tuple[str, float]] = {}  # pid: (kind, peak MiB)
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    ) as job:
        root = psutil.Process(job.pid)
        while job.poll() is None:
            _sample(root, "command (client)", peaks)
            time.sleep(SAMPLE_SECONDS)
        errors = job.stderr.read().decode() if job.stderr else ""
    if job.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {errors.strip()[-500:]}")
    result: dict[str, float] = {}
    for kind, peak in peaks.values():
        result[kind] = max(result.get(kind, 0.0), peak)
    return result


def _sample(process: psutil.Process, kind: str, peaks: dict[int, tuple[str, float]]) -> None:
    try:
        rss = process.memory_info().rss / MIB
        children = [
            child
            for child in process.children(recursive=True)
            if "resource_tracker" not in " ".join(child.cmdline())
        ]
    except psutil.Error:  # it ended between two looks
        return
    peaks[process.pid] = (kind, max(peaks.get(process.pid, (kind, 0.0))[1], rss))
    for child in children:
        try:
            child_rss = child.memory_info().rss / MIB
        except psutil.Error:
            continue
        peaks[child.pid] = ("worker", max(peaks.get(child.pid, ("worker", 0.0))[1], child_rss))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="2000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--chunks", default="100,1000", help="chunk sizes, comma-separated")
    args = parser.parse_args()
    sizes = [int(size) for size in args.docs.split(",")]
    chunks = [int(chunk) for chunk in args.chunks.split(",")]
    work = Path(tempfile.mkdtemp(prefix="jiyao-batch-memory-"))
    try:
        table: dict[tuple[int, int], dict[str, float]] = {}
        for size in sizes:
            corpus = work / f"corpus-{size}"
            write_corpus(corpus, size)
            for chunk in chunks:
                out = work / f"out-{size}-{chunk}"
                command = [sys.executable, "-m", "desktop", "analyze", str(corpus), "--out"]
                command += [str(out), "--workers", "2", "--chunk-size", str(chunk)]
                table[(size, chunk)] = peaks_of_job(command)
                shutil.rmtree(out)
        one_file = work / "corpus-one"
        write_corpus(one_file, 1)
        baseline = peaks_of_job([sys.executable, "-c", ONE_FILE, str(next(one_file.iterdir()))])
        _report(table, sizes, chunks, baseline["command (client)"])
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _report(
    table: dict[tuple[int, int], dict[str, float]],
    sizes: list[int],
    chunks: list[int],
    baseline: float,
) -> None:
    print(f"jiyao analyze --workers 2: peak resident memory (MiB), files of {TEXT_CHARS} chars")
    print(f"baseline: one process, the pipeline loaded and one file analysed: {baseline:.0f} MiB")
    for kind in ("worker", "command (client)"):
        print(f"\n{kind} (largest of its kind)")
        print("  chunk size " + "".join(f"{size:>12,} files" for size in sizes))
        for chunk in chunks:
            cells = "".join(f"{table[(size, chunk)].get(kind, 0.0):>18.0f}" for size in sizes)
            print(f"  {chunk:>10,} {cells}")
        worst = max(table[key].get(kind, 0.0) for key in table)
        print(f"  largest / baseline: {worst / baseline:.2f}x")


if __name__ == "__main__":
    main()
