"""Sharded lunr search index for the archive: a Pelican generator.

Why sharded: one lunr index over 10,000 Chinese articles is ~230 MB of JSON and
takes ~25 s to load in a browser. Here the *vocabulary* is split into shards,
each shard is a complete lunr 2.3.9 index holding only its terms, and a query
loads only the shards that hold its terms (2–4 of several hundred).

Layout written to ``output/search/`` (every file a classic script assigning to
a global, because ``fetch()`` and ES modules are blocked from ``file://``)::

    search/lunr.js          lunr.js 2.3.9, copied from node_modules at build time
    search/manifest.js      window.NEWSPRINT_SEARCH = {shards, files, keys, buckets,
                            split, fields, chunk, count, facetChunk,
                            districts, years, kinds, topics}: the shard plan and the filter
                            values; nothing per document, so it stays small
    search/shard-XXX.js     NEWSPRINT_SHARDS["XXX"] = <serialised lunr index>, its
                            postings without metadata ("ref":{})
    search/positions-XXX.js NEWSPRINT_POSITIONS["XXX"] = {term: {field: {ref:
                            [positions]}}}: where shard XXX's terms sit in each
                            field's token stream (fields without the term left
                            out); loaded only for the phrase check
    search/docs-N.js        NEWSPRINT_DOCS[N] = [[title, body, captions, extra, url,
                            yyyymmdd, kicker, subtitle], ...] (stored text of docs
                            N*chunk .. N*chunk+chunk-1; extra: district, topics,
                            authors/bylines/credits; loaded only for results on
                            screen)
    search/fold.js          window.NEWSPRINT_FOLD = "區区項项…": the traditional →
                            simplified table (newsprint.search.fold, from OpenCC's data) as
                            from/to character pairs, loaded before the first query
                            (~26 KB, 4,129 pairs; the same for every site)
    search/facets-K.js      NEWSPRINT_FACETS[K] = {w, d, y, k, n, t}: district,
                            year, kind and topics of docs K*facetChunk ..
                            (K+1)*facetChunk-1 as base64 columns of small integers
                            (:class:`FacetTable`); loaded for the chunks holding
                            results, filtered and counted over typed arrays

* Tokens come from :mod:`newsprint.search.tokens` (``tails=True``); the browser uses the
  same rules from ``theme/static/js/tokenize.js``, including the traditional →
  simplified folding of :mod:`newsprint.search.fold`.
* Fields (``FIELDS``, manifest version 5): title ``t`` (boost 10), kicker ``k``
  and subtitle ``s`` (4), body ``b`` and captions ``c`` (1), district ``d`` and
  topics ``p`` (3), people ``a`` (2: authors, bylines as printed, credits,
  photographers). Version 5 added ``k``, ``s``, the people in ``a`` beyond the
  authors, the last two columns of docs-N.js and fold.js; nothing else changed.
* Shards are balanced by posting volume (:class:`ShardPlan`): terms are grouped
  by *key* — a Han term's first character (so the prefix query ``渝*`` for a
  one-character query reads one shard), or for a character heavy enough to fill
  half a shard by itself (区, 项, 的 …) each of its terms on its own; any other
  term by ``term_hash(term) % 256``. Keys are bin-packed greedily, heaviest
  first into the lightest shard. The manifest carries the plan: ``keys[s]`` (the
  space-separated Han keys of shard ``s``), ``buckets[b]`` and ``split`` (the
  characters packed term by term, whose prefix queries read each of their
  shards). ``term_hash`` is ``h = h*31 + codepoint (mod 2**32)``, mirrored in
  ``search-core.js``.
* Document refs are base-36 numbers, the position of the document in the
  corpus (its row in docs-N.js and facets-K.js). Field names are one letter
  (see ``FIELDS``) because every shard repeats ``field/ref`` keys.
* Postings carry no lunr metadata: the positions of each term in each field's
  full token stream go to the shard's ``positions-XXX.js`` instead, because
  lunr.js copies every posting's metadata into its match data, which for a
  common term (~10k postings) was part of the query's time. The browser
  starts from the query's rarest term (fewest postings): lunr.js runs its query
  — it scores the candidates and says, in ``matchData``, which fields matched —
  or, for one exact term in one shard (the usual case, and the costly one for a
  common term), ``Engine._score`` in search-core.js computes the same scores
  from the loaded lunr index (the term's weight in each field vector, summed in
  field order: exactly lunr.js's numbers, checked term by term against lunr.js
  in the tests) without lunr.js's per-posting objects. It then reads the other
  terms' postings for those candidates only from their loaded lunr indexes.
  A query word of one token needs nothing more; for a word of several tokens
  the browser loads the positions files of the shards holding
  its terms (only then, only once there are candidates) and keeps a candidate
  only if the word's tokens sit at consecutive positions in one field — the
  phrase check that removes bigram false positives — reading positions for the
  candidates only. Results on screen are checked once more against their
  stored text.
* BM25 uses the whole corpus's statistics in every shard (:class:`CorpusStats`:
  document count, full field lengths, mean field lengths), so the sum of a
  document's per-term weights across shards is what one lunr index over all
  documents gives; the browser adds up every query term's weight (lunr.js's
  formula) rather than scoring the rarest term only.
* Pipelines are empty on both sides, so nothing needs registering in lunr.js.

Two backends write byte-identical shards and positions files
(``tests/test_search_index.py``): ``"lunr"`` runs lunr.py's ``Builder`` once per
shard, with positions as ``p`` metadata, and moves them out into the positions
table; ``"fast"`` (the default) computes the same postings, positions and BM25
field vectors and writes the JSON text directly. It reads every field into
arrays of term ids (4 bytes a token), keeps postings as one bytearray of JSON
per term and field (no Python object per posting), writes shards one at a
time, and computes the field vectors in a forked child on a second core
(``NEWSPRINT_SEARCH_NO_FORK=1`` to stay in one process). At 10,000 generated
articles: ~25 s and ~0.5 GB, against minutes for lunr.py's builder. Either way
lunr (lunr.py in the tests, lunr.js in the browser) loads every shard.

Rebuild: the index is rebuilt by every ``pelican`` run (``make html``); to rebuild
from Python, ``build_search_index(docs, output_path / "search")``. Settings:
``NEWSPRINT_SEARCH_SHARDS`` (0 = choose from corpus size),
``NEWSPRINT_SEARCH_CHUNK`` (documents per docs-N.js, default 8),
``NEWSPRINT_SEARCH_FACET_CHUNK`` (documents per facets-K.js, default 4096),
``NEWSPRINT_LUNR_JS`` (default ``node_modules/lunr/lunr.min.js``; run ``npm ci``).
"""

