"""Packaging: the desktop entry, MIME type and icons, and the code paths a bundle needs.

The bundle itself is built and smoke-tested by ``./run.sh package`` (too slow for the suite).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__, cli
from desktop.core import desktop_entry
from desktop.core.desktop_entry import APP_ID, ICON_SIZES
from desktop.core.paths import log_dir

REPO = Path(__file__).resolve().parent.parent
LINUX = REPO / "packaging" / "linux"
ICONS = REPO / "resources" / "icons"
SEED = REPO / "seeds" / "000_9068b13d1ddf9a92.txt"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def run_python(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )


# --- the files under packaging/linux --------------------------------------------------------


def test_packaged_desktop_entry_is_what_install_writes_for_jiyao_on_path() -> None:
    packaged = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert packaged == desktop_entry.desktop_entry_text(["jiyao"])


def test_packaged_mime_type_is_what_install_writes() -> None:
    assert (LINUX / f"{APP_ID}.xml").read_text(encoding="utf-8") == desktop_entry.mime_xml_text()


def test_desktop_entry_quotes_a_path_with_spaces_and_percent_signs() -> None:
    text = desktop_entry.desktop_entry_text(["/opt/my apps/jiyao", "-m", "50%"])
    assert 'Exec="/opt/my apps/jiyao" -m 50%% %F' in text.splitlines()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entries_validate(tmp_path: Path) -> None:
    odd = tmp_path / f"{APP_ID}.desktop"
    odd.write_text(desktop_entry.desktop_entry_text(['/home/x/my "apps"/jiyao']), "utf-8")
    for entry in (LINUX / f"{APP_ID}.desktop", odd):
        result = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_validates_offline() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_icons_come_in_every_hicolor_size_and_for_windows_and_macos() -> None:
    for size in ICON_SIZES:
        assert png_size(ICONS / f"jiyao-{size}.png") == (size, size)
    assert (ICONS / "jiyao.svg").read_text(encoding="utf-8").startswith("<svg")
    ico = (ICONS / "jiyao.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6])[:2] == (0, 1)
    icns = (ICONS / "jiyao.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


# --- jiyao install-desktop-entry ------------------------------------------------------------


def test_install_puts_entry_icons_and_mime_type_under_xdg_data_home(tmp_path: Path) -> None:
    home = Path(os.environ["XDG_DATA_HOME"])  # a private folder (tests/conftest.py)
    report = desktop_entry.install(command=["/opt/jiyao/jiyao"])
    entry = home / "applications" / f"{APP_ID}.desktop"
    assert "Exec=/opt/jiyao/jiyao %F" in entry.read_text(encoding="utf-8").splitlines()
    assert (home / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in ICON_SIZES:
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (size, size)
    assert f"wrote {entry}" in report.lines


def test_uninstall_removes_what_install_wrote() -> None:
    home = Path(os.environ["XDG_DATA_HOME"])
    desktop_entry.install(command=["jiyao"])
    report = desktop_entry.uninstall()
    assert not any(path.exists() for path in desktop_entry.installed_paths(home))
    assert len([line for line in report.lines if line.startswith("removed")]) == 11


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="shared-mime-info")
def test_a_project_is_known_by_its_header_even_without_the_suffix(tmp_path: Path) -> None:
    from desktop.core.store import Store

    desktop_entry.install(command=["jiyao"])  # also compiles the user's MIME database
    Store(tmp_path / "project.jiyao").close()
    renamed = tmp_path / "project-without-suffix"
    shutil.copy(tmp_path / "project.jiyao", renamed)
    probe = (
        "import sys; from PySide6.QtCore import QMimeDatabase; "
        "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())"
    )
    result = run_python("-c", probe, str(renamed))
    assert result.stdout.strip() == "application/x-jiyao-project", result.stderr


def test_the_command_installs_and_uninstalls() -> None:
    home = Path(os.environ["XDG_DATA_HOME"])
    installed = run_python("-m", "desktop", "install-desktop-entry")
    assert installed.returncode == 0, installed.stderr
    assert (home / "applications" / f"{APP_ID}.desktop").is_file()
    removed = run_python("-m", "desktop", "install-desktop-entry", "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not (home / "applications" / f"{APP_ID}.desktop").exists()


def test_the_entry_starts_this_python_when_no_jiyao_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", [str(REPO / "desktop" / "__main__.py")])
    monkeypatch.setattr(shutil, "which", lambda name: None)
    # The virtualenv's own python (a symlink), not the interpreter it points to.
    assert desktop_entry.jiyao_command() == [os.path.abspath(sys.executable), "-m", "desktop"]


# --- the window's identity ------------------------------------------------------------------


def test_the_window_names_the_desktop_entry_and_has_an_icon() -> None:
    probe = (
        "from desktop.ui.shell.app import application; app = application(); "
        "print(app.desktopFileName(), app.windowIcon().isNull())"
    )
    result = run_python("-c", probe, QT_QPA_PLATFORM="offscreen")
    assert result.stdout.split() == [APP_ID, "False"], result.stderr


# --- no console: a windowed .exe has sys.stdout and sys.stderr set to None ------------------


def drop_streams(monkeypatch: pytest.MonkeyPatch) -> Path:
    """What Windows gives a windowed executable; returns the file the output should go to.
    Called inside the test: pytest puts its capturing streams back between setup and call.
    monkeypatch restores them afterwards."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    return log_dir() / cli.CONSOLE_LOG_NAME


