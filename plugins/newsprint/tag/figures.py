"""Organisations, projects and money figures named in an article.

Names are found by their ending (…有限公司, …研究院, …项目, …产业园) within a
run of name characters; the name starts after the last *boundary word* (a verb
or particle such as 促成, 签约落户, 与, 的) so the verb before a name is not
swallowed. A candidate is shown only when it is confidently a name (see
:func:`_shown`): it starts on a word boundary, is no description ("技术研发中心",
"平台型重大项目") and no piece of a longer name ("福建医院" of "华山医院福建医院").
On the sample pages that gives precision 1.00 for both kinds against a hand-made
list (recall 0.82 organisations, 0.68 projects; ``tests/test_names.py``).
Suffixes, boundary words and the evidence rules' word lists live in
``data/figures.toml``.

A money amount (亿元, 万元, 元; qualifiers 约/超/近 … kept in ``unit_text``) is
tied to the project named in its sentence — the one right after "…亿元的", or
else the nearest one before it — or, failing that, to the label just before the
number ("签约金额576.15亿元" → 签约金额).

Each amount also gets what it measures (:class:`Measure`: 签约/合同, 计划总投资,
完成投资, 到位资金, 产值/营收, 其他, or 门槛 for "5000万元以上项目", which is no
amount at all) and what it covers (:class:`Scope`: one project, a programme of
projects, or a whole area over a period), and is linked to the amount it is part
of ("…242.48亿元。其中，…183.84亿元" → ``part_of``) or that it restates (the same
measure and value twice in one article → ``restates``). Only amounts of one
measure, each for one named project and part of no other, may be added up: see
:func:`summable`.

>>> [f.subject for f in extract_figures("3月2日，总投资50亿元的惠科显示模组生产线项目开工。")]
['惠科显示模组生产线项目']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jieba

from ..text import HAN_COMMON, HARD_WRAP, SENTENCE_END

__all__ = [
    "Figure",
    "Measure",
    "Scope",
    "extract_figures",
    "extract_organisations",
    "extract_projects",
    "is_investment",
    "parse_number",
    "summable",
]

_NAME_RUN = re.compile(rf"[{HAN_COMMON}A-Za-z0-9·()（）\-+.]+")
_CLAUSE_END = re.compile(r"[，,、：:；;。!！?？\s#“”\"（）()]")


class Measure(StrEnum):
    """What an amount measures. Amounts of different measures are never added."""

    CONTRACT = "签约/合同"  # 签约金额, 合同引资, total investment of projects signed
    PLANNED = "计划总投资"  # 总投资, 计划投资, 拟投资 of projects started or planned
    COMPLETED = "完成投资"  # 完成投资, 实际投资, 固定资产投资 (a realised series)
    PAID_IN = "到位资金"  # money that has arrived of what was contracted
    OUTPUT = "产值/营收"  # output, revenue, tax: not an investment
    OTHER = "其他"  # budgets and anything the label does not place
    THRESHOLD = "门槛"  # "5000万元以上项目": a size class of projects, not an amount


#: The measures that are investments (the figures view shows these).
INVESTMENT_MEASURES = (Measure.CONTRACT, Measure.PLANNED, Measure.COMPLETED, Measure.PAID_IN)


class Scope(StrEnum):
    """What an amount covers. Only single-project amounts can be disjoint."""

    PROJECT = "单个项目"  # one project or one firm's investment
    PROGRAMME = "一批项目"  # a counted or listed set: "签约项目87项，签约金额…"
    PERIOD = "一个时期"  # a whole area over a period: 固定资产投资, 到位资金 …


@dataclass(frozen=True)
class Figure:
    """A money amount in yuan, what it is for, and the sentence it was read from.

    ``label`` is the phrase just before the number (总投资, 签约金额, 年产值 …);
    ``project`` the named project it belongs to, if any. ``part_of`` and
    ``restates`` are indexes into the same article's list of figures.
    """

    subject: str | None
    amount: float
    unit_text: str
    sentence: str
    label: str = ""
    measure: Measure = Measure.OTHER
    scope: Scope = Scope.PROJECT
    project: str | None = None
    part_of: int | None = None
    restates: int | None = None


@dataclass(frozen=True)
class _Vocab:
    org: re.Pattern[str]
    project: re.Pattern[str]
    boundary: re.Pattern[str]
    also_in_names: frozenset[str]
    soft: frozenset[str]
    generic: tuple[str, ...]
    strong: tuple[str, ...]
    generic_heads: tuple[str, ...]
    proper_tags: frozenset[str]
    cut_tags: frozenset[str]
    function_chars: frozenset[str]
    demonstratives: frozenset[str]
    suffixes: tuple[str, ...]
    min_core: int
    investment: tuple[str, ...]
    measures: tuple[tuple[Measure, tuple[str, ...]], ...]
    aggregate: tuple[str, ...]
    period: re.Pattern[str]


def _suffix_pattern(suffixes: list[str], not_followed_by: dict[str, list[str]]) -> re.Pattern[str]:
    alts = []
    for suffix in sorted(suffixes, key=len, reverse=True):
        stop = "|".join(map(re.escape, not_followed_by.get(suffix, ())))
        alts.append(re.escape(suffix) + (f"(?!{stop})" if stop else ""))
    # 制造基地项目: consecutive suffixes end one name
    return re.compile("(?:" + "|".join(alts) + ")+")


@cache
def _vocab() -> _Vocab:
    raw: dict[str, Any] = tomllib.loads(
        resources.files("newsprint").joinpath("data/figures.toml").read_text("utf-8")
    )
    words = sorted(raw["boundary_words"], key=len, reverse=True)
    counted = r"\d+(?:\.\d+)?[余多]?[个项家批位座名所条强]"
    return _Vocab(
        org=_suffix_pattern(raw["org_suffixes"], raw["not_followed_by"]),
        project=_suffix_pattern(raw["project_suffixes"], raw["not_followed_by"]),
        boundary=re.compile("|".join([counted, *map(re.escape, words)])),
        also_in_names=frozenset(raw["also_in_names"]),
        soft=frozenset(raw["soft_boundaries"]),
        generic=tuple(raw["generic_prefixes"]),
        strong=tuple(raw["strong_suffixes"]),
        generic_heads=tuple(raw["generic_heads"]),
        proper_tags=frozenset(raw["proper_noun_tags"]),
        cut_tags=frozenset(raw["cut_tags"]),
        function_chars=frozenset(raw["function_chars"]),
        demonstratives=frozenset(raw["demonstratives"]),
        suffixes=tuple(
            sorted(raw["org_suffixes"] + raw["project_suffixes"], key=len, reverse=True)
        ),
        min_core=int(raw["min_core"]),
        investment=tuple(raw["investment_words"]),
        measures=tuple(
            (Measure(name), tuple(words)) for name, words in raw["measure_words"].items()
        ),
        aggregate=tuple(raw["aggregate_labels"]),
        period=re.compile("|".join(raw["period_words"])),
    )


def _join(text: str) -> str:
    return HARD_WRAP.sub("", text)


def _trim(candidate: str, suffix_len: int, vocab: _Vocab) -> str | None:
    """Cut the left context off a candidate name; None if what is left is no name."""
    core_end = len(candidate) - suffix_len
    cuts: list[tuple[int, str]] = [(0, "")]
    for m in vocab.boundary.finditer(candidate, 0, core_end):
        if m.end() == core_end and m.group() not in vocab.also_in_names:
            return None  # a verb or particle right before the suffix: 抓项目, 依托大学
        cuts.append((m.end(), m.group()))
    # The rightmost cut that leaves a real name: 促成|重庆理工大学. Past a
    # conjunction the name may go on: 诗健ADC抗体药物研发及|产业化项目.
    for cut, word in reversed(cuts):
        core = candidate[cut:core_end]
        if _is_name_core(core, vocab):
            return candidate[cut:]
        if word not in vocab.soft:
            return None
    return None


def _is_name_core(core: str, vocab: _Vocab) -> bool:
    if len(core) < vocab.min_core or core.startswith(vocab.generic):
        return False
    if vocab.boundary.match(core) and not core.startswith(tuple(vocab.also_in_names)):
        return False
    return not re.search(r"\d+(?:\.\d+)?(?:亿|万|个|项|家|级|批)|\d{4}年|级$|^\d+$", core)


def _find(text: str, suffix: re.Pattern[str]) -> list[tuple[str, int, int]]:
    """Every candidate name with its span: (name, start, end)."""
    vocab = _vocab()
    out: list[tuple[str, int, int]] = []
    for run in _NAME_RUN.finditer(text):
        s, last = run.group(), 0
        for m in suffix.finditer(s):
            name = _trim(s[last : m.end()], m.end() - m.start(), vocab)
            if name is not None:
                out.append((name, run.start() + m.end() - len(name), run.start() + m.end()))
            last = m.end()
    return out


def _compounds(names: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A name printed right after another is a unit of it: 中化集团|四川分公司 gives
    中化集团四川分公司 (:func:`_shown` then drops the parts it contains).

    >>> [n for n, _, _ in _compounds([("中化集团", 0, 4), ("四川分公司", 4, 9)])]
    ['中化集团', '中化集团四川分公司']
    """
    out: list[tuple[str, int, int]] = []
    for name, start, end in names:
        if out and out[-1][2] == start:
            prev = out[-1]
            out.append((prev[0] + name, prev[1], end))
        else:
            out.append((name, start, end))
    return out


