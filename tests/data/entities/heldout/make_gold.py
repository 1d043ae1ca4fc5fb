"""Gold entities for the held-out texts in this folder; writes NN_<script>.json next to each text.

Run from anywhere: ``.venv/bin/python tests/data/entities/heldout/make_gold.py``.

The texts are fictional readouts written for this set (no name is taken from ``seeds/`` or from
the examples in ``../GUIDELINE.md``); annotation follows that guideline. Each entity is listed as
``(type, surface, occurrence)``: ``occurrence`` is 1-based and counts every match of ``surface``
found by ``str.find`` (including matches inside other entities), or ``"all"`` for every match.

Offsets are found and checked by ``../gold_tools.py`` (all checks fatal): the text is already
clean (``desktop.core.cleaning.clean`` changes nothing), so offsets into the file are offsets
into the clean text; every listed occurrence exists and ``text[start:end] == surface``; no two
spans overlap; every match of an annotated surface is annotated or overlaps another entity,
unless listed in ``UNTAGGED`` (catches a forgotten repeat of a name); every ASCII digit lies
inside an entity or an ``UNTAGGED`` match.

Judgement calls where the guideline is not explicit are commented at the entry.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_tools import ALL, Entry, Untagged, generate  # noqa: E402

GOLD: dict[str, list[Entry]] = {
    # City standing committee meeting, Simplified.
    "01_simplified.txt": [
        ("ORG", "泰州市委常委会", 1),  # like 宿迁市委: a city party body with its place name
        ("DATE", "2020-03-21 11:13:17", ALL),
        ("ORG", "泰州市人民政府", ALL),
        ("DATE", "3月20日下午", ALL),
        ("TITLE", "市委书记", ALL),
        ("TITLE", "市人大常委会主任", ALL),
        ("PERSON", "欧阳振华", ALL),
        ("ORG", "市委常委会", 2),  # the body in 市委常委会会议; not TITLE 市委常委
        ("ORG", "党中央", ALL),
        ("ORG", "国务院", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "省政府", ALL),
        ("DATE", "19日24时", ALL),
        ("NUMBER", "37例", ALL),
        ("NUMBER", "2864家", ALL),
        ("NUMBER", "98.6%", ALL),
        ("NUMBER", "91.2%", ALL),
        # 一盘棋, 两手抓, 施策, 严格把关, 杜绝, 一企一策, 一线, 宝贵意见, 关怀: not entities.
        ("NUMBER", "十个方面", ALL),
        ("NUMBER", "1.2亿元", ALL),
        ("ORG", "市疫情防控指挥部", ALL),
        ("PLACE", "海陵区", ALL),
        ("PLACE", "姜堰区", ALL),
        ("PLACE", "城东街道", ALL),
        ("NUMBER", "14天", ALL),
        ("TITLE", "市委副书记", ALL),
        ("TITLE", "市长", 1),  # the 2nd match is inside 常务副市长
        ("PERSON", "司马立群", ALL),
        ("TITLE", "市委常委", 3),  # matches 1-2 are inside the ORG 市委常委会
        ("TITLE", "市委常委", 4),
        ("TITLE", "常务副市长", ALL),
        ("PERSON", "金水平", ALL),  # jieba may read 金 + 水平
        ("TITLE", "市委秘书长", ALL),
        ("PERSON", "韩冰", ALL),
        # 市领导 is not tagged; each listed name is.
        ("PERSON", "单国栋", ALL),
        ("PERSON", "钱玉珍", ALL),
        ("PERSON", "邵启明", ALL),
    ],
    # Provincial inspection, Simplified.
    "02_simplified.txt": [
        ("TITLE", "省委副书记", ALL),
        ("PERSON", "彭卫东", ALL),
        ("PLACE", "凉山州", ALL),
        ("DATE", "2020年3月5日上午", ALL),
        ("PLACE", "西昌市", 1),
        ("PLACE", "德昌县", ALL),
        ("TITLE", "州委副书记", ALL),
        ("TITLE", "州长", ALL),
        ("PERSON", "阿苏惹布", ALL),
        ("TITLE", "州委常委", ALL),
        ("PLACE", "西昌", 2),  # 西昌|市委书记, like 宿迁|市委书记
        ("TITLE", "市委书记", ALL),
        ("PERSON", "马晓峰", ALL),
        ("PLACE", "西昌市", 3),  # 西昌市|长安街道: not 西昌 + 市长
        ("PLACE", "长安街道", ALL),
        ("ORG", "川兴钒钛集团", ALL),
        ("NUMBER", "3260人", ALL),
        ("DATE", "3月份", ALL),
        ("NUMBER", "4.5亿元", ALL),
        ("ORG", "县疫情防控指挥部", ALL),
        ("ORG", "省委", 3),  # matches 1, 2 and 4 are inside titles
        ("ORG", "省政府", 1),  # match 2 is inside 省政府副秘书长
        ("DATE", "3月4日", ALL),
        ("NUMBER", "27天", ALL),
        ("NUMBER", "96.3%", ALL),
        ("NUMBER", "138个", ALL),
        ("PLACE", "四川省", ALL),
        ("TITLE", "省政府副秘书长", ALL),  # like 市政府秘书长
        ("PERSON", "吉克拉则", ALL),
        ("TITLE", "省委副秘书长", ALL),
        ("PERSON", "杜红霞", ALL),
    ],
    # State-owned company meeting, Simplified.
    "03_simplified.txt": [
        ("ORG", "恒泰能源集团", ALL),
        ("DATE", "2020年2月18日上午", ALL),
        ("ORG", "集团公司", ALL),
        ("ORG", "国务院联防联控机制", ALL),
        ("ORG", "国务院国资委", ALL),
        # 中央企业 is a category of companies, not the body 中央: not tagged.
        ("TITLE", "党委书记", ALL),
        ("TITLE", "董事长", ALL),
        ("PERSON", "上官文涛", ALL),
        ("TITLE", "党委副书记", ALL),
        ("TITLE", "总经理", 1),  # match 2 is inside 副总经理
        ("PERSON", "高兴华", ALL),  # jieba may read 高兴 + 华
        ("DATE", "2月17日", ALL),
        ("NUMBER", "43家", ALL),
        ("NUMBER", "41家", ALL),
        ("NUMBER", "95.3%", ALL),
        ("NUMBER", "2.6万人", ALL),
        ("NUMBER", "15万只", ALL),
        ("PLACE", "湖北省", ALL),
        ("PLACE", "武汉市", ALL),
        ("NUMBER", "860万元", ALL),
        ("ORG", "党中央", ALL),
        ("NUMBER", "12个", ALL),
        ("DATE", "3月底", ALL),  # a month with a number, like 3月份
        ("NUMBER", "1200万元", ALL),
        ("TITLE", "副总经理", ALL),
        ("PERSON", "慕容晓", ALL),
        ("TITLE", "纪委书记", ALL),
        ("PERSON", "田蕴", ALL),
        ("TITLE", "总会计师", ALL),
        ("PERSON", "聂春梅", ALL),
    ],
    # Taiwan-style Executive Yuan notice, Traditional, ROC dates.
    "04_traditional.txt": [
        ("ORG", "行政院", 1),
        ("DATE", "109-02-06", ALL),
        ("ORG", "行政院新聞傳播處", ALL),
        ("TITLE", "行政院長", ALL),
        ("PERSON", "蕭正德", ALL),
        ("DATE", "今(6)日", ALL),
        ("ORG", "行政院", 4),  # the body in 行政院會議 (cf. 市委常委会会议)
        ("ORG", "衛生福利部", ALL),
        ("ORG", "中央流行疫情指揮中心", ALL),
        ("DATE", "民國109年2月7日", ALL),
        ("PLACE", "中國大陸", ALL),
        ("PLACE", "臺灣", ALL),
        ("NUMBER", "14天", ALL),
        ("NUMBER", "16例", ALL),
        ("NUMBER", "8例", ALL),
        ("PLACE", "湖北省", ALL),
        ("PLACE", "武漢市", ALL),
        ("NUMBER", "188萬片", ALL),
        ("NUMBER", "400萬片", ALL),
        ("NUMBER", "2億元", ALL),
        ("ORG", "行政院", 5),
        ("NUMBER", "600億元", ALL),
        ("ORG", "經濟部", ALL),
        ("NUMBER", "50%", ALL),
        ("ORG", "勞動部", ALL),
        # 各部會, bare 政府, 陸籍, 國境, 國內: not entities.
        ("TITLE", "指揮官", ALL),
        ("PERSON", "鄭文彬", ALL),
    ],
    # Hong Kong-style government press release, Traditional.
    "05_traditional.txt": [
        ("ORG", "特區政府", ALL),
        ("TITLE", "行政長官", ALL),
        ("PERSON", "區綺雯", ALL),  # surname 區, not the district word
        ("TITLE", "財政司司長", ALL),  # the post's name, as printed under a name in Hong Kong
        ("PERSON", "梁家禧", ALL),
        ("ORG", "香港特別行政區政府", ALL),
        ("NUMBER", "1,375億元", ALL),
        ("NUMBER", "8項", ALL),
        ("PLACE", "香港", 2),  # match 1 is inside the ORG
        ("NUMBER", "935宗", ALL),
        ("NUMBER", "六成", ALL),  # a proportion, like a percentage; 逾 stays out
        ("NUMBER", "14天", ALL),
        ("ORG", "衞生防護中心", ALL),
        ("NUMBER", "24小時", ALL),
        ("NUMBER", "21宗", ALL),
        ("NUMBER", "17宗", ALL),
        # 抵港 (abbreviation inside a verb) and 第二輪 (ordinal): not entities.
        ("NUMBER", "6個月", ALL),
        ("NUMBER", "9,000元", ALL),
        ("NUMBER", "150萬名", ALL),
        ("ORG", "立法會財務委員會", ALL),
        ("DATE", "6月", ALL),
        ("PLACE", "灣仔", ALL),
        ("PLACE", "九龍城", ALL),
        ("PLACE", "荃灣", ALL),
        ("NUMBER", "3間", ALL),
        ("DATE", "2020年4月8日", ALL),
    ],
    # Mainland district readout converted to Traditional.
    "06_traditional.txt": [
        ("PLACE", "株洲市", ALL),
        ("PLACE", "蘆淞區", ALL),
        ("DATE", "2020年2月25日上午", ALL),
        ("ORG", "區疫情防控工作領導小組", ALL),  # like 市疫情防控工作领导小组
        # 第十三次 is an ordinal: not tagged.
        ("ORG", "國務院聯防聯控機制", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "省政府", ALL),
        ("ORG", "市委", ALL),
        ("ORG", "市政府", ALL),
        ("TITLE", "區委書記", ALL),
        ("PERSON", "羅建新", ALL),
        ("DATE", "2月24日24時", ALL),
        ("NUMBER", "9例", ALL),
        ("NUMBER", "7例", ALL),
        ("NUMBER", "186家", ALL),
        ("NUMBER", "72.4%", ALL),
        ("NUMBER", "1.3萬人", ALL),
        # 一盤棋, 杜絕, 兩手抓, 兩不誤, 施策, 嚴格把關, 寶貴意見, 關懷, 區級領導: not entities.
        ("NUMBER", "3家", ALL),
        ("PLACE", "建寧街道", ALL),
        ("PLACE", "龍泉街道", ALL),
        ("TITLE", "區委副書記", ALL),
        ("TITLE", "區長", ALL),
        ("PERSON", "令狐曉東", ALL),
        ("PERSON", "劉曉玲", ALL),
        ("PERSON", "段斌", ALL),
        ("PERSON", "吳德昌", ALL),
        ("PERSON", "易秋萍", ALL),
    ],
}

# Matches deliberately left untagged: (surface, occurrence, reason). Needed only where a check
# would otherwise fail (a digit outside every entity, or a match of an annotated surface).
UNTAGGED: dict[str, list[Untagged]] = {
    "04_traditional.txt": [("1922", ALL, "a hotline number, not a count or amount")],
}


if __name__ == "__main__":
    generate(HERE, GOLD, untagged=UNTAGGED, indent=2)
