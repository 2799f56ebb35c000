"""Browse a folder tree as a newspaper: paper → calendar → issue → page → article and back.

A project is laid out as an archive would be (``content/raw/<paper>/<date>/<page>.txt``,
the sample pages standing in for real ones), with a flat page and its sidecar beside
it and one flat page that gives no date at all.  It is built with publishconf.py for
a GitHub Pages sub-path and served there; the same output is also checked as files
(``file://``): every relative link resolves to a file.
"""

from __future__ import annotations

import html as htmllib
import re
import shutil
import threading
from collections import deque
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from newsprint.posts.importer import import_pages
from paths import SAMPLES
from sitebuild import build_site, parse_page
from test_publish_crawl import SUBPATH, SubPathHandler, fetch

MAX_CLICKS = 4
TREE = {
    "巴南日报/2023-04-20/01_要闻.txt": "000_ea66817ae69c99c6.txt",
    "巴南日报/2023-04-20/3.txt": "002_0e83d1fc7624b08c.txt",
    "巴南日报/2023-04-21/1.txt": "004_1c34474397ac93d4.txt",
    "永川日报/2024-07-09/2.txt": "003_9556b01e60d2e770.txt",
    "flat.txt": "001_8b2535a65f0a025d.txt",
}
SIDECAR = 'paper = "永川日报"\ndate = "2023-04-20"\npage = 5\npage_name = "综合"\n'
# A page that names no paper, no date and no page (written here, not corpus text).
UNDATED = "寻物启事\n\n本人不慎遗失黑色雨伞一把，拾到者请与失主联系，当面酬谢。\n"


