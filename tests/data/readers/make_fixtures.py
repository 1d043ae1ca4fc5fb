"""Writes the binary fixtures beside this file (run by hand when they change; the tests read
the committed files, so the test run needs neither reportlab nor a Chinese font).

    python tests/data/readers/make_fixtures.py   # needs reportlab, python-docx, openpyxl

notice.pdf: a multi-page official notice as a government site publishes it: a running header,
page numbers "- N -", lines broken by the page width, paragraphs indented two characters.
scanned.pdf: one page with a picture and no text layer. encrypted.pdf: notice.pdf with a password.
minutes.docx: meeting minutes with a title, core properties, a table, a header and a footer.
scraped.xlsx / scraped.csv: what a scraper writes, one article a row.
scraped.jsonl: a Scrapy-style feed, one object a line, English field names, paragraphs as a
list, and the lines a killed or sloppy crawl leaves (an empty article, a line cut short, an
array); scraped_list.json: a JSON list with Chinese field names, written with json.dumps'
default \\u escapes, one record without text.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

HERE = Path(__file__).parent
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

NOTICE_TITLE = "宿迁市人民政府关于进一步做好复工复产工作的通知"
NOTICE_PARAGRAPHS = [
    "各县、区人民政府，市各委办局，市各直属单位：",
    "为深入贯彻落实党中央、国务院和省委、省政府关于统筹推进疫情防控和经济社会发展工作的决策部署，"
    "全力推动企业复工复产，现就有关事项通知如下。",
    "一、压实属地责任。各县区要切实扛起属地责任，建立健全复工复产工作机制，主要负责同志亲自部署、"
    "亲自协调，分管负责同志具体抓落实，确保各项措施落地见效。",
    "二、强化要素保障。各地各部门要聚焦用工、资金、原材料供应等突出问题，实行一企一策精准帮扶，"
    "积极协调解决企业生产经营中遇到的困难和问题，保障产业链供应链稳定。",
    "三、落实惠企政策。要全面落实减税降费、稳岗返还、社保费减免等惠企政策，简化办理流程，"
    "确保政策红利直达企业，切实减轻企业负担，增强企业发展信心。",
    "四、加快项目建设。对已开工项目加强要素保障，对拟开工项目加快前期手续办理，"
    "力争一季度新开工项目数量同比持平，全年重大项目投资完成率不低于百分之九十。",
    "五、严格督查考核。市政府督查室要加强对各地各部门复工复产工作的督查，"
    "对工作不力、措施不实的通报批评，对成效明显的予以表扬。",
    "本通知自印发之日起施行。",
]


def write_pdfs() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    width, height = A4
    size, leading, per_line = 14, 26, 30

    def lines_of(paragraph: str) -> list[tuple[str, bool]]:
        text = "　　" + paragraph
        return [(text[i : i + per_line], i == 0) for i in range(0, len(text), per_line)]

    body: list[tuple[str, bool]] = []
    for paragraph in NOTICE_PARAGRAPHS * 2:  # long enough for three pages
        body.extend(lines_of(paragraph))
    pages: list[list[tuple[str, bool]]] = [[]]
    for line in body:
        if len(pages[-1]) >= 22:
            pages.append([])
        pages[-1].append(line)

    def draw(path: Path, encrypt: str | None = None) -> None:
        pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt, invariant=True)
        pdf.setTitle(NOTICE_TITLE)
        pdf.setAuthor("宿迁市人民政府办公室")
        pdf.setCreator("make_fixtures.py")
        for number, lines in enumerate(pages, start=1):
            pdf.setFont("WQY", 10)
            pdf.drawCentredString(width / 2, height - 40, "宿迁市人民政府文件　宿政发〔2020〕12号")
            y = height - 90
            if number == 1:
                pdf.setFont("WQY", 20)
                pdf.drawCentredString(width / 2, y, NOTICE_TITLE[:12])
                pdf.drawCentredString(width / 2, y - 28, NOTICE_TITLE[12:])
                pdf.setFont("WQY", 12)
                pdf.drawCentredString(width / 2, y - 56, "（2020年3月21日）")
                y -= 100
            pdf.setFont("WQY", size)
            for text, _first in lines:
                pdf.drawString(70, y, text)
                y -= leading
            pdf.setFont("WQY", 10)
            pdf.drawCentredString(width / 2, 40, f"- {number} -")
            pdf.showPage()
        pdf.save()

    draw(HERE / "notice.pdf")
    draw(HERE / "encrypted.pdf", encrypt="secret")

    scanned = canvas.Canvas(str(HERE / "scanned.pdf"), pagesize=A4, invariant=True)
    scanned.setFillGray(0.85)
    for row in range(30):  # grey bars where a scan shows lines of print, no text at all
        scanned.rect(70, height - 100 - row * 22, 450 - (row % 4) * 40, 10, stroke=0, fill=1)
    scanned.showPage()
    scanned.save()


def write_docx() -> None:
    import datetime

    import docx

    document = docx.Document()
    document.core_properties.title = "市政府第四十次常务会议纪要"
    document.core_properties.author = "市政府办公室秘书一处"
    document.core_properties.created = datetime.datetime(2020, 3, 21, 9, 30)
    section = document.sections[0]
    section.header.paragraphs[0].text = "内部资料　注意保存"
    section.footer.paragraphs[0].text = "第 1 页"
    document.add_heading("市政府第四十次常务会议纪要", level=1)
    document.add_paragraph(
        "2020年3月20日，市长王某某主持召开市政府第四十次常务会议。会议纪要如下："
    )
    document.add_paragraph(
        "一、会议听取了市发展改革委关于全市复工复产情况的汇报。会议指出，要全力以赴推动企业复工复产。"
    )
    document.add_paragraph(
        "二、会议研究了重大项目建设工作。会议要求，对拟开工项目加快前期手续办理。"
    )
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ["事项", "牵头单位", "完成时限"],
            ["复工复产", "市发展改革委", "3月底"],
            ["项目建设", "市住房城乡建设局", "4月底"],
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("出席：王某某、李某某、陈某某。")
    document.save(str(HERE / "minutes.docx"))


SCRAPED = [
    {
        "标题": "市政府召开常务会议研究部署复工复产工作",
        "发布时间": "2020年3月21日",
        "来源": "宿迁市政府办公室",
        "链接": "http://www.suqian.gov.cn/t20200321_1.shtml",
        "栏目": "市政府要闻",
        "正文": "3月20日，市长王某某主持召开市政府第四十次常务会议。\n"
        "会议强调，要聚焦重点企业、重点项目。",
    },
    {
        "标题": "全市重点项目集中开工仪式举行",
        "发布时间": "二〇二〇年三月二十二日",
        "来源": "宿迁日报",
        "链接": "http://www.suqian.gov.cn/t20200322_3.shtml",
        "栏目": "市政府要闻",
        "正文": "3月22日上午，全市重点项目集中开工仪式举行，共有46个项目集中开工。",
    },
    {
        "标题": "（空白正文）",
        "发布时间": "2020-03-23",
        "来源": "宿迁日报",
        "链接": "http://www.suqian.gov.cn/t20200323_4.shtml",
        "栏目": "市政府要闻",
        "正文": "",
    },
]


def write_tables() -> None:
    import openpyxl

    columns = list(SCRAPED[0])
    with (HERE / "scraped.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(SCRAPED)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(columns)
    for row in SCRAPED:
        sheet.append([row[c] for c in columns])
    book.save(HERE / "scraped.xlsx")


FEED = [
    {
        "url": "http://www.gd.gov.cn/gdywdt/gdyw/content/post_2945101.html",
        "title": "省政府常务会议研究部署稳就业工作",
        "pubdate": "2020-03-30 18:42:07",
        "source": "南方日报",
        "author": "记者 陈某某",
        "content": "3月30日，省长马某某主持召开省政府常务会议，研究部署稳就业工作。\n"
        "会议指出，要把稳就业摆在更加突出的位置，落实援企稳岗政策。",
        "channel": "广东要闻",
        "tags": ["稳就业", "常务会议"],
        "crawled_at": "2020-03-31T02:11:54+00:00",
    },
    {
        "url": "http://www.gd.gov.cn/gdywdt/gdyw/content/post_2946877.html",
        "title": "全省春季农业生产工作电视电话会议召开",
        "pubdate": "2020年3月31日",
        "source": "广东省人民政府门户网站",
        "content": [
            "3月31日，全省春季农业生产工作电视电话会议在广州召开。",
            "会议强调，要抓紧抓实春耕备耕，确保粮食生产稳定。",
        ],
        "channel": "广东要闻",
        "tags": [],
        "crawled_at": "2020-04-01T02:09:13+00:00",
    },
    {
        "url": "http://www.gd.gov.cn/gdywdt/gdyw/content/post_2947012.html",
        "title": "视频：省领导调研企业复工复产",
        "pubdate": "2020-04-01",
        "source": "广东电视台",
        "content": "",
        "channel": "广东要闻",
        "tags": ["视频"],
        "crawled_at": "2020-04-02T02:10:40+00:00",
    },
]
# A crawl killed while writing leaves a line cut short; a sloppy pipeline writes an array.
FEED_BAD_LINES = [
    '{"url": "http://www.gd.gov.cn/gdywdt/gdyw/content/post_2947555.html", "title": "省政府',
    '["http://www.gd.gov.cn/gdywdt/gdyw/content/post_2947601.html"]',
]
FEED_LAST = {
    "url": "http://www.gd.gov.cn/gdywdt/zwzt/content/post_2948200.html",
    "title": "广东出台支持中小企业共渡难关若干措施",
    "pubdate": "2020-04-03T09:00:00+08:00",
    "source": "广东省工业和信息化厅",
    "content": "为贯彻落实党中央、国务院决策部署，支持中小企业共渡难关，制定以下措施。",
    "channel": "政策解读",
    "tags": ["中小企业"],
    "extra": {"attachments": 2, "views": 1532},
    "crawled_at": "2020-04-04T02:15:02+00:00",
}

LIST = [
    {
        "标题": "市委常委会召开会议传达学习全国两会精神",
        "发布日期": "2020-05-30",
        "来源": "杭州日报",
        "作者": "记者 王某",
        "网址": "http://www.hangzhou.gov.cn/art/2020/5/30/art_812262_1.html",
        "正文": "5月29日，市委常委会召开会议，传达学习全国两会精神。\n"
        "会议强调，要把思想和行动统一到党中央决策部署上来。",
        "阅读数": 2087,
    },
    {
        "标题": "市政府与某集团签署战略合作协议",
        "发布日期": "2020/06/02",
        "来源": "杭州市人民政府门户网站",
        "作者": None,
        "网址": "http://www.hangzhou.gov.cn/art/2020/6/2/art_812262_2.html",
        "正文": None,
        "阅读数": 311,
    },
    {
        "标题": "杭州市2020年重大项目集中签约",
        "发布日期": "2020年6月5日",
        "来源": "杭州市发展和改革委员会",
        "作者": "",
        "网址": "http://www.hangzhou.gov.cn/art/2020/6/5/art_812262_3.html",
        "正文": "6月5日，杭州市2020年重大项目集中签约活动举行，共签约项目38个。",
        "阅读数": 958,
    },
]


def write_json() -> None:
    lines = [json.dumps(record, ensure_ascii=False) for record in FEED]
    lines += [*FEED_BAD_LINES, "", json.dumps(FEED_LAST, ensure_ascii=False)]
    (HERE / "scraped.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HERE / "scraped_list.json").write_text(json.dumps(LIST, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_pdfs()
    write_docx()
    write_tables()
    write_json()
