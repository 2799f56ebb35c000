"""The sharded lunr index: why and how it is laid out, and the shards' JSON text.

Why sharded: one lunr index over 10,000 Chinese articles is ~230 MB of JSON and
takes ~25 s to load in a browser. Here the *vocabulary* is split into shards,
each shard is a complete lunr 2.3.9 index holding only its terms, and a query
loads only the shards that hold its terms (2–4 of several hundred).

Layout written to ``output/search/`` (every file a classic script assigning to
a global, because ``fetch()`` and ES modules are blocked from ``file://``)::

    search/lunr.js          lunr.js 2.3.9, copied from node_modules at build time
    search/manifest.js      window.NEWSPRINT_SEARCH = {build, shards, files, keys, buckets,
                            split, fields, chunk, count, facetChunk,
                            districts, years, kinds, topics}: the shard plan and the filter
                            values; nothing per document, so it stays small
    search/shard-XXX.js     NEWSPRINT_SHARDS["XXX"] = <serialised lunr index> with
                            its terms listed in place of the invertedIndex
                            (:func:`compact_shard`; the browser rebuilds the
                            postings from the field vectors: ``expandShard``)
    search/positions-XXX.js NEWSPRINT_POSITIONS["XXX"] = {term: {field:
                            [[positions], …]}}: where shard XXX's terms sit in
                            each field's token stream, one list per document
                            holding the term there, in document (ref) order —
                            the refs are the shard's postings, not stored again
                            (fields without the term left out); loaded only for
                            the phrase check
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

* Shards, positions and docs files are *packed*: the value is stored as deflated
  JSON in base64 (``NEWSPRINT_PACKED[file] = [global, key, data]``, see
  :func:`newsprint.search.files.packed`), inflated by the browser into the global
  named above; ~3.5 times smaller on disk than the JSON itself.
* Tokens come from :mod:`newsprint.search.tokens` (``tails=True``); the browser uses the
  same rules from ``theme/static/js/tokenize.js``, including the traditional →
  simplified folding of :mod:`newsprint.search.fold`.
* Fields (``FIELDS``, manifest version 7): title ``t`` (boost 10), kicker ``k``
  and subtitle ``s`` (4), body ``b`` and captions ``c`` (1), district ``d`` and
  topics ``p`` (3), people ``a`` (2: authors, bylines as printed, credits,
  photographers). Version 5 added ``k``, ``s``, the people in ``a`` beyond the
  authors, the last two columns of docs-N.js and fold.js. Version 6 added the
  build identity: ``build`` in the manifest and a last line
  ``NEWSPRINT_BUILDS[file] = build`` in every other file (see
  :mod:`newsprint.search.files`). Version 7 stores a shard's terms instead of
  its invertedIndex (the postings were stored twice: a term has a posting for
  ``field/ref`` exactly when that field vector holds the term's index).
* Shards are balanced by posting volume (:class:`ShardPlan`): terms are grouped
  by *key* — a Han term's first character (so the prefix query ``渝*`` for a
  one-character query reads one shard), or for a character heavy enough to fill
  a shard by itself (区, 年, 的 …) its terms in a few groups of about a shard
  each, by term hash (so its prefix query, e.g. the 年* of ``2019年``,
  reads those few shards); any other term by ``term_hash(term) % 256``. Units
  are bin-packed greedily, heaviest first into the lightest shard. The manifest
  carries the plan: ``keys[s]`` (the space-separated whole Han characters of
  shard ``s``), ``buckets[b]`` and ``groups[c]`` (the shards of a split
  character's groups: its term ``t`` is in ``groups[c][term_hash(t) % len]``;
  its prefix query reads them all). ``term_hash`` is
  ``h = h*31 + codepoint (mod 2**32)``, mirrored in ``search-core.js``.
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
time, and computes most of the field vectors (``CHILD_SHARE`` of the documents)
in a forked child on a second core while it does the postings and the rest
(``NEWSPRINT_SEARCH_NO_FORK=1`` to stay in one process). ``make bench-search``
at 10,000 generated articles: 34 s and ~0.5 GB, against minutes for lunr.py's
builder. Either way lunr (lunr.py in the tests, lunr.js in the browser) loads
every shard.

Rebuild cost: every build with an article added, changed or removed indexes
everything again; only a build with no change at all reuses the last files
(:mod:`newsprint.search.files`). Rebuilding only the shards that changed would
not help with this layout: the words of 8 articles reach 880 of 1,024 shards
at 10,000 articles, 50 articles all of them.

Rebuild: the index is rebuilt by every ``pelican`` run (``make html``); to rebuild
from Python, ``newsprint.search.files.build_search_index(docs, output_path / "search")``. Settings:
``NEWSPRINT_SEARCH_SHARDS`` (0 = choose from corpus size),
``NEWSPRINT_SEARCH_CHUNK`` (documents per docs-N.js, default 8),
``NEWSPRINT_SEARCH_FACET_CHUNK`` (documents per facets-K.js, default 4096),
``NEWSPRINT_LUNR_JS`` (default ``node_modules/lunr/lunr.min.js``; run ``npm ci``).
"""

from __future__ import annotations

