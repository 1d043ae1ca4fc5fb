"""A memo's Markdown in a Word export: Word's own styles and runs, not the markup."""

from __future__ import annotations

from pathlib import Path

import docx

from desktop.core.exports.rich_text import Paragraph, write_document

MEMO = """## 初步发现

**复工**要求出现在 *三个* 城市，见 [通知](https://example.gov.cn/a)。

- 一是压实责任
- 二是强化督查
  - 每周报送

1. 第一步
2. 第二步

> 引自会议纪要

`code` 与 ~~删除~~ 与 <b>原样</b>
"""


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def test_markdown_becomes_word_paragraphs_styles_and_runs(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    write_document("备忘录", [Paragraph(MEMO, markdown=True)], path)
    shown = _paragraphs(path)
    assert shown[1:] == [
        ("Normal", "初步发现"),
        ("Normal", "复工要求出现在 三个 城市，见 通知 (https://example.gov.cn/a)。"),
        ("List Bullet", "一是压实责任"),
        ("List Bullet", "二是强化督查"),
        ("List Bullet 2", "每周报送"),
        ("List", "1. 第一步"),
        ("List", "2. 第二步"),
        ("Quote", "引自会议纪要"),
        ("Normal", "code 与 删除 与 <b>原样</b>"),
    ]
    paragraphs = docx.Document(str(path)).paragraphs
    heading_runs = paragraphs[1].runs
    assert all(run.bold for run in heading_runs)
    runs = {run.text: run for run in paragraphs[2].runs}
    assert runs["复工"].bold and not runs["要求出现在 "].bold
    assert runs["三个"].italic
    code_runs = {run.text: run for run in paragraphs[9].runs}
    assert code_runs["code"].font.name == "Courier New"
    assert code_runs["删除"].font.strike
    assert "**" not in "".join(text for _, text in shown)


def test_a_plain_paragraph_stays_as_written(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    write_document("题", [Paragraph("**不是** Markdown\n\n第二段")], path)
    assert [text for _, text in _paragraphs(path)[1:]] == ["**不是** Markdown", "第二段"]


def test_each_numbered_list_counts_from_its_own_start(tmp_path: Path) -> None:
    """Found in review: Word's one List Number numbering ran on from memo to memo."""
    path = tmp_path / "lists.docx"
    memos = ["1. 甲\n2. 乙", "1. 丙\n2. 丁", "3. 戊\n4. 己"]
    write_document("题", [Paragraph(memo, markdown=True) for memo in memos], path)
    assert [text for _, text in _paragraphs(path)[1:]] == [
        "1. 甲",
        "2. 乙",
        "1. 丙",
        "2. 丁",
        "3. 戊",
        "4. 己",
    ]


def test_a_loose_items_later_paragraph_continues_it_and_an_address_is_said_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "loose.docx"
    memo = "- 第一项\n\n  续写第一项\n\n- 第二项 <https://example.gov.cn>"
    write_document("题", [Paragraph(memo, markdown=True)], path)
    assert _paragraphs(path)[1:] == [
        ("List Bullet", "第一项"),
        ("List Continue", "续写第一项"),
        ("List Bullet", "第二项 https://example.gov.cn"),
    ]
