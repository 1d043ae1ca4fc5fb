"""Entity analysis speed: the whole pipeline beside jieba.posseg alone, and start-up costs.

    python tests/benchmarks/bench_entities.py [--repeat 7] [--cpu]

Prints medians; asserts nothing (timings on shared machines are noisy).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


CLOCK = time.perf_counter


def median_seconds(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = CLOCK()
        action()
        times.append(CLOCK() - start)
    return statistics.median(times)


def start_up_seconds(code: str, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument(
        "--cpu", action="store_true", help="time CPU use, not the wall clock (a busy machine)"
    )
    args = parser.parse_args()
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time

    from desktop.core.cleaning import clean
    from desktop.core.conversion import converter
    from desktop.core.entities import _posseg, extract_entities, iter_entities
    from desktop.core.script import Script, detect_script

    print("start-up (fresh interpreter, median of 3):")
    bare = start_up_seconds("pass")
    first = start_up_seconds("from desktop.core.entities import extract_entities as e; e('市长')")
    # The global jieba caches in /tmp unless told otherwise; keep it in Jiyao's cache folder.
    jieba_only = start_up_seconds(
        "import jieba, jieba.posseg as p; from desktop.core.paths import cache_dir; "
        "cache_dir().mkdir(parents=True, exist_ok=True); jieba.dt.tmp_dir = str(cache_dir()); "
        "list(p.cut('市长'))"
    )
    print(f"  python alone                         {bare:6.3f} s")
    print(f"  jieba.posseg first cut               {jieba_only - bare:6.3f} s (over python alone)")
    print(f"  Jiyao entities first call            {first - bare:6.3f} s (over python alone)")

    extract_entities("预热")
    print(f"\nper document (median of {args.repeat}):")
    print(
        "  document                      chars   pipeline ms  posseg ms   ratio  pipeline chars/s"
    )
    for path in SEEDS:
        text = clean(path.read_text(encoding="utf-8")).text
        script = detect_script(text).script
        simplified = text if script is Script.SIMPLIFIED else converter("t2s").convert(text).text
        posseg = _posseg()
        whole = median_seconds(lambda t=text: extract_entities(t), args.repeat)
        alone = median_seconds(lambda s=simplified, p=posseg: list(p.cut(s)), args.repeat)
        print(
            f"  {path.name:<28} {len(text):6d}   {whole * 1000:9.1f}  {alone * 1000:9.1f}"
            f"   {whole / alone:5.2f}  {len(text) / whole:12,.0f}"
        )
    long_text = "\n".join(clean(p.read_text(encoding="utf-8")).text for p in SEEDS) * 25
    long_simplified = converter("t2s").convert(long_text, keep_simplified_clauses=True).text
    whole = median_seconds(lambda: extract_entities(long_text), 3)
    alone = median_seconds(lambda: list(_posseg().cut(long_simplified)), 3)
    print(
        f"  both seeds x25 (mixed)       {len(long_text):6d}   {whole * 1000:9.1f}  "
        f"{alone * 1000:9.1f}   {whole / alone:5.2f}  {len(long_text) / whole:12,.0f}"
    )

    def first_piece() -> None:
        next(iter_entities(long_text, chunk_chars=20_000))

    first = median_seconds(first_piece, 3)
    pieces = median_seconds(lambda: list(iter_entities(long_text, chunk_chars=20_000)), 3)
    print(
        f"\nin pieces of 20,000 characters (median of 3): first piece {first * 1000:.1f} ms, "
        f"all pieces {pieces * 1000:.1f} ms ({pieces / whole:.2f} x whole)"
    )


if __name__ == "__main__":
    main()
