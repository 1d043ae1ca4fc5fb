"""Finding text across the corpus, in either script.

``script_variants`` gives a query's forms in the other script (the document list's filter and
the reader's find). The corpus search folds query and text to one script instead
(:mod:`desktop.core.folding`): the store's index narrows the documents down, and every hit is
then found in the folded text itself, so a hit is exactly what the query says and its
offsets are code points of the clean text. The regular-expression mode matches the clean text
as it is. Hits in one document never overlap a hit of the same term (left to right, as a
find-next does); hits are in document order, then by position.

Hits per document (:func:`iter_counts`) are counted without making each hit: a term of two
characters from the index alone, others with ``str.count`` in the folded texts the index
narrows the query down to; only a regular expression or NEAR finds the hits' places.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

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
# Documents counted at a time: a window shows each batch's counts, and may stop between them.
COUNT_BATCH = 2000


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

    def index_term_counts(self, terms: Sequence[str]) -> list[dict[int, int]] | None: ...

    def last_document_id(self) -> int: ...

    def search_candidates(
        self,
        query: Query | None,
        restriction: SearchRestriction = ...,
        *,
        batch: int = ...,
    ) -> Iterator[list[tuple[int, str]]]: ...

    def search_folded_texts(
        self,
        query: Query | None,
        restriction: SearchRestriction = ...,
        *,
        after_id: int = 0,
        limit: int = 200,
    ) -> list[tuple[int, str, str]]: ...


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


class DocumentCount(NamedTuple):
    """A document's hits (a tuple: a million of them are made quickly)."""

    document_id: int
    title: str
    hits: int


Span = tuple[int, int]


def counts_by_title(
    titles_in_order: Iterable[int],
    counts: Sequence[DocumentCount],
    *,
    descending: bool = False,
    cancelled: Callable[[], bool] | None = None,
) -> list[DocumentCount] | None:
    """``counts`` (in document order) in the order of their titles, which
    ``titles_in_order`` gives as the store has them sorted (``Store.document_ids_by_title``):
    no sort in Python, whose sort of a million titles holds the interpreter for seconds (a
    window frozen, even when a worker thread sorts). Ties stay in document order, descending
    too; a document the order lacks comes after the others (before them, descending). None
    when ``cancelled`` says so."""
    highest = max((count.document_id for count in counts), default=-1)
    slots: list[DocumentCount | None] = [None] * (highest + 1)
    for count in counts:
        slots[count.document_id] = count
    ordered: list[DocumentCount] = []
    for number, document_id in enumerate(titles_in_order):
        if document_id <= highest:
            found = slots[document_id]
            if found is not None:
                ordered.append(found)
                slots[document_id] = None
        if number % 65536 == 0 and cancelled is not None and cancelled():
            return None
    ordered += [count for count in slots if count is not None]  # not in the order
    if descending:
        ordered.reverse()
        ordered = _ties_in_document_order(ordered)
    return ordered


def _ties_in_document_order(counts: list[DocumentCount]) -> list[DocumentCount]:
    """Runs of the same title (reversed with the rest) put back in document order."""
    fixed: list[DocumentCount] = []
    run: list[DocumentCount] = []
    for count in counts:
        if run and run[-1].title != count.title:
            fixed += reversed(run)
            run = []
        run.append(count)
    fixed += reversed(run)
    return fixed


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
        # Each term's folded text; and the terms counted, each once (see counted_terms).
        terms = _terms(self.query) if self.query is not None else []
        self._folded = {term.text: fold(term.text) for term in terms}
        self._counted: list[str] | None = None
        if self.query is not None and not _has_near(self.query):
            self._counted = list(dict.fromkeys(self._folded[term.text] for term in terms))
        # Which terms' hits are kept (None: no match), by which terms occur at all.
        self._kept: dict[tuple[bool, ...], tuple[int, ...] | None] = {}

    @property
    def shows_hits(self) -> bool:
        """False for a query of only NOTs: it finds documents, never a span to show."""
        return self.regex is not None or bool(self.query and positive_terms(self.query))

    def counted_terms(self) -> list[str] | None:
        """The query's terms folded, each once, when a document's hits follow from how often
        each occurs in it (:meth:`hits_of_counts`); None when they need the hits' places
        (a regular expression, NEAR)."""
        return self._counted

    def hits_of_counts(self, counts: Sequence[int]) -> int | None:
        """The hits of a document whose folded text holds each of :meth:`counted_terms`
        ``counts[i]`` times (left to right, without overlaps), or None when it does not
        match: the number of hits :meth:`match` finds, without finding them. Hits of
        different terms are different spans unless the terms fold alike (a span is its
        text), so the hits are the counts of the distinct terms whose hits are kept; which
        those are follows from which terms occur at all, worked out once per pattern."""
        assert self.query is not None and self._counted is not None
        present = tuple(count > 0 for count in counts)
        if present not in self._kept:
            matched, terms = _kept_terms(
                self.query, dict(zip(self._counted, present, strict=True)), self._folded
            )
            self._kept[present] = (
                tuple(i for i, term in enumerate(self._counted) if term in terms)
                if matched
                else None
            )
        kept = self._kept[present]
        return None if kept is None else sum(counts[i] for i in kept)

    def count(self, text: SearchText) -> int | None:
        """How many hits :meth:`match` finds in ``text`` (None: no match), counted with
        ``str.count`` when their places are not needed."""
        if self._counted is None:
            spans = self.match(text)
            return None if spans is None else len(spans)
        return self.count_in(text.folded)

    def count_in(self, folded: str) -> int | None:
        """How many hits a query of :meth:`counted_terms` finds in a ``folded`` text."""
        assert self._counted is not None
        if isinstance(self.query, Term):
            return folded.count(self._counted[0]) or None
        return self.hits_of_counts([folded.count(term) for term in self._counted])

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


