"""Benchmark: importing web pages, PDFs and a scraper's JSON Lines, against the plain-text path
of the same texts; and the web-page reader's extraction quality on the realistic pages in
tests/data/readers.

Run by hand, never by pytest (``addopts`` ignores tests/benchmarks)::

    .venv/bin/python tests/benchmarks/bench_readers.py [--pages 1000] [--pdfs 200]
        [--rows 1000] [--repeat 3]

It builds, in a temporary folder, ``--pages`` web pages from the government-readout and news
templates of tests/data/readers (half of them GBK, the rest UTF-8; each a different article made
from the seed documents' sentences) and ``--pdfs`` PDFs of three to six pages (needs reportlab
and the WenQuanYi font that run.sh installs; without them the PDFs are left out) and one
``.jsonl`` of ``--rows`` scraped articles (title, date, source, URL, paragraphs). For each set,
the plain-text baseline is the same documents' text as .txt files, written from what the reader
extracted, so both paths store the same texts. It times what the user waits for, the whole
command ``jiyao import --db DB FOLDER`` from start to exit, each run into a fresh database, the
runs of the two paths interleaved, and reports medians, the time per document, the ratio to
the baseline and each command's peak memory (the child's maximum resident set). It asserts
nothing about time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop.core.readers import SourceText, reader_for  # noqa: E402
from desktop.core.readers.html_page import read_html  # noqa: E402

DATA = ROOT / "tests" / "data" / "readers"
SEEDS = ROOT / "seeds"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _sentences() -> list[str]:
    text = "".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    from opencc import OpenCC

    from desktop.core.cleaning import clean

    simplified = OpenCC("t2s").convert(clean(text).text)
    found = [s.strip() + "。" for s in re.split(r"[。\n]", simplified) if len(s.strip()) >= 12]
    return found


def _article(rng: random.Random, sentences: list[str], paragraphs: int) -> list[str]:
    return ["".join(rng.sample(sentences, 3)) for _ in range(paragraphs)]


def build_pages(folder: Path, count: int, sentences: list[str]) -> None:
    """Pages from the two templates, each with its own title, date and paragraphs."""
    templates = [
        (DATA / "gov_readout.gbk.html").read_bytes().decode("gb18030"),
        (DATA / "news_article.utf8.html").read_text("utf-8"),
    ]
    body = re.compile(r'(<div class="(?:content|article-body)"[^>]*>)(.*?)(</div>)', re.S)
    rng = random.Random(14)
    for number in range(count):
        template = templates[number % 2]
        paragraphs = _article(rng, sentences, rng.randint(4, 12))
        html = body.sub(
            lambda m, ps=paragraphs: m[1] + "".join(f"<p>　　{p}</p>" for p in ps) + m[3],
            template,
        )
        title = f"第{number}号会议纪要：{paragraphs[0][:16]}"
        html = html.replace("市政府召开常务会议研究部署复工复产工作", title)
        html = html.replace("国务院常务会议部署进一步稳外贸稳外资措施", title)
        # Half GBK (the government template declares gb2312), half UTF-8.
        if number % 4 < 2:
            data = html.replace('charset="utf-8"', 'charset="gbk"').encode("gb18030")
        else:
            data = html.replace("charset=gb2312", "charset=utf-8").encode("utf-8")
        (folder / f"page{number:05}.html").write_bytes(data)


def build_pdfs(folder: Path, count: int, sentences: list[str]) -> bool:
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas
    except ImportError:
        print("reportlab is not installed: no PDFs (pip install reportlab)")
        return False
    if not FONT.exists():
        print(f"{FONT} is missing: no PDFs")
        return False
    pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    rng = random.Random(200)
    width, height = A4
    for number in range(count):
        lines: list[str] = []
        for paragraph in _article(rng, sentences, rng.randint(10, 24)):
            text = "　　" + paragraph
            lines.extend(text[i : i + 30] for i in range(0, len(text), 30))
        pdf = canvas.Canvas(str(folder / f"notice{number:04}.pdf"), pagesize=A4, invariant=True)
        page = 1
        y = height - 90
        for line in lines:
            if y < 70:
                pdf.setFont("WQY", 10)
                pdf.drawCentredString(width / 2, 40, f"- {page} -")
                pdf.showPage()
                page += 1
                y = height - 90
            if y == height - 90:
                pdf.setFont("WQY", 10)
                pdf.drawCentredString(width / 2, height - 40, "某市人民政府文件")
            pdf.setFont("WQY", 14)
            pdf.drawString(70, y, line)
            y -= 26
        pdf.setFont("WQY", 10)
        pdf.drawCentredString(width / 2, 40, f"- {page} -")
        pdf.showPage()
        pdf.save()
    return True


def build_rows(folder: Path, count: int, sentences: list[str]) -> None:
    """One scraper feed: an article a line, its paragraphs a list, as Scrapy writes them."""
    import json

    rng = random.Random(17)
    lines = []
    for number in range(count):
        article = _article(rng, sentences, rng.randint(3, 8))
        record = {
            "url": f"http://www.example.gov.cn/art/2020/{number}.html",
            "title": article[0][:24],
            "pubdate": f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 10:00:00",
            "source": rng.choice(["南方日报", "新华社", "杭州日报"]),
            "content": article,
            "channel": "要闻",
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_baseline(source: Path, target: Path) -> int:
    """Each document's extracted text as a .txt file: the plain-text path of the same texts."""
    count = 0
    for path in sorted(source.iterdir()):
        reader = reader_for(path)
        assert reader is not None
        for document in reader(path.read_bytes(), _options()):
            if isinstance(document, SourceText):
                name = f"{path.stem}_{count:05d}.txt"  # a feed holds many documents
                (target / name).write_text(document.text, encoding="utf-8")
                count += 1
    return count


