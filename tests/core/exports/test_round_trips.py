"""Every readable format, through the same doors the command line and the window use:
export, import into an empty project, export again; the tags come back the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ASTRAL

from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.formats import (
    FORMATS,
    annotated_set_format,
    export_project,
    read_annotated_set,
)
from desktop.core.exports.importing import store_annotated_set
from desktop.core.exports.selection import Codebook, ExportOptions, select
from desktop.core.store import Store

READABLE = [name for name, export_format in FORMATS.items() if export_format.readable]


def _target(folder: Path, name: str) -> Path:
    export_format = FORMATS[name]
    return (
        folder / f"{name}{export_format.suffix}"
        if export_format.target == "file"
        else folder / name
    )


def _tags(store: Store) -> list[tuple[Any, ...]]:
    codebook = Codebook.from_store(store)
    return sorted(
        (
            d.text,
            codebook.path(a),
            a.start,
            a.end,
            a.text,
            a.note,
            sorted(a.attributes.items(), key=str),
        )
        for d in select(store, ExportOptions())
        for a in d.annotations
    )


@pytest.mark.parametrize("name", READABLE)
def test_a_readable_format_round_trips(
    name: str, sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    first = _target(tmp_path / "first", name)
    first.parent.mkdir()
    result = export_project(sample_store, name, first)
    assert (result.documents, result.tags) == (3, 6)
    assert annotated_set_format(first) == FORMATS[name]
    report = store_annotated_set(empty_store, read_annotated_set(first))
    assert report.problems == [] and report.annotations_added == 6
    assert _tags(empty_store) == _tags(sample_store)
    again = store_annotated_set(empty_store, read_annotated_set(first))
    assert again.annotations_added == 0 and again.documents_added == 0
    second = _target(tmp_path / "second", name)
    second.parent.mkdir()
    assert export_project(empty_store, name, second).tags == 6


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_keeps_the_span_after_an_astral_character(
    name: str, sample_store: Store, tmp_path: Path
) -> None:
    target = _target(tmp_path, name)
    export_project(sample_store, name, target)
    files = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]
    written = b"".join(path.read_bytes() for path in files if path.suffix != ".qdpx")
    if target.suffix == ".qdpx":
        import zipfile

        with zipfile.ZipFile(target) as archive:
            written = b"".join(archive.read(n) for n in archive.namelist())
    assert "𠮷".encode() in written, "the astral character itself is written"
    start = ASTRAL.index("要做好")
    if name in READABLE:
        with Store(tmp_path / "back.jiyao") as back:
            store_annotated_set(back, read_annotated_set(target))
            [document] = [d for d in select(back, ExportOptions()) if d.text == ASTRAL]
            assert (start, start + 9) in {(a.start, a.end) for a in document.annotations}


CONVERTED = ExportOptions(text="converted", conversion="s2twp")


@pytest.mark.parametrize("name", READABLE)
def test_a_converted_export_imported_into_its_project_adds_no_documents(
    name: str, sample_store: Store, tmp_path: Path
) -> None:
    target = _target(tmp_path, name)
    export_project(sample_store, name, target, CONVERTED)
    before = _tags(sample_store)
    report = store_annotated_set(sample_store, read_annotated_set(target))
    assert report.problems == []
    assert (report.documents_added, report.documents_matched) == (0, 3)
    assert (report.annotations_added, report.duplicates) == (0, 6)
    assert _tags(sample_store) == before


@pytest.mark.parametrize("name", READABLE)
def test_converted_tags_go_back_to_their_original_offsets(
    name: str, sample_store: Store, untagged_sample_store: Store, tmp_path: Path
) -> None:
    target = _target(tmp_path, name)
    export_project(sample_store, name, target, CONVERTED)
    report = store_annotated_set(untagged_sample_store, read_annotated_set(target))
    assert report.problems == [] and report.documents_added == 0
    assert report.annotations_added == 6
    assert _tags(untagged_sample_store) == _tags(sample_store)


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_says_its_offsets_count_in_the_text_as_exported(
    name: str, sample_store: Store, tmp_path: Path
) -> None:
    target = _target(tmp_path, name)
    export_project(sample_store, name, target, CONVERTED)
    files = [target] if target.is_file() else [p for p in target.rglob("*") if p.is_file()]
    if target.suffix == ".qdpx":
        import zipfile

        with zipfile.ZipFile(target) as archive:
            written = archive.read("project.qde")
    else:
        written = b"".join(path.read_bytes() for path in files)
    assert OFFSET_CONVENTION.encode("utf-8") in written
    assert b"into the clean text" not in written and b"not the clean one" not in written
