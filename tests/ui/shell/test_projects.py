"""Projects: File > New project and Open project, and which project a start opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_seeds
from desktop.core.labels import default_scheme
from desktop.core.paths import default_db_path
from desktop.core.store import Store, StoreError
from desktop.core.store.backups import list_backups
from desktop.ui.common.settings import Settings
from desktop.ui.shell.app import choose_project, open_chosen, show_notice
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.projects import IntegrityWatch
from tests.ui.shell.test_startup_backup import damaged_project_with_a_backup


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store(tmp_path / "seeded.jiyao")
    import_seeds(store)
    shown = MainWindow(store, Settings())
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.store.close()


def label_names(store: Store) -> list[str]:
    return [label.name for label in store.labels()]


def test_a_new_project_opens_empty_with_the_default_labels(
    window: MainWindow, tmp_path: Path
) -> None:
    assert window.create_project(tmp_path / "thesis.jiyao")
    assert window.store.path == tmp_path / "thesis.jiyao"
    assert window.store.document_count() == 0
    assert window.documents.rowCount() == 0
    with Store(tmp_path / "reference.jiyao") as reference:
        reference.install_scheme(default_scheme())
        assert label_names(window.store) == label_names(reference)
    assert "thesis.jiyao" in window.windowTitle()


def test_new_project_adds_the_suffix_the_user_left_out(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "desktop.ui.shell.projects.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(tmp_path / "会议纪要"), ""),
    )
    window.new_project()
    assert window.store.path == tmp_path / "会议纪要.jiyao"
    assert (tmp_path / "会议纪要.jiyao").is_file()


def test_new_project_never_replaces_an_existing_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.shell.projects.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    seeded = window.store.path
    assert not window.create_project(seeded)
    assert window.store.path == seeded and window.store.document_count() == 2
    assert warnings and str(seeded) in warnings[0]


def test_open_project_opens_the_chosen_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(tmp_path / "other.jiyao").close()
    monkeypatch.setattr(
        "desktop.ui.shell.projects.QFileDialog.getOpenFileName",
        lambda *args, **kwargs: (str(tmp_path / "other.jiyao"), ""),
    )
    window.choose_project()
    assert window.store.path == tmp_path / "other.jiyao"


def test_opening_the_project_already_open_keeps_the_reading_place(window: MainWindow) -> None:
    store = window.store
    assert window.open_project(store.path)
    assert window.store is store


def test_the_last_project_reopens_without_seeds(window: MainWindow, tmp_path: Path) -> None:
    window.create_project(tmp_path / "last.jiyao")
    window.settings.sync()
    choice = choose_project(None, [], Settings())
    assert choice.path == (tmp_path / "last.jiyao").resolve()
    assert not choice.seeds and not choice.notice
    store, _ = open_chosen(choice)
    assert store.document_count() == 0
    store.close()


def test_a_missing_last_project_falls_back_to_the_default_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.create_project(tmp_path / "gone.jiyao")
    window.store.close()
    (tmp_path / "gone.jiyao").unlink()
    choice = choose_project(None, [], Settings())
    assert choice.path == default_db_path()
    assert choice.seeds
    assert "gone.jiyao" in choice.notice
    show_notice(window, choice.notice)
    assert window.statusBar().currentMessage() == choice.notice


def test_a_last_project_that_will_not_open_gives_way_to_the_default(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jiyao"
    broken.write_text("not a database, only text " * 100, encoding="utf-8")
    Settings().remember_project(broken)
    store, used = open_chosen(choose_project(None, [], Settings()))
    assert store.path == default_db_path()
    assert "broken.jiyao is not a Jiyao database" in used.notice
    store.close()


def test_the_first_start_opens_the_default_project_with_seeds(qapp: object) -> None:
    choice = choose_project(None, [], Settings())
    assert choice.path == default_db_path() and choice.seeds and not choice.notice


def test_db_wins_over_the_last_project(window: MainWindow, tmp_path: Path) -> None:
    window.create_project(tmp_path / "last.jiyao")
    assert choose_project(str(tmp_path / "asked.jiyao"), [], Settings()).path == (
        tmp_path / "asked.jiyao"
    )


def test_the_jiyao_db_variable_wins_over_the_last_project(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.create_project(tmp_path / "last.jiyao")
    monkeypatch.setenv("JIYAO_DB", str(tmp_path / "from-env.jiyao"))
    assert choose_project(None, [], Settings()).path == tmp_path / "from-env.jiyao"


def test_a_double_clicked_project_wins_and_is_not_seeded(qapp: object, tmp_path: Path) -> None:
    clicked = tmp_path / "clicked.jiyao"
    choice = choose_project(str(tmp_path / "db.jiyao"), [tmp_path / "a.txt", clicked], Settings())
    assert choice.path == clicked and not choice.seeds


def test_a_missing_recent_project_is_not_made_anew_and_can_be_forgotten(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = window.store.path
    moved = tmp_path / "moved.jiyao"
    assert window.create_project(moved)
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        assert window.open_project(first)
    moved.unlink()
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr("desktop.ui.shell.projects.QMessageBox.question", answer)
    recent = window.menus.recent_menu
    recent.aboutToShow.emit()
    entry = next(a for a in recent.actions() if a.text().startswith(str(moved.resolve())))
    assert entry.text().endswith("(missing)")
    entry.trigger()
    assert not moved.exists(), "a missing project must not be recreated empty"
    assert window.store.path == first
    assert len(asked) == 1 and "missing" in asked[0]
    assert moved.resolve() not in window.settings.recent_projects


def test_opening_another_project_makes_its_daily_backup(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Once its check beside the first reads has passed, on a thread of its own."""
    other = tmp_path / "other.jiyao"
    Store(other).close()
    assert not list_backups(other)
    assert window.open_project(other)
    qtbot.waitUntil(lambda: len(list_backups(other)) == 1, timeout=10_000)


