"""Opening a project: what is refused, and for which true reason."""

from __future__ import annotations

import io
import os
import random
import shutil
import sqlite3
import threading
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest

from desktop.core.model import NewDocument, Status
from desktop.core.store import (
    CorruptProject,
    DiskFull,
    NotAProject,
    PermissionDenied,
    ReadOnlyProject,
    Store,
    StoreError,
    schema,
)

PAGE = 4096
# chmod does not stop root: the read-only tests need an ordinary user.
RUNNING_AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def document(number: int) -> NewDocument:
    text = f"第{number}号文件。会议指出,要做好复工复产工作。" * 20
    return NewDocument(
        title=f"文件{number}", raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
    )


def project_with_documents(path: Path, count: int = 60) -> Path:
    # Made with PAGE-sized pages (as older projects are): the damage tests write at offsets
    # counted in them, which land in the b-tree pages of these 60 small documents.
    with patch.object(schema, "PAGE_SIZE", PAGE), Store(path) as store:
        store.add_documents([document(n) for n in range(count)])
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def test_an_empty_file_is_refused_not_made_a_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.jiyao"
    path.touch()
    with pytest.raises(NotAProject, match="empty file"):
        Store(path)
    assert path.stat().st_size == 0  # left as it was


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.jiyao"
    path.write_text("会议纪要\n", encoding="utf-8")
    with pytest.raises(NotAProject, match="not a Jiyao database"):
        Store(path)
    assert path.read_text(encoding="utf-8") == "会议纪要\n"


