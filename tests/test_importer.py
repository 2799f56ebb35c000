"""The importer: one post per article, no rewrites of unchanged input, locked posts kept."""

from __future__ import annotations

import shutil

import pytest
from newsprint.posts.importer import import_pages
from paths import RAW


@pytest.fixture
def site(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for page in sorted(RAW.glob("*.txt"))[:2]:
        shutil.copy(page, raw / page.name)
    return raw, tmp_path / "posts"


def test_one_post_per_article_with_metadata(site):
    raw, posts = site
    report = import_pages(raw, posts)
    files = sorted(posts.rglob("*.md"))
    assert len(files) == len(report.written) == 7  # 2 + 5 articles on the first two pages
    text = (posts / report.written[0]).read_text("utf-8")
    head = text.split("\n\n", 1)[0]
    for key in ("Title:", "Date:", "Slug:", "Category:", "Kind:", "Summary:", "Source:"):
        assert key in head


def test_unchanged_input_rewrites_nothing(site):
    raw, posts = site
    import_pages(raw, posts)
    mtimes = {p: p.stat().st_mtime_ns for p in posts.rglob("*.md")}
    report = import_pages(raw, posts)
    assert report.written == []
    assert len(report.unchanged) == 2
    assert {p: p.stat().st_mtime_ns for p in posts.rglob("*.md")} == mtimes


def test_unchanged_pages_restore_generated_posts_changed_or_removed_by_hand(site):
    # the posts are read once; their digests tell whether the cache still holds
    raw, posts = site
    first = import_pages(raw, posts)
    edited, removed, not_utf8 = (posts / rel for rel in first.written[:3])
    originals = {p: p.read_bytes() for p in (edited, removed, not_utf8)}
    edited.write_text(edited.read_text("utf-8") + "\n手改的一段。\n", "utf-8")
    removed.unlink()
    not_utf8.write_bytes(not_utf8.read_text("utf-8").encode("gb18030"))
    again = import_pages(raw, posts)
    assert {p: p.read_bytes() for p in originals} == originals
    assert len(again.unchanged) < 2  # the pages holding them were processed again


def test_locked_post_survives_reimport(site):
    raw, posts = site
    first = import_pages(raw, posts)
    target = posts / first.written[0]
    edited = target.read_text("utf-8").replace("Locked: false", "Locked: true")
    edited = edited.replace("\n\n", "\n\n编辑改正的第一段。\n\n", 1)
    target.write_text(edited, "utf-8")
    (raw / sorted(raw.iterdir())[0].name).write_bytes(
        sorted(raw.iterdir())[0].read_bytes() + "\n\n新增的一段文字。".encode()
    )
    again = import_pages(raw, posts)
    assert target.read_text("utf-8") == edited
    assert str(target) in again.locked
    slug = target.stem
    assert len(list(posts.rglob(f"{slug}*.md"))) == 1


def test_bad_page_is_reported_and_the_others_are_imported(site):
    raw, posts = site
    (raw / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (raw / "empty.txt").write_bytes(b"")
    report = import_pages(raw, posts)
    assert any("broken.txt" in e for e in report.errors)
    assert any("empty.txt" in e for e in report.errors)
    assert len(report.written) == 7


def test_removed_raw_page_removes_its_posts(site):
    raw, posts = site
    import_pages(raw, posts)
    victim = sorted(raw.iterdir())[0]
    victim.unlink()
    report = import_pages(raw, posts)
    assert report.removed
    assert not (posts / victim.stem).exists() or not list((posts / victim.stem).glob("*.md"))


def test_a_page_that_trips_a_bug_is_reported_and_the_others_are_imported(site, monkeypatch):
    raw, posts = site
    import newsprint.pipeline as pipeline

    real = pipeline.segment_text
    victim = sorted(raw.iterdir())[0].name

    def flaky(text, source, *args):
        if source == victim:
            raise RuntimeError("boom")
        return real(text, source, *args)

    monkeypatch.setattr(pipeline, "segment_text", flaky)
    report = import_pages(raw, posts)
    assert report.errors == [f"{victim}: internal error: RuntimeError('boom')"]
    assert len(report.written) == 5  # the other page's five articles
