"""Folding to one script for search: one code point for one, idempotent."""

from __future__ import annotations

import opencc

from desktop.core.folding import fold, fold_table, index_grams


def test_traditional_folds_to_simplified_and_simplified_stays() -> None:
    assert fold("復工復產") == "复工复产"
    assert fold("复工复产") == "复工复产"


def test_latin_letters_fold_in_case_and_width() -> None:
    assert fold("ＣＯＶＩＤ-１９ WHO") == "covid-19 who"


def test_every_folding_is_one_code_point_for_one_and_idempotent() -> None:
    for key, value in fold_table().items():
        assert key != value
        assert fold(chr(value)) == chr(value), chr(key)


def test_folding_agrees_with_opencc_character_by_character() -> None:
    # OpenCC's own t2s, one character at a time: an independent path to the same table.
    t2s = opencc.OpenCC("t2s")
    sample = "國務院辦公廳關於做好復工復產與疫苗接種工作的通知𠀀"
    assert fold(sample) == "".join(t2s.convert(character) for character in sample)
    assert len(fold(sample)) == len(sample)


def test_index_grams_are_overlapping_pairs() -> None:
    assert index_grams("复工复产") == "复工 工复 复产 产  "
    assert index_grams("𠀀a") == "𠀀a a  "
    assert index_grams("") == ""
