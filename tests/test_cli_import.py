"""``jiyao import`` of plain text, run as a user runs it (a subprocess): what it refuses and
how it says so (issue 21)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.exports.formats import export_project
from desktop.core.model import NewDocument
from desktop.core.store import Store
from tests.test_cli import jiyao

TEXT = "会议要求，要做好复工复产工作。\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    return folder


def _stored_titles(db: Path) -> list[str]:
    with Store(db) as store:
        return [summary.title for summary in store.list_documents()]


def test_a_short_utf8_name_is_analysed_as_simplified_utf8(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes("李淼同志".encode())
    result = jiyao("analyze", "--json", path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["text"], record["encoding"], record["script"]) == (
        "李淼同志",
        "utf-8",
        "simplified",
    )


def test_a_file_name_that_is_not_utf8_is_named_and_the_others_imported(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    Path(os.fsdecode(bytes(folder) + b"/\xff\xfe.txt")).write_text("另一篇。", encoding="utf-8")
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, folder)
    assert result.returncode == 1
    assert "1 imported, 0 duplicates skipped, 1 refused" in result.stdout
    refusals = [line for line in result.stderr.splitlines() if line.startswith("refused")]
    assert len(refusals) == 1 and "\\xff\\xfe.txt" in refusals[0]


def test_max_document_mb_refuses_a_larger_file_in_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "big.txt").write_text("会议" * 5000, encoding="utf-8")
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, "--max-document-mb", "0.01", folder)
    assert result.returncode == 1
    (refusal,) = [line for line in result.stderr.splitlines() if "big.txt" in line]
    assert "above the limit of 0.01 MB" in refusal
    assert _stored_titles(db) == ["会议要求，要做好复工复产工作。"]


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_a_max_document_mb_that_is_no_size_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = jiyao("import", "--db", tmp_path / "p.jiyao", "--max-document-mb", value, tmp_path)
    assert result.returncode == 2
    assert "--max-document-mb must be a positive number of megabytes" in result.stderr


def test_a_size_limit_variable_that_is_no_number_is_one_line_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIYAO_MAX_DOCUMENT_MB", "lots")
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, _folder(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "jiyao: JIYAO_MAX_DOCUMENT_MB must be a positive number of megabytes, not 'lots'"
    ]
    assert not db.exists()


def test_a_fifo_named_like_an_annotated_set_is_refused_with_a_reason(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    result = jiyao("import", "--db", tmp_path / "p.jiyao", tmp_path / "pipe.jsonl")
    assert result.returncode == 1
    assert "pipe.jsonl: not a regular file" in result.stderr


# Jiyao's own export folders -----------------------------------------------------------


def _exported(tmp_path: Path, format_name: str) -> Path:
    with Store(tmp_path / "source.jiyao") as store:
        store.add_document(
            NewDocument(
                title="会议",
                raw_text=TEXT,
                clean_text=TEXT,
                encoding="utf-8",
                script="simplified",
            )
        )
        export_project(store, format_name, tmp_path / format_name)
    return tmp_path / format_name


@pytest.mark.parametrize(("format_name", "kind"), [("csv", "CSV"), ("conll", "CoNLL")])
def test_a_csv_or_conll_export_folder_is_refused_with_a_reason(
    tmp_path: Path, format_name: str, kind: str
) -> None:
    folder = _exported(tmp_path, format_name)
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, folder)
    assert result.returncode == 1
    assert f"a Jiyao {kind} export: it cannot be read back" in result.stderr
    assert "0 imported" in result.stdout
    assert _stored_titles(db) == []


def test_a_brat_export_folder_still_goes_to_the_brat_reader(tmp_path: Path) -> None:
    folder = _exported(tmp_path, "brat")
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, folder)
    assert result.returncode == 0, result.stderr
    assert "(brat): 1 new documents" in result.stdout
    assert _stored_titles(db) == ["会议"]


# Start-up ------------------------------------------------------------------------------

# What a plain-text import never uses: the annotated-set readers and what they bring in (the
# entity pipeline), the window, the word segmenter, sqlite-utils' plugin look-up (a scan of
# every installed package's metadata), the worker processes of a large import.
NOT_FOR_PLAIN_IMPORT = (
    "importlib.metadata",
    "multiprocessing",
    "concurrent.futures.process",
    "desktop.core.exports.formats",
    "desktop.core.exports.importing",
    "desktop.core.analysis",
    "desktop.core.entities",
    "desktop.ui",
    "PySide6",
    "jieba",
)


def test_a_plain_import_does_not_load_what_it_does_not_use(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "notes.md").write_text(TEXT + "另一篇。", encoding="utf-8")
    named = tmp_path / "named.txt"
    named.write_text("第三篇。", encoding="utf-8")
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        f"print(code, [m for m in {NOT_FOR_PLAIN_IMPORT!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "import",
            "--db",
            str(tmp_path / "p.jiyao"),
            str(folder),
            str(named),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "3 imported" in result.stdout
    assert result.stdout.splitlines()[-1] == "0 []"


def test_what_the_shortcut_calls_plain_text_the_readers_call_plain_too(tmp_path: Path) -> None:
    from desktop.cli import _may_be_annotated_set
    from desktop.core.corpus import SUPPORTED_SUFFIXES
    from desktop.core.exports.formats import annotated_set_format

    records = tmp_path / "set.jsonl"
    records.write_text('{"text": "会议"}\n', encoding="utf-8")
    paths = [_folder(tmp_path), _exported(tmp_path, "brat"), records]
    for suffix in SUPPORTED_SUFFIXES:
        paths.append(tmp_path / f"x{suffix}")
        paths[-1].write_text(TEXT, encoding="utf-8")
    for path in paths:
        if not _may_be_annotated_set(path):
            assert annotated_set_format(path) is None, path
    assert [_may_be_annotated_set(path) for path in paths[1:3]] == [True, True]


def test_an_empty_or_broken_set_is_refused_as_name_colon_reason_with_a_summary(
    tmp_path: Path,
) -> None:
    """An empty .jsonl was "imported" with 0 documents (an empty .txt is refused); an empty
    .qdpx printed "refused e.qdpx is not a .qdpx (zip) file" and no summary line."""
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "e.qdpx").write_bytes(b"")
    result = jiyao(
        "import", "--db", tmp_path / "p.jiyao", tmp_path / "empty.jsonl", tmp_path / "e.qdpx"
    )
    assert result.returncode == 1
    refused = result.stderr.splitlines()
    assert "refused empty.jsonl: the file holds nothing to import" in refused
    assert any(line.startswith("refused e.qdpx: not a .qdpx (zip) file") for line in refused)
    assert "empty.jsonl: nothing imported -> " in result.stdout
    assert "e.qdpx: nothing imported -> " in result.stdout


def test_a_large_import_says_the_index_is_built_at_the_first_search(tmp_path: Path) -> None:
    """Issue 13: an import that makes the project leaves the search index to the first
    search, says so, and that search builds it and finds every document."""
    from desktop.core.corpus import DEFER_INDEX_MIN_FILES

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(DEFER_INDEX_MIN_FILES):
        (folder / f"{number:04}.txt").write_text(f"復工復產第{number}號。", encoding="utf-8")
    db = tmp_path / "p.jiyao"
    imported = jiyao("import", "--db", db, folder)
    assert imported.returncode == 0, imported.stderr
    assert "the search index is built on the first search" in imported.stderr
    searched = jiyao("search", "--db", db, "--count", "复工")
    assert searched.returncode == 0, searched.stderr
    assert "indexing the project for search (once)" in searched.stderr
    assert len(searched.stdout.splitlines()) >= DEFER_INDEX_MIN_FILES
    with Store(db) as store:
        assert store.search_index_current()
