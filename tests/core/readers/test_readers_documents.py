"""PDF, Word and tables: text, paragraphs, variables, and a one-line refusal for each file
that cannot be a document (fixtures: tests/data/readers/, made by make_fixtures.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.core.readers import ReaderOptions, RowRefusal, SourceText, reader_for
from desktop.core.readers.pdf import join_pages, read_pdf
from desktop.core.readers.table import read_csv, read_xlsx
from desktop.core.readers.variables import iso_date
from desktop.core.readers.word import read_docx
from desktop.core.textio import UnreadableFile

DATA = Path(__file__).resolve().parents[2] / "data" / "readers"


# PDF -----------------------------------------------------------------------------------------


def test_a_pdf_notice_comes_back_as_whole_paragraphs_without_header_or_page_numbers() -> None:
    source = read_pdf((DATA / "notice.pdf").read_bytes())
    lines = source.text.splitlines()
    assert "宿迁市人民政府文件" not in source.text  # the running header
    assert "- 1 -" not in source.text and "- 2 -" not in source.text
    assert lines[3] == "各县、区人民政府，市各委办局，市各直属单位："
    assert lines[4] == (
        "为深入贯彻落实党中央、国务院和省委、省政府关于统筹推进疫情防控和经济社会发展工作的决策部署，"
        "全力推动企业复工复产，现就有关事项通知如下。"
    )
    assert sum(line.startswith("一、压实属地责任。") for line in lines) == 2


def test_a_pdf_keeps_its_page_count_and_where_each_page_starts() -> None:
    source = read_pdf((DATA / "notice.pdf").read_bytes())
    assert source.variables["pages"] == "2"
    starts = [int(start) for start in source.variables["page_starts"].split()]
    assert starts[0] == 0
    # Page 2 begins inside a paragraph, at its first line: "情防控和经济社会发展工作的决策部署…"
    assert source.text[starts[1] :].startswith("情防控和经济社会发展工作的决策部署")
    assert source.variables["title"] == "宿迁市人民政府关于进一步做好复工复产工作的通知"
    assert source.variables["author"] == "宿迁市人民政府办公室"


def test_pdf_lines_join_without_a_space_in_chinese_and_with_one_between_latin_words() -> None:
    text, starts = join_pages(
        [
            "　　会议指出，当前全球疫情和世界经济形势严峻复杂，外需大幅\n萎缩。\n",
            "Trade and\ninvestment.",
        ]
    )
    assert (
        text
        == "会议指出，当前全球疫情和世界经济形势严峻复杂，外需大幅萎缩。\nTrade and investment.\n"
    )
    assert starts == [0, text.index("Trade")]


@pytest.mark.parametrize("number", ["- 3 -", "第3页 共5页", "3 / 5", "— 12 —", "第 3 页"])
def test_page_number_lines_are_dropped(number: str) -> None:
    assert join_pages([f"会议要求，抓好落实。\n{number}"])[0] == "会议要求，抓好落实。\n"


def test_a_scanned_pdf_is_refused_with_the_reason() -> None:
    with pytest.raises(UnreadableFile, match=r"no text layer \(scanned\?\): run OCR first"):
        read_pdf((DATA / "scanned.pdf").read_bytes())


def test_an_encrypted_pdf_is_refused_with_its_own_reason() -> None:
    with pytest.raises(UnreadableFile, match="encrypted PDF"):
        read_pdf((DATA / "encrypted.pdf").read_bytes())


def test_a_damaged_pdf_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="not a readable PDF"):
        read_pdf((DATA / "notice.pdf").read_bytes()[:3000])


# Word ----------------------------------------------------------------------------------------


def test_a_docx_gives_paragraphs_and_table_rows_in_order_without_header_and_footer() -> None:
    source = read_docx((DATA / "minutes.docx").read_bytes())
    assert source.text.splitlines() == [
        "市政府第四十次常务会议纪要",
        "2020年3月20日，市长王某某主持召开市政府第四十次常务会议。会议纪要如下：",
        "一、会议听取了市发展改革委关于全市复工复产情况的汇报。会议指出，要全力以赴推动企业复工复产。",
        "二、会议研究了重大项目建设工作。会议要求，对拟开工项目加快前期手续办理。",
        "事项\t牵头单位\t完成时限",
        "复工复产\t市发展改革委\t3月底",
        "项目建设\t市住房城乡建设局\t4月底",
        "出席：王某某、李某某、陈某某。",
    ]
    assert source.variables == {
        "title": "市政府第四十次常务会议纪要",
        "author": "市政府办公室秘书一处",
        "created": "2020-03-21",
    }


def test_a_corrupt_docx_is_refused() -> None:
    data = (DATA / "minutes.docx").read_bytes()
    with pytest.raises(UnreadableFile, match=r"not a readable \.docx"):
        read_docx(data[: len(data) // 2])


def test_an_old_word_document_is_refused_with_save_as_docx() -> None:
    reader = reader_for(Path("纪要.doc"))
    assert reader is not None
    with pytest.raises(UnreadableFile, match=r"save it as \.docx"):
        reader(b"\xd0\xcf\x11\xe0", ReaderOptions())


# Tables --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["scraped.csv", "scraped.xlsx"])
def test_a_scraped_table_gives_one_document_a_row_and_refuses_the_row_without_text(
    name: str,
) -> None:
    reader = reader_for(Path(name))
    assert reader is not None
    first, second, refused = reader((DATA / name).read_bytes(), ReaderOptions())
    assert isinstance(first, SourceText) and isinstance(second, SourceText)
    assert (
        first.text == "3月20日，市长王某某主持召开市政府第四十次常务会议。\n"
        "会议强调，要聚焦重点企业、重点项目。\n"
    )
    assert first.variables == {
        "title": "市政府召开常务会议研究部署复工复产工作",
        "date": "2020-03-21",
        "date_text": "2020年3月21日",
        "source": "宿迁市政府办公室",
        "url": "http://www.suqian.gov.cn/t20200321_1.shtml",
        "栏目": "市政府要闻",
    }
    assert second.variables["date"] == "2020-03-22"
    assert second.variables["date_text"] == "二〇二〇年三月二十二日"
    assert refused == RowRefusal(4, "no text in column '正文'")


def test_a_table_without_a_text_column_is_refused_naming_its_columns() -> None:
    with pytest.raises(
        UnreadableFile, match="the columns are: 标题, 日期, 链接; name one with --text-column"
    ):
        read_csv("标题,日期,链接\n会议,2020-01-01,http://x\n".encode(), ReaderOptions())


def test_named_columns_override_the_ones_found_by_name() -> None:
    data = "标题,摘要,正文,发布\n会议,摘要文字,正文文字,2020年1月2日\n".encode()
    (source,) = read_csv(data, ReaderOptions(text_column="摘要", date_column="发布"))
    assert isinstance(source, SourceText)
    assert source.text == "摘要文字\n"
    assert source.variables == {
        "title": "会议",
        "正文": "正文文字",
        "date": "2020-01-02",
        "date_text": "2020年1月2日",
    }


def test_a_named_column_that_is_missing_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="no column '全文'"):
        read_csv("标题,正文\n会议,文字\n".encode(), ReaderOptions(text_column="全文"))


def test_a_gbk_tab_separated_table_is_read() -> None:
    (source,) = read_csv(
        "标题\t内容\n会议纪要\t会议研究了复工复产工作。\n".encode("gb18030"), ReaderOptions(), "\t"
    )
    assert isinstance(source, SourceText)
    assert (source.text, source.encoding, source.variables) == (
        "会议研究了复工复产工作。\n",
        "gb18030",
        {"title": "会议纪要"},
    )


def test_a_corrupt_xlsx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(UnreadableFile, match=r"not a readable \.xlsx"):
        read_xlsx(buffer.getvalue(), ReaderOptions())


# Dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2020年3月21日", "2020-03-21"),
        ("二〇二〇年三月二十一日", "2020-03-21"),
        ("二〇一九年十二月十日", "2019-12-10"),
        ("2020-03-21T18:30:00+08:00", "2020-03-21"),
        ("2020/3/5 10:00", "2020-03-05"),
        ("２０２０年３月２１日", "2020-03-21"),
        ("2020年2月30日", ""),
        ("三月二十一日", ""),
    ],
)
def test_dates_are_normalised_to_iso(written: str, iso: str) -> None:
    assert iso_date(written) == iso
