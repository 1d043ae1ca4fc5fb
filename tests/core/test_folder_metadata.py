"""A folder's metadata.json describes the documents beside it: it is no document itself."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.corpus import import_paths, import_seeds
from desktop.core.resources import seeds_dir
from desktop.core.store import Store

TEXT = "会议要求，要做好复工复产工作。\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "project.jiyao") as opened:
        yield opened


def _folder(tmp_path: Path, metadata: object) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text("另一篇纪要。\n", encoding="utf-8")
    (folder / "metadata.json").write_text(json.dumps(metadata, ensure_ascii=False), "utf-8")
    return folder


def test_a_metadata_file_gives_the_files_it_names_their_fields(
    store: Store, tmp_path: Path
) -> None:
    fields = {
        "title": "宿迁会商会",
        "source": "宿迁台",
        "date": "2020-02-12",
        "note": "抓取",
        "n": 3,
    }
    folder = _folder(tmp_path, {"a.txt": fields, "gone.txt": {"title": "不在"}})
    report = import_paths(store, [folder])
    assert not report.refused and len(report.imported) == 2
    by_name = {path.name: store.document(document_id) for path, document_id in report.imported}
    a = by_name["a.txt"]
    assert (a.title, a.source, a.date) == ("宿迁会商会", "宿迁台", "2020-02-12")
    assert a.metadata == {"note": "抓取", "n": 3}
    assert by_name["b.txt"].title == "另一篇纪要。"  # not named: its own first line


def test_nan_and_infinity_are_kept_as_text_json_can_hold(store: Store, tmp_path: Path) -> None:
    """Python reads NaN and Infinity in a description; stored as numbers they are JSON no
    SQLite function reads, and the counts window could count no tag (issue 17)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "metadata.json").write_text(
        '{"a.txt": {"score": NaN, "high": Infinity, "low": -Infinity, "n": 1.5}}', "utf-8"
    )
    report = import_paths(store, [folder])
    ((_path, document_id),) = report.imported
    assert store.document(document_id).metadata == {
        "score": "NaN",
        "high": "Infinity",
        "low": "-Infinity",
        "n": 1.5,
    }
    assert store.db.execute("SELECT json_valid(metadata) FROM documents").fetchall() == [(1,)]


def test_the_callers_metadata_wins_over_the_folders(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.txt": {"title": "文件夹的", "source": "甲"}})
    report = import_paths(
        store,
        [folder],
        metadata_for=lambda path: {"title": "调用者的"} if path.name == "a.txt" else None,
    )
    a = next(store.document(i) for path, i in report.imported if path.name == "a.txt")
    assert (a.title, a.source) == ("调用者的", "甲")


def test_a_description_naming_no_file_there_is_refused_saying_so(
    store: Store, tmp_path: Path
) -> None:
    folder = _folder(tmp_path, {"elsewhere.txt": {"title": "别处"}})
    report = import_paths(store, [folder])
    assert len(report.imported) == 2
    [refusal] = report.refused
    assert refusal.path.name == "metadata.json"
    assert refusal.reason == "describes files that are not in its folder: elsewhere.txt"


@pytest.mark.parametrize("name", ["/etc/a.txt", "../corpus/a.txt", "sub/a.txt", ".."])
def test_a_description_speaks_of_its_own_folder_only(
    store: Store, tmp_path: Path, name: str
) -> None:
    """Found in review: a key naming a path gave its fields to another folder's file."""
    folder = _folder(tmp_path, {name: {"title": "劫持"}})
    report = import_paths(store, [folder])
    assert "劫持" not in {store.document(i).title for _, i in report.imported}
    assert [refusal.path.name for refusal in report.refused] == ["metadata.json"]


def test_dates_are_stored_as_iso_with_the_written_form_kept(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"a.txt": {"date": "2020年2月12日"}, "b.txt": {"date": "不详"}})
    report = import_paths(store, [folder])
    by_name = {path.name: store.document(i) for path, i in report.imported}
    assert by_name["a.txt"].date == "2020-02-12"
    assert by_name["a.txt"].metadata["date_text"] == "2020年2月12日"
    assert by_name["b.txt"].date == "" and by_name["b.txt"].metadata["date_text"] == "不详"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_metadata_json_is_never_opened(store: Store, tmp_path: Path) -> None:
    """Found in review: reading it waited for a writer for ever."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "metadata.json")
    report = import_paths(store, [folder])
    assert len(report.imported) == 1
    assert [refusal.path.name for refusal in report.refused] == ["metadata.json"]


def test_a_list_of_rows_named_metadata_json_is_still_rows(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path, [{"title": "一行", "content": "一行的正文，要落实。"}])
    report = import_paths(store, [folder])
    assert not report.refused and len(report.imported) == 3


def test_the_seeds_import_from_the_command_as_on_a_first_run(store: Store, tmp_path: Path) -> None:
    first_run = import_seeds(store)
    with Store(tmp_path / "cli.jiyao") as other:
        folder = import_paths(other, [seeds_dir()])
        assert not folder.refused and len(folder.imported) == len(first_run.imported) == 2
        assert [d.title for d in other.list_documents()] == [
            d.title for d in store.list_documents()
        ]
    assert store.list_documents()[0].title == "宿遷市召開服務企業復工復產工作專題會商會"
