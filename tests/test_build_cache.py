"""Rebuilds reuse what did not change: Pelican's reader cache and the search files' cache,
both kept beside the content and never trusted past a change."""

from __future__ import annotations

import re

from newsprint.search.files import unpacked
from sitebuild import build_site, prepare_content


def _article(output, slug_part):
    (path,) = [p for p in (output / "articles").glob("*.html") if slug_part in p.name]
    return path.read_text("utf-8")


def test_a_rebuild_reads_only_changed_posts_and_shows_the_change(tmp_path):
    content = prepare_content(tmp_path)
    output = tmp_path / "output"
    build_site(content, output)
    cache = tmp_path / "cache"
    readers = list(cache.glob("pelican-*/ArticlesGenerator-Readers"))
    assert len(readers) == 1, sorted(cache.rglob("*"))
    searches = list((cache / "newsprint-search").iterdir())
    assert len(searches) == 1  # the search files of this build
    first = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}

    build_site(content, output)  # nothing changed
    again = {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert again == first
    # the search files were linked from the cache, not indexed again
    assert list((cache / "newsprint-search").iterdir()) == searches
    shard = next((output / "search").glob("shard-*.js"))
    assert shard.stat().st_ino == (searches[0] / shard.name).stat().st_ino

    post = sorted((content / "posts").rglob("*.md"))[0]
    text = post.read_text("utf-8")
    head, body = text.split("\n\n", 1)
    slug = re.search(r"^Slug: (.+)$", head, re.M).group(1)
    post.write_text(head + "\n\n" + "改过的第一段。\n\n" + body, "utf-8")
    build_site(content, output)
    assert "改过的第一段。" in _article(output, slug)
    search = (output / "search").glob("docs-*.js")
    assert any("改过的第一段。" in unpacked(p.read_text("utf-8"))[2] for p in search)


def test_other_settings_never_read_the_old_cache(tmp_path):
    content = prepare_content(tmp_path)
    build_site(content, tmp_path / "a")
    (first,) = (tmp_path / "cache").glob("pelican-*")
    build_site(content, tmp_path / "b", settings_file="publishconf.py", siteurl="https://e.org/x")
    (second,) = (tmp_path / "cache").glob("pelican-*")  # the first one was removed
    assert first.name != second.name
