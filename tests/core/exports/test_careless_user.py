"""Edges a careless user reaches that the format tests did not: each found by using the
command line as issues 13 and 21 describe, then pinned here."""

from __future__ import annotations

import io
import json
import os
import struct
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import ASTRAL, exported

from desktop.core.exports.formats import export_project, read_annotated_set
from desktop.core.exports.importing import UnreadableSet, store_annotated_set
from desktop.core.exports.jsonl import write_jsonl
from desktop.core.exports.qdpx import write_qdpx
from desktop.core.exports.qdpx_reader import read_qdpx
from desktop.core.store import Store


def test_a_one_document_jsonl_export_saved_as_json_keeps_its_tags(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    """A JSONL file of one line is also one JSON object: it was taken for a lone Label
    Studio task and imported with every tag lost ("0 tags added", exit 0)."""
    (astral_id,) = [s.id for s in sample_store.list_documents() if s.title == "吉野家会议"]
    path = tmp_path / "one.json"
    write_jsonl(*exported(sample_store, document_ids=(astral_id,)), path)
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1
    annotated = read_annotated_set(path)
    assert annotated.format == "jsonl"
    report = store_annotated_set(empty_store, annotated)
    assert report.problems == [] and report.annotations_added == 3


def test_a_lone_doccano_record_saved_as_json_keeps_its_tag(
    empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "doccano.json"
    record = {"text": ASTRAL, "label": [[0, 3, "督查"]]}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    report = store_annotated_set(empty_store, read_annotated_set(path))
    assert report.format == "jsonl" and report.annotations_added == 1


def test_a_lone_label_studio_task_or_json_min_record_stays_label_studio(tmp_path: Path) -> None:
    task = tmp_path / "task.json"
    task.write_text(json.dumps({"data": {"text": ASTRAL}, "annotations": []}), "utf-8")
    minimal = tmp_path / "min.json"
    regions = [{"start": 0, "end": 3, "text": ASTRAL[:3], "labels": ["督查"]}]
    minimal.write_text(json.dumps({"text": ASTRAL, "label": regions}), "utf-8")
    assert read_annotated_set(task).format == "labelstudio"
    assert read_annotated_set(minimal).format == "labelstudio"


def _lying_qdpx(sample_store: Store, path: Path, inflated: bytes) -> None:
    """A .qdpx whose first source holds ``inflated`` deflated, while its headers declare
    30 bytes: the declared-size check passes it."""
    original = path.with_name("original.qdpx")
    write_qdpx(*exported(sample_store), original)
    with (
        zipfile.ZipFile(original) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        names = source.namelist()
        member = next(name for name in names if name.endswith(".txt"))
        for name in names:
            copy.writestr(name, inflated if name == member else source.read(name))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, 30)  # local header: size
    directory = data.index(b"PK\x01\x02")  # the central directory's first entry
    while bytes(data[directory + 46 : directory + 46 + len(member)]) != member.encode():
        directory = data.index(b"PK\x01\x02", directory + 4)
    struct.pack_into("<I", data, directory + 24, 30)  # its entry: size
    path.write_bytes(bytes(data))


def test_a_qdpx_member_lying_about_its_size_is_not_inflated_whole(
    sample_store: Store, tmp_path: Path
) -> None:
    """zipfile's ``read`` inflates a member's whole compressed stream in one call and only
    then cuts it to the declared size: 30 declared bytes holding a bomb took memory in
    proportion to the bomb (1,000 times the file's size), past the declared-size check."""
    path = tmp_path / "lying.qdpx"
    _lying_qdpx(sample_store, path, "会议".encode() * (5 << 20))  # 30 MB, 30 KB deflated
    tracemalloc.start()
    try:
        annotated = read_qdpx(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20, f"reading took {peak / (1 << 20):.0f} MB"
    assert any("damaged in the zip" in str(problem) for problem in annotated.problems)


def test_a_misspelt_label_beside_a_right_one_is_refused_not_dropped(sample_store: Store) -> None:
    """``--labels Labour Lbour`` exported Labour's tags and said nothing of Lbour, as
    ``--docs 3-2 5`` once dropped its reversed part."""
    with pytest.raises(ValueError, match="no label called Lbour in this project"):
        exported(sample_store, labels=("Labour", "Lbour"))


def test_an_annotator_with_no_tags_is_named_not_an_empty_export(sample_store: Store) -> None:
    """``--annotator 研究`` (a typo of 研究员) exported every document with no tags, exit 0."""
    assert "研究员" in sample_store.annotators()
    with pytest.raises(ValueError, match="no tags by 研究 in this project"):
        exported(sample_store, annotators=("研究员", "研究"))
    documents, _ = exported(sample_store, annotators=("研究员",))
    assert {a.annotator for d in documents for a in d.annotations} == {"研究员"}


RECORD = json.dumps({"text": ASTRAL, "label": [[0, 3, "督查"]]}, ensure_ascii=False) + "\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("name", ["set.jsonl", "set.json", "set.qdpx"])
def test_a_pipe_named_like_a_set_is_refused_without_being_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """``mkfifo set.jsonl; jiyao import set.jsonl`` waited forever for a writer (plain text
    refuses pipes; the sets did not). Opening the pipe fails here instead of waiting."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    real_open = io.open

    def open_anything_but_the_pipe(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | os.PathLike) and Path(file) == fifo:
            raise AssertionError(f"{name} was opened: reading a pipe waits for a writer")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", open_anything_but_the_pipe)
    with pytest.raises(UnreadableSet, match="not a regular file"):
        read_annotated_set(fifo)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="Linux /proc")
def test_a_link_named_like_a_set_into_proc_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "set.jsonl"
    link.symlink_to("/proc/self/environ")
    with pytest.raises(UnreadableSet, match="a system file; not read"):
        read_annotated_set(link)


def test_a_set_that_does_not_exist_is_said_to_be_missing(tmp_path: Path) -> None:
    """It was "cannot be read as UTF-8 ([Errno 2] ...)", or "not a .qdpx (zip) file"."""
    for name in ("gone.jsonl", "gone.json", "gone.qdpx"):
        with pytest.raises(UnreadableSet) as refused:
            read_annotated_set(tmp_path / name)
        assert str(refused.value) == f"{name}: no such file or folder"


def test_a_folder_export_through_a_link_fills_the_linked_folder_and_keeps_the_link(
    sample_store: Store, tmp_path: Path
) -> None:
    """``-o exports`` where exports -> /mnt/big/exports: the link was replaced by a new real
    folder (the export not where the user keeps it) and left as a hidden .exports.*.old."""
    home = tmp_path / "home"
    real = home / "big" / "exports"
    real.mkdir(parents=True)
    link = home / "exports"
    link.symlink_to(real)
    for _ in range(2):  # into the empty folder, then over the earlier export
        export_project(sample_store, "brat", link)
        assert link.is_symlink() and link.resolve() == real
        assert (real / "annotation.conf").is_file()
        assert sorted(p.name for p in home.iterdir()) == ["big", "exports"]
        assert sorted(p.name for p in real.parent.iterdir()) == ["exports"]


def test_a_file_export_through_a_link_writes_the_linked_file_and_keeps_the_link(
    sample_store: Store, tmp_path: Path
) -> None:
    real = tmp_path / "big" / "set.jsonl"
    real.parent.mkdir()
    real.write_text("an earlier export\n", encoding="utf-8")
    link = tmp_path / "set.jsonl"
    link.symlink_to(real)
    export_project(sample_store, "jsonl", link)
    assert link.is_symlink() and link.resolve() == real
    assert '"text_sha256"' in real.read_text(encoding="utf-8")
