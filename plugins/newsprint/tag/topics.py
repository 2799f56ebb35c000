"""Topics from an editable taxonomy, and free keyword tags.

:func:`assign_topics` scores every topic of ``data/topics.toml`` by its weighted
keywords: hits in the headline count three times, hits in the body are scaled
to a density per 1,000 characters so a long article does not win on length.
A topic is kept when its score clears an absolute threshold and is not far
behind the best one.

>>> assign_topics("百日招商引资290亿元背后的故事", "巴南已累计签约重大项目47个。" * 3)
['招商引资']
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jieba
import jieba.analyse

from ..text import HAN_COMMON

__all__ = [
    "Topic",
    "assign_topics",
    "canonical_topic",
    "keywords",
    "load_topics",
    "topic_scores",
    "topic_slug",
]

jieba.setLogLevel(logging.WARNING)  # jieba logs "Building prefix dict" at DEBUG

TITLE_WEIGHT = 3.0
#: A topic needs this much evidence …
MIN_SCORE = 6.0
#: … and this share of the best topic's score.
MIN_SHARE = 0.3
#: Below MIN_SCORE the best topic is still kept if it reaches this: a real
#: article should usually get one topic.
FALLBACK_SCORE = 3.0
#: Bodies shorter than this are scaled as if they had this length, so that a
#: two-line notice does not score a density from one stray word.
MIN_BODY = 400
#: The weak fallback topic needs this many hits: one stray word is not a topic.
FALLBACK_HITS = 2
#: An article shows this many topics at most (README: "up to four topics").
MAX_TOPICS = 4
#: Free keywords an article gets at most, and the shortest word that is one
#: (a single character is a particle or a fragment far more often than a keyword).
MAX_KEYWORDS = 8
MIN_KEYWORD_CHARS = 2


@dataclass(frozen=True)
class Topic:
    """A topic with its weighted keywords.

    >>> load_topics()["招商引资"].slug
    'zhaoshang'
    """

    name: str
    slug: str
    aliases: tuple[str, ...]
    keywords: Mapping[str, float]
    pattern: re.Pattern[str]

    def score(self, text: str) -> float:
        """Sum of keyword weights over the longest matches in ``text``."""
        return sum(self.keywords[m.group()] for m in self.pattern.finditer(text))


def _taxonomy() -> dict:
    return tomllib.loads(
        resources.files("newsprint").joinpath("data/topics.toml").read_text("utf-8")
    )


@cache
def load_topics() -> dict[str, Topic]:
    """Load (once) the topic taxonomy, keyed by topic name."""
    topics: dict[str, Topic] = {}
    for t in _taxonomy()["topic"]:
        kws = {str(k): float(v) for k, v in t["keywords"].items()}
        ordered = sorted(kws, key=len, reverse=True)
        topics[t["name"]] = Topic(
            name=t["name"],
            slug=t["slug"],
            aliases=tuple(t.get("aliases", ())),
            keywords=kws,
            pattern=re.compile("|".join(map(re.escape, ordered))),
        )
    return topics


def canonical_topic(name: str) -> str | None:
    """The taxonomy name for a topic name or alias.

    >>> canonical_topic("工业"), canonical_topic("天气")
    ('工业制造', None)
    """
    topics = load_topics()
    if name in topics:
        return name
    return next((t.name for t in topics.values() if name in t.aliases), None)


def topic_slug(name: str) -> str:
    """URL slug of a topic (or alias); unknown names get a pinyin slug.

    >>> topic_slug("乡村振兴"), topic_slug("文旅")
    ('xiangcun-zhenxing', 'wenhua-lvyou')
    """
    canon = canonical_topic(name)
    if canon is not None:
        return load_topics()[canon].slug
    from ..posts.slugs import pinyin_slug

    return pinyin_slug(name)


def _join_wraps(text: str) -> str:
    return re.sub(rf"(?<=[{HAN_COMMON}])\s*\n\s*(?=[{HAN_COMMON}])", "", text)


def topic_scores(title: str, body: str) -> dict[str, float]:
    """Score of every topic for an article (0 where nothing matched).

    >>> topic_scores("", "") == dict.fromkeys(load_topics(), 0.0)
    True
    """
    title, body = _join_wraps(title), _join_wraps(body)
    scale = 1000.0 / max(len(body), MIN_BODY)
    return {
        name: round(TITLE_WEIGHT * t.score(title) + t.score(body) * scale, 2)
        for name, t in load_topics().items()
    }


def assign_topics(title: str, body: str, max_topics: int = MAX_TOPICS) -> list[str]:
    """1–``max_topics`` topics for an article, best first; ``[]`` if none is clear.

    >>> assign_topics("遗失启事", "张三遗失出生医学证明，声明作废。")
    []
    """
    scores = topic_scores(title, body)
    ranked = sorted(((s, n) for n, s in scores.items() if s > 0), reverse=True)
    if not ranked:
        return []
    best = ranked[0][0]
    chosen = [n for s, n in ranked if s >= MIN_SCORE and s >= MIN_SHARE * best]
    if not chosen and best >= FALLBACK_SCORE:
        t = load_topics()[ranked[0][1]]
        if len(t.pattern.findall(_join_wraps(f"{title}\n{body}"))) >= FALLBACK_HITS:
            chosen = [t.name]
    return chosen[:max_topics]


_NUMBERISH = re.compile(
    r"^[\d.,%％０-９一二三四五六七八九十百千万亿两几多余第]+[个项年月日号期家次名位]?$"
)


@cache
def _prepare_jieba() -> None:
    """Teach jieba our place names and topic words so it does not split them."""
    from .districts import load_gazetteer

    words: set[str] = set()
    for d in load_gazetteer().districts:
        words.update((d.name, d.short, *d.aliases, *d.towns, *d.places))
    for t in load_topics().values():
        words.update(t.keywords)
    for w in sorted(words):
        if len(w) > 1 and w.isalnum():
            jieba.add_word(w, freq=2000)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(_taxonomy().get("keywords", {}).get("stopwords", ()))


#: Keywords are read from the headline and the first this many characters of the
#: body, because segmenting is their whole cost: over whole bodies (with jieba's
#: HMM) they took about half of the import's CPU time (3.7–4.3 s, 43–53%, of a cold
#: import of 300 generated pages: ``make bench-import``), now 2.1–2.9 s (31–42%) on
#: a busy machine. A news article names its subject early: 81% of the former
#: keywords of the sample pages are kept.
KEYWORD_SAMPLE_CHARS = 1000


def keywords(title: str, body: str, k: int = MAX_KEYWORDS) -> list[str]:
    """Up to ``k`` free keyword tags (TF-IDF over jieba's words and IDF table),
    without stop words or numbers; for related articles and ``<meta>``.

    Only dictionary words count (jieba without its HMM guesses, which are
    fragments such as "廖兴" more often than words, and cost time).

    >>> "招商" in keywords("招商引资", "巴南区招商引资签约项目，招商团队拜访企业。")
    True
    """
    _prepare_jieba()
    # The headline counts twice; a full stop keeps "…千重浪" + "喜看…" from fusing.
    text = f"{title}。{title}。{_join_wraps(body[:KEYWORD_SAMPLE_CHARS])}"
    words = [w for w in jieba.cut(text, HMM=False) if len(w) >= MIN_KEYWORD_CHARS]
    tfidf = jieba.analyse.default_tfidf
    counts = Counter(words)
    first = {w: i for i, w in reversed(list(enumerate(words)))}
    score = {w: n * tfidf.idf_freq.get(w, tfidf.median_idf) for w, n in counts.items()}
    stop = _stopwords()
    out: list[str] = []
    for w in sorted(score, key=lambda w: (-score[w], first[w])):
        if w in stop or w.lower() in tfidf.stop_words or _NUMBERISH.match(w):
            continue
        if not re.search(r"[^\W\d_]", w):
            continue
        out.append(w)
        if len(out) == k:
            break
    return out
