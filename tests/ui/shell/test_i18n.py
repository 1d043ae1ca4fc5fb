"""The interface speaks Simplified Chinese from resources/i18n, and no string is left behind."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument
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
    for scheme in (default_scheme(), topics_scheme()):
        names += [a.label for a in scheme.attributes]
        names += [value for a in scheme.attributes if a.kind == "choice" for value in a.values]
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


def test_the_reader_legend_and_lists_switch_language_live(qtbot: QtBot, window: MainWindow) -> None:
    """No restart: the legend, the captions over the panes, the entity list, the highlights'
    tips and the corpus list follow View > Language at once, and back."""
    traditional = next(d.id for d in window.store.list_documents() if d.script == "traditional")
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.select_document(traditional)
    reader, legend = window.reader, window.reader.legend
    qtbot.waitUntil(lambda: window.entity_panel.topLevelItemCount() > 0, timeout=30_000)
    qtbot.waitUntil(lambda: bool(reader.suggestions), timeout=30_000)
    person = next(e for e in reader.entities if e.type == "PERSON")

    def seen() -> dict[str, object]:
        return {
            "legend": legend.buttons["PERSON"].text(),
            "raw": reader.show_raw.text(),
            "marks": reader.mark_changes.text(),
            "automatic": reader.conversion_choice.itemText(0),
            "t2s": reader.conversion_choice.itemText(reader.conversion_choice.findData("t2s")),
            "note": reader.conversion_note.text(),
            "title": reader.title.text().rsplit(" · ", 1)[-1],
            "header": window.entity_panel.headerItem().text(0),
            "group": window.entity_panel.topLevelItem(0).text(0),
            "tip": [h.tooltip for h in reader.original.highlights_at(person.start)],
            "filter": window.filter_box.placeholderText(),
            "next": reader.find_next_button.text(),
            "suggestion": reader.suggestions[0][2].split("(")[0].split("（")[0],
        }

    english = seen()
    assert english["legend"] == "Person" and english["raw"] == "Raw text"
    try:
        install_language("zh_CN")
        qtbot.waitUntil(lambda: legend.buttons["PERSON"].text() == "人名")
        chinese = seen()
        assert chinese == {
            "legend": "人名",
            "raw": "原始文本",
            "marks": chinese["marks"],
            "automatic": chinese["automatic"],
            "t2s": "t2s — 繁体转简体",
            "note": "已转换：t2s（繁体转简体）",
            "title": "繁体",
            "header": "实体",
            "group": "人名",
            "tip": ["人名"],
            "filter": "按标题或正文筛选（简繁皆可）",
            "next": chinese["next"],
            "suggestion": "建议的指令",
        }
        for key in ("marks", "automatic", "next"):
            assert chinese[key] != english[key], key
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: legend.buttons["PERSON"].text() == "Person")
    assert seen() == english


def test_a_choice_shows_in_the_users_words_and_stores_the_schemes(
    qtbot: QtBot, tmp_path: Path, qapp: object
) -> None:
    """Strength reads 强制性 in the Chinese window; the tag keeps "mandatory", so exports,
    filters and the English window read the same value."""
    from desktop.ui.tagging.annotation_panel import AnnotationPanel

    install_language("zh_CN")
    try:
        with Store(tmp_path / "p.jiyao") as store:
            store.install_default_scheme_if_empty()
            panel = AnnotationPanel()
            qtbot.addWidget(panel)
            panel.set_scheme(store.labels(), store.attributes())
            strength = panel.attribute_fields["strength"]
            shown_values = [strength.itemText(i) for i in range(strength.count())]
            assert shown_values == ["", "强制性", "指令性", "倡导性"]
            text = "会议要求各部门落实。"
            document = store.add_document(NewDocument("t", text, text, "utf-8", "simplified"))
            assert document is not None
            label = store.labels()[0]
            tag = store.add_annotation(
                document, label.id, 2, 4, attributes={"strength": "advisory"}
            )
            panel.show_annotations([tag], {})
            panel.select_annotation(tag.id)
            assert strength.currentText() == "倡导性"
            with qtbot.waitSignal(panel.changeRequested) as changed:
                strength.setCurrentIndex(1)
                strength.activated.emit(1)
            assert changed.args == [tag.id, {"attributes": {"strength": "mandatory"}}]
            install_language("en")
            qtbot.waitUntil(lambda: strength.itemText(1) == "mandatory")
    finally:
        install_language("en")


def test_a_conversion_is_named_in_words_beside_its_code(chinese: None) -> None:
    from desktop.ui.common.display_names import conversion_caption

    assert conversion_caption("s2twp") == "s2twp（简体转繁体（台湾），并换用台湾词汇）"
    assert conversion_caption("none") == "不转换"


def test_undo_steps_made_before_a_switch_speak_the_new_language(
    qtbot: QtBot, window: MainWindow
) -> None:
    from desktop.ui.tagging.commands import AddAnnotation

    store = window.store
    document = store.document_ids()[0]
    label = store.labels()[0]  # the window gave the new project the default scheme
    title = store.document(document).title
    window.workspace.undo_stack.push(
        AddAnnotation(store, window.workspace.announce_annotations, document, label.id, 2, 4, "甲")
    )
    assert window.workspace.undo_stack.undoText() == f"tag 2–4 in {title}"
    try:
        install_language("zh_CN")
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "文件(&F)")
        assert window.workspace.undo_stack.undoText() == f"标注 2–4（{title}）"
        undo = next(a for a in window.findChildren(QAction) if a.text().startswith("撤销"))
        assert undo.text() == f"撤销(&U) 标注 2–4（{title}）"
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: window.workspace.undo_stack.undoText() == f"tag 2–4 in {title}")


def test_an_open_journal_switches_language_live(qtbot: QtBot, window: MainWindow) -> None:
    """The journal's title and buttons stayed English after View > Language > 中文."""
    journal = window.open_journal()
    assert (journal.windowTitle(), journal.new_button.text()) == ("Journal", "New entry")
    try:
        install_language("zh_CN")
        qtbot.waitUntil(lambda: journal.new_button.text() == "新条目")
        assert (journal.windowTitle(), journal.delete_button.text()) == ("日志", "删除条目")
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: journal.new_button.text() == "New entry")
    journal.close()


