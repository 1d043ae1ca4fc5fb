"""The corpus search's full-text index: SQLite FTS5, kept in step with the documents.

``search_index`` is a contentless FTS5 table (rowid = document id) over each clean text folded
to one script (:mod:`desktop.core.folding`) and given as overlapping character pairs, so any
term of two characters or more is a phrase of pairs and a single character a prefix: nothing
goes unfound, and nothing is stored twice. ``search_folded`` keeps the folded text of the
documents whose folding changes them (Traditional ones, mostly), so a search compares without
folding whole texts again. ``meta.search_index`` names the folding the index was built with;
when it is missing (a project made before the index, or by a Jiyao whose OpenCC tables
differ) the index is stale: searches scan the texts, and :meth:`build_search_index` builds it
once. Documents are added to and removed from the index in the transaction that adds or
removes them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from desktop.core.folding import fold, fold_fingerprint, index_grams, is_token_character
from desktop.core.search_query import (
    EVERYWHERE,
    And,
    Near,
    Not,
    Or,
    Query,
    SearchRestriction,
    Term,
)
from desktop.core.store.base import StoreBase

META_KEY = "search_index"
BUILD_BATCH = 500

# What the index is given for one clean text: its grams, and its folded text when folding
# changes it (else None). An import's worker processes make these (issue 13, import speed).
IndexEntry = tuple[str, str | None]


def index_entry(clean_text: str) -> IndexEntry:
    """The index's entry for a document whose clean text is ``clean_text``."""
    folded = fold(clean_text)
    changed = folded is not clean_text and folded != clean_text
    return index_grams(folded), folded if changed else None


@dataclass(frozen=True)
class SearchText:
    """A document a search looks at: its clean text and the same folded (equal lengths)."""

    document_id: int
    title: str
    clean_text: str
    folded: str


