"""The front door: ``jiyao`` opens the window; the sub-commands work without a display.

Exit codes: 0 success, 1 some input was refused or failed, 2 usage errors (argparse's own).
Errors are one line on stderr; ``--debug`` shows the traceback as well.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:  # the commands import what they need, so `jiyao --help` starts fast
    from desktop.core.memo_search import MemoHit
    from desktop.core.search import DocumentCount
    from desktop.core.stats import CrossTable
    from desktop.core.store import Store
    from desktop.core.textio import DecodedText

from desktop import __version__, cli_batch, cli_memos
from desktop.core.conversion import CONFIGS
from desktop.core.model import Status

EXPORT_FORMATS = {
    "csv": "a folder with annotations.csv, documents.csv, codebook.csv and memos.csv (UTF-8 BOM)",
    "jsonl": "one line per document, doccano-compatible, with the scheme beside it",
    "brat": "a folder of .txt and .ann files with annotation.conf",
    "conll": "a folder with character-level BIO files, one per layer",
    "qdpx": "a REFI-QDA project for NVivo, MAXQDA, ATLAS.ti and QualCoder",
    "labelstudio": "Label Studio tasks (JSON) and a labelling config",
}

# core.entities.TYPES, without importing the entity pipeline for every command (a test checks).
ENTITY_TYPES = ("PERSON", "PLACE", "ORG", "TITLE", "DATE", "NUMBER")

log = logging.getLogger("desktop")

PROGRESS_BAR_MIN_FILES = 5
# Where print() and errors go when there is no console (see _streams_to_log_file).
CONSOLE_LOG_NAME = "console.log"


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
    gui.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="a .jiyao project to open, and text files, folders or annotated sets to import "
        "into it; with a window already running, they go to that window",
    )

    importing = commands.add_parser(
        "import",
        parents=[debug],
        help="import documents (text, web pages, PDF, Word, spreadsheets) into a project",
        description="Import files (folders recursively): plain text (.txt .text .md) in UTF-8, "
        "UTF-16, GB18030/GBK or Big5; web pages (.html .htm .shtml .xhtml .mht .mhtml: the "
        "article without the page's menus and footer); PDF (the text layer); Word (.docx); "
        "tables and scraper output (.csv .tsv .xlsx, and .jsonl .ndjson .json rows that are no "
        "annotated set: one document per row). Title, date, source, author and URL "
        "are kept as document variables. Exit 0 when every file was imported or skipped as a "
        "duplicate, 1 when some were refused.",
    )
    importing.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="files or folders to import"
    )
    importing.add_argument(
        "--update",
        action="store_true",
        help="in annotated sets, give tags already in the project the set's note and attributes "
        "(default: leave them and count them); in .qdc codebooks, replace the definitions of "
        "labels already in the project",
    )
    _add_db_option(importing)
    importing.add_argument(
        "--max-document-mb",
        type=_megabytes,
        metavar="MB",
        help="refuse files (and .qdpx members) above this size, in MB "
        "(default: $JIYAO_MAX_DOCUMENT_MB, else 50)",
    )
    for role, found in (
        ("text", "正文, 内容, 全文, 文本, text, content or body"),
        ("title", "标题, 题目 or title"),
        ("date", "日期, 发布时间, 发布日期, 时间 or date"),
    ):
        importing.add_argument(
            f"--{role}-column",
            metavar="NAME",
            help=f"in .csv/.tsv/.xlsx tables and scraped JSON rows, the column (field) holding "
            f"each row's {role} "
            f"(default: the one named {found})",
        )

    analyze = commands.add_parser(
        "analyze",
        parents=[debug],
        help="read files and print what Jiyao makes of them (no database)",
        description="Print one JSON object per file, one per line: encoding, script, clean "
        "text, removed artefacts, conversion, entities; or, with --out DIR, analyse a whole "
        "corpus as a Dask job into Parquet shards. Exit 1 if any file failed.",
    )
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files to analyse")
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
        help="print JSON lines, one per file",
    )
    cli_batch.add_analyze_options(analyze)

    export = commands.add_parser(
        "export",
        parents=[debug],
        help="export a project's documents and annotations",
        description="Offsets are code points into the exported text, end-exclusive; every "
        "format records each document's text_sha256.",
    )
    _add_db_option(export)
    export.add_argument(
        "--format",
        choices=list(EXPORT_FORMATS),
        required=True,
        help="; ".join(f"{name}: {title}" for name, title in EXPORT_FORMATS.items()),
    )
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help="file or folder to write (jsonl also takes - for standard output)",
    )
    export.add_argument(
        "--docs", nargs="+", action="extend", metavar="ID", help="only these document ids (1 2 5-9)"
    )
    export.add_argument(
        "--labels",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only tags with these labels or their sub-labels",
    )
    export.add_argument(
        "--annotator",
        nargs="+",
        action="extend",
        metavar="NAME",
        help="only these annotators' tags",
    )
    export.add_argument(
        "--status",
        choices=[status.value for status in Status],
        help="only documents with this status",
    )
    export.add_argument(
        "--text",
        choices=["original", "converted"],
        default="original",
        help="the clean original text (default) or its conversion, offsets carried through "
        "the alignment",
    )
    export.add_argument(
        "--conversion",
        metavar="CONFIG",
        choices=list(CONFIGS),
        help="OpenCC conversion for --text converted (default: the natural one per document)",
    )
    export.add_argument(
        "--entities", action="store_true", help="include the entity layer (people, places…)"
    )
    export.add_argument(
        "--raw-csv",
        action="store_true",
        help="csv: cells exactly as the texts are (by default a text cell beginning with "
        "= + - @ gets a ' in front, so a spreadsheet does not run it as a formula)",
    )

    search = commands.add_parser(
        "search",
        parents=[debug],
        help="search every document of a project (Simplified and Traditional as one)",
        description='QUERY: terms (复工), "phrases", AND (or a space), OR, NOT, '
        "parentheses, 复工 NEAR/10 复产; with --regex a Python regular expression over the "
        "clean text. Offsets are code points of the clean text, end-exclusive. A project made "
        "before the search index is indexed once first.",
    )
    search.add_argument("query", metavar="QUERY", help="what to find (the syntax is above)")
    _add_db_option(search)
    search.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    search.add_argument("--limit", type=_positive, metavar="N", help="at most N hits")
    output = search.add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: document, title, start, end, hit, left, right",
    )
    output.add_argument("--csv", action="store_true", help="CSV with a header row")
    search.add_argument("--count", action="store_true", help="hits per document, then the total")
    search.add_argument(
        "--scope",
        choices=["text", "memos", "both"],
        default="text",
        help="search the documents' text (default), the memos (tags' notes included), or "
        "both; the document filters do not narrow memos; a memo's offsets are in its title "
        "or text",
    )
    search.add_argument(
        "--context",
        type=_positive,
        default=30,
        metavar="N",
        help="characters of context on each side (default 30)",
    )
    search.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="documents dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)",
    )
    search.add_argument(
        "--to", dest="date_to", metavar="DATE", help="documents dated on or before DATE"
    )
    search.add_argument(
        "--source", nargs="+", action="extend", metavar="SOURCE", help="only these sources"
    )
    search.add_argument(
        "--status",
        nargs="+",
        action="extend",
        choices=[status.value for status in Status],
        help="only documents with these statuses",
    )
    search.add_argument(
        "--label",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only documents with a tag of these labels (or their sub-labels)",
    )
    search.add_argument(
        "--without-label",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only documents without a tag of these labels",
    )

    stats = commands.add_parser(
        "stats",
        parents=[debug],
        help="count tags (or documents) in a cross table, as CSV",
        description="FIELD: label, document, status, annotator, issuer, addressee, strength, "
        "deadline, year, quarter, month (YYYY-MM of the document date), source, date, label:N "
        "(a label path's first N levels), or a document variable's name. The first cell is "
        "the row field's name; one column per column value, a total column and a total row. "
        "Totals count distinct tags (or documents).",
    )
    _add_db_option(stats)
    stats.add_argument("--rows", required=True, metavar="FIELD", help="a row per value of FIELD")
    stats.add_argument(
        "--columns", metavar="FIELD", help="a column per value of FIELD (default: a total only)"
    )
    stats.add_argument(
        "--count",
        choices=["tags", "documents"],
        default="tags",
        help="what a cell counts (default tags)",
    )
    stats.add_argument(
        "--labels",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only tags of these labels (and sub-labels)",
    )
    stats.add_argument("-o", "--output", type=Path, metavar="FILE.csv", help="default: stdout")

    cooccurrence = commands.add_parser(
        "cooccurrence",
        parents=[debug],
        help="which labels (or entities) occur together (same document, near, overlapping), as CSV",
        description="A symmetric matrix: the first cell is 'label', one row and one column "
        "per label path. By default a cell counts the documents holding tags of both labels; "
        "with --within N the documents where two of their tags are at most N characters "
        "apart (--overlapping: sharing a character); --count pairs counts pairs of tags "
        "instead. The diagonal is a label with itself: two different tags of it.",
    )
    _add_db_option(cooccurrence)
    nearness = cooccurrence.add_mutually_exclusive_group()
    nearness.add_argument("--within", type=_not_negative, metavar="N", help="at most N apart")
    nearness.add_argument("--overlapping", action="store_true", help="tags that overlap")
    cooccurrence.add_argument(
        "--count",
        choices=["documents", "pairs"],
        default="documents",
        help="what a cell counts (default documents)",
    )
    cooccurrence.add_argument(
        "--level", type=_positive, metavar="N", help="labels by their path's first N levels"
    )
    cooccurrence.add_argument(
        "--labels",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only tags of these labels (and sub-labels)",
    )
    cooccurrence.add_argument(
        "--entities",
        nargs="*",
        metavar="TYPE",
        choices=list(ENTITY_TYPES),
        help="entities instead of labels: PERSON, PLACE, ORG, TITLE (the default), DATE, "
        "NUMBER; one row per entity (its text in Simplified, its type). Documents the entity "
        "pipeline has not analysed yet are analysed now and cached in the project",
    )
    cooccurrence.add_argument(
        "--top",
        type=_not_negative,
        metavar="N",
        help="with --entities: the N entities found in the most documents (default 30; 0: all)",
    )
    cooccurrence.add_argument(
        "--cached-only",
        action="store_true",
        help="with --entities: leave out the documents not analysed yet instead of analysing them",
    )
    cooccurrence.add_argument(
        "-o", "--output", type=Path, metavar="FILE.csv", help="default: stdout"
    )

    chart = commands.add_parser(
        "chart",
        parents=[debug],
        help="draw tag counts as a bar chart, timeline, heatmap or network (PNG, SVG, PDF)",
        description="The numbers of jiyao stats --rows FIELD --columns FIELD, drawn: bar "
        "(a bar per row value, split by column), timeline (rows year, quarter or month; a "
        "line per column value), heatmap (rows x columns) or network (an arrow from each "
        "row value to each column value: --rows issuer --columns addressee). Needs "
        "matplotlib (pip install 'jiyao[charts]') and a font with Chinese characters.",
    )
    _add_db_option(chart)
    chart.add_argument("--rows", required=True, metavar="FIELD", help="a bar or line per value")
    chart.add_argument("--columns", metavar="FIELD", help="split by the values of FIELD")
    chart.add_argument(
        "--kind",
        choices=["bar", "timeline", "heatmap", "network"],
        default="bar",
        help="the kind of chart (default bar)",
    )
    chart.add_argument(
        "--count",
        choices=["tags", "documents"],
        default="tags",
        help="what is counted (default tags)",
    )
    chart.add_argument(
        "--labels",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only tags of these labels (and sub-labels)",
    )
    chart.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE.png|.svg|.pdf",
        help="the chart file; its suffix chooses the format",
    )

    segments = commands.add_parser(
        "segments",
        parents=[debug],
        help="the coded segments report: every tag with its text, label path, attributes, "
        "note and document",
        description="Written as the suffix of -o says: .csv (one row per tag, UTF-8 with BOM), "
        ".xlsx (the same rows as an Excel workbook), or a report to send, a section per label: "
        ".md (Markdown), .html or .docx (Word); without -o, CSV on stdout.",
    )
    _add_db_option(segments)
    segments.add_argument(
        "--labels",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only tags of these labels (and sub-labels)",
    )
    segments.add_argument(
        "--where",
        nargs="+",
        action="extend",
        default=[],
        metavar="FIELD=VALUE",
        help="only tags whose field has this value: issuer=市长, annotator=甲, month=2020-03, "
        "a document variable (city=宿迁); the fields of jiyao stats",
    )
    segments.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=".csv, .xlsx, .md, .html or .docx (default: CSV to stdout)",
    )

    backups = commands.add_parser(
        "backups",
        parents=[debug],
        help="list a project's backups",
        description="Jiyao backs up a project once a day when it opens it, into the user data "
        "folder's backups/<project>-<hash>/, keeping the newest 7 ($JIYAO_BACKUPS; 0: none).",
    )
    _add_db_option(backups)

    restore = commands.add_parser(
        "restore",
        parents=[debug],
        help="put a backup back in place of a project",
        description="The backup is checked first. An existing project is replaced only with "
        "--force, and is itself backed up before.",
    )
    # A str, not a Path: Path("") is ".", and an empty argument would be taken for a folder.
    restore.add_argument("backup", metavar="BACKUP", help="a file `jiyao backups` lists")
    _add_db_option(restore)
    restore.add_argument("--force", action="store_true", help="replace an existing project")

    entry = commands.add_parser(
        "install-desktop-entry",
        parents=[debug],
        help="add Jiyao to the desktop menu (Linux; for pip installs)",
        description="Write the .desktop entry, the icons and the .jiyao file type under "
        "$XDG_DATA_HOME (default ~/.local/share), starting this very jiyao.",
    )
    entry.add_argument("--uninstall", action="store_true", help="remove them again")
    cli_memos.add_commands(commands, [debug], _add_db_option)
    _add_team_commands(commands, debug)
    return parser


def _megabytes(value: str) -> float:
    from desktop.core.textio import checked_limit

    try:
        return checked_limit(value, "--max-document-mb")
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def _not_negative(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number, 0 or more")
    return int(value)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="DB",
        help="project database (default: $JIYAO_DB, else the user data folder)",
    )


def run() -> NoReturn:
    """The program (the console script, ``python -m desktop``, the bundle): the arguments
    parsed once, the command run, then the process ends.

    After ``jiyao analyze`` and ``jiyao import`` at once, their output flushed and the
    project closed: all that is left is memory, which Python would free object by object
    and the interpreter's teardown after it before the operating system frees it whole (the
    records of a 300,000-character text and the teardown: 30 ms of an analysis, issue 22;
    20,000 files' paths and rows: 60–80 ms of an import, issue 17). Not after the batch on
    a cluster, whose libraries may clean up at exit, nor after any other command."""
    args = _parsed_arguments(sys.argv[1:])  # once: building the parser costs 4 ms
    code = _run_command(args)
    if ends_at_once(args) and _nothing_left_running():
        _end_now(code)
    sys.exit(code)


def _nothing_left_running() -> bool:
    """No thread but this one and no child process (as a pool stopped by an interrupt before
    it shut down would leave): nothing that the interpreter's exit would wait for or stop."""
    if threading.active_count() > 1:
        return False
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is None or not multiprocessing.active_children()