@pytest.fixture(scope="module")
def tree_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tree")
    content = tmp / "content"
    raw = content / "raw"
    for rel, sample in TREE.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / sample, raw / rel)
    (raw / "flat.meta.toml").write_text(SIDECAR, "utf-8")
    (raw / "undated.txt").write_text(UNDATED, "utf-8")
    report = import_pages(raw, content / "posts")
    assert not report.errors, report.errors
    output = tmp / "output"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, directory=str(output)))
    site = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    build_site(content, output, "publishconf.py", siteurl=site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, raw, output
    finally:
        server.shutdown()
        server.server_close()


def _crawl(site: str, start: str) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Breadth-first from ``start``: depth of every page reached, its HTML, broken links."""
    depth = {start: 0}
    pages: dict[str, str] = {}
    broken: list[str] = []
    queue = deque([start])
    while queue:
        url = queue.popleft()
        code, ctype, body = fetch(url)
        if code != 200:
            broken.append(url)
            continue
        if ctype != "text/html":
            continue
        pages[url] = body.decode("utf-8")
        for link in parse_page(pages[url]).links:
            target = urldefrag(urljoin(url, link.url))[0]
            if not target.startswith(site + "/") or target in depth:
                continue
            depth[target] = depth[url] + 1
            queue.append(target)
    return depth, pages, broken


def _articles(site: str, output: Path) -> set[str]:
    return {f"{site}/articles/{p.name}" for p in (output / "articles").glob("*.html")}


def test_every_article_within_four_clicks_of_the_papers_page(tree_site):
    site, _raw, output = tree_site
    depth, _pages, broken = _crawl(site, f"{site}/papers/index.html")
    assert not broken, broken
    articles = _articles(site, output)
    assert len(articles) >= 15
    far = {u: depth.get(u) for u in articles if depth.get(u, 99) > MAX_CLICKS}
    assert not far, far


def test_papers_issues_and_pages_come_from_the_folders_and_the_sidecar(tree_site):
    _site, _raw, output = tree_site
    papers = (output / "papers" / "index.html").read_text("utf-8")
    assert "《巴南日报》" in papers and "《永川日报》" in papers and "报名不详" in papers
    issue = (output / "papers" / "ba-nan-ri-bao" / "2023-04-20.html").read_text("utf-8")
    # the pages of the issue in order, each with its articles
    first, third = issue.index("第1版 要闻"), issue.index("第3版")
    assert first < third
    assert "下一期 · 2023年4月21日" in issue
    year = (output / "papers" / "ba-nan-ri-bao" / "2023.html").read_text("utf-8")
    assert year.count('class="has-issue"') == 2
    assert 'aria-label="2023年4月20日"' in year and 'aria-label="2023年4月21日"' in year
    # the flat page's sidecar puts it in 永川日报's issue of that day
    yc = (output / "papers" / "yong-chuan-ri-bao" / "2023-04-20.html").read_text("utf-8")
    assert "第5版 综合" in yc


def test_every_article_links_to_its_whole_span_in_the_page_view_and_back(tree_site):
    site, _raw, output = tree_site
    checked = 0
    for url in sorted(_articles(site, output)):
        _code, _ctype, body = fetch(url)
        page = body.decode("utf-8")
        views = [
            urljoin(url, link.url)
            for link in parse_page(page).links
            if "/raw/" in urljoin(url, link.url) and "#s-" in link.url
        ]
        assert len(views) == 1, url
        view_url, anchor = urldefrag(views[0])
        _code, _ctype, view_body = fetch(view_url)
        view = view_body.decode("utf-8")
        assert anchor in parse_page(view).ids, (url, anchor)
        # the span is one element holding every line of the article, linked to it
        span = re.search(rf'<section class="span" id="{anchor}".*?</section>', view, re.S)
        assert span, anchor
        back = {urldefrag(urljoin(view_url, ln.url))[0] for ln in parse_page(span.group()).links}
        assert url in back
        slug = anchor.removeprefix("s-")
        post = next(output.parent.joinpath("content", "posts").rglob(f"{slug}.md"))
        source = re.search(r"^Source: .*:(\d+)-(\d+)$", post.read_text("utf-8"), re.M)
        first, last = int(source.group(1)), int(source.group(2))
        lines = {int(n) for n in re.findall(r"<li id=L(\d+)>", span.group())}
        assert min(lines) == first and max(lines) == last
        checked += 1
    assert checked >= 15


def test_page_view_lists_its_articles_in_reading_order_and_its_neighbours(tree_site):
    _site, _raw, output = tree_site
    view = (output / "raw" / "巴南日报" / "2023-04-20" / "01_要闻.html").read_text("utf-8")
    assert "<h1>《巴南日报》2023年4月20日 第1版 要闻</h1>" in view
    assert re.search(r'rel="next" href="[^"]*/2023-04-20/3\.html">下一版 · 第3版<', view)
    assert "下一期 · 2023年4月21日" in view
    listed = re.findall(r'<a class="span-link" href="#(s-[^"]+)"', view)
    spans = re.findall(r'<section class="span" id="(s-[^"]+)"', view)
    assert listed == spans and len(listed) == 2


def test_the_citation_of_an_article_with_a_sidecar(tree_site):
    _site, _raw, output = tree_site
    cited = {}
    for path in output.glob("articles/*.html"):
        page = path.read_text("utf-8")
        m = re.search(r'<p class="cite-text" id="cite-text">(.*?)</p>', page)
        assert m, path
        cited[path.name] = htmllib.unescape(m.group(1))
    # flat.txt: its sidecar gives 永川日报, 2023-04-20, 第5版 综合; the notice has no author
    assert "遗失启事[N]. 永川日报, 2023-04-20(5)." in cited.values()
    # the folder gives 巴南日报, 2023-04-20, page 3; the page prints the author
    assert "陈维灯. 坚定实施工业强区战略 夯实高质量发展硬实力[N]. 巴南日报, 2023-04-20(3)." in (
        cited.values()
    )
    notice = next(
        (output / "articles" / n).read_text("utf-8")
        for n, c in cited.items()
        if c.startswith("遗失启事")
    )
    assert '<span class="label">出处</span>《永川日报》2023年4月20日 第5版 综合' in notice
    assert 'data-copy="cite-text"' in notice


def _visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<meta [^>]*content="([^"]*)"', r" \1 ", page)  # dates in meta count too
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


_DAY = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{2})-(\d{2})")


def _days(text: str) -> set[tuple[int, int, int]]:
    return {
        tuple(int(x) for x in (m[0:3] if m[0] else m[3:6]))  # type: ignore[misc]
        for m in _DAY.findall(text)
    }


def test_no_page_shows_a_date_the_input_does_not_give(tree_site):
    _site, raw, output = tree_site
    given: set[tuple[int, int, int]] = set()
    for path in raw.rglob("*"):
        if path.is_file():
            given |= _days(path.read_text("utf-8"))  # text, sidecar
            given |= _days(path.relative_to(raw).as_posix())  # folder names
    shown: dict[tuple[int, int, int], str] = {}
    for path in output.rglob("*.html"):
        text = _visible_text(path.read_text("utf-8"))
        assert "1970" not in text, path
        for day in _days(text):
            shown.setdefault(day, str(path.relative_to(output)))
    invented = {d: where for d, where in shown.items() if d not in given}
    assert not invented, invented
    undated = (output / "papers" / "unknown" / "undated.html").read_text("utf-8")
    assert "寻物启事" in undated and "日期不详" in undated


def test_views_work_from_disk(tree_site):
    """file://: every relative link of the paper and page views names a file that exists."""
    _site, _raw, output = tree_site
    pages = [*output.glob("papers/**/*.html"), *output.glob("raw/**/*.html")]
    assert len(pages) > 10
    for page in pages:
        for link in parse_page(page.read_text("utf-8")).links:
            url = link.url
            if urlsplit(url).scheme or url.startswith("#"):
                continue
            target = (page.parent / unquote(urldefrag(url)[0])).resolve()
            assert target.is_relative_to(output.resolve()), (page, url)
            assert target.is_file(), (page, url)
