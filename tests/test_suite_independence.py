"""The suite reads its own sample pages: whatever a user puts in ``content/raw/``
(a GB18030 page, a folder named like a page, a dangling link) changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys

from paths import ROOT

COPIED = ["plugins", "tests", "bench", "theme", "pyproject.toml", "pelicanconf.py", "publishconf.py"]


def _collect(project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _count(report: str) -> str:
    """'257 tests collected in 1.9s' → '257'."""
    return report.strip().splitlines()[-1].split()[0]


def test_collection_ignores_what_the_user_put_in_content_raw(tmp_path):
    project = tmp_path / "project"
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    raw = project / "content" / "raw"
    raw.mkdir(parents=True)
    (raw / "gb.txt").write_bytes("巴南 新闻\n\n正文。\n".encode("gb18030"))
    (raw / "folder.txt").mkdir()
    (raw / "dangling.txt").symlink_to(tmp_path / "missing")
    clean = _collect(ROOT)
    dirty = _collect(project)
    assert dirty.returncode == 0, dirty.stdout[-2000:] + dirty.stderr[-2000:]
    assert _count(dirty.stdout) == _count(clean.stdout)
