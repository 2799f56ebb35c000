"""Pelican glue: connects the pipeline to Pelican's signals, and nothing else.

* ``initialized``: place the caches beside the content (:func:`place_caches`);
  take the build lock (a second build in the same folder stops
  with a message), then import raw pages into Markdown posts before content is read.
* ``content_object_init``: give districts and topics their gazetteer slugs;
  display fixes (full-width punctuation, bylines without print markers, summaries
  that end at a sentence end: :mod:`newsprint.site.reading`).
* ``get_generators``: the figures view (per-district investment tables and charts)
  the sharded search index (search/*.js, loadable from file://), the raw
  pages as page views with line and span anchors (raw/NAME.html#s-SLUG), and the
  paper → calendar → issue pages (papers/…).
* ``article_generator_finalized``: the archive model (papers, issues, pages) and
  each article's related articles.
* ``article_generator_finalized``: every post Pelican could not read (or dropped)
  becomes an error in the report, so no article is lost silently.
* ``finalized``: write the import report into the output; with ``NEWSPRINT_STRICT``
  exit non-zero when it lists errors; release the lock.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from pathlib import Path

from pelican import signals

from .posts.importer import ImportReport, import_pages
from .posts.lock import BuildLocked, acquire, release
from .search import generator as search_generator
from .settings import get_setting
from .site import paper_views, reading, related, reuse, source_pages

log = logging.getLogger(__name__)
# Keyed by the build's content folder: the articles generator knows its settings only.
_reports: dict[Path, ImportReport] = {}
_locks: dict[Path, Path] = {}
# Exit status of a build stopped because another one holds the lock (EX_TEMPFAIL),
# and of a strict build whose report lists errors.
EXIT_LOCKED = 75
EXIT_STRICT = 2


def _content(settings) -> Path:
    return Path(settings.get("PATH", "content")).resolve()


def _base(pelican) -> Path:
    """Relative NEWSPRINT paths are taken from the folder holding the settings file."""
    path = pelican.settings.get("PATH", "content")
    return Path(path).resolve().parent


def _settings_digest(settings) -> str:
    """A digest of every setting that has a stable text form, and Pelican's version."""
    import pelican as pelican_package

    def stable(value):
        return type(value).__name__  # functions, classes: their identity is not stable

    text = json.dumps(
        {k: settings[k] for k in sorted(settings) if k.isupper()}, default=stable, sort_keys=True
    )
    digest = hashlib.sha1(text.encode() + pelican_package.__version__.encode())
    return digest.hexdigest()[:12]


def place_caches(pelican) -> None:
    """Caches live in ``cache/`` beside the content folder, never shared between sites.

    ``NEWSPRINT_CACHE_DIR`` (the search files of the last build) is set there, and,
    when Pelican caches what its readers read (``CACHE_CONTENT``), ``CACHE_PATH``
    becomes ``cache/pelican-<settings digest>``: Pelican's reader cache knows a
    post's modification time but not the settings it was read with, so a change of
    settings (or of Pelican) starts an empty cache and the old one is removed.
    """
    settings = pelican.settings
    root = _content(settings).parent / "cache"
    settings.setdefault("NEWSPRINT_CACHE_DIR", str(root))
    if not settings.get("CACHE_CONTENT"):
        return
    folder = root / f"pelican-{_settings_digest(settings)}"
    if root.is_dir():
        for old in root.glob("pelican-*"):
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    settings["CACHE_PATH"] = str(folder)


def _cache_root(pelican) -> Path:
    return Path(pelican.settings["NEWSPRINT_CACHE_DIR"])


def set_output_aside(pelican):
    """Each run, before Pelican would delete the output: keep it aside for
    :mod:`newsprint.site.reuse` (unchanged pages are moved back, not rendered)."""
    if get_setting(pelican.settings, "NEWSPRINT_REUSE_OUTPUT"):
        reuse.set_aside(pelican, _cache_root(pelican), _settings_digest(pelican.settings))


def output_writer(pelican):
    return reuse.ReusingWriter if get_setting(pelican.settings, "NEWSPRINT_REUSE_OUTPUT") else None


