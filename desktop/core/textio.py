"""Bytes to text: the encodings Chinese documents come in, by strict decoding and plausibility.

Order of decisions: a byte-order mark settles it (UTF-8, UTF-16, UTF-32); bytes without NUL
that decode strictly as UTF-8 and are not pure ASCII are UTF-8, whatever characters they hold
(rare name characters, Cantonese, emoji: valid multi-byte UTF-8 almost never happens by chance,
so no heuristic may overrule it); known binary formats and NUL bytes are refused; then every
candidate codec (UTF-8 for pure ASCII, GB18030, Big5-HKSCS) that decodes the whole file strictly
is scored by how much of the result is ordinary text (common Han characters in either script,
ASCII, CJK punctuation), and the best plausible one wins. GB18030 decodes nearly any byte
string, so strictness alone cannot tell GBK from Big5: plausibility can.
"""

from __future__ import annotations

import codecs
import errno
import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.resources import read_data_lines

log = logging.getLogger(__name__)

# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY_CANDIDATES = ("utf-8", "gb18030", "big5hkscs")
_BINARY_SIGNATURES = (
    (b"%PDF", QT_TRANSLATE_NOOP("Import", "a PDF file")),
    (b"PK\x03\x04", QT_TRANSLATE_NOOP("Import", "a ZIP archive (a .docx or .xlsx is one)")),
    (b"\xd0\xcf\x11\xe0", QT_TRANSLATE_NOOP("Import", "an old Office document (.doc/.xls)")),
    (b"\x89PNG", QT_TRANSLATE_NOOP("Import", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("Import", "a JPEG image")),
    (b"GIF8", QT_TRANSLATE_NOOP("Import", "a GIF image")),
    (b"SQLite format 3\x00", QT_TRANSLATE_NOOP("Import", "an SQLite database")),
)
# Below this share of ordinary characters a decoding is taken to be the wrong codec.
MIN_PLAUSIBILITY = 0.85

# The largest file read as one document: far above any real document, well below what would
# exhaust memory (reading, cleaning and storing take several times a file's size).
DEFAULT_MAX_DOCUMENT_MB = 50
MAX_DOCUMENT_MB_VARIABLE = "JIYAO_MAX_DOCUMENT_MB"
# A file of many documents (an annotated set, a table, a scraper's JSON) is read whole: it may
# be this many times the document size limit, each of its documents within the limit.
MANY_DOCUMENTS_FACTOR = 20
BYTES_PER_MB = 1_000_000
_limit_override: ContextVar[float | None] = ContextVar("max_document_mb", default=None)
# Files there are the system's, not documents: /proc/self/environ reads as text.
_SYSTEM_FOLDERS = tuple(Path(p) for p in ("/proc", "/sys", "/dev")) if os.name == "posix" else ()
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO opened without it waits for a writer
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NOCTTY = getattr(os, "O_NOCTTY", 0)
_CHANGED_WHILE_OPENED = QT_TRANSLATE_NOOP(
    "Import", "the file changed while it was opened; not read"
)


class UnreadableFile(Exception):
    """A file that cannot be read as text; ``str(error)`` is a one-line reason for people."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


@cache
def common_hanzi() -> frozenset[str]:
    return frozenset("".join(read_data_lines("text", "common_hanzi.txt")))


def plausibility(text: str) -> float:
    """Share of the non-space characters that are ordinary text (1.0 for an empty text)."""
    common = common_hanzi()
    # Judge each distinct character once (a document uses a few hundred), and count only the
    # rare ones, which ordinary text has few of.
    distinct = set(text)
    spaces = sum(text.count(c) for c in distinct if c.isspace())
    unusual = sum(
        text.count(c) for c in distinct - common if not c.isspace() and not _is_ordinary_non_han(c)
    )
    total = len(text) - spaces
    return (total - unusual) / total if total else 1.0


def _is_ordinary_non_han(character: str) -> bool:
    code = ord(character)
    return (
        0x20 <= code < 0x7F  # ASCII
        or 0xA0 <= code < 0x250  # Latin-1 and Latin Extended (pinyin tone marks)
        or 0x2000 <= code < 0x2070  # general punctuation
        or 0x2150 <= code < 0x2500  # number forms, arrows, mathematical operators, enclosed numbers
        or 0x3000 <= code < 0x3040  # CJK punctuation
        or 0xFF00 <= code < 0xFFF0  # full-width forms
    )


def normalise_line_ends(text: str) -> str:
    if "\r" not in text:  # one scan instead of two, for most files
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a file's bytes. Raises :class:`UnreadableFile` with a one-line reason."""
    if not data:
        raise UnreadableFile(QT_TRANSLATE_NOOP("Import", "the file is empty"))
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _finish(_decode_strictly(data, encoding, with_mark=True), encoding)
    utf8 = _strict_utf8_beyond_ascii(data)
    if utf8 is not None:
        return _finish(utf8, "utf-8", score=1.0)
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnreadableFile(
                QT_TRANSLATE_NOOP("Import", "this is {0}, not plain text").format(kind)
            )
    if b"\x00" in data:
        if _looks_like_utf16_without_mark(data):
            raise UnreadableFile(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "this looks like UTF-16 without a byte-order mark; save it as UTF-8 and retry",
                )
            )
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "this looks like a binary file (it contains NUL bytes)")
        )
    best: tuple[float, str, str] | None = None
    for encoding in _LEGACY_CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        log.debug("%s decodes with plausibility %.3f", encoding, score)
        if best is None or score > best[0]:
            best = (score, encoding, text)
    if best is None or best[0] < MIN_PLAUSIBILITY:
        raise UnreadableFile(_no_encoding_reason(data))
    return _finish(best[2], best[1], best[0])


