"""Segmentation scored against the hand-made gold annotations.

The gold (``tests/data/gold-seeds-000-002.json``, identical to shared/gold) and its
scorer (``tests/score_pages.py``) are in the repository, so this runs in a fresh clone.
"""

from __future__ import annotations

import json

import pytest
import score_pages
from newsprint.posts.cli import inspect_pages
from paths import GOLD, RAW

SEGMENTATION_CHECKS = ("found", "boundary", "title", "kind", "authors", "captions", "joins", "once")


@pytest.fixture(scope="module")
def totals():
    gold = json.loads(GOLD.read_text("utf-8"))
    records = inspect_pages([RAW / name for name in gold])
    _rows, totals = score_pages.score(gold, records)
    return totals


@pytest.mark.parametrize("check", SEGMENTATION_CHECKS)
def test_segmentation_check_reaches_the_quality_bar(totals, check):
    hit, seen = totals[check]
    assert seen > 0
    assert hit / seen >= 0.95, f"{check}: {hit}/{seen}"


@pytest.mark.parametrize("check", ("district", "date"))
def test_tagging_check_on_the_gold_pages(totals, check):
    hit, seen = totals[check]
    assert seen > 0
    assert hit / seen >= 0.95, f"{check}: {hit}/{seen}"


def test_no_spurious_articles(totals):
    assert totals["spurious"][0] == 0


def _rewrap(text: str, width: int) -> str:
    """Hard-wrap every paragraph line at ``width`` characters, as a column dump does."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("#") or len(stripped) <= width:
            out.append(line)
        else:
            out.append("\n".join(stripped[i : i + width] for i in range(0, len(stripped), width)))
    return "\n".join(out)


VARIANTS = {
    "wrap-16": lambda t: _rewrap(t, 16).encode("utf-8"),
    "wrap-20": lambda t: _rewrap(t, 20).encode("utf-8"),
    "wrap-26": lambda t: _rewrap(t, 26).encode("utf-8"),
    "gb18030-crlf": lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    "utf8-bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_segmentation_holds_on_rewrapped_and_reencoded_pages(tmp_path, variant):
    """The same gold, other wrap widths and encodings: the rules must not depend on them."""
    gold = json.loads(GOLD.read_text("utf-8"))
    for name in gold:
        (tmp_path / name).write_bytes(VARIANTS[variant]((RAW / name).read_text("utf-8")))
    _rows, totals = score_pages.score(gold, inspect_pages([tmp_path / name for name in gold]))
    for check in SEGMENTATION_CHECKS:
        hit, seen = totals[check]
        assert hit / seen >= 0.95, f"{variant} {check}: {hit}/{seen}"
    assert totals["spurious"][0] == 0