class SearchIndexMixin(StoreBase):
    """The full-text index, and the texts a search reads."""

    _has_search_index: bool | None = None

    def _search_index_exists(self) -> bool:
        """Whether the schema has the index (a store opened with an older ``migrate_to`` has
        not)."""
        if self._has_search_index is None:
            row = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'search_index'"
            ).fetchone()
            self._has_search_index = row is not None
        return self._has_search_index

    def search_index_current(self) -> bool:
        """Whether the index holds every document, folded as this Jiyao folds."""
        if not self._search_index_exists():
            return False
        if self._built_with_this_folding():
            return True
        # Nothing to index: an empty index is whole (it is marked so when documents come).
        return self.db.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None

    def _built_with_this_folding(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
        return row is not None and row[0] == fold_fingerprint()

    def build_search_index(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        batch: int = BUILD_BATCH,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> int:
        """Index every document again, ``batch`` documents per transaction (so the window's
        own writes can go in between), telling ``progress(done, total)`` after each batch;
        ``cancelled()`` stops it between batches. The index counts as current only once it is
        whole (a stopped build is begun again next time). Returns the documents indexed."""
        total = int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])
        with self.transaction():
            self._start_index()
            self.db.execute("DELETE FROM meta WHERE key = ?", (META_KEY,))
        done, last_id = 0, 0
        if progress is not None:
            progress(0, total)
        while not cancelled():
            rows = self.db.execute(
                "SELECT id, clean_text FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                (last_id, batch),
            ).fetchall()
            if not rows:
                break
            with self.transaction():
                self._insert_into_index(rows)
            done += len(rows)
            last_id = rows[-1][0]
            if progress is not None:
                progress(min(done, total), total)
        if cancelled():
            return done
        with self.transaction():
            # Holding the write lock: documents another connection added since the last
            # batch was read are indexed here, or the index would be marked whole without
            # them and searches would miss them for good.
            late = self.db.execute(
                "SELECT id, clean_text FROM documents WHERE id > ? ORDER BY id", (last_id,)
            ).fetchall()
            self._insert_into_index(late)
            done += len(late)
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                (META_KEY, fold_fingerprint()),
            )
        return done

    def defer_search_index(self) -> None:
        """Mark the search index stale: searches scan the texts until it is built again whole
        (by the window in the background, or the first ``jiyao search``). Folding and
        indexing cost more than storing a document; for a load that doubles a project,
        one build afterwards costs no more than keeping the index in step (and an import does
        not wait for it)."""
        self.db.execute("DELETE FROM meta WHERE key = ?", (META_KEY,))

    def _index_documents(
        self, document_ids: Sequence[int], entries: Mapping[int, IndexEntry] | None = None
    ) -> None:
        """Add stored documents to a current index (inside the caller's transaction).
        ``entries`` holds the entries already made for some of them (by :func:`index_entry`):
        their texts are neither read again nor folded here."""
        if not document_ids or not self._search_index_exists():
            return
        if not self._built_with_this_folding():
            if not self._only_documents(document_ids):
                return  # build_search_index will index them with the rest
            self._start_index()
        given = entries or {}
        missing = [document_id for document_id in document_ids if document_id not in given]
        if missing:
            rows = self.db.execute(
                f"SELECT id, clean_text FROM documents WHERE id IN ({_marks(missing)})",
                tuple(missing),
            ).fetchall()
            self._insert_into_index(rows)
        self._insert_entries(
            (document_id, given[document_id])
            for document_id in document_ids
            if document_id in given
        )

    def _only_documents(self, document_ids: Sequence[int]) -> bool:
        count = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        return int(count) == len(set(document_ids))

    def _start_index(self) -> None:
        """An empty index, current: for a project whose documents are all being added now."""
        self.db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        self.db.execute("DELETE FROM search_folded")
        self.db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (META_KEY, fold_fingerprint()),
        )

    def _insert_into_index(self, rows: Iterable[tuple[int, str]]) -> None:
        self._insert_entries((document_id, index_entry(text)) for document_id, text in rows)

    def _insert_entries(self, entries: Iterable[tuple[int, IndexEntry]]) -> None:
        execute = self.db.conn.execute
        for document_id, (grams, folded) in entries:
            execute("INSERT INTO search_index (rowid, grams) VALUES (?, ?)", (document_id, grams))
            if folded is not None:
                execute(
                    "INSERT INTO search_folded (document_id, folded) VALUES (?, ?)",
                    (document_id, folded),
                )

    def _unindex_documents(self, document_ids: Sequence[int]) -> None:
        """Take documents out of a current index, before they are deleted (a contentless
        index forgets a row only when told exactly what it was given for it)."""
        if not document_ids or not self.search_index_current():
            return
        rows = self.db.execute(
            f"""SELECT d.id, coalesce(f.folded, d.clean_text) FROM documents d
                LEFT JOIN search_folded f ON f.document_id = d.id
                WHERE d.id IN ({_marks(document_ids)})""",
            tuple(document_ids),
        ).fetchall()
        for document_id, folded in rows:
            self.db.execute(
                "INSERT INTO search_index (search_index, rowid, grams) VALUES ('delete', ?, ?)",
                (document_id, index_grams(folded)),
            )
        self.db.execute(
            f"DELETE FROM search_folded WHERE document_id IN ({_marks(document_ids)})",
            tuple(document_ids),
        )

    def search_texts(
        self,
        query: Query | None,
        restriction: SearchRestriction = EVERYWHERE,
        *,
        after_id: int = 0,
        limit: int = 200,
    ) -> list[SearchText]:
        """The next ``limit`` documents (by id, above ``after_id``) that may match ``query``
        within ``restriction``: those the index finds when it is current and can narrow the
        query down, else every document in the restriction. The caller checks the texts."""
        current = self.search_index_current()
        join, key, conditions, parameters = _narrowed(query, restriction, current)
        conditions.append(f"{key} > ?")
        parameters.append(after_id)
        rows = self.db.execute(
            f"""SELECT d.id, d.title, d.clean_text, f.folded FROM documents d {join}
                LEFT JOIN search_folded f ON f.document_id = d.id
                WHERE {" AND ".join(conditions)} ORDER BY {key} LIMIT ?""",
            (*parameters, limit),
        ).fetchall()
        return [_search_text(row, folded_stored=current) for row in rows]

    def index_term_counts(self, terms: Sequence[str]) -> list[dict[int, int]] | None:
        """For each folded term, its hits in each document holding it (document id -> hits),
        counted from the index alone, no text read; None when the index cannot count them: it
        is stale, or a term is not a pair of two different characters the tokenizer keeps
        whole (each instance of such a pair in the index is one hit: two can only overlap
        when both characters are the same, and a token is that pair only where the text
        has it)."""
        if not terms or not self.search_index_current() or not all(map(_countable, terms)):
            return None
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_instances "
            "USING fts5vocab(main, search_index, instance)"
        )
        return [
            dict(
                self.db.execute(
                    "SELECT doc, count(*) FROM temp.search_instances WHERE term = ? GROUP BY doc",
                    (term,),
                ).fetchall()
            )
            for term in terms
        ]

    def search_candidates(
        self,
        query: Query | None,
        restriction: SearchRestriction = EVERYWHERE,
        *,
        batch: int = 5000,
    ) -> Iterator[list[tuple[int, str]]]:
        """(id, title) of the documents ``query`` may match within ``restriction`` (as
        :meth:`search_texts` finds them), ids ascending, in lists of ``batch``, no text read."""
        current = self.search_index_current()
        join, key, conditions, parameters = _narrowed(query, restriction, current)
        cursor = self.db.execute(
            f"""SELECT d.id, d.title FROM documents d {join}
                WHERE {" AND ".join(conditions)} ORDER BY {key}""",
            parameters,
        )
        while rows := cursor.fetchmany(batch):
            yield rows

    def search_folded_texts(
        self,
        query: Query | None,
        restriction: SearchRestriction = EVERYWHERE,
        *,
        after_id: int = 0,
        limit: int = 200,
    ) -> list[tuple[int, str, str]]:
        """(id, title, folded text) of the documents :meth:`search_texts` gives: only the
        folded text read, for counting."""
        current = self.search_index_current()
        if not current:
            return [
                (text.document_id, text.title, text.folded)
                for text in self.search_texts(query, restriction, after_id=after_id, limit=limit)
            ]
        join, key, conditions, parameters = _narrowed(query, restriction, current)
        conditions.append(f"{key} > ?")
        parameters.append(after_id)
        rows = self.db.execute(
            f"""SELECT d.id, d.title, coalesce(f.folded, d.clean_text) FROM documents d {join}
                LEFT JOIN search_folded f ON f.document_id = d.id
                WHERE {" AND ".join(conditions)} ORDER BY {key} LIMIT ?""",
            (*parameters, limit),
        ).fetchall()
        return rows

    def last_document_id(self) -> int:
        """The highest document id (0 without documents): how far a count by id has to go."""
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0])

    def search_document_count(self, restriction: SearchRestriction = EVERYWHERE) -> int:
        """How many documents a search within ``restriction`` looks at, at most."""
        conditions, parameters = _restriction_clause(restriction)
        return int(
            self.db.execute(
                f"SELECT count(*) FROM documents d WHERE {' AND '.join(conditions)}",
                parameters,
            ).fetchone()[0]
        )

    def document_sources(self) -> list[str]:
        """The sources the documents name, each once, in order (the search window's filter)."""
        rows = self.db.execute(
            "SELECT DISTINCT source FROM documents WHERE source <> '' ORDER BY source"
        )
        return [str(row[0]) for row in rows]


