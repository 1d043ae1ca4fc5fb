"""A small project every format is tested on: overlapping tags, attributes, notes with spaces,
tabs and newlines, a character outside the BMP before a tag, a Traditional document, entity
corrections, and a conversion (s2twp) that changes the text's length before a tag."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.conversion import converter
from desktop.core.exports.importing import AnnotatedSet, ImportReport, store_annotated_set
from desktop.core.exports.selection import Codebook, ExportDocument, ExportOptions, select
from desktop.core.labels import topics_scheme
from desktop.core.model import Entity, NewDocument, Status
from desktop.core.store import Store

ASTRAL = "𠮷野家会议指出，要做好安全生产工作，必须坚决防止疫情反弹。"
LENGTH_CHANGING = "会议要求，各单位要用好U盘和移动硬盘，一是做好信息安全，二是加强督查。"
TRADITIONAL = "張愛軍強調，要統籌推進疫情防控和經濟社會發展工作。"
# The first tag of LENGTH_CHANGING in s2twp: 資訊保安 with the reimplemented package's old
# dictionaries, 資訊安全 (what Taiwan writes) with opencc-pyo3's official ones.
FIRST_TAG_TW = converter("s2twp").convert("一是做好信息安全").text
assert FIRST_TAG_TW in ("一是做好資訊保安", "一是做好資訊安全"), FIRST_TAG_TW


def _document(title: str, text: str, script: str) -> NewDocument:
    return NewDocument(
        title=title,
        raw_text=text,
        clean_text=text,
        encoding="utf-8",
        script=script,
        source="市政府网站",
        date="2020-02-23",
        metadata={"url": "http://example.org/1"},
    )


def fill_sample_project(store: Store) -> None:
    store.install_scheme(topics_scheme())
    labels = {label.name: label.id for label in store.labels()}
    ids = [
        store.add_document(_document("吉野家会议", ASTRAL, "simplified")),
        store.add_document(_document("信息安全会议", LENGTH_CHANGING, "simplified")),
        store.add_document(_document("統籌會議", TRADITIONAL, "traditional")),
    ]
    astral, length_changing, traditional = (i for i in ids if i is not None)
    start = ASTRAL.index("要做好")
    first = store.add_annotation(
        astral,
        labels["Labour"],
        start,
        start + 9,
        note="要… with a space,\ta tab\nand a new line",
        attributes={"strength": "directive", "issuer": "会议 主席"},
        annotator="研究员",
    )
    # The tag's memo has a title (issue 20): every format that carries the note carries it.
    store.update_tag_memo(first.id, title="安全 <生产>\t备忘", note=first.note)
    start = ASTRAL.index("必须")
    store.add_annotation(
        astral,
        labels["Epidemic control"],
        start,
        len(ASTRAL) - 1,
        attributes={"strength": "mandatory"},
        annotator="研究员",
    )
    # Overlapping the first: starts inside it.
    store.add_annotation(astral, labels["Other"], ASTRAL.index("安全"), ASTRAL.index("必须"))
    start = LENGTH_CHANGING.index("一是")
    store.add_annotation(
        length_changing, labels["Supervision and inspection"], start, start + 8, annotator="乙"
    )
    start = LENGTH_CHANGING.index("二是")
    store.add_annotation(length_changing, labels["Supervision and inspection"], start, start + 6)
    start = TRADITIONAL.index("要統籌")
    store.add_annotation(
        traditional,
        labels["Resumption of work and production"],
        start,
        len(TRADITIONAL) - 1,
        attributes={"issuer": "張愛軍", "addressee": ["各區", "各部門"]},
        annotator="研究员",
    )
    store.correct_entity(traditional, "add", Entity("PERSON", 0, 3, "張愛軍"), "研究员")
    store.correct_entity(astral, "remove", Entity("ORG", 0, 3, "𠮷野家"), "研究员")
    store.set_status(astral, Status.DONE)


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "sample.jiyao") as store:
        fill_sample_project(store)
        yield store


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "empty.jiyao") as store:
        yield store


def exported(store: Store, **options: object) -> tuple[list[ExportDocument], Codebook]:
    return list(select(store, ExportOptions(**options))), Codebook.from_store(store)  # type: ignore[arg-type]


@pytest.fixture
def untagged_sample_store(tmp_path: Path) -> Iterator[Store]:
    """The sample project without its tags, so where imported tags land is plain to see."""
    with Store(tmp_path / "untagged.jiyao") as store:
        fill_sample_project(store)
        for document_id in store.document_ids():
            for annotation in store.annotations(document_id):
                store.delete_annotation(annotation.id)
        yield store


def snapshot(store: Store, *, corrections: bool = False) -> list[dict[str, Any]]:
    """What a round trip must keep, without the ids a new database renumbers: the documents
    and their tags and, with `corrections`, the entity corrections and who made them."""
    documents, codebook = exported(store)
    kept = []
    for d in documents:
        document: dict[str, Any] = {
            "title": d.document.title,
            "text": d.text,
            "status": d.document.status,
            "meta": (d.document.source, d.document.date, d.document.metadata, d.document.script),
            "tags": [
                (
                    codebook.path(a),
                    a.start,
                    a.end,
                    a.text,
                    a.note,
                    a.note_title,
                    a.attributes,
                    a.annotator,
                    a.created_at,
                    a.updated_at,
                )
                for a in d.annotations
            ],
        }
        if corrections:
            document["corrections"] = [
                (c.action, c.entity.type, c.entity.start, c.entity.end, c.annotator)
                for c in d.corrections
            ]
        kept.append(document)
    return kept


def import_twice(store: Store, read: Callable[[], AnnotatedSet]) -> ImportReport:
    """Stores what `read` reads into `store` twice; the report of the second time."""
    store_annotated_set(store, read())
    return store_annotated_set(store, read())


def assert_nothing_added_again(again: ImportReport) -> None:
    """The second import of the sample project added no document, tag or correction."""
    assert (again.documents_added, again.annotations_added, again.corrections_added) == (0, 0, 0)
    assert again.documents_matched == 3 and again.duplicates == 6 and again.labels_added == []


def add_text(store: Store, text: str) -> int:
    """Adds a document of just `text` to `store`; its id."""
    document_id = store.add_document(
        NewDocument(title="t", raw_text=text, clean_text=text, encoding="utf-8", script="s")
    )
    assert document_id is not None
    return document_id


def failing_export(store: Store) -> tuple[Iterator[ExportDocument], Codebook]:
    """The store's documents and codebook for an export that fails after its first document:
    asking for the second raises RuntimeError("cancelled")."""
    documents, codebook = exported(store)

    def failing() -> Iterator[ExportDocument]:
        yield documents[0]
        raise RuntimeError("cancelled")

    return failing(), codebook
