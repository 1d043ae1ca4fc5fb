"""The command line's memo and codebook commands: ``jiyao memo add|list|export``,
``jiyao codebook -o FILE`` and the import of ``.qdc`` codebooks (``jiyao import FILE.qdc``).

Kept apart from ``desktop.cli`` (which registers them and opens the project for them) so each
area of the command line stays short. Every command is one transaction; a refusal is one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.store import Store

OpenStore = Callable[..., "Store"]
"""``desktop.cli._open_store``: (args, *, create, to_read=False) -> Store."""

CODEBOOK_SUFFIX = ".qdc"


def add_commands(
    commands: argparse._SubParsersAction,
    parents: list[argparse.ArgumentParser],
    add_db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``memo`` and ``codebook`` to the command line's sub-commands."""
    memo = commands.add_parser(
        "memo",
        parents=parents,
        help="write, list and export memos (the project journal, notes on documents, labels "
        "and tags)",
        description="Memo texts are Markdown. A tag's memo is the tag's note.",
    )
    add_db_option(memo)
    actions = memo.add_subparsers(dest="memo_command", metavar="ACTION", required=True)

    def add_db_after_action(parser: argparse.ArgumentParser) -> None:
        """--db after the action too; when it is not there, the one before it (or none) holds:
        argparse would otherwise put the action's default over it."""
        add_db_option(parser)
        for action in parser._actions:
            if action.dest == "db":
                action.default = argparse.SUPPRESS

    add = actions.add_parser("add", parents=parents, help="write a memo")
    add_db_after_action(add)
    target = add.add_mutually_exclusive_group(required=True)
    target.add_argument("--project", action="store_true", help="a journal entry")
    target.add_argument("--doc", type=int, metavar="ID", help="on a document")
    target.add_argument("--label", metavar="PATH", help='on a label ("Parent/Child")')
    target.add_argument("--tag", type=int, metavar="ID", help="on a tag (added to its note)")
    add.add_argument("--title", default="", help="the memo's title")
    add.add_argument("--author", default="", help="who wrote it")
    add.add_argument("text", metavar="TEXT", help="the memo (Markdown); - reads standard input")

    listing = actions.add_parser("list", parents=parents, help="print every memo")
    add_db_after_action(listing)
    listing.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per line: id, target, target_id, title, text, author, created, "
        "modified",
    )

    export = actions.add_parser(
        "export", parents=parents, help="write every memo to a .md, .html or .docx file"
    )
    add_db_after_action(export)
    export.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE", help=".md, .html or .docx"
    )

    codebook = commands.add_parser(
        "codebook",
        parents=parents,
        help="write the codebook (.qdc, .md, .html or .docx)",
        description="Each label with its path, key, colour, definition, when to use it, "
        "when not to, an example and its count of tags. .qdc is the REFI-QDA codebook other "
        "QDA tools import; `jiyao import FILE.qdc` reads one.",
    )
    add_db_option(codebook)
    codebook.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="FILE",
        help=".qdc, .md, .html or .docx",
    )


def handlers(open_store: OpenStore) -> dict[str, Callable[[argparse.Namespace], int]]:
    """The commands by name, each opening the project through ``open_store``."""
    return {
        "memo": lambda args: run_memo(args, open_store),
        "codebook": lambda args: run_codebook(args, open_store),
    }


def run_memo(args: argparse.Namespace, open_store: OpenStore) -> int:
    if args.memo_command == "add":
        return _add_memo(args, open_store)
    if args.memo_command == "list":
        return _list_memos(args, open_store)
    return _export_memos(args, open_store)