def _starts_a_word(text: str, start: int) -> bool:
    """Is ``start`` a word boundary in ``text``? A cut after 及 in 及时 is not.

    >>> _starts_a_word("及时掌握项目进展", 1), _starts_a_word("与重庆大学合作", 1)
    (False, True)
    """
    left = max(0, start - 4)
    offset = left
    for token in jieba.lcut(text[left : start + 4], HMM=False):
        if offset < start < offset + len(token):
            return False
        offset += len(token)
    return True


def _core(name: str, vocab: _Vocab) -> str:
    """The name without its endings: 美心集团智能门制造基地项目 → 美心集团智能门制造."""
    core = name
    while (end := next((s for s in vocab.suffixes if core.endswith(s)), None)) and core != end:
        core = core[: -len(end)]
    return core


def _tagged(text: str) -> list:
    """jieba's part-of-speech words of ``text``; its tag table (a second's load) is
    read on first use, not when the module is imported (a rebuild may need none)."""
    import jieba.posseg as pseg

    return pseg.lcut(text, HMM=False)


@lru_cache(maxsize=8192)  # names repeat across articles; jieba's tagging is the cost
def _trim_left(name: str, vocab: _Vocab) -> str:
    """Cut the words before a name that the boundary words missed: a name starts
    after the last conjunction, adverb, pronoun, preposition or time word of two
    or more characters (single ones are often a brand's: 正威, 中法).

    >>> _trim_left("同时中国科学院", _vocab()), _trim_left("正威新材料产业城", _vocab())
    ('中国科学院', '正威新材料产业城')
    """
    core = _core(name, vocab)
    cut = offset = 0
    for w in _tagged(core):
        offset += len(w.word)
        # jieba's tags are guesses (青年 is a time word): never cut the core away
        if w.flag in vocab.cut_tags and len(w.word) > 1 and len(core) - offset >= vocab.min_core:
            cut = offset
    return name[cut:]


