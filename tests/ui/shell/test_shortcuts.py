"""Every key does one thing: no two of the window's actions or shortcuts share a key (Qt calls
that ambiguous and does neither), counting every key a standard key expands to."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoCommand
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.labels import default_scheme
from desktop.core.store import Store
from desktop.ui.shell.main_window import MainWindow


def active_keys(window: MainWindow) -> list[tuple[str, str]]:
    """(key, where it acts) for every action and shortcut of the window; a window-wide one
    acts everywhere, a widget's one only in that widget, where window-wide ones act too."""
    keys: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        if action.menu() is not None or not action.associatedObjects():
            continue
        where = "window"
        if action.shortcutContext() in (
            Qt.ShortcutContext.WidgetShortcut,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ):  # acts only while its widget (the corpus list's Delete, say) has the focus
            parent = action.parent()
            where = f"{type(parent).__name__}@{id(parent)}"
        for key in action.shortcuts():
            keys.append((key.toString(), where))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        where = (
            "window"
            if shortcut.context() != Qt.ShortcutContext.WidgetShortcut
            else f"{type(parent).__name__}@{id(parent)}"
        )
        for key in shortcut.keys():  # noqa: SIM118 (QShortcut is no dict)
            keys.append((key.toString(), where))
    return keys


def clashes(keys: list[tuple[str, str]]) -> list[str]:
    window_wide = Counter(key for key, where in keys if where == "window")
    found = [key for key, count in window_wide.items() if count > 1]
    in_widgets = Counter((key, where) for key, where in keys if where != "window")
    found += [f"{key} in {where}" for (key, where), count in in_widgets.items() if count > 1]
    found += [f"{key} in {where} and window" for key, where in in_widgets if key in window_wide]
    return found


def test_no_two_actions_or_shortcuts_share_a_key(window: MainWindow, store: Store) -> None:
    store.install_scheme(default_scheme())
    window.tag_actions.load_scheme()
    keys = active_keys(window)
    assert ("Ctrl+Shift+Z", "window") in keys
    assert len(keys) > 20
    assert clashes(keys) == []


def test_undo_and_redo_take_every_key_the_platform_gives_them(window: MainWindow) -> None:
    undo, redo = (
        next(a for a in window.findChildren(QAction) if a.text().replace("&", "").startswith(w))
        for w in ("Undo", "Redo")
    )
    expected_redo = {k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)}
    expected_undo = {k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)}
    assert {k.toString() for k in redo.shortcuts()} == expected_redo | {"Ctrl+Shift+Z"}
    assert {k.toString() for k in undo.shortcuts()} == expected_undo


def test_the_clash_check_sees_one_action_holding_a_key_twice() -> None:
    # The shape of issue 21: on KDE/GNOME the standard redo key *is* Ctrl+Shift+Z.
    assert clashes([("Ctrl+Shift+Z", "window"), ("Ctrl+Shift+Z", "window")]) == ["Ctrl+Shift+Z"]


def test_ctrl_shift_z_redoes_from_the_reading_pane_and_the_tag_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    for widget in (window.reader.original, window.annotation_panel.list):
        done: list[str] = []
        window.undo_stack.clear()
        window.undo_stack.push(Recorded(done))
        focus(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(
            widget,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert done == ["redo", "undo", "redo"], type(widget).__name__


class Recorded(QUndoCommand):
    def __init__(self, done: list[str]) -> None:
        super().__init__("recorded")
        self.done = done

    def redo(self) -> None:
        self.done.append("redo")

    def undo(self) -> None:
        self.done.append("undo")


def focus(widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()


def test_redo_keys_hold_ctrl_shift_z_once_whatever_the_platform_gives() -> None:
    from desktop.ui.shell.menus import redo_keys

    keys = [key.toString() for key in redo_keys()]
    assert keys.count("Ctrl+Shift+Z") == 1
    assert len(keys) == len(set(keys))


def _mnemonic(text: str) -> str:
    """The letter after a single & (&& is a literal ampersand)."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else ""


def test_no_two_entries_of_a_menu_share_an_access_letter(window: MainWindow) -> None:
    """Alt+N went to "Next document" and "Find next" at once (found by a user): in each menu,
    in both languages, every entry's underlined letter is its own."""
    from desktop.ui.shell.i18n import install_language

    def shared_letters() -> list[str]:
        found = []
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            letters = Counter(
                _mnemonic(action.text()) for action in menu.actions() if action.text()
            )
            found += [f"{menu_action.text()}: {k}" for k, n in letters.items() if k and n > 1]
        return found

    assert shared_letters() == []
    english = [action.text() for action in window.menuBar().actions()]
    try:
        install_language("zh_CN")
        QApplication.processEvents()  # the window rebuilds its menus in the new language
        assert [action.text() for action in window.menuBar().actions()] != english
        assert shared_letters() == []
    finally:
        install_language("en")
