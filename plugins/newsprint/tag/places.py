"""Is this string a district name?  A thin view on the district gazetteer.

>>> is_place("巴南"), is_place("巴南区"), is_place("重庆高新区"), is_place("一路")
(True, True, True, False)
"""

from __future__ import annotations

from functools import cache

from .districts import load_gazetteer


@cache
def is_place(text: str) -> bool:
    """True when ``text`` is exactly a district's full name, short name or alias."""
    stripped = text.strip()
    return bool(stripped) and load_gazetteer().lookup(stripped) is not None
