"""Which district an article is about.

The gazetteer (``data/districts.toml``) lists Chongqing's 38 county-level
divisions and the functional areas papers report on (重庆高新区, 两江新区 …).
:func:`detect_district` weighs the evidence a page offers, strongest first:

1. a headline prefix — district papers print "巴南 一切围绕招商转 …";
2. a lone district label printed beside the article;
3. the unit in a byline — "北碚区融媒体中心 张霞", "沙坪坝报通讯员";
4. mentions in title and body (names, towns, landmarks), only when one district
   clearly dominates.

>>> detect_district("永川 下足绣花功夫", "城市管理工作一头连着发展。")
DistrictGuess(name='永川区', evidence='headline prefix', score=1.0)
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..text import HAN_COMMON

__all__ = [
    "District",
    "DistrictGuess",
    "Gazetteer",
    "count_mentions",
    "detect_district",
    "district_slug",
    "load_gazetteer",
]

# Evidence labels, also the order in which detect_district tries them.
HEADLINE = "headline prefix"
LABEL = "label"
BYLINE = "byline unit"
MENTIONS = "mentions"

#: How sure each kind of evidence is (``DistrictGuess.score``): a headline prefix
#: ("巴南 …") is the page's own label for the article; a printed district label is
#: nearly that; a byline unit names who wrote it, usually but not always about
#: their own district; counted mentions are never surer than MENTIONS_MAX_SCORE.
EVIDENCE_SCORE = {HEADLINE: 1.0, LABEL: 0.9, BYLINE: 0.8}
MENTIONS_MAX_SCORE = 0.7
#: A name in the headline counts as this many mentions in the text.
TITLE_MENTION_WEIGHT = 2
#: Mentions decide only when the leading district is named at least this often …
MIN_MENTIONS = 2
#: … and this many times as often as the next one ("巴南区和永川区代表" decides nothing).
MENTION_LEAD = 2

_CJK = HAN_COMMON
# A hard wrap between two CJK characters is not a word break.
_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]*\r?\n[ \t\u3000]*(?=[{_CJK}])")
_SPACE = re.compile(r"[\s\u3000]+")


def normalise(text: str) -> str:
    """Fold full-width forms and join hard-wrapped CJK lines, for matching only.

    >>> normalise("西部（重庆）科学城\\n江津园区")
    '西部(重庆)科学城江津园区'
    """
    return _WRAP.sub("", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class District:
    """One entry of the gazetteer.

    >>> load_gazetteer().lookup("巴南").slug
    'banan'
    """

    name: str
    short: str
    slug: str
    kind: str
    aliases: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    short_is_word: bool = False

    def names(self) -> tuple[str, ...]:
        """Names that identify the district itself (full, short, aliases)."""
        return (self.name, self.short, *self.aliases)


class DistrictGuess(NamedTuple):
    """The district an article is about, why we think so, and how sure (0–1)."""

    name: str
    evidence: str
    score: float


@dataclass(frozen=True)
class Gazetteer:
    """All districts, with a name index and a mention matcher.

    >>> gaz = load_gazetteer()
    >>> gaz.lookup("棠城").name, gaz.lookup("巫山县").kind
    ('永川区', '县')
    >>> gaz.lookup("高新区") is None
    True
    """

    districts: tuple[District, ...]
    _by_name: dict[str, District] = field(init=False, repr=False, compare=False)
    _mention_of: dict[str, District | None] = field(init=False, repr=False, compare=False)
    _matcher: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name: dict[str, District] = {}
        for d in self.districts:
            for n in d.names():
                by_name.setdefault(normalise(n), d)
        object.__setattr__(self, "_by_name", by_name)

        # name -> district, or None for a blocker (a word containing a name that
        # does not mean it, or a town two districts share).
        owners: dict[str, set[str]] = {}
        district_of: dict[str, District] = {d.name: d for d in self.districts}
        blockers: set[str] = set()
        for d in self.districts:
            names: list[str] = [d.name, *d.aliases, *d.towns, *d.places]
            if not d.short_is_word:
                names.append(d.short)
            for n in names:
                owners.setdefault(normalise(n), set()).add(d.name)
            blockers.update(normalise(w) for w in d.not_in)
        mention_of: dict[str, District | None] = {}
        for n, who in owners.items():
            mention_of[n] = district_of[next(iter(who))] if len(who) == 1 else None
        for b in blockers:
            mention_of.setdefault(b, None)
        object.__setattr__(self, "_mention_of", mention_of)
        # Longest alternative first, so 江北国际机场 wins over 江北 at one position.
        ordered = sorted(mention_of, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, ordered)))
        object.__setattr__(self, "_matcher", pattern)

    def lookup(self, name: str) -> District | None:
        """Find a district by full name, short name or alias (not by town)."""
        return self._by_name.get(normalise(_SPACE.sub("", name)))

    def mentions(self, text: str) -> Iterable[District]:
        """Yield the district of every place name in ``text``, left to right.

        >>> [d.short for d in load_gazetteer().mentions("河南岸的巴南区一品街道")]
        ['巴南', '巴南']
        """
        for m in self._matcher.finditer(normalise(text)):
            d = self._mention_of[m.group()]
            if d is not None:
                yield d


@cache
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load (once) the gazetteer shipped in ``data/districts.toml``, or ``path``."""
    if path is None:
        raw = resources.files("newsprint").joinpath("data/districts.toml").read_text("utf-8")
    else:
        raw = Path(path).read_text("utf-8")
    entries = tomllib.loads(raw)["district"]
    return Gazetteer(
        tuple(
            District(
                name=e["name"],
                short=e["short"],
                slug=e["slug"],
                kind=e["kind"],
                aliases=tuple(e.get("aliases", ())),
                towns=tuple(e.get("towns", ())),
                places=tuple(e.get("places", ())),
                not_in=tuple(e.get("not_in", ())),
                short_is_word=bool(e.get("short_is_word", False)),
            )
            for e in entries
        )
    )


