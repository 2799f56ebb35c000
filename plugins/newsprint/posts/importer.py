"""Raw pages → Markdown posts in ``content/posts``, one file per article.

* ``content/raw/`` is data: only page dumps and sidecars are read (see
  :mod:`newsprint.posts.rawfiles`); posts are only ever written under the posts folder.
* One bad entry costs that entry only: a page, a sidecar, a post or any other
  file is reported with its name and the reason, and the others go on.
* Unchanged input rewrites nothing: the cache maps each raw page to a key over
  its bytes, its sidecar's bytes and the pipeline's code (:mod:`newsprint.posts.cache`),
  and to the posts it produced.  A damaged cache is rebuilt, never trusted.
* A post an editor has corrected and locked is never overwritten, moved or
  deleted, and the importer writes no second copy of that article, even after
  the editor changed its slug or the page its headline (see :mod:`newsprint.posts.post_files`).
* A post the importer wrote and no page produces any more is removed, whatever
  the cache says, so an article never appears twice.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..cut.segment import LOW_CONFIDENCE
from ..models import Article, PageResult
from .cache import PageEntry, load_cache, page_key, save_cache
from .inspect_json import page_records
from .lock import build_lock
from .parallel import process_all
from .post_files import (
    PostFile,
    content_digest,
    is_inside,
    read_post,
    remove_partial_writes,
    write_atomically,
)
from .rawfiles import post_folder, scan_raw
from .write import post_markdown

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    """What an import did, for the log and ``output/report/import.json``.

    ``errors`` are entries that were lost (``"NAME: reason"``); ``warnings`` are
    repairs that cost part of an entry; ``skipped`` are files that are not input.
    """

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)
    uncertain: list[dict] = field(default_factory=list)  # articles cut on weak evidence

    def summary(self) -> str:
        return (
            f"newsprint import: {len(self.written)} posts written, {len(self.unchanged)} pages "
            f"unchanged, {len(self.locked)} locked posts kept, {len(self.removed)} stale posts "
            f"removed, {len(self.dropped)} texts dropped, {len(self.errors)} errors, "
            f"{len(self.warnings)} warnings, {len(self.skipped)} files skipped"
        )

    def as_json(self) -> dict:
        return {
            "written": self.written,
            "unchanged": self.unchanged,
            "locked": self.locked,
            "removed": self.removed,
            "errors": self.errors,
            "warnings": self.warnings,
            "skipped": self.skipped,
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


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]


class _Posts:
    """The posts folder as the importer found it: locked posts by identity, generated ones."""

    def __init__(self, posts_dir: Path, report: ImportReport) -> None:
        self.dir = posts_dir
        remove_partial_writes(posts_dir)  # safe: the build lock is held
        self.files: dict[Path, PostFile] = {}
        for path in sorted(posts_dir.rglob("*.md")):
            try:
                self.files[path] = read_post(path)
            except OSError as exc:
                report.errors.append(f"{self.rel(path)}: cannot be read: {exc.strerror or exc}")
        self.locked = [p for p in self.files.values() if p.locked]
        for post in self.locked:
            if not post.utf8:
                report.errors.append(
                    f"{self.rel(post.path)}: locked post not saved as UTF-8; Pelican cannot "
                    "read it (save it as UTF-8 again); the importer leaves it alone"
                )

    def rel(self, path: Path) -> str:
        return path.relative_to(self.dir).as_posix()

    def locked_match(self, art: Article) -> PostFile | None:
        """The locked post that corrects ``art``: same first slug, same text, or same slug."""
        digest = content_digest(art)
        for post in self.locked:
            first_slug, post_digest = post.origin
            if art.slug in (first_slug, post.meta.get("slug")) or (
                digest is not None and digest == post_digest
            ):
                return post
        return None

    def is_locked_file(self, path: Path) -> bool:
        post = self.files.get(path)
        return bool(post and post.locked)


def _write_posts(
    result: PageResult, posts: _Posts, report: ImportReport
) -> tuple[dict[str, str], list[dict]] | None:
    """Write the posts of one processed page; ``None`` when a post could not be placed."""
    folder = post_folder(result.source)
    produced: dict[str, str] = {}
    dropped: list[dict] = []
    for art, record in zip(result.articles, page_records(result), strict=True):
        dropped += [{"source": result.source, "slug": art.slug, **d} for d in record["dropped"]]
        match = posts.locked_match(art)
        if match is not None:
            report.locked.append(str(match.path))
            continue
        rel = f"{folder}/{art.slug}.md"
        target = posts.dir / rel
        if not is_inside(target, posts.dir):
            report.errors.append(f"{rel}: would be written outside the posts folder; refused")
            return None
        if posts.is_locked_file(target):  # a locked post of another article holds the name
            report.errors.append(f"{rel}: a locked post of another article has this name; kept")
            continue
        text = post_markdown(art)
        produced[rel] = _digest(text)
        if not (target.is_file() and target.read_bytes() == text.encode()):
            write_atomically(target, text)
            report.written.append(rel)
    return produced, dropped


def _cached_posts_intact(entry: PageEntry, posts: _Posts) -> bool:
    """Does every post the cache lists still exist with the content it was written with?

    The posts were read once already (:class:`_Posts`): their digests are used, not
    read a second time.
    """
    for rel, digest in entry.posts.items():
        post = posts.files.get(posts.dir / rel)
        if post is None or post.digest is None or post.digest != digest:
            return False
    return True


def _remove_stale(
    posts: _Posts, produced: set[str], failed_pages: set[str], report: ImportReport
) -> None:
    """Remove generated, unlocked posts that no page produced this time.

    Posts of a page that failed this time are kept: a page that became unreadable
    leaves its articles online until it is fixed or removed.
    """
    for path, post in posts.files.items():
        rel = posts.rel(path)
        if post.locked or not post.generated or rel in produced:
            continue
        if post.source_page in failed_pages:
            continue
        path.unlink(missing_ok=True)
        report.removed.append(rel)


def import_pages(raw_dir: Path, posts_dir: Path, root: Path | None = None) -> ImportReport:
    """Import every page of ``raw_dir`` into ``posts_dir``; links may point inside ``root``.

    ``root`` is the project folder (default: ``raw_dir`` itself).  Holds the build
    lock of ``posts_dir`` while it runs (see :mod:`newsprint.posts.lock`).
    """
    posts_dir.mkdir(parents=True, exist_ok=True)
    with build_lock(posts_dir):
        return _import(raw_dir, posts_dir, root)


def _import(raw_dir: Path, posts_dir: Path, root: Path | None) -> ImportReport:
    report = ImportReport()
    scan = scan_raw(raw_dir, root)
    report.errors += scan.problems
    report.skipped += scan.skipped
    cache, cache_problem = load_cache(posts_dir)
    if cache_problem:
        report.warnings.append(cache_problem)
    posts = _Posts(posts_dir, report)
    new_cache: dict[str, PageEntry] = {}
    produced: set[str] = set()
    failed: set[str] = set()
    folders: dict[str, str] = {}
    # Pass 1: which pages can be read and whose cache entry still holds; the others
    # are processed (on every core: :func:`newsprint.posts.parallel.process_all`) and
    # written in pass 2, in page order, so the report reads the same either way.
    plan: list[tuple[str, str, PageEntry | None, tuple | None]] = []
    for page in scan.pages:
        name = scan.page_names[page]
        folder = post_folder(name)
        if folder in folders:
            report.errors.append(
                f"{name}: its posts folder {folder!r} is taken by {folders[folder]}; skipped"
            )
            failed.add(name)
            continue
        folders[folder] = name
        sidecar_path = scan.sidecars.get(name)
        try:
            data = page.read_bytes()
            sidecar_bytes = sidecar_path.read_bytes() if sidecar_path else b""
        except OSError as exc:
            report.errors.append(f"{name}: cannot be read: {exc.strerror or exc}")
            failed.add(name)
            continue
        key = page_key(data, sidecar_bytes)
        entry = cache.get(name)
        if entry and entry.key == key and _cached_posts_intact(entry, posts):
            plan.append((name, key, entry, None))
        else:
            plan.append((name, key, None, (data, name, sidecar_path)))
    results = process_all([job for _, _, _, job in plan if job is not None])
    for name, key, entry, _job in plan:
        if entry is not None:
            new_cache[name] = entry
            produced.update(entry.posts)
            report.unchanged.append(name)
            report.dropped += entry.dropped
            report.warnings += entry.warnings
            report.uncertain += entry.uncertain
            continue
        result = next(results)
        report.warnings += result.warnings
        if result.error:
            report.errors.append(result.error)
            failed.add(name)
            continue
        written = _write_posts(result, posts, report)
        if written is None:
            failed.add(name)
            continue
        page_posts, dropped = written
        uncertain = low_confidence(name, result)
        produced.update(page_posts)
        report.dropped += dropped
        report.uncertain += uncertain
        new_cache[name] = PageEntry(key, page_posts, dropped, list(result.warnings), uncertain)
    _remove_stale(posts, produced, failed, report)
    save_cache(posts_dir, new_cache)
    for line in report.errors:
        log.error("newsprint: %s", line)
    for line in report.warnings + report.skipped:
        log.warning("newsprint: %s", line)
    return report
