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
fallback; what Jiyao did before issue 22). Prints medians and ratios; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def run_seconds(arguments: list[str], env: dict[str, str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            arguments,
            check=True,
            stdout=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="the pure-Python runs once each")
    args = parser.parse_args()
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
        for env in (NATIVE, PURE):
            run_seconds([python, "-m", "desktop", "analyze", "--json", str(analyze_file)], env, 1)

        print(f"\n1. jiyao analyze --json, {ANALYZE_CHARACTERS:,} characters (median of runs)")
        python_alone = run_seconds([python, "-c", "pass"], {}, args.repeat)
        posseg = run_seconds([python, "-c", POSSEG, str(analyze_file)], {}, slow_repeat)
        analyze = [python, "-m", "desktop", "analyze", "--json", str(analyze_file)]
        native = run_seconds(analyze, NATIVE, args.repeat)
        pure = run_seconds(analyze, PURE, slow_repeat)
        print(f"   python -c pass                      {python_alone:7.2f} s")
        print(f"   baseline: bare jieba.posseg         {posseg:7.2f} s")
        before, after = pure / posseg, native / posseg
        print(f"   jiyao analyze, pure Python (before) {pure:7.2f} s   {before:5.2f} x baseline")
        print(f"   jiyao analyze, native (after)       {native:7.2f} s   {after:5.2f} x baseline")
        print("   (goal: native <= 0.10 x baseline)")

        print(f"\n2. entities of a {DOCUMENT_CHARACTERS:,}-character document, every piece ready")
        entities = [python, "-c", ITER_ENTITIES, str(document)]
        native = run_seconds(entities, NATIVE, args.repeat)
        pure = run_seconds(entities, PURE, slow_repeat)
        print(f"   pure Python (before), whole process {pure:7.2f} s")
        print(f"   native (after), whole process       {native:7.2f} s   (goal < 1 s)")
        print(f"   ratio after / before                {native / pure:7.3f}")

        from desktop.core.entities import iter_entities

        text = document.read_text(encoding="utf-8")
        list(iter_entities(text[:1000]))  # the tagger loaded
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            list(iter_entities(text))
            times.append(time.perf_counter() - started)
        print(f"   native, in a running app (loaded)   {statistics.median(times):7.2f} s")


if __name__ == "__main__":
    main()