def _countable(folded: str) -> bool:
    """Whether the index counts ``folded``'s hits: two different characters, one token."""
    return len(folded) == 2 and folded[0] != folded[1] and _runs(folded) == [folded]


def _search_text(row: tuple[int, str, str, str | None], *, folded_stored: bool) -> SearchText:
    document_id, title, clean_text, folded = row
    if folded is None:
        # Not folded in the index because folding leaves it as it is; without the index
        # (stale), fold here.
        folded = clean_text if folded_stored else fold(clean_text)
    return SearchText(document_id, title, clean_text, folded)


def _narrowed(
    query: Query | None, restriction: SearchRestriction, current: bool
) -> tuple[str, str, list[str], list[object]]:
    """The join, the key that orders the documents, and the conditions with their
    parameters, of the documents ``query`` may match within ``restriction``: those the index
    finds when it is ``current`` and can narrow the query down, else every one."""
    conditions, parameters = _restriction_clause(restriction)
    match = _match_expression(query) if query is not None else None
    if match is None or not current:
        return "", "d.id", conditions, parameters
    # Said of the index's rowid, a page's bounds go to FTS5, which walks its matches in
    # order from there: said of d.id, every match is found and sorted per page.
    join = "JOIN search_index ON search_index.rowid = d.id AND search_index MATCH ?"
    return join, "search_index.rowid", conditions, [match, *parameters]


