"""What the disagreement review needs of the reading panes: a narrow door to the reader, so
the team package depends on what it uses, not on the reading package."""

from __future__ import annotations

from typing import Protocol

from desktop.core.adjudication import Place, Review


class ReviewView(Protocol):
    """Where a review's coders show as layers (reading.reader.ReaderView is the one there is)."""

    def show_review(self, review: Review | None, current: Place | None = None) -> None:
        """Show ``review``'s coders' tags as one layer each, in whichever of its documents is
        shown, ``current`` marked; None: the tags as usual again."""
        ...
