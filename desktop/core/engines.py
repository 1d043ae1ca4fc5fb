"""The text engines: part-of-speech tagging (jieba) and OpenCC conversion, native where possible.

The native engines are ``rjieba`` (jieba-rs: the same dictionary and tag set as jieba, 45x
faster) and ``opencc-pyo3`` (OpenCC in Rust, the official dictionaries, 75x faster). The card's
pure-Python packages, ``jieba`` and ``opencc-python-reimplemented``, stay as the fallback and the
reference: they are used where a native wheel does not install (said once in the log) and
everywhere when the environment variable ``JIYAO_PURE_PYTHON=1`` is set (CI runs the whole
suite once more that way, so both paths stay correct).

``tagger()`` and ``opencc_converter()`` are the only places that choose; the entity pipeline and
the conversion module talk to what they return.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import marshal
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol, TypeVar

from desktop.core.word_table import WordTable

log = logging.getLogger(__name__)

PURE_PYTHON_VARIABLE = "JIYAO_PURE_PYTHON"

# The dictionary look-ups the entity rules make: words of 2-4 characters whose frequency is at
# least this (they ask "is it frequent", never "how rare"). The native tagger keeps only these
# in Python, so its start costs 0.06 s, not the 0.3 s of reading all 350,000 words.
LOOKUP_MIN_FREQUENCY = 100
LOOKUP_LENGTHS = (2, 4)


def pure_python_forced() -> bool:
    """True when ``JIYAO_PURE_PYTHON`` asks for the pure-Python engines (1, true, yes)."""
    return os.environ.get(PURE_PYTHON_VARIABLE, "").strip().lower() in ("1", "true", "yes", "on")


@cache
def _native_module(name: str, fallback: str) -> ModuleType | None:
    """The native module ``name``, or None (said once) when forced off or not importable."""
    if pure_python_forced():
        log.info("%s=1: using %s, not %s", PURE_PYTHON_VARIABLE, fallback, name)
        return None
    try:
        module = importlib.import_module(name)
    except ImportError as error:  # no wheel for this platform, or a broken one
        log.warning(
            "%s is not available (%s); using %s (slower, same results)", name, error, fallback
        )
        return None
    log.debug("using %s (native), not %s", name, fallback)
    return module


def _version(distribution: str) -> str:
    import importlib.metadata  # here: a plain import never loads it (tests/test_cli_import.py)

    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:  # a frozen bundle may lack the metadata
        return "?"


# Tagging ---------------------------------------------------------------------------------


class Tagger(Protocol):
    """Words and part-of-speech tags of Simplified text, with the dictionary beside them."""

    @property
    def name(self) -> str:
        """The engine and its version, for the log (read only when logged: importlib.metadata
        costs 30 ms of a short command's start)."""

    def add_word(self, word: str, frequency: int, tag: str) -> None:
        """Add a user word: the engine cuts it whole and tags it ``tag``."""

    def tag(self, text: str) -> list[tuple[str, str]]:
        """``text`` as (word, tag) pairs whose words join back into ``text``."""

    def frequency(self, word: str) -> int:
        """The dictionary frequency of ``word``; 0 when unknown, rarer than
        LOOKUP_MIN_FREQUENCY or of a length outside LOOKUP_LENGTHS (both engines alike)."""

    def word_tag(self, word: str) -> str | None:
        """The dictionary tag of ``word`` where frequency() knows it, else None."""


class _JiebaTagger:
    """jieba.posseg on a private tokenizer, its cache in the user cache folder, not /tmp."""

    def __init__(self) -> None:
        import jieba
        import jieba.posseg

        from desktop.core.paths import cache_dir

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        folder = cache_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(folder)
        except OSError:
            log.warning("cannot use %s for jieba's cache; it will rebuild each start", folder)
        # A POSTokenizer with a copy of the word-tag table jieba.posseg loaded on import: its own
        # constructor reads the 350,000-line table again (0.35 s). A copy, so our tags (places
        # as ns) never leak into the global jieba.posseg.
        posseg: Any = object.__new__(jieba.posseg.POSTokenizer)
        posseg.tokenizer = tokenizer
        posseg.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
        self._posseg = posseg

    @property
    def name(self) -> str:
        return f"jieba {_version('jieba')} (pure Python)"

    def add_word(self, word: str, frequency: int, tag: str) -> None:
        self._posseg.tokenizer.add_word(word, frequency, tag)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._posseg.cut(text, HMM=True)]

    def frequency(self, word: str) -> int:
        tokenizer = self._posseg.tokenizer
        tokenizer.check_initialized()
        frequency: int = tokenizer.FREQ.get(word, 0)
        return frequency if _looked_up(word, frequency) else 0

    def word_tag(self, word: str) -> str | None:
        if not self.frequency(word):
            return None
        # posseg moves the user words' tags into its table on its first cut; look there too.
        tokenizer = self._posseg.tokenizer
        tag: str | None = tokenizer.user_word_tag_tab.get(word) or self._posseg.word_tag_tab.get(
            word
        )
        return tag


