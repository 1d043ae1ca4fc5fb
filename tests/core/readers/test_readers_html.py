"""Web pages: the charset, the article's paragraphs as lines without the page's chrome, and
title, date, source, author and URL from where a site puts them, on pages made like the
government and news sites researchers save (tests/data/readers/)."""

from __future__ import annotations

import logging
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from desktop.core.readers.html_page import decode_page, read_html, read_mht
from desktop.core.textio import UnreadableFile

DATA = Path(__file__).resolve().parents[2] / "data" / "readers"
GBK_PAGE = (DATA / "gov_readout.gbk.html").read_bytes()
BIG5_PAGE = (DATA / "press_release.big5.html").read_bytes()
NEWS_PAGE = (DATA / "news_article.utf8.html").read_bytes()

GOV_PARAGRAPHS = [
    "3月20日，市长王某某主持召开市政府第四十次常务会议，传达学习习近平总书记关于统筹推进疫情防控"
    "和经济社会发展工作的重要讲话精神，研究部署我市复工复产工作。",
    "会议指出，当前疫情防控形势持续向好，生产生活秩序加快恢复。",
    "会议强调，要聚焦重点企业、重点项目，实行“一企一策”精准帮扶，",
    "会议要求，要加快推进重大项目建设，",
    "会议还研究了其他事项。副市长李某某、陈某某，秘书长刘某某参加会议。",
]
# What the page around the article says: none of it is the document.
CHROME = [
    "当前位置", "首页", "政务公开", "分享到", "微信", "上一篇", "下一篇", "相关链接",
    "省政府召开常务会议", "版权所有", "ICP备", "网站标识码", "字号", "打印本页", "关闭窗口",
    "最新动态", "2019-12-30", "展开详细", "浏览次数", "设为首页", "宿迁市人民政府办公室　承办",
]  # fmt: skip


def test_a_gbk_page_declared_gb2312_is_decoded_as_gb18030() -> None:
    text, encoding = decode_page(GBK_PAGE)
    assert encoding == "gb18030"
    assert "市政府召开常务会议研究部署复工复产工作" in text


def test_a_gb2312_page_with_a_character_only_gb18030_has_reads_it() -> None:
    page = '<meta charset="gb2312"><p>会议由副市长䶮主持。</p>'.encode("gb18030")
    assert "䶮" in decode_page(page)[0]


def test_a_big5_page_is_decoded_with_the_hong_kong_extension() -> None:
    text, encoding = decode_page(BIG5_PAGE)
    assert encoding == "big5hkscs"
    assert "行政長官會見訪港代表團" in text


def test_a_page_with_a_byte_order_mark_follows_the_mark_not_its_meta() -> None:
    page = "\ufeff<meta charset='gbk'><p>会议</p>".encode("utf-8")
    assert decode_page(page) == ("<meta charset='gbk'><p>会议</p>", "utf-8-sig")


def test_a_page_that_says_gbk_but_is_utf8_is_read_as_utf8() -> None:
    page = '<meta http-equiv="Content-Type" content="text/html; charset=gbk"><p>会议</p>'
    assert decode_page(page.encode("utf-8"))[1] == "utf-8"


def test_a_page_without_a_declared_charset_is_detected_as_plain_text_is() -> None:
    page = "<html><body><p>市政府召开常务会议研究部署复工复产工作。</p></body></html>"
    assert decode_page(page.encode("gb18030"))[1] == "gb18030"


def test_the_gbk_readout_keeps_its_paragraphs_as_lines_in_order() -> None:
    lines = read_html(GBK_PAGE).text.splitlines()
    positions = [
        next(i for i, line in enumerate(lines) if line.startswith(p)) for p in GOV_PARAGRAPHS
    ]
    assert positions == sorted(positions)
    assert lines[0] == "市政府召开常务会议研究部署复工复产工作"
    assert len(lines) == 1 + len(GOV_PARAGRAPHS)


@pytest.mark.parametrize("chrome", CHROME)
def test_the_gbk_readout_drops_the_page_chrome(chrome: str) -> None:
    assert chrome not in read_html(GBK_PAGE).text


def test_the_gbk_readout_variables_come_from_the_article_not_the_sidebar_or_footer() -> None:
    variables = read_html(GBK_PAGE).variables
    assert (
        variables["title"] == "市政府召开常务会议研究部署复工复产工作"
    )  # not the <title>'s suffix
    assert variables["date"] == "2020-03-21"  # the sidebar says 2019-12-30
    assert variables["date_text"] == "2020-03-21 17:45"
    assert variables["source"] == "宿迁市政府办公室"
    assert variables["author"] == "张晓明"
    assert variables["url"] == "http://www.suqian.gov.cn/sqsrmzf/szfyw/202003/t20200321_1.shtml"


def test_the_big5_press_release_reads_in_traditional_characters_with_its_variables() -> None:
    source = read_html(BIG5_PAGE)
    assert source.encoding == "big5hkscs"
    assert source.text.splitlines()[:2] == [
        "行政長官會見訪港代表團",
        "行政長官今日（三月二十一日）在禮賓府會見訪港代表團，雙方就粵港澳大灣區建設、經貿合作及防疫工作交換意見。",
    ]
    for chrome in ("當前位置", "分享到", "相關新聞", "版權所有", "主頁", "政務司司長"):
        assert chrome not in source.text
    assert source.variables["date"] == "2020-03-21"
    assert source.variables["url"].endswith("P2020032100456.htm")


