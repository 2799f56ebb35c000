"""Whether a line break falls inside a word: the column broke a sentence, no editor did.

An editor breaks a headline block between phrases (kicker / headline / subtitle);
a column breaks text wherever the width runs out, often inside a word ("…航天科技的发"
/ "展进步…"). jieba's dictionary says where the words are.

>>> breaks_a_word("记录着中国航天科技的发", "展进步，也说明")
True
>>> breaks_a_word("许多家庭以运动的方式度过假期", "过年，一起燃烧卡路里")
False
"""

from __future__ import annotations

import logging
import re

import jieba

jieba.setLogLevel(logging.WARNING)  # jieba logs "Building prefix dict" at DEBUG

WINDOW = 4  # Han characters either side of the break that jieba reads
_HAN_TAIL = re.compile(rf"[\u4e00-\u9fff]{{1,{WINDOW}}}$")
_HAN_HEAD = re.compile(rf"[\u4e00-\u9fff]{{1,{WINDOW}}}")


def breaks_a_word(upper: str, lower: str) -> bool:
    """Whether the break between ``upper`` and ``lower`` cuts a word of the dictionary."""
    tail = _HAN_TAIL.search(upper)
    head = _HAN_HEAD.match(lower)
    if not tail or not head:
        return False  # punctuation or a space at the break: no word is cut
    text, cut = tail.group() + head.group(), len(tail.group())
    at = 0
    for word in jieba.lcut(text, HMM=False):
        if at < cut < at + len(word):
            return True
        at += len(word)
    return False
