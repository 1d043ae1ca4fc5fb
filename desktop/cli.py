"""The front door: ``jiyao`` opens the window; the sub-commands work without a display.

Exit codes: 0 success, 1 some input was refused or failed, 2 usage errors (argparse's own).
Errors are one line on stderr; ``--debug`` shows the traceback as well.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the commands import what they need, so `jiyao --help` starts fast
    from desktop.core.store import Store

from desktop import __version__
from desktop.core.conversion import CONFIGS

log = logging.getLogger("desktop")

PROGRESS_BAR_MIN_FILES = 5


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jiyao",
        description="Jiyao (纪要): read and annotate Chinese policy and meeting documents. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"jiyao {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    # --debug also after the command (jiyao import x --debug); SUPPRESS keeps the top-level value.
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show tracebacks and debug logging",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", parents=[debug], help="open the window (the default)")
    _add_db_option(gui)
    gui.add_argument("--open", metavar="DOC", type=int, help="select this document id")
    gui.add_argument(
        "--screenshot", metavar="PNG", type=Path, help="render the window, save it as PNG and exit"
    )
    gui.add_argument(
        "--language",
        choices=["en", "zh_CN"],
        help="interface language (default: remembered, else the system's)",
    )

    importing = commands.add_parser(
        "import",
        parents=[debug],
        help="import text files and folders into a project",
        description="Import .txt/.text/.md files (folders recursively) in UTF-8, UTF-16, "
        "GB18030/GBK or Big5. Exit 0 when every file was imported or skipped as a "
        "duplicate, 1 when some were refused.",
    )
    importing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _add_db_option(importing)

    analyze = commands.add_parser(
        "analyze",
        parents=[debug],
        help="read files and print what Jiyao makes of them (no database)",
        description="Print one JSON object per file, one per line: encoding, script, clean "
        "text, removed artefacts, conversion, entities. Exit 1 if any file failed.",
    )
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    analyze.add_argument(
        "--to",
        metavar="CONFIG",
        choices=list(CONFIGS),
        help=f"OpenCC conversion ({', '.join(CONFIGS)}); "
        "default: the natural one for the text's script",
    )
    analyze.add_argument(
        "--json",
        action="store_true",
        required=True,
        help="print JSON lines (the only output format so far)",
    )

    export = commands.add_parser(
        "export", parents=[debug], help="export a project's documents and annotations"
    )
    _add_db_option(export)
    export.add_argument(
        "--format",
        choices=["jsonl", "csv"],
        required=True,
        help="jsonl: one line per document (doccano-compatible); csv: a folder with "
        "annotations.csv, documents.csv and codebook.csv (UTF-8 with BOM)",
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help="file to write, or - for standard output",
    )
    return parser


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="DB",
        help="project database (default: $JIYAO_DB, else the user data folder)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handlers = {"import": run_import, "analyze": run_analyze, "export": run_export}
    try:
        if args.command in handlers:
            return handlers[args.command](args)
        return run_gui(args)
    except BrokenPipeError:
        # The reader went away (``jiyao export -o - | head``): not an error worth a message.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("jiyao: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the edge: every failure becomes one line
        if args.debug:
            raise
        print(f"jiyao: {_one_line(error)}", file=sys.stderr)
        return 1


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _open_store(args: argparse.Namespace, *, create: bool) -> Store:
    from desktop.core.paths import default_db_path
    from desktop.core.store import Store

    return Store(default_db_path(args.db), create=create)


def run_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import run

    return run(
        db=getattr(args, "db", None),
        open_document=getattr(args, "open", None),
        screenshot=getattr(args, "screenshot", None),
        language=getattr(args, "language", None),
    )


def run_import(args: argparse.Namespace) -> int:
    from desktop.core.corpus import import_paths

    with _open_store(args, create=True) as store:
        bar = TerminalProgress(sys.stderr)
        report = import_paths(store, args.paths, progress=bar.update)
        bar.finish()
        for refusal in report.refused:
            print(f"refused {refusal}", file=sys.stderr)
        print(f"{report.summary()} -> {store.path}")
    return 1 if report.refused else 0


def run_analyze(args: argparse.Namespace) -> int:
    from desktop.core.analysis import analyze_text
    from desktop.core.textio import UnreadableFile, read_text_file

    failed = 0
    for path in args.paths:
        try:
            record = analyze_text(read_text_file(path), path=str(path), conversion=args.to)
        except UnreadableFile as error:
            failed += 1
            record = {"path": str(path), "error": str(error)}
            print(f"jiyao: {path}: {error}", file=sys.stderr)
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.core.exports.csv_files import write_csv_folder
    from desktop.core.exports.jsonl import write_jsonl

    with _open_store(args, create=False) as store:
        if args.format == "csv":
            if args.output == "-":
                raise ValueError("CSV export writes a folder of files: give -o FOLDER")
            count = write_csv_folder(store, Path(args.output))
            print(f"exported {count} tags to {args.output}", file=sys.stderr)
        elif args.output == "-":
            count = write_jsonl(store, sys.stdout)
            print(f"exported {count} documents", file=sys.stderr)
        else:
            target = Path(args.output)
            partial = target.with_name(target.name + ".part")
            try:
                with partial.open("w", encoding="utf-8", newline="\n") as out:
                    count = write_jsonl(store, out)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            partial.replace(target)  # never leave half a file under the real name
            print(f"exported {count} documents", file=sys.stderr)
    return 0


class TerminalProgress:
    """A one-line progress bar on a terminal, for more than a handful of files; silent when
    the stream is not a terminal."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.drawn = False

    def update(self, done: int, total: int, current: Path) -> None:
        if not self.enabled or total <= PROGRESS_BAR_MIN_FILES:
            return
        filled = self.WIDTH * done // total
        name = current.name[-30:]
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {name:<30}")
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