def _options() -> object:
    from desktop.core.readers import ReaderOptions

    return ReaderOptions()


# The command, in a process that writes its peak memory (VmHWM: this process's own high-water
# mark; ru_maxrss would count the benchmark's memory, inherited across fork and exec) at exit.
_MEASURED = """
import atexit, runpy, sys
target = sys.argv[1]
def peak():
    with open("/proc/self/status") as status, open(target, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM")))
atexit.register(peak)
sys.argv = ["jiyao", *sys.argv[2:]]
runpy.run_module("desktop", run_name="__main__")
"""


def time_import(folder: Path, db: Path) -> tuple[float, float, str]:
    """Seconds from the command's start to its exit, its peak memory in MB (the main process;
    for 400 files or more, worker processes prepare files beside it), its summary."""
    for leftover in db.parent.glob(db.name + "*"):
        leftover.unlink()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(db.parent / "pyc")}
    peak = db.parent / "peak.txt"
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(peak), "import", "--db", str(db), str(folder)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    elapsed = time.perf_counter() - start
    return elapsed, int(peak.read_text()) / 1024, result.stdout.strip()


def compare(name: str, folder: Path, baseline: Path, documents: int, repeat: int, db: Path) -> None:
    time_import(folder, db)  # warm-up: bytecode cached, files in the page cache
    time_import(baseline, db)
    read, plain, read_memory, plain_memory = [], [], [], []
    summary = ""
    for _ in range(repeat):
        seconds, memory, summary = time_import(folder, db)
        read.append(seconds)
        read_memory.append(memory)
        seconds, memory, _ = time_import(baseline, db)
        plain.append(seconds)
        plain_memory.append(memory)
    read_median, plain_median = statistics.median(read), statistics.median(plain)
    print(f"\n{name}: {documents} documents; import says: {summary}")
    print(
        f"  jiyao import of the {name}: median {read_median:.2f} s "
        f"({1000 * read_median / documents:.1f} ms a document), peak {max(read_memory):.0f} MB"
    )
    print(
        f"  jiyao import of the same texts as .txt: median {plain_median:.2f} s "
        f"({1000 * plain_median / documents:.1f} ms a document), peak {max(plain_memory):.0f} MB"
    )
    print(f"  ratio: {read_median / plain_median:.2f} (runs: {repeat} each, interleaved)")


# Quality -------------------------------------------------------------------------------------

QUALITY_PAGES = {
    "gov_readout.gbk.html": ("zoom", "市政府召开常务会议研究部署复工复产工作", "2020-03-21"),
    "press_release.big5.html": ("pressrelease", "行政長官會見訪港代表團", "2020-03-21"),
    "news_article.utf8.html": (
        "article-body",
        "国务院常务会议部署进一步稳外贸稳外资措施",
        "2020-04-10",
    ),
}
CHROME = (
    "当前位置", "當前位置", "分享到", "上一篇", "下一篇", "相关链接", "相關新聞", "版权所有",
    "版權所有", "ICP备", "字号", "打印本页", "关闭窗口", "展开详细", "网站标识码", "最新动态",
    "热点推荐", "首页", "主頁", "浏览次数", "责任编辑",
)  # fmt: skip


def quality() -> None:
    import lxml.html

    print("\nExtraction quality (tests/data/readers):")
    for name, (container, title, date) in QUALITY_PAGES.items():
        data = (DATA / name).read_bytes()
        codec = "big5hkscs" if "big5" in name else "utf-8" if "utf8" in name else "gb18030"
        html = data.decode(codec)
        tree = lxml.html.fromstring(html)
        expected = [
            "".join(p.text_content().split())
            for p in tree.xpath(f'//*[@id="{container}" or @class="{container}"]//p')
        ]
        times = []
        for _ in range(20):
            start = time.perf_counter()
            source = read_html(data)
            times.append(time.perf_counter() - start)
        lines = ["".join(line.split()) for line in source.text.splitlines()]
        positions = [lines.index(p) for p in expected if p in lines]
        leaked = [c for c in CHROME if c in source.text]
        print(
            f"  {name}: {len(positions)}/{len(expected)} body paragraphs as lines, "
            f"in order: {positions == sorted(positions)}; chrome leaked: {leaked or 'none'}; "
            f"title right: {source.variables.get('title') == title}; "
            f"date right: {source.variables.get('date') == date}; "
            f"median {1000 * statistics.median(times):.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--pdfs", type=int, default=200)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    quality()
    sentences = _sentences()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        db = work / "bench.jiyao"
        for name, build, count in (
            ("web pages", build_pages, args.pages),
            ("PDFs", build_pdfs, args.pdfs),
            ("scraped JSON Lines rows", build_rows, args.rows),
        ):
            if not count:
                continue
            folder, baseline = work / name.replace(" ", "_"), work / f"{name}_txt".replace(" ", "_")
            folder.mkdir()
            baseline.mkdir()
            if build(folder, count, sentences) is False:
                continue
            documents = write_baseline(folder, baseline)
            compare(name, folder, baseline, documents, args.repeat, db)


if __name__ == "__main__":
    main()
