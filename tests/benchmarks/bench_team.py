"""Benchmark: merging 10 coder projects of 2,000 documents with 20,000 tags each, and
computing agreement on the merged project (issue 16).

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_team.py [--repeat 3] [--coders 10] [--docs 2000]
        [--tags 10]

It builds a 2,000-document corpus from the seeds, runs ``jiyao assign --overlap 1`` (every
coder gets every document), puts ``--tags`` tags per document in each coder's project (the
same places for all, each coder moving some ends and changing some labels, so the coders
disagree a little, as people do), then times whole commands, start to exit, median of
``--repeat`` runs:

- ``jiyao merge --db TEAM`` of every coder file into a fresh team project, against a bare
  process that copies the same rows with SQL (ATTACH, INSERT … SELECT: no matching, no checks);
- ``jiyao agreement --db TEAM --json`` on the merged project, against a bare process that
  reads the same tags (SELECT) and exits.

It prints a plain-text report and asserts nothing about time.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.core.cleaning import clean
from desktop.core.labels import topics_scheme
from desktop.core.model import ImportedAnnotation, NewDocument
from desktop.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DOCUMENT_LENGTH = 1500
perf = time.perf_counter

BARE_MERGE = """
import sqlite3, sys
team = sqlite3.connect(sys.argv[1])
team.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, title, clean_text, raw_text, "
             "text_sha256 UNIQUE)")
team.execute('CREATE TABLE annotations (id INTEGER PRIMARY KEY, document_id, label_id, start, '
             '"end", note, attributes, annotator)')
for number, path in enumerate(sys.argv[2:]):
    team.execute(f"ATTACH DATABASE ? AS c{number}", (path,))
    with team:
        team.execute(f"INSERT OR IGNORE INTO documents (title, clean_text, raw_text, text_sha256)"
                     f" SELECT title, clean_text, raw_text, text_sha256 FROM c{number}.documents")
        team.execute(f'INSERT INTO annotations (document_id, label_id, start, "end", note,'
                     f' attributes, annotator) SELECT document_id, label_id, start, "end", note,'
                     f' attributes, ? FROM c{number}.annotations', (str(number),))
    team.execute(f"DETACH DATABASE c{number}")
team.close()
"""

BARE_READ = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
rows = connection.execute('SELECT document_id, label_id, start, "end", annotator, attributes '
                          'FROM annotations').fetchall()
lengths = connection.execute("SELECT id, length(clean_text) FROM documents").fetchall()
print(len(rows), len(lengths))
"""


def build_corpus(path: Path, documents: int) -> None:
    seeds = [
        clean((SEEDS / "000_9068b13d1ddf9a92.txt").read_text(encoding="utf-8")).text,
        (SEEDS / "003_81982325587c9960.txt").read_text(encoding="utf-8"),
    ]
    with Store(path) as store:
        store.install_scheme(topics_scheme())
        new = []
        for number in range(documents):
            text = seeds[number % 2]
            start = (number * 37) % max(1, len(text) - DOCUMENT_LENGTH)
            body = f"第{number}号\n" + text[start : start + DOCUMENT_LENGTH]
            new.append(NewDocument(f"文档{number}", body, body, "utf-8", "simplified"))
        store.add_documents(new)


def code(path: Path, coder: int, tags_per_document: int) -> int:
    """Tag every document of a coder's project: the same places for every coder, with some
    ends moved and some labels changed (seeded by the coder)."""
    chance = random.Random(coder)
    added = 0
    with Store(path) as store:
        leaves = [label.id for label in store.labels() if label.parent_id is not None]
        with store.transaction():
            for document in store.document_ids():
                length = len(store.document(document).clean_text)
                step = length // tags_per_document
                tags = []
                for k in range(tags_per_document):
                    start = k * step
                    end = (
                        start
                        + min(30, step)
                        + (chance.randrange(-3, 4) if chance.random() < 0.3 else 0)
                    )
                    label = leaves[(k + (1 if chance.random() < 0.1 else 0)) % len(leaves)]
                    strength = "mandatory" if chance.random() < 0.8 else "advisory"
                    tags.append(
                        ImportedAnnotation(
                            label, start, max(start + 1, end), attributes={"strength": strength}
                        )
                    )
                added += store.add_imported_annotations(document, tags)
    return added


def run(command: list[str]) -> float:
    started = perf()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = perf() - started
    if result.returncode != 0:
        raise SystemExit(f"{command[:4]} failed: {result.stderr.strip()}")
    return elapsed


def jiyao(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "desktop", *map(str, args)]


def median_of(repeat: int, prepare: list[Path], command: list[str]) -> float:
    times = []
    for _ in range(repeat):
        for path in prepare:
            for leftover in path.parent.glob(path.name + "*"):
                leftover.unlink()
        times.append(run(command))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--coders", type=int, default=10)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--tags", type=int, default=10, help="tags per document per coder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jiyao-bench-team-"))
    try:
        started = perf()
        corpus = folder / "corpus.jiyao"
        build_corpus(corpus, args.docs)
        names = [f"coder{n:02d}" for n in range(args.coders)]
        run(
            jiyao(
                "assign",
                "--db",
                corpus,
                "--coders",
                *names,
                "--overlap",
                "1",
                "-o",
                folder / "coders",
            )
        )
        files = [folder / "coders" / f"{name}.jiyao" for name in names]
        tags = sum(code(path, n, args.tags) for n, path in enumerate(files))
        print(
            f"{args.coders} coder projects of {args.docs} documents, {tags} tags in all, "
            f"built in {perf() - started:.1f} s; median of {args.repeat} runs\n"
        )
        team, bare = folder / "team.jiyao", folder / "bare.sqlite"
        merge = median_of(args.repeat, [team], jiyao("merge", "--db", team, *files))
        bare_merge = median_of(
            args.repeat, [bare], [sys.executable, "-c", BARE_MERGE, str(bare), *map(str, files)]
        )
        agreement = median_of(args.repeat, [], jiyao("agreement", "--db", team, "--json"))
        bare_read = median_of(args.repeat, [], [sys.executable, "-c", BARE_READ, str(team)])
        print(f"{'command':<34}{'seconds':>9}{'baseline s':>12}{'ratio':>8}")
        for name, seconds, baseline in (
            ("jiyao merge (all files)", merge, bare_merge),
            ("jiyao agreement --json", agreement, bare_read),
        ):
            print(f"{name:<34}{seconds:>9.2f}{baseline:>12.2f}{seconds / baseline:>8.1f}")
        print("\nbaselines: merge - SQL copy of the same rows (ATTACH, INSERT ... SELECT);")
        print("agreement - a process reading the same tags and document lengths")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
