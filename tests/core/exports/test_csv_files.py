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
    from conftest import FIRST_TAG_TW, exported

    documents, codebook = exported(sample_store, text="converted", conversion="s2twp")
    texts = {d.document.id: d.text for d in documents}
    write_csv_folder(documents, codebook, tmp_path / "out")
    with (tmp_path / "out" / "annotations.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    for row in rows:
        text = texts[int(row["document_id"])]
        assert text[int(row["start"]) : int(row["end"])] == row["text"]
    assert FIRST_TAG_TW in {row["text"] for row in rows}
    with (tmp_path / "out" / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert {row["conversion"] for row in csv.DictReader(handle)} == {"s2twp"}


FORMULA_TEXT = "=HYPERLINK(1)+2-3@4\t\r要求"


def _formula_project(store: Store) -> None:
    store.install_scheme(topics_scheme())
    document_id = store.add_document(
        NewDocument(
            title="=cmd|' /C calc'!A0",
            raw_text=FORMULA_TEXT,
            clean_text=FORMULA_TEXT,
            encoding="utf-8",
            script="simplified",
            source="@SUM(1)",
        )
    )
    assert document_id is not None
    label = store.labels()[0].id
    for start in range(len(FORMULA_TEXT) - 1):
        store.add_annotation(document_id, label, start, start + 2, note="-1+1")


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_text_cells_that_begin_like_a_formula_are_neutralised(tmp_path: Path) -> None:
    from desktop.core.exports.formats import export_project

    with Store(tmp_path / "p.jiyao") as store:
        _formula_project(store)
        export_project(store, "csv", tmp_path / "out")
    tags = _rows(tmp_path / "out" / "annotations.csv")
    starts = ("=", "+", "-", "@", "\t", "\r")
    text_cells = [v for row in tags for k, v in row.items() if k not in ("start", "end")]
    documents = _rows(tmp_path / "out" / "documents.csv")
    text_cells += [v for row in documents for v in row.values()]
    assert not [cell for cell in text_cells if cell.startswith(starts)]
    for row in tags:  # offsets untouched; the exact text is the cell without its '
        start, end = int(row["start"]), int(row["end"])
        exact = FORMULA_TEXT[start:end]
        assert row["text"] == ("'" + exact if exact.startswith(starts) else exact)
        assert row["note"] == "'-1+1"
    assert documents[0]["title"] == "'=cmd|' /C calc'!A0" and documents[0]["source"] == "'@SUM(1)"
    assert "--raw-csv" in (tmp_path / "out" / "README.txt").read_text(encoding="utf-8")


def test_raw_csv_keeps_the_cells_exactly_as_the_texts_are(tmp_path: Path) -> None:
    from desktop.core.exports.formats import export_project

    with Store(tmp_path / "p.jiyao") as store:
        _formula_project(store)
        export_project(store, "csv", tmp_path / "out", ExportOptions(raw_csv=True))
    for row in _rows(tmp_path / "out" / "annotations.csv"):
        assert row["text"] == FORMULA_TEXT[int(row["start"]) : int(row["end"])]
    assert _rows(tmp_path / "out" / "documents.csv")[0]["title"] == "=cmd|' /C calc'!A0"


def test_a_converted_export_names_the_script_of_the_text_written(
    sample_store: Store, tmp_path: Path
) -> None:
    from desktop.core.exports.formats import export_project

    options = ExportOptions(text="converted", conversion="s2twp")
    export_project(sample_store, "csv", tmp_path / "out", options)
    rows = _rows(tmp_path / "out" / "documents.csv")
    converted = [row for row in rows if row["conversion"] == "s2twp"]
    assert converted and {row["script"] for row in converted} == {"traditional"}
