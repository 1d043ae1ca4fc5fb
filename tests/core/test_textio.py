"""Bytes to text: every encoding a Chinese document comes in is read back to the same text,
and anything that is not text is refused with a one-line reason."""

from __future__ import annotations

import codecs
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import textio
from desktop.core.cleaning import clean
from desktop.core.textio import UnreadableFile, decode_bytes, read_text_file

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TRADITIONAL_RAW = (SEEDS / "000_9068b13d1ddf9a92.txt").read_text("utf-8")
SIMPLIFIED = (SEEDS / "003_81982325587c9960.txt").read_text("utf-8")
# The Traditional seed without its pinyin glosses: what a Big5 or GB18030 file would really hold.
TRADITIONAL_CLEAN = clean(TRADITIONAL_RAW).text


def write(folder: Path, data: bytes, name: str = "document.txt") -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> str:
    """The reason read_text_file gives for refusing ``path``."""
    with pytest.raises(UnreadableFile) as caught:
        read_text_file(path)
    return str(caught.value)


def assert_one_line(reason: str) -> None:
    assert reason.strip(), "the reason is empty"
    assert "\n" not in reason and "\r" not in reason, f"the reason spans lines: {reason!r}"


# Encodings ------------------------------------------------------------------------------

ENCODED_SEEDS = [
    pytest.param(
        TRADITIONAL_RAW.encode("utf-8"), TRADITIONAL_RAW, "utf-8", id="utf8-traditional-seed"
    ),
    pytest.param(SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8", id="utf8-simplified-seed"),
    pytest.param(
        codecs.BOM_UTF8 + TRADITIONAL_RAW.encode("utf-8"),
        TRADITIONAL_RAW,
        "utf-8-sig",
        id="utf8-bom-traditional-seed",
    ),
    pytest.param(
        codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"),
        SIMPLIFIED,
        "utf-8-sig",
        id="utf8-bom-simplified-seed",
    ),
    pytest.param(
        codecs.BOM_UTF16_LE + TRADITIONAL_RAW.encode("utf-16-le"),
        TRADITIONAL_RAW,
        "utf-16",
        id="utf16le-bom-traditional-seed",
    ),
    pytest.param(
        codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"),
        SIMPLIFIED,
        "utf-16",
        id="utf16le-bom-simplified-seed",
    ),
    pytest.param(
        codecs.BOM_UTF16_BE + TRADITIONAL_RAW.encode("utf-16-be"),
        TRADITIONAL_RAW,
        "utf-16",
        id="utf16be-bom-traditional-seed",
    ),
    pytest.param(
        codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"),
        SIMPLIFIED,
        "utf-16",
        id="utf16be-bom-simplified-seed",
    ),
    pytest.param(SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030", id="gb18030-simplified-seed"),
    pytest.param(
        TRADITIONAL_CLEAN.encode("gb18030"),
        TRADITIONAL_CLEAN,
        "gb18030",
        id="gb18030-traditional-clean",
    ),
    pytest.param(
        TRADITIONAL_CLEAN.encode("big5hkscs"),
        TRADITIONAL_CLEAN,
        "big5hkscs",
        id="big5hkscs-traditional-clean",
    ),
]


@pytest.mark.parametrize(("data", "text", "encoding"), ENCODED_SEEDS)
def test_a_seed_written_in_this_encoding_is_read_back_to_the_same_text(
    tmp_path: Path, data: bytes, text: str, encoding: str
) -> None:
    assert read_text_file(write(tmp_path, data)).text == text


@pytest.mark.parametrize(("data", "text", "encoding"), ENCODED_SEEDS)
def test_a_seed_written_in_this_encoding_is_reported_in_that_encoding(
    tmp_path: Path, data: bytes, text: str, encoding: str
) -> None:
    assert read_text_file(write(tmp_path, data)).encoding == encoding


def test_the_simplified_seed_cannot_be_written_in_big5_at_all() -> None:
    # Why the Big5 case above uses Traditional text only: Big5 has no Simplified-only characters.
    with pytest.raises(UnicodeEncodeError):
        SIMPLIFIED.encode("big5hkscs")


def test_gbk_bytes_of_simplified_text_are_not_taken_for_big5(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path, SIMPLIFIED.encode("gbk"))).encoding == "gb18030"


def test_gbk_bytes_of_traditional_text_are_not_taken_for_big5(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path, TRADITIONAL_CLEAN.encode("gbk"))).encoding == "gb18030"


def test_big5_bytes_are_not_taken_for_gbk(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path, TRADITIONAL_CLEAN.encode("big5"))).encoding == "big5hkscs"


def test_every_line_of_the_simplified_seed_alone_in_gbk_is_read_as_gbk(tmp_path: Path) -> None:
    misread = []
    for number, line in enumerate(SIMPLIFIED.split("\n")):
        if line.strip():
            decoded = read_text_file(write(tmp_path, line.encode("gbk"), f"line{number}.txt"))
            if (decoded.encoding, decoded.text) != ("gb18030", line):
                misread.append((number, decoded.encoding, line[:20]))
    assert misread == []


