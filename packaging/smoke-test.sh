#!/usr/bin/env bash
# Smoke-test what packaging/build-linux.sh made, as a user without the virtualenv would run it:
#
#   bash packaging/smoke-test.sh
#
# The bundled executable analyses a seed (on the native engines, and once on the pure-Python
# fallback), renders the window offscreen on a fresh project and exports it; the Linux metadata passes its validators; the .deb holds what it should
# (unpacked with dpkg -x into a scratch folder, never installed system-wide). Prints the bundle
# and package sizes and start-up times. Every check that fails stops the script (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BUNDLE=$REPO/dist/jiyao
APP_ID=io.github.jiyao.Jiyao
LINUX=$REPO/packaging/linux
ICON_SIZES=(16 24 32 48 64 128 256 512)
SEED=$REPO/seeds/000_9068b13d1ddf9a92.txt  # Traditional, crawled: cleaning, t2s, entities

say() { printf '[smoke] %s\n' "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }
elapsed() {  # since a `date +%s%N` reading, as "1.23 s"
    local ms=$(( ($(date +%s%N) - $1) / 1000000 ))
    printf '%d.%02d s' $((ms / 1000)) $((ms % 1000 / 10))
}

# Python only to read the bundle's output (JSON, PNG headers); resolved before PATH and HOME
# change below. The bundle itself never sees it.
CHECKER=${CHECK_PYTHON:-$REPO/.venv/bin/python}
[ -x "$CHECKER" ] || CHECKER=$(command -v python3)

[ -x "$BUNDLE/jiyao" ] || die "no bundle: run bash packaging/build-linux.sh first"
version=$("$BUNDLE/jiyao" --version | cut -d' ' -f2)
deb=$REPO/dist/jiyao_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || die "no $deb: run bash packaging/build-linux.sh first"

# A clean user: own home and XDG folders, a private TMPDIR (to see that jieba writes nothing
# there), no virtualenv or Python paths, and a working directory away from the repository.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/tmp" "$scratch/work"
export HOME=$scratch/home TMPDIR=$scratch/tmp
export XDG_DATA_HOME=$scratch/home/data XDG_CONFIG_HOME=$scratch/home/config
export XDG_CACHE_HOME=$scratch/home/cache XDG_STATE_HOME=$scratch/home/state
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV JIYAO_DB JIYAO_PURE_PYTHON
cd "$scratch/work"
jiyao=$BUNDLE/jiyao

check_version() {
    local started output
    started=$(date +%s%N)
    output=$("$jiyao" --version)
    say "jiyao --version: '$output' in $(elapsed "$started")"
    [[ $output == "jiyao "* ]] || die "--version printed '$output'"
}

check_analyze() {
    local started
    started=$(date +%s%N)
    # --debug: the engines say which they are (desktop/core/engines.py), on stderr.
    "$jiyao" --debug analyze --json "$SEED" >analyze.jsonl 2>analyze.log \
        || { status=$?; cat analyze.log >&2; die "analyze exited $status"; }
    say "jiyao analyze --json (first run, native engines): $(elapsed "$started")"
    # The fast path, and no fallback: the bundle carries rjieba and opencc-pyo3.
    grep -q "using rjieba (native)" analyze.log || die "analyze did not tag with rjieba"
    grep -q "using opencc_pyo3 (native)" analyze.log || die "analyze did not convert with opencc-pyo3"
    grep -q "tagging with rjieba" analyze.log || die "the entities were not tagged by rjieba"
    if grep -E "not available|JIYAO_PURE_PYTHON" analyze.log >&2; then
        die "analyze fell back to the pure-Python engines"
    fi
    say "analyze ran on the native engines: rjieba and opencc-pyo3"
    check_analysis_json analyze.jsonl
    if find "$TMPDIR" "$BUNDLE" -name 'jieba*.cache' | grep -q .; then
        die "jieba wrote a cache into TMPDIR or the bundle"
    fi
    started=$(date +%s%N)
    "$jiyao" analyze --json "$SEED" >/dev/null || die "analyze (again) exited $?"
    say "jiyao analyze --json again: $(elapsed "$started")"
    # The fallback the bundle also carries (a platform without the native wheels runs it).
    started=$(date +%s%N)
    JIYAO_PURE_PYTHON=1 "$jiyao" analyze --json "$SEED" >analyze-pure.jsonl \
        || die "analyze on the pure-Python engines exited $?"
    say "jiyao analyze --json, JIYAO_PURE_PYTHON=1 (builds jieba's cache): $(elapsed "$started")"
    check_analysis_json analyze-pure.jsonl
    [ -s "$XDG_CACHE_HOME/Jiyao/jieba.cache" ] || die "jieba's cache is not in the user cache folder"
    if find "$TMPDIR" "$BUNDLE" -name 'jieba*.cache' | grep -q .; then
        die "jieba wrote a cache into TMPDIR or the bundle"
    fi
}

check_analysis_json() {
    "$CHECKER" - "$1" <<'EOF' || die "analyze printed unexpected JSON ($1)"
import json, sys
[record] = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
assert record["script"] == "traditional", record["script"]
assert record["conversion"] == "t2s", record["conversion"]
types = {entity["type"] for entity in record["entities"]}
assert {"PERSON", "PLACE", "DATE"} <= types, types
assert record["directives"], "no directives"
print(f"[smoke] analyze: {len(record['entities'])} entities, {len(record['directives'])} directives",
      file=sys.stderr)
EOF
}

check_screenshot() {
    local started
    started=$(date +%s%N)
    "$jiyao" gui --db "$scratch/fresh.jiyao" --screenshot "$scratch/window.png" >/dev/null \
        || die "gui --screenshot exited $?"
    say "jiyao gui --screenshot on a fresh project: $(elapsed "$started")"
    "$CHECKER" - "$scratch/window.png" <<'EOF' || die "the screenshot is not a window-sized PNG"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width >= 800 and height >= 500, (width, height)
print(f"[smoke] screenshot: {width}x{height}, {len(data) // 1024} KiB", file=sys.stderr)
EOF
}

check_export() {
    "$jiyao" export --db "$scratch/fresh.jiyao" --format jsonl -o "$scratch/set.jsonl" >&2 \
        || die "export jsonl exited $?"
    [ "$(wc -l <"$scratch/set.jsonl")" -ge 2 ] || die "the export lacks the seed documents"
    "$jiyao" export --db "$scratch/fresh.jiyao" --format csv -o "$scratch/tables" >&2 \
        || die "export csv exited $?"
    [ -s "$scratch/tables/documents.csv" ] || die "the csv export has no documents.csv"
}

check_desktop_entry_command() {
    "$jiyao" install-desktop-entry >/dev/null || die "install-desktop-entry exited $?"
    local entry=$XDG_DATA_HOME/applications/$APP_ID.desktop
    grep -qx "Exec=$BUNDLE/jiyao %F" "$entry" || die "the user entry does not start the bundle"
    desktop-file-validate "$entry" || die "the user entry does not validate"
    [ -s "$XDG_DATA_HOME/icons/hicolor/48x48/apps/$APP_ID.png" ] || die "no user icon"
    "$jiyao" install-desktop-entry --uninstall >/dev/null || die "--uninstall exited $?"
    [ ! -e "$entry" ] || die "--uninstall left $entry"
    say "install-desktop-entry and --uninstall: ok"
}

check_metadata() {
    desktop-file-validate "$LINUX/$APP_ID.desktop" || die "desktop-file-validate"
    say "desktop-file-validate $APP_ID.desktop: ok"
    appstreamcli validate --no-net "$LINUX/$APP_ID.metainfo.xml" >&2 \
        || die "appstreamcli validate"
}

check_deb() {
    local root=$scratch/root share
    dpkg-deb --info "$deb" >&2 || die "dpkg-deb --info"
    dpkg-deb --contents "$deb" >"$scratch/contents.txt" || die "dpkg-deb --contents"
    say "$(wc -l <"$scratch/contents.txt") entries in $(basename "$deb")"
    dpkg-deb -x "$deb" "$root"
    share=$root/usr/share
    [ "$(readlink "$root/usr/bin/jiyao")" = /opt/jiyao/jiyao ] || die "/usr/bin/jiyao link"
    local expected=(
        "$share/applications/$APP_ID.desktop"
        "$share/metainfo/$APP_ID.metainfo.xml"
        "$share/mime/packages/$APP_ID.xml"
        "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
        "$share/doc/jiyao/copyright"
    )
    for size in "${ICON_SIZES[@]}"; do
        expected+=("$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png")
    done
    for file in "${expected[@]}"; do
        [ -s "$file" ] || die "the .deb lacks ${file#"$root"}"
    done
    # The native text engines (issue 22): without them the package runs on the slow fallback.
    for engine in rjieba/rjieba opencc_pyo3/opencc_pyo3; do
        compgen -G "$root/opt/jiyao/_internal/$engine*.so" >/dev/null \
            || die "the .deb lacks the native engine $engine"
    done
    desktop-file-validate "$share/applications/$APP_ID.desktop" || die "packaged .desktop"
    # The unpacked copy runs from wherever it lies: nothing in it points back at dist/.
    "$root/opt/jiyao/jiyao" --version >/dev/null || die "the packaged executable does not run"
    say "the .deb unpacks with every file in place"
}

started_all=$(date +%s%N)
check_version
check_analyze
check_screenshot
check_export
check_desktop_entry_command
check_metadata
check_deb
say "bundle: $(du -sh "$BUNDLE" | cut -f1) in $(find "$BUNDLE" -type f | wc -l) files;" \
    "package: $(du -h "$deb" | cut -f1) ($(basename "$deb"))"
say "all checks passed in $(elapsed "$started_all")"
