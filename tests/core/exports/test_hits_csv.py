"""Every hit of a search as CSV, streamed from the store; a cancelled or failed export leaves
no file (issue 17)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.core.exports.hits_csv import ExportCancelled, write_hits_csv
from desktop.core.model import NewDocument
from desktop.core.search import HIT_COLUMNS, Search, hit_row, iter_hits
from desktop.core.store import Store


def corpus(tmp_path: Path) -> Store:
    store = Store(tmp_path / "p.jiyao")
    texts = ["复工，" * n + "=复产" for n in range(1, 30)]
    store.add_documents(
        [
            NewDocument(
                title=f"第{n}号", raw_text=t, clean_text=t, encoding="utf-8", script="simplified"
            )
            for n, t in enumerate(texts)
        ]
    )
    return store


def test_every_hit_is_written_in_document_order(tmp_path: Path) -> None:
    store = corpus(tmp_path)
    path = tmp_path / "out" / "hits.csv"
    reported: list[int] = []
    search = Search("复工 OR 复产")
    written = write_hits_csv(store, search, path, progress=reported.append)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    hits = list(iter_hits(store, search))
    assert written == len(hits) == sum(range(1, 30)) + 29
    assert rows[0] == list(HIT_COLUMNS)
    # Cells starting with = are made safe for spreadsheets, as every CSV Jiyao writes.
    assert [row[:4] for row in rows[1:]] == [[str(c) for c in hit_row(h)[:4]] for h in hits]
    assert reported[-1] == written
    assert sorted(p.name for p in path.parent.iterdir()) == ["hits.csv"]
    store.close()


def test_a_cancelled_export_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    store = corpus(tmp_path)
    path = tmp_path / "hits.csv"
    path.write_text("earlier", encoding="utf-8")
    calls = iter(range(10**6))
    with pytest.raises(ExportCancelled):
        write_hits_csv(store, Search("复工"), path, cancelled=lambda: next(calls) > 0)
    assert path.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("hits")] == ["hits.csv"]
    store.close()
