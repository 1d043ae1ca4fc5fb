"""The interface speaks Simplified Chinese from resources/i18n, and no string is left behind."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from desktop.core.resources import resource_path
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.shell.i18n import install_language
from desktop.ui.shell.main_window import MainWindow

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"
# The ui's strings, and the core's messages marked with QT_TRANSLATE_NOOP (desktop.core.messages)
SOURCES = sorted([*(DESKTOP / "ui").rglob("*.py"), *(DESKTOP / "core").rglob("*.py")])
TOOLS = Path(sys.executable).parent


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    assert install_language("zh_CN") == "zh_CN"
    yield
    install_language("en")


def test_the_menus_speak_chinese(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        window = MainWindow(store, Settings(), "zh_CN")
        qtbot.addWidget(window)
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles[:3] == ["文件(&F)", "编辑(&E)", "转到(&G)"]
        assert window.filter_box.placeholderText() == "按标题或正文筛选（简繁皆可）"


def test_english_is_the_source_language(qtbot: QtBot, tmp_path: Path, qapp: object) -> None:
    install_language("en")
    with Store(tmp_path / "p.jiyao") as store:
        window = MainWindow(store, Settings(), "en")
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&File"


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(TOOLS)) is None,
    reason="Qt's linguist tools are not installed",
)
def test_every_interface_string_is_translated(tmp_path: Path) -> None:
    copy = tmp_path / "jiyao_zh_CN.ts"
    shutil.copy(resource_path("i18n", "jiyao_zh_CN.ts"), copy)
    result = subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *map(str, SOURCES), "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "(0 new and" in result.stdout + result.stderr, "run scripts/update_translations.sh"
    assert 'type="unfinished"' not in copy.read_text(encoding="utf-8")


@pytest.mark.skipif(
    shutil.which("pyside6-lrelease", path=str(TOOLS)) is None,
    reason="Qt's linguist tools are not installed",
)
def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    subprocess.run(
        [
            str(TOOLS / "pyside6-lrelease"),
            str(resource_path("i18n", "jiyao_zh_CN.ts")),
            "-qm",
            str(compiled),
        ],
        capture_output=True,
        check=True,
    )
    assert compiled.read_bytes() == resource_path("i18n", "jiyao_zh_CN.qm").read_bytes()


def test_choosing_a_language_switches_the_menus_at_once(
    qtbot: QtBot, tmp_path: Path, qapp: object
) -> None:
    from desktop.ui.shell.i18n import LANGUAGES

    install_language("en")
    with Store(tmp_path / "p.jiyao") as store:
        window = MainWindow(store, Settings(), "en")
        qtbot.addWidget(window)
        keys_before = len([a for a in window.actions() if a.shortcuts()])
        chinese = next(
            a
            for a in window.findChildren(QAction)
            if a.text() == LANGUAGES["zh_CN"] and a.isCheckable()
        )
        try:
            chinese.trigger()
            # Qt posts LanguageChange to each window: it arrives once the event loop runs.
            qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "文件(&F)")
            assert window.menuBar().actions()[1].text() == "编辑(&E)"
            assert window.side_tabs.tabText(0) == "标注"
            # Rebuilt, not added to: every shortcut is still there once.
            assert len([a for a in window.actions() if a.shortcuts()]) == keys_before
        finally:
            install_language("en")
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&File")


def test_names_from_data_are_marked_for_translation(chinese: None) -> None:
    from desktop.core.conversion import CONFIGS
    from desktop.core.labels import default_scheme, topics_scheme
    from desktop.ui.common.display_names import KNOWN, shown

    names = [config.description for config in CONFIGS.values()]
    names += [a.label for scheme in (default_scheme(), topics_scheme()) for a in scheme.attributes]
    assert set(names) <= set(KNOWN)
    assert all(shown(name) != name for name in names), "translate them in jiyao_zh_CN.ts"


def test_plural_forms_follow_the_number(qapp: object) -> None:
    from desktop.ui.shell.app import hand_over_message

    install_language("en")  # English's .qm holds the plural forms of the English source
    assert hand_over_message(1).endswith("handed 1 path to it.")
    assert hand_over_message(2).endswith("handed 2 paths to it.")


def test_the_tag_editor_switches_language_too(qtbot: QtBot, tmp_path: Path, qapp: object) -> None:
    from PySide6.QtWidgets import QLabel

    install_language("en")
    with Store(tmp_path / "p.jiyao") as store:
        window = MainWindow(store, Settings(), "en")
        qtbot.addWidget(window)
        panel = window.annotation_panel
        issuer = panel.form.labelForField(panel.attribute_fields["issuer"])
        assert isinstance(issuer, QLabel) and issuer.text() == "Issuer"
        try:
            install_language("zh_CN")
            qtbot.waitUntil(lambda: issuer.text() == "发出者")
            assert panel.note.placeholderText() != "Note"
        finally:
            install_language("en")
        qtbot.waitUntil(lambda: issuer.text() == "Issuer")
