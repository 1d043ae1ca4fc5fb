"""Regular-expression pieces several modules share, and the compiled patterns' cache."""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def compiled(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, compiled by an earlier run when one did: what Python's compiler
    makes of a pattern is cached in the user cache folder (keyed by this Python's build and its
    pattern engine's version), as the dictionaries' derived data are (issue 22). Compiling the
    analysis's patterns cost 20-30 ms of every process, more than half of it building the
    look-up tables of classes of Han characters; rebuilt from the cache, 2 ms.

    For the patterns of the code and the lexicons, not for patterns made of a document's
    contents (each would be cached for good)."""
    return _compiled_patterns().compiled(pattern)


class _CompiledPatterns:
    """The compiled patterns' cache: a file of records (pattern, what the engine is given),
    appended to as patterns are first compiled; a damaged record ends the reading, and the
    next pattern compiled writes the file anew."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._engine: Any = None
        self._codes: dict[str, tuple[Any, ...]] = {}
        self._whole = True
        try:
            import _sre

            self._engine = _sre
            if path is not None:
                self._read(path.read_bytes())
        except (ImportError, OSError):
            pass  # no engine to give code to, or no cache yet

    def _read(self, data: bytes) -> None:
        """The records up to the first one damaged (its digest does not match what it holds):
        the engine checks only the shape of the code it is given, so a changed number could
        crash the process or match otherwise. Damage, or a pattern recorded twice (processes
        that compiled it at once), has the file written anew."""
        view, position, records = memoryview(data), 0, 0
        while position < len(data):
            start = position + _SIZE_BYTES + _DIGEST_BYTES
            size = int.from_bytes(view[position : position + _SIZE_BYTES], "little")
            digest = bytes(view[position + _SIZE_BYTES : start])
            position = start + size
            body = view[start:position]
            try:
                if position > len(data) or _digest(body) != digest:
                    raise ValueError("damaged record")
                pattern, code = marshal.loads(body)
                if not isinstance(pattern, str) or not isinstance(code, tuple):
                    raise ValueError("not a record")
            except Exception:  # any damage marshal meets: read no further
                self._whole = False
                return
            self._codes[pattern] = code
            records += 1
        if records > len(self._codes) and self._path is not None:
            self._rewrite(self._path)

    def compiled(self, pattern: str) -> re.Pattern[str]:
        code = self._codes.get(pattern)
        if code is not None:
            try:
                rebuilt: re.Pattern[str] = self._engine.compile(pattern, *code)
                return rebuilt
            except Exception:  # not what this engine takes after all: compile it
                pass
        made, code = self._compile(pattern)
        if code is not None and self._path is not None:
            with self._lock:
                self._codes[pattern] = code
                self._save(self._path, pattern, code)
        return made

    def _compile(self, pattern: str) -> tuple[re.Pattern[str], tuple[Any, ...] | None]:
        """The pattern and what its engine was given, compiled as re.compile does; the code
        None where Python's compiler is not the one known (then compiled by re.compile)."""
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]

            parsed = _parser.parse(pattern, 0)
            state = parsed.state
            index_names: list[str | None] = [None] * state.groups
            for name, index in state.groupdict.items():
                index_names[index] = name
            code = (
                int(state.flags),
                list(map(int, _compiler._code(parsed, 0))),  # plain numbers, for marshal
                state.groups - 1,
                dict(state.groupdict),
                tuple(index_names),
            )
            made: re.Pattern[str] = self._engine.compile(pattern, *code)
        except Exception:  # another Python's compiler: compile it the public way, uncached
            return re.compile(pattern), None
        return made, code

    def _save(self, path: Path, pattern: str, code: tuple[Any, ...]) -> None:
        """Add the record (one write, appended); the whole table, replaced, when the file
        was damaged. A cache that cannot be written is done without."""
        try:
            record = _record(pattern, code)
            path.parent.mkdir(parents=True, exist_ok=True)
            if self._whole:
                descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
                try:
                    os.write(descriptor, record)
                finally:
                    os.close(descriptor)
                return
        except (OSError, ValueError):  # ValueError: what marshal cannot write
            return
        self._rewrite(path)

    def _rewrite(self, path: Path) -> None:
        """The whole table written anew, in one step (a reader sees the old file or this)."""
        partial = path.with_name(f"{path.name}.{os.getpid()}.part")
        try:
            partial.write_bytes(b"".join(_record(*item) for item in self._codes.items()))
            os.replace(partial, path)
            self._whole = True
        except (OSError, ValueError):
            partial.unlink(missing_ok=True)


# A record: its length in this many bytes, the digest of what follows, then the marshalled
# (pattern, code). Read with marshal.loads on each slice: marshal.load on a stream reads it a
# number at a time.
_SIZE_BYTES = 4
_DIGEST_BYTES = 16


def _digest(data: bytes | memoryview) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST_BYTES).digest()


