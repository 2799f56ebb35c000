"""Raw pages → Markdown posts in ``content/posts``, one file per article.

* Unchanged input rewrites nothing: a cache file maps each raw page to the hash of
  its bytes and of the pipeline version, and to the posts it produced.
* A post an editor has corrected and marked ``Locked: true`` is never overwritten
  or deleted, and the importer writes no second copy of that article.
* A bad page (encoding, binary, HTML) is reported with its file name; the others go on.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .inspect_json import page_records
from .models import PageResult
from .pipeline import process_file
from .segment import LOW_CONFIDENCE
from .write import post_markdown

CACHE_NAME = ".newsprint-cache.json"
_LOCKED = re.compile(r"^locked:\s*(true|yes|1)\s*$", re.IGNORECASE | re.MULTILINE)
_SLUG = re.compile(r"^slug:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)
_SOURCE = re.compile(r"^source:\s*([^:\n]+):", re.IGNORECASE | re.MULTILINE)


def pipeline_version() -> str:
    """Hash of the pipeline's own code and data, so a code change re-imports every page."""
    here = Path(__file__).parent
    digest = hashlib.sha1()
    for path in sorted([*here.glob("*.py"), *here.glob("data/*")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class ImportReport:
    """What an import did, for the log and ``output/report/import.json``."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)
    uncertain: list[dict] = field(default_factory=list)  # articles cut on weak evidence

    def summary(self) -> str:
        return (
            f"newsprint import: {len(self.written)} posts written, {len(self.unchanged)} pages "
            f"unchanged, {len(self.locked)} locked posts kept, {len(self.removed)} stale posts "
            f"removed, {len(self.dropped)} texts dropped, {len(self.errors)} page errors"
        )

    def as_json(self) -> dict:
        return {
            "written": self.written,
            "unchanged": self.unchanged,
            "locked": self.locked,
            "removed": self.removed,
            "errors": self.errors,
            "dropped": self.dropped,
            "low_confidence": self.uncertain,
        }


def low_confidence(source: str, result: PageResult) -> list[dict]:
    """The articles of a page cut or titled on weak evidence, for an editor to check first.

    >>> from newsprint.models import Article
    >>> page = PageResult("p.txt", [Article("p.txt", title="甲", lines=(3, 9),
    ...                              confidence={"boundary": 0.5, "title": 0.9})])
    >>> [(r["title"], r["lines"]) for r in low_confidence("p.txt", page)]
    [('甲', [3, 9])]
    """
    return [
        {"source": source, "title": a.title, "lines": list(a.lines), "confidence": a.confidence}
        for a in result.articles
        if a.confidence and min(a.confidence.values()) < LOW_CONFIDENCE
    ]


def locked_posts(posts_dir: Path) -> dict[str, Path]:
    """Slug → file of every post an editor has locked."""
    found: dict[str, Path] = {}
    for path in posts_dir.rglob("*.md"):
        text = path.read_text("utf-8", errors="replace")
        head = text.split("\n\n", 1)[0]
        if _LOCKED.search(head) and (m := _SLUG.search(head)):
            found[m.group(1)] = path
    return found


def _write_if_changed(path: Path, text: str) -> bool:
    if path.exists() and path.read_text("utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return True


def import_pages(raw_dir: Path, posts_dir: Path) -> ImportReport:
    """Import every ``*.txt`` page of ``raw_dir`` into ``posts_dir``."""
    report = ImportReport()
    posts_dir.mkdir(parents=True, exist_ok=True)
    cache_path = posts_dir / CACHE_NAME
    try:
        cache = json.loads(cache_path.read_text("utf-8"))
    except (OSError, ValueError):
        cache = {}
    version = pipeline_version()
    locked = locked_posts(posts_dir)
    new_cache: dict[str, dict] = {}
    pages = sorted(raw_dir.glob("*.txt"))
    for page in pages:
        data = page.read_bytes()
        page_hash = hashlib.sha1(data + version.encode()).hexdigest()
        entry = cache.get(page.name)
        outputs = entry.get("posts", []) if entry else []
        if (
            entry
            and entry.get("hash") == page_hash
            and all((posts_dir / o).exists() for o in outputs)
        ):
            new_cache[page.name] = entry
            report.unchanged.append(page.name)
            report.dropped.extend(entry.get("dropped", []))
            report.uncertain.extend(entry.get("uncertain", []))
            continue
        result = process_file(page)
        if result.error:
            report.errors.append(result.error)
            continue
        written: list[str] = []
        dropped: list[dict] = []
        uncertain = low_confidence(page.name, result)
        for art, record in zip(result.articles, page_records(result), strict=True):
            for d in record["dropped"]:
                dropped.append({"source": page.name, "slug": art.slug, **d})
            if art.slug in locked:
                report.locked.append(str(locked[art.slug]))
                continue
            rel = f"{page.stem}/{art.slug}.md"
            if _write_if_changed(posts_dir / rel, post_markdown(art)):
                report.written.append(rel)
            written.append(rel)
        for stale in set(outputs) - set(written):
            path = posts_dir / stale
            if path.exists() and not _LOCKED.search(path.read_text("utf-8").split("\n\n", 1)[0]):
                path.unlink()
                report.removed.append(stale)
        new_cache[page.name] = {
            "hash": page_hash, "posts": written, "dropped": dropped, "uncertain": uncertain
        }
        report.dropped.extend(dropped)
        report.uncertain.extend(uncertain)
    # Posts of raw pages that were removed from raw_dir go too (locked ones stay).
    for name, entry in cache.items():
        if name not in new_cache:
            for stale in entry.get("posts", []):
                path = posts_dir / stale
                if path.exists() and not _LOCKED.search(
                    path.read_text("utf-8").split("\n\n", 1)[0]
                ):
                    path.unlink()
                    report.removed.append(stale)
    _write_if_changed(
        cache_path, json.dumps(new_cache, ensure_ascii=False, indent=1, sort_keys=True)
    )
    return report