from __future__ import annotations

import base64
import heapq
import html
import json
import logging
import math
import os
import re
import shutil
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ..models import NO_DISTRICT
from ..settings import get_setting
from ..tag.dates import iso_at_precision
from .fold import fold_pairs
from .tokens import is_han, tokenize

log = logging.getLogger(__name__)

LUNR_VERSION = "2.3.9"
#: (index field name, boost, SearchDoc attribute)
FIELDS: tuple[tuple[str, int, str], ...] = (
    ("t", 10, "title"),
    ("k", 4, "kicker"),
    ("s", 4, "subtitle"),
    ("b", 1, "body"),
    ("c", 1, "captions"),
    ("d", 3, "district"),
    ("p", 3, "topics"),
    ("a", 2, "authors"),  # authors, bylines as printed, credits, photographers
)
K1, B = 1.2, 0.75
TOKENS_PER_SHARD = 12_000
SHARDS_GLOBAL = "(window.NEWSPRINT_SHARDS=window.NEWSPRINT_SHARDS||{})"
POSITIONS_GLOBAL = "(window.NEWSPRINT_POSITIONS=window.NEWSPRINT_POSITIONS||{})"
HASH_BUCKETS = 256  # non-Han terms are packed by hash bucket


@dataclass(frozen=True)
class SearchDoc:
    """What the index needs to know about one article."""

    url: str
    title: str
    body: str
    captions: tuple[str, ...] = ()
    district: str = ""
    topics: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()  # names, bylines ("重庆日报记者 陈维灯"), credits
    date: str = ""  # YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the page
    kind: str = ""
    kicker: str = ""  # 引题, printed above the headline
    subtitle: str = ""  # 副题, printed below it

    def field_text(self, attr: str) -> str:
        value = getattr(self, attr)
        return " | ".join(value) if isinstance(value, tuple) else value


@dataclass
class BuildReport:
    documents: int = 0
    shards: int = 0
    tokens: int = 0
    files: int = 0
    bytes: int = 0
    shard_bytes: dict[str, int] = field(default_factory=dict)


# --- Article -> SearchDoc ---------------------------------------------------------


