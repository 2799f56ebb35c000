"""Bidi and zero-width controls are taken out of headlines and reported; nothing is lost."""

from __future__ import annotations

import pytest
from newsprint.cut.audit import unplaced
from newsprint.pipeline import process_page

BODY = "2023年是巴南全区招商系统迎难而上的一年，全区签约重大项目47个，协议投资额290亿元。"


@pytest.mark.parametrize("control", ["\u202e", "\u202d", "\u2067", "\u200b", "\u200f", "\ufeff"])
def test_an_invisible_control_in_a_headline_is_removed_and_reported(control):
    headline = f"巴南一切{control}围绕招商转"
    text = f"{headline}\n\n{BODY}\n"
    result = process_page(text.encode(), "p.txt")
    (art,) = result.articles
    assert art.title == "巴南一切围绕招商转"
    assert [d.text for d in art.dropped if "invisible control" in d.reason] == [control]
    code = f"U+{ord(control):04X}"
    assert any(code in w and "title" in w for w in result.warnings), result.warnings
    assert unplaced(text.lstrip("\ufeff"), result) == {}
