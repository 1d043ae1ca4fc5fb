"""The core's refusal reasons, store errors and import reports reach the window in the
interface language; the command line keeps them English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_paths
from desktop.core.exports.formats import read_annotated_set
from desktop.core.exports.importing import store_annotated_set
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.store import NotAProject, Store
from desktop.ui.common.messages import error_text, translated
from desktop.ui.exchange.exporting import AnnotatedImportReportDialog
from desktop.ui.exchange.importing import ImportReportDialog
from desktop.ui.shell.i18n import install_language


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    assert install_language("zh_CN") == "zh_CN"
    yield
    install_language("en")


def test_a_message_and_its_fields_are_translated(chinese: None) -> None:
    kind = QT_TRANSLATE_NOOP("Import", "a socket")
    message = QT_TRANSLATE_NOOP("Import", "not a regular file ({0}); not read").format(kind)
    assert translated(message) == "不是普通文件（套接字）；未读取"
    assert str(message) == "not a regular file (a socket); not read"  # the command line's
    assert translated("not marked") == "not marked"


def test_numbers_keep_their_format(chinese: None) -> None:
    message = QT_TRANSLATE_NOOP(
        "LabelScheme", "a label name is at most {0} characters long (this one has {1:,})"
    ).format(300, 12345)
    assert translated(message) == "标签名称最多 300 个字符（此名称有 12,345 个）"


def test_a_store_error_speaks_chinese(tmp_path: Path, chinese: None) -> None:
    empty = tmp_path / "empty.jiyao"
    empty.write_bytes(b"")
    with pytest.raises(NotAProject) as caught:
        Store(empty)
    assert error_text(caught.value) == f"{empty} 是空文件，不是纪要项目"
    assert error_text(ValueError("plain")) == "plain"


def test_import_refusals_speak_chinese(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    with Store(tmp_path / "p.jiyao") as store:
        report = import_paths(store, [tmp_path / "empty.txt", tmp_path / "image.txt"])
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.details.toPlainText().splitlines() == [
        f"{tmp_path / 'empty.txt'}：文件为空",
        f"{tmp_path / 'image.txt'}：这是PNG 图片，不是纯文本",
    ]


def test_annotated_set_problems_speak_chinese(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    data = tmp_path / "set.jsonl"
    data.write_text(
        '{"text": "会议要求各部门落实。", "label": [[5, 2, "要求"]]}\n', encoding="utf-8"
    )
    with Store(tmp_path / "p.jiyao") as store:
        report = store_annotated_set(store, read_annotated_set(data))
    dialog = AnnotatedImportReportDialog([report])
    qtbot.addWidget(dialog)
    lines = dialog.details.toPlainText()
    assert lines == "第 1 行：片段 5-2 首尾颠倒（结束早于开始）"
