"""Golden snapshots of the five sample pages: what ``make inspect`` prints for each
page, the site files its articles become, and the whole built site's file list.

A change in behaviour shows up here as a failing test; if the change is meant,
rewrite the snapshots with ``make golden`` (``pytest tests/test_golden.py
--regenerate-golden``) and review them in ``git diff tests/golden/`` before
committing. They are never rewritten without that flag.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsprint.posts.cli import inspect_pages
from paths import RAW, ROOT
from sitebuild import build_site, prepare_content

GOLDEN = ROOT / "tests" / "golden"
PAGES = sorted(p.name for p in RAW.glob("*.txt"))
HINT = "behaviour changed: if meant, run `make golden` and review `git diff tests/golden/`"


def _check(path: Path, actual: object, regenerate: bool) -> None:
    text = json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if regenerate:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"{path.name} missing: {HINT}"
    expected = json.loads(path.read_text("utf-8"))
    assert json.loads(text) == expected, f"{path.name}: {HINT}"


@pytest.fixture(scope="module")
def site_files(tmp_path_factory) -> list[str]:
    tmp = tmp_path_factory.mktemp("golden-site")
    build_site(prepare_content(tmp), tmp / "output")
    out = tmp / "output"
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())


@pytest.mark.parametrize("page", PAGES)
def test_page_snapshot(page, site_files, regenerate_golden):
    records = inspect_pages([RAW / page])
    stem = Path(page).stem
    own = {f"articles/{r['slug']}.html" for r in records if r.get("slug")}
    own.add(f"raw/{stem}.html")  # the page view; the raw file itself is not published
    snapshot = {
        "inspect": records,
        "output_files": sorted(f for f in site_files if f in own),
    }
    assert snapshot["output_files"] == sorted(own), "an article of this page has no page"
    _check(GOLDEN / f"{stem}.json", snapshot, regenerate_golden)


def test_site_file_list(site_files, regenerate_golden):
    _check(GOLDEN / "site-files.json", site_files, regenerate_golden)
