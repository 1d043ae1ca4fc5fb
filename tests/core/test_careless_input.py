"""Misleading messages a careless user met (issue 21, second round): each refusal says its
true reason. Each test failed before its fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core import textio
from desktop.core.corpus import import_paths
from desktop.core.store import Store
from desktop.core.textio import UnreadableFile, decode_bytes

UTF8 = "会议要求各单位加强督查，确保政策落实到位。".encode()


def test_utf8_with_one_bad_byte_names_the_byte() -> None:
    data = UTF8[:9] + b"\xff" + UTF8[9:]
    with pytest.raises(UnreadableFile, match=r"not valid UTF-8: byte 9 \(0xff\) cannot be there"):
        decode_bytes(data)


def test_utf8_cut_inside_a_character_says_so() -> None:
    data = UTF8[:-1]
    with pytest.raises(UnreadableFile) as refused:
        decode_bytes(data)
    reason = str(refused.value)
    assert f"not valid UTF-8: it ends inside a character at byte {len(UTF8) - 3}" in reason
    assert "not GB18030/GBK or Big5" in reason


def test_a_folder_whose_name_is_not_text_is_refused_once_by_name(tmp_path: Path) -> None:
    top = tmp_path / "top"
    top.mkdir()
    (top / "fine.txt").write_text("会议要求加强督查。", encoding="utf-8")
    bad = Path(os.fsdecode(bytes(top) + b"/\xff\xfe"))
    bad.mkdir()
    for name in ("a.txt", "b.txt"):
        (bad / name).write_text(f"{name}：会议要求加强督查工作。", encoding="utf-8")
    with Store(tmp_path / "p.jiyao") as store:
        for chosen in (top, bad):
            report = import_paths(store, [chosen])
            (refusal,) = report.refused
            assert refusal.path == bad
            assert "folder's name is not valid text" in refusal.reason
            assert str(refusal).startswith(textio.printable_path(bad) + ":")
        assert len(store.document_ids()) == 1


def test_a_file_named_inside_such_a_folder_blames_the_folder(tmp_path: Path) -> None:
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/\xff"))
    bad.mkdir()
    (bad / "a.txt").write_text("会议要求加强督查工作。", encoding="utf-8")
    with Store(tmp_path / "p.jiyao") as store:
        (refusal,) = import_paths(store, [bad / "a.txt"]).refused
    assert refusal.reason == "the name of its folder is not valid text; rename the folder"