def test_a_project_damaged_in_the_middle_is_refused_as_corrupt(tmp_path: Path) -> None:
    path = project_with_documents(tmp_path / "damaged.jiyao")
    pages = path.stat().st_size // PAGE
    assert pages > 10
    with path.open("r+b") as file:
        file.seek(PAGE * (pages // 2))
        file.write(b"\xa5" * PAGE)
    with pytest.raises(CorruptProject, match="damaged") as caught:
        Store(path)
    assert caught.value.path == path
    assert "\n" not in str(caught.value)
    assert "jiyao backups" in str(caught.value)


def test_a_project_whose_check_reports_many_lines_is_refused_in_one_line(
    tmp_path: Path,
) -> None:
    """Random bytes in a b-tree page make quick_check report "*** in database main ***" and
    its findings in one multi-line row: the command line showed only that header, without the
    problem or the advice to restore a backup."""
    path = project_with_documents(tmp_path / "damaged.jiyao")
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as file:
        file.seek(PAGE * (pages // 2) + 100)
        file.write(random.Random(1).randbytes(3000))
    with pytest.raises(CorruptProject, match="damaged") as caught:
        Store(path)
    message = str(caught.value)
    assert "\n" not in message and "***" not in message
    assert message.endswith(f"; its backups: jiyao backups --db {path}")


def test_a_project_checked_later_is_read_at_once_and_never_written_while_damaged(
    tmp_path: Path,
) -> None:
    """The window's open: the whole-file check runs beside the first reads, and the first
    write waits for it; a damaged project refuses every write and says so."""
    path = project_with_documents(tmp_path / "damaged.jiyao")
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as file:
        file.seek(PAGE * (pages // 2))
        file.write(b"\xa5" * PAGE)
    before = path.read_bytes()
    store = Store(path, check_later=True)
    try:
        with pytest.raises(CorruptProject, match="damaged"):
            store.add_label("新标签")
        with pytest.raises(CorruptProject, match="damaged"):
            store.set_status(1, Status.DONE)
        assert not store.integrity_pending
        damage = store.integrity_damage()
        assert damage is not None and damage.path == path
    finally:
        store.close()
    assert path.read_bytes() == before


def test_a_sound_project_checked_later_is_written_once_checked(tmp_path: Path) -> None:
    path = project_with_documents(tmp_path / "sound.jiyao")
    with Store(path, check_later=True) as store:
        assert store.document_count() == 60
        store.set_status(1, Status.DONE)
        assert not store.integrity_pending and store.integrity_damage() is None
    with Store(path, check_later=True) as again:  # closed while checking: nothing left behind
        pass
    assert again.integrity_damage() is None


def test_a_project_that_opening_must_write_is_checked_first(tmp_path: Path) -> None:
    path = project_with_documents(tmp_path / "old.jiyao")
    with sqlite3.connect(path) as old:
        old.execute("PRAGMA journal_mode = DELETE")
    pages = path.stat().st_size // PAGE
    with path.open("r+b") as file:
        file.seek(PAGE * (pages // 2))
        file.write(b"\xa5" * PAGE)
    with pytest.raises(CorruptProject, match="damaged"):
        Store(path, check_later=True)


def test_a_sound_project_opens_after_its_check(tmp_path: Path) -> None:
    path = project_with_documents(tmp_path / "sound.jiyao")
    with Store(path) as store:
        assert store.document_count() == 60
        assert not store.created


def test_a_new_project_that_cannot_be_made_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.jiyao"
    fail_every_statement(monkeypatch, sqlite3.OperationalError("database or disk is full"))
    with pytest.raises(DiskFull):
        Store(path)
    assert not path.exists()
    monkeypatch.undo()
    with Store(path) as store:  # and a later try makes the project
        assert store.created


def test_a_file_the_user_may_not_write_is_reported_read_only_up_front(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What chmod 444 does to an ordinary user, simulated so it runs as root too."""
    path = project_with_documents(tmp_path / "locked.jiyao", count=1)
    real_access = os.access

    def access(target: object, mode: int, **kwargs: object) -> bool:
        if Path(str(target)) == path and mode & os.W_OK:
            return False
        return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    with pytest.raises(ReadOnlyProject, match="read-only") as caught:
        Store(path)
    assert "not a Jiyao database" not in str(caught.value)


@pytest.mark.skipif(RUNNING_AS_ROOT, reason="chmod does not stop root")
def test_a_read_only_project_file_is_reported_as_read_only(tmp_path: Path) -> None:
    path = project_with_documents(tmp_path / "locked.jiyao", count=1)
    path.chmod(0o444)
    try:
        with pytest.raises(ReadOnlyProject, match="read-only"):
            Store(path)
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(RUNNING_AS_ROOT, reason="chmod does not stop root")
def test_a_project_in_a_read_only_folder_is_not_called_a_bad_database(tmp_path: Path) -> None:
    folder = tmp_path / "shelf"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReadOnlyProject, match="read-only"):
            Store(folder / "new.jiyao")
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(RUNNING_AS_ROOT, reason="chmod does not stop root")
def test_an_unreadable_project_is_permission_denied(tmp_path: Path) -> None:
    path = project_with_documents(tmp_path / "secret.jiyao", count=1)
    path.chmod(0o000)
    try:
        with pytest.raises(PermissionDenied):
            Store(path)
    finally:
        path.chmod(0o644)


def fail_every_statement(monkeypatch: pytest.MonkeyPatch, error: sqlite3.Error) -> None:
    """Connections opened from now on fail every statement with ``error``."""

    class FailingConnection(sqlite3.Connection):
        def execute(self, *args: object, **kwargs: object) -> sqlite3.Cursor:
            raise error

    real_connect = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        return real_connect(*args, **kwargs, factory=FailingConnection)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.mark.parametrize(
    ("message", "expected", "reason"),
    [
        ("database or disk is full", DiskFull, "disk holding"),
        ("attempt to write a readonly database", ReadOnlyProject, "read-only"),
    ],
)
def test_a_full_disk_or_read_only_file_is_said_so_when_opening(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message: str,
    expected: type[StoreError],
    reason: str,
) -> None:
    path = project_with_documents(tmp_path / "project.jiyao", count=1)
    fail_every_statement(monkeypatch, sqlite3.OperationalError(message))
    with pytest.raises(expected, match=reason) as caught:
        Store(path)
    assert "not a Jiyao database" not in str(caught.value)


def test_a_full_disk_when_sqlite_cannot_grow_its_shared_memory_file_is_not_called_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk SQLite cannot size the WAL's -shm file and says SQLITE_IOERR_SHMSIZE,
    "disk I/O error": the project is sound, so it must not be called damaged (the window
    would offer to replace it with a backup)."""
    path = project_with_documents(tmp_path / "project.jiyao", count=1)
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorname = "SQLITE_IOERR_SHMSIZE"
    fail_every_statement(monkeypatch, error)
    full = shutil._ntuple_diskusage(total=1 << 30, used=1 << 30, free=0)  # type: ignore[attr-defined]
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: full)
    with pytest.raises(DiskFull, match="disk holding") as caught:
        Store(path)
    assert "damaged" not in str(caught.value)


def test_a_full_disk_during_a_write_is_said_so_and_nothing_is_half_written(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "project.jiyao") as store:
        # SQLite stops at max_page_count exactly as at a full disk: SQLITE_FULL.
        # Two pages more than it has, which 500 documents overflow whatever the page size.
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DiskFull, match="full"):
            store.add_documents([document(n) for n in range(500)])
        assert store.document_count() == 0


def test_a_writer_waits_for_another_and_says_so_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.jiyao"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's long import holds the write lock
    waiting = threading.Event()
    outcome: list[object] = []

    def import_in_parallel() -> None:
        with Store(path) as store:
            store.on_wait = waiting.set
            try:
                outcome.append(store.add_documents([document(1)]))
            except Exception as error:  # the test reports it below
                outcome.append(error)

    thread = threading.Thread(target=import_in_parallel)
    thread.start()
    assert waiting.wait(timeout=120), "the second writer never said it was waiting"
    holder.execute(
        "INSERT INTO documents (title, encoding, script, raw_text, clean_text, text_sha256, "
        "imported_at) VALUES ('先来', 'utf-8', 'simplified', '先', '先', 'first', 'now')"
    )
    holder.execute("COMMIT")
    holder.close()
    thread.join()
    assert outcome and isinstance(outcome[0], list), outcome
    with Store(path) as store:
        assert store.document_count() == 2  # neither import lost


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_pipe_given_as_the_project_is_refused_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``jiyao import n.txt --db a_fifo`` waited forever: the header check opened the pipe."""
    fifo = tmp_path / "project.jiyao"
    os.mkfifo(fifo)
    real_open = io.open

    def open_anything_but_the_pipe(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and Path(file) == fifo:
            raise AssertionError("the pipe was opened: reading it waits for a writer")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", open_anything_but_the_pipe)
    with pytest.raises(NotAProject, match="a pipe or a device, not a Jiyao project"):
        Store(fifo)


def whole_file_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files whole-file checks are run on from now on, in this process, either way."""
    checked: list[Path] = []
    now, later = schema.SchemaMixin._check_integrity, schema.SchemaMixin._start_integrity_check

    def check_now(store: schema.SchemaMixin) -> None:
        checked.append(store.path)
        now(store)

    def check_later(store: schema.SchemaMixin) -> None:
        checked.append(store.path)
        later(store)

    monkeypatch.setattr(schema.SchemaMixin, "_check_integrity", check_now)
    monkeypatch.setattr(schema.SchemaMixin, "_start_integrity_check", check_later)
    return checked


def damage(path: Path) -> None:
    with path.open("r+b") as file:
        file.seek(PAGE * (path.stat().st_size // PAGE // 2))
        file.write(b"\xa5" * PAGE)


def test_a_store_opened_beside_one_that_checked_its_file_takes_its_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A window's background job opens a store of its own for the window's project: the
    window's check has read every page already (issue 17: 1.5-3 s a job at a million
    documents), so the job's open does not read them again; once the window's store is
    closed, an open checks again."""
    path = project_with_documents(tmp_path / "sound.jiyao")
    checked = whole_file_checks(monkeypatch)
    window = Store(path, check_later=True)
    try:
        assert window.integrity_passed()
        with Store(path, create=False) as job:
            assert job.document_count() == 60
            job.set_status(1, Status.DONE)  # written: the verdict was a pass
        with Store(path, create=False, read_only=True) as reader:
            assert reader.document_count() == 60
        assert checked == [path]
    finally:
        window.close()
    with Store(path, create=False):
        assert checked == [path, path]


def test_a_store_opened_beside_one_that_found_its_file_damaged_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project_with_documents(tmp_path / "damaged.jiyao")
    damage(path)
    checked = whole_file_checks(monkeypatch)
    window = Store(path, check_later=True)
    try:
        assert not window.integrity_passed()
        with pytest.raises(CorruptProject, match="damaged") as caught:
            Store(path, create=False)
        assert caught.value.path == path and "jiyao backups" in str(caught.value)
        assert checked == [path]
    finally:
        window.close()


def test_a_store_opened_while_another_checks_its_file_waits_for_that_verdict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project_with_documents(tmp_path / "damaged.jiyao")
    damage(path)
    go_on = threading.Event()
    run = schema.SchemaMixin._run_integrity_check

    def held_check(store: schema.SchemaMixin) -> None:
        go_on.wait()
        run(store)

    monkeypatch.setattr(schema.SchemaMixin, "_run_integrity_check", held_check)
    checked = whole_file_checks(monkeypatch)
    window = Store(path, check_later=True)
    outcome: list[BaseException | None] = []

    def open_job() -> None:
        try:
            Store(path, create=False).close()
            outcome.append(None)
        except StoreError as error:
            outcome.append(error)

    job = threading.Thread(target=open_job)
    try:
        job.start()
        job.join(0.3)
        assert job.is_alive() and not outcome  # waiting for the window's verdict
        go_on.set()
        job.join(10)
        assert isinstance(outcome[0], CorruptProject) and checked == [path]
    finally:
        go_on.set()
        window.close()


def test_a_file_put_in_the_place_of_a_checked_one_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verdict belongs to the file (its inode), not to its name: a damaged copy moved
    over the name while the window holds the checked file is checked, and refused."""
    path = project_with_documents(tmp_path / "sound.jiyao")
    copy = tmp_path / "copy.jiyao"
    shutil.copyfile(path, copy)
    damage(copy)
    checked = whole_file_checks(monkeypatch)
    with Store(path, check_later=True) as window:
        assert window.integrity_passed()
        os.replace(copy, path)
        with pytest.raises(CorruptProject, match="damaged"):
            Store(path, create=False)
        assert checked == [path, path]
