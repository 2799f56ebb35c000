"""Sidecars: a bad one costs itself (or one field), never the page; editing one
re-imports its page.  The cache key covers page, sidecar and the pipeline's code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from newsprint.posts import cache
from newsprint.posts.importer import import_pages
from newsprint.posts.post_files import header

PAGE = "001_8b2535a65f0a025d.txt"
SIDECAR = "001_8b2535a65f0a025d.meta.toml"


def _dates(posts: Path) -> set[str]:
    return {header(p.read_text("utf-8"))["date"] for p in posts.rglob("*.md")}


@pytest.mark.parametrize(
    ("sidecar", "problem"),
    [
        ('date = "0000"', "is not a real date"),
        ('date = "2023-02-30"', "is not a real date"),
        ("date = 1.5", "float, not a date"),
        ("date = [2023]", "list, not a date"),
        ('date = "2023-04-20"\npage = "三"', "not a page number"),
        ("paper = 3", "paper must be a name"),
        ("date = ", "cannot be read"),
    ],
)
def test_a_bad_sidecar_costs_the_sidecar_not_the_page(page_001_site, sidecar, problem):
    raw, posts = page_001_site
    (raw / SIDECAR).write_text(sidecar, "utf-8")
    report = import_pages(raw, posts)
    assert report.errors == []
    assert len(report.written) == 5
    assert any(w.startswith(SIDECAR) and problem in w for w in report.warnings), report.warnings
    assert _dates(posts) <= {"2023-04-20"}  # the page's own dateline, or the sidecar's good one


def test_a_good_field_of_a_partly_bad_sidecar_is_used(page_001_site):
    raw, posts = page_001_site
    (raw / SIDECAR).write_text('date = "2022-05"\npage = "三"', "utf-8")
    import_pages(raw, posts)
    assert _dates(posts) == {"2022-05-01"}


def test_editing_the_sidecar_alone_re_imports_the_page(page_001_site):
    raw, posts = page_001_site
    (raw / SIDECAR).write_text('date = "2022-05"', "utf-8")
    import_pages(raw, posts)
    assert _dates(posts) == {"2022-05-01"}
    (raw / SIDECAR).write_text('date = "2021-03-04"', "utf-8")
    report = import_pages(raw, posts)
    assert report.unchanged == []
    assert _dates(posts) == {"2021-03-04"}
    (raw / SIDECAR).unlink()
    import_pages(raw, posts)
    assert _dates(posts) == {"2023-04-20"}


def _package(root: Path) -> Path:
    """A plugin package laid out in subfolders: the importer reaches cut/ and util.py."""
    package = root / "pkg"
    for rel, code in {
        "__init__.py": "from .plugin import register\n",
        "plugin.py": "from .site import pages\n",
        "posts/__init__.py": "",
        "posts/importer.py": "from ..cut.segment import cut\nfrom .. import util\n",
        "util.py": "X = 1\n",
        "cut/__init__.py": "",
        "cut/segment.py": "from ..util import X\nfrom .rules import RULES\n",
        "cut/rules.py": "RULES = []\n",
        "site/__init__.py": "",
        "site/pages.py": "from ..search import index\n",
        "search/index.py": "",
    }.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(code, "utf-8")
    return package


def test_pipeline_code_is_every_module_the_importer_reaches_at_any_depth(tmp_path, monkeypatch):
    package = _package(tmp_path)
    monkeypatch.setattr(cache, "PACKAGE", package)
    files = {p.relative_to(package).as_posix() for p in cache.pipeline_files()}
    assert files == {
        "posts/__init__.py",
        "posts/importer.py",
        "util.py",
        "cut/__init__.py",
        "cut/segment.py",
        "cut/rules.py",
    }


def test_a_change_in_a_nested_pipeline_module_changes_the_key_and_site_code_does_not(
    tmp_path, monkeypatch
):
    package = _package(tmp_path)
    monkeypatch.setattr(cache, "PACKAGE", package)

    def key() -> str:
        cache.pipeline_version.cache_clear()
        return cache.page_key(b"page", b"sidecar")

    first = key()
    (package / "site" / "pages.py").write_text("# restyled\n", "utf-8")
    (package / "search" / "index.py").write_text("# faster\n", "utf-8")
    assert key() == first
    (package / "cut" / "rules.py").write_text("RULES = [1]\n", "utf-8")
    assert key() != first
    cache.pipeline_version.cache_clear()


def test_the_key_separates_page_and_sidecar_bytes():
    assert cache.page_key(b"ab", b"c") != cache.page_key(b"a", b"bc")


REAL_PACKAGE = Path(cache.__file__).parents[1]


def test_the_real_pipeline_code_is_every_cut_and_tag_module_and_no_site_or_search_module():
    files = {p.relative_to(REAL_PACKAGE).as_posix() for p in cache.pipeline_files()}
    stages = {
        p.relative_to(REAL_PACKAGE).as_posix()
        for stage in ("cut", "tag")
        for p in (REAL_PACKAGE / stage).glob("*.py")
    }
    # audit.py checks a cut (the conservation tests use it); the importer never runs it.
    assert stages - {"cut/audit.py"} <= files, stages - files
    assert {"models.py", "pipeline.py", "posts/importer.py", "posts/write.py"} <= files
    assert not [f for f in files if f.startswith(("site/", "search/"))]
    assert "plugin.py" not in files and "__init__.py" not in files


@pytest.mark.parametrize(
    ("edited", "changes_key"),
    [
        ("site/reading.py", False),
        ("site/theme.py", False),
        ("search/index.py", False),
        ("search/tokens.py", False),
        ("plugin.py", False),
        ("cut/segment.py", True),
        ("cut/dedupe.py", True),
        ("tag/districts.py", True),
        ("models.py", True),
        ("data/topics.toml", True),
    ],
)
def test_editing_the_real_pipeline_changes_the_key_and_site_or_search_code_does_not(
    tmp_path, monkeypatch, edited, changes_key
):
    package = tmp_path / "newsprint"
    shutil.copytree(REAL_PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "PACKAGE", package)

    def key() -> str:
        cache.pipeline_version.cache_clear()
        return cache.page_key(b"page", b"sidecar")

    first = key()
    with (package / edited).open("a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    assert (key() != first) is changes_key
    cache.pipeline_version.cache_clear()
