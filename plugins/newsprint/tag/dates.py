"""When a page was published, as precisely as the page says and no more.

Sidecar
    An editor who knows the date writes it next to the raw page, as
    ``<name>.meta.toml`` (or ``<name>.meta.json``) beside ``<name>.txt``::

        paper = "巴南日报"   # optional
        date = "2023-04-20"  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a TOML date works too
        page = 3             # optional
        page_name = "要闻"    # optional

    The issue date (sidecar, then the folder, then the masthead: see
    :mod:`newsprint.tag.page_model`) always wins over the text.

Rules for the text, in order (see :func:`page_date`):

1. **Dateline.** A full date standing alone on a line, or alone in brackets
   ("(2023年4月20日)"), is the page's dateline or a notice's signature: the
   latest such date is the publication day.
2. **Current year.** Every "YYYY年" is read in its clause:
   after 到/至/力争 it is a target, and inside a range (2023—2027年) a plan period:
   both are ignored; "过去的2023年" means the page is from 2024; a year whose
   clause speaks of the future (将/计划/预计 …) is a *plan year*; any other
   year is a *reported year*. The current year is the latest of all of these.
3. **Month.** Events of the current year — "今年4月", "YYYY年7月" in the current
   year, and bare "7月1日" — happened before the page was printed; the latest
   such month (ignoring months in future-tense clauses and after 去年/每年) is
   a lower bound for the publication month, and newspapers report recent events,
   so it is taken as the page's month. This is only done when the current year
   is a *reported* year: if the year is known only from plans ("2022年将…") the
   page may be from the year before, and a bare month cannot be tied to a year.
4. Otherwise the page gets the current year, or ``None`` when it names no year.

A day is only ever given by rule 1 or a sidecar; event days are never promoted
to a publication day.

>>> page_date("(2023年4月20日)\\n19:35 新闻")
PageDate(value='2023-04-20', precision='day', evidence='(2023年4月20日)')
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..posts.rawfiles import SIDECAR_SUFFIXES, sidecar_names
from ..text import HARD_WRAP, SENTENCE_END

__all__ = ["PageDate", "load_sidecar", "page_date", "sidecar_date"]


@dataclass(frozen=True)
class PageDate:
    """A publication date: ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY".

    >>> PageDate("2024-07", "month", "7月1日").year
    2024
    """

    value: str
    precision: str  # "day" | "month" | "year"
    evidence: str

    @property
    def year(self) -> int:
        return int(self.value[:4])


# ---- sidecar -------------------------------------------------------------


def load_sidecar(path: Path) -> dict[str, Any] | None:
    """Read the metadata sidecar of a raw page (or the sidecar file itself).

    Returns ``None`` when there is none; a malformed sidecar raises ValueError.

    >>> load_sidecar(Path("/nonexistent/001_page.txt")) is None
    True
    """
    path = Path(path)
    if path.name.endswith(SIDECAR_SUFFIXES):
        candidates = [path]
    else:
        candidates = [path.with_name(name) for name in sidecar_names(path.name)]
    for c in candidates:
        if not c.is_file():
            continue
        raw = c.read_text("utf-8")
        try:
            data = tomllib.loads(raw) if c.suffix == ".toml" else json.loads(raw)
        except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{c.name}: {exc}") from exc
        if not isinstance(data, dict):
            raise ValueError(f"{c.name}: expected a table of keys")
        return data
    return None


# Years a sidecar may give: the first Chinese newspapers (1815) to well past today.
SIDECAR_YEARS = (1800, 2100)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def sidecar_date(value: object) -> PageDate:
    """The date a sidecar gives, or ValueError when it is not a real calendar date.

    >>> sidecar_date("2024-7").value
    '2024-07'
    >>> sidecar_date("0000")
    Traceback (most recent call last):
    ValueError: sidecar date '0000' is not a real date (year 0 is out of range)
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PageDate(value.isoformat(), "day", "sidecar")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"sidecar date {value!r} is a {type(value).__name__}, not a date")
    m = _ISO.match(str(value).strip())
    if not m:
        raise ValueError(f"sidecar date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = m.groups()
    try:
        dt.date(int(y), int(mo or 1), int(d or 1))
    except ValueError as exc:
        raise ValueError(f"sidecar date {value!r} is not a real date ({exc})") from None
    if not SIDECAR_YEARS[0] <= int(y) <= SIDECAR_YEARS[1]:
        raise ValueError(f"sidecar date {value!r}: no newspaper of ours is from the year {y}")
    if d:
        return PageDate(dt.date(int(y), int(mo), int(d)).isoformat(), "day", "sidecar")
    if mo:
        return PageDate(f"{y}-{int(mo):02d}", "month", "sidecar")
    return PageDate(y, "year", "sidecar")


# ---- text ----------------------------------------------------------------

_STANDALONE = re.compile(
    r"^[ \t]*\(?[ \t]*(\d{4})年(\d{1,2})月(\d{1,2})日[ \t]*\)?[ \t]*$", re.MULTILINE
)
_BRACKETED = re.compile(r"\((\d{4})年(\d{1,2})月(\d{1,2})日\)")
_CLAUSE_END = re.compile(r"[,，。;；!！?？:：\n]")
_YEAR = re.compile(r"(?<!\d)(\d{4})年(?!代)")
_RANGE = re.compile(r"(?<!\d)\d{4}年?\s*[—–\-~～至到]+\s*\d{4}年")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})月")
# Word lists an editor extends: data/dates.toml.
_WORDS = tomllib.loads(resources.files("newsprint").joinpath("data/dates.toml").read_text("utf-8"))


