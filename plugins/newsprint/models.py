"""Types that pass between the pipeline stages.

raw bytes --decode--> ``str`` --segment--> :class:`Article` drafts --tag--> tagged
:class:`Article` --write--> Markdown post.  Every character of a page ends up either
in an article field or in a :class:`Dropped` record that says why it was removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .text import SENTENCE_ENDS

#: The district (Pelican category) of an article whose page names none.
NO_DISTRICT = "未分区"

#: What an article is (``Article.kind``) and how the site names it; the search page
#: gets the same table from the theme (``data-kind-labels``), so it is written once.
KIND_LABELS = {"news": "新闻", "photo": "图片", "notice": "公告", "listing": "节目单"}


class Role(StrEnum):
    """What a paragraph of an article body is."""

    BODY = "body"
    HEADING = "heading"  # a section heading inside the article (rendered as ##)
    LEDE = "lede"  # the "核心提示" summary paragraph
    SIDEBAR = "sidebar"  # "链接》》" boxes printed with the article


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of an article body, with the raw line span it came from."""

    text: str
    role: Role = Role.BODY
    lines: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Caption:
    """A photo caption; ``credit`` is the photographer ("李攀"), kept apart from the text."""

    text: str
    credit: str | None = None
    printed_credit: str = ""  # the credit as printed ("摄/李攀"), kept so nothing is lost


class DropReason(StrEnum):
    """The rule that removed a text from a page (``Dropped.reason``).

    The values are what ``import.json``, ``make inspect`` and the goldens show.
    """

    DOUBLED_HEADLINE = "doubled headline"  # a headline printed twice in a row
    LEDE_LABEL = "lede label"  # "核心提示" before the summary it introduces
    PAGE_FURNITURE = "page furniture"  # page numbers, running heads, edition lines
    REPEATED_PARAGRAPH = "repeated paragraph"  # a paragraph printed twice on the page
    REPEATED_FRAGMENT = "repeated fragment"  # part of an earlier paragraph printed again
    REPEATED_SENTENCE = "repeated sentence"  # a sentence repeated inside a paragraph
    # Bidi and zero-width controls taken out of a headline (newsprint.cut.controls).
    CONTROL_IN_TITLE = "invisible control removed from the title"
    CONTROL_IN_KICKER = "invisible control removed from the kicker"
    CONTROL_IN_SUBTITLE = "invisible control removed from the subtitle"


@dataclass(frozen=True)
class Dropped:
    """Text removed from a page, with the rule that removed it and the raw line where it stood.

    A reason given as its string is read as the :class:`DropReason` it names, so a
    reason no rule has fails at once instead of reaching the report.

    >>> Dropped("重点项目快速有序推进", "doubled headline", 143).reason
    <DropReason.DOUBLED_HEADLINE: 'doubled headline'>
    >>> Dropped("重点项目快速有序推进", DropReason.DOUBLED_HEADLINE).reason == "doubled headline"
    True
    >>> Dropped("x", "tidied")
    Traceback (most recent call last):
    ...
    ValueError: 'tidied' is not a valid DropReason
    """

    text: str
    reason: DropReason
    line: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", DropReason(self.reason))


@dataclass
class Article:
    """One article cut from a page, filled in stage by stage."""

    source: str
    title: str = ""
    title_generated: bool = False  # the page prints no headline; title made from the body
    kicker: str | None = None
    subtitle: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # lone district labels ("北碚")
    kind: str = "news"
    lines: tuple[int, int] = (0, 0)
    dropped: list[Dropped] = field(default_factory=list)
    # filled by the tagging stage
    district: str | None = None
    district_slug: str | None = None
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    date: str | None = None
    date_evidence: str | None = None
    # the page model (newsprint.tag.page_model): the same for every article of a page
    paper: str | None = None
    issue_date: str | None = None
    page_no: int | None = None
    page_name: str | None = None
    page_evidence: dict[str, str] = field(default_factory=dict)
    organisations: list[str] = field(default_factory=list)  # companies, institutions
    projects: list[str] = field(default_factory=list)
    # {subject, amount, text, label, measure, scope, part_of, restates}: see figures.Figure
    figures: list[dict] = field(default_factory=list)
    slug: str = ""
    # how sure the cut is: {"boundary": 0.0–1.0, "title": 0.0–1.0} (see segment.py)
    confidence: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)  # the rule behind each confidence

    def date_value(self) -> str:
        """A full date for Pelican: the page date padded to its first day (see date_precision)."""
        parts = (self.date or "1970").split("-")
        parts += ["01"] * (3 - len(parts))
        return "-".join(parts)

    def date_precision(self) -> str:
        """'day', 'month', 'year', or 'unknown' when the page gives no date at all."""
        if not self.date:
            return "unknown"
        return {1: "year", 2: "month", 3: "day"}[len(self.date.split("-"))]

    @property
    def body_text(self) -> str:
        """The body as plain text, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def summary(self) -> str:
        """The lede if the page prints one, else the first sentence of the body."""
        for p in self.paragraphs:
            if p.role is Role.LEDE:
                return p.text
        for p in self.paragraphs:
            if p.role is Role.BODY:
                end = next((i for i, ch in enumerate(p.text) if ch in SENTENCE_ENDS), None)
                return p.text if end is None else p.text[: end + 1]
        return ""


@dataclass
class PageResult:
    """What the pipeline made of one raw page."""

    source: str
    articles: list[Article] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    error: str | None = None
    # Repairs that cost part of the page but not the page: salvaged bytes, removed
    # controls, ignored sidecar fields ("NAME: what was done").
    warnings: list[str] = field(default_factory=list)
