"""The command line used carelessly: what it says when an export or import cannot be done.
In-process (``desktop.cli.main``) where a failure must be simulated (root ignores modes)."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path

import pytest

from desktop import cli
from desktop.core.model import NewDocument
from desktop.core.store import Store

TEXT = "会议要求，各部门要在3月底前做好复工复产工作。"


def small_project(path: Path) -> Path:
    with Store(path) as store:
        store.add_documents(
            [
                NewDocument(
                    title="通知",
                    raw_text=TEXT,
                    clean_text=TEXT,
                    encoding="utf-8",
                    script="simplified",
                )
            ]
        )
    return path


@pytest.mark.parametrize(("format_name", "written"), [("csv", "out"), ("jsonl", "out.jsonl")])
def test_an_export_that_cannot_be_written_names_the_chosen_place_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    format_name: str,
    written: str,
) -> None:
    """A read-only folder, as root sees it only by simulation: the message names the path
    the user gave (with the suffix added), not the hidden scratch file, and no errno."""
    project = small_project(tmp_path / "p.jiyao")
    hidden = str(tmp_path / ".out.1234abcd.part")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", hidden)

    monkeypatch.setattr("desktop.core.exports.output._new_folder", refuse)
    monkeypatch.setattr("desktop.core.exports.output._partial", refuse)
    code = cli.main(
        ["export", "--db", str(project), "--format", format_name, "-o", str(tmp_path / "out")]
    )
    error = capsys.readouterr().err
    assert code == 1
    assert error == f"jiyao: could not write {tmp_path / written}: Read-only file system\n"


def test_an_export_to_a_full_standard_output_says_so_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``jiyao export -o - > /dev/full``."""
    project = small_project(tmp_path / "p.jiyao")

    def full(*args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop.core.exports.jsonl.write_jsonl_lines", full)
    code = cli.main(["export", "--db", str(project), "--format", "jsonl", "-o", "-"])
    assert code == 1
    assert capsys.readouterr().err == (
        "jiyao: could not write to standard output: No space left on device\n"
    )


def test_a_conversion_without_converted_text_is_refused_not_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--conversion s2twp`` alone exported the original text, exit 0, without a word."""
    project = small_project(tmp_path / "p.jiyao")
    target = tmp_path / "out.jsonl"
    arguments = ["export", "--db", str(project), "--format", "jsonl", "-o", str(target)]
    assert cli.main([*arguments, "--conversion", "s2twp"]) == 1
    assert "--conversion" in capsys.readouterr().err and not target.exists()
    assert cli.main([*arguments, "--conversion", "s2twp", "--text", "converted"]) == 0
    assert "會議" in target.read_text(encoding="utf-8")


def test_an_empty_output_name_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-o ''`` said "PosixPath('.') has an empty name" (jsonl) or took the working folder."""
    project = small_project(tmp_path / "p.jiyao")
    for format_name in ("jsonl", "csv"):
        code = cli.main(["export", "--db", str(project), "--format", format_name, "-o", ""])
        assert code == 1
        assert (
            capsys.readouterr().err
            == "jiyao: -o needs a file or folder name (or - for jsonl to standard output)\n"
        )


def test_tags_whose_note_changed_in_the_set_are_offered_the_update_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21: changed notes are reported "and offer to update": the count alone did not
    say how to take them."""
    project = small_project(tmp_path / "p.jiyao")
    tag = {"start": 0, "end": 4, "label": "要求", "note": "first"}
    record = {"text": TEXT, "label": [[0, 4, "要求"]], "annotations": [tag]}
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    second = tmp_path / "second.jsonl"
    tag["note"] = "second"
    second.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli.main(["import", "--db", str(project), str(first)]) == 0
    capsys.readouterr()
    assert cli.main(["import", "--db", str(project), str(second)]) == 0
    assert "second.jsonl: jiyao import --update gives them the set's note and attributes" in (
        capsys.readouterr().err
    )
    assert cli.main(["import", "--update", "--db", str(project), str(second)]) == 0
    assert "--update" not in capsys.readouterr().err


def test_export_to_a_closed_standard_output_is_refused_not_written_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``jiyao export -o - >&-`` (or a windowed launch, with no console): standard output is
    then the console log file, and the set went there, with "exported" and exit 0."""
    project = small_project(tmp_path / "p.jiyao")
    monkeypatch.setattr(sys, "stdout", None)
    code = cli.main(["export", "--db", str(project), "--format", "jsonl", "-o", "-"])
    log_stream = sys.stdout
    assert code == 1
    assert capsys.readouterr().err == (
        "jiyao: there is no standard output to write to: give -o PATH\n"
    )
    assert log_stream is not None
    log_stream.close()
    assert TEXT not in Path(log_stream.name).read_text(encoding="utf-8")