def ends_at_once(args: argparse.Namespace) -> bool:
    """Whether the command of ``args`` leaves nothing to clean up at exit: ``jiyao import``
    (its worker processes joined, its project closed, no thread left) and ``jiyao analyze``
    run in this process (not its batch: parsed, ``--out=DIR`` and an abbreviated
    ``--ou DIR`` are the batch)."""
    if args.command == "import":
        return True
    return args.command == "analyze" and getattr(args, "out", None) is None


def _end_now(code: int) -> NoReturn:
    for stream in (sys.stdout, sys.stderr):
        # Closed, or its reader gone: there is nothing more to tell it.
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    logging.shutdown()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    return _run_command(_parsed_arguments(sys.argv[1:] if argv is None else argv))


def _parsed_arguments(argv: Sequence[str]) -> argparse.Namespace:
    _streams_to_log_file()
    parser = build_parser()
    return parser.parse_args(gui_by_default(argv, parser))


def _run_command(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    handlers = {
        "import": run_import,
        "analyze": run_analyze,
        "export": run_export,
        "search": run_search,
        "stats": run_stats,
        "cooccurrence": run_cooccurrence,
        "chart": run_chart,
        "segments": run_segments,
        "backups": run_backups,
        "restore": run_restore,
        "install-desktop-entry": run_install_desktop_entry,
        **cli_memos.handlers(_open_store),
        "agreement": run_agreement,
        "assign": run_assign,
        "merge": run_merge,
        "adjudicate": run_adjudicate,
    }
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


def gui_by_default(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """``jiyao PATH...`` means ``jiyao gui PATH...``: what a double-clicked file runs
    (``Exec=jiyao %F``, a Windows file association). Commands and options pass unchanged."""
    # The sub-parsers action knows every command, including ones added later.
    commands = next(
        action.choices
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    first = argv[0] if argv else ""
    if first and first not in commands and not first.startswith("-") and _looks_like_path(first):
        return ["gui", *argv]
    return list(argv)


def _looks_like_path(argument: str) -> bool:
    """A file manager passes whole paths; a bare word (``jiyao exprot``) is a mistyped
    command, better answered with the usage message than with a window."""
    separators = [sep for sep in (os.sep, os.altsep) if sep]
    path = Path(argument)
    return bool(path.suffix) or any(sep in argument for sep in separators) or path.exists()


def _streams_to_log_file() -> None:
    """A windowed executable (Windows, console=False) starts with sys.stdout and sys.stderr
    set to None: writing to them fails and what they would say is lost. Send it to a file in
    the user's log folder instead."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    from datetime import datetime

    from desktop.core.paths import log_dir

    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stream = open(folder / CONSOLE_LOG_NAME, "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    stream.write(f"--- jiyao {__version__}, {datetime.now():%Y-%m-%d %H:%M:%S}: {sys.argv}\n")
    if sys.stdout is None:
        sys.stdout = stream
        _CONSOLE_LOG_STREAMS.append(stream)
    sys.stderr = sys.stderr or stream


# The console log when it stands in for a closed standard output: data meant for standard
# output (jiyao export -o -) must not end up in a log file.
_CONSOLE_LOG_STREAMS: list[TextIO] = []


def _one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


WAITING_MESSAGE = "waiting for another Jiyao process writing this project…"


def _open_store(args: argparse.Namespace, *, create: bool, to_read: bool = False) -> Store:
    """The project of ``--db``; ``to_read``: for a command that only reads it, which then
    works on a read-only project too."""
    from desktop.core.paths import default_db_path
    from desktop.core.store.opening import open_project, open_project_to_read

    path = default_db_path(args.db)
    store = open_project_to_read(path) if to_read else open_project(path, create=create)
    store.on_wait = _say_once(WAITING_MESSAGE)
    return store


def _say_once(message: str) -> Callable[[], None]:
    """A callback that prints ``message`` on stderr the first time it is called."""
    said = False

    def say() -> None:
        nonlocal said
        if not said:
            print(f"jiyao: {message}", file=sys.stderr, flush=True)
            said = True

    return say


def run_gui(args: argparse.Namespace) -> int:
    from desktop.ui.shell.app import run

    return run(
        db=getattr(args, "db", None),
        open_document=getattr(args, "open", None),
        screenshot=getattr(args, "screenshot", None),
        language=getattr(args, "language", None),
        paths=getattr(args, "paths", None) or [],
    )


def run_backups(args: argparse.Namespace) -> int:
    from desktop.core.paths import default_db_path
    from desktop.core.store.backups import backup_folder, list_backups

    project = default_db_path(args.db)
    backups = list_backups(project)
    if not backups:
        print(f"no backups of {project} yet (they go to {backup_folder(project)})")
        return 0
    print(f"backups of {project}, newest first:")
    for backup in backups:
        print(f"{backup.made:%Y-%m-%d %H:%M:%S}  {backup.size / 1e6:8.1f} MB  {backup.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from desktop.core.paths import default_db_path
    from desktop.core.store.backups import restore_backup

    if not args.backup.strip():
        raise ValueError("the backup's path is empty: give a file `jiyao backups` lists")
    project = default_db_path(args.db)
    saved = restore_backup(Path(args.backup), project, force=args.force)
    kept = f" (the replaced project was backed up to {saved})" if saved else ""
    print(f"restored {project} from {args.backup}{kept}")
    return 0


def run_install_desktop_entry(args: argparse.Namespace) -> int:
    from desktop.core import desktop_entry

    report = desktop_entry.uninstall() if args.uninstall else desktop_entry.install()
    for line in report.lines:
        print(line)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from desktop.core.textio import document_limit

    with document_limit(args.max_document_mb):
        return _import_all(args)


def _import_all(args: argparse.Namespace) -> int:
    from desktop.core.corpus import analysis_results_folders, import_paths
    from desktop.core.readers import ReaderOptions
    from desktop.core.textio import max_document_bytes

    max_document_bytes()  # a size limit that is no number stops here, before the project opens
    codebooks = cli_memos.codebook_files(args.paths)
    results = analysis_results_folders(args.paths)
    annotated = _annotated_sets(
        [path for path in args.paths if path not in codebooks and path not in results]
    )
    plain = [
        path
        for path in args.paths
        if path not in annotated and path not in codebooks and path not in results
    ]
    failed = False
    with _open_store(args, create=True) as store:
        for path in results:
            bar = TerminalProgress(sys.stderr)
            failed |= not cli_batch.import_results(store, path, bar.update)
            bar.finish()
        for path in codebooks:
            failed |= not cli_memos.import_codebook(store, path, replace_definitions=args.update)
        for path in annotated:
            failed |= not _import_annotated_set(store, path, update_existing=args.update)
        if plain:
            bar = TerminalProgress(sys.stderr)
            report = import_paths(
                store,
                plain,
                progress=bar.update,
                workers=_usable_cores(),
                reader_options=ReaderOptions(args.text_column, args.title_column, args.date_column),
            )
            bar.finish()
            for refusal in report.refused:
                print(f"refused {refusal}", file=sys.stderr)
            print(f"{report.summary()} -> {store.path}")
            if report.index_deferred:
                print(cli_batch.INDEX_DEFERRED_NOTE, file=sys.stderr)
            failed |= bool(report.refused)
    return 1 if failed else 0


def _usable_cores() -> int:
    """The processors this process may run on: a large import prepares files on all of them."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _annotated_sets(paths: Sequence[Path]) -> list[Path]:
    """The paths that hold annotated sets. The readers are loaded only when a path may be one:
    a plain import then starts without them (and the entity pipeline they bring in)."""
    candidates = [path for path in paths if _may_be_annotated_set(path)]
    if not candidates:
        return []
    from desktop.core.exports.formats import annotated_set_format

    return [path for path in candidates if annotated_set_format(path) is not None]


def _may_be_annotated_set(path: Path) -> bool:
    """False for what is surely plain text: a file with a plain-text suffix, a folder without
    the .ann files of a brat set (the one folder format). A pipe or device named x.jsonl
    would block its reader: the plain import refuses it."""
    from desktop.core.corpus import SUPPORTED_SUFFIXES
    from desktop.core.readers.json_rows import JSON_SUFFIXES

    if path.is_dir():
        return any(path.glob("*.ann"))
    suffix = path.suffix.lower()
    # A JSON file holds an annotated set or a scraper's rows: its records tell.
    return path.is_file() and (suffix in JSON_SUFFIXES or suffix not in SUPPORTED_SUFFIXES)


def _import_annotated_set(store: Store, path: Path, *, update_existing: bool = False) -> bool:
    """Import one annotated set; False when the file was refused or some records were."""
    from desktop.core.exports.formats import read_annotated_set
    from desktop.core.exports.importing import UnreadableSet, store_annotated_set

    try:
        report = store_annotated_set(
            store, read_annotated_set(path), update_existing=update_existing
        )
    except UnreadableSet as error:
        # "refused NAME: reason", as for plain files, whether or not the reason names the file.
        reason = str(error).removeprefix(f"{path.name}: ")
        print(f"refused {path.name}: {reason}", file=sys.stderr)
        print(f"{path.name}: nothing imported -> {store.path}")
        return False
    except Exception as error:
        # Whatever one file does wrong, its transaction is rolled back and the others go on.
        log.debug("importing %s failed", path, exc_info=True)
        print(
            f"refused {path.name}: {_one_line(error)} (nothing of it was imported)", file=sys.stderr
        )
        return False
    for problem in report.problems:
        print(f"{path.name}: {problem}", file=sys.stderr)
    for note in report.skipped:
        print(f"{path.name}: skipped {note}", file=sys.stderr)
    print(f"{report.summary()} -> {store.path}")
    if report.differing and not update_existing:
        print(
            f"{path.name}: jiyao import --update gives them the set's note and attributes",
            file=sys.stderr,
        )
    return not report.problems


def run_analyze(args: argparse.Namespace) -> int:
    from desktop.core.entities import collector_paused

    misused = cli_batch.batch_options_misused(args)
    if misused:
        print(f"jiyao analyze: {misused}", file=sys.stderr)
        return 2
    if cli_batch.wants_batch(args):
        bar = TerminalProgress(sys.stderr)
        return cli_batch.run_analyze_batch(args, bar.update, bar.finish)
    failed = 0
    for path in args.paths:
        # The collector paused until the file's records are printed and gone: they are many
        # objects and no cycles, which it would walk once more for nothing (30 ms of a
        # 300,000-character file, issue 22).
        with collector_paused():
            failed += not _print_analyses(path, args.to)
    return 1 if failed else 0


def _print_analyses(path: Path, conversion: str | None) -> bool:
    """Print the analysis record of each text of ``path``, or its error: False."""
    from desktop.core.analysis import analyze_text
    from desktop.core.textio import UnreadableFile

    try:
        records = [
            analyze_text(text, path=str(path), conversion=conversion)
            for text in _texts_to_analyze(path)
        ]
    except UnreadableFile as error:
        print(f"jiyao: {path}: {error}", file=sys.stderr)
        print(json.dumps({"path": str(path), "error": str(error)}, ensure_ascii=False), flush=True)
        return False
    for record in records:
        # A record holds no container twice: the check for cycles (an entry made and dropped
        # for each of 20,000 entities and directives) is left out.
        print(json.dumps(record, ensure_ascii=False, check_circular=False), flush=True)
    return True


def _texts_to_analyze(path: Path) -> list[DecodedText]:
    """The file's text as import reads it: a web page's article, a PDF's text layer, each row
    of a table (rows without text left out), else the decoded plain text."""
    from desktop.core.readers import ReaderOptions, SourceText, holds_many, reader_for
    from desktop.core.textio import DecodedText, UnreadableFile, decode_bytes, read_bytes

    reader = reader_for(path)
    if reader is None:
        return [decode_bytes(read_bytes(path))]
    sources = reader(read_bytes(path, many=holds_many(path)), ReaderOptions())
    texts = [DecodedText(s.text, s.encoding) for s in sources if isinstance(s, SourceText)]
    if not texts:
        raise UnreadableFile("no row of the table has text")
    return texts


def run_export(args: argparse.Namespace) -> int:
    from desktop.core.exports.formats import (
        FORMATS,
        OverlapWatch,
        export_project,
        with_suffix_of,
    )
    from desktop.core.exports.jsonl import write_jsonl_lines
    from desktop.core.exports.selection import (
        Codebook,
        ExportOptions,
        document_ids_in,
        parse_document_ranges,
        select,
    )

    if not args.output.strip():
        raise ValueError("-o needs a file or folder name (or - for jsonl to standard output)")
    if args.conversion and args.text != "converted":
        raise ValueError(
            f"--conversion {args.conversion} converts only with --text converted: add it, "
            "or leave --conversion out for the original text"
        )
    try:  # before opening the project: a typo costs nothing
        ranges = parse_document_ranges(args.docs or [])
    except ValueError as error:
        raise ValueError(f"--docs: {error}") from error
    options = ExportOptions(
        labels=tuple(args.labels or ()),
        annotators=tuple(args.annotator or ()),
        status=Status(args.status) if args.status else None,
        text=args.text,
        conversion=args.conversion,
        entities=args.entities,
        raw_csv=args.raw_csv,
    )
    with _open_store(args, create=False, to_read=True) as store:
        options = replace(options, document_ids=document_ids_in(store, ranges))
        if args.output == "-":
            if args.format != "jsonl":
                raise ValueError(
                    f"{args.format} writes files: give -o PATH (only jsonl can go to -)"
                )
            if sys.stdout in _CONSOLE_LOG_STREAMS:
                raise ValueError("there is no standard output to write to: give -o PATH")
            documents = OverlapWatch(select(store, options))
            try:
                count = write_jsonl_lines(documents, Codebook.from_store(store), sys.stdout)
            except BrokenPipeError:
                raise  # the reader went away: main() ends quietly
            except OSError as error:  # > /dev/full: the reason in words, no errno
                raise ExportNotWritten(
                    f"could not write to standard output: {error.strerror or error}"
                ) from error
            print(f"exported {count} tags", file=sys.stderr)
            _print_warnings(documents.warnings())
            return 0
        bar = TerminalProgress(sys.stderr)
        try:
            result = export_project(
                store,
                args.format,
                Path(args.output),
                options,
                progress=lambda done, total: bar.update(done, total, Path(args.output)),
            )
        except OSError as error:  # read-only, full, gone: said of the user's own choice
            written = with_suffix_of(FORMATS[args.format], Path(args.output))
            raise ExportNotWritten(
                f"could not write {written}: {error.strerror or error}"
            ) from error
        finally:
            bar.finish()
    kind = FORMATS[args.format].name
    print(f"exported {result.tags} tags in {result.documents} documents ({kind}) to {result.path}")
    _print_warnings(result.warnings)
    return 0


def run_search(args: argparse.Namespace) -> int:
    from desktop.core.memo_search import memo_hits as search_memos
    from desktop.core.messages import counted
    from desktop.core.search import HIT_COLUMNS, Search, count_hits, hit_row, iter_hits
    from desktop.core.search_query import SearchRestriction
    from desktop.core.spreadsheet import SafeCsvWriter  # here: csv is for these commands only

    search = Search(args.query, regex=args.regex)  # a malformed query costs nothing
    with _open_store_to_search(args) as store:
        restriction = SearchRestriction(
            date_from=args.date_from or "",
            date_to=args.date_to or "",
            sources=tuple(args.source or ()),
            statuses=tuple(Status(status) for status in args.status or ()),
            with_labels=_label_ids(store, args.label or ()),
            without_labels=_label_ids(store, args.without_label or ()),
        )
        writer = SafeCsvWriter(sys.stdout) if args.csv else None
        if args.scope != "text":
            memo_hits = search_memos(store, search, context=args.context)
        if args.scope == "memos":
            return print_memo_hits(memo_hits, args, writer)
        if args.count:
            counts = count_hits(store, search, restriction)
            total = sum(count.hits for count in counts)
            if args.scope == "both":
                return print_counts_with_memos(counts, memo_hits, args, writer)
            if writer is not None:
                writer.writerow(["document", "title", "hits"])
                writer.writerows([c.document_id, c.title, c.hits] for c in counts)
                writer.writerow(["total", "", total])
            if writer is None:
                # One write for them all: a print() per document was a fifth of counting a
                # term in 100,000 documents (issue 15).
                sys.stdout.write(
                    "".join(map(_count_line if not args.json else _count_json, counts))
                )
            if args.json:
                print(json.dumps({"total": total, "documents": len(counts)}))
            elif writer is None:
                print(f"total\t{counted(len(counts), 'document')}\t{total}")
            return 0
        if not search.shows_hits:
            raise ValueError("a query of only NOT finds documents, not hits: add --count")
        if writer is not None:
            writer.writerow(HIT_COLUMNS)
        shown = 0
        hits = iter_hits(store, search, restriction, context=args.context, limit=args.limit)
        for hit in hits:
            if writer is not None:
                writer.writerow(hit_row(hit))
            elif args.json:
                record = {
                    "document": hit.document_id,
                    "title": hit.title,
                    "start": hit.start,
                    "end": hit.end,
                    "hit": hit.hit,
                    "left": hit.left,
                    "right": hit.right,
                }
                print(json.dumps(record, ensure_ascii=False))
            else:
                line = f"{hit.left}[{hit.hit}]{hit.right}".replace("\n", " ")
                print(f"{hit.document_id}\t{hit.title}\t{hit.start}\t{line}")
            shown += 1
        if args.scope == "both":
            limit = None if args.limit is None else args.limit - shown
            return print_memo_hits(memo_hits[:limit], args, writer, header=False)
    return 0


def _count_line(count: DocumentCount) -> str:
    return f"{count.document_id}\t{count.title}\t{count.hits}\n"


def _count_json(count: DocumentCount) -> str:
    record = {"document": count.document_id, "title": count.title, "hits": count.hits}
    return json.dumps(record, ensure_ascii=False) + "\n"


def print_memo_hits(
    hits: list[MemoHit], args: argparse.Namespace, writer: Any, *, header: bool = True
) -> int:
    """The memo hits of a search: as --json, --csv (after the documents' hits) or lines;
    with --count, hits per memo and their total."""
    from desktop.core.memo_search import memo_place
    from desktop.core.search import HIT_COLUMNS

    if args.count:
        return print_counts_with_memos([], hits, args, writer)
    if writer is not None and header:
        writer.writerow(HIT_COLUMNS)
    for hit in hits[: args.limit]:
        place = f"memo {memo_place(hit.memo)} {hit.field}"
        if writer is not None:
            writer.writerow(
                [place, hit.memo.title, hit.start, hit.end, hit.left, hit.hit, hit.right]
            )
        elif args.json:
            record = {
                "memo": hit.memo.id,
                "target": hit.memo.target,
                "target_id": hit.memo.target_id,
                "title": hit.memo.title,
                "field": hit.field,
                "start": hit.start,
                "end": hit.end,
                "hit": hit.hit,
                "left": hit.left,
                "right": hit.right,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            line = f"{hit.left}[{hit.hit}]{hit.right}".replace("\n", " ")
            print(f"{place}\t{hit.memo.title}\t{hit.start}\t{line}")
    return 0


def print_counts_with_memos(
    counts: list[DocumentCount], hits: list[MemoHit], args: argparse.Namespace, writer: Any
) -> int:
    """--count over documents and memos: a row per document, then per memo, then the total."""
    from collections import Counter

    from desktop.core.memo_search import memo_place

    per_memo: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for hit in hits:
        place = f"memo {memo_place(hit.memo)}"
        per_memo[place] += 1
        titles[place] = hit.memo.title
    rows: list[tuple[object, str, int]] = [(c.document_id, c.title, c.hits) for c in counts]
    rows += [(place, titles[place], n) for place, n in per_memo.items()]
    total = sum(row[2] for row in rows)
    if writer is not None:
        writer.writerow(["document", "title", "hits"])
        writer.writerows(rows)
        writer.writerow(["total", "", total])
    elif args.json:
        for where, title, n in rows:
            key = "document" if isinstance(where, int) else "memo"
            print(json.dumps({key: where, "title": title, "hits": n}, ensure_ascii=False))
        print(json.dumps({"total": total, "documents": len(counts), "memos": len(per_memo)}))
    else:
        for where, title, n in rows:
            print(f"{where}\t{title}\t{n}")
        print(f"total\t{len(counts)} documents, {len(per_memo)} memos\t{total}")
    return 0


def run_stats(args: argparse.Namespace) -> int:
    if args.output is not None and args.output.suffix.lower() != ".csv":
        # Any other name was written over: `-o corpus.jiyao` replaced the project with CSV.
        raise ValueError(f"{args.output}: the table is written as .csv")
    with _open_store(args, create=False, to_read=True) as store:
        table = _counted_table(store, args)
    return _write_table(table.csv_rows(), args.output, len(table.row_values))


def _counted_table(store: Store, args: argparse.Namespace) -> CrossTable:
    """The cross table ``--rows``, ``--columns``, ``--count`` and ``--labels`` ask for,
    counted by the store (a GROUP BY), no tag read into Python."""
    from desktop.core.exports.selection import label_paths
    from desktop.core.stats import counted_cross_table, labels_named, labels_under

    labels = store.labels()
    label_ids = None
    if args.labels:
        label_ids = labels_under(labels, labels_named(labels, args.labels))
    return counted_cross_table(
        store, label_paths(labels), args.rows, args.columns, count=args.count, label_ids=label_ids
    )


def _write_table(rows: list[list[object]], output: Path | None, shown: int) -> int:
    """CSV rows to stdout, or to ``output`` (UTF-8 with BOM, for spreadsheets)."""
    from desktop.core.spreadsheet import SafeCsvWriter  # here: csv is for these commands only

    if output is None:
        SafeCsvWriter(sys.stdout).writerows(rows)
        return 0
    try:
        with output.open("w", encoding="utf-8-sig", newline="") as file:
            SafeCsvWriter(file).writerows(rows)
    except OSError as error:
        raise ExportNotWritten(f"could not write {output}: {error.strerror or error}") from error
    print(f"{shown} rows written to {output}", file=sys.stderr)
    return 0


def run_chart(args: argparse.Namespace) -> int:
    from desktop.core.chart_render import draw
    from desktop.core.charts import chart_data

    with _open_store(args, create=False, to_read=True) as store:
        table = _counted_table(store, args)
    data = chart_data(table, args.kind)
    draw(data, args.output)
    print(f"{args.kind} chart written to {args.output}", file=sys.stderr)
    return 0


def run_cooccurrence(args: argparse.Namespace) -> int:
    from desktop.core.cooccurrence import OVERLAPPING, cooccurrence
    from desktop.core.exports.selection import label_paths
    from desktop.core.stats import with_labels

    within = OVERLAPPING if args.overlapping else args.within
    if args.entities is not None:
        return _entity_cooccurrence(args, within)
    if args.top is not None or args.cached_only:
        raise ValueError("--top and --cached-only go with --entities")
    with _open_store(args, create=False, to_read=True) as store:
        segments = store.coded_segments(with_text=False)
        labels = store.labels()
    if args.labels:
        segments = with_labels(segments, labels, args.labels)
    matrix = cooccurrence(
        segments, label_paths(labels), within=within, count=args.count, level=args.level
    )
    return _write_table(matrix.csv_rows(), args.output, len(matrix.labels))


def _entity_cooccurrence(args: argparse.Namespace, within: int | None) -> int:
    from desktop.core.entity_cooccurrence import (
        DEFAULT_TOP,
        DEFAULT_TYPES,
        corpus_mentions,
        entity_cooccurrence,
    )

    if args.labels or args.level:
        raise ValueError("--labels and --level are for labels, not --entities")
    bar = TerminalProgress(sys.stderr)
    with _open_store(args, create=False, to_read=True) as store:
        found = corpus_mentions(
            store,
            args.entities or DEFAULT_TYPES,
            cached_only=args.cached_only,
            progress=lambda done, total: bar.update(done, total, Path("entities")),
        )
    bar.finish()
    if found.analysed:
        print(f"{found.analysed} documents analysed for entities (cached)", file=sys.stderr)
    if found.skipped:
        print(f"{found.skipped} documents not analysed yet: left out", file=sys.stderr)
    top = DEFAULT_TOP if args.top is None else args.top
    matrix = entity_cooccurrence(found.mentions, within=within, count=args.count, top=top)
    rows = matrix.csv_rows()
    rows[0][0] = "entity"
    return _write_table(rows, args.output, len(matrix.labels))


def run_segments(args: argparse.Namespace) -> int:
    from desktop.core.exports.segments_report import rows, write_report
    from desktop.core.segment_filter import SegmentFilter, parse_conditions, select
    from desktop.core.spreadsheet import SafeCsvWriter  # here: csv is for these commands only
    from desktop.core.stats import labels_named

    conditions = parse_conditions(args.where)
    with _open_store(args, create=False, to_read=True) as store:
        segments = store.coded_segments()
        labels = store.labels()
    label_ids = labels_named(labels, args.labels) if args.labels else frozenset()
    chosen = SegmentFilter(label_ids, conditions)
    found = select(segments, labels, chosen)
    if args.output is None:
        SafeCsvWriter(sys.stdout).writerows(rows(found, labels))
        return 0
    try:
        write_report(args.output, found, labels, chosen.describe(labels))
    except OSError as error:
        raise ExportNotWritten(
            f"could not write {args.output}: {error.strerror or error}"
        ) from error
    print(f"{len(found)} tags written to {args.output}", file=sys.stderr)
    return 0


def _open_store_to_search(args: argparse.Namespace) -> Store:
    """The project, for a search: read as it is, without the whole-file check that reads every
    page (seconds at 100,000 documents) and the daily backup, as a search writes nothing. A
    project whose search index is missing or stale (or whose schema is older) is opened as
    every command opens it, checked and backed up, and indexed first."""
    from desktop.core.paths import default_db_path
    from desktop.core.store import ReadOnlyProject
    from desktop.core.store import Store as OpenedStore

    path = default_db_path(args.db)
    try:
        quick = OpenedStore(path, create=False, read_only=True, check=False)
    except ReadOnlyProject:  # an older schema: it needs its migrations, which write
        quick = None
    if quick is not None:
        if quick.search_index_current():
            return quick
        quick.close()
    store = _open_store(args, create=False, to_read=True)
    if not store.read_only and not store.search_index_current():
        _build_search_index(store)
    return store


def _build_search_index(store: Store) -> None:
    bar = TerminalProgress(sys.stderr)
    print("jiyao: indexing the project for search (once)…", file=sys.stderr, flush=True)
    try:
        store.build_search_index(lambda done, total: bar.update(done, total, store.path))
    finally:
        bar.finish()


def _label_ids(store: Store, names: Sequence[str]) -> tuple[int, ...]:
    """The ids of the labels so named (at any level); an unknown name is refused."""
    labels = store.labels()
    ids = []
    for name in names:
        found = [label.id for label in labels if label.name == name]
        if not found:
            raise ValueError(f"no label named {name!r} in {store.path}")
        ids.extend(found)
    return tuple(ids)


class ExportNotWritten(Exception):
    """An export the operating system would not let be written; names the place the user
    chose, not the hidden scratch file or folder the export writes first."""


def _print_warnings(warnings: Sequence[str]) -> None:
    for warning in warnings:
        print(f"jiyao: warning: {warning}", file=sys.stderr)


class TerminalProgress:
    """A one-line progress bar on a terminal, for more than a handful of files; silent when
    the stream is not a terminal. It is drawn again at each whole per cent (and at the end),
    not for every file: writing to a terminal thousands of times slows a large import."""

    WIDTH = 30

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.drawn = False
        self.percent = -1  # the last drawn

    def update(self, done: int, total: int, current: Path) -> None:
        if not self.enabled or total <= PROGRESS_BAR_MIN_FILES:
            return
        percent = 100 * done // total
        if percent == self.percent:
            return
        self.percent = percent
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


# --- coding as a team (issue 16) ----------------------------------------------------------


def _add_team_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    debug: argparse.ArgumentParser,
) -> None:
    agreement = commands.add_parser(
        "agreement",
        parents=[debug],
        help="inter-coder agreement: Krippendorff's alpha, Cohen's kappa, span F1",
        description="Compare the tags of two or more annotators on the same documents: "
        "character units (alpha over all, kappa and alpha per pair, Fleiss' kappa for more "
        "than two), span F1 (exact and overlap) and attribute agreement, overall, per pair "
        "and per label. The README defines each figure.",
    )
    _add_db_option(agreement)
    agreement.add_argument(
        "--annotators",
        nargs="+",
        action="extend",
        metavar="NAME",
        help="compare these (default: all with tags)",
    )
    agreement.add_argument(
        "--labels",
        nargs="+",
        action="extend",
        metavar="LABEL",
        help="only these labels or their sub-labels",
    )
    agreement.add_argument(
        "--docs",
        nargs="+",
        action="extend",
        metavar="ID",
        help="only these document ids (1 2 5-9; default: those a compared annotator tagged)",
    )
    agreement.add_argument("--json", action="store_true", help="print one JSON object")

    assign = commands.add_parser(
        "assign",
        parents=[debug],
        help="write one project per coder: the scheme, their documents, their name",
        description="Split the project's documents between coders: the --overlap share (chosen "
        "at random with --seed) goes to every coder, for reliability; the rest is divided. "
        "Each coder's project (DIR/NAME.jiyao) holds the scheme and their documents, and "
        "records their name as the annotator of the tags made in it.",
    )
    _add_db_option(assign)
    assign.add_argument(
        "--coders",
        nargs="+",
        action="extend",
        required=True,
        metavar="NAME",
        help="a project file NAME.jiyao for each",
    )
    assign.add_argument(
        "--overlap",
        type=float,
        default=0.2,
        metavar="SHARE",
        help="share of the documents every coder gets (default 0.2)",
    )
    assign.add_argument(
        "--seed", type=int, default=0, help="the random choice of documents (default 0)"
    )
    assign.add_argument(
        "-o", "--output", type=Path, required=True, metavar="DIR", help="folder to write to"
    )

    merge = commands.add_parser(
        "merge",
        parents=[debug],
        help="bring coder projects into one team project",
        description="Documents are matched by their clean text, labels by their path; each tag "
        "keeps its annotator (one without takes the coder's name: the project was prepared for "
        "them, else the file's name). Merging a project twice changes nothing. All files are "
        "merged in one transaction, or none when one is refused.",
    )
    _add_db_option(merge)
    merge.add_argument(
        "paths", nargs="+", type=Path, metavar="FILE.jiyao", help="the coders' project files"
    )

    adjudicate = commands.add_parser(
        "adjudicate",
        parents=[debug],
        help="resolve coders' tags into one adjudicated layer (annotator gold)",
        description="Where every compared coder has the same tags, they go into the "
        "adjudicated layer. With --prefer NAME, every open disagreement is decided for that "
        "coder (their tags there, or none); otherwise the open disagreements are listed, to "
        "decide in the window (File > Review disagreements…). Export the layer with "
        "jiyao export --annotator gold.",
    )
    _add_db_option(adjudicate)
    adjudicate.add_argument(
        "--annotators",
        nargs="+",
        action="extend",
        required=True,
        metavar="NAME",
        help="the coders to compare",
    )
    adjudicate.add_argument(
        "--gold", default="gold", metavar="NAME", help="the adjudicated layer (default gold)"
    )
    adjudicate.add_argument("--prefer", metavar="NAME", help="decide disagreements for this coder")


def run_agreement(args: argparse.Namespace) -> int:
    from desktop.core.team import project_agreement

    ranges: list[tuple[int, int]] = []
    if args.docs:  # the export's selection module brings the converter along: only if needed
        from desktop.core.exports.selection import parse_document_ranges

        try:
            ranges = parse_document_ranges(args.docs)
        except ValueError as error:
            raise ValueError(f"--docs: {error}") from error
    with _open_store(args, create=False, to_read=True) as store:
        document_ids: tuple[int, ...] = ()
        if ranges:
            from desktop.core.exports.selection import document_ids_in

            document_ids = document_ids_in(store, ranges)
        report = project_agreement(
            store,
            annotators=args.annotators or (),
            labels=args.labels or (),
            document_ids=document_ids,
        )
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        from desktop.core.agreement import report_lines

        for line in report_lines(report):
            print(line)
    return 0


def run_assign(args: argparse.Namespace) -> int:
    from desktop.core.messages import counted
    from desktop.core.team import assign, assignment_warnings

    with _open_store(args, create=False, to_read=True) as store:
        written = assign(store, args.coders, args.output, overlap=args.overlap, seed=args.seed)
    for coder in written:
        # One coder shares nothing with anyone: the overlap is only worth saying for a team.
        shared = f" ({coder.shared} shared)" if len(written) > 1 else ""
        print(f"{coder.coder}: {counted(len(coder.documents), 'document')}{shared} -> {coder.path}")
    for warning in assignment_warnings(written):
        print(f"jiyao: warning: {warning}", file=sys.stderr)
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from desktop.core.paths import default_db_path
    from desktop.core.store import Store
    from desktop.core.team import merge

    path = default_db_path(args.db)
    # A new team project gets its labels from the coders' projects, not the default scheme.
    with Store(path) if not path.exists() else _open_store(args, create=False) as team:
        team.on_wait = _say_once(WAITING_MESSAGE)
        bar = TerminalProgress(sys.stderr)
        try:
            outcomes = merge(
                team, args.paths, lambda done, total, name: bar.update(done, total, Path(name))
            )
        finally:
            bar.finish()
    for outcome in outcomes:
        print(
            f"{Path(outcome.source).name} ({outcome.name}): {outcome.tags_added} tags added, "
            f"{outcome.tags_present} already here; {outcome.documents_added} documents added, "
            f"{outcome.documents_matched} matched; {outcome.labels_added} labels added, "
            f"{outcome.corrections_added} entity corrections added; "
            f"{outcome.memos_added} memos added"
        )
        for line in (*outcome.conflicts, *outcome.notices):
            print(f"jiyao: warning: {Path(outcome.source).name}: {line}", file=sys.stderr)
    return 0


def run_adjudicate(args: argparse.Namespace) -> int:
    from desktop.core.team import adjudicate

    with _open_store(args, create=False) as store:
        done = adjudicate(store, args.annotators, gold=args.gold, prefer=args.prefer)
        titles = {
            place.document: store.document_title_and_status(place.document)[0]
            for place in done.open
        }
    said = f"{args.gold}: {done.agreed} agreed tags added"
    if args.prefer:
        said += f", {done.preferred} of {args.prefer}'s added, {done.untagged} places untagged"
    print(
        f"{said}; {len(done.open)} disagreements open; "
        f"{done.adjudicated} of {done.documents} documents adjudicated"
    )
    for place in done.open:
        print(
            f"document {place.document} ({titles[place.document]}) "
            f"{place.start}–{place.end}: {place.summary(args.annotators)}"
        )
    return 0