def test_every_line_of_the_traditional_seed_alone_in_big5_is_read_as_big5(tmp_path: Path) -> None:
    misread = []
    for number, line in enumerate(TRADITIONAL_CLEAN.split("\n")):
        if line.strip():
            decoded = read_text_file(write(tmp_path, line.encode("big5hkscs"), f"line{number}.txt"))
            if (decoded.encoding, decoded.text) != ("big5hkscs", line):
                misread.append((number, decoded.encoding, line[:20]))
    assert misread == []


def test_plain_ascii_english_text_is_accepted(tmp_path: Path) -> None:
    text = "The State Council met on Tuesday to discuss resuming work.\n"
    assert read_text_file(write(tmp_path, text.encode("ascii"))).text == text


# Line ends ------------------------------------------------------------------------------


def test_windows_line_ends_become_newlines(tmp_path: Path) -> None:
    data = "第一行\r\n第二行\r\n".encode()
    assert read_text_file(write(tmp_path, data)).text == "第一行\n第二行\n"


def test_lone_carriage_returns_become_newlines(tmp_path: Path) -> None:
    data = "第一行\r第二行\r".encode()
    assert read_text_file(write(tmp_path, data)).text == "第一行\n第二行\n"


def test_the_seed_with_windows_line_ends_in_utf16_reads_as_the_seed(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + SIMPLIFIED.replace("\n", "\r\n").encode("utf-16-le")
    assert read_text_file(write(tmp_path, data)).text == SIMPLIFIED


# Valid UTF-8 is UTF-8 (issue 21) -------------------------------------------------------

SHORT_UTF8 = [
    pytest.param("李淼同志", id="short-name-gb18030-mojibake"),
    pytest.param("出席：王喆、李淼、張堃、劉赟、陳犇", id="rare-name-characters"),
    pytest.param("李喆讲话", id="li-zhe"),
    pytest.param("孙焱主持会议", id="sun-yan"),
    pytest.param("佢哋喺呢個問題上有冇諗過", id="cantonese"),
    pytest.param("会见𠮷田", id="astral-han"),
    pytest.param("会议顺利召开 🎉👍", id="emoji"),
    pytest.param("Cafe\u0301 re\u0301sume\u0301", id="decomposed-accents"),
]


@pytest.mark.parametrize("text", SHORT_UTF8)
def test_valid_utf8_is_read_as_utf8_whatever_its_characters(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8")


def _non_ascii_visible(text: str) -> bool:
    return any(ord(c) > 0x7F and not c.isspace() for c in text)


# What a UTF-8 file can hold and still be read back unchanged: no NUL (binary files), no lone
# surrogates (not encodable), no carriage returns (line ends are normalised), no leading
# U+FEFF (read as a byte-order mark).
_ENCODABLE = st.characters(codec="utf-8", exclude_characters="\x00\r")
UTF8_TEXTS = (
    st.text(_ENCODABLE, min_size=1, max_size=40)
    .filter(_non_ascii_visible)
    .filter(lambda text: not text.startswith("\ufeff"))
)


@given(UTF8_TEXTS)
def test_any_utf8_text_with_a_non_ascii_character_decodes_as_itself(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8")


# Refusals -------------------------------------------------------------------------------

_WITH_NUL = "会议要求各部门做好管理。\x00第二段落的内容。"
NOT_TEXT = [
    pytest.param(b"", id="empty"),
    pytest.param(b" \n\t\r\n  \n", id="whitespace-only"),
    pytest.param(codecs.BOM_UTF8 + "\u3000 \n".encode(), id="whitespace-only-utf8-bom"),
    pytest.param("正文\x00正文".encode(), id="nul-bytes"),
    # One NUL in ordinary text: through a byte-order mark it decodes, and SQLite stops at it.
    pytest.param(codecs.BOM_UTF8 + _WITH_NUL.encode(), id="nul-utf8-bom"),
    pytest.param(("\ufeff" + _WITH_NUL).encode("utf-16"), id="nul-utf16-bom"),
    pytest.param(codecs.BOM_UTF32_LE + _WITH_NUL.encode("utf-32-le"), id="nul-utf32-bom"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", id="pdf"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml", id="zip"),
    pytest.param(random.Random(2020).randbytes(4096), id="random-bytes"),
    pytest.param(
        random.Random(2020).randbytes(4096).replace(b"\x00", b"\x01"), id="random-bytes-no-nul"
    ),
    pytest.param(random.Random(29).randbytes(64).replace(b"\x00", b"\x01"), id="random-64-bytes"),
]


@pytest.mark.parametrize("data", NOT_TEXT)
def test_a_file_that_is_not_text_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(UnreadableFile):
        read_text_file(write(tmp_path, data))


@pytest.mark.parametrize("data", NOT_TEXT)
def test_the_reason_for_refusing_a_file_is_one_line(tmp_path: Path, data: bytes) -> None:
    assert_one_line(refusal(write(tmp_path, data)))


def test_a_missing_path_is_refused_with_a_one_line_reason(tmp_path: Path) -> None:
    assert_one_line(refusal(tmp_path / "no-such-document.txt"))


def test_a_folder_is_refused_with_a_one_line_reason(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.txt"
    folder.mkdir()
    assert_one_line(refusal(folder))


def test_a_missing_path_and_a_folder_are_given_different_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert refusal(tmp_path / "missing.txt") != refusal(folder)


def test_utf16_without_a_mark_is_named_as_such() -> None:
    data = "会议要求,要做好复工复产工作。(2020)".encode("utf-16-le")
    with pytest.raises(UnreadableFile, match="UTF-16 without a byte-order mark"):
        decode_bytes(data)


# Reading files: sizes and kinds (issue 21) ----------------------------------------------


class _ShortReads(io.BytesIO):
    """A file whose reads return at most 3 bytes, as a read of a huge file may."""

    def read(self, size: int | None = -1) -> bytes:
        return super().read(3 if size is None or size < 0 else min(size, 3))


@pytest.mark.parametrize("measured", [0, 5, 6, 9, 10, 40])
def test_a_file_is_read_whole_whatever_size_it_measured(measured: int) -> None:
    data = bytes(range(10))
    assert textio._read_up_to(_ShortReads(data), measured, limit=100) == data


class _CountedReads(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads = 0

    def read(self, size: int | None = -1) -> bytes:
        self.reads += 1
        return super().read(size)


def test_a_file_of_the_size_it_measured_is_read_in_one_read() -> None:
    """Issue 17: no second read to find the end of a file that gave its measured size and
    not a byte more (a read of six system calls per imported file)."""
    counted = _CountedReads(b"x" * 10)
    assert textio._read_up_to(counted, 10, limit=100) == b"x" * 10
    assert counted.reads == 1
    shrunk = _CountedReads(b"x" * 7)  # shorter than measured: read on to its end
    assert textio._read_up_to(shrunk, 10, limit=100) == b"x" * 7
    assert shrunk.reads == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_a_listing_called_a_regular_file_is_refused_without_waiting(
    tmp_path: Path,
) -> None:
    """A file a folder listing called regular is opened without a look-up first: a pipe put
    in its place since is opened without waiting and refused once open."""
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(UnreadableFile, match="not a regular file"):
        textio.read_regular_file(tmp_path / "pipe.txt", 100, seen_regular=True)


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="O_NOFOLLOW")
def test_a_link_a_listing_called_a_regular_file_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link put where the listing saw a regular file is refused without opening what it
    leads to (a device opened may act: a tape rewinds)."""
    (tmp_path / "a.txt").symlink_to("/dev/zero")
    opened: list[str] = []
    real_open = os.open

    def spying_open(path: object, flags: int, *args: object) -> int:
        descriptor = real_open(path, flags, *args)  # type: ignore[arg-type]
        opened.append(str(path))
        return descriptor

    monkeypatch.setattr(textio.os, "open", spying_open)
    with pytest.raises(UnreadableFile, match="changed while it was opened"):
        textio.read_regular_file(tmp_path / "a.txt", 100, seen_regular=True)
    assert opened == []


def test_a_file_that_grew_past_the_limit_is_read_one_byte_past_it() -> None:
    assert len(textio._read_up_to(io.BytesIO(b"x" * 50), 5, limit=20)) == 21


def test_a_file_above_the_limit_is_refused_with_a_one_line_reason(tmp_path: Path) -> None:
    path = write(tmp_path, "会议".encode() * 100)
    with pytest.raises(UnreadableFile) as caught:
        textio.read_bytes(path, max_bytes=100)
    assert_one_line(str(caught.value))
    assert "limit" in str(caught.value)


# Every character strip() takes for white space, and a few that look like it but are not.
_SPACE_LIKE = (
    " \t\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"
)
_NOT_SPACE = "\u200b\u2060\ufeff\u180e"


@settings(max_examples=300)
@given(st.text(alphabet=_SPACE_LIKE + _NOT_SPACE + "会", min_size=1, max_size=12))
def test_a_text_is_refused_as_white_space_exactly_when_strip_leaves_nothing(text: str) -> None:
    # After a line end: a second byte-order mark at the start would be taken off with the first.
    reason = refusal_of(codecs.BOM_UTF8 + f"\n{text}".encode())
    assert ("white space" in reason) == (not text.strip())


def refusal_of(data: bytes) -> str:
    try:
        decode_bytes(data)
    except UnreadableFile as error:
        return str(error)
    return ""
