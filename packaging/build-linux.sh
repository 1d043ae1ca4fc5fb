#!/usr/bin/env bash
# Jiyao's Linux packages, in one command (from anywhere):
#
#   bash packaging/build-linux.sh
#
# makes dist/jiyao/ (the PyInstaller onedir bundle: dist/jiyao/jiyao runs with no Python
# installed) and dist/jiyao_<version>_<arch>.deb (that bundle in /opt/jiyao, with the menu
# entry, icons, AppStream metainfo and the .jiyao file type). It installs PyInstaller into .venv
# (the `package` extra) when missing. PyInstaller's log is build/pyinstaller.log; a
# "Library not found" in it fails the build: the bundle would break on machines without that
# library. ./run.sh package installs the system packages this needs, then runs it.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}
APP_ID=io.github.jiyao.Jiyao
LINUX=packaging/linux
ICON_SIZES=(16 24 32 48 64 128 256 512)
LOG=build/pyinstaller.log

say() { printf '[build-linux] %s\n' "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

install_pyinstaller() {
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    local stamp="$VENV/.jiyao-package-installed" want
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -x "$VENV/bin/pyinstaller" ]; then
        say "installing Jiyao with the package extra (PyInstaller) into $VENV"
        mkdir -p build
        "$VENV/bin/python" -m pip install -q -e ".[package]" >build/pip.log 2>&1 \
            || { tail -n 30 build/pip.log >&2; die "pip install failed (see build/pip.log)"; }
        echo "$want" > "$stamp"
    fi
}

build_bundle() {
    say "PyInstaller: dist/jiyao/ (log: $LOG)"
    rm -rf dist/jiyao build/pyinstaller
    mkdir -p build dist
    if ! "$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller \
        packaging/jiyao.spec >"$LOG" 2>&1; then
        tail -n 40 "$LOG" >&2
        die "PyInstaller failed (see $LOG)"
    fi
    # A library PyInstaller could not find is missing from the bundle: the plugin that needs it
    # fails to load on the user's machine. Fix the cause (install the library here so it is
    # bundled, or leave the plugin out in jiyao.spec) rather than ship it.
    if grep -n "Library not found" "$LOG" >&2; then
        die "PyInstaller could not find the libraries above"
    fi
    dist/jiyao/jiyao --version >/dev/null || die "the bundle does not start"
}

# The Debian package's own metadata. Depends: what PyInstaller never bundles (libc, OpenGL/EGL,
# libxcb, Wayland; they must match the machine's graphics stack) and what the bundled Qt reads
# from the system at run time (fontconfig's configuration, xkb keyboard data via xkbcommon).
write_control() {
    local root=$1 version=$2 arch=$3 glibc
    glibc=$(dpkg-query -W -f='${Version}' libc6 | sed 's/-.*//')
    cat >"$root/DEBIAN/control" <<EOF
Package: jiyao
Version: $version
Architecture: $arch
Maintainer: Jiyao developers <jiyao@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Section: text
Priority: optional
Depends: libc6 (>= $glibc), libegl1, libgl1, libglib2.0-0, libfontconfig1, libfreetype6,
 libdbus-1-3, libxkbcommon0, libxkbcommon-x11-0, libxcb1, libxcb-cursor0, libxcb-icccm4,
 libxcb-keysyms1, libxcb-shape0, libxcb-xkb1, libwayland-client0, libwayland-cursor0,
 libwayland-egl1
Recommends: fonts-noto-cjk | fonts-wqy-microhei
Description: read and annotate Chinese policy and meeting documents
 Jiyao (纪要) reads meeting readouts, minutes, directives and notices in Simplified
 and Traditional Chinese, shows each beside its conversion, highlights people,
 places, dates and organisations, and tags directives. Projects are single .jiyao
 files; exports go to CSV, doccano JSONL, brat, CoNLL, REFI-QDA and Label Studio.
 .
 This package holds a self-contained build (Python and Qt inside) in /opt/jiyao.
EOF
}

write_maintainer_scripts() {
    local root=$1 script
    # Menus and file managers read caches, not our files. Debian's own triggers rebuild them
    # too; these calls cover systems where the trigger packages are absent or late.
    for script in postinst postrm; do
        cat >"$root/DEBIAN/$script" <<'EOF'
#!/bin/sh
set -e
case "$1" in
    configure|remove|purge|abort-install|abort-upgrade)
        if command -v update-mime-database >/dev/null 2>&1; then
            update-mime-database /usr/share/mime || true
        fi
        if command -v update-desktop-database >/dev/null 2>&1; then
            update-desktop-database -q /usr/share/applications || true
        fi
        if command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
        fi
        ;;
esac
exit 0
EOF
        chmod 755 "$root/DEBIAN/$script"
    done
}

stage_files() {
    local root=$1 size share="$1/usr/share"
    mkdir -p "$root/opt" "$root/usr/bin" "$root/DEBIAN"
    cp -a dist/jiyao "$root/opt/jiyao"
    # The bootloader finds _internal/ beside the executable's real path, through the symlink.
    ln -s /opt/jiyao/jiyao "$root/usr/bin/jiyao"
    install -Dm644 "$LINUX/$APP_ID.desktop" "$share/applications/$APP_ID.desktop"
    install -Dm644 "$LINUX/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
    install -Dm644 "$LINUX/$APP_ID.xml" "$share/mime/packages/$APP_ID.xml"
    install -Dm644 resources/icons/jiyao.svg "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in "${ICON_SIZES[@]}"; do
        install -Dm644 "resources/icons/jiyao-$size.png" \
            "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    install -Dm644 /dev/stdin "$share/doc/jiyao/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Jiyao
License: MIT

Files: *
Copyright: the Jiyao developers
License: MIT
Comment: /opt/jiyao bundles Python, Qt (LGPLv3, PySide6), jieba (MIT) and
 opencc-python-reimplemented (Apache-2.0) under their own licenses.
EOF
    # dpkg-deb refuses group- or world-writable maintainer scripts; keep the tree tidy as well.
    chmod -R u+rwX,go+rX,go-w "$root"
}

build_deb() {
    local version arch root deb
    version=$("$VENV/bin/python" -c 'import desktop; print(desktop.__version__)')
    arch=$(dpkg --print-architecture)
    root=build/deb/jiyao_${version}_${arch}
    deb=dist/jiyao_${version}_${arch}.deb
    say "dpkg-deb: $deb"
    rm -rf "$root" "$deb"
    stage_files "$root"
    write_control "$root" "$version" "$arch"
    write_maintainer_scripts "$root"
    dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
    say "built $deb ($(du -h "$deb" | cut -f1)); bundle $(du -sh dist/jiyao | cut -f1)"
}

command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb is missing (Debian/Ubuntu only)"
started=$(date +%s)
install_pyinstaller
build_bundle
build_deb
say "done in $(( $(date +%s) - started )) s"
