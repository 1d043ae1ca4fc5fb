#!/usr/bin/env bash
# One script: everything Jiyao needs on a fresh Debian/Ubuntu machine, then
#   ./run.sh app  [jiyao arguments...]    opens the window
#   ./run.sh test [pytest arguments...]   runs ruff, mypy, lint-imports and the whole test suite,
#                                         then the suite again on the pure-Python engines
#                                         (JIYAO_PURE_PYTHON=1): what CI runs
#   ./run.sh package                      builds dist/jiyao/ and the .deb, then smoke-tests them
#                                         (CI runs it after test; see packaging/README.md)
# It installs missing system packages (when it may: as root, or with sudo), makes .venv,
# and reinstalls the project into it whenever pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")"

# Qt's runtime libraries for the offscreen platform, and a font that covers Chinese.
BASE_PACKAGES=(libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libdbus-1-3 fonts-wqy-microhei)
# What a real X11 window needs on top (Wayland sessions use XWayland or libwayland-cursor0).
WINDOW_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
# What building and checking the packages needs on top: the metadata validators, the MIME and
# desktop-file caches install-desktop-entry refreshes, and binutils for PyInstaller. With
# WINDOW_PACKAGES installed, PyInstaller finds (and bundles) every library Qt's xcb plugin links.
PACKAGING_PACKAGES=(desktop-file-utils appstream shared-mime-info binutils)
PYTHON=${PYTHON:-python3}
VENV=.venv

say() { printf '[run.sh] %s\n' "$*" >&2; }

install_system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: install Qt's runtime libraries and a CJK font yourself"; return 0; }
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        missing+=(python3-venv)
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
            say "missing system packages (install them as root): ${missing[*]}"; return 0
        fi
    fi
    say "installing system packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

install_python_packages() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || { say "Jiyao needs Python 3.11 or newer (found $("$PYTHON" --version 2>&1))"; exit 2; }
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    local stamp="$VENV/.jiyao-installed" want
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "installing Jiyao and its Python packages into $VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q -e ".[test]"
        echo "$want" > "$stamp"
    fi
}

command=${1:-}
shift || true
case "$command" in
    app)
        install_system_packages "${BASE_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}"
        install_python_packages
        exec "$VENV/bin/jiyao" "$@"
        ;;
    test)
        install_system_packages "${BASE_PACKAGES[@]}"
        install_python_packages
        export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
        "$VENV/bin/ruff" check .
        "$VENV/bin/mypy"
        "$VENV/bin/lint-imports"  # the import contracts of ARCHITECTURE.md (pyproject.toml)
        "$VENV/bin/python" -m pytest "$@"
        # Once more on the pure-Python engines (jieba, opencc-python-reimplemented): the fallback
        # where the native wheels do not install, and the reference (desktop/core/engines.py).
        say "the test suite again on the pure-Python engines (JIYAO_PURE_PYTHON=1)"
        JIYAO_PURE_PYTHON=1 exec "$VENV/bin/python" -m pytest "$@"
        ;;
    package)
        install_system_packages "${BASE_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}" "${PACKAGING_PACKAGES[@]}"
        export LANG=C.UTF-8
        bash packaging/build-linux.sh
        exec bash packaging/smoke-test.sh
        ;;
    *)
        echo "usage: ./run.sh app [jiyao arguments...] | ./run.sh test [pytest arguments...]" \
            "| ./run.sh package" >&2
        exit 2
        ;;
esac
