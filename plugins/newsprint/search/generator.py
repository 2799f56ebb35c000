"""The Pelican generator writing output/search/ from the finished articles.

The files of the last build are kept in ``NEWSPRINT_CACHE_DIR/newsprint-search/<build>``
(``cache/`` beside the content folder, set by the plugin): a build whose
articles, settings and search code are all unchanged links them from there
instead of indexing again (:func:`newsprint.search.files.build_search_index`).
``NEWSPRINT_SEARCH_CACHE = False`` turns that off.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from ..settings import get_setting
from .docs import doc_from_article
from .files import build_search_index

log = logging.getLogger(__name__)


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
            cache_dir=self._cache_dir(),
        )
        log.info(
            "search index%s: %d documents, %d shards, %d files, %.1f MB",
            " (unchanged, from the cache)" if report.cached else "",
            report.documents,
            report.shards,
            report.files,
            report.bytes / 1e6,
        )

    def _cache_dir(self) -> Path | None:
        folder = self.settings.get("NEWSPRINT_CACHE_DIR")
        if not folder or not get_setting(self.settings, "NEWSPRINT_SEARCH_CACHE"):
            return None
        return Path(folder) / "newsprint-search"


def get_generators(pelican_object):
    """Receiver for pelican.signals.get_generators."""
    return SearchIndexGenerator