def _words(name: str) -> str:
    return "|".join(map(re.escape, _WORDS[name]))


_FUTURE = re.compile(_words("future"))
_TARGET = re.compile(rf"(?:{_words('target')})\s*$")
_RETRO = re.compile(rf"(?:{_words('retrospective')})\s*$")
_NOT_THIS_YEAR = re.compile(rf"(?:{_words('not_this_year')})\s*$")


# Full-width digits and brackets, folded one for one so positions keep meaning.
_FOLD = str.maketrans("０１２３４５６７８９（）", "0123456789()")


def _prepare(text: str) -> str:
    return HARD_WRAP.sub("", text.translate(_FOLD))


def _span(text: str, pos: int, ends: re.Pattern[str]) -> tuple[int, int]:
    """Start and end of the clause or sentence around ``pos``."""
    start = max((m.end() for m in ends.finditer(text, 0, pos)), default=0)
    m = ends.search(text, pos)
    return start, (m.start() if m else len(text))


def _snippet(text: str, pos: int) -> str:
    start, end = _span(text, pos, SENTENCE_END)
    s = text[start:end].strip()
    return s if len(s) <= 60 else s[:60] + "…"


def _dateline(text: str) -> PageDate | None:
    found: list[tuple[dt.date, str]] = []
    for rx in (_STANDALONE, _BRACKETED):
        for m in rx.finditer(text):
            try:
                d = dt.date(*map(int, m.groups()))
            except ValueError:
                continue
            found.append((d, m.group().strip()))
    if not found:
        return None
    day, ev = max(found)
    return PageDate(day.isoformat(), "day", ev)


def _clause_is_future(text: str, pos: int) -> bool:
    """Does the clause at ``pos`` speak of the future? A clause that is only a
    year ("2022年，巴南区将…") takes the tense of the clause after it."""
    start, end = _span(text, pos, _CLAUSE_END)
    clause = text[start:end]
    if re.fullmatch(r"\s*\d{4}年\s*", clause):
        clause = ""
        while end < len(text) and not clause.strip():
            start, end = end + 1, _span(text, end + 1, _CLAUSE_END)[1]
            clause = text[start:end]
    return bool(_FUTURE.search(clause))


@dataclass(frozen=True)
class _Year:
    year: int
    reported: bool  # False for a plan year
    pos: int


