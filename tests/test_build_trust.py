"""Whole builds (``pelican`` in a child process, import on) with hostile or careless input:
nothing leaks from ``content/raw/``, one bad entry costs that entry, nothing lingers,
no date is made up, and a second build at the same time is locked out."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from newsprint.posts.lock import acquire, release
from newsprint.site.sitemap import collect_entries
from paths import ROOT, SAMPLES

PAGE = "001_8b2535a65f0a025d.txt"
OTHER = "000_ea66817ae69c99c6.txt"
UNDATED = (
    "巴南 区里的新闻\n\n今天上午，区里召开会议，部署下一阶段的招商引资工作，要求各部门抓好落实。\n"
)


def _project(tmp_path: Path, *pages: str) -> Path:
    """``tmp_path/site`` with the given sample pages in ``content/raw/``."""
    project = tmp_path / "site"
    raw = project / "content" / "raw"
    raw.mkdir(parents=True)
    for name in pages:
        shutil.copy(SAMPLES / name, raw / name)
    return project


@dataclass
class Build:
    returncode: int
    log: str  # Pelican's console output (stdout and stderr), one line per message


def _build(project: Path, *extra: str) -> Build:
    cmd = [sys.executable, "-m", "pelican", str(project / "content"), "-s", "pelicanconf.py"]
    cmd += ["-o", str(project / "output"), *extra]
    env = {**os.environ, "COLUMNS": "1000"}  # no wrapped log lines
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    return Build(run.returncode, run.stdout + run.stderr)


def _report(project: Path) -> dict:
    return json.loads((project / "output" / "report" / "import.json").read_text("utf-8"))


def _all_output(project: Path) -> dict[str, bytes]:
    out = project / "output"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_nothing_in_content_raw_is_published_as_it_is(tmp_path):
    project = _project(tmp_path, PAGE)
    raw = project / "content" / "raw"
    secret = tmp_path / "secret.txt"  # outside the project folder (content/'s parent)
    secret.write_text("root:x:0:0:机密的一行文字，不应出现在网站上。\n" * 3, "utf-8")
    project_link = project / "content" / "raw" / "l02.txt"
    project_link.symlink_to(Path("/etc/passwd"))
    (raw / "l03.txt").symlink_to(secret)
    (raw / "evil.html").write_text("<script>alert('evil')</script>", "utf-8")
    (raw / "logo.svg").write_text("<svg onload=\"alert('svg')\"/>", "utf-8")
    stray = PAGE.replace(".txt", ".html")
    (raw / stray).write_text("<script>alert('stray')</script>", "utf-8")
    run = _build(project)
    assert run.returncode == 0, run.log
    files = _all_output(project)
    assert not [name for name in files if "l02" in name or "l03" in name or "evil" in name]
    assert not [name for name in files if name.endswith(".svg") and "logo" in name]
    assert all(b"alert(" not in data and b"root:x:0:0" not in data for data in files.values())
    assert "版面原文".encode() in files[f"raw/{stray}"]
    # the page's text is published once, in its view; no copy of the raw file
    assert f"raw/{PAGE}" not in files
    first_line = (raw / PAGE).read_text("utf-8").strip().splitlines()[0]
    assert html.escape(first_line, quote=False).encode() in files[f"raw/{stray}"]
    report = _report(project)
    assert {e.split(":")[0] for e in report["errors"]} == {"l02.txt", "l03.txt"}
    assert {s.split(":")[0] for s in report["skipped"]} == {"evil.html", "logo.svg", stray}
    assert "outside the project" in run.log


def _bad_entries(project: Path) -> None:
    """A dangling link, a folder named like a page, a bad sidecar, a locked post saved
    as GBK and one whose date Pelican refuses."""
    raw = project / "content" / "raw"
    (raw / "dangling.txt").symlink_to(project / "nowhere.txt")
    (raw / "x.txt").mkdir()
    (raw / OTHER.replace(".txt", ".meta.toml")).write_text('date = "0000"', "utf-8")
    post = project / "content" / "posts" / "hand" / "corrected.md"
    post.parent.mkdir(parents=True)
    text = "Title: 编辑改过的文章\nDate: 2023-04-20\nSlug: corrected\nLocked: true\n\n正文。\n"
    post.write_bytes(text.encode("gb18030"))
    # A date Pelican refuses: it drops the post with a log line, the report must say so.
    zero = text.replace("2023-04-20", "0000-01-01").replace("corrected", "zero")
    (post.parent / "zero.md").write_text(zero, "utf-8")


def test_one_bad_entry_costs_that_entry_only(tmp_path):
    project = _project(tmp_path, PAGE, OTHER)
    _bad_entries(project)
    run = _build(project)
    assert run.returncode == 0, run.log
    report = _report(project)
    lost = {e.split(":")[0] for e in report["errors"]}
    assert lost == {"dangling.txt", "x.txt", "hand/corrected.md", "hand/zero.md"}
    assert any(e.startswith("hand/zero.md: Pelican could not read") for e in report["errors"])
    assert any(w.startswith(OTHER.replace(".txt", ".meta.toml")) for w in report["warnings"])
    articles = list((project / "output" / "articles").glob("*.html"))
    assert len(articles) == len(list((project / "content" / "posts").rglob("*.md"))) - 2
    assert {p.split("/")[0] for p in report["written"]} == {PAGE[:-4], OTHER[:-4]}
    for message in ("dangling.txt", "x.txt", "hand/corrected.md", "hand/zero.md"):
        assert message in run.log


def test_a_strict_build_fails_when_an_entry_was_lost(tmp_path):
    project = _project(tmp_path, PAGE)
    (project / "content" / "raw" / "x.txt").mkdir()
    run = _build(project, "-e", "NEWSPRINT_STRICT=true")
    assert run.returncode == 2
    assert "strict build: 1 errors" in run.log
    assert _report(project)["errors"]  # the report is written all the same


def test_pages_of_deleted_articles_leave_the_output(tmp_path):
    project = _project(tmp_path, PAGE, OTHER)
    assert _build(project).returncode == 0
    before = set((project / "output" / "articles").glob("*.html"))
    (project / "content" / "raw" / OTHER).unlink()
    assert _build(project).returncode == 0
    after = set((project / "output" / "articles").glob("*.html"))
    assert after < before
    assert len(after) == len(list((project / "content" / "posts").rglob("*.md")))
    assert not (project / "output" / "raw" / OTHER).exists()


def test_an_undated_page_shows_no_made_up_date(tmp_path):
    project = _project(tmp_path)
    (project / "content" / "raw" / "undated.txt").write_text(UNDATED, "utf-8")
    assert _build(project).returncode == 0
    (article,) = (project / "output" / "articles").glob("*.html")
    pages = [article, project / "output" / "index.html", project / "output" / "archives/index.html"]
    for page in pages:
        html = page.read_text("utf-8")
        assert "1970" not in html, page
        assert "日期不详" in html, page


def test_a_second_build_while_one_runs_is_locked_out_with_a_message(tmp_path):
    project = _project(tmp_path, PAGE)
    lock = acquire(project / "content" / "posts")
    try:
        run = _build(project)
    finally:
        release(lock)
    assert run.returncode == 75
    assert "another newsprint build is running" in run.log
    assert not (project / "content" / "posts" / PAGE[:-4]).exists()


@pytest.mark.parametrize("trial", range(2))
def test_two_builds_at_once_never_corrupt_each_other(tmp_path, trial):
    project = _project(tmp_path, PAGE, OTHER)
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _: _build(project), range(2)))
    codes = sorted(r.returncode for r in runs)
    assert codes in ([0, 0], [0, 75]), [r.log[-800:] for r in runs]
    assert all("CRITICAL" not in r.log or "another newsprint build" in r.log for r in runs)
    articles = list((project / "output" / "articles").glob("*.html"))
    assert len(articles) == len(list((project / "content" / "posts").rglob("*.md")))


def test_the_sitemap_gives_an_undated_article_no_made_up_date():
    undated = SimpleNamespace(url="a.html", date=datetime(1970, 1, 1), date_precision="unknown")
    dated = SimpleNamespace(url="b.html", date=datetime(2023, 4, 20), date_precision="day")
    context = {"articles": [undated, dated]}
    entries = collect_entries(context, {"SITE_ABSOLUTE_URL": "https://x.org"})
    assert [(e.loc, e.lastmod) for e in entries] == [
        ("https://x.org/a.html", None),
        ("https://x.org/b.html", "2023-04-20"),
    ]
