"""The code stays ruff clean (the rule set is in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

from paths import ROOT


def test_ruff_reports_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is a test dependency (pip install -e .[test])"
    targets = ["plugins", "tests", "bench", "pelicanconf.py", "publishconf.py"]
    run = subprocess.run([ruff, "check", *targets], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
