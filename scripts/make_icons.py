"""Jiyao's icon: resources/icons/jiyao.svg and what is rendered from it.

    python scripts/make_icons.py           # jiyao-<size>.png (16-512), jiyao.ico, jiyao.icns
    python scripts/make_icons.py --glyph   # first redraw the SVG: 纪 from Noto Sans CJK SC Bold

The SVG holds the character as an outline, not as text, so it looks the same on machines with
no Chinese font (fonts-noto-cjk is needed only for --glyph). Commit what this writes; the
packages copy the files and never run this script.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "jiyao.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can say
# Apple's PNG-bearing icon types: (type, pixels). The @2x types double a point size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"ic11", 32),
    (b"icp5", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)

CANVAS = 256
BACKGROUND = "#b71c1c"  # the red of an official document's letterhead (红头文件)
FOREGROUND = "#ffffff"
GLYPH = "纪"
GLYPH_FAMILY = "Noto Sans CJK SC"
GLYPH_HEIGHT = 172  # of the 256-unit canvas: large enough to read at 16 px


def glyph_path(family: str = GLYPH_FAMILY) -> QPainterPath:
    if family not in QFontDatabase.families():
        sys.exit(f"make_icons: font {family!r} is not installed (apt install fonts-noto-cjk)")
    font = QFont(family)
    font.setWeight(QFont.Weight.Bold)
    font.setPixelSize(200)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, GLYPH)
    return path


def svg_path_data(path: QPainterPath, scale: float, dx: float, dy: float) -> str:
    """The path as SVG path data, moved and scaled, one decimal (a 256-unit canvas)."""

    def point(index: int) -> str:
        element = path.elementAt(index)
        return f"{element.x * scale + dx:.1f} {element.y * scale + dy:.1f}"

    commands: list[str] = []
    index = 0
    while index < path.elementCount():
        element = path.elementAt(index)
        if element.isMoveTo():
            if commands:
                commands.append("Z")
            commands.append(f"M{point(index)}")
            index += 1
        elif element.isLineTo():
            commands.append(f"L{point(index)}")
            index += 1
        else:  # a cubic curve: this control point, then the second one and the end point
            commands.append(f"C{point(index)} {point(index + 1)} {point(index + 2)}")
            index += 3
    commands.append("Z")
    return "".join(commands)


def draw_svg() -> str:
    path = glyph_path()
    box = path.boundingRect()
    scale = GLYPH_HEIGHT / box.height()
    dx = (CANVAS - box.width() * scale) / 2 - box.left() * scale
    dy = (CANVAS - box.height() * scale) / 2 - box.top() * scale
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        f"  <title>Jiyao ({GLYPH}), from {GLYPH_FAMILY} Bold (SIL Open Font License)</title>\n"
        f'  <rect x="8" y="8" width="240" height="240" rx="52" fill="{BACKGROUND}"/>\n'
        f'  <path fill="{FOREGROUND}" d="{svg_path_data(path, scale, dx, dy)}"/>\n'
        "</svg>\n"
    )


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon whose entries are PNG images (understood since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon: 'icns', total length, then (type, length, PNG) blocks, big-endian."""
    blocks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(blocks)) + blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--glyph", action="store_true", help="redraw the SVG from the font")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts and painting need one)
    if args.glyph:
        SVG.write_text(draw_svg(), encoding="utf-8")
        print(f"wrote {SVG}")
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        sys.exit(f"make_icons: cannot read {SVG}")
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render_png(renderer, size) for size in sizes}
    for size in PNG_SIZES:
        (ICONS / f"jiyao-{size}.png").write_bytes(pngs[size])
    (ICONS / "jiyao.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (ICONS / "jiyao.icns").write_bytes(icns(pngs))
    print(f"wrote {len(PNG_SIZES)} PNG files, jiyao.ico and jiyao.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