@lru_cache(maxsize=8192)
def _is_proper(name: str, vocab: _Vocab) -> bool:
    """Does ``name`` look like a proper name rather than a description?

    The part before the endings must hold evidence of a name: a brand's
    character, a proper noun, or — for the strong endings (有限公司, 大学 …),
    which rarely end a description — a place.

    >>> v = _vocab()
    >>> _is_proper("技术研发中心", v), _is_proper("智翔金泰抗体药物研发中心", v)
    (False, True)
    >>> _is_proper("重庆理工大学", v), _is_proper("平台型重大项目", v), _is_proper("传染病医院", v)
    (True, False, False)
    """
    core = _core(name, vocab)
    strong = name.endswith(vocab.strong)
    if core.endswith(vocab.generic_heads) and not strong:
        return False
    words = _tagged(core)
    if any(ch in vocab.demonstratives for w in words if w.flag == "r" for ch in w.word):
        return False  # 这, 这个, 该: "认识到这个项目" is no name
    tags = vocab.proper_tags | ({"ns", "nz"} if strong else set())
    return any(
        (len(w.word) == 1 and w.word not in vocab.function_chars) or w.flag in tags for w in words
    )


def _shown(names: list[tuple[str, int, int]], text: str) -> list[str]:
    """The names confident enough to show, in order of first use, once each:
    compounds joined, pieces of a longer name at the same place dropped, names
    that start inside a word or are descriptions dropped."""
    vocab = _vocab()
    trimmed = []
    for name, start, end in _compounds(names):
        short = _trim_left(name, vocab)
        trimmed.append((short, start + len(name) - len(short), end))
    confident = [
        (name, start, end)
        for name, start, end in trimmed
        if len(_core(name, vocab)) >= vocab.min_core
        and _starts_a_word(text, start)
        and _is_proper(name, vocab)
    ]
    kept = [
        (name, start, end)
        for name, start, end in confident
        if not any(s <= start and end <= e and (s, e) != (start, end) for _, s, e in confident)
    ]
    return _unique(kept)


