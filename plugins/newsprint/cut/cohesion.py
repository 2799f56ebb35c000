"""Lexical cohesion: which paragraphs of a run share their words with which side of a cut.

Two stories printed one after the other with nothing between them are still told
in two vocabularies: a paragraph shares more of its character pairs with the
other paragraphs of its own story than with the story next to it.  The best cut
of a run into two stories is the one that leaves each paragraph among the
paragraphs (and the headline) it shares most words with; pairs common to both
sides ("我们", "发展") cancel out.

>>> runs = ["女足抵达悉尼备战", "女足在悉尼隔离训练", "中非武装冲突加剧", "中非冲突造成伤亡"]
>>> [round(side_affinity([pairs(t) for t in runs], j), 2) for j in (1, 2, 3)]
[0.01, 0.28, -0.01]
"""

from __future__ import annotations

import re
from collections import Counter


def pairs(text: str) -> set[str]:
    """Character pairs of the Han and alphanumeric text.

    >>> sorted(pairs("招商引资"))
    ['商引', '引资', '招商']
    """
    chars = re.sub(r"[^\w]", "", text)
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


def side_affinity(parts: list[set[str]], cut: int) -> float:
    """Mean over the paragraphs ``parts`` of (share of a paragraph's pairs found elsewhere
    on its own side of ``cut``) − (share found on the other side)."""
    left, right = Counter(), Counter()
    for p in parts[:cut]:
        left.update(p)
    for p in parts[cut:]:
        right.update(p)
    total = 0.0
    counted = 0
    for i, p in enumerate(parts):
        if not p:
            continue
        own, other = (left, right) if i < cut else (right, left)
        shared_own = sum(1 for g in p if own[g] > 1)  # another paragraph has it too
        shared_other = sum(1 for g in p if other[g] > 0)
        total += (shared_own - shared_other) / len(p)
        counted += 1
    return total / counted if counted else 0.0
