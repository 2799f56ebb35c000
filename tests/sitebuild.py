"""Build the whole site into a temporary folder and read the links out of its pages.

Used by the site tests (test_theme_links, test_publish_crawl).  Posts come from the
importer when it is there (``newsprint.posts.importer.import_pages``), else from the
small fixture set in tests/fixtures/posts/.  Pelican runs in a child process, as
``make html`` / ``make publish`` do, so plugin signals from one build never leak
into the next.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from paths import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_POSTS = ROOT / "tests" / "fixtures" / "posts"

# What the theme needs beyond pelicanconf.py as it stands; each is added only when
# the settings do not already provide it, so these become no-ops once main has them.
THEME_PLUGIN = "newsprint.site.theme"
NOTICES = {"NOTICES_URL": "notices/index.html", "NOTICES_SAVE_AS": "notices/index.html"}


def prepare_content(dest: Path) -> Path:
    """A content folder with the sample raw pages and the posts made from them."""
    content = dest / "content"
    shutil.copytree(SAMPLES, content / "raw")
    posts = content / "posts"
    try:
        from newsprint.posts.importer import import_pages
    except ImportError:
        shutil.copytree(FIXTURE_POSTS, posts)
    else:
        posts.mkdir(parents=True)
        import_pages(content / "raw", posts)
    assert any(posts.rglob("*.md")), "no posts to build"
    return content


def read_posts_metadata(content: Path) -> list[dict[str, str]]:
    """The metadata header of every post, keys lower-cased as Pelican does."""
    metas = []
    for path in sorted((content / "posts").rglob("*.md")):
        meta: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                break
            key, _, value = line.partition(":")
            meta[key.strip().lower()] = value.strip()
        metas.append(meta)
    return metas


def settings_overrides(
    settings_file: str, env: dict[str, str], per_page: int | None = None
) -> dict[str, Any]:
    """JSON-able overrides for ``pelican -e`` that the theme needs.

    ``per_page`` shrinks every paginated list, so a handful of posts exercises
    pagination links.
    """
    probe = (
        "import json, sys\n"
        "from pelican.settings import read_settings\n"
        f"s = read_settings({str(ROOT / settings_file)!r})\n"
        "keys = ['PLUGINS', 'DIRECT_TEMPLATES', 'NOTICES_URL', 'NOTICES_SAVE_AS',"
        " 'PAGINATED_TEMPLATES']\n"
        "print(json.dumps({k: s.get(k) for k in keys}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    current = json.loads(out.strip().splitlines()[-1])
    plugins = [p for p in current["PLUGINS"] or [] if isinstance(p, str)]
    if THEME_PLUGIN not in plugins:
        plugins.append(THEME_PLUGIN)
    overrides: dict[str, Any] = {"PLUGINS": plugins, "NEWSPRINT_IMPORT": False}
    direct = list(current["DIRECT_TEMPLATES"] or [])
    if "notices" not in direct:
        overrides["DIRECT_TEMPLATES"] = [*direct, "notices"]
    for key, value in NOTICES.items():
        if not current.get(key):
            overrides[key] = value
    if per_page:
        overrides["PAGINATED_TEMPLATES"] = dict.fromkeys(current["PAGINATED_TEMPLATES"], per_page)
    return overrides


def build_site(
    content: Path,
    output: Path,
    settings_file: str = "pelicanconf.py",
    siteurl: str | None = None,
    per_page: int | None = None,
) -> str:
    """Run Pelican on ``content`` into ``output``; return its log.  Fails on any ERROR."""
    env = dict(os.environ)
    if siteurl is not None:
        env["SITEURL"] = siteurl
    overrides = settings_overrides(settings_file, env, per_page)
    cmd = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        settings_file,
        "-o",
        str(output),
        "-e",
        *(f"{key}={json.dumps(value)}" for key, value in overrides.items()),
    ]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert "ERROR" not in log and "CRITICAL" not in log, log
    return log


# Elements whose URL the browser fetches by itself, as opposed to links a reader follows.
LOADED = {
    ("img", "src"),
    ("script", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("embed", "src"),
    ("object", "data"),
}
NOT_LOADED_RELS = {
    "alternate",
    "canonical",
    "author",
    "help",
    "license",
    "next",
    "prev",
    "search",
    "bookmark",
    "external",
    "nofollow",
    "noopener",
    "noreferrer",
}


@dataclass(frozen=True)
class Link:
    """One URL in a page: which element and attribute held it, and whether it is fetched."""

    tag: str
    attr: str
    url: str
    loaded: bool


@dataclass
class PageLinks:
    lang: str | None = None
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = a.get("lang")
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag in ("a", "area") and "href" in a:
            self.page.links.append(Link(tag, "href", a["href"], False))
        elif tag == "link" and "href" in a:
            rels = set(a.get("rel", "").lower().split())
            self.page.links.append(Link(tag, "href", a["href"], not rels <= NOT_LOADED_RELS))
        elif tag == "form" and "action" in a:
            self.page.links.append(Link(tag, "action", a["action"], False))
        for attr in ("src", "data", "poster"):
            if attr in a and ((tag, attr) in LOADED or attr == "poster"):
                self.page.links.append(Link(tag, attr, a[attr], True))


def parse_page(html: str) -> PageLinks:
    """Every link, resource URL, element id and the ``lang`` of one HTML page."""
    parser = _LinkParser()
    parser.feed(html)
    return parser.page