def _years(text: str) -> list[_Year]:
    in_range = {i for m in _RANGE.finditer(text) for i in range(m.start(), m.end())}
    out = []
    for m in _YEAR.finditer(text):
        year, pos = int(m.group(1)), m.start()
        if pos in in_range or not 1900 <= year <= 2100:
            continue
        before = text[max(0, pos - 6) : pos]
        if _TARGET.search(before):
            continue
        if _RETRO.search(before):
            out.append(_Year(year + 1, True, pos))
        else:
            out.append(_Year(year, not _clause_is_future(text, pos), pos))
    return out


def _latest_month(text: str, year: int) -> tuple[int, int] | None:
    """Latest (month, position) of a past event in ``year``, if any."""
    best: tuple[int, int] | None = None
    for m in _MONTH.finditer(text):
        month, pos = int(m.group(1)), m.start()
        if not 1 <= month <= 12 or _clause_is_future(text, pos):
            continue
        before = text[max(0, pos - 6) : pos]
        if _NOT_THIS_YEAR.search(before):
            continue
        explicit = re.search(r"(\d{4})年\s*$", before)
        if explicit:
            if int(explicit.group(1)) != year:
                continue
        elif not before.endswith("今年"):
            # A bare month: not if its sentence names another year before it.
            s_start, _ = _span(text, pos, SENTENCE_END)
            named = {int(y) for y in _YEAR.findall(text[s_start:pos])}
            if named - {year}:
                continue
        if best is None or month > best[0]:
            best = (month, pos)
    return best


def page_date(text: str, sidecar: Mapping[str, Any] | None = None) -> PageDate | None:
    """Publication date of a page from its sidecar or its text (rules above).

    >>> page_date("过去的2023年，全区招商成效显著。")
    PageDate(value='2024', precision='year', evidence='过去的2023年，全区招商成效显著')
    >>> page_date("今年4月，签约项目27个。7月1日，该公司获批。2024年一季度，增长9%。").value
    '2024-07'
    >>> page_date("2022年，巴南区将推动产业升级。3月2日，项目开工。").value
    '2022'
    >>> page_date("x", {"date": "2023-04"})
    PageDate(value='2023-04', precision='month', evidence='sidecar')
    """
    if sidecar and sidecar.get("date"):
        return sidecar_date(sidecar["date"])
    # Datelines are lines of their own: look for them before joining wrapped lines.
    found = _dateline(text.translate(_FOLD))
    if found is not None:
        return found
    text = _prepare(text)
    years = _years(text)
    if not years:
        return None
    current = max(years, key=lambda y: (y.year, y.reported))
    if current.reported:
        month = _latest_month(text, current.year)
        if month is not None:
            return PageDate(f"{current.year}-{month[0]:02d}", "month", _snippet(text, month[1]))
    return PageDate(str(current.year), "year", _snippet(text, current.pos))


#: Characters of an ISO date that each precision keeps.
_ISO_WIDTH = {"year": 4, "month": 7, "day": 10}


def iso_at_precision(value: dt.date | None, precision: str | None = "day") -> str:
    """A date as ISO text cut to what the page gives; "" when the page gives none.

    Posts store a full date for Pelican (a month page's first day, 1970-01-01 when
    the page names no year); every view of a date goes through here or
    :func:`chinese_at_precision`, so that padding is never shown.

    >>> iso_at_precision(dt.date(2024, 7, 1), "month")
    '2024-07'
    >>> iso_at_precision(dt.date(1970, 1, 1), "unknown")
    ''
    """
    if value is None or precision == "unknown":
        return ""
    return value.strftime("%Y-%m-%d")[: _ISO_WIDTH.get(precision or "day", 10)]


def chinese_at_precision(value: dt.date | None, precision: str | None = "day") -> str:
    """A date for readers, as precisely as the page gives it.

    >>> chinese_at_precision(dt.date(2024, 7, 1), "month")
    '2024年7月'
    >>> chinese_at_precision(dt.date(2024, 7, 9))
    '2024年7月9日'
    >>> chinese_at_precision(dt.date(1970, 1, 1), "unknown")
    '日期不详'
    """
    if value is None or precision == "unknown":
        return "日期不详"
    if precision == "year":
        return f"{value.year}年"
    if precision == "month":
        return f"{value.year}年{value.month}月"
    return f"{value.year}年{value.month}月{value.day}日"
