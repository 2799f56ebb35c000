"""Where an article was printed, and how to cite it (GB/T 7714-2015, newspaper [N]).

Only what the input gives is written: the paper, the date (as precisely as the
page gives it) and the page (第N版 版名) each drop out when unknown.

>>> from datetime import date
>>> from types import SimpleNamespace as A
>>> art = A(title="百日招商引资290亿元背后的故事", date=date(2023, 4, 20),
...         metadata={"paper": "巴南日报", "issue_date": "2023-04-20", "page_no": "3",
...                   "page_name": "要闻", "date_precision": "day", "authors": ["王琦"]},
...         authors=[A(name="王琦")])
>>> source_line(art)
'《巴南日报》2023年4月20日 第3版 要闻'
>>> gbt7714(art)
'王琦. 百日招商引资290亿元背后的故事[N]. 巴南日报, 2023-04-20(3).'
"""

from __future__ import annotations

from typing import Any

from .issues import chinese_date, page_date, page_label

#: GB/T 7714-2015 §8.1.2: up to three authors, then ", 等".
MAX_AUTHORS = 3


def _meta(article: Any, key: str) -> Any:
    return (getattr(article, "metadata", None) or {}).get(key)


def _printed_authors(article: Any) -> list[str]:
    """Authors the page prints (Pelican gives authorless articles the site's AUTHOR)."""
    meta = getattr(article, "metadata", None) or {}
    if not (meta.get("authors") or meta.get("author")):
        return []
    return [str(getattr(a, "name", a)) for a in getattr(article, "authors", None) or []]


def _page_no(article: Any) -> int | None:
    value = _meta(article, "page_no")
    return int(value) if value not in (None, "") and str(value).isdigit() else None


def source_line(article: Any) -> str:
    """'《报名》2023年4月20日 第3版 版名', each part only when known ('' when none is)."""
    paper = _meta(article, "paper")
    date, _, _ = page_date(article)
    head = (f"《{paper}》" if paper else "") + (chinese_date(date) if date else "")
    label = page_label(_page_no(article), _meta(article, "page_name"))
    return " ".join(x for x in (head, label) if x)


def gbt7714(article: Any) -> str:
    """The GB/T 7714-2015 reference: ``作者. 题名[N]. 报名, 出版日期(版次).``

    Unknown parts are left out, never filled in: no author gives no author
    element, no page number no ``(版次)``.

    >>> from types import SimpleNamespace as A
    >>> gbt7714(A(title="遗失启事", date=None, metadata={"date_precision": "unknown"}))
    '遗失启事[N].'
    """
    authors = _printed_authors(article)
    names = ", ".join(authors[:MAX_AUTHORS]) + (", 等" if len(authors) > MAX_AUTHORS else "")
    title = f"{article.title}[N]"
    paper = _meta(article, "paper")
    date, _, _ = page_date(article)
    page_no = _page_no(article)
    where = ", ".join(x for x in (paper, date) if x)
    if page_no and where:
        where += f"({page_no})"
    parts = [p for p in (names, title, where) if p]
    return ". ".join(parts) + "."
