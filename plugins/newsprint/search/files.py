"""The files of output/search/: shards, positions, stored text, facets, fold table, manifest.

Every file is a classic script assigning to a global (``fetch()`` and ES modules
are blocked from ``file://``); :mod:`newsprint.search.index` lists them.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .docs import FIELDS, SearchDoc
from .facets import FacetTable, date_number
from .fold import fold_pairs
from .index import LUNR_VERSION, compact_json, read_corpus, shard_payloads
from .shards import ShardPlan, choose_shard_count, ref_of, shard_name

SHARDS_GLOBAL = "(window.NEWSPRINT_SHARDS=window.NEWSPRINT_SHARDS||{})"
POSITIONS_GLOBAL = "(window.NEWSPRINT_POSITIONS=window.NEWSPRINT_POSITIONS||{})"


@dataclass
class BuildReport:
    documents: int = 0
    shards: int = 0
    tokens: int = 0
    files: int = 0
    bytes: int = 0
    shard_bytes: dict[str, int] = field(default_factory=dict)


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
    corpus = read_corpus(docs)
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
    for s, payload, positions in shard_payloads(corpus, refs, plan, backend):
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
                d.extra,  # district, topics, people, source line (newsprint.search.docs)
                d.url,
                date_number(d.date),
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

    write("fold.js", f"window.NEWSPRINT_FOLD={compact_json(fold_pairs())};\n")

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