def _kept_terms(
    query: Query, present: Mapping[str, bool], folded: Mapping[str, str]
) -> tuple[bool, set[str]]:
    """As :func:`_evaluate`, from whether each folded term occurs (``folded``: a term's text
    to its folded text): whether the query matches, and the terms whose hits it keeps."""
    if isinstance(query, Term):
        term = folded[query.text]
        return (True, {term}) if present[term] else (False, set())
    if isinstance(query, Not):
        return not _kept_terms(query.part, present, folded)[0], set()
    assert isinstance(query, And | Or)
    results = [_kept_terms(part, present, folded) for part in query.parts]
    oks = [ok for ok, _ in results]
    matched = all(oks) if isinstance(query, And) else any(oks)
    return matched, {term for ok, terms in results if ok for term in terms}


def _terms(query: Query) -> list[Term]:
    """Every term of ``query``, those under a NOT included, in order."""
    if isinstance(query, Term):
        return [query]
    if isinstance(query, Near):
        return [query.left, query.right]
    if isinstance(query, Not):
        return _terms(query.part)
    return [term for part in query.parts for term in _terms(part)]


def _has_near(query: Query) -> bool:
    if isinstance(query, Near):
        return True
    if isinstance(query, Not):
        return _has_near(query.part)
    if isinstance(query, And | Or):
        return any(_has_near(part) for part in query.parts)
    return False


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


@dataclass(frozen=True)
class CountBatch:
    """Some documents' hits, and how far the count has got: every document up to ``reached``
    (by id) is counted, of those up to ``last`` (the highest id when it began)."""

    counts: list[DocumentCount]
    reached: int
    last: int

    @property
    def done(self) -> float:
        """The part counted, from 0 to 1."""
        return min(1.0, self.reached / self.last) if self.last else 1.0


def iter_counts(
    source: TextSource,
    search: Search,
    restriction: SearchRestriction = EVERYWHERE,
    *,
    batch: int = COUNT_BATCH,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[CountBatch]:
    """The hits of each matching document, ids ascending, a batch at a time: counted by the
    index when it can (terms of two characters), else in the texts it narrows the query
    down to, without making a hit of each (``str.count`` where no span is needed)."""
    last = source.last_document_id()
    terms = search.counted_terms()
    per_term = source.index_term_counts(terms) if terms else None
    if per_term is not None:
        for candidates in source.search_candidates(search.query, restriction, batch=batch):
            if cancelled():
                return
            if len(per_term) == 1 and isinstance(search.query, Term):
                hits = per_term[0]
                counts = [DocumentCount(i, title, hits[i]) for i, title in candidates if i in hits]
            else:
                counts = []
                for document_id, title in candidates:
                    found = [term_hits.get(document_id, 0) for term_hits in per_term]
                    total = search.hits_of_counts(found)
                    if total is not None:
                        counts.append(DocumentCount(document_id, title, total))
            yield CountBatch(counts, candidates[-1][0], last)
        return
    after_id = 0
    while not cancelled():
        if terms is None:
            texts = source.search_texts(search.query, restriction, after_id=after_id, limit=batch)
            rows = [(t.document_id, t.title, search.count(t)) for t in texts]
        else:
            folded = source.search_folded_texts(
                search.query, restriction, after_id=after_id, limit=batch
            )
            rows = [(i, title, search.count_in(text)) for i, title, text in folded]
        if not rows:
            return
        counts = [DocumentCount(i, title, hits) for i, title, hits in rows if hits is not None]
        after_id = rows[-1][0]
        yield CountBatch(counts, after_id, last)


def count_hits(
    source: TextSource,
    search: Search,
    restriction: SearchRestriction = EVERYWHERE,
    *,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[DocumentCount]:
    """The hits of each matching document, ids ascending."""
    return [
        count
        for batch in iter_counts(source, search, restriction, cancelled=cancelled)
        for count in batch.counts
    ]
