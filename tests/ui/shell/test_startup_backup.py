"""A damaged project at start: the window offers its newest backup."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.model import NewDocument
from desktop.core.store import CorruptProject, Store
from desktop.core.store.backups import list_backups
from desktop.core.store.opening import open_project
from desktop.ui.shell.app import ProjectChoice, offer_newest_backup, open_chosen


def damaged_project_with_a_backup(path: Path) -> None:
    text = "会议要求,抓好落实。"
    with Store(path) as store:
        store.add_document(
            NewDocument(
                title="备份里",
                raw_text=text,
                clean_text=text,
                encoding="utf-8",
                script="simplified",
            )
        )
    open_project(path).close()  # the day's backup
    path.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_a_damaged_project_is_offered_its_newest_backup(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: object
) -> None:
    path = tmp_path / "damaged.jiyao"
    damaged_project_with_a_backup(path)
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str) -> object:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    choice = ProjectChoice(path, seeds=False)
    if answer is QMessageBox.StandardButton.No:
        with pytest.raises(CorruptProject):
            open_chosen(choice, offer_newest_backup)
        assert len(list_backups(path)) == 1  # nothing was restored
    else:
        store, _ = open_chosen(choice, offer_newest_backup)
        assert [summary.title for summary in store.list_documents()] == ["备份里"]
        store.close()
    assert len(asked) == 1 and "damaged" in asked[0] and "newest backup" in asked[0]


def test_no_question_when_there_is_no_backup(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "damaged.jiyao"
    path.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    monkeypatch.setattr(QMessageBox, "question", pytest.fail)
    with pytest.raises(CorruptProject):
        open_chosen(ProjectChoice(path, seeds=False), offer_newest_backup)
