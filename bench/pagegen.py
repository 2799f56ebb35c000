"""Generated newspaper pages with known truth, from real printed articles.

The five sample pages show a handful of layouts; real dumps show many more.  This
module lays real articles (``../shared/corpus/rmrb-2019-2020``: People's Daily
texts, headline, kicker, subtitle and the paper's own paragraphs) out into page
dumps of several *layout families*, and writes down for each article what a
careful editor would cut out: headline, kicker, subtitle, authors, captions,
kind, where the body starts and ends, which wrapped text must come out joined
and which repeated text must appear once.  The truth has the format of
``../shared/gold/`` so ``score_pages.py`` scores it.

Nothing is made up: every word on a page comes from the corpus (headlines,
paragraphs, reporter names taken from the paper's own datelines); only layout is
added — wrapping, blank lines, indentation, byline roles (记者, 通讯员 …), times
of a programme listing, page numbers.  The corpus text is read at run time and
never written into the repository.

>>> pages = list(generate_pages(count=8, seed=1))
>>> sorted({p.family for p in pages}) == sorted(FAMILIES)
True
>>> all(p.name in p.gold for p in pages)
True
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "rmrb-2019-2020"

FAMILIES = (
    "headline-first",  # headline, blank, byline line, wrapped body
    "kicker-subtitle",  # kicker and subtitle lines, long and two-part headlines
    "headline-after",  # body, byline, then the headline (as regional pages print it)
    "inline-byline",  # 本报讯（记者…）, □ bylines, 文/图, datelines; no byline line
    "captions",  # photo captions with 摄 credits, photo-only articles
    "notices-listings",  # news beside notices (启事/公告) and programme listings
    "dense",  # no blank lines at all: indented paragraphs, articles back to back
    "furniture-repeats",  # mastheads, 第N版, 责任编辑, doubled headlines, repeated paragraphs
)

_DATELINE = re.compile(
    r"^(?P<place>据?(?:本报|新华社|人民日报|中新社)[^（(，。]{0,14}电|本报讯)?\s*"
    r"[（(](?P<credit>(?:本报|特约|见习)?(?:记者|通讯员|实习生)[^）)]{2,40})[)）]\s*"
)
_INNER_DATELINE = re.compile(r"^据?(本报|新华社|中新社)[^，。]{0,16}电|^[（(](本报)?记者")
_UNIT_WORD = re.compile(r"(网|报|社|台|站|中心)$")
_PAGE_CREDIT = re.compile(r"^(版式设计|制图|本版制图|责任编辑|美编|视觉设计|题图设计|题图|插图)[:：]")
# "本报记者 万秀斌 汪志球整理": who compiled a story, in a form whose names are unsure.
_COMPILED = re.compile(r"整理$")
# A picture's credit printed as the story's last paragraph ("侯崇慧摄（人民视觉）"), and
# the caption it closes ("图为…"): a photo report's credit ("…摄影报道") names authors.
_PICTURE_CREDIT = re.compile(r"摄\s*([（(][^（）()]{2,8}[)）])?$")
_REPORT_CREDIT = re.compile(r"摄影报道\s*([（(][^（）()]{2,8}[)）])?$")
_PICTURE_CAPTION = re.compile(r"^(图为|上图|下图|左图|右图|图[①-⑩]|组图)")
_ROLES = re.compile(r"(?:本报|特约|见习)?(?:记者|通讯员|实习生)")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
_SENTENCE_END = re.compile(r"(?<=[。！？])")


@dataclass(frozen=True)
class Source:
    """One corpus article, its reporter credit split off the first paragraph."""

    id: str
    title: str
    kicker: str | None
    subtitle: str | None
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...]  # from the dateline credit, "" when none
    dateline: str  # "本报北京1月31日电" (kept in the text where the layout prints one)


@cache
def load_sources(path: Path = CORPUS) -> tuple[Source, ...]:
    """Corpus articles usable on a page (credits parsed, very long paragraphs kept)."""
    sources = []
    with (path / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            paras = [p for p in a["paragraphs"] if p.strip()]
            authors: tuple[str, ...] = ()
            dateline = ""
            m = _DATELINE.match(paras[0])
            if m:
                names = _ROLES.sub(" ", m.group("credit"))
                tokens = [t for t in re.split(r"[\s、，,]+", names) if t]
                tokens = [t for t in tokens if not _UNIT_WORD.search(t)]  # "人民网记者 X"
                if not tokens or not all(_NAME.fullmatch(t) for t in tokens):
                    continue  # a credit we cannot read for certain: no truth, no page
                authors = tuple(tokens)
                dateline = m.group("place") or ""
                rest = paras[0][m.end() :].strip()
                if not rest:
                    continue
                paras[0] = rest
            verse = sum(len(p) < 16 and p[-1] not in "。！？”" for p in paras)
            if verse > 0.3 * len(paras):
                continue  # verse, couplets, figure lists: lines, not paragraphs
            if not m and re.search(r"[（(](本报|特约)?(记者|通讯员)", paras[0][:60]):
                continue  # a credit in a form we do not parse: the truth would be unsure
            if any((_REPORT_CREDIT.search(p) or _COMPILED.search(p)) and len(p) < 40 for p in paras):
                continue  # a photo report's credit: its names are not for certain
            if len(paras[0]) < 30 or any(_INNER_DATELINE.match(p) for p in paras[1:]):
                # A round-up of several dated stories: which is "the" article is unsure.
                # An opening that is a figure or a caption ("10.8万"): not a story's lede.
                continue
            sources.append(
                Source(a["id"], a["title"].strip(), _short(a.get("kicker")),
                       _short(a.get("subtitle")), tuple(paras), authors, dateline)
            )
    return tuple(sources)


def _short(text: str | None) -> str | None:
    """Kickers and subtitles as headline lines: long summary decks are left out."""
    if not text or len(text) > 40 or text.endswith("。"):
        return None
    return text.strip()


@cache
def reporter_names() -> tuple[str, ...]:
    """Reporters named in the corpus' own datelines (a pool for byline lines)."""
    return tuple(sorted({n for s in load_sources() for n in s.authors}))