def _restriction_clause(restriction: SearchRestriction) -> tuple[list[str], list[object]]:
    conditions: list[str] = ["1"]
    parameters: list[object] = []
    if restriction.date_from:
        conditions.append("d.date != '' AND d.date >= ?")
        parameters.append(restriction.date_from)
    if restriction.date_to:
        # A date bound is a day: 2020-03 to 2020-03 includes 2020-03-31.
        conditions.append("d.date != '' AND substr(d.date, 1, length(?)) <= ?")
        parameters.extend([restriction.date_to, restriction.date_to])
    if restriction.sources:
        conditions.append(f"d.source IN ({_marks(restriction.sources)})")
        parameters.extend(restriction.sources)
    if restriction.statuses:
        conditions.append(f"d.status IN ({_marks(restriction.statuses)})")
        parameters.extend(status.value for status in restriction.statuses)
    if restriction.document_ids is not None:
        conditions.append(f"d.id IN ({_marks(restriction.document_ids) or 'NULL'})")
        parameters.extend(restriction.document_ids)
    for label_ids, negation in (
        (restriction.with_labels, ""),
        (restriction.without_labels, "NOT "),
    ):
        if label_ids:
            conditions.append(
                f"""{negation}EXISTS (
                    WITH RECURSIVE wanted(id) AS (
                        SELECT id FROM labels WHERE id IN ({_marks(label_ids)})
                        UNION SELECT l.id FROM labels l JOIN wanted w ON l.parent_id = w.id)
                    SELECT 1 FROM annotations a
                    WHERE a.document_id = d.id AND a.label_id IN (SELECT id FROM wanted))"""
            )
            parameters.extend(label_ids)
    return conditions, parameters


def _match_expression(query: Query) -> str | None:
    """An FTS5 expression that matches every document ``query`` may match (more is fine: the
    texts are checked), or None when the index cannot narrow it down."""
    if isinstance(query, Term):
        return _term_expression(query.text)
    if isinstance(query, Near):
        parts = [_term_expression(query.left.text), _term_expression(query.right.text)]
        known = [part for part in parts if part is not None]
        return " AND ".join(known) if known else None
    if isinstance(query, Or):
        alternatives = [_match_expression(part) for part in query.parts]
        if any(alternative is None for alternative in alternatives):
            return None
        return " OR ".join(f"({alternative})" for alternative in alternatives)
    if isinstance(query, And):
        required = [
            expression
            for part in query.parts
            if not isinstance(part, Not) and (expression := _match_expression(part)) is not None
        ]
        if not required:
            return None
        expression = " AND ".join(f"({part})" for part in required)
        for part in query.parts:
            # Only an exact expression may exclude: a wider one would exclude too much.
            if isinstance(part, Not) and _exact(part.part):
                expression = f"({expression}) NOT ({_match_expression(part.part)})"
        return expression
    return None  # NOT alone: every document without it, which the index cannot list


def substring_expression(needle: str) -> tuple[str, bool] | None:
    """The index's expression finding every clean text that may hold ``needle`` as it is
    (the document list's filter, which does not fold), and whether a text that folding leaves
    as it is (no row in search_folded) holds ``needle`` whenever the index finds it; None when
    the index cannot narrow the texts down (no letter, digit or CJK character)."""
    term = Term(needle)
    expression = _match_expression(term)
    if expression is None:
        return None
    return expression, fold(needle) == needle and _exact(term)


def _runs(folded: str) -> list[str]:
    """The stretches of ``folded`` the tokenizer keeps whole."""
    runs, current = [], []
    for character in folded:
        if is_token_character(character):
            current.append(character)
        elif current:
            runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs


def _term_expression(text: str) -> str | None:
    parts = []
    for run in _runs(fold(text)):
        if len(run) == 1:
            parts.append(f'"{run}"*')
        else:
            parts.append('"' + " ".join(run[i : i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(parts) if parts else None


def _exact(query: Query) -> bool:
    """Whether the index finds exactly the documents ``query`` matches."""
    if isinstance(query, Term):
        folded = fold(query.text)
        return bool(folded) and _runs(folded) == [folded]
    if isinstance(query, And | Or):
        return all(_exact(part) and not isinstance(part, Not) for part in query.parts)
    return False


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))
