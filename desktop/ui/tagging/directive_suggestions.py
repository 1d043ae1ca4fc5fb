"""Suggested directives in the shown document: dashed in the panes, worked through by keys.

Tab and Shift+Tab move between them, Enter tags the current one with its likely label and
attributes, Delete rejects it (remembered in the project); all of it undoable.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from desktop.core.directives import Suggestion, suggest_directives
from desktop.core.label_suggestion import suggest_label
from desktop.core.script import Script
from desktop.ui.common.display_names import shown
from desktop.ui.common.shortcuts import pane_shortcuts
from desktop.ui.tagging.commands import AddAnnotation, RejectSuggestion
from desktop.ui.tagging.document_view import DocumentView
from desktop.ui.workspace import Workspace

# Found once per document and entity set; tagging only filters them (300,000 characters take
# a quarter of a second to scan).
FoundKey = tuple[int, int]  # document id, the reader's entities_version


class DirectiveSuggestions(QObject):
    """The suggestions still open in the shown document and which one the keys are on."""

    def __init__(
        self,
        workspace: Workspace,
        reader: DocumentView,
        annotator: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        """``annotator()`` gives the name a tag records, asking for it the first time ("" when
        the user gives none: then nothing is tagged)."""
        super().__init__(parent)
        self.workspace = workspace
        self.reader = reader
        self.annotator = annotator
        self.suggestions: list[Suggestion] = []
        self.index = -1
        self._found: tuple[FoundKey, list[Suggestion]] | None = None
        # What ``suggestions`` was last filtered against: the found key and the tagged or
        # rejected spans then. A tag added takes away at most its own span: no new filtering.
        self._blocked: tuple[FoundKey, set[tuple[int, int]]] | None = None
        self._open_spans: set[tuple[int, int]] = set()
        keys = {
            Qt.Key.Key_Tab: lambda: self.step(+1),
            Qt.Key.Key_Backtab: lambda: self.step(-1),
            Qt.Key.Key_Return: self.accept,
            Qt.Key.Key_Enter: self.accept,
            Qt.Key.Key_Delete: self.reject,
        }
        panes = (self.reader.original, self.reader.converted)
        for key, slot in keys.items():
            pane_shortcuts(panes, QKeySequence(key), slot)

    def clear(self) -> None:
        """None open, none current: another document is coming."""
        self.suggestions, self.index = [], -1
        self._blocked, self._open_spans = None, set()

    def forget(self) -> None:
        """Drop everything found: it belonged to a project that is no longer open."""
        self.clear()
        self._found = None

    def found(self, document_id: int, suggestions: list[Suggestion]) -> None:
        """Keep what the background analysis found for the shown document, and show it."""
        self._found = (self._key(document_id), suggestions)
        self._blocked = None
        self.show(document_id)

    def show(self, document_id: int) -> None:
        """Candidate directives not yet tagged (nor rejected), dashed in both panes."""
        blocked = {(a.start, a.end) for a in self.reader.annotations}
        blocked |= self.workspace.store.rejected_suggestions(document_id)
        found = self._suggestions_for(document_id)
        assert self._found is not None
        before, self._blocked = self._blocked, (self._found[0], blocked)
        if before is not None and before[0] == self._found[0] and before[1] <= blocked:
            self._hide_newly_blocked(blocked - before[1])
            return
        shown = self._open_spans
        self.suggestions = [s for s in found if (s.start, s.end) not in blocked]
        self.index = min(self.index, len(self.suggestions) - 1)
        now = self._open_spans = {(s.start, s.end) for s in self.suggestions}
        if now <= shown and (self.reader.suggestions or not now):
            # A tag or a rejection took some away (or none): hide those, keep the rest as
            # painted. (With none shown and none left, there is nothing to repaint at all.)
            if now != shown:
                self.reader.hide_suggestions(shown - now)
            return
        self._paint()

    def _paint(self) -> None:
        template = self.tr("Suggested directive ({0}): Enter accepts, Delete rejects, Tab goes on")
        # One tip per issuer or cue, shared by its suggestions: thousands of copies of a few
        # strings were 2 MiB on a 300,000-character readout (issue 13, memory).
        tips: dict[str, str] = {}
        painted = []
        for suggestion in self.suggestions:
            who = suggestion.issuer or suggestion.cue
            if who not in tips:
                tips[who] = template.format(who)
            painted.append((suggestion.start, suggestion.end, tips[who]))
        self.reader.set_suggestions(painted)

    def retranslate(self) -> None:
        """The suggestions' tips in the language just installed (View > Language)."""
        if self.suggestions:
            self._paint()

    def _hide_newly_blocked(self, spans: set[tuple[int, int]]) -> None:
        """Tags or rejections were only added: hide the open suggestions on their spans."""
        gone = spans & self._open_spans
        if not gone:
            return
        self._open_spans -= gone
        self.suggestions = [s for s in self.suggestions if (s.start, s.end) not in gone]
        self.index = min(self.index, len(self.suggestions) - 1)
        self.reader.hide_suggestions(gone)

    def _key(self, document_id: int) -> FoundKey:
        # The reader's count of entity changes, not a hash of thousands of entities per tag.
        return document_id, self.reader.entities_version

    def _suggestions_for(self, document_id: int) -> list[Suggestion]:
        key = self._key(document_id)
        if self._found is None or self._found[0] != key:
            # The entities changed since the analysis (a correction): find them again.
            document = self.reader.document
            assert document is not None and document.id == document_id
            found = suggest_directives(
                document.clean_text, self.reader.entities, Script(document.script)
            )
            self._found = (key, found)
        return self._found[1]

    def step(self, step: int) -> None:
        """Select the next (``step`` > 0) or previous open suggestion, going round."""
        if not self.suggestions:
            self.workspace.message.emit(self.tr("No suggestions left in this document"))
            return
        self.index = (self.index + step) % len(self.suggestions)
        current = self.suggestions[self.index]
        self.reader.select_clean_span(current.start, current.end)
        self.workspace.message.emit(
            self.tr("Suggestion {0} of {1}: {2}, {3}").format(
                self.index + 1,
                len(self.suggestions),
                current.issuer or self.tr("no issuer"),
                shown(current.strength),
            )
        )

    def current(self) -> Suggestion | None:
        if 0 <= self.index < len(self.suggestions):
            return self.suggestions[self.index]
        return None

    def accept(self) -> None:
        """Tag the current suggestion with its likely label and attributes (editable after)."""
        workspace = self.workspace
        suggestion = self.current()
        if suggestion is None or workspace.current_id is None:
            self.step(+1)
            return
        labels = workspace.store.labels()
        if not labels:  # an empty scheme (allowed): nothing to tag with yet
            workspace.message.emit(self.tr("Not tagged: the project has no labels (Edit > Labels)"))
            return
        label = suggest_label(suggestion.text, labels) or next(
            (lb for lb in labels if lb.name in ("其他", "Other")), labels[0]
        )
        annotator = self.annotator()
        if not annotator:
            return
        workspace.undo_stack.push(
            AddAnnotation(
                workspace.store,
                workspace.announce_annotations,
                workspace.current_id,
                label.id,
                suggestion.start,
                suggestion.end,
                annotator,
                self._attributes(suggestion),
            )
        )
        self._advance_after(suggestion)

    def _attributes(self, suggestion: Suggestion) -> dict[str, object]:
        """Its strength, its issuer and its deadline (the one the clause names, as 3月底前, else a
        date inside it), when there are."""
        attributes: dict[str, object] = {"strength": suggestion.strength}
        if suggestion.issuer:
            attributes["issuer"] = suggestion.issuer
        deadline = suggestion.deadline or next(
            (
                e.text
                for e in self.reader.entities
                if e.type == "DATE" and suggestion.start <= e.start < suggestion.end
            ),
            None,
        )
        if deadline:
            attributes["deadline"] = deadline
        return attributes

    def reject(self) -> None:
        """Turn the current suggestion down; it stays hidden in this project (undoable)."""
        workspace = self.workspace
        suggestion = self.current()
        if suggestion is None or workspace.current_id is None:
            return
        workspace.undo_stack.push(
            RejectSuggestion(
                workspace.store,
                workspace.announce_annotations,
                workspace.current_id,
                suggestion.start,
                suggestion.end,
            )
        )
        self._advance_after(suggestion)

    def _advance_after(self, handled: Suggestion) -> None:
        following = [i for i, s in enumerate(self.suggestions) if s.start >= handled.end]
        self.index = (following[0] if following else 0) - 1
        self.step(+1)
