"""Benchmark: importing 2,000 text files, against a bare read-decode-insert baseline.

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_import.py [--repeat 5] [--docs 2000,20000] [--dir PATH]

It builds a corpus in a temporary folder from the two seed documents (most files UTF-8, a few
GB18030 and Big5), then times, each run into a fresh database file, the runs interleaved so that
the machine's drift affects all alike:

- what the user waits for: the command ``jiyao import --db DB FOLDER`` as a subprocess, from
  its start until it exits (interpreter start-up, imports and the final commit included),
  run as the ``jiyao`` script runs it (``desktop.cli:run``, which ends an import's process
  at once) by ``python -c``, which then
  reports the processor time of the command's process and of its workers;
- a bare baseline: read each file's bytes, decode them with the codec they were written in,
  ``sqlite_utils.Database(db)["docs"].insert_all({path, text})`` with the store's pragmas,
  in-process (the issue's yardstick), and the same as a subprocess (``python -c``) for a
  like-for-like wait;
- the real import in-process, ``corpus.import_paths(Store(db), [folder])``;
- after the import, the first ``jiyao search`` (which builds the search index a large import
  leaves for later) and a second one, so that the work moved out of the import is shown;
- on a machine of several cores, the command again on one core only (its affinity set to one
  processor, so it prepares the files itself), for the speed-up the worker processes give
  (issue 17), with the processor time of the importing process and of its workers, which
  tell how the work was shared when others' work makes the wall times unreliable;
  ``--speed-up`` measures only that, interleaved, for a quicker reading;
- unless ``--no-stages``: the core functions the import calls, one by one on the same files.

The headline ratio is the command's median over the median of the bare baseline as a process:
both are what someone waits for when they run a program on a folder (a script of their own
pays the interpreter's start-up and sqlite-utils' imports too); the ratio to the in-process
baseline, which starts its clock with everything loaded, is printed beside it. The
subprocesses run with compiled bytecode cached (in the temporary folder, one warm-up run
each), as an installed Jiyao does: a checkout run with PYTHONDONTWRITEBYTECODE would
otherwise compile Jiyao's modules on every start while sqlite-utils' are precompiled. Several
corpus sizes (``--docs 2000,20000``) are measured one after the other in the same run, so the
cost per document can be compared across sizes. It prints a plain-text report and asserts
nothing about time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import sqlite_utils

from desktop.cli import _usable_cores
from desktop.core import textio
from desktop.core.cleaning import clean, find_removals
from desktop.core.corpus import (
    BATCH_SIZE,
    POOL_BY_FORK,
    POOL_MIN_FILES,
    collect_files,
    import_paths,
)
from desktop.core.docmeta import read_metadata
from desktop.core.model import NewDocument, text_sha256
from desktop.core.offsets import OffsetMap
from desktop.core.script import script_of
from desktop.core.store import Store
from desktop.core.store.search_index import SearchIndexMixin

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TRADITIONAL_SEED = SEEDS / "000_9068b13d1ddf9a92.txt"  # Traditional, with pinyin glosses
SIMPLIFIED_SEED = SEEDS / "003_81982325587c9960.txt"
HEADER_LINES = 2  # headline, then date/source: kept first so the metadata reader finds them
# One file in every hundred of each legacy kind; the rest are UTF-8.
GB18030_SLOT = 71
BIG5_SLOT = 37

perf = time.perf_counter


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    codec: str  # what it was written in: the baseline decodes with this
    seed: str  # "traditional+pinyin", "traditional (cleaned)" or "simplified"


# Corpus ---------------------------------------------------------------------------------------


def _split(text: str) -> tuple[list[str], list[str]]:
    lines = [line for line in text.split("\n") if line.strip()]
    return lines[:HEADER_LINES], lines[HEADER_LINES:]


def _variant(header: list[str], body: list[str], number: int, numbering: str) -> str:
    """A distinct document: a rotation of the body paragraphs, some dropped, some doubled."""
    rotation = (number // 7) % len(body)
    rotated = body[rotation:] + body[:rotation]
    kept = rotated[: len(rotated) - (number // 2) % (len(body) // 2 + 1)]
    if number % 10 == 9:
        kept = kept * 2  # a longer document now and then
    return "\n".join([*header, *kept, f"（{numbering} {number:04d}）"]) + "\n"


def build_corpus(folder: Path, count: int) -> list[CorpusFile]:
    traditional_raw = TRADITIONAL_SEED.read_text(encoding="utf-8")
    sources = {
        "traditional+pinyin": (_split(traditional_raw), "文檔編號"),
        "traditional (cleaned)": (_split(clean(traditional_raw).text), "文檔編號"),
        "simplified": (_split(SIMPLIFIED_SEED.read_text(encoding="utf-8")), "文档编号"),
    }
    files: list[CorpusFile] = []
    for number in range(count):
        slot = number % 100
        if slot == BIG5_SLOT:
            # Big5 cannot hold Simplified characters or pinyin tone marks: cleaned Traditional.
            seed, codec = "traditional (cleaned)", "big5"
        elif slot == GB18030_SLOT:
            seed = "simplified" if (number // 100) % 2 == 0 else "traditional (cleaned)"
            codec = "gb18030"
        else:
            seed = "traditional+pinyin" if number % 2 == 0 else "simplified"
            codec = "utf-8"
        (header, body), numbering = sources[seed]
        text = _variant(header, body, number, numbering)
        path = folder / f"part_{number // 500}" / f"doc_{number:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(codec))
        files.append(CorpusFile(path, codec, seed))
    return files


# Measurements ---------------------------------------------------------------------------------


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def time_import(folder: Path, db_path: Path) -> tuple[float, Counter[str], str]:
    start = perf()
    store = Store(db_path)
    report = import_paths(store, [folder])
    store.close()
    elapsed = perf() - start
    with sqlite3.connect(db_path) as connection:
        encodings = Counter(
            dict(connection.execute("SELECT encoding, count(*) FROM documents GROUP BY encoding"))
        )
    connection.close()
    _remove_database(db_path)
    return elapsed, encodings, report.summary()


def time_bare(files: list[CorpusFile], db_path: Path) -> float:
    start = perf()
    db = sqlite_utils.Database(db_path)
    db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")
    rows = ({"path": str(f.path), "text": f.path.read_bytes().decode(f.codec)} for f in files)
    db["docs"].insert_all(rows, batch_size=BATCH_SIZE)
    db.close()
    elapsed = perf() - start
    _remove_database(db_path)
    return elapsed


STAGES = (
    "collect_files (rglob)",
    "read bytes",
    "decode (textio.decode_bytes)",
    "clean (cleaning.clean)",
    "read_metadata",
    "script_of",
    "sha256 (model.text_sha256)",
    "store open + close",
    "store.add_documents",
)
DETAILS = (
    "one plausibility() pass",
    "cleaning.find_removals",
    "OffsetMap.from_deletions",
    "store.add_documents, no search index",
)


@dataclass
class StageTimes:
    stages: dict[str, float]  # the import's steps; they add up to (almost) the whole import
    details: dict[str, float]  # parts of some steps, measured in a separate pass
    decode_by_codec: dict[str, float]
    clean_by_seed: dict[str, float]


def time_stages(folder: Path, files: list[CorpusFile], db_path: Path) -> StageTimes:
    """The import's steps, each timed around a direct call, on the same files in the same order."""
    stages = dict.fromkeys(STAGES, 0.0)
    details = dict.fromkeys(DETAILS, 0.0)
    decode_by_codec: defaultdict[str, float] = defaultdict(float)
    clean_by_seed: defaultdict[str, float] = defaultdict(float)
    start = perf()
    collect_files([folder])
    stages["collect_files (rglob)"] = perf() - start
    documents: list[NewDocument] = []
    for f in files:
        t0 = perf()
        data = textio.read_regular_file(f.path)  # what a folder walk reads with
        t1 = perf()
        decoded = textio.decode_bytes(data)
        t2 = perf()
        cleaned = clean(decoded.text)
        t3 = perf()
        found = read_metadata(cleaned.text, f.path.stem)
        t4 = perf()
        script = script_of(cleaned.text).value
        t5 = perf()
        text_sha256(cleaned.text)
        t6 = perf()
        stages["read bytes"] += t1 - t0
        stages["decode (textio.decode_bytes)"] += t2 - t1
        stages["clean (cleaning.clean)"] += t3 - t2
        stages["read_metadata"] += t4 - t3
        stages["script_of"] += t5 - t4
        stages["sha256 (model.text_sha256)"] += t6 - t5
        decode_by_codec[f.codec] += t2 - t1
        clean_by_seed[f.seed] += t3 - t2
        documents.append(
            NewDocument(
                title=found.title,
                raw_text=decoded.text,
                clean_text=cleaned.text,
                encoding=decoded.encoding,
                script=script,
                removed=cleaned.removals,
                source=found.source,
                date=found.date,
                source_path=str(f.path.resolve()),
            )
        )
        # Finer detail, outside the stage timings above.
        t0 = perf()
        textio.plausibility(decoded.text)
        t1 = perf()
        removals = find_removals(decoded.text)
        t2 = perf()
        OffsetMap.from_deletions(len(decoded.text), [(r.start, r.end) for r in removals])
        t3 = perf()
        details["one plausibility() pass"] += t1 - t0
        details["cleaning.find_removals"] += t2 - t1
        details["OffsetMap.from_deletions"] += t3 - t2
    t0 = perf()
    store = Store(db_path)
    t1 = perf()
    for first in range(0, len(documents), BATCH_SIZE):
        store.add_documents(documents[first : first + BATCH_SIZE])
    t2 = perf()
    store.close()
    t3 = perf()
    stages["store open + close"] = (t1 - t0) + (t3 - t2)
    stages["store.add_documents"] = t2 - t1
    _remove_database(db_path)
    details["store.add_documents, no search index"] = _time_writes_without_index(documents, db_path)
    return StageTimes(stages, details, decode_by_codec, clean_by_seed)


