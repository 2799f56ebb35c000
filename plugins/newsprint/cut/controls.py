"""Invisible formatting characters removed from headlines, each one reported.

Bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE …) visibly reverse a headline and
zero-width characters split words for search while showing nothing; neither is
ever printed on a page.  They are taken out of titles, kickers and subtitles and
kept as dropped text with the reason, so the audit still accounts for them.

>>> strip_invisible("巴南\\u202e新闻\\u200b")
('巴南新闻', ['U+202E', 'U+200B'])
"""

from __future__ import annotations

import re

from ..models import Article, Dropped, DropReason, PageResult

# Bidi embeddings, overrides, isolates and marks; zero-width spaces and joiners,
# the word joiner and the byte order mark used as a zero-width no-break space.
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
HEADLINE_FIELDS = ("title", "kicker", "subtitle")
CONTROL_REMOVED = {
    "title": DropReason.CONTROL_IN_TITLE,
    "kicker": DropReason.CONTROL_IN_KICKER,
    "subtitle": DropReason.CONTROL_IN_SUBTITLE,
}


def strip_invisible(text: str) -> tuple[str, list[str]]:
    """``text`` without invisible controls, and the code points removed, in order."""
    removed = [f"U+{ord(ch):04X}" for ch in INVISIBLE.findall(text)]
    return INVISIBLE.sub("", text), removed


def _clean_article(art: Article) -> list[str]:
    notes: list[str] = []
    for name in HEADLINE_FIELDS:
        value = getattr(art, name)
        if not value:
            continue
        clean, removed = strip_invisible(value)
        if not removed:
            continue
        setattr(art, name, clean)
        if not (name == "title" and art.title_generated):  # a made-up title is not page text
            reason = CONTROL_REMOVED[name]
            art.dropped += [Dropped(ch, reason, art.lines[0]) for ch in INVISIBLE.findall(value)]
        notes.append(f"{art.source}: {', '.join(removed)} removed from the {name} {clean!r}")
    return notes


def clean_headlines(result: PageResult) -> list[str]:
    """Strip invisible controls from every headline of a page; one note per field cleaned."""
    return [note for art in result.articles for note in _clean_article(art)]
