"""Page text → blocks: read lines, find the column wrap width, rejoin broken paragraphs.

Printed pages reach us hard-wrapped (every line of a column is one line of text)
or one paragraph per line, and in both cases paragraphs are cut by column and page
breaks in mid-sentence, sometimes with a photo caption in between.  A line is
joined to the next when it *cannot* end a paragraph: it fills the column, or it
stops in mid-sentence.

>>> page = read_lines("此外，该区还聚焦高频事项，开\\n\\n展治理。\\n\\n标题")
>>> [b.text for b in join_blocks(page)]
['此外，该区还聚焦高频事项，开展治理。', '标题']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from ..text import HAN_COMMON, SENTENCE_ENDS, display_width
from .bylines import opens_story
from .words import breaks_a_word

TERMINAL = SENTENCE_ENDS + "…"
CLOSERS = "”’」』）)》】"
# Punctuation after which a sentence always goes on.
OPEN_END = "，,、；;—“‘「『（(《【"
_MARKER = re.compile(r"^(#{1,6})\s+(?=\S)")


# A note in brackets printed after a story's last sentence: "…观察。（相关报道见第十版）".
_TRAILING_NOTE = re.compile(r"(?<=[。！？!?])[（(][^（）()]{2,30}[)）]$")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes allowed).

    >>> ends_sentence("投资58.8亿元。"), ends_sentence("“重中之重。”"), ends_sentence("开")
    (True, True, False)
    >>> ends_sentence("尚有922人正在接受医学观察。（相关报道见第十版）")
    True
    """
    stripped = _TRAILING_NOTE.sub("", text.rstrip()).rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


@dataclass(frozen=True)
class Line:
    """A non-blank raw line: 1-based number, text, blank lines before it, Markdown heading level."""

    number: int
    text: str
    gap: int = 0
    level: int = 0
    indent: bool = False  # starts with two or more spaces (or an ideographic space)
    cells: int = 0  # printed width in half-width cells, indentation included

    def __post_init__(self) -> None:
        if not self.cells:
            object.__setattr__(self, "cells", display_width(self.text))


@dataclass
class Block:
    """A paragraph-sized piece of the page: one or more raw lines joined."""

    text: str
    first: int
    last: int
    gap: int = 0  # blank lines before the block
    level: int = 0  # Markdown heading level the dump printed, 0 for none
    interrupts: bool = False  # printed in the middle of a paragraph (a caption)
    joins: list[int] = field(default_factory=list)  # raw line numbers joined onto the previous
    tail: str = ""  # the last raw line, which decides whether the paragraph goes on
    indent: bool = False  # its first line is indented

    def __post_init__(self) -> None:
        self.tail = self.tail or self.text

    def extend(self, line: Line) -> None:
        """Append a continuation line."""
        self.text += line.text
        self.last = line.number
        self.joins.append(line.number)
        self.tail = line.text


def read_lines(text: str) -> list[Line]:
    """Split page text into non-blank :class:`Line` records, noting blank runs and ``#`` markers.

    A form feed (page break) counts as a wide gap.

    >>> [(ln.number, ln.text, ln.gap, ln.level) for ln in read_lines("# 标题\\n\\n\\n正文")]
    [(1, '标题', 0, 1), (4, '正文', 2, 0)]
    """
    lines: list[Line] = []
    gap = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            gap += 3
        stripped = raw.strip().replace("\u3000", " ").strip()
        if not stripped:
            gap += 1
            continue
        lead = raw.replace("\f", "")[: len(raw) - len(raw.lstrip())]
        indent = lead.count("\u3000") >= 1 or lead.count(" ") + lead.count("\t") * 4 >= 2
        level = 0
        marker = _MARKER.match(stripped)
        if marker:
            level = len(marker.group(1))
            stripped = stripped[marker.end() :].strip()
        cells = display_width(stripped) + display_width(lead.replace("\t", "    "))
        lines.append(Line(number, stripped, gap if lines else 0, level, indent, cells))
        gap = 0
    return lines


def wrap_width(lines: list[Line]) -> int | None:
    """The commonest column width of a hard-wrapped page in half-width cells, or None.

    A page is hard-wrapped when a good share of its lines fill a column (see
    :func:`full_lines`); columns may differ in width from article to article.
    """
    body = [line for line in lines if not line.level]
    if len(body) < 8:
        return None
    full = [line.cells for line, f in zip(lines, full_lines(lines), strict=True) if f]
    if len(full) < WRAPPED_SHARE * len(body):
        return None
    return Counter(full).most_common(1)[0][0]