def console_output(log: Path) -> str:
    """What main() wrote in place of the missing streams; closes the file it opened."""
    stream = sys.stdout
    assert stream is not None and sys.stderr is stream, "main() left a stream None"
    assert Path(stream.name) == log
    stream.close()
    return log.read_text(encoding="utf-8")


def test_without_a_console_analyze_writes_its_output_to_the_log_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_console = drop_streams(monkeypatch)
    assert cli.main(["analyze", "--json", str(SEED)]) == 0
    assert '"script": "traditional"' in console_output(no_console)


def test_without_a_console_version_goes_to_the_log_file(monkeypatch: pytest.MonkeyPatch) -> None:
    no_console = drop_streams(monkeypatch)
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert f"jiyao {__version__}" in console_output(no_console)


def test_without_a_console_errors_go_to_the_log_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_console = drop_streams(monkeypatch)
    missing = tmp_path / "missing.jiyao"
    assert cli.main(["export", "--db", str(missing), "--format", "csv", "-o", "x"]) == 1
    assert f"jiyao: {missing}: no such project" in console_output(no_console)


def test_with_a_console_nothing_is_redirected() -> None:
    before = sys.stdout
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert sys.stdout is before
    assert not (log_dir() / cli.CONSOLE_LOG_NAME).exists()


# --- jieba's cache --------------------------------------------------------------------------


@pytest.mark.parametrize("pure_python", ["1", "0"])
def test_jieba_caches_in_the_user_cache_folder_not_in_tmp(tmp_path: Path, pure_python: str) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = run_python(
        "-m",
        "desktop",
        "analyze",
        "--json",
        str(SEED),
        TMPDIR=str(temporary),
        JIYAO_PURE_PYTHON=pure_python,
    )
    assert result.returncode == 0, result.stderr
    if pure_python == "1":  # the native engine (rjieba) builds its dictionary with no cache file
        assert (Path(os.environ["XDG_CACHE_HOME"]) / "Jiyao" / "jieba.cache").is_file()
    assert not list(temporary.iterdir())


def test_only_the_engine_module_imports_the_engines() -> None:
    importers = {
        path.relative_to(REPO).as_posix()
        for path in (REPO / "desktop").rglob("*.py")
        if re.search(r"import (jieba|rjieba|opencc_pyo3)\b", path.read_text(encoding="utf-8"))
    }
    assert importers == {"desktop/core/engines.py"}


def test_the_spec_is_valid_python() -> None:
    spec = REPO / "packaging" / "jiyao.spec"
    compile(spec.read_text(encoding="utf-8"), str(spec), "exec")
