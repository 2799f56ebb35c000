"""Blocks → typed blocks: what each piece of a page is before it is given to an article.

>>> [c.kind.value for c in classify_blocks(join_blocks(read_lines(
...     "巴南 新标题\\n\\n核心提示\\n\\n正文第一句。\\n\\n王彩艳 罗莎")))]
['heading', 'lede_mark', 'body', 'byline']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from ..text import ENCLOSED
from .bylines import Byline, is_credit, parse_byline, split_caption_credit, split_inline_byline
from .dedupe import undouble
from .layout import COLUMN_TAG, Block, ends_sentence, join_blocks, read_lines  # noqa: F401 (doctest)


class Kind(StrEnum):
    BODY = "body"
    HEADING = "heading"  # headline, kicker, subtitle or section heading: decided later
    BYLINE = "byline"
    CREDIT = "credit"
    CAPTION = "caption"
    LEDE_MARK = "lede_mark"  # 核心提示
    SIDEBAR_MARK = "sidebar_mark"  # 链接》》
    LABEL = "label"  # a lone district name printed next to an article
    FURNITURE = "furniture"  # page number, separator, editor credit: not part of any article


@dataclass
class Typed:
    """A block with its kind and, for bylines and captions, what was parsed from it."""

    block: Block
    kind: Kind
    text: str
    byline: Byline | None = None
    credit: str | None = None  # photographer of a caption
    printed_credit: str = ""

    @property
    def line(self) -> int:
        return self.block.first


_LEDE = re.compile(r"^(核心提示|内容提要|导读|编者按)[:：]?$")
_SIDEBAR_NAMES = r"(链接|相关链接|延伸阅读|背景链接|小贴士|记者手记|编后|编后语)"
_SIDEBAR = re.compile(rf"^{_SIDEBAR_NAMES}\s*[》>:：]*$")
# "凝聚更多共识（记者手记）": a sidebar's own headline, printed inside the story it goes with.
_SIDEBAR_HEADLINE = re.compile(rf"[（(]{_SIDEBAR_NAMES}[)）]$")
_PICTURE = re.compile(r"^(图为|上图|下图|左图|右图|图一|图二|组图)[：:，,\s]?")
_LISTING = re.compile(r"^\d{1,2}[:：]\d{2}\s")
_DATELINE = re.compile(r"^[（(]?\d{4}年\d{1,2}月\d{1,2}日[)）]?$")
_QUESTION_HEADLINE = re.compile(r"^[^。！？,.!?；;：:]{3,20}[？！?!]$")
_KEY_VALUE = re.compile(r"^.{1,20}[:：].+")
# Headlines run long (two-part ones past 40 characters); body text that long has a full stop.
MAX_HEADING = 48
LONG_HEADING = 72  # a title of a law or decision, with no comma: listed parts only
# A caption is a sentence or two; a longer text ending in a credit is a paragraph + byline.
MAX_CAPTION = 60
# Blank lines a picture leaves: a short line after a hole this big is its caption.
# Articles are set apart by fewer (one or two), so a headline is not mistaken for one.
IMAGE_GAP = 3
_PAGE_NO = r"第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版[-=*_~—－＝\s]*"
_FURNITURE = re.compile(
    r"^[-=*_~—－＝·.]{3,}$"
    # "第3版", "第03版：要闻", "巴南日报 第3版": the page number stands apart from any words
    # before it and is followed only by a page name ("第3版块建设完成。" is body text).
    rf"|^(.{{0,20}}[\s|｜·]|[-=*_~—－＝\s]*){_PAGE_NO}(\s*[:：|｜\s][^。！？，；]{{0,12}})?$"
    r"|^.{0,16}\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天].{0,20}$"  # masthead
    r"|^(责任编辑|责编|编辑|美编|校对|版式设计|组版|审读|视觉设计|题图设计|题图|插图|制图|本版制图)\s*[:：\s]\s*\S{2,4}(\s+\S{1,6}\s*[:：\s]\s*\S{2,4})*$"
)


def is_furniture(text: str) -> bool:
    """Page numbers, separators and editor credits: printed on the page, part of no article.

    >>> is_furniture("第3版"), is_furniture("责任编辑：张三 美编：李四")
    (True, True)
    >>> is_furniture("第3版块建设完成。"), is_furniture("巴南经验登上人民日报第1版")
    (False, False)
    >>> is_furniture("巴南日报 第03版：要闻"), is_furniture("—— 第 12 版 ——")
    (True, True)
    >>> is_furniture("巴南日报 2023年4月20日 星期四 农历三月初一")
    True
    """
    return len(text) <= 40 and bool(_FURNITURE.match(text.strip()))


def is_heading_like(text: str) -> bool:
    """Short, without sentence-final punctuation: a headline, kicker, heading or caption.

    >>> is_heading_like("聚焦招大引强 招商质效更优"), is_heading_like("重大项目是重要引擎。")
    (True, False)
    >>> is_heading_like("（本报约翰内斯堡5月15日电）"), is_heading_like("南方为何出现连阴雨？")
    (False, True)
    """
    core = COLUMN_TAG.sub("", text)  # "书，不加塑封可以吗？（说道）" → "书，不加塑封可以吗？"
    if _QUESTION_HEADLINE.match(core) and core.count("，") <= 1:
        return True  # "南方为何出现连阴雨？": a short question or cry, one clause or two
    if ends_sentence(text) or re.search(r"[。！？][^”’」』）)]", text):
        return False
    if len(text) <= 2 * MAX_HEADING + 2:
        text = undouble(text)[0]  # a headline printed twice is judged once
    core = COLUMN_TAG.sub("", text)  # (a column's name may be long: "（守初心 担使命 …）")
    if len(core) > MAX_HEADING and (len(core) > LONG_HEADING or re.search(r"[，,；;：:]", core)):
        # Only an enumerating title runs longer: "全国人民代表大会常务委员会关于全面禁止
        # 非法野生动物交易、革除滥食野生动物陋习、切实保障人民群众生命健康安全的决定".
        return False
    if text.count("，") >= 2:
        return False  # clause after clause: prose that lost its full stop
    if _LISTING.match(text) or _DATELINE.match(text) or text.startswith(("▲", "△", "●")):
        return False
    if ENCLOSED.match(text):
        return False  # "（本报北京5月15日电）", "（作者为…）": the last line of a story
    if text.endswith((":", "：")):
        return False  # a salutation or a lead-in ("尊敬的业主：")
    return not (_KEY_VALUE.match(text) and not text.endswith(("》", "”")))


def classify_blocks(
    blocks: list[Block], is_place: Callable[[str], bool] = lambda s: False
) -> list[Typed]:
    """Give every block a :class:`Kind`; split inline bylines off paragraphs."""
    typed: list[Typed] = []
    for block in blocks:
        text = block.text
        if block.level == 0:
            body, byline = split_inline_byline(text, is_place)
            if byline is not None and body and not (byline.photo and len(body) <= MAX_CAPTION):
                # (a short text that ends with a photographer's credit is a caption)
                part = Block(body, block.first, block.last, block.gap, indent=block.indent)
                typed.append(_typed(part, is_place))
                typed.append(Typed(block, Kind.BYLINE, byline.text, byline))
                continue
        typed.append(_typed(block, is_place))
    _labelled_headlines(typed)
    _bylined_sidebars(typed)
    _lead_sentences(typed)
    _colon_kickers(typed)
    _introduced_lines(typed)
    return typed


# A line this long, with a comma and no full stop, printed straight above the text, is
# the story's lead sentence (a commentary's deck), not a headline line: in the rmrb
# corpus 603 of 670 such openings run to 30 characters or more, 116 of 950 headline
# lines with a comma do.
LEAD_MIN_CHARS = 30


def _lead_sentences(typed: list[Typed]) -> None:
    """"在线教育应与线下教育秉持同样的价值追求，那就是实现学生的全面发展" over the text,
    or over a photographer's credit (a photo story's text)."""
    for t, nxt in pairwise(typed):
        if (
            t.kind is Kind.HEADING
            and not t.block.level
            and (
                nxt.kind is Kind.BODY
                or (nxt.kind is Kind.BYLINE and nxt.byline is not None and nxt.byline.photo)
            )
            and ("，" in t.text or "," in t.text)
            and len(t.text) >= LEAD_MIN_CHARS
            and not COLUMN_TAG.search(t.text)
            and not t.text.startswith(("——", "--"))
        ):
            t.kind = Kind.BODY


def _bylined_sidebars(typed: list[Typed]) -> None:
    """A "…（记者手记）" headline with a byline of its own heads a story, printed beside
    the one it goes with; without one it is a sidebar inside that story."""
    for t, nxt in pairwise(typed):
        if (
            t.kind is Kind.SIDEBAR_MARK
            and nxt.kind is Kind.BYLINE
            and _SIDEBAR_HEADLINE.search(t.text)
        ):
            t.kind = Kind.HEADING


def _introduced_lines(typed: list[Typed]) -> None:
    """A line after a paragraph that ends in a colon is what the colon introduces (a
    quotation, a list item), never a headline: "…发出内心感悟：" / "有书相伴，真好！"."""
    for prev, t in pairwise(typed):
        if (
            prev.kind is Kind.BODY
            and prev.text.endswith(("：", ":"))
            and t.kind is Kind.HEADING
            and not t.block.level
        ):
            t.kind = Kind.BODY


def _colon_kickers(typed: list[Typed]) -> None:
    """A short "name：" line printed straight above a headline is its kicker ("宫清华：")."""
    for t, nxt in pairwise(typed):
        if (
            t.kind is Kind.BODY
            and nxt.kind is Kind.HEADING
            and nxt.block.gap == 0
            and t.text.endswith(("：", ":"))
            and len(t.text) <= 20
            and not re.search(r"[，。！？；,;]", t.text)
        ):
            t.kind = Kind.HEADING


# Labels that name a field, not a subject: "数据来源：…" closes a story, "时间：…" is a notice's.
FIELD_KEYS = frozenset(
    {
        "数据来源",
        "资料来源",
        "来源",
        "图片来源",
        "时间",
        "地点",
        "地址",
        "电话",
        "联系人",
        "联系电话",
        "网址",
        "邮箱",
        "主办",
        "承办",
        "协办",
        "作者",
        "编者",
        "制图",
        "摄影",
        "版式设计",
        "本版统筹",
        "策划",
        "执笔",
    }
)


# An e-mail or web address: "栏目投稿邮箱：yx@163.com" is a contact line, never a headline.
_ADDRESS = re.compile(r"\S@\S|https?://|www\.", re.IGNORECASE)


def _labelled_headlines(typed: list[Typed]) -> None:
    """A "label：text" line alone between paragraphs is a headline ("黑龙江：多措并举线上备考");
    in a run of such lines it is a field of a notice ("时间：5月22日下午")."""

    def field_like(t: Typed | None) -> bool:
        return t is not None and t.kind is Kind.BODY and bool(_KEY_VALUE.match(t.text))

    for i, t in enumerate(typed):
        prev = typed[i - 1] if i else None
        nxt = typed[i + 1] if i + 1 < len(typed) else None
        if (
            field_like(t)
            and not re.split(r"[:：]", t.text, maxsplit=1)[0].strip().endswith(tuple(FIELD_KEYS))
            and not _ADDRESS.search(t.text)
            and not ENCLOSED.match(t.text)  # "（作者单位：…）" is a note, not a headline
            and len(undouble(t.text)[0]) <= MAX_HEADING  # a headline printed twice counts once
            and not re.search(r"[，。！？；、,;\d]", t.text)  # "序列号:标清14、高清209" is data
            and t.block.first == t.block.last
            and not (field_like(prev) and t.block.gap == 0)  # fields print line after line
            and not (field_like(nxt) and nxt.block.gap == 0)
        ):
            t.kind = Kind.HEADING


def _typed(block: Block, is_place: Callable[[str], bool]) -> Typed:
    text = block.text
    if block.level == 0 and is_furniture(text):
        return Typed(block, Kind.FURNITURE, text)
    if _LEDE.match(text):
        return Typed(block, Kind.LEDE_MARK, text)
    if _SIDEBAR.match(text):
        return Typed(block, Kind.SIDEBAR_MARK, text)
    if is_credit(text):
        return Typed(block, Kind.CREDIT, text)
    byline = parse_byline(text, is_place)
    if byline is not None:
        return Typed(block, Kind.BYLINE, text, byline)
    if is_place(text):
        return Typed(block, Kind.LABEL, text)
    caption, credit, printed = split_caption_credit(text)
    if credit is not None and len(caption) <= MAX_CAPTION:
        return Typed(block, Kind.CAPTION, caption, credit=credit, printed_credit=printed)
    if block.level == 0 and _PICTURE.match(text) and len(text) <= 100:
        return Typed(block, Kind.CAPTION, caption, credit=credit, printed_credit=printed)
    if block.level == 0 and is_heading_like(text) and (block.interrupts or block.gap >= IMAGE_GAP):
        return Typed(block, Kind.CAPTION, text)
    if block.level or is_heading_like(text):
        if _SIDEBAR_HEADLINE.search(text):
            return Typed(block, Kind.SIDEBAR_MARK, text)
        return Typed(block, Kind.HEADING, text)
    return Typed(block, Kind.BODY, text)
