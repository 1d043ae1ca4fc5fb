"""Entities occurring together, checked against every pair of mentions counted by hand from
the same entities, in both scripts, with an astral character before them."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest

from desktop.core.entities import PIPELINE_VERSION, TYPES
from desktop.core.entity_cooccurrence import (
    DEFAULT_TYPES,
    Mention,
    corpus_mentions,
    entity_cooccurrence,
    meeting_mentions,
)
from desktop.core.model import Entity, NewDocument
from desktop.core.store import Store
from tests.test_cli import jiyao

# Each document's text and the entities cached for it: (type, start, end).
DOCUMENTS = [
    ("𠀀市长张爱军在宿迁主持会议", [("TITLE", 1, 3), ("PERSON", 3, 6), ("PLACE", 7, 9)]),
    ("市長張愛軍要求宿遷", [("TITLE", 0, 2), ("PERSON", 2, 5), ("PLACE", 7, 9)]),
    ("宿迁市政府", [("ORG", 0, 5), ("PLACE", 0, 2)]),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "e.jiyao") as opened:
        ids = opened.add_documents(
            [
                NewDocument(
                    title=f"第{n}号",
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script="simplified",
                )
                for n, (text, _entities) in enumerate(DOCUMENTS)
            ]
        )
        for document_id, (text, entities) in zip(ids, DOCUMENTS, strict=True):
            assert document_id is not None
            opened.replace_pipeline_entities(
                document_id,
                [Entity(t, s, e, text[s:e]) for t, s, e in entities],
                PIPELINE_VERSION,
            )
        yield opened


SIMPLIFIED = {"市長": "市长", "張愛軍": "张爱军", "宿遷": "宿迁"}


def brute_force(
    mentions: list[Mention], within: int | None
) -> tuple[dict[frozenset[str], set[int]], dict[frozenset[str], int]]:
    documents: dict[frozenset[str], set[int]] = {}
    pairs: dict[frozenset[str], int] = {}
    for one, other in combinations(mentions, 2):
        if one.document_id != other.document_id:
            continue
        covered = set(range(one.start, one.end)) & set(range(other.start, other.end))
        distance = -1 if covered else max(other.start - one.end, one.start - other.end)
        if within is not None and distance > within:
            continue
        key = frozenset(f"{SIMPLIFIED.get(m.text, m.text)} ({m.type})" for m in (one, other))
        documents.setdefault(key, set()).add(one.document_id)
        pairs[key] = pairs.get(key, 0) + 1
    return documents, pairs


@pytest.mark.parametrize("within", [None, -1, 0, 1, 3])
def test_cells_agree_with_every_pair_counted_by_hand(store: Store, within: int | None) -> None:
    found = corpus_mentions(store)
    assert found.analysed == 0 and found.skipped == 0
    # The text each mention names is the document's own, cut at code points.
    for m in found.mentions:
        assert DOCUMENTS[m.document_id - 1][0][m.start : m.end] == m.text
    documents, pairs = brute_force(found.mentions, within)
    by_documents = entity_cooccurrence(found.mentions, within=within, top=None)
    by_pairs = entity_cooccurrence(found.mentions, within=within, count="pairs", top=None)
    assert by_documents.labels == (
        "宿迁 (PLACE)",
        "宿迁市政府 (ORG)",
        "市长 (TITLE)",
        "张爱军 (PERSON)",
    )
    for one in by_documents.labels:
        for other in by_documents.labels:
            key = frozenset((one, other))
            assert by_documents.cell(one, other) == len(documents.get(key, ()))
            assert by_pairs.cell(one, other) == pairs.get(key, 0)


def test_a_few_cells_by_eye_and_the_mentions_behind_one(store: Store) -> None:
    mentions = corpus_mentions(store).mentions
    matrix = entity_cooccurrence(mentions)
    assert matrix.cell("市长 (TITLE)", "张爱军 (PERSON)") == 2  # both scripts, one entity
    assert matrix.cell("宿迁 (PLACE)", "宿迁市政府 (ORG)") == 1
    near = entity_cooccurrence(mentions, within=0)
    assert near.cell("宿迁 (PLACE)", "张爱军 (PERSON)") == 0  # 在 between them
    behind = meeting_mentions(mentions, "张爱军 (PERSON)", "市长 (TITLE)", within=0)
    assert [(m.document_id, m.text) for m in behind] == [
        (1, "市长"),
        (1, "张爱军"),
        (2, "市長"),
        (2, "張愛軍"),
    ]


def test_corrections_count_and_top_keeps_the_most_widespread(store: Store) -> None:
    store.correct_entity(3, "remove", Entity("ORG", 0, 5, "宿迁市政府"))
    store.correct_entity(3, "add", Entity("ORG", 2, 5, "市政府"))
    mentions = corpus_mentions(store, ["ORG", "PLACE"]).mentions
    assert {m.text for m in mentions if m.type == "ORG"} == {"市政府"}
    top = entity_cooccurrence(mentions, top=1)
    assert top.labels == ("宿迁 (PLACE)",)  # in three documents; 市政府 in one


def test_documents_not_analysed_are_analysed_once_and_cached(tmp_path: Path) -> None:
    text = "市委书记张爱军在宿迁市主持召开会议。"
    with Store(tmp_path / "n.jiyao") as store:
        (document_id,) = store.add_documents(
            [NewDocument("会议", text, text, "utf-8", "simplified")]
        )
        assert document_id is not None
        skipped = corpus_mentions(store, cached_only=True)
        assert (skipped.mentions, skipped.skipped) == ([], 1)
        calls: list[tuple[int, int]] = []
        found = corpus_mentions(store, progress=lambda *done: calls.append(done))
        assert found.analysed == 1 and calls == [(1, 1)]
        assert store.entities_version(document_id) == PIPELINE_VERSION
        assert {m.type for m in found.mentions} <= set(DEFAULT_TYPES)
        assert [m.text for m in found.mentions if m.type == "PERSON"] == ["张爱军"]
        again = corpus_mentions(store)
        assert again.analysed == 0 and again.mentions == found.mentions


def test_the_command_line_counts_entities(store: Store) -> None:
    result = jiyao("cooccurrence", "--db", store.path, "--entities", "PERSON", "TITLE")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "entity,市长 (TITLE),张爱军 (PERSON)",
        "市长 (TITLE),0,2",
        "张爱军 (PERSON),2,0",
    ]
    refused = jiyao("cooccurrence", "--db", store.path, "--entities", "--labels", "要求")
    assert refused.returncode == 1 and "--labels" in refused.stderr
    wrong = jiyao("cooccurrence", "--db", store.path, "--top", "3")
    assert wrong.returncode == 1 and "--entities" in wrong.stderr


def test_the_command_lines_types_are_the_pipelines() -> None:
    from desktop.cli import ENTITY_TYPES

    assert set(ENTITY_TYPES) == set(TYPES)


def test_the_corpus_query_gives_what_each_document_gives(store: Store) -> None:
    store.correct_entity(3, "remove", Entity("ORG", 0, 5, "宿迁市政府"))
    store.correct_entity(3, "add", Entity("ORG", 2, 5, "市政府"))
    store.correct_entity(1, "add", Entity("DATE", 0, 1, "𠀀"))
    every_type = list(TYPES)
    by_document = [
        (document_id, e.type, e.start, e.end, e.text)
        for document_id in store.document_ids()
        for e in store.entities(document_id)
    ]
    assert sorted(store.cached_entities(every_type, PIPELINE_VERSION)) == sorted(by_document)
    assert store.cached_entities(every_type, PIPELINE_VERSION + 1) == []
    assert store.documents_not_analysed(PIPELINE_VERSION) == []
    assert store.documents_not_analysed(PIPELINE_VERSION + 1) == [1, 2, 3]


def test_a_read_only_project_is_analysed_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "r.jiyao"
    text = "市委书记张爱军主持会议。"
    with Store(path) as writable:
        writable.add_documents([NewDocument("会议", text, text, "utf-8", "simplified")])
    before = path.read_bytes()
    with Store(path, create=False, read_only=True) as store:
        found = corpus_mentions(store)
    assert found.analysed == 1
    assert [m.text for m in found.mentions if m.type == "PERSON"] == ["张爱军"]
    assert path.read_bytes() == before
