"""`jiyao memo add|list|export`, `jiyao codebook` and `jiyao import FILE.qdc` (issue 20)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from desktop import cli
from desktop.core.model import NewDocument
from desktop.core.store import Store

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.jiyao"
    with Store(path) as store:
        text = "会议要求各地加快复工复产。"
        document = store.add_document(
            NewDocument(
                title="通知", raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
            )
        )
        assert document is not None
        parent = store.add_label("要求")
        child = store.add_label("落实", parent_id=parent.id)
        store.add_annotation(document, child.id, 2, 4, annotator="王")
    return path


def memo_list(project: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert cli.main(["memo", "list", "--db", str(project), "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_memo_on_each_target_and_the_list_of_them(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ["--db", str(project)]
    assert (
        cli.main(
            ["memo", "add", *db, "--project", "--title", "第一天", "--author", "李", "读完十份纪要"]
        )
        == 0
    )
    assert cli.main(["memo", "add", *db, "--doc", "1", "转载自省政府网站"]) == 0
    capsys.readouterr()
    assert cli.main(["memo", "add", *db, "--label", "要求/落实", "**只算**有明确对象的"]) == 0
    assert "on label 要求/落实" in capsys.readouterr().out  # its path, not its row id
    monkeypatch.setattr("sys.stdin", io.StringIO("从标准输入\n"))
    assert cli.main(["memo", "add", *db, "--tag", "1", "-"]) == 0
    records = memo_list(project, capsys)
    assert [(r["target"], r["target_id"]) for r in records] == [
        ("project", None),
        ("document", 1),
        ("label", "要求/落实"),
        ("tag", 1),
    ]
    assert set(records[0]) == {
        "id",
        "target",
        "target_id",
        "title",
        "text",
        "author",
        "created",
        "modified",
    }
    assert (records[0]["title"], records[0]["author"]) == ("第一天", "李")
    assert records[3] == {**records[3], "id": None, "text": "从标准输入\n", "author": "王"}
    assert str(records[0]["created"]).endswith("+00:00")


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (["--doc", "9", "x"], "no document 9"),
        (["--tag", "9", "x"], "no tag 9"),
        (["--label", "要求/不存在", "x"], "no label 要求/不存在"),
        (["--project", " "], "the memo's text is empty"),
        (["--tag", "1", "--title", "T", " "], "the memo's text is empty"),
    ],
)
def test_a_bad_memo_is_refused_with_its_reason_and_nothing_is_written(
    project: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], reason: str
) -> None:
    assert cli.main(["memo", "add", "--db", str(project), *arguments]) == 1
    assert reason in capsys.readouterr().err
    assert memo_list(project, capsys) == []


def test_memo_export_groups_memos_and_quotes_a_tags_words(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(project)]
    cli.main(["memo", "add", *db, "--project", "--title", "Day 1", "**bold** idea"])
    cli.main(["memo", "add", *db, "--tag", "1", "note on the tag"])
    assert cli.main(["memo", "export", *db, "-o", str(tmp_path / "m.md")]) == 0
    markdown = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert markdown.index("Project journal") < markdown.index("## Tags")
    assert "**bold** idea" in markdown and "> 要求" in markdown
    assert cli.main(["memo", "export", *db, "-o", str(tmp_path / "m.html")]) == 0
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert "<strong>bold</strong> idea" in page and "<blockquote>要求</blockquote>" in page
    assert cli.main(["memo", "export", *db, "-o", str(tmp_path / "m.docx")]) == 0
    words = [p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs]
    assert "要求" in words and "note on the tag" in words
    assert cli.main(["memo", "export", *db, "-o", str(tmp_path / "m.txt")]) == 1
    assert "write .md, .html, .docx" in capsys.readouterr().err


def test_a_tag_memo_title_is_written_listed_and_exported(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 20: `memo add --tag ID --title T` keeps the title beside the tag's note."""
    db = ["--db", str(project)]
    assert cli.main(["memo", "add", *db, "--tag", "1", "--title", "复工标题", "笔记"]) == 0
    [record] = memo_list(project, capsys)
    assert (record["target"], record["title"], record["text"]) == ("tag", "复工标题", "笔记")
    with Store(project) as store:
        assert store.annotation(1).note == "笔记"
    assert cli.main(["memo", "export", *db, "-o", str(tmp_path / "m.md")]) == 0
    assert "复工标题" in (tmp_path / "m.md").read_text(encoding="utf-8")


def test_memo_export_refuses_to_overwrite_the_project(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = project.with_suffix(".md")
    project.rename(target)
    assert cli.main(["memo", "export", "--db", str(target), "-o", str(target)]) == 1
    assert "is the open project" in capsys.readouterr().err


def test_codebook_out_and_in(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "c.qdc"
    assert cli.main(["codebook", "--db", str(project), "-o", str(target)]) == 0
    assert "2 labels" in capsys.readouterr().out
    empty = tmp_path / "empty.jiyao"
    assert cli.main(["import", "--db", str(empty), str(target)]) == 0
    # A new project starts with the default scheme, which has 要求 already.
    assert "1 label(s) added" in capsys.readouterr().out
    with Store(empty) as store:
        assert store.label_id_for_path("要求/落实") is not None


def test_import_of_a_bad_codebook_is_refused_and_the_others_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.qdc"
    bad.write_text("<CodeBook>", encoding="utf-8")
    project = tmp_path / "p.jiyao"
    good = DATA / "codebooks" / "qualcoder.qdc"
    assert cli.main(["import", "--db", str(project), str(bad), str(good)]) == 1
    assert "refused bad.qdc, line 1: not valid XML" in capsys.readouterr().err
    with Store(project) as store:
        assert store.label_id_for_path("Directives/禁止") is not None


def test_import_says_which_definitions_it_kept_and_update_replaces_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p.jiyao"
    with Store(project) as store:
        store.add_label("Directives", description="ours")
    good = str(DATA / "codebooks" / "qualcoder.qdc")
    assert cli.main(["import", "--db", str(project), good]) == 0
    assert "kept the project's definition of Directives" in capsys.readouterr().err
    assert cli.main(["import", "--db", str(project), "--update", good]) == 0
    said = capsys.readouterr()
    assert "replaced the definition of Directives" in said.err
    assert "1 definition(s) replaced" in said.out  # it said only "0 given a definition"


def test_db_may_come_before_the_action_or_after_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`jiyao memo --db P add …` failed with "invalid choice"."""
    assert cli.main(["memo", "--db", str(project), "add", "--project", "前"]) == 0
    assert cli.main(["memo", "add", "--db", str(project), "--project", "后"]) == 0
    assert [record["text"] for record in memo_list(project, capsys)] == ["前", "后"]
