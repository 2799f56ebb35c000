"""Text primitives shared by the stages: Han characters, sentence ends, width.

One home for each: a stage that needs "is this Han", "where does the sentence
end" or "how wide is this line" imports it from here instead of writing its own.

>>> re.fullmatch(f"[{HAN_COMMON}]+", "巴南区") is not None
True
>>> half_width("ＣＤＭＯ２０２３（一）")
'CDMO2023(一)'
>>> display_width("巴南2023年")
10
>>> [m.start() for m in SENTENCE_END.finditer("签约。投产！")]
[2, 5]
"""

from __future__ import annotations

import re
import unicodedata

#: Every Han character a page or a query may hold: 〇, extension A, the unified
#: ideographs, compatibility ideographs and the supplementary planes (ext. B–H).
#: The search tokens use it; mirrored in theme/static/js/tokenize.js.
HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Extension A and the unified ideographs: what printed pages use.  The cutting
#: and tagging rules match these (a character class body, ``f"[{HAN_COMMON}]"``).
HAN_COMMON = "\u3400-\u9fff"

#: Characters that end a sentence, full- and half-width.
SENTENCE_ENDS = "。！？!?"
#: Where a sentence ends for tagging (dates, figures): the marks above, a
#: semicolon, or a line break.
SENTENCE_END = re.compile(r"[。;；!！?？\n]")
#: A hard wrap between two Han characters or digits: not a break in the text.
HARD_WRAP = re.compile(rf"(?<=[{HAN_COMMON}\d])[ \t]*\r?\n[ \t]*(?=[{HAN_COMMON}\d])")

#: Full-width ASCII forms (U+FF01 ！ … U+FF5E ～) → their half-width letters.
# A line wholly in brackets: a note ("（作者为…）"), a source ("（新华社北京电）").
ENCLOSED = re.compile(r"^[（(][^（）()]+[)）]$")

HALF_WIDTH = {0xFF01 + i: 0x21 + i for i in range(94)}


def half_width(text: str) -> str:
    """Full-width ASCII forms (letters, digits, punctuation) made half-width; Han unchanged."""
    return text.translate(HALF_WIDTH)


def display_width(text: str) -> int:
    """Width in half-width cells: a Han character or full-width mark counts 2.

    >>> display_width("巴南2023年")
    10
    """
    # Ambiguous-width marks (“”、…) take a full cell in Chinese typesetting.
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)
