"""File > Import analysis results: a folder ``jiyao analyze --out`` wrote is loaded with its
entities, not read as files, and the search index is built afterwards when the load deferred
it (issue 17)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from distributed import Client, LocalCluster

from desktop.core import batch
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import TRADITIONAL_SEED

TIMEOUT_MS = 60_000
SHORT = "李淼同志要求，3月底前完成复工复产。\n"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Results of two files: one new document, and a seed the window's project holds."""
    corpus = tmp_path_factory.mktemp("in")
    (corpus / "short.txt").write_text(SHORT, encoding="utf-8")
    shutil.copy(TRADITIONAL_SEED, corpus / "seed.txt")
    out = tmp_path_factory.mktemp("results") / "out"
    with (
        LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        batch.run_batch(client, [corpus], out)
    return out


@pytest.fixture
def chosen_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """What the folder dialog answers."""
    answer: list[Path] = []
    monkeypatch.setattr(
        "desktop.ui.exchange.import_export.QFileDialog.getExistingDirectory",
        lambda *_args: str(answer[0]) if answer else "",
    )
    yield answer


def test_analysis_results_load_with_their_entities_and_get_indexed(
    qtbot: QtBot, window: MainWindow, results: Path, chosen_folder: list[Path]
) -> None:
    chosen_folder.append(results)
    before = window.store.document_count()
    with qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS) as finished:
        window.import_export.import_analysis_results()
    report = finished.args[0]
    assert not report.imported and not report.refused, "loaded, not read as files"
    assert [(loaded.imported, loaded.duplicates) for loaded in report.analysed] == [(1, 1)]
    assert window.store.document_count() == before + 1
    new = max(window.store.document_ids())
    assert window.store.document(new).clean_text == SHORT
    assert {e.text for e in window.store.entities(new)} >= {"李淼"}
    # A load as large as the project leaves the index to be built afterwards: it is.
    qtbot.waitUntil(window.store.search_index_current, timeout=TIMEOUT_MS)


def test_a_folder_without_results_is_refused_before_anything_starts(
    window: MainWindow, tmp_path: Path, chosen_folder: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({}), encoding="utf-8")  # no shards
    chosen_folder.append(tmp_path)
    told: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.exchange.import_export.tell",
        lambda _parent, _title, message, _icon: told.append(message),
    )
    window.import_export.import_analysis_results()
    assert not window.importer.is_running()
    assert len(told) == 1 and "--out" in told[0]
