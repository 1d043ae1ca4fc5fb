"""The command line's restore, given a careless path: refused in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import cli


@pytest.mark.parametrize("given", ["", "  "])
def test_restore_with_an_empty_path_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    project = tmp_path / "p.jiyao"
    code = cli.main(["restore", given, "--db", str(project)])
    assert code == 1
    assert capsys.readouterr().err == (
        "jiyao: the backup's path is empty: give a file `jiyao backups` lists\n"
    )
    assert not project.exists()


def test_restore_from_a_folder_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["restore", str(tmp_path), "--db", str(tmp_path / "p.jiyao")])
    assert code == 1
    assert f"{tmp_path} is a folder, not a backup" in capsys.readouterr().err
