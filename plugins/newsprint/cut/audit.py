"""Nothing is lost: every non-space character of a raw page is placed exactly once.

Placed means: in an article's title, kicker, subtitle, body, captions, bylines,
credits or district labels, or in a dropped record with its reason.  Markdown
heading markers printed by some dumps (``# ``) are layout, not text, and are not
counted; a title the importer made up for a page that prints none is not counted
either.

>>> from newsprint.cut.segment import segment_text
>>> text = "巴南 新标题\\n\\n核心提示\\n\\n正文。正文。\\n\\n王彩艳 罗莎"
>>> unplaced(text, segment_text(text, "p.txt"))
Counter()
"""

from __future__ import annotations

import re
from collections import Counter

from ..models import PageResult

_MARKER = re.compile(r"^[ \t\u3000\f]*#{1,6}[ \t\u3000]+(?=\S)", re.MULTILINE)


def raw_characters(text: str) -> Counter[str]:
    """Non-space characters of the raw page, Markdown heading markers removed."""
    return Counter(ch for ch in _MARKER.sub("", text) if not ch.isspace())


def placed_characters(result: PageResult) -> Counter[str]:
    """Non-space characters of everything the pipeline kept or dropped for a page."""
    parts: list[str] = []
    for art in result.articles:
        if not art.title_generated:
            parts.append(art.title)
        parts += [art.kicker or "", art.subtitle or ""]
        parts += [p.text for p in art.paragraphs]
        parts += [c.text + c.printed_credit for c in art.captions]
        parts += art.bylines + art.credits + art.labels
        parts += [d.text for d in art.dropped]
    parts += [d.text for d in result.dropped]
    return Counter(ch for ch in "".join(parts) if not ch.isspace())


def unplaced(text: str, result: PageResult) -> Counter[str]:
    """Characters lost (positive counts) or invented (negative counts); empty when all is well."""
    raw, placed = raw_characters(text), placed_characters(result)
    diff = Counter(raw)
    diff.subtract(placed)
    return Counter({ch: n for ch, n in diff.items() if n})
