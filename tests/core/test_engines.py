"""The text engines: native where they import, the pure-Python reference otherwise (issue 22).

The whole suite runs twice in CI (./run.sh test): on the native engines, then with
JIYAO_PURE_PYTHON=1. These tests check the choosing itself and that both engines answer alike.
"""

from __future__ import annotations

import importlib.util
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core import engines
from desktop.core.engines import PURE_PYTHON_VARIABLE, pure_python_forced

NATIVE = not pure_python_forced() and all(
    importlib.util.find_spec(name) is not None for name in ("rjieba", "opencc_pyo3")
)
needs_native = pytest.mark.skipif(not NATIVE, reason="the native engines are not in use")


@pytest.fixture
def fresh_choice() -> Iterator[None]:
    """Choose the engines again in this test, and again after it as the suite had them."""
    engines._native_module.cache_clear()
    yield
    engines._native_module.cache_clear()


@pytest.mark.parametrize(
    ("value", "forced"),
    [("1", True), ("true", True), ("YES", True), ("0", False), ("", False), ("no", False)],
)
def test_the_variable_forces_the_pure_python_engines(
    monkeypatch: pytest.MonkeyPatch, value: str, forced: bool
) -> None:
    monkeypatch.setenv(PURE_PYTHON_VARIABLE, value)
    assert pure_python_forced() is forced


