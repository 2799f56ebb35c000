"""Pelican glue: connects the pipeline to Pelican's signals, and nothing else.

* ``initialized``: import raw pages into Markdown posts before content is read.
* ``content_object_init``: give districts and topics their gazetteer slugs;
  display fixes (full-width punctuation, bylines without print markers, summaries
  that end at a sentence end: :mod:`newsprint.reading`).
* ``get_generators``: the figures view (per-district investment tables and charts)
  the sharded search index (search/*.js, loadable from file://), and the raw
  pages as readable HTML with line anchors (raw/NAME.html#L12).
* ``finalized``: write the import report into the output.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from pelican import signals

from . import reading, search, source_pages
from .importer import ImportReport, import_pages
from .settings import get_setting

log = logging.getLogger(__name__)
_reports: dict[int, ImportReport] = {}


def _base(pelican) -> Path:
    """Relative NEWSPRINT paths are taken from the folder holding the settings file."""
    path = pelican.settings.get("PATH", "content")
    return Path(path).resolve().parent


def import_raw_pages(pelican) -> None:
    """Run the importer once per build, before any content is read."""
    if not get_setting(pelican.settings, "NEWSPRINT_IMPORT"):
        return
    base = _base(pelican)
    raw = base / get_setting(pelican.settings, "NEWSPRINT_RAW_DIR")
    posts = base / get_setting(pelican.settings, "NEWSPRINT_POSTS_DIR")
    if not raw.is_dir():
        log.warning("newsprint: no raw page folder at %s", raw)
        return
    report = import_pages(raw, posts)
    _reports[id(pelican)] = report
    log.info(report.summary())
    for error in report.errors:
        log.error("newsprint: %s", error)


def set_slugs(content) -> None:
    """District and topic pages use the vocabulary's ASCII slugs, not transliteration."""
    from .slugs import person_slug, pinyin_slug

    meta = getattr(content, "metadata", {})
    category = getattr(content, "category", None)
    if category is not None:
        category.slug = meta.get("district_slug") or pinyin_slug(category.name) or "none"
    for tag in getattr(content, "tags", None) or []:
        tag.slug = pinyin_slug(tag.name) or tag.slug
    for author in getattr(content, "authors", None) or []:
        author.slug = person_slug(author.name) or author.slug


def write_report(pelican) -> None:
    report = _reports.pop(id(pelican), None)
    if report is None:
        return
    target = Path(pelican.output_path) / get_setting(pelican.settings, "NEWSPRINT_REPORT")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=1), "utf-8")


def figures_generator(pelican):
    from .figures_view import FiguresGenerator

    return FiguresGenerator


def register() -> None:
    signals.initialized.connect(import_raw_pages)
    signals.get_generators.connect(figures_generator)
    signals.get_generators.connect(search.get_generators)
    signals.get_generators.connect(source_pages.get_generators)
    signals.content_object_init.connect(set_slugs)
    signals.content_object_init.connect(reading.prepare_article)
    signals.finalized.connect(write_report)
