"""The search page in headless Chromium, over http:// and file:// (Playwright + Debian chromium)."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from chromium import CHROMIUM

ROOT = Path(__file__).resolve().parents[1]

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)

ARTICLES = {
    "banan-zhaoshang": (
        "巴南交出高质量招商引资答卷",
        "巴南区",
        "招商引资",
        "news",
        "2023-03-01",
        "苏州凌创高端智能装备创新基地项目占地152亩，拟投资30亿元。",
    ),
    "yongchuan-city": (
        "永川推进数字化城市管理",
        "永川区",
        "城市管理",
        "news",
        "2022-05-06",
        "推进数字化城市管理平台建设，凌创公司参与。",
    ),
    "decoy": (
        "乡村振兴",
        "永川区",
        "乡村振兴",
        "notice",
        "2021-01-01",
        "数字化改造。化城为乡。城市规划。市管单位。管理办法。",
    ),
    "banan-photo": (
        "巴南新城夜景",
        "巴南区",
        "城市建设",
        "photo",
        "2024-02-02",
        "凌创基地夜景如画，<b>不是标签</b>。",
    ),
    "banan-kecheng": (
        "巴南社区新貌",
        "巴南区",
        "城市建设",
        "news",
        "2024-03-03",
        "社区客厅开门迎客，项目集中签约。CDMO，基地建设。",
    ),
}
# Enough articles for a second page of results ("显示更多结果").
FILLERS = {
    f"filler-{i:02d}": (
        f"样稿第{i}篇",
        "大足区",
        "档案",
        "listing",
        "2020-01-01",
        f"样稿正文第{i}篇。",
    )
    for i in range(14)
}
ARTICLES.update(FILLERS)
# Metadata lines beyond the common ones, as the importer writes them.
EXTRA_META = {
    "banan-zhaoshang": "Paper: 巴南日报\nIssue_date: 2023-03-01\nPage_no: 3\nPage_name: 要闻\n",
    "banan-photo": "Paper: 江津报\n",
    "banan-kecheng": (
        "Kicker: 联手科研院所体系\nSubtitle: 交出高质量开放答卷\nAuthors: 张云亮\n"
        'Bylines: ["重庆日报记者 张云亮", "巴南区融媒体中心"]\nCredits: ["李攀"]\n'
    ),
}


def _write_site(tmp: Path) -> Path:
    from newsprint.models import KIND_LABELS
    from newsprint.search import generator as search
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    theme = tmp / "theme"
    simple = Path(__import__("pelican").__file__).parent / "themes" / "simple" / "templates"
    shutil.copytree(simple, theme / "templates")
    shutil.copytree(ROOT / "theme" / "static", theme / "static")
    for name in ("search.html", "_searchbox.html"):
        shutil.copy(ROOT / "theme" / "templates" / name, theme / "templates" / name)
    shutil.copy(
        ROOT / "tests" / "fixtures" / "theme" / "base.html", theme / "templates" / "base.html"
    )
    posts = tmp / "content" / "posts"
    posts.mkdir(parents=True)
    for slug, (title, district, topic, kind, date, body) in ARTICLES.items():
        body = body.replace("<", "&lt;").replace(">", "&gt;")
        (posts / f"{slug}.md").write_text(
            f"Title: {title}\nSlug: {slug}\nDate: {date}\nCategory: {district}\nTags: {topic}\n"
            f"Kind: {kind}\nCaptions: []\n{EXTRA_META.get(slug, '')}\n{body}\n",
            encoding="utf-8",
        )
    out = tmp / "output"
    settings = read_settings(
        None,
        override={
            "PATH": str(tmp / "content"),
            "ARTICLE_PATHS": ["posts"],
            "OUTPUT_PATH": str(out),
            "THEME": str(theme),
            "SITENAME": "测试档案",
            "RELATIVE_URLS": True,
            "SITEURL": "",
            "ARTICLE_URL": "articles/{slug}.html",
            "ARTICLE_SAVE_AS": "articles/{slug}.html",
            "CATEGORY_URL": "districts/{slug}.html",
            "CATEGORY_SAVE_AS": "districts/{slug}.html",
            "TAG_URL": "topics/{slug}.html",
            "TAG_SAVE_AS": "topics/{slug}.html",
            "DIRECT_TEMPLATES": ["index", "search"],
            "PLUGINS": [],
            "TIMEZONE": "Asia/Shanghai",
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None,
            "AUTHOR_FEED_RSS": None,
            "TRANSLATION_FEED_ATOM": None,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "SLUGIFY_SOURCE": "basename",
            "JINJA_ENVIRONMENT": {"autoescape": True},
            # what newsprint.site.theme gives every template (this site runs no plugins)
            "JINJA_GLOBALS": {"KIND_LABELS": KIND_LABELS},
            "NEWSPRINT_LUNR_JS": str(ROOT / "node_modules" / "lunr" / "lunr.min.js"),
        },
    )
    signals.get_generators.connect(search.get_generators)
    try:
        Pelican(settings).run()
    finally:
        signals.get_generators.disconnect(search.get_generators)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return _write_site(tmp_path_factory.mktemp("browser"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def http_base(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(params=["http", "file"])
def base(request, site, http_base):
    return http_base if request.param == "http" else site.as_uri()


def _wait_done(page):
    page.wait_for_selector('#search[data-state="done"]', timeout=10_000)


def _titles(page):
    return page.locator("#search-results li h2 a").all_inner_texts()


def test_typed_query_puts_expected_article_first_and_opens_it(browser, base):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/search.html")
    page.fill("#search-q", "数字化城市管理")
    page.keyboard.press("Enter")
    _wait_done(page)
    assert _titles(page) == ["永川推进数字化城市管理"]  # the decoy holds every bigram only
    assert "q=" in page.url
    assert page.locator("#search-results mark").first.inner_text() == "数字化城市管理"
    page.locator("#search-results li h2 a").first.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("articles/yongchuan-city.html")
    assert "hl=" in page.url  # the article marks the words searched for
    assert not errors
    page.close()


def test_district_filter_and_back_button(browser, base):
    page = browser.new_page()
    page.goto(f"{base}/search.html?q=凌创")
    _wait_done(page)
    assert len(_titles(page)) == 3
    page.select_option('select[data-filter="district"]', "巴南区")
    _wait_done(page)
    assert sorted(_titles(page)) == ["巴南交出高质量招商引资答卷", "巴南新城夜景"]
    assert "district=" in page.url
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 3")
    page.close()


def test_q_link_from_searchbox_and_no_match_message(browser, base):
    page = browser.new_page()
    page.goto(f"{base}/index.html")
    page.fill("#searchbox-q", "巴南")
    page.keyboard.press("Enter")
    _wait_done(page)
    assert _titles(page)[0] in {"巴南交出高质量招商引资答卷", "巴南新城夜景", "巴南社区新貌"}
    page.goto(f"{base}/search.html?q=火星基地")
    _wait_done(page)
    assert "没有找到" in page.inner_text("#search-status")
    page.close()


def test_content_text_is_never_parsed_as_html(browser, base):
    page = browser.new_page()
    page.goto(f"{base}/search.html?q=夜景如画")
    _wait_done(page)
    assert page.locator("#search-results b").count() == 0
    assert "<b>不是标签</b>" in page.inner_text("#search-results .snippet")
    page.close()


KECHENG = "巴南社区新貌"
BANAN = {"巴南交出高质量招商引资答卷", "巴南新城夜景", KECHENG}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("交出高质量开放答卷", {KECHENG}),  # subtitle
        ("联手科研院所体系", {KECHENG}),  # kicker
        ("重庆日报", {KECHENG}),  # byline
        ("融媒体中心", {KECHENG}),
        ("李攀", {KECHENG}),  # photographer credit
        ('"社区客厅"', {KECHENG}),
        ("「社区客厅」", {KECHENG}),
        ("『社区客厅』", {KECHENG}),
        ("-巴南", {"永川推进数字化城市管理", "乡村振兴"} | {a[0] for a in FILLERS.values()}),
        ("凌创 -永川", {"巴南交出高质量招商引资答卷", "巴南新城夜景"}),
        ("巴南 OR 永川", BANAN | {"永川推进数字化城市管理", "乡村振兴"}),
        ("巴南*", BANAN),
        ("title:巴南", BANAN),
        ("巴南區", BANAN),
        ("項目", {"巴南交出高质量招商引资答卷", KECHENG}),
        ("招商引資", {"巴南交出高质量招商引资答卷"}),
        ("张雲亮", {KECHENG}),
    ],
)
def test_issue_queries_find_the_right_articles_from_file(browser, site, q, expected):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site.as_uri()}/search.html?q={quote(q)}")
    _wait_done(page)
    more = page.locator("#search-more")
    while more.is_visible():
        n = page.locator("#search-results li").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('#search-results li').length > {n}")
    assert set(_titles(page)) == expected
    assert not errors
    page.close()


def test_result_says_which_field_matched_and_highlights_as_printed(browser, site):
    page = browser.new_page()
    page.goto(f"{site.as_uri()}/search.html?q={quote('項目')}")
    _wait_done(page)
    assert page.locator("#search-results mark").first.inner_text() == "项目"
    page.goto(f"{site.as_uri()}/search.html?q={quote('重庆日报')}")
    _wait_done(page)
    assert page.locator("#search-results .matched").inner_text() == "匹配：作者署名"
    page.close()


def test_no_result_message_says_what_was_searched_and_filters_stay_hidden(browser, site):
    page = browser.new_page()
    page.goto(f"{site.as_uri()}/search.html?q={quote('巴南 火星')}")
    _wait_done(page)
    status = page.inner_text("#search-status")
    assert "“巴南”、“火星”" in status and "错别字" not in status
    assert not page.locator("#search-filters").is_visible()
    page.close()


def test_back_from_an_article_keeps_more_results_and_scroll_and_marks_the_term(browser, site):
    page = browser.new_page(viewport={"width": 360, "height": 400})
    page.goto(f"{site.as_uri()}/search.html?q={quote('样稿')}")
    _wait_done(page)
    assert len(_titles(page)) == 10
    page.click("#search-more")
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 14")
    page.evaluate("window.scrollTo(0, 600)")
    page.wait_for_function("window.scrollY === 600")
    # a click from script: Playwright's own click would scroll the link into view first
    page.evaluate("document.querySelectorAll('#search-results li h2 a')[12].click()")
    page.wait_for_load_state()
    page.wait_for_selector("[data-marked]")
    assert page.locator("mark.hl").first.inner_text() == "样稿"
    page.go_back()
    _wait_done(page)
    page.wait_for_function("document.querySelectorAll('#search-results li').length === 14")
    page.wait_for_function("window.scrollY === 600")
    page.close()


def test_search_page_controls(browser, site):
    page = browser.new_page()
    page.goto(f"{site.as_uri()}/search.html?q={quote('凌创')}")
    _wait_done(page)
    assert page.locator('input[type="search"]').count() == 1  # no second box in the header
    assert page.locator('[role="search"]').count() == 1
    heights = page.eval_on_selector_all(
        "#search-filters select", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 44  # a target a finger can hit
    # a new query keeps the chosen filter
    page.select_option('select[data-filter="district"]', "巴南区")
    _wait_done(page)
    page.fill("#search-q", "巴南")
    page.keyboard.press("Enter")
    _wait_done(page)
    assert "district=" in page.url
    assert set(_titles(page)) <= BANAN
    # the kind filter says what article pages say ("节目单" for a listing)
    page.goto(f"{site.as_uri()}/search.html?q={quote('样稿')}")
    _wait_done(page)
    labels = page.locator('select[data-filter="kind"] option').all_inner_texts()
    assert "节目单（14）" in labels
    page.close()


def test_slash_focuses_search_on_every_page(browser, site):
    page = browser.new_page()
    for path, box in [
        ("index.html", "searchbox-q"),
        ("articles/decoy.html", "searchbox-q"),
        ("search.html", "search-q"),
    ]:
        page.goto(f"{site.as_uri()}/{path}")
        page.locator("body").click(position={"x": 1, "y": 1})
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == box, path
    page.close()


def test_no_filter_counts_above_no_result_when_the_text_check_drops_every_candidate(browser, site):
    page = browser.new_page()
    # the tokens cdmo 基地 sit side by side in the index, but the text has "CDMO，基地"
    page.goto(f"{site.as_uri()}/search.html?q={quote('cdmo基地')}")
    _wait_done(page)
    assert _titles(page) == []
    assert "没有找到" in page.inner_text("#search-status")
    assert not page.locator("#search-filters").is_visible()
    page.close()


def test_results_show_paper_date_and_page_and_filter_by_paper_and_date_range(browser, base):
    page = browser.new_page()
    page.goto(f"{base}/search.html?q=凌创")
    _wait_done(page)
    assert len(_titles(page)) == 3
    metas = page.locator("#search-results li p.meta").all_inner_texts()
    assert "《巴南日报》 · 2023年3月1日 · 第3版 要闻 · 巴南区 · 新闻" in metas
    page.select_option('select[data-filter="paper"]', "巴南日报")
    _wait_done(page)
    assert _titles(page) == ["巴南交出高质量招商引资答卷"]
    assert "paper=" in page.url
    for query, expected in (
        ("from=2023-01-01&to=2023-12-31", ["巴南交出高质量招商引资答卷"]),
        ("from=2024", ["巴南新城夜景"]),
        ("to=2022-05", ["永川推进数字化城市管理"]),
        ("from=2022-05-07&to=2023-02-28", []),
    ):
        page.goto(f"{base}/search.html?q=凌创&{query}")
        _wait_done(page)
        assert _titles(page) == expected, query
        for bound in ("from", "to"):
            if f"{bound}=" in query:
                value = query.split(f"{bound}=")[1].split("&")[0]
                assert page.input_value(f'input[data-filter="{bound}"]') == value
    page.close()


def test_a_day_finds_every_article_printed_that_day(browser, site):
    page = browser.new_page()
    page.goto(f"{site.as_uri()}/search.html?q=" + quote("2023年3月1日"))
    _wait_done(page)
    assert _titles(page) == ["巴南交出高质量招商引资答卷"]  # its text never prints the date
    page.close()


@pytest.fixture
def redeployed(tmp_path):
    """A site of its own, and a function that deploys a new search index into it."""
    from newsprint.search.docs import SearchDoc
    from newsprint.search.files import build_search_index

    site = _write_site(tmp_path)

    def deploy():
        docs = [
            SearchDoc(
                url="articles/banan-zhaoshang.html",
                title="重新部署后的新闻",
                body="揭牌仪式在新址举行。凌创落户。",
            ),
            SearchDoc(url="articles/yongchuan-city.html", title="另一篇", body="完全不同的正文。"),
        ]
        lunr = ROOT / "node_modules" / "lunr" / "lunr.min.js"
        build_search_index(docs, site / "search", lunr_js=lunr)

    return site, deploy


# 正文: its terms are in both builds, so the old plan loads a file of the new build;
# 揭牌: only in the new build, so the old plan loads nothing and finds nothing.
@pytest.mark.parametrize("q, want", [("正文", ["另一篇"]), ("揭牌", ["重新部署后的新闻"])])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_a_page_holding_an_old_manifest_reloads_it_after_a_redeploy(
    browser, redeployed, scheme, q, want
):
    site, deploy = redeployed
    server = None
    if scheme == "http":
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
    else:
        base = site.as_uri()
    try:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{base}/search.html?q={quote('凌创')}")
        _wait_done(page)
        assert "巴南交出高质量招商引资答卷" in _titles(page)
        deploy()  # the page still holds the first build's manifest
        page.fill("#search-q", q)
        page.keyboard.press("Enter")
        _wait_done(page)
        assert _titles(page) == want
        assert not errors
        page.close()
    finally:
        if server is not None:
            server.shutdown()
