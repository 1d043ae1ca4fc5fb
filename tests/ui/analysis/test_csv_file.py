from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.analysis import csv_file


def test_a_table_is_written_for_spreadsheets(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    path = tmp_path / "t.csv"
    assert csv_file.write_csv(parent, "Export", path, [["标签", "合计"], ["要求", 2]])
    assert path.read_bytes() == "\ufeff标签,合计\r\n要求,2\r\n".encode()


def test_a_path_that_cannot_be_written_is_said_not_raised(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        csv_file.QMessageBox, "warning", lambda _p, title, text: said.append((title, text))
    )
    assert not csv_file.write_csv(parent, "Export counts", tmp_path, [["a"]])
    assert len(said) == 1 and said[0][0] == "Export counts"
    assert said[0][1].startswith(f"Could not write {tmp_path}: ")
