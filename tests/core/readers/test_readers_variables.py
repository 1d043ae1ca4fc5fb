"""Document variables from every source format are stored and carried by every export: the
readable formats bring them back unchanged, documents.csv gives each its own column."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from desktop.core.corpus import import_paths
from desktop.core.exports.formats import FORMATS, export_project, read_annotated_set
from desktop.core.exports.importing import store_annotated_set
from desktop.core.store import Store

DATA = Path(__file__).resolve().parents[2] / "data" / "readers"
SOURCES = ["gov_readout.gbk.html", "notice.pdf", "scraped.csv", "minutes.docx"]
SOURCES += ["scraped.jsonl", "scraped_list.json"]


@pytest.fixture
def imported(tmp_path: Path) -> Store:
    with Store(tmp_path / "sources.jiyao") as store:
        import_paths(store, [DATA / name for name in SOURCES])
        yield store


def _variables(store: Store) -> dict[str, tuple[Any, ...]]:
    documents = (store.document(i) for i in store.document_ids())
    return {d.text_sha256: (d.title, d.date, d.source, d.metadata) for d in documents}


@pytest.mark.parametrize("name", ["jsonl", "qdpx", "labelstudio", "brat"])
def test_variables_round_trip_through_a_readable_format(
    name: str, imported: Store, tmp_path: Path
) -> None:
    export_format = FORMATS[name]
    target = tmp_path / (name + export_format.suffix if export_format.target == "file" else name)
    export_project(imported, name, target)
    with Store(tmp_path / "back.jiyao") as back:
        store_annotated_set(back, read_annotated_set(target))
        assert _variables(back) == _variables(imported)
    assert len(_variables(imported)) == 10
    kept = [metadata for *_, metadata in _variables(imported).values()]
    assert any(metadata.get("author") == "张晓明" for metadata in kept)
    # A scraper's own fields: a Chinese name, a number, a JSON object.
    assert any(metadata.get("阅读数") == "2087" for metadata in kept)
    assert any(metadata.get("extra") == '{"attachments": 2, "views": 1532}' for metadata in kept)


def test_documents_csv_has_a_column_for_each_variable(imported: Store, tmp_path: Path) -> None:
    export_project(imported, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_title = {row["title"]: row for row in rows}
    (readout,) = (row for row in rows if row["source_path"].endswith(".html"))
    assert readout["author"] == "张晓明"
    assert readout["url"].endswith("t20200321_1.shtml")
    assert readout["date_text"] == "2020-03-21 17:45"
    assert by_title["全市重点项目集中开工仪式举行"]["栏目"] == "市政府要闻"
    assert by_title["宿迁市人民政府关于进一步做好复工复产工作的通知"]["pages"] == "2"
    assert by_title["全市重点项目集中开工仪式举行"]["pages"] == ""


def test_a_variable_named_like_a_fixed_column_gets_var_in_front(tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    table.write_text("标题,正文,length\n会议,会议研究了工作。,长\n", encoding="utf-8")
    with Store(tmp_path / "p.jiyao") as store:
        import_paths(store, [table])
        export_project(store, "csv", tmp_path / "csv")
    header = (tmp_path / "csv" / "documents.csv").read_text("utf-8-sig").splitlines()[0]
    assert header.endswith(",source_path,var_length")


def test_a_documents_variables_are_replaced_whole_and_the_rest_left(imported: Store) -> None:
    document_id = imported.document_ids()[0]
    before = imported.document(document_id)
    imported.update_document(document_id, metadata={"author": "李华", "栏目": "要闻"})
    after = imported.document(document_id)
    assert after.metadata == {"author": "李华", "栏目": "要闻"}
    assert (after.title, after.date, after.source) == (before.title, before.date, before.source)
    imported.update_document(document_id, title="新标题")
    assert imported.document(document_id).metadata == {"author": "李华", "栏目": "要闻"}


def test_label_studio_tasks_carry_the_variables_as_data_fields(
    imported: Store, tmp_path: Path
) -> None:
    import json

    export_project(imported, "labelstudio", tmp_path / "tasks.json")
    tasks = json.loads((tmp_path / "tasks.json").read_text("utf-8"))
    (readout,) = (t for t in tasks if t["data"].get("site") == "宿迁市人民政府")
    assert readout["data"]["author"] == "张晓明"
    assert readout["data"]["url"].endswith("t20200321_1.shtml")
    assert readout["data"]["title"] == "市政府召开常务会议研究部署复工复产工作"


def test_a_variable_is_set_for_many_documents_at_once_and_put_back(imported: Store) -> None:
    from desktop.core.store import StoreError

    ids = imported.document_ids()[:3]
    saved = imported.document_variables(ids)
    imported.set_variable(ids, "栏目", " 市政府要闻 ")
    imported.set_variable(ids, "source", "宿迁市政府")
    imported.set_variable(ids, "author", "")  # empty: removed
    for document_id in ids:
        document = imported.document(document_id)
        assert document.metadata["栏目"] == "市政府要闻" and "author" not in document.metadata
        assert document.source == "宿迁市政府"
    with pytest.raises(StoreError, match="each document's own"):
        imported.set_variable(ids, "title", "同一个标题")
    with pytest.raises(KeyError):
        imported.set_variable([*ids, 999], "栏目", "无")
    imported.put_variables(saved)
    assert imported.document_variables(ids) == saved
