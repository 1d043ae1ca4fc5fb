"""Generate the gold entity annotations gold_000.json and gold_003.json (see GUIDELINE.md).

Entities are listed by hand, per document, as ``(type, surface, occurrence)``. ``occurrence`` is
the 0-based index of the meant occurrence among all non-overlapping occurrences of ``surface`` in
the clean text (left to right), a list of such indices, or ``"all"`` when every occurrence is that
entity. Offsets are computed with ``str.find``; the script refuses to write if a span does not
match its text, if two spans overlap, or if an index does not exist (``gold_tools.py``).

    .venv/bin/python tests/data/entities/make_gold.py            # write the gold files
    .venv/bin/python tests/data/entities/make_gold.py --review   # also show every span in context
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gold_tools import (
    Entry,
    document,
    resolve,
    show_in_context,
    table_header,
    table_row,
    write_json,
)

from desktop.core.cleaning import clean
from desktop.core.resources import seeds_dir

HERE = Path(__file__).resolve().parent
# Occurrence indices here are 0-based and count non-overlapping matches (see the docstring).
FIRST = 0
OVERLAPPING = False

# 000: Traditional script; pinyin artefacts are removed by clean().
GOLD_000: list[Entry] = [
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
GOLD_003: list[Entry] = [
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--review", action="store_true", help="show every span in context")
    args = parser.parse_args()
    print(table_header())
    for out_name, (seed_name, items) in DOCUMENTS.items():
        text = clean((seeds_dir() / seed_name).read_text(encoding="utf-8")).text
        entities = resolve(text, items, seed_name, first=FIRST, overlapping=OVERLAPPING)
        offsets = "code points into the clean text, end-exclusive"
        write_json(HERE / out_name, document(seed_name, text, entities, offsets))
        print(table_row(out_name, entities))
        if args.review:
            show_in_context(text, entities, overlapping=OVERLAPPING)


if __name__ == "__main__":
    main()
