"""The readers inside `jiyao import`: every format side by side with plain text, one bad file
(or table row) refused in one line while the rest go in, variables stored with the document,
and decoding, cleaning, script detection and duplicates as for plain text."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.corpus import import_paths
from desktop.core.readers import ReaderOptions
from desktop.core.store import Store

DATA = Path(__file__).resolve().parents[2] / "data" / "readers"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "project.jiyao") as opened:
        yield opened


@pytest.fixture
def collected(tmp_path: Path) -> Path:
    """A researcher's folder: saved pages, a notice, minutes, scraper output, and plain text."""
    folder = tmp_path / "collected"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("*.py"))
    (folder / "note.txt").write_text(
        "会议纪要\n市长主持召开会议，研究部署防汛工作。\n", encoding="utf-8"
    )
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    return folder


def test_a_folder_of_every_format_imports_the_documents_and_refuses_the_rest_in_one_line(
    store: Store, collected: Path
) -> None:
    report = import_paths(store, [collected])
    imported = sorted(path.name for path, _ in report.imported)
    assert imported == [
        "gov_readout.gbk.html",
        "minutes.docx",
        "news_article.utf8.html",
        "note.txt",
        "notice.pdf",
        "press_release.big5.html",
        "scraped.csv",
        "scraped.csv",
        "scraped.jsonl",
        "scraped.jsonl",
        "scraped.jsonl",
        "scraped_list.json",
        "scraped_list.json",
    ]
    # The spreadsheet holds the CSV's rows again: duplicates of them.
    assert sorted(path.name for path in report.duplicates) == ["scraped.xlsx", "scraped.xlsx"]
    refused = sorted((r.path.name, r.reason) for r in report.refused)
    assert refused == [
        ("broken.docx", "not a readable .docx (a damaged file, or not a Word document)"),
        (
            "encrypted.pdf",
            "an encrypted PDF that needs a password: save an unprotected copy and import that",
        ),
        ("index_page.html", "no article text found on this page (an index, list or login page?)"),
        ("old.doc", "an old Word/WPS document: save it as .docx and import that"),
        ("scanned.pdf", "no text layer (scanned?): run OCR first"),
        ("scraped.csv", "row 4: no text in column '正文'"),
        ("scraped.jsonl", "line 3: no text in column 'content'"),
        ("scraped.jsonl", "line 4: not JSON (Unterminated string starting at)"),
        (
            "scraped.jsonl",
            'line 5: not a JSON object but ["http://www.gd.gov.cn/gdywdt/gdyw/cont…',
        ),
        ("scraped.xlsx", "row 4: no text in column '正文'"),
        ("scraped_list.json", "record 2: no text in column '正文'"),
    ]


def test_a_web_page_is_stored_as_its_article_with_its_variables(store: Store) -> None:
    report = import_paths(store, [DATA / "gov_readout.gbk.html"])
    ((_, document_id),) = report.imported
    document = store.document(document_id)
    assert "<" not in document.raw_text and "版权所有" not in document.raw_text
    assert document.clean_text.startswith("市政府召开常务会议研究部署复工复产工作\n3月20日，市长")
    assert (document.title, document.date, document.source) == (
        "市政府召开常务会议研究部署复工复产工作",
        "2020-03-21",
        "宿迁市政府办公室",
    )
    assert document.encoding == "gb18030"
    assert document.script == "simplified"
    assert document.metadata == {
        "date_text": "2020-03-21 17:45",
        "author": "张晓明",
        "url": "http://www.suqian.gov.cn/sqsrmzf/szfyw/202003/t20200321_1.shtml",
        "site": "宿迁市人民政府",
    }


def test_a_big5_page_is_stored_as_traditional(store: Store) -> None:
    ((_, document_id),) = import_paths(store, [DATA / "press_release.big5.html"]).imported
    assert store.document(document_id).script == "traditional"