class _NativeTagger:
    """rjieba's process-wide instance (built on import; a second one would load the dictionary
    again) and, for the rules' look-ups, the frequent words of the same dictionary file."""

    def __init__(self, rjieba: ModuleType) -> None:
        self._rjieba = rjieba
        self._words = _frequent_dictionary_words()
        self._added: dict[str, _Entry] = {}  # user words: a few hundred, over the table

    @property
    def name(self) -> str:
        return f"rjieba {_version('rjieba')} (jieba-rs, native)"

    def add_word(self, word: str, frequency: int, tag: str) -> None:
        self._rjieba.add_word(word, frequency, tag)
        if _looked_up(word, frequency):
            self._added[word] = (frequency, tag)

    def tag(self, text: str) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = self._rjieba.tag(text, True)
        return pairs

    def frequency(self, word: str) -> int:
        entry = self._entry(word)
        return entry[0] if entry is not None else 0

    def word_tag(self, word: str) -> str | None:
        entry = self._entry(word)
        return entry[1] if entry is not None else None

    def _entry(self, word: str) -> _Entry | None:
        return self._added.get(word) or self._words.get_entry(word)


def _looked_up(word: str, frequency: int) -> bool:
    """Whether the rules' look-ups see ``word`` (the same answer on both engines)."""
    shortest, longest = LOOKUP_LENGTHS
    return shortest <= len(word) <= longest and frequency >= LOOKUP_MIN_FREQUENCY


_Entry = tuple[int, str]  # a word's frequency and tag


def jieba_dictionary_path() -> Path:
    """jieba's dict.txt, found without importing jieba (jieba-rs embeds the same file)."""
    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed: it holds the dictionary the rules look up")
    return Path(spec.origin).parent / "dict.txt"


def _frequent_dictionary_words() -> WordTable:
    """The look-ups' words of jieba's dictionary: from the cache of an earlier reading of the
    same file when there is one (a tenth of the time: reading dict.txt was half the native
    tagger's start, which every analysing process pays, issue 22), else read and cached."""
    source = jieba_dictionary_path()
    cache = _words_cache_path(source)
    words = _read_words_cache(cache)
    if words is None:
        words = _read_dictionary_words(source)
        _write_cache(cache, words.to_bytes())
    return words


# Bumped when what is cached changes: an older cache is then read no more.
_CACHE_FORMAT = 1

_Derived = TypeVar("_Derived")


def derived_from_files(
    kind: str,
    sources: Sequence[Path],
    parameters: str,
    derive: Callable[[], _Derived],
    valid: Callable[[object], bool],
) -> _Derived:
    """What ``derive`` makes of the files ``sources``, from the cache of an earlier run on the
    same files when there is one (``valid`` says whether what was read is whole), else made
    and cached. ``parameters`` names whatever else the result depends on. For the engines'
    start: what every analysing process would read again of the same dictionary files."""
    cache = _cache_path(kind, sources, parameters)
    cached = _read_cache(cache)
    if cached is not None and valid(cached):
        return cached  # type: ignore[return-value]  # valid() said it is what derive makes
    derived = derive()
    _write_cache(cache, derived)
    return derived


def _cache_path(kind: str, sources: Sequence[Path], parameters: str) -> Path | None:
    """Where what is derived from ``sources`` is cached: named by the files (path, size and
    time), the parameters and this Python (marshal's format is its own); None when a file
    cannot be looked at."""
    from desktop.core.paths import cache_dir

    key = [f"{_CACHE_FORMAT} {kind} {parameters} {sys.version_info[:2]}"]
    for source in sources:
        try:
            status = source.stat()
        except OSError:
            return None
        key.append(f"{source} {status.st_size} {status.st_mtime_ns}")
    digest = hashlib.sha256("\n".join(key).encode("utf-8", "surrogateescape")).hexdigest()
    return cache_dir() / f"{kind}-{digest[:16]}.marshal"


def _read_cache(cache: Path | None) -> object | None:
    if cache is None:
        return None
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None  # none yet, or damaged: derive it again


