"""Rebuilds take unchanged pages from the last build (newsprint.site.reuse) — and
render again every page whose data, settings or theme changed; stale pages go."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from newsprint.site import reuse
from newsprint.site.reuse import LIST_TEMPLATES, shape
from sitebuild import ROOT, build_site, prepare_content


def _files(output: Path) -> dict[Path, tuple[int, bytes]]:
    """Every output file: its inode (a page moved back keeps it) and its bytes."""
    return {
        p.relative_to(output): (p.stat().st_ino, p.read_bytes())
        for p in output.rglob("*")
        if p.is_file()
    }


def _slug(post: Path) -> str:
    return re.search(r"^Slug: (.+)$", post.read_text("utf-8"), re.M).group(1)


def test_a_rebuild_with_nothing_changed_renders_no_page_again(tmp_path):
    content = prepare_content(tmp_path)
    output = tmp_path / "output"
    build_site(content, output)
    first = _files(output)
    build_site(content, output)
    again = _files(output)
    assert again.keys() == first.keys()
    assert all(again[p][1] == first[p][1] for p in first)  # the same site
    kept = {p for p in first if again[p][0] == first[p][0]}  # moved back, not written
    for folder in ("articles", "raw", "districts", "topics", "archives"):
        pages = {p for p in first if p.parts[0] == folder and p.suffix == ".html"}
        pages.discard(Path(folder, "index.html"))  # the indexes are rendered each time
        assert pages, folder
        assert pages <= kept, (folder, sorted(pages - kept)[:3])
    issues = {
        p for p in first if p.parts[0] == "papers" and re.fullmatch(r"\d{4}-\d\d-\d\d", p.stem)
    }
    assert issues and issues <= kept, sorted(issues - kept)
    # the home page and the indexes are rendered every time (not fingerprinted)
    assert Path("index.html") not in kept and Path("districts/index.html") not in kept


def test_reused_pages_are_the_pages_a_fresh_build_makes(tmp_path):
    content = prepare_content(tmp_path)
    build_site(content, tmp_path / "output")
    post = sorted((content / "posts").rglob("*.md"))[1]
    text = post.read_text("utf-8")
    post.write_text(re.sub(r"^Title: ", "Title: 新标题", text, count=1, flags=re.M), "utf-8")
    build_site(content, tmp_path / "output")  # one post changed: the rest is reused
    fresh = tmp_path / "fresh"
    build_site(content, fresh)  # another output folder: nothing to reuse
    reused = {p: data for p, (_, data) in _files(tmp_path / "output").items()}
    made = {p: data for p, (_, data) in _files(fresh).items()}
    assert reused.keys() == made.keys()
    assert [p for p in made if reused[p] != made[p]] == []


def test_a_changed_title_reaches_every_page_that_shows_it(tmp_path):
    content = prepare_content(tmp_path)
    output = tmp_path / "output"
    build_site(content, output)
    posts = sorted((content / "posts").rglob("*.md"))
    # an article other pages link to (neighbours, related articles, its raw page view)
    target = max(
        posts,
        key=lambda p: sum(
            _slug(p) in f.read_text("utf-8") for f in (output / "articles").glob("*.html")
        ),
    )
    slug = _slug(target)
    linking = [
        f.relative_to(output)
        for f in output.rglob("*.html")
        if f"{slug}.html" in f.read_text("utf-8") and f.name != f"{slug}.html"
    ]
    assert any(p.parts[0] == "articles" for p in linking)
    assert any(p.parts[0] == "raw" for p in linking)
    text = target.read_text("utf-8")
    target.write_text(re.sub(r"^Title: (.+)$", r"Title: 改过的标题\1", text, count=1, flags=re.M))
    build_site(content, output)
    for page in linking:
        assert "改过的标题" in (output / page).read_text("utf-8"), page


def test_a_deleted_article_leaves_no_page_behind(tmp_path):
    content = prepare_content(tmp_path)
    output = tmp_path / "output"
    build_site(content, output)
    post = sorted((content / "posts").rglob("*.md"))[0]
    page = output / "articles" / f"{_slug(post)}.html"
    assert page.is_file()
    post.unlink()
    build_site(content, output)
    assert not page.exists()
    assert not list((tmp_path / "cache").glob("last-output-*/")), "the set-aside output went"


def test_other_settings_render_every_page_again(tmp_path):
    content = prepare_content(tmp_path)
    output = tmp_path / "output"
    build_site(content, output)
    before = _files(output)
    build_site(content, output, settings_file="publishconf.py", siteurl="https://e.org/x")
    after = _files(output)
    pages = [p for p in before if p.parts[0] == "articles"]
    assert all(after[p][0] != before[p][0] for p in pages)  # none moved back


def test_a_build_stopped_half_way_leaves_no_fingerprint_to_trust(tmp_path):
    content = prepare_content(tmp_path)
    output = tmp_path / "output"
    build_site(content, output)
    (marks,) = (tmp_path / "cache").glob("last-output-*.json")
    stored = json.loads(marks.read_text("utf-8"))
    assert any(name.startswith("articles/") for name in stored)
    # the next build starts: the last output is set aside, its marks are taken away
    pelican = SimpleNamespace(
        output_path=str(output),
        path=str(content),
        delete_outputdir=True,
        output_retention=[],
        settings={"THEME": str(ROOT / "theme")},
    )
    reuse.set_aside(pelican, tmp_path / "cache", "digest")
    assert not marks.exists()
    assert output.is_dir() and not any(output.iterdir())
    assert pelican.delete_outputdir is False  # the plugin has done Pelican's deleting
    state = reuse.active(output)
    assert state is not None and state.old == stored
    # … and stops here, without finishing: a later build finds nothing to trust
    reuse._active.clear()
    pelican.delete_outputdir = True
    reuse.set_aside(pelican, tmp_path / "cache", "digest")
    assert reuse.active(output).old == {}
    reuse._active.clear()


def test_no_template_reads_what_list_fingerprints_leave_out():
    # list pages are fingerprinted without Pelican's ``all_articles``
    templates = (ROOT / "theme" / "templates").glob("*.html")
    assert not [t.name for t in templates if "all_articles" in t.read_text("utf-8")]
    assert {f"{n}.html" for n in ("tag", "category", "author")} <= LIST_TEMPLATES


def test_shapes_hold_no_memory_address():
    class Thing:
        def __init__(self, other=None):
            self.name = "甲"
            self.other = other
            self.items = [1, 2]

    assert shape(Thing(Thing())) == shape(Thing(Thing()))
    assert "0x" not in json.dumps(shape(Thing(Thing(Thing(Thing())))))


def test_a_new_issue_renders_the_issue_before_it_again(tmp_path):
    """The last issue's page gains its "下一期" link when a later issue arrives."""
    content = prepare_content(tmp_path)
    output = tmp_path / "output"
    build_site(content, output)
    dated = [
        p
        for p in sorted((content / "posts").rglob("*.md"))
        if "Date: 2023-04-20" in p.read_text("utf-8")
        and "Date_precision: day" in p.read_text("utf-8")
    ]
    assert dated, "the samples hold an issue of 2023-04-20"
    before = {p.relative_to(output) for p in output.rglob("papers/*/2023-04-20.html")}
    assert before and not [p for p in before if "2023-04-21" in (output / p).read_text("utf-8")]
    new = content / "posts" / "zz_next_day" / "next.md"
    new.parent.mkdir()
    text = dated[0].read_text("utf-8")
    text = re.sub(r"^Slug: (.+)$", r"Slug: \1-next", text, count=1, flags=re.M)
    text = re.sub(r"^Date: .+$", "Date: 2023-04-21", text, count=1, flags=re.M)
    text = re.sub(r"^Source: [^:]+", "Source: zz_next_day.txt", text, count=1, flags=re.M)
    new.write_text(text, "utf-8")
    build_site(content, output)
    for page in before:
        assert "2023-04-21.html" in (output / page).read_text("utf-8"), page
    fresh = tmp_path / "fresh"
    build_site(content, fresh)
    reused = {p: data for p, (_, data) in _files(output).items()}
    made = {p: data for p, (_, data) in _files(fresh).items()}
    assert reused.keys() == made.keys()
    assert [p for p in made if reused[p] != made[p]] == []
