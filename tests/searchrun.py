"""Run queries against a built search/ folder with the real browser engine under node."""

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LUNR_JS = ROOT / "node_modules" / "lunr" / "lunr.js"
RUNNER = ROOT / "tests" / "fixtures" / "run_queries.js"


def query(site: Path, *queries: str) -> dict[str, dict]:
    """{query: {urls, verified, fields, scores, described, files, snippet, …}} (run_queries.js)."""
    node = shutil.which("node")
    assert node, "node is required"
    done = subprocess.run(
        [node, str(RUNNER), str(site), str(LUNR_JS)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
    )
    return {r["q"]: r for r in json.loads(done.stdout)}
