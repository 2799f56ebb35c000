"""Pages made of random pieces of the samples and stray markup: the pipeline never
fails and still places every character (deterministic, seeded)."""

from __future__ import annotations

import random

import pytest
from newsprint.cut.audit import unplaced
from newsprint.cut.segment import segment_text
from newsprint.tag.tagging import tag_page
from paths import RAW

LINES = [line for page in sorted(RAW.glob("*.txt")) for line in page.read_text("utf-8").split("\n")]
ODDITIES = [
    "",
    "",
    "",
    "# ",
    "#",
    "## 小标题",
    "——",
    "□",
    "▲",
    "19:35",
    "核心提示",
    "链接》》",
    "摄/",
    "北碚",
    "第3版",
    "\f",
    "   ",
    "（",
    "）",
    "“",
    "<b>x</b>",
    "* ",
    "1.",
    ">",
    "\u3000\u3000正文。",
    "。”",
    "王彩艳 罗莎",
]


def random_page(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 50)):
        roll = rng.random()
        if roll < 0.6:
            parts.append(rng.choice(LINES))
        elif roll < 0.8:
            parts.append(rng.choice(ODDITIES))
        else:  # a line cut in two at a random place, as a column break does
            line = rng.choice(LINES)
            cut = rng.randint(0, len(line))
            parts += [line[:cut], line[cut:]]
    return "\n".join(parts) + "\n巴南"


@pytest.mark.parametrize("seed", range(8))
def test_random_pages_never_fail_and_lose_nothing(seed):
    rng = random.Random(seed)
    for _ in range(25):
        text = random_page(rng)
        result = segment_text(text, "fuzz.txt")
        tag_page(result, text)
        assert unplaced(text, result) == {}, text
