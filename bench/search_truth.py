"""Search quality against exact-substring truth, shared by the search benchmarks.

The queries run under node with ``tests/fixtures/run_queries.js`` (the same
search-core.js the page uses); a result list is scored against the set of
articles whose text holds every query word.

>>> score([{"q": "a", "urls": ["x", "y"]}], lambda q: {"x"})
(1.0, 0.5)
"""

from __future__ import annotations

import json
import statistics
import subprocess
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_queries(site: Path, queries: list[str]) -> list[dict]:
    """``[{"q": query, "urls": [...]}, …]`` from the built site's search files."""
    out = subprocess.run(
        [
            "node",
            str(ROOT / "tests" / "fixtures" / "run_queries.js"),
            str(site),
            str(ROOT / "node_modules" / "lunr" / "lunr.js"),
        ],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def score(results: list[dict], want: Callable[[str], set[str]]) -> tuple[float, float]:
    """Mean recall and precision@10 of ``results``; ``want(q)`` is the true URL set."""
    recalls, precisions = [], []
    for r in results:
        truth, got = want(r["q"]), r["urls"]
        recalls.append(len(truth & set(got)) / len(truth) if truth else 1.0)
        top = got[:10]
        precisions.append(sum(u in truth for u in top) / len(top) if top else float(not truth))
    return statistics.mean(recalls), statistics.mean(precisions)
