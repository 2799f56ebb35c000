"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM
from paths import RAW


@pytest.fixture(scope="session")
def sample_pages() -> list[Path]:
    pages = sorted(RAW.glob("*.txt"))
    assert pages, "the sample pages ship in content/raw/"
    return pages


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright (the browser tests skip without it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()
