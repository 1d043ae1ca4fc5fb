"""CSV export: read back with the csv module, the rows match the store."""

from __future__ import annotations

import csv
from pathlib import Path

from desktop.core.exports.csv_files import write_csv_folder
from desktop.core.exports.selection import Codebook, ExportOptions, select
from desktop.core.labels import topics_scheme
from desktop.core.model import NewDocument
from desktop.core.store import Store

TEXT = "𠮷野家会议指出，要做好安全生产工作，必须坚决防止疫情反弹。"


def test_the_csv_files_match_the_store(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(topics_scheme())
        document_id = store.add_document(
            NewDocument(
                title="标题", raw_text=TEXT, clean_text=TEXT, encoding="utf-8", script="simplified"
            )
        )
        assert document_id is not None
        labour = next(label for label in store.labels() if label.name == "Labour")
        start = TEXT.index("要做好")
        store.add_annotation(
            document_id,
            labour.id,
            start,
            start + 9,
            note="要…",
            attributes={"strength": "directive", "issuer": "会议"},
            annotator="研究员",
        )
        written = write_csv_folder(
            select(store, ExportOptions()), Codebook.from_store(store), tmp_path / "out"
        )
        assert written == 1
        tags = store.annotations(document_id)
    raw = (tmp_path / "out" / "annotations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    with (tmp_path / "out" / "annotations.csv").open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert row["text"] == tags[0].text == "要做好安全生产工作"
    assert (int(row["start"]), int(row["end"])) == (start, start + 9)
    assert TEXT[int(row["start"]) : int(row["end"])] == row["text"]
    assert row["label_path"] == "Support measures/Labour"
    assert (row["attr_strength"], row["attr_issuer"], row["attr_deadline"]) == (
        "directive",
        "会议",
        "",
    )
    assert row["context_left"].endswith("会议指出，")
    with (tmp_path / "out" / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        [document] = list(csv.DictReader(handle))
    assert document["annotations"] == "1" and len(document["text_sha256"]) == 64
    with (tmp_path / "out" / "codebook.csv").open(encoding="utf-8-sig", newline="") as handle:
        codebook = list(csv.DictReader(handle))
    assert {"Epidemic control", "strength"} <= {entry["name"] for entry in codebook}
    assert not list((tmp_path / "out").glob("*.part"))


def test_converted_csv_offsets_slice_the_converted_text(
    sample_store: Store, tmp_path: Path
) -> None:
    from conftest import exported

    documents, codebook = exported(sample_store, text="converted", conversion="s2twp")
    texts = {d.document.id: d.text for d in documents}
    write_csv_folder(documents, codebook, tmp_path / "out")
    with (tmp_path / "out" / "annotations.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    for row in rows:
        text = texts[int(row["document_id"])]
        assert text[int(row["start"]) : int(row["end"])] == row["text"]
    assert "一是做好資訊保安" in {row["text"] for row in rows}
    with (tmp_path / "out" / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert {row["conversion"] for row in csv.DictReader(handle)} == {"s2twp"}
