"""Gold entities for the fourth held-out set; writes NN_<script>.json next to each NN_<script>.txt.

Run from anywhere: ``.venv/bin/python tests/data/entities/heldout4/make_gold.py``.

Four invented readouts and notices written for issue 13 (PERSON precision, dates in document
numbers), annotated by hand from ``../GUIDELINE.md``, never from the pipeline's output:
a city government executive meeting with the index-number header of a government website, a
county party standing committee meeting (Simplified), a city dispatch meeting in Traditional
script, and a provincial notice (Simplified). Every person is fictional.

The texts are dense with the traps the issue names: common words that begin with a surname
character (陈述, 查处, 周全, 金融, 高度, 金秋, 严格), ministry and bureau abbreviations (市卫健委,
县卫健局, 省发展改革委), three-character names whose first two characters make a word (陈述之,
周全胜) and digits inside index and document numbers (索引号 …/2020-00217, 澄府办纪〔2020〕9号),
which are no entity at all.

Judgement calls, as in ``../heldout3/make_gold.py``: a body immediately followed by a title
is one TITLE (市卫健委主任, 省卫健委副主任, 市政府秘书长); a place name inside a body's name
stays inside the ORG (澄江市人民政府, 青禾县委常委会); 各市卫健委 is every city's body and is
not tagged; index numbers, document numbers and telephone numbers are not tagged.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_tools import ALL, Entry, Untagged, generate  # noqa: E402

GOLD: dict[str, list[Entry]] = {
    # City government executive meeting, Simplified, with a website's index-number header.
    "01_simplified.txt": [
        ("ORG", "澄江市人民政府", ALL),
        ("DATE", "2020-03-16", ALL),
        ("DATE", "3月13日上午", ALL),
        ("TITLE", "市委副书记", ALL),
        ("TITLE", "市长", 1),  # the 2nd is inside 副市长
        ("PERSON", "邵维钧", ALL),
        ("ORG", "市政府", 1),  # the 2nd is inside 市政府秘书长
        ("TITLE", "副市长", ALL),
        ("PERSON", "欧阳晓峰", ALL),
        ("PERSON", "蒋丽萍", ALL),
        ("PERSON", "闵家骏", ALL),
        ("TITLE", "市政府秘书长", ALL),
        ("PERSON", "柴文涛", ALL),
        ("ORG", "市卫健委", 1),  # the 2nd is inside the title 市卫健委主任
        ("TITLE", "市卫健委主任", ALL),  # 陈述了: a verb, no name follows
        ("ORG", "市发改委", ALL),
        ("ORG", "市工信局", ALL),
        ("ORG", "市商务局", ALL),
        ("DATE", "3月12日", ALL),
        ("NUMBER", "1247家", ALL),
        ("NUMBER", "96.3%", ALL),
        ("NUMBER", "80亿元", ALL),
        ("ORG", "市财政局", ALL),
        ("DATE", "3月底", ALL),
        ("NUMBER", "2000万元", ALL),
        ("NUMBER", "36万亩", ALL),
    ],
    # County party standing committee meeting, Simplified.
    "02_simplified.txt": [
        ("ORG", "青禾县委常委会", ALL),
        ("DATE", "2020-04-08 10:32", ALL),
        ("ORG", "青禾县融媒体中心", ALL),
        ("DATE", "4月7日", ALL),
        ("TITLE", "县委书记", ALL),
        ("PERSON", "韩立新", ALL),
        ("ORG", "县委常委会", 2),  # the 1st is inside 青禾县委常委会
        ("ORG", "中央", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "市委", ALL),
        ("TITLE", "县委副书记", ALL),
        ("TITLE", "县长", 1),
        ("PERSON", "龚明远", ALL),
        ("PERSON", "钱佳宁", ALL),
        ("TITLE", "县人大常委会主任", ALL),
        ("TITLE", "县政协主席", ALL),
        ("ORG", "县纪委监委", ALL),
        ("NUMBER", "12亿元", ALL),
        ("ORG", "县卫健局", ALL),
        ("ORG", "县市场监管局", ALL),
        ("DATE", "6月30日", ALL),
        ("ORG", "县委办", ALL),
        ("ORG", "县政府办", ALL),
        ("TITLE", "县委常委", 3),  # the 1st and 2nd are inside 县委常委会
        ("TITLE", "组织部部长", ALL),
        ("PERSON", "祁海鹰", ALL),
        ("NUMBER", "23个", ALL),
    ],
    # City dispatch meeting, Traditional script.
    "03_traditional.txt": [
        ("PLACE", "臨川市", ALL),
        ("DATE", "2020年05月20日09:15", ALL),
        ("ORG", "臨川日報", ALL),
        ("DATE", "5月19日下午", ALL),
        ("TITLE", "市委書記", ALL),
        ("PERSON", "諸葛偉業", ALL),
        ("TITLE", "市委副書記", ALL),
        ("TITLE", "市長", 1),  # the 2nd is inside 副市長
        ("PERSON", "馮曉光", ALL),
        ("TITLE", "副市長", ALL),
        ("PERSON", "陳述之", ALL),
        ("PERSON", "溫志剛", ALL),
        ("ORG", "市衛健委", ALL),
        ("ORG", "市發改委", ALL),
        ("NUMBER", "3500萬元", ALL),
        ("NUMBER", "2.1億元", ALL),
        ("ORG", "市教育局", ALL),
        ("NUMBER", "1500萬元", ALL),
    ],
    # Provincial notice, Simplified.
    "04_simplified.txt": [
        ("DATE", "2020年04月02日", ALL),
        ("ORG", "国务院联防联控机制", ALL),
        ("ORG", "省卫健委", 1),  # the 2nd is inside the title 省卫健委副主任
        ("ORG", "省发展改革委", 1),
        ("ORG", "省地方金融监管局", ALL),
        ("NUMBER", "6个月", ALL),
        ("TITLE", "省卫健委副主任", ALL),
        ("TITLE", "省发展改革委副主任", ALL),
        ("PERSON", "高峻岭", ALL),
        ("PERSON", "金丽华", ALL),
        ("PERSON", "周全胜", ALL),
    ],
}

UNTAGGED: dict[str, list[Untagged]] = {
    "01_simplified.txt": [
        ("11441900MB2C73521X/2020-00217", ALL, "index number"),
        ("澄府办纪〔2020〕9号", ALL, "document number"),
    ],
    "02_simplified.txt": [
        ("青政办发〔2020〕18号", ALL, "document number"),
    ],
    "04_simplified.txt": [
        ("006939748/2020-01587", ALL, "index number"),
        ("汾卫发〔2020〕21号", ALL, "document number"),
        ("国发明电〔2020〕4号", ALL, "document number"),
        ("市卫健委", ALL, "各市卫健委: every city's body, generic"),
        ("0357-2028816", ALL, "telephone number"),
    ],
}

if __name__ == "__main__":
    generate(HERE, GOLD, untagged=UNTAGGED)