def _no_encoding_reason(data: bytes) -> str:
    """Why no encoding fits, naming the first byte UTF-8 trips on: one bad or cut byte in a
    UTF-8 file is the usual cause, and "no encoding" would hide where it is."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            where = QT_TRANSLATE_NOOP(
                "Import", "it ends inside a character at byte {0} (cut short?)"
            ).format(error.start)
        else:
            where = QT_TRANSLATE_NOOP("Import", "byte {0} (0x{1:02x}) cannot be there").format(
                error.start, data[error.start]
            )
        return QT_TRANSLATE_NOOP(
            "Import", "not valid UTF-8: {0}; and not GB18030/GBK or Big5 text either"
        ).format(where)
    return QT_TRANSLATE_NOOP(
        "Import", "the text is in no encoding Jiyao reads (UTF-8, UTF-16, GB18030/GBK, Big5)"
    )


def _strict_utf8_beyond_ascii(data: bytes) -> str | None:
    """The text, when ``data`` is valid UTF-8 with at least one multi-byte character and no
    NUL; else None (pure ASCII is left to the plausibility check, which refuses control-code
    junk, and NUL bytes to the binary checks)."""
    if data.isascii() or b"\x00" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _looks_like_utf16_without_mark(data: bytes) -> bool:
    # ASCII and CJK punctuation in UTF-16 put a NUL in every other byte of one parity.
    sample = data[:4000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return len(sample) >= 8 and max(even, odd) > len(sample) // 8 and min(even, odd) == 0


def _decode_strictly(data: bytes, encoding: str, *, with_mark: bool) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        name = {"utf-8-sig": "UTF-8"}.get(encoding, encoding.upper())
        raise UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import",
                "the file starts with a {0} byte-order mark but is not valid {0} at byte {1}",
            ).format(name, error.start)
        ) from error
    if with_mark and text.startswith("\ufeff"):
        text = text[1:]
    return text


def _finish(text: str, encoding: str, score: float | None = None) -> DecodedText:
    text = normalise_line_ends(text)
    if "\x00" in text:  # UTF-16/32 or a byte-order mark let NUL through; SQLite stops at it
        raise UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import", "this looks like a binary file (it contains NUL characters)"
            )
        )
    if not text or text.isspace():  # what strip() would leave nothing of, without a copy
        raise UnreadableFile(QT_TRANSLATE_NOOP("Import", "the file holds only white space"))
    if (plausibility(text) if score is None else score) < MIN_PLAUSIBILITY:
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "the file decodes as {0} but does not read as text").format(
                encoding
            )
        )
    return DecodedText(text, encoding)


def max_document_mb() -> float:
    """The size limit for one document in MB: the one set by :func:`document_limit`, else
    $JIYAO_MAX_DOCUMENT_MB, else 50. Raises ValueError for a variable that is no size."""
    override = _limit_override.get()
    if override is not None:
        return override
    given = os.environ.get(MAX_DOCUMENT_MB_VARIABLE, "").strip()
    return checked_limit(given, MAX_DOCUMENT_MB_VARIABLE) if given else DEFAULT_MAX_DOCUMENT_MB


def max_document_bytes() -> int:
    return int(max_document_mb() * BYTES_PER_MB)


def checked_limit(value: str | float, name: str) -> float:
    """``value`` as a positive number of MB; ValueError (naming ``name``) otherwise."""
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = float("nan")
    if not megabytes > 0 or megabytes == float("inf"):
        raise ValueError(f"{name} must be a positive number of megabytes, not {value!r}")
    return megabytes


@contextmanager
def document_limit(megabytes: float | None) -> Iterator[None]:
    """Within the block, documents above ``megabytes`` MB are refused (None: the default)."""
    token = _limit_override.set(
        None if megabytes is None else checked_limit(megabytes, "the document size limit")
    )
    try:
        yield
    finally:
        _limit_override.reset(token)


def printable_path(path: Path | str) -> str:
    """The path as text that can be printed and stored: bytes of a file name that are not
    valid in the file system's encoding come out backslash-escaped (\\xff)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def has_unreadable_name(path: Path) -> bool:
    """True when the path holds bytes that are not text in the file system's encoding."""
    return printable_path(path) != str(path)


