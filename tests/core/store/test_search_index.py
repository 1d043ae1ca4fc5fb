"""The corpus search index: kept in step with the documents, built once for older projects,
and searches through it agree with a plain scan of the texts."""

from __future__ import annotations

import random
import re
import sqlite3
from collections import Counter
from pathlib import Path

import opencc
import pytest

from desktop.core.model import NewDocument, Status
from desktop.core.search import Search, count_hits, iter_hits
from desktop.core.search_query import SearchRestriction
from desktop.core.store import Store
from desktop.core.store.schema import MIGRATIONS

INDEX_MIGRATION = next(m for m in MIGRATIONS if m.purpose == "the corpus search index")


def document(text: str, *, date: str = "", source: str = "", title: str = "") -> NewDocument:
    return NewDocument(
        title=title or text[:8],
        raw_text=text,
        clean_text=text,
        encoding="utf-8",
        script="simplified",
        date=date,
        source=source,
    )


def hits(store: Store, query: str, **options: object) -> list[tuple[int, int, int]]:
    return [
        (hit.document_id, hit.start, hit.end)
        for hit in iter_hits(
            store, Search(query, regex=bool(options.pop("regex", False))), **options
        )  # type: ignore[arg-type]
    ]


_T2S = opencc.OpenCC("t2s")


def expected_hits(texts: dict[int, str], term: str) -> list[tuple[int, int, int]]:
    """An independent computation: OpenCC's t2s, character by character, then re.finditer."""

    def simplified(text: str) -> str:
        return "".join(_T2S.convert(character) for character in text)

    pattern = re.compile(re.escape(simplified(term)))
    return [
        (document_id, match.start(), match.end())
        for document_id, text in sorted(texts.items())
        for match in pattern.finditer(simplified(text))
    ]


def test_a_term_finds_both_scripts_at_code_point_offsets(tmp_path: Path) -> None:
    texts = ["要求复工复产，", "𠀀𠀁要求復工復產。復工", "没有这个词", "复工"]
    with Store(tmp_path / "p.jiyao") as store:
        ids = store.add_documents([document(text) for text in texts])
        assert store.search_index_current()
        by_id = {i: t for i, t in zip(ids, texts, strict=True) if i is not None}
        for query in ("复工", "復工", "复", "工复产", "復產。"):
            assert hits(store, query) == expected_hits(by_id, query), query
        found = list(iter_hits(store, Search("复工"), context=2))
        second = found[1]
        assert (second.hit, second.left, second.right) == ("復工", "要求", "復產")
        assert by_id[second.document_id][second.start : second.end] == "復工"


def test_boolean_near_and_regex(tmp_path: Path) -> None:
    texts = ["复工复产 口罩", "复工 疫苗", "口罩 疫苗", "复工" + "。" * 20 + "复产"]
    with Store(tmp_path / "p.jiyao") as store:
        a, b, c, d = store.add_documents([document(text) for text in texts])
        assert {h[0] for h in hits(store, "复工 口罩")} == {a}
        assert {h[0] for h in hits(store, "复工 NOT 口罩")} == {b, d}
        assert hits(store, "NOT 复工") == []  # documents without hits to show
        assert [(m.document_id, m.hits) for m in count_hits(store, Search("NOT 复工"))] == [(c, 0)]
        assert {h[0] for h in hits(store, "口罩 OR 疫苗")} == {a, b, c}
        assert {h[0] for h in hits(store, "(复工 OR 口罩) 疫苗")} == {b, c}
        assert hits(store, "复工 NEAR/0 复产") == [(a, 0, 2), (a, 2, 4)]
        assert {h[0] for h in hits(store, "复工 NEAR/20 复产")} == {a, d}
        assert {h[0] for h in hits(store, "复工 NEAR/19 复产")} == {a}
        assert hits(store, "复.复", regex=True) == [(a, 0, 3)]


