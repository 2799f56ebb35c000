"""Sharded lunr search index for the archive: a Pelican generator.

Why sharded: one lunr index over 10,000 Chinese articles is ~230 MB of JSON and
takes ~25 s to load in a browser. Here the *vocabulary* is split into shards,
each shard is a complete lunr 2.3.9 index holding only its terms, and a query
loads only the shards that hold its terms (2–4 of several hundred).

Layout written to ``output/search/`` (every file a classic script assigning to
a global, because ``fetch()`` and ES modules are blocked from ``file://``)::

    search/lunr.js          lunr.js 2.3.9, copied from node_modules at build time
    search/manifest.js      window.NEWSPRINT_SEARCH = {shards, files, fields,
                            districts, topics, kinds, docs: [[url, district, yyyymmdd,
                            kind, [topics]], ...], chunk}
    search/shard-XXX.js     NEWSPRINT_SHARDS["XXX"] = <serialised lunr index>
    search/docs-N.js        NEWSPRINT_DOCS[N] = [[title, body, captions, extra], ...]
                            (stored text of docs N*chunk .. N*chunk+chunk-1; loaded only
                            for results on screen)

* Tokens come from :mod:`newsprint.tokenize` (``tails=True``); the browser uses the
  same rules from ``theme/static/js/tokenize.js``.
* A term lives in shard ``shard_of(term, n)``: for a Han term the hash of its
  *first character* (so the prefix query ``渝*`` for a one-character query needs
  one shard), for anything else the hash of the whole term.
  The hash is ``h = h*31 + codepoint (mod 2**32)``, mirrored in ``search-core.js``.
* Document refs are base-36 numbers, the position of the document in
  ``manifest.docs``. Field names are one letter (see ``FIELDS``) because every
  shard repeats ``field/ref`` keys.
* Each posting carries lunr metadata ``p``: the positions of the term in the
  field's full token stream. lunr.js hands them back in ``matchData``, and the
  browser keeps a result only if the query's tokens sit at consecutive
  positions — the phrase check that removes bigram false positives. Results
  on screen are checked once more against their stored text.
* Pipelines are empty on both sides, so nothing needs registering in lunr.js.

Two backends write byte-identical shards (``tests/test_search_index.py``):
``"lunr"`` runs lunr.py's ``Builder`` once per shard; ``"fast"`` (the default)
computes the same postings and BM25 field vectors in one pass — lunr.py's
builder needs minutes for 10,000 articles. Either way lunr (lunr.py in the
tests, lunr.js in the browser) loads and runs every query.

Rebuild: the index is rebuilt by every ``pelican`` run (``make html``); to rebuild
from Python, ``build_search_index(docs, output_path / "search")``. Settings:
``NEWSPRINT_SEARCH_SHARDS`` (0 = choose from corpus size),
``NEWSPRINT_SEARCH_CHUNK`` (documents per docs-N.js, default 8),
``NEWSPRINT_LUNR_JS`` (default ``node_modules/lunr/lunr.min.js``; run ``npm ci``).
"""

from __future__ import annotations

import html
import json
import logging
import math
import re
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .tokenize import is_han, tokenize

log = logging.getLogger(__name__)

LUNR_VERSION = "2.3.9"
#: (index field name, boost, SearchDoc attribute)
FIELDS: tuple[tuple[str, int, str], ...] = (
    ("t", 10, "title"),
    ("b", 1, "body"),
    ("c", 1, "captions"),
    ("d", 3, "district"),
    ("p", 3, "topics"),
    ("a", 2, "authors"),
)
NO_DISTRICT = "未分区"
K1, B = 1.2, 0.75
TOKENS_PER_SHARD = 12_000


@dataclass(frozen=True)
class SearchDoc:
    """What the index needs to know about one article."""

    url: str
    title: str
    body: str
    captions: tuple[str, ...] = ()
    district: str = ""
    topics: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    date: str = ""  # YYYY-MM-DD, YYYY-MM or YYYY: only as precise as the page
    kind: str = ""

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


def _captions(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return (value,)
    out = []
    for item in value:
        text = item.get("text", "") if isinstance(item, dict) else str(item)
        if text:
            out.append(html.unescape(text))
    return tuple(out)


def _honest_date(date, precision: str) -> str:
    """The article date cut to the precision its page gives.

    >>> import datetime
    >>> _honest_date(datetime.date(2024, 7, 1), "month"), _honest_date(None, "day")
    ('2024-07', '')
    """
    if date is None or precision == "unknown":
        return ""
    return date.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))


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
        authors=tuple(str(getattr(a, "name", a)) for a in getattr(article, "authors", None) or ()),
        date=_honest_date(date, meta.get("date_precision", "day")),
        kind=str(meta.get("kind", "") or ""),
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


