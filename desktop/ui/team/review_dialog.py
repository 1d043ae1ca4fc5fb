"""The disagreement review: the places where the chosen coders disagree, one coder per lane,
stepped through with F8; each is decided by taking one coder's tags (with their attributes)
into the adjudicated layer, or by deciding it holds no tag. A tag taken is edited like any
other in the Tags tab. Every decision is one step on the undo history. While the review is
open the reading panes show the coders' tags as layers, the place under review marked."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from functools import partial
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.adjudication import GOLD, Place, Review
from desktop.core.agreement import Tag
from desktop.core.store import StoreError
from desktop.core.team import TeamInputError, project_review, record_review, review_again
from desktop.ui.common.colors import coder_color
from desktop.ui.common.display_names import attribute_captions, shown
from desktop.ui.team.commands import MarkUntagged, TakeAgreed, TakeTags
from desktop.ui.team.review_view import ReviewView
from desktop.ui.workspace import Workspace

# Opens a document (if it is not the one shown) and selects a span of it.
GoTo = Callable[[int, int, int], None]


class ReviewDialog(QDialog):
    """Step through open disagreements and decide each."""

    def __init__(
        self,
        workspace: Workspace,
        go_to: GoTo,
        view: ReviewView,
        annotators: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.go_to, self.view = workspace, go_to, view
        self.annotators = tuple(annotators)
        self.review: Review | None = None
        self.setWindowTitle(self.tr("Review disagreements"))
        self.gold = QLineEdit(GOLD)
        self.gold.setToolTip(self.tr("The annotator name of the adjudicated layer"))
        self.gold.editingFinished.connect(self.reload)
        self.places = QListWidget()
        self.places.setUniformItemSizes(True)  # thousands of places: laid out without measuring
        self.places.currentRowChanged.connect(self._show_place)
        self.lanes = QLabel()
        self.lanes.setWordWrap(True)
        self.lanes.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()
        self.take_buttons: list[QPushButton] = []
        decisions = QHBoxLayout()
        for number, name in enumerate(self.annotators, start=1):
            button = QPushButton(self.tr("Take %1's (Alt+%2)").replace("%1", name).replace(
                "%2", str(number)))  # fmt: skip
            button.clicked.connect(partial(self.take, name))
            if number <= 9:
                QShortcut(QKeySequence(f"Alt+{number}"), self, partial(self.take, name))
            decisions.addWidget(button)
            self.take_buttons.append(button)
        self.untagged = QPushButton(self.tr("No tag here (Alt+0)"))
        self.untagged.clicked.connect(self.mark_untagged)
        QShortcut(QKeySequence("Alt+0"), self, self.mark_untagged)
        decisions.addWidget(self.untagged)
        next_button = QPushButton(self.tr("Next (F8)"))
        next_button.clicked.connect(lambda: self.step(+1))
        # F8 steps from the reading panes too, where the disagreement is shown: the window
        # binds nothing else to it, and one review is open at a time (TeamActions).
        for key, by in (("F8", +1), ("Shift+F8", -1)):
            shortcut = QShortcut(QKeySequence(key), self, partial(self.step, by))
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        decisions.addWidget(next_button)
        form = QFormLayout()
        form.addRow(self.tr("Adjudicated layer:"), self.gold)
        self.take_agreed = QPushButton()
        self.take_agreed.setToolTip(
            self.tr(
                "Copy the tags of the places where every coder agreed (with the first coder's "
                "attributes) into the adjudicated layer"
            )
        )
        self.take_agreed.clicked.connect(self.take_agreed_tags)
        self._bulk = False  # many documents' tags being announced: reload once, after
        self._listed: list[Place] = []  # the places listed, row by row
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(_row(self.status, self.take_agreed))
        layout.addWidget(self.places)
        layout.addWidget(self.lanes)
        layout.addLayout(decisions)
        self.resize(720, 460)
        workspace.annotationsChanged.connect(self._annotations_changed)
        workspace.projectSwitched.connect(self.close)  # its places name another project's
        self.finished.connect(self._end_layers)
        self.reload()

    def gold_name(self) -> str:
        return self.gold.text().strip() or GOLD

    def reload(self) -> None:
        """Read the open disagreements again, keeping the place shown when it is still open."""
        try:
            self.review = project_review(
                self.workspace.store, self.annotators, gold=self.gold_name()
            )
        except (TeamInputError, StoreError) as error:
            self.review = None
            self.status.setText(str(error))
            self.places.clear()
            self._enable(False)
            self.take_agreed.setEnabled(False)
            self.view.show_review(None)
            return
        self._record(self.review)
        self._show_review()

    def _reread_document(self, document_id: int) -> None:
        """One document's tags changed (a decision, its undo, an edit): read only its places
        again, so a decision in a large project costs one document's work."""
        if self.review is None:
            self.reload()
            return
        try:
            self.review = review_again(
                self.workspace.store, self.review, document_id, gold=self.gold_name()
            )
        except StoreError as error:
            self.workspace.message.emit(str(error))
            return
        self._record(self.review.of_document(document_id))
        self._show_review(document_id)

    def _record(self, found: Review) -> None:
        try:  # which documents are now adjudicated: the corpus list says so
            record_review(self.workspace.store, found, self.gold_name())
        except StoreError as error:
            self.workspace.message.emit(str(error))

    def _show_review(self, document: int | None = None) -> None:
        """List the open disagreements (when only ``document`` changed, only its rows anew),
        keeping the place shown (when it was decided, the one after it)."""
        assert self.review is not None
        current, row = self.current_place(), max(self.places.currentRow(), 0)
        open_places = self.review.open_disagreements()
        self.places.blockSignals(True)
        if document is None:
            self.places.clear()
            self._listed = []
            self._list(open_places, 0)
        else:  # the list is in document order: that document's rows are together
            first = bisect_left(self._listed, document, key=lambda place: place.document)
            last = bisect_right(self._listed, document, key=lambda place: place.document)
            for at in range(last - 1, first - 1, -1):
                self.places.takeItem(at)
            del self._listed[first:last]
            self._list([place for place in open_places if place.document == document], first)
        self.places.blockSignals(False)
        self.status.setText(
            self.tr("%n disagreement(s) to decide", "", len(open_places))
            + " · "
            + self.tr("%n place(s) agreed", "", len(self.review.agreements()))
        )
        agreed = len(self.review.open_agreements())
        self.take_agreed.setText(self.tr("Take the agreed tags (%n place(s))", "", agreed))
        self.take_agreed.setEnabled(agreed > 0)
        row = next((i for i, p in enumerate(open_places) if p == current), row)
        self._enable(bool(open_places))
        if open_places:
            self.places.setCurrentRow(min(row, len(open_places) - 1))
            self._show_place(self.places.currentRow())
        else:
            self.lanes.setText(self.tr("Every disagreement is decided."))
            self.view.show_review(self.review)

    def _list(self, places: Sequence[Place], at: int) -> None:
        """Insert rows for these places (of one or more documents) at row ``at``."""
        titles: dict[int, str] = {}
        for offset, place in enumerate(places):
            if place.document not in titles:
                titles[place.document] = self.workspace.store.document_title_and_status(
                    place.document
                )[0]
            item = QListWidgetItem(
                f"{titles[place.document]} · {place.start}–{place.end} · "
                f"{place.summary(self.annotators)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, place)
            self.places.insertItem(at + offset, item)
        self._listed[at:at] = places

    def current_place(self) -> Place | None:
        item = self.places.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def step(self, by: int) -> None:
        count = self.places.count()
        if count:
            self.places.setCurrentRow((self.places.currentRow() + by) % count)

    def take(self, annotator: str) -> None:
        place = self.current_place()
        if place is None:
            return
        ids = [tag.id for tag in place.by(annotator)]
        if not ids:  # that coder tagged nothing here: the same as deciding no tag
            self.mark_untagged()
            return
        self.workspace.undo_stack.push(
            TakeTags(self.workspace.store, self._refresh, place, ids, self.gold_name())
        )

    def take_agreed_tags(self) -> None:
        """Every agreed place not yet in the adjudicated layer goes in (the first coder's tags
        there, with their attributes): one undo step."""
        if self.review is None:
            return
        first = self.review.annotators[0]
        tags = [tag for place in self.review.open_agreements() for tag in place.by(first)]
        if tags:
            documents = sorted({tag.document for tag in tags})
            self.workspace.undo_stack.push(
                TakeAgreed(
                    self.workspace.store,
                    partial(self._refresh_documents, documents),
                    tags,
                    self.gold_name(),
                )
            )

    def _refresh_documents(self, documents: Sequence[int]) -> None:
        """Tell the window each document's tags changed, then read the review once."""
        self._bulk = True
        try:
            for document in documents:
                self.workspace.announce_annotations(document)
        finally:
            self._bulk = False
        self.reload()

    def mark_untagged(self) -> None:
        place = self.current_place()
        if place is not None:
            self.workspace.undo_stack.push(
                MarkUntagged(self.workspace.store, self._refresh, place, self.gold_name())
            )

    def _refresh(self, document_id: int, changed: Collection[int] | None) -> None:
        self.workspace.announce_annotations(document_id, changed)

    def _annotations_changed(self, document_id: int, _changed: object) -> None:
        if not self._bulk:
            self._reread_document(document_id)

    def _enable(self, enabled: bool) -> None:
        for button in (*self.take_buttons, self.untagged):
            button.setEnabled(enabled)

    def _show_place(self, row: int) -> None:
        place = self.current_place()
        if row < 0 or place is None:
            return
        text = self.workspace.store.document(place.document).clean_text
        captions = attribute_captions(self.workspace.store.attributes())
        rows = []
        for number, name in enumerate(self.annotators):
            colour = coder_color(number)
            tags = place.by(name)
            said = "; ".join(
                f"<b>{escape(tag.label)}</b> {tag.start}–{tag.end}"
                + "".join(
                    f" {escape(captions.get(k, k))}={escape(shown(str(v)))}"
                    for k, v in tag.attributes.items()
                )
                for tag in tags
            )
            rows.append(
                f'<tr><td style="color:{colour}">■ {escape(name)}</td>'
                f"<td>{lane(text, place, tags, colour)}</td>"
                f"<td>{said or escape(self.tr('no tag'))}</td></tr>"
            )
        self.lanes.setText(f'<table cellspacing="4">{"".join(rows)}</table>')
        self.go_to(place.document, place.start, place.end)
        self.view.show_review(self.review, place)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._end_layers()
        super().closeEvent(event)

    def _end_layers(self) -> None:
        """The review is over: the panes show the tags as usual again."""
        self.view.show_review(None)


# Characters of context shown on either side of a place in its lanes.
LANE_CONTEXT = 12


def lane(text: str, place: Place, tags: Sequence[Tag], colour: str) -> str:
    """The place's words with a little context, as HTML: the characters this annotator's tags
    cover on their colour, so lanes one above the other show where the coders part."""
    first = max(0, place.start - LANE_CONTEXT)
    last = min(len(text), place.end + LANE_CONTEXT)
    covered = [False] * (last - first)
    for tag in tags:
        for position in range(max(tag.start, first), min(tag.end, last)):
            covered[position - first] = True
    pieces = []
    for position, character in enumerate(text[first:last]):
        shown = escape(character) if character != "\n" else "⏎"
        if covered[position]:
            shown = f'<span style="background:{colour};color:white">{shown}</span>'
        pieces.append(shown)
    return "".join(pieces)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLabel) else 0)
    return row
