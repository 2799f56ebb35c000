"""Import benchmark: pages per second through decode → segment → tag, and the
Markdown written, on generated pages (deterministic recombinations of the samples).

Run: ``make bench-import`` (prints figures; not a pass/fail test).
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newsprint.importer import import_pages  # noqa: E402


def generate_pages(target: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` pages made of blocks of the sample pages; returns total bytes."""
    # The shipped samples (tests/data/pages), not content/raw/: that folder is the user's.
    samples = [
        p.read_text("utf-8") for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.txt"))
    ]
    chunks = [c for s in samples for c in s.split("\n\n\n\n") if c.strip()]
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        text = "\n\n\n\n".join(rng.sample(chunks, k=min(3, len(chunks))))
        data = text.encode("gb18030" if i % 5 == 0 else "utf-8")
        (target / f"gen_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    for count in (100, 500):
        with tempfile.TemporaryDirectory() as tmp:
            raw, posts = Path(tmp) / "raw", Path(tmp) / "posts"
            raw.mkdir()
            size = generate_pages(raw, count)
            start = time.perf_counter()
            report = import_pages(raw, posts)
            cold = time.perf_counter() - start
            start = time.perf_counter()
            import_pages(raw, posts)
            warm = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{count:5d} pages ({size / 1e6:.1f} MB): {len(report.written)} posts, "
                f"cold import {cold:.2f} s ({count / cold:.0f} pages/s), "
                f"cached re-import {warm:.2f} s, peak RSS {peak:.0f} MB, "
                f"{len(report.errors)} errors"
            )


if __name__ == "__main__":
    main()
