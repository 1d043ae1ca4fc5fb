"""Gold entities for the third held-out set; writes NN_<script>.json next to each NN_<script>.txt.

Run from anywhere: ``.venv/bin/python tests/data/entities/heldout3/make_gold.py``.

Six invented readouts in the 2020 epidemic-control / 复工复产 genre: a prefecture city government
executive meeting, a county party standing committee meeting, a company's epidemic-prevention
meeting (Simplified); a Taiwan ministry press release, a Hong Kong government notice, a mainland
readout in Traditional script. Every person is fictional; no name is taken from ``seeds/``,
``../heldout/`` or ``../heldout2/``. Written without looking at the extractor or its resources.
Annotation follows ``../GUIDELINE.md``.

Each entity is ``(type, surface, occurrence)``: ``occurrence`` is 1-based and counts every match of
``surface`` found by ``str.find`` (stepping one code point, so matches inside other entities count
too), or ``"all"``.

Offsets are found and checked by ``../gold_tools.py`` (all checks fatal): the text is already
clean (``desktop.core.cleaning.clean`` changes nothing), so offsets into the file are offsets
into the clean text; every listed occurrence exists and ``text[start:end] == surface``; no two
spans overlap; every match of an annotated surface is annotated or overlaps another entity
(catches a forgotten repeat of a name); every ASCII digit lies inside an entity.

Judgement calls, applied as in ``../heldout2/make_gold.py``:

1. A body immediately followed by a title is one TITLE (市委副书记, 市政府秘书长, 县纪委书记,
   勞動部長, 勞動力發展署署長, 食物及衞生局局長, 衞生署署長, 市疫情防控工作領導小組組長); only a
   leading proper place name splits off without its level suffix (峪川|市委書記).
2. A place name inside a body's name stays inside the ORG (澜州市政府, 枫川县融媒体中心,
   香港特別行政區政府, 澳門特別行政區政府, 峪川市疫情防控工作領導小組).
3. 公司 before a title or body is the generic noun and stays out (公司|党委书记,
   公司|疫情防控工作领导小组), as 公司党委副书记 in the seed gold.
4. NUMBER drops words before the numeral (约9萬名 -> 9萬名, 逾八成 -> 八成, 近3倍 -> 3倍) and keeps
   approximators after it (1萬4千餘名, 3800餘名); counts of days (14天, 十四天) are NUMBER.
5. 今日（三月十七日）: only the bracketed date is tagged (今日 has no number); 三月十九日零時 is one
   DATE; （星期二） is not part of the DATE.
6. Not tagged: bare 政府 in the Hong Kong notice (generic), 全市/全县/全國/本港, 市领导/县领导,
   各县区政府, 各縣（市、區）, programme names (安心就業計畫, 充電再出發訓練計畫), document titles,
   ordinals (首批, 第二批), and the fixed phrases 两手抓, 两不误, 一企一策, 一人一档,
   不漏一戶、不漏一人.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from gold_tools import ALL, Entry, generate  # noqa: E402

GOLD: dict[str, list[Entry]] = {
    # Prefecture city government executive meeting, Simplified.
    "01_simplified.txt": [
        ("ORG", "澜州市政府", ALL),
        ("DATE", "2020年03月04日", ALL),
        ("ORG", "澜州日报", ALL),
        ("DATE", "3月3日下午", ALL),
        ("ORG", "市政府", 2),  # 1st inside 澜州市政府, 3rd inside 市政府秘书长
        ("ORG", "党中央", ALL),
        ("ORG", "国务院", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "省政府", ALL),
        ("TITLE", "市委副书记", ALL),
        ("TITLE", "市长", 1),  # later ones inside 常务副市长, 副市长
        ("PERSON", "尉迟明轩", ALL),
        ("ORG", "市发展改革委", ALL),
        ("DATE", "3月2日", ALL),
        ("NUMBER", "1126家", ALL),
        ("NUMBER", "1058家", ALL),
        ("NUMBER", "93.96%", ALL),
        ("NUMBER", "18.7万人", ALL),
        ("NUMBER", "214个", ALL),
        ("NUMBER", "163个", ALL),
        ("NUMBER", "42.5亿元", ALL),
        ("ORG", "中央", 2),  # 中央和省; 1st inside 党中央
        ("NUMBER", "5000万元", ALL),
        ("DATE", "3月底", ALL),
        ("ORG", "市疫情防控指挥部", ALL),
        ("PLACE", "武汉", ALL),
        ("NUMBER", "14天", ALL),
        ("NUMBER", "3个", 2),  # 1st inside 163个
        ("TITLE", "常务副市长", ALL),
        ("PERSON", "贺明远", ALL),
        ("TITLE", "副市长", 2),  # 1st inside 常务副市长
        ("PERSON", "柯文", ALL),
        ("PERSON", "蒲晓岚", ALL),
        ("TITLE", "市政府秘书长", ALL),
        ("PERSON", "祁振", ALL),
        ("PERSON", "石嘉树", ALL),
        ("PERSON", "邓若楠", ALL),
    ],
    # County party committee standing committee meeting with attendee list, Simplified.
    "02_simplified.txt": [
        ("PLACE", "枫川县", 1),  # 2nd inside 枫川县融媒体中心
        ("ORG", "县委常委会", ALL),
        ("DATE", "2020-02-27 16:05", ALL),
        ("ORG", "枫川县融媒体中心", ALL),
        ("DATE", "2月26日晚", ALL),
        ("TITLE", "县委书记", ALL),
        ("PERSON", "钟立恒", ALL),
        ("ORG", "中央", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "市委", ALL),
        ("DATE", "2月25日24时", ALL),
        ("NUMBER", "3例", ALL),
        ("NUMBER", "21天", ALL),
        ("NUMBER", "127家", ALL),
        ("NUMBER", "119家", ALL),
        ("NUMBER", "2.3万人", ALL),
        ("ORG", "县疫情防控工作领导小组", ALL),
        ("NUMBER", "36.8万亩", ALL),
        ("NUMBER", "1.5万吨", ALL),
        ("PLACE", "湖北", ALL),
        ("PLACE", "浙江", ALL),
        ("ORG", "县纪委监委", ALL),
        ("PLACE", "白沙镇", ALL),
        ("PLACE", "柳塘乡", ALL),
        ("TITLE", "县委副书记", ALL),
        ("TITLE", "县长", 1),  # 2nd inside 常务副县长
        ("PERSON", "甘慧琳", ALL),
        ("PERSON", "汤国梁", ALL),
        ("TITLE", "县委常委", 3),  # 1st and 2nd inside 县委常委会
        ("TITLE", "县委常委", 4),
        ("TITLE", "县委常委", 5),
        ("TITLE", "县委常委", 6),
        ("TITLE", "常务副县长", ALL),
        ("PERSON", "吕一鸣", ALL),
        ("TITLE", "组织部部长", ALL),
        ("PERSON", "樊静", ALL),
        ("TITLE", "宣传部部长", ALL),
        ("PERSON", "邬海生", ALL),
        ("TITLE", "县纪委书记", ALL),
        ("TITLE", "县监委主任", ALL),
        ("PERSON", "连思远", ALL),
        ("TITLE", "县人大常委会主任", ALL),
        ("TITLE", "县政协主席", ALL),
    ],
    # A company's epidemic-prevention and resumption meeting, Simplified.
    "03_simplified.txt": [
        ("ORG", "恒锦化工", 1),  # 2nd inside 恒锦化工股份有限公司
        ("DATE", "2020年2月8日", ALL),
        ("DATE", "2月7日上午", ALL),
        ("ORG", "恒锦化工股份有限公司", ALL),
        ("ORG", "省国资委", ALL),
        ("ORG", "恒锦集团", ALL),
        ("TITLE", "党委书记", ALL),
        ("TITLE", "董事长", ALL),
        ("PERSON", "莫承宇", ALL),
        ("NUMBER", "1362人", ALL),
        ("NUMBER", "826人", ALL),
        ("NUMBER", "47人", ALL),
        ("PLACE", "湖北", ALL),
        ("PLACE", "河南", ALL),
        ("NUMBER", "12人", ALL),
        ("NUMBER", "2.4万只", ALL),
        ("NUMBER", "3.5吨", ALL),
        ("NUMBER", "40台", ALL),
        ("TITLE", "总经理", 1),  # 2nd inside 副总经理
        ("TITLE", "党委副书记", ALL),
        ("PERSON", "黎安芬", ALL),
        ("ORG", "疫情防控工作领导小组", ALL),
        ("ORG", "人力资源部", ALL),
        ("DATE", "2月10日", ALL),
        ("NUMBER", "三批", ALL),
        ("DATE", "2月17日", ALL),
        ("DATE", "2月底", ALL),
        ("DATE", "3月份", ALL),
        ("NUMBER", "4.8亿元", ALL),
        ("TITLE", "副总经理", ALL),
        ("PERSON", "丁可", ALL),
        ("TITLE", "工会主席", ALL),
        ("PERSON", "彭嘉", ALL),
        ("TITLE", "总会计师", ALL),
        ("PERSON", "郑淑宁", ALL),
        ("NUMBER", "28人", ALL),
    ],
    # Taiwan ministry press release with 民國 dates, Traditional.
    "04_traditional.txt": [
        ("ORG", "勞動部", 1),  # 3rd inside 勞動部長
        ("ORG", "勞動部", 2),
        ("ORG", "勞動部", 4),
        ("NUMBER", "1萬1千元", ALL),
        ("DATE", "民國109年4月8日", ALL),
        ("ORG", "勞動力發展署", 1),  # 2nd inside 勞動力發展署署長
        ("DATE", "今(8)日", ALL),
        ("TITLE", "勞動部長", ALL),
        ("PERSON", "溫淑貞", ALL),
        ("DATE", "4月6日", ALL),
        ("NUMBER", "583家", ALL),
        ("NUMBER", "1萬4千餘名", ALL),
        ("NUMBER", "3倍", ALL),
        ("NUMBER", "50%", ALL),
        ("NUMBER", "6個月", ALL),
        ("NUMBER", "9萬名", ALL),
        ("NUMBER", "35億元", ALL),
        ("DATE", "109年4月10日", ALL),
        ("TITLE", "勞動力發展署署長", ALL),
        ("PERSON", "龔建忠", ALL),
        ("ORG", "行政院", ALL),
        ("DATE", "民國109年12月31日", ALL),
        ("NUMBER", "180元", ALL),
        ("PLACE", "臺北市", ALL),
        ("PLACE", "新北市", ALL),
        ("PLACE", "桃園市", ALL),
        ("PLACE", "臺中市", ALL),
        ("TITLE", "政務次長", ALL),
        ("PERSON", "邱振邦", ALL),
        ("ORG", "經濟部", ALL),
        ("ORG", "衛生福利部", ALL),
    ],
    # Hong Kong government notice, Traditional.
    "05_traditional.txt": [
        ("DATE", "2020年3月17日", ALL),
        ("ORG", "香港特別行政區政府", ALL),
        ("DATE", "三月十七日", ALL),
        ("DATE", "三月十九日零時", ALL),
        ("NUMBER", "十四天", ALL),
        ("TITLE", "食物及衞生局局長", ALL),
        ("PERSON", "陳李婉芬", ALL),
        ("NUMBER", "八成", ALL),
        ("NUMBER", "162宗", ALL),
        ("PLACE", "歐洲", ALL),
        ("PLACE", "北美洲", ALL),
        ("PLACE", "廣東省", ALL),
        ("ORG", "澳門特別行政區政府", ALL),
        ("TITLE", "保安局局長", ALL),
        ("PERSON", "鄧耀祖", ALL),
        ("ORG", "入境事務處", ALL),
        ("ORG", "衞生署", 1),  # 2nd inside 衞生署署長
        ("NUMBER", "6萬個", ALL),
        ("PLACE", "西貢", ALL),
        ("NUMBER", "800個", ALL),
        ("TITLE", "衞生署署長", ALL),
        ("PERSON", "麥志恆", ALL),
        ("NUMBER", "25,000元", ALL),
        ("NUMBER", "六個月", ALL),
    ],
    # Mainland city leading-group meeting written in Traditional script.
    "06_traditional.txt": [
        ("ORG", "峪川市疫情防控工作領導小組", ALL),
        ("DATE", "2020年2月19日", ALL),
        ("ORG", "峪川日報", ALL),
        ("DATE", "2月18日上午", ALL),
        ("PLACE", "峪川", 3),  # 1st and 2nd inside ORGs
        ("TITLE", "市委書記", ALL),
        ("TITLE", "市疫情防控工作領導小組組長", ALL),
        ("PERSON", "闞志遠", ALL),
        ("ORG", "市疫情防控工作領導小組", 3),  # 1st inside ORG, 2nd inside TITLE
        ("ORG", "黨中央", ALL),
        ("ORG", "國務院", ALL),
        ("ORG", "省委", ALL),
        ("ORG", "省政府", ALL),
        ("DATE", "2月17日24時", ALL),
        ("NUMBER", "16例", ALL),
        ("NUMBER", "11例", ALL),
        ("NUMBER", "214人", ALL),
        ("ORG", "市委", 2),  # 1st inside 市委書記, 3rd inside 市委常委
        ("ORG", "市政府", ALL),
        ("PLACE", "湖北", ALL),
        ("PLACE", "溫州", ALL),
        ("TITLE", "市長", 1),  # 2nd inside 常務副市長
        ("PERSON", "佟麗華", ALL),
        ("ORG", "市衛生健康委", ALL),
        ("NUMBER", "4家", ALL),
        ("NUMBER", "312張", ALL),
        ("ORG", "市紅十字會", ALL),
        ("NUMBER", "3800餘名", ALL),
        ("TITLE", "市委常委", ALL),
        ("TITLE", "常務副市長", ALL),
        ("PERSON", "桂永康", ALL),
        ("PERSON", "伍德明", ALL),
        ("PERSON", "祝曉紅", ALL),
        ("PERSON", "房一凡", ALL),
    ],
}


if __name__ == "__main__":
    generate(HERE, GOLD)
