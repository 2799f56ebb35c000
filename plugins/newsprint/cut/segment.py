"""Typed blocks → articles: where one article ends and the next begins, and which
headline, kicker and subtitle belong to which article.

How pages are laid out (and so what the rules follow):

* an article's body is a run of paragraphs, possibly with section headings;
* a byline, picture credit or source line closes an article ("□" bylines open one);
* a headline may stand before its body or, on many regional pages, after it,
  below the byline; a headline printed straight above a paragraph with no blank
  line belongs to that paragraph's article;
* headlines summarise their article: when position does not decide, a headline
  goes to the article whose text shares most of its character pairs.

>>> page = "巴南 新标题\\n\\n正文。\\n\\n王彩艳 罗莎\\n\\n永川 另一个标题\\n\\n另一篇正文。"
>>> arts = segment_text(page, "p.txt")
>>> [(a.title, a.authors) for a in arts.articles]
[('新标题', ['王彩艳', '罗莎']), ('另一个标题', [])]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from ..models import Article, Caption, Dropped, PageResult, Paragraph, Role
from ..text import ENCLOSED
from .bylines import dateline_authors, is_credit, opens_story, parse_byline
from .classify import Kind, Typed, classify_blocks
from .cohesion import pairs, side_affinity
from .dedupe import drop_repeated_sentences, key, undouble
from .headline_pair import second_is_headline
from .layout import (
    COLUMN_TAG,
    ends_sentence,
    has_inner_space,
    item_kind,
    join_blocks,
    read_lines,
    wrap_width,
)

_NOTICE_TITLE = re.compile(r"(启事|公告|通告|声明|公示|通知|招聘|拍卖|注销|讣告|招标|公开信)$")
# "（作者为…）", "（新华社北京1月31日电）", "（本报记者 张三整理）": a story's last line.
# A line naming who presided or attended sits under its headline (副题): in the rmrb
# corpus 64 of 397 unmarked subtitles end so, against 10 of 1,700 headlines under a kicker.
_SUBTITLE_ENDS = re.compile(r"(出席|主持|讲话|致辞|参加|陪同|致贺电)$")
_ENCLOSED_NOTE = re.compile(
    r"^[（(](?=[^（）()]*(?:电|作者|记者|据|来源|报道|整理|摘自|选自|转自))[^（）()]{4,80}[)）]$"
)
_KICKER_ENDS = ("——", "--", "：", ":")  # "工业互联网技术不断突破——", "宫清华："
_SIGN_OFF = 6  # "——编 者", "——作者": a dash and a short name sign a note off
_BRACKET_PREFIX = re.compile(r"^[【\[［]([^\s【】\[\]［］]{2,8})[】\]］]\s*(?=\S)")
_LISTING_LINE = re.compile(r"^\d{1,2}[:：]\d{2}\s")
_BODY_KINDS = (Kind.BODY, Kind.LEDE_MARK, Kind.SIDEBAR_MARK)
_CLOSERS = (Kind.BYLINE, Kind.CREDIT)


def containment(head: str, body: str) -> float:
    """Share of the character pairs of ``head`` that occur in ``body``."""
    head_pairs = pairs(head)
    if not head_pairs:
        return 0.0
    return len(head_pairs & pairs(body)) / len(head_pairs)


# How sure a cut is, by the evidence that made it: the share of articles cut on that
# evidence whose start and end were right in `make bench-segment` (seed 0, 1,200
# pages; seed 1 agrees within a few points, except where fewer than 30 articles were
# seen — those are marked "(few)").  An article's boundary confidence is the lower of
# the evidence for its start and for the start of the article after it.  Below
# LOW_CONFIDENCE an article is listed in import.json for an editor to check.
BOUNDARY_CONFIDENCE = {
    "page top": 0.98,  # the first article; its end still has to be found (0.98 / 0.97)
    "page end": 1.0,
    "dateline": 0.99,  # the body opens "本报讯（记者…）", "新华社…电"
    "new kind of text": 0.97,  # prose, then a headline over programme times or ▲ items (few)
    "strong headline": 0.98,  # "#" mark, district prefix, doubled headline, 启事/公告, column tag
    "headline set apart": 0.98,  # laid out unlike the page's paragraphs (0.98 / 0.99)
    "closing note": 0.97,  # after "（作者为…）", "（本报…电）" (0.98 / 0.97)
    "headline and byline": 0.99,
    "headline over lede": 0.9,  # (few) like "headline and byline"
    "wider gap": 0.9,  # more blank lines than between paragraphs, nothing else (0.90 / 1.0)
    "photo story": 0.8,  # heading, short text, photographer's credit (few)
    "two headlines": 0.78,  # a run with a headline above and one below (0.79 / 0.89, few)
    "lone heading": 0.85,  # a story's only inner heading, the parts in other words (7 of 7, few)
    "byline only": 0.6,  # a closing byline and no headline: may be one story (0.75 / 0.57, few)
    "page break": 0.5,  # (few)
}
TITLE_CONFIDENCE = {
    "printed below": 0.99,  # after the body, as regional pages print them (1.0 / 1.0)
    "matched by words": 0.99,  # a floating headline given to the story it summarises
    "printed above": 0.98,  # headline lines printed before the body
    "none": 0.0,  # no headline printed: the opening clause stands in
}
LOW_CONFIDENCE = 0.8
DEFAULT_PARAGRAPH_GAP = 1
MIN_GAP_EVIDENCE = 2  # pairs of prose paragraphs needed to learn a page's spacing
POSTSCRIPT_CHARS = 40  # a title-less line this short after a story is its last note
PHOTO_STORY_CHARS = 300  # a photo story's text is a caption of a few sentences
# Weight of lexical cohesion (cohesion.side_affinity, −1…1, the two headlines taking
# part as the run's first and last paragraph) against the headlines' words and the
# layout marks when a run with two headlines is cut in two: 2 moved captions boundary
# .937 → .962 and furniture .971 → .975 on seed 0, and .933 → .947, .966 → .983 on
# seed 1 (1 and 4 did no better on seed 0).
AFFINITY_WEIGHT = 2.0
# A story's only inner heading starts another story (split_at_lone_heading) with at
# least this many paragraphs and characters either side, at most this share of its character pairs
# in the text above, and the two parts at least this far apart (side_affinity).
# Chosen on seed 0 (5 of 10 such missed stories found, none cut wrongly), checked on
# seed 1 (2 of 8, none wrongly): it is built to be sure, not to find every one.
LONE_HEADING_SIDE = 2
LONE_HEADING_CHARS = 100  # characters of text either side: a story, not a signature
LONE_HEADING_ECHO = 0.1
LONE_HEADING_APART = 0.15


@dataclass
class Segment:
    """Blocks of one article while the page is being cut."""

    head: list[Typed] = field(default_factory=list)  # printed before the body
    items: list[Typed] = field(default_factory=list)  # the body, in page order
    tail: list[Typed] = field(default_factory=list)  # headlines printed after the body
    decks: list[Typed] = field(default_factory=list)  # headlines printed far from the body
    soft_start: bool = False  # began after a closing byline only: may be a continuation
    evidence: str = "page top"  # why an article starts here (a key of BOUNDARY_CONFIDENCE)
    title_evidence: str = "none"  # where its title came from (a key of TITLE_CONFIDENCE)

    def text(self) -> str:
        return "".join(t.text for t in self.items if t.kind in _BODY_KINDS)

    def has_title(self) -> bool:
        return any(t.kind is Kind.HEADING for t in self.head + self.tail)


class PageSegmenter:
    """Cuts one page; ``is_place`` answers whether a string names a district."""

    def __init__(self, source: str, is_place: Callable[[str], bool]) -> None:
        self.source = source
        self.is_place = is_place
        self.dropped: list[Dropped] = []
        self.marked: set[int] = set()  # raw lines the dump marked as headings ("## …")
        self.paragraph_gap: int | None = None  # see learn_paragraph_style
        self.matched: set[int] = set()  # headlines placed by their words, not their position
        self.indented = False

    # -- headline features -------------------------------------------------
    def district_prefix(self, text: str) -> str | None:
        """The district a headline is printed under: "巴南 一切…", "【巴南】一切…" → the
        prefix as printed ("巴南" or "【巴南】")."""
        bracketed = _BRACKET_PREFIX.match(text)
        if bracketed and self.is_place(bracketed.group(1)):
            return bracketed.group(0).rstrip()
        first, _, rest = text.partition(" ")
        return first if rest and self.is_place(first) else None

    def is_strong(self, t: Typed) -> bool:
        """A line that can only be an article's headline, never a section heading."""
        if t.kind is not Kind.HEADING:
            return False
        text = t.text
        return bool(
            t.block.level == 1
            or (text.startswith(("——", "--")) and len(text) > _SIGN_OFF)  # "——记…" subtitles
            or self.district_prefix(text)
            or undouble(text)[1]
            or _NOTICE_TITLE.search(text)
            or COLUMN_TAG.search(text)  # "…（人民论坛）": a column's name goes on a headline
            or (t.block.level >= 2 and t.block.gap >= 3)
        )

    # -- cutting -------------------------------------------------------------
    def learn_paragraph_style(self, typed: list[Typed]) -> None:
        """How this page sets a body paragraph: blank lines before it, indentation.

        A headline is set apart from its article's paragraphs; a section heading is
        set like one of them.  So a heading laid out unlike the page's paragraphs
        (more blank lines before it, or flush left where paragraphs are indented)
        starts an article.
        """
        gaps = Counter(
            b.block.gap
            for a, b in pairwise(typed)
            if a.kind is Kind.BODY and b.kind is Kind.BODY and _prose(b.text)
        )
        # With fewer than two pairs of paragraphs to learn from, assume the commonest
        # dump style: one blank line between paragraphs.
        learned = gaps.most_common(1)[0] if gaps else None
        self.paragraph_gap = (
            learned[0] if learned and learned[1] >= MIN_GAP_EVIDENCE else DEFAULT_PARAGRAPH_GAP
        )
        bodies = [t for t in typed if t.kind is Kind.BODY]
        indented = sum(t.block.indent for t in bodies)
        self.indented = len(bodies) >= 3 and indented >= 0.8 * len(bodies)

    def stands_out(self, t: Typed) -> bool:
        """A heading laid out unlike the page's body paragraphs (see learn_paragraph_style)."""
        if self.paragraph_gap is None:
            return False
        return t.block.gap > self.paragraph_gap or (self.indented and not t.block.indent)

    def cut(self, typed: list[Typed]) -> list[Segment]:
        self.learn_paragraph_style(typed)
        bodies = [i for i, t in enumerate(typed) if t.kind in _BODY_KINDS]
        if not bodies:
            return [Segment(head=list(typed))] if typed else []
        segments = [Segment(head=list(typed[: bodies[0]]))]
        segments[0].items.append(typed[bodies[0]])
        gaps: list[tuple[list[Typed], str]] = []
        for a, b in pairwise(bodies):
            group = typed[a + 1 : b]
            verdict, evidence = self.boundary(group, typed[b], segments[-1])
            if verdict == "none":
                segments[-1].items.extend(group)
                segments[-1].items.append(typed[b])
                continue
            gaps.append((group, verdict))
            segments.append(Segment(soft_start=verdict == "soft", evidence=evidence))
            segments[-1].items.append(typed[b])
        trailing = typed[bodies[-1] + 1 :]
        # Distribute each boundary group between the articles on either side.
        for index, (group, _verdict) in enumerate(gaps):
            self.distribute(group, segments, index, segments[index + 1].items[0])
        self.distribute_trailing(trailing, segments)
        segments = [part for seg in segments for part in self.split_two_headlines(seg)]
        segments = [part for seg in segments for part in self.split_at_lone_heading(seg)]
        segments = [part for seg in segments for part in self.split_photo_story(seg)]
        return self.merge_continuations(segments)

    def split_photo_story(self, seg: Segment) -> list[Segment]:
        """A heading, a short text and a photographer's credit at the end of a run is a
        photo story of its own, not the run's last section ("…记者 王磊 摄").

        The credit shows it: sections of a story do not end in a photo credit.
        """
        items = seg.items
        last = max((i for i, t in enumerate(items) if t.kind is Kind.HEADING), default=None)
        if last is None or not any(t.kind is Kind.BODY for t in items[:last]):
            return [seg]
        rest = items[last + 1 :]
        texts = [t for t in rest if t.kind is Kind.BODY]
        closers = [t for t in rest if t.kind in _CLOSERS]
        if not (
            texts
            and closers
            and rest[-1] is closers[-1]
            and all(t.kind in (Kind.BODY, *_CLOSERS) for t in rest)
            and sum(len(t.text) for t in texts) <= PHOTO_STORY_CHARS
            and any(t.byline and t.byline.photo for t in closers)
        ):
            return [seg]
        story = Segment(head=[items[last]], items=rest, tail=seg.tail, evidence="photo story")
        return [Segment(seg.head, items[:last], [], seg.decks, seg.soft_start, seg.evidence), story]

    def split_two_headlines(self, seg: Segment) -> list[Segment]:
        """A run printed with a headline above it *and* one below it holds two stories.

        No layout prints one story's headline both above and below its body: this
        happens when a headline-first story runs into a headline-after one with no
        mark between them.  The run is cut at the paragraph break that best fits the
        two headlines: each half holding its headline's words, a dateline opening the
        second, a wider gap before it.
        """
        above = [t for t in seg.head if t.kind is Kind.HEADING]
        below = [t for t in seg.tail if t.kind is Kind.HEADING]
        if not above or not below:
            return [seg]
        items = seg.items
        cuts = [
            j
            for j in range(1, len(items))
            if items[j].kind is Kind.BODY and items[j - 1].kind in (Kind.BODY, Kind.CAPTION)
        ]
        # A column's name ("（新春走基层）") is no word of the story.
        first, second = (
            COLUMN_TAG.sub("", self.strip_prefix(t.text)) for t in (above[-1], below[0])
        )

        def body(part: list[Typed]) -> str:
            return "".join(t.text for t in part if t.kind in _BODY_KINDS)

        # Each half is a story, not a postscript ("栏目投稿邮箱：…" after "（作者为…）").
        cuts = [
            j
            for j in cuts
            if not is_postscript_line(body(items[j:])) and not is_postscript_line(body(items[:j]))
        ]
        if not cuts:
            return [seg]

        def marks(j: int) -> float:
            """Layout evidence that a story starts at item ``j``."""
            evidence = 0.0
            if opens_story(items[j].text):
                evidence += 0.5
            if _ENCLOSED_NOTE.match(items[j - 1].text):
                evidence += 0.5  # "（作者为…）", "（新华社…电）" end the story above
            if (
                self.paragraph_gap is not None
                and items[j - 1].kind is Kind.BODY
                and items[j].block.gap > self.paragraph_gap
            ):
                evidence += 0.3
            return evidence

        # The headlines take part as the first and last "paragraph": each has to sit
        # with the paragraphs that share its words.
        texts = [pairs(first)]
        texts += [pairs(t.text) if t.kind in _BODY_KINDS else set() for t in items]
        texts.append(pairs(second))

        def fit(j: int) -> float:
            words = containment(first, body(items[:j])) + containment(second, body(items[j:]))
            # Each paragraph shares more words with its own story than with the other.
            return words + marks(j) + AFFINITY_WEIGHT * side_affinity(texts, j + 1)

        j = max(cuts, key=fit)
        marked = marks(j) > 0
        words = containment(second, body(items[j:])) - containment(second, body(items[:j]))
        if not marked and words < 0.2:
            return [seg]  # nothing shows where a second story would start
        head = Segment(head=seg.head, items=items[:j], decks=seg.decks, evidence=seg.evidence)
        rest = Segment(items=items[j:], tail=seg.tail, evidence="two headlines")
        return [head, rest]

    def split_at_lone_heading(self, seg: Segment) -> list[Segment]:
        """A story's only inner heading, set like a paragraph, starts another story when
        the two parts are told in different words.

        Section headings come in series and echo their story; a headline printed
        between two stories with nothing else marking the break ("…老人们在楼下散步。"
        / "两城之间高速公路建成通车" / "记者日前获悉，…") names words the story above
        never used, and the paragraphs either side share few words (see
        :mod:`newsprint.cut.cohesion`).
        """
        inner = [k for k, t in enumerate(seg.items) if t.kind is Kind.HEADING]
        titles = [t for t in seg.head if t.kind is Kind.HEADING]
        if len(inner) != 1 or not titles:
            return [seg]
        k = inner[0]
        heading = seg.items[k]
        before = [t for t in seg.items[:k] if t.kind in _BODY_KINDS]
        after = [t for t in seg.items[k + 1 :] if t.kind in _BODY_KINDS]
        if any(
            len(side) < LONE_HEADING_SIDE or sum(len(t.text) for t in side) < LONE_HEADING_CHARS
            for side in (before, after)
        ):
            return [seg]  # a notice's signature and date, a short postscript: no story
        if containment(heading.text, "".join(t.text for t in before)) > LONE_HEADING_ECHO:
            return [seg]  # a section heading repeats words of its story
        texts = [pairs(titles[-1].text), *(pairs(t.text) for t in before)]
        texts += [pairs(heading.text), *(pairs(t.text) for t in after)]
        if side_affinity(texts, 1 + len(before)) < LONE_HEADING_APART:
            return [seg]
        first = Segment(seg.head, seg.items[:k], [], seg.decks, seg.soft_start, seg.evidence)
        rest = Segment([heading], seg.items[k + 1 :], seg.tail, evidence="lone heading")
        return [first, rest]

    @staticmethod
    def split_group(group: list[Typed]) -> tuple[list[Typed], list[Typed], list[Typed]]:
        """(closing, middle, opening): bylines and credits before the first headline close
        the article above; those after the last headline open the article below."""
        cut = next((i for i, t in enumerate(group) if t.kind not in _CLOSERS), len(group))
        closing = list(group[:cut])
        heads = [i for i, t in enumerate(group) if t.kind is Kind.HEADING]
        if heads and heads[-1] + 1 < len(group):
            last = heads[-1]
            if all(t.kind in _CLOSERS for t in group[last + 1 :]):
                return closing, list(group[cut : last + 1]), list(group[last + 1 :])
        return closing, list(group[cut:]), []

    def boundary(self, group: list[Typed], nxt: Typed, current: Segment) -> tuple[str, str]:
        """('hard' | 'soft' | 'none', the evidence): does an article end between two body
        blocks?  The evidence names a key of :data:`BOUNDARY_CONFIDENCE`."""
        if nxt.kind is Kind.BODY and opens_story(nxt.text):
            return "hard", "dateline"  # "新华社…电", "本报讯": a story starts here
        if (
            not group
            and current.items
            and _ENCLOSED_NOTE.match(current.items[-1].text)
            and not ENCLOSED.match(nxt.text)  # "（作者为…）" / "（本系列评论到此结束）"
            and not is_postscript_line(nxt.text)  # "…（作者为…）" / "栏目投稿邮箱：…"
        ):
            return "hard", "closing note"  # "（作者为…）", "（新华社…电）" end a story
        if not group:
            if (
                nxt.kind is Kind.BODY
                and self.paragraph_gap is not None
                and nxt.block.gap > self.paragraph_gap
                and current.text()
                and ends_sentence(current.text())
            ):
                return "hard", "wider gap"  # stories are set further apart than paragraphs
            return "none", ""
        headings = [t for t in group if t.kind is Kind.HEADING]
        # A "——…" line after body text or a caption attributes a quote; only under a
        # headline is it a subtitle.
        under_heading = {
            id(b) for a, b in pairwise(group) if a.kind is Kind.HEADING and b.kind is Kind.HEADING
        }
        if any(self.is_strong(t) and (id(t) in under_heading or not _dashed(t)) for t in headings):
            return "hard", "strong headline"
        if headings and current.items and _ENCLOSED_NOTE.match(current.items[-1].text):
            return "hard", "closing note"  # "（本报马德里电）", then a headline
        if headings and self.stands_out(headings[0]) and not after_picture(group, headings[0]):
            return "hard", "headline set apart"
        last = next((t.text for t in reversed(current.items) if t.kind is Kind.BODY), "")
        if headings and item_kind(nxt.text) not in (None, item_kind(last)):
            return "hard", "new kind of text"  # a headline over a listing or notice items
        if nxt.kind is Kind.SIDEBAR_MARK:
            return "none", ""  # "链接》》" boxes belong to the article they are printed with
        if any(t.kind is Kind.FURNITURE for t in group):
            return "soft", "page break"  # a page break: what follows may still continue the article
        closers = [t for t in group if t.kind in _CLOSERS]
        if headings and closers:
            if all(self.parallel_section(t, current) for t in headings):
                return "none", ""
            return "hard", "headline and byline"
        if headings and nxt.kind is Kind.LEDE_MARK:
            return "hard", "headline over lede"
        if closers and not headings:
            opening = any(t.byline and t.byline.opening for t in group)
            return ("none", "") if opening else ("soft", "byline only")
        return "none", ""

    def parallel_section(self, t: Typed, current: Segment) -> bool:
        """A heading shaped like the article's own section headings ("聚焦…，…")."""
        sections = [s.text for s in current.items if s.kind is Kind.HEADING]
        titles = "".join(s.text for s in current.head)
        same_opening = any(s[:2] == t.text[:2] for s in sections)
        clauses = re.split(r"[，,\s]", t.text)
        echoes_title = bool(titles) and any(len(c) >= 4 and c in titles for c in clauses)
        return bool(sections) and (same_opening or echoes_title)

    def distribute(self, group: list[Typed], segs: list[Segment], index: int, first: Typed) -> None:
        """Give the blocks between article ``index`` and ``index + 1`` to one of them."""
        prev, nxt = segs[index], segs[index + 1]
        closing, rest, opening = self.split_group(group)
        for t in closing:
            if t.kind is Kind.BYLINE and t.byline and t.byline.opening:
                nxt.head.append(t)
            else:
                prev.items.append(t)
        nxt.head.extend(opening)
        # Captions printed before any headline stay with the article above.
        while rest and rest[0].kind is Kind.CAPTION:
            prev.items.append(rest.pop(0))
        headings = [t for t in rest if t.kind is Kind.HEADING]
        attached = headings[-1] if headings and (first.block.gap == 0 or opening) else None
        to_next = False
        for t in rest:
            if t.kind is Kind.LABEL:
                self.label_home(t, segs, prev).tail.append(t)
                continue
            if t.kind is not Kind.HEADING:
                (nxt.head if to_next else prev.tail).append(t)
                continue
            if to_next or t is attached or t.text.endswith(("——", "--")):
                to_next = True
                nxt.head.append(t)
                continue
            home = self.best_home(t, segs, prev, nxt, closer_to=self.nearer(t, rest, first))
            self.matched.add(id(t))
            if home is nxt:
                to_next = True
                nxt.head.append(t)
            elif home is prev:
                prev.tail.append(t)
            else:
                home.decks.append(t)

    @staticmethod
    def nearer(t: Typed, rest: list[Typed], first: Typed) -> str | None:
        """'prev' or 'next': the side a lone headline is printed closer to (fewer blank
        lines between), or None when it stands as far from both."""
        if len(rest) != 1:
            return None
        before, after = t.block.gap, first.block.gap
        if before == after:
            return None
        return "next" if before > after else "prev"

    def best_home(
        self,
        t: Typed,
        segs: list[Segment],
        prev: Segment,
        nxt: Segment,
        closer_to: str | None = None,
    ) -> Segment:
        """The article a floating headline summarises: by its words, else by the side it
        is printed closer to, else the one above if that has no headline yet."""
        text = self.strip_prefix(t.text)
        scores = {id(s): containment(text, s.text()) for s in segs}
        best = max(segs, key=lambda s: scores[id(s)])
        if scores[id(best)] >= 0.8 and best is not prev and best is not nxt:
            return best
        s_prev, s_next = scores[id(prev)], scores[id(nxt)]
        if s_prev - s_next >= 0.25:
            return prev
        if s_next - s_prev >= 0.25:
            return nxt
        if closer_to is not None:
            return nxt if closer_to == "next" else prev
        return prev if not prev.has_title() else nxt

    def label_home(self, t: Typed, segs: list[Segment], fallback: Segment) -> Segment:
        """A lone district label goes to the article that names that district most."""
        name = t.text.strip()
        counts = {id(s): s.text().count(name) for s in segs}
        best = max(segs, key=lambda s: counts[id(s)])
        return best if counts[id(best)] > 0 else fallback

    def distribute_trailing(self, trailing: list[Typed], segs: list[Segment]) -> None:
        last = segs[-1]
        closer_at = max((i for i, t in enumerate(trailing) if t.kind in _CLOSERS), default=-1)
        for i, t in enumerate(trailing):
            if t.kind is Kind.LABEL:
                self.label_home(t, segs, last).tail.append(t)
            elif t.kind is Kind.HEADING and i > closer_at:
                home = self.best_home(t, segs, last, last)
                (home.tail if home is last else home.decks).append(t)
            else:
                last.items.append(t)

    def merge_continuations(self, segs: list[Segment]) -> list[Segment]:
        """Join a title-less run that only a byline separated from the article above, and
        a title-less line that is no story (a postscript such as "栏目投稿邮箱：…")."""
        merged: list[Segment] = []
        for seg in segs:
            if merged and self.is_postscript(seg):
                merged[-1].items.extend(seg.head + seg.items)
                merged[-1].tail.extend(seg.tail)
                continue
            if merged and seg.soft_start and not seg.has_title():
                prev = merged[-1]
                similar = containment(seg.text(), prev.text()) >= 0.35
                if similar:
                    prev.items.extend(seg.head + seg.items)
                    prev.tail.extend(seg.tail)
                    continue
            merged.append(seg)
        return merged

    @staticmethod
    def is_postscript(seg: Segment) -> bool:
        """No headline and one short line that is not a sentence: the note a story ends
        with, printed apart from it, not a story of its own."""
        bodies = [t for t in seg.items if t.kind in _BODY_KINDS]
        return (
            not seg.has_title()
            and not seg.decks
            and len(bodies) == 1
            and is_postscript_line(bodies[0].text)
        )

    # -- building articles -------------------------------------------------
    def strip_prefix(self, text: str) -> str:
        prefix = self.district_prefix(text)
        return text[len(prefix) :].strip() if prefix else text

    def clean_heading(self, t: Typed, art: Article) -> str:
        """Undouble a headline, split off its district prefix or trailing label."""
        text, removed = undouble(t.text)
        if removed:
            art.dropped.append(Dropped(removed, "doubled headline", t.line))
        prefix = self.district_prefix(text)
        if prefix:
            art.labels.append(prefix)
            text = text[len(prefix) :].strip()
        for size in (5, 4, 3, 2):
            if len(text) > size + 4 and self.is_place(text[-size:]):
                art.labels.append(text[-size:])
                text = text[:-size]
                break
        return text

    def build(self, seg: Segment) -> Article:
        art = Article(source=self.source)
        self.build_heads(seg, art)
        role = Role.BODY
        pending_heading: Typed | None = None
        body_seen = False
        for t in seg.items:
            kind = t.kind
            if kind is Kind.LEDE_MARK:
                art.dropped.append(Dropped(t.text, "lede label", t.line))
                role = Role.LEDE
            elif kind is Kind.SIDEBAR_MARK:
                role = Role.SIDEBAR
                art.paragraphs.append(Paragraph(t.text, Role.HEADING, _span(t)))
            elif kind is Kind.BODY:
                if pending_heading is not None:
                    art.paragraphs.append(
                        Paragraph(pending_heading.text, Role.HEADING, _span(pending_heading))
                    )
                    pending_heading = None
                art.paragraphs.append(Paragraph(t.text, role, _span(t)))
                body_seen = True
                if role is Role.LEDE:
                    role = Role.BODY
            elif kind is Kind.HEADING:
                if pending_heading is not None:
                    art.paragraphs.append(
                        Paragraph(pending_heading.text, Role.HEADING, _span(pending_heading))
                    )
                if (
                    role is Role.SIDEBAR
                    and art.paragraphs
                    and art.paragraphs[-1].role is Role.HEADING
                ):
                    last = art.paragraphs.pop()
                    art.paragraphs.append(
                        Paragraph(f"{last.text} {t.text}", Role.HEADING, last.lines)
                    )
                    pending_heading = None
                    continue
                pending_heading = t if body_seen or art.title else None
                if pending_heading is None:
                    seg.head.append(t)
            else:
                self.attach(t, art)
        if pending_heading is not None:
            art.paragraphs.append(
                Paragraph(pending_heading.text, Role.BODY, _span(pending_heading))
            )
        if not art.title:
            self.build_heads(seg, art)
        for p in art.paragraphs[:2]:
            art.authors.extend(n for n in dateline_authors(p.text) if n not in art.authors)
        photographers, pictures_only = picture_credits(seg.head + seg.items + seg.tail)
        writers = [n for n in art.authors if n not in photographers]
        if writers:
            # "…摄（人民视觉）" under a reporter's story credits its picture, not the text.
            art.authors = [n for n in art.authors if n not in pictures_only]
        spans = [t.block for t in seg.head + seg.items + seg.tail]
        art.lines = (min(b.first for b in spans), max(b.last for b in spans)) if spans else (0, 0)
        art.kind = self.kind_of(art, photo_story=not writers)
        if art.kind in ("notice", "listing"):
            art.paragraphs = [
                Paragraph(p.text, Role.BODY, p.lines)
                if p.role is Role.HEADING and p.lines[0] not in self.marked
                else p
                for p in art.paragraphs
            ]
        if not art.title:
            art.title = self.fallback_title(art)
            art.title_generated = True
            seg.title_evidence = "none"
        art.evidence = {"boundary": seg.evidence, "title": seg.title_evidence}
        art.confidence = {
            "boundary": BOUNDARY_CONFIDENCE[seg.evidence],
            "title": TITLE_CONFIDENCE[seg.title_evidence],
        }
        return art

    @staticmethod
    def attach(t: Typed, art: Article) -> None:
        """Put a byline, credit, caption, label or piece of page furniture in its field."""
        if t.kind is Kind.BYLINE:
            art.bylines.append(t.text)
            art.authors.extend(n for n in t.byline.names if n not in art.authors)
        elif t.kind is Kind.CREDIT:
            art.credits.append(t.text)
        elif t.kind is Kind.CAPTION:
            art.captions.append(Caption(t.text, t.credit, t.printed_credit))
        elif t.kind is Kind.LABEL:
            art.labels.append(t.text)
        elif t.kind is Kind.FURNITURE:
            art.dropped.append(Dropped(t.text, "page furniture", t.line))
        else:
            raise ValueError(f"not an attachment: {t.kind}")

    def build_heads(self, seg: Segment, art: Article) -> None:
        """Title, kicker and subtitle from the headline lines printed with the article."""
        heads = [t for t in seg.head + seg.tail if t.kind is Kind.HEADING and t.text]
        for t in seg.head + seg.tail:
            if t.kind is not Kind.HEADING:
                self.attach(t, art)
        seg.head = [t for t in seg.head if t.kind is Kind.HEADING]
        seg.tail = [t for t in seg.tail if t.kind is Kind.HEADING]
        if heads:
            seg.title_evidence = "printed above" if seg.head else "printed below"
        if not heads and seg.decks:
            heads, seg.decks = seg.decks, []
            seg.title_evidence = "matched by words"
        if not heads or art.title:
            return
        dashed = [i for i, t in enumerate(heads) if t.text.startswith(("——", "--"))]
        title_at = next(
            (i for i, t in enumerate(heads) if self.is_strong(t) and i not in dashed), None
        )
        if title_at is None:
            # Papers print a column's name after the headline itself ("…（人民论坛）").
            title_at = next(
                (i for i, t in enumerate(heads) if COLUMN_TAG.search(t.text) and i not in dashed),
                None,
            )
        if title_at is None and dashed and dashed[0] > 0:
            title_at = dashed[0] - 1  # "——记…" is the subtitle of the line above it
        if title_at is None:
            kickers = [i for i, t in enumerate(heads) if t.text.endswith(_KICKER_ENDS)]
            two_part = [i for i, t in enumerate(heads) if has_inner_space(t.text)]
            if kickers and kickers[-1] + 1 < len(heads):
                title_at = kickers[-1] + 1
            elif len(heads) == 2 and seg.head and not seg.tail:
                # Kicker + headline or headline + subtitle: weigh what the lines show.
                title_at = int(second_is_headline(heads[0].text, heads[1].text))
            elif len(two_part) == 1:
                title_at = two_part[0]  # a two-part headline ("强支撑 添后劲") is the headline
            elif seg.tail and not seg.head:
                title_at = len(heads) - 1
            elif len(heads) == 2 and _SUBTITLE_ENDS.search(heads[1].text):
                title_at = 0  # "…座谈会召开 / 韩正出席": who attended is a subtitle
            else:
                # Unmarked lines: a kicker above the headline is printed far more often
                # than a subtitle below it (in the rmrb corpus, 1,700 unmarked kicker
                # pairs to 397 subtitle pairs), so the second of several is the headline.
                title_at = min(1, len(heads) - 1)
        if id(heads[title_at]) in self.matched:
            seg.title_evidence = "matched by words"
        art.title = self.clean_heading(heads[title_at], art)
        before = [self.clean_heading(t, art) for t in heads[:title_at]]
        after = [self.clean_heading(t, art) for t in heads[title_at + 1 :]]
        if before:
            art.kicker = " ".join(before)
        after += [self.clean_heading(t, art) for t in seg.decks]
        if after:
            art.subtitle = " ".join(after)

    def kind_of(self, art: Article, photo_story: bool = True) -> str:
        """news | photo | notice | listing; ``photo_story``: no one but a photographer
        is credited."""
        listing = sum(bool(_LISTING_LINE.match(p.text)) for p in art.paragraphs)
        if listing >= 3:
            return "listing"
        if (
            _NOTICE_TITLE.search(art.title)
            or sum(p.text.startswith("▲") for p in art.paragraphs) >= 2
        ):
            return "notice"
        photo = photo_story and any("摄" in byline for byline in art.bylines)
        chars = sum(len(p.text) for p in art.paragraphs)
        if photo and chars < 400 and not any(p.role is Role.HEADING for p in art.paragraphs):
            return "photo"
        return "news"

    def fallback_title(self, art: Article) -> str:
        """A page that prints no headline: the opening clause of the body."""
        text = art.summary or (art.paragraphs[0].text if art.paragraphs else "")
        clause = re.split(r"[，。！？；,]", text, maxsplit=1)[0]
        return clause[:24] or "（无标题）"


