"""Jinja filters the theme uses, handed to Pelican through ``JINJA_FILTERS``.

The importer stores lists (captions, bylines, credits) as JSON strings in post
metadata, and a date that the page only gives to the month or the year is padded
to a full date for Pelican.  These filters turn both back into what a reader
should see.  In pelicanconf.py::

    from newsprint.site.jinja_filters import JINJA_FILTERS

>>> fromjson('[{"text": "签约仪式", "credit": "李攀"}]')[0]["credit"]
'李攀'
>>> fromjson(None)
[]
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from ..models import KIND_LABELS
from ..tag.dates import chinese_at_precision, iso_at_precision
from .citation import gbt7714, source_line
from .issues import chinese_date


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
    """A date shown only as precisely as the page gives it (:func:`chinese_at_precision`).

    >>> honest_date(date(2024, 7, 1), "month"), honest_date(date(1970, 1, 1), "unknown")
    ('2024年7月', '日期不详')
    """
    return chinese_at_precision(value, precision)


def article_date(article: Any) -> str:
    """:func:`honest_date` for an article, reading its ``date_precision`` metadata."""
    return honest_date(article.date, getattr(article, "date_precision", "day"))


def iso_date(article: Any) -> str:
    """The machine-readable form for ``<time datetime=…>``, cut to the same precision.

    >>> class A: date = date(2024, 7, 1); date_precision = "month"
    >>> iso_date(A())
    '2024-07'
    """
    return iso_at_precision(article.date, getattr(article, "date_precision", "day"))


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
    "chinese_date": chinese_date,
    "source_line": source_line,
    "citation": gbt7714,
}
