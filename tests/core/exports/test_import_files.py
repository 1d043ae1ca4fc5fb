"""What the annotated-set readers open (issue 21): a brat folder is read without leaving it
(links out of it, pipes and devices are refused, one by one), and a .qdpx whose members
declare more than the size limit is refused before anything is inflated."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import zipfile
from pathlib import Path

import pytest

from desktop.core import textio
from desktop.core.exports.brat_reader import read_brat
from desktop.core.exports.formats import annotated_set_format, read_annotated_set
from desktop.core.exports.importing import AnnotatedSet, UnreadableSet, store_annotated_set
from desktop.core.exports.qdpx_reader import read_qdpx
from desktop.core.store import Store

TEXT = "会议要求做好复工复产。"


def _brat_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "0001.txt").write_text(TEXT, encoding="utf-8")
    (folder / "0001.ann").write_text("T1\tLabour 0 2\t会议\n", encoding="utf-8")
    return folder


def _read_without_hanging(folder: Path) -> AnnotatedSet:
    """read_brat in a thread, so that a read that blocks fails the test instead of hanging it."""
    result: list[AnnotatedSet] = []
    reader = threading.Thread(target=lambda: result.append(read_brat(folder)), daemon=True)
    reader.start()
    reader.join(60)
    assert not reader.is_alive(), "reading the folder blocked"
    return result[0]


@pytest.mark.parametrize("outside", ["secret.txt", "/proc/self/environ"])
def test_a_brat_text_linked_out_of_the_folder_is_refused(tmp_path: Path, outside: str) -> None:
    folder = _brat_folder(tmp_path)
    target = Path(outside) if outside.startswith("/") else tmp_path / outside
    if not outside.startswith("/"):
        target.write_text("机密文件内容，不该导入。", encoding="utf-8")
    (folder / "a.txt").symlink_to(target)
    (folder / "a.ann").write_text("T1\tLabour 0 2\t机密\n", encoding="utf-8")
    annotated = read_brat(folder)
    assert [record.text for record in annotated.documents] == [TEXT]
    assert [problem.where for problem in annotated.problems] == ["a.txt"]


def test_a_brat_ann_linked_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    folder = _brat_folder(tmp_path)
    (tmp_path / "outside.ann").write_text("T1\tLabour 0 2\t会议\n", encoding="utf-8")
    (folder / "b.txt").write_text(TEXT + "另一篇。", encoding="utf-8")
    (folder / "b.ann").symlink_to(tmp_path / "outside.ann")
    annotated = read_brat(folder)
    assert [record.where for record in annotated.documents] == ["0001.txt"]
    assert [problem.where for problem in annotated.problems] == ["b.ann"]


def test_a_fifo_in_a_brat_folder_is_refused_without_waiting(tmp_path: Path) -> None:
    folder = _brat_folder(tmp_path)
    os.mkfifo(folder / "c.ann")
    (folder / "c.txt").write_text(TEXT + "第三篇。", encoding="utf-8")
    annotated = _read_without_hanging(folder)
    assert [record.where for record in annotated.documents] == ["0001.txt"]
    assert [problem.where for problem in annotated.problems] == ["c.ann"]


def test_a_brat_text_above_the_size_limit_is_refused(tmp_path: Path) -> None:
    folder = _brat_folder(tmp_path)
    (folder / "big.txt").write_text("会议" * 2000, encoding="utf-8")
    (folder / "big.ann").write_text("T1\tLabour 0 2\t会议\n", encoding="utf-8")
    with textio.document_limit(0.005):
        annotated = read_brat(folder)
    assert [record.where for record in annotated.documents] == ["0001.txt"]
    assert [problem.where for problem in annotated.problems] == ["big.txt"]
    assert "limit" in annotated.problems[0].reason


def _qdpx_declaring(tmp_path: Path, sizes: list[int]) -> Path:
    """A .qdpx whose members are that many bytes of one repeated character (they compress to
    almost nothing: a small zip bomb)."""
    path = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", "<Project/>")
        for number, size in enumerate(sizes):
            archive.writestr(f"sources/{number}.txt", b"a" * size)
    return path


def test_a_qdpx_member_above_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = _qdpx_declaring(tmp_path, [20_000])
    with textio.document_limit(0.01), pytest.raises(UnreadableSet, match="limit"):
        read_qdpx(path)


def test_a_qdpx_whose_members_add_up_above_the_total_limit_is_refused(tmp_path: Path) -> None:
    path = _qdpx_declaring(tmp_path, [9_000] * 12)  # each under 0.01 MB, together far above
    with textio.document_limit(0.01), pytest.raises(UnreadableSet, match="limit"):
        read_qdpx(path)


def test_a_fifo_named_as_a_qdpx_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.qdpx")
    outcome: list[str] = []

    def read() -> None:
        try:
            read_qdpx(tmp_path / "pipe.qdpx")
        except UnreadableSet as error:
            outcome.append(str(error))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(60)
    assert not reader.is_alive(), "reading the pipe blocked"
    assert outcome and "not a regular file" in outcome[0]


# Size limits of JSON Lines and Label Studio sets ------------------------------------------


def _jsonl(path: Path, texts: list[str]) -> Path:
    # doccano's records ("label", even empty, makes them a set; a text alone is a scraped row).
    records = ({"text": t, "label": []} for t in texts)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def _labelstudio(path: Path, texts: list[str]) -> Path:
    path.write_text(json.dumps([{"data": {"text": t}} for t in texts], ensure_ascii=False))
    return path


SET_WRITERS = {"jsonl": (_jsonl, "set.jsonl"), "labelstudio": (_labelstudio, "set.json")}


@pytest.mark.parametrize("kind", SET_WRITERS)
def test_a_set_file_above_its_limit_is_refused_from_its_size(tmp_path: Path, kind: str) -> None:
    write, name = SET_WRITERS[kind]
    # 0.001 MB a document: a set file may hold 20 times that, 20,000 bytes; this one is larger.
    path = write(tmp_path / name, [TEXT + str(n) for n in range(1000)])
    assert path.stat().st_size > 20_000
    with textio.document_limit(0.001), pytest.raises(UnreadableSet) as refused:
        read_annotated_set(path)
    assert "limit of 0.02 MB for a set file" in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("kind", SET_WRITERS)
def test_a_set_file_within_its_limit_is_read(tmp_path: Path, kind: str) -> None:
    write, name = SET_WRITERS[kind]
    path = write(tmp_path / name, [TEXT + str(n) for n in range(100)])
    assert 1_000 < path.stat().st_size < 20_000  # above one document's limit, within the set's
    with textio.document_limit(0.001):
        assert len(read_annotated_set(path).documents) == 100


@pytest.mark.parametrize("kind", SET_WRITERS)
def test_a_record_above_the_document_limit_is_refused_the_others_stored(
    tmp_path: Path, kind: str
) -> None:
    write, name = SET_WRITERS[kind]
    path = write(tmp_path / name, [TEXT, "会议" * 400, TEXT + "另一篇。"])  # 2,400 bytes
    with Store(tmp_path / "p.jiyao") as store, textio.document_limit(0.001):
        report = store_annotated_set(store, read_annotated_set(path))
        assert report.documents_added == 2
        assert [str(p) for p in report.problems] == [
            f"{'line' if kind == 'jsonl' else 'task'} 2: the text is 0.0024 MB, above the limit of "
            "0.001 MB for one document (raise it with JIYAO_MAX_DOCUMENT_MB or "
            "--max-document-mb); document refused"
        ]


# Pipes named like a set (issue 21) ----------------------------------------------------------


def _release(fifo: Path) -> None:
    """Let a reader that waits on ``fifo`` go (a writer comes and goes: it reads the end)."""
    with contextlib.suppress(OSError):  # no reader waits
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


@pytest.mark.parametrize("name", ["pipe.jsonl", "pipe.json", "pipe.qdpx"])
def test_a_fifo_named_as_a_set_is_refused_by_the_shared_reader(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    outcome: list[str] = []

    def read() -> None:
        try:
            read_annotated_set(fifo)
        except UnreadableSet as error:
            outcome.append(str(error))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(30)
    blocked = reader.is_alive()
    if blocked:
        _release(fifo)
    assert not blocked, "reading the pipe blocked"
    assert outcome == [f"{name}: not a regular file (a pipe, device or socket); not read"]


def test_a_fifo_named_as_a_json_set_is_told_apart_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    found: list[object] = []
    sniffer = threading.Thread(target=lambda: found.append(annotated_set_format(fifo)))
    sniffer.daemon = True
    sniffer.start()
    sniffer.join(30)
    blocked = sniffer.is_alive()
    if blocked:
        _release(fifo)
    assert not blocked, "telling its format blocked"
