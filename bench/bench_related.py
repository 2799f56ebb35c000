"""Related-articles benchmark: build time at 1,000 to 20,000 articles (near-linear?).

Feature sets (district, topics, jieba keywords) are made by the importer's own
taggers from real articles of ../shared/corpus/rmrb-2019-2020 (read at run time,
never copied); ``--source`` distinct articles are tagged once and reused in turn
to reach each size, so a bigger archive has more articles per feature, as a real
one does.  Prints, per size, the seconds :func:`related_indices` takes, the time
per article, and how many articles got at least 3 related ones.

Run: ``make bench-related`` (prints figures; not a pass/fail test).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from newsprint.site.related import MIN_RELATED, related_indices  # noqa: E402
from newsprint.tag.districts import detect_district  # noqa: E402
from newsprint.tag.places import is_place  # noqa: E402
from newsprint.tag.topics import assign_topics, keywords  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "rmrb-2019-2020" / "articles.jsonl"


def corpus_features(count: int) -> list[set[str]]:
    """Feature sets of the first ``count`` corpus articles, tagged as tagging.py does."""
    out: list[set[str]] = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= count:
                break
            art = json.loads(line)
            title, body = art["title"], "\n".join(art["paragraphs"])
            found: set[str] = set()
            district = detect_district(title, body, [], [])
            if district is not None:
                found.add(f"d:{district.name}")
            topics = assign_topics(title, body)
            found.update(f"t:{t}" for t in topics)
            found.update(
                f"k:{k}" for k in keywords(title, body) if not is_place(k) and k not in topics
            )
            out.append(found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=int, default=10**9, help="corpus articles to tag (all)")
    parser.add_argument("--sizes", default="1000,2500,5000,10000,20000")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"bench-related: {CORPUS} not found (the shared corpus sits beside the repo)")
    started = time.perf_counter()
    source = corpus_features(args.source)
    tagging = time.perf_counter() - started
    print(f"tagged {len(source)} corpus articles in {tagging:.1f} s (not part of the figures)")
    print(f"{'articles':>9} {'seconds':>8} {'µs/article':>11} {'≥3 related':>11} {'features':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        docs = [source[i % len(source)] for i in range(size)]
        t0 = time.perf_counter()
        found = related_indices(docs)
        seconds = time.perf_counter() - t0
        enough = sum(len(r) >= MIN_RELATED for r in found) / size
        features = sum(len(d) for d in docs) / size
        print(
            f"{size:>9,} {seconds:>8.2f} {seconds / size * 1e6:>11.0f} {enough:>10.1%} "
            f"{features:>9.1f}"
        )


if __name__ == "__main__":
    main()
