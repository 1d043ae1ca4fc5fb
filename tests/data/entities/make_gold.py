"""Generate the gold entity annotations gold_000.json and gold_003.json (see GUIDELINE.md).

Entities are listed by hand, per document, as ``(type, surface, occurrence)``. ``occurrence`` is
the 0-based index of the meant occurrence among all non-overlapping occurrences of ``surface`` in
the clean text (left to right), a list of such indices, or ``"all"`` when every occurrence is that
entity. Offsets are computed with ``str.find``; the script refuses to write if a span does not
match its text, if two spans overlap, or if an index does not exist.

    .venv/bin/python tests/data/entities/make_gold.py            # write the gold files
    .venv/bin/python tests/data/entities/make_gold.py --review   # also show every span in context
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

from desktop.core.cleaning import clean
from desktop.core.model import text_sha256
from desktop.core.resources import seeds_dir

HERE = Path(__file__).resolve().parent
TYPES = ("PERSON", "TITLE", "ORG", "PLACE", "DATE", "NUMBER")

Occurrence = int | list[int] | str

# 000: Traditional script; pinyin artefacts are removed by clean().
GOLD_000: list[tuple[str, str, Occurrence]] = [
    # headline + byline
    ("PLACE", "宿遷市", [0, 2]),  # 1 is inside the ORG 宿遷市廣播電視總臺; 3-5 are 宿遷|市委…
    ("ORG", "中央", "all"),
    ("DATE", "2020年02月12日08:28", "all"),
    ("ORG", "宿遷市廣播電視總臺", "all"),
    # paragraph 1
    ("DATE", "2月10日下午", "all"),
    # 宿遷|市委書記, 宿遷|市委副書記, 結合宿遷實際 x2, 宿遷|市委常委
    ("PLACE", "宿遷", [3, 4, 5, 6, 7]),
    ("TITLE", "市委書記", "all"),
    ("TITLE", "市人大常委會主任", "all"),
    ("PERSON", "張愛軍", "all"),
    ("ORG", "省委", "all"),
    ("ORG", "省政府", "all"),
    ("TITLE", "市委副書記", "all"),
    ("TITLE", "市長", 0),  # 1 is inside 常務副市長
    ("PERSON", "王昊", "all"),
    # 市委、市政府 standing for the bodies; 市委 0, 1, 5 are inside titles
    ("ORG", "市委", [2, 3, 4]),
    ("ORG", "市政府", [0, 1, 2]),  # 3, 4 are inside 市政府黨組成員, 市政府秘書長
    ("ORG", "市疫情防控工作領導小組", "all"),
    # closing line of officials
    ("TITLE", "市委常委", "all"),
    ("TITLE", "常務副市長", "all"),
    ("PERSON", "史志軍", "all"),
    ("PERSON", "張昊", "all"),
    ("PERSON", "李榮錦", "all"),
    ("PERSON", "光華", "all"),
    ("TITLE", "市政府黨組成員", "all"),
    ("PERSON", "馮建林", "all"),
    ("TITLE", "市政府秘書長", "all"),
    ("PERSON", "閆輝", "all"),
]

# 003: Simplified compilation of three readouts (篇1, 篇2, 篇3).
GOLD_003: list[tuple[str, str, Occurrence]] = [
    # title
    ("NUMBER", "3篇", "all"),
    # 篇1
    ("ORG", "集团公司", "all"),
    ("DATE", "2月11日", "all"),
    ("TITLE", "党委副书记", "all"),
    ("TITLE", "副董事长", "all"),
    ("TITLE", "总经理", "all"),
    ("PERSON", "刘信华", "all"),
    ("ORG", "总工办", "all"),
    # 篇2
    ("PLACE", "奢岭街道", "all"),
    ("PLACE", "云山街道", "all"),
    # 篇3
    ("DATE", "2月17日", "all"),
    ("PERSON", "习近平", "all"),
    ("TITLE", "总书记", "all"),
    ("ORG", "省推动企业复工复产工作暨重大工程建设项目总指挥部", "all"),
    ("TITLE", "市长", "all"),
    ("PERSON", "朱伟", "all"),
    ("DATE", "16日24时", "all"),
    ("NUMBER", "84例", "all"),
    ("NUMBER", "23例", "all"),
    ("NUMBER", "4717家", "all"),
    ("NUMBER", "59.7%", "all"),
    ("NUMBER", "2039家", "all"),
    ("ORG", "国务院应对疫情联防联控机制第十八工作指导组", "all"),
    ("PLACE", "佛山", "all"),
    ("NUMBER", "十个方面", "all"),
    ("PERSON", "蔡家华", "all"),
    ("PERSON", "许国", "all"),
    ("PERSON", "陈小坚", "all"),
    ("PERSON", "赵海", "all"),
]

DOCUMENTS = {
    "gold_000.json": ("000_9068b13d1ddf9a92.txt", GOLD_000),
    "gold_003.json": ("003_81982325587c9960.txt", GOLD_003),
}


def occurrences(text: str, surface: str) -> list[int]:
    found, i = [], text.find(surface)
    while i >= 0:
        found.append(i)
        i = text.find(surface, i + len(surface))
    return found


def resolve(text: str, items: list[tuple[str, str, Occurrence]]) -> list[dict[str, Any]]:
    entities: list[dict[str, Any]] = []
    for kind, surface, which in items:
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind!r} for {surface!r}")
        starts = occurrences(text, surface)
        if not starts:
            raise ValueError(f"{surface!r} does not occur in the text")
        if isinstance(which, str):
            if which != "all":
                raise ValueError(f"{surface!r}: occurrence {which!r} is neither an index nor 'all'")
            chosen = starts
        else:
            indices = [which] if isinstance(which, int) else which
            if any(not 0 <= n < len(starts) for n in indices):
                raise ValueError(f"{surface!r}: {which!r} not among {len(starts)} occurrences")
            chosen = [starts[n] for n in indices]
        for start in chosen:
            end = start + len(surface)
            assert text[start:end] == surface
            entities.append({"type": kind, "start": start, "end": end, "text": surface})
    entities.sort(key=lambda e: (e["start"], e["end"]))
    for a, b in itertools.pairwise(entities):
        if b["start"] < a["end"]:
            raise ValueError(f"overlapping spans: {a} and {b}")
    return entities


def review(text: str, entities: list[dict[str, Any]]) -> None:
    """Print every span in context, then the occurrences of tagged strings left untagged."""
    for e in entities:
        s, t = int(e["start"]), int(e["end"])
        left, right = text[max(0, s - 8) : s], text[t : t + 8]
        print(f"  {e['type']:6} {s:5} {left!r:>22} [{e['text']}] {right!r}")
    tagged = {(int(e["start"]), str(e["text"])) for e in entities}
    for surface in sorted({str(e["text"]) for e in entities}):
        for s in occurrences(text, surface):
            if (s, surface) not in tagged:
                ctx = text[max(0, s - 8) : s + len(surface) + 8]
                print(f"  untagged occurrence of {surface!r} at {s}: {ctx!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", action="store_true", help="show every span in context")
    args = parser.parse_args()
    for out_name, (seed_name, items) in DOCUMENTS.items():
        raw = (seeds_dir() / seed_name).read_text(encoding="utf-8")
        text = clean(raw).text
        entities = resolve(text, items)
        data = {
            "document": seed_name,
            "text_sha256": text_sha256(text),
            "offsets": "code points into the clean text, end-exclusive",
            "entities": entities,
        }
        out = HERE / out_name
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        counts = Counter(str(e["type"]) for e in entities)
        summary = ", ".join(f"{k} {counts.get(k, 0)}" for k in TYPES)
        print(f"{out_name} ({seed_name}): {len(entities)} entities: {summary}")
        if args.review:
            review(text, entities)


if __name__ == "__main__":
    main()