def read_bytes(
    path: Path, *, within: Path | None = None, max_bytes: int | None = None, many: bool = False
) -> bytes:
    """A file's bytes. Raises :class:`UnreadableFile` with a one-line reason.

    Only regular files are read (a FIFO would block, a device never ends), never the system's
    /proc, /sys or /dev, and with ``within`` (the folder the user chose) never a file that a
    link puts outside it. Files above ``max_bytes`` (default: :func:`max_document_bytes`) are
    refused from their size, before reading.
    """
    target = _followed(path)
    _check_place(target, within)
    return read_regular_file(target, max_bytes, many=many)


def read_regular_file(
    path: Path | str,
    max_bytes: int | None = None,
    *,
    many: bool = False,
    seen_regular: bool = False,
) -> bytes:
    """A regular file's bytes, refused from its size above ``max_bytes`` (default:
    :func:`max_document_bytes`), or MANY_DOCUMENTS_FACTOR times that for a file of ``many``
    documents (a table, a scraper's JSON); a pipe, device or socket is refused without waiting.
    ``seen_regular``: a folder's listing said it is a regular file, so it is opened without
    being looked up first (it is checked once open: a pipe opened so does not wait); two
    system calls of six per file of an import (issue 17).

    Where the file lies is not checked: :func:`read_bytes` does that, and a folder walk that
    never follows links needs it only for the links it finds."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    if many:
        limit *= MANY_DOCUMENTS_FACTOR
    info = None
    if not seen_regular:
        try:
            info = os.stat(path)
        except OSError as error:
            raise _unreadable(error) from error
        _check_kind_and_size(info, limit, many)
    flags = os.O_RDONLY | _O_NONBLOCK | _O_BINARY
    if seen_regular:
        # No look-up before: a link or a terminal put in its place since is not opened.
        flags |= _O_NOFOLLOW | _O_NOCTTY
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if seen_regular and error.errno == errno.ELOOP:
            raise UnreadableFile(_CHANGED_WHILE_OPENED) from error
        raise _unreadable(error) from error
    try:
        opened = os.fstat(descriptor)
        if info is None:
            _check_kind_and_size(opened, limit, many)
        elif (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            raise UnreadableFile(_CHANGED_WHILE_OPENED)
        data = _read_up_to(_Descriptor(descriptor), opened.st_size, limit)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise UnreadableFile(_too_large(len(data), limit, many))
    return data


class _Descriptor:
    """Reads straight from an open file descriptor: a file object around it costs more than
    the read itself for a small file, thousands of times in an import (issue 13)."""

    __slots__ = ("descriptor",)

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor

    def read(self, size: int) -> bytes:
        return os.read(self.descriptor, size)


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


def _read_up_to(handle: _Readable, measured: int, limit: int) -> bytes:
    """The file's bytes, at most ``limit + 1`` (one more shows a file that grew past the limit
    since it was measured). One read returns the measured size, and then the file is whole;
    a read may return less, and then the file is read until a read returns nothing."""
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        wanted = min(measured + 1 - size if size <= measured else 1 << 20, limit + 1 - size)
        chunk = handle.read(wanted)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        if len(parts) == 1 and size == measured < wanted:
            # The measured size at once, and not the byte more asked for: a regular file's
            # read comes back short only at its end, so no read is needed to find it.
            break
    return b"".join(parts)


def _followed(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except FileNotFoundError as error:
        raise UnreadableFile(QT_TRANSLATE_NOOP("Import", "no such file")) from error
    except RuntimeError as error:  # a loop of links (Python 3.11)
        raise UnreadableFile(QT_TRANSLATE_NOOP("Import", "a loop of symbolic links")) from error
    except OSError as error:
        raise _unreadable(error) from error


def system_place(path: Path) -> bool:
    """True for a resolved path in the system's /proc, /sys or /dev: no documents there."""
    return any(path.is_relative_to(folder) for folder in _SYSTEM_FOLDERS)


