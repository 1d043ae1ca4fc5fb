"""What the window keeps that it never uses, and letting it go (issue 13, memory).

PySide6 installs an import hook (shibokensupport's ``feature_imported``) that reads the source
of every module imported after it, to see whether the module names PySide6. It reads through
``inspect.getsource``, and so through ``linecache``, which keeps every line: 10 MiB of Python
strings for the window's modules, never read again. A traceback that needs a line reads its
file again, so dropping the cache loses nothing.

glibc's malloc keeps the pages a burst of work freed (finding a long document's entities frees
tens of MiB, spread over the heap and the pool threads' arenas) and gives them back only when
asked: ``malloc_trim`` (1-2 ms) after such work returns 24 MiB after a 300,000-character
document. Other C libraries (musl, macOS, Windows) have no such call, and nothing is done there.

Python's cycle collector, run by whichever thread allocates, walks every tracked object of a
generation while holding the GIL: a worker thread making the tags of a large project (80,000
segments, their dicts and sets) set off full collections of a quarter second each, and the
window froze meanwhile. ``collector_quiet`` keeps it off during such work and then puts what
was made into the oldest generation, walked at the next full collection only (``core.
collector``). Nothing is left frozen: a frozen object is never collected, and each closed
counts window stayed with all it read.
"""

from __future__ import annotations

import ctypes
import linecache
import logging
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import cache

from desktop.core.collector import collector_paused

log = logging.getLogger(__name__)


def forget_source_lines() -> None:
    """Drop the source lines read while the window's modules were imported."""
    linecache.clearcache()


def release_freed_memory() -> bool:
    """Give the C heap's free pages back to the system; False where the C library cannot."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        log.debug("no malloc_trim in this C library: freed heap pages stay with the process")
        return None
    return trim


def collector_quiet() -> AbstractContextManager[None]:
    """The cyclic collector off while a worker thread makes a great many objects, none in a
    cycle (a project's tags, counts of them); back on as found when the last such job ends."""
    return collector_paused()
