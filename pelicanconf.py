"""Pelican settings for the newsprint archive (local builds; publishconf.py adds publishing)."""

SITENAME = "重庆区县报数字档案"
SITESUBTITLE = "区县报纸版面文字的可检索档案"
SITEURL = ""
PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["raw"]  # the source page text, linked from each article
EXTRA_PATH_METADATA = {}
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
DEFAULT_DATE_FORMAT = "%Y年%-m月%-d日"

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["newsprint", "newsprint.theme"]  # the pipeline; the theme's filters and district links

# Every link names a file and is relative, so the site works from disk (file://),
# at a domain root and under a GitHub Pages project sub-path alike.
RELATIVE_URLS = True
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "districts/{slug}.html"
CATEGORIES_URL = CATEGORIES_SAVE_AS = "districts/index.html"
TAG_URL = TAG_SAVE_AS = "topics/{slug}.html"
TAGS_URL = TAGS_SAVE_AS = "topics/index.html"
AUTHOR_URL = AUTHOR_SAVE_AS = "authors/{slug}.html"
AUTHORS_URL = AUTHORS_SAVE_AS = "authors/index.html"
ARCHIVES_URL = ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = [
    "index",
    "categories",
    "tags",
    "authors",
    "archives",
    "search",
    "404",
    "notices",
]
NOTICES_URL = NOTICES_SAVE_AS = "notices/index.html"
# The home page shows the latest news; the archive pages reach every article.
PAGINATED_TEMPLATES = {"category": 30, "tag": 30, "author": 30}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page-{number}.html", "{base_name}/page-{number}.html"),
)
DEFAULT_PAGINATION = 30

# Feeds are written by publishconf.py, where the site's address is known.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TAG_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Page text is escaped by the importer; templates escape metadata.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
MARKDOWN = {
    "extension_configs": {"markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5",
}
SUMMARY_MAX_LENGTH = None
TYPOGRIFY = False
DELETE_OUTPUT_DIRECTORY = False
LOAD_CONTENT_CACHE = False

# newsprint: every NEWSPRINT_* setting and its default is in plugins/newsprint/settings.py;
# set one here only to change it.
