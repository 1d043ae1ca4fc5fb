"""The reading area: a document in its own script beside a converted one, entities highlighted.

Every span that crosses between the panes goes through the conversion alignment (and, when the
raw text is shown, through the cleaning map), never by pixel ratio or equal length.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
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

from desktop.core.adjudication import CoderLayers, Place, Review, coder_layers
from desktop.core.analysis import convert_for_reading
from desktop.core.conversion import CONFIGS, Conversion
from desktop.core.model import Annotation, Document, Entity
from desktop.core.offsets import OffsetMap
from desktop.core.script import Script
from desktop.core.search import script_variants
from desktop.ui.common import workers
from desktop.ui.common.display_names import conversion_caption, shown
from desktop.ui.common.messages import translated
from desktop.ui.common.names import display_name
from desktop.ui.reading.coder_layers import (
    CODER_LAYER,
    DISAGREEMENT_LAYER,
    CoderLegend,
    disagreement_formats,
    disagreement_highlights,
    lane_highlights,
)
from desktop.ui.reading.entity_panel import EntityLegend, entity_types
from desktop.ui.reading.pane_sync import PaneSync
from desktop.ui.reading.reading_pane import (
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
# Longer texts are converted off the GUI thread (OpenCC in Python: ~2 s for 300,000 characters);
# the original pane shows at once and the converted one when its text is ready.
CONVERT_AT_ONCE_BELOW = 20_000
# The last few documents' conversions, for going back and forth, up to so many characters
# in all (the newest is always kept): a long document's conversion holds its text twice.
KEPT_CONVERSIONS = 4
KEPT_CONVERSION_CHARACTERS = 400_000

ConversionKey = tuple[int, str, str]  # document id, requested configuration, script


class ReaderView(QWidget):
    # A document's script, and "auto" or a configuration name for that script, to remember it
    conversionChosen = Signal(str, str)
    tagClicked = Signal(int)  # the id of the innermost tag under a click
    statusChanged = Signal(str)
    conversionShown = Signal(int)  # the id of the document whose converted text is now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.entities: list[Entity] = []
        self.annotations: list[Annotation] = []
        # Per script: t2hk suits a Traditional document, not a Simplified one (issue 13).
        self.conversion_choices: dict[str, str] = {}
        self.suggestions: list[tuple[int, int, str]] = []  # start, end, tooltip
        self._painted_tags: dict[tuple[object, ...], Annotation] = {}
        self.entities_version = 0  # counts changes of ``entities``: what was found from them
        # clean span -> its left pane span and right pane span, flat (one tuple, not three, a
        # span: thousands of suggestions); valid until the texts change
        self._mapped: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        self.label_colors: dict[int, str] = {}
        self.conversion: Conversion | None = None  # None while a long text is converted
        self._conversions: OrderedDict[ConversionKey, tuple[Conversion, str]] = OrderedDict()
        self._converting: workers.Task | None = None
        self._notice = ""  # what the conversion says of itself (the core's, in English)
        self._raw_to_clean = OffsetMap.identity(0)
        self._showing_raw = False
        # A disagreement review shown as lanes (issue 16): the review, the place under review,
        # and what of it is in the shown document (None: the tags show as usual).
        self.review: Review | None = None
        self.review_place: Place | None = None
        self.shown_layers: CoderLayers | None = None

        self.original = ReadingPane()
        self.converted = ReadingPane()
        self.sync = PaneSync(self.original, self.converted)
        self.original.clickedAt.connect(lambda at: self._clicked(self._left_to_clean(at, at)[0]))
        self.converted.clickedAt.connect(self._clicked_converted)
        self.legend = EntityLegend()
        self.legend.hiddenKindsChanged.connect(self._apply_hidden_kinds)
        self.coder_legend = CoderLegend()

        self.title = QLabel()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setMinimumWidth(1)
        self.show_raw = QCheckBox()
        self.show_raw.toggled.connect(lambda: self._redisplay())
        self.show_raw.setEnabled(False)  # until a document with removed artefacts is shown
        self.conversion_choice = QComboBox()
        self.conversion_choice.addItem("", AUTOMATIC)
        for config in CONFIGS.values():
            self.conversion_choice.addItem("", config.name)
        self.conversion_choice.currentIndexChanged.connect(self._on_conversion_chosen)
        # The long descriptions must not make the right pane wider than the left one.
        self.conversion_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.conversion_choice.setMinimumContentsLength(16)
        self.mark_changes = QCheckBox()
        self.mark_changes.toggled.connect(lambda: self._redisplay())
        self.conversion_note = QLabel()
        self.conversion_note.setMinimumWidth(1)

        self.find_bar = self._build_find_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addWidget(self.coder_legend)
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
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every word the reader shows, in the interface language: at start and after a switch
        (View > Language), including the captions over the panes and the highlights' tips."""
        self.show_raw.setText(self.tr("Raw text"))
        self.show_raw.setToolTip(
            self.tr("Show the text as imported, with removed artefacts struck out")
        )
        self.conversion_choice.setItemText(0, self.tr("Automatic (the other script)"))
        for index, config in enumerate(CONFIGS.values(), start=1):
            self.conversion_choice.setItemText(
                index, f"{config.name} — {shown(config.description)}"
            )
        self.mark_changes.setText(self.tr("Mark changes"))
        self.mark_changes.setToolTip(self.tr("Underline what the conversion changed"))
        self.find_field.setPlaceholderText(self.tr("Find in document (either script)"))
        self.find_label.setText(self.tr("Find:"))
        self.find_next_button.setText(self.tr("Next"))
        self.find_close_button.setText(self.tr("Close"))
        if self.find_status.text():
            self.find_status.setText(self.tr("Not found"))
        if self.document is not None:
            self._show_title()
            self.conversion_note.setText(self.notice)
            self._paint_entities()  # their tips name the type
            if self.show_raw.isChecked() or self.mark_changes.isChecked():
                self._paint_marks()
            self._announce()

    @property
    def notice(self) -> str:
        """The line under the converted pane, in the interface language."""
        if self.conversion is None:
            return self.tr("Converting…") if self.document is not None else ""
        if self._notice:
            return translated(self._notice)
        return self.tr("Converted with {0}").format(conversion_caption(self.conversion.config))

    # Showing ----------------------------------------------------------------------------

    def show_document(self, document: Document, entities: list[Entity]) -> None:
        self.document = document
        self.entities = entities
        self.entities_version += 1
        self.annotations, self.suggestions = [], []
        self._painted_tags = {}
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
        """Show nothing (a project without documents, or another project: document ids no
        longer name the same texts, so no conversion is kept)."""
        if self._converting is not None:
            self._converting.cancel()
            self._converting = None
        self._conversions.clear()
        self.document, self.conversion = None, None
        self.entities, self.annotations, self.suggestions = [], [], []
        self.entities_version += 1
        self._painted_tags = {}
        self.shown_layers = None
        self.coder_legend.show_annotators(())
        self.original.show_text("")
        self.converted.show_text("")
        self.title.clear()
        self.conversion_note.clear()
        self.show_raw.setEnabled(False)

    def set_entities(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.entities_version += 1
        self._paint_entities()
        self._announce()

    def set_annotations(
        self,
        annotations: list[Annotation],
        label_colors: dict[int, str],
        changed: Collection[int] | None = None,
    ) -> None:
        """Show these tags. When only a few changed (a tag added, moved, deleted), only those are
        restyled: the panes' other highlights stay as painted. ``changed``: the only tags (ids)
        changed since the last call, when that is known."""
        self.annotations = annotations
        colors_changed = label_colors != self.label_colors
        self.label_colors = label_colors
        if colors_changed or self.conversion is None:
            self._painted_tags = self._tags_to_paint()
            self._paint_annotations()
            return
        if changed is not None:
            gone, new = self._changed_tags(set(changed))
        else:  # what of each tag shows in the panes, compared with what is painted
            before, after = self._painted_tags, self._tags_to_paint()
            self._painted_tags = after
            gone = [a for key, a in before.items() if key not in after]
            new = [a for key, a in after.items() if key not in before]
        after = self._painted_tags
        if len(gone) + len(new) > max(50, len(after) // 4):
            self._paint_annotations()  # a wholesale change: rebuilding is cheaper
            return
        for pane, side in ((self.original, 0), (self.converted, 1)):
            pane.remove_highlights(TAG_LAYER, _present(self._tag_highlights(a)[side] for a in gone))
            pane.add_highlights(TAG_LAYER, _present(self._tag_highlights(a)[side] for a in new))

    def _tag_highlights(self, annotation: Annotation) -> tuple[Highlight, Highlight | None]:
        """A tag's highlight in the left pane and in the right one (None while converting)."""
        a = annotation
        tip = f"{a.label}: {a.note}" if a.note else a.label
        in_left, in_right = self._both_panes(a.start, a.end)
        right = None if in_right is None else Highlight(*in_right, str(a.label_id), tip)
        return Highlight(*in_left, str(a.label_id), tip), right

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
        self.converted.remove_spans(
            SUGGESTION_LAYER, {right for _, right in mapped if right is not None}
        )

    def _both_panes(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """Where a clean-text span stands in the left and the right pane (cached); None for
        the right pane while its text is being converted."""
        mapped = self._mapped.get((start, end))
        if mapped is not None:
            return mapped[:2], mapped[2:]
        left = self._clean_to_left(start, end)
        if self.conversion is None:
            return left, None
        right = self.conversion.alignment.map_span(start, end)
        self._mapped[(start, end)] = (*left, *right)
        return left, right

    def _paint_suggestions(self) -> None:
        if self.document is None:
            return
        formats = {"suggestion": suggestion_format()}
        left, right = [], []
        for start, end, tip in self.suggestions:
            in_left, in_right = self._both_panes(start, end)
            left.append(Highlight(*in_left, "suggestion", tip))
            if in_right is not None:
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
            if self.conversion is not None:
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
        """The conversion of the shown document: at once when kept or short, else on the
        thread pool (``conversion`` is None until it arrives and is shown)."""
        assert self.document is not None
        if self._converting is not None:
            self._converting.cancel()  # its result is for another document or choice
            self._converting = None
        requested = self.conversion_choice.currentData()
        document = self.document
        text, script = document.clean_text, Script(document.script)
        chosen = None if requested == AUTOMATIC else str(requested)
        key = (document.id, str(requested), document.script)
        kept = self._conversions.get(key)
        if kept is None and len(text) < CONVERT_AT_ONCE_BELOW:
            kept = convert_for_reading(text, script, chosen)
        if kept is not None:
            self._keep_conversion(key, kept)  # kept, or kept longer: the newest is last
            self._use_conversion(*kept)
            return
        self.conversion, self._notice = None, ""
        # Nothing to follow until it arrives: the new text's scroll reset must not map the
        # left pane through a conversion that is gone.
        self.sync.set_mapping(_nowhere, _nowhere)

        def convert(_progress: object, cancelled: Callable[[], bool]) -> object:
            return None if cancelled() else convert_for_reading(text, script, chosen)

        task = workers.Task(convert, "convert")
        task.signals.finished.connect(lambda result: self._converted(task, key, result))
        task.signals.failed.connect(self.statusChanged.emit)
        self._converting = task
        # After the original is painted: the conversion is Python on another thread and would
        # halve the GUI thread's share of the GIL while the document opens.
        QTimer.singleShot(0, lambda: workers.start(task))

    def _keep_conversion(self, key: ConversionKey, kept: tuple[Conversion, str]) -> None:
        self._conversions[key] = kept
        self._conversions.move_to_end(key)
        while len(self._conversions) > 1 and (
            len(self._conversions) > KEPT_CONVERSIONS
            or sum(len(c.source) for c, _ in self._conversions.values())
            > KEPT_CONVERSION_CHARACTERS
        ):
            self._conversions.popitem(last=False)

    def _use_conversion(self, conversion: Conversion, notice: str) -> None:
        self.conversion, self._notice = conversion, notice

    def _converted(self, task: workers.Task, key: ConversionKey, result: object) -> None:
        """A background conversion is done: show it, unless the user has moved on."""
        if result is None or task is not self._converting or task.is_cancelled():
            return
        self._converting = None
        assert isinstance(result, tuple)
        self._keep_conversion(key, result)
        if self.document is None or self.document.id != key[0]:
            return
        self._use_conversion(*result)
        self._show_converted()

    def _redisplay(self, *, keep_place: bool = True) -> None:
        if self.document is None:
            return
        raw = self.show_raw.isChecked()
        # Stay on the same passage when a toggle or a new conversion redraws the panes.
        keep = self._first_visible_clean() if keep_place and self.original.text else 0
        self._mapped.clear()
        self.original.show_text(self.document.raw_text if raw else self.document.clean_text)
        self._showing_raw = raw
        self._show_title()
        self._show_converted()
        if keep:
            self.original.scroll_to_position(self._clean_to_left(keep, keep)[0])

    def _show_title(self) -> None:
        assert self.document is not None
        self.title.setText(f"{self.document.title} · {display_name(self.document.script)}")

    def _show_converted(self) -> None:
        """The right pane's text (empty while it is converted) and every layer of both panes."""
        assert self.document is not None
        self._mapped.clear()
        self.converted.show_text(self.conversion.text if self.conversion is not None else "")
        self.conversion_note.setText(self.notice)
        if self.conversion is not None:
            self.sync.set_mapping(self._left_to_right, self._right_to_left)
        else:
            self.sync.set_mapping(_nowhere, _nowhere)
        self._paint_marks()
        self._paint_entities()
        self.shown_layers = self._layers_of_shown_document()
        self._paint_annotations()
        self._paint_suggestions()
        self._paint_coder_layers()
        if self.conversion is not None:
            self.original.visibleRangeChanged.emit()  # the right pane goes where the left is
            self.conversionShown.emit(self.document.id)
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
        if self.document is None:
            return
        types = entity_types()
        formats = {name: background_format(kind.color) for name, kind in types.items()}
        tips = {name: kind.shown_label() for name, kind in types.items()}
        left, right = [], []
        for entity in self.entities:
            tip = tips.get(entity.type, entity.type)
            left.append(Highlight(*self._clean_to_left(entity.start, entity.end), entity.type, tip))
            if self.conversion is not None:
                right.append(
                    Highlight(
                        *self.conversion.alignment.map_span(entity.start, entity.end),
                        entity.type,
                        tip,
                    )
                )
        hidden = self.legend.hidden_kinds()
        for pane, highlights in ((self.original, left), (self.converted, right)):
            pane.set_layer(ENTITY_LAYER, highlights, formats)
            pane.set_hidden_kinds(ENTITY_LAYER, hidden)

    def _tags_to_paint(self) -> dict[tuple[object, ...], Annotation]:
        """The tags the tags layer paints, by what of each shows: all but those of the coders
        shown in lanes."""
        laned = self._laned()
        return {_painted_key(a): a for a in self.annotations if a.annotator not in laned}

    def _laned(self) -> set[str]:
        return set(self.shown_layers.annotators) if self.shown_layers is not None else set()

    def _changed_tags(self, changed: set[int]) -> tuple[list[Annotation], list[Annotation]]:
        """The painted tags that went and came when only the tags ``changed`` did (ids): the
        painted ones are updated in place, not made again from all of them at every tag."""
        painted = self._painted_tags
        before = {key: a for key, a in painted.items() if a.id in changed}
        laned = self._laned()
        now = {
            _painted_key(a): a
            for a in self.annotations
            if a.id in changed and a.annotator not in laned
        }
        gone = [a for key, a in before.items() if key not in now]
        new = [a for key, a in now.items() if key not in before]
        for key in before.keys() - now.keys():
            del painted[key]
        painted.update(now)
        return gone, new

    def _paint_annotations(self) -> None:
        if self.document is None:
            return
        formats = {
            str(label_id): tag_format(color) for label_id, color in self.label_colors.items()
        }
        left, right = [], []
        self._painted_tags = self._tags_to_paint()
        for a in self._painted_tags.values():
            in_left, in_right = self._tag_highlights(a)
            left.append(in_left)
            if in_right is not None:
                right.append(in_right)
        self.original.set_layer(TAG_LAYER, left, formats)
        self.converted.set_layer(TAG_LAYER, right, formats)

    # A disagreement review ---------------------------------------------------------------

    def show_review(self, review: Review | None, current: Place | None = None) -> None:
        """Show ``review``'s coders' tags as lanes, one per coder (their tags leave the tags
        layer), with its open disagreements underlined and ``current`` marked, in whichever of
        its documents is shown; None: the tags as usual again."""
        self.review, self.review_place = review, current
        if self.document is None:
            return
        self.shown_layers = self._layers_of_shown_document()
        self._paint_annotations()
        self._paint_coder_layers()

    def _layers_of_shown_document(self) -> CoderLayers | None:
        if self.review is None or self.document is None:
            return None
        return coder_layers(self.review, self.document.id, self.review_place)

    def _paint_coder_layers(self) -> None:
        layers = self.shown_layers
        self.coder_legend.show_annotators(layers.annotators if layers is not None else ())
        tip = self.tr("A disagreement between coders")
        for pane, side in ((self.original, 0), (self.converted, 1)):

            def to_pane(start: int, end: int, side: int = side) -> tuple[int, int] | None:
                return self._both_panes(start, end)[side]

            if layers is None:
                pane.remove_layer(CODER_LAYER)
                pane.remove_layer(DISAGREEMENT_LAYER)
                continue
            lanes, bars = lane_highlights(layers, to_pane)
            pane.set_lanes(CODER_LAYER, lanes, bars, len(layers.annotators))
            pane.set_layer(
                DISAGREEMENT_LAYER,
                disagreement_highlights(layers, to_pane, tip),
                disagreement_formats(),
            )

    def _paint_marks(self) -> None:
        assert self.document is not None
        if self.show_raw.isChecked():
            removed = [(r.start, r.end) for r in self.document.removed]
            self.original.set_layer(
                MARK_LAYER,
                spans_of(removed, "removed", self.tr("Removed when cleaning")),
                {"removed": struck_format("#b0b0b0")},
            )
        if self.mark_changes.isChecked() and self.conversion is not None:
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
            f"{kind.shown_label()} {counts[name]}" for name, kind in entity_types().items()
        )
        self.statusChanged.emit(
            self.tr("Script: {0} · conversion: {1} · {2}").format(
                display_name(self.document.script),
                conversion_caption(self.conversion.config),
                summary,
            )
        )

    # Selecting and finding --------------------------------------------------------------

    def select_clean_span(self, start: int, end: int) -> None:
        """Select a span of the clean text in the left pane (the right pane follows)."""
        self.original.select_span(*self._clean_to_left(start, end))

    def _build_find_bar(self) -> QWidget:
        bar = QWidget()
        self.find_field = QLineEdit()
        self.find_field.returnPressed.connect(self.find_next)
        self.find_label = QLabel()
        self.find_next_button = QPushButton()
        self.find_next_button.clicked.connect(self.find_next)
        self.find_close_button = QPushButton()
        self.find_close_button.clicked.connect(bar.hide)
        self.find_status = QLabel()
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        widgets = (self.find_label, self.find_field, self.find_next_button, self.find_close_button)
        for widget in widgets:
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


def _nowhere(_start: int, _end: int) -> tuple[int, int]:
    """The mapping to and from a pane that shows nothing yet."""
    return 0, 0


def _present(highlights: Iterable[Highlight | None]) -> list[Highlight]:
    return [h for h in highlights if h is not None]


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


def _painted_key(annotation: Annotation) -> tuple[object, ...]:
    """What of a tag shows in the panes: it is painted again when any of it changes."""
    a = annotation
    return (a.id, a.start, a.end, a.label_id, a.label, a.note)
