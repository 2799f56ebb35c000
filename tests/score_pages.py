# Copied from shared/tools/score_pages.py so that the gold test runs in a fresh clone,
# where shared/ is not beside the checkout. Keep it in step with that file.
"""Score page segmentation and cleaning against hand-made gold annotations.

Usage:
    score_pages.py GOLD.json OUTPUT.json [--min-score X]

OUTPUT.json is what `make -s inspect PAGES="..."` prints: a JSON array with one
object per article found (fields: source, title, kicker, subtitle, district,
topics, kind, authors, date, captions, body).  GOLD.json maps a page's file
name to its expected articles (see gold/README.md).

Text is compared after NFKC normalisation with all white space and Markdown
markers removed, so full-width/half-width punctuation and line breaks do not
matter; what matters is which words end up where.
"""
import json
import re
import sys
import unicodedata

MARKUP = re.compile(r"[\s#*>_`|]+")


def norm(text):
    return MARKUP.sub("", unicodedata.normalize("NFKC", text or ""))


def title_norm(text):
    return re.sub(r"[\"'“”‘’『』「」]", "", norm(text))


def score(gold, output):
    rows, totals = [], {}

    def tally(key, ok):
        hit, seen = totals.get(key, (0, 0))
        totals[key] = (hit + bool(ok), seen + 1)
        return "ok" if ok else "MISS"

    by_source = {}
    for art in output:
        by_source.setdefault(art.get("source", ""), []).append(art)

    for page, spec in gold.items():
        arts = by_source.get(page, [])
        bodies = [norm(a.get("body")) for a in arts]
        everything = "".join(bodies) + "".join(norm(c) for a in arts for c in a.get("captions") or [])
        starts = [norm(g["body_starts"]) for g in spec["articles"]]
        matched = set()
        for g, start in zip(spec["articles"], starts):
            end = norm(g["body_ends"])
            idx = next((i for i, b in enumerate(bodies) if start in b), None)
            row = {"page": page, "gold": g.get("title") or g["body_starts"][:12]}
            if idx is None:
                row["found"] = tally("found", False)
                rows.append(row)
                continue
            matched.add(idx)
            a, body = arts[idx], bodies[idx]
            row["found"] = tally("found", True)
            others = [s for s in starts if s != start and s in body]
            row["boundary"] = tally("boundary", body.find(start) <= 40 and end in body
                                    and len(body) - body.rfind(end) - len(end) <= 40 and not others)
            titles = [g.get("title")] + g.get("alt_titles", [])
            if g.get("title") is None:
                ok = bool(norm(a.get("title"))) and all(
                    title_norm(a.get("title")) != title_norm(o.get("title")) for o in spec["articles"] if o.get("title"))
            else:
                ok = title_norm(a.get("title")) in {title_norm(t) for t in titles if t}
            row["title"] = tally("title", ok)
            if "district" in g:
                row["district"] = tally("district", (a.get("district") or None) == g["district"])
            row["kind"] = tally("kind", a.get("kind") == g["kind"])
            row["authors"] = tally("authors", sorted(a.get("authors") or []) == sorted(g["authors"]))
            caps = [norm(c) for c in a.get("captions") or []]
            in_text = g.get("captions_in_text", {})  # times a caption's words also occur in the text
            cap_ok = all(any(norm(c) in x or x in norm(c) for x in caps if x)
                         and body.count(norm(c)) <= in_text.get(c, 0)
                         for c in g.get("captions", []))
            row["captions"] = tally("captions", cap_ok)
            for j in g.get("joins", []):
                row.setdefault("joins", [])
                row["joins"].append(tally("joins", norm(j) in body))
            for o in g.get("once", []):
                row.setdefault("once", [])
                row["once"].append(tally("once", everything.count(norm(o)) == 1))
            want = spec.get("page") or {}
            if want.get("year"):
                date = str(a.get("date") or "")
                ok = date[:4] == str(want["year"])
                if ok and "month" in want:
                    ok = date[5:7] == f"{want['month']:02d}"
                row["date"] = tally("date", ok)
            rows.append(row)
        spurious = [a.get("title") or norm(a.get("body"))[:12] for i, a in enumerate(arts) if i not in matched]
        totals["spurious"] = (totals.get("spurious", (0, 0))[0] + len(spurious), 0)
        for s in spurious:
            rows.append({"page": page, "spurious": s})
    return rows, totals


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    gold = json.load(open(argv[1], encoding="utf-8"))
    output = json.load(open(argv[2], encoding="utf-8"))
    rows, totals = score(gold, output)
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
    checks = {k: v for k, v in totals.items() if k != "spurious"}
    hit = sum(h for h, _ in checks.values())
    seen = sum(s for _, s in checks.values())
    parts = [f"{k} {h}/{s}" for k, (h, s) in sorted(checks.items())]
    frac = hit / seen if seen else 0.0
    print("score: %.3f (%s; spurious articles %d)" % (frac, ", ".join(parts), totals.get("spurious", (0, 0))[0]))
    if "--min-score" in argv:
        return 0 if frac >= float(argv[argv.index("--min-score") + 1]) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
