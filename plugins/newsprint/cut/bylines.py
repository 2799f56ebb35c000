"""Bylines, credits and sources: who wrote or photographed an article, and where it came from.

Bylines come in many forms: "王彩艳 罗莎 张雲亮", "重庆日报首席记者 陈维灯",
"□新重庆—重庆日报首席记者 陈维灯", "大足区融媒体中心 瞿波 摄", "沙坪坝报通讯员
张成勇 摄影报道", or run into the end of the last paragraph ("…新格局。通讯员 侯兰").
Authors are person names only; units and roles are kept in the byline text.

>>> parse_byline("重庆日报首席记者 陈维灯").names
('陈维灯',)
>>> parse_byline("一路繁花 一路景") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..text import ENCLOSED, HAN_COMMON

_HAN = f"[{HAN_COMMON}]"
_MARKS = "□■●◎◆"
_ROLE = re.compile(
    r"(首席记者|本报记者|特约记者|见习记者|记者|特约通讯员|通讯员|实习生|编辑|摄影记者|摄影)$"
)
_UNIT = re.compile(r"(融媒体中心|新闻中心|日报|晚报|报社|报|电视台|广播电视台|记者站|宣传部|网)$")
_ROLE_TEXT = r"[^\s（()）\d]*?(?:记者|通讯员|实习生|特约)"  # "本报记者", "特约通讯员"
_ROLE_NAME = re.compile(rf"^({_ROLE_TEXT})({_HAN}{{2,3}})$")
_ROLE_WORD = re.compile(_ROLE_TEXT)
_CREDITED_NAME = re.compile(rf"(?!报道|摄影|整理|综合|编译){_HAN}{{2,3}}")
_PHOTO = ("摄影报道", "摄影", "摄", "图", "文/图", "图/文", "文图")
_ROLE_SLASH = re.compile(r"(?<![^\s])(文|图|摄|摄影|记者|通讯员|编辑|撰稿)\s*[/／:：]\s*(?=\S)")
_NAME_CREDIT = re.compile(rf"^({_HAN}{{2,4}})(?:摄影报道|摄影|摄)$")
_PHOTO_COLUMN = re.compile(r"(?<=[摄道])\s*[（(][^（）()]{2,8}[)）]$")
# A two-character name printed with a space to fill a four-character slot: "王 丹".
_SPACED_NAME = re.compile(rf"(?:(?<=\s)|^)({_HAN})\s+({_HAN})(?=\s|$|摄)")
_CREDIT = re.compile(
    r"^(图片|照片|图)(除署名外|除标注外)?(均)?由.{2,30}提供$|^(据|来源[:：]|转自|稿件来源[:：])\s*《.{2,20}》.{0,10}$"
)
_CAPTION_CREDIT = re.compile(
    rf"\s*摄\s*[/／:：]\s*({_HAN}{{2,4}})$|\s*[（(]\s*({_HAN}{{2,4}})\s*摄\s*[)）]$"
    rf"|(?:\s+|(?<=[。！？”]))((?:本报|特约|新华社)?(?:摄影)?记者\s*)?({_HAN}{{2,4}})\s*摄$"
)
# "本报讯（记者 张三 通讯员 李四）…": the dateline credit that opens many news stories.
_DATELINE_CREDIT = re.compile(
    r"^(?:本报讯|本报[^\s（(]{0,14}电|[^\s（(]{0,6}社[^\s（(]{0,14}电)?\s*[（(]([^（）()]{2,40})[)）]"
)
_INLINE_TAIL = re.compile(
    rf"(?<=[。！？”])\s*((?:[^\s，。！？、；：,“”]*(?:记者|通讯员|融媒体中心)\s*)(?:{_HAN}{{2,3}}\s*){{1,4}}(?:摄影报道|摄影|摄|报道)?)$"
)


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Single- and two-character surnames from ``data/surnames.txt``."""
    text = resources.files("newsprint").joinpath("data/surnames.txt").read_text("utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def looks_like_name(token: str) -> bool:
    """A Chinese personal name: a known surname and one or two more characters.

    >>> looks_like_name("张雲亮"), looks_like_name("欧阳娜娜"), looks_like_name("一路景")
    (True, True, False)
    """
    if not re.fullmatch(rf"{_HAN}{{2,4}}", token):
        return False
    single, double = surnames()
    if len(token) == 4:
        return token[:2] in double
    return token[0] in single or token[:2] in double


@dataclass(frozen=True)
class Byline:
    """A parsed byline: the printed text, person names, and whether it credits a photo."""

    text: str
    names: tuple[str, ...]
    photo: bool = False
    opening: bool = False  # "□" bylines open an article rather than close it


def parse_byline(text: str, is_place=lambda s: False) -> Byline | None:
    """Read ``text`` as a byline, or return None if it is not one.

    >>> parse_byline("大足区融媒体中心 瞿波 摄")
    Byline(text='大足区融媒体中心 瞿波 摄', names=('瞿波',), photo=True, opening=False)
    >>> parse_byline("王彩艳 罗莎 张雲亮").names
    ('王彩艳', '罗莎', '张雲亮')
    >>> parse_byline("□ 何勇").names, parse_byline("记者 莽九晨").names
    (('何勇',), ('莽九晨',))
    >>> parse_byline("王鸿义 陈严雪摄影报道（影像中国）").names
    ('王鸿义', '陈严雪')
    >>> parse_byline("本报记者 戴林峰 王 丹摄影报道").names
    ('戴林峰', '王丹')
    >>> parse_byline("瞿明斌摄（影像中国）").names
    ('瞿明斌',)
    >>> parse_byline("文/图 陈文广 莽九晨").names
    ('陈文广', '莽九晨')
    >>> parse_byline("记者 陈霖摄")
    Byline(text='记者 陈霖摄', names=('陈霖',), photo=True, opening=False)
    >>> parse_byline("文/张三 图/李四").names, parse_byline("（记者 王五）").names
    (('张三', '李四'), ('王五',))
    """
    stripped = text.strip()
    opening = stripped[:1] in _MARKS
    body = stripped.lstrip(_MARKS).strip()
    if body[:1] in "（(" and body[-1:] in "）)":
        body = body[1:-1].strip()  # "（记者 张三）"
    # "文/张三 图/李四", "记者：张三": a role, a slash or colon, a name.
    body = _ROLE_SLASH.sub(r"\1 ", body)
    body = _PHOTO_COLUMN.sub("", body)  # "…摄影报道（影像中国）": the column's name goes
    body = _SPACED_NAME.sub(r"\1\2", body)  # "王 丹摄影报道": a two-character name set wide
    if not body or len(body) > 40 or re.search(r"[，。！？、；：,]", body):
        return None
    names: list[str] = []
    roles = int(opening)  # "□ 何勇": the print mark says byline
    photo = False
    after_role = False  # names follow a reporter's role: "记者 甲 乙"
    for token in body.split():
        credit = _NAME_CREDIT.match(token)
        if token in _PHOTO or token in ("报道", "文"):
            photo = photo or token not in ("报道", "文")
            roles += 1
            after_role = token != "报道"  # "文/图 陈文广 莽九晨": names follow
            continue
        if credit and (looks_like_name(credit.group(1)) or after_role):
            names.append(credit.group(1))  # "陈霖摄", "陈严雪摄影报道"
            photo = True
            roles += 1  # "瞿明斌摄": the credit says what the name did
        elif looks_like_name(token) and not is_place(token):
            names.append(token)
        elif _ROLE.search(token):
            roles += 1
            after_role = True
            continue
        elif _UNIT.search(token):
            roles += 1
        elif (m := _ROLE_NAME.match(token)) and looks_like_name(m.group(2)):
            names.append(m.group(2))
            roles += 1
        elif after_role and re.fullmatch(rf"{_HAN}{{2,4}}", token) and not is_place(token):
            names.append(token)  # any name after a role: 莽九晨, 阿依努尔
            continue
        else:
            return None
        after_role = after_role and token in names  # a run of names after the role
    if not names or (roles == 0 and len(names) < 2):
        return None
    return Byline(stripped, tuple(names), photo, opening)


def split_inline_byline(text: str, is_place=lambda s: False) -> tuple[str, Byline | None]:
    """Split a byline printed at the end of a paragraph off the paragraph.

    >>> body, byline = split_inline_byline("打造社区共建、共治、共享新格局。通讯员 侯兰")
    >>> body, byline.names
    ('打造社区共建、共治、共享新格局。', ('侯兰',))
    """
    match = _INLINE_TAIL.search(text)
    if not match:
        return text, None
    byline = parse_byline(match.group(1), is_place)
    if byline is None:
        return text, None
    return text[: match.start()].rstrip(), byline


def is_credit(text: str) -> bool:
    """Picture credits and sources printed with an article.

    >>> is_credit("图片除署名外由巴南区委宣传部提供"), is_credit("据《重庆日报》")
    (True, True)
    """
    return bool(_CREDIT.match(text.strip()))


def split_caption_credit(text: str) -> tuple[str, str | None, str]:
    """Split a photographer credit off a caption: (caption, photographer, credit as printed).

    >>> split_caption_credit("大美新巴南 摄/刘纪瀛")
    ('大美新巴南', '刘纪瀛', '摄/刘纪瀛')
    >>> split_caption_credit("游客在景区赏花。 本报记者 王磊 摄")
    ('游客在景区赏花。', '王磊', '本报记者 王磊 摄')
    >>> split_caption_credit("学生使用电子课本。 记者 阿依努尔摄")[1]
    '阿依努尔'
    >>> split_caption_credit("这是一句话。 一路景摄")[1] is None
    True
    """
    match = _CAPTION_CREDIT.search(text)
    if not match:
        return text, None, ""
    name = match.group(1) or match.group(2) or match.group(4)
    if not (match.group(1) or match.group(2) or match.group(3)) and not looks_like_name(name):
        # A bare "…。 张三摄" needs a name that looks like one; "记者 阿依努尔摄",
        # "摄/…" and "（… 摄）" say so themselves.
        return text, None, ""
    return text[: match.start()].rstrip(), name, match.group(0).strip()


# "本报北京5月15日电", "新华社仰光1月16日电", "据新华社电", "本报讯": how a story opens.
_DATELINE = re.compile(
    r"^(?:据)?(?:本报|新华社|中新社|人民日报|[^\s，。（(]{2,8}(?:日报|晚报|报))"
    r"(?:[^\s，。（()]{0,14}电|讯)(?=[\s（(]|$)"
)


def opens_story(paragraph: str) -> bool:
    """A paragraph that opens with a dateline: only the first paragraph of a story does.

    >>> opens_story("新华社仰光1月16日电（记者张东强）在…"), opens_story("本报讯 近日，…")
    (True, True)
    >>> opens_story("本报记者从市商务局获悉"), opens_story("据介绍，今年…")
    (False, False)
    >>> opens_story("（新华社北京10月2日电 记者王镜宇）")
    False
    """
    if ENCLOSED.match(paragraph.strip()):
        return False  # "（新华社北京10月2日电 记者王镜宇）" closes a story
    return bool(_DATELINE.match(paragraph)) or bool(dateline_authors(paragraph))


def dateline_authors(paragraph: str) -> list[str]:
    """Reporters named in the dateline credit that opens a story; the text stays in the body.

    >>> dateline_authors("本报讯（记者 张三 通讯员 李四）今年以来，……")
    ['张三', '李四']
    >>> dateline_authors("（2023年4月20日）")
    []
    >>> dateline_authors("据新华社伊斯兰堡2月17日电（记者刘天）据巴基斯坦媒体报道")
    ['刘天']
    >>> dateline_authors("本报某地5月6日电（记者暨明 赵小川）当地时间5日")
    ['暨明', '赵小川']
    """
    match = _DATELINE_CREDIT.match(paragraph)
    if not match or not re.search(r"记者|通讯员|实习生|特约", match.group(1)):
        return []
    names: list[str] = []
    # "（记者 暨明 赵小川）": what follows a role is a name, rare surname or not.
    after_role = False
    for token in re.split(r"[\s、，,/]+", match.group(1)):
        if _ROLE_WORD.fullmatch(token):
            after_role = True
        elif (m := _ROLE_NAME.match(token)) and _CREDITED_NAME.fullmatch(m.group(2)):
            names.append(m.group(2))
            after_role = True
        elif looks_like_name(token) or (after_role and _CREDITED_NAME.fullmatch(token)):
            names.append(token)
        else:
            after_role = False
    return names
