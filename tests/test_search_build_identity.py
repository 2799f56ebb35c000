"""Every search file names its build; a rebuild of unchanged articles reuses the cached files."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from newsprint.search.files import CACHE_DONE, build_search_index
from searchrun import LUNR_JS, query
from test_search_index import DOCS

BUILD_LINE = re.compile(
    r'^\(window\.NEWSPRINT_BUILDS=window\.NEWSPRINT_BUILDS\|\|\{\}\)\["([^"]+)"\]="([0-9a-f]{16})";$'
)


def _manifest(search):
    text = (search / "manifest.js").read_text("utf-8")
    return json.loads(text.split("=", 1)[1].rstrip().rstrip(";"))


def _files(search):
    return {p.name: p.read_bytes() for p in sorted(search.iterdir())}


def test_every_file_after_the_manifest_names_the_manifests_build(tmp_path):
    search = tmp_path / "search"
    build_search_index(DOCS, search, shards=8, chunk=2, lunr_js=LUNR_JS)
    build = _manifest(search)["build"]
    checked = 0
    for path in search.glob("*.js"):
        if path.name in ("manifest.js", "lunr.js"):
            continue
        last = path.read_text("utf-8").rstrip("\n").split("\n")[-1]
        m = BUILD_LINE.match(last)
        assert m, path.name
        assert m.groups() == (path.name, build)
        checked += 1
    assert checked >= 8  # shards, positions, docs, facets, fold


def test_the_build_changes_with_any_article_and_only_then(tmp_path):
    build_search_index(DOCS, tmp_path / "a", shards=8, lunr_js=LUNR_JS)
    build_search_index(list(DOCS), tmp_path / "b", shards=8, lunr_js=LUNR_JS)
    edited = [*DOCS[:-1], replace(DOCS[-1], body=DOCS[-1].body + "新增一句。")]
    build_search_index(edited, tmp_path / "c", shards=8, lunr_js=LUNR_JS)
    a, b, c = (_manifest(tmp_path / x)["build"] for x in "abc")
    assert a == b != c


def test_an_unchanged_rebuild_takes_the_cached_files(tmp_path):
    cache = tmp_path / "cache"
    first = build_search_index(
        DOCS, tmp_path / "one" / "search", shards=8, lunr_js=LUNR_JS, cache_dir=cache
    )
    again = build_search_index(
        DOCS, tmp_path / "two" / "search", shards=8, lunr_js=LUNR_JS, cache_dir=cache
    )
    assert not first.cached and again.cached
    assert (again.files, again.bytes, again.shards) == (first.files, first.bytes, first.shards)
    assert _files(tmp_path / "one" / "search") == _files(tmp_path / "two" / "search")
    assert query(tmp_path / "two", "凌创")["凌创"]["urls"] == ["articles/banan.html"]
    # another article set is indexed again, and replaces the cached build
    edited = [*DOCS, replace(DOCS[0], url="articles/new.html", title="新区凌创")]
    third = build_search_index(
        edited, tmp_path / "three" / "search", shards=8, lunr_js=LUNR_JS, cache_dir=cache
    )
    assert not third.cached
    assert [p.name for p in cache.iterdir()] == [_manifest(tmp_path / "three" / "search")["build"]]


def test_a_damaged_cache_is_built_again_never_trusted(tmp_path):
    cache = tmp_path / "cache"
    build_search_index(
        DOCS, tmp_path / "one" / "search", shards=8, lunr_js=LUNR_JS, cache_dir=cache
    )
    (build,) = cache.iterdir()
    (build / CACHE_DONE).write_text("{not json", "utf-8")
    again = build_search_index(
        DOCS, tmp_path / "two" / "search", shards=8, lunr_js=LUNR_JS, cache_dir=cache
    )
    assert not again.cached
    assert _files(tmp_path / "one" / "search") == _files(tmp_path / "two" / "search")
