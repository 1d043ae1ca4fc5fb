"""CoNLL export: spans rebuilt from the BIO columns are the exported tags, less the overlaps
README.txt says were dropped; offsets are code points and survive whitespace."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from conftest import ASTRAL, FIRST_TAG_TW, TRADITIONAL, exported, failing_export

from desktop.core.exports.conll import (
    DIRECTIVES_FILE,
    ENTITIES_FILE,
    ENTITY_LABELS_FILE,
    LABELS_FILE,
    README_FILE,
    tag_labels,
    write_conll,
)
from desktop.core.exports.selection import Codebook, ExportDocument
from desktop.core.labels import topics_scheme
from desktop.core.model import Entity, NewDocument
from desktop.core.store import Store

Span = tuple[int, int, int, str]  # document id, start, end, BIO label


@dataclass
class BioDocument:
    comments: dict[str, str]
    tokens: list[tuple[str, int, str]] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=lambda: [[]])  # offsets per sentence


def read_bio(path: Path) -> dict[int, BioDocument]:
    """The documents of a .conll file, parsed the way a strict CoNLL reader would."""
    documents: dict[int, BioDocument] = {}
    current: BioDocument | None = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# "):
            key, value = line[2:].split(" = ", 1)
            if key == "doc_id":
                current = documents[int(value)] = BioDocument({})
            assert current is not None
            current.comments[key] = value
        elif not line:
            if current is not None and current.sentences[-1]:
                current.sentences.append([])
        else:
            assert current is not None
            character, offset, tag = line.split("\t")
            assert len(character) == 1 and not character.isspace()
            current.tokens.append((character, int(offset), tag))
            current.sentences[-1].append(int(offset))
    return documents


def bio_spans(documents: dict[int, BioDocument]) -> set[Span]:
    """Chunks from B-X up to the last I-X of the same sentence; an I- without its B- fails."""
    spans: set[Span] = set()
    for document_id, document in documents.items():
        by_offset = {offset: tag for _, offset, tag in document.tokens}
        for sentence in document.sentences:
            spans |= {(document_id, *chunk) for chunk in _chunks(sentence, by_offset)}
    return spans


def _chunks(sentence: list[int], tags: dict[int, str]) -> Iterator[tuple[int, int, str]]:
    open_chunk: tuple[int, int, str] | None = None
    for offset in sentence:
        tag = tags[offset]
        if tag.startswith("I-"):
            assert open_chunk is not None and open_chunk[2] == tag[2:], f"stray {tag} at {offset}"
            open_chunk = (open_chunk[0], offset + 1, open_chunk[2])
            continue
        if open_chunk is not None:
            yield open_chunk
        open_chunk = (offset, offset + 1, tag[2:]) if tag.startswith("B-") else None
    if open_chunk is not None:
        yield open_chunk


def dropped_in_readme(folder: Path) -> list[dict[str, str]]:
    text = (folder / README_FILE).read_text(encoding="utf-8")
    table = text.split("\nDropped tags: ", 1)[1].splitlines()
    header = table[1].split("\t")
    return [dict(zip(header, row.split("\t"), strict=True)) for row in table[2:] if row]


def exported_spans(documents: list[ExportDocument], codebook: Codebook) -> set[Span]:
    names = tag_labels(codebook)
    return {(d.id, a.start, a.end, names[a.label_id]) for d in documents for a in d.annotations}


@pytest.mark.parametrize(
    "options", [{}, {"text": "converted", "conversion": "s2twp"}], ids=["original", "s2twp"]
)
def test_spans_rebuilt_from_bio_are_the_tags_less_the_dropped_overlaps(
    sample_store: Store, tmp_path: Path, options: dict[str, str]
) -> None:
    documents, codebook = exported(sample_store, **options)
    written = write_conll(iter(documents), codebook, tmp_path / "out")

    rebuilt = bio_spans(read_bio(tmp_path / "out" / DIRECTIVES_FILE))
    dropped = {
        (int(row["doc_id"]), int(row["start"]), int(row["end"]), row["label"])
        for row in dropped_in_readme(tmp_path / "out")
    }
    assert len(dropped) == 1
    assert rebuilt == exported_spans(documents, codebook) - dropped
    assert written == len(rebuilt) == 5


def test_every_token_is_its_character_in_the_written_text_with_its_fingerprint(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store, text="converted", conversion="s2twp")
    write_conll(iter(documents), codebook, tmp_path / "out")

    parsed = read_bio(tmp_path / "out" / DIRECTIVES_FILE)
    assert sorted(parsed) == sorted(d.id for d in documents)
    for document in documents:
        bio = parsed[document.id]
        assert bio.comments["text_sha256"] == document.text_sha256
        assert bio.comments["conversion"] == "s2twp"
        assert bio.comments["title"] == document.document.title
        assert [(c, o) for c, o, _ in bio.tokens] == [
            (c, o) for o, c in enumerate(document.text) if not c.isspace()
        ]


def test_converted_tag_slices_the_converted_text(sample_store: Store, tmp_path: Path) -> None:
    documents, codebook = exported(sample_store, text="converted", conversion="s2twp")
    write_conll(iter(documents), codebook, tmp_path / "out")

    texts = {d.id: d.text for d in documents}
    covered = {
        texts[document_id][start:end]
        for document_id, start, end, _ in bio_spans(read_bio(tmp_path / "out" / DIRECTIVES_FILE))
    }
    assert FIRST_TAG_TW in covered


def test_the_astral_character_is_one_token_and_later_offsets_are_code_points(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store)
    write_conll(iter(documents), codebook, tmp_path / "out")

    [astral] = [d for d in documents if d.text == ASTRAL]
    tokens = read_bio(tmp_path / "out" / DIRECTIVES_FILE)[astral.id].tokens
    assert tokens[:2] == [("𠮷", 0, "O"), ("野", 1, "O")]
    start = ASTRAL.index("要做好")
    assert tokens[start] == ("要", start, "B-Labour")
    assert "".join(c for c, _, tag in tokens if tag.endswith("-Labour")) == "要做好安全生产工作"


def test_an_overlapping_tag_is_dropped_and_reported_in_the_readme(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store)
    write_conll(iter(documents), codebook, tmp_path / "out")

    [astral] = [d for d in documents if d.text == ASTRAL]
    readme = (tmp_path / "out" / README_FILE).read_text(encoding="utf-8")
    assert "Dropped tags: 1\n" in readme
    assert "code points" in readme
    [row] = dropped_in_readme(tmp_path / "out")
    labour = ASTRAL.index("要做好")
    assert row == {
        "layer": "directives",
        "doc_id": str(astral.id),
        "start": str(ASTRAL.index("安全")),
        "end": str(ASTRAL.index("必须")),
        "label": "Other",
        "label_path": "Other",
        "reason": f"overlaps Labour {labour}-{labour + 9}",
    }
    tokens = read_bio(tmp_path / "out" / DIRECTIVES_FILE)[astral.id].tokens
    assert not [tag for _, _, tag in tokens if tag.endswith("-Other")]


def test_the_label_list_has_o_first_and_both_tags_of_every_label(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store)
    write_conll(iter(documents), codebook, tmp_path / "out")

    labels = (tmp_path / "out" / LABELS_FILE).read_text(encoding="utf-8").splitlines()
    assert labels[0] == "O"
    assert len(labels) == len(set(labels)) == 1 + 2 * len(codebook.labels)
    assert {"B-Supervision_and_inspection", "I-Supervision_and_inspection"} <= set(labels)
    used = {
        tag for d in read_bio(tmp_path / "out" / DIRECTIVES_FILE).values() for *_, tag in d.tokens
    }
    assert used <= set(labels)


def test_no_entity_layer_without_entities(sample_store: Store, tmp_path: Path) -> None:
    documents, codebook = exported(sample_store)
    write_conll(iter(documents), codebook, tmp_path / "out")

    assert not (tmp_path / "out" / ENTITIES_FILE).exists()
    assert not (tmp_path / "out" / ENTITY_LABELS_FILE).exists()
    assert ENTITIES_FILE not in (tmp_path / "out" / README_FILE).read_text(encoding="utf-8")


def test_the_entity_layer_is_written_when_the_pipeline_finds_entities(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store, entities=True)
    write_conll(iter(documents), codebook, tmp_path / "out")

    has_entities = any(d.entities for d in documents)
    assert (tmp_path / "out" / ENTITIES_FILE).exists() == has_entities
    if has_entities:
        rebuilt = bio_spans(read_bio(tmp_path / "out" / ENTITIES_FILE))
        dropped = {
            (int(row["doc_id"]), int(row["start"]), int(row["end"]), row["label"])
            for row in dropped_in_readme(tmp_path / "out")
            if row["layer"] == "entities"
        }
        found = {(d.id, e.start, e.end, e.type) for d in documents for e in d.entities}
        assert rebuilt == found - dropped


def test_an_entity_both_found_and_added_by_the_user_is_one_chunk_not_an_overlap(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store)
    person = Entity("PERSON", 0, 3, "張愛軍")
    documents = [
        replace(d, entities=(person, replace(person, origin="user")))
        if d.text == TRADITIONAL
        else d
        for d in documents
    ]
    write_conll(iter(documents), codebook, tmp_path / "out")

    assert len(bio_spans(read_bio(tmp_path / "out" / ENTITIES_FILE))) == 1
    assert not [row for row in dropped_in_readme(tmp_path / "out") if row["layer"] == "entities"]


def test_a_duplicate_tag_is_written_once_and_reported(sample_store: Store, tmp_path: Path) -> None:
    documents, codebook = exported(sample_store)
    [traditional] = [d for d in documents if d.text == TRADITIONAL]
    [tag] = traditional.annotations
    documents = [
        replace(d, annotations=(tag, replace(tag, id=tag.id + 100))) if d is traditional else d
        for d in documents
    ]
    written = write_conll(iter(documents), codebook, tmp_path / "out")

    assert written == 5
    reasons = [row["reason"] for row in dropped_in_readme(tmp_path / "out")]
    assert f"same chunk as {tag.label.replace(' ', '_')} {tag.start}-{tag.end}" in reasons


def test_entities_get_their_own_file_with_overlaps_dropped(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store)
    [traditional] = [d for d in documents if d.text == TRADITIONAL]
    person = Entity("PERSON", 0, 3, "張愛軍")
    shorter_at_the_same_start = Entity("ORG", 0, 2, "張愛")
    later = Entity("NUMBER", TRADITIONAL.index("經濟"), TRADITIONAL.index("經濟") + 2, "經濟")
    documents = [
        replace(d, entities=(later, shorter_at_the_same_start, person)) if d is traditional else d
        for d in documents
    ]
    written = write_conll(iter(documents), codebook, tmp_path / "out")

    out = tmp_path / "out"
    assert written == 5  # entities are not counted as tags
    assert bio_spans(read_bio(out / ENTITIES_FILE)) == {
        (traditional.id, 0, 3, "PERSON"),
        (traditional.id, later.start, later.end, "NUMBER"),
    }
    assert sorted(read_bio(out / ENTITIES_FILE)) == sorted(d.id for d in documents)
    entity_labels = (out / ENTITY_LABELS_FILE).read_text(encoding="utf-8").splitlines()
    assert entity_labels[:3] == ["O", "B-PERSON", "I-PERSON"] and "I-NUMBER" in entity_labels
    entity_rows = [row for row in dropped_in_readme(out) if row["layer"] == "entities"]
    assert [(r["doc_id"], r["start"], r["end"], r["label"]) for r in entity_rows] == [
        (str(traditional.id), "0", "2", "ORG")
    ]


SPACED = "第一条 要做好\n安全　生产。”\t必须\n\n坚持 到底；下一句。"


def test_spaces_and_newlines_are_not_tokens_and_keep_the_offsets(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(topics_scheme())
        document_id = store.add_document(
            NewDocument(
                title="第一行\n第二行",
                raw_text=SPACED,
                clean_text=SPACED,
                encoding="utf-8",
                script="simplified",
            )
        )
        assert document_id is not None
        labels = {label.name: label.id for label in store.labels()}
        across_lines = SPACED.index("要做好")
        store.add_annotation(document_id, labels["Labour"], across_lines, SPACED.index("。"))
        padded = SPACED.index("\t必须")
        store.add_annotation(document_id, labels["Other"], padded, SPACED.index("坚持") + 2)
        blank = SPACED.index("　")
        store.add_annotation(document_id, labels["Labour"], blank, blank + 1)
        documents, codebook = exported(store)
    written = write_conll(iter(documents), codebook, tmp_path / "out")

    bio = read_bio(tmp_path / "out" / DIRECTIVES_FILE)[document_id]
    assert bio.comments["title"] == "第一行 第二行"
    assert [(c, o) for c, o, _ in bio.tokens] == [
        (c, o) for o, c in enumerate(SPACED) if not c.isspace()
    ]
    assert written == 2
    # Chunks lose the whitespace at their edges, and nothing else.
    assert bio_spans({document_id: bio}) == {
        (document_id, across_lines, SPACED.index("。"), "Labour"),
        (document_id, SPACED.index("必须"), SPACED.index("坚持") + 2, "Other"),
    }
    [row] = dropped_in_readme(tmp_path / "out")
    assert (row["start"], row["reason"]) == (str(blank), "covers only whitespace")
    # Sentences end after 。” and ；, and at a line break, except inside a tag.
    assert ["".join(SPACED[o] for o in s) for s in bio.sentences if s] == [
        "第一条要做好安全生产。”",
        "必须坚持到底；",
        "下一句。",
    ]


def test_a_failed_export_leaves_nothing_behind(sample_store: Store, tmp_path: Path) -> None:
    documents, codebook = failing_export(sample_store)
    with pytest.raises(RuntimeError):
        write_conll(documents, codebook, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.*"))


def test_the_command_is_told_when_overlapping_tags_were_left_out(
    sample_store: Store, tmp_path: Path
) -> None:
    """Only README.txt said so: "exported 51 tags" on the terminal hid 10 dropped ones
    (found by a user)."""
    from desktop.core.exports.formats import export_project

    [warning] = export_project(sample_store, "conll", tmp_path / "conll").warnings
    assert warning.startswith("1 of the exported documents have overlapping tags")
    assert "README.txt" in warning
