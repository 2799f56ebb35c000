"""Is this string a district name?  A thin view on the district gazetteer.

>>> is_place("巴南"), is_place("巴南区"), is_place("一路")
(True, True, False)
"""

from __future__ import annotations

from functools import cache

# Placeholder list until the gazetteer lands (data/districts.toml).
_SHORT = [
    "万州",
    "涪陵",
    "渝中",
    "大渡口",
    "江北",
    "沙坪坝",
    "九龙坡",
    "南岸",
    "北碚",
    "綦江",
    "大足",
    "渝北",
    "巴南",
    "黔江",
    "长寿",
    "江津",
    "合川",
    "永川",
    "南川",
    "璧山",
    "铜梁",
    "潼南",
    "荣昌",
    "开州",
    "梁平",
    "武隆",
    "城口",
    "丰都",
    "垫江",
    "忠县",
    "云阳",
    "奉节",
    "巫山",
    "巫溪",
    "石柱",
    "秀山",
    "酉阳",
    "彭水",
    "两江新区",
    "重庆高新区",
    "高新区",
    "万盛",
]


@cache
def _names() -> frozenset[str]:
    names = set(_SHORT)
    for short in _SHORT:
        if not short.endswith(("区", "县")):
            names.update({short + "区", short + "县"})
    return frozenset(names)


def is_place(text: str) -> bool:
    """True when ``text`` is exactly a district's full or short name."""
    return text.strip() in _names()
