"""Writes the binary fixtures beside this file (run by hand when they change; the tests read
the committed files, so the test run needs neither reportlab nor a Chinese font).

    python tests/data/readers/make_fixtures.py   # needs reportlab, python-docx, openpyxl

notice.pdf: a multi-page official notice as a government site publishes it: a running header,
page numbers "- N -", lines broken by the page width, paragraphs indented two characters.
scanned.pdf: one page with a picture and no text layer. encrypted.pdf: notice.pdf with a password.
minutes.docx: meeting minutes with a title, core properties, a table, a header and a footer.
scraped.xlsx / scraped.csv: what a scraper writes, one article a row.
"""

from __future__ import annotations

import csv
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


if __name__ == "__main__":
    write_pdfs()
    write_docx()
    write_tables()