# A page where this share of the lines fill a column is hard-wrapped; pages that
# print a paragraph per line rarely have two neighbours of one width.
WRAPPED_SHARE = 0.25

# Two lines of one column differ by at most this many cells: a hanging mark, a
# half-width digit pair, a closing quote pushed to the line end.
COLUMN_SLACK = 2
# A paragraph's first line may be this much narrower (a dropped two-character indent).
FIRST_LINE_INDENT = 8
# Lines narrower than this (6 Han characters) are too short to tell a column by.
MIN_COLUMN = 12


def full_lines(lines: list[Line]) -> list[bool]:
    """Which lines fill their column, judged by the lines printed around them.

    Columns change width from article to article, so a line is compared with its
    neighbours, not with one page width: a line is full when a line next to it
    (no blank line between) has its width, or when it is as wide as the full lines
    near it.  The last line of a paragraph is usually shorter; a headline stands
    alone.

    >>> page = read_lines("一二三四五六七八九十，\\n一二三四五六七八九十\\n一二三。\\n标题")
    >>> full_lines(page)
    [True, True, False, False]
    """
    cells = [line.cells for line in lines]
    chars = [len(line.text) + 2 * line.indent for line in lines]

    def same_column(i: int, j: int) -> bool:
        # Dumps wrap by printed width or by character count: either may match.
        return abs(cells[i] - cells[j]) <= COLUMN_SLACK or abs(chars[i] - chars[j]) <= 1

    n = len(lines)
    paired = [False] * n
    for i in range(n - 1):
        if (
            lines[i + 1].gap == 0
            and not lines[i].level
            and not lines[i + 1].level
            and min(cells[i], cells[i + 1]) >= MIN_COLUMN
            and same_column(i, i + 1)
        ):
            paired[i] = paired[i + 1] = True
    for i in range(n - 1):
        # A paragraph of two lines: the first, cut in mid-sentence, is at least as wide
        # as the second.
        if (
            lines[i + 1].gap == 0
            and not lines[i].level
            and not lines[i + 1].level
            and cells[i] >= MIN_COLUMN
            and cells[i] >= cells[i + 1] - COLUMN_SLACK
            and not ends_sentence(lines[i].text)
            and re.search(r"[，、,]", lines[i].text)
        ):
            paired[i] = True
    full = list(paired)
    for i in range(n):
        if full[i] or lines[i].level or cells[i] < MIN_COLUMN:
            continue
        near = [j for j in range(max(0, i - 12), min(n, i + 13)) if paired[j] and j != i]
        if not near:
            continue
        mid_cells = sorted(cells[j] for j in near)[len(near) // 2]
        mid_chars = sorted(chars[j] for j in near)[len(near) // 2]
        # A paragraph's first line may be set short: the dump dropped its indent.
        opens = (i == 0 or lines[i].gap > 0 or not paired[i - 1]) and not has_inner_space(
            lines[i].text
        )
        low = mid_cells - (FIRST_LINE_INDENT if opens else COLUMN_SLACK)
        if low <= cells[i] <= mid_cells + COLUMN_SLACK or abs(chars[i] - mid_chars) <= 1:
            full[i] = True
    return full


_HAN_SPACE_HAN = re.compile(rf"[{HAN_COMMON}”》）]\s+[{HAN_COMMON}“《（]")
_PAIRS = ("“”", "‘’", "《》", "（）", "()", "「」", "『』", "【】")


def has_inner_space(text: str) -> bool:
    """Han text never puts a space between two characters, headlines and bylines do.

    >>> has_inner_space("巫山 每年千万元促科创成果转化"), has_inner_space("新开工项目 43")
    (True, False)
    """
    return bool(_HAN_SPACE_HAN.search(text))


def unbalanced(text: str) -> bool:
    """True when a quote or bracket opened in ``text`` is not closed there.

    >>> unbalanced("秉承“做的要比说的好、干的要"), unbalanced("“安全带”")
    (True, False)
    """
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def closes_open_bracket(text: str, line: str) -> bool:
    """``text`` leaves a bracket open and ``line`` closes it before opening another.

    >>> closes_open_bracket("本报南宁2月5日电（记者 庞革", "平 张云河）记者从")
    True
    >>> closes_open_bracket("（记者手记）", "正文（一）")
    False
    """
    for opening, closing in (("（", "）"), ("(", ")")):
        if text.count(opening) > text.count(closing):
            close = line.find(closing)
            again = line.find(opening)
            return 0 <= close <= 12 and (again < 0 or close < again)
    return False


def _is_short_line(line: Line) -> bool:
    return len(line.text) <= 30 and not ends_sentence(line.text) and not line.level


# One character, then a comma or a full stop: the tail of a word cut at the line end.
# (Two characters would catch common openers such as "今年，" and "此外，".)
_CONTINUATION = re.compile(r"^[^\s\d一二三四五六七八九十，。、；：“”‘’《》（）][，。；：）)”’》]")


def starts_mid_sentence(text: str) -> bool:
    """A line that opens with the last word of a sentence ("里，由紫薇树…").

    >>> starts_mid_sentence("里，由紫薇树编织而成"), starts_mid_sentence("今年，梁平区")
    (True, False)
    >>> starts_mid_sentence("一、交房地点")
    False
    """
    return bool(_CONTINUATION.match(text))


# Lines that are items of their own: a programme time, a notice bullet, a dateline.
ITEM = re.compile(r"^(\d{1,2}[:：]\d{2}\s|[▲△●■◆★]|[（(]\d{4}年\d{1,2}月)")


# "李攀 摄", "（李攀摄）", "摄/李攀": a photo credit ends what it is printed under.
_PHOTO_CREDIT = re.compile(r"摄\s*[)）]?$|摄\s*[/／:：]\s*\S{2,4}$")


def item_kind(text: str) -> str | None:
    """What kind of list item a line is: a programme "time", a "bullet", a "date", or None.

    >>> item_kind("19:35 永川新闻"), item_kind("▲刘滨鹏遗失…"), item_kind("正文。")
    ('time', 'bullet', None)
    """
    match = ITEM.match(text)
    if not match:
        return None
    return "time" if text[:1].isdigit() else "bullet" if text[:1] in "▲△●■◆★" else "date"


_DATELINE_SPACE = re.compile(r"[电讯]\s+\S")
_BRACKETED = re.compile(r"[（(][^（）()]*(?:[)）]|$)|“[^“”]*”|《[^《》]*》")
# A column's name printed after a headline: "在线教育，补位别越位（新语）".
COLUMN_TAG = re.compile(r"[（(][^（）()，。]{2,60}[)）]$")


class _Joiner:
    """Decides whether the paragraph that ends with a given line goes on."""

    def __init__(
        self,
        width: int | None,
        flat: str,
        full: dict[int, bool],
        standalone: Callable[[str], bool] = lambda text: False,
    ) -> None:
        self.width = width  # None: the page prints a paragraph per line
        self.flat = flat
        self.full = full  # raw line number → the line fills its column
        self.standalone = standalone  # lines complete in themselves (bylines, credits)
        self.first_line = 1  # raw number of the page's first non-blank line
        self.uses_indent = False  # the page indents its paragraphs' first lines
        self.stacked: set[int] = set()  # lines of a headline block below its first

    def fills_column(self, block: Block) -> bool:
        """The block's last line is as wide as its column (so its paragraph may go on)."""
        return self.width is not None and self.full.get(block.last, False)

    def spaced_prose(self, block: Block) -> bool:
        """A paragraph running over full lines whose dump kept spaces between its parts
        ("…的优惠。 同时，为助力…"): the space is no headline's.  A byline after the
        last full stop keeps its own ("…新格局。通讯员 侯兰")."""
        last_clause = re.split(r"[。！？；]", block.tail)[-1]
        return (
            block.first != block.last
            and self.full.get(block.last, False)
            and not self.standalone(last_clause.strip())
        )

    def cut_mid_sentence(self, block: Block, line: Line) -> bool:
        """The text breaks inside a sentence: its last line fills the column (a column
        break: "…产业集群" / "度最高…"), ends on an open mark or inside a bracket or
        quote, or the next line opens with a word's tail ("里，由紫薇树…")."""
        tail = block.tail
        return (
            self.fills_column(block)
            or tail[-1:] in OPEN_END
            or starts_mid_sentence(line.text)
            or unbalanced(block.text)
        )

    def tagged_headline_next(self, block: Block, line: Line) -> bool:
        """A short last line, then a headline with a column's name: "…委宣传部" /
        "交汇点上凝聚磅礴力量（快评）" — the paragraph ended, a story starts."""
        return (
            block.first != block.last
            and not self.full.get(block.last, False)
            and len(line.text) <= 40
            and COLUMN_TAG.search(line.text) is not None
            and not _SENTENCE_MARKS.search(COLUMN_TAG.sub("", line.text))
        )

    def repeated_elsewhere(self, text: str) -> bool:
        """A line printed again inside the page text (a deck quoting its article)."""
        key = re.sub(r"\s+", "", text)
        return len(key) >= 8 and self.flat.count(key) >= 2

    def is_open(self, block: Block, line: Line) -> bool:
        """Whether ``block`` (ending with ``block.tail``) continues with ``line``."""
        tail = block.tail
        if ITEM.match(line.text) or (line.gap and item_kind(block.text) == "time"):
            return False  # items stand alone; a programme line never runs on
        if line.gap and item_kind(block.text) and not _CLAUSE_MARKS.search(line.text):
            return False  # a bullet runs on into text, not into a short title ("遗失启事")
        if line.gap and block.first in self.stacked:
            return False  # a headline block's last line never runs on past a blank line
        if line.gap == 0 and closes_open_bracket(block.text, line.text):
            return True  # "（记者 庞革" / "平 张云河）记者从…": a bracket cut by the wrap
        if self.standalone(line.text) and not tail.endswith(tuple(OPEN_END)):
            return False  # a byline or credit line is never the rest of a sentence
        if (
            self.width is not None
            and line.gap == 0
            and len(line.text) <= 2
            and not ends_sentence(tail)
        ):
            return True  # the last character or two of a wrapped line ("陈维" / "灯")
        if not tail or ends_sentence(tail):
            return False
        if line.gap == 0 and opens_story(block.text):
            # "本报某地5月6日电 …同来访的代表团举" / "行会谈。": a story's first paragraph
            return True
        if block.text[:1] in "（(" and tail[-1:] in "）)" and not unbalanced(block.text):
            return False  # "（作者为…）", "（本报北京5月15日电）": a note complete in itself
        if (
            has_inner_space(_BRACKETED.sub("", block.text))
            and not _DATELINE_SPACE.search(block.text)
            and not self.spaced_prose(block)
        ):
            # A headline's space ("巫山 每年…"); not a dateline's ("…日电 据…") nor
            # one between names in a credit ("（记者 王磊 李明）").
            return False
        if block.first == block.last and self.standalone(tail):
            return False
        if _PHOTO_CREDIT.search(tail):
            return False
        if (
            tail.endswith(("——", "--", ":", "："))
            and not unbalanced(block.text)
            and not (block.first != block.last and self.fills_column(block))
        ):
            # "…院长王某——" hands over to a headline; "主办的“光影重现——" and a
            # paragraph whose full last line stops on the dash ("…我们的节日”——") go on.
            return False
        if (
            len(block.text) <= 30
            and _LABELLED_LINE.match(block.text.strip())
            and not self.full.get(block.last, False)
        ):
            # "本版制图：王某", "数据来源：…公司" (or "数据来源：某区管理委员" / "会"):
            # a field ends itself
            return False
        mid_sentence = tail[-1] in OPEN_END or starts_mid_sentence(line.text)
        if (
            self.uses_indent
            and block.indent
            and line.gap == 0
            and not line.indent
            and not self.tagged_headline_next(block, line)
        ):
            return True  # an indented paragraph runs on over flush lines until a full stop
        if self.width is None:
            # One paragraph per line: a long line with sentence punctuation that stops
            # on a character or digit was cut by a column or page break.
            # A line that ends one or two characters after a comma is cut as well.
            if mid_sentence or (len(tail) >= 12 and unbalanced(tail)):
                return True
            clauses = re.split(r"[，。、,；;]", tail)
            return len(clauses) > 1 and (len(tail) >= 20 or len(clauses[-1]) <= 3)
        if line.gap == 0 and any(ch in tail for ch in "。，、；！？"):
            return True  # the line stops mid-sentence and the text runs on
        if (
            line.gap == 0
            and len(tail) >= 8
            and not has_inner_space(tail)
            and ends_sentence(line.text)
            and display_width(line.text) < display_width(tail)
            and not self.full.get(line.number, False)
        ):
            return True  # "…外长艾达尔别科夫举" / "行会谈。": a paragraph's short last line
        caption_like = block.gap >= 2 and len(block.text) <= 40  # printed under a picture
        heading_next = len(line.text) <= 30 and (
            has_inner_space(line.text) or self.tagged_headline_next(block, line)
        )
        if block.first != block.last and not caption_like and not heading_next:
            # A paragraph of several lines ends on a sentence end, never on a bare
            # character: whatever follows a column or page break continues it.
            return True
        if not (mid_sentence or self.fills_column(block)):
            return False
        starts_page = block.first == self.first_line  # the page's top counts as a blank
        lone = block.first == block.last and (block.gap >= 1 or starts_page) and line.gap >= 1
        if lone and not mid_sentence:
            # A single line between blank lines is a headline unless it shows
            # that its sentence goes on.
            if self.repeated_elsewhere(tail) or COLUMN_TAG.search(tail):
                return False  # a deck quoting its story; "…，补位别越位（新语）"
            if unbalanced(tail):
                return True
            if _LABELLED_LINE.match(tail):
                return False  # "唐山：协同发展带来新动能": a labelled headline or a field
            clauses = re.split(r"[，、；：,;:]", tail)
            # One comma between two full phrases is a headline's ("不用出小区，加微信能送菜");
            # a run of clauses, or one cut after a word or two, is a sentence going on.
            two_phrases = len(clauses) == 2 and min(len(c) for c in clauses) >= 4
            return len(clauses) > 1 and not two_phrases
        return True


# A headline line stacked over or under another may run as long as a headline
# (classify.MAX_HEADING); enumeration marks ("上海、浙江、安徽…") are no clause breaks.
STACK_LINE_CHARS = 48
_STACK_COMMAS = "[，,]"
_CLAUSE_MARKS = re.compile(r"[，。；！？,;!?]")
# A short label, a colon, and one phrase: "唐山：协同发展带来新动能", "时间：5月22日".
_LABELLED_LINE = re.compile(r"^[^，。；：:,;]{1,8}[：:][^，。；：:,;]+$")
# A headline block breaks its lines between phrases; prose wrapped by the column may
# break straight after a comma ("…不仅需要针对性地出台政策、提升服务水平等举措，").
_WRAPPED_AFTER = ("，", "、", ",")
_SENTENCE_MARKS = re.compile(r"[。；！？;!?]")


# How a kicker hands over to its headline: "…指导强调", "…院长张定宇——", "菲氏叶猴：".
_KICKER_SIGN = re.compile(r"(强调|指出|表示|要求|提出|时说|——|--|：|:)$")


def _announced_headline(run: list[Line]) -> bool:
    """A last line with one comma is still a headline when the line above announces it
    ("…指导强调" / "关口前移，为群众守好健康之门") or a column's name follows it."""
    last = run[-1].text
    return (
        len(run) >= 2
        and len(_CLAUSE_MARKS.findall(last)) == 1
        and "，" in last
        and bool(_KICKER_SIGN.search(run[-2].text) or COLUMN_TAG.search(last))
    )


def _wrapped_prose(run: list[Line], full: dict[int, bool]) -> bool:
    """Lines that each fill the column, with a comma among them, are a sentence
    wrapped by the column ("…看到村民们创业致富的身" / "影，也能感受到…"), not
    headline lines: a kicker, headline and subtitle are each as long as they are, and
    an editor never breaks one inside a word or an enumeration."""
    return (
        all(full.get(ln.number, False) for ln in run[:-1])
        and any(re.search(_STACK_COMMAS, ln.text) for ln in run)
        and any(
            breaks_a_word(a.text, b.text) or _ENUMERATION_CUT.search(a.text)
            for a, b in pairwise(run)
        )
    )


# A line that stops one or two characters into an enumeration's next item
# ("…法治国家、法治政府、法治" / "社会…") was cut by the column, not by an editor.
_ENUMERATION_CUT = re.compile(r"、\w{1,2}$")


def headline_stacks(
    lines: list[Line],
    standalone: Callable[[str], bool] = lambda text: False,
    full: dict[int, bool] | None = None,
) -> set[int]:
    """Lines that open a new line of a headline block: kicker, headline and subtitle
    printed on lines of their own.  A block is two to four lines with no blank line
    between them, set off before by a blank line (or the page's top) and after by a
    blank line, a byline or an indented paragraph.  No line of it has a sentence
    mark, and its last line, the headline or subtitle, has no comma either: prose
    wrapped over two lines ends with a full stop.

    >>> stack = read_lines("正文。\\n\\n市场监管总局要求\\n转供电主体不得截留红利\\n\\n正文")
    >>> sorted(headline_stacks(stack))
    [4]
    >>> page = read_lines("正文。\\n\\n为过冬，各地组织投喂\\n鸥鸟有了饲养员\\n\\n正文")
    >>> sorted(headline_stacks(page))
    [4]
    """

    def headline_like(line: Line) -> bool:
        return (
            4 <= len(line.text) <= STACK_LINE_CHARS
            and not _SENTENCE_MARKS.search(line.text)
            and not re.search(r"[:：].", line.text)  # "序列号:标清14" is a field
            and not ITEM.match(line.text)
            and not line.indent
            and not standalone(line.text)
            and not unbalanced(line.text)  # "（综合本报记者…" goes on
        )

    found: set[int] = set()
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and lines[j].gap == 0 and headline_like(lines[j]):
            j += 1
        run = lines[i:j]
        ends_apart = (
            j == len(lines) or lines[j].gap > 0 or lines[j].indent or standalone(lines[j].text)
        )
        if (
            2 <= len(run) <= 4
            and ends_apart
            and all(headline_like(ln) for ln in run)
            and (not _CLAUSE_MARKS.search(run[-1].text) or _announced_headline(run))
            and not run[-1].text.endswith((":", "："))  # "…业主：" leads into a notice
            and not any(ln.text.endswith(_WRAPPED_AFTER) for ln in run[:-1])
            and sum(len(re.findall(_STACK_COMMAS, ln.text)) for ln in run) <= 2
            and not _wrapped_prose(run, full or {})
        ):
            found.update(ln.number for ln in run[1:])
        i = j
        while i < len(lines) and lines[i].gap == 0:
            i += 1  # a block starts after a blank line only
    return found


def join_blocks(
    lines: list[Line],
    width: int | None = None,
    standalone: Callable[[str], bool] = lambda text: False,
) -> list[Block]:
    """Join broken lines into blocks.  ``width`` is the wrap width (see :func:`wrap_width`).

    A short line printed after an image gap inside an unfinished paragraph is a
    caption: it becomes its own block (``interrupts``) and the paragraph goes on.
    ``standalone`` names lines that are complete in themselves (a byline, a credit).
    """
    flat = "".join("".join(line.text.split()) for line in lines)
    full = {line.number: f for line, f in zip(lines, full_lines(lines), strict=True)}
    stacked = headline_stacks(lines, standalone, full)
    joiner = _Joiner(width, flat, full, standalone)
    joiner.stacked = stacked
    joiner.first_line = lines[0].number if lines else 1
    indented = sum(line.indent for line in lines)
    # A page that indents its paragraphs' first lines tells us where paragraphs start.
    # (when nearly every line is indented, the indent marks nothing)
    uses_indent = indented >= 3 and indented <= 0.9 * len(lines)
    joiner.uses_indent = uses_indent

    def ends_paragraph(after: Line | None) -> bool:
        """Nothing can follow ``after``'s predecessor in its paragraph: a blank line, an
        indented first line or a byline comes next.  (A headline set flush under a
        full line is one line followed by such a start.)"""
        return (
            after is None
            or after.gap > 0
            or (uses_indent and after.indent)
            or standalone(after.text)
        )

    blocks: list[Block] = []
    current: Block | None = None
    pending: list[Block] = []  # captions found inside the current paragraph
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        starts_paragraph = uses_indent and line.indent
        if (
            current is not None
            and not line.level
            and not starts_paragraph
            and line.number not in stacked
            and joiner.is_open(current, line)
        ):
            if (
                line.gap >= 2
                and _is_short_line(line)
                and nxt is not None
                and not nxt.level
                and 1 <= nxt.gap <= 3  # a caption stands alone between blank lines
            ):
                pending.append(Block(line.text, line.number, line.number, line.gap, 0, True))
                continue
            if width is None or (
                line.gap <= 3 and (line.gap < 2 or joiner.cut_mid_sentence(current, line))
            ):
                # Across two blank lines or more (a picture's or a story's gap) only a
                # sentence visibly cut in two runs on.
                current.extend(line)
                continue
        elif (
            current is not None
            and not line.level
            and not starts_paragraph
            and line.gap == 0
            and ends_sentence(current.tail)
            and not ITEM.match(line.text)
            and not (
                ends_paragraph(nxt)
                and (not _CLAUSE_MARKS.search(line.text) or COLUMN_TAG.search(line.text))
            )
            and joiner.fills_column(current)
            and not has_inner_space(current.tail)
            and not standalone(line.text)
        ):
            # A full line ending a sentence, with the next line straight after it:
            # more often a sentence end inside a paragraph than a paragraph end.
            current.extend(line)
            continue
        if current is not None:
            blocks.append(current)
            blocks.extend(pending)
            pending = []
        current = Block(line.text, line.number, line.number, line.gap, line.level)
        current.indent = line.indent
    if current is not None:
        blocks.append(current)
        blocks.extend(pending)
    return blocks