@dataclass
class Style:
    """How one page is printed."""

    family: str
    width: int  # column width in Han characters
    indent: bool  # paragraphs open with two ideographic spaces
    para_gap: int  # blank lines between paragraphs
    article_gap: int  # blank lines between articles
    crlf: bool = False
    bom: bool = False
    encoding: str = "utf-8"
    halfwidth: bool = False  # ，。：； printed half-width (as some dumps do)


@dataclass
class Truth:
    """One article as the gold format describes it."""

    title: str
    kind: str = "news"
    kicker: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    body_starts: str = ""
    body_ends: str = ""
    captions: list[str] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)
    once: list[str] = field(default_factory=list)
    opening: str = ""  # the whole first paragraph, to make body_starts unique on a page

    def record(self) -> dict:
        rec = {
            "title": self.title, "kind": self.kind, "authors": self.authors,
            "body_starts": self.body_starts, "body_ends": self.body_ends,
            "captions": self.captions, "joins": self.joins, "once": self.once,
        }
        if self.kicker:
            rec["kicker"] = self.kicker
        if self.subtitle:
            rec["subtitle"] = self.subtitle
        return rec


@dataclass
class GeneratedPage:
    name: str
    family: str
    data: bytes
    gold: dict  # {name: {"articles": [...]}} as in ../shared/gold


class _Page:
    """Lines of one page being laid out, with the truth of its articles."""

    def __init__(self, style: Style, rng: random.Random) -> None:
        self.style = style
        self.rng = rng
        self.lines: list[str] = []
        self.truth: list[Truth] = []

    # -- primitives ------------------------------------------------------------
    def gap(self, n: int) -> None:
        """Make sure ``n`` blank lines separate what comes next from what is printed."""
        if not self.lines:
            return
        have = len(self.lines) - len(_rstrip_blank(self.lines))
        self.lines.extend([""] * max(0, n - have))

    def line(self, text: str) -> None:
        self.lines.append(text)

    def paragraph(self, text: str, width: int, truth: Truth | None) -> None:
        """Hard-wrap a paragraph at ``width`` Han characters (half-width marks take half)."""
        indent = "\u3000\u3000" if self.style.indent else ""
        wrapped = wrap(indent + text, width)
        if truth is not None and len(wrapped) > 1 and len(truth.joins) < 3:
            # The characters either side of a wrap must come out joined.
            first = wrapped[0].strip("\u3000")
            tail = first[-4:]
            head = wrapped[1][:4]
            if len(tail) == 4 and len(head) == 4:
                truth.joins.append(tail + head)
        self.lines.extend(wrapped)


