"""Where an export may write: never onto the open project, another database, a pipe or a
device (issue 13: `-o p.jiyao` turned the project into JSON, `-o fifo` into a plain file)."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from desktop.core.exports.formats import FORMATS, export_project
from desktop.core.exports.output import UnsafeTarget
from desktop.core.store import Store

FILE_FORMATS = [name for name, f in FORMATS.items() if f.target == "file"]


def _assert_refused(store: Store, target: Path, format_name: str) -> None:
    project_bytes = store.path.read_bytes()
    with pytest.raises(UnsafeTarget):
        export_project(store, format_name, target)
    assert store.path.read_bytes() == project_bytes
    assert store.document_count() == 3


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_the_open_project_is_never_an_export_target(sample_store: Store, format_name: str) -> None:
    _assert_refused(sample_store, sample_store.path, format_name)


@pytest.mark.parametrize("format_name", FILE_FORMATS)
def test_a_symlink_to_the_open_project_is_refused(
    sample_store: Store, tmp_path: Path, format_name: str
) -> None:
    link = tmp_path / f"link{FORMATS[format_name].suffix}"
    link.symlink_to(sample_store.path)
    _assert_refused(sample_store, link, format_name)
    assert link.is_symlink()


@pytest.mark.parametrize("format_name", FILE_FORMATS)
def test_another_sqlite_database_is_refused(
    sample_store: Store, tmp_path: Path, format_name: str
) -> None:
    other = tmp_path / f"other{FORMATS[format_name].suffix}"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE kept (x)")
    connection.close()
    before = other.read_bytes()
    _assert_refused(sample_store, other, format_name)
    assert other.read_bytes() == before


@pytest.mark.parametrize("format_name", FILE_FORMATS)
def test_a_fifo_is_refused_and_stays_a_fifo(
    sample_store: Store, tmp_path: Path, format_name: str
) -> None:
    fifo = tmp_path / f"pipe{FORMATS[format_name].suffix}"
    os.mkfifo(fifo)
    _assert_refused(sample_store, fifo, format_name)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("format_name", FILE_FORMATS)
def test_a_device_is_refused_and_stays_a_device(
    sample_store: Store, tmp_path: Path, format_name: str
) -> None:
    # A device node of our own (like /dev/full), so a regression cannot replace the real one.
    device = tmp_path / f"full{FORMATS[format_name].suffix}"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    _assert_refused(sample_store, device, format_name)
    assert stat.S_ISCHR(device.stat().st_mode)


def test_an_ordinary_earlier_export_file_is_still_replaced(
    sample_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "set.jsonl"
    target.write_text("old\n", encoding="utf-8")
    export_project(sample_store, "jsonl", target)
    assert target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("format_name", FILE_FORMATS)
def test_a_file_name_without_the_formats_suffix_gets_it(
    sample_store: Store, tmp_path: Path, format_name: str
) -> None:
    suffix = FORMATS[format_name].suffix
    result = export_project(sample_store, format_name, tmp_path / f"out_{format_name}")
    assert result.path == tmp_path / f"out_{format_name}{suffix}" and result.path.is_file()
    assert not (tmp_path / f"out_{format_name}").exists()
    kept = export_project(sample_store, format_name, tmp_path / f"named{suffix.upper()}")
    assert kept.path == tmp_path / f"named{suffix.upper()}"


def test_a_folder_format_keeps_the_name_given(sample_store: Store, tmp_path: Path) -> None:
    assert export_project(sample_store, "brat", tmp_path / "round.2").path == tmp_path / "round.2"


@pytest.mark.parametrize(
    ("format_name", "companion"),
    [("jsonl", "set.scheme.json"), ("labelstudio", "set.label_config.xml")],
)
def test_a_file_written_beside_the_target_is_checked_too(
    sample_store: Store, tmp_path: Path, format_name: str, companion: str
) -> None:
    os.mkfifo(tmp_path / companion)
    target = tmp_path / f"set{FORMATS[format_name].suffix}"
    _assert_refused(sample_store, target, format_name)
    assert stat.S_ISFIFO((tmp_path / companion).stat().st_mode) and not target.exists()