def _time_writes_without_index(documents: list[NewDocument], db_path: Path) -> float:
    """The same writes with the search index (issue 15) left out: what keeping it in step
    costs the import is the difference."""
    keep = SearchIndexMixin._index_documents
    SearchIndexMixin._index_documents = lambda *_args, **_kwargs: None  # type: ignore[method-assign]
    try:
        store = Store(db_path)
        start = perf()
        for first in range(0, len(documents), BATCH_SIZE):
            store.add_documents(documents[first : first + BATCH_SIZE])
        elapsed = perf() - start
        store.close()
    finally:
        SearchIndexMixin._index_documents = keep  # type: ignore[method-assign]
    _remove_database(db_path)
    return elapsed


def plausibility_calls(files: list[CorpusFile]) -> dict[str, Counter[int]]:
    """How many plausibility() passes decode_bytes makes per file, by codec (untimed)."""
    original = textio.plausibility
    calls = 0

    def counting(text: str) -> float:
        nonlocal calls
        calls += 1
        return original(text)

    found: dict[str, Counter[int]] = {}
    textio.plausibility = counting  # this process only
    try:
        for f in files:
            calls = 0
            textio.decode_bytes(f.path.read_bytes())
            found.setdefault(f.codec, Counter())[calls] += 1
    finally:
        textio.plausibility = original
    return found


