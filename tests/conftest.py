"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import RAW


@pytest.fixture(scope="session")
def sample_pages() -> list[Path]:
    pages = sorted(RAW.glob("*.txt"))
    assert pages, "the sample pages ship in content/raw/"
    return pages
