"""Organisation and project names on the five sample pages against a hand-made list.

``tests/data/names-truth.json`` lists the correct names (see its ``_about``). The
bar is precision >= 0.95 for each kind: a name the extractor is not confident of is
not shown. Recall is printed (run with ``-s``) and held where it is measured now so
that a change that loses names shows up.
"""

from __future__ import annotations

import json

import pytest
from newsprint.posts.cli import inspect_pages
from newsprint.tag.figures import extract_organisations, extract_projects
from paths import RAW, ROOT

TRUTH = json.loads((ROOT / "tests" / "data" / "names-truth.json").read_text("utf-8"))
PAGES = sorted(name for name in TRUTH if not name.startswith("_"))
EXTRACTORS = {"organisations": extract_organisations, "projects": extract_projects}
#: Recall measured when the precision bar was set (organisations, projects).
RECALL_FLOOR = {"organisations": 0.8, "projects": 0.65}


@pytest.fixture(scope="module")
def shown() -> dict[str, dict[str, set[str]]]:
    """What the pipeline puts on each page's articles, per kind."""
    records = inspect_pages([RAW / name for name in PAGES])
    return {
        kind: {page: {n for r in records if r["source"] == page for n in r[kind]} for page in PAGES}
        for kind in EXTRACTORS
    }


@pytest.mark.parametrize("kind", EXTRACTORS)
def test_names_shown_meet_the_precision_bar(shown, kind):
    right = wrong = found = 0
    mistakes = []
    for page in PAGES:
        good = set(TRUTH[page][kind])
        names = shown[kind][page]
        right += len(names & good)
        wrong += len(names - good)
        found += len(names & good)
        mistakes += sorted(names - good)
    total = sum(len(TRUTH[page][kind]) for page in PAGES)
    precision, recall = right / (right + wrong), found / total
    print(f"{kind}: precision {right}/{right + wrong} = {precision:.3f}, "
          f"recall {found}/{total} = {recall:.3f}")
    assert precision >= 0.95, mistakes
    assert recall >= RECALL_FLOOR[kind]


def test_the_issues_wrong_names_are_not_shown():
    text = (
        "今年以来，北碚区上下紧紧扭住项目建设这个“牛鼻子”。国家级专精特新“小巨人”"
        "企业深圳市镭神智能系统有限公司打造激光雷达研发生产基地。在奋勇争先中感受这一传统项目。"
    )
    assert extract_organisations(text) == ["深圳市镭神智能系统有限公司"]
    assert extract_projects(text) == []
    assert extract_projects("让更多人认识到这个项目，该项目年底完工。") == []


def test_a_unit_printed_after_its_parent_is_one_name():
    names = extract_organisations("复旦大学附属华山医院福建医院副院长贾杰")
    assert names == ["复旦大学", "华山医院福建医院"]  # not the bare 福建医院
