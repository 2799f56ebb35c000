"""Citing from a page opened as a file (``file://``), in headless Chromium.

The copy button copies the citation where the browser lets a page write to the
clipboard; where it does not (``file://`` often), the citation is selected for the
reader to copy with Ctrl+C.  Either way the reader is told which happened.  A
link to an article's span in its page view marks the whole span.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from chromium import CHROMIUM
from sitebuild import build_site, prepare_content

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("paper-site")
    out = tmp / "output"
    build_site(prepare_content(tmp), out)
    return out


def test_copy_citation_from_file_url(browser, output):
    path = next(p for p in sorted((output / "articles").glob("*.html")))
    page = browser.new_page()
    page.goto(path.as_uri())
    citation = page.locator("#cite-text").inner_text().strip()
    assert citation.endswith(".") and "[N]" in citation
    page.click('button[data-copy="cite-text"]')
    status = page.locator(".copy-status").inner_text()
    assert status in ("已复制", "已选中，请按 Ctrl+C（⌘C）复制")
    if status != "已复制":
        assert page.evaluate("window.getSelection().toString()").strip() == citation
    page.close()


def test_span_link_marks_every_line_of_the_article(browser, output):
    article = next(p for p in sorted((output / "articles").glob("*.html")))
    html = article.read_text("utf-8")
    href = re.search(r'href="(\.\./raw/[^"]+#s-[^"]+)"', html).group(1)
    page = browser.new_page()
    page.goto((article.parent / href.split("#")[0]).resolve().as_uri() + "#" + href.split("#")[1])
    anchor = href.split("#")[1]
    lines = page.locator(f"#{anchor} li")
    assert lines.count() >= 1
    target_bg = page.evaluate(
        f"getComputedStyle(document.getElementById({anchor!r})).backgroundColor"
    )
    other = page.locator("section.span:not(:target)").first
    if other.count():
        assert other.evaluate("e => getComputedStyle(e).backgroundColor") != target_bg
    assert target_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    page.close()


def test_page_view_saves_its_text_from_file_url(browser, output):
    """The page view stores its text once; "下载文本" saves exactly that text (file://)."""
    from newsprint.cut.decode import decode_page
    from paths import SAMPLES

    view = next(p for p in sorted((output / "raw").glob("*.html")))
    source = SAMPLES / view.with_suffix(".txt").name
    assert not list((output / "raw").glob("*.txt")), "the raw bytes are not published twice"
    page = browser.new_page(accept_downloads=True)
    page.goto(view.as_uri())
    link = page.locator(".download-text a[download]")
    assert link.is_visible()
    with page.expect_download() as info:
        link.click()
    saved = info.value
    assert saved.suggested_filename == source.name
    text = Path(saved.path()).read_text("utf-8")
    assert text == decode_page(source.read_bytes(), source.name)
    page.close()
