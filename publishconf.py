"""Settings for publishing: pelicanconf.py plus feeds, sitemap and absolute links.

    SITEURL=https://owner.github.io/repo pelican content -s publishconf.py

Links between pages stay relative (RELATIVE_URLS from pelicanconf), so the same
output works at a domain root, under a GitHub Pages project sub-path and from
disk.  Feeds, the sitemap, canonical links and Open Graph tags need absolute
addresses: they use SITEURL from the environment.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
# Pelican replaces SITEURL in each page's context with a relative path; templates
# read the absolute address from here (canonical, og:url, 404 page links).
SITE_ABSOLUTE_URL = SITEURL
FEED_DOMAIN = SITEURL
RELATIVE_URLS = True

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/districts/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/topics/{slug}.atom.xml"
FEED_MAX_ITEMS = 50

# sitemap.xml, robots.txt, .nojekyll (see plugins/newsprint/site/sitemap.py)
PLUGINS = [*PLUGINS, "newsprint.site.sitemap"]  # noqa: F405

DELETE_OUTPUT_DIRECTORY = True
