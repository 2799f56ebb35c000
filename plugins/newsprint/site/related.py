"""Related articles: 3–5 per article from a shared district, topics and keywords.

Each article is a set of features (``d:`` district, ``t:`` topic, ``k:`` jieba
keyword, written by the importer for every post).  A feature is worth its idf,
``log(N / df)``, times its kind's weight, so a rare keyword counts for more than the
district half the archive shares.  Near-linear at any size:

* candidates come only from the posting lists of *rare* features (``df <=
  cap``), so each article looks at no more than ``features × cap`` others;
* a *common* feature (a big district, a broad topic) never lists its postings; it
  only adds its weight to candidates that share it;
* an article with fewer than ``MIN_RELATED`` candidates is filled up (to
  ``MAX_RELATED``) from its rarest common feature, with the articles next to it in
  that list (the list is in date order: the nearest in time).

>>> docs = [{"d:巴南区", "k:芯片"}, {"d:巴南区", "k:芯片", "t:工业"}, {"d:永川区", "k:芯片"},
...         {"d:巴南区", "t:工业"}]
>>> related_indices(docs, limit=2, minimum=1)
[[1, 2], [3, 0], [1, 0], [1, 0]]
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from ..models import NO_DISTRICT

#: Kind weights: a shared topic says more than a shared keyword, a district least.
WEIGHTS = {"d": 0.6, "t": 1.2, "k": 1.0}
MAX_RELATED = 5
MIN_RELATED = 3
#: A feature in more articles than this only scores candidates, never lists them.
CAP = 64


def features_of(article: Any) -> set[str]:
    """The features of a Pelican article (or anything shaped like one).

    >>> from types import SimpleNamespace as A
    >>> art = A(category="巴南区", tags=["招商"], metadata={"keywords": "芯片, 园区"})
    >>> sorted(features_of(art))
    ['d:巴南区', 'k:园区', 'k:芯片', 't:招商']
    """
    meta = getattr(article, "metadata", None) or {}
    found: set[str] = set()
    district = str(getattr(article, "category", "") or "")
    if district and district != NO_DISTRICT:
        found.add(f"d:{district}")
    found.update(f"t:{t}" for t in getattr(article, "tags", None) or [])
    keywords = meta.get("keywords") or ""
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    found.update(f"k:{k.strip()}" for k in keywords if str(k).strip())
    return found


def related_indices(
    docs: Sequence[set[str]],
    limit: int = MAX_RELATED,
    minimum: int = MIN_RELATED,
    cap: int = CAP,
) -> list[list[int]]:
    """For each feature set, the indices of up to ``limit`` related ones, best first."""
    n = len(docs)
    df = Counter(f for d in docs for f in d)
    weight = {f: WEIGHTS.get(f[0], 1.0) * math.log((n + 1) / c) for f, c in df.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        for f in d:
            postings[f].append(i)
    out: list[list[int]] = []
    for i, d in enumerate(docs):
        scores: dict[int, float] = defaultdict(float)
        # sorted: a set's order changes from run to run, and so would the float sums
        # (and the order of near ties) — a rebuild shows the same related articles
        d = sorted(d)
        common = [f for f in d if df[f] > cap]
        for f in d:
            if df[f] <= cap and df[f] > 1:
                w = weight[f]
                for j in postings[f]:
                    if j != i:
                        scores[j] += w
        for j in scores:
            scores[j] += sum(weight[f] for f in common if f in docs[j])
        if len(scores) < minimum and common:
            rarest = min(common, key=lambda f: (df[f], f))
            plist = postings[rarest]
            at = _position(plist, i)
            for j in _nearest(plist, at, limit + 1):
                if len(scores) >= limit:
                    break
                if j != i and j not in scores:
                    scores[j] = sum(weight[f] for f in common if f in docs[j])
        ranked = sorted(scores, key=lambda j: (-scores[j], abs(j - i), j))
        out.append(ranked[:limit])
    return out


def _position(plist: list[int], i: int) -> int:
    """Where ``i`` stands in the sorted posting list ``plist`` (which holds it)."""
    return bisect_left(plist, i)


def _nearest(plist: list[int], at: int, count: int) -> list[int]:
    """Up to ``count`` entries of ``plist`` on either side of position ``at``."""
    lo, hi = max(0, at - count), min(len(plist), at + count + 1)
    return [plist[k] for k in sorted(range(lo, hi), key=lambda k: (abs(k - at), k))]


def attach_related(generator: Any) -> None:
    """``article_generator_finalized`` receiver: ``article.related`` for every article.

    Articles are taken oldest first, so "nearest in the list" means nearest in time.
    """
    articles = sorted(generator.articles, key=lambda a: (a.date, a.slug))
    found = related_indices([features_of(a) for a in articles])
    for art, indices in zip(articles, found, strict=True):
        art.related = [articles[j] for j in indices]
