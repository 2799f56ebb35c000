"""Segmentation scored against the hand-made gold annotations (shared/gold)."""

from __future__ import annotations

import importlib.util
import json

import pytest
from newsprint.cli import inspect_pages
from paths import RAW, SHARED

GOLD = SHARED / "gold" / "seeds-000-002.json"
SCORER = SHARED / "tools" / "score_pages.py"
SEGMENTATION_CHECKS = ("found", "boundary", "title", "kind", "authors", "captions", "joins", "once")


def _scorer():
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def totals():
    if not GOLD.exists():
        pytest.skip("shared/gold is not beside this checkout")
    gold = json.loads(GOLD.read_text("utf-8"))
    records = inspect_pages([RAW / name for name in gold])
    _rows, totals = _scorer().score(gold, records)
    return totals


@pytest.mark.parametrize("check", SEGMENTATION_CHECKS)
def test_segmentation_check_reaches_the_quality_bar(totals, check):
    hit, seen = totals[check]
    assert seen > 0
    assert hit / seen >= 0.95, f"{check}: {hit}/{seen}"


def test_no_spurious_articles(totals):
    assert totals["spurious"][0] == 0
