"""Tagging stage: district, topics, keywords and date for the articles of a page.

The extractors live in their own modules (districts, topics, dates); this module
only applies them to a page.  Until they land it tags nothing.
"""

from __future__ import annotations

from .models import PageResult


def tag_page(result: PageResult, text: str) -> None:
    """Fill district, topics, keywords and date of every article of ``result``."""
    return
