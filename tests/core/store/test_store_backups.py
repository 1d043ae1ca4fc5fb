"""Rolling backups made on open, listing them, restoring one; a new project's scheme."""

from __future__ import annotations

import os
import random
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.labels import default_scheme
from desktop.core.model import NewDocument
from desktop.core.store import CorruptProject, Store, schema
from desktop.core.store.backups import (
    BACKUP_KEEP_VARIABLE,
    BackupError,
    backup_folder,
    daily_backup,
    list_backups,
    restore_backup,
)
from desktop.core.store.opening import open_project


def document(text: str) -> NewDocument:
    return NewDocument(
        title=text, raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
    )


def project(path: Path, *texts: str) -> Path:
    with Store(path) as store:
        store.add_documents([document(text) for text in texts])
    return path


def titles(path: Path) -> list[str]:
    with Store(path, create=False) as store:
        return [summary.title for summary in store.list_documents()]


def age(backup: Path, days: int) -> Path:
    """Rename a backup as if made ``days`` ago."""
    stamp = (datetime.now() - timedelta(days=days)).strftime("%Y%m%d-%H%M%S")
    older = backup.with_name(f"{backup.name.split('-')[0]}-{stamp}.jiyao")
    backup.rename(older)
    return older


def test_a_new_project_gets_the_default_scheme_and_no_backup(tmp_path: Path) -> None:
    with open_project(tmp_path / "new.jiyao") as store:
        names = {label.name for label in store.labels()}
    expected = {spec.name for spec, _ in default_scheme().walk()}
    assert names == expected and names
    assert list_backups(tmp_path / "new.jiyao") == []


def test_an_existing_project_is_backed_up_once_a_day_on_open(tmp_path: Path) -> None:
    path = project(tmp_path / "daily.jiyao", "会议指出")
    open_project(path).close()
    open_project(path).close()
    [backup] = list_backups(path)
    assert backup.path.parent == backup_folder(path)
    assert backup.made.date() == datetime.now().date()
    assert titles(backup.path) == ["会议指出"]


def test_a_backup_of_a_live_project_holds_its_last_commit(tmp_path: Path) -> None:
    path = tmp_path / "live.jiyao"
    with Store(path) as writer:
        writer.add_documents([document("已提交")])  # still in the -wal file, not the main one
        assert Path(f"{path}-wal").stat().st_size > 0
        made = daily_backup(writer.db.conn, path)
    assert made is not None
    assert titles(made) == ["已提交"]


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    path = project(tmp_path / "kept.jiyao", "甲")
    with Store(path) as store:
        for days in range(5, 0, -1):
            made = daily_backup(store.db.conn, path)
            assert made is not None
            age(made, days)
        newest_old = list_backups(path)[:2]
        assert daily_backup(store.db.conn, path, keep=3) is not None
    kept = list_backups(path)
    assert len(kept) == 3
    assert [b.path for b in kept[1:]] == [b.path for b in newest_old]


def test_no_backups_when_the_variable_says_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BACKUP_KEEP_VARIABLE, "0")
    path = project(tmp_path / "none.jiyao", "乙")
    open_project(path).close()
    assert list_backups(path) == []


def test_two_projects_of_one_name_keep_apart(tmp_path: Path) -> None:
    first = project(tmp_path / "a" / "same.jiyao", "一")
    second = project(tmp_path / "b" / "same.jiyao", "二")
    open_project(first).close()
    open_project(second).close()
    assert backup_folder(first) != backup_folder(second)
    assert titles(list_backups(second)[0].path) == ["二"]


def test_restore_refuses_to_replace_a_project_without_force(tmp_path: Path) -> None:
    path = project(tmp_path / "p.jiyao", "旧")
    open_project(path).close()
    [backup] = list_backups(path)
    with Store(path) as store:
        store.add_documents([document("新")])
    with pytest.raises(BackupError, match="--force"):
        restore_backup(backup.path, path)
    assert titles(path) == ["旧", "新"]


def test_restore_backs_up_the_current_project_then_puts_the_backup_back(tmp_path: Path) -> None:
    path = project(tmp_path / "p.jiyao", "旧")
    open_project(path).close()
    [backup] = list_backups(path)
    with Store(path) as store:
        store.add_documents([document("新")])
    saved = restore_backup(backup.path, path, force=True)
    assert titles(path) == ["旧"]
    assert saved is not None and titles(saved) == ["旧", "新"]


def test_a_damaged_project_is_replaced_by_its_backup_and_its_bytes_kept(tmp_path: Path) -> None:
    path = project(tmp_path / "p.jiyao", "好")
    open_project(path).close()
    [backup] = list_backups(path)
    path.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    with pytest.raises(CorruptProject):
        Store(path)
    saved = restore_backup(backup.path, path, force=True)
    assert titles(path) == ["好"]
    assert saved is not None and saved.read_bytes().startswith(b"SQLite format 3\x00\xa5")