def test_a_news_page_takes_title_date_source_author_and_canonical_url() -> None:
    source = read_html(NEWS_PAGE)
    assert source.variables == {
        "title": "国务院常务会议部署进一步稳外贸稳外资措施",
        "date": "2020-04-10",
        "date_text": "2020-04-10T20:12:05+08:00",
        "source": "新华社",
        "author": "王亮",
        "url": "http://www.example.com.cn/politics/2020-04/10/c_1125838216.htm",
    }
    lines = source.text.splitlines()
    assert lines[-1] == "会议还研究了其他事项。"
    for chrome in ("责任编辑", "分享到", "上一篇", "热点推荐", "2020-04-09", "京ICP备", "字号"):
        assert chrome not in source.text


def test_the_date_and_source_line_under_the_heading_is_read_when_the_page_has_no_meta() -> None:
    page = (
        "<html><head><title>关于做好春耕工作的通知_某县人民政府</title></head><body>"
        "<div class='side'>2019年12月30日 其他新闻</div>"
        "<h1>关于做好春耕工作的通知</h1>"
        "<div>发布日期：2021年3月5日　　来源：县农业农村局　　作者：李明</div>"
        "<div class='c'><p>各乡镇人民政府：为切实做好今年春耕生产工作，确保粮食生产稳定，"
        "现将有关事项通知如下。</p>"
        "<p>一、加强组织领导，压实工作责任，确保各项措施落实到位。</p></div>"
        "<div>版权所有：某县人民政府</div></body></html>"
    )
    variables = read_html(page.encode("utf-8")).variables
    assert variables["title"] == "关于做好春耕工作的通知"
    assert variables["date"] == "2021-03-05"
    assert variables["date_text"] == "2021年3月5日"
    assert variables["source"] == "县农业农村局"
    assert variables["author"] == "李明"


def test_an_index_page_is_refused_as_having_no_article() -> None:
    with pytest.raises(UnreadableFile, match="no article text"):
        read_html((DATA / "index_page.html").read_bytes())


def test_an_empty_page_is_refused_without_trafilaturas_warnings(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """`jiyao import` printed "WARNING trafilatura.core: discarding data: None" twice above
    the one refusal line."""
    with caplog.at_level(logging.WARNING), pytest.raises(UnreadableFile, match="no article"):
        read_html(b"<html><body></body></html>")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("trafilatura")] == []


def test_a_login_page_is_refused_as_having_no_article() -> None:
    page = (
        "<html><body><form>用户名<input> 密码<input type=password> <button>登录</button>"
        "</form></body></html>"
    )
    with pytest.raises(UnreadableFile, match="no article text"):
        read_html(page.encode("utf-8"))


def test_a_saved_mht_page_is_read_in_its_parts_charset_with_its_location() -> None:
    message = MIMEMultipart("related")
    message["Content-Location"] = "http://www.suqian.gov.cn/t20200321_1.shtml"
    part = MIMEText(
        GBK_PAGE.decode("gb18030").replace("<!-- saved from", "<!-- was"), "html", "gb2312"
    )
    part["Content-Location"] = "http://www.suqian.gov.cn/t20200321_1.shtml"
    message.attach(part)
    source = read_mht(message.as_bytes())
    assert source.variables["title"] == "市政府召开常务会议研究部署复工复产工作"
    assert source.variables["url"] == "http://www.suqian.gov.cn/t20200321_1.shtml"
    assert source.text.splitlines()[1].startswith(GOV_PARAGRAPHS[0][:20])


def test_an_mht_file_without_a_page_is_refused() -> None:
    message = MIMEMultipart("related")
    message.attach(MIMEText("只是文字", "plain", "utf-8"))
    with pytest.raises(UnreadableFile, match="no web page"):
        read_mht(message.as_bytes())


def test_a_site_logo_in_an_h1_is_not_taken_for_the_title() -> None:
    page = (
        "<html><head><title>关于做好春耕工作的通知 - 某县人民政府</title></head><body>"
        "<div class='logo'><h1>某县人民政府</h1></div>"
        "<div class='article'><h2>关于做好春耕工作的通知</h2>"
        "<p>各乡镇人民政府：为切实做好今年春耕生产工作，确保粮食生产稳定，现将有关事项通知如下。</p>"
        "<p>一、加强组织领导，压实工作责任，确保各项措施落实到位。</p></div></body></html>"
    )
    source = read_html(page.encode("utf-8"))
    assert source.variables["title"] == "关于做好春耕工作的通知"
    assert "某县人民政府" not in source.text.splitlines()[0]


def test_a_heading_styled_as_a_title_block_gives_title_date_and_source() -> None:
    """No <h1>: the visible heading is a <div class="title">, its date and source line below
    (found by a user on a city government's page)."""
    page = (
        "<html><head><meta charset='utf-8'><title>关于印发方案的通知_南京市人民政府</title>"
        "</head><body><div class='nav'>首页 | 政务公开</div>"
        "<div class='title'>关于印发复工复产方案的通知</div>"
        "<div class='meta'>日期：2020年03月05日　　来源：南京市发改委　　浏览次数：123</div>"
        "<div class='content'><p>各区人民政府，市府各委办局：</p>"
        "<p>现将《复工复产方案》印发给你们，请认真贯彻执行。各区要在3月15日前报送落实情况。</p><p>特此通知。</p></div>"
        "<div class='sidebar'>热点：2019年12月01日 某某新闻</div>"
        "<div class='foot'>主办：南京市人民政府 苏ICP备12345678号</div></body></html>"
    )
    variables = read_html(page.encode("utf-8")).variables
    assert variables["title"] == "关于印发复工复产方案的通知"
    assert variables["date"] == "2020-03-05"
    assert variables["source"] == "南京市发改委"
