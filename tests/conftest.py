"""Shared fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from chromium import ARGS, CHROMIUM
from paths import SAMPLES


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current code (make golden); review with git diff",
    )


@pytest.fixture(scope="session")
def regenerate_golden(request: pytest.FixtureRequest) -> bool:
    """True only when the run was asked to rewrite the golden snapshots."""
    return bool(request.config.getoption("--regenerate-golden"))


@pytest.fixture(scope="session")
def sample_pages() -> list[Path]:
    pages = sorted(SAMPLES.glob("*.txt"))
    assert pages, "the sample pages ship in tests/data/pages/"
    return pages


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright (the browser tests skip without it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page_001_site(tmp_path: Path) -> tuple[Path, Path]:
    """A raw folder holding sample page 001, and the posts folder beside it."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLES / "001_8b2535a65f0a025d.txt", raw / "001_8b2535a65f0a025d.txt")
    return raw, tmp_path / "posts"