def test_a_pdf_keeps_its_pages_as_variables(store: Store) -> None:
    ((_, document_id),) = import_paths(store, [DATA / "notice.pdf"]).imported
    document = store.document(document_id)
    assert document.metadata["pages"] == "2"
    assert document.date == "2020-03-21"  # from the notice's own dateline, not the file's dates
    assert document.metadata["created"] == "2000-01-01"


def test_the_same_page_imported_twice_is_a_duplicate(store: Store, tmp_path: Path) -> None:
    copy = tmp_path / "again.htm"
    copy.write_bytes((DATA / "news_article.utf8.html").read_bytes())
    report = import_paths(store, [DATA / "news_article.utf8.html", copy])
    assert len(report.imported) == 1 and report.duplicates == [copy]


def test_the_columns_named_for_a_table_are_used(store: Store, tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    table.write_text("题,摘要,正文\n会议一,第一条摘要。,第一条正文。\n", encoding="utf-8")
    options = ReaderOptions(text_column="摘要", title_column="题")
    ((_, document_id),) = import_paths(store, [table], reader_options=options).imported
    document = store.document(document_id)
    assert (document.title, document.clean_text) == ("会议一", "第一条摘要。\n")
    assert document.metadata == {"正文": "第一条正文。"}


def test_jiyao_import_of_a_named_html_file_stores_no_markup(tmp_path: Path) -> None:
    project = tmp_path / "p.jiyao"
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "import", "--db", str(project),
         str(DATA / "news_article.utf8.html"), str(DATA / "index_page.html")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 1  # one file was refused
    assert "refused " in result.stderr and "index_page.html: no article text" in result.stderr
    assert "1 imported" in result.stdout
    with Store(project) as store:
        (summary,) = store.list_documents()
        assert summary.title == "国务院常务会议部署进一步稳外贸稳外资措施"
        assert "<" not in store.document(summary.id).raw_text


def test_jiyao_analyze_reads_a_page_as_import_does_and_refuses_a_scanned_pdf() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "analyze", "--json",
         str(DATA / "gov_readout.gbk.html"), str(DATA / "scanned.pdf")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    page, scanned = (json.loads(line) for line in result.stdout.splitlines())
    assert result.returncode == 1
    assert page["encoding"] == "gb18030"
    assert page["text"].startswith("市政府召开常务会议研究部署复工复产工作\n3月20日")
    assert "版权所有" not in page["text"]
    assert scanned["error"] == "no text layer (scanned?): run OCR first"


def test_a_file_of_many_rows_may_be_larger_than_one_document_but_no_row_may(
    store: Store, tmp_path: Path
) -> None:
    """A scraper's output holds thousands of articles: the file may be 20 times one document's
    limit, each of its documents within the limit (issue 14)."""
    from desktop.core.textio import document_limit

    article = "会议研究部署复工复产工作，要求各地压实责任。" * 10  # 660 bytes
    lines = [
        json.dumps({"title": f"第{n}篇", "content": article + str(n)}, ensure_ascii=False)
        for n in range(20)
    ]
    lines.insert(
        3, json.dumps({"title": "太长", "content": "会" * 400}, ensure_ascii=False)
    )  # 1,200 bytes
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = tmp_path / "big.csv"
    table.write_text("标题,正文\n" + "".join(f"第{n}篇,{article}{n}\n" for n in range(40)))
    assert 1_000 < feed.stat().st_size < 20_000 < table.stat().st_size
    with document_limit(0.001):
        report = import_paths(store, [feed, table])
    assert [path.name for path, _ in report.imported] == ["feed.jsonl"] * 20
    assert sorted((r.path.name, r.reason) for r in report.refused) == [
        (
            "big.csv",
            "0.0 MB, above the limit of 0.02 MB for a file of many documents (20 times the "
            "limit for one; raise it with JIYAO_MAX_DOCUMENT_MB or --max-document-mb)",
        ),
        (
            "feed.jsonl",
            "line 4: 0.0 MB, above the limit of 0.001 MB for one document "
            "(raise it with JIYAO_MAX_DOCUMENT_MB or --max-document-mb)",
        ),
    ]