def shard_of(term: str, shards: int) -> int:
    """The shard holding ``term``: by its first character when that is Han."""
    key = term[0] if is_han(term[0]) else term
    return term_hash(key) % shards


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


# --- index building ---------------------------------------------------------------


def _field_tokens(docs: Sequence[SearchDoc]) -> list[list[list[str]]]:
    return [[tokenize(doc.field_text(attr), tails=True) for _, _, attr in FIELDS] for doc in docs]


def _build_shard_lunr(docs_tokens, refs, shard: int, shards: int) -> dict:
    """Reference backend: lunr.py's Builder, fed this shard's tokens only."""
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline
    from lunr.token_set import TokenSet

    builder = Builder()
    builder.ref("ref")
    builder.metadata_whitelist = ["p"]

    def keep_shard_terms(token, i, tokens):
        if shard_of(str(token), shards) != shard:
            return None
        token.metadata["p"] = i
        return token

    # A build-time-only function: never serialised, registered just to keep lunr.py quiet.
    keep_shard_terms.label = "newsprintShardFilter"
    Pipeline.registered_functions[keep_shard_terms.label] = keep_shard_terms
    builder.pipeline.add(keep_shard_terms)
    for number, (name, boost, _attr) in enumerate(FIELDS):
        builder.field(name, boost=boost, extractor=lambda d, n=number: d["tokens"][n])
    for ref, fields in zip(refs, docs_tokens, strict=True):
        if any(shard_of(t, shards) == shard for tokens in fields for t in tokens):
            builder.add({"ref": ref, "tokens": fields})
    builder._create_token_set = lambda: setattr(builder, "token_set", TokenSet())
    return _drop_empty_vectors(builder.build().serialize())


def _drop_empty_vectors(serialised: dict) -> dict:
    # lunr only reads the vector of a field a term matched in, so empty ones are dead weight.
    serialised["fieldVectors"] = [fv for fv in serialised["fieldVectors"] if fv[1]]
    return serialised


def _build_shards_fast(docs_tokens, refs, shards: int) -> dict[int, dict]:
    """Same output as _build_shard_lunr for every shard, in one pass over the tokens.

    Mirrors lunr.py 0.8 Builder.add/_create_field_vectors/serialize step for step,
    including its quirks (idf counts a document once per field it has the term in;
    term indices in order of first appearance; scores rounded to 3 places).
    """
    field_names = [name for name, _, _ in FIELDS]
    boosts = [boost for _, boost, _ in FIELDS]
    nf = len(FIELDS)
    cache: dict[str, int] = {}
    # per shard: term -> [index, per-field {ref: positions}], doc list, field lengths
    inverted: list[dict[str, list]] = [{} for _ in range(shards)]
    doc_fields: list[list[tuple[str, list[dict[str, int]], list[int]]]] = [
        [] for _ in range(shards)
    ]
    for ref, fields in zip(refs, docs_tokens, strict=True):
        per_shard: dict[int, tuple[list[dict[str, int]], list[int]]] = {}
        for f, tokens in enumerate(fields):
            for i, term in enumerate(tokens):
                s = cache.get(term)
                if s is None:
                    s = cache[term] = shard_of(term, shards)
                entry = per_shard.get(s)
                if entry is None:
                    entry = per_shard[s] = ([{} for _ in range(nf)], [0] * nf)
                tf, lengths = entry
                tf[f][term] = tf[f].get(term, 0) + 1
                lengths[f] += 1
                inv = inverted[s]
                posting = inv.get(term)
                if posting is None:
                    posting = inv[term] = [len(inv), [{} for _ in range(nf)]]
                positions = posting[1][f].get(ref)
                if positions is None:
                    posting[1][f][ref] = [i]
                else:
                    positions.append(i)
        for s, (tf, lengths) in per_shard.items():
            doc_fields[s].append((ref, tf, lengths))

    out = {}
    for s in range(shards):
        docs = doc_fields[s]
        if not docs:
            continue
        inv = inverted[s]
        n_docs = len(docs)
        avg = [sum(d[2][f] for d in docs) / n_docs for f in range(nf)]
        idf_cache: dict[str, float] = {}
        vectors = []
        for ref, tf, lengths in docs:
            for f in range(nf):
                if not tf[f]:
                    continue
                elements = []
                for term, count in tf[f].items():
                    posting = inv[term]
                    idf = idf_cache.get(term)
                    if idf is None:
                        with_term = sum(len(p) for p in posting[1])
                        x = (n_docs - with_term + 0.5) / (with_term + 0.5)
                        idf = idf_cache[term] = math.log(1 + abs(x))
                    score = (
                        idf
                        * ((K1 + 1) * count)
                        / (K1 * (1 - B + B * (lengths[f] / avg[f])) + count)
                    )
                    score *= boosts[f]
                    score *= 1
                    elements.append((posting[0], round(score, 3)))
                elements.sort()
                flat = []
                for index, score in elements:
                    flat.append(index)
                    flat.append(round(score, 3))
                vectors.append([f"{field_names[f]}/{ref}", flat])
        inverted_index = []
        for term in sorted(inv):
            index, per_field = inv[term]
            posting = {
                field_names[f]: {r: {"p": p} for r, p in per_field[f].items()} for f in range(nf)
            }
            posting["_index"] = index
            inverted_index.append([term, posting])
        out[s] = {
            "version": LUNR_VERSION,
            "fields": field_names,
            "fieldVectors": vectors,
            "invertedIndex": inverted_index,
            "pipeline": [],
        }
    return out


