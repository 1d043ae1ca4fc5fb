#!/usr/bin/env bash
# The README's chart figures (docs/figures/chart-*.png): a small made-up project of directive
# readouts (three cities, six months, issuers and addressees), drawn by `jiyao chart`.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" - "$work/demo.jiyao" <<'PY'
import random
import sys

from desktop.core.model import NewDocument
from desktop.core.store import Store

random.seed(15)
cities = ["宿迁", "苏州", "南京"]
issuers = {"市长": ["区长", "局长", "企业"], "区长": ["街道", "企业"], "局长": ["企业", "街道"]}
with Store(sys.argv[1]) as store:
    top = store.add_label("指令")
    labels = [store.add_label(name, parent_id=top.id).id for name in ("要求", "部署", "督促")]
    for n in range(90):
        month = 1 + (n // 3) % 6  # every city every month
        text = f"第{n}号会议纪要：市长要求各区加快复工复产，区长部署企业做好防控。" * 2
        document = store.add_document(
            NewDocument(
                title=f"{cities[n % 3]}会议纪要{n}",
                raw_text=text,
                clean_text=text,
                encoding="utf-8",
                script="simplified",
                date=f"2020-{month:02d}-{1 + n % 27:02d}",
                source=cities[n % 3],
            )
        )
        assert document is not None
        for index in range(random.randint(1, 2 + month // 2)):
            issuer = random.choice(list(issuers))
            attributes = {"issuer": issuer, "addressee": random.choice(issuers[issuer])}
            start = 8 + index * 3
            store.add_annotation(
                document, random.choice(labels), start, start + 2, attributes=attributes
            )
PY
jiyao() { "$PYTHON" -m desktop "$@" --db "$work/demo.jiyao"; }
mkdir -p docs/figures
jiyao chart --rows label --columns source --kind bar -o docs/figures/chart-bar.png
jiyao chart --rows month --columns source --kind timeline -o docs/figures/chart-timeline.png
jiyao chart --rows issuer --columns addressee --kind heatmap -o docs/figures/chart-heatmap.png
jiyao chart --rows issuer --columns addressee --kind network -o docs/figures/chart-network.png
