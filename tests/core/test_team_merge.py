"""Splitting a corpus between coders and merging their projects back (issue 16)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.model import Entity, NewDocument, Status
from desktop.core.store import Store
from desktop.core.team import (
    MergeRefused,
    TeamInputError,
    assign,
    coding_data,
    merge,
    plan_assignment,
    project_agreement,
)


def new(text: str, title: str = "") -> NewDocument:
    return NewDocument(
        title=title or text[:6], raw_text=text, clean_text=text, encoding="utf-8",
        script="simplified", source_path=f"{title or text[:6]}.txt",
    )  # fmt: skip


def make_team(path: Path, documents: int = 10) -> None:
    with Store(path) as store:
        parent = store.add_label("措施", color="#112233", description="政策措施")
        store.add_label("财政", parent_id=parent.id, shortcut="2")
        store.add_label("要求", shortcut="1")
        store.add_documents([new(f"第{n}号文件：会议要求各地落实责任。") for n in range(documents)])


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(path)
    try:
        tables = ["documents", "labels", "attributes", "annotations", "entity_corrections"]
        tables += ["rejected_suggestions", "document_coders"]
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in tables
        }
    finally:
        connection.close()


def test_the_plan_shares_the_overlap_and_divides_the_rest() -> None:
    plan = plan_assignment(list(range(1, 101)), ["甲", "乙", "丙"], 0.2, seed=7)
    shared = set.intersection(*(set(ids) for ids, _ in plan.values()))
    assert len(shared) == 20 and all(count == 20 for _, count in plan.values())
    everyone = [n for ids, _ in plan.values() for n in ids if n not in shared]
    assert sorted(everyone) == sorted(set(range(1, 101)) - shared)  # each once
    assert sorted(len(ids) for ids, _ in plan.values()) == [46, 47, 47]
    assert plan == plan_assignment(list(range(1, 101)), ["甲", "乙", "丙"], 0.2, seed=7)
    assert plan != plan_assignment(list(range(1, 101)), ["甲", "乙", "丙"], 0.2, seed=8)


def test_assign_writes_one_project_per_coder(tmp_path: Path) -> None:
    team = tmp_path / "team.jiyao"
    make_team(team)
    with Store(team) as store:
        written = assign(store, ["甲", "乙"], tmp_path / "out", overlap=0.2, seed=1)
        scheme = store.scheme()
    assert [coder.path.name for coder in written] == ["甲.jiyao", "乙.jiyao"]
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["乙.jiyao", "甲.jiyao"]
    for coder in written:
        with Store(coder.path, read_only=True) as coder_store:
            assert coder_store.prepared_for() == coder.coder
            assert coder_store.scheme() == scheme
            assert coder_store.document_count() == len(coder.documents) == 6
            assert coder_store.find_annotations() == []


def test_assign_refuses_and_writes_nothing(tmp_path: Path) -> None:
    team = tmp_path / "team.jiyao"
    make_team(team)
    out = tmp_path / "out"
    out.mkdir()
    (out / "乙.jiyao").write_text("mine")
    with Store(team) as store:
        with pytest.raises(TeamInputError, match="exists already"):
            assign(store, ["甲", "乙"], out)
        assert [p.name for p in out.iterdir()] == ["乙.jiyao"]
        with pytest.raises(TeamInputError, match="named twice"):
            assign(store, ["甲", "甲"], out)
        with pytest.raises(TeamInputError, match="cannot name"):
            assign(store, ["a/b"], out)
        with pytest.raises(TeamInputError, match="between 0 and 1"):
            assign(store, ["丙"], out, overlap=1.5)


def code(path: Path, annotator: str, label_path: str, spans: list[tuple[int, int]]) -> None:
    """A coder tags the first documents of their project."""
    with Store(path) as store:
        labels = {label.name: label for label in store.labels()}
        label = labels[label_path.rsplit("/", 1)[-1]]
        for document, (start, end) in zip(store.document_ids(), spans, strict=False):
            store.add_annotation(document, label.id, start, end, annotator=annotator)
            store.set_status(document, Status.DONE)


def prepared(tmp_path: Path) -> tuple[Path, Path, Path]:
    source = tmp_path / "source.jiyao"
    make_team(source, documents=4)
    with Store(source) as store:
        assign(store, ["甲", "乙"], tmp_path / "out", overlap=0.5, seed=3)
    first, second = tmp_path / "out" / "甲.jiyao", tmp_path / "out" / "乙.jiyao"
    code(first, "", "要求", [(0, 4), (2, 6), (1, 3)])  # nameless: takes 甲
    code(second, "乙", "要求", [(0, 4), (2, 7), (1, 3)])
    return source, first, second


def test_merge_brings_coders_together(tmp_path: Path) -> None:
    _, first, second = prepared(tmp_path)
    team = tmp_path / "team.jiyao"
    with Store(team) as store:
        with Store(first) as coder:
            document = coder.document_ids()[0]
            coder.correct_entity(document, "add", Entity("ORG", 0, 2, "第0"))
            coder.reject_suggestion(document, 3, 5)
        outcomes = merge(store, [first, second])
        assert [outcome.name for outcome in outcomes] == ["甲", "乙"]
        assert outcomes[0].labels_added == 3 and outcomes[1].labels_added == 0
        assert store.document_count() == 4  # 2 shared + 1 each
        assert store.tagging_annotators() == ["乙", "甲"]
        assert {c.annotator for d in store.document_ids() for c in store.entity_corrections(d)} == {
            "甲"
        }
        given = store.documents_given()
        assert len(given["甲"]) == len(given["乙"]) == 3 and len(given["甲"] & given["乙"]) == 2
        statuses = [store.coder_statuses(d) for d in store.document_ids()]
        assert sum(s.get("甲") == "done" for s in statuses) == 3
        assert {label.name for label in store.labels()} == {"措施", "财政", "要求"}
        data = coding_data(store)
        assert data.coded["甲"] == given["甲"]
        report = project_agreement(store)
        assert report.documents == 4 and report.alpha is not None


def test_merging_twice_changes_nothing(tmp_path: Path) -> None:
    _, first, second = prepared(tmp_path)
    team = tmp_path / "team.jiyao"
    with Store(team) as store:
        merge(store, [first, second])
    before = dump(team)
    with Store(team) as store:
        again = merge(store, [first, second, first])
    assert dump(team) == before
    assert [outcome.tags_added for outcome in again] == [0, 0]
    assert [outcome.tags_present for outcome in again] == [3, 3]


def test_merge_into_the_source_project_matches_its_documents(tmp_path: Path) -> None:
    source, first, second = prepared(tmp_path)
    with Store(source) as store:
        outcomes = merge(store, [first, second])
        assert store.document_count() == 4
        assert all(outcome.documents_added == 0 for outcome in outcomes)
        assert all(outcome.conflicts == [] for outcome in outcomes)


def test_label_conflicts_are_reported_not_resolved_silently(tmp_path: Path) -> None:
    source, first, second = prepared(tmp_path)
    with Store(first) as coder:
        parent = next(label for label in coder.labels() if label.name == "措施")
        coder.update_label(parent.id, description="另一个定义")
        coder.add_label("新", parent_id=parent.id, shortcut="1")
    with Store(source) as store:
        [outcome, _] = merge(store, [first, second])
        assert any('label "措施"' in c and "另一个定义" in c for c in outcome.conflicts)
        assert any('"措施/新"' in c and "key 1" in c for c in outcome.conflicts)
        paths = {label.name: label for label in store.labels()}
        assert paths["措施"].description == "政策措施"
        assert paths["新"].parent_id == paths["措施"].id and paths["新"].shortcut == ""


def test_bad_coder_files_are_refused_and_nothing_is_merged(tmp_path: Path) -> None:
    _, first, second = prepared(tmp_path)
    team = tmp_path / "team.jiyao"
    Store(team).close()
    before = dump(team)
    text = tmp_path / "notes.jiyao"
    text.write_text("not a project")
    newer = tmp_path / "newer.jiyao"
    Store(newer).close()
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    empty = tmp_path / "丙.jiyao"
    Store(empty).close()
    twin = tmp_path / "twin.jiyao"
    twin.write_bytes(first.read_bytes())
    with Store(team) as store, pytest.raises(MergeRefused) as refused:
        merge(store, [first, second, text, newer, empty, twin, team])
    reasons = {r.path.name: r.reason for r in refused.value.refusals}
    assert "not a Jiyao database" in reasons["notes.jiyao"]
    assert "newer Jiyao" in reasons["newer.jiyao"]
    assert "no tags" in reasons["丙.jiyao"]
    assert "甲.jiyao is 甲's project too" in reasons["twin.jiyao"]
    assert "team project itself" in reasons["team.jiyao"]
    assert len(str(refused.value).splitlines()) == 1
    assert dump(team) == before


def test_a_document_differing_by_one_character_is_another_document(tmp_path: Path) -> None:
    _, first, _ = prepared(tmp_path)
    team = tmp_path / "team.jiyao"
    with Store(team) as store:
        merge(store, [first])
        document = store.document(store.document_ids()[0])
    changed = tmp_path / "丁.jiyao"
    with Store(changed) as coder:
        coder.add_label("要求")
        # The same file, one character changed: same title and file name, another text.
        [doc_id] = coder.add_documents(
            [new(document.clean_text.replace("会", "开", 1), title=document.title)]
        )
        assert doc_id is not None
        coder.add_annotation(doc_id, coder.labels()[0].id, 0, 2)
    with Store(team) as store:
        [outcome] = merge(store, [changed])
        assert outcome.documents_added == 1 and outcome.documents_matched == 0
        assert any("differs in its text" in notice for notice in outcome.notices)
        assert store.tagging_annotators() == ["丁", "甲"]  # the file's stem


def test_merge_reports_progress_and_a_raise_there_merges_nothing(tmp_path: Path) -> None:
    _, first, second = prepared(tmp_path)
    team = tmp_path / "team.jiyao"
    Store(team).close()
    before = dump(team)
    steps: list[tuple[int, int, str]] = []

    def stop_at_the_last(done: int, total: int, name: str) -> None:
        steps.append((done, total, name))
        if done == total:
            raise KeyboardInterrupt

    with Store(team) as store, pytest.raises(KeyboardInterrupt):
        merge(store, [first, second], stop_at_the_last)
    assert steps == [(0, 4, "甲.jiyao"), (1, 4, "乙.jiyao"), (3, 4, "甲.jiyao"), (4, 4, "乙.jiyao")]
    assert dump(team) == before


def test_assign_cancelled_part_way_leaves_no_file(tmp_path: Path) -> None:
    team = tmp_path / "team.jiyao"
    make_team(team)
    seen: list[tuple[int, int, str]] = []

    def stop_at_the_second(done: int, total: int, coder: str) -> None:
        seen.append((done, total, coder))
        if done == 1:
            raise KeyboardInterrupt

    with Store(team) as store, pytest.raises(KeyboardInterrupt):
        assign(store, ["甲", "乙"], tmp_path / "out", progress=stop_at_the_second)
    assert seen == [(0, 2, "甲"), (1, 2, "乙")]
    assert list((tmp_path / "out").iterdir()) == []


def test_two_files_with_tags_by_the_same_annotator_are_refused(tmp_path: Path) -> None:
    _, first, second = prepared(tmp_path)
    with Store(second) as coder:  # 乙 tags as 甲 by mistake
        document = coder.document_ids()[-1]
        coder.add_annotation(document, coder.labels()[0].id, 0, 1, annotator="甲")
    team = tmp_path / "team.jiyao"
    with Store(team) as store, pytest.raises(MergeRefused) as refused:
        merge(store, [first, second])
    [refusal] = refused.value.refusals
    assert refusal.path == second and refusal.reason == "甲.jiyao holds tags by 甲 too"


def test_a_coder_project_from_an_older_jiyao_is_merged_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    older = tmp_path / "丙.jiyao"
    with Store(older, migrate_to=6) as coder:  # before the team tables
        label = coder.add_label("要求")
        [document] = coder.add_documents([new("会议要求各地落实责任。")])
        assert document is not None
        coder.add_annotation(document, label.id, 2, 4)
    before = older.read_bytes()
    team = tmp_path / "team.jiyao"
    with Store(team) as store:
        [outcome] = merge(store, [older])
        assert (outcome.name, outcome.tags_added, outcome.source) == ("丙", 1, str(older))
        assert store.tagging_annotators() == ["丙"]
    assert older.read_bytes() == before  # still schema 6: the coder's file is theirs
