"""Gold entities for the second held-out set; writes NN_<script>.json next to each NN_<script>.txt.

Run from anywhere: ``.venv/bin/python tests/data/entities/heldout2/make_gold.py``.

The six texts are invented readouts in the 2020 复工复产 / epidemic-control genre (three
Simplified, three Traditional). Every person is fictional; no name is taken from ``seeds/`` or
from ``../heldout/``. Annotation follows ``../GUIDELINE.md``.

Each entity is listed as ``(type, surface, occurrence)``. ``occurrence`` is 1-based and counts
every match of ``surface`` that ``str.find`` finds (stepping one code point at a time, so matches
inside other entities count too), or ``"all"`` for every match.

Offsets are found and checked by ``../gold_tools.py`` (all checks fatal): the text is already
clean (``desktop.core.cleaning.clean`` changes nothing), so offsets into the file are offsets
into the clean text; every listed occurrence exists and ``text[start:end] == surface``; no two
spans overlap; every match of an annotated surface is annotated or overlaps another entity,
unless listed in ``UNTAGGED`` (catches a forgotten repeat of a name); every ASCII digit lies
inside an entity or an ``UNTAGGED`` match.

Judgement calls the guideline does not settle explicitly (applied the same way in every text):

1. A body immediately followed by a title is part of the TITLE, named or short form alike:
   the guideline's ORG is "not followed by a title" and its TITLE examples include 行政院長,
   市政府秘书长, 市政府党组成员. So 区卫生健康局局长, 区疫情防控指挥部副指挥长, 市中級人民法院院長,
   中央流行疫情指揮中心指揮官, 指揮中心發言人, 衛生局局長 are one TITLE each. Only a leading proper
   place name splits off, without its level suffix, as in the guideline (南岭|市委书记).
2. A place name inside a body's name stays inside the ORG (as 宿迁市委): 南岭市政府,
   桐溪县人民政府办公室, 清河区融媒体中心, 澳門中華總商會, 江川港務集團. A body of a body written
   as one name is one ORG: 衛生福利部疾病管制署.
3. A short form that stands for one named body is ORG, like 集团公司 and 总工办 in the guideline
   and seed gold: 指揮中心 (the CECC), 協調中心 (Macau's 應變協調中心), 特區政府.
4. In 县政府常务会议 the 县政府 is the body holding the meeting: ORG.
5. Company short names (华茂电子, 金禾食品) and newspapers in the source line (南岭日报, 江川日報)
   are named bodies: ORG, as 宿遷市廣播電視總臺 in the seed gold.
6. A time range is one DATE (2月17日0—24时); so is a day with 零時 (3月29日零時) and a month
   part with a number (4月底, 1月底). Two dates joined by 起至 are two DATEs (4月份 … 6月份).
   今日, 今年, 上半年, 春节前 have no number and are not tagged.
7. NUMBER includes approximators after the numeral (3000余名, 20多歲, 4萬3千餘人) but not words
   before it (逾3000名 -> 3000名, 約9.6億元 -> 9.6億元, 首10例 -> 10例). Ages (20多歲) and counts
   of days (14天) are counts with a unit: NUMBER.
8. Not tagged: COVID-19 (a disease name), the hotline 1922 (an identifier, not an amount),
   本澳 and 全区/全市/我区 (like 本地, 全市), 县领导/市領導 (like 市领导), 企業負責人 and
   基層人員 (generic role nouns), 省、市 as bare one-character levels (as 中央和省 in the seed
   gold), 外國, 中小企業援助計劃 (a programme, not a body), and the fixed phrases 两手抓, 两不误,
   一企一策, 一手抓, 第一線.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_tools import ALL, Entry, Untagged, generate  # noqa: E402

GOLD: dict[str, list[Entry]] = {
    # County government executive meeting, Simplified.
    "01_simplified.txt": [
        ("PLACE", "桐溪县", 1),  # 2nd is inside the ORG 桐溪县人民政府办公室
        ("ORG", "县政府", 1),  # 县政府常务会议 (call 4); 3rd and 4th are inside TITLEs
        ("ORG", "县政府", 2),
        ("DATE", "2020-03-06 09:42:15", ALL),
        ("ORG", "桐溪县人民政府办公室", ALL),
        ("DATE", "2020年3月5日上午", ALL),
        ("TITLE", "县委副书记", ALL),
        ("TITLE", "县长", 1),  # 2nd and 3rd are inside 常务副县长, 副县长
        ("PERSON", "诸葛文斌", ALL),
        ("ORG", "党中央", ALL),
        ("ORG", "国务院", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "省政府", ALL),
        ("TITLE", "常务副县长", ALL),
        ("PERSON", "冯涛", ALL),
        ("TITLE", "副县长", 2),  # 1st is inside 常务副县长
        ("PERSON", "杨丽娟", ALL),
        ("PERSON", "邝建新", ALL),
        ("PERSON", "陶金", ALL),
        ("TITLE", "县政府党组成员", ALL),
        ("PERSON", "宁世豪", ALL),
        ("TITLE", "县政府办公室主任", ALL),  # body + title is one TITLE (call 1)
        ("PERSON", "鲁晓燕", ALL),
        ("ORG", "县发展改革局", ALL),
        ("ORG", "县工业和信息化局", ALL),
        ("DATE", "3月4日", ALL),
        ("NUMBER", "198家", ALL),
        ("NUMBER", "186家", ALL),
        ("NUMBER", "93.9%", ALL),
        ("NUMBER", "2.1万人", ALL),
        ("NUMBER", "37个", ALL),
        ("NUMBER", "29个", ALL),
        ("NUMBER", "4.6亿元", ALL),
        ("ORG", "中央", 2),  # 用足用好中央、省、市; 1st is inside 党中央; bare 省, 市 untagged
        ("NUMBER", "3000万元", ALL),
        ("DATE", "3月份", ALL),
        ("DATE", "4月底", ALL),  # call 6
        ("NUMBER", "十个方面", ALL),
        ("ORG", "县疫情防控指挥部", ALL),
        ("PLACE", "湖北", ALL),
        ("NUMBER", "14天", ALL),
        ("PLACE", "城关镇", ALL),
        ("PLACE", "石桥乡", ALL),
        ("ORG", "华茂电子", ALL),  # call 5
        ("ORG", "金禾食品", ALL),
    ],
    # Provincial governor's inspection tour of factories, Simplified.
    "02_simplified.txt": [
        ("PERSON", "皇甫立新", ALL),
        ("PLACE", "南岭市", 1),
        ("PLACE", "南岭市", 2),  # 3rd is inside ORG 南岭市政府, 4th is 南岭|市委书记
        ("DATE", "2020年02月27日07:35", ALL),
        ("ORG", "南岭日报", ALL),  # call 5
        ("DATE", "2月26日", ALL),
        ("TITLE", "省委副书记", ALL),
        ("TITLE", "省长", ALL),
        ("ORG", "党中央", ALL),
        ("ORG", "国务院", ALL),
        ("ORG", "省委", 2),  # 1st is inside 省委副书记
        ("ORG", "省政府", 1),  # 2nd is inside 省政府秘书长
        ("ORG", "恒昌汽车零部件有限公司", ALL),
        ("TITLE", "董事长", ALL),
        ("PERSON", "韦国梁", ALL),
        ("NUMBER", "1260名", ALL),
        ("NUMBER", "1080名", ALL),
        ("NUMBER", "85.7%", ALL),
        ("ORG", "省工业和信息化厅", ALL),
        ("ORG", "南岭市政府", ALL),  # call 2
        ("PLACE", "江北区", ALL),
        ("ORG", "区委", ALL),
        ("ORG", "区政府", ALL),
        ("NUMBER", "312家", ALL),
        ("NUMBER", "276家", ALL),
        ("NUMBER", "88.5%", ALL),
        ("ORG", "鑫源医疗器械股份有限公司", ALL),
        ("NUMBER", "800套", ALL),
        ("NUMBER", "5000套", ALL),
        ("PLACE", "湖北", ALL),
        ("PLACE", "武汉", ALL),
        ("NUMBER", "1.5亿元", ALL),
        ("TITLE", "省政府秘书长", ALL),
        ("PERSON", "程嘉", ALL),
        ("PLACE", "南岭", 5),  # 南岭|市委书记, as 宿迁|市委书记 in the guideline
        ("TITLE", "市委书记", ALL),
        ("PERSON", "戴红", ALL),
        ("TITLE", "市委副书记", ALL),
        ("TITLE", "市长", ALL),
        ("PERSON", "骆子健", ALL),
    ],
    # District epidemic-control headquarters press briefing, Simplified.
    "03_simplified.txt": [
        ("ORG", "清河区疫情防控指挥部", ALL),
        ("DATE", "2020年2月18日 10:05", ALL),
        ("ORG", "清河区融媒体中心", ALL),
        ("DATE", "2月18日上午", ALL),
        ("ORG", "清河区新冠肺炎疫情防控指挥部", ALL),
        ("TITLE", "区委常委", ALL),
        ("TITLE", "常务副区长", ALL),
        ("TITLE", "区疫情防控指挥部副指挥长", ALL),  # call 1
        ("PERSON", "柏云峰", ALL),
        ("TITLE", "区卫生健康局局长", ALL),  # call 1
        ("PERSON", "孔佳", ALL),
        ("TITLE", "区商务局副局长", ALL),  # call 1
        ("PERSON", "申屠志远", ALL),
        ("DATE", "2月17日0—24时", ALL),  # call 6: a time range is one DATE
        ("NUMBER", "3例", 1),  # 2nd is inside 43例
        ("NUMBER", "5例", ALL),
        ("DATE", "2月17日24时", ALL),
        ("NUMBER", "84例", ALL),
        ("NUMBER", "41例", ALL),
        ("NUMBER", "43例", ALL),
        ("NUMBER", "1126人", ALL),
        ("NUMBER", "217人", ALL),
        ("NUMBER", "6天", ALL),
        ("ORG", "区委", 2),  # 1st and 3rd are inside TITLEs
        ("ORG", "区政府", ALL),
        ("DATE", "17日", 3),  # 截至17日; 1st and 2nd are inside DATEs
        ("NUMBER", "415家", ALL),
        ("NUMBER", "59.7%", ALL),
        ("NUMBER", "1320家", ALL),
        ("NUMBER", "3000余名", ALL),  # call 7
        ("ORG", "区卫生健康局", 2),
        ("PLACE", "城南街道", ALL),
        ("PLACE", "望湖街道", ALL),
        ("NUMBER", "12个", ALL),
        ("ORG", "区商务局", 2),
        ("NUMBER", "20万只", ALL),
        ("ORG", "区疫情防控指挥部", 3),  # 1st inside the ORG in the headline, 2nd inside a TITLE
        ("TITLE", "区委宣传部副部长", ALL),
        ("PERSON", "邹瑾", ALL),
    ],
    # Taiwan CECC press release, Traditional (民國 dates, 今(29)日).
    "04_traditional.txt": [
        ("NUMBER", "2例", ALL),
        ("DATE", "109-03-29", ALL),
        ("ORG", "疾病管制署", 1),  # 2nd is inside 衛生福利部疾病管制署
        ("ORG", "中央流行疫情指揮中心", 1),  # 2nd is inside a TITLE
        ("DATE", "今(29)日", ALL),
        ("PLACE", "美國", ALL),
        ("PLACE", "英國", ALL),
        ("NUMBER", "298例", ALL),
        ("NUMBER", "257例", ALL),
        ("NUMBER", "41例", ALL),
        ("NUMBER", "2人", ALL),
        ("NUMBER", "39人", ALL),
        ("TITLE", "中央流行疫情指揮中心指揮官", ALL),  # call 1
        ("PERSON", "端木正平", ALL),
        ("NUMBER", "1名", ALL),
        ("NUMBER", "20多歲", ALL),  # call 7
        ("NUMBER", "50多歲", ALL),
        ("DATE", "3月25日", ALL),
        ("DATE", "3月26日", ALL),
        ("ORG", "衛生福利部疾病管制署", ALL),  # call 2
        ("NUMBER", "37人", ALL),
        ("ORG", "指揮中心", 3),  # call 3; 1st, 2nd inside the full name, 4th inside a TITLE
        ("DATE", "民國109年4月1日", ALL),
        ("PLACE", "臺灣", ALL),
        ("DATE", "3月29日零時", ALL),
        ("NUMBER", "14天", ALL),
        ("NUMBER", "4萬3千餘人", ALL),
        ("NUMBER", "3000名", ALL),  # 逾 stays outside
        ("TITLE", "指揮中心發言人", ALL),
        ("PERSON", "莊雅惠", ALL),
        ("ORG", "經濟部", ALL),
        ("DATE", "3月份", ALL),
        ("NUMBER", "600億元", ALL),
        ("DATE", "1月底", ALL),
        ("NUMBER", "188萬片", ALL),
        ("NUMBER", "1300萬片", ALL),
        ("TITLE", "行政院長", ALL),
        ("PERSON", "游正宏", ALL),
        ("TITLE", "交通部長", ALL),
        ("PERSON", "林嘉佑", ALL),
        ("PLACE", "桃園", ALL),
        ("ORG", "指揮中心", 5),
    ],
    # Macau coordination centre press conference, Traditional.
    "05_traditional.txt": [
        ("ORG", "新型冠狀病毒感染應變協調中心", ALL),
        ("DATE", "2020-03-18 21:06:45", ALL),
        ("ORG", "澳門特別行政區政府新聞局", ALL),
        ("DATE", "2020年3月18日下午", ALL),
        ("TITLE", "衛生局局長", ALL),
        ("PERSON", "容志誠", ALL),
        ("TITLE", "經濟局局長", ALL),
        ("PERSON", "馮詠詩", ALL),
        ("TITLE", "旅遊局副局長", ALL),
        ("PERSON", "司徒家樂", ALL),
        ("PLACE", "澳門", 2),  # 1st, 3rd, 4th are inside ORGs
        ("NUMBER", "15例", ALL),
        ("NUMBER", "10例", ALL),  # 首 stays outside
        ("NUMBER", "5例", 2),  # 1st is inside 15例
        ("PLACE", "葡萄牙", ALL),
        ("PLACE", "西班牙", ALL),
        ("PLACE", "英國", ALL),
        ("NUMBER", "14天", ALL),
        ("NUMBER", "312名", ALL),
        ("ORG", "衛生局", 2),  # 1st is inside a TITLE
        ("ORG", "特區政府", ALL),  # call 3
        ("NUMBER", "100億元", ALL),
        ("DATE", "3月17日", ALL),
        ("ORG", "經濟局", 2),  # 1st is inside a TITLE
        ("ORG", "經濟局", 3),
        ("NUMBER", "4717份", ALL),
        ("NUMBER", "2860份", ALL),
        ("NUMBER", "9.6億元", ALL),  # 約 stays outside
        ("DATE", "4月份", ALL),  # call 6: 4月份起至6月份 is two DATEs
        ("DATE", "6月份", ALL),
        ("NUMBER", "三個月", ALL),
        ("ORG", "澳門中華總商會", ALL),
        ("ORG", "澳門廠商聯合會", ALL),
        ("DATE", "2月份", ALL),
        ("NUMBER", "95.6%", ALL),
        ("NUMBER", "24.8%", ALL),
        ("ORG", "旅遊局", 2),  # 1st is inside a TITLE
        ("NUMBER", "1.2億元", ALL),
        ("ORG", "協調中心", 3),  # call 3; 1st and 2nd are inside the full name
        ("DATE", "3月19日零時", ALL),
        ("PLACE", "澳門", 5),
        ("TITLE", "行政長官", ALL),
        ("PERSON", "何永康", ALL),
    ],
    # City promotion meeting, mainland readout in Traditional script.
    "06_traditional.txt": [
        ("PLACE", "江川市", ALL),
        ("PERSON", "夏侯建明", ALL),
        ("DATE", "2020年03月11日", ALL),
        ("ORG", "江川日報", ALL),  # call 5
        ("DATE", "3月10日下午", ALL),
        ("ORG", "黨中央", ALL),
        ("ORG", "國務院", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "省政府", ALL),
        ("TITLE", "市委書記", ALL),
        ("TITLE", "市委副書記", ALL),
        ("TITLE", "市長", ALL),
        ("PERSON", "甘露", ALL),
        ("TITLE", "市人大常委會主任", ALL),
        ("PERSON", "崔國平", ALL),
        ("TITLE", "市政協主席", ALL),
        ("PERSON", "龐玉蓮", ALL),
        ("PERSON", "閔志剛", ALL),  # 市領導 is not tagged; the four names have no title
        ("PERSON", "賀蘭", ALL),
        ("PERSON", "邢海濤", ALL),
        ("PERSON", "方寧", ALL),
        ("TITLE", "市中級人民法院院長", ALL),  # call 1
        ("PERSON", "包振宇", ALL),
        ("DATE", "9日24時", ALL),
        ("NUMBER", "1263家", ALL),
        ("NUMBER", "1208家", ALL),
        ("NUMBER", "95.6%", ALL),
        ("NUMBER", "82.3%", ALL),
        ("NUMBER", "156個", ALL),
        ("ORG", "市發展和改革委員會", ALL),
        ("ORG", "市經濟和信息化局", ALL),
        ("ORG", "豐華紡織集團有限公司", ALL),
        ("ORG", "江川港務集團", ALL),  # call 2
        ("NUMBER", "5家", ALL),
        ("NUMBER", "120輛", ALL),
        ("PLACE", "貴州", ALL),
        ("PLACE", "雲南", ALL),
        ("NUMBER", "5600餘人", ALL),
        ("DATE", "3月份", ALL),
        ("NUMBER", "48個", ALL),
        ("NUMBER", "85億元", ALL),
        ("ORG", "市疫情防控指揮部", ALL),
    ],
}

# Matches deliberately left untagged: (surface, occurrence, reason); see call 8.
UNTAGGED: dict[str, list[Untagged]] = {
    "04_traditional.txt": [
        ("COVID-19", ALL, "a disease name"),
        ("1922", ALL, "the hotline, an identifier, not an amount"),
    ],
}


if __name__ == "__main__":
    generate(HERE, GOLD, untagged=UNTAGGED)