def _unique(names: list[tuple[str, int, int]]) -> list[str]:
    return list(dict.fromkeys(n for n, _, _ in names))


def extract_organisations(text: str) -> list[str]:
    """Names of companies, institutes, universities, centres … in order of first use.

    >>> extract_organisations("促成重庆理工大学与广东办签约，落户巴南的重庆智慧农机研究院")
    ['重庆理工大学', '重庆智慧农机研究院']
    >>> extract_organisations("在上海电气智能医疗康复科技有限公司、重庆铃耀汽车有限公司生产车间")
    ['上海电气智能医疗康复科技有限公司', '重庆铃耀汽车有限公司']
    """
    text = _join(text)
    return _shown(_find(text, _vocab().org), text)


def extract_projects(text: str) -> list[str]:
    """Names of projects, bases and industrial parks, in order of first use.

    >>> extract_projects("诗健ADC抗体药物研发及产业化项目等17个重大产业化项目也相继开工")
    ['诗健ADC抗体药物研发及产业化项目']
    """
    text = _join(text)
    return _shown(_find(text, _vocab().project), text)


#: A label is the end of the clause before an amount, at most this long: longer is
#: the clause's narrative, not the name of the measure.
LABEL_MAX_CHARS = 16
#: The longest place name looked for at the start of a label ("石柱土家族自治县" is 8).
PLACE_MAX_CHARS = 9
#: A label this short ("总投资", "计划投资") names no subject: the project is the one
#: named in the clause before ("X项目，总投资12亿元").
BARE_LABEL_CHARS = 6

_CN_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGIT |= {"六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def parse_number(s: str) -> float:
    """Arabic or simple Chinese numerals (below 万) to a number.

    >>> parse_number("576.15"), parse_number("千"), parse_number("三百五十"), parse_number("十二")
    (576.15, 1000.0, 350.0, 12.0)
    """
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    total, digit = 0, None
    for ch in s:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        else:
            raise ValueError(f"not a number: {s!r}")
    return float(total + (digit or 0))


_MONEY = re.compile(
    r"(?P<q>约|超过|超|近|逾|达到|达|共计|共|合计|累计|总计|破|仅|突破)?"
    r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)"
    r"[ \t]*(?P<more>多|余)?[ \t]*"  # pages print "242.48 亿元" too
    r"(?P<u>亿元|万元|元)"
)
_THRESHOLD_TAIL = re.compile(r"(?:及|或)?(?:以上|以下)")
# A counted or listed set of projects before an amount: "签约项目87项", "…等17个".
# "2个", "近百个", "十几项", "数十家": two or more, so not "一个项目".
_COUNTED = re.compile(
    r"(?:\d+|[二两三四五六七八九十百千几数][一二两三四五六七八九十百千万几]*)"
    r"[ \t]*[余多]?[ \t]*[个项家]"
    r"|等[^，,。；;：:]*项目"
)
_UNITS = {"亿元": 1e8, "万元": 1e4, "元": 1.0}
_LABEL_TAIL = re.compile(r"(?:为|是|了|达到|达|约|共|计|合计|累计|高达|超过|超|近|逾)+$")


