"""The corpus search's query language."""

from __future__ import annotations

import pytest

from desktop.core.search_query import (
    And,
    Near,
    Not,
    Or,
    QueryError,
    SearchRestriction,
    Term,
    parse_query,
    positive_terms,
)


def test_juxtaposition_is_and_and_or_binds_looser() -> None:
    assert parse_query("复工 复产 OR 口罩") == Or((And((Term("复工"), Term("复产"))), Term("口罩")))


def test_parentheses_not_and_explicit_and() -> None:
    assert parse_query("(复工 OR 复产) AND NOT 口罩") == And(
        (Or((Term("复工"), Term("复产"))), Not(Term("口罩")))
    )


def test_a_phrase_keeps_its_spaces_and_operators_as_text() -> None:
    assert parse_query('"复工 AND 复产"') == Term("复工 AND 复产")
    assert parse_query("“复工 复产”") == Term("复工 复产")


def test_near_with_and_without_a_distance() -> None:
    assert parse_query("复工 NEAR/3 复产") == Near(Term("复工"), Term("复产"), 3)
    assert parse_query("复工 NEAR 复产") == Near(Term("复工"), Term("复产"), 10)


def test_lower_case_operators_are_terms() -> None:
    assert parse_query("a or b") == And((Term("a"), Term("or"), Term("b")))


def test_full_width_parentheses_group() -> None:
    assert parse_query("（复工 OR 复产）口罩") == And(
        (Or((Term("复工"), Term("复产"))), Term("口罩"))
    )


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("", "empty"),
        ('"复工', "never closed"),
        ("(复工 OR 复产", "never closed"),
        ("复工 OR", "ends"),
        ("复工)", "unexpected"),
        ("(a b) NEAR/2 c", "joins two terms"),
        ('""', "empty quotes"),
    ],
)
def test_malformed_queries_say_why(query: str, reason: str) -> None:
    with pytest.raises(QueryError, match=reason):
        parse_query(query)


def test_the_terms_shown_are_those_not_negated() -> None:
    query = parse_query("复工 NOT 口罩 (疫苗 OR x NEAR y)")
    assert positive_terms(query) == [Term("复工"), Term("疫苗"), Term("x"), Term("y")]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("", ""),
        (" 2020 ", "2020"),
        ("2020-3", "2020-03"),
        ("2020/03/05", "2020-03-05"),
        ("2020.3.5", "2020-03-05"),
        ("2020年3月5日", "2020-03-05"),
        ("2020年3月", "2020-03"),
    ],
)
def test_a_date_bound_is_written_as_the_stored_dates_are(text: str, bound: str) -> None:
    restriction = SearchRestriction(date_from=text, date_to=text)
    assert (restriction.date_from, restriction.date_to) == (bound, bound)


@pytest.mark.parametrize("text", ["abc", "20", "2020-13", "2020-02-32", "2020-02-"])
def test_a_date_bound_that_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(QueryError):
        SearchRestriction(date_from=text)
