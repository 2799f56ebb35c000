"""The files of output/search/: shards, positions, stored text, facets, fold table, manifest.

Every file is a classic script assigning to a global (``fetch()`` and ES modules
are blocked from ``file://``); :mod:`newsprint.search.index` lists them.

Build identity: every file the browser loads after the manifest ends with a line
``NEWSPRINT_BUILDS["shard-0a.js"]="<build>"``, and the manifest says
``"build":"<build>"``, a digest of everything the files are made from (the
documents, the settings, the search code and lunr.js: :func:`build_id`).  A
browser holding the manifest of an earlier deploy sees another build in the
first file it loads, and reloads the manifest instead of reading one build's
files with the other's plan (search-core.js: ``StaleIndex``).

Cache: with ``cache_dir``, the files of a build are kept there under its build id;
a build whose id is there already is linked (or copied) from the cache instead
of being indexed again, so a rebuild with no article changed costs a digest.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
import zlib
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .docs import FIELDS, SearchDoc
from .facets import FacetTable, date_number
from .fold import fold_pairs
from .index import LUNR_VERSION, compact_json, read_corpus, shard_payloads
from .shards import ShardPlan, choose_shard_count, ref_of, shard_name

BUILDS_GLOBAL = "(window.NEWSPRINT_BUILDS=window.NEWSPRINT_BUILDS||{})"
PACKED_GLOBAL = "(window.NEWSPRINT_PACKED=window.NEWSPRINT_PACKED||{})"
MANIFEST_VERSION = 7
#: Files written into the cache last: a cache folder without it is incomplete.
CACHE_DONE = "build.json"
PACKAGE = Path(__file__).parent


@dataclass
class BuildReport:
    documents: int = 0
    shards: int = 0
    tokens: int = 0
    files: int = 0
    bytes: int = 0
    shard_bytes: dict[str, int] = field(default_factory=dict)
    cached: bool = False  # the files came from the build cache


def _js_global(name: str, key, value) -> str:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return f"(window.{name}=window.{name}||{{}})[{json.dumps(key)}]={payload};\n"


def packed(file: str, global_name: str, key, payload: str) -> str:
    """A script holding ``payload`` (JSON text) deflated and in base64, for the browser to
    inflate (``DecompressionStream("deflate")``, which works from ``file://`` as the
    bytes come in a script) and put at ``window[global_name][key]``.

    The index is stored ~3.5 times smaller than as plain JSON (base64 costs a third
    on top of deflate's ~4.7×); over http it is fetched about as small as before.

    >>> text = packed("docs-0.js", "NEWSPRINT_DOCS", 0, '["凌创"]')
    >>> text.startswith('(window.NEWSPRINT_PACKED=window.NEWSPRINT_PACKED||{})["docs-0.js"]=')
    True
    >>> unpacked(text)
    ('NEWSPRINT_DOCS', 0, '["凌创"]')
    """
    data = base64.b64encode(zlib.compress(payload.encode("utf-8"), 6)).decode("ascii")
    entry = f'[{json.dumps(global_name)},{json.dumps(key)},"{data}"]'
    return f"{PACKED_GLOBAL}[{json.dumps(file)}]={entry};\n"


def unpacked(text: str) -> tuple[str, object, str]:
    """(global name, key, JSON payload) of a file written by :func:`packed`."""
    entry = json.loads(text.split("\n", 1)[0].split("]=", 1)[1].rstrip(";"))
    name, key, data = entry
    return name, key, zlib.decompress(base64.b64decode(data)).decode("utf-8")


def _stored_text(text: str) -> str:
    # Display text stays as printed (full-width punctuation kept); only odd spacing goes.
    return unicodedata.normalize("NFC", re.sub(r"[ \t\u00a0]+", " ", text)).strip()


def build_id(docs: Sequence[SearchDoc], *settings, lunr_js: Path | None = None) -> str:
    """A digest of what the search files are made from: same inputs, same id.

    >>> a = SearchDoc(url="a.html", title="甲", body="乙")
    >>> build_id([a], 8) == build_id([a], 8) != build_id([a], 16)
    True
    """
    digest = hashlib.sha1(f"v{MANIFEST_VERSION}".encode())
    for path in sorted(PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    if lunr_js is not None and Path(lunr_js).is_file():
        digest.update(Path(lunr_js).read_bytes())
    digest.update(json.dumps(settings).encode())
    for d in docs:
        digest.update(json.dumps(d.__dict__, ensure_ascii=False, default=list).encode() + b"\n")
    return digest.hexdigest()[:16]


def _files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name != CACHE_DONE)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _clear(out_dir: Path) -> None:
    if out_dir.exists():
        for old in out_dir.glob("*.js"):
            old.unlink()
    out_dir.mkdir(parents=True, exist_ok=True)


def build_search_index(
    docs: Sequence[SearchDoc],
    out_dir: Path,
    *,
    shards: int = 0,
    chunk: int = 8,
    facet_chunk: int = 4096,
    lunr_js: Path | None = None,
    backend: str = "fast",
    cache_dir: Path | None = None,
) -> BuildReport:
    """Write the search files for ``docs`` into ``out_dir`` (usually output/search);
    with ``cache_dir``, take them from the cache when the same build is there."""
    out_dir = Path(out_dir)
    build = build_id(docs, shards, chunk, facet_chunk, backend, lunr_js=lunr_js)
    cached = Path(cache_dir) / build if cache_dir is not None else None
    if cached is not None and (cached / CACHE_DONE).is_file():
        try:
            report = BuildReport(**json.loads((cached / CACHE_DONE).read_text("utf-8")))
        except (OSError, ValueError, TypeError):
            shutil.rmtree(cached, ignore_errors=True)  # damaged: built again below
        else:
            _clear(out_dir)
            for path in _files_of(cached):
                _link_or_copy(path, out_dir / path.name)
            report.cached = True
            return report
    _clear(out_dir)
    report = _write_index(docs, out_dir, build, shards, chunk, facet_chunk, lunr_js, backend)
    if cache_dir is not None:
        _keep(out_dir, Path(cache_dir), build, report)
    return report


def _keep(out_dir: Path, cache_dir: Path, build: str, report: BuildReport) -> None:
    """Put this build's files into the cache (whole or not at all); older builds go."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".partial-", dir=cache_dir))
    for path in _files_of(out_dir):
        _link_or_copy(path, staging / path.name)
    (staging / CACHE_DONE).write_text(json.dumps(report.__dict__), "utf-8")
    for old in cache_dir.iterdir():
        if old.is_dir() and old != staging and not old.name.startswith(".partial-"):
            shutil.rmtree(old, ignore_errors=True)
    try:
        staging.rename(cache_dir / build)
    except OSError:  # another build put the same files there first
        shutil.rmtree(staging, ignore_errors=True)


def _write_index(
    docs: Sequence[SearchDoc],
    out_dir: Path,
    build: str,
    shards: int,
    chunk: int,
    facet_chunk: int,
    lunr_js: Path | None,
    backend: str,
) -> BuildReport:
    report = BuildReport(documents=len(docs))
    corpus = read_corpus(docs)
    refs = [ref_of(i) for i in range(len(docs))]
    report.tokens = corpus.tokens
    shards = shards or choose_shard_count(corpus.tokens)
    plan = ShardPlan.pack(corpus.volume(), shards)
    report.shards = shards

    def write(name: str, text: str) -> None:
        if name != "manifest.js":  # which build this file belongs to (see the module doc)
            text += f"{BUILDS_GLOBAL}[{json.dumps(name)}]={json.dumps(build)};\n"
        data = text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        report.files += 1
        report.bytes += len(data)

    files = {}

    def pack_shard(name: str, payload: str, positions: str) -> tuple[str, str, str]:
        shard_text = packed(f"shard-{name}.js", "NEWSPRINT_SHARDS", name, payload)
        positions_text = packed(f"positions-{name}.js", "NEWSPRINT_POSITIONS", name, positions)
        return name, shard_text, positions_text

    def flush(queue: deque, keep: int) -> None:
        while len(queue) > keep:
            name, shard_text, positions_text = queue.popleft().result()
            write(f"shard-{name}.js", shard_text)
            files[name] = f"shard-{name}.js"
            report.shard_bytes[name] = len(shard_text.encode("utf-8"))
            write(f"positions-{name}.js", positions_text)

    # zlib lets go of the GIL: two threads deflate the shards while this one makes the
    # next; files are written in shard order, as few shards waiting as threads.
    with ThreadPoolExecutor(max_workers=2) as pool:
        queue: deque = deque()
        for s, payload, positions in shard_payloads(corpus, refs, plan, backend):
            queue.append(pool.submit(pack_shard, shard_name(s, shards), payload, positions))
            flush(queue, 2)
        flush(queue, 0)
        del corpus

        def pack_docs(start: int) -> str:
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
            file = f"docs-{start // chunk}.js"
            return packed(file, "NEWSPRINT_DOCS", start // chunk, compact_json(stored))

        starts = range(0, len(docs), chunk)
        for start, text in zip(starts, pool.map(pack_docs, starts), strict=True):
            write(f"docs-{start // chunk}.js", text)

    table = FacetTable.of(docs)
    for number, start in enumerate(range(0, len(docs), facet_chunk)):
        encoded = table.encode(start, start + facet_chunk)
        write(f"facets-{number}.js", _js_global("NEWSPRINT_FACETS", number, encoded))

    write("fold.js", f"window.NEWSPRINT_FOLD={compact_json(fold_pairs())};\n")

    manifest = {
        "version": MANIFEST_VERSION,
        "build": build,
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
