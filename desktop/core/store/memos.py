"""Memos on the project, documents, labels and tags, and each label's codebook entry.

Memos on the project, a document or a label are rows of ``memos``. A tag's memo is the tag's
note (``annotations.note``), read and written here as a memo: its author is the tag's
annotator, its times the tag's, its title ``annotations.note_title``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from desktop.core.labels import LABEL_PATH_SEPARATOR
from desktop.core.memos import (
    MEMO_TARGETS,
    CodebookCode,
    CodebookEntry,
    CodebookMerge,
    Memo,
    MemoError,
    MemoTarget,
)
from desktop.core.messages import QT_TRANSLATE_NOOP, Message
from desktop.core.store.base import _now
from desktop.core.store.labels import LabelsMixin

_MEMO_COLUMNS = "id, target, document_id, label_id, title, text, author, created_at, modified_at"
# Tags' memos beside the others, in the same columns.
_TAG_MEMOS = """SELECT NULL, 'tag', NULL, NULL, note_title, note, annotator, created_at,
    updated_at, id FROM annotations WHERE note <> ''"""
_TARGET_ORDER = {target: position for position, target in enumerate(MEMO_TARGETS)}
# A target that is not there, one sentence per kind so each translates whole.
_NO_TARGET = {
    "document": QT_TRANSLATE_NOOP("Project", "no document {0}: the memo was not written"),
    "label": QT_TRANSLATE_NOOP("Project", "no label {0}: the memo was not written"),
    "tag": QT_TRANSLATE_NOOP("Project", "no tag {0}: the memo was not written"),
}


class MemosMixin(LabelsMixin):
    """Memos on every target, and the codebook fields of labels (a codebook file adds
    labels, hence built on the labels' mixin)."""

    # -- memos -------------------------------------------------------------------------------

    def add_memo(
        self,
        target: MemoTarget,
        target_id: int | None,
        text: str,
        *,
        title: str = "",
        author: str = "",
        created: str = "",
        modified: str = "",
    ) -> Memo:
        """Write a memo (one transaction). On a tag, the text is added to its note (after a
        blank line when it has one). ``created``/``modified``: kept times (an import); empty
        means now. Raises MemoError: empty text, a target that does not exist, another author
        on a tag's memo. A title on a tag's memo replaces the one it has."""
        if not text.strip():
            raise MemoError(QT_TRANSLATE_NOOP("Project", "the memo's text is empty"))
        with self.transaction():
            self._check_target(target, target_id)
            if target == "tag":
                assert target_id is not None
                return self._add_to_note(target_id, text, title=title, author=author)
            now = _now()
            cursor = self.db.execute(
                """INSERT INTO memos (target, document_id, label_id, title, text, author,
                       created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    target,
                    target_id if target == "document" else None,
                    target_id if target == "label" else None,
                    title,
                    text,
                    author,
                    created or now,
                    modified or created or now,
                ),
            )
            assert cursor.lastrowid is not None
            return self.memo(cursor.lastrowid)

    def _check_target(self, target: str, target_id: int | None) -> None:
        if target not in MEMO_TARGETS:
            raise MemoError(_not_a_target(target))
        if target == "project":
            if target_id is not None:
                raise MemoError(
                    QT_TRANSLATE_NOOP("Project", "a memo on the project names no target id")
                )
            return
        table = {"document": "documents", "label": "labels", "tag": "annotations"}[target]
        found = (
            target_id is not None
            and self.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (target_id,)).fetchone()
        )
        if not found:
            raise MemoError(_NO_TARGET[target].format(target_id))

    def _add_to_note(self, tag_id: int, text: str, *, title: str, author: str) -> Memo:
        note, annotator = self.db.execute(
            "SELECT note, annotator FROM annotations WHERE id = ?", (tag_id,)
        ).fetchone()
        if author and author != annotator:
            raise MemoError(
                QT_TRANSLATE_NOOP(
                    "Project",
                    "tag {0}: a tag's memo is its note, written by the tag's annotator "
                    "({1}), not {2}",
                ).format(tag_id, annotator or QT_TRANSLATE_NOOP("Project", "nobody"), author)
            )
        joined = f"{note}\n\n{text}" if note else text
        # A title given replaces the tag memo's title; none given keeps the one it has.
        self.db.execute(
            """UPDATE annotations SET note = ?, note_title = coalesce(nullif(?, ''), note_title),
                   updated_at = ? WHERE id = ?""",
            (joined, title, _now(), tag_id),
        )
        return self.tag_memo(tag_id)

    def update_tag_memo(self, tag_id: int, *, title: str, note: str) -> Memo:
        """Set a tag's memo: its title and its note (an empty note is allowed: the tag then
        has no memo). Raises MemoError for an unknown tag."""
        with self.transaction():
            self._check_target("tag", tag_id)
            self.db.execute(
                "UPDATE annotations SET note_title = ?, note = ?, updated_at = ? WHERE id = ?",
                (title, note, _now(), tag_id),
            )
        return self.tag_memo(tag_id)

    def memo(self, memo_id: int) -> Memo:
        row = self.db.execute(
            f"SELECT {_MEMO_COLUMNS} FROM memos WHERE id = ?", (memo_id,)
        ).fetchone()
        if row is None:
            raise MemoError(QT_TRANSLATE_NOOP("Project", "no memo {0}").format(memo_id))
        return _memo(row)

    def tag_memo(self, tag_id: int) -> Memo:
        """The tag's memo (its note, possibly empty). Raises MemoError for an unknown tag."""
        row = self.db.execute(
            _TAG_MEMOS.replace("WHERE note <> ''", "WHERE id = ?"), (tag_id,)
        ).fetchone()
        if row is None:
            raise MemoError(QT_TRANSLATE_NOOP("Project", "no tag {0}").format(tag_id))
        return _memo(row)

    def memos(self, target: MemoTarget | None = None, target_id: int | None = None) -> list[Memo]:
        """Memos, all or on one target kind (and one target of it): by target kind (project,
        document, label, tag), then target, then in the order written. Tags' memos are their
        non-empty notes."""
        if target is not None and target not in MEMO_TARGETS:
            raise MemoError(_not_a_target(target))
        rows: list[Any] = []
        if target != "tag":
            tests, parameters = _target_tests(target, target_id)
            rows += self.db.execute(
                f"SELECT {_MEMO_COLUMNS}, NULL FROM memos{tests} ORDER BY created_at, id",
                parameters,
            ).fetchall()
        if target in (None, "tag"):
            extra = "" if target_id is None else " AND id = ?"
            parameters = () if target_id is None else (target_id,)
            rows += self.db.execute(_TAG_MEMOS + extra + " ORDER BY id", parameters).fetchall()
        memos = [_memo(row) for row in rows]
        return sorted(memos, key=lambda memo: (_TARGET_ORDER[memo.target], memo.target_id or 0))

    def update_memo(
        self, memo_id: int, *, title: str | None = None, text: str | None = None
    ) -> Memo:
        """Change a memo's title or text (a tag's memo changes through its tag's note).
        An empty text is refused: delete the memo instead."""
        if text is not None and not text.strip():
            raise MemoError(
                QT_TRANSLATE_NOOP("Project", "the memo's text is empty: delete the memo instead")
            )
        current = self.memo(memo_id)
        with self.transaction():
            self.db.execute(
                "UPDATE memos SET title = ?, text = ?, modified_at = ? WHERE id = ?",
                (
                    current.title if title is None else title,
                    current.text if text is None else text,
                    _now(),
                    memo_id,
                ),
            )
        return self.memo(memo_id)

    def delete_memo(self, memo_id: int) -> Memo:
        """Delete a memo; returns it, for :meth:`restore_memo` (undo)."""
        memo = self.memo(memo_id)
        with self.transaction():
            self.db.execute("DELETE FROM memos WHERE id = ?", (memo_id,))
        return memo

    def restore_memo(self, memo: Memo) -> Memo:
        """Put a memo back exactly as it was, id and times included (undo of a deletion or
        an edit)."""
        if memo.id is None or memo.target == "tag":
            raise MemoError(QT_TRANSLATE_NOOP("Project", "a tag's memo is restored with its tag"))
        with self.transaction():
            self._check_target(memo.target, memo.target_id)
            self.db.execute(
                f"""INSERT INTO memos ({_MEMO_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title,
                        text = excluded.text, modified_at = excluded.modified_at""",
                (
                    memo.id,
                    memo.target,
                    memo.target_id if memo.target == "document" else None,
                    memo.target_id if memo.target == "label" else None,
                    memo.title,
                    memo.text,
                    memo.author,
                    memo.created,
                    memo.modified,
                ),
            )
        return self.memo(memo.id)

    def memos_containing(self, needles: Sequence[str]) -> list[Memo]:
        """The memos (tags' notes included) whose title or text holds any of ``needles``, in
        the order of :meth:`memos`: what a corpus search with memos in its scope finds.
        ``instr``, not LIKE: % and _ in a needle are plain characters."""
        wanted = [needle for needle in needles if needle]
        if not wanted:
            return []
        tests = " OR ".join("instr(title, ?) > 0 OR instr(text, ?) > 0" for _ in wanted)
        rows = self.db.execute(
            f"SELECT {_MEMO_COLUMNS}, NULL FROM memos WHERE {tests} ORDER BY created_at, id",
            [needle for needle in wanted for _ in range(2)],
        ).fetchall()
        notes = " OR ".join("instr(note_title, ?) > 0 OR instr(note, ?) > 0" for _ in wanted)
        rows += self.db.execute(
            _TAG_MEMOS + f" AND ({notes}) ORDER BY id",
            [needle for needle in wanted for _ in range(2)],
        ).fetchall()
        memos = [_memo(row) for row in rows]
        return sorted(memos, key=lambda memo: (_TARGET_ORDER[memo.target], memo.target_id or 0))

    def targets_with_memos(self, target: MemoTarget) -> set[int]:
        """The ids of the documents, labels or tags that carry a memo (the window's markers)."""
        if target == "tag":
            query = "SELECT id FROM annotations WHERE note <> ''"
        elif target in ("document", "label"):
            column = f"{target}_id"
            query = f"SELECT DISTINCT {column} FROM memos WHERE {column} IS NOT NULL"
        else:
            return set()
        return {row[0] for row in self.db.execute(query)}

    # -- labels by path ----------------------------------------------------------------------

    def label_id_for_path(self, path: str) -> int | None:
        """The label at ``path`` ("Support measures/Labour"), or None."""
        parent: int | None = None
        for name in path.split(LABEL_PATH_SEPARATOR):
            row = self.db.execute(
                "SELECT id FROM labels WHERE name = ? AND coalesce(parent_id, 0) = coalesce(?, 0)",
                (name.strip(), parent),
            ).fetchone()
            if row is None:
                return None
            parent = int(row[0])
        return parent

    # -- the codebook ------------------------------------------------------------------------

    def codebook_entries(self) -> dict[int, CodebookEntry]:
        """Every label's codebook entry, by label id."""
        rows = self.db.execute(
            """SELECT l.id, l.description, l.use_when, l.not_use_when, l.example,
                      a.id, a.document_id, a.start, a."end"
               FROM labels l LEFT JOIN annotations a
                 ON a.id = l.example_annotation_id AND a.label_id = l.id"""
        ).fetchall()
        texts: dict[int, str] = {}
        entries = {}
        for label_id, definition, use, non_use, example, tag, document, start, end in rows:
            words = ""
            if tag is not None:
                if document not in texts:
                    texts[document] = self._clean_text(document)
                words = texts[document][start:end]
            entries[label_id] = CodebookEntry(
                label_id, definition, use, non_use, example, tag, words
            )
        return entries

    def codebook_entry(self, label_id: int) -> CodebookEntry:
        entry = self.codebook_entries().get(label_id)
        if entry is None:
            raise KeyError(QT_TRANSLATE_NOOP("Project", "no label {0}").format(label_id))
        return entry

    def set_codebook_entry(self, label_id: int, **fields: Any) -> CodebookEntry:
        """Set some of a label's codebook fields (``definition``, ``use_when``,
        ``not_use_when``, ``example``, ``example_tag_id``) in one transaction. A pinned
        example tag must carry the label."""
        columns = {
            "definition": "description",
            "use_when": "use_when",
            "not_use_when": "not_use_when",
            "example": "example",
            "example_tag_id": "example_annotation_id",
        }
        unknown = set(fields) - set(columns)
        if unknown:
            raise ValueError(f"a codebook entry has no {', '.join(sorted(unknown))}")
        with self.transaction():
            if self.db.execute("SELECT 1 FROM labels WHERE id = ?", (label_id,)).fetchone() is None:
                raise KeyError(QT_TRANSLATE_NOOP("Project", "no label {0}").format(label_id))
            tag = fields.get("example_tag_id")
            if tag is not None:
                self._check_example(label_id, tag)
            for field, value in fields.items():
                self.db.execute(
                    f"UPDATE labels SET {columns[field]} = ? WHERE id = ?", (value, label_id)
                )
        return self.codebook_entry(label_id)

    def _check_example(self, label_id: int, tag_id: int) -> None:
        row = self.db.execute("SELECT label_id FROM annotations WHERE id = ?", (tag_id,)).fetchone()
        if row is None:
            raise MemoError(
                QT_TRANSLATE_NOOP("Project", "no tag {0} to pin as the example").format(tag_id)
            )
        if row[0] != label_id:
            raise MemoError(
                QT_TRANSLATE_NOOP(
                    "Project", "tag {0} carries another label: it cannot be its example"
                ).format(tag_id)
            )

    def merge_codebook(
        self, codes: Sequence[CodebookCode], *, replace_definitions: bool = False
    ) -> CodebookMerge:
        """Take a codebook into the project's label scheme, in one transaction: a code whose
        path is new becomes a label (with its colour and fields); an existing label (matched
        by path) keeps its colour and gets the fields it has empty; one whose definition
        differs keeps its own unless ``replace_definitions``. Parents come before children."""
        added, filled, replaced, kept = [], [], [], []
        with self.transaction():
            for code in codes:
                path = LABEL_PATH_SEPARATOR.join(code.path)
                parent = None
                if len(code.path) > 1:
                    parent = self.label_id_for_path(LABEL_PATH_SEPARATOR.join(code.path[:-1]))
                existing = self._label_id(code.path[-1], parent)
                if existing is None:
                    existing = self._insert_label(
                        code.path[-1], parent, code.color or "#888888", code.definition, ""
                    )
                    added.append(path)
                    self._fill_codebook_fields(existing, code, replace=True)
                    continue
                current = self.codebook_entry(existing).definition
                if code.definition and current != code.definition:
                    if not current:
                        filled.append(path)
                    elif replace_definitions:
                        replaced.append(path)
                    else:
                        kept.append(path)
                self._fill_codebook_fields(existing, code, replace=replace_definitions)
        return CodebookMerge(tuple(added), tuple(filled), tuple(replaced), tuple(kept))

    def _fill_codebook_fields(self, label_id: int, code: CodebookCode, *, replace: bool) -> None:
        """Give the label the code's fields: all of them with ``replace``, else only where
        the label's own is empty."""
        for column, value in (
            ("description", code.definition),
            ("use_when", code.use_when),
            ("not_use_when", code.not_use_when),
            ("example", code.example),
        ):
            if not value:
                continue
            keep = "" if replace else f" AND {column} = ''"
            self.db.execute(f"UPDATE labels SET {column} = ? WHERE id = ?{keep}", (value, label_id))

    def tag_counts_by_label(self) -> dict[int, int]:
        """How many tags each label has (its sub-labels' not counted)."""
        rows = self.db.execute("SELECT label_id, count(*) FROM annotations GROUP BY label_id")
        return {label_id: count for label_id, count in rows}

    def add_imported_memos(self, memos: Iterable[Memo]) -> int:
        """Store memos read from a project file, keeping author and times; a memo already
        present (same target, title, text and author) is skipped. Returns how many were
        added. Tags' memos go through their tags' notes, not here."""
        added = 0
        with self.transaction():
            for memo in memos:
                if memo.target == "tag":
                    continue
                if self._has_memo(memo):
                    continue
                self.add_memo(
                    memo.target,
                    memo.target_id,
                    memo.text,
                    title=memo.title,
                    author=memo.author,
                    created=memo.created,
                    modified=memo.modified,
                )
                added += 1
        return added

    def _has_memo(self, memo: Memo) -> bool:
        tests, parameters = _target_tests(memo.target, memo.target_id)
        row = self.db.execute(
            f"SELECT 1 FROM memos{tests} AND title = ? AND text = ? AND author = ?",
            (*parameters, memo.title, memo.text, memo.author),
        ).fetchone()
        return row is not None


def _not_a_target(target: object) -> Message:
    return QT_TRANSLATE_NOOP("Project", "a memo goes on {0}, not {1!r}").format(
        ", ".join(MEMO_TARGETS), target
    )


def _target_tests(target: str | None, target_id: int | None) -> tuple[str, Sequence[Any]]:
    """The WHERE clause (and its parameters) for memos on ``target`` (and ``target_id``)."""
    if target is None:
        return " WHERE 1", ()
    if target not in ("project", "document", "label"):
        raise MemoError(_not_a_target(target))
    if target == "project" or target_id is None:
        return " WHERE target = ?", (target,)
    return f" WHERE {target}_id = ?", (target_id,)


def _memo(row: Sequence[Any]) -> Memo:
    memo_id, target, document_id, label_id, title, text, author, created, modified = row[:9]
    tag_id = row[9] if len(row) > 9 else None
    target_id = {"document": document_id, "label": label_id, "tag": tag_id}.get(target)
    return Memo(memo_id, target, target_id, title, text, author, created, modified)
