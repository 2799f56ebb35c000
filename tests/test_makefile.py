"""``make clean`` and ``make inspect`` take file names as names: spaces, dashes and
words like ``Makefile`` inside a name never become separate arguments."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from paths import ROOT, SAMPLES

PAGE = SAMPLES / "001_8b2535a65f0a025d.txt"
VENV = ROOT / ".venv"


def _make(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), f"VENV={VENV}", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding a Makefile that must survive, and posts to clean."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "pyproject.toml").write_text("", "utf-8")
    posts = tmp_path / "content" / "posts" / "x Makefile y"
    posts.mkdir(parents=True)
    (posts / "x Makefile y.md").write_text("Title: a\nLocked: false\n\n正文\n", "utf-8")
    (posts / "kept by -rf.md").write_text("Title: b\nLocked: yes\n\n正文\n", "utf-8")
    (posts / "kept.md").write_text("Title: c\nlocked: TRUE\n\n正文\n", "utf-8")
    return tmp_path


def test_make_clean_removes_only_unlocked_posts_whatever_their_names(project):
    shutil.copy(ROOT / "Makefile", project / "Makefile.keep")
    run = _make(project, "clean")
    assert run.returncode == 0, run.stderr
    assert (project / "Makefile").is_file() and (project / "pyproject.toml").is_file()
    left = sorted(p.name for p in (project / "content" / "posts").rglob("*.md"))
    assert left == ["kept by -rf.md", "kept.md"]


@pytest.fixture
def odd_pages(tmp_path: Path) -> Path:
    """Pages with awkward names, in a folder make can run in (its inputs look installed)."""
    for name in ("with space.txt", "-dash.txt"):
        shutil.copy(PAGE, tmp_path / name)
    installed = (VENV / ".installed").stat().st_mtime
    for name in ("pyproject.toml", "package-lock.json"):
        (tmp_path / name).write_text("", "utf-8")
        os.utime(tmp_path / name, (installed - 60, installed - 60))
    return tmp_path


@pytest.mark.parametrize("name", ["with space.txt", "-dash.txt"])
def test_make_inspect_reads_a_page_whose_name_has_a_space_or_a_leading_dash(odd_pages, name):
    run = _make(odd_pages, "inspect", f"PAGES={name}")
    assert run.returncode == 0, run.stderr
    records = json.loads(run.stdout)
    assert records and {r["source"] for r in records} == {name}


def test_make_inspect_takes_quoted_names_and_fails_on_a_missing_file(odd_pages):
    pages = f"'{odd_pages / 'with space.txt'}' {odd_pages / 'missing.txt'}"
    run = _make(ROOT, "inspect", f"PAGES={pages}")
    assert run.returncode != 0
    assert "missing.txt: no such page file" in run.stderr
    assert {r["source"] for r in json.loads(run.stdout)} == {"with space.txt"}


def test_make_inspect_still_expands_a_pattern(odd_pages):
    run = _make(ROOT, "inspect", f"PAGES={odd_pages}/*.txt")
    assert run.returncode == 0, run.stderr
    assert {r["source"] for r in json.loads(run.stdout)} == {"with space.txt", "-dash.txt"}