def test_a_project_damaged_in_one_page_is_kept_aside_not_listed_as_the_newest_backup(
    tmp_path: Path,
) -> None:
    """SQLite's backup API copies a damaged page without complaint: the damaged project was
    saved as an ordinary backup, listed first by ``jiyao backups`` and counted among the
    newest kept, pushing a sound one out."""
    path = project(tmp_path / "p.jiyao", *(f"第{n}号文件。" * 200 for n in range(40)))
    open_project(path).close()
    [backup] = list_backups(path)
    # The documents table's root page: a page the integrity check reads whatever the schema
    # around it (a fixed offset fell in a text's overflow page once a migration added a table).
    connection = sqlite3.connect(path)
    [(root, page_size)] = connection.execute(
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
        "WHERE name = 'documents'"
    ).fetchall()
    connection.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(random.Random(1).randbytes(3000))
    with pytest.raises(CorruptProject):
        Store(path)
    saved = restore_backup(backup.path, path, force=True)
    assert saved is not None and saved.suffix == ".damaged"
    assert [b.path for b in list_backups(path)] == [backup.path]


def test_a_damaged_backup_is_refused_before_anything_is_replaced(tmp_path: Path) -> None:
    path = project(tmp_path / "p.jiyao", "好")
    broken = tmp_path / "broken.jiyao"
    broken.write_bytes(b"")
    with pytest.raises(Exception, match="empty file"):
        restore_backup(broken, path, force=True)
    assert titles(path) == ["好"]
    assert list_backups(path) == []


def test_a_backup_restores_into_a_project_that_does_not_exist(tmp_path: Path) -> None:
    path = project(tmp_path / "p.jiyao", "好")
    open_project(path).close()
    [backup] = list_backups(path)
    elsewhere = tmp_path / "copy.jiyao"
    assert restore_backup(backup.path, elsewhere) is None
    assert titles(elsewhere) == ["好"]
    assert not os.path.exists(f"{elsewhere}.restoring")


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
def test_a_project_whose_file_name_is_not_valid_text_is_backed_up_and_reopened(
    tmp_path: Path,
) -> None:
    """``--db $'p\\xff.jiyao'``: the backup folder's hash encoded the path as UTF-8 and
    failed on its escaped byte, so every command after the first (which makes the project,
    with no backup) failed with "surrogates not allowed"."""
    path = project(tmp_path / "p\udcff.jiyao", "好")
    open_project(path).close()
    open_project(path).close()
    [backup] = list_backups(path)
    assert titles(backup.path) == ["好"]


def test_restoring_onto_a_folder_is_refused_in_words(tmp_path: Path) -> None:
    """``jiyao restore B --db some_folder --force`` said "unable to open database file"."""
    path = project(tmp_path / "p.jiyao", "好")
    open_project(path).close()
    [backup] = list_backups(path)
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(BackupError, match="is a folder, not a Jiyao project"):
        restore_backup(backup.path, folder, force=True)
    assert list(folder.iterdir()) == []


def page_size(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("PRAGMA page_size").fetchone()[0])
    finally:
        connection.close()


def test_a_new_project_is_made_with_64_kib_pages(tmp_path: Path) -> None:
    path = project(tmp_path / "p.jiyao", "好")
    assert page_size(path) == schema.PAGE_SIZE == 65536


def test_a_project_made_with_4_kib_pages_keeps_them_and_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "PAGE_SIZE", 4096)
    path = project(tmp_path / "p.jiyao", "旧")
    monkeypatch.undo()
    with Store(path, create=False) as store:
        store.add_documents([document("新")])
    assert page_size(path) == 4096
    assert sorted(titles(path)) == ["新", "旧"]


@pytest.mark.parametrize(("backup_pages", "project_pages"), [(4096, 65536), (65536, 4096)])
def test_a_backup_of_another_page_size_is_restored_over_an_open_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backup_pages: int, project_pages: int
) -> None:
    """SQLite refuses to back up into a WAL database of another page size: restoring a
    backup of a 4 KiB-page project over one made with 64 KiB pages was reported as a
    read-only project, and nothing was restored."""
    monkeypatch.setattr(schema, "PAGE_SIZE", backup_pages)
    old = project(tmp_path / "old.jiyao", "旧", "备份里的")
    open_project(old).close()
    [backup] = list_backups(old)
    monkeypatch.setattr(schema, "PAGE_SIZE", project_pages)
    path = project(tmp_path / "p.jiyao", "新")
    monkeypatch.undo()
    assert page_size(backup.path) == backup_pages and page_size(path) == project_pages
    with Store(path, create=False) as window:
        saved = restore_backup(backup.path, path, force=True)
        # A window that has the project open reads what was restored.
        assert sorted(summary.title for summary in window.list_documents()) == ["备份里的", "旧"]
    assert sorted(titles(path)) == ["备份里的", "旧"]
    assert page_size(path) == project_pages
    assert saved is not None and titles(saved) == ["新"]
    assert not os.path.exists(f"{path}.repaging")
    with Store(path, create=False) as store:
        store.add_documents([document("之后")])
    assert sorted(titles(path)) == ["之后", "备份里的", "旧"]
