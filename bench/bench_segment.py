"""Segmentation benchmark: the importer on generated pages of every layout family.

Pages come from :mod:`bench.pagegen` (real articles of ``../shared/corpus``, laid
out with known truth).  Each page goes through the same pipeline as ``make
inspect`` and is scored with ``../shared/tools/score_pages.py`` — the checks of
the sample gold — plus kicker and subtitle.  Prints one row per family and the
overall row; ``--min`` makes it a pass/fail check (used by the test suite).

Run: ``make bench-segment`` (``PAGES=2000`` for more, ``SEED=3`` for other pages).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from newsprint.cut.segment import LOW_CONFIDENCE  # noqa: E402
from newsprint.pipeline import process_file  # noqa: E402
from newsprint.posts.inspect_json import page_records  # noqa: E402

from bench.pagegen import FAMILIES, GeneratedPage, generate_pages  # noqa: E402

SCORER = ROOT.parent / "shared" / "tools" / "score_pages.py"
CHECKS = ("found", "boundary", "title", "kicker", "subtitle", "authors", "captions", "kind",
          "joins", "once")


def load_scorer():
    """The shared scorer module (the one the sample gold is scored with)."""
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _norm(text: str | None) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text or "") if not ch.isspace())


def score_pages(pages: Iterable[GeneratedPage]) -> dict[str, dict[str, list[int]]]:
    """Per family: check → [hits, seen]; plus 'spurious' → [count, gold articles]."""
    scorer = load_scorer()
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            path = Path(tmp) / page.name
            path.write_bytes(page.data)
            output = page_records(process_file(path))
            _rows, totals = scorer.score(page.gold, output)
            row = table[page.family]
            for check, (hit, seen) in totals.items():
                if check == "spurious":
                    row["spurious"][0] += hit
                    continue
                row[check][0] += hit
                row[check][1] += seen
            gold = page.gold[page.name]["articles"]
            row["spurious"][1] += len(gold)
            _score_heads(gold, output, row)
    return table


def _score_heads(gold: list[dict], output: list[dict], row: dict) -> None:
    """Kicker and subtitle of each found article (absent on both sides counts as right),
    and whether the article's ``confidence`` warned of a wrong title or end."""
    bodies = [_norm(a.get("body")) for a in output]
    for g in gold:
        start = _norm(g["body_starts"])
        found = next((a for a, b in zip(output, bodies, strict=True) if start in b), None)
        if found is None:
            continue
        for part in ("kicker", "subtitle"):
            ok = _norm(found.get(part)) == _norm(g.get(part))
            row[part][0] += ok
            row[part][1] += 1
        body = _norm(found.get("body"))
        right = _norm(found.get("title")) == _norm(g["title"]) and body.endswith(
            _norm(g["body_ends"])
        )
        low = min((found.get("confidence") or {"": 1.0}).values()) < LOW_CONFIDENCE
        row["low-confidence" if low else "confident"][0] += not right
        row["low-confidence" if low else "confident"][1] += 1


def print_table(table: dict[str, dict[str, list[int]]], title: str = "") -> dict[str, float]:
    """Print the per-family table; returns the worst ratio per check."""
    if title:
        print(f"\n{title}")
    header = f"{'family':<18}" + "".join(f"{c:>9}" for c in CHECKS) + f"{'spurious':>10}"
    print(header)
    print("-" * len(header))
    overall: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    worst: dict[str, float] = {}
    for family in [*FAMILIES, "overall"]:
        if family == "overall":
            row = overall
            print("-" * len(header))
        elif family in table:
            row = table[family]
        else:
            continue
        cells = []
        for check in CHECKS:
            hit, seen = row[check]
            if family != "overall":
                overall[check][0] += hit
                overall[check][1] += seen
            ratio = hit / seen if seen else 1.0
            worst[check] = min(worst.get(check, 1.0), ratio)
            cells.append(f"{ratio:>9.3f}" if seen else f"{'-':>9}")
        spur, arts = row["spurious"]
        if family != "overall":
            overall["spurious"][0] += spur
            overall["spurious"][1] += arts
        worst["spurious"] = max(worst.get("spurious", 0.0), spur / arts if arts else 0.0)
        print(f"{family:<18}" + "".join(cells) + f"{spur / max(arts, 1):>9.1%}")
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min", type=float, default=None, help="fail below this ratio")
    parser.add_argument("--max-spurious", type=float, default=0.005)
    parser.add_argument("--rewrap", action="store_true",
                        help="score the same pages again, every paragraph at its own width")
    args = parser.parse_args(argv)
    pages = list(generate_pages(args.pages, args.seed))
    articles = sum(len(p.gold[p.name]["articles"]) for p in pages)
    print(f"{len(pages)} pages, {articles} articles, seed {args.seed} "
          f"(real text: ../shared/corpus/rmrb-2019-2020)\n")
    table = score_pages(pages)
    worst = print_table(table)
    low = [sum(table[f]["low-confidence"][i] for f in table) for i in (0, 1)]
    high = [sum(table[f]["confident"][i] for f in table) for i in (0, 1)]
    print(f"\nconfidence < {LOW_CONFIDENCE}: {low[1]} articles, {low[0] / max(low[1], 1):.1%} "
          f"with a wrong title or end; the others: {high[0] / max(high[1], 1):.1%}")
    if args.rewrap:
        rewrapped = print_table(score_pages(generate_pages(args.pages, args.seed, rewrap=True)),
                                title="same pages, every paragraph at its own width (12–30)")
        worst = {c: min(r, rewrapped.get(c, r)) if c != "spurious" else max(r, rewrapped[c])
                 for c, r in worst.items()}
    if args.min is None:
        return 0
    failed = [c for c, r in worst.items() if c != "spurious" and r < args.min]
    if worst["spurious"] > args.max_spurious:
        failed.append("spurious")
    if failed:
        print(f"\nbelow target: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