def _record(pattern: str, code: tuple[Any, ...]) -> bytes:
    data = marshal.dumps((pattern, code))
    return len(data).to_bytes(_SIZE_BYTES, "little") + _digest(data) + data


_PATTERNS_LOCK = threading.Lock()
_PATTERNS: list[_CompiledPatterns] = []


def _compiled_patterns() -> _CompiledPatterns:
    with _PATTERNS_LOCK:
        if not _PATTERNS:
            _PATTERNS.append(_CompiledPatterns(_patterns_cache_path()))
        return _PATTERNS[0]


# Bumped when what a record holds changes.
_PATTERNS_FORMAT = 3


def _patterns_cache_path() -> Path | None:
    try:
        import _sre

        from desktop.core.paths import cache_dir

        key = f"{_PATTERNS_FORMAT} {sys.version} {sys.implementation.cache_tag} {_sre.MAGIC}"
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        return cache_dir() / f"patterns-{digest}.marshal"
    except Exception:  # no engine version to key by, or no cache folder: no cache
        return None


# Han characters: the basic block, Extension A, compatibility ideographs and Extensions B-G
# (rare characters in names, such as 𠮷, live outside the BMP).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = compiled(f"[{HAN_CLASS}]+")


def alternation(words: Iterable[str]) -> str:
    """An alternation of literal words that matches as ``a|b|…`` of them longest first would:
    the longest word at a position, and on backtracking the next longest.

    Written as their trie (市(?:委|政(?:府|协))?), not as a list: Python's regular expressions
    try a list's words one by one at every position, a trie's one branch a character (cues,
    titles, bodies' names found 1.3-2.5x faster, issue 22). Among the words that match at a
    position the trie tries the longer first, as the list does: each is a prefix of the next."""
    return _trie_pattern(_trie(words))


def alternation_branches(words: Iterable[str]) -> list[str]:
    """alternation(words) cut at its first character: a pattern for each character a word
    opens with, in the order alternation tries them (an empty word, which opens with none, is
    left out). Each opens with its character, which lets a pattern made of them start where
    one stands (see only_where)."""
    root = _trie(words)
    return [re.escape(c) + _trie_pattern(root[c]) for c in sorted(root) if c]


_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> _Trie:
    root: _Trie = {}
    for word in set(words):
        node = root
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here
    return root


def _trie_pattern(node: _Trie) -> str:
    branches = []
    for character in sorted(node):
        if not character:
            continue
        # A run of characters no other word branches from or ends in is written whole: the
        # depth of the recursion is that of the branch points, not of the longest word (a
        # lexicon's long line).
        run, child = [character], node[character]
        while len(child) == 1 and "" not in child:
            (only,) = child
            run.append(only)
            child = child[only]
        branches.append(re.escape("".join(run)) + _trie_pattern(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # A word ending here is tried after every longer one through it: greedy, the ? tries the
    # rest first.
    return f"(?:{body})?" if "" in node else body


def only_where(first_characters: str, pattern: str) -> re.Pattern[str]:
    """``pattern``, tried only where one of ``first_characters`` stands (every match begins with
    one): Python's regular expressions otherwise try each alternative at every position, and
    the date and title patterns ran 5-15x slower."""
    characters = "".join(map(re.escape, sorted(set(first_characters))))
    return compiled(f"(?=[{characters}])(?:{pattern})")
