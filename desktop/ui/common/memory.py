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
"""

from __future__ import annotations

import ctypes
import linecache
import logging
import sys
from collections.abc import Callable
from functools import cache

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
