#!/usr/bin/env bash
# The macOS disk image, on a Mac (not built in CI: there is no Mac there). From the repository:
#
#   python3 -m venv .venv && .venv/bin/pip install -e '.[package]'
#   .venv/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/jiyao.spec
#   bash packaging/macos/make-dmg.sh
#
# makes dist/Jiyao-<version>.dmg: Jiyao.app beside a link to /Applications, to drag across.
# The .app's Info.plist (document type for .jiyao projects, "Open with" for text files) comes
# from the BUNDLE step of packaging/jiyao.spec. Set JIYAO_CODESIGN_IDENTITY before running
# PyInstaller to sign with a Developer ID; without one the app is signed ad hoc and Gatekeeper
# asks the user to confirm the first start (right-click > Open). Notarisation is not done here.
set -euo pipefail
cd "$(dirname "$0")/../.."

die() { printf '[make-dmg] FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || die "hdiutil exists only on macOS"
app=dist/Jiyao.app
[ -d "$app" ] || die "no $app: run PyInstaller with packaging/jiyao.spec first"
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
dmg=dist/Jiyao-$version.dmg

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symlinks, extended attributes and signatures intact (cp -R may not).
ditto "$app" "$staging/Jiyao.app"
ln -s /Applications "$staging/Applications"
codesign --verify --deep "$staging/Jiyao.app" || die "Jiyao.app's signature is broken"

rm -f "$dmg"
hdiutil create -volname "Jiyao $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
printf '[make-dmg] built %s (%s)\n' "$dmg" "$(du -h "$dmg" | cut -f1)" >&2
