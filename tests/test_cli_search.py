"""`jiyao search`, run as a user runs it: a subprocess."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.core.store.schema import MIGRATIONS
from tests.test_cli import jiyao

INDEX_MIGRATION = next(m for m in MIGRATIONS if m.purpose == "the corpus search index")
TEXTS = ["𠀀市长要求复工复产。\n复工", "市長要求復工復產", "没有"]


def project(path: Path, *, migrate_to: int | None = None) -> dict[int, str]:
    options = {} if migrate_to is None else {"migrate_to": migrate_to}
    with Store(path, **options) as store:  # type: ignore[arg-type]
        ids = store.add_documents(
            [
                NewDocument(
                    title=f"第{n}号",
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script="simplified",
                    date=f"2020-0{n + 1}-01",
                )
                for n, text in enumerate(TEXTS)
            ]
        )
    return {i: t for i, t in zip(ids, TEXTS, strict=True) if i is not None}


def test_json_hits_are_code_points_of_the_clean_text(tmp_path: Path) -> None:
    texts = project(tmp_path / "p.jiyao")
    result = jiyao("search", "--db", tmp_path / "p.jiyao", "复工", "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # Independent: a regular expression over each text, both spellings.
    expected = [
        (document_id, match.start())
        for document_id, text in sorted(texts.items())
        for match in re.finditer("复工|復工", text)
    ]
    assert [(r["document"], r["start"]) for r in records] == expected
    for record in records:
        text = texts[record["document"]]
        assert text[record["start"] : record["end"]] == record["hit"]
        assert text[: record["start"]].endswith(record["left"])
        assert text[record["end"] :].startswith(record["right"])
        assert set(record) == {"document", "title", "start", "end", "hit", "left", "right"}


def test_count_csv_limit_and_restriction(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    project(db)
    counted = jiyao("search", "--db", db, "復工", "--count", "--csv")
    assert counted.returncode == 0, counted.stderr
    rows = list(csv.reader(io.StringIO(counted.stdout)))
    assert rows == [
        ["document", "title", "hits"],
        ["1", "第0号", "2"],
        ["2", "第1号", "1"],
        ["total", "", "3"],
    ]
    limited = jiyao("search", "--db", db, "复工 OR 没有", "--limit", "2", "--json")
    assert len(limited.stdout.splitlines()) == 2
    dated = jiyao("search", "--db", db, "要求", "--from", "2020-02", "--json")
    assert [json.loads(line)["document"] for line in dated.stdout.splitlines()] == [2]
    regex = jiyao("search", "--db", db, r"复.复", "--regex", "--csv")
    assert list(csv.reader(io.StringIO(regex.stdout)))[1][2:] == [
        "5",
        "8",
        "𠀀市长要求",
        "复工复",
        "产。\n复工",
    ]


def test_a_date_bound_that_is_no_date_is_refused_and_short_forms_are_read(
    tmp_path: Path,
) -> None:
    """Bounds compare as strings: --from abc used to find nothing without a word, and
    --to 2020-2 (2020-0 as a prefix) let every month of 2020 through."""
    db = tmp_path / "p.jiyao"
    project(db)
    wrong = jiyao("search", "--db", db, "要求", "--from", "abc")
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "jiyao: 'abc' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
    month = jiyao("search", "--db", db, "要求", "--to", "2020-13")
    assert month.returncode == 1
    assert "no month 13" in month.stderr
    for bound in ("2020-2", "2020/02", "2020年2月"):
        dated = jiyao("search", "--db", db, "要求", "--to", bound, "--json")
        assert dated.returncode == 0, dated.stderr
        assert [json.loads(line)["document"] for line in dated.stdout.splitlines()] == [1, 2]


def test_an_older_project_is_indexed_once(tmp_path: Path) -> None:
    db = tmp_path / "old.jiyao"
    project(db, migrate_to=INDEX_MIGRATION.version - 1)
    result = jiyao("search", "--db", db, "复产", "--count", "--json")
    assert result.returncode == 0, result.stderr
    assert "indexing" in result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == {"total": 2, "documents": 2}
    with Store(db) as store:
        assert store.search_index_current()
    again = jiyao("search", "--db", db, "复产", "--count")
    assert "indexing" not in again.stderr


def test_a_bad_query_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    project(db)
    result = jiyao("search", "--db", db, "(复工")
    assert result.returncode == 1
    assert result.stderr.strip() == "jiyao: a parenthesis is never closed"
    unknown = jiyao("search", "--db", db, "复工", "--label", "没有这个")
    assert unknown.returncode == 1
    assert "no label named" in unknown.stderr


def test_stats_prints_a_cross_table(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    project(db)
    with Store(db) as store:
        label = store.add_label("要求").id
        store.add_annotation(1, label, 3, 5, attributes={"issuer": "市长"})
        store.add_annotation(2, label, 2, 4, attributes={"issuer": "市長"})
    result = jiyao("stats", "--db", db, "--rows", "issuer", "--columns", "month")
    assert result.returncode == 0, result.stderr
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["issuer", "2020-01", "2020-02", "total"],
        ["市長", "0", "1", "1"],
        ["市长", "1", "0", "1"],
        ["total", "1", "1", "2"],
    ]
    output = tmp_path / "t.csv"
    written = jiyao("stats", "--db", db, "--rows", "label", "-o", output, "--labels", "要求")
    assert written.returncode == 0, written.stderr
    assert output.read_text(encoding="utf-8-sig").splitlines() == [
        "label,total",
        "要求,2",
        "total,2",
    ]
    unknown = jiyao("stats", "--db", db, "--rows", "nothing")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("jiyao: no field 'nothing'")


def test_segments_report_as_csv_and_markdown(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    texts = project(db)
    with Store(db) as store:
        parent = store.add_label("指令").id
        label = store.add_label("要求", parent_id=parent).id
        store.add_annotation(1, label, 3, 5, attributes={"issuer": "市长"}, note="注*意")
        store.add_annotation(1, label, 4, 7, attributes={"issuer": "市长"})  # overlaps
        store.add_annotation(2, label, 2, 4, attributes={"issuer": "市長"}, annotator="甲")
    result = jiyao("segments", "--db", db, "--labels", "指令", "--where", "issuer=市长")
    assert result.returncode == 0, result.stderr
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    # By hand: the tags of 市长, their text cut from the clean text at code points.
    assert [(r["document"], r["text"], r["label_path"]) for r in table] == [
        ("1", texts[1][3:5], "指令/要求"),
        ("1", texts[1][4:7], "指令/要求"),
    ]
    assert table[0]["note"] == "注*意"
    report = tmp_path / "report.md"
    written = jiyao("segments", "--db", db, "-o", report, "--where", "annotator=甲")
    assert written.returncode == 0, written.stderr
    text = report.read_text(encoding="utf-8")
    assert "## 指令/要求 (1)" in text
    assert "1 tag in 1 label." in text  # was "1 tags in 1 labels."
    assert f"> {texts[2][2:4]}" in text
    bad = jiyao("segments", "--db", db, "--where", "issuer")
    assert bad.returncode == 1
    assert "FIELD=VALUE" in bad.stderr


def test_segments_written_as_xlsx_html_and_word(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db = tmp_path / "p.jiyao"
    texts = project(db)
    with Store(db) as store:
        parent = store.add_label("指令").id
        label = store.add_label("要求", parent_id=parent).id
        store.add_annotation(1, label, 3, 5, attributes={"issuer": "市长"})
        store.add_annotation(2, label, 2, 4, attributes={"issuer": "市長"})
    book = tmp_path / "s.xlsx"
    result = jiyao("segments", "--db", db, "--labels", "指令", "--where", "issuer=市长", "-o", book)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"1 tags written to {book}"
    sheet = load_workbook(book).active
    assert sheet is not None
    got = list(sheet.iter_rows(values_only=True))
    assert got[1][:1] == (1,) and texts[1][3:5] in got[1]
    for suffix in (".html", ".docx", ".md"):
        report = tmp_path / f"r{suffix}"
        assert jiyao("segments", "--db", db, "-o", report).returncode == 0
        assert report.stat().st_size > 0
    wrong = jiyao("segments", "--db", db, "-o", tmp_path / "r.txt")
    assert wrong.returncode == 1
    assert ".xlsx" in wrong.stderr


def test_a_list_option_given_twice_keeps_both(tmp_path: Path) -> None:
    """`--where a=1 --where b=2` kept only b=2 (and `--docs 1 --docs 2` only 2): a condition
    the user wrote was dropped without a word, and more rows or documents came out."""
    db = tmp_path / "p.jiyao"
    project(db)
    with Store(db) as store:
        label = store.add_label("要求").id
        store.add_annotation(1, label, 3, 5, attributes={"issuer": "市长"}, annotator="甲")
        store.add_annotation(1, label, 3, 5, attributes={"issuer": "市长"}, annotator="乙")
        store.add_annotation(2, label, 2, 4, attributes={"issuer": "市長"}, annotator="甲")
    both = jiyao("segments", "--db", db, "--where", "issuer=市长", "--where", "annotator=甲")
    assert both.returncode == 0, both.stderr
    rows = list(csv.DictReader(io.StringIO(both.stdout)))
    assert [(r["document"], r["annotator"]) for r in rows] == [("1", "甲")]
    out = tmp_path / "two.jsonl"
    exported = jiyao(
        "export", "--db", db, "--format", "jsonl", "-o", out, "--docs", "1", "--docs", "2"
    )
    assert exported.returncode == 0, exported.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        1,
        2,
    ]


def test_stats_never_writes_its_table_over_the_project(tmp_path: Path) -> None:
    """`jiyao stats -o corpus.jiyao` (a slip for --db) replaced the project with CSV."""
    db = tmp_path / "p.jiyao"
    project(db)
    before = db.read_bytes()
    result = jiyao("stats", "--db", db, "--rows", "label", "-o", db)
    assert result.returncode == 1
    assert result.stderr.strip() == f"jiyao: {db}: the table is written as .csv"
    assert db.read_bytes() == before
    upper = tmp_path / "T.CSV"
    assert jiyao("stats", "--db", db, "--rows", "label", "-o", upper).returncode == 0
    assert upper.read_text(encoding="utf-8-sig").splitlines()[0] == "label,total"


def test_segments_where_an_empty_value_finds_the_tags_without_one(tmp_path: Path) -> None:
    """`--where issuer=` found nothing at all: no tag's field is ever the empty string."""
    db = tmp_path / "p.jiyao"
    project(db)
    with Store(db) as store:
        label = store.add_label("要求").id
        store.add_annotation(1, label, 3, 5, attributes={"issuer": "市长"})
        store.add_annotation(2, label, 2, 4)
    for where in ("issuer=", "issuer=(none)"):
        result = jiyao("segments", "--db", db, "--where", where)
        assert result.returncode == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert [(r["document"], r["issuer"]) for r in rows] == [("2", "")]