_LABEL_HEAD = re.compile(
    r"^(?:今年|去年|上半年|下半年|全年|目前|截至目前|其中|同时|此外|\d{4}年度?)+"
)


def _clause_start(sentence: str, pos: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, pos)), default=0)


def _label(sentence: str, pos: int) -> str:
    """The phrase right before an amount: 签约金额, 项目总投资, 年产值 …"""
    label = _LABEL_TAIL.sub("", sentence[_clause_start(sentence, pos) : pos].strip())
    label = _LABEL_HEAD.sub("", label)
    from .districts import load_gazetteer

    gaz = load_gazetteer()
    for size in range(min(len(label), PLACE_MAX_CHARS), 1, -1):  # a leading place is no label
        if gaz.lookup(label[:size]) is not None and len(label) - size >= 2:
            label = label[size:]
            break
    return label[-LABEL_MAX_CHARS:]


def _subject(sentence: str, start: int, end: int, label: str) -> str | None:
    """The project an amount belongs to: "50亿元的X项目", or X in the same clause,
    or X in the clause before when this one is only a label ("X项目，总投资12亿元")."""
    projects = _find(sentence, _vocab().project)
    clause = _clause_start(sentence, start)
    if sentence[end : end + 1] == "的":
        # the project this clause goes on to name, not one in a later clause
        after = [p for p in projects if p[1] >= end and _clause_start(sentence, p[1]) <= end]
        if after:
            return min(after, key=lambda p: p[1])[0]
    if len(label) <= BARE_LABEL_CHARS or label.startswith("项目"):
        clause = _clause_start(sentence, max(clause - 1, 0))
    before = [p for p in projects if clause <= p[1] and p[2] <= start]
    if before:
        return max(before, key=lambda p: p[2])[0]
    return None


def _measure(label: str, before: str, after: str, vocab: _Vocab) -> Measure:
    """What an amount measures, from its label and the words around it.

    A generic label (总投资, 投资, 资金) counts as signed when the sentence reports
    a signing before the amount ("签约项目27个、总投资206亿元"), else as planned.
    """
    if _THRESHOLD_TAIL.match(after):
        return Measure.THRESHOLD
    for measure, words in vocab.measures:
        if any(w in label for w in words):
            return measure
    if any(w in label for w in vocab.investment):
        signed = any(w in before for w in dict(vocab.measures)[Measure.CONTRACT])
        return Measure.CONTRACT if signed else Measure.PLANNED
    return Measure.OTHER


def _scope(label: str, before: str, project: str | None, vocab: _Vocab) -> Scope:
    """What an amount covers: a counted set of projects, one project, or a period."""
    if _COUNTED.search(before):
        return Scope.PROGRAMME
    if project is not None or label.startswith("项目"):
        return Scope.PROJECT
    if any(w in label for w in vocab.aggregate) or vocab.period.search(before):
        return Scope.PERIOD
    return Scope.PROJECT  # "注入资金15亿元": one investor's money; unnamed, so never summed