import json
import logging
import math
import os
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .docs import FIELDS, SearchDoc
from .shards import ShardPlan, choose_shard_count, ref_of
from .tokens import tokenize

log = logging.getLogger(__name__)

LUNR_VERSION = "2.3.9"
K1, B = 1.2, 0.75  # lunr's BM25 parameters (lunr.py and lunr.js defaults)
#: Share of the documents whose field vectors the forked child computes; the parent
#: does the postings (about a third of the vectors' time at 10,000 articles) and the rest.
CHILD_SHARE = 0.8


@dataclass
class Corpus:
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


def read_corpus(docs: Sequence[SearchDoc]) -> Corpus:
    ids: dict[str, int] = {}
    rows = []
    occurrences: Counter = Counter()
    doc_fields: Counter = Counter()
    for doc in docs:
        row = []
        for _, _, attr in FIELDS:
            tokens = tokenize(doc.field_text(attr), tails=True)
            for t in dict.fromkeys(tokens):  # new terms numbered in order of first appearance
                if t not in ids:
                    ids[t] = len(ids)
            arr = array("I", map(ids.__getitem__, tokens))
            occurrences.update(arr)
            doc_fields.update(set(arr))
            row.append(arr)
        rows.append(row)
    return Corpus(list(ids), rows, occurrences, doc_fields)


