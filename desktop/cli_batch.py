"""The command line's batch analysis (issue 17): ``jiyao analyze PATH... --out DIR`` on Dask,
and ``jiyao import DIR`` of its results.

Kept apart from ``desktop.cli``, which registers the options and hands in its progress bar.
Dask and pyarrow are an optional extra: without them the command says how to get them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.store import Store

Progress = Callable[[int, int, Path], None]
# Said after an import that left the search index to be built afterwards (issue 13).
INDEX_DEFERRED_NOTE = (
    "jiyao: the search index is built on the first search (or by the window, in the background)"
)


def add_analyze_options(analyze: argparse.ArgumentParser) -> None:
    """The batch options of ``jiyao analyze`` (``--out`` instead of ``--json``)."""
    analyze.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="analyse every file under PATH as a Dask job into DIR: Parquet shards, "
        "manifest.json and failed.jsonl (needs pip install 'jiyao[cluster]')",
    )
    analyze.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="with --out: worker processes of the local cluster (default: the machine's cores)",
    )
    analyze.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="with --out: use the Dask cluster at this scheduler instead of a local one "
        "(its workers must see the same input paths)",
    )
    analyze.add_argument(
        "--chunk-size",
        type=int,
        metavar="N",
        help="with --out: files per task and per shard (default: 500)",
    )
    analyze.add_argument(
        "--resume",
        action="store_true",
        help="with --out: continue a stopped run in DIR, skipping the shards it wrote",
    )


def wants_batch(args: argparse.Namespace) -> bool:
    return args.out is not None


def batch_options_misused(args: argparse.Namespace) -> str | None:
    """Why the options given do not make one command; None when they do."""
    if args.out is not None and args.json:
        return "give --json (print each file) or --out DIR (a batch job), not both"
    if args.out is None and not args.json:
        return "give --json to print each file, or --out DIR for a batch job"
    if args.out is None:
        given = [
            name
            for name, value in (
                ("--workers", args.workers),
                ("--scheduler", args.scheduler),
                ("--chunk-size", args.chunk_size),
                ("--resume", args.resume or None),
            )
            if value is not None
        ]
        if given:
            return f"{', '.join(given)} only go with --out DIR"
    if args.out is not None and args.to is not None:
        return "--to does not go with --out: the shards hold the clean text, not a conversion"
    return None


def run_analyze_batch(
    args: argparse.Namespace, progress: Progress, finish: Callable[[], None]
) -> int:
    from desktop.core.batch import DEFAULT_CHUNK_FILES, dask_client, run_batch

    if args.workers is not None and args.workers < 1:
        raise ValueError("--workers must be at least 1")
    with dask_client(args.workers, args.scheduler) as client:
        if client.dashboard_link:
            print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr)
        report = run_batch(
            client,
            args.paths,
            args.out,
            chunk_size=args.chunk_size or DEFAULT_CHUNK_FILES,
            resume=args.resume,
            progress=progress,
        )
    finish()
    print(report.summary())
    return 1 if report.failures else 0


def import_results(store: Store, folder: Path, progress: Progress) -> bool:
    from desktop.core.batch import load_results

    report = load_results(store, folder, progress=progress)
    for refusal in report.refused:
        print(f"refused {refusal}", file=sys.stderr)
    print(f"{report.summary()} -> {store.path}")
    if report.index_deferred:
        print(INDEX_DEFERRED_NOTE, file=sys.stderr)
    return not report.refused