def test_scope_memos_and_both(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    texts = project(db)
    with Store(db) as store:
        first = min(texts)
        store.add_memo("document", first, "先看復工的时间", title="备忘")
        store.add_memo("project", None, "无关")
    memos = jiyao("search", "--db", db, "复工", "--scope", "memos", "--json")
    assert memos.returncode == 0, memos.stderr
    records = [json.loads(line) for line in memos.stdout.splitlines()]
    assert [(r["target"], r["target_id"], r["field"], r["start"], r["hit"]) for r in records] == [
        ("document", first, "text", 2, "復工")
    ]
    both = jiyao("search", "--db", db, "复工", "--scope", "both", "--count", "--csv")
    assert both.returncode == 0, both.stderr
    rows = list(csv.reader(io.StringIO(both.stdout)))
    assert rows[-2:] == [[f"memo document {first}", "备忘", "1"], ["total", "", "4"]]
    listed = jiyao("search", "--db", db, "复工", "--scope", "both", "--limit", "3")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == 3 and not lines[-1].startswith("memo")
    everything = jiyao("search", "--db", db, "复工", "--scope", "both").stdout.splitlines()
    assert everything[-1].startswith(f"memo document {first} text\t备忘\t2\t先看[復工]")


def test_cooccurrence_prints_a_label_matrix(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    project(db)  # 1: 𠀀市长要求复工复产。\n复工
    with Store(db) as store:
        top = store.add_label("措施").id
        demand = store.add_label("要求").id
        work = store.add_label("复工", parent_id=top)
        store.add_annotation(1, demand, 3, 5)
        store.add_annotation(1, work.id, 4, 7)  # overlaps 要求
        store.add_annotation(1, work.id, 11, 13)  # 6 after 要求
        store.add_annotation(2, demand, 2, 4)
    result = jiyao("cooccurrence", "--db", db)
    assert result.returncode == 0, result.stderr
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["label", "措施/复工", "要求"],
        ["措施/复工", "1", "1"],
        ["要求", "1", "0"],
    ]
    near = jiyao("cooccurrence", "--db", db, "--within", "6", "--count", "pairs", "--level", "1")
    assert near.returncode == 0, near.stderr
    assert near.stdout.splitlines()[1:] == ["措施,1,2", "要求,2,0"]
    output = tmp_path / "co.csv"
    overlapping = jiyao(
        "cooccurrence", "--db", db, "--overlapping", "--count", "pairs", "-o", output
    )
    assert overlapping.returncode == 0, overlapping.stderr
    assert output.read_text(encoding="utf-8-sig").splitlines()[2] == "要求,1,0"
    refused = jiyao("cooccurrence", "--db", db, "--within", "-1")
    assert refused.returncode == 2 and "not a whole number" in refused.stderr


def test_chart_writes_the_file_or_says_why_not(tmp_path: Path) -> None:
    db = tmp_path / "p.jiyao"
    project(db)
    with Store(db) as store:
        label = store.add_label("要求").id
        store.add_annotation(1, label, 3, 5, attributes={"issuer": "市长", "addressee": "区长"})
        store.add_annotation(2, label, 2, 4, attributes={"issuer": "市长", "addressee": "局长"})
    svg = tmp_path / "net.svg"
    drawn = jiyao(
        "chart",
        "--db",
        db,
        "--rows",
        "issuer",
        "--columns",
        "addressee",
        "--kind",
        "network",
        "-o",
        svg,
    )
    assert drawn.returncode == 0, drawn.stderr
    assert "Glyph" not in drawn.stderr
    text = svg.read_text(encoding="utf-8")
    assert all(name in text for name in ("市长", "区长", "局长"))
    refused = jiyao("chart", "--db", db, "--rows", "issuer", "--kind", "heatmap", "-o", svg)
    assert refused.returncode == 1
    assert refused.stderr.strip() == "jiyao: a heatmap needs --columns (a second field)"


def test_a_query_that_cannot_show_hits_says_why(tmp_path: Path) -> None:
    """`NOT 复工` and `复 NEAR/x 工` printed nothing and exited 0."""
    db = tmp_path / "p.jiyao"
    project(db)
    only_not = jiyao("search", "--db", db, "NOT 复工")
    assert only_not.returncode == 1 and only_not.stdout == ""
    assert only_not.stderr.strip() == (
        "jiyao: a query of only NOT finds documents, not hits: add --count"
    )
    counted = jiyao("search", "--db", db, "--count", "NOT 复工")
    assert counted.returncode == 0 and counted.stdout.splitlines()[-1] == "total\t1 document\t0"
    bad_near = jiyao("search", "--db", db, "复 NEAR/x 工")
    assert bad_near.returncode == 1
    assert bad_near.stderr.strip() == (
        "jiyao: NEAR/x: NEAR/ takes a number of characters, as in NEAR/10"
    )


def test_csv_for_a_spreadsheet_never_holds_a_formula(tmp_path: Path) -> None:
    """A title or a tag's text that a spreadsheet would run (=HYPERLINK(…)) is written as text
    by every CSV a person opens: search hits, counts, segments, stats (found by a user)."""
    db = tmp_path / "p.jiyao"
    formula = '=HYPERLINK("http://x","复工")'
    with Store(db) as store:
        (document,) = store.add_documents(
            [NewDocument(formula, "复工复产", "复工复产", "utf-8", "simplified")]
        )
        label = store.add_label("@要求").id
        assert document is not None
        store.add_annotation(document, label, 0, 2, attributes={"issuer": "-市长"})
    outputs = [
        jiyao("search", "--db", db, "复工", "--csv").stdout,
        jiyao("search", "--db", db, "复工", "--count", "--csv").stdout,
        jiyao("segments", "--db", db).stdout,
        jiyao("stats", "--db", db, "--rows", "issuer", "--columns", "label").stdout,
    ]
    segments_file = tmp_path / "s.csv"
    assert jiyao("segments", "--db", db, "-o", segments_file).returncode == 0
    outputs.append(segments_file.read_text(encoding="utf-8-sig"))
    cells = [[cell for row in csv.reader(io.StringIO(out)) for cell in row] for out in outputs]
    for found in cells:
        assert found and not [cell for cell in found if cell[:1] in ("=", "+", "-", "@")]
    assert f"'{formula}" in cells[0] and "'@要求" in cells[2] and "'-市长" in cells[3]
