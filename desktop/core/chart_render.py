"""Drawing a chart (``charts.ChartData``) to a PNG, SVG or PDF file with matplotlib, which is
an optional dependency (``pip install 'jiyao[charts]'``): imported only here, only when a
chart is drawn, with its file-only Agg backend (no Qt, no display).

Chinese labels need a font that has them: the first installed of ``CJK_FONTS`` (or any font
fontconfig says covers Chinese) leads the font list, DejaVu Sans behind it for the rest; with
none, drawing is refused with the reason rather than drawn with boxes for characters.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from desktop.core.charts import ChartData, ChartError

SUFFIXES = (".png", ".svg", ".pdf")
# Common CJK fonts on Linux, Windows and macOS, the Simplified forms first.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Sans CJK TC",
    "Microsoft JhengHei",
)


class ChartsUnavailable(ChartError):
    """matplotlib is not installed."""


def check_available() -> None:
    """Refuse, with what to install, when matplotlib is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ChartsUnavailable(
            "charts need matplotlib: pip install 'jiyao[charts]' (or matplotlib)"
        ) from None


@cache
def cjk_font() -> str | None:
    """The name of an installed font with Chinese characters, or None."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    return _fontconfig_cjk_font(installed)


def _fontconfig_cjk_font(installed: set[str]) -> str | None:
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=10
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in listed.splitlines():
        for name in line.split(","):
            if name.strip() in installed:
                return name.strip()
    return None


def _style() -> Any:  # the rcParams names, which matplotlib types as a Literal
    font = cjk_font()
    if font is None:
        raise ChartError(
            "no font with Chinese characters is installed (Noto Sans CJK, WenQuanYi Micro Hei…):"
            " install one, e.g. apt install fonts-noto-cjk"
        )
    return {
        "font.family": [font, "DejaVu Sans"],
        "svg.fonttype": "none",  # text stays text: searchable, and selectable in a paper
        "pdf.fonttype": 42,
        "axes.unicode_minus": False,
    }


def figure_for(chart: ChartData) -> Any:
    """A matplotlib ``Figure`` of ``chart`` (no pyplot, so no global state: the window puts
    it on a canvas of its own)."""
    check_available()
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    # Text takes its font when made, so the figure keeps the CJK font outside the context.
    with rc_context(_style()):
        figure = Figure(figsize=_size(chart), layout="constrained")
        axes = figure.subplots()
        _DRAWERS[chart.kind](chart, axes)
        axes.set_title(chart.title)
    return figure


def draw(chart: ChartData, path: Path) -> None:
    """Write ``chart`` to ``path``, its format by the suffix."""
    if path.suffix.lower() not in SUFFIXES:
        raise ChartError(f"{path.name}: write a chart as {', '.join(SUFFIXES)}")
    figure = figure_for(chart)
    from matplotlib import rc_context

    with rc_context(_style()):  # how SVG and PDF keep their text is read when saving
        try:
            figure.savefig(path, dpi=150)
        except OSError as error:
            raise ChartError(f"could not write {path}: {error.strerror or error}") from None


def _size(chart: ChartData) -> tuple[float, float]:
    if chart.kind == "heatmap":
        return (max(6.0, 0.6 * len(next(iter(chart.series.values()), ())) + 3), 5.0)
    return (max(6.0, 0.45 * len(chart.categories) + 2), 4.5)


def _bar(chart: ChartData, axes: Any) -> None:
    positions = list(range(len(chart.categories)))
    bottom = [0] * len(positions)
    for name, values in chart.series.items():
        axes.bar(positions, values, bottom=bottom, label=name)
        bottom = [below + value for below, value in zip(bottom, values, strict=True)]
    axes.set_xticks(positions, chart.categories, rotation=45, ha="right")
    axes.set_ylabel(chart.value_label)
    if len(chart.series) > 1:
        axes.legend(fontsize="small")


def _timeline(chart: ChartData, axes: Any) -> None:
    positions = list(range(len(chart.categories)))
    for name, values in chart.series.items():
        axes.plot(positions, values, marker="o", label=name)
    step = max(1, len(positions) // 24)  # at most about two dozen period names
    axes.set_xticks(positions[::step], chart.categories[::step], rotation=45, ha="right")
    axes.set_ylabel(chart.value_label)
    axes.set_ylim(bottom=0)
    if len(chart.series) > 1:
        axes.legend(fontsize="small")
    if chart.undated:
        axes.annotate(
            chart.undated_note.format(chart.undated),
            xy=(1, 1),
            xycoords="axes fraction",
            ha="right",
            va="bottom",
            fontsize="small",
        )


def _heatmap(chart: ChartData, axes: Any) -> None:
    columns = list(chart.series)
    grid = [
        [chart.series[column][row] for column in columns] for row in range(len(chart.categories))
    ]
    image = axes.imshow(grid, cmap="Blues", aspect="auto")
    axes.set_xticks(range(len(columns)), columns, rotation=45, ha="right")
    axes.set_yticks(range(len(chart.categories)), chart.categories)
    highest = max((value for row in grid for value in row), default=0)
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            color = "white" if highest and value > highest / 2 else "black"
            axes.text(c, r, str(value), ha="center", va="center", color=color, fontsize="small")
    axes.figure.colorbar(image, ax=axes, label=chart.value_label)


def _network(chart: ChartData, axes: Any) -> None:
    """Issuers on the left, addressees on the right (one who is both, in the middle column
    of its own), arrows as thick as their count."""
    sources = sorted({edge[0] for edge in chart.edges})
    targets = sorted({edge[1] for edge in chart.edges})
    both = set(sources) & set(targets)
    place: dict[str, tuple[float, float]] = {}
    for x, names in (
        (0.0, [n for n in sources if n not in both]),
        (0.5, sorted(both)),
        (1.0, [n for n in targets if n not in both]),
    ):
        for index, name in enumerate(names):
            place[name] = (x, 1 - (index + 1) / (len(names) + 1))
    heaviest = max((edge[2] for edge in chart.edges), default=1)
    for source, target, count in chart.edges:
        axes.annotate(
            "",
            xy=place[target],
            xytext=place[source],
            arrowprops={
                "arrowstyle": "-|>",
                "lw": 0.8 + 4 * count / heaviest,
                "color": "#3b6ea5",
                "alpha": 0.7,
                "shrinkA": 12,
                "shrinkB": 12,
                "connectionstyle": "arc3,rad=0.1" if source != target else "arc3,rad=0.6",
            },
        )
        # A third of the way along: counts of arrows that cross stay apart.
        near = [a + (b - a) / 3 for a, b in zip(place[source], place[target], strict=True)]
        axes.text(*near, str(count), fontsize="small", color="#3b6ea5", ha="center")
    for name, (x, y) in place.items():
        axes.text(
            x,
            y,
            name,
            ha="center",
            va="center",
            bbox={"boxstyle": "round", "facecolor": "#f4f4f4", "edgecolor": "#888888"},
        )
    axes.set_xlim(-0.2, 1.2)
    axes.set_ylim(0, 1)
    axes.axis("off")
    if not chart.edges:
        axes.text(0.5, 0.5, "no pairs to draw", ha="center")


_DRAWERS = {"bar": _bar, "timeline": _timeline, "heatmap": _heatmap, "network": _network}
