"""`jiyao stats` and `jiyao chart` count in the store (one GROUP BY, no tag read into
Python) and print what reading every tag and counting them in Python printed, for every
pair of fields, both counts, with and without `--labels` (issue 17)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from desktop import cli
from desktop.core.charts import ChartData, chart_data
from desktop.core.exports.selection import label_paths
from desktop.core.spreadsheet import SafeCsvWriter
from desktop.core.stats import (
    CrossTable,
    UnknownField,
    cross_table,
    fields_offered,
    with_labels,
)
from desktop.core.store import Store
from tests.core.test_stats import varied_project


def read_then_counted(
    db: Path, rows: str, columns: str | None, count: str, labels: list[str]
) -> CrossTable:
    """The table as `jiyao stats` made it before: every tag read, then counted in Python."""
    with Store(db, create=False, check=False) as store:
        segments = store.coded_segments(with_text=False)
        every_label = store.labels()
    if labels:
        segments = with_labels(segments, every_label, labels)
    return cross_table(segments, label_paths(every_label), rows, columns, count=count)


def as_csv(rows: list[list[object]]) -> str:
    out = io.StringIO()
    SafeCsvWriter(out).writerows(rows)
    return out.getvalue()


def arguments(rows: str, columns: str | None, count: str, labels: list[str]) -> list[str]:
    given = ["--rows", rows, "--count", count]
    given += ["--columns", columns] if columns is not None else []
    return given + (["--labels", *labels] if labels else [])


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.jiyao"
    varied_project(path).close()
    return path


def test_stats_prints_what_every_tag_read_printed(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store(db, create=False) as store:
        fields = fields_offered(store.segment_variable_names(), label_paths(store.labels()))
    assert {"栏目", "pages", 'say "hi"', "addressee", "label:1"} <= set(fields)
    compared = 0
    for labels in ([], ["指令"], ["其他", "要求"]):
        for rows in fields:
            for columns in (None, "addressee", "栏目"):
                for count in ("tags", "documents"):
                    given = arguments(rows, columns, count, labels)
                    code = cli.main(["stats", "--db", str(db), *given])
                    out, err = capsys.readouterr()
                    try:
                        expected = read_then_counted(db, rows, columns, count, labels)
                    except UnknownField as error:
                        assert (code, out) == (1, ""), given
                        assert err == f"jiyao: {error}\n", given
                        continue
                    assert code == 0, (given, err)
                    assert out == as_csv(expected.csv_rows()), given
                    compared += 1
    assert compared > 250  # most pairs are tables, not refusals


def test_a_variable_only_other_labels_tags_have_is_refused_as_before(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Only the first document has a city; the tags of 其他 are on the third.
    with pytest.raises(UnknownField):
        read_then_counted(db, "city", None, "tags", ["其他"])
    assert cli.main(["stats", "--db", str(db), "--rows", "city", "--labels", "其他"]) == 1
    assert capsys.readouterr().err.startswith("jiyao: no field 'city'")
    assert cli.main(["stats", "--db", str(db), "--rows", "city", "--labels", "要求"]) == 0
    assert cli.main(["stats", "--db", str(db), "--rows", "label", "--labels", "没有"]) == 1
    assert "no label named '没有'" in capsys.readouterr().err


def test_chart_draws_what_every_tag_read_drew(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core import chart_render

    drawn: list[ChartData] = []

    def draw(data: ChartData, _path: Path, *_args: Any, **_kwargs: Any) -> None:
        drawn.append(data)

    monkeypatch.setattr(chart_render, "draw", draw)
    cases = [
        ("label", "month", "tags", [], "bar"),
        ("month", "label", "documents", [], "timeline"),
        ("issuer", "addressee", "tags", ["指令"], "network"),
        ("栏目", "label:1", "documents", ["要求"], "heatmap"),
    ]
    for rows, columns, count, labels, kind in cases:
        given = arguments(rows, columns, count, labels)
        out = tmp_path / "chart.png"
        assert cli.main(["chart", "--db", str(db), *given, "--kind", kind, "-o", str(out)]) == 0
        expected = read_then_counted(db, rows, columns, count, labels)
        assert drawn.pop() == chart_data(expected, kind), (rows, columns, kind)
