"""Charts of tag counts (issue 15): the numbers each kind draws, checked against counts made
by hand from the same tags, and the files drawn with Chinese labels in a CJK font."""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.chart_render import cjk_font, draw
from desktop.core.charts import ChartError, chart_data, periods
from desktop.core.exports.selection import label_paths
from desktop.core.model import NewDocument
from desktop.core.stats import TOTAL, cross_table
from desktop.core.store import Store
from desktop.core.store.segments import CodedSegment

# (text, date, [(issuer, addressee)])
DOCUMENTS = [
    ("𠀀市长要求各区复工", "2020-01-05", [("市长", "区长"), ("市长", "局长")]),
    ("市長要求各區復工", "2020-04-01", [("市長", "區長")]),
    ("区长要求各局", "2020-04-20", [("区长", "局长")]),
    ("没有日期的要求", "", [("市长", "区长")]),
]


def segments(tmp_path: Path) -> tuple[list[CodedSegment], dict[int, str]]:
    with Store(tmp_path / "c.jiyao") as store:
        ids = store.add_documents(
            [
                NewDocument(
                    title=f"第{n}号",
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script="simplified",
                    date=date,
                )
                for n, (text, date, _) in enumerate(DOCUMENTS)
            ]
        )
        label = store.add_label("要求").id
        for document_id, (_, _, pairs) in zip(ids, DOCUMENTS, strict=True):
            assert document_id is not None
            for index, (issuer, addressee) in enumerate(pairs):
                attributes = {"issuer": issuer, "addressee": addressee}
                store.add_annotation(document_id, label, index, index + 2, attributes=attributes)
        return store.coded_segments(), label_paths(store.labels())


def test_timeline_has_every_month_and_counts_agree(tmp_path: Path) -> None:
    tags, paths = segments(tmp_path)
    data = chart_data(cross_table(tags, paths, "month"), "timeline")
    assert data.categories == ("2020-01", "2020-02", "2020-03", "2020-04")
    # Independent: the month of each tag's document date, counted.
    months = Counter(date[:7] for _, date, pairs in DOCUMENTS for _ in pairs if date)
    assert data.series == {TOTAL: tuple(months.get(m, 0) for m in data.categories)}
    assert data.undated == 1
    assert periods(["2019-Q4", "2020-Q2"], "quarter") == ["2019-Q4", "2020-Q1", "2020-Q2"]
    assert periods(["2019", "2021"], "year") == ["2019", "2020", "2021"]


def test_bar_heatmap_and_network_numbers(tmp_path: Path) -> None:
    tags, paths = segments(tmp_path)
    table = cross_table(tags, paths, "issuer", "addressee")
    pairs = Counter(pair for _, _, listed in DOCUMENTS for pair in listed)
    network = chart_data(table, "network")
    assert sorted(network.edges) == sorted((a, b, n) for (a, b), n in pairs.items())
    heatmap = chart_data(table, "heatmap")
    for r, issuer in enumerate(heatmap.categories):
        for addressee, values in heatmap.series.items():
            assert values[r] == pairs.get((issuer, addressee), 0)
    bar = chart_data(cross_table(tags, paths, "issuer"), "bar")
    issuers = Counter(issuer for _, _, listed in DOCUMENTS for issuer, _ in listed)
    assert dict(zip(bar.categories, bar.series[TOTAL], strict=True)) == issuers
    with pytest.raises(ChartError, match="needs --columns"):
        chart_data(cross_table(tags, paths, "issuer"), "heatmap")
    with pytest.raises(ChartError, match="year, quarter or month"):
        chart_data(table, "timeline")


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed")
@pytest.mark.parametrize("kind", ["bar", "timeline", "heatmap", "network"])
def test_drawn_with_chinese_text_and_no_missing_glyphs(tmp_path: Path, kind: str) -> None:
    tags, paths = segments(tmp_path)
    rows, columns = ("month", "issuer") if kind == "timeline" else ("issuer", "addressee")
    data = chart_data(cross_table(tags, paths, rows, columns), kind)
    svg = tmp_path / f"{kind}.svg"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would fail here
        draw(data, svg)
        draw(data, tmp_path / f"{kind}.png")
    text = svg.read_text(encoding="utf-8")
    assert "市长" in text and str(cjk_font()) in text
    assert (tmp_path / f"{kind}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_file_of_another_kind_is_refused(tmp_path: Path) -> None:
    tags, paths = segments(tmp_path)
    data = chart_data(cross_table(tags, paths, "issuer"), "bar")
    with pytest.raises(ChartError, match=r"\.png, \.svg, \.pdf"):
        draw(data, tmp_path / "chart.jpg")
    assert not (tmp_path / "chart.jpg").exists()


def test_without_matplotlib_the_reason_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from desktop.core.chart_render import ChartsUnavailable

    tags, paths = segments(tmp_path)
    data = chart_data(cross_table(tags, paths, "issuer"), "bar")
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    with pytest.raises(ChartsUnavailable, match=r"pip install 'jiyao\[charts\]'"):
        draw(data, tmp_path / "chart.png")
    assert not (tmp_path / "chart.png").exists()
