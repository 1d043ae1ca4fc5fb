"""A project Jiyao cannot write (a read-only mount, a write-protected file or folder) is
still opened by the commands that only read it: read-only, nothing written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.core.model import NewDocument, Status
from desktop.core.store import ReadOnlyProject, Store
from desktop.core.store.opening import open_project_to_read
from desktop.core.store.schema import read_only_uri

TEXT = "会议要求，各部门要在3月底前做好复工复产工作。"


def small_project(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store(path) as store:
        store.add_documents(
            [
                NewDocument(
                    title="通知",
                    raw_text=TEXT,
                    clean_text=TEXT,
                    encoding="utf-8",
                    script="simplified",
                )
            ]
        )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def refuse_writing(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """What a read-only mount or chmod does to os.access, simulated so it runs as root."""
    real_access = os.access

    def access(target: object, mode: int, **kwargs: object) -> bool:
        if Path(str(target)) in paths and mode & os.W_OK:
            return False
        return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_a_read_only_project_is_exported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = small_project(tmp_path / "p.jiyao")
    refuse_writing(monkeypatch, project)
    out = tmp_path / "out.jsonl"
    code = cli.main(["export", "--db", str(project), "--format", "jsonl", "-o", str(out)])
    assert capsys.readouterr().err == ""
    assert code == 0 and TEXT in out.read_text(encoding="utf-8")


def test_a_project_opened_to_read_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = small_project(tmp_path / "p.jiyao")
    refuse_writing(monkeypatch, project)
    with open_project_to_read(project) as store:
        assert store.read_only
        (document_id,) = store.document_ids()
        assert store.document(document_id).clean_text == TEXT
        with pytest.raises(ReadOnlyProject):
            store.set_status(document_id, Status.DONE)


def test_a_read_only_folder_without_a_wal_opens_the_file_immutable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = small_project(tmp_path / "p.jiyao")
    assert read_only_uri(project).endswith("?mode=ro")  # the folder can be written
    refuse_writing(monkeypatch, project, tmp_path)
    assert read_only_uri(project).endswith("?mode=ro&immutable=1")
    Path(f"{project}-wal").write_bytes(b"")  # changes may wait there: read them
    assert read_only_uri(project).endswith("?mode=ro")


def _can_mount_read_only() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_read_only(), reason="needs unshare -rm (user namespaces)")
def test_a_project_on_a_read_only_mount_is_exported(tmp_path: Path) -> None:
    """A real read-only bind mount, in a user namespace of its own."""
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    project = small_project(shelf / "p.jiyao")
    out = tmp_path / "out"
    export = [sys.executable, "-m", "desktop", "export", "--db", str(project), "-o", str(out)]
    script = (
        'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && '
        '! touch "$0/written" 2>/dev/null && exec "$@"'
    )
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, str(shelf), str(shelf), *export, "--format", "brat"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")},
    )
    assert result.returncode == 0, result.stderr
    assert (out / "0001.txt").read_text(encoding="utf-8") == TEXT
    assert sorted(p.name for p in shelf.iterdir()) == ["p.jiyao"]


@pytest.mark.parametrize("folder", ["项目 #1", "a?b%20c", "空 格&=;"])
def test_a_project_in_a_folder_with_uri_characters_opens_read_only(
    tmp_path: Path, folder: str
) -> None:
    """The read-only URI quotes what a URI would read otherwise (#, ?, %, spaces)."""
    project = small_project(tmp_path / folder / "p.jiyao")
    with Store(project, read_only=True) as store:
        (document_id,) = store.document_ids()
        assert store.document(document_id).clean_text == TEXT
