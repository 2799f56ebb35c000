"""What a page's own furniture says about it: the paper, the issue date, 第N版 and 版名.

Only lines the cutter already sets aside as page furniture
(:func:`newsprint.cut.classify.is_furniture`: a masthead with a date and weekday, a
running head with ``第N版``) are read, so a sentence that mentions another paper's
page ("巴南经验登上人民日报第1版") is never taken for this page's masthead.

>>> m = read_masthead("巴南日报 2023年4月20日 星期四\\n正文。\\n巴南日报 第03版：要闻")
>>> m.paper, m.date, m.page_no, m.page_name
('巴南日报', '2023-04-20', 3, '要闻')
>>> read_masthead("巴南经验登上人民日报第1版。") == Masthead()
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..cut.classify import is_furniture

# Chinese numerals a page number may be printed in ("第十二版").
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_FOLD = str.maketrans("０１２３４５６７８９：｜", "0123456789:|")
_PAGE = re.compile(r"第\s*([0-9一二三四五六七八九十〇]{1,3})\s*版")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A paper's name: a few words ending in 报 (日报, 晚报, 时报 …), optionally in 《》.
_PAPER = re.compile(r"《?([\u4e00-\u9fff]{1,12}报)》?$")
# After 第N版: a separator, then the page's name ("要闻", "区县新闻").
_PAGE_NAME = re.compile(r"^[\s:|·—\-=*_~－＝]*([\u4e00-\u9fffA-Za-z0-9·]{2,12})")
_CUT = " \t|·—-=*_~－＝"


@dataclass(frozen=True)
class Masthead:
    """Fields one page's furniture gives (``None``: it does not say) and the line each came from."""

    paper: str | None = None
    date: str | None = None  # YYYY-MM-DD: a masthead always prints the day
    page_no: int | None = None
    page_name: str | None = None
    lines: tuple[tuple[str, str], ...] = ()  # (field, the furniture line it was read from)

    def evidence(self, name: str) -> str | None:
        """The furniture line ``name`` was read from."""
        return next((line for key, line in self.lines if key == name), None)


def chinese_number(text: str) -> int | None:
    """A page number as printed: ``"03"``, ``"十二"``, ``"二十"``.

    >>> chinese_number("03"), chinese_number("十二"), chinese_number("二十一"), chinese_number("八")
    (3, 12, 21, 8)
    """
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_DIGITS.get(tens, 1) if tens else 1) * 10 + (_DIGITS.get(ones, 0) if ones else 0)
    if all(c in _DIGITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))
    return None


def _paper_before(line: str, end: int) -> str | None:
    """The paper name printed just before position ``end`` of ``line``, if any."""
    m = _PAPER.search(line[:end].strip(_CUT))
    return m.group(1) if m else None


def _read_line(line: str) -> dict[str, object]:
    """Fields of one furniture line.

    >>> _read_line("第 12 版 | 区县新闻")
    {'page_no': 12, 'page_name': '区县新闻'}
    >>> _read_line("《永川日报》 2024年7月9日 星期二 第5期")
    {'paper': '永川日报', 'date': '2024-07-09'}
    """
    found: dict[str, object] = {}
    date = _DATE.search(line)
    if date:
        try:
            found_date = dt.date(*map(int, date.groups()))
        except ValueError:
            found_date = None
        if found_date is not None:
            if paper := _paper_before(line, date.start()):
                found["paper"] = paper
            found["date"] = found_date.isoformat()
    page = _PAGE.search(line)
    if page:
        number = chinese_number(page.group(1))
        if number:
            if "paper" not in found and (paper := _paper_before(line, page.start())):
                found["paper"] = paper
            found["page_no"] = number
            name = _PAGE_NAME.match(line[page.end() :])
            if name and not _DATE.search(name.group(1)):
                found["page_name"] = name.group(1)
    return found


def read_masthead(text: str) -> Masthead:
    """The masthead fields of a page: the first furniture line giving each field wins."""
    fields: dict[str, object] = {}
    lines: list[tuple[str, str]] = []
    for raw in text.split("\n"):
        line = raw.strip().translate(_FOLD)
        if not line or not is_furniture(raw.strip()):
            continue
        for key, value in _read_line(line).items():
            if key not in fields:
                fields[key] = value
                lines.append((key, raw.strip()))
    return Masthead(**fields, lines=tuple(lines))  # type: ignore[arg-type]