def _build_shard_lunr(corpus: Corpus, refs, shard: int, plan: ShardPlan) -> dict:
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
    postings) and return it as the positions table: term -> field -> [positions in
    each document holding the term there, in document order], fields without
    postings left out."""
    positions = {}
    for term, posting in serialised["invertedIndex"]:
        entry = {}
        for name, _, _ in FIELDS:
            refs = posting[name]
            if refs:  # in document order, the order of the term's refs in the field
                entry[name] = [md.pop("p") for md in refs.values()]
        positions[term] = entry
    return positions


def _drop_empty_vectors(serialised: dict) -> dict:
    # lunr only reads the vector of a field a term matched in, so empty ones are dead weight.
    serialised["fieldVectors"] = [fv for fv in serialised["fieldVectors"] if fv[1]]
    return serialised


SHARD_JSON = b'{"version":"%s","fields":%s,"fieldVectors":[%s],"terms":[%s],"pipeline":[]}'


def compact_shard(serialised: dict) -> dict:
    """A serialised lunr index as stored in shard-XXX.js: its ``invertedIndex`` replaced
    by ``terms``, the terms in ``_index`` order. The postings are not stored: a term
    has a posting for ``field/ref`` exactly when that field vector holds the term's
    index, so :func:`expand_shard` (``expandShard`` in search-core.js) rebuilds them.

    >>> compact_shard({"version": "2.3.9", "fields": ["t"], "pipeline": [],
    ...     "fieldVectors": [["t/0", [0, 1.5]]],
    ...     "invertedIndex": [["乙", {"t": {"0": {}}, "_index": 0}]]})["terms"]
    ['乙']
    """
    terms = [""] * len(serialised["invertedIndex"])
    for term, posting in serialised["invertedIndex"]:
        terms[posting["_index"]] = term
    return {
        "version": serialised["version"],
        "fields": serialised["fields"],
        "fieldVectors": serialised["fieldVectors"],
        "terms": terms,
        "pipeline": serialised["pipeline"],
    }


def expand_shard(compact: dict) -> dict:
    """The serialised lunr index a stored shard stands for (``lunr.Index.load`` reads it):
    every term's postings rebuilt from the field vectors, terms sorted.

    >>> shard = {"version": "2.3.9", "fields": ["t", "b"], "pipeline": [], "terms": ["乙", "甲"],
    ...     "fieldVectors": [["t/0", [0, 1.5, 1, 0.2]], ["b/1", [1, 0.7]]]}
    >>> for term, posting in expand_shard(shard)["invertedIndex"]: print(term, posting)
    乙 {'t': {'0': {}}, 'b': {}, '_index': 0}
    甲 {'t': {'0': {}}, 'b': {'1': {}}, '_index': 1}
    """
    fields, terms = compact["fields"], compact["terms"]
    postings = [{f: {} for f in fields} for _ in terms]
    for field_ref, elements in compact["fieldVectors"]:
        field, ref = field_ref.split("/", 1)
        for i in elements[::2]:
            postings[i][field][ref] = {}
    for i, posting in enumerate(postings):
        posting["_index"] = i
    inverted = sorted(zip(terms, postings, strict=True), key=lambda tp: tp[0])
    return {**compact, "invertedIndex": [list(tp) for tp in inverted]}


def _postings(corpus: Corpus) -> list[bytearray | None]:
    """Positions JSON text (``[positions],…``, documents in order) by ``term id *
    fields + field``."""
    nf = len(FIELDS)
    postings: list[bytearray | None] = [None] * (len(corpus.terms) * nf)
    for row in corpus.rows:
        head = b"["
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
    def of(cls, corpus: Corpus) -> CorpusStats:
        documents = sum(1 for row in corpus.rows if any(row))
        totals = [sum(len(row[f]) for row in corpus.rows) for f in range(len(FIELDS))]
        return cls(documents, tuple(t / documents if documents else 0 for t in totals))


def _field_vectors(
    corpus: Corpus, refs, shard, index, n_docs, stats: CorpusStats, docs: range | None = None
) -> list[bytes]:
    """The ``fieldVectors`` JSON text of every shard (of the documents numbered ``docs``,
    all by default): lunr.py's BM25 with the corpus's statistics (:class:`CorpusStats`),
    document by document.

    The arithmetic is lunr.py's, in its order (so the floats are the same bits);
    idf is computed once a term, the length part of the norm once a field, and
    the elements of a (document, shard, field) are collected under one key.
    """
    nf = len(FIELDS)
    names = [name for name, _, _ in FIELDS]
    boosts = [boost for _, boost, _ in FIELDS]
    vectors: list[bytearray] = [bytearray() for _ in n_docs]
    avg = stats.average
    documents = stats.documents
    dfs = corpus.doc_fields
    idf = [
        math.log(1 + abs((documents - df + 0.5) / (df + 0.5)))
        for df in map(dfs.__getitem__, range(len(corpus.terms)))
    ]
    k1_plus_1 = K1 + 1
    element = "%d,%r".__mod__
    docs = docs if docs is not None else range(len(corpus.rows))
    rows = corpus.rows[docs.start : docs.stop]
    for ref, row in zip(refs[docs.start : docs.stop], rows, strict=True):
        # key shard * nf + field: fields are read in order, so a shard's keys come in field order
        per_key: dict[int, list[tuple[int, float]]] = {}
        for f, arr in enumerate(row):
            if not arr:
                continue
            boost = boosts[f]
            base = K1 * (1 - B + B * (len(arr) / avg[f]))
            for t, count in Counter(arr).items():
                score = idf[t] * (k1_plus_1 * count) / (base + count)
                score *= boost
                key = shard[t] * nf + f
                elements = per_key.get(key)
                if elements is None:
                    per_key[key] = [(index[t], round(score, 3))]
                else:
                    elements.append((index[t], round(score, 3)))
        for key, elements in per_key.items():
            s, f = divmod(key, nf)
            out = vectors[s]
            elements.sort()
            flat = ",".join(map(element, elements))
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


def _shard_payloads_fast(corpus: Corpus, refs, plan: ShardPlan) -> Iterator[tuple[int, str]]:
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

    # Field vectors and postings do not depend on each other: with two cores, a
    # forked child computes the vectors of the first CHILD_SHARE of the documents
    # while this process does the postings and then the other documents' vectors.
    args = (corpus, refs, shard, index, n_docs, CorpusStats.of(corpus))
    split = round(len(rows) * CHILD_SHARE)
    with _BackgroundCall(_field_vectors, *args, range(split)) as pending:
        postings = _postings(corpus)
        rest = _field_vectors(*args, range(split, len(rows)))
        first = pending.result()
        vectors = [a + b"," + b if a and b else a or b for a, b in zip(first, rest, strict=True)]

    fields_json = json.dumps(names).replace(" ", "").encode()
    for s in range(shards):
        if not n_docs[s]:
            continue
        table = []
        for t in sorted(by_shard[s], key=terms.__getitem__):
            held = []
            for f in range(nf):
                k = t * nf + f
                buf = postings[k]
                if buf:
                    held.append(b'"%s":[%s]' % (names[f].encode(), buf))
                postings[k] = None
            term = json.dumps(terms[t], ensure_ascii=False).encode()
            table.append(b"%s:{%s}" % (term, b",".join(held)))
        # by_shard[s] is in term id order, which is the terms' _index order
        listed = b",".join(json.dumps(terms[t], ensure_ascii=False).encode() for t in by_shard[s])
        payload = SHARD_JSON % (LUNR_VERSION.encode(), fields_json, vectors[s], listed)
        vectors[s] = b""
        yield s, payload.decode("utf-8"), (b"{%s}" % b",".join(table)).decode("utf-8")


def compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def shard_payloads(corpus: Corpus, refs, plan: ShardPlan, backend: str):
    """(shard number, lunr index JSON, positions table JSON) of every non-empty shard."""
    if backend == "fast":
        yield from _shard_payloads_fast(corpus, refs, plan)
    elif backend == "lunr":
        for s in range(plan.shards):
            index = _build_shard_lunr(corpus, refs, s, plan)
            if index["invertedIndex"]:
                positions = _split_positions(index)
                yield s, compact_json(compact_shard(index)), compact_json(positions)
    else:
        raise ValueError(f"unknown search index backend {backend!r}")


def build_shards(docs: Sequence[SearchDoc], shards: int = 0, backend: str = "fast"):
    """(serialised lunr index, positions table) as JSON text by shard number, the
    ShardPlan and the token count."""
    corpus = read_corpus(docs)
    refs = [ref_of(i) for i in range(len(docs))]
    shards = shards or choose_shard_count(corpus.tokens)
    plan = ShardPlan.pack(corpus.volume(), shards)
    payloads = shard_payloads(corpus, refs, plan, backend)
    return {s: (index, pos) for s, index, pos in payloads}, plan, corpus.tokens