def time_first_calls() -> dict[str, float]:
    """One-off costs the first import in a process pays: cached tables loaded on first use."""
    sample = TRADITIONAL_SEED.read_text(encoding="utf-8")
    result: dict[str, float] = {}
    for name, call in (
        ("textio.decode_bytes (common hanzi list)", lambda: textio.decode_bytes(b"\xe4\xbc\x9a")),
        ("cleaning.clean (injected-token pattern)", lambda: clean(sample)),
        ("script_of (OpenCC character tables, patterns)", lambda: script_of(sample)),
    ):
        start = perf()
        call()
        result[name] = perf() - start
    return result


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("jiyao")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]


# The environment of the timed subprocesses: set by run(), bytecode cached (see the docstring).
CHILD_ENVIRONMENT: dict[str, str] = dict(os.environ)


def child_environment(pycache: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(pycache)
    return environment


def time_cli(arguments: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = perf()
    done = subprocess.run(
        [*cli_command(), *arguments],
        capture_output=True,
        text=True,
        check=False,
        env=CHILD_ENVIRONMENT,
    )
    return perf() - start, done


def _on_first_core() -> None:
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class CommandRun:
    """One timed ``jiyao import``: start to exit, and the processor time of the importing
    process and of its worker processes (which a busy machine does not inflate as much)."""

    elapsed: float
    own_cpu: float
    workers_cpu: float
    summary: str

    @property
    def cpu(self) -> float:
        return self.own_cpu + self.workers_cpu


# The command as `jiyao` runs it (desktop.cli:run: the command, then the process ends, at
# once for an import), writing the processor time of its own process and of its worker
# processes to stderr as it ends.
_SPLIT_SCRIPT = """
import resource, sys
import desktop.cli as cli

def report():
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    print("CPU", own.ru_utime + own.ru_stime, workers.ru_utime + workers.ru_stime, file=sys.stderr)

end_now = cli._end_now
cli._end_now = lambda code: (report(), end_now(code))
sys.argv = ["jiyao", *sys.argv[1:]]
try:
    cli.run()
finally:  # a command that ends by sys.exit
    report()
"""


def time_cli_import(folder: Path, db_path: Path, *, one_core: bool = False) -> CommandRun:
    """The whole command as the user waits for it; fails loudly if it did not import.
    ``one_core``: the command may run on the first processor only (as on a one-core
    machine: it sees one usable core, so it prepares the files itself)."""
    start = perf()
    done = subprocess.run(
        [sys.executable, "-c", _SPLIT_SCRIPT, "import", "--db", str(db_path), str(folder)],
        capture_output=True,
        text=True,
        check=False,
        env=CHILD_ENVIRONMENT,
        preexec_fn=_on_first_core if one_core else None,
    )
    elapsed = perf() - start
    _remove_database(db_path)
    if done.returncode != 0:
        raise SystemExit(f"jiyao import failed ({done.returncode}): {done.stderr.strip()}")
    line = next(line for line in done.stderr.splitlines() if line.startswith("CPU "))
    own, workers = (float(value) for value in line.split()[1:])
    return CommandRun(elapsed, own, workers, done.stdout.strip().split(" -> ")[0])


def print_speed_up(all_cores: list[CommandRun], one_core: list[CommandRun]) -> None:
    """Issue 17's figure: the command on every core against the same on one, from runs
    interleaved in pairs (the ratio of each pair's times, whose median a machine's drift
    moves less than it moves the ratio of the medians), with the processor time of the
    importing process and of its workers: on a machine others are using, those tell how
    the work was shared when the wall times cannot."""
    cores = _usable_cores()
    wall = statistics.median(run.elapsed for run in all_cores)
    wall_one = statistics.median(run.elapsed for run in one_core)
    pairs = [one.elapsed / run.elapsed for one, run in zip(one_core, all_cores, strict=True)]
    own = statistics.median(run.own_cpu for run in all_cores)
    workers = statistics.median(run.workers_cpu for run in all_cores)
    cpu_one = statistics.median(run.cpu for run in one_core)
    # What the command would take on idle processors, from its processor times: its own
    # process and its workers share the cores, and no process takes less than it uses.
    bound = max(own, (own + workers) / cores)
    print(
        f"  Speed-up of `{cli_command_name()} import` on {cores} cores over one (issue 17: >= 1.7x)"
    )
    _table(
        [
            ("", "median s", "min s", "max s"),
            ("one core (affinity)", f"{wall_one:.3f}", _min(one_core), _max(one_core)),
            (f"{cores} cores", f"{wall:.3f}", _min(all_cores), _max(all_cores)),
            ("SPEED-UP (ratio of medians)", f"{wall_one / wall:.2f}x", "", ""),
            ("speed-up, median of the pairs", f"{statistics.median(pairs):.2f}x", "", ""),
        ],
        (40, 9, 8, 8),
    )
    print(
        f"  processor time: one core {cpu_one:.3f} s; {cores} cores: the importing process"
        f" {own:.3f} s + its workers {workers:.3f} s = {own + workers:.3f} s"
        f"\n    (the workers add {own + workers - cpu_one:.3f} s); with idle cores it would take"
        f" at least {bound:.3f} s\n    of processing: one core's processor time over that,"
        f" {cpu_one / bound:.2f}x, is the speed-up a quiet machine allows at most"
    )


def cli_command_name() -> str:
    return " ".join(Path(part).name for part in cli_command())


def _min(runs: list[CommandRun]) -> str:
    return f"{min(run.elapsed for run in runs):.3f}"


def _max(runs: list[CommandRun]) -> str:
    return f"{max(run.elapsed for run in runs):.3f}"


def speed_up_only(work: Path, count: int, repeat: int) -> None:
    """``--speed-up``: only the command on every core and on one, interleaved."""
    folder = work / "corpus"
    build_corpus(folder, count)
    db = work / "bench.db"
    print(f"Jiyao import on every core and on one: {count} files, {repeat} runs of each")
    print(f"  load average at the start (1, 5, 15 min): {_load()}")
    time_cli_import(folder, db)  # untimed: caches the bytecode
    all_cores: list[CommandRun] = []
    one_core: list[CommandRun] = []
    for _ in range(repeat):
        all_cores.append(time_cli_import(folder, db))
        one_core.append(time_cli_import(folder, db, one_core=True))
    print(f"  the command said: {all_cores[-1].summary}")
    print_speed_up(all_cores, one_core)
    print(f"  load average at the end (1, 5, 15 min): {_load()} on {os.cpu_count()} processors")


def _import_kept(folder: Path, db_path: Path) -> None:
    _elapsed, done = time_cli(["import", "--db", str(db_path), str(folder)])
    if done.returncode != 0:
        raise SystemExit(f"jiyao import failed ({done.returncode}): {done.stderr.strip()}")


def time_search(db_path: Path) -> float:
    """``jiyao search --count`` of a common two-character term, start to exit."""
    elapsed, done = time_cli(["search", "--db", str(db_path), "--count", "复工"])
    if done.returncode != 0:
        raise SystemExit(f"jiyao search failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


# The bare baseline as its own process: the same work as time_bare, start-up included.
_BARE_SCRIPT = """
import sys, sqlite_utils
listing, db_path, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = [line.split("\t") for line in open(listing, encoding="utf-8").read().splitlines()]
db = sqlite_utils.Database(db_path)
db.enable_wal()
db.execute("PRAGMA synchronous = FULL")
rows = ({"path": p, "text": open(p, "rb").read().decode(c)} for c, p in files)
db["docs"].insert_all(rows, batch_size=batch)
db.close()
"""


def time_bare_process(listing: Path, db_path: Path) -> tuple[float, float]:
    cpu = _children_cpu()
    start = perf()
    subprocess.run(
        [sys.executable, "-c", _BARE_SCRIPT, str(listing), str(db_path), str(BATCH_SIZE)],
        check=True,
        env=CHILD_ENVIRONMENT,
    )
    elapsed = perf() - start
    cpu = _children_cpu() - cpu
    _remove_database(db_path)
    return elapsed, cpu


# Report ---------------------------------------------------------------------------------------


def _table(rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> None:
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        print("  " + "  ".join(cells).rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    parser.add_argument(
        "--docs",
        default="2000",
        help="documents in the corpus; several sizes, comma-separated, are run one after another",
    )
    parser.add_argument("--dir", type=Path, help="where to make the temporary folder")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and print where")
    parser.add_argument(
        "--no-stages", action="store_true", help="skip the step-by-step breakdown (faster)"
    )
    parser.add_argument(
        "--speed-up",
        action="store_true",
        help="only the command on every core against one core (issue 17), interleaved",
    )
    args = parser.parse_args()

    sizes = [int(size) for size in args.docs.split(",")]
    work = Path(tempfile.mkdtemp(prefix="jiyao-bench-", dir=args.dir))
    CHILD_ENVIRONMENT.clear()
    CHILD_ENVIRONMENT.update(child_environment(work / "pycache"))
    try:
        per_document = []
        for number, count in enumerate(sizes):
            if number:
                print("\n")
            if args.speed_up:
                speed_up_only(work / str(count), count, args.repeat)
                continue
            per_document.append(
                (count, run(work / str(count), count, args.repeat, stages=not args.no_stages))
            )
        if len(per_document) > 1:
            _print_growth(per_document)
    finally:
        if args.keep:
            print(f"\nkept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


@dataclass(frozen=True)
class SizeResult:
    """The medians of one corpus size, for the comparison across sizes."""

    command: float
    command_cpu: float
    bare_process: float
    bare_process_cpu: float


def run(work: Path, count: int, repeat: int, *, stages: bool = True) -> SizeResult:
    first_calls = time_first_calls()  # before anything else warms the caches
    folder = work / "corpus"
    files = build_corpus(folder, count)
    total_bytes = sum(f.path.stat().st_size for f in files)
    written = Counter(f.codec for f in files)
    seeds = Counter(f.seed for f in files)
    db = work / "bench.db"

    print("Jiyao import benchmark")
    print(f"  load average at the start (1, 5, 15 min): {_load()}")
    print(f"  corpus: {count} distinct .txt files, {total_bytes / 1e6:.1f} MB, under {folder}")
    for (codec, seed), n in sorted(Counter((f.codec, f.seed) for f in files).items()):
        print(f"    {n:5d} {codec:8s} {seed}")
    print(f"  {repeat} runs per measurement, each into a fresh database file; figures are medians")
    print(
        f"  Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
        f"sqlite-utils {version('sqlite-utils')}"
    )

    calls = plausibility_calls(files)
    listing = work / "files.tsv"
    listing.write_text("".join(f"{f.codec}\t{f.path}\n" for f in files), encoding="utf-8")

    cli_runs: list[CommandRun] = []
    one_core_runs: list[CommandRun] = []
    several_cores = _usable_cores() > 1 and hasattr(os, "sched_setaffinity")
    import_times: list[float] = []
    bare_times: list[float] = []
    bare_process_times: list[float] = []
    bare_process_cpu: list[float] = []
    stage_runs: list[StageTimes] = []
    # Untimed: compiles and caches the bytecode both subprocesses load, as an install would.
    time_cli_import(folder, db)
    time_bare_process(listing, db)
    for _ in range(repeat):  # interleaved, so drift affects all alike
        cli_runs.append(time_cli_import(folder, db))
        if several_cores:
            one_core_runs.append(time_cli_import(folder, db, one_core=True))
        bare_times.append(time_bare(files, db))
        elapsed, cpu = time_bare_process(listing, db)
        bare_process_times.append(elapsed)
        bare_process_cpu.append(cpu)
        elapsed, encodings, summary = time_import(folder, db)
        import_times.append(elapsed)
        if stages:
            stage_runs.append(time_stages(folder, files, db))
    cli_times = [run.elapsed for run in cli_runs]
    cli_cpu = [run.cpu for run in cli_runs]
    cli_summary = cli_runs[-1].summary

    # What the import leaves for later: the first search builds the index (what a search
    # waits for once, after the import), against a search once it is built.
    first_search_times: list[float] = []
    later_search_times: list[float] = []
    for _ in range(repeat):
        _import_kept(folder, db)
        first_search_times.append(time_search(db))
        later_search_times.append(time_search(db))
        _remove_database(db)

    startup_elapsed, _ = time_cli(["--version"])
    cli_name = " ".join(Path(part).name for part in cli_command())

    cli_median = statistics.median(cli_times)
    import_median = statistics.median(import_times)
    bare_median = statistics.median(bare_times)
    bare_process_median = statistics.median(bare_process_times)
    print()
    print(f"Import result (last run): {summary}; the command said: {cli_summary}")
    print(
        "  encodings detected: "
        + ", ".join(f"{name} {n}" for name, n in encodings.most_common())
        + "  (written: "
        + ", ".join(f"{name} {n}" for name, n in written.most_common())
        + "; Big5 is read as its superset big5hkscs)"
    )

    print()
    print("Whole import vs bare baseline")
    widths = (40, 9, 8, 8, 8)
    _table(
        [
            ("", "median s", "docs/s", "min s", "max s"),
            _timing_row(f"`{cli_name} import`, start to exit", cli_times, count),
            _timing_row("bare baseline, in-process", bare_times, count),
            _timing_row("bare baseline, as a process", bare_process_times, count),
            _timing_row("import_paths(Store(db), [folder])", import_times, count),
            (
                "RATIO command / bare as a process",
                f"{cli_median / bare_process_median:.2f}x",
                "",
                "",
                "",
            ),
            ("ratio command / bare in-process", f"{cli_median / bare_median:.2f}x", "", "", ""),
            (
                "ratio import_paths / bare in-process",
                f"{import_median / bare_median:.2f}x",
                "",
                "",
                "",
            ),
            _timing_row("processor time: the command", cli_cpu, count),
            _timing_row("processor time: bare as a process", bare_process_cpu, count),
            (
                "ratio of processor times",
                f"{statistics.median(cli_cpu) / statistics.median(bare_process_cpu):.2f}x",
                "",
                "",
                "",
            ),
        ],
        widths,
    )
    print(f"  start-up alone (`{cli_name} --version`, once): {startup_elapsed:.3f} s")
    first_search = statistics.median(first_search_times)
    with_search = cli_median + first_search
    print(
        f"  the first `{cli_name} search --count` after the import: {first_search:.3f} s "
        f"(it builds the search index the import left);\n    a search after it: "
        f"{statistics.median(later_search_times):.3f} s; import + first search: "
        f"{with_search:.3f} s = {with_search / bare_process_median:.2f}x"
        " the bare baseline as a process"
    )
    if one_core_runs:
        print_speed_up(cli_runs, one_core_runs)
    pooled = POOL_BY_FORK and count >= POOL_MIN_FILES and _usable_cores() > 1
    if pooled:
        print(
            f"  the command prepares the files in {_usable_cores()} worker processes and in its"
            "\n    own while it waits for them (its processor time includes the workers');"
            "\n    import_paths above and the steps below run in one process"
        )
    else:
        print("  the command, import_paths above and the steps below each run in one process")
    print(
        "  bare baseline: sqlite_utils.Database(path), journal_mode=WAL, synchronous=FULL; for\n"
        "    each file read_bytes() and .decode() with the codec it was written in; insert_all()\n"
        f"    of {{path, text}} rows, batch_size={BATCH_SIZE} (one transaction per batch, as the\n"
        "    import does). No encoding detection, line-end normalising, cleaning, metadata,\n"
        "    script detection, hashing, duplicate check, unique index, nor the second text\n"
        "    column (the store keeps raw_text and clean_text).\n"
        "  The fair yardstick is the bare baseline as a process (RATIO): like the command, it is\n"
        "    what a user waits for when a program of theirs imports the folder, interpreter\n"
        "    start-up and sqlite-utils' imports included; the in-process figure starts its\n"
        "    clock with all of that already paid."
    )

    print(f"  load average at the end (1, 5, 15 min): {_load()} on {os.cpu_count()} processors")
    if stage_runs:
        _print_stages(stage_runs, count, written, seeds, import_median, widths)
    _print_first_calls(calls, first_calls)
    return SizeResult(
        cli_median,
        statistics.median(cli_cpu),
        bare_process_median,
        statistics.median(bare_process_cpu),
    )


def _print_growth(results: list[tuple[int, SizeResult]]) -> None:
    """Cost per document at each size: it should not grow with the number of documents."""
    print()
    print("Per document, by corpus size (medians; ms/doc)")
    rows: list[tuple[str, ...]] = [
        ("", "command", "cmd cpu", "bare", "bare cpu", "RATIO", "cpu ratio")
    ]
    for count, result in results:
        rows.append(
            (
                f"{count} documents",
                _per_doc(result.command, count),
                _per_doc(result.command_cpu, count),
                _per_doc(result.bare_process, count),
                _per_doc(result.bare_process_cpu, count),
                f"{result.command / result.bare_process:.2f}x",
                f"{result.command_cpu / result.bare_process_cpu:.2f}x",
            )
        )
    _table(rows, (16, 9, 9, 9, 9, 7, 9))
    print("  command and bare: wall time as the user waits; cpu: processor time of the process")


def _print_stages(
    stage_runs: list[StageTimes],
    count: int,
    written: Counter[str],
    seeds: Counter[str],
    import_median: float,
    widths: tuple[int, ...],
) -> None:
    print()
    print("Where the import time goes (core functions called directly on the same files)")
    stage = {s: statistics.median(r.stages[s] for r in stage_runs) for s in STAGES}
    detail = {d: statistics.median(r.details[d] for r in stage_runs) for d in DETAILS}
    stage_sum = sum(stage.values())
    rows: list[tuple[str, ...]] = [("", "median s", "share", "ms/doc")]
    for name, seconds in stage.items():
        rows.append((name, f"{seconds:.3f}", _share(seconds, stage_sum), _per_doc(seconds, count)))
        if name.startswith("decode"):
            for codec, n in written.most_common():
                part = statistics.median(r.decode_by_codec[codec] for r in stage_runs)
                rows.append((f"  {codec} files ({n})", f"{part:.3f}", "", _per_doc(part, n)))
            part = detail["one plausibility() pass"]
            rows.append(("  one plausibility() pass", f"{part:.3f}", "", _per_doc(part, count)))
        if name.startswith("clean"):
            for seed, n in seeds.most_common():
                part = statistics.median(r.clean_by_seed[seed] for r in stage_runs)
                rows.append((f"  {seed} ({n})", f"{part:.3f}", "", _per_doc(part, n)))
            for part_name in ("cleaning.find_removals", "OffsetMap.from_deletions"):
                part = detail[part_name]
                rows.append((f"  {part_name}", f"{part:.3f}", "", _per_doc(part, count)))
        if name == "store.add_documents":
            unindexed = detail["store.add_documents, no search index"]
            index = seconds - unindexed
            rows.append(
                ("  the documents alone", f"{unindexed:.3f}", "", _per_doc(unindexed, count))
            )
            rows.append(
                ("  the search index (difference)", f"{index:.3f}", "", _per_doc(index, count))
            )
    rows.append(("sum of the steps", f"{stage_sum:.3f}", "100%", _per_doc(stage_sum, count)))
    rows.append(("import_paths, whole (from above)", f"{import_median:.3f}", "", ""))
    _table(rows, widths[:4])
    print(
        "  Indented rows break down the row above (by file kind, or parts timed in a separate\n"
        "  pass); they are not added to the sum. store.add_documents computes each clean text's\n"
        "  sha256 again (NewDocument.sha256) and writes the removed spans as JSON."
    )


def _print_first_calls(calls: dict[str, Counter[int]], first_calls: dict[str, float]) -> None:
    print(
        "  plausibility() passes per decode_bytes() call: "
        + "; ".join(
            f"{codec} " + ", ".join(f"{passes} x{n} files" for passes, n in sorted(c.items()))
            for codec, c in calls.items()
        )
    )
    print("  one-off first calls in a process (paid by the CLI, not by the timed runs above):")
    for name, seconds in first_calls.items():
        print(f"    {name}: {seconds:.3f} s")


def _load() -> str:
    """How busy the machine is: others' work slows the wall times (not the processor ones)."""
    if not hasattr(os, "getloadavg"):
        return "unknown"
    return ", ".join(f"{load:.2f}" for load in os.getloadavg())


def _timing_row(name: str, times: list[float], count: int) -> tuple[str, ...]:
    median = statistics.median(times)
    return (
        name,
        f"{median:.3f}",
        f"{count / median:.0f}",
        f"{min(times):.3f}",
        f"{max(times):.3f}",
    )


def _per_doc(seconds: float, count: int) -> str:
    return f"{1000 * seconds / count:.3f}"


def _share(seconds: float, total: float) -> str:
    return f"{100 * seconds / total:.0f}%"


if __name__ == "__main__":
    sys.exit(main())
