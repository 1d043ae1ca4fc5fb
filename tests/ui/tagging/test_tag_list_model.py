"""The Tags tab's rows: in a team's project, a place tagged by each coder names its coder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.model import Annotation
from desktop.ui.tagging.annotation_panel import TagListModel


def _tag(tag_id: int, annotator: str) -> Annotation:
    return Annotation(tag_id, 1, 1, "要求", 0, 4, "复工复产", annotator=annotator)


def _shown(model: TagListModel) -> list[str]:
    return [
        model.data(model.index(row), Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())
    ]


def test_rows_name_their_coder_only_when_the_tags_are_by_several(qapp: QApplication) -> None:
    model = TagListModel()
    model.reset([_tag(1, "王芳"), _tag(2, "王芳")], {})
    assert _shown(model) == ["要求 · 复工复产", "要求 · 复工复产"]
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    model.update([_tag(1, "王芳"), _tag(2, "王芳"), _tag(3, "李明")], {})
    assert _shown(model) == [
        "要求 · 复工复产 — 王芳",
        "要求 · 复工复产 — 王芳",
        "要求 · 复工复产 — 李明",
    ]
    assert changed == [(0, 2)], "every row is shown again, with its coder"
    tip = model.data(model.index(2), Qt.ItemDataRole.ToolTipRole)
    assert tip == "李明: 复工复产"
