"""Which entities (people, places, organisations, titles) occur together: in the same document
or at most N characters apart, as the symmetric matrix of ``cooccurrence`` (whose counting it
shares). An entity is its text folded to one script (市長 and 市长 are one) and its type:
``市长 (TITLE)``.

Entities are found per document by the entity pipeline and cached in the project, with the
user's corrections applied (``Store.entities``); a document the pipeline has not seen (or saw
in an older version) is analysed here, which takes a while (jieba), and the result cached
like the reader's own, so the next count is quick. ``cached_only`` skips those documents
instead. A read-only project is analysed without caching.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.core.cooccurrence import CoMatrix, count_meetings, meeting_spans
from desktop.core.entities import PIPELINE_VERSION, extract_entities
from desktop.core.folding import fold
from desktop.core.model import Entity
from desktop.core.natural_sort import natural_key
from desktop.core.script import Script
from desktop.core.store import Store

log = logging.getLogger(__name__)

# The kinds of entity that "who meets whom" is about; dates and numbers are left out unless
# asked for.
DEFAULT_TYPES = ("PERSON", "PLACE", "ORG", "TITLE")
# How many entities a matrix shows by default: the most widespread (in most documents).
DEFAULT_TOP = 30

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Mention:
    """An entity found in a document: clean-text code points, end-exclusive."""

    document_id: int
    start: int
    end: int
    type: str
    text: str
    # The matrix's row: worked out once (a corpus has a few names in many mentions).
    name: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", entity_name(self.type, self.text))


@dataclass(frozen=True)
class CorpusMentions:
    mentions: list[Mention]
    analysed: int  # documents whose entities were found now (not cached)
    skipped: int  # documents left out: not cached, and ``cached_only``


@lru_cache(maxsize=65_536)
def entity_name(entity_type: str, text: str) -> str:
    """An entity as a row of the matrix: its text in one script, then its type."""
    return f"{fold(text)} ({entity_type})"


def corpus_mentions(
    store: Store,
    types: Sequence[str] = DEFAULT_TYPES,
    *,
    cached_only: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CorpusMentions:
    """The mentions of entities of ``types`` in every document, by document then position.
    Documents not analysed yet are analysed first (``progress(done, total)`` after each),
    unless ``cached_only``; ``cancelled()`` stops that early, and the documents not reached
    are left out."""
    waiting = store.documents_not_analysed(PIPELINE_VERSION)
    found_now: list[Mention] = []
    analysed = 0
    for done, document_id in enumerate([] if cached_only else waiting, start=1):
        if cancelled is not None and cancelled():
            break
        entities = _analyse(store, document_id)
        analysed += 1
        if store.read_only:  # not cached: kept here
            found_now += [_mention(document_id, e) for e in entities if e.type in types]
        if progress is not None:
            progress(done, len(waiting))
    cached = [
        Mention(row.document_id, row.start, row.end, row.type, row.text)
        for row in store.cached_entities(list(types), PIPELINE_VERSION)
    ]
    mentions = sorted([*cached, *found_now], key=lambda m: (m.document_id, m.start, m.end))
    return CorpusMentions(mentions, analysed, len(waiting) - analysed)


def _mention(document_id: int, entity: Entity) -> Mention:
    return Mention(document_id, entity.start, entity.end, entity.type, entity.text)


def _analyse(store: Store, document_id: int) -> list[Entity]:
    """A document's entities found now, cached, and read back with the user's corrections
    (a read-only project: as found, the corrections applied to them by hand)."""
    document = store.document(document_id)
    entities = extract_entities(document.clean_text, Script(document.script))
    if not store.read_only:
        store.replace_pipeline_entities(document_id, entities, PIPELINE_VERSION)
        return store.entities(document_id)
    removed = {
        (c.entity.type, c.entity.start, c.entity.end)
        for c in store.entity_corrections(document_id)
        if c.action == "remove"
    }
    added = [c.entity for c in store.entity_corrections(document_id) if c.action == "add"]
    return [e for e in entities if (e.type, e.start, e.end) not in removed] + added


def most_widespread(mentions: Iterable[Mention], top: int | None) -> list[Mention]:
    """The mentions of the ``top`` entities found in the most documents (ties in natural
    order); every mention when ``top`` is None or 0."""
    found = list(mentions)
    if not top:
        return found
    documents = Counter(name for name, _doc in {(m.name, m.document_id) for m in found})
    ranked = sorted(documents, key=lambda name: (-documents[name], natural_key(name)))
    kept = set(ranked[:top])
    return [m for m in found if m.name in kept]


def entity_cooccurrence(
    mentions: Iterable[Mention],
    *,
    within: int | None = None,
    count: str = "documents",
    top: int | None = DEFAULT_TOP,
) -> CoMatrix:
    """Count entities meeting: in one document (``within`` None), or mentioned at most
    ``within`` characters apart; ``count`` documents or pairs of mentions; the ``top``
    entities by documents only."""
    return count_meetings(most_widespread(mentions, top), _mention_name, within=within, count=count)


def meeting_mentions(
    mentions: Iterable[Mention], first: str, second: str, *, within: int | None = None
) -> list[Mention]:
    """The mentions behind a cell: those of ``first`` and ``second`` that meet."""
    return meeting_spans(mentions, _mention_name, first, second, within=within)


def _mention_name(mention: Mention) -> str:
    return mention.name
