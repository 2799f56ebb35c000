"""Money amounts on the five sample pages against a hand-made reading of them.

``tests/data/figures-truth.json`` lists every amount the pages print, with what it
measures, what it covers and which amount it is part of or restates. The
extractor must read each body amount the same way, and the figures view must
add up only amounts the truth says are disjoint and of one measure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import pytest
from newsprint.posts.cli import inspect_pages
from newsprint.site.figures_view import collect_rows, totals
from newsprint.tag.figures import extract_figures
from paths import RAW, ROOT

TRUTH = json.loads((ROOT / "tests" / "data" / "figures-truth.json").read_text("utf-8"))
PAGES = sorted(name for name in TRUTH if not name.startswith("_"))


@cache
def records() -> tuple[dict, ...]:
    return tuple(inspect_pages([RAW / name for name in PAGES]))


def _article(page: str, title: str) -> dict:
    """The article of ``page`` whose body holds the truth's ``find`` phrase."""
    phrase = TRUTH[page][title]["find"]
    found = [r for r in records() if r["source"] == page and phrase in r["body"]]
    assert len(found) == 1, f"{page}: {len(found)} articles hold {phrase!r} ({title})"
    return found[0]


def _reading(figures: list, i: int, key: str) -> str | None:
    """The amount that figure ``i`` is part of or restates (``key``), as printed."""
    j = getattr(figures[i], key)
    return None if j is None else figures[j].unit_text


CASES = [(page, title) for page in PAGES for title in TRUTH[page]]


@pytest.mark.parametrize(("page", "title"), CASES)
def test_every_amount_is_read_as_the_truth_says(page, title):
    truth = [a for a in TRUTH[page][title]["amounts"] if a.get("where", "body") == "body"]
    figures = extract_figures(_article(page, title)["body"])
    assert [f.unit_text for f in figures] == [a["amount"] for a in truth]
    for i, (f, want) in enumerate(zip(figures, truth, strict=True)):
        got = {
            "measure": f.measure.value,
            "scope": f.scope.value if want["measure"] != "门槛" else None,
            "part_of": _reading(figures, i, "part_of"),
            "restates": _reading(figures, i, "restates"),
        }
        expected = {
            "measure": want["measure"],
            "scope": want.get("scope"),
            "part_of": want.get("part_of"),
            "restates": want.get("restates"),
        }
        assert got == expected, f"{f.unit_text}: {f.sentence}"
        if "project" in want:
            assert f.project == want["project"]


def test_amounts_in_headlines_restate_one_in_the_body():
    for page in PAGES:
        for title, article in TRUTH[page].items():
            body = {a["amount"] for a in article["amounts"] if a.get("where", "body") == "body"}
            for a in article["amounts"]:
                if a.get("where") == "title":
                    assert a["restates"] in body, (page, title, a)


@dataclass
class _Post:
    """What the figures view reads from a Pelican article."""

    content: str
    category: str
    title: str
    url: str
    date: None = None


def test_the_views_totals_add_only_disjoint_amounts_of_one_measure():
    """Every amount in a total is, by the hand-made reading, of the total's
    measure, for one named project, and part of or a restatement of nothing."""
    truth = {
        (page, title, a["amount"]): a
        for page in PAGES
        for title in TRUTH[page]
        for a in TRUTH[page][title]["amounts"]
    }
    posts = [
        _Post(_article(page, title)["body"], _article(page, title)["district"] or "", title,
              f"{page}|{title}")
        for page in PAGES
        for title in TRUTH[page]
    ]
    rows = collect_rows(posts)
    assert rows, "the sample pages report investments"
    added = 0
    for district in {r.district for r in rows}:
        for total in totals([r for r in rows if r.district == district]):
            projects = [r.project for r in total.rows]
            assert len(projects) == len(set(projects))
            for r in total.rows:
                page, title = r.url.split("|")
                want = truth[page, title, r.unit_text]
                assert want["measure"] == total.measure, r
                assert want["scope"] == "单个项目" and "project" in want, r
                assert "part_of" not in want and "restates" not in want, r
                added += 1
    assert added >= 3  # the named single projects on the pages
