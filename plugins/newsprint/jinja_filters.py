"""Jinja filters the theme uses, handed to Pelican through ``JINJA_FILTERS``.

The importer stores lists (captions, bylines, credits) as JSON strings in post
metadata, and a date that the page only gives to the month or the year is padded
to a full date for Pelican.  These filters turn both back into what a reader
should see.  In pelicanconf.py::

    from newsprint.jinja_filters import JINJA_FILTERS

>>> fromjson('[{"text": "签约仪式", "credit": "李攀"}]')[0]["credit"]
'李攀'
>>> fromjson(None)
[]
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any


def fromjson(value: Any) -> list[Any]:
    """Parse a JSON list from post metadata; missing or broken values give ``[]``.

    A broken value must not stop the build: the article still renders, without
    the list.

    >>> fromjson('["重庆日报首席记者 陈维灯"]')
    ['重庆日报首席记者 陈维灯']
    >>> fromjson("not json")
    []
    >>> fromjson('{"text": "a"}')
    []
    """
    if not value:
        return []
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(str(value))
    except ValueError:
        return []
    return parsed if isinstance(parsed, list) else []


UNKNOWN_DATE = "日期不详"


def honest_date(value: date | datetime, precision: str | None = "day") -> str:
    """A date shown only as precisely as the page gives it.

    >>> honest_date(date(2024, 7, 1), "month")
    '2024年7月'
    >>> honest_date(date(2024, 1, 1), "year")
    '2024年'
    >>> honest_date(date(2024, 7, 9))
    '2024年7月9日'
    >>> honest_date(date(1970, 1, 1), "unknown")
    '日期不详'
    """
    if precision == "unknown":  # Pelican needs a date; the padded one is not shown
        return UNKNOWN_DATE
    if precision == "year":
        return f"{value.year}年"
    if precision == "month":
        return f"{value.year}年{value.month}月"
    return f"{value.year}年{value.month}月{value.day}日"


def article_date(article: Any) -> str:
    """:func:`honest_date` for an article, reading its ``date_precision`` metadata."""
    return honest_date(article.date, getattr(article, "date_precision", "day"))


def iso_date(article: Any) -> str:
    """The machine-readable form for ``<time datetime=…>``, cut to the same precision.

    >>> class A: date = date(2024, 7, 1); date_precision = "month"
    >>> iso_date(A())
    '2024-07'
    """
    precision = getattr(article, "date_precision", "day")
    if precision == "unknown":
        return ""
    width = {"year": 4, "month": 7}.get(precision, 10)
    return article.date.strftime("%Y-%m-%d")[:width]


KIND_LABELS = {"news": "新闻", "photo": "图片", "notice": "公告", "listing": "节目单"}


def kind_label(kind: str | None) -> str:
    """The Chinese label for an article kind.

    >>> kind_label("listing")
    '节目单'
    >>> kind_label(None)
    '新闻'
    """
    return KIND_LABELS.get(kind or "news", kind or "新闻")


def by_count(pairs: Any) -> list[tuple[Any, list[Any]]]:
    """Sort Pelican's ``(taxon, articles)`` pairs: most articles first, then by slug.

    >>> from types import SimpleNamespace as T
    >>> pairs = [(T(slug="b"), [1]), (T(slug="a"), [1]), (T(slug="c"), [1, 2])]
    >>> [t.slug for t, _ in by_count(pairs)]
    ['c', 'a', 'b']
    """
    return sorted(pairs, key=lambda pair: (-len(pair[1]), pair[0].slug))


JINJA_FILTERS = {
    "by_count": by_count,
    "fromjson": fromjson,
    "honest_date": honest_date,
    "article_date": article_date,
    "iso_date": iso_date,
    "kind_label": kind_label,
}
