"""The built site works from disk: every link names a file that exists (file:// semantics).

A browser opening ``output/index.html`` from disk cannot turn ``districts/`` into
``districts/index.html``, so a link to a folder counts as broken here.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from newsprint.models import KIND_LABELS
from newsprint.tag.districts import load_gazetteer
from newsprint.tag.topics import load_topics
from sitebuild import build_site, parse_page, prepare_content, read_posts_metadata

SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("theme-site")
    content = prepare_content(tmp)
    output = tmp / "output"
    build_site(content, output, "pelicanconf.py", per_page=2)
    return content, output


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def resolve(page: Path, url: str, output: Path) -> tuple[Path, str]:
    """The file a relative URL in ``page`` points at, and its fragment."""
    parts = urlsplit(url)
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    assert target.is_relative_to(output.resolve()), f"{page}: {url} leaves the site"
    return target, parts.fragment


def test_every_internal_link_names_an_existing_file(site):
    _content, output = site
    broken = []
    checked = 0
    ids_cache: dict[Path, set[str]] = {}
    for page in html_pages(output):
        for link in parse_page(page.read_text(encoding="utf-8")).links:
            url = link.url.strip()
            if not url or url.startswith(SKIPPED_SCHEMES) or urlsplit(url).scheme:
                continue
            if url.startswith("/"):
                broken.append(f"{page.relative_to(output)}: {url} is root-relative")
                continue
            target, fragment = resolve(page, url, output)
            checked += 1
            if target.is_dir():
                broken.append(f"{page.relative_to(output)}: {url} is a folder, not a file")
            elif not target.is_file():
                broken.append(f"{page.relative_to(output)}: {url} does not exist")
            elif fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = parse_page(target.read_text(encoding="utf-8")).ids
                if fragment not in ids_cache[target]:
                    broken.append(f"{page.relative_to(output)}: {url} has no #{fragment}")
    assert checked > 50
    assert not broken, "\n".join(broken)


def test_no_page_loads_anything_from_outside_the_site(site):
    _content, output = site
    external = [
        f"{page.relative_to(output)}: <{link.tag} {link.attr}={link.url}>"
        for page in html_pages(output)
        for link in parse_page(page.read_text(encoding="utf-8")).links
        if link.loaded and (urlsplit(link.url).netloc or urlsplit(link.url).scheme)
    ]
    assert not external, "\n".join(external)
    for css in output.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "@import" not in text and "http" not in text.replace("http://www.w3.org", ""), css


def test_every_page_is_chinese(site):
    _content, output = site
    wrong = [
        str(p.relative_to(output))
        for p in html_pages(output)
        if parse_page(p.read_text(encoding="utf-8")).lang != "zh-CN"
    ]
    assert not wrong


def _overview_links(output: Path, overview: str) -> dict[str, Path]:
    """Link text → target file for the links of an overview page."""
    page = output / overview
    html = page.read_text(encoding="utf-8")
    found: dict[str, Path] = {}
    for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', html):
        found[text.strip()] = (page.parent / href).resolve()
    return found


def test_each_district_and_topic_has_a_page(site):
    content, output = site
    metas = read_posts_metadata(content)
    districts = {m["category"] for m in metas if m.get("category")}
    topics = {t.strip() for m in metas for t in m.get("tags", "").split(",") if t.strip()}
    assert districts and topics
    for overview, names in (("districts/index.html", districts), ("topics/index.html", topics)):
        links = _overview_links(output, overview)
        for name in names:
            assert name in links, f"{overview} does not list {name}"
            assert links[name].is_file(), f"{name}: {links[name]} missing"
            assert name in links[name].read_text(encoding="utf-8")


def test_district_and_topic_urls_come_from_the_data_files(site):
    """topics/zhaoshang.html (the ``slug`` of topics.toml), not a transliteration."""
    content, output = site
    metas = read_posts_metadata(content)
    districts = {m["category"] for m in metas if m.get("district_slug")}
    topics = {t.strip() for m in metas for t in m.get("tags", "").split(",") if t.strip()}
    assert districts and topics
    gazetteer, taxonomy = load_gazetteer(), load_topics()
    for overview, names in (("districts/index.html", districts), ("topics/index.html", topics)):
        links = _overview_links(output, overview)
        for name in names:
            entry = gazetteer.lookup(name) if overview.startswith("districts") else taxonomy[name]
            assert links[name].name == f"{entry.slug}.html", name


def test_notices_and_listings_are_listed_apart_from_news(site):
    content, output = site
    metas = read_posts_metadata(content)
    apart = {m["title"] for m in metas if m.get("kind") in ("notice", "listing")}
    notices = (output / "notices" / "index.html").read_text(encoding="utf-8")
    for title in apart:
        assert title in notices
    home = (output / "index.html").read_text(encoding="utf-8")
    latest = home.split('id="latest"', 1)[1].split("</section>", 1)[0]
    for title in apart:
        assert title not in latest, f"{title} is listed among the latest news"


def test_search_page_gets_the_kind_labels_from_python(site):
    """search-ui.js no longer keeps its own table (it said 分类信息 where the site says 节目单)."""
    _content, output = site
    page = (output / "search.html").read_text(encoding="utf-8")
    attr = re.search(r'data-kind-labels="([^"]*)"', page)
    assert attr and json.loads(html.unescape(attr.group(1))) == KIND_LABELS
    script = (output / "theme" / "js" / "search-ui.js").read_text(encoding="utf-8")
    assert not any(label in script for label in KIND_LABELS.values())


def test_article_keywords_are_in_its_meta_tags(site):
    content, output = site
    with_keywords = [m for m in read_posts_metadata(content) if m.get("keywords")]
    assert with_keywords
    for meta in with_keywords:
        html = (output / "articles" / f"{meta['slug']}.html").read_text(encoding="utf-8")
        assert f'<meta name="keywords" content="{meta["keywords"]}">' in html


def test_article_page_shows_honest_date_and_source(site):
    content, output = site
    for meta in read_posts_metadata(content):
        html = (output / "articles" / f"{meta['slug']}.html").read_text(encoding="utf-8")
        year, month, day = (int(x) for x in meta["date"].split()[0].split("-"))
        precision = meta.get("date_precision", "day")
        shown = {"year": f"{year}年", "month": f"{year}年{month}月"}.get(
            precision, f"{year}年{month}月{day}日"
        )
        assert f">{shown}</time>" in html, (meta["slug"], shown)
        raw_name, span = meta["source"].rsplit(":", 1)
        first_line = span.split("-")[0]
        stem = raw_name.rsplit(".", 1)[0]
        # The source link lands on the article's whole span in the page view, which
        # starts at the article's first line of the decoded page text.
        assert f'href="../raw/{stem}.html#s-{meta["slug"]}"' in html
        source = (output / "raw" / f"{stem}.html").read_text(encoding="utf-8")
        span = source.split(f'id="s-{meta["slug"]}"', 1)[1]
        assert span.split("</section>", 1)[0].count(f"id=L{first_line}>") == 1
