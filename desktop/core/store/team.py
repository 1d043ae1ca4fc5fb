"""What coding as a team reads from and writes to a project: the tags agreement compares
(with their label paths), the documents each coder was given, a coder project's contents,
and merging coder projects into a team project in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.labels import LABEL_PATH_SEPARATOR, AttributeSpec
from desktop.core.memos import CodebookCode
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.store.base import StoreBase, StoreError, _now
from desktop.core.store.labels import LabelsMixin
from desktop.core.store.schema import read_only_uri

if TYPE_CHECKING:
    from desktop.core.agreement import Tag

# Every label's path from the top ("Parent/Child"), as the table "paths"; the parameter is
# the separator.
_LABEL_PATHS = """WITH RECURSIVE paths(id, path, depth) AS (
    SELECT id, name, 0 FROM labels WHERE parent_id IS NULL
    UNION ALL
    SELECT l.id, p.path || ? || l.name, p.depth + 1
    FROM labels l JOIN paths p ON l.parent_id = p.id) """

# The meta key naming the coder a project was prepared for (jiyao assign).
PREPARED_FOR = "prepared_for"
# The meta key recording how the project was prepared (JSON: seed, shared documents).
ASSIGNMENT = "assignment"
# The meta key (with the adjudicated layer's name after it) naming whom its review compared.
ADJUDICATION_OF = "adjudication_of:"
# How far adjudication got in a document (adjudicated_documents.status).
ADJUDICATED, UNDER_WAY = "done", "in progress"

_DOCUMENT_COLUMNS = """title, source, date, source_path, encoding, script, raw_text,
    clean_text, removed, text_sha256, metadata, imported_at"""
# Where text_sha256 stands in "SELECT id, status, <_DOCUMENT_COLUMNS>".
_SHA_AT = 2 + [name.strip() for name in _DOCUMENT_COLUMNS.split(",")].index("text_sha256")


def copy_project(path: Path, target: Path) -> None:
    """Copy a project, read-only and consistent (SQLite's backup API), to ``target``: a
    project made by an older Jiyao is read through a copy brought up to date, so the coder's
    own file stays as it is."""
    source = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as error:
        raise StoreError(
            QT_TRANSLATE_NOOP("Team", "cannot read {0}: {1}").format(path, error)
        ) from error
    finally:
        source.close()


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


@dataclass(frozen=True)
class CoderLabel:
    path: str
    color: str
    description: str  # the codebook's definition
    shortcut: str
    use_when: str = ""
    not_use_when: str = ""
    example: str = ""
    # The tag pinned as the example: (document, start, end, annotator) in its project, or None.
    example_tag: tuple[int, int, int, str] | None = None


# A label's codebook fields a merge compares, as the conflicts name them.
_CODEBOOK_FIELDS = (
    ("description", "description"),
    ("when to use", "use_when"),
    ("when not to use", "not_use_when"),
    ("example", "example"),
)
# Every label's path, colour, shortcut, codebook fields and pinned example tag (when it still
# carries the label), after _LABEL_PATHS.
_LABEL_ENTRIES = """SELECT l.id, p.path, l.color, l.shortcut, l.description, l.use_when,
        l.not_use_when, l.example, a.document_id, a.start, a."end", a.annotator
    FROM paths p JOIN labels l ON l.id = p.id
    LEFT JOIN annotations a ON a.id = l.example_annotation_id AND a.label_id = l.id"""


@dataclass(frozen=True)
class CoderProject:
    """What a coder project holds that a merge takes, read whole; every row's document is
    the coder project's own id, matched to the team's by the text's fingerprint."""

    name: str  # the coder: the name it was prepared for, else the file's stem
    source: str  # the file, for messages
    labels: tuple[CoderLabel, ...]
    attributes: tuple[AttributeSpec, ...]
    # id -> (text_sha256, status, the columns of _DOCUMENT_COLUMNS)
    documents: dict[int, tuple[str, str, tuple[Any, ...]]]
    # (document, label path, start, end, note, attributes JSON, annotator, created, updated,
    # note title)
    tags: tuple[tuple[Any, ...], ...]
    # (document, action, type, start, end, text, annotator, created)
    corrections: tuple[tuple[Any, ...], ...]
    rejected: tuple[tuple[int, int, int], ...]
    # Memos on the project, a document or a label (a tag's is its note, in ``tags``):
    # (target, document or None, label path or None, title, text, author, created, modified)
    memos: tuple[tuple[Any, ...], ...] = ()


@dataclass
class MergeOutcome:
    """What merging one coder project did."""

    source: str
    name: str
    documents_added: int = 0
    documents_matched: int = 0
    tags_added: int = 0
    tags_present: int = 0
    corrections_added: int = 0
    labels_added: int = 0
    memos_added: int = 0
    # Same label path or attribute name, different definition: the team's kept, said here.
    conflicts: list[str] = field(default_factory=list)
    # Other things the user should know (a document whose text differs by a little).
    notices: list[str] = field(default_factory=list)


class TeamMixin(LabelsMixin, StoreBase):
    """Tags by annotator for agreement; coder projects in and out."""

    # --- agreement --------------------------------------------------------------------

    def tagging_annotators(self) -> list[str]:
        """The annotators who have tags, by name; the nameless ('') left out."""
        rows = self.db.execute(
            "SELECT DISTINCT annotator FROM annotations WHERE annotator != '' ORDER BY annotator"
        )
        return [str(row[0]) for row in rows]

    def documents_tagged_by(self, annotators: Sequence[str]) -> list[int]:
        """The documents in which at least one of ``annotators`` has a tag, by id."""
        rows = self.db.execute(
            f"""SELECT DISTINCT document_id FROM annotations
                WHERE annotator IN ({_marks(annotators)}) ORDER BY document_id""",
            tuple(annotators),
        )
        return [int(row[0]) for row in rows]

    def document_lengths(self, document_ids: Sequence[int]) -> dict[int, int]:
        """Each document's clean-text length in code points, in the order given."""
        lengths: dict[int, int] = {}
        # In slices: SQLite limits how many parameters one statement takes.
        for first in range(0, len(document_ids), 500):
            chunk = document_ids[first : first + 500]
            rows = self.db.execute(
                f"SELECT id, length(clean_text) FROM documents WHERE id IN ({_marks(chunk)})",
                tuple(chunk),
            )
            lengths.update((int(row[0]), int(row[1])) for row in rows)
        return {id_: lengths[id_] for id_ in document_ids if id_ in lengths}

    def tags_by(self, annotators: Sequence[str], *, document_id: int | None = None) -> list[Tag]:
        """Every tag of these annotators (in one document, when given), its label as a path,
        in document order."""
        in_document = "" if document_id is None else "AND a.document_id = ?"
        rows = self.db.execute(
            _LABEL_PATHS
            + f"""SELECT a.id, a.document_id, p.path, a.start, a."end", a.annotator,
                       a.attributes
                FROM annotations a JOIN paths p ON p.id = a.label_id
                WHERE a.annotator IN ({_marks(annotators)}) {in_document}
                ORDER BY a.document_id, a.start, a.id""",
            (LABEL_PATH_SEPARATOR, *annotators, *([] if document_id is None else [document_id])),
        )
        parsed: dict[str, dict[str, Any]] = {"{}": {}}  # most tags say the same: read it once

        def attributes_of(text: str) -> dict[str, Any]:
            found = parsed.get(text)
            if found is None:
                found = parsed[text] = json.loads(text)
            return dict(found)  # each tag its own

        # Loaded here: every command opens a project, few compare coders (its dataclasses
        # took a tenth of the store's import).
        from desktop.core.agreement import Tag

        return [
            Tag(
                document=document,
                label=path,
                start=start,
                end=end,
                annotator=annotator,
                attributes=attributes_of(attributes),
                id=id_,
            )
            for id_, document, path, start, end, annotator, attributes in rows
        ]

    def documents_given(self) -> dict[str, frozenset[int]]:
        """Per coder merged in, the documents they were given (empty for a project that no
        merge made)."""
        given: dict[str, set[int]] = {}
        for document, annotator in self.db.execute(
            "SELECT document_id, annotator FROM document_coders"
        ):
            given.setdefault(annotator, set()).add(document)
        return {name: frozenset(ids) for name, ids in given.items()}

    def coder_statuses(self, document_id: int) -> dict[str, str]:
        """Who was given this document and how far they got (``Status`` values)."""
        rows = self.db.execute(
            "SELECT annotator, status FROM document_coders WHERE document_id = ? "
            "ORDER BY annotator",
            (document_id,),
        )
        return {str(name): str(status) for name, status in rows}

    # --- adjudication -----------------------------------------------------------------

    def mark_untagged(self, document_id: int, start: int, end: int, adjudicator: str) -> None:
        """Record that the adjudicator decided this place holds no tag."""
        with self.transaction():
            self.db.execute(
                """INSERT INTO untagged_places (document_id, start, "end", adjudicator)
                   VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                (document_id, start, end, adjudicator),
            )

    def unmark_untagged(self, document_id: int, start: int, end: int, adjudicator: str) -> None:
        with self.transaction():
            self.db.execute(
                """DELETE FROM untagged_places WHERE document_id = ? AND start = ?
                   AND "end" = ? AND adjudicator = ?""",
                (document_id, start, end, adjudicator),
            )

    def record_adjudication(
        self,
        adjudicator: str,
        decided: Iterable[int],
        undecided: Iterable[int],
        annotators: Sequence[str] = (),
    ) -> None:
        """Record, per document, whether it is adjudicated in the layer ``adjudicator``
        (``done``) or not yet (``in progress``): the corpus list says so; and, when given,
        whom that layer's review compared."""
        rows = [(document, adjudicator, ADJUDICATED) for document in decided]
        rows += [(document, adjudicator, UNDER_WAY) for document in undecided]
        with self.transaction():
            self.db.conn.executemany(
                """INSERT INTO adjudicated_documents (document_id, adjudicator, status)
                   VALUES (?, ?, ?) ON CONFLICT (document_id, adjudicator)
                   DO UPDATE SET status = excluded.status""",
                rows,
            )
            if annotators:
                self.db.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (ADJUDICATION_OF + adjudicator, json.dumps(list(annotators))),
                )

    def adjudication_annotators(self, adjudicator: str) -> list[str]:
        """Whom the last review of the layer ``adjudicator`` compared (none: never reviewed)."""
        row = self.db.execute(
            "SELECT value FROM meta WHERE key = ?", (ADJUDICATION_OF + adjudicator,)
        ).fetchone()
        return [] if row is None else [str(name) for name in json.loads(row[0])]

    def adjudicated_document_ids(self) -> set[int]:
        """The documents adjudicated (``done``) in some layer."""
        rows = self.db.execute(
            "SELECT DISTINCT document_id FROM adjudicated_documents WHERE status = ?",
            (ADJUDICATED,),
        )
        return {int(row[0]) for row in rows}

    def adjudication_status(self, document_id: int) -> dict[str, str]:
        """Per adjudicator who reviewed this document: ``done`` or ``in progress``."""
        rows = self.db.execute(
            "SELECT adjudicator, status FROM adjudicated_documents WHERE document_id = ? "
            "ORDER BY adjudicator",
            (document_id,),
        )
        return {str(name): str(status) for name, status in rows}

    def untagged_places(self, adjudicator: str) -> set[tuple[int, int, int]]:
        rows = self.db.execute(
            'SELECT document_id, start, "end" FROM untagged_places WHERE adjudicator = ?',
            (adjudicator,),
        )
        return {(int(d), int(s), int(e)) for d, s, e in rows}

    # --- a coder project --------------------------------------------------------------

    def prepared_for(self) -> str:
        """The coder this project was prepared for ('' when none)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (PREPARED_FOR,)).fetchone()
        return "" if row is None else str(row[0])

    def prepare_for(self, coder: str, assignment: dict[str, Any]) -> None:
        """Mark this (new) project as a coder's: tags made in it without a name are theirs."""
        with self.transaction():
            for key, value in (
                (PREPARED_FOR, coder),
                (ASSIGNMENT, json.dumps(assignment, ensure_ascii=False)),
            ):
                self.db.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    def codebook_for_coders(self) -> list[CodebookCode]:
        """The codebook entries a coder project takes beside the scheme (which has the
        definitions): when to use, when not, and the example's free text (a pinned tag stays
        behind with the tags), by label path, parents first."""
        rows = self.db.execute(
            _LABEL_PATHS
            + """SELECT p.path, l.use_when, l.not_use_when, l.example
                 FROM paths p JOIN labels l ON l.id = p.id
                 WHERE l.use_when <> '' OR l.not_use_when <> '' OR l.example <> ''
                 ORDER BY p.depth, l.position, l.id""",
            (LABEL_PATH_SEPARATOR,),
        )
        return [
            CodebookCode(
                tuple(path.split(LABEL_PATH_SEPARATOR)),
                use_when=use,
                not_use_when=non_use,
                example=example,
            )
            for path, use, non_use, example in rows
        ]

    def read_coder_project(self, fallback_name: str) -> CoderProject:
        """Everything a merge takes from this project; the coder is the name it was prepared
        for, else ``fallback_name`` (the file's stem)."""
        labels = tuple(
            _coder_label(row)
            for row in self.db.execute(
                _LABEL_PATHS + _LABEL_ENTRIES + " ORDER BY p.depth, l.position, l.id",
                (LABEL_PATH_SEPARATOR,),
            )
        )
        documents = {
            row[0]: (row[_SHA_AT], row[1], tuple(row[2:]))
            for row in self.db.execute(
                f"SELECT id, status, {_DOCUMENT_COLUMNS} FROM documents ORDER BY id"
            )
        }
        tags = tuple(
            self.db.execute(
                _LABEL_PATHS
                + """SELECT a.document_id, p.path, a.start, a."end", a.note, a.attributes,
                           a.annotator, a.created_at, a.updated_at, a.note_title
                     FROM annotations a JOIN paths p ON p.id = a.label_id
                     ORDER BY a.document_id, a.start, a.id""",
                (LABEL_PATH_SEPARATOR,),
            ).fetchall()
        )
        corrections = tuple(
            self.db.execute(
                """SELECT document_id, action, type, start, "end", text, annotator, created_at
                   FROM entity_corrections ORDER BY document_id, id"""
            ).fetchall()
        )
        rejected = tuple(
            (int(d), int(s), int(e))
            for d, s, e in self.db.execute(
                'SELECT document_id, start, "end" FROM rejected_suggestions'
            )
        )
        memos = tuple(
            self.db.execute(
                _LABEL_PATHS
                + """SELECT m.target, m.document_id, p.path, m.title, m.text, m.author,
                           m.created_at, m.modified_at
                     FROM memos m LEFT JOIN paths p ON p.id = m.label_id
                     ORDER BY m.created_at, m.id""",
                (LABEL_PATH_SEPARATOR,),
            ).fetchall()
        )
        return CoderProject(
            name=self.prepared_for() or fallback_name,
            source=str(self.path),
            labels=labels,
            attributes=tuple(self.attributes()),
            documents=documents,
            tags=tags,
            corrections=corrections,
            rejected=rejected,
            memos=memos,
        )

    # --- merging ----------------------------------------------------------------------

    def merge_coder_projects(
        self,
        projects: Sequence[CoderProject],
        merged: Callable[[int], None] | None = None,
    ) -> list[MergeOutcome]:
        """Bring coder projects into this one, all in one transaction: documents matched by
        their clean text, labels by their path, attributes by name; each tag keeps its
        annotator (a nameless one takes the coder's name), and so does each memo on the
        project, a document or a label (a tag's memo is its note); entity corrections and
        rejected suggestions come along; each coder's status per document is kept. What is here
        already is not added again, so merging the same project twice changes nothing.
        ``merged(index)`` is called after each project (inside the transaction: raising there
        undoes them all)."""
        outcomes = []
        with self.transaction():
            for index, project in enumerate(projects):
                outcomes.append(self._merge_one(project))
                if merged is not None:
                    merged(index)
        return outcomes

    def _merge_one(self, project: CoderProject) -> MergeOutcome:
        outcome = MergeOutcome(project.source, project.name)
        document_ids = self._merge_documents(project, outcome)
        label_ids, pins = self._merge_labels(project, document_ids, outcome)
        self._merge_attributes(project, outcome)
        now = _now()
        rows = []
        for (
            document,
            path,
            start,
            end,
            note,
            attributes,
            annotator,
            created,
            updated,
            note_title,
        ) in project.tags:
            team_document, label_id = document_ids[document], label_ids[path]
            name = annotator or project.name
            rows.append(
                (
                    *(team_document, label_id, start, end, note, attributes, name),
                    *(created or now, updated or created or now, note_title),
                    *(team_document, label_id, start, end, name),
                )
            )
        # All at once (a row at a time through the wrapper was most of a merge's time); a tag
        # already here, or earlier in this project, is not added again.
        before = self._count_annotations()
        self.db.conn.executemany(
            """INSERT INTO annotations (document_id, label_id, start, "end", note,
                   attributes, annotator, created_at, updated_at, note_title)
               SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
               WHERE NOT EXISTS (SELECT 1 FROM annotations WHERE document_id = ?
                   AND label_id = ? AND start = ? AND "end" = ? AND annotator = ?)""",
            rows,
        )
        outcome.tags_added = self._count_annotations() - before
        outcome.tags_present = len(rows) - outcome.tags_added
        for document, action, kind, start, end, text, annotator, created in project.corrections:
            team_document = document_ids[document]
            name = annotator or project.name
            cursor = self.db.execute(
                """INSERT INTO entity_corrections (document_id, action, type, start, "end",
                       text, annotator, created_at)
                   SELECT ?, ?, ?, ?, ?, ?, ?, ?
                   WHERE NOT EXISTS (SELECT 1 FROM entity_corrections WHERE document_id = ?
                       AND action = ? AND type = ? AND start = ? AND "end" = ?
                       AND annotator = ?)""",
                (
                    *(team_document, action, kind, start, end, text, name, created or now),
                    *(team_document, action, kind, start, end, name),
                ),
            )
            outcome.corrections_added += cursor.rowcount
        for document, start, end in project.rejected:
            self.db.execute(
                """INSERT INTO rejected_suggestions (document_id, start, "end")
                   VALUES (?, ?, ?) ON CONFLICT DO NOTHING""",
                (document_ids[document], start, end),
            )
        self._merge_memos(project, document_ids, label_ids, outcome)
        self._pin_examples(pins)
        return outcome

    def _pin_examples(self, pins: dict[int, tuple[int, int, int, str]]) -> None:
        """Pin each new label's example tag, merged with the tags: label id -> (document,
        start, end, annotator) here."""
        for label_id, (document, start, end, annotator) in pins.items():
            self.db.execute(
                """UPDATE labels SET example_annotation_id = (SELECT id FROM annotations
                       WHERE document_id = ? AND label_id = ? AND start = ? AND "end" = ?
                       AND annotator = ?) WHERE id = ?""",
                (document, label_id, start, end, annotator, label_id),
            )

    def _count_annotations(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM annotations").fetchone()[0])

    def _merge_memos(
        self,
        project: CoderProject,
        document_ids: dict[int, int],
        label_ids: dict[str, int],
        outcome: MergeOutcome,
    ) -> None:
        """Each memo on the matched target, with its author (a nameless one takes the coder's
        name); one the team has already (same target, title, text and author) is not added."""
        now = _now()
        for target, document, label_path, title, text, author, created, modified in project.memos:
            team_document = None if document is None else document_ids.get(document)
            team_label = None if label_path is None else label_ids.get(label_path)
            if (target == "document" and team_document is None) or (
                target == "label" and team_label is None
            ):
                continue  # its target was not merged (a dangling row): nothing to attach it to
            name = author or project.name
            cursor = self.db.execute(
                """INSERT INTO memos (target, document_id, label_id, title, text, author,
                       created_at, modified_at)
                   SELECT ?, ?, ?, ?, ?, ?, ?, ?
                   WHERE NOT EXISTS (SELECT 1 FROM memos WHERE target = ?
                       AND document_id IS ? AND label_id IS ? AND title = ? AND text = ?
                       AND author = ?)""",
                (
                    *(target, team_document, team_label, title, text, name),
                    *(created or now, modified or created or now),
                    *(target, team_document, team_label, title, text, name),
                ),
            )
            outcome.memos_added += cursor.rowcount

    def _label_paths(self) -> dict[str, tuple[int, CoderLabel]]:
        """path -> (id, the label as a coder project's) of every label here."""
        return {
            row[1]: (row[0], _coder_label(row[1:]))
            for row in self.db.execute(_LABEL_PATHS + _LABEL_ENTRIES, (LABEL_PATH_SEPARATOR,))
        }

    def _merge_labels(
        self, project: CoderProject, document_ids: dict[int, int], outcome: MergeOutcome
    ) -> tuple[dict[str, int], dict[int, tuple[int, int, int, str]]]:
        """The label ids here by the coder's paths, and the example tags to pin (by label id,
        once the tags are merged). A label added comes with its whole codebook entry; one here
        is merged by :meth:`_merge_entry`."""
        here = self._label_paths()
        shortcuts = {label.shortcut for _, label in here.values() if label.shortcut}
        ids: dict[str, int] = {}
        pins: dict[int, tuple[int, int, int, str]] = {}
        for label in project.labels:  # parents first
            example_tag = _team_example(label, document_ids, project.name)
            found = here.get(label.path)
            if found is not None:
                ids[label.path] = found[0]
                self._merge_entry(found, label, example_tag, outcome, pins)
                continue
            parent_path, _, name = label.path.rpartition(LABEL_PATH_SEPARATOR)
            shortcut = label.shortcut if label.shortcut not in shortcuts else ""
            if label.shortcut and not shortcut:
                outcome.conflicts.append(
                    f'label "{label.path}": its key {label.shortcut} belongs to another '
                    "label here (added without a key)"
                )
            ids[label.path] = self._insert_label(
                name, ids[parent_path] if parent_path else None, label.color,
                label.description, shortcut,
            )  # fmt: skip
            self.db.execute(
                "UPDATE labels SET use_when = ?, not_use_when = ?, example = ? WHERE id = ?",
                (label.use_when, label.not_use_when, label.example, ids[label.path]),
            )
            if example_tag is not None:
                pins[ids[label.path]] = example_tag
            shortcuts.add(shortcut)
            outcome.labels_added += 1
        return ids, pins

    def _merge_entry(
        self,
        here: tuple[int, CoderLabel],
        theirs: CoderLabel,
        their_example: tuple[int, int, int, str] | None,
        outcome: MergeOutcome,
        pins: dict[int, tuple[int, int, int, str]],
    ) -> None:
        """A label here keeps its colour and its codebook entry: a field it has empty takes
        the coder's (a notice says so), one both have and differ in is a conflict."""
        label_id, ours = here
        conflicts = []
        if theirs.color != ours.color:
            conflicts.append(f"colour {theirs.color!r} there, {ours.color!r} here")
        taken = []
        for what, column in _CODEBOOK_FIELDS:
            value, current = getattr(theirs, column), getattr(ours, column)
            if not value or value == current:
                continue
            if current:
                conflicts.append(f"{what} {value!r} there, {current!r} here")
            else:
                self.db.execute(f"UPDATE labels SET {column} = ? WHERE id = ?", (value, label_id))
                taken.append(what)
        if their_example is not None and their_example != ours.example_tag:
            if ours.example_tag is None:
                pins[label_id] = their_example
                taken.append("example tag")
            else:
                conflicts.append(
                    f"example tag {_tag_words(their_example)} there, "
                    f"{_tag_words(ours.example_tag)} here"
                )
        if conflicts:
            outcome.conflicts.append(
                f'label "{theirs.path}": {"; ".join(conflicts)} (kept as here)'
            )
        if taken:
            outcome.notices.append(
                f'label "{theirs.path}": {", ".join(taken)} taken from {outcome.name} (none here)'
            )

    def _merge_attributes(self, project: CoderProject, outcome: MergeOutcome) -> None:
        here = {attribute.name: attribute for attribute in self.attributes()}
        position = len(here)
        for attribute in project.attributes:
            ours = here.get(attribute.name)
            if ours is not None:
                if ours != attribute:
                    outcome.conflicts.append(
                        f'attribute "{attribute.name}": defined otherwise there (kept as here)'
                    )
                continue
            self.db.execute(
                """INSERT INTO attributes (name, label, kind, "values", suggest_from,
                       description, position) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (
                    attribute.name,
                    attribute.label,
                    attribute.kind,
                    json.dumps(list(attribute.values), ensure_ascii=False),
                    attribute.suggest_from,
                    attribute.description,
                    position,
                ),
            )
            position += 1

    def _merge_documents(self, project: CoderProject, outcome: MergeOutcome) -> dict[int, int]:
        ids: dict[int, int] = {}
        for coder_id, (sha, status, columns) in project.documents.items():
            row = self.db.execute(
                "SELECT id FROM documents WHERE text_sha256 = ?", (sha,)
            ).fetchone()
            if row is not None:
                ids[coder_id] = int(row[0])
                outcome.documents_matched += 1
            else:
                ids[coder_id] = self._add_coder_document(columns, outcome)
            self.db.execute(
                """INSERT INTO document_coders (document_id, annotator, status)
                   VALUES (?, ?, ?) ON CONFLICT (document_id, annotator)
                   DO UPDATE SET status = excluded.status""",
                (ids[coder_id], project.name, status),
            )
        return ids

    def _add_coder_document(self, columns: tuple[Any, ...], outcome: MergeOutcome) -> int:
        title, source_path = columns[0], columns[3]
        namesake = self.db.execute(
            "SELECT id FROM documents WHERE title = ? AND source_path = ? LIMIT 1",
            (title, source_path),
        ).fetchone()
        if namesake is not None:
            outcome.notices.append(
                f'document "{title}" differs in its text from document {namesake[0]} of the '
                "same title and file here: added as a different document"
            )
        cursor = self.db.execute(
            f"INSERT INTO documents ({_DOCUMENT_COLUMNS}) VALUES ({_marks(columns)})", columns
        )
        assert cursor.lastrowid is not None
        outcome.documents_added += 1
        return cursor.lastrowid


def _coder_label(row: Sequence[Any]) -> CoderLabel:
    """A label from a row of _LABEL_ENTRIES without its id (path first)."""
    path, color, shortcut, definition, use, non_use, example, document, start, end, who = row[-11:]
    pin = None if document is None else (int(document), int(start), int(end), str(who))
    return CoderLabel(path, color, definition, shortcut, use, non_use, example, pin)


def _team_example(
    label: CoderLabel, document_ids: dict[int, int], coder: str
) -> tuple[int, int, int, str] | None:
    """The coder's pinned example tag as it is here once merged: the team's document, and
    the coder's name for a nameless annotator (as the merged tag gets it)."""
    if label.example_tag is None:
        return None
    document, start, end, annotator = label.example_tag
    if document not in document_ids:
        return None
    return document_ids[document], start, end, annotator or coder


def _tag_words(tag: tuple[int, int, int, str] | None) -> str:
    if tag is None:
        return "none"
    document, start, end, annotator = tag
    by = f" by {annotator}" if annotator else ""
    return f"[{start}, {end}) of document {document}{by}"
