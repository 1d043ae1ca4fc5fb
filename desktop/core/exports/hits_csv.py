"""A corpus search's hits as CSV, every one of them streamed from the store (the window lists
only the first few thousand, issue 17): written row by row beside the target and renamed onto
it when complete, so a failed or cancelled export leaves no file behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.core.exports.output import atomic_text_file
from desktop.core.search import HIT_COLUMNS, Search, TextSource, hit_row, iter_hits
from desktop.core.search_query import EVERYWHERE, SearchRestriction
from desktop.core.spreadsheet import SafeCsvWriter

# Hits written between two progress reports and two looks at whether to stop.
REPORT_EVERY = 1000


class ExportCancelled(Exception):
    """The export was asked to stop; nothing was written under the target's name."""


def write_hits_csv(
    source: TextSource,
    search: Search,
    path: Path,
    restriction: SearchRestriction = EVERYWHERE,
    *,
    cancelled: Callable[[], bool] = lambda: False,
    progress: Callable[[int], None] = lambda _written: None,
) -> int:
    """Write every hit of ``search`` to ``path`` (UTF-8 with a BOM, for spreadsheets), in
    document order, one row at a time; ``progress(hits written)`` now and then. Returns the
    hits written; raises :class:`ExportCancelled` when ``cancelled()`` turns true (and
    ``OSError`` when the file cannot be written), leaving ``path`` as it was."""
    written = 0
    with atomic_text_file(path, encoding="utf-8-sig") as file:
        writer = SafeCsvWriter(file)
        writer.writerow(HIT_COLUMNS)
        for hit in iter_hits(source, search, restriction, cancelled=cancelled):
            writer.writerow(hit_row(hit))
            written += 1
            if written % REPORT_EVERY == 0:
                if cancelled():
                    raise ExportCancelled
                progress(written)
        if cancelled():  # iter_hits stops quietly when asked: the file would be cut short
            raise ExportCancelled
    progress(written)
    return written
