"""The period archives list each article once: on its month's page, or, dated only
to a year, on the year's page; a year page links its month pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import build_site, prepare_content


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("archive-pages")
    build_site(prepare_content(tmp), tmp / "output")
    return tmp / "output" / "archives"


def _listed(page: Path) -> list[str]:
    """The articles a page lists as items (not the links in its header)."""
    text = page.read_text("utf-8")
    return re.findall(r'class="item-title"><a href="[^"]*articles/([^"]+)\.html"', text)


def test_every_article_is_listed_once_across_year_and_month_pages(archives):
    years = sorted(p for p in archives.glob("*/index.html"))
    assert years
    for year_page in years:
        months = sorted(year_page.parent.glob("*/index.html"))
        on_months = [slug for m in months for slug in _listed(m)]
        on_year = _listed(year_page)
        assert len(on_months) == len(set(on_months))
        assert not set(on_year) & set(on_months), year_page
        count = int(re.search(r"共 (\d+) 篇", year_page.read_text("utf-8")).group(1))
        assert count == len(on_year) + len(on_months), year_page
        year_html = year_page.read_text("utf-8")
        for month in months:
            if _listed(month):
                assert f"{month.parent.name}/index.html" in year_html, month


def test_summaries_are_on_the_district_lists_and_not_repeated_in_every_list(archives):
    out = archives.parent
    listed = {"districts": 0, "topics": 0, "authors": 0, "archives": 0}
    shown = dict.fromkeys(listed, 0)
    for folder in listed:
        for page in out.glob(f"{folder}/**/*.html"):
            if page.name == "index.html" and folder != "archives":
                continue  # the district, topic and person indexes list no articles
            text = page.read_text("utf-8")
            listed[folder] += text.count('class="item-title"')
            shown[folder] += text.count('class="item-summary"')
    assert all(listed.values()), listed
    assert 0 < shown["districts"] <= listed["districts"]
    assert shown["topics"] == shown["authors"] == shown["archives"] == 0, shown
