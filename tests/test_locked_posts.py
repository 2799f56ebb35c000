"""Locked posts survive every re-import, rename, headline change, slug change and
``make clean``; a correction is never duplicated; the cache never causes a duplicate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsprint.posts.cache import CACHE_NAME
from newsprint.posts.clean import clean_posts
from newsprint.posts.importer import import_pages
from newsprint.posts.post_files import header

PAGE = "001_8b2535a65f0a025d.txt"
HEADLINE = "百日招商引资290亿元背后的故事"  # printed once on the page, as its headline
CORRECTION = "编辑改正的第一段。"


def _post_with_title(posts: Path, title: str) -> Path:
    (path,) = [p for p in posts.rglob("*.md") if header(p.read_text("utf-8"))["title"] == title]
    return path


def _lock(path: Path, slug: str | None = None, flag: str = "true") -> str:
    """Lock a post as an editor does: correct the body, maybe the slug, set Locked."""
    text = path.read_text("utf-8").replace("Locked: false", f"Locked: {flag}")
    text = text.replace("\n\n", f"\n\n{CORRECTION}\n\n", 1)
    if slug:
        old = header(text)["slug"]
        text = text.replace(f"Slug: {old}\n", f"Slug: {slug}\n")
    path.write_text(text, "utf-8")
    return text


def _change_page(raw: Path, old: str = "", new: str = "") -> None:
    page = raw / PAGE
    text = page.read_text("utf-8")
    assert not old or old in text
    page.write_text(text.replace(old, new) + "\n\n新增的一段文字。\n", "utf-8")


def _copies(posts: Path) -> list[Path]:
    """Posts holding the body of the locked article (its first sentence)."""
    marker = "华卓智慧医疗健康服务平台"
    return [p for p in posts.rglob("*.md") if marker in p.read_text("utf-8").split("\n\n", 1)[1]]


def test_a_slug_changed_by_the_editor_survives_a_change_of_the_page(page_001_site):
    raw, posts = page_001_site
    import_pages(raw, posts)
    target = _post_with_title(posts, HEADLINE)
    edited = _lock(target, slug="my-own-slug")
    _change_page(raw)
    report = import_pages(raw, posts)
    assert target.read_text("utf-8") == edited
    assert str(target) in report.locked
    assert len(list(posts.rglob("*.md"))) == 5


def test_a_headline_changed_on_the_page_writes_no_second_copy_of_a_locked_post(page_001_site):
    raw, posts = page_001_site
    import_pages(raw, posts)
    target = _post_with_title(posts, HEADLINE)
    edited = _lock(target)
    before = _copies(posts)
    _change_page(raw, HEADLINE, "百日招商引资二百九十亿元背后的故事")
    import_pages(raw, posts)
    assert target.read_text("utf-8") == edited
    assert _copies(posts) == before
    assert len(list(posts.rglob("*.md"))) == 5


def test_a_renamed_page_writes_no_second_copy_of_a_locked_post(page_001_site):
    raw, posts = page_001_site
    import_pages(raw, posts)
    target = _post_with_title(posts, HEADLINE)
    edited = _lock(target)
    (raw / PAGE).rename(raw / "renamed.txt")
    import_pages(raw, posts)
    assert target.read_text("utf-8") == edited
    assert len(list(posts.rglob("*.md"))) == 5


def test_a_locked_post_the_editor_moved_is_still_the_only_copy(page_001_site):
    raw, posts = page_001_site
    import_pages(raw, posts)
    target = _post_with_title(posts, HEADLINE)
    edited = _lock(target)
    moved = posts / "corrections" / "renamed by hand.md"
    moved.parent.mkdir()
    target.rename(moved)
    _change_page(raw)
    import_pages(raw, posts)
    assert moved.read_text("utf-8") == edited
    assert not target.exists()
    assert len(list(posts.rglob("*.md"))) == 5


@pytest.mark.parametrize("flag", ["true", "yes", "1", "True"])
def test_make_clean_keeps_every_locked_post(page_001_site, flag):
    raw, posts = page_001_site
    import_pages(raw, posts)
    target = _post_with_title(posts, HEADLINE)
    edited = _lock(target, flag=flag)
    removed, kept = clean_posts(posts)
    assert kept == [target] and len(removed) == 4
    assert target.read_text("utf-8") == edited
    assert not (posts / CACHE_NAME).exists()
    import_pages(raw, posts)  # after a clean the locked post is still the only copy
    assert target.read_text("utf-8") == edited
    assert len(list(posts.rglob("*.md"))) == 5


def test_a_headline_change_without_locks_replaces_the_post(page_001_site):
    raw, posts = page_001_site
    import_pages(raw, posts)
    _change_page(raw, HEADLINE, "百日招商引资二百九十亿元背后的故事")
    report = import_pages(raw, posts)
    assert len(report.removed) == 1
    assert len(_copies(posts)) == 1
    assert len(list(posts.rglob("*.md"))) == 5


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"",
        json.dumps({"format": 2, "pages": {PAGE: {"key": 1, "posts": "x"}}}).encode(),
        json.dumps({PAGE: {"hash": "0", "posts": []}}).encode(),  # an old cache
    ],
    ids=["truncated", "empty", "wrong-shape", "old-format"],
)
def test_a_damaged_cache_is_rebuilt_and_causes_no_duplicate(page_001_site, damage):
    raw, posts = page_001_site
    import_pages(raw, posts)
    _change_page(raw, HEADLINE, "百日招商引资二百九十亿元背后的故事")
    (posts / CACHE_NAME).write_bytes(damage)
    report = import_pages(raw, posts)
    assert any(w.startswith(CACHE_NAME) for w in report.warnings)
    assert len(_copies(posts)) == 1
    assert len(list(posts.rglob("*.md"))) == 5
    again = import_pages(raw, posts)  # the rebuilt cache is trusted again
    assert again.unchanged == [PAGE] and again.warnings == []


def test_a_post_edited_without_a_lock_is_restored_not_trusted_from_the_cache(page_001_site):
    raw, posts = page_001_site
    first = import_pages(raw, posts)
    target = posts / first.written[0]
    target.write_text("Title: x\n\n被改坏的文字\n", "utf-8")
    report = import_pages(raw, posts)
    assert report.unchanged == [] and report.written == [first.written[0]]


def test_a_write_cut_short_leaves_nothing_behind(page_001_site):
    raw, posts = page_001_site
    import_pages(raw, posts)
    leftover = posts / PAGE.removesuffix(".txt") / ".tmp-abc.part"
    leftover.write_text("Title: half a po", "utf-8")
    import_pages(raw, posts)
    assert not leftover.exists()
