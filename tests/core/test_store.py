"""The project database: schema, migrations, transactions, durability, spans."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core.model import NewDocument, Status, text_sha256
from desktop.core.store import SCHEMA_VERSION, InvalidSpan, Store, StoreError


def new_document(text: str = "会议指出,要做好复工复产。", **changes: object) -> NewDocument:
    fields: dict[str, object] = dict(
        title="标题", raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
    )
    fields.update(changes)
    return NewDocument(**fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "project.jiyao") as opened:
        yield opened


def test_a_new_database_has_the_latest_schema_and_safe_settings(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_database_of_an_older_schema_is_migrated_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.jiyao"
    with Store(path, migrate_to=1) as old:
        assert old.schema_version == 1
        assert "entities" not in old.db.table_names()
        old.db.execute(
            """INSERT INTO documents (title, encoding, script, raw_text, clean_text, text_sha256,
               imported_at) VALUES ('旧', 'utf-8', 'simplified', '复工', '复工', 'x', 'then')"""
        )
        old.db.conn.commit()
    with Store(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        assert "entities" in migrated.db.table_names()
        [summary] = migrated.list_documents()
        assert summary.title == "旧"
        assert summary.status is Status.NEW


def test_a_database_from_a_newer_jiyao_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.jiyao"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer Jiyao"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.jiyao"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="not a Jiyao database") as caught:
        Store(path)
    assert "\n" not in str(caught.value)


def test_the_same_clean_text_is_stored_once(store: Store) -> None:
    first, again = store.add_documents([new_document(), new_document(title="另一个标题")])
    assert isinstance(first, int)
    assert again is None
    assert store.add_document(new_document()) is None
    assert store.document_count() == 1


def test_a_batch_with_one_bad_document_stores_nothing(store: Store) -> None:
    good = new_document("第一篇")
    bad = new_document("第二篇", title=None)  # NOT NULL violation
    with pytest.raises(sqlite3.IntegrityError):
        store.add_documents([good, bad])
    assert store.document_count() == 0


def test_a_document_keeps_its_raw_text_and_removed_spans(store: Store) -> None:
    from desktop.core.model import Removal

    raw = "服務(wù)企業"
    document_id = store.add_document(
        new_document("服務企業", raw_text=raw, removed=(Removal(2, 6, "(wù)", "pinyin"),))
    )
    assert document_id is not None
    document = store.document(document_id)
    assert document.raw_text == raw
    assert document.removed == (Removal(2, 6, "(wù)", "pinyin"),)
    assert document.text_sha256 == text_sha256("服務企業")


def test_rows_made_beforehand_store_the_same_as_documents(tmp_path: Path) -> None:
    from desktop.core.model import Removal
    from desktop.core.store.documents import document_row

    raw = "服務(wù)企業"
    documents = [
        new_document("服務企業", raw_text=raw, removed=(Removal(2, 6, "(wù)", "pinyin"),)),
        new_document("另一篇", metadata={"作者": "某"}),
        new_document("服務企業"),  # the same clean text: skipped
    ]
    with Store(tmp_path / "a.jiyao") as first, Store(tmp_path / "b.jiyao") as second:
        assert first.add_documents(documents) == [1, 2, None]
        assert second.add_document_rows([document_row(d) for d in documents]) == [1, 2, None]
        columns = "id, title, raw_text, clean_text, removed, text_sha256, metadata"
        query = f"SELECT {columns} FROM documents ORDER BY id"
        assert first.db.execute(query).fetchall() == second.db.execute(query).fetchall()


def test_rows_with_encoded_texts_store_the_same_texts(tmp_path: Path) -> None:
    """What worker processes send, the texts as UTF-8 bytes, is stored as text, not as
    blobs: the same values, types and lengths as rows of text."""
    from desktop.core.model import Removal
    from desktop.core.store.documents import document_row, encoded_row

    documents = [
        new_document(
            "服務企業", raw_text="服務(wù)企業", removed=(Removal(2, 6, "(wù)", "pinyin"),)
        ),
        new_document("𠮷野家的通知 😀", metadata={"作者": "某"}),
        new_document("服務企業"),  # the same clean text: skipped
    ]
    rows = [document_row(d) for d in documents]
    with Store(tmp_path / "a.jiyao") as texts, Store(tmp_path / "b.jiyao") as encoded:
        assert texts.add_document_rows(rows) == [1, 2, None]
        assert encoded.add_document_rows([encoded_row(row) for row in rows]) == [1, 2, None]
        columns = "id, raw_text, clean_text, typeof(raw_text), typeof(clean_text)"
        columns += ", length(raw_text), length(clean_text), text_sha256"
        query = f"SELECT {columns} FROM documents ORDER BY id"
        stored = encoded.db.execute(query).fetchall()
        assert stored == texts.db.execute(query).fetchall()
        assert {row[3:5] for row in stored} == {("text", "text")}
        assert encoded.document(2).clean_text == "𠮷野家的通知 😀"


def test_an_annotation_after_a_character_outside_the_bmp_keeps_its_text(store: Store) -> None:
    text = "𠮷野家要做好安全生产工作"
    document_id = store.add_document(new_document(text))
    assert document_id is not None
    label = store.add_label("安全生产", color="#cc0000")
    start = text.index("做好")
    annotation = store.add_annotation(
        document_id,
        label.id,
        start,
        len(text),
        note="指令",
        attributes={"strength": "directive"},
        annotator="研究员",
    )
    assert annotation.text == "做好安全生产工作"
    assert store.annotations(document_id) == [annotation]
    assert annotation.attributes == {"strength": "directive"}


def test_the_tags_of_a_document_read_whole_are_its_tags(store: Store) -> None:
    document_id = store.add_document(new_document("𠮷野家要做好安全生产工作"))
    assert document_id is not None
    label = store.add_label("安全生产")
    store.add_annotation(document_id, label.id, 6, 12)
    [tag] = store.annotations_in(store.document(document_id))
    assert tag.text == "安全生产工作"
    assert [tag] == store.annotations(document_id)


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (5, 2), (0, 999)])
def test_a_span_outside_the_text_is_refused(store: Store, start: int, end: int) -> None:
    document_id = store.add_document(new_document("要做好工作"))
    assert document_id is not None
    label = store.add_label("其他")
    with pytest.raises(InvalidSpan):
        store.add_annotation(document_id, label.id, start, end)
    assert store.annotations(document_id) == []


def test_the_document_list_pages_and_sorts_without_texts(store: Store) -> None:
    store.add_documents([new_document(f"文本{i}", title=f"标题{i:02d}") for i in range(30)])
    page = store.list_documents(offset=10, limit=5, order_by="title", descending=True)
    assert [d.title for d in page] == [f"标题{i:02d}" for i in range(19, 14, -1)]
    with pytest.raises(ValueError, match="cannot sort"):
        store.list_documents(order_by="clean_text; DROP TABLE documents")


def test_a_status_change_is_stored(store: Store) -> None:
    document_id = store.add_document(new_document())
    assert document_id is not None
    store.set_status(document_id, Status.DONE)
    assert store.document(document_id).status is Status.DONE


def test_an_acknowledged_write_survives_the_process_being_killed(tmp_path: Path) -> None:
    path = tmp_path / "crash.jiyao"
    child = textwrap.dedent(
        f"""
        import os, signal
        from desktop.core.model import NewDocument
        from desktop.core.store import Store
        store = Store({str(path)!r})
        doc = store.add_document(NewDocument(title="t", raw_text="要复工", clean_text="要复工",
                                             encoding="utf-8", script="simplified"))
        label = store.add_label("复工复产")
        store.add_annotation(doc, label.id, 0, 3)
        print("acknowledged", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", child],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL
    assert "acknowledged" in result.stdout
    with Store(path) as reopened:
        assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        [annotation] = reopened.annotations(reopened.document_ids()[0])
        assert annotation.text == "要复工"


def test_the_document_list_filters_by_title_or_text(store: Store) -> None:
    store.add_documents(
        [
            new_document("会议要求做好复工复产。", title="甲"),
            new_document("會議要求做好復工復產。", title="乙"),
            new_document("防控%工作", title="复工专题"),
            new_document("无关内容", title="丁"),
        ]
    )
    found = store.list_documents(containing=["复工"])
    assert sorted(d.title for d in found) == ["复工专题", "甲"]
    assert store.document_count(containing=["复工", "復工"]) == 3
    assert [d.title for d in store.list_documents(containing=["%"])] == ["复工专题"]


def test_an_annotation_can_be_changed_and_a_deleted_one_restored(store: Store) -> None:
    document_id = store.add_document(new_document("要做好安全生产工作"))
    assert document_id is not None
    first, second = store.add_label("甲"), store.add_label("乙")
    annotation = store.add_annotation(document_id, first.id, 0, 4, annotator="研究员")
    changed = store.update_annotation(
        annotation.id, label_id=second.id, end=6, note="改", attributes={"strength": "directive"}
    )
    assert (changed.label, changed.text, changed.note) == ("乙", "要做好安全生", "改")
    with pytest.raises(InvalidSpan):
        store.update_annotation(annotation.id, end=99)
    store.delete_annotation(annotation.id)
    assert store.annotations(document_id) == []
    assert store.restore_annotation(changed) == changed


def test_some_tags_read_by_id_are_those_all_tags_read_give(store: Store) -> None:
    document_id = store.add_document(new_document("要做好安全生产工作", title="一"))
    other_id = store.add_document(new_document("副市长李明指出", title="二"))
    assert document_id is not None and other_id is not None
    label = store.add_label("甲")
    kept = store.add_annotation(document_id, label.id, 3, 7, note="注")
    earlier = store.add_annotation(document_id, label.id, 0, 3, attributes={"issuer": "市委"})
    elsewhere = store.add_annotation(other_id, label.id, 0, 3)
    gone = store.add_annotation(document_id, label.id, 1, 2)
    store.delete_annotation(gone.id)
    document = store.document(document_id)
    wanted = [kept.id, elsewhere.id, gone.id, earlier.id, kept.id]
    # Only the document's own tags that are still there, in its order, as a full read has them.
    assert store.annotations_among(document, wanted) == store.annotations(document_id)
    assert store.annotations_among(document, []) == []


def test_a_documents_title_and_status_are_those_of_its_summary(store: Store) -> None:
    document_id = store.add_document(new_document(title="通知"))
    assert document_id is not None
    store.set_status(document_id, Status.DONE)
    summary = store.document_summary(document_id)
    assert store.document_title_and_status(document_id) == (summary.title, summary.status)
    with pytest.raises(KeyError):
        store.document_title_and_status(document_id + 1)


def test_a_new_tag_is_given_back_as_the_store_then_reads_it(store: Store) -> None:
    document_id = store.add_document(new_document("𠮷野家会议指出，要做好安全生产工作"))
    assert document_id is not None
    label = store.add_label("甲")
    for attributes in (None, {}, {"issuer": "市委", "level": 2}):
        added = store.add_annotation(
            document_id, label.id, 1, 5, note="注", attributes=attributes, annotator="研究员"
        )
        assert added == store.annotation(added.id)
        assert added.text == "野家会议"


def test_every_acknowledged_annotation_survives_a_kill_at_a_random_moment(
    tmp_path: Path,
) -> None:
    import random
    import time

    path = tmp_path / "kill.jiyao"
    with Store(path) as store:
        store.add_document(new_document("要" * 500))
        store.add_label("复工复产")
    writer = textwrap.dedent(
        f"""
        import sys
        from desktop.core.store import Store
        store = Store({str(path)!r})
        document_id = store.document_ids()[0]
        label_id = store.labels()[0].id
        for number in range(100_000):
            annotation = store.add_annotation(document_id, label_id, number % 499, number % 499 + 1)
            print(annotation.id, flush=True)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    # Wait for the first acknowledgement, not a fixed time: a busy machine may take seconds
    # just to start the writer. Then kill it at a random moment while it writes.
    first = process.stdout.readline()
    assert first.strip(), "the writer stopped before acknowledging anything"
    time.sleep(random.Random().uniform(0.0, 0.5))
    process.send_signal(signal.SIGKILL)
    acknowledged = {int(line) for line in [first, *process.stdout] if line.strip()}
    process.wait()
    with Store(path) as reopened:
        assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {a.id for a in reopened.annotations(reopened.document_ids()[0])}
    assert acknowledged <= stored


def test_entity_corrections_survive_re_analysis(store: Store) -> None:
    from desktop.core.model import Entity

    text = "市委书记张爱军主持会议，施策精准。"
    document_id = store.add_document(new_document(text))
    assert document_id is not None
    wrong = Entity("PERSON", text.index("施策"), text.index("施策") + 2, "施策")
    right = Entity("PERSON", 4, 7, "张爱军")
    store.replace_pipeline_entities(document_id, [right, wrong], pipeline_version=1)
    store.correct_entity(document_id, "remove", wrong, annotator="研究员")
    added = store.correct_entity(document_id, "add", Entity("TITLE", 0, 4, "市委书记"))
    store.replace_pipeline_entities(document_id, [right, wrong], pipeline_version=2)
    entities = store.entities(document_id)
    assert [(e.type, e.text, e.origin) for e in entities] == [
        ("TITLE", "市委书记", "user"),
        ("PERSON", "张爱军", "pipeline"),
    ]
    store.withdraw_correction(added)
    assert [e.text for e in store.entities(document_id)] == ["张爱军"]


def test_an_added_entity_the_pipeline_also_finds_is_listed_once(store: Store) -> None:
    from desktop.core.model import Entity

    text = "张爱军主持会议。"
    document_id = store.add_document(new_document(text))
    assert document_id is not None
    person = Entity("PERSON", 0, 3, "张爱军")
    store.correct_entity(document_id, "add", person)
    store.replace_pipeline_entities(document_id, [person], pipeline_version=1)
    assert [(e.type, e.start, e.end) for e in store.entities(document_id)] == [("PERSON", 0, 3)]


def test_two_annotators_tagging_the_same_words_are_both_imported(store: Store) -> None:
    from desktop.core.model import ImportedAnnotation

    document_id = store.add_document(new_document("会议要求各单位落实责任。"))
    assert document_id is not None
    label = store.add_label("责任")
    first = ImportedAnnotation(label.id, 2, 8, note="甲的", annotator="甲")
    second = ImportedAnnotation(label.id, 2, 8, note="乙的", annotator="乙")
    assert store.add_imported_annotations(document_id, [first, second]) == 2
    assert store.add_imported_annotations(document_id, [first, second]) == 0
    assert sorted(a.note for a in store.annotations(document_id)) == ["乙的", "甲的"]


def test_a_transaction_that_reads_first_waits_for_the_other_writer(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "shared.jiyao"
    with Store(path) as first:
        first.add_label("甲")
    other_committed = threading.Event()

    def other_writer() -> None:
        with Store(path) as second:
            second.add_label("乙")
        other_committed.set()

    with Store(path) as first:
        with first.transaction():
            first.labels()  # a read before the write, as an import does
            writer = threading.Thread(target=other_writer)
            writer.start()
            writer.join(timeout=0.3)  # it waits for our lock instead of slipping in
            first.add_label("丙")
        writer.join(timeout=10)
        assert other_committed.is_set()
        assert sorted(label.name for label in first.labels()) == ["丙", "乙", "甲"]


@pytest.mark.parametrize(
    "kinds",
    [(), ("pinyin",), ("pinyin", "injected", "pinyin"), ("other kind",), ('a "quoted" kind',)],
)
def test_removals_are_stored_as_json_dumps_writes_them(kinds: tuple[str, ...]) -> None:
    """The quick writer of the removed spans and json.dumps write the same characters."""
    import json

    from desktop.core.model import Removal
    from desktop.core.store.documents import removals_json

    removed = [Removal(7 * i, 7 * i + 4 + i, "(wù)", kind) for i, kind in enumerate(kinds)]
    expected = json.dumps([[r.start, r.end, r.kind] for r in removed])
    assert removals_json(removed) == expected
    assert removals_json(tuple(removed)) == expected
