"""Benchmark: counting and retrieving coded segments and entities over a corpus.

Run by hand, never by pytest::

    .venv/bin/python tests/benchmarks/bench_analysis.py [--docs 20000] [--repeat 5] [--dir PATH]

It makes ``--docs`` documents of 2,000 characters (the sentences of the seed texts, as
bench_search does), five tags each (three labels under one parent, issuers, addressees, two
annotators) and the entities of a fixed vocabulary found in each text, cached as the entity
pipeline would. Then it times, each a whole command from start to exit, the median of
``--repeat`` runs, against a baseline process doing the nearest bare SQL in the same run
(``python -c`` with sqlite3), reported as a ratio:

- ``jiyao segments --where issuer=市长 -o out.csv`` and ``-o out.xlsx`` against one
  SELECT of the same tags (json_extract on the issuer) written with ``csv``;
- ``jiyao stats --rows issuer --columns month`` against a GROUP BY of the same two fields;
- ``jiyao cooccurrence --within 10`` against a self-join of the tags of each document;
- ``jiyao cooccurrence --entities --cached-only`` against a self-join of the cached entities
  of each document (distinct documents per pair of texts, no folding, no top N).

It prints a plain-text report and asserts nothing about time.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import LENGTH, make_documents  # noqa: E402

from desktop.core.entities import PIPELINE_VERSION  # noqa: E402
from desktop.core.model import Entity, ImportedAnnotation  # noqa: E402
from desktop.core.store import Store  # noqa: E402

VOCABULARY = {
    "市长": "TITLE",
    "市委书记": "TITLE",
    "区长": "TITLE",
    "宿迁": "PLACE",
    "宿遷": "PLACE",
    "佛山": "PLACE",
    "市政府": "ORG",
    "中央": "ORG",
    "习近平": "PERSON",
}
ISSUERS = ("市长", "区长", "局长")
ADDRESSEES = ("企业", "街道", "区")


def build_project(db: Path, count: int) -> None:
    generator = random.Random(15)
    vocabulary = re.compile("|".join(VOCABULARY))
    with Store(db) as store:
        ids = store.add_documents(make_documents(count))
        top = store.add_label("指令").id
        labels = [store.add_label(name, parent_id=top).id for name in ("要求", "部署", "督促")]
        with store.transaction():
            for document_id, document in zip(ids, make_documents(count), strict=True):
                if document_id is None:
                    continue
                tags = []
                for index in range(5):
                    start = generator.randrange(0, LENGTH - 20)
                    attributes = {
                        "issuer": generator.choice(ISSUERS),
                        "addressee": generator.choice(ADDRESSEES),
                    }
                    tags.append(
                        ImportedAnnotation(
                            generator.choice(labels),
                            start,
                            start + generator.randrange(2, 20),
                            attributes=attributes,
                            annotator="甲" if index % 2 else "乙",
                        )
                    )
                store.add_imported_annotations(document_id, tags)
                entities = [
                    Entity(VOCABULARY[m.group()], m.start(), m.end(), m.group())
                    for m in vocabulary.finditer(document.clean_text)
                ]
                store.replace_pipeline_entities(document_id, entities, PIPELINE_VERSION)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--reuse", action="store_true", help="time the project --dir holds")
    args = parser.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="bench_analysis_"))
    db = folder / "bench.jiyao"
    if not (args.reuse and db.exists()):
        build_project(db, args.docs)
    with Store(db, create=False) as store:
        documents = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        tags = store.db.execute("SELECT count(*) FROM annotations").fetchone()[0]
        entities = store.db.execute("SELECT count(*) FROM entities").fetchone()[0]
    print(f"{documents} documents of {LENGTH} characters, {tags} tags, {entities} entities: {db}")
    time_commands(db, folder, args.repeat)


SEGMENTS_SQL = (
    "import csv,sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
    'r=c.execute("SELECT a.document_id, d.title, d.date, a.start, a.end, '
    "substr(d.clean_text, a.start + 1, a.end - a.start), a.attributes, a.note, a.annotator "
    "FROM annotations a JOIN documents d ON d.id = a.document_id "
    "WHERE json_extract(a.attributes, '$.issuer') = '市长' ORDER BY a.document_id, a.start\"); "
    "csv.writer(open(sys.argv[2], 'w', encoding='utf-8-sig', newline='')).writerows(r)"
)
STATS_SQL = (
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
    "r=c.execute(\"SELECT json_extract(a.attributes, '$.issuer'), substr(d.date, 1, 7), "
    "count(*) FROM annotations a JOIN documents d ON d.id = a.document_id "
    'GROUP BY 1, 2").fetchall(); print(r[:1])'
)
TAGS_NEAR_SQL = (
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
    'r=c.execute("SELECT a.label_id, b.label_id, count(DISTINCT a.document_id) '
    "FROM annotations a JOIN annotations b ON a.document_id = b.document_id AND a.id < b.id "
    'AND max(b.start - a.end, a.start - b.end) <= 10 GROUP BY 1, 2").fetchall()'
)
ENTITIES_SQL = (
    "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
    'r=c.execute("SELECT a.text, b.text, count(DISTINCT a.document_id) FROM entities a '
    "JOIN entities b ON a.document_id = b.document_id AND a.text < b.text "
    "WHERE a.type IN ('PERSON', 'PLACE', 'ORG', 'TITLE') "
    "AND b.type IN ('PERSON', 'PLACE', 'ORG', 'TITLE') "
    'GROUP BY 1, 2").fetchall()'
)


def timed(command: list[str], repeat: int, cache: Path) -> float:
    """Median seconds of ``command`` as a process, start to exit, after a warm-up run. Python
    may keep its compiled modules (in ``cache``, outside the tree), as an installed Jiyao does:
    a PYTHONDONTWRITEBYTECODE in the environment would time compiling the code each run."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(cache)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(command, capture_output=True, check=True, env=env)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_commands(db: Path, folder: Path, repeat: int) -> None:
    python = sys.executable
    jiyao = [python, "-m", "desktop"]
    out_csv, out_xlsx, bare = (folder / name for name in ("out.csv", "out.xlsx", "bare.csv"))
    cases = [
        (
            "segments issuer=市长 -o .csv",
            [*jiyao, "segments", "--db", str(db), "--where", "issuer=市长", "-o", str(out_csv)],
            [python, "-c", SEGMENTS_SQL, str(db), str(bare)],
        ),
        (
            "segments issuer=市长 -o .xlsx",
            [*jiyao, "segments", "--db", str(db), "--where", "issuer=市长", "-o", str(out_xlsx)],
            [python, "-c", SEGMENTS_SQL, str(db), str(bare)],
        ),
        (
            "stats issuer x month",
            [*jiyao, "stats", "--db", str(db), "--rows", "issuer", "--columns", "month"],
            [python, "-c", STATS_SQL, str(db)],
        ),
        (
            "cooccurrence --within 10",
            [*jiyao, "cooccurrence", "--db", str(db), "--within", "10"],
            [python, "-c", TAGS_NEAR_SQL, str(db)],
        ),
        (
            "cooccurrence --entities",
            [*jiyao, "cooccurrence", "--db", str(db), "--entities", "--cached-only"],
            [python, "-c", ENTITIES_SQL, str(db)],
        ),
    ]
    print(f"{'command':32} {'jiyao':>9} {'bare SQL':>9} {'ratio':>6}")
    start = timed([python, "-c", "import sqlite3"], repeat, folder / "pycache")
    print(f"{'(python -c import sqlite3)':32} {start * 1000:6.0f} ms")
    for name, command, baseline in cases:
        ours = timed(command, repeat, folder / "pycache")
        base = timed(baseline, repeat, folder / "pycache")
        print(f"{name:32} {ours * 1000:6.0f} ms {base * 1000:6.0f} ms {ours / base:6.2f}")


if __name__ == "__main__":
    main()
