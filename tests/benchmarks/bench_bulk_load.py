"""Benchmark: ``jiyao import DIR`` of ``jiyao analyze --out`` results (issue 17), in documents a
second, against a bare load of the same shards in the same run.

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_bulk_load.py [--docs 20000] [--repeat 3]

It builds a results folder of ``--docs`` documents of 2,000 characters (shards of 500): a few
dozen distinct passages of the seed documents analysed for real (entities, suggestions), each
repeated with a serial number appended so that every document is new to the project (the
entities stay true: the number comes after them). Then, each run into a fresh project, runs
interleaved, each database removed after its run:

- what the user waits for: ``jiyao import --db DB DIR`` as a subprocess, start to exit;
- the baseline: a ``python -c`` process that reads the same shards with pyarrow and inserts
  their rows (documents and entities) into bare SQLite tables without indexes, one
  transaction per shard.

It prints the medians, documents a second, the goal (5,000/s) and the ratio to the baseline;
it asserts nothing about time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.core import batch
from desktop.core.corpus import FoundFile
from desktop.core.readers import ReaderOptions

ROOT = Path(__file__).resolve().parents[2]
SHARD_DOCS = 500
TEXT_CHARS = 2000
GOAL = 5000

BASELINE = """
import json, sqlite3, sys, pyarrow.parquet as pq
from pathlib import Path
folder, db = Path(sys.argv[1]), sys.argv[2]
conn = sqlite3.connect(db, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL"); conn.execute("PRAGMA synchronous=NORMAL")
conn.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, title, raw, clean, sha, meta, removed)")
conn.execute("CREATE TABLE e (d, type, start, stop, text)")
for shard in sorted((folder / "shards").glob("*.parquet")):
    c = pq.read_table(shard).to_pydict()
    conn.execute("BEGIN")
    for i in range(len(c["path"])):
        row = conn.execute("INSERT INTO d (title, raw, clean, sha, meta, removed) VALUES "
            "(?, ?, ?, ?, ?, ?)", (c["title"][i], c["raw_text"][i], c["clean_text"][i],
            c["text_sha256"][i], c["metadata"][i], c["removed"][i])).lastrowid
        conn.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?)",
            [(row, *entity) for entity in json.loads(c["entities"][i])])
    conn.execute("COMMIT")
"""


def passages(count: int) -> list[str]:
    """Distinct 2,000-character passages of the seed documents."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    whole = "\n".join(texts)
    step = max(1, (len(whole) - TEXT_CHARS) // count)
    return [whole[i * step : i * step + TEXT_CHARS] for i in range(count)]


def build_results(folder: Path, documents: int) -> None:
    sources = folder / "sources"
    sources.mkdir(parents=True)
    analysed: list[dict] = []
    for number, text in enumerate(passages(40)):
        path = sources / f"p{number:03d}.txt"
        path.write_text(text, encoding="utf-8")
        found = FoundFile(path, None)
        analysed.extend(batch.analyse_file(found, max_bytes=10**8, options=ReaderOptions()).records)
    out = folder / "results"
    (out / batch.SHARDS).mkdir(parents=True)
    shards = []

    for first in range(0, documents, SHARD_DOCS):
        records = []
        for serial in range(first, min(documents, first + SHARD_DOCS)):
            record = dict(analysed[serial % len(analysed)])
            suffix = f"\n{serial}"
            record["raw_text"] += suffix
            record["clean_text"] += suffix
            record["text_sha256"] = hashlib.sha256(record["clean_text"].encode()).hexdigest()
            records.append(record)
        name = f"part-{len(shards):05d}.parquet"
        batch._write_shard(out / batch.SHARDS, name, batch.ChunkResult(records, []))
        shards.append({"name": name, "files": len(records), "documents": len(records)})
    manifest = {
        "format": batch.SHARD_FORMAT,
        "status": "complete",
        "inputs": [str(sources)],
        "chunk_size": SHARD_DOCS,
        "documents": documents,
        "shards": shards,
    }
    (out / batch.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    (out / batch.FAILED).write_text("")


def remove_database(path: Path) -> None:
    """A run's database removed before the next run: the hundreds of MB it left for the kernel
    to write out (the bare load does not wait for them) would otherwise be written during the
    next run, and counted in its time."""
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        (path.parent / name).unlink(missing_ok=True)


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jiyao-bulk-"))
    try:
        build_results(work, args.docs)
        results = work / "results"
        jiyao_runs: list[float] = []
        bare_runs: list[float] = []
        for _ in range(args.repeat):
            db = work / "project.jiyao"
            jiyao_runs.append(
                timed([sys.executable, "-m", "desktop", "import", "--db", str(db), str(results)])
            )
            remove_database(db)
            bare = work / "bare.db"
            bare_runs.append(timed([sys.executable, "-c", BASELINE, str(results), str(bare)]))
            remove_database(bare)
        jiyao_median = statistics.median(jiyao_runs)
        bare_median = statistics.median(bare_runs)
        rate = args.docs / jiyao_median
        print(f"{args.docs} documents of {TEXT_CHARS} characters, {args.repeat} runs each")
        print(
            f"jiyao import DIR : median {jiyao_median:.2f} s -> {rate:,.0f} documents/s "
            f"(goal {GOAL:,}/s: {'met' if rate >= GOAL else 'not met'})"
        )
        print(
            f"bare pyarrow+sqlite3 load: median {bare_median:.2f} s -> "
            f"{args.docs / bare_median:,.0f} documents/s"
        )
        print(f"ratio jiyao / bare: {jiyao_median / bare_median:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