def _check_place(target: Path, within: Path | None) -> None:
    if system_place(target):
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "leads to {0}, a system file; not read").format(
                printable_path(target)
            )
        )
    if within is not None and not target.is_relative_to(within.resolve()):
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "a link to {0}, outside the folder; not followed").format(
                printable_path(target)
            )
        )


def _check_kind_and_size(info: os.stat_result, limit: int, many: bool = False) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(QT_TRANSLATE_NOOP("Import", "this is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "not a regular file ({0}); not read").format(
                _special_kind(info.st_mode)
            )
        )
    if info.st_size > limit:
        raise UnreadableFile(_too_large(info.st_size, limit, many))


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return QT_TRANSLATE_NOOP("Import", "a named pipe, FIFO")
    if stat.S_ISSOCK(mode):
        return QT_TRANSLATE_NOOP("Import", "a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return QT_TRANSLATE_NOOP("Import", "a device")
    return QT_TRANSLATE_NOOP("Import", "a special file")


def _too_large(size: int, limit: int, many: bool) -> str:
    if many:
        return QT_TRANSLATE_NOOP(
            "Import",
            "{0:,.1f} MB, above the limit of {1:g} MB for a file of many documents ({2} times "
            "the limit for one; raise it with {3} or --max-document-mb)",
        ).format(
            size / BYTES_PER_MB,
            limit / BYTES_PER_MB,
            MANY_DOCUMENTS_FACTOR,
            MAX_DOCUMENT_MB_VARIABLE,
        )
    return too_large_reason(size, limit)


def too_large_reason(size: int, limit: int) -> str:
    """Why a document of ``size`` bytes is refused under a limit of ``limit`` bytes."""
    return QT_TRANSLATE_NOOP(
        "Import",
        "{0:,.1f} MB, above the limit of {1:g} MB for one document "
        "(raise it with {2} or --max-document-mb)",
    ).format(size / BYTES_PER_MB, limit / BYTES_PER_MB, MAX_DOCUMENT_MB_VARIABLE)


def _unreadable(error: OSError) -> UnreadableFile:
    if isinstance(error, FileNotFoundError):
        return UnreadableFile(QT_TRANSLATE_NOOP("Import", "no such file"))
    if isinstance(error, IsADirectoryError):
        return UnreadableFile(QT_TRANSLATE_NOOP("Import", "this is a folder, not a file"))
    return UnreadableFile(
        QT_TRANSLATE_NOOP("Import", "cannot be read: {0}").format(error.strerror or error)
    )


def read_text_file(path: Path) -> DecodedText:
    """Read and decode a file. Raises :class:`UnreadableFile` with a one-line reason."""
    return decode_bytes(read_bytes(path))
