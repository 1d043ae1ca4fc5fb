#!/usr/bin/env bash
# Refresh the translation source from desktop/ui and the messages desktop/core marks with
# QT_TRANSLATE_NOOP (desktop/core/messages.py; new strings appear as unfinished), then
# compile it. Translate the unfinished strings with Qt Linguist (pyside6-linguist) in between.
set -euo pipefail
shopt -s globstar  # desktop/ui/**/*.py: the ui's task packages too
cd "$(dirname "$0")/.."
for ts in resources/i18n/jiyao_*.ts; do
    # English is the source language: its file holds only the plural forms ("%n tag(s)").
    only=()
    [[ "$ts" == *_en.ts ]] && only=(-pluralonly)
    .venv/bin/pyside6-lupdate -no-obsolete "${only[@]}" desktop/ui/**/*.py desktop/core/**/*.py -ts "$ts"
    .venv/bin/pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