class _TextExtractor(HTMLParser):
    BREAKS = frozenset(
        {
            "p",
            "br",
            "div",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "figcaption",
            "tr",
            "blockquote",
            "figure",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an article body, one paragraph a line.

    >>> html_to_text("<p>巴南&amp;永川</p><p>第二段</p>")
    '巴南&永川\\n第二段'
    """
    parser = _TextExtractor()
    parser.feed(markup or "")
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _json_list(value) -> list:
    """A metadata value written as a JSON list (``Captions``, ``Bylines``, ``Credits``).

    >>> _json_list('["李攀"]'), _json_list("李攀"), _json_list(None)
    (['李攀'], ['李攀'], [])
    """
    if not value:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return list(value) if isinstance(value, list | tuple) else [value]


def _captions(value) -> tuple[str, ...]:
    out = []
    for item in _json_list(value):
        text = item.get("text", "") if isinstance(item, dict) else str(item)
        if text:
            out.append(html.unescape(text))
    return tuple(out)


def _people(article, meta) -> tuple[str, ...]:
    """Authors, then bylines and credits as printed, then photographers; each once.

    >>> class A: authors = ["陈维灯"]
    >>> _people(A(), {"bylines": '["重庆日报记者 陈维灯"]', "credits": '["李攀"]',
    ...               "captions": '[{"text": "夜景", "credit": "刘纪瀛"}]'})
    ('陈维灯', '重庆日报记者 陈维灯', '李攀', '刘纪瀛')
    """
    names = [str(getattr(a, "name", a)) for a in getattr(article, "authors", None) or ()]
    names += [str(b) for b in _json_list(meta.get("bylines"))]
    names += [str(c) for c in _json_list(meta.get("credits"))]
    names += [
        str(c["credit"])
        for c in _json_list(meta.get("captions"))
        if isinstance(c, dict) and c.get("credit")
    ]
    return tuple(dict.fromkeys(html.unescape(n) for n in names if n))


def doc_from_article(article) -> SearchDoc:
    """Convert a Pelican article (or anything shaped like one) to a SearchDoc."""
    meta = getattr(article, "metadata", {}) or {}
    category = getattr(article, "category", None)
    district = str(getattr(category, "name", category or "") or "")
    date = getattr(article, "date", None)
    return SearchDoc(
        url=article.url,
        title=html.unescape(str(article.title)),
        body=html_to_text(article.content),
        captions=_captions(meta.get("captions")),
        district="" if district == NO_DISTRICT else district,
        topics=tuple(str(getattr(t, "name", t)) for t in getattr(article, "tags", None) or ()),
        authors=_people(article, meta),
        date=iso_at_precision(date, meta.get("date_precision", "day")),
        kind=str(meta.get("kind", "") or ""),
        kicker=html.unescape(str(meta.get("kicker", "") or "")),
        subtitle=html.unescape(str(meta.get("subtitle", "") or "")),
    )


# --- sharding ---------------------------------------------------------------------


def term_hash(text: str) -> int:
    """h*31 + code point, modulo 2**32 (search-core.js: Math.imul(h, 31) + cp >>> 0).

    >>> term_hash("ab")
    3105
    """
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h


def shard_name(number: int, shards: int) -> str:
    return format(number, "x").zfill(len(format(max(shards - 1, 0), "x")))


def choose_shard_count(total_tokens: int) -> int:
    """A power of two giving roughly TOKENS_PER_SHARD tokens a shard (1 … 1024)."""
    n = 1
    while n < 1024 and total_tokens / n > TOKENS_PER_SHARD:
        n *= 2
    return n


def ref_of(number: int) -> str:
    """Base-36 document ref: short, and the same digits JS parseInt(ref, 36) reads."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def term_key(term: str, split: frozenset[str] | set[str] = frozenset()) -> str:
    """The unit shards are packed by: a Han term's first character, or the whole
    term when that character is *split* (too much posting volume for one shard);
    for any other term ``#`` and its hash bucket.

    >>> term_key("巴南"), term_key("巴南", {"巴"}), term_key("2023")
    ('巴', '巴南', '#255')
    """
    first = term[0]
    if is_han(first):
        return term if first in split else first
    return f"#{term_hash(term) % HASH_BUCKETS}"


@dataclass
class ShardPlan:
    """Which shard holds which term (mirrored by ``shardFor`` in search-core.js).

    ``keys[s]`` lists the Han keys packed into shard ``s`` (see :func:`term_key`),
    ``buckets[b]`` the shard of non-Han hash bucket ``b``; ``split`` the Han
    characters whose terms were packed one by one.
    """

    shards: int
    keys: list[list[str]]
    buckets: list[int]
    split: frozenset[str] = frozenset()
    _where: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._where = {k: s for s, keys in enumerate(self.keys) for k in keys}

    def shard_of(self, term: str) -> int | None:
        """The shard holding ``term``, None for a Han key the corpus does not have."""
        key = term_key(term, self.split)
        if key[0] == "#" and len(key) > 1:
            return self.buckets[int(key[1:])]
        return self._where.get(key)

    def prefix_shards(self, char: str) -> list[int]:
        """Shards holding the terms that start with ``char`` (a prefix query ``渝*``)."""
        if char in self.split:
            return sorted({s for k, s in self._where.items() if k[0] == char})
        s = self._where.get(char)
        return [] if s is None else [s]

    def manifest(self) -> dict:
        return {
            "keys": [" ".join(k) for k in self.keys],
            "buckets": self.buckets,
            "split": "".join(sorted(self.split)),
        }

    @classmethod
    def pack(cls, volume: dict[str, int], shards: int) -> ShardPlan:
        """Greedy bin-packing of terms, by posting volume, into ``shards`` shards.

        ``volume`` maps terms to an estimate of their bytes in the index. A Han
        character whose terms together exceed a shard's fair share is split
        (its terms packed one by one); the rest stay whole, so a one-character
        prefix query reads one shard. Largest first, each into the lightest shard.
        """
        char_volume: dict[str, int] = {}
        for term, v in volume.items():
            if is_han(term[0]):
                char_volume[term[0]] = char_volume.get(term[0], 0) + v
        fair = sum(volume.values()) / shards
        split = frozenset(c for c, v in char_volume.items() if v > fair / 2)
        units: dict[str, int] = {f"#{b}": 0 for b in range(HASH_BUCKETS)}
        for term, v in volume.items():
            key = term_key(term, split)
            units[key] = units.get(key, 0) + v
        heap = [(0, s) for s in range(shards)]
        keys: list[list[str]] = [[] for _ in range(shards)]
        buckets = [0] * HASH_BUCKETS
        for key, v in sorted(units.items(), key=lambda kv: (-kv[1], kv[0])):
            load, s = heapq.heappop(heap)
            if key[0] == "#" and len(key) > 1:
                buckets[int(key[1:])] = s
            else:
                keys[s].append(key)
            heapq.heappush(heap, (load + v, s))
        return cls(shards, [sorted(k) for k in keys], buckets, split)


# --- the filter table -------------------------------------------------------------


def _date_number(date: str) -> int:
    """YYYYMMDD; a month or day the page does not give is 00.

    >>> _date_number("2024-07"), _date_number("")
    (20240700, 0)
    """
    return int(date.replace("-", "").ljust(8, "0")) if date else 0


def _b64(values: Sequence[int], width: int) -> str:
    """Unsigned little-endian integers of ``width`` bytes, base64 (decoded by search-core.js)."""
    data = b"".join(v.to_bytes(width, "little") for v in values)
    return base64.b64encode(data).decode("ascii")


@dataclass
class FacetTable:
    """District, year, kind and topics of every document, as numbers.

    Each column holds, per document, 1 + the index of its value in the value
    list (``districts``, ``years``, ``kinds``, ``topics`` in the manifest), 0
    for none; topics are a count per document (``n``) and the documents' topic
    numbers one after another (``t``). :meth:`encode` writes a range of
    documents as base64 columns of 1- or 2-byte integers (``facets-K.js``), so
    the browser filters and counts over typed arrays, loading only the chunks
    that hold results; ``w`` gives each column's width in bytes (1, 2 or 4).
    """

    districts: list[str]
    years: list[str]
    kinds: list[str]
    topics: list[str]
    rows: list[tuple[int, int, int, tuple[int, ...]]]

    @classmethod
    def of(cls, docs: Sequence[SearchDoc]) -> FacetTable:
        districts = sorted({d.district for d in docs if d.district})
        years = sorted({d.date[:4] for d in docs if d.date})
        kinds = sorted({d.kind for d in docs if d.kind})
        topics = sorted({t for d in docs for t in d.topics})
        lists = (districts, years, kinds, topics)
        ix = [{v: i + 1 for i, v in enumerate(values)} for values in lists]
        rows = [
            (
                ix[0].get(d.district, 0),
                ix[1].get(d.date[:4], 0),
                ix[2].get(d.kind, 0),
                tuple(ix[3][t] for t in dict.fromkeys(d.topics)),
            )
            for d in docs
        ]
        return cls(districts, years, kinds, topics, rows)

    def values(self) -> dict[str, list[str]]:
        return {
            "districts": self.districts,
            "years": self.years,
            "kinds": self.kinds,
            "topics": self.topics,
        }

    def encode(self, start: int, stop: int) -> dict:
        rows = self.rows[start:stop]

        def width(top: int) -> int:
            return 1 if top < 256 else 2 if top < 65536 else 4

        columns = {
            "d": [r[0] for r in rows],
            "y": [r[1] for r in rows],
            "k": [r[2] for r in rows],
            "n": [len(r[3]) for r in rows],
            "t": [t for r in rows for t in r[3]],
        }
        widths = {c: width(max(v, default=0)) for c, v in columns.items()}
        return {"w": widths, **{c: _b64(v, widths[c]) for c, v in columns.items()}}


# --- index building ---------------------------------------------------------------


@dataclass
class _Corpus:
    """Every field of every document as an array of term ids (4 bytes a token)."""

    terms: list[str]
    rows: list[list[array]]
    occurrences: Counter
    doc_fields: Counter  # term id -> number of (document, field) pairs holding it

    @property
    def tokens(self) -> int:
        return sum(self.occurrences.values())

    def volume(self) -> dict[str, int]:
        # ~4 bytes a position, ~14 a posting (ref key + field vector entry)
        occ, dfs = self.occurrences, self.doc_fields
        return {t: 4 * occ[i] + 14 * dfs[i] for i, t in enumerate(self.terms)}


def _read_corpus(docs: Sequence[SearchDoc]) -> _Corpus:
    ids: dict[str, int] = {}
    rows = []
    occurrences: Counter = Counter()
    doc_fields: Counter = Counter()
    for doc in docs:
        row = []
        for _, _, attr in FIELDS:
            tokens = tokenize(doc.field_text(attr), tails=True)
            arr = array("I", [ids.setdefault(t, len(ids)) for t in tokens])
            occurrences.update(arr)
            doc_fields.update(set(arr))
            row.append(arr)
        rows.append(row)
    return _Corpus(list(ids), rows, occurrences, doc_fields)


def _build_shard_lunr(corpus: _Corpus, refs, shard: int, plan: ShardPlan) -> dict:
    """Reference backend: lunr.py's Builder, fed this shard's tokens only."""
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline
    from lunr.token_set import TokenSet

    builder = Builder()
    builder.ref("ref")
    builder.metadata_whitelist = ["p"]

    def keep_shard_terms(token, i, tokens):
        if plan.shard_of(str(token)) != shard:
            return None
        token.metadata["p"] = i
        return token

    # A build-time-only function: never serialised, registered just to keep lunr.py quiet.
    keep_shard_terms.label = "newsprintShardFilter"
    Pipeline.registered_functions[keep_shard_terms.label] = keep_shard_terms
    builder.pipeline.add(keep_shard_terms)
    for number, (name, boost, _attr) in enumerate(FIELDS):
        builder.field(name, boost=boost, extractor=lambda d, n=number: d["tokens"][n])
    terms = corpus.terms
    for ref, row in zip(refs, corpus.rows, strict=True):
        fields = [[terms[t] for t in arr] for arr in row]
        if any(plan.shard_of(t) == shard for tokens in fields for t in tokens):
            builder.add({"ref": ref, "tokens": fields})
    # BM25 with the corpus's statistics, not this shard's (see CorpusStats)
    stats = CorpusStats.of(corpus)
    builder.document_count = stats.documents
    for ref, row in zip(refs, corpus.rows, strict=True):
        for (name, _, _), arr in zip(FIELDS, row, strict=True):
            key = f"{name}/{ref}"
            if key in builder.field_lengths:
                builder.field_lengths[key] = len(arr)
    averages = dict(zip((name for name, _, _ in FIELDS), stats.average, strict=True))
    builder._calculate_average_field_lengths = lambda: setattr(
        builder, "average_field_length", averages
    )
    builder._create_token_set = lambda: setattr(builder, "token_set", TokenSet())
    return _drop_empty_vectors(builder.build().serialize())


def _split_positions(serialised: dict) -> dict:
    """Take the ``p`` metadata out of a serialised lunr index (left with ``"ref":{}``
    postings) and return it as the positions table: term -> field -> ref -> positions,
    fields without postings left out."""
    positions = {}
    for term, posting in serialised["invertedIndex"]:
        entry = {}
        for name, _, _ in FIELDS:
            refs = posting[name]
            if refs:
                entry[name] = {ref: md.pop("p") for ref, md in refs.items()}
        positions[term] = entry
    return positions


def _drop_empty_vectors(serialised: dict) -> dict:
    # lunr only reads the vector of a field a term matched in, so empty ones are dead weight.
    serialised["fieldVectors"] = [fv for fv in serialised["fieldVectors"] if fv[1]]
    return serialised


SHARD_JSON = b'{"version":"%s","fields":%s,"fieldVectors":[%s],"invertedIndex":[%s],"pipeline":[]}'


_POSITIONS = re.compile(rb":\[[0-9,]*\]")


def _postings(corpus: _Corpus, refs) -> list[bytearray | None]:
    """Positions JSON text (``"ref":[positions],…``) by ``term id * fields + field``;
    the shard's postings (``"ref":{},…``) are the same text with the lists replaced."""
    nf = len(FIELDS)
    postings: list[bytearray | None] = [None] * (len(corpus.terms) * nf)
    for ref, row in zip(refs, corpus.rows, strict=True):
        head = f'"{ref}":['.encode()
        for f, arr in enumerate(row):
            positions: dict[int, list[int]] = {}
            for i, t in enumerate(arr):
                p = positions.get(t)
                if p is None:
                    positions[t] = [i]
                else:
                    p.append(i)
            for t, p in positions.items():
                k = t * nf + f
                frag = head + ",".join(map(str, p)).encode() + b"]"
                buf = postings[k]
                if buf is None:
                    postings[k] = bytearray(frag)
                else:
                    buf += b"," + frag
    return postings


@dataclass(frozen=True)
class CorpusStats:
    """The BM25 statistics of the whole corpus, used by every shard.

    A shard's lunr index scores its terms as one lunr index over all documents
    would: ``documents`` counts every document with a token, a field's length is
    all of its tokens, and ``average`` is the field's mean length over those
    documents. So a query's scores, added up over shards, are lunr.js's scores on
    one index (tests/test_search_query.py checks it against lunr.js).
    """

    documents: int
    average: tuple[float, ...]  # per field, in FIELDS order

    @classmethod
    def of(cls, corpus: _Corpus) -> CorpusStats:
        documents = sum(1 for row in corpus.rows if any(row))
        totals = [sum(len(row[f]) for row in corpus.rows) for f in range(len(FIELDS))]
        return cls(documents, tuple(t / documents if documents else 0 for t in totals))


def _field_vectors(corpus: _Corpus, refs, shard, index, n_docs, stats: CorpusStats) -> list[bytes]:
    """The ``fieldVectors`` JSON text of every shard: lunr.py's BM25 with the corpus's
    statistics (:class:`CorpusStats`), document by document."""
    nf = len(FIELDS)
    names = [name for name, _, _ in FIELDS]
    boosts = [boost for _, boost, _ in FIELDS]
    vectors: list[bytearray] = [bytearray() for _ in n_docs]
    avg = stats.average
    documents = stats.documents
    idf: dict[int, float] = {}
    dfs = corpus.doc_fields
    for ref, row in zip(refs, corpus.rows, strict=True):
        per_shard: dict[int, list[list[tuple[int, float]]]] = {}
        for f, arr in enumerate(row):
            if not arr:
                continue
            length = len(arr)
            boost = boosts[f]
            for t, count in Counter(arr).items():
                s = shard[t]
                x = idf.get(t)
                if x is None:
                    r = (documents - dfs[t] + 0.5) / (dfs[t] + 0.5)
                    x = idf[t] = math.log(1 + abs(r))
                norm = K1 * (1 - B + B * (length / avg[f])) + count
                score = x * ((K1 + 1) * count) / norm
                score *= boost
                score *= 1
                entry = per_shard.get(s)
                if entry is None:
                    entry = per_shard[s] = [[] for _ in range(nf)]
                entry[f].append((index[t], round(score, 3)))
        for s, per_field in per_shard.items():
            out = vectors[s]
            for f, elements in enumerate(per_field):
                if not elements:
                    continue
                elements.sort()
                flat = ",".join([f"{i},{v!r}" for i, v in elements])
                out += f'{"," if out else ""}["{names[f]}/{ref}",[{flat}]]'.encode()
    return [bytes(v) for v in vectors]


class _BackgroundCall:
    """Run ``fn(*args)`` in a forked child when there are two cores and fork exists;
    otherwise (or if the child fails) in this process when the result is asked for.
    The child sends its list of bytes back through a pipe.
    """

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args
        self.pid = None

    def __enter__(self):
        if (
            hasattr(os, "fork")
            and (os.cpu_count() or 1) > 1
            and not os.environ.get("NEWSPRINT_SEARCH_NO_FORK")
        ):
            import multiprocessing

            self.conn, child = multiprocessing.Pipe(duplex=False)
            self.pid = os.fork()
            if self.pid == 0:  # the child: compute, send, leave without cleanup handlers
                code = 0
                try:
                    self.conn.close()
                    parts = self.fn(*self.args)
                    child.send(len(parts))
                    for part in parts:
                        child.send_bytes(part)
                except BaseException:  # the parent recomputes
                    code = 1
                finally:
                    os._exit(code)
            child.close()
        return self

    def result(self):
        if self.pid is None:
            return self.fn(*self.args)
        try:
            count = self.conn.recv()
            return [self.conn.recv_bytes() for _ in range(count)]
        except (EOFError, OSError):
            log.warning("search index: background worker failed; computing in-process")
            return self.fn(*self.args)
        finally:
            self.conn.close()
            os.waitpid(self.pid, 0)
            self.pid = None

    def __exit__(self, *exc):
        if self.pid is not None:  # result() never asked for: do not leave the child behind
            self.conn.close()
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        return False


def _shard_payloads_fast(corpus: _Corpus, refs, plan: ShardPlan) -> Iterator[tuple[int, str]]:
    """The JSON text of every non-empty shard, as lunr.py's Builder would serialise it.

    Mirrors lunr.py 0.8 Builder.add/_create_field_vectors/serialize step for step,
    including its quirks (idf counts a document once per field it has the term in;
    term indices in order of first appearance; scores rounded to 3 places), but
    writes the JSON text directly: postings go into one bytearray per term and
    field, field vectors into one per shard, so memory is the size of the output
    plus 4 bytes a token, with no Python object per posting. Shards are yielded
    one by one and their buffers freed.
    """
    terms, rows = corpus.terms, corpus.rows
    nf = len(FIELDS)
    names = [name for name, _, _ in FIELDS]
    shard = [plan.shard_of(t) for t in terms]
    shards = plan.shards
    # term index: order of first appearance within the shard (term ids are in global order)
    index = [0] * len(terms)
    seen = [0] * shards
    by_shard: list[list[int]] = [[] for _ in range(shards)]
    for t, s in enumerate(shard):
        index[t] = seen[s]
        seen[s] += 1
        by_shard[s].append(t)

    # Which shards have documents at all (BM25 itself uses the corpus's statistics).
    n_docs = [0] * shards
    sget = shard.__getitem__
    for row in rows:
        for s in {s for arr in row for s in map(sget, arr)}:
            n_docs[s] += 1

    # Field vectors and postings do not depend on each other: with two cores,
    # a forked child computes the vectors while this process does the postings.
    args = (corpus, refs, shard, index, n_docs, CorpusStats.of(corpus))
    with _BackgroundCall(_field_vectors, *args) as pending:
        postings = _postings(corpus, refs)
        vectors = pending.result()

    fields_json = json.dumps(names).replace(" ", "").encode()
    empty = _POSITIONS.sub
    for s in range(shards):
        if not n_docs[s]:
            continue
        inverted, table = [], []
        for t in sorted(by_shard[s], key=terms.__getitem__):
            parts, held = [], []
            for f in range(nf):
                k = t * nf + f
                buf = postings[k]
                name = names[f].encode()
                parts.append(b'"%s":{%s}' % (name, empty(b":{}", buf) if buf else b""))
                if buf:
                    held.append(b'"%s":{%s}' % (name, buf))
                postings[k] = None
            term = json.dumps(terms[t], ensure_ascii=False).encode()
            inverted.append(b'[%s,{%s,"_index":%d}]' % (term, b",".join(parts), index[t]))
            table.append(b"%s:{%s}" % (term, b",".join(held)))
        payload = SHARD_JSON % (
            LUNR_VERSION.encode(),
            fields_json,
            vectors[s],
            b",".join(inverted),
        )
        vectors[s] = b""
        yield s, payload.decode("utf-8"), (b"{%s}" % b",".join(table)).decode("utf-8")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _shard_payloads(corpus: _Corpus, refs, plan: ShardPlan, backend: str):
    """(shard number, lunr index JSON, positions table JSON) of every non-empty shard."""
    if backend == "fast":
        yield from _shard_payloads_fast(corpus, refs, plan)
    elif backend == "lunr":
        for s in range(plan.shards):
            index = _build_shard_lunr(corpus, refs, s, plan)
            if index["invertedIndex"]:
                positions = _split_positions(index)
                yield s, _json(index), _json(positions)
    else:
        raise ValueError(f"unknown search index backend {backend!r}")


def build_shards(docs: Sequence[SearchDoc], shards: int = 0, backend: str = "fast"):
    """(serialised lunr index, positions table) as JSON text by shard number, the
    ShardPlan and the token count."""
    corpus = _read_corpus(docs)
    refs = [ref_of(i) for i in range(len(docs))]
    shards = shards or choose_shard_count(corpus.tokens)
    plan = ShardPlan.pack(corpus.volume(), shards)
    payloads = _shard_payloads(corpus, refs, plan, backend)
    return {s: (index, pos) for s, index, pos in payloads}, plan, corpus.tokens


def _js_global(name: str, key, value) -> str:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return f"(window.{name}=window.{name}||{{}})[{json.dumps(key)}]={payload};\n"


def _stored_text(text: str) -> str:
    # Display text stays as printed (full-width punctuation kept); only odd spacing goes.
    return unicodedata.normalize("NFC", re.sub(r"[ \t\u00a0]+", " ", text)).strip()


def build_search_index(
    docs: Sequence[SearchDoc],
    out_dir: Path,
    *,
    shards: int = 0,
    chunk: int = 8,
    facet_chunk: int = 4096,
    lunr_js: Path | None = None,
    backend: str = "fast",
) -> BuildReport:
    """Write the search files for ``docs`` into ``out_dir`` (usually output/search)."""
    out_dir = Path(out_dir)
    if out_dir.exists():
        for old in out_dir.glob("*.js"):
            old.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)
    report = BuildReport(documents=len(docs))
    corpus = _read_corpus(docs)
    refs = [ref_of(i) for i in range(len(docs))]
    report.tokens = corpus.tokens
    shards = shards or choose_shard_count(corpus.tokens)
    plan = ShardPlan.pack(corpus.volume(), shards)
    report.shards = shards

    def write(name: str, text: str) -> None:
        data = text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        report.files += 1
        report.bytes += len(data)

    files = {}
    for s, payload, positions in _shard_payloads(corpus, refs, plan, backend):
        name = shard_name(s, shards)
        text = f"{SHARDS_GLOBAL}[{json.dumps(name)}]={payload};\n"
        write(f"shard-{name}.js", text)
        files[name] = f"shard-{name}.js"
        report.shard_bytes[name] = len(text.encode("utf-8"))
        write(f"positions-{name}.js", f"{POSITIONS_GLOBAL}[{json.dumps(name)}]={positions};\n")
    del corpus

    for start in range(0, len(docs), chunk):
        stored = [
            [
                _stored_text(d.title),
                _stored_text(d.body),
                _stored_text("\n".join(d.captions)),
                " ".join(x for x in (d.district, *d.topics, *d.authors) if x),
                d.url,
                _date_number(d.date),
                _stored_text(d.kicker),
                _stored_text(d.subtitle),
            ]
            for d in docs[start : start + chunk]
        ]
        write(f"docs-{start // chunk}.js", _js_global("NEWSPRINT_DOCS", start // chunk, stored))

    table = FacetTable.of(docs)
    for number, start in enumerate(range(0, len(docs), facet_chunk)):
        encoded = table.encode(start, start + facet_chunk)
        write(f"facets-{number}.js", _js_global("NEWSPRINT_FACETS", number, encoded))

    write("fold.js", f"window.NEWSPRINT_FOLD={_json(fold_pairs())};\n")

    manifest = {
        "version": 5,
        "lunr": LUNR_VERSION,
        "shards": shards,
        "files": files,
        **plan.manifest(),
        "fields": [name for name, _, _ in FIELDS],
        "chunk": chunk,
        "count": len(docs),
        "facetChunk": facet_chunk,
        **table.values(),
    }
    payload = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    write("manifest.js", f"window.NEWSPRINT_SEARCH={payload};\n")

    if lunr_js is not None:
        lunr_js = Path(lunr_js)
        if not lunr_js.is_file():
            raise FileNotFoundError(
                f"{lunr_js} not found: run `npm ci` at the project root (lunr 2.3.9 is pinned "
                "in package.json) or set NEWSPRINT_LUNR_JS"
            )
        shutil.copyfile(lunr_js, out_dir / "lunr.js")
        report.files += 1
        report.bytes += lunr_js.stat().st_size
    return report


# --- Pelican glue -----------------------------------------------------------------


class SearchIndexGenerator:
    """Pelican generator writing output/search/ from the finished articles."""

    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = Path(output_path)

    def generate_output(self, writer=None) -> None:
        articles: Iterable = self.context.get("articles", ())
        docs = [doc_from_article(a) for a in articles]
        lunr_js = Path(get_setting(self.settings, "NEWSPRINT_LUNR_JS"))
        report = build_search_index(
            docs,
            self.output_path / "search",
            shards=int(get_setting(self.settings, "NEWSPRINT_SEARCH_SHARDS")),
            chunk=int(get_setting(self.settings, "NEWSPRINT_SEARCH_CHUNK")),
            facet_chunk=int(get_setting(self.settings, "NEWSPRINT_SEARCH_FACET_CHUNK")),
            lunr_js=lunr_js,
        )
        log.info(
            "search index: %d documents, %d shards, %d files, %.1f MB",
            report.documents,
            report.shards,
            report.files,
            report.bytes / 1e6,
        )


def get_generators(pelican_object):
    """Receiver for pelican.signals.get_generators."""
    return SearchIndexGenerator
