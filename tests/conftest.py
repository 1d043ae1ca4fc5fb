"""Shared fixtures. Qt runs offscreen; every test gets its own data, config and cache folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# What modules derive and cache as they are imported, while the tests are collected (before
# any fixture): not in the real user's folders either.
_COLLECTION_HOME = Path(tempfile.mkdtemp(prefix="jiyao-tests-home-"))
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(_COLLECTION_HOME / _variable.lower())

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TRADITIONAL_SEED = SEEDS / "000_9068b13d1ddf9a92.txt"
SIMPLIFIED_SEED = SEEDS / "003_81982325587c9960.txt"


@pytest.fixture(autouse=True)
def private_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Nothing a test does may touch the real user's folders."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("JIYAO_DB", raising=False)
    # Qt works out the settings folder once per process, not from XDG_CONFIG_HOME each time.
    from PySide6.QtCore import QSettings

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "xdg_config_home")
    )
    return home


def pytest_report_header() -> str:
    """Which text engines this run tests: ./run.sh test runs the suite on both (issue 22)."""
    from desktop.core.engines import engine_names

    return "text engines: " + ", ".join(f"{k} {v}" for k, v in engine_names().items())


def pytest_sessionfinish() -> None:
    shutil.rmtree(_COLLECTION_HOME, ignore_errors=True)
