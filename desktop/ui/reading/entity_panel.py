"""The legend of entity types (doubling as on/off switches) and the panel listing entities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.core.model import Entity
from desktop.ui.common.colors import entity_types, swatch

_OCCURRENCES = Qt.ItemDataRole.UserRole
_NEXT = Qt.ItemDataRole.UserRole + 1
_KIND = Qt.ItemDataRole.UserRole + 2


class EntityLegend(QWidget):
    """One checkable button per type; unchecking hides that type everywhere."""

    hiddenKindsChanged = Signal(set)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QToolButton] = {}
        for kind in entity_types().values():
            button = QToolButton()
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(swatch(kind.color))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.toggled.connect(self._emit)
            layout.addWidget(button)
            self.buttons[kind.name] = button
        layout.addStretch()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The types' names and the tips in the interface language (also after a switch)."""
        types = entity_types()
        for name, button in self.buttons.items():
            button.setText(types[name].shown_label())
            button.setToolTip(self.tr("Show or hide this kind of entity"))

    def hidden_kinds(self) -> set[str]:
        return {kind for kind, button in self.buttons.items() if not button.isChecked()}

    def _emit(self) -> None:
        self.hiddenKindsChanged.emit(self.hidden_kinds())


class EntityPanel(QTreeWidget):
    """Entities grouped by type with counts; choosing one selects its next occurrence."""

    spanChosen = Signal(int, int)
    # the entities of one text and type (all occurrences), and the new type ("" = remove)
    correctionRequested = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._offer_corrections)
        self.retranslate()
        self.setColumnWidth(0, 150)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Clicks only: itemActivated as well would step twice where a click also activates.
        self.itemClicked.connect(self._choose)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Headers and the types' names in the interface language (also after a switch)."""
        self.setHeaderLabels([self.tr("Entity"), self.tr("Count")])
        types = entity_types()
        for index in range(self.topLevelItemCount()):
            group = self.topLevelItem(index)
            kind = types.get(str(group.data(0, _OCCURRENCES))) if group is not None else None
            if group is not None and kind is not None:
                group.setText(0, kind.shown_label())

    def show_entities(self, entities: Sequence[Entity], hidden: set[str] | None = None) -> None:
        self.clear()
        by_type: dict[str, dict[str, list[tuple[int, int, str]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for entity in entities:
            by_type[entity.type][entity.text].append((entity.start, entity.end, entity.origin))
        for kind in entity_types().values():
            texts = by_type.get(kind.name)
            if not texts:
                continue
            total = sum(len(spans) for spans in texts.values())
            group = QTreeWidgetItem([kind.shown_label(), str(total)])
            group.setIcon(0, swatch(kind.color))
            group.setData(0, _OCCURRENCES, kind.name)
            for text, spans in sorted(texts.items(), key=lambda item: (-len(item[1]), item[0])):
                child = QTreeWidgetItem([text, str(len(spans))])
                child.setData(0, _OCCURRENCES, spans)
                child.setData(0, _KIND, kind.name)
                child.setData(0, _NEXT, 0)
                group.addChild(child)
            self.addTopLevelItem(group)
            group.setHidden(kind.name in (hidden or set()))
            group.setExpanded(True)

    def set_hidden_kinds(self, hidden: set[str]) -> None:
        for index in range(self.topLevelItemCount()):
            group = self.topLevelItem(index)
            if group is not None:
                group.setHidden(group.data(0, _OCCURRENCES) in hidden)

    def _choose(self, item: QTreeWidgetItem) -> None:
        spans = item.data(0, _OCCURRENCES)
        if not isinstance(spans, list) or not spans:
            return
        index = int(item.data(0, _NEXT) or 0) % len(spans)
        item.setData(0, _NEXT, index + 1)
        start, end, _origin = spans[index]
        self.spanChosen.emit(start, end)

    def _offer_corrections(self, point: QPoint) -> None:
        item = self.itemAt(point)
        spans = item.data(0, _OCCURRENCES) if item is not None else None
        if item is None or not isinstance(spans, list):
            return
        kind = str(item.data(0, _KIND))
        entities = [Entity(kind, start, end, item.text(0), origin) for start, end, origin in spans]
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new menu at each request
        remove = menu.addAction(self.tr("Not an entity (remove {0})").format(len(spans)))
        remove.triggered.connect(lambda: self.correctionRequested.emit(entities, ""))
        retype = menu.addMenu(self.tr("Change type to"))
        for other in entity_types().values():
            if other.name != kind:
                action = retype.addAction(swatch(other.color), other.shown_label())
                action.triggered.connect(
                    lambda _=False, new=other.name: self.correctionRequested.emit(entities, new)
                )
        menu.popup(self.viewport().mapToGlobal(point))
