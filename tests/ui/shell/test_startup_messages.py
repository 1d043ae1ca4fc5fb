"""What a launch says on the terminal, with the plural forms of each language."""

from __future__ import annotations

import pytest

from desktop.ui.shell.app import hand_over_message, report_hand_over
from desktop.ui.shell.i18n import install_language
from desktop.ui.shell.single_instance import Launch


def test_a_second_launch_says_it_handed_its_paths_over(
    qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert report_hand_over(Launch.HANDED_OVER, 2) == 0
    assert capsys.readouterr().out.strip() == "Jiyao is already running: handed 2 paths to it."


def test_one_path_is_singular_and_none_brings_the_window_forward(qapp: object) -> None:
    assert hand_over_message(1) == "Jiyao is already running: handed 1 path to it."
    assert "front" in hand_over_message(0)


def test_the_chinese_message_counts_too(qapp: object) -> None:
    install_language("zh_CN")
    try:
        assert hand_over_message(3) == "纪要已在运行：已将 3 个路径交给它。"
    finally:
        install_language("en")
