"""Import benchmark: pages per second through decode → segment → tag, and the
Markdown written, on generated pages (deterministic recombinations of the samples);
then the share of the import's CPU time that the costly tagging steps take
(keywords; names and figures), so a change to them can be weighed.

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

import newsprint.tag.tagging as tagging  # noqa: E402
from newsprint.posts.importer import import_pages  # noqa: E402

#: The tagging steps whose CPU time is reported, by the name tagging.py calls them.
TIMED_STEPS = {
    "keywords": ("keywords",),
    "names and figures": ("extract_organisations", "extract_projects", "extract_figures"),
}


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


def step_shares(count: int = 300) -> None:
    """CPU seconds of a cold import of ``count`` generated pages, and each timed step's share."""
    spent = dict.fromkeys(TIMED_STEPS, 0.0)

    def timed(step: str, fn):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[step] += time.process_time() - start

        return run

    originals = {name: getattr(tagging, name) for names in TIMED_STEPS.values() for name in names}
    for step, names in TIMED_STEPS.items():
        for name in names:
            setattr(tagging, name, timed(step, originals[name]))
    try:
        with tempfile.TemporaryDirectory() as tmp:
            raw, posts = Path(tmp) / "raw", Path(tmp) / "posts"
            raw.mkdir()
            generate_pages(raw, count)
            start = time.process_time()
            import_pages(raw, posts)
            total = time.process_time() - start
    finally:
        for name, fn in originals.items():
            setattr(tagging, name, fn)
    shares = ", ".join(f"{step} {t:.2f} s ({t / total:.0%})" for step, t in spent.items())
    print(f"{count:5d} pages: import CPU {total:.2f} s; {shares}")


if __name__ == "__main__":
    main()
    step_shares()
