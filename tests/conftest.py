"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest
from paths import SAMPLES


@pytest.fixture(scope="session")
def sample_pages() -> list[Path]:
    pages = sorted(SAMPLES.glob("*.txt"))
    assert pages, "the sample pages ship in tests/data/pages/"
    return pages
