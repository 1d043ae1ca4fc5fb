"""Colours the window paints with: the entity types' (from resources/ui/entity_types.json)
and a small swatch icon for any colour (labels, entity types)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QIcon, QPixmap

from desktop.core.entities import TYPES
from desktop.core.resources import resource_path
from desktop.ui.common.language import interface_language


@dataclass(frozen=True)
class EntityType:
    name: str
    color: str
    label: str
    label_zh: str

    def label_for(self, language: str) -> str:
        return self.label_zh if language.startswith("zh") else self.label

    def shown_label(self) -> str:
        """The name in the interface language now installed."""
        return self.label_for(interface_language())


@cache
def entity_types() -> dict[str, EntityType]:
    """Colours and names from resources/ui/entity_types.json, in the pipeline's type order."""
    data = json.loads(resource_path("ui", "entity_types.json").read_text(encoding="utf-8"))
    return {
        name: EntityType(name, data[name]["color"], data[name]["label"], data[name]["label_zh"])
        for name in TYPES
    }


@cache
def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


# One colour per coder under review, in the order they are compared, so a coder's tags read the
# same in the reading panes, their legend and the review's lanes.
CODER_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def coder_color(position: int) -> str:
    """The colour of the coder at this position among those compared."""
    return CODER_COLORS[position % len(CODER_COLORS)]
