"""Folder exports: a new folder, an empty one, or an earlier Jiyao export replaced as a whole;
never a merge into someone's files, never half an export."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.core.exports.output import (
    EXPORT_MARKER,
    FolderInUse,
    atomic_binary_file,
    atomic_text_file,
    staged_folder,
)


def _export(folder: Path, names: list[str]) -> None:
    with staged_folder(folder) as stage:
        for name in names:
            (stage / name).write_text(name, encoding="utf-8")


def _leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith("."))


def test_a_new_folder_is_created_with_its_marker(tmp_path: Path) -> None:
    _export(tmp_path / "out", ["a.txt"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [EXPORT_MARKER, "a.txt"]
    assert _leftovers(tmp_path) == []


def test_an_earlier_export_is_replaced_not_merged(tmp_path: Path) -> None:
    _export(tmp_path / "out", ["0001.txt", "0002.txt"])
    _export(tmp_path / "out", ["0001.txt"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [EXPORT_MARKER, "0001.txt"]
    assert _leftovers(tmp_path) == []


def test_a_folder_with_other_files_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "README.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FolderInUse, match="not an earlier Jiyao export"):
        _export(folder, ["README.txt"])
    assert (folder / "README.txt").read_text(encoding="utf-8") == "mine"
    assert _leftovers(tmp_path) == []


def test_an_empty_folder_is_used(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _export(tmp_path / "empty", ["a.txt"])
    assert (tmp_path / "empty" / "a.txt").exists()


def test_a_failed_export_leaves_the_earlier_one_whole(tmp_path: Path) -> None:
    _export(tmp_path / "out", ["0001.txt", "0002.txt"])
    with pytest.raises(RuntimeError), staged_folder(tmp_path / "out") as stage:
        (stage / "0001.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")
    assert (tmp_path / "out" / "0001.txt").read_text(encoding="utf-8") == "0001.txt"
    assert (tmp_path / "out" / "0002.txt").exists() and _leftovers(tmp_path) == []


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(FolderInUse, match="is a file"):
        _export(tmp_path / "out", ["a.txt"])


def test_a_file_appears_under_its_name_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "set.jsonl"
    target.write_text("earlier", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text_file(target) as out:
        out.write("half")
        raise RuntimeError("cancelled")
    assert target.read_text(encoding="utf-8") == "earlier"
    with atomic_binary_file(target) as out:
        out.write(b"whole")
    assert target.read_bytes() == b"whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["set.jsonl"]


def test_a_file_the_user_added_to_an_export_stops_the_next_one(tmp_path: Path) -> None:
    _export(tmp_path / "out", ["0001.txt", "0001.ann"])
    (tmp_path / "out" / "my_notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FolderInUse, match=r"added or changed since \(my_notes.txt\)"):
        _export(tmp_path / "out", ["0001.txt", "0001.ann"])
    assert (tmp_path / "out" / "my_notes.txt").read_text(encoding="utf-8") == "mine"
    assert _leftovers(tmp_path) == []


def test_a_file_of_the_export_changed_since_stops_the_next_one(tmp_path: Path) -> None:
    _export(tmp_path / "out", ["0001.txt", "0001.ann"])
    with (tmp_path / "out" / "0001.ann").open("a", encoding="utf-8") as ann:
        ann.write("T99\tOther 0 2\t会议\n")  # what brat writes when a tag is added there
    with pytest.raises(FolderInUse, match=r"\(0001.ann\)"):
        _export(tmp_path / "out", ["0001.txt"])
    assert "T99" in (tmp_path / "out" / "0001.ann").read_text(encoding="utf-8")


def test_an_unchanged_export_with_a_file_removed_is_replaced(tmp_path: Path) -> None:
    _export(tmp_path / "out", ["0001.txt", "0002.txt"])
    (tmp_path / "out" / "0002.txt").unlink()
    _export(tmp_path / "out", ["0003.txt"])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [EXPORT_MARKER, "0003.txt"]


def test_an_export_without_a_manifest_is_replaced_only_with_known_names(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / EXPORT_MARKER).write_text("Written by Jiyao; a new export replaces it.\n", "utf-8")
    for name in ("0001.txt", "0001.ann", "annotation.conf", "metadata.json"):
        (folder / name).write_text(name, encoding="utf-8")
    (folder / "my_notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FolderInUse, match=r"my_notes\.txt"):
        _export(folder, ["0001.txt"])
    (folder / "my_notes.txt").unlink()
    _export(folder, ["0001.txt"])
    assert sorted(p.name for p in folder.iterdir()) == [EXPORT_MARKER, "0001.txt"]


def test_an_export_folder_and_its_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        _export(tmp_path / "out", ["a.txt"])
        with atomic_text_file(tmp_path / "set.jsonl") as out:
            out.write("{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "out" / "a.txt").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "out" / EXPORT_MARKER).stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "set.jsonl").stat().st_mode) == 0o644