def count_mentions(text: str, gazetteer: Gazetteer | None = None) -> Counter[str]:
    """Count place-name mentions per district in ``text``.

    >>> count_mentions("江北国际机场位于渝北区，不在江北区。")
    Counter({'渝北区': 2, '江北区': 1})
    """
    gaz = gazetteer or load_gazetteer()
    return Counter(d.name for d in gaz.mentions(text))


def _headline_prefix(title: str, gaz: Gazetteer) -> District | None:
    tokens = _SPACE.split(title.strip())
    if len(tokens) < 2:
        return None
    head = tokens[0]
    half = len(head) // 2
    if len(head) % 2 == 0 and head[:half] == head[half:]:
        head = head[:half]  # "南川南川": the layout printed the label twice
    return gaz.lookup(head)


def _single(districts: Iterable[District]) -> District | None:
    found = {d.name: d for d in districts}
    return next(iter(found.values())) if len(found) == 1 else None


def detect_district(
    title: str,
    body: str,
    bylines: Sequence[str] = (),
    labels: Sequence[str] = (),
) -> DistrictGuess | None:
    """Guess the district an article is about, or ``None`` if nothing is clear.

    >>> detect_district("通讯", "北碚区今年…", bylines=["北碚区融媒体中心 张霞"])
    DistrictGuess(name='北碚区', evidence='byline unit', score=0.8)
    >>> detect_district("会议", "巴南区和永川区代表参会。") is None
    True
    """
    gaz = load_gazetteer()
    d = _headline_prefix(title, gaz)
    if d is not None:
        return DistrictGuess(d.name, HEADLINE, EVIDENCE_SCORE[HEADLINE])
    d = _single(x for x in (gaz.lookup(label) for label in labels) if x is not None)
    if d is not None:
        return DistrictGuess(d.name, LABEL, EVIDENCE_SCORE[LABEL])
    d = _single(m for b in bylines for m in gaz.mentions(b))
    if d is not None:
        return DistrictGuess(d.name, BYLINE, EVIDENCE_SCORE[BYLINE])

    counts = count_mentions(body, gaz)
    for name, n in count_mentions(title, gaz).items():
        counts[name] += TITLE_MENTION_WEIGHT * n
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top_name, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top < MIN_MENTIONS or top < MENTION_LEAD * second:
        return None
    share = top / sum(counts.values())
    score = min(MENTIONS_MAX_SCORE, MENTIONS_MAX_SCORE * share)
    return DistrictGuess(top_name, MENTIONS, round(score, 2))


def district_slug(name: str) -> str:
    """URL slug for a district; unknown names fall back to their pinyin.

    >>> district_slug("巴南区"), district_slug("巫山"), district_slug("石柱土家族自治县")
    ('banan', 'wushan', 'shizhu')
    >>> district_slug("某某区")
    'mou-mou-qu'
    """
    from ..posts.slugs import pinyin_slug

    d = load_gazetteer().lookup(name)
    if d is not None:
        return d.slug
    return pinyin_slug(normalise(name)) or "unknown"