def test_forced_pure_python_uses_jieba_and_the_reimplemented_opencc(
    monkeypatch: pytest.MonkeyPatch, fresh_choice: None, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(PURE_PYTHON_VARIABLE, "1")
    with caplog.at_level(logging.INFO, logger="desktop.core.engines"):
        tagger = engines.new_tagger()
        converter = engines.opencc_converter("s2tw")
        engines.opencc_converter("t2s")
    assert tagger.name.startswith("jieba ")
    assert type(converter).__module__.startswith("opencc")
    assert converter.convert("桥梁") == "橋樑"  # the reference's older dictionary
    said = [r.getMessage() for r in caplog.records]
    assert sum("using jieba" in m for m in said) == 1, said
    assert sum("using opencc-python-reimplemented" in m for m in said) == 1, said


def test_a_native_wheel_that_cannot_import_falls_back_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch, fresh_choice: None, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv(PURE_PYTHON_VARIABLE, raising=False)
    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba raises ImportError
    monkeypatch.setitem(sys.modules, "opencc_pyo3", None)
    with caplog.at_level(logging.WARNING, logger="desktop.core.engines"):
        tagger = engines.new_tagger()
        engines.new_tagger()
        converted = engines.opencc_converter("t2s").convert("會議強調")
        engines.opencc_converter("s2tw")
    assert tagger.name.startswith("jieba ")
    assert converted == "会议强调"
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 2, warnings
    assert "rjieba is not available" in warnings[0]
    assert "opencc_pyo3 is not available" in warnings[1]
    assert engines.engine_names()["tagging"].startswith("jieba ")


@needs_native
def test_the_native_engines_are_the_default(fresh_choice: None) -> None:
    assert engines.new_tagger().name.startswith("rjieba ")
    assert engines.engine_names()["conversion"].startswith("opencc-pyo3 ")
    assert engines.opencc_converter("s2tw").convert("桥梁") == "橋梁"  # official dictionaries


SAMPLE = "市委书记张爱军主持会议并讲话，强调要严格把关。\n2020年2月10日下午，市场监管局召开会议。"
LOOKUPS = ["经济", "严格", "市场", "认真", "县城", "指挥部", "张爱军", "的", "中华人民共和国"]


@needs_native
def test_both_taggers_cover_the_text_and_answer_the_same_look_ups() -> None:
    native = engines._NativeTagger(engines._native_module("rjieba", "jieba"))  # type: ignore[arg-type]
    reference = engines._JiebaTagger()
    for tagger in (native, reference):
        assert "".join(word for word, _tag in tagger.tag(SAMPLE)) == SAMPLE
    for word in LOOKUPS:
        assert native.frequency(word) == reference.frequency(word), word
        assert native.word_tag(word) == reference.word_tag(word), word
    assert native.frequency("经济") >= 1000
    assert native.frequency("的") == 0  # one character: no rule asks


def test_user_words_reach_the_engine_and_its_look_ups() -> None:
    from desktop.core.entities import _tagger

    tagger = _tagger()
    assert ("静海区", "ns") in tagger.tag("天津市静海区召开会议")  # places.txt; jieba: 静/海区
    assert ("施策", "n") in tagger.tag("精准施策")  # not_entities.txt; jieba tags it nr
    assert tagger.word_tag("施策") == "n"
    assert tagger.frequency("施策") == 2000


@needs_native
def test_the_fast_path_loads_no_pure_python_engine() -> None:
    code = (
        "import sys\n"
        "from desktop.core.analysis import analyze_text\n"
        "from desktop.core.textio import DecodedText\n"
        "analyze_text(DecodedText('市長張愛軍主持會議。', 'utf-8'), path='x')\n"
        "print(sorted(m for m in ('jieba', 'jieba.posseg') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout


@needs_native
def test_the_look_up_table_is_the_native_engines_own_dictionary() -> None:
    rjieba = engines._native_module("rjieba", "jieba")
    assert rjieba is not None
    words = engines._frequent_dictionary_words()
    assert len(words) > 20_000
    assert all(rjieba.has_word(word) for word in words)


MIXED_SAMPLE = "會議強調，要严格把关。网络安全和軟體開發，桥梁与台湾的資訊。"


@needs_native
def test_every_configuration_shares_one_native_engine(fresh_choice: None) -> None:
    """opencc-pyo3 loads its whole dictionary set per instance (issue 13, memory): the
    configurations share one and answer as an instance of their own would."""
    module = engines._native_module("opencc_pyo3", "opencc-python-reimplemented")
    assert module is not None
    configs = ("s2tw", "t2s", "s2t", "s2twp", "tw2sp", "s2hk", "t2hk")
    converters = [engines.opencc_converter(config) for config in configs]
    assert len({id(c.engine) for c in converters}) == 1  # type: ignore[attr-defined]
    for config, converter in zip(configs, converters, strict=True):
        own = module.OpenCC(config).convert(MIXED_SAMPLE, False)
        assert converter.convert(MIXED_SAMPLE) == own, config
    assert converters[0].convert(MIXED_SAMPLE) == module.OpenCC("s2tw").convert(
        MIXED_SAMPLE, False
    )  # switched back after the others


@needs_native
def test_the_shared_engine_keeps_each_threads_configuration(fresh_choice: None) -> None:
    """The window converts on the GUI thread and on the pool at once, in two configurations."""
    to_traditional = engines.opencc_converter("s2tw")
    to_simplified = engines.opencc_converter("t2s")
    expected = (to_traditional.convert(MIXED_SAMPLE), to_simplified.convert(MIXED_SAMPLE))
    wrong: list[str] = []

    def convert_many(converter: engines.TextConverter, want: str) -> None:
        for _ in range(300):
            if (got := converter.convert(MIXED_SAMPLE)) != want:
                wrong.append(got)

    threads = [
        threading.Thread(target=convert_many, args=(to_traditional, expected[0])),
        threading.Thread(target=convert_many, args=(to_simplified, expected[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert expected[0] != expected[1]
    assert wrong == []


def test_an_unknown_configuration_is_refused() -> None:
    with pytest.raises(Exception, match="xx2yy"):
        engines.opencc_converter("xx2yy")


def test_the_dictionary_words_are_read_once_then_from_the_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 22: reading dict.txt was half the native tagger's start."""
    from desktop.core.paths import cache_dir

    read: list[object] = []
    real_read = engines._read_dictionary_words
    monkeypatch.setattr(
        engines, "_read_dictionary_words", lambda source: read.append(source) or real_read(source)
    )
    first = engines._frequent_dictionary_words()
    assert len(read) == 1 and list(cache_dir().glob("dictionary-words-*.marshal"))
    again = engines._frequent_dictionary_words()
    assert len(read) == 1 and again == first


def test_a_damaged_or_stale_cache_is_read_no_more(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop.core.paths import cache_dir

    first = engines._frequent_dictionary_words()
    [cached] = cache_dir().glob("dictionary-words-*.marshal")
    cached.write_bytes(b"\x00not marshal")
    assert engines._frequent_dictionary_words() == first  # read again, and cached again
    assert engines._read_words_cache(cached) == first
    # Another dictionary (an upgraded jieba): its own cache, never the old one's words.
    other = tmp_path / "dict.txt"
    other.write_text("会商会 500 n\n复工复产 900 v\n", encoding="utf-8")
    monkeypatch.setattr(engines, "jieba_dictionary_path", lambda: other)
    assert engines._frequent_dictionary_words() == {"会商会": (500, "n"), "复工复产": (900, "v")}


def test_a_cache_that_cannot_be_written_is_done_without(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setattr("desktop.core.paths.cache_dir", lambda: blocked)
    assert engines._frequent_dictionary_words()