def test_a_project_found_damaged_after_opening_gets_no_daily_backup(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged file must not push a sound backup out of the ones kept."""
    path = _damaged_after_opening(tmp_path)
    for backup in list_backups(path):
        backup.path.unlink()  # none from today: one would be due
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    assert window.open_project(path)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    window.store.close()
    assert not list_backups(path)


def test_a_damaged_project_opened_from_the_menu_is_offered_its_backup(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged.jiyao"
    damaged_project_with_a_backup(damaged)
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.shell.projects.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    assert window.open_project(damaged), warnings
    assert len(asked) == 1 and "newest backup" in asked[0]
    assert [summary.title for summary in window.store.list_documents()] == ["备份里"]


def test_a_damaged_project_without_a_backup_is_refused_with_its_reason(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged.jiyao"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.shell.projects.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    seeded = window.store.path
    assert not window.open_project(damaged)
    assert window.store.path == seeded and window.store.document_count() == 2
    assert len(warnings) == 1 and "damaged" in warnings[0]


def _damaged_after_opening(tmp_path: Path, *, stale_index: bool = False) -> Path:
    """A project whose damage only its whole-file check finds, with the day's backup;
    ``stale_index``: its search index left to be built, as a large import leaves it."""
    from desktop.core.store.opening import open_project
    from tests.core.store.test_store_opening import PAGE, project_with_documents

    path = project_with_documents(tmp_path / "damaged.jiyao")
    with open_project(path) as opened:  # the day's backup made, the list's keys too
        opened.refresh_sort_keys()
        if stale_index:
            with opened.transaction():
                opened.defer_search_index()
        opened.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as file:
        file.seek(PAGE * (path.stat().st_size // PAGE // 2))
        file.write(b"\xa5" * PAGE)
    return path


def _declining_backups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window says from now on; its offer of a backup is declined."""
    said: list[str] = []

    def no(_parent: object, _title: str, text: str, *args: object) -> object:
        said.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    return said


def test_a_project_found_damaged_after_the_window_opened_it_is_said_and_never_written(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window opens a project at once and checks it whole beside its first reads: damage
    found then is shown with its backup offered, and, the offer declined, no change reaches
    the file."""
    path = _damaged_after_opening(tmp_path)
    before = path.read_bytes()
    said = _declining_backups(monkeypatch)
    assert window.open_project(path)  # opened: its check goes on beside the reads
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "damaged" in said[0] and "newest backup" in said[0] and "jiyao backups" in said[0]
    with pytest.raises(StoreError, match="damaged"):
        window.store.add_label("不会写入")
    wal = Path(f"{path}-wal")
    assert path.read_bytes() == before and (not wal.exists() or wal.stat().st_size == 0)


def test_damage_found_after_the_window_began_to_close_is_not_shown(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message box of a window being closed belongs to a window Qt then deletes, with the
    box under it (a crash, seen in the tests): the watch stops when the window closes."""
    said = _declining_backups(monkeypatch)
    assert window.open_project(_damaged_after_opening(tmp_path))
    window.close()
    assert window.store.integrity_passed() is False  # its check ended, damage found
    qtbot.wait(3 * IntegrityWatch.POLL_MS)
    assert said == []


def test_a_project_found_damaged_after_the_window_opened_it_can_be_its_backup_again(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _damaged_after_opening(tmp_path)
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    monkeypatch.setattr(QMessageBox, "critical", pytest.fail)
    monkeypatch.setattr(QMessageBox, "warning", pytest.fail)
    assert window.open_project(path)
    damaged_store = window.store
    qtbot.waitUntil(lambda: window.store is not damaged_store, timeout=10_000)
    assert len(asked) == 1
    assert window.store.path == path and window.store.document_count() > 0
    window.store.add_label("写入备份")  # the backup takes writes


def test_a_damaged_project_whose_index_is_stale_is_not_indexed(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window builds a stale search index in the background as a project opens; not
    before the project's check has found it whole (the build writes)."""
    import hashlib

    path = _damaged_after_opening(tmp_path, stale_index=True)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    said = _declining_backups(monkeypatch)
    assert window.open_project(path)
    qtbot.waitUntil(lambda: bool(said) and window.index_builder.task is None, timeout=20_000)
    window.store.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
