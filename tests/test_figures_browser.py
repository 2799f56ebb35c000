"""The figures pages of the sample archive on a 360 px phone, in headless Chromium.

The chart scales to the screen and the page never scrolls sideways (a wide table
scrolls inside its own box).
"""

from __future__ import annotations

import os

import pytest
from chromium import CHROMIUM
from sitebuild import build_site, prepare_content

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("/usr/bin/chromium is not installed", allow_module_level=True)

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("figures-site")
    out = tmp / "output"
    build_site(prepare_content(tmp), out)
    return out


def test_figures_pages_fit_a_360px_screen(browser, output):
    pages = sorted((output / "figures").glob("*.html"))
    assert len(pages) >= 2  # the overview and at least one district
    charted = 0
    page = browser.new_page(viewport=PHONE)
    for path in pages:
        page.goto(path.as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path.name}: {width}px wide"
        for box in (svg.bounding_box() for svg in page.locator(".figures-chart svg").all()):
            assert box is not None and box["x"] >= 0
            assert box["x"] + box["width"] <= PHONE["width"], path.name
            charted += 1
    page.close()
    assert charted, "no chart on any figures page"
