"""The codebook out (.qdc valid against the REFI-QDA schema, Markdown, HTML, Word) and in
(.qdc from this or another tool), and each bad codebook refused in a line (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from lxml import etree

from desktop.core.exports.codebook import export_codebook
from desktop.core.exports.qdc import BadCodebook, read_qdc
from desktop.core.exports.rich_text import UnknownDocumentFormat
from desktop.core.memos import CodebookEntry, code_description, parse_code_description
from desktop.core.model import NewDocument
from desktop.core.store import Store

DATA = Path(__file__).resolve().parents[2] / "data"
SCHEMA = DATA / "refi-qda" / "Codebook.xsd"
QUALCODER = DATA / "codebooks" / "qualcoder.qdc"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "project.jiyao") as opened:
        text = "会议要求各地加快复工复产，不得拖延。"
        document = opened.add_document(
            NewDocument(
                title="通知", raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
            )
        )
        assert document is not None
        parent = opened.add_label(
            "要求", color="#d1495b", shortcut="2", description="上级要求下级做的事"
        )
        child = opened.add_label("落实", parent_id=parent.id, color="#abc")
        opened.add_label("禁止 <b>&", color="not a colour")
        tag = opened.add_annotation(document, parent.id, 2, 4)
        opened.set_codebook_entry(
            parent.id,
            use_when="有明确对象",
            not_use_when="泛泛而谈\n\n第二段",
            example_tag_id=tag.id,
        )
        opened.set_codebook_entry(child.id, example="要压实责任")
        yield opened


def test_a_description_carries_every_field_and_reads_back() -> None:
    entry = CodebookEntry(1, "定义\n\n第二段", "何时用", "何时不用", "例子")
    fields = parse_code_description(code_description(entry))
    assert fields == {
        "definition": "定义\n\n第二段",
        "use_when": "何时用",
        "not_use_when": "何时不用",
        "example": "例子",
    }
    assert parse_code_description("another tool's words")["definition"] == "another tool's words"


def test_the_qdc_validates_against_the_schema_and_holds_nesting_colour_and_fields(
    store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "codebook.qdc"
    assert export_codebook(store, target) == 3
    document = etree.parse(str(target))
    etree.XMLSchema(etree.parse(str(SCHEMA))).assertValid(document)
    codes = {code.path: code for code in read_qdc(target)}
    assert set(codes) == {("要求",), ("要求", "落实"), ("禁止 <b>&",)}
    top = codes[("要求",)]
    assert (top.color, top.definition, top.use_when) == (
        "#d1495b",
        "上级要求下级做的事",
        "有明确对象",
    )
    assert (top.not_use_when, top.example) == (
        "泛泛而谈\n\n第二段",
        "要求",
    )  # the pinned tag's words
    assert codes[("要求", "落实")].color == "#aabbcc"
    assert codes[("禁止 <b>&",)].color == ""  # a colour the schema cannot hold is left out


def test_a_codebook_round_trips_into_an_empty_project(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "codebook.qdc"
    export_codebook(store, target)
    with Store(tmp_path / "empty.jiyao") as empty:
        merge = empty.merge_codebook(read_qdc(target))
        assert merge.added == ("要求", "要求/落实", "禁止 <b>&")
        child = empty.label_id_for_path("要求/落实")
        assert child is not None and empty.codebook_entry(child).example == "要压实责任"
        parent = empty.label_id_for_path("要求")
        assert parent is not None
        entry = empty.codebook_entry(parent)
        assert (entry.definition, entry.use_when, entry.not_use_when) == (
            "上级要求下级做的事",
            "有明确对象",
            "泛泛而谈\n\n第二段",
        )
        assert empty.label(parent).color == "#d1495b"


def test_another_tools_codebook_starts_a_scheme(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.jiyao") as empty:
        merge = empty.merge_codebook(read_qdc(QUALCODER))
        assert merge.added == ("Directives", "Directives/要求", "Directives/禁止", "Deadlines")
        label = empty.label_id_for_path("Directives/要求")
        assert label is not None
        assert empty.label(label).color == "#00ff00"
        assert empty.codebook_entry(label).definition == "Must be done: 要、必须、确保."


def test_existing_definitions_are_kept_and_named_unless_replaced(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as project:
        top = project.add_label("Directives", description="our own words")
        project.add_label("要求", parent_id=top.id)
        merge = project.merge_codebook(read_qdc(QUALCODER))
        assert merge.kept == ("Directives",) and merge.filled == ("Directives/要求",)
        assert project.codebook_entry(top.id).definition == "our own words"
        merge = project.merge_codebook(read_qdc(QUALCODER), replace_definitions=True)
        assert merge.replaced == ("Directives",)
        assert project.codebook_entry(top.id).definition == "Statements that tell someone to act."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("<CodeBook>\n<Codes>\n<Code>", "line 3: not valid XML: Premature end of data"),
        (
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n'
            '<Code name="x" isCodable="true"/>\n</Codes></CodeBook>',
            "line 3: not a REFI-QDA codebook",
        ),
        ('<CodeBook xmlns="urn:other"><Codes/></CodeBook>', "line 1: not a REFI-QDA codebook"),
        (
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n'
            '<Code guid="00000000-0000-0000-0000-000000000001" name="甲" isCodable="true"/>\n'
            '<Code guid="00000000-0000-0000-0000-000000000002" name="甲" isCodable="true"/>\n'
            "</Codes></CodeBook>",
            "lines 2 and 3: two codes '甲' under one parent",
        ),
        (
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n'
            '<Code guid="00000000-0000-0000-0000-000000000001" name="a/b" isCodable="true"/>\n'
            "</Codes></CodeBook>",
            "line 2: code 'a/b'",
        ),
    ],
)
def test_a_bad_codebook_is_refused_with_its_reason_and_line(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "bad.qdc"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadCodebook, match=reason):
        read_qdc(path)


def test_the_codebook_document_in_markdown_html_and_word(store: Store, tmp_path: Path) -> None:
    export_codebook(store, tmp_path / "c.md")
    markdown = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "- [要求](#s1)" in markdown
    for expected in (
        "**Key:** 2",
        "**When to use:** 有明确对象",
        "**Example:** 要求",
        "**Tags:** 1",
        "要求/落实",
        "禁止 \\<b\\>&",
    ):
        assert expected in markdown
    export_codebook(store, tmp_path / "c.html")
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert 'class="swatch" style="background: #d1495b"' in page
    assert "禁止 &lt;b&gt;&amp;" in page and '<a href="#s1">要求</a>' in page
    export_codebook(store, tmp_path / "c.docx")
    words = "\n".join(p.text for p in docx.Document(str(tmp_path / "c.docx")).paragraphs)
    assert "When not to use: 泛泛而谈" in words and "Definition: 上级要求下级做的事" in words
    with pytest.raises(UnknownDocumentFormat, match=r"\.qdc, \.md"):
        export_codebook(store, tmp_path / "c.txt")
    assert not (tmp_path / "c.txt").exists()
