"""Where Jiyao keeps its files. Qt-free, so the command line finds the same places as the window."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from desktop import APP_NAME

DB_ENVIRONMENT_VARIABLE = "JIYAO_DB"
DEFAULT_DB_NAME = "default.jiyao"


def data_dir() -> Path:
    # appauthor=False: no vendor folder on Windows either (%LOCALAPPDATA%\Jiyao).
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--db`` wins, then the JIYAO_DB variable, then the user's data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return data_dir() / DEFAULT_DB_NAME
