"""The published site works under a sub-path, as on GitHub Pages (``/<repo>/``).

The site is built with publishconf.py for ``http://127.0.0.1:PORT/news-archive``,
served under that sub-path by a small local server, and crawled from the home page:
no broken link or asset, every article within three clicks, feeds that parse and
list the right articles, a sitemap naming every article.
"""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import pytest
from sitebuild import build_site, parse_page, prepare_content

SUBPATH = "/news-archive"
MAX_CLICKS = 3


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serve the output folder at SUBPATH only; anything outside it is a 404."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if url_path != SUBPATH and not url_path.startswith(SUBPATH + "/"):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path(url_path[len(SUBPATH) :] or "/")

    def log_message(self, format, *args):  # quiet test output
        pass


@dataclass
class Crawl:
    site: str
    status: dict[str, int] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)
    outlinks: dict[str, list[str]] = field(default_factory=dict)
    html: dict[str, str] = field(default_factory=dict)
    referrer: dict[str, str] = field(default_factory=dict)

    def broken(self) -> list[str]:
        return [
            f"{url} ({code}), linked from {self.referrer.get(url)}"
            for url, code in self.status.items()
            if code != 200
        ]


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, "", b""


def crawl(site: str) -> Crawl:
    """Breadth-first from the home page over every internal link and asset."""
    result = Crawl(site)
    home = f"{site}/index.html"
    queue = deque([(home, 0)])
    result.depth[home] = 0
    while queue:
        url, depth = queue.popleft()
        code, ctype, body = fetch(url)
        result.status[url] = code
        if code != 200 or ctype != "text/html":
            continue
        html = body.decode("utf-8")
        result.html[url] = html
        result.outlinks[url] = []
        for link in parse_page(html).links:
            target = urldefrag(urljoin(url, link.url))[0]
            if urlsplit(target).scheme not in ("http", "https"):
                continue
            if urlsplit(target).netloc != urlsplit(site).netloc:
                continue  # external
            if not target.startswith(site + "/"):
                # same server, outside the sub-path: a root-relative or over-climbing link
                result.status[target] = -1
                result.referrer[target] = url
                continue
            result.outlinks[url].append(target)
            if target not in result.depth:
                result.depth[target] = depth + 1
                result.referrer[target] = url
                queue.append((target, depth + 1))
    return result


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("published")
    content = prepare_content(tmp)
    output = tmp / "output"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubPathHandler, directory=str(output)))
    site = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    build_site(content, output, "publishconf.py", siteurl=site, per_page=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, output, crawl(site)
    finally:
        server.shutdown()
        server.server_close()


def article_urls(site: str, output: Path) -> set[str]:
    return {f"{site}/articles/{p.name}" for p in (output / "articles").glob("*.html")}


def test_no_broken_links_or_assets(published):
    site, _output, result = published
    assert len(result.status) > 20
    assert f"{site}/theme/css/site.css" in result.status
    assert not result.broken(), "\n".join(result.broken())


def test_every_article_within_three_clicks_of_home(published):
    site, output, result = published
    articles = article_urls(site, output)
    assert articles
    far = {u: result.depth.get(u) for u in articles if result.depth.get(u, 99) > MAX_CLICKS}
    assert not far, far


def test_home_at_the_bare_sub_path_serves_the_home_page(published):
    site, _output, _result = published
    code, ctype, body = fetch(site + "/")
    assert (code, ctype) == (200, "text/html")
    assert 'lang="zh-CN"' in body.decode("utf-8")


def _alternate_feeds(html: str) -> list[str]:
    return re.findall(
        r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html
    )


def _parse_feed(url: str):
    code, _ctype, body = fetch(url)
    assert code == 200, url
    feed = feedparser.parse(body)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def test_site_feed_lists_the_newest_articles(published):
    site, output, result = published
    import publishconf

    feeds = _alternate_feeds(result.html[f"{site}/index.html"])
    assert feeds == [f"{site}/feeds/all.atom.xml"]
    feed = _parse_feed(feeds[0])
    links = [e.link for e in feed.entries]
    articles = article_urls(site, output)
    assert set(links) <= articles
    assert len(links) == min(len(articles), publishconf.FEED_MAX_ITEMS)


def test_district_and_topic_feeds_list_the_articles_of_their_page(published):
    site, _output, result = published
    checked = 0
    for section in ("districts", "topics"):
        pages = [u for u in result.html if re.fullmatch(rf"{site}/{section}/[^/]+\.html", u)]
        for page in pages:
            if page.endswith("/index.html"):
                continue
            feeds = [f for f in _alternate_feeds(result.html[page]) if "/all.atom.xml" not in f]
            assert len(feeds) == 1, page
            assert feeds[0].startswith(f"{site}/feeds/{section}/")
            listed_on = [page] + [u for u in result.html if u.startswith(page[:-5] + "/page-")]
            listed = {u for p in listed_on for u in result.outlinks[p] if "/articles/" in u}
            entries = {e.link for e in _parse_feed(feeds[0]).entries}
            assert entries == listed, page
            checked += 1
    assert checked >= 2


def test_sitemap_lists_every_article_and_robots_points_at_it(published):
    site, output, _result = published
    code, _ctype, body = fetch(f"{site}/sitemap.xml")
    assert code == 200
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {el.text for el in ET.fromstring(body).findall("sm:url/sm:loc", ns)}
    assert article_urls(site, output) <= locs
    for loc in locs:
        assert fetch(loc)[0] == 200, loc
    _code, _ctype, robots = fetch(f"{site}/robots.txt")
    assert f"Sitemap: {site}/sitemap.xml" in robots.decode()
    assert (output / ".nojekyll").is_file()


def test_articles_name_their_canonical_address(published):
    site, output, result = published
    for url in article_urls(site, output):
        html = result.html[url]
        assert f'<link rel="canonical" href="{url}">' in html
        assert f'<meta property="og:url" content="{url}">' in html