def after_picture(group: list[Typed], t: Typed) -> bool:
    """``t`` comes straight after a caption: the blank lines before it are the
    picture's, not a headline's setting apart."""
    i = next(k for k, g in enumerate(group) if g is t)
    return i > 0 and group[i - 1].kind is Kind.CAPTION


def is_postscript_line(text: str) -> bool:
    """A short line that is not a sentence: a note a story may end with."""
    return len(text) <= POSTSCRIPT_CHARS and not ends_sentence(text)


def picture_credits(blocks: list[Typed]) -> tuple[set[str], set[str]]:
    """(photographers, those credited for a picture only): "侯崇慧摄（人民视觉）" and
    "本报记者 王磊 摄" credit a picture; "张成勇 摄影报道" a photo report and "文/图 …"
    text and picture, so those two are authors."""
    photo = [t for t in blocks if t.kind is Kind.BYLINE and t.byline and t.byline.photo]
    only = [t for t in photo if "摄影报道" not in t.text and "文" not in t.text[:3]]
    return {n for t in photo for n in t.byline.names}, {n for t in only for n in t.byline.names}


def _prose(text: str) -> bool:
    """A paragraph of running text, not a listing line or a notice item.

    >>> _prose("09:30 新闻联播"), _prose("会议指出，要加强统筹协调，切实做好各项保供工作。")
    (False, True)
    >>> _prose("▲张三遗失身份证，证号一二三，声明作废。")
    False
    """
    if item_kind(text):
        return False  # notice bullets and programme lines are set as a list, not as prose
    return len(text) >= 20 and sum(text.count(ch) for ch in "，。；！？") >= 2