def _write_cache(cache: Path | None, value: Any) -> None:
    """Cache ``value``, whole or not at all (another process may be reading it); a cache
    that cannot be written is done without."""
    if cache is None:
        return
    partial: Path | None = None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, delete=False, suffix=".part") as handle:
            partial = Path(handle.name)
            # Version 4 writes a string met again once and reads it back shared.
            handle.write(marshal.dumps(value, 4))
        os.replace(partial, cache)
    except OSError as error:
        log.debug("not cached in %s: %s", cache, error)
        if partial is not None:
            partial.unlink(missing_ok=True)


def _words_cache_path(source: Path) -> Path | None:
    return _cache_path("dictionary-words", [source], _WORDS_PARAMETERS)


def _read_words_cache(cache: Path | None) -> WordTable | None:
    data = _read_cache(cache)
    if not isinstance(data, bytes):
        return None  # none yet, or another format's
    try:
        return WordTable.from_bytes(data)
    except ValueError:
        return None  # damaged: read the dictionary again


# The arrays are in this machine's byte order.
_WORDS_PARAMETERS = f"{LOOKUP_LENGTHS} {LOOKUP_MIN_FREQUENCY} table {sys.byteorder}"


def _read_dictionary_words(source: Path) -> WordTable:
    shortest, longest = LOOKUP_LENGTHS
    digits = len(str(LOOKUP_MIN_FREQUENCY))
    # One regular expression over the whole file: ten times faster than splitting every line.
    line = re.compile(rf"^(\S{{{shortest},{longest}}}) ([1-9]\d{{{digits - 1},}}) (\S+)$", re.M)
    text = source.read_text(encoding="utf-8")
    return WordTable.of(
        (word, count, tag)
        for word, frequency, tag in (found.groups() for found in line.finditer(text))
        if (count := int(frequency)) >= LOOKUP_MIN_FREQUENCY
    )


def new_tagger() -> Tagger:
    """A tagger on the native engine when it imports, else on jieba. The entity pipeline keeps
    one (desktop/core/entities.py); the native engine is one per process whatever is asked."""
    rjieba = _native_module("rjieba", "jieba")
    return _NativeTagger(rjieba) if rjieba is not None else _JiebaTagger()


# Conversion ------------------------------------------------------------------------------


class TextConverter(Protocol):
    def convert(self, text: str) -> str: ...


class _SharedOpenCC:
    """opencc-pyo3's one instance in this process, for every configuration.

    Each ``OpenCC`` object loads the whole dictionary set (26 MiB), whatever its
    configuration: a window that showed a Simplified document (s2tw), a mixed one (t2s) and a
    Traditional meeting word (s2t) held three copies. One instance switches configuration
    instead (identical output, measured on every configuration); the lock keeps a switch and
    its conversion together when the window converts on the GUI thread and on the pool at once.
    """

    def __init__(self, module: ModuleType) -> None:
        self._opencc = module.OpenCC("s2t")
        self._config = "s2t"
        self._lock = threading.Lock()

    def convert(self, config: str, text: str) -> str:
        with self._lock:
            if config != self._config:
                self._opencc.set_config(config)
                self._config = config
            converted: str = self._opencc.convert(text, False)  # False: leave punctuation
        return converted


@cache
def _shared_opencc(module: ModuleType) -> _SharedOpenCC:
    return _SharedOpenCC(module)


class _NativeConverter:
    def __init__(self, module: ModuleType, config: str) -> None:
        if not module.OpenCC.is_valid_config(config):
            raise ValueError(f"opencc-pyo3 has no configuration {config!r}")
        self.engine = _shared_opencc(module)
        self.config = config

    def convert(self, text: str) -> str:
        return self.engine.convert(self.config, text)


def opencc_converter(config: str) -> TextConverter:
    """OpenCC for ``config`` (t2s, s2twp…): opencc-pyo3 when it imports (one engine shared by
    every configuration), else the reimplemented package (the module ``opencc``)."""
    native = _native_module("opencc_pyo3", "opencc-python-reimplemented")
    if native is not None:
        return _NativeConverter(native, config)
    import opencc

    converter: TextConverter = opencc.OpenCC(config)
    return converter


def native_converter_in_use() -> bool:
    return _native_module("opencc_pyo3", "opencc-python-reimplemented") is not None


def engine_names() -> dict[str, str]:
    """Which engine does what in this process, for logs and diagnostics."""
    opencc = (
        f"opencc-pyo3 {_version('opencc-pyo3')} (native)"
        if native_converter_in_use()
        else f"opencc-python-reimplemented {_version('opencc-python-reimplemented')} (pure Python)"
    )
    rjieba = _native_module("rjieba", "jieba")
    tagging = (
        f"rjieba {_version('rjieba')} (jieba-rs, native)"
        if rjieba is not None
        else f"jieba {_version('jieba')} (pure Python)"
    )
    return {"tagging": tagging, "conversion": opencc}
