"""A query in either script finds both."""

from desktop.core.search import script_variants


def test_a_simplified_query_has_its_traditional_forms() -> None:
    assert script_variants("复工") == ["复工", "復工"]


def test_a_traditional_query_has_its_simplified_form_first_after_itself() -> None:
    assert script_variants("復工")[:2] == ["復工", "复工"]


def test_a_query_without_han_characters_is_itself() -> None:
    assert script_variants("WHO") == ["WHO"]