def _add_memo(args: argparse.Namespace, open_store: OpenStore) -> int:
    from desktop.core.memos import MemoError

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise MemoError("the memo's text is empty")
    with open_store(args, create=False) as store:
        if args.project:
            memo = store.add_memo("project", None, text, title=args.title, author=args.author)
        elif args.doc is not None:
            memo = store.add_memo("document", args.doc, text, title=args.title, author=args.author)
        elif args.tag is not None:
            memo = store.add_memo("tag", args.tag, text, title=args.title, author=args.author)
        else:
            label_id = store.label_id_for_path(args.label)
            if label_id is None:
                raise MemoError(f"no label {args.label}: the memo was not written")
            memo = store.add_memo("label", label_id, text, title=args.title, author=args.author)
    # A label by the path the user gave (memo list shows paths too), not its row id.
    target = args.label if memo.target == "label" else memo.target_id
    where = "the project" if memo.target == "project" else f"{memo.target} {target}"
    name = f"memo {memo.id}" if memo.id is not None else "the tag's memo (its note)"
    print(f"wrote {name} on {where}")
    return 0


def _list_memos(args: argparse.Namespace, open_store: OpenStore) -> int:
    from desktop.core.exports.selection import label_paths
    from desktop.core.memos import memo_record

    with open_store(args, create=False, to_read=True) as store:
        memos = store.memos()
        paths = label_paths(store.labels())
    for memo in memos:
        record = memo_record(memo, paths)
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
            continue
        target = record["target"] + (
            "" if record["target_id"] is None else f" {record['target_id']}"
        )
        heading = " — ".join(part for part in (memo.title, memo.author, memo.modified) if part)
        print(f"[{target}] {heading}")
        for line in memo.text.splitlines():
            print(f"    {line}")
    if not args.json:
        print(f"{len(memos)} memo(s)", file=sys.stderr)
    return 0


def _export_memos(args: argparse.Namespace, open_store: OpenStore) -> int:
    from desktop.core.exports.memo_export import MEMO_SUFFIXES, export_memos
    from desktop.core.exports.output import check_export_target
    from desktop.core.exports.rich_text import check_suffix

    check_suffix(args.output, MEMO_SUFFIXES)  # before the project opens: a typo costs nothing
    with open_store(args, create=False, to_read=True) as store:
        check_export_target(args.output, store.path)
        count = export_memos(store, args.output)
    print(f"exported {count} memo(s) to {args.output}")
    return 0


def run_codebook(args: argparse.Namespace, open_store: OpenStore) -> int:
    from desktop.core.exports.codebook import CODEBOOK_SUFFIXES, export_codebook
    from desktop.core.exports.output import check_export_target
    from desktop.core.exports.rich_text import check_suffix

    check_suffix(args.output, CODEBOOK_SUFFIXES)
    with open_store(args, create=False, to_read=True) as store:
        check_export_target(args.output, store.path)
        count = export_codebook(store, args.output)
    print(f"wrote the codebook ({count} labels) to {args.output}")
    return 0


def codebook_files(paths: Sequence[Path]) -> list[Path]:
    """The paths ``jiyao import`` takes for codebooks."""
    return [path for path in paths if path.suffix.lower() == CODEBOOK_SUFFIX]


def import_codebook(store: Store, path: Path, *, replace_definitions: bool) -> bool:
    """Take one ``.qdc`` into the project's labels (one transaction); False when refused."""
    from desktop.core.exports.qdc import BadCodebook, read_qdc

    try:
        merge = store.merge_codebook(read_qdc(path), replace_definitions=replace_definitions)
    except BadCodebook as error:
        print(f"refused {error}", file=sys.stderr)
        return False
    replaced = f", {len(merge.replaced)} definition(s) replaced" if merge.replaced else ""
    print(
        f"{path.name}: {len(merge.added)} label(s) added, {len(merge.filled)} given a "
        f"definition{replaced} -> {store.path}"
    )
    for label in merge.replaced:
        print(f"{path.name}: replaced the definition of {label}", file=sys.stderr)
    for label in merge.kept:
        print(
            f"{path.name}: kept the project's definition of {label} (the codebook's differs; "
            "jiyao import --update takes the codebook's)",
            file=sys.stderr,
        )
    return True
