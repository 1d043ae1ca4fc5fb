"""Where the shipped data lives: resources/ and seeds/.

From a source checkout (or an editable install) they sit beside the package; in a wheel they are
installed as desktop/resources and desktop/seeds; in a PyInstaller bundle they sit under
sys._MEIPASS. One function each, so nothing else needs to know.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def _locate(name: str) -> Path:
    candidates = [_PACKAGE / name, _PACKAGE.parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Jiyao's {name}/ folder is missing (looked in {candidates})")


@cache
def resources_dir() -> Path:
    return _locate("resources")


@cache
def seeds_dir() -> Path:
    return _locate("seeds")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def read_data_lines(*parts: str) -> list[str]:
    """Lines of a plain-text resource, without blank lines and ``#`` comments."""
    text = resource_path(*parts).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
