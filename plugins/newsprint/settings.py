"""Defaults for every ``NEWSPRINT_*`` setting; pelicanconf.py may override any of them.

>>> get_setting({}, "NEWSPRINT_RAW_DIR")
'content/raw'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Raw page dumps (*.txt), read by the importer; never written.
    "NEWSPRINT_RAW_DIR": "content/raw",
    # Where the importer writes one Markdown post per article.
    "NEWSPRINT_POSTS_DIR": "content/posts",
    # Import raw pages before Pelican reads content (set False to build posts as they are).
    "NEWSPRINT_IMPORT": True,
    # Strict builds (make html STRICT=1): exit non-zero when any page, sidecar or post
    # was lost (the report's "errors").  Otherwise a bad entry costs that entry only.
    "NEWSPRINT_STRICT": False,
    # Build report: JSON with every dropped text and every page error, relative to OUTPUT_PATH.
    "NEWSPRINT_REPORT": "report/import.json",
    # Search index: number of term shards (0 = chosen from the archive size), articles
    # per stored-text file and per filter-table file, and where lunr.js (from npm) is copied from.
    "NEWSPRINT_SEARCH_SHARDS": 0,
    "NEWSPRINT_SEARCH_CHUNK": 8,
    "NEWSPRINT_SEARCH_FACET_CHUNK": 4096,
    "NEWSPRINT_LUNR_JS": "node_modules/lunr/lunr.min.js",
    # Keep the last search build in CACHE_PATH/newsprint-search and reuse it when
    # nothing it is made from changed (a rebuild with no article changed).
    "NEWSPRINT_SEARCH_CACHE": True,
    # With DELETE_OUTPUT_DIRECTORY: set the last output aside in cache/ and move back
    # the pages whose fingerprint is unchanged instead of rendering them again
    # (newsprint.site.reuse).
    "NEWSPRINT_REUSE_OUTPUT": True,
}


def get_setting(settings: Mapping[str, Any], name: str) -> Any:
    """The value of ``name`` from Pelican's settings, or its default."""
    return settings.get(name, DEFAULTS[name])
