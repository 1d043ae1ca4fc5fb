"""Jiyao in the Linux desktop menu: the .desktop entry, the icons and the project MIME type.

``install`` puts them under ``$XDG_DATA_HOME`` (default ``~/.local/share``) for people who
installed with pip; the .deb ships the same files under /usr/share (packaging/linux/ holds copies
that tests/test_packaging.py keeps equal to what this module writes). Qt-free, like all of core.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.resources import resource_path

# Reverse-DNS, as AppStream and Wayland (the app_id is QGuiApplication.desktopFileName) want.
APP_ID = "io.github.jiyao.Jiyao"
MIME_TYPE = "application/x-jiyao-project"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# Version=1.4: the newest that Debian 12's desktop-file-validate (0.26) accepts.
# StartupWMClass: on X11 Qt sets WM_CLASS to (executable name, application name), "Jiyao".
_DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.4
Name=Jiyao
Name[zh_CN]=纪要
GenericName=Document Annotator
GenericName[zh_CN]=文档标注
Comment=Read and annotate Chinese policy and meeting documents
Comment[zh_CN]=阅读、标注中文政策与会议文件
Icon={app_id}
TryExec={try_exec}
Exec={exec_} %F
Terminal=false
Categories=Office;
Keywords=annotation;Chinese;policy;minutes;corpus;
Keywords[zh_CN]=标注;纪要;政策;会议;语料;
MimeType={mime};text/plain;
StartupNotify=true
StartupWMClass=Jiyao
"""

# A Jiyao project is an SQLite file whose header says application_id "JYAO" (offset 68, see
# desktop/core/store/schema.py), so the type is known even when a file lost its .jiyao suffix.
_MIME_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{mime}">
    <comment>Jiyao project</comment>
    <comment xml:lang="zh_CN">纪要项目</comment>
    <sub-class-of type="application/vnd.sqlite3"/>
    <icon name="{app_id}"/>
    <glob pattern="*.jiyao"/>
    <magic priority="60">
      <match type="string" value="SQLite format 3\\000" offset="0">
        <match type="big32" value="0x4a59414f" offset="68"/>
      </match>
    </magic>
  </mime-type>
</mime-info>
"""


def desktop_entry_text(command: Sequence[str] | None = None) -> str:
    """The .desktop file; ``command`` is the argv that starts Jiyao (default: ``jiyao``)."""
    argv = list(command) if command else ["jiyao"]
    # text/plain too: Jiyao imports text files, so it belongs in their "Open with" menu. It is
    # never made the default (nothing here writes mimeapps.list); desktops pick their editor.
    return _DESKTOP_ENTRY.format(
        app_id=APP_ID,
        try_exec=_escape_value(argv[0]),
        exec_=" ".join(_quote_argument(argument) for argument in argv),
        mime=MIME_TYPE,
    )


def mime_xml_text() -> str:
    return _MIME_XML.format(mime=MIME_TYPE, app_id=APP_ID)


def _quote_argument(argument: str) -> str:
    """An Exec argument, quoted as the Desktop Entry Specification asks when it must be."""
    # % starts a field code (%F) wherever it stands, so a literal one is doubled.
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if argument and not reserved.intersection(argument):
        return _escape_value(argument.replace("%", "%%"))
    inner = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return _escape_value(f'"{inner.replace("%", "%%")}"')


def _escape_value(value: str) -> str:
    # A string value escapes backslashes once more (on top of Exec's own quoting).
    return value.replace("\\", "\\\\")


def jiyao_command() -> list[str]:
    """How to start this very Jiyao from a menu: the bundle's executable, the ``jiyao`` script
    this process runs from, the one on PATH, or this Python with ``-m desktop``."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    # Absolute, not resolved: a virtualenv's python is a symlink to an interpreter that does
    # not have Jiyao installed.
    started_as = sys.argv[0] if sys.argv else ""
    if Path(started_as).name == "jiyao" and os.access(started_as, os.X_OK):
        return [os.path.abspath(started_as)]
    on_path = shutil.which("jiyao")
    if on_path:
        return [os.path.abspath(on_path)]
    return [os.path.abspath(sys.executable), "-m", "desktop"]


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (the spec's rule)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def installed_paths(home: Path) -> list[Path]:
    """Every file ``install`` writes under ``home``."""
    icons = home / "icons" / "hicolor"
    return [
        home / "applications" / f"{APP_ID}.desktop",
        home / "mime" / "packages" / f"{APP_ID}.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES),
    ]


@dataclass
class Report:
    """What install/uninstall did, one line each, for the command line to print."""

    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)


def install(home: Path | None = None, command: list[str] | None = None) -> Report:
    """Write the entry, the MIME type and the icons under ``home`` (default: data_home())."""
    home = home or data_home()
    report = Report()
    desktop_file, mime_file, svg, *pngs = installed_paths(home)
    _write(desktop_file, desktop_entry_text(command or jiyao_command()).encode(), report)
    _write(mime_file, mime_xml_text().encode(), report)
    _write(svg, resource_path("icons", "jiyao.svg").read_bytes(), report)
    for size, png in zip(ICON_SIZES, pngs, strict=True):
        _write(png, resource_path("icons", f"jiyao-{size}.png").read_bytes(), report)
    _refresh_caches(home, report)
    return report


def uninstall(home: Path | None = None) -> Report:
    """Remove what ``install`` wrote; files that are already gone are not an error."""
    home = home or data_home()
    report = Report()
    for path in installed_paths(home):
        if path.exists():
            path.unlink()
            report.add(f"removed {path}")
    _refresh_caches(home, report)
    return report


def _write(path: Path, content: bytes, report: Report) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    report.add(f"wrote {path}")


def _refresh_caches(home: Path, report: Report) -> None:
    """File managers read the compiled MIME database and the desktop-file cache, not our files:
    rebuild them when the tools are installed (they come with shared-mime-info and
    desktop-file-utils)."""
    for tool, folder in (
        ("update-mime-database", home / "mime"),
        ("update-desktop-database", home / "applications"),
    ):
        program = shutil.which(tool)
        if program is None:
            report.add(f"skipped {tool} (not installed)")
            continue
        if not folder.is_dir():
            continue
        result = subprocess.run(
            [program, str(folder)], capture_output=True, text=True, check=False, timeout=120
        )
        status = "ran" if result.returncode == 0 else f"FAILED ({result.stderr.strip()})"
        report.add(f"{status} {tool} {folder}")
