"""The reading area: a document in its own script beside a converted one, entities highlighted.

Every span that crosses between the panes goes through the conversion alignment (and, when the
raw text is shown, through the cleaning map), never by pixel ratio or equal length.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysis import convert_for_reading
from desktop.core.conversion import CONFIGS, Conversion
from desktop.core.model import Annotation, Document, Entity
from desktop.core.offsets import OffsetMap
from desktop.core.script import Script
from desktop.core.search import script_variants
from desktop.ui.display_names import shown
from desktop.ui.document_model import display_name
from desktop.ui.entity_panel import EntityLegend, entity_types
from desktop.ui.pane_sync import PaneSync
from desktop.ui.reading_pane import (
    Highlight,
    ReadingPane,
    background_format,
    spans_of,
    struck_format,
    suggestion_format,
    tag_format,
    underline_format,
)

AUTOMATIC = "auto"
ENTITY_LAYER = "entities"
MARK_LAYER = "marks"
TAG_LAYER = "tags"
SUGGESTION_LAYER = "suggestions"


class ReaderView(QWidget):
    # A document's script, and "auto" or a configuration name for that script, to remember it
    conversionChosen = Signal(str, str)
    tagClicked = Signal(int)  # the id of the innermost tag under a click
    statusChanged = Signal(str)

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.document: Document | None = None
        self.entities: list[Entity] = []
        self.annotations: list[Annotation] = []
        # Per script: t2hk suits a Traditional document, not a Simplified one (issue 13).
        self.conversion_choices: dict[str, str] = {}
        self.suggestions: list[tuple[int, int, str]] = []  # start, end, tooltip
        # clean span -> (left pane span, right pane span); valid until the texts change
        self._mapped: dict[tuple[int, int], tuple[tuple[int, int], tuple[int, int]]] = {}
        self.label_colors: dict[int, str] = {}
        self.conversion: Conversion | None = None
        self.notice = ""
        self._raw_to_clean = OffsetMap.identity(0)
        self._showing_raw = False

        self.original = ReadingPane()
        self.converted = ReadingPane()
        self.sync = PaneSync(self.original, self.converted)
        self.original.clickedAt.connect(lambda at: self._clicked(self._left_to_clean(at, at)[0]))
        self.converted.clickedAt.connect(self._clicked_converted)
        self.legend = EntityLegend(language)
        self.legend.hiddenKindsChanged.connect(self._apply_hidden_kinds)

        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setMinimumWidth(1)
        self.show_raw = QCheckBox(self.tr("Raw text"))
        self.show_raw.setToolTip(
            self.tr("Show the text as imported, with removed artefacts struck out")
        )
        self.show_raw.toggled.connect(lambda: self._redisplay())
        self.conversion_choice = QComboBox()
        self.conversion_choice.addItem(self.tr("Automatic (the other script)"), AUTOMATIC)
        for config in CONFIGS.values():
            caption = f"{config.name} — {shown(config.description)}"
            self.conversion_choice.addItem(caption, config.name)
        self.conversion_choice.currentIndexChanged.connect(self._on_conversion_chosen)
        # The long descriptions must not make the right pane wider than the left one.
        self.conversion_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.conversion_choice.setMinimumContentsLength(16)
        self.mark_changes = QCheckBox(self.tr("Mark changes"))
        self.mark_changes.setToolTip(self.tr("Underline what the conversion changed"))
        self.mark_changes.toggled.connect(lambda: self._redisplay())
        self.conversion_note = QLabel()
        self.conversion_note.setMinimumWidth(1)

        self.find_bar = self._build_find_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(_column(_row(self.title, self.show_raw), self.original))
        panes.addWidget(
            _column(
                _row(self.conversion_choice, self.mark_changes),
                self.converted,
                self.conversion_note,
            )
        )
        panes.setStretchFactor(0, 1)
        panes.setStretchFactor(1, 1)
        self.panes = panes
        layout.addWidget(panes, 1)
        layout.addWidget(self.find_bar)

    # Showing ----------------------------------------------------------------------------

    def show_document(self, document: Document, entities: list[Entity]) -> None:
        self.document = document
        self.entities = entities
        self.annotations, self.suggestions = [], []
        self._raw_to_clean = OffsetMap.from_deletions(
            len(document.raw_text), [(r.start, r.end) for r in document.removed]
        )
        self.show_raw.setEnabled(bool(document.removed))
        if not document.removed:
            # Quietly: the panes are redrawn once below, for the new document.
            self.show_raw.blockSignals(True)
            self.show_raw.setChecked(False)
            self.show_raw.blockSignals(False)
        self._show_conversion_choice(self.conversion_choices.get(document.script, AUTOMATIC))
        self._convert()
        self._redisplay(keep_place=False)

    def _first_visible_clean(self) -> int:
        """The first visible character, in clean offsets, of what the left pane shows *now*
        (before a toggle redraws it)."""
        position = self.original.first_visible_position()
        if self._showing_raw:
            return self._raw_to_clean.map_span(position, position)[0]
        return position

    def clear(self) -> None:
        """Show nothing (a project without documents)."""
        self.document, self.conversion = None, None
        self.entities, self.annotations, self.suggestions = [], [], []
        self.original.show_text("")
        self.converted.show_text("")
        self.title.clear()
        self.conversion_note.clear()

    def set_entities(self, entities: list[Entity]) -> None:
        self.entities = entities
        self._paint_entities()
        self._announce()

    def set_annotations(self, annotations: list[Annotation], label_colors: dict[int, str]) -> None:
        self.annotations = annotations
        self.label_colors = label_colors
        self._paint_annotations()

    def _clicked_converted(self, position: int) -> None:
        if self.conversion is not None:
            self._clicked(self.conversion.alignment.map_span_back(position, position)[0])

    def _clicked(self, position: int) -> None:
        """Clicking a tagged span selects that tag (the shortest one, when tags nest)."""
        under = [a for a in self.annotations if a.start <= position < a.end]
        if under:
            self.tagClicked.emit(min(under, key=lambda a: a.end - a.start).id)

    def set_suggestions(self, suggestions: list[tuple[int, int, str]]) -> None:
        """Candidate directives to show dashed: (start, end, tooltip) in clean offsets."""
        self.suggestions = suggestions
        self._paint_suggestions()

    def hide_suggestions(self, spans: set[tuple[int, int]]) -> None:
        """Stop showing these suggestions (clean spans), without rebuilding the others."""
        self.suggestions = [s for s in self.suggestions if (s[0], s[1]) not in spans]
        mapped = [self._both_panes(start, end) for start, end in spans]
        self.original.remove_spans(SUGGESTION_LAYER, {left for left, _ in mapped})
        self.converted.remove_spans(SUGGESTION_LAYER, {right for _, right in mapped})

    def _both_panes(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """Where a clean-text span stands in the left and the right pane (cached)."""
        mapped = self._mapped.get((start, end))
        if mapped is None:
            assert self.conversion is not None
            mapped = (
                self._clean_to_left(start, end),
                self.conversion.alignment.map_span(start, end),
            )
            self._mapped[(start, end)] = mapped
        return mapped

    def _paint_suggestions(self) -> None:
        if self.conversion is None:
            return
        formats = {"suggestion": suggestion_format()}
        left, right = [], []
        for start, end, tip in self.suggestions:
            in_left, in_right = self._both_panes(start, end)
            left.append(Highlight(*in_left, "suggestion", tip))
            right.append(Highlight(*in_right, "suggestion", tip))
        self.original.set_layer(SUGGESTION_LAYER, left, formats)
        self.converted.set_layer(SUGGESTION_LAYER, right, formats)

    def selected_clean_span(self) -> tuple[int, int] | None:
        """The selection, in clean-text offsets, from whichever pane holds one (focus first)."""
        panes = [self.original, self.converted]
        panes.sort(key=lambda pane: not pane.hasFocus())
        for pane in panes:
            span = pane.selected_span()
            if span is None or span[0] == span[1]:
                continue
            if pane is self.original:
                return self._left_to_clean(*span)
            assert self.conversion is not None
            return self.conversion.alignment.map_span_back(*span)
        return None

    def set_conversion_choices(self, choices: dict[str, str]) -> None:
        """The conversion to use per script ("auto" or a configuration name)."""
        self.conversion_choices = dict(choices)
        if self.document is not None:
            self.set_conversion_choice(self.conversion_choices.get(self.document.script, AUTOMATIC))

    def set_conversion_choice(self, choice: str) -> None:
        """Convert the shown document (and those of its script) with this choice."""
        index = self.conversion_choice.findData(choice)
        self.conversion_choice.setCurrentIndex(max(index, 0))

    def _show_conversion_choice(self, choice: str) -> None:
        self.conversion_choice.blockSignals(True)  # the document is converted once, after
        self.set_conversion_choice(choice)
        self.conversion_choice.blockSignals(False)

    def _on_conversion_chosen(self) -> None:
        choice = str(self.conversion_choice.currentData())
        if self.document is not None:
            self.conversion_choices[self.document.script] = choice
            self.conversionChosen.emit(self.document.script, choice)
            self._convert()
            self._redisplay()

    def _convert(self) -> None:
        assert self.document is not None
        requested = self.conversion_choice.currentData()
        self.conversion, notice = convert_for_reading(
            self.document.clean_text,
            Script(self.document.script),
            None if requested == AUTOMATIC else str(requested),
        )
        self.notice = notice or self.tr("Converted with {0}").format(self.conversion.config)

    def _redisplay(self, *, keep_place: bool = True) -> None:
        if self.document is None or self.conversion is None:
            return
        raw = self.show_raw.isChecked()
        # Stay on the same passage when a toggle or a new conversion redraws the panes.
        keep = self._first_visible_clean() if keep_place and self.original.text else 0
        self._mapped.clear()
        self.original.show_text(self.document.raw_text if raw else self.document.clean_text)
        self._showing_raw = raw
        self.converted.show_text(self.conversion.text)
        self.conversion_note.setText(self.notice)
        self.title.setText(f"{self.document.title} · {display_name(self.document.script)}")
        self.sync.set_mapping(self._left_to_right, self._right_to_left)
        self._paint_marks()
        self._paint_entities()
        self._paint_annotations()
        self._paint_suggestions()
        if keep:
            self.original.scroll_to_position(self._clean_to_left(keep, keep)[0])
        self._announce()

    # Mapping between the panes ----------------------------------------------------------

    def _clean_to_left(self, start: int, end: int) -> tuple[int, int]:
        if self.show_raw.isChecked():
            return self._raw_to_clean.map_span_back(start, end)
        return start, end

    def _left_to_clean(self, start: int, end: int) -> tuple[int, int]:
        if self.show_raw.isChecked():
            return self._raw_to_clean.map_span(start, end)
        return start, end

    def _left_to_right(self, start: int, end: int) -> tuple[int, int]:
        assert self.conversion is not None
        return self.conversion.alignment.map_span(*self._left_to_clean(start, end))

    def _right_to_left(self, start: int, end: int) -> tuple[int, int]:
        assert self.conversion is not None
        return self._clean_to_left(*self.conversion.alignment.map_span_back(start, end))

    # Layers -----------------------------------------------------------------------------

    def _paint_entities(self) -> None:
        if self.conversion is None:
            return
        types = entity_types()
        formats = {name: background_format(kind.color) for name, kind in types.items()}
        tips = {name: kind.label_for(self.language) for name, kind in types.items()}
        left, right = [], []
        for entity in self.entities:
            tip = tips.get(entity.type, entity.type)
            left.append(Highlight(*self._clean_to_left(entity.start, entity.end), entity.type, tip))
            right.append(
                Highlight(
                    *self.conversion.alignment.map_span(entity.start, entity.end), entity.type, tip
                )
            )
        hidden = self.legend.hidden_kinds()
        for pane, highlights in ((self.original, left), (self.converted, right)):
            pane.set_layer(ENTITY_LAYER, highlights, formats)
            pane.set_hidden_kinds(ENTITY_LAYER, hidden)

    def _paint_annotations(self) -> None:
        if self.conversion is None:
            return
        formats = {
            str(label_id): tag_format(color) for label_id, color in self.label_colors.items()
        }
        left, right = [], []
        for a in self.annotations:
            tip = f"{a.label}: {a.note}" if a.note else a.label
            in_left, in_right = self._both_panes(a.start, a.end)
            left.append(Highlight(*in_left, str(a.label_id), tip))
            right.append(Highlight(*in_right, str(a.label_id), tip))
        self.original.set_layer(TAG_LAYER, left, formats)
        self.converted.set_layer(TAG_LAYER, right, formats)

    def _paint_marks(self) -> None:
        assert self.document is not None and self.conversion is not None
        if self.show_raw.isChecked():
            removed = [(r.start, r.end) for r in self.document.removed]
            self.original.set_layer(
                MARK_LAYER,
                spans_of(removed, "removed", self.tr("Removed when cleaning")),
                {"removed": struck_format("#b0b0b0")},
            )
        if self.mark_changes.isChecked():
            self.converted.set_layer(
                MARK_LAYER,
                spans_of(
                    self.conversion.changed_spans(), "changed", self.tr("Changed by the conversion")
                ),
                {"changed": underline_format("#c08000")},
            )

    def _apply_hidden_kinds(self, hidden: set[str]) -> None:
        for pane in (self.original, self.converted):
            pane.set_hidden_kinds(ENTITY_LAYER, hidden)

    def _announce(self) -> None:
        if self.document is None or self.conversion is None:
            return
        counts = {name: 0 for name in entity_types()}
        for entity in self.entities:
            counts[entity.type] = counts.get(entity.type, 0) + 1
        summary = ", ".join(
            f"{kind.label_for(self.language)} {counts[name]}"
            for name, kind in entity_types().items()
        )
        self.statusChanged.emit(
            self.tr("Script: {0} · conversion: {1} · {2}").format(
                display_name(self.document.script), self.conversion.config, summary
            )
        )

    # Selecting and finding --------------------------------------------------------------

    def select_clean_span(self, start: int, end: int) -> None:
        """Select a span of the clean text in the left pane (the right pane follows)."""
        self.original.select_span(*self._clean_to_left(start, end))

    def _build_find_bar(self) -> QWidget:
        bar = QWidget()
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("Find in document (either script)"))
        self.find_field.returnPressed.connect(self.find_next)
        next_button = QPushButton(self.tr("Next"))
        next_button.clicked.connect(self.find_next)
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(bar.hide)
        self.find_status = QLabel()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("Find:")), self.find_field, next_button, close_button):
            row.addWidget(widget)
        row.addWidget(self.find_status, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), bar, bar.hide)
        bar.hide()
        return bar

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_field.setFocus()
        self.find_field.selectAll()

    def find_next(self) -> bool:
        """Select the next occurrence in the left pane of the query in any script form."""
        query = self.find_field.text()
        text = self.original.text
        if not query or not text:
            return False
        current = self.original.selected_span()
        forms = script_variants(query)
        for origin in (current[1] if current else 0, 0):  # from the selection, then wrap
            hits = [(text.find(form, origin), form) for form in forms]
            found = min(((at, form) for at, form in hits if at >= 0), default=None)
            if found is not None:
                self.find_status.clear()
                self.original.select_span(found[0], found[0] + len(found[1]))
                return True
        self.find_status.setText(self.tr("Not found"))
        return False


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QLabel | QComboBox) else 0)
    return box


def _column(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, ReadingPane) else 0)
    return box
