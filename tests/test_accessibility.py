"""axe-core (from npm) in Chromium on every page type of the sample site, in the
light and the dark colour scheme, opened from file:// as a reader would."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from chromium import CHROMIUM
from sitebuild import build_site, prepare_content

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core missing: run `npm ci` at the project root")
    tmp = tmp_path_factory.mktemp("a11y-site")
    content = prepare_content(tmp)
    output = tmp / "output"
    build_site(content, output, "pelicanconf.py")
    return output


def page_types(out: Path) -> dict[str, str]:
    """One page of every type (a relative URL each), found in the built site."""

    def first(pattern: str) -> str:
        found = sorted(out.glob(pattern))
        assert found, pattern
        return found[0].relative_to(out).as_posix()

    return {
        "home": "index.html",
        "article": first("articles/*.html"),
        "district": first("districts/[!i]*.html"),
        "topic": first("topics/[!i]*.html"),
        "archives": "archives/index.html"
        if (out / "archives/index.html").exists()
        else first("archives*.html"),
        "page view": first("raw/*.html"),
        "page view at a line": first("raw/*.html") + "#L3",  # the line a reader lands on
        "page view at a span": span_link(out),  # an article's whole span, as linked to
        "papers": "papers/index.html",
        "paper": first("papers/*/index.html"),
        "calendar": next(
            p.relative_to(out).as_posix()
            for p in sorted(out.glob("papers/*/[0-9][0-9][0-9][0-9].html"))
            if 'class="calendar"' in p.read_text("utf-8")
        ),
        "issue": first("papers/*/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].html"),
        "figures": "figures/index.html",
        "figures district": first("figures/[!i]*.html"),
        "search with results": "search.html?q=" + quote("巴南"),
        "search without results": "search.html?q=" + quote("火星基地"),
        "search empty": "search.html",
    }


def span_link(out: Path) -> str:
    """The page view of the first article, at the anchor its 出处 link names."""
    article = sorted(out.glob("articles/*.html"))[0].read_text("utf-8")
    return re.search(r'href="\.\./(raw/[^"]+#s-[^"]+)"', article).group(1)


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.slice(0, 5).map(n => [n.target.join(' '), n.failureSummary])})); }"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_page_type(site, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = {}
    for name, url in page_types(site).items():
        page.goto(f"{site.as_uri()}/{url}")
        if url.startswith("search.html"):
            page.wait_for_selector('#search[data-state="done"], #search[data-state="idle"]')
        violations = axe_violations(page)
        if violations:
            found[name] = violations
        # axe does not judge SVG text: chart labels must take the page's text colour
        fills = page.eval_on_selector_all(
            "svg text", "els => els.map(e => getComputedStyle(e).fill)"
        )
        ink = page.evaluate("getComputedStyle(document.body).color")
        if any(f != ink for f in fills):
            found[name + " chart labels"] = sorted(set(fills) - {ink})
    context.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


LAYOUT_SHIFT = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => done(total), 1000);
})"""


@pytest.mark.parametrize("viewport", [(412, 823), (1350, 940)])
def test_search_page_layout_shift_is_below_0_05(site, browser, viewport):
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    for q in ("巴南", "火星基地", ""):
        page.goto(f"{site.as_uri()}/search.html?q={quote(q)}")
        page.wait_for_selector('#search[data-state="done"], #search[data-state="idle"]')
        assert page.evaluate(LAYOUT_SHIFT) < 0.05, q
    page.close()
