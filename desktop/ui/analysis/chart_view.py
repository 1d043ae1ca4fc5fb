"""The Chart tab of the tag-counts window: the cross table shown in the first tab, drawn as
a bar chart, timeline, heatmap or issuer → addressee network (``core.charts``, drawn by
``core.chart_render`` on matplotlib's Qt canvas); saved as PNG, SVG or PDF. Without
matplotlib or a CJK font the tab says what is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.chart_render import ChartsUnavailable, check_available, cjk_font, draw, figure_for
from desktop.core.charts import KINDS, TIME_FIELDS, ChartData, ChartError, captioned, chart_data
from desktop.core.stats import NONE, TOTAL, CrossTable


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table: CrossTable | None = None
        self.chart: ChartData | None = None
        self.canvas: Any = None
        self._stale = False
        self.field_names: dict[str, str] = {}
        self.kind = QComboBox()
        for caption, kind in zip(self._kind_captions(), KINDS, strict=True):
            self.kind.addItem(caption, kind)
        self.kind.currentIndexChanged.connect(self.redraw)
        self.save = QPushButton(self.tr("Save chart…"))
        self.save.clicked.connect(self._ask_save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        choices = QHBoxLayout()
        self.caption = QLabel(self.tr("Chart"))
        choices.addWidget(self.caption)
        choices.addWidget(self.kind)
        choices.addStretch(1)
        choices.addWidget(self.save)
        self.area = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.note)
        layout.addLayout(self.area, 1)

    def show_table(self, table: CrossTable, field_names: dict[str, str] | None = None) -> None:
        """Draw ``table`` now if the tab is shown, else when it is (matplotlib's import and a
        figure cost the other tabs nothing); ``field_names``: its fields in the interface
        language (a copy, not the counts window's method, so this tab holds no window)."""
        self.table = table
        self.field_names = dict(field_names or {})
        self._stale = True
        if self.isVisible():
            self.redraw()

    def forget(self) -> None:
        """Drop the table and its chart (the window closed, or its project changed)."""
        self.table = None
        self.redraw()  # its canvas and figure let go too, shown or not

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.redraw()

    def why_not(self, table: CrossTable, kind: str) -> str:
        """Why ``table`` cannot be drawn as ``kind``, or ''."""
        try:
            check_available()
        except ChartsUnavailable:
            return self.tr("Charts need matplotlib: pip install 'jiyao[charts]'")
        if cjk_font() is None:
            return self.tr("No font with Chinese characters is installed (e.g. fonts-noto-cjk).")
        if kind in ("heatmap", "network") and table.columns_field is None:
            return self.tr("Choose a Columns field for a heatmap or a network.")
        if kind == "timeline" and table.rows_field not in TIME_FIELDS:
            return self.tr("A timeline's rows are year, quarter or month.")
        return ""

    def _in_interface_language(self, chart: ChartData, table: CrossTable) -> ChartData:
        def value(name: str) -> str:
            if name == NONE:
                return self.tr("(none)")
            return self.tr("total") if name == TOTAL else name

        return captioned(
            chart,
            table,
            lambda name: self.field_names.get(name, name),
            value,
            value_label=self.tr("count"),
            undated_note=self.tr("{0} without a date, not shown"),
        )

    def retranslate(self) -> None:
        """The choices in the interface language (the chart is drawn again with the table the
        counts window shows next)."""
        for index, caption in enumerate(self._kind_captions()):
            self.kind.setItemText(index, caption)
        self.save.setText(self.tr("Save chart…"))
        self.caption.setText(self.tr("Chart"))

    def _kind_captions(self) -> tuple[str, ...]:
        return (
            self.tr("Bar chart"),
            self.tr("Timeline"),
            self.tr("Heatmap"),
            self.tr("Network (rows → columns)"),
        )

    def redraw(self) -> None:
        self._stale = False
        if self.canvas is not None:
            self.area.removeWidget(self.canvas)
            self.canvas.hide()  # deleted when the event loop next runs: gone from view now
            self.canvas.deleteLater()
            self.canvas = None
        self.chart = None
        table, kind = self.table, str(self.kind.currentData())
        reason = "" if table is None else self.why_not(table, kind)
        self.note.setText(reason)
        if table is not None and not reason:
            try:
                self.chart = self._in_interface_language(chart_data(table, kind), table)
            except ChartError:
                self.note.setText(self.tr("These dates cannot be put on a timeline."))
        if self.chart is not None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            self.canvas = FigureCanvasQTAgg(figure_for(self.chart))
            self.area.addWidget(self.canvas)
            if self.chart.undated:
                self.note.setText(self.tr("%n without a date, not shown", "", self.chart.undated))
        self.save.setEnabled(self.chart is not None)

    def _ask_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart"),
            "chart.png",
            self.tr("Images (*.png *.svg *.pdf)"),
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        if self.chart is None:
            return False
        try:
            draw(self.chart, path)
        except ChartError:
            QMessageBox.warning(
                self,
                self.tr("Save chart"),
                self.tr(
                    "Could not write {0}: save as .png, .svg or .pdf in a folder you may write to."
                ).format(path),
            )
            return False
        return True