def _links(figures: list[Figure], spans: list[tuple[int, int, int]], text: str) -> list[Figure]:
    """Link each amount to the one it is part of (其中 …) or restates (same measure
    and value earlier in the article). ``spans`` are (paragraph, start, end) in ``text``."""
    out: list[Figure] = []
    for i, f in enumerate(figures):
        same = [j for j in range(i) if figures[j].measure is f.measure]
        restates = next(
            (
                j
                for j in same
                if figures[j].amount == f.amount
                and not (f.project and figures[j].project and f.project != figures[j].project)
            ),
            None,
        )  # two named projects of 10亿元 each are two amounts
        if restates is not None:
            out.append(replace(f, restates=restates, scope=out[restates].scope))
            continue
        # 其中 between the previous amount of this measure (same paragraph) and this one
        paragraph, start, _ = spans[i]
        prior = [j for j in same if spans[j][0] == paragraph]
        part_of = None
        if prior and "其中" in text[spans[prior[-1]][2] : start]:
            part_of = prior[-1]
        out.append(replace(f, part_of=part_of))
    return out


def extract_figures(text: str) -> list[Figure]:
    """Money amounts with what they are for, in reading order.

    >>> f = extract_figures("聚焦重点产业，签约项目87项，签约金额576.15亿元。")[0]
    >>> f.subject, f.amount, f.unit_text, f.measure.value, f.scope.value
    ('签约金额', 57615000000.0, '576.15亿元', '签约/合同', '一批项目')
    >>> extract_figures("项目总投资约3亿元")[0].unit_text
    '约3亿元'
    >>> a, b = extract_figures("完成投资 242.48 亿元。其中，重点产业项目68项，完成投资183.84亿元。")
    >>> b.part_of, b.measure.value
    (0, '完成投资')
    """
    vocab = _vocab()
    text = _join(text)
    out: list[Figure] = []
    spans: list[tuple[int, int, int]] = []
    starts = [0, *(m.end() for m in SENTENCE_END.finditer(text))]
    for s_start, s_end in zip(starts, [*starts[1:], len(text)], strict=True):
        sentence = text[s_start:s_end]
        paragraph = text.count("\n", 0, s_start)
        for m in _MONEY.finditer(sentence):
            try:
                number = parse_number(m.group("n"))
            except ValueError:
                continue
            amount = number * _UNITS[m.group("u")]
            before, after = sentence[: m.start()].rstrip(" \t"), sentence[m.end() :]
            label = _label(sentence, len(before))
            project = _subject(sentence, len(before), m.end(), label)
            scope = _scope(label, before, project, vocab)
            if scope is not Scope.PROJECT or (project and not _is_proper(project, vocab)):
                # "诗健…项目等17个…142.8亿元" is the 17 projects' total; and a
                # description is not shown (or summed) as a project's name
                project = None
            out.append(
                Figure(
                    subject=project or label or None,
                    amount=amount,
                    unit_text=re.sub(r"\s+", "", m.group()),
                    sentence=sentence.strip(),
                    label=label,
                    measure=_measure(label, before, after, vocab),
                    scope=scope,
                    project=project,
                )
            )
            spans.append((paragraph, s_start + m.start(), s_start + m.end()))
    return _links(out, spans, text)


def summable(figure: Figure) -> bool:
    """May this amount go into a total with other amounts of its measure?

    Only an amount for one named project, part of no other amount and restating
    none: a programme's or period's total overlaps the projects it counts.

    >>> summable(extract_figures("总投资50亿元的惠科显示模组生产线项目开工。")[0])
    True
    >>> summable(extract_figures("签约项目27个、总投资206亿元。")[0])
    False
    """
    return (
        figure.scope is Scope.PROJECT
        and figure.project is not None
        and figure.part_of is None
        and figure.restates is None
        and figure.measure not in (Measure.THRESHOLD, Measure.OTHER)
    )


def is_investment(figure: Figure) -> bool:
    """Is this amount an investment (as opposed to output, revenue, tax or a threshold)?

    >>> [is_investment(f) for f in extract_figures("项目总投资约3亿元，年产值约6亿元")]
    [True, False]
    """
    return figure.measure in INVESTMENT_MEASURES
