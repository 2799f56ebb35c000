"""The archive as a newspaper: papers → issues (one day) → pages → articles.

Built once per build from the published articles (their ``Paper``, ``Issue_date``,
``Page_no``, ``Page_name`` and ``Source`` metadata, written by the importer from the
page model, :mod:`newsprint.tag.page_model`).  Every raw page that gave an article
becomes a :class:`PageView`; a page is placed by its issue date when the sidecar,
folder or masthead gives one, otherwise by the date its text gives, and only as
precisely as that: a page dated to the day joins that day's :class:`Issue`, one
dated to a month or a year is listed under that month or year, one with no date
under 日期不详.  Nothing is padded or guessed.

Articles get ``page_view`` (their page), ``page_prev``/``page_next`` (the articles
printed before and after them on that page, in reading order) and ``span_id`` (the
anchor of their span in the page view).

>>> from types import SimpleNamespace as A
>>> def art(slug, source, **meta):
...     meta = {"source": source, "date_precision": "day", **meta}
...     return A(slug=slug, title=slug, url=f"articles/{slug}.html", metadata=meta)
>>> arts = [art("b", "p/2023-04-20/3.txt:9-12", paper="巴南日报", issue_date="2023-04-20",
...             page_no="3"), art("a", "p/2023-04-20/3.txt:1-8", paper="巴南日报",
...             issue_date="2023-04-20", page_no="3")]
>>> archive = build_archive(arts)
>>> [p.name for p in archive.papers], archive.papers[0].issues[0].url
(['巴南日报'], 'papers/ba-nan-ri-bao/2023-04-20.html')
>>> [a.slug for a in archive.pages[0].articles], arts[1].page_next.slug
(['a', 'b'], 'b')
"""

from __future__ import annotations

import calendar
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..posts.rawfiles import page_stem
from ..posts.slugs import pinyin_slug

UNKNOWN_PAPER = "报名不详"
ALL_PAPERS = "全部报纸"
ALL_SLUG = "all"
UNKNOWN_SLUG = "unknown"
PAPERS_DIR = "papers"
RAW_DIR = "raw"


def _meta(article: Any, key: str) -> Any:
    return (getattr(article, "metadata", None) or {}).get(key)


def span_of(article: Any) -> tuple[str, int, int]:
    """``(page name, first line, last line)`` from the ``Source: NAME:first-last`` metadata.

    >>> from types import SimpleNamespace as A
    >>> span_of(A(metadata={"source": "巴南日报/2023-04-20/3.txt:5-9"}))
    ('巴南日报/2023-04-20/3.txt', 5, 9)
    """
    source = str(_meta(article, "source") or "")
    name, _, span = source.rpartition(":")
    first, _, last = span.partition("-")
    if not name or not first.isdigit() or not last.isdigit():
        return source, 0, 0
    return name, int(first), int(last)


def page_date(article: Any) -> tuple[str | None, str, bool]:
    """``(date, precision, from_issue)``: the issue date when known, else the text's date.

    ``date`` is YYYY-MM-DD, YYYY-MM or YYYY, ``None`` when neither is known.
    """
    issue = _meta(article, "issue_date")
    if issue:
        issue = str(issue)
        return issue, {4: "year", 7: "month"}.get(len(issue), "day"), True
    precision = _meta(article, "date_precision") or "day"
    date = getattr(article, "date", None)
    if precision == "unknown" or date is None:
        return None, "unknown", False
    width = {"year": 4, "month": 7}.get(precision, 10)
    return date.strftime("%Y-%m-%d")[:width], precision, False


def chinese_date(value: str | None) -> str:
    """'2023-04-20' → '2023年4月20日', '2024-07' → '2024年7月', None → '日期不详'.

    >>> [chinese_date(d) for d in ("2023-04-20", "2024-07", "2021", None)]
    ['2023年4月20日', '2024年7月', '2021年', '日期不详']
    """
    if not value:
        return "日期不详"
    parts = [int(p) for p in value.split("-")]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日", strict=False))


def page_label(page_no: int | None, page_name: str | None) -> str:
    """'第3版 要闻', '第3版', '要闻' or '' — only what is known.

    >>> page_label(3, "要闻"), page_label(None, None)
    ('第3版 要闻', '')
    """
    return " ".join(x for x in ((f"第{page_no}版" if page_no else ""), page_name or "") if x)


