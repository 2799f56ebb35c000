"""Display fixes (newsprint.site.reading): punctuation, print markers, summaries — as
functions, and on the whole sample site, where the raw page view keeps the text as printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from newsprint.search.tokens import HAN
from newsprint.site.reading import (
    better_summary,
    fullwidth_punctuation,
    sentences,
    strip_print_markers,
    summary_of,
)
from sitebuild import build_site, prepare_content

HALF_BETWEEN_HAN = re.compile(f"[{HAN}][,;?!:][{HAN}]")


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("近日,沙坪坝区", "近日，沙坪坝区"),
        ("行;开工", "行；开工"),
        ("是否? 是", "是否？是"),
        ("业主:请", "业主：请"),
        ("“好”,他说", "“好”，他说"),
        ("38.6%,对", "38.6%，对"),
        # unchanged: numbers, Latin, times, full-width already
        ("1,000万元", "1,000万元"),
        ("CDMO, ADC", "CDMO, ADC"),
        ("12:30开始", "12:30开始"),
        ("巴南，永川", "巴南，永川"),
    ],
)
def test_half_width_marks_between_han_become_full_width(printed, shown):
    assert fullwidth_punctuation(printed) == shown


def test_print_markers_leave_bylines():
    assert (
        strip_print_markers("□新重庆—重庆日报首席记者 陈维灯") == "新重庆—重庆日报首席记者 陈维灯"
    )
    assert strip_print_markers("■ 本报记者 李四") == "本报记者 李四"
    assert strip_print_markers("通讯员 侯兰") == "通讯员 侯兰"


def test_summary_never_ends_inside_a_quote():
    text = "“顺藤摸瓜引进来，开花结果落下去。”2021年的数据显示，永川区位列第一。下一句。"
    summary = summary_of(text)
    assert summary == "“顺藤摸瓜引进来，开花结果落下去。”2021年的数据显示，永川区位列第一。"
    assert summary.count("“") == summary.count("”")


def test_summary_that_says_nothing_takes_the_next_sentence():
    assert summary_of("开好局、起好步。今年以来，巴南掀起抓项目稳投资热潮。再下一句。") == (
        "开好局、起好步。今年以来，巴南掀起抓项目稳投资热潮。"
    )
    assert (
        summary_of("一句足够长的话已经超过十五个字了吧。第二句。")
        == "一句足够长的话已经超过十五个字了吧。"
    )


def test_sentences_keep_closing_quotes_and_an_unfinished_tail():
    assert sentences("他说：“走！”好。没有句号") == ["他说：“走！”好。", "没有句号"]


def test_editor_summary_is_kept_and_cut_summary_is_taken_again():
    body = "<p>开好局、起好步。今年以来，巴南掀起热潮。</p><p>第二段。</p>"
    assert (
        better_summary("<p>开好局、起好步。</p>", body)
        == "<p>开好局、起好步。今年以来，巴南掀起热潮。</p>"
    )
    assert better_summary("<p>编辑改写的摘要。</p>", body) == "<p>编辑改写的摘要。</p>"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("reading-site")
    content = prepare_content(tmp)
    output = tmp / "output"
    build_site(content, output, "pelicanconf.py")
    return output


def _visible(page: Path) -> str:
    """The page's text outside <head>, <script> and tags."""
    text = page.read_text(encoding="utf-8").split("</head>", 1)[-1]
    text = re.sub(r"<script.*?</script>", "", text, flags=re.S)
    return re.sub(r"<[^>]+>", "", text)


def test_article_pages_show_full_width_punctuation_and_raw_pages_keep_it(built):
    articles = sorted((built / "articles").glob("*.html"))
    assert articles
    slips = {p.name: HALF_BETWEEN_HAN.findall(_visible(p)) for p in articles}
    assert {name: found for name, found in slips.items() if found} == {}
    home = _visible(built / "index.html")
    assert HALF_BETWEEN_HAN.findall(home) == []
    # the raw page view is the text as printed: the slips are still there
    raw = "".join(_visible(p) for p in (built / "raw").glob("*.html"))
    assert HALF_BETWEEN_HAN.search(raw)


def test_bylines_show_no_print_markers(built):
    for page in (built / "articles").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        for byline in re.findall(r'<p class="bylines">(.*?)</p>', text, flags=re.S):
            assert not re.search("[□■]", byline), page.name


def test_home_summaries_end_at_a_sentence_end_with_balanced_quotes(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    summaries = re.findall(r'<p class="item-summary">(.*?)</p>', home, flags=re.S)
    assert summaries
    for s in summaries:
        assert s.count("“") == s.count("”"), s
    news = [s for s in summaries if s.endswith(("。", "！", "？", "”"))]
    assert len(news) >= len(summaries) // 2
    assert all(len(s) >= 15 for s in news), news


# Widths of every run of digits or Latin letters in the article body, as laid out,
# and the same run's width in an unjustified copy of its paragraph.
RUN_WIDTHS = """() => {
  const out = [];
  for (const p of document.querySelectorAll('.article-body p')) {
    const copy = p.cloneNode(true);
    copy.style.textAlign = 'left';
    copy.style.position = 'absolute';
    copy.style.visibility = 'hidden';
    copy.style.width = p.clientWidth + 'px';
    p.parentNode.appendChild(copy);
    const measure = (node) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      const widths = [];
      let t;
      while ((t = walker.nextNode())) {
        for (const m of t.data.matchAll(/[0-9A-Za-z]{3,}/g)) {
          const r = document.createRange();
          r.setStart(t, m.index);
          r.setEnd(t, m.index + m[0].length);
          const rects = r.getClientRects();
          widths.push([m[0], rects.length === 1 ? rects[0].width : -1]);
        }
      }
      return widths;
    };
    const a = measure(p), b = measure(copy);
    a.forEach((x, i) => { if (x[1] > 0 && b[i][1] > 0) out.push([x[0], x[1], b[i][1]]); });
    copy.remove();
  }
  return out;
}"""


def test_justification_never_spaces_out_digits_or_latin_at_360px(built):
    from chromium import ARGS, CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 800})
        for article in sorted((built / "articles").glob("*.html")):
            page.goto(article.as_uri())
            runs += [(article.name, *r) for r in page.evaluate(RUN_WIDTHS)]
        browser.close()
    assert len(runs) > 50  # the sample articles are full of numbers
    spread = [r for r in runs if r[2] > r[3] + 0.5]
    assert spread == []


def test_reading_examples_in_docstrings_hold():
    import doctest

    import newsprint.site.reading

    assert doctest.testmod(newsprint.site.reading).failed == 0
