"""What the index knows of an article (:class:`SearchDoc`) and the fields it reads.

:func:`doc_from_article` turns a Pelican article (or anything shaped like one)
into a SearchDoc: body as plain text, captions, people, district, topics, date
only as precise as the page.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from ..models import NO_DISTRICT
from ..site.citation import source_line
from ..site.issues import page_label
from ..tag.dates import iso_at_precision
from .html_text import html_to_text

#: (index field name, boost, SearchDoc attribute)
FIELDS: tuple[tuple[str, int, str], ...] = (
    ("t", 10, "title"),
    ("k", 4, "kicker"),
    ("s", 4, "subtitle"),
    ("b", 1, "body"),
    ("c", 1, "captions"),
    ("d", 3, "district"),
    ("p", 3, "topics"),
    ("a", 2, "authors"),  # authors, bylines as printed, credits, photographers
    ("n", 1, "source"),  # where it was printed: 《报名》2023年4月20日 第3版 版名
)


@dataclass(frozen=True)
class SearchDoc:
    """What the index needs to know about one article."""

    url: str
    title: str
    body: str
    captions: tuple[str, ...] = ()
    district: str = ""
    topics: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()  # names, bylines ("重庆日报记者 陈维灯"), credits
    date: str = ""  # YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the page
    kind: str = ""
    kicker: str = ""  # 引题, printed above the headline
    subtitle: str = ""  # 副题, printed below it
    paper: str = ""  # the paper, when the page model knows it
    page: str = ""  # "第3版 要闻", only what is known
    source: str = ""  # the source line: paper, date (in words) and page, searchable

    @property
    def extra(self) -> str:
        """The stored "extra" text the browser checks and quotes results against:
        district, topics, people and the source line."""
        return " ".join(x for x in (self.district, *self.topics, *self.authors, self.source) if x)

    def field_text(self, attr: str) -> str:
        value = getattr(self, attr)
        return " | ".join(value) if isinstance(value, tuple) else value


def _json_list(value) -> list:
    """A metadata value written as a JSON list (``Captions``, ``Bylines``, ``Credits``).

    >>> _json_list('["李攀"]'), _json_list("李攀"), _json_list(None)
    (['李攀'], ['李攀'], [])
    """
    if not value:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return list(value) if isinstance(value, list | tuple) else [value]


def _captions(value) -> tuple[str, ...]:
    out = []
    for item in _json_list(value):
        text = item.get("text", "") if isinstance(item, dict) else str(item)
        if text:
            out.append(html.unescape(text))
    return tuple(out)


def _people(article, meta) -> tuple[str, ...]:
    """Authors, then bylines and credits as printed, then photographers; each once.

    >>> class A: authors = ["陈维灯"]
    >>> _people(A(), {"bylines": '["重庆日报记者 陈维灯"]', "credits": '["李攀"]',
    ...               "captions": '[{"text": "夜景", "credit": "刘纪瀛"}]'})
    ('陈维灯', '重庆日报记者 陈维灯', '李攀', '刘纪瀛')
    """
    names = [str(getattr(a, "name", a)) for a in getattr(article, "authors", None) or ()]
    names += [str(b) for b in _json_list(meta.get("bylines"))]
    names += [str(c) for c in _json_list(meta.get("credits"))]
    names += [
        str(c["credit"])
        for c in _json_list(meta.get("captions"))
        if isinstance(c, dict) and c.get("credit")
    ]
    return tuple(dict.fromkeys(html.unescape(n) for n in names if n))


def doc_from_article(article) -> SearchDoc:
    """Convert a Pelican article (or anything shaped like one) to a SearchDoc."""
    meta = getattr(article, "metadata", {}) or {}
    category = getattr(article, "category", None)
    district = str(getattr(category, "name", category or "") or "")
    date = getattr(article, "date", None)
    return SearchDoc(
        url=article.url,
        title=html.unescape(str(article.title)),
        body=html_to_text(article.content),
        captions=_captions(meta.get("captions")),
        district="" if district == NO_DISTRICT else district,
        topics=tuple(str(getattr(t, "name", t)) for t in getattr(article, "tags", None) or ()),
        authors=_people(article, meta),
        date=iso_at_precision(date, meta.get("date_precision", "day")),
        kind=str(meta.get("kind", "") or ""),
        kicker=html.unescape(str(meta.get("kicker", "") or "")),
        subtitle=html.unescape(str(meta.get("subtitle", "") or "")),
        paper=str(meta.get("paper", "") or ""),
        page=page_label(_page_no(meta.get("page_no")), meta.get("page_name")),
        source=source_line(article),
    )


def _page_no(value) -> int | None:
    """The page number from post metadata.

    >>> _page_no("3"), _page_no(None), _page_no("x")
    (3, None, None)
    """
    return int(value) if value is not None and str(value).isdigit() else None
