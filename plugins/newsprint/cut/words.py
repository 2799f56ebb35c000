"""Whether a line break falls inside a word: the column broke a sentence, no editor did.

An editor breaks a headline block between phrases (kicker / headline / subtitle);
a column breaks text wherever the width runs out, often inside a word ("…创业致富的身"
/ "影，也能…"). jieba's dictionary says where the words are.

>>> breaks_a_word("处处可以看到村民们创业致富的身", "影，也能感受到")
True
>>> breaks_a_word("不少市民选择到郊外踏青度过假期", "春天，一起走进田野")
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
