"""sqlite_utils imported without numpy and pandas (issue 22): imported first by the store package.

sqlite_utils imports numpy and pandas when they are installed, only to map their number types
to column types: 0.2-0.3 s of every command's start where numpy is installed (a test tool
brings it). Jiyao stores no numpy or pandas values, so sqlite_utils is shown them missing while
it loads; nothing else is touched: a later ``import numpy`` anywhere works as usual.
"""

from __future__ import annotations

import sys

_HIDDEN = ("numpy", "pandas")


def _import_without_hidden_modules() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # None: "import name" fails
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, "") is None:
                del sys.modules[name]


_import_without_hidden_modules()