def test_terms_with_ascii_punctuation_and_latin_case(tmp_path: Path) -> None:
    texts = ["COVID-19 疫情", "covid 19", "Ｃｏｖｉｄ-１９"]
    with Store(tmp_path / "p.jiyao") as store:
        ids = store.add_documents([document(text) for text in texts])
        assert {h[0] for h in hits(store, "covid-19")} == {ids[0], ids[2]}
        assert {h[0] for h in hits(store, "19 NOT covid-19")} == {ids[1]}
        assert hits(store, "-") == [(ids[0], 5, 6), (ids[2], 5, 6)]


def test_deleting_restoring_and_importing_keep_the_index_in_step(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        first, second = store.add_documents([document("復工一"), document("复工二")])
        deleted = store.delete_documents([first])
        assert [h[0] for h in hits(store, "复工")] == [second]
        store.restore_documents(deleted)
        assert [h[0] for h in hits(store, "复工")] == [first, second]
        (third,) = store.add_documents([document("三复工")])
        assert [h[0] for h in hits(store, "复工")] == [first, second, third]
        store.delete_documents([first, third])
        assert [h[0] for h in hits(store, "复工")] == [second]
        # The index agrees with a fresh build.
        rows = store.db.execute("SELECT rowid FROM search_index WHERE search_index MATCH '复工'")
        assert [row[0] for row in rows] == [second]


def test_an_older_project_is_indexed_once_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "old.jiyao"
    texts = [f"第{i}号 復工" for i in range(7)]
    with Store(path, migrate_to=INDEX_MIGRATION.version - 1) as old:
        old.add_documents([document(text) for text in texts])
    with Store(path) as store:
        assert not store.search_index_current()
        # Stale: a search scans the texts and still finds everything.
        assert len(hits(store, "复工")) == 7
        store.add_documents([document("新的复工")])  # not indexed alone: the build does it
        assert not store.search_index_current()
        seen: list[tuple[int, int]] = []
        assert store.build_search_index(lambda done, total: seen.append((done, total)), batch=3)
        assert seen == [(0, 8), (3, 8), (6, 8), (8, 8)]
        assert store.search_index_current()
        assert len(hits(store, "复工")) == 8
        rows = store.db.execute("SELECT count(*) FROM search_index WHERE search_index MATCH '复工'")
        assert rows.fetchone()[0] == 8


def test_a_stale_fingerprint_counts_as_stale(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        store.add_documents([document("复工")])
        store.db.execute("UPDATE meta SET value = 'other' WHERE key = 'search_index'")
        assert not store.search_index_current()
        store.build_search_index()
        assert hits(store, "复工") == [(1, 0, 2)]


def test_restrictions(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        a, b, c = store.add_documents(
            [
                document("复工甲", date="2020-03-01", source="新华社"),
                document("复工乙", date="2020-04-15", source="人民日报"),
                document("复工丙"),
            ]
        )
        assert a and b and c
        store.set_status(b, Status.DONE)
        label = store.add_label("要求").id
        child = store.add_label("细", parent_id=label).id
        store.add_annotation(c, child, 0, 2)

        def found(**restriction: object) -> set[int]:
            return {
                h[0]
                for h in hits(store, "复工", restriction=SearchRestriction(**restriction))  # type: ignore[arg-type]
            }

        assert found(date_from="2020-04") == {b}
        assert found(date_to="2020-03") == {a}
        assert found(sources=("新华社",)) == {a}
        assert found(statuses=(Status.DONE,)) == {b}
        assert found(with_labels=(label,)) == {c}
        assert found(without_labels=(label,)) == {a, b}
        assert found(document_ids=(a, c)) == {a, c}
        # Counting from the index alone (a pair) and in SQL (longer) restricts the same way.
        for query in ("复工", "复工甲 OR 复工丙", "工丙"):
            counted = count_hits(store, Search(query), SearchRestriction(without_labels=(label,)))
            assert {c.document_id for c in counted} <= {a, b}, query
        counted = count_hits(store, Search("复工"), SearchRestriction(date_to="2020-03"))
        assert [(c.document_id, c.hits) for c in counted] == [(a, 1)]


def test_random_corpus_agrees_with_a_scan(tmp_path: Path) -> None:
    generator = random.Random(15)
    alphabet = "复復工产產口罩疫苗，。a 𠀀"
    texts = ["".join(generator.choice(alphabet) for _ in range(60)) for _ in range(40)]
    with Store(tmp_path / "p.jiyao") as store:
        ids = store.add_documents([document(text) for text in texts])
        by_id = {i: t for i, t in zip(ids, texts, strict=True) if i is not None}
        for term in ("复工", "復", "工产", "口罩疫", "。a", "𠀀复", "a "):
            assert hits(store, f'"{term}"') == expected_hits(by_id, term), term
        for term in ("复工", "復", "。a"):
            # Counted in SQL for a lone term, in Python inside a query: both as the scan.
            expected = Counter(e[0] for e in expected_hits(by_id, term))
            for query in (term, f"{term} OR 没有的词"):
                counts = count_hits(store, Search(query))
                assert {c.document_id: c.hits for c in counts} == expected, query


def test_limit_stops_early(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        store.add_documents([document(f"复工{i}" * 3) for i in range(10)])
        assert len(hits(store, "复工", limit=4)) == 4


def test_a_bad_regex_is_refused_in_one_line() -> None:
    from desktop.core.search_query import QueryError

    with pytest.raises(QueryError, match="regular expression"):
        Search("(", regex=True)


def test_the_migration_keeps_existing_data(tmp_path: Path) -> None:
    path = tmp_path / "old.jiyao"
    with Store(path, migrate_to=INDEX_MIGRATION.version - 1) as old:
        old.add_documents([document("保留")])
    with Store(path) as store:
        assert [d.title for d in store.list_documents()] == ["保留"]
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM search_folded").fetchone()[0] == 0
    connection.close()


def test_an_empty_project_is_current_and_its_first_documents_make_it_so(tmp_path: Path) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        assert store.search_index_current()
        store.add_documents([document("复工")])
        assert store.search_index_current()
        row = store.db.execute("SELECT value FROM meta WHERE key = 'search_index'").fetchone()
        assert row is not None
        assert hits(store, "复工") == [(1, 0, 2)]


def test_the_index_merges_in_larger_steps_in_new_and_upgraded_projects(tmp_path: Path) -> None:
    """Merging every 4 segments made the index's cost per document grow with the project
    (issue 13, import speed): new projects and upgraded ones merge every 16."""
    merging = next(m for m in MIGRATIONS if m.purpose.startswith("the search index merges"))

    def automerge(store: Store) -> int | None:
        row = store.db.execute("SELECT v FROM search_index_config WHERE k = 'automerge'")
        found = row.fetchone()
        return None if found is None else int(found[0])

    with Store(tmp_path / "new.jiyao") as new:
        assert automerge(new) == 16
    path = tmp_path / "old.jiyao"
    with Store(path, migrate_to=merging.version - 1) as old:
        old.add_documents([document("复工复产")])
        assert automerge(old) is None
    with Store(path) as upgraded:
        assert automerge(upgraded) == 16
        assert hits(upgraded, "复产") == [(1, 2, 4)]


def test_documents_another_connection_adds_as_a_build_ends_are_indexed(tmp_path: Path) -> None:
    """Found in review: an import committing between the build's last read and its marking
    the index whole left its documents out of an index called current."""
    path = tmp_path / "p.jiyao"
    with Store(path) as store:
        store.add_documents([document(f"第{n}篇复工") for n in range(5)])
        store.defer_search_index()
        added: list[int | None] = []
        asked_after_whole: list[int] = []

        def progress(done: int, total: int) -> None:
            if done == total:
                asked_after_whole.append(0)

        def cancelled() -> bool:
            # Asked before each read and once after the reading ends: the second time after
            # the last batch, the build has read nothing more and is about to mark the index
            # whole. Another writer commits just then.
            if asked_after_whole and not added:
                asked_after_whole.append(0)
                if len(asked_after_whole) == 3:
                    with Store(path, create=False, check=False) as other:
                        added.extend(other.add_documents([document("稳就业保民生")]))
            return False

        assert store.build_search_index(progress, batch=2, cancelled=cancelled) == 6
        assert added and store.search_index_current()
        assert hits(store, "保民生") == [(added[0], 3, 6)]
