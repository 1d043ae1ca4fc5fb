"""What the window lets go of, so it keeps less memory (issue 13: < 200 MiB with a
300,000-character document open; measured by tests/benchmarks/bench_window.py, not here)."""

from __future__ import annotations

import linecache
import platform

import pytest
from pytestqt.qtbot import QtBot

import desktop.ui.reading.reader as a_window_module
from desktop.core.entities import PIPELINE_VERSION
from desktop.core.store import Store
from desktop.ui.common import memory
from desktop.ui.common.settings import Settings
from desktop.ui.reading import document_analysis
from desktop.ui.shell.main_window import MainWindow


def test_the_window_drops_the_source_lines_read_while_importing(qtbot: QtBot, store: Store) -> None:
    """PySide6's import hook reads every later module's source through linecache."""
    source = a_window_module.__file__
    assert source is not None
    assert linecache.getlines(source)  # as the hook leaves it
    assert source in linecache.cache
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    assert source not in linecache.cache


def test_finding_a_documents_entities_gives_the_freed_heap_back(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the analysis is stored, not before: the storing frees what it built too."""
    versions_when_trimmed: list[int | None] = []

    def trim() -> bool:
        versions_when_trimmed.append(store.entities_version(first))
        return True

    monkeypatch.setattr(document_analysis, "release_freed_memory", trim)
    first = store.document_ids()[0]
    assert store.entities_version(first) != PIPELINE_VERSION  # found in the window
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.select_document(first)
    assert versions_when_trimmed == [PIPELINE_VERSION]


def test_freed_heap_is_given_back_only_where_the_c_library_can(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memory._malloc_trim.cache_clear()
    monkeypatch.setattr(memory.sys, "platform", "darwin")
    assert memory.release_freed_memory() is False
    memory._malloc_trim.cache_clear()
    monkeypatch.setattr(memory.sys, "platform", "linux")
    monkeypatch.setattr(memory.ctypes, "CDLL", lambda _name: object())  # musl: no malloc_trim
    assert memory.release_freed_memory() is False
    memory._malloc_trim.cache_clear()
    monkeypatch.undo()
    if platform.libc_ver()[0] == "glibc":
        assert memory.release_freed_memory() is True


def test_an_analysis_forgets_the_texts_remembered_for_the_documents_before(
    qtbot: QtBot, store: Store
) -> None:
    """The entities and the suggestions share one conversion of the text; a long document's
    is MiB, not to be kept once another is read, but kept while it is (the suggestions are
    found again on the GUI thread after an entity is corrected)."""
    from desktop.core.entities import matching_text
    from desktop.core.script import Script

    first, second = store.document_ids()[:2]
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    window.show()
    for document_id in (first, second):
        with qtbot.waitSignal(window.documentShown, timeout=30_000):
            window.select_document(document_id)
    before = matching_text.cache_info()
    assert before.currsize == 1
    shown = store.document(second)
    matching_text(shown.clean_text, Script(shown.script))
    assert matching_text.cache_info().hits == before.hits + 1


def test_long_documents_conversions_are_not_all_kept(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Going back and forth keeps the last few documents' conversions, but not so many
    characters of them that long documents pile up: the newest stays."""
    from desktop.ui.reading import reader as reader_module

    monkeypatch.setattr(reader_module, "KEPT_CONVERSION_CHARACTERS", 30)
    ids = _simplified_documents(
        store, ["会议要求，做好防疫。" * 2, "必须做好安全生产。" * 2, "短。"]
    )
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    window.show()
    kept = window.reader._conversions
    for document_id in ids:
        with qtbot.waitSignal(window.documentShown, timeout=30_000):
            window.select_document(document_id)
    assert [key[0] for key in kept] == ids[1:]  # 18 + 2 characters: the first no more
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.select_document(ids[0])
    assert [key[0] for key in kept] == [ids[2], ids[0]]  # 2 + 20
    monkeypatch.setattr(reader_module, "KEPT_CONVERSION_CHARACTERS", 5)
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.select_document(ids[1])
    assert [key[0] for key in kept] == [ids[1]]  # more than the bound alone: still kept


def test_suggestions_of_one_issuer_share_one_tip(qtbot: QtBot, store: Store) -> None:
    """Thousands of suggestions in a long readout have a few issuers and cues: one tip
    string each, not one a suggestion."""
    first = store.document_ids()[0]
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.documentShown, timeout=30_000):
        window.select_document(first)
    qtbot.waitUntil(lambda: bool(window.reader.suggestions), timeout=30_000)
    tips = [tip for _, _, tip in window.reader.suggestions]
    assert len(tips) > len(set(tips))  # some share an issuer
    assert len({id(tip) for tip in tips}) == len(set(tips))


def test_a_conversion_used_again_is_kept_longer(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.reading import reader as reader_module

    monkeypatch.setattr(reader_module, "KEPT_CONVERSION_CHARACTERS", 39)
    texts = [
        "会议要求，做好防疫。" * 2,
        "必须做好安全生产。" * 2,
        "短。",
    ]  # 20, 18 and 2 characters
    ids = _simplified_documents(store, texts)
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    window.show()
    for document_id in (ids[0], ids[1], ids[0], ids[2]):
        with qtbot.waitSignal(window.documentShown, timeout=30_000):
            window.select_document(document_id)
    assert [key[0] for key in window.reader._conversions] == [ids[0], ids[2]]


def _simplified_documents(store: Store, texts: list[str]) -> list[int]:
    from desktop.core.model import NewDocument

    ids = [
        store.add_document(NewDocument(f"第{n}", text, text, encoding="utf-8", script="simplified"))
        for n, text in enumerate(texts)
    ]
    assert None not in ids
    return [i for i in ids if i is not None]
