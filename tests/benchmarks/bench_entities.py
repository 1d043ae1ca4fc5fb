"""Entity analysis speed on the native engines and on the pure-Python reference (issue 22).

    python tests/benchmarks/bench_entities.py [--repeat 5] [--quick]

What the user waits for, each a fresh process from start to exit, median of ``--repeat`` runs:

1. ``jiyao analyze --json`` on 300,000 characters of readouts in Simplified (the seeds and the
   gold texts, cleaned, repeated), beside the baseline measured in the same run: bare
   ``jieba.posseg`` (import, then tag the same text) in a process of its own. Goal: at most
   0.1x the baseline on the native engines.
2. The entities of a 700,000-character document ready (``iter_entities``, every piece, as the
   window's reader gets them): goal under 1 s on the native engines.

Each figure is taken on the default (native) engines and with ``JIYAO_PURE_PYTHON=1`` (the
fallback). ``--before PATH`` takes the "before" figures from another checkout (the main branch
before issue 22) rather than from the fallback of this one; with ``--before-native``, from that
checkout on the native engines (to measure a change of the rules alone). Prints medians and
ratios, of the wall-clock time and of the processor time (user and system: less disturbed on a
busy shared machine); asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "entities").glob("heldout*/*.txt")),
]
ANALYZE_CHARACTERS = 300_000
DOCUMENT_CHARACTERS = 700_000
PURE = {"JIYAO_PURE_PYTHON": "1"}
NATIVE = {"JIYAO_PURE_PYTHON": "0"}


def readouts(characters: int, *, simplified_only: bool) -> str:
    """Real readouts, cleaned, joined by blank lines and repeated to ``characters``."""
    from desktop.core.cleaning import clean
    from desktop.core.script import Script, detect_script

    pieces = []
    for path in TEXTS:
        text = clean(path.read_text(encoding="utf-8")).text
        if simplified_only and detect_script(text).script is not Script.SIMPLIFIED:
            continue
        pieces.append(text.strip())
    joined = "\n\n".join(pieces)
    return ("\n\n".join([joined] * (characters // len(joined) + 1)))[:characters]


class Timing(NamedTuple):
    """Medians of one command's runs: wall-clock seconds, and processor seconds (user and
    system), which a busy shared machine disturbs less."""

    wall: float
    processor: float


def run_seconds(arguments: list[str], env: dict[str, str], repeat: int) -> Timing:
    walls, processors = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            arguments,
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
            # Not the checkout: ``python -c`` and ``-m`` put the working folder first on the
            # path, and --before's PYTHONPATH would lose to this checkout.
            cwd=tempfile.gettempdir(),
        )
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        processors.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return Timing(statistics.median(walls), statistics.median(processors))


POSSEG = (
    "import sys, jieba, jieba.posseg as p\n"
    "jieba.setLogLevel(60)\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "list(p.cut(text))\n"
)
ITER_ENTITIES = (
    "import sys\n"
    "from desktop.core.entities import iter_entities\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "print(sum(len(piece.entities) for piece in iter_entities(text)))\n"
)


def report(label: str, timing: Timing, baseline: Timing | None = None, of: str = "") -> None:
    ratio = ""
    if baseline:
        wall, processor = timing.wall / baseline.wall, timing.processor / baseline.processor
        ratio = f"   {wall:6.3f} x {of} (processor time: {processor:.3f} x)"
    print(f"   {label:<40}{timing.wall:7.2f} s ({timing.processor:5.2f} s processor){ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="the pure-Python runs once each")
    parser.add_argument("--before", type=Path, help="a checkout to take the 'before' figures from")
    parser.add_argument(
        "--before-native",
        action="store_true",
        help="with --before: that checkout on the native engines too (a speed-up of the rules)",
    )
    args = parser.parse_args()
    engines = NATIVE if args.before_native else PURE
    before = {**engines, "PYTHONPATH": str(args.before.resolve())} if args.before else PURE
    before_name = f"before ({args.before})" if args.before else "pure Python (before)"
    if args.before and args.before_native:
        before_name = f"before ({args.before}, native)"
    slow_repeat = 1 if args.quick else args.repeat
    sys.path.insert(0, str(ROOT))
    from desktop.core.engines import engine_names

    print("engines (default):", ", ".join(engine_names().values()))
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="jiyao-bench-entities-") as folder:
        analyze_file = Path(folder) / "readouts.txt"
        analyze_file.write_text(readouts(ANALYZE_CHARACTERS, simplified_only=True), "utf-8")
        document = Path(folder) / "document.txt"
        document.write_text(readouts(DOCUMENT_CHARACTERS, simplified_only=False), "utf-8")
        # Warm-up: bytecode, jieba's cache in the user cache folder.
        for env in (NATIVE, before):
            run_seconds([python, "-m", "desktop", "analyze", "--json", str(analyze_file)], env, 1)

        print(f"\n1. jiyao analyze --json, {ANALYZE_CHARACTERS:,} characters (median of runs)")
        python_alone = run_seconds([python, "-c", "pass"], {}, args.repeat)
        posseg = run_seconds([python, "-c", POSSEG, str(analyze_file)], {}, slow_repeat)
        analyze = [python, "-m", "desktop", "analyze", "--json", str(analyze_file)]
        native = run_seconds(analyze, NATIVE, args.repeat)
        pure = run_seconds(analyze, before, slow_repeat)
        report("python -c pass", python_alone)
        report("baseline: bare jieba.posseg", posseg)
        report(f"jiyao analyze, {before_name}", pure, posseg, "baseline")
        report("jiyao analyze, native (after)", native, posseg, "baseline (goal <= 0.1)")
        analyze_ratio = Timing(native.wall / posseg.wall, native.processor / posseg.processor)

        print(f"\n2. entities of a {DOCUMENT_CHARACTERS:,}-character document, every piece ready")
        entities = [python, "-c", ITER_ENTITIES, str(document)]
        native = run_seconds(entities, NATIVE, args.repeat)
        pure = run_seconds(entities, before, slow_repeat)
        report(f"{before_name}, whole process", pure)
        report("native (after), whole process", native, pure, "before")
        document_timing = native

        from desktop.core.entities import iter_entities

        text = document.read_text(encoding="utf-8")
        list(iter_entities(text[:1000]))  # the tagger loaded
        walls, processors = [], []
        for _ in range(args.repeat):
            started, processor = time.perf_counter(), time.process_time()
            list(iter_entities(text))
            walls.append(time.perf_counter() - started)
            processors.append(time.process_time() - processor)
        timing = Timing(statistics.median(walls), statistics.median(processors))
        report("native, in a running app (loaded)", timing)

    print("\ngoals (issue 22), native engines, wall-clock (processor time):")
    ratio = f"{analyze_ratio.wall:.3f} x ({analyze_ratio.processor:.3f} x)"
    print(f"   1. analyze / bare jieba.posseg  {ratio}")
    print(f"      goal <= 0.100 x: {_verdict(analyze_ratio.wall <= 0.1)}")
    seconds = f"{document_timing.wall:.2f} s ({document_timing.processor:.2f} s)"
    print(f"   2. entities, {DOCUMENT_CHARACTERS:,} characters, whole process  {seconds}")
    print(f"      goal < 1 s: {_verdict(document_timing.wall < 1)}")


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


if __name__ == "__main__":
    main()
