"""Publishing extras: ``sitemap.xml``, ``robots.txt`` and ``.nojekyll``.

A Pelican generator returned from ``get_generators`` (the shape of the
pelican-plugins ``sitemap`` plugin), enabled by publishconf.py only::

    PLUGINS = [*PLUGINS, "newsprint.site.sitemap"]

The sitemap protocol wants absolute addresses, so sitemap.xml and the robots.txt
line pointing at it are written only when ``SITE_ABSOLUTE_URL`` (publishconf sets
it from ``SITEURL``) starts with ``http``; ``.nojekyll`` is always written.  URLs
are the same file URLs the theme links to (``…/index.html``), so the sitemap,
canonical links and navigation agree.

>>> print(sitemap_xml([SitemapEntry("https://x.org/a.html", "2024-07-01")]).splitlines()[2])
<url><loc>https://x.org/a.html</loc><lastmod>2024-07-01</lastmod></url>
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pelican import signals

from .issues import PAPERS_DIR
from .paper_views import CONTEXT_KEY as ARCHIVE_KEY

logger = logging.getLogger(__name__)

# Direct templates worth listing; search and 404 are not pages to index.
LISTED_DIRECT_TEMPLATES = ("index", "categories", "tags", "authors", "archives", "notices")


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>``: an absolute address and an optional W3C date."""

    loc: str
    lastmod: str | None = None


def sitemap_xml(entries: list[SitemapEntry]) -> str:
    """The sitemap document for ``entries``, in the order given."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    for entry in entries:
        lastmod = f"<lastmod>{entry.lastmod}</lastmod>" if entry.lastmod else ""
        lines.append(f"<url><loc>{escape(entry.loc)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(site_url: str | None) -> str:
    """robots.txt: allow everything and name the sitemap when its address is known.

    >>> robots_txt("https://a.github.io/repo")
    'User-agent: *\\nAllow: /\\n\\nSitemap: https://a.github.io/repo/sitemap.xml\\n'
    """
    text = "User-agent: *\nAllow: /\n"
    if site_url:
        text += f"\nSitemap: {site_url}/sitemap.xml\n"
    return text


def collect_entries(context: dict[str, Any], settings: dict[str, Any]) -> list[SitemapEntry]:
    """Every page worth indexing, as absolute URLs under ``SITE_ABSOLUTE_URL``."""
    base = settings["SITE_ABSOLUTE_URL"].rstrip("/")
    entries: list[SitemapEntry] = []
    seen: set[str] = set()

    def add(url: str, lastmod: str | None = None) -> None:
        if url and url not in seen:
            seen.add(url)
            entries.append(SitemapEntry(f"{base}/{url}", lastmod))

    for name in LISTED_DIRECT_TEMPLATES:
        if name in settings.get("DIRECT_TEMPLATES", ()):
            add(settings.get(f"{name.upper()}_URL", f"{name}.html"))
    for article in context.get("articles", []):
        modified = getattr(article, "modified", None)
        if modified is None and getattr(article, "date_precision", "day") != "unknown":
            modified = article.date  # an undated page's padded date is no modification date
        add(article.url, modified.strftime("%Y-%m-%d") if modified else None)
    for page in context.get("pages", []):
        add(page.url)
    for key in ("categories", "tags", "authors"):
        for taxon, _articles in context.get(key, []):
            add(taxon.url)
    archive = context.get(ARCHIVE_KEY)
    if archive is not None:  # papers, calendars and issues (newsprint.site.paper_views)
        add(f"{PAPERS_DIR}/index.html")
        for paper in [archive.all, *archive.papers]:
            add(paper.url)
            for issue in paper.issues:
                add(issue.url)
    return entries


class PublishExtrasGenerator:
    """Writes sitemap.xml, robots.txt and .nojekyll after the site's context is built."""

    def __init__(self, context, settings, path, theme, output_path, **_kwargs):
        self.context = context
        self.settings = settings
        self.output_path = Path(output_path)

    def generate_output(self, writer) -> None:
        site_url = self.settings.get("SITE_ABSOLUTE_URL") or ""
        absolute = site_url.startswith(("http://", "https://"))
        out = self.output_path
        out.mkdir(parents=True, exist_ok=True)
        # GitHub Pages branch deploys run Jekyll, which drops folders starting with "_".
        (out / ".nojekyll").write_text("", encoding="utf-8")
        (out / "robots.txt").write_text(
            robots_txt(site_url.rstrip("/") if absolute else None), encoding="utf-8"
        )
        if not absolute:
            logger.warning(
                "newsprint.site.sitemap: SITE_ABSOLUTE_URL is not http(s); no sitemap.xml"
            )
            return
        entries = collect_entries(self.context, self.settings)
        (out / "sitemap.xml").write_text(sitemap_xml(entries), encoding="utf-8")
        logger.info("Writing %s (%d URLs)", out / "sitemap.xml", len(entries))


def get_generators(_pelican: Any) -> type[PublishExtrasGenerator]:
    return PublishExtrasGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