def wrap(text: str, width: int) -> list[str]:
    """Cut ``text`` into lines of ``width`` Han characters (two half-width count as one).

    >>> wrap("一二三四五六七", 3)
    ['一二三', '四五六', '七']
    >>> wrap("2023年1月", 3)
    ['2023年', '1月']
    >>> wrap("一二三。四", 3)
    ['一二三。', '四']
    """
    cells, limit = 0, width * 2
    out, cur = [], ""
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WFA" else 1
        # Chinese typesetting never starts a line with a closing mark: it hangs.
        if cells + w > limit and cur and ch not in _NO_LINE_START:
            out.append(cur)
            cur, cells = "", 0
        cur += ch
        cells += w
    if cur:
        out.append(cur)
    return out


_NO_LINE_START = set("，。、；：！？,.;:!?）)》」』”’…—")


def _rstrip_blank(lines: list[str]) -> list[str]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]


_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "？": "?", "！": "!", "（": "(", "）": ")"})


class PageMaker:
    """Lays corpus articles out into pages of one family at a time."""

    def __init__(self, seed: int = 0, rewrap: bool = False) -> None:
        self.rng = random.Random(seed)
        # Widths per paragraph come from their own generator, so the same seed lays
        # out the same text with or without rewrapping.
        self.rewrap = random.Random(seed + 1) if rewrap else None
        self.sources = load_sources()
        self.names = reporter_names()
        self.cursor = self.rng.randrange(len(self.sources))

    def take(self, max_chars: int = 1400) -> Source:
        """The next corpus article short enough for a page (deterministic)."""
        while True:
            s = self.sources[self.cursor % len(self.sources)]
            self.cursor += self.rng.randint(1, 7)
            if sum(map(len, s.paragraphs)) <= max_chars:
                return s

    def style(self, family: str) -> Style:
        rng = self.rng
        indent = rng.random() < 0.5
        para_gap = rng.choice([0, 1, 1]) if indent else 1
        article_gap = max(para_gap, rng.choice([1, 2, 2]))
        if family == "dense":
            indent, para_gap, article_gap = True, 0, 0
        enc = rng.random()
        return Style(
            family=family,
            width=rng.randint(12, 30),
            indent=indent,
            para_gap=para_gap,
            article_gap=article_gap,
            crlf=enc < 0.15,
            bom=0.15 <= enc < 0.25,
            encoding="gb18030" if 0.25 <= enc < 0.35 else "utf-8",
            halfwidth=rng.random() < 0.15,
        )

    def column(self, style: Style) -> int:
        """An article's own column width: mostly the page's, sometimes another."""
        if self.rng.random() < 0.25:
            return self.rng.randint(12, 30)
        return style.width

    def byline(self, source: Source, roles: tuple[str, ...]) -> tuple[str, list[str]]:
        """A byline line with real reporter names: ("本报记者 张三 李四", [names])."""
        names = list(source.authors) or self.rng.sample(self.names, self.rng.randint(1, 2))
        role = self.rng.choice(roles)
        return f"{role} {' '.join(names)}".strip(), names

    # -- one article -------------------------------------------------------------
    def news(self, page: _Page, placement: str, *, heads: bool = False,
             doubled: bool = False, repeat: bool = False, caption: bool = False) -> None:
        s = self.take()
        rng, style = self.rng, page.style
        width = self.column(style)
        title = s.title
        truth = Truth(title=title)
        if heads:
            truth.kicker, truth.subtitle = s.kicker, s.subtitle
        printed_title = title + title if doubled else title
        paras = list(s.paragraphs)
        if placement == "inline" and s.authors:
            lead = s.dateline or rng.choice(["本报讯", ""])
            paras[0] = f"{lead}（记者 {' '.join(s.authors)}）{paras[0]}"
            truth.authors = list(s.authors)
            byline = None
        elif placement == "inline":
            byline, truth.authors = self.byline(s, ("□本报记者", "□记者", "文/图", "□"))
        elif placement == "none":
            byline = None
            if s.authors:
                paras[0] = f"{s.dateline}（记者{'、'.join(s.authors)}）{paras[0]}"
                truth.authors = list(s.authors)
        else:
            byline, truth.authors = self.byline(
                s, ("本报记者", "记者", "通讯员", "本报记者", "特约记者", "记者 通讯员")
            )
            if byline and byline.startswith("记者 通讯员"):
                names = truth.authors
                byline = f"记者 {names[0]} 通讯员 {' '.join(names[1:]) or rng.choice(self.names)}"
                truth.authors = byline.replace("记者", " ").replace("通讯员", " ").split()
        if style.halfwidth:
            paras = [p.translate(_HALF) for p in paras]
        truth.body_starts = paras[0][:24]
        truth.opening = paras[0]
        # A page credit after the story ("版式设计：…", "制图：…") is page furniture,
        # not the story's last paragraph.
        end = len(paras)
        while end > 1 and _PAGE_CREDIT.match(paras[end - 1]):
            end -= 1
        if end > 1 and len(paras[end - 1]) < 40 and _PICTURE_CREDIT.search(paras[end - 1]):
            end -= 1  # the picture's credit: not an author, not the text's end
            if end > 1 and _PICTURE_CAPTION.match(paras[end - 1]):
                truth.captions.append(paras[end - 1])
                end -= 1
        truth.body_ends = paras[end - 1][-10:]
        if repeat and len(paras) >= 3:
            i = rng.randrange(1, len(paras) - 1)
            if len(paras[i]) >= 20:
                truth.once.append(paras[i][:20])
                paras.insert(i + 1, paras[i])
        cap_text = None
        if caption:
            cap_text, cap_line = self.caption_line()
            truth.captions.append(cap_text)

        def heads_block() -> None:
            if truth.kicker:
                page.line(truth.kicker)
            page.line(printed_title)
            if truth.subtitle:
                page.line(truth.subtitle)

        page.gap(style.article_gap)
        if placement == "after":
            self.body(page, paras, width, truth, cap_text and cap_line)
            if byline:
                page.gap(style.para_gap)
                page.line(byline)
            page.gap(max(1, style.article_gap) if style.article_gap else 0)
            heads_block()
        else:
            heads_block()
            page.gap(style.para_gap)
            if byline:
                page.line(byline)
                page.gap(style.para_gap)
            self.body(page, paras, width, truth, cap_text and cap_line)
        page.truth.append(truth)

    def body(self, page: _Page, paras: list[str], width: int, truth: Truth,
             caption: str | None) -> None:
        at = self.rng.randrange(1, len(paras)) if caption and len(paras) > 1 else None
        for i, p in enumerate(paras):
            if i:
                page.gap(page.style.para_gap)
            if i == at and caption:
                page.gap(max(1, page.style.para_gap) + 1)
                page.line(caption)
                page.gap(max(1, page.style.para_gap) + 1)
            page.paragraph(p, self.rewrap.randint(12, 30) if self.rewrap else width, truth)

    def caption_line(self) -> tuple[str, str]:
        """A photo caption (the first sentence of another article) and its credit."""
        while True:
            s = self.take(10**6)
            first = _SENTENCE_END.split(s.paragraphs[0])[0]
            if 12 <= len(first) <= 50 and first[0] not in "（(【[“■●▲" and "电" not in first[:16]:
                break
        name = self.rng.choice(self.names)
        credit = self.rng.choice([f" 本报记者 {name} 摄", f"（{name} 摄）", f" 摄/{name}",
                                  f" 记者 {name}摄"])
        return first, first + credit

    def photo(self, page: _Page) -> None:
        """A photo story: headline, a one-paragraph caption text, the photographer."""
        s = self.take(10**6)
        text = s.paragraphs[0]
        cut = _SENTENCE_END.split(text)
        text = "".join(cut[:2]) if len(cut) > 2 else text
        if len(text) > 200 or len(text) < 30:
            text = text[:120].rstrip("，、") + "。" if len(text) > 200 else text
        name = self.rng.choice(self.names)
        truth = Truth(title=s.title, kind="photo", authors=[name],
                      body_starts=text[:12], body_ends=text[-8:])
        page.gap(page.style.article_gap)
        page.line(s.title)
        page.gap(page.style.para_gap)
        page.paragraph(text, self.column(page.style), truth)
        page.gap(page.style.para_gap)
        page.line(self.rng.choice([f"本报记者 {name} 摄", f"{name} 摄影报道", f"记者 {name} 摄"]))
        page.truth.append(truth)

    def notice(self, page: _Page) -> None:
        """A notice: a corpus notice if one is left, else a real paragraph under 启事."""
        s = self.take(600)
        title = self.rng.choice(["遗失启事", "公告", "声明", "招聘启事", "通知"])
        first = _SENTENCE_END.split(s.paragraphs[0])
        text = "".join(first[:2])
        name = self.rng.choice(self.names)
        items = [f"▲{name}{text}", f"▲{''.join(_SENTENCE_END.split(s.paragraphs[-1])[:1])}"]
        truth = Truth(title=title, kind="notice", body_starts=items[0][:10],
                      body_ends=items[-1][-8:])
        page.gap(page.style.article_gap)
        page.line(title)
        page.gap(page.style.para_gap)
        for item in items:
            page.paragraph(item, self.column(page.style), truth)
        page.truth.append(truth)

    def listing(self, page: _Page) -> None:
        """A programme listing: times and programme names (real headlines)."""
        truth = Truth(title="电视节目预告", kind="listing")
        page.gap(page.style.article_gap)
        page.line(truth.title)
        page.gap(page.style.para_gap)
        hour = self.rng.randint(6, 9)
        items = []
        for _ in range(self.rng.randint(4, 8)):
            name = self.take(10**6).title
            items.append(f"{hour:02d}:{self.rng.choice(['00', '15', '30', '45'])} {name[:16]}")
            hour += self.rng.randint(1, 2)
        truth.body_starts, truth.body_ends = items[0], items[-1][-6:]
        for item in items:
            page.line(item)
        page.truth.append(truth)

    def furniture(self, page: _Page, date: str, number: int) -> None:
        y, m, d = (int(x) for x in date.split("-"))
        page.line(self.rng.choice([
            f"人民日报 {y}年{m}月{d}日 星期{'一二三四五六日'[self.rng.randrange(7)]}",
            f"第{number:02d}版：要闻",
            f"{y}年{m}月{d}日 第{number}版",
        ]))
        page.gap(1)

    # -- one page ----------------------------------------------------------------
    def page(self, family: str, index: int) -> GeneratedPage:
        style = self.style(family)
        page = _Page(style, self.rng)
        rng = self.rng
        count = rng.randint(2, 4)
        if family == "furniture-repeats":
            ymd = self.sources[self.cursor % len(self.sources)].id[5:13]
            self.furniture(page, f"{ymd[:4]}-{ymd[4:6]}-{ymd[6:]}", rng.randint(1, 16))
        for k in range(count):
            if family == "headline-first":
                self.news(page, "before")
            elif family == "kicker-subtitle":
                self.news(page, rng.choice(["before", "before", "none"]), heads=True)
            elif family == "headline-after":
                self.news(page, "after")
            elif family == "inline-byline":
                self.news(page, rng.choice(["inline", "none"]))
            elif family == "captions":
                if k == count - 1 and rng.random() < 0.5:
                    self.photo(page)
                else:
                    self.news(page, rng.choice(["before", "after", "none"]), caption=True)
            elif family == "notices-listings":
                # One programme listing a page at most: two in a row read as one
                # listing with a sub-heading, on paper too.
                if k == 0:
                    self.news(page, rng.choice(["before", "none"]))
                elif any(t.kind == "listing" for t in page.truth):
                    self.notice(page)
                else:
                    rng.choice([self.notice, self.listing])(page)
            elif family == "dense":
                self.news(page, rng.choice(["before", "none", "inline"]))
            elif family == "furniture-repeats":
                self.news(page, rng.choice(["before", "after", "none"]),
                          doubled=rng.random() < 0.4, repeat=rng.random() < 0.6)
        if family == "furniture-repeats":
            page.gap(1)
            page.line(f"责任编辑：{rng.choice(self.names)}")
        _distinct_starts(page.truth)
        text = "\n".join(_rstrip_blank(page.lines)) + "\n"
        if style.crlf:
            text = text.replace("\n", "\r\n")
        data = ("\ufeff" if style.bom else "").encode() + text.encode(style.encoding)
        name = f"gen-{family}-{index:04d}.txt"
        gold = {name: {"articles": [t.record() for t in page.truth]}}
        return GeneratedPage(name, family, data, gold)


def _distinct_starts(truths: list[Truth]) -> None:
    """Lengthen ``body_starts`` where two stories of a page open alike ("国家主席习近平12日…"),
    so the scorer finds each story by its own opening."""
    for t in truths:
        while t.opening and len(t.body_starts) < len(t.opening) and any(
            o is not t and o.opening.startswith(t.body_starts) for o in truths
        ):
            t.body_starts = t.opening[: len(t.body_starts) + 8]


def generate_pages(count: int = 1000, seed: int = 0, rewrap: bool = False) -> Iterator[GeneratedPage]:
    """``count`` pages, the families in turn, the same pages for the same seed.

    ``rewrap`` sets every paragraph at a width of its own (12–30), the text unchanged.
    """
    maker = PageMaker(seed, rewrap)
    for i in range(count):
        yield maker.page(FAMILIES[i % len(FAMILIES)], i)
