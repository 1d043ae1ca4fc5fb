"""What the window keeps that it never uses, and letting it go (issue 13, memory).

PySide6 installs an import hook (shibokensupport's ``feature_imported``) that reads the source
of every module imported after it, to see whether the module names PySide6. It reads through
``inspect.getsource``, and so through ``linecache``, which keeps every line: 10 MiB of Python
strings for the window's modules, never read again. A traceback that needs a line reads its
file again, so dropping the cache loses nothing.
"""

from __future__ import annotations

import linecache


def forget_source_lines() -> None:
    """Drop the source lines read while the window's modules were imported."""
    linecache.clearcache()
