"""Which documents an export takes (issue 21): ids and ranges read strictly, each document
once, and a range never costs more than the project holds."""

from __future__ import annotations

import tracemalloc

import pytest

from desktop.core.exports.formats import export_project
from desktop.core.exports.selection import (
    ExportOptions,
    document_ids_in,
    parse_document_ranges,
    selected_document_ids,
)
from desktop.core.store import Store


def test_ids_and_ranges_are_read_as_written() -> None:
    assert parse_document_ranges(["3", "5-9", "1,2", " 4 - 4 "]) == [
        (3, 3), (5, 9), (1, 1), (2, 2), (4, 4),
    ]  # fmt: skip


@pytest.mark.parametrize("bad", ["5-2", "3-2", "3-", "-3", "1-2-3", "x", "", "1,,2", "2.5"])
def test_anything_else_is_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(ValueError, match="reversed" if bad in ("5-2", "3-2") else "not '"):
        parse_document_ranges([bad])


@pytest.mark.parametrize("bad", ["9" * 5000, "1-" + "9" * 5000])
def test_an_id_of_thousands_of_digits_is_refused_in_a_short_sentence(bad: str) -> None:
    """Python's own refusal (``sys.set_int_max_str_digits``) is no advice for a user, and
    the whole id in the message would be a 5000-character line."""
    with pytest.raises(ValueError) as refused:
        parse_document_ranges([bad])
    message = str(refused.value)
    assert message.startswith("document ids are like 3, 5-9 or 1,2, not '")
    assert "set_int_max_str_digits" not in message
    assert len(message) < 120


def test_a_reversed_range_is_not_dropped_beside_a_good_id() -> None:
    with pytest.raises(ValueError, match="3-2 is reversed: write 2-3"):
        parse_document_ranges(["3-2", "5"])


def test_each_document_is_taken_once(sample_store: Store) -> None:
    ids = sample_store.document_ids()
    first = ids[0]
    assert document_ids_in(sample_store, [(first, first)] * 3) == (first,)
    assert document_ids_in(sample_store, [(ids[2], ids[2]), (ids[0], ids[2])]) == (
        ids[2], ids[0], ids[1],
    )  # fmt: skip
    options = ExportOptions(document_ids=(first, first, first))
    assert selected_document_ids(sample_store, options) == [first]
    result = export_project(sample_store, "jsonl", sample_store.path.with_name("x.jsonl"), options)
    assert result.documents == 1
    lines = sample_store.path.with_name("x.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1


def test_a_huge_range_is_clamped_to_the_project(sample_store: Store) -> None:
    tracemalloc.start()
    try:
        ids = document_ids_in(sample_store, [(1, 30_000_000)])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ids == tuple(sample_store.document_ids())
    assert peak < 10_000_000  # a materialised range of 30 M ints takes over a gigabyte


def test_ids_that_name_no_document_are_refused(sample_store: Store) -> None:
    last = sample_store.document_ids()[-1]
    with pytest.raises(ValueError, match=f"no document {last + 1} in this project"):
        document_ids_in(sample_store, [(last + 1, last + 1)])
    with pytest.raises(ValueError, match="no document of this project"):
        document_ids_in(sample_store, [(last + 1, last + 9)])
    assert document_ids_in(sample_store, []) == ()  # no ids given: every document


@pytest.mark.parametrize("format_name", ["jsonl", "qdpx", "csv"])
def test_choices_that_leave_no_document_write_nothing_over_an_earlier_export(
    sample_store: Store, format_name: str
) -> None:
    """--status done with no document done overwrote a user's .qdpx with an empty one and
    said "exported 0 tags" (found by a user)."""
    from desktop.core.exports.formats import NothingToExport
    from desktop.core.exports.selection import ExportOptions
    from desktop.core.model import Status

    for document_id in sample_store.document_ids():
        sample_store.set_status(document_id, Status.NEW)
    target = sample_store.path.with_name(f"set-{format_name}")
    earlier = export_project(sample_store, format_name, target).path
    before = {p: p.read_bytes() for p in earlier.parent.rglob("*") if p.is_file()}
    with pytest.raises(NothingToExport, match="nothing was written"):
        export_project(sample_store, format_name, target, ExportOptions(status=Status.DONE))
    after = {p: p.read_bytes() for p in earlier.parent.rglob("*") if p.is_file()}
    assert after == before