def build_shards(docs: Sequence[SearchDoc], shards: int = 0, backend: str = "fast"):
    """Serialised lunr indexes by shard number, plus the shard count used."""
    docs_tokens = _field_tokens(docs)
    refs = [ref_of(i) for i in range(len(docs))]
    total = sum(len(t) for fields in docs_tokens for t in fields)
    shards = shards or choose_shard_count(total)
    if backend == "lunr":
        built = {s: _build_shard_lunr(docs_tokens, refs, s, shards) for s in range(shards)}
        built = {s: idx for s, idx in built.items() if idx["invertedIndex"]}
    elif backend == "fast":
        built = _build_shards_fast(docs_tokens, refs, shards)
    else:
        raise ValueError(f"unknown search index backend {backend!r}")
    return built, shards, total


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
    built, shards, report.tokens = build_shards(docs, shards, backend)
    report.shards = shards

    def write(name: str, text: str) -> None:
        data = text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        report.files += 1
        report.bytes += len(data)

    files = {}
    for s, index in built.items():
        name = shard_name(s, shards)
        text = _js_global("NEWSPRINT_SHARDS", name, index)
        write(f"shard-{name}.js", text)
        files[name] = f"shard-{name}.js"
        report.shard_bytes[name] = len(text.encode("utf-8"))

    for start in range(0, len(docs), chunk):
        stored = [
            [
                _stored_text(d.title),
                _stored_text(d.body),
                _stored_text("\n".join(d.captions)),
                " ".join(x for x in (d.district, *d.topics, *d.authors) if x),
            ]
            for d in docs[start : start + chunk]
        ]
        write(f"docs-{start // chunk}.js", _js_global("NEWSPRINT_DOCS", start // chunk, stored))

    districts = sorted({d.district for d in docs if d.district})
    topics = sorted({t for d in docs for t in d.topics})
    kinds = sorted({d.kind for d in docs if d.kind})
    d_ix = {v: i for i, v in enumerate(districts)}
    t_ix = {v: i for i, v in enumerate(topics)}
    k_ix = {v: i for i, v in enumerate(kinds)}
    manifest = {
        "version": 1,
        "lunr": LUNR_VERSION,
        "shards": shards,
        "files": files,
        "fields": [name for name, _, _ in FIELDS],
        "chunk": chunk,
        "districts": districts,
        "topics": topics,
        "kinds": kinds,
        "docs": [
            [
                d.url,
                d_ix.get(d.district, -1),
                # YYYYMMDD; a month or day the page does not give is 00
                int(d.date.replace("-", "").ljust(8, "0") if d.date else 0),
                k_ix.get(d.kind, -1),
                [t_ix[t] for t in d.topics],
            ]
            for d in docs
        ],
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
        lunr_js = Path(self.settings.get("NEWSPRINT_LUNR_JS", "node_modules/lunr/lunr.min.js"))
        report = build_search_index(
            docs,
            self.output_path / "search",
            shards=int(self.settings.get("NEWSPRINT_SEARCH_SHARDS", 0)),
            chunk=int(self.settings.get("NEWSPRINT_SEARCH_CHUNK", 8)),
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
