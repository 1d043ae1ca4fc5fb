"""Benchmark: the corpus search at 100,000 documents of 2,000 characters.

Run by hand, never by pytest::

    .venv/bin/python tests/benchmarks/bench_search.py [--docs 100000] [--repeat 5] [--dir PATH]

It makes the documents from the sentences of the two seed texts (one Traditional, one
Simplified; every tenth document Traditional), stores them in a project made at the schema
before the search index (the bare insert, timed), then times, in the same run:

- the index build (``Store.build_search_index``, what an older project pays once on open)
  against the bare insert of the same documents, and against ``jiyao import`` of a sample of
  them as files (``--import-sample``, per document, scaled up); the project file's growth;
- what the user waits for, each a whole command from start to exit, the median of
  ``--repeat`` runs: ``jiyao search --db DB 复工 --limit 20 --json`` (the first page),
  ``jiyao search --db DB 复工 --count`` (the full count), and the same for a Traditional
  query (復工) and a rare term;
- baselines as processes too (``python -c`` with sqlite3): the first 20 documents whose clean
  text has the term (``instr``) and the full count of the term over the whole table
  (``length``/``replace``, one script only), and a bare FTS5 MATCH of the term's pair.

``--reuse`` searches the project a previous run left in ``--dir`` (no build timing). It prints
a plain-text report and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.model import NewDocument  # noqa: E402
from desktop.core.store import Store  # noqa: E402
from desktop.core.store.schema import MIGRATIONS  # noqa: E402

INDEX_VERSION = next(m.version for m in MIGRATIONS if m.purpose == "the corpus search index")
LENGTH = 2000


def sentences(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [s for s in re.split(r"(?<=[。！？\n])", text) if len(s.strip()) > 4]


def make_documents(count: int) -> list[NewDocument]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    traditional, simplified = (sentences(path) for path in seeds)
    generator = random.Random(15)
    documents = []
    for number in range(count):
        pool = traditional if number % 10 == 0 else simplified
        parts: list[str] = [f"第{number}号\n"]
        length = len(parts[0])
        while length < LENGTH:
            sentence = generator.choice(pool)
            parts.append(sentence)
            length += len(sentence)
        text = "".join(parts)[:LENGTH]
        documents.append(
            NewDocument(
                title=f"第{number}号",
                raw_text=text,
                clean_text=text,
                encoding="utf-8",
                script="traditional" if number % 10 == 0 else "simplified",
                date=f"20{20 + number % 5}-{1 + number % 12:02d}-01",
            )
        )
    return documents


def timed(command: list[str], repeat: int) -> float:
    """Median seconds of ``command`` as a process, start to exit (one warm-up run first)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(command, capture_output=True, check=True, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", type=Path)
    parser.add_argument(
        "--reuse", action="store_true", help="search the project --dir holds (no build timing)"
    )
    parser.add_argument(
        "--import-sample",
        type=int,
        default=2000,
        metavar="N",
        help="time `jiyao import` of N of the documents as files, for the build's ratio to it",
    )
    args = parser.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="bench_search_"))
    db = folder / "bench.jiyao"
    print(f"{args.docs} documents of {LENGTH} characters in {db}")
    if not (args.reuse and db.exists()):
        build_project(db, make_documents(args.docs), args.import_sample, folder)
    time_searches(db, args.repeat)


def build_project(db: Path, documents: list[NewDocument], sample: int, folder: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    with Store(db, migrate_to=INDEX_VERSION - 1) as store:
        start = time.perf_counter()
        for first in range(0, len(documents), 1000):
            store.add_documents(documents[first : first + 1000])
        insert = time.perf_counter() - start
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_before = db.stat().st_size
    with Store(db) as store:
        start = time.perf_counter()
        store.build_search_index()
        build = time.perf_counter() - start
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size_after = db.stat().st_size
    print(f"bare insert (no index)   {insert:8.1f} s")
    print(f"index build              {build:8.1f} s   ratio {build / insert:.2f}")
    print(
        f"project file             {size_before / 2**20:8.0f} MiB -> {size_after / 2**20:.0f} MiB"
        f" (+{100 * (size_after - size_before) / size_before:.0f} %)"
    )
    if sample:
        files = folder / "files"
        files.mkdir(exist_ok=True)
        for number, document in enumerate(documents[:sample]):
            (files / f"{number:06d}.txt").write_text(document.clean_text, encoding="utf-8")
        sample_db = folder / "sample.jiyao"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sample_db}{suffix}").unlink(missing_ok=True)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        start = time.perf_counter()
        command = [sys.executable, "-m", "desktop", "import", "--db", str(sample_db), str(files)]
        subprocess.run(command, capture_output=True, check=True, env=env)
        per_document = (time.perf_counter() - start) / sample
        estimate = per_document * len(documents)
        print(
            f"jiyao import, {sample} files  {per_document * 1000:6.2f} ms a document: "
            f"{estimate:.0f} s for {len(documents)} (estimate); build / import "
            f"{build / estimate:.2f}"
        )


def time_searches(db: Path, repeat: int) -> None:
    python = sys.executable
    jiyao = [python, "-m", "desktop", "search", "--db", str(db)]
    first_page_sql = (
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
        'r=c.execute("SELECT id, clean_text FROM documents WHERE instr(clean_text, ?) > 0 '
        'ORDER BY id LIMIT 20", (sys.argv[2],)).fetchall()'
    )
    count_sql = (
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); t=sys.argv[2]; "
        "r=c.execute('SELECT sum((length(clean_text) - length(replace(clean_text, ?, ?))) "
        "/ length(?)) FROM documents', (t, '', t)).fetchone()"
    )
    fts_sql = (
        "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
        "r=c.execute('SELECT count(*) FROM search_index WHERE search_index MATCH ?', "
        "(chr(34) + sys.argv[2] + chr(34),)).fetchone()"
    )
    rows = []
    for term in ("复工", "復工", "疫苗"):
        page = timed([*jiyao, term, "--limit", "20", "--json"], repeat)
        page_base = timed([python, "-c", first_page_sql, str(db), term], repeat)
        count = timed([*jiyao, term, "--count"], max(3, repeat // 2))
        count_base = timed([python, "-c", count_sql, str(db), term], max(3, repeat // 2))
        fts = timed([python, "-c", fts_sql, str(db), term], repeat)
        rows.append((term, page, page_base, count, count_base, fts))
    header = "term   first page  instr LIMIT 20  ratio   full count  instr count  ratio   bare FTS"
    print(header)
    for term, page, page_base, count, count_base, fts in rows:
        print(
            f"{term}   {page * 1000:8.0f} ms  {page_base * 1000:11.0f} ms  {page / page_base:5.2f}"
            f"  {count * 1000:8.0f} ms  {count_base * 1000:8.0f} ms  {count / count_base:5.2f}"
            f"  {fts * 1000:6.0f} ms"
        )


if __name__ == "__main__":
    main()