def test_an_open_corpus_search_switches_language_live(qtbot: QtBot, window: MainWindow) -> None:
    """Only the hit table's headers followed View > Language; the rest stayed English."""
    search = window.search_corpus()
    assert (search.windowTitle(), search.search_button.text()) == ("Search the corpus", "Search")
    try:
        install_language("zh_CN")
        qtbot.waitUntil(lambda: search.search_button.text() != "Search")
        seen = [search.windowTitle(), search.tag_all.text(), search.captions[0].text()]
        seen += [search.status.itemText(0), search.with_label.itemText(0)]
        assert seen == ["搜索语料库", "标注全部命中", "起", "（全部）", "（不限）"]
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: search.search_button.text() == "Search")


def test_open_tag_counts_switch_language_live(qtbot: QtBot, window: MainWindow) -> None:
    """Tag counts kept its English words, and showed its fields, "(none)" and "total" in
    English even in Chinese."""
    counts = window.count_tags()
    qtbot.waitUntil(lambda: counts.rows.count() > 0)  # counted on a worker thread
    assert (counts.rows.currentText(), counts.columns.itemText(0)) == ("label", "(none)")
    try:
        install_language("zh_CN")
        qtbot.waitUntil(lambda: counts.windowTitle() != "Tag counts")
        seen = [counts.windowTitle(), counts.captions[0].text(), counts.count.itemText(0)]
        seen += [counts.rows.currentText(), counts.columns.currentText()]
        seen += [counts.columns.itemText(0), counts.model.headerData(0, Qt.Orientation.Vertical)]
        assert seen == ["标注计数", "行", "标注", "标签", "月份", "（无）", "合计"]
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: counts.rows.currentText() == "label")
    counts.close()


def test_an_open_agreement_report_switches_language_live(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.team.show_agreement()
    assert dialog.tabs.tabText(0) == "Pairs"
    try:
        install_language("zh_CN")
        qtbot.waitUntil(lambda: dialog.tabs.tabText(0) != "Pairs")
        seen = [dialog.windowTitle(), dialog.tabs.tabText(0), dialog.save.text()]
        assert seen == ["编码者间一致性", "两两比较", "导出 CSV…"]
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: dialog.tabs.tabText(0) == "Pairs")
    dialog.close()
