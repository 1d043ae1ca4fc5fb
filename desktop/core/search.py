"""Finding text across the corpus, in either script.

``script_variants`` gives a query's forms in the other script (the document list's filter and
the reader's find). The corpus search folds query and text to one script instead
(:mod:`desktop.core.folding`): the store's index narrows the documents down, and every hit is
then found in the folded text itself, so a hit is exactly what the query says and its
offsets are code points of the clean text. The regular-expression mode matches the clean text
as it is. Hits in one document never overlap a hit of the same term (left to right, as a
find-next does); hits are in document order, then by position.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

from desktop.core.folding import fold
from desktop.core.search_query import (
    EVERYWHERE,
    And,
    Near,
    Not,
    Or,
    Query,
    QueryError,
    SearchRestriction,
    Term,
    parse_query,
    positive_terms,
)
from desktop.core.store.search_index import SearchText

# Simplified, OpenCC standard, Taiwan and Hong Kong forms cover the variants documents use.
_VARIANT_CONFIGS = ("t2s", "s2t", "s2tw", "s2hk")
# Characters of context on each side of a hit, by default.
CONTEXT = 30
# Documents read from the store at a time: small enough that the first hits come at once.
BATCH = 100


def script_variants(query: str) -> list[str]:
    """The query and its forms in the other script and standards, without repeats, in order."""
    from desktop.core.conversion import converter  # OpenCC's start-up: only when asked

    variants = [query]
    for config in _VARIANT_CONFIGS:
        form = converter(config).convert(query).text
        if form not in variants:
            variants.append(form)
    return variants


class TextSource(Protocol):
    """The part of the store a search reads (``Store.search_texts``)."""

    def search_texts(
        self,
        query: Query | None,
        restriction: SearchRestriction = ...,
        *,
        after_id: int = 0,
        limit: int = 200,
    ) -> list[SearchText]: ...

    def count_term_hits(
        self, term: Term, restriction: SearchRestriction = ...
    ) -> list[tuple[int, str, int]] | None: ...


@dataclass(frozen=True)
class Hit:
    """One hit: ``[start, end)`` in code points of the document's clean text."""

    document_id: int
    title: str
    start: int
    end: int
    hit: str
    left: str
    right: str


@dataclass(frozen=True)
class DocumentCount:
    document_id: int
    title: str
    hits: int


Span = tuple[int, int]


class Search:
    """A parsed query (or a compiled regular expression) that finds its hits in a text."""

    def __init__(self, query: str, *, regex: bool = False) -> None:
        self.regex: re.Pattern[str] | None = None
        self.query: Query | None = None
        if regex:
            if not query:
                raise QueryError("the regular expression is empty")
            try:
                self.regex = re.compile(query)
            except re.error as error:
                raise QueryError(f"not a valid regular expression: {error}") from None
        else:
            self.query = parse_query(query)

    @property
    def shows_hits(self) -> bool:
        """False for a query of only NOTs: it finds documents, never a span to show."""
        return self.regex is not None or bool(self.query and positive_terms(self.query))

    def match(self, text: SearchText) -> list[Span] | None:
        """The hits in ``text``, in order, or None when the document does not match (a
        document may match without hits: ``NOT 口罩``)."""
        if self.regex is not None:
            spans = [m.span() for m in self.regex.finditer(text.clean_text) if m.end() > m.start()]
            return spans or None
        assert self.query is not None
        matched, spans = _evaluate(self.query, text.folded)
        return sorted(set(spans)) if matched else None


def _evaluate(query: Query, folded: str) -> tuple[bool, list[Span]]:
    if isinstance(query, Term):
        spans = _occurrences(fold(query.text), folded)
        return bool(spans), spans
    if isinstance(query, Near):
        spans = _near(
            _occurrences(fold(query.left.text), folded),
            _occurrences(fold(query.right.text), folded),
            query.distance,
        )
        return bool(spans), spans
    if isinstance(query, Not):
        matched, _ = _evaluate(query.part, folded)
        return not matched, []
    results = [_evaluate(part, folded) for part in query.parts]
    if isinstance(query, And):
        matched = all(result[0] for result in results)
    else:
        assert isinstance(query, Or)
        matched = any(result[0] for result in results)
    return matched, [span for ok, spans in results if ok for span in spans]


def _occurrences(needle: str, haystack: str) -> list[Span]:
    spans = []
    position = haystack.find(needle)
    while position >= 0:
        spans.append((position, position + len(needle)))
        position = haystack.find(needle, position + len(needle))
    return spans


def _near(left: list[Span], right: list[Span], distance: int) -> list[Span]:
    """The spans of either side with one of the other side at most ``distance`` characters
    away (the gap between them; overlapping spans are 0 apart)."""
    found: set[Span] = set()
    right_starts = [span[0] for span in right]
    for span in left:
        # Right spans starting from (span start - distance - longest right) onwards.
        first = bisect_left(right_starts, span[0] - distance - _longest(right))
        for other in right[first:]:
            if other[0] > span[1] + distance:
                break
            if max(other[0] - span[1], span[0] - other[1], 0) <= distance:
                found.update((span, other))
    return sorted(found)


def _longest(spans: list[Span]) -> int:
    return max((end - start for start, end in spans), default=0)


HIT_COLUMNS = ("document", "title", "start", "end", "left", "hit", "right")


def hit_row(hit: Hit) -> list[object]:
    """A hit as a CSV row, in HIT_COLUMNS' order (the command line's --csv, the window's
    export)."""
    return [hit.document_id, hit.title, hit.start, hit.end, hit.left, hit.hit, hit.right]


def iter_hits(
    source: TextSource,
    search: Search,
    restriction: SearchRestriction = EVERYWHERE,
    *,
    context: int = CONTEXT,
    limit: int | None = None,
    batch: int = BATCH,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[Hit]:
    """Every hit, document by document (ids ascending), at most ``limit``."""
    count = 0
    for text, spans in iter_matching(source, search, restriction, batch=batch, cancelled=cancelled):
        for hit in hits_in(text, spans, context):
            yield hit
            count += 1
            if limit is not None and count >= limit:
                return


def hits_in(text: SearchText, spans: list[Span], context: int = CONTEXT) -> list[Hit]:
    """The hits of ``spans`` in ``text``, with ``context`` characters each side."""
    clean = text.clean_text
    return [
        Hit(
            text.document_id,
            text.title,
            start,
            end,
            clean[start:end],
            clean[max(0, start - context) : start],
            clean[end : end + context],
        )
        for start, end in spans
    ]


def iter_matching(
    source: TextSource,
    search: Search,
    restriction: SearchRestriction = EVERYWHERE,
    *,
    batch: int = BATCH,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[SearchText, list[Span]]]:
    """Each matching document with its hits (maybe none: ``NOT 口罩``), ids ascending."""
    after_id = 0
    while not cancelled():
        texts = source.search_texts(search.query, restriction, after_id=after_id, limit=batch)
        if not texts:
            return
        for text in texts:
            spans = search.match(text)
            if spans is not None:
                yield text, spans
        after_id = texts[-1].document_id


def count_hits(
    source: TextSource,
    search: Search,
    restriction: SearchRestriction = EVERYWHERE,
    *,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[DocumentCount]:
    """The hits of each matching document, ids ascending."""
    if isinstance(search.query, Term):
        counted = source.count_term_hits(search.query, restriction)
        if counted is not None:
            return [DocumentCount(*row) for row in counted]
    return [
        DocumentCount(text.document_id, text.title, len(spans))
        for text, spans in iter_matching(
            source, search, restriction, batch=1000, cancelled=cancelled
        )
    ]