@dataclass(eq=False)
class PageView:
    """One raw page and the articles cut from it, in reading order."""

    source: str  # its name under the raw folder
    paper: str | None
    date: str | None
    precision: str  # day | month | year | unknown
    from_issue: bool  # the date is the issue date (sidecar, folder, masthead)
    page_no: int | None
    page_name: str | None
    articles: list[Any] = field(default_factory=list)
    issue: Issue | None = None
    owner: Paper | None = None  # the paper whose calendar lists it
    prev: PageView | None = None
    next: PageView | None = None

    @property
    def url(self) -> str:
        return f"{RAW_DIR}/{page_stem(self.source)}.html"

    @property
    def label(self) -> str:
        return page_label(self.page_no, self.page_name)

    @property
    def title(self) -> str:
        """'《巴南日报》2023年4月20日 第3版 要闻'; what is not known is said to be unknown.

        >>> PageView("p.txt", None, "2022", "year", False, None, None).title
        '报名不详 2022年 版次不详'
        """
        paper = f"《{self.paper}》" if self.paper else UNKNOWN_PAPER + " "
        return f"{paper}{chinese_date(self.date)} {self.label or '版次不详'}"


@dataclass(eq=False)
class Issue:
    """The pages of one paper (or of every paper, on the all-papers calendar) on one day."""

    paper: Paper
    date: str  # YYYY-MM-DD
    pages: list[PageView] = field(default_factory=list)
    prev: Issue | None = None
    next: Issue | None = None

    @property
    def url(self) -> str:
        return f"{PAPERS_DIR}/{self.paper.slug}/{self.date}.html"

    @property
    def title(self) -> str:
        """'《巴南日报》2023年4月20日', '报名不详 2023年4月20日'."""
        return f"{self.paper.lead}{chinese_date(self.date)}"


@dataclass(eq=False)
class Paper:
    """A paper's issues by day, its pages dated only to a month or year, its undated pages."""

    name: str | None  # None: the paper is not known
    slug: str
    issues: list[Issue] = field(default_factory=list)
    partial: list[PageView] = field(default_factory=list)  # dated to a month or a year
    undated: list[PageView] = field(default_factory=list)
    is_all: bool = False

    @property
    def title(self) -> str:
        if self.is_all:
            return ALL_PAPERS
        return f"《{self.name}》" if self.name else UNKNOWN_PAPER

    @property
    def lead(self) -> str:
        """The title as it leads a date: '《巴南日报》' runs on, '报名不详 ' takes a space."""
        return self.title if self.title.endswith("》") else f"{self.title} "

    @property
    def url(self) -> str:
        return f"{PAPERS_DIR}/{self.slug}/index.html"

    @property
    def undated_url(self) -> str:
        return f"{PAPERS_DIR}/{self.slug}/undated.html"

    def year_url(self, year: int | str) -> str:
        return f"{PAPERS_DIR}/{self.slug}/{year}.html"

    @property
    def article_count(self) -> int:
        pages = [p for i in self.issues for p in i.pages] + self.partial + self.undated
        return sum(len(p.articles) for p in pages)

    def years(self) -> list[dict[str, Any]]:
        """Per year, newest first: its issue count and twelve month grids (:func:`month_grid`)."""
        by_year: dict[int, dict[int, dict[int, Issue]]] = defaultdict(lambda: defaultdict(dict))
        for issue in self.issues:
            y, m, d = map(int, issue.date.split("-"))
            by_year[y][m][d] = issue
        partial: dict[int, list[PageView]] = defaultdict(list)
        for page in self.partial:
            partial[int(page.date[:4])].append(page)  # type: ignore[index]
        out = []
        for year in sorted(set(by_year) | set(partial), reverse=True):
            months = [
                {"month": m, "weeks": month_grid(year, m, by_year[year].get(m, {}))}
                for m in range(1, 13)
            ]
            out.append(
                {
                    "year": year,
                    "url": self.year_url(year),
                    "issues": sum(len(v) for v in by_year[year].values()),
                    "months": months,
                    "partial": partial.get(year, []),
                }
            )
        return out


