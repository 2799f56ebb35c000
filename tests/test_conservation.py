"""Nothing lost: every character of a raw page is placed once, on the samples and on
generated variations of them (encodings, line endings, wrap widths, punctuation)."""

from __future__ import annotations

import re

import pytest
from newsprint.cut.audit import unplaced
from newsprint.cut.decode import decode_page
from newsprint.cut.segment import segment_text
from paths import RAW

PAGES = sorted(RAW.glob("*.txt"))


def _rewrap(text: str, width: int) -> str:
    """Hard-wrap every paragraph at ``width`` characters, as a column dump would."""
    out = []
    for para in text.split("\n"):
        stripped = para.strip()
        out.append("\n".join(stripped[i : i + width] for i in range(0, len(stripped), width)) or "")
    return "\n".join(out)


def _half_width(text: str) -> str:
    return text.translate(str.maketrans("，：；（）！？", ",:;()!?"))


VARIATIONS = {
    "as-is": lambda t: t.encode("utf-8"),
    "bom-crlf": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "wrap-14": lambda t: _rewrap(t, 14).encode("utf-8"),
    "wrap-22": lambda t: _rewrap(t, 22).encode("utf-8"),
    "half-width": lambda t: _half_width(t).encode("utf-8"),
    "two-pages": lambda t: (t + "\n\n\n\n" + t[::-1][:0] + t).encode("utf-8"),
}


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:3] for p in PAGES])
@pytest.mark.parametrize("variation", VARIATIONS)
def test_every_character_is_placed_exactly_once(page, variation):
    original = page.read_text("utf-8")
    text = decode_page(VARIATIONS[variation](original), page.name)
    result = segment_text(text, page.name)
    assert result.articles
    assert unplaced(text, result) == {}


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:3] for p in PAGES])
def test_rewrapping_keeps_the_article_count_close(page):
    text = page.read_text("utf-8")
    plain = len(segment_text(text, page.name).articles)
    wrapped = len(segment_text(_rewrap(text, 16), page.name).articles)
    assert abs(plain - wrapped) <= max(1, plain // 3)


def test_repeated_page_drops_the_second_copy_of_each_paragraph():
    text = (RAW / "001_8b2535a65f0a025d.txt").read_text("utf-8")
    result = segment_text(text + "\n\n\n\n" + text, "double.txt")
    bodies = "".join(p.text for a in result.articles for p in a.paragraphs)
    sentence = "巴南已累计签约重大项目47个"
    assert bodies.count(sentence) == 1
    reasons = {d.reason for a in result.articles for d in a.dropped}
    assert "repeated paragraph" in reasons
    assert re.search("repeated", " ".join(reasons))
