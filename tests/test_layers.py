"""The layer contract (import-linter, in pyproject.toml): the pure stages — cut,
tag, posts, pipeline, models, text — never import Pelican, the site or the search."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from paths import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(cwd: Path, plugins: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(plugins)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_pure_stages_import_no_pelican_site_or_search():
    run = _lint_imports(ROOT, ROOT / "plugins")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "BROKEN" not in run.stdout


def _copy(tmp_path: Path) -> Path:
    plugins = tmp_path / "plugins"
    shutil.copytree(
        ROOT / "plugins" / "newsprint",
        plugins / "newsprint",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return plugins


def test_a_cut_module_importing_pelican_breaks_the_contract(tmp_path):
    plugins = _copy(tmp_path)
    dedupe = plugins / "newsprint" / "cut" / "dedupe.py"
    dedupe.write_text(dedupe.read_text("utf-8") + "\nimport pelican  # noqa\n", "utf-8")
    run = _lint_imports(tmp_path, plugins)
    assert run.returncode != 0
    assert "newsprint.cut.dedupe -> pelican" in run.stdout


def test_a_tag_module_reaching_the_search_code_through_another_breaks_the_contract(tmp_path):
    plugins = _copy(tmp_path)
    dates = plugins / "newsprint" / "tag" / "dates.py"
    dates.write_text(dates.read_text("utf-8") + "\nfrom ..site import reading  # noqa\n", "utf-8")
    run = _lint_imports(tmp_path, plugins)
    assert run.returncode != 0
    assert "newsprint.tag.dates -> newsprint.site.reading" in run.stdout