def month_grid(year: int, month: int, issues: dict[int, Issue]) -> list[list[dict | None]]:
    """Weeks (Monday first) of ``month``: ``None`` outside it, else ``{day, issue}``.

    >>> weeks = month_grid(2023, 4, {})
    >>> weeks[0][:6], weeks[0][6]
    ([None, None, None, None, None, {'day': 1, 'issue': None}], {'day': 2, 'issue': None})
    """
    return [
        [{"day": d, "issue": issues.get(d)} if d else None for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    ]


@dataclass
class Archive:
    """Every paper (the all-papers view first) and every page."""

    papers: list[Paper]
    all: Paper
    pages: list[PageView]


def _paper_slug(name: str, taken: set[str]) -> str:
    slug = pinyin_slug(name) or "paper"
    if slug in taken or slug in (ALL_SLUG, UNKNOWN_SLUG):
        slug = f"{slug}-{hashlib.sha1(name.encode()).hexdigest()[:4]}"
    taken.add(slug)
    return slug


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _page_order(page: PageView) -> tuple:
    return (page.page_no is None, page.page_no or 0, page.page_name or "", page.source)


def _link(items: list[Any]) -> None:
    for i, item in enumerate(items):
        item.prev = items[i - 1] if i else None
        item.next = items[i + 1] if i + 1 < len(items) else None


def _fill(paper: Paper, pages: list[PageView], set_issue: bool) -> None:
    """Sort ``pages`` into ``paper``'s issues, partly dated and undated lists."""
    by_day: dict[str, list[PageView]] = defaultdict(list)
    for page in pages:
        if page.precision == "day" and page.date:
            by_day[page.date].append(page)
        elif page.date:
            paper.partial.append(page)
        else:
            paper.undated.append(page)
    for date in sorted(by_day):
        ordered = sorted(by_day[date], key=lambda p: (p.paper or "", *_page_order(p)))
        issue = Issue(paper, date, ordered)
        paper.issues.append(issue)
        if set_issue:
            for page in issue.pages:
                page.issue = issue
    _link(paper.issues)
    paper.partial.sort(key=lambda p: (p.date, *_page_order(p)))
    paper.undated.sort(key=_page_order)


def build_archive(articles: list[Any]) -> Archive:
    """Group ``articles`` into pages, issues and papers; link neighbours (see the module doc)."""
    by_page: dict[str, list[Any]] = defaultdict(list)
    for art in articles:
        by_page[span_of(art)[0]].append(art)
    pages: list[PageView] = []
    for source, arts in sorted(by_page.items()):
        arts.sort(key=lambda a: (span_of(a)[1], span_of(a)[2], a.slug))
        first = arts[0]
        date, precision, from_issue = page_date(first)
        page = PageView(
            source=source,
            paper=_meta(first, "paper") or None,
            date=date,
            precision=precision,
            from_issue=from_issue,
            page_no=_int(_meta(first, "page_no")),
            page_name=_meta(first, "page_name") or None,
            articles=arts,
        )
        for i, art in enumerate(arts):
            art.page_view = page
            art.span_id = f"s-{art.slug}"
            art.page_prev = arts[i - 1] if i else None
            art.page_next = arts[i + 1] if i + 1 < len(arts) else None
        pages.append(page)
    by_paper: dict[str | None, list[PageView]] = defaultdict(list)
    for page in pages:
        by_paper[page.paper].append(page)
    taken: set[str] = set()
    papers = []
    for name in sorted(by_paper, key=lambda n: (n is None, n or "")):
        paper = Paper(name, _paper_slug(name, taken) if name else UNKNOWN_SLUG)
        _fill(paper, by_paper[name], set_issue=True)
        for page in by_paper[name]:
            page.owner = paper
        papers.append(paper)
    everything = Paper(None, ALL_SLUG, is_all=True)
    _fill(everything, pages, set_issue=False)
    # Previous/next page: within the issue, else along the paper's pages in order.
    for paper in papers:
        ordered = [p for i in paper.issues for p in i.pages] + paper.partial + paper.undated
        _link(ordered)
    return Archive(papers, everything, pages)