def _dashed(t: Typed) -> bool:
    return t.text.startswith(("——", "--"))


def _span(t: Typed) -> tuple[int, int]:
    return (t.block.first, t.block.last)


def remove_repeats(articles: list[Article], page_dropped: list[Dropped]) -> None:
    """Drop paragraphs printed twice on the page, fragments of earlier paragraphs and
    sentences repeated inside a paragraph; the first copy stays."""
    seen: list[str] = []
    for art in articles:
        kept: list[Paragraph] = []
        for p in art.paragraphs:
            text, dropped = drop_repeated_sentences(p.text)
            for sentence in dropped:
                art.dropped.append(Dropped(sentence, "repeated sentence", p.lines[0]))
            k = key(text)
            if p.role is not Role.HEADING and len(k) >= 12 and any(k in s for s in seen):
                reason = "repeated paragraph" if k in seen else "repeated fragment"
                art.dropped.append(Dropped(text, reason, p.lines[0]))
                continue
            seen.append(k)
            kept.append(Paragraph(text, p.role, p.lines))
        art.paragraphs = kept


def segment_text(
    text: str, source: str, is_place: Callable[[str], bool] | None = None
) -> PageResult:
    """Cut decoded page text into cleaned articles."""
    from ..tag.places import is_place as default_is_place

    is_place = is_place or default_is_place
    lines = read_lines(text)

    def standalone(text: str) -> bool:
        return is_credit(text) or parse_byline(text, is_place) is not None

    blocks = join_blocks(lines, wrap_width(lines), standalone)
    typed = classify_blocks(blocks, is_place)
    segmenter = PageSegmenter(source, is_place)
    segmenter.marked = {line.number for line in lines if line.level}
    segments = segmenter.cut(typed)
    articles = [segmenter.build(seg) for seg in segments]
    for art, after in zip(articles, [*articles[1:], None], strict=True):
        # A boundary is only as sure as the weaker of the cuts at its start and its end.
        end = after.evidence["boundary"] if after else "page end"
        art.confidence["boundary"] = min(art.confidence["boundary"], BOUNDARY_CONFIDENCE[end])
    result = PageResult(source=source, articles=articles, dropped=segmenter.dropped)
    remove_repeats(articles, result.dropped)
    return result
