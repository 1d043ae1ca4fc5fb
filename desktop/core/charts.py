"""Charts of coded segments: the numbers each kind of chart draws, taken from a cross table
(``stats.cross_table``), and drawn by ``chart_render``. Kept apart from the drawing so the
numbers are checked without matplotlib.

- ``bar``: one bar per row value (its total), split by the column values when there are any.
- ``timeline``: the row field is a time (month, quarter, year): one line per column value
  (or the total), every period between the first and the last on the axis, missing ones 0;
  tags of documents without a date are left out and counted in ``undated``.
- ``heatmap``: the cells of rows × columns.
- ``network``: an arrow from each row value to each column value (issuer → addressee),
  as thick as its cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from desktop.core.stats import NONE, TOTAL, CrossTable

KINDS = ("bar", "timeline", "heatmap", "network")
TIME_FIELDS = ("year", "quarter", "month")


class ChartError(ValueError):
    """A chart Jiyao cannot draw: the one-line reason."""


@dataclass(frozen=True)
class ChartData:
    kind: str
    title: str
    # The categories along the axis (rows), and one series of values per column value.
    categories: tuple[str, ...]
    series: dict[str, tuple[int, ...]]
    # Tags (or documents) of documents without a date a timeline leaves out.
    undated: int = 0
    # The arrows of a network: (from, to, count).
    edges: tuple[tuple[str, str, int], ...] = field(default_factory=tuple)
    # The words drawn beside the numbers, in English for the command line; the window gives
    # them in the interface language (:func:`captioned`).
    value_label: str = "count"
    undated_note: str = "{0} without a date, not shown"


def captioned(
    chart: ChartData,
    table: CrossTable,
    field_caption: Callable[[str], str],
    value_caption: Callable[[str], str],
    *,
    value_label: str,
    undated_note: str,
) -> ChartData:
    """``chart`` with its title, categories, series and arrows in other words (the window's
    language): the numbers stay as they are."""
    rows, columns = field_caption(table.rows_field), table.columns_field
    if chart.kind == "network":
        title = f"{rows} → {field_caption(columns or '')}"
    else:
        title = rows + (f" × {field_caption(columns)}" if columns else "")
    return replace(
        chart,
        title=title,
        categories=tuple(map(value_caption, chart.categories)),
        series={value_caption(name): values for name, values in chart.series.items()},
        edges=tuple((value_caption(a), value_caption(b), n) for a, b, n in chart.edges),
        value_label=value_label,
        undated_note=undated_note,
    )


def chart_data(table: CrossTable, kind: str) -> ChartData:
    """What a ``kind`` chart of ``table`` draws."""
    if kind not in KINDS:
        raise ChartError(f"no chart kind {kind!r}: use {', '.join(KINDS)}")
    title = table.rows_field + (f" × {table.columns_field}" if table.columns_field else "")
    if kind in ("heatmap", "network") and table.columns_field is None:
        raise ChartError(f"a {kind} needs --columns (a second field)")
    if kind == "network":
        edges = tuple(
            (row, column, table.cells[(row, column)])
            for row in table.row_values
            for column in table.column_values
            if table.cells.get((row, column)) and NONE not in (row, column)
        )
        return ChartData(kind, f"{table.rows_field} → {table.columns_field}", (), {}, 0, edges)
    rows = table.row_values
    undated = 0
    if kind == "timeline":
        if table.rows_field not in TIME_FIELDS:
            raise ChartError("a timeline's rows are year, quarter or month")
        undated = table.row_totals.get(NONE, 0)
        try:
            rows = tuple(periods([v for v in rows if v != NONE], table.rows_field))
        except ValueError:
            raise ChartError("a timeline needs dates written YYYY-MM-DD") from None
    if table.columns_field is None:
        series = {TOTAL: tuple(table.row_totals.get(row, 0) for row in rows)}
    else:
        series = {
            column: tuple(table.cells.get((row, column), 0) for row in rows)
            for column in table.column_values
        }
    return ChartData(kind, title, tuple(rows), series, undated)


def periods(values: list[str], unit: str) -> list[str]:
    """Every period from the first of ``values`` to the last (YYYY, YYYY-Qn or YYYY-MM)."""
    if not values:
        return []
    first, last = min(values), max(values)
    if unit == "year":
        return [str(year) for year in range(int(first), int(last) + 1)]
    per_year = 4 if unit == "quarter" else 12

    def index(value: str) -> int:
        part = value[6:] if unit == "quarter" else value[5:7]
        return int(value[:4]) * per_year + int(part) - 1

    def name(number: int) -> str:
        year, part = divmod(number, per_year)
        return f"{year}-Q{part + 1}" if unit == "quarter" else f"{year}-{part + 1:02d}"

    return [name(number) for number in range(index(first), index(last) + 1)]