def import_raw_pages(pelican) -> None:
    """Run the importer once per build, before any content is read."""
    if not get_setting(pelican.settings, "NEWSPRINT_IMPORT"):
        return
    base = _base(pelican)
    raw = base / get_setting(pelican.settings, "NEWSPRINT_RAW_DIR")
    posts = base / get_setting(pelican.settings, "NEWSPRINT_POSTS_DIR")
    try:
        _locks[_content(pelican.settings)] = acquire(posts)
    except BuildLocked as exc:
        log.critical("newsprint: %s", exc)
        raise SystemExit(EXIT_LOCKED) from None
    if not raw.is_dir():
        log.warning("newsprint: no raw page folder at %s", raw)
        return
    report = import_pages(raw, posts, root=base)
    _reports[_content(pelican.settings)] = report
    log.info(report.summary())


def _file_key(path) -> tuple[int, int] | None:
    """A file's identity (device, inode): one ``stat``, where ``resolve`` costs one a folder."""
    try:
        st = Path(path).stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _read_sources(generator) -> set[tuple[int, int] | None]:
    """Source files of everything the articles generator kept (published, draft, hidden)."""
    kept = [
        *generator.articles,
        *generator.translations,
        *generator.drafts,
        *generator.drafts_translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
    ]
    return {_file_key(a.source_path) for a in kept}


def check_posts_were_read(generator) -> None:
    """Report every post under the posts folder that Pelican did not turn into an article."""
    settings = generator.settings
    report = _reports.get(_content(settings))
    if report is None:
        return
    posts = Path(settings["PATH"]).resolve().parent / get_setting(settings, "NEWSPRINT_POSTS_DIR")
    read = _read_sources(generator)
    for path in sorted(posts.rglob("*.md")):
        key = _file_key(path)
        if key is None or key not in read:
            line = (
                f"{path.relative_to(posts).as_posix()}: Pelican could not read this post "
                "(see its message above); it is not on the site"
            )
            report.errors.append(line)
            log.error("newsprint: %s", line)


def set_slugs(content) -> None:
    """District and topic pages take their slugs from the data files
    (``districts.toml``, ``topics.toml``), not from transliteration."""
    from .posts.slugs import person_slug
    from .tag.districts import district_slug
    from .tag.topics import topic_slug

    meta = getattr(content, "metadata", {})
    category = getattr(content, "category", None)
    if category is not None:
        category.slug = meta.get("district_slug") or district_slug(category.name)
    for tag in getattr(content, "tags", None) or []:
        tag.slug = topic_slug(tag.name) or tag.slug
    for author in getattr(content, "authors", None) or []:
        author.slug = person_slug(author.name) or author.slug


def write_report(pelican) -> None:
    """Write the report; in strict mode stop with an error status when it lists errors."""
    lock = _locks.pop(_content(pelican.settings), None)
    try:
        reuse.finish(pelican, _cache_root(pelican))
        report = _reports.pop(_content(pelican.settings), None)
        if report is None:
            return
        target = Path(pelican.output_path) / get_setting(pelican.settings, "NEWSPRINT_REPORT")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=1), "utf-8")
        if report.errors and get_setting(pelican.settings, "NEWSPRINT_STRICT"):
            log.critical("newsprint: strict build: %d errors (see %s)", len(report.errors), target)
            raise SystemExit(EXIT_STRICT)
    finally:
        if lock is not None:
            release(lock)


def figures_generator(pelican):
    from .site.figures_view import FiguresGenerator

    return FiguresGenerator


def register() -> None:
    signals.initialized.connect(place_caches)
    signals.initialized.connect(import_raw_pages)
    signals.get_generators.connect(set_output_aside)
    signals.get_writer.connect(output_writer)
    signals.get_generators.connect(figures_generator)
    signals.get_generators.connect(search_generator.get_generators)
    signals.get_generators.connect(source_pages.get_generators)
    signals.get_generators.connect(paper_views.get_generators)
    # papers → issues → pages, and related articles: known before article pages are written
    signals.article_generator_finalized.connect(paper_views.attach_archive)
    signals.article_generator_finalized.connect(related.attach_related)
    signals.article_generator_finalized.connect(paper_views.drop_undated_periods)
    signals.content_object_init.connect(set_slugs)
    signals.article_generator_finalized.connect(check_posts_were_read)
    signals.content_object_init.connect(reading.prepare_article)
    signals.finalized.connect(write_report)
