"""Fixtures the window tests share: a project of the seed documents and the main window on it.

A test module that needs more in the project overrides `store`, e.g. with `tagged_store`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_seeds
from desktop.core.labels import topics_scheme
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.shell.i18n import install_language
from desktop.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def english(qapp: object) -> None:
    """The window speaks English with its plural forms ("1 tag", "2 documents"), as the app
    does once it has installed the language (tests that switch it put English back)."""
    install_language("en")


@pytest.fixture
def seeded_store(tmp_path: Path) -> Iterator[Store]:
    """A project of the seed documents, closed after the test."""
    with Store(tmp_path / "ui.jiyao") as opened:
        import_seeds(opened)
        yield opened


@pytest.fixture
def tagged_store(seeded_store: Store) -> Store:
    """The seeds with the default labels and one tag (Labour, with a note) on the first one."""
    seeded_store.install_scheme(topics_scheme())
    first = seeded_store.document_ids()[0]
    labour = next(label for label in seeded_store.labels() if label.name == "Labour")
    seeded_store.add_annotation(first, labour.id, 0, 6, note="备注", annotator="甲")
    return seeded_store


@pytest.fixture
def store(seeded_store: Store) -> Store:
    """The project `window` shows: the seeds, unless a test module overrides this fixture."""
    return seeded_store


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    shown = MainWindow(store, Settings())
    qtbot.addWidget(shown)
    shown.show()
    return shown
