"""A scraper's JSON output (.jsonl, .json): one document per object, fields read as a table's
columns, each bad line or record refused with its number; annotated sets (Jiyao's JSONL
exports, doccano, Label Studio) still go to the exchange importer (fixtures:
tests/data/readers/, made by make_fixtures.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.cli import _may_be_annotated_set
from desktop.core.corpus import import_paths
from desktop.core.exports.formats import annotated_set_format, export_project
from desktop.core.readers import ReaderOptions, RowRefusal, SourceText, reader_for
from desktop.core.readers.json_rows import holds_rows, read_json_rows
from desktop.core.store import Store
from desktop.core.textio import UnreadableFile
from tests.core.exports.conftest import fill_sample_project
from tests.test_cli import jiyao

DATA = Path(__file__).resolve().parents[2] / "data" / "readers"


def _read(name: str, options: ReaderOptions | None = None) -> list[SourceText | RowRefusal]:
    path = DATA / name
    reader = reader_for(path)
    assert reader is not None
    return reader(path.read_bytes(), options or ReaderOptions())


def _documents(results: list[SourceText | RowRefusal]) -> list[SourceText]:
    return [result for result in results if isinstance(result, SourceText)]


def _refusals(results: list[SourceText | RowRefusal]) -> list[str]:
    return [str(result) for result in results if isinstance(result, RowRefusal)]


def test_a_scrapy_feed_gives_one_document_a_line_with_its_fields_as_variables() -> None:
    first, second, last = _documents(_read("scraped.jsonl"))
    assert first.text == (
        "3月30日，省长马某某主持召开省政府常务会议，研究部署稳就业工作。\n"
        "会议指出，要把稳就业摆在更加突出的位置，落实援企稳岗政策。\n"
    )
    assert first.variables == {
        "url": "http://www.gd.gov.cn/gdywdt/gdyw/content/post_2945101.html",
        "title": "省政府常务会议研究部署稳就业工作",
        "date": "2020-03-30",
        "date_text": "2020-03-30 18:42:07",
        "source": "南方日报",
        "author": "记者 陈某某",
        "channel": "广东要闻",
        "tags": '["稳就业", "常务会议"]',
        "crawled_at": "2020-03-31T02:11:54+00:00",
    }
    # A text field holding a list is the article's paragraphs, one a line; an empty list of
    # tags is no variable.
    assert second.text == (
        "3月31日，全省春季农业生产工作电视电话会议在广州召开。\n"
        "会议强调，要抓紧抓实春耕备耕，确保粮食生产稳定。\n"
    )
    assert "tags" not in second.variables
    assert (second.variables["date"], second.variables["date_text"]) == (
        "2020-03-31",
        "2020年3月31日",
    )
    assert last.variables["extra"] == '{"attachments": 2, "views": 1532}'


def test_each_bad_line_of_a_feed_is_refused_with_its_number_and_the_others_go_in() -> None:
    assert _refusals(_read("scraped.jsonl")) == [
        "line 3: no text in column 'content'",
        "line 4: not JSON (Unterminated string starting at)",
        'line 5: not a JSON object but ["http://www.gd.gov.cn/gdywdt/gdyw/cont…',
    ]


def test_a_json_list_with_chinese_field_names_and_escapes_gives_a_document_a_record() -> None:
    results = _read("scraped_list.json")
    first, third = _documents(results)
    assert first.text.startswith("5月29日，市委常委会召开会议")
    assert first.variables == {
        "title": "市委常委会召开会议传达学习全国两会精神",
        "date": "2020-05-30",
        "source": "杭州日报",
        "author": "记者 王某",
        "url": "http://www.hangzhou.gov.cn/art/2020/5/30/art_812262_1.html",
        "阅读数": "2087",
    }
    assert "author" not in third.variables  # "" and null are no value
    assert _refusals(results) == ["record 2: no text in column '正文'"]


def test_a_gbk_feed_is_decoded_as_a_gbk_table_is() -> None:
    line = {"标题": "会议纪要", "内容": "会议研究了复工复产工作。", "日期": "2020年3月21日"}
    data = json.dumps(line, ensure_ascii=False).encode("gb18030")
    (source,) = read_json_rows(data + b"\n", ReaderOptions(), by_lines=True)
    assert isinstance(source, SourceText)
    assert (source.text, source.encoding, source.variables["title"]) == (
        "会议研究了复工复产工作。\n",
        "gb18030",
        "会议纪要",
    )


def test_one_object_in_a_json_file_is_one_document() -> None:
    data = json.dumps({"title": "会议", "body": "第一段。\n第二段。"}, indent=2).encode()
    (source,) = read_json_rows(data, ReaderOptions(), by_lines=False)
    assert isinstance(source, SourceText)
    assert (source.text, source.variables) == ("第一段。\n第二段。\n", {"title": "会议"})


def test_a_json_file_written_one_object_a_line_is_read_as_lines() -> None:
    data = '{"text": "第一篇。"}\n{"text": "第二篇。"}\n'.encode()
    results = read_json_rows(data, ReaderOptions(), by_lines=False)
    assert [source.text for source in _documents(results)] == ["第一篇。\n", "第二篇。\n"]


def test_the_named_columns_choose_the_fields() -> None:
    data = '{"摘要": "摘要文字", "正文": "正文文字", "pub": "2020年1月2日"}\n'.encode()
    (source,) = read_json_rows(data, ReaderOptions(text_column="摘要", date_column="pub"), True)
    assert isinstance(source, SourceText)
    assert source.text == "摘要文字\n"
    assert source.variables == {
        "正文": "正文文字",
        "date": "2020-01-02",
        "date_text": "2020年1月2日",
    }


def test_a_feed_without_a_text_field_is_refused_naming_its_fields() -> None:
    data = '{"标题": "会议", "链接": "http://x"}\n{"标题": "另一个", "阅读": 3}\n'.encode()
    with pytest.raises(
        UnreadableFile, match="the columns are: 标题, 链接, 阅读; name one with --text-column"
    ):
        read_json_rows(data, ReaderOptions(), by_lines=True)


def test_a_text_field_holding_an_object_is_refused_for_that_row() -> None:
    data = '{"text": {"html": "<p>x</p>"}}\n{"text": "会议。"}\n'.encode()
    refused, source = read_json_rows(data, ReaderOptions(), by_lines=True)
    assert str(refused) == """line 1: field 'text' holds {"html": "<p>x</p>"}, not text"""
    assert isinstance(source, SourceText)


@pytest.mark.parametrize(
    ("content", "by_lines", "reason"),
    [
        ("", True, "the file is empty"),
        ("[]", False, "the file holds no JSON objects"),
        ("[1, 2]", False, "the file holds no JSON objects (the first is 1)"),
        ("[{]", False, "not JSON"),
        ("<html>\n", True, "no line is a JSON object (line 1: not JSON"),
    ],
)
def test_a_file_that_holds_no_rows_is_refused_in_one_line(
    content: str, by_lines: bool, reason: str
) -> None:
    with pytest.raises(UnreadableFile) as refused:
        read_json_rows(content.encode(), ReaderOptions(), by_lines=by_lines)
    assert str(refused.value).startswith(reason)
    assert "\n" not in str(refused.value)


# Rows or an annotated set --------------------------------------------------------------------


@pytest.fixture
def jiyao_export(tmp_path: Path) -> Path:
    with Store(tmp_path / "source.jiyao") as store:
        fill_sample_project(store)
        export_project(store, "jsonl", tmp_path / "export.jsonl")
    return tmp_path / "export.jsonl"


def _write(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def test_annotated_sets_still_go_to_their_reader_and_scraped_rows_to_the_corpus(
    tmp_path: Path, jiyao_export: Path
) -> None:
    doccano = _write(tmp_path / "doccano.jsonl", [{"text": "会议", "label": [[0, 2, "X"]]}])
    unlabelled = _write(tmp_path / "unlabelled.jsonl", [{"text": "会议", "label": []}])
    studio = tmp_path / "tasks.json"
    studio.write_text(json.dumps([{"data": {"text": "会议"}, "annotations": []}]))
    saved_as_json = tmp_path / "export.json"
    shutil.copy(jiyao_export, saved_as_json)
    kinds = {
        path.name: getattr(annotated_set_format(path), "name", None)
        for path in (jiyao_export, doccano, unlabelled, studio, saved_as_json)
    }
    assert kinds == {
        "export.jsonl": "jsonl",
        "doccano.jsonl": "jsonl",
        "unlabelled.jsonl": "jsonl",
        "tasks.json": "labelstudio",
        "export.json": "jsonl",
    }
    for name in ("scraped.jsonl", "scraped_list.json"):
        assert holds_rows(DATA / name)
        assert _may_be_annotated_set(DATA / name)  # the command line asks, and is told: rows
        assert annotated_set_format(DATA / name) is None
    text_alone = _write(tmp_path / "texts.jsonl", [{"text": "会议"}])
    assert annotated_set_format(text_alone) is None  # doccano's import shape: plain documents


def test_an_annotated_set_found_in_a_folder_is_refused_with_its_reason(
    tmp_path: Path, jiyao_export: Path
) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    shutil.copy(jiyao_export, folder / "export.jsonl")
    shutil.copy(DATA / "scraped_list.json", folder)
    with Store(tmp_path / "p.jiyao") as store:
        report = import_paths(store, [folder])
    assert [path.name for path, _ in report.imported] == ["scraped_list.json"] * 2
    refused = [(r.path.name, r.reason) for r in report.refused]
    assert refused[0] == (
        "export.jsonl",
        "an annotated set (Jiyao's JSONL, doccano or Label Studio), not scraped rows: "
        "import the file by itself",
    )


def test_jiyao_import_takes_a_feed_and_a_jiyao_export_side_by_side(
    tmp_path: Path, jiyao_export: Path
) -> None:
    db = tmp_path / "p.jiyao"
    result = jiyao("import", "--db", db, DATA / "scraped.jsonl", jiyao_export)
    assert result.returncode == 1  # the feed's bad lines are refused
    assert "refused " + str(DATA / "scraped.jsonl") + ": line 3: no text in column 'content'" in (
        result.stderr.splitlines()
    )
    with Store(db) as store:
        documents = [store.document(summary.id) for summary in store.list_documents()]
        tagged = sum(len(store.annotations(d.id)) for d in documents)
    by_title = {document.title: document for document in documents}
    feed = by_title["省政府常务会议研究部署稳就业工作"]
    assert (feed.date, feed.source, feed.metadata["url"], feed.metadata["channel"]) == (
        "2020-03-30",
        "南方日报",
        "http://www.gd.gov.cn/gdywdt/gdyw/content/post_2945101.html",
        "广东要闻",
    )
    assert len(documents) == 3 + 3  # the feed's three, the export's three
    assert tagged > 0  # the export's tags came with it


def test_jiyao_analyze_reads_a_feed_larger_than_one_document_as_import_does(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    article = "会议研究部署复工复产工作，要求各地压实责任。" * 10
    feed = tmp_path / "feed.jsonl"
    records = ({"title": f"第{n}篇", "content": f"{article}{n}"} for n in range(5))
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    assert 1_000 < feed.stat().st_size < 20_000
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "analyze", "--json", str(feed)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "JIYAO_MAX_DOCUMENT_MB": "0.001"},
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["text"].strip()[-1] for line in result.stdout.splitlines()] == list(
        "01234"
    )


def test_a_label_scheme_beside_an_export_is_refused_as_a_scheme(jiyao_export: Path) -> None:
    scheme = jiyao_export.with_name("export.scheme.json")
    assert scheme.exists()
    with pytest.raises(UnreadableFile, match=r"^a label scheme .*Edit > Labels… > Import scheme…"):
        read_json_rows(scheme.read_bytes(), ReaderOptions(), by_lines=False)


def test_a_line_whose_field_holds_a_lone_surrogate_is_refused_and_the_others_go_in(
    tmp_path: Path,
) -> None:
    """JSON may escape half of a surrogate pair ("\\ud800"), which is no text to store."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"title": "好", "content": "会议要求，做好防疫。"}\n'
        '{"title": "坏\\ud800", "content": "会议强调，抓好落实。"}\n'
        '{"title": "也好", "content": "会议指出，\\udfff稳就业。"}\n'
        '{"title": "又好", "content": "会议部署春耕。"}\n',
        encoding="utf-8",
    )
    with Store(tmp_path / "p.jiyao") as store:
        report = import_paths(store, [feed])
        assert sorted(summary.title for summary in store.list_documents()) == ["又好", "好"]
    assert [str(refusal) for refusal in _refusals(_read_path(feed))] == [
        "line 2: column 'title' holds a lone surrogate (U+D800), which is not text",
        "line 3: column 'content' holds a lone surrogate (U+DFFF), which is not text",
    ]
    assert len(report.imported) == 2 and len(report.refused) == 2


def _read_path(path: Path) -> list[SourceText | RowRefusal]:
    reader = reader_for(path)
    assert reader is not None
    return reader(path.read_bytes(), ReaderOptions())


def test_nan_and_infinity_in_a_json_file_are_stored_as_text_sqlite_reads(
    tmp_path: Path,
) -> None:
    """Python's JSON reads NaN and Infinity; the store keeps them as text, as SQLite's JSON
    functions read no such number (issue 17)."""
    lines = tmp_path / "scraped.jsonl"
    lines.write_text(
        '{"text": "会议要求各部门做好复工复产工作。", "score": NaN, "high": -Infinity}\n',
        encoding="utf-8",
    )
    with Store(tmp_path / "p.jiyao") as store:
        assert len(import_paths(store, [lines]).imported) == 1
        ((variables, valid),) = store.db.execute(
            "SELECT metadata, json_valid(metadata) FROM documents"
        ).fetchall()
    assert (json.loads(variables), valid) == ({"score": "NaN", "high": "-Infinity"}, 1)
