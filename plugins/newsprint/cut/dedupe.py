"""Printing artefacts that repeat text: doubled headlines, repeated paragraphs and sentences.

Each fixer returns the cleaned text and what it removed, so every removal can be
explained in the ``dropped`` list.

>>> undouble("重点项目快速有序推进重点项目快速有序推进")
('重点项目快速有序推进', '重点项目快速有序推进')
>>> undouble("一路繁花 一路景")
('一路繁花 一路景', '')
"""

from __future__ import annotations

import re

from ..text import half_width

# Every character belongs to exactly one match: text up to its end punctuation
# (plus closing quotes), or a final piece without one.
_SENTENCE = re.compile(r"[^。！？；;!?]*[。！？；;!?]+[”’」』）)]*|[^。！？；;!?]+$")
_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """Comparison key: no white space, half-width forms of full-width characters."""
    return half_width(_SPACES.sub("", text))


def undouble(text: str, min_unit: int = 2) -> tuple[str, str]:
    """Collapse text printed twice in a row ("xx" → "x"), word by word, then as a whole.

    Returns the cleaned text and the removed part ('' when nothing was doubled).

    >>> undouble("南川南川 喜看梯田千重浪喜看梯田千重浪")
    ('南川 喜看梯田千重浪', '南川喜看梯田千重浪')
    >>> undouble("2020中马文化旅游年在吉隆坡开幕")[0]
    '2020中马文化旅游年在吉隆坡开幕'
    """
    removed: list[str] = []
    words = []
    for word in text.split(" "):
        words.append(_collapse(word, min_unit, removed))
    cleaned = " ".join(words)
    cleaned = _collapse(cleaned, max(min_unit, 4), removed)
    return cleaned, "".join(removed)


def _collapse(word: str, min_unit: int, removed: list[str]) -> str:
    # The longest unit first, so "ABAB" loses one "AB", never one letter.
    for size in range(len(word) // 2, min_unit - 1, -1):
        for start in range(len(word) - 2 * size + 1):
            unit = word[start : start + size]
            if (
                word[start + size : start + 2 * size] == unit
                and (start == 0 or size >= 4)
                and not (size < 4 and unit.isascii())  # "2020", "1212" are numbers
            ):
                removed.append(unit)
                return word[: start + size] + word[start + 2 * size :]
    return word


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping the punctuation.

    >>> sentences("甲。乙；丙")
    ['甲。', '乙；', '丙']
    >>> sentences("。”乙")
    ['。”', '乙']
    """
    return _SENTENCE.findall(text)


def drop_repeated_sentences(text: str, min_len: int = 8) -> tuple[str, list[str]]:
    """Remove sentences repeated inside one paragraph (the first copy stays).

    >>> drop_repeated_sentences("“6”是培育壮大软件信息化产业；“6”是培育壮大软件信息化产业。")
    ('“6”是培育壮大软件信息化产业；', ['“6”是培育壮大软件信息化产业。'])
    """
    seen: set[str] = set()
    kept, dropped = [], []
    for sentence in sentences(text):
        k = key(sentence).rstrip("。！？；;!?")
        if len(k) >= min_len and k in seen:
            dropped.append(sentence)
            continue
        seen.add(k)
        kept.append(sentence)
    return "".join(kept), dropped
