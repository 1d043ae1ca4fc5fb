"""Gold entities for the fifth held-out set; writes NN_<script>.json next to each NN_<script>.txt.

Run from anywhere: ``.venv/bin/python tests/data/entities/heldout5/make_gold.py``.

Three invented readouts written after the issue 13 fixes, to measure them on text they were not
tuned on: a district work meeting (Simplified), a county spring-farming meeting in Traditional
script with a website's index number, and a company safety meeting (Simplified). Annotated by
hand from ``../GUIDELINE.md`` before the pipeline was run on them. Every person is fictional;
the names start with surnames that are also common characters (任, 宁, 常, 向, 万, 钟, 石).

Judgement calls, as in ``../heldout4/make_gold.py``: a place name inside a body's name stays
inside the ORG (双溪区融媒体中心); 公司 before a title is the generic noun (公司|党委书记,
公司|总经理); index and document numbers are not tagged; 一季度 and 全年 are no DATE.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_tools import ALL, Entry, Untagged, generate  # noqa: E402

GOLD: dict[str, list[Entry]] = {
    "01_simplified.txt": [
        ("PLACE", "双溪区", 1),  # the 2nd is inside 双溪区融媒体中心
        ("DATE", "2020年03月09日 16:20", ALL),
        ("ORG", "双溪区融媒体中心", ALL),
        ("DATE", "3月9日上午", ALL),
        ("TITLE", "区委书记", ALL),
        ("PERSON", "汤振宇", ALL),
        ("TITLE", "区委副书记", ALL),
        ("TITLE", "区长", 1),  # the 2nd is inside 常务副区长
        ("PERSON", "贺俊峰", ALL),
        ("TITLE", "区人大常委会主任", ALL),
        ("PERSON", "蔡文渊", ALL),
        ("TITLE", "区政协主席", ALL),
        ("PERSON", "任雅琴", ALL),
        ("ORG", "区卫健局", ALL),
        ("ORG", "区市场监管局", ALL),
        ("ORG", "区公安分局", ALL),
        ("DATE", "3月8日", ALL),
        ("NUMBER", "186家", ALL),
        ("NUMBER", "91.2%", ALL),
        ("NUMBER", "2.3万人", ALL),
        ("ORG", "中央", ALL),
        ("DATE", "3月15日", ALL),
        ("NUMBER", "8%", ALL),
        ("ORG", "区发改局", ALL),
        ("TITLE", "区委常委", ALL),
        ("TITLE", "常务副区长", ALL),
        ("PERSON", "宁浩然", ALL),
    ],
    "02_traditional.txt": [
        ("PLACE", "雲陽縣", ALL),
        ("DATE", "2020-03-24 09:05:31", ALL),
        ("ORG", "雲陽日報", ALL),
        ("DATE", "3月23日", ALL),
        ("TITLE", "縣委書記", ALL),
        ("PERSON", "石明遠", ALL),
        ("TITLE", "縣委副書記", ALL),
        ("TITLE", "縣長", 1),  # the 2nd is inside 副縣長
        ("PERSON", "常立群", ALL),
        ("TITLE", "副縣長", ALL),
        ("PERSON", "向紅梅", ALL),
        ("NUMBER", "42.6萬畝", ALL),
        ("NUMBER", "1360萬元", ALL),
        ("NUMBER", "60萬畝", ALL),
        ("ORG", "縣農業農村委", ALL),
        ("ORG", "縣財政局", ALL),
        ("ORG", "縣林業局", ALL),
        ("DATE", "4月10日", ALL),
        ("ORG", "縣水利局", ALL),
        ("ORG", "縣金融辦", ALL),
    ],
    "03_simplified.txt": [
        ("DATE", "4月2日下午", ALL),
        ("TITLE", "党委书记", ALL),
        ("TITLE", "董事长", ALL),
        ("PERSON", "钟亦凡", ALL),
        ("TITLE", "总经理", 1),  # the 2nd is inside 副总经理
        ("PERSON", "万国梁", ALL),
        ("TITLE", "副总经理", ALL),
        ("PERSON", "黎晓东", ALL),
        ("ORG", "国务院安委会", ALL),
        ("ORG", "省应急管理厅", ALL),
        ("DATE", "4月底", ALL),
        ("NUMBER", "18.6亿元", ALL),
        ("NUMBER", "4.3%", ALL),
    ],
}

UNTAGGED: dict[str, list[Untagged]] = {
    "01_simplified.txt": [("双发改〔2020〕7号", ALL, "document number")],
    "02_traditional.txt": [("11500235MB1A27843K/2020-00391", ALL, "index number")],
}

if __name__ == "__main__":
    generate(HERE, GOLD, untagged=UNTAGGED)
