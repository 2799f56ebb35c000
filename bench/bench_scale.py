"""Archive-scale benchmark: build 1k / 10k (/ 100k) real articles, newsprint vs plain Pelican.

Run: ``make bench-scale`` (sizes 1000 and 10000) or ``make bench-scale SIZE=100000``;
directly: ``python bench/bench_scale.py --sizes 1000 10000 [--out bench/out/scale]``.
Prints figures, never pass/fail.

Text.  Every word is real news text from ``../shared/corpus/rmrb-2019-2020``
(read at run time, written only into the benchmark's own scratch folder).  The
corpus' usable articles (``pagegen.load_sources``, ~6,300 of 7,742) are used
once each, in date order; beyond them, *round* r (r = 1, 2, …) recombines, for
every corpus date, the paragraphs of that date's articles: each article of the
date gets a sibling whose headline is another article's of the same date, whose
lede is a lede of that date and whose other paragraphs are drawn (seeded, without
replacement within the sibling) from that date's non-lede paragraphs.  Round r's
issues are dated r × 2 years after the corpus date, so the archive grows in time
as a real one does.  No word is generated.

Pages.  ``pagegen.PageMaker`` lays the articles out into page dumps (its eight
layout families in turn); an issue is up to 8 pages of one date; each page gets a
``NAME.meta.toml`` sidecar with its date.  Pages are added until the truth of the
generated pages counts ``size`` articles.

Per size it runs, each in a fresh process (peak RSS is that process's and its
children's maximum):

* newsprint **full** build from an empty posts folder (first import), split into
  import (and its CPU seconds / wall seconds: 2.0 would be both cores busy),
  search index build, and the rest (Pelican reading and rendering, figures,
  source views);
* **no change**: the same build again;
* **one page**: one raw page changed (a real paragraph of another article added);
* **new issue**: 8 pages of a new date added;
* **plain** Pelican 4 on the very same Markdown posts (no plugins, the default
  theme, no feeds), twice, back to back with the newsprint builds;
* output size: whole site, ``search/`` raw and gzip -6, and KB per article;
* search on the built site (``--no-search`` skips it): recall and precision@10 of
  ``SEARCH_QUERIES`` (words of the corpus' own news) against an exact-substring
  scan of the stored text, with the page's engine under node; then in Chromium,
  over http:// and file://, per query in a fresh page: time to the first result,
  bytes loaded before it (http, raw and gzip -6), a *new* query on that open page,
  and the first query again (warm), as median and p95.

The machine may be shared with other work: compare ratios measured in one run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

ISSUE_PAGES = 8
SEARCH_QUERIES = [
    "习近平",
    "脱贫攻坚",
    "一带一路",
    "高质量发展",
    "乡村振兴",
    "疫情防控",
    "新冠肺炎",
    "人民群众",
    "改革开放",
    "全面建成小康社会",
    "生态环境",
    "科技创新",
    "粤港澳大湾区",
    "长江经济带",
    "雄安新区",
    "5G",
    "2019年",
    "百分之",
    "亿元",
    "北京 合作",
    "农民 增收",
    "企业 复工",
    "学校 教育",
    "医院 医生",
    "扶贫 产业",
    "冬奥会",
    "垃圾分类",
    "互联网",
    "共产党",
    "新时代",
    "志愿者",
    "博物馆",
    "港珠澳大桥",
    "民营企业",
    "营商环境",
    "村",
]
YEARS_PER_ROUND = 2


# -- text ------------------------------------------------------------------------------
def _shift_id(source_id: str, years: int) -> str:
    """``rmrb-20190201-01-01`` moved ``years`` later: ``rmrb-20210201-01-01``."""
    year = int(source_id[5:9]) + years
    return f"{source_id[:5]}{year:04d}{source_id[9:]}"


def article_stream(seed: int = 0):
    """Corpus articles in date order, then round after round of same-date recombinations.

    >>> s = article_stream()
    >>> first = next(s)
    >>> first.id[:5]
    'rmrb-'
    """
    from pagegen import load_sources

    sources = sorted(load_sources(), key=lambda s: s.id)
    yield from sources
    by_date: dict[str, list] = defaultdict(list)
    for s in sources:
        by_date[s.id[5:13]].append(s)
    rnd = 1
    while True:
        for date in sorted(by_date):
            group = by_date[date]
            ledes = [s.paragraphs[0] for s in group]
            rest = [p for s in group for p in s.paragraphs[1:]]
            for i, s in enumerate(group):
                rng = random.Random(f"{seed}-{rnd}-{date}-{i}")
                other = group[(i + rnd) % len(group)]
                k = min(len(s.paragraphs) - 1, len(rest))
                paras = (rng.choice(ledes), *rng.sample(rest, k))
                yield replace(
                    s,
                    id=_shift_id(s.id, rnd * YEARS_PER_ROUND) + f"-r{rnd}",
                    title=other.title,
                    kicker=other.kicker,
                    subtitle=other.subtitle,
                    paragraphs=paras,
                )
        rnd += 1


# -- pages -----------------------------------------------------------------------------
def make_maker(seed: int = 0):
    """A PageMaker that takes every article of :func:`article_stream` once, in order."""
    from pagegen import PageMaker

    class StreamMaker(PageMaker):
        def __init__(self) -> None:
            super().__init__(seed)
            self.stream = article_stream(seed)
            self.last_id = ""

        def take(self, max_chars: int = 1400):
            source = next(self.stream)
            self.last_id = self.last_id or source.id
            return source

    return StreamMaker()


def write_pages(
    raw: Path, maker, articles: int = 0, start: int = 0, date: str | None = None, pages: int = 0
):
    """Write pages until their truth counts ``articles`` (or ``pages`` pages are written);
    returns (pages, articles) written and the next page index.

    Pages of one date are numbered ``rmrb-YYYYMMDD-NN.txt``; an issue holds 8 at most.
    With ``date`` every page is given that date (a new issue).
    """
    from pagegen import FAMILIES

    count = written = 0
    used: dict[str, int] = defaultdict(int)
    for f in raw.glob("*.txt"):
        used[f.name[5:13]] += 1
    i = start
    while written < articles or count < pages:
        maker.last_id = ""
        page = maker.page(FAMILIES[i % len(FAMILIES)], i)
        i += 1
        day = date or maker.last_id[5:13]
        while used[day] >= ISSUE_PAGES and date is None:
            day = _next_day(day)
        used[day] += 1
        name = f"rmrb-{day}-{used[day]:02d}"
        (raw / f"{name}.txt").write_bytes(page.data)
        (raw / f"{name}.meta.toml").write_text(
            f'paper = "人民日报"\ndate = "{day[:4]}-{day[4:6]}-{day[6:]}"\npage = {used[day]}\n',
            "utf-8",
        )
        count += 1
        written += len(page.gold[page.name]["articles"])
    return count, written, i


def _next_day(day: str) -> str:
    import datetime as dt

    d = dt.date(int(day[:4]), int(day[4:6]), int(day[6:])) + dt.timedelta(days=1)
    return d.strftime("%Y%m%d")


# -- projects --------------------------------------------------------------------------
def newsprint_conf() -> str:
    conf = (ROOT / "pelicanconf.py").read_text("utf-8")
    return conf + (
        f"\nTHEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
        f"NEWSPRINT_LUNR_JS = {str(ROOT / 'node_modules' / 'lunr' / 'lunr.min.js')!r}\n"
    )


PLAIN_CONF = """# Plain Pelican on the same posts: no plugins, the default theme, no feeds.
PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = []
STATIC_PATHS = []
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
RELATIVE_URLS = True
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DELETE_OUTPUT_DIRECTORY = True
"""


def run_build(project: Path, conf: str, output: str) -> dict:
    """One Pelican build in a fresh process; its phase times and peak memory."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--build", str(project), conf, output]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"build failed ({conf}): exit {proc.returncode}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def _cpu_now() -> float:
    s, c = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def _build_here(project: Path, conf: str, output: str) -> None:
    """``--build``: run Pelican in this process, timing newsprint's import and search steps."""
    times: dict[str, float] = defaultdict(float)

    def rusage_cpu() -> float:
        s, c = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime

    if conf != "plain.py":
        sys.path.insert(0, str(ROOT / "plugins"))
        import newsprint.plugin as plugin
        from newsprint.search.generator import SearchIndexGenerator

        original_import = plugin.import_raw_pages

        def timed_import(pelican):
            t0, c0 = time.perf_counter(), rusage_cpu()
            try:
                return original_import(pelican)
            finally:
                times["import"] += time.perf_counter() - t0
                times["import_cpu"] += rusage_cpu() - c0

        plugin.import_raw_pages = timed_import
        original_search = SearchIndexGenerator.generate_output

        def timed_search(self, writer=None):
            t0 = time.perf_counter()
            try:
                return original_search(self, writer)
            finally:
                times["search"] += time.perf_counter() - t0

        SearchIndexGenerator.generate_output = timed_search
    import pelican

    t0 = time.perf_counter()
    os.chdir(project)
    pelican.main(["content", "-s", conf, "-o", output, "-q"])
    times["total"] = time.perf_counter() - t0
    # CPU seconds of the build (and its import workers): the machine may be shared,
    # and wall time then says as much about the others' work as about this one's
    times["cpu"] = _cpu_now()
    peak = max(
        resource.getrusage(w).ru_maxrss for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    times["peak_mb"] = peak / 1024
    print(json.dumps(times))


# -- sizes -----------------------------------------------------------------------------
def tree_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def gzip_size(path: Path) -> int:
    return sum(len(gzip.compress(p.read_bytes(), 6)) for p in path.rglob("*") if p.is_file())


def change_one_page(raw: Path, seed: int) -> str:
    """Add a real paragraph (from another page) to the end of one UTF-8 page; its name."""
    rng = random.Random(seed)
    pages = sorted(raw.glob("*.txt"))
    while True:
        page = rng.choice(pages)
        data = page.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        donor = rng.choice(pages).read_bytes().decode("utf-8", errors="ignore")
        paras = [p for p in donor.replace("\r", "").split("\n") if len(p.strip()) > 20]
        if text.startswith("\ufeff") or not paras:
            continue
        nl = "\r\n" if "\r\n" in text else "\n"
        page.write_bytes((text.rstrip() + nl + rng.choice(paras).strip() + nl).encode())
        return page.name


def bench_size(size: int, out: Path, seed: int, search: bool = True) -> dict:
    project = out / f"site-{size}"
    shutil.rmtree(project, ignore_errors=True)
    raw = project / "content" / "raw"
    raw.mkdir(parents=True)
    (project / "pelicanconf.py").write_text(newsprint_conf(), "utf-8")
    (project / "plain.py").write_text(PLAIN_CONF, "utf-8")
    maker = make_maker(seed)
    t0 = time.perf_counter()
    pages, truth_articles, next_i = write_pages(raw, maker, size)
    raw_bytes = sum(p.stat().st_size for p in raw.glob("*.txt"))
    print(
        f"\n== {size} articles: {pages} pages, {truth_articles} articles in the truth, "
        f"{raw_bytes / 1e6:.1f} MB raw (laid out in {time.perf_counter() - t0:.0f} s) ==",
        flush=True,
    )
    r: dict = {"size": size, "pages": pages}
    r["full"] = run_build(project, "pelicanconf.py", "output")
    posts = list((project / "content" / "posts").rglob("*.md"))
    r["articles"] = len(posts)
    total, files = tree_size(project / "output")
    search_bytes, search_files = tree_size(project / "output" / "search")
    r.update(
        out_bytes=total,
        out_files=files,
        search_bytes=search_bytes,
        search_files=search_files,
        search_gz=gzip_size(project / "output" / "search"),
    )
    _line("newsprint full", r["full"])
    r["plain"] = run_build(project, "plain.py", "plain-output")
    _line("plain Pelican", r["plain"])
    r["nochange"] = run_build(project, "pelicanconf.py", "output")
    _line("no change", r["nochange"])
    r["plain2"] = run_build(project, "plain.py", "plain-output")
    _line("plain Pelican again", r["plain2"])
    changed = change_one_page(raw, seed)
    r["onepage"] = run_build(project, "pelicanconf.py", "output")
    _line(f"one page ({changed})", r["onepage"])
    last = max(p.name[5:13] for p in raw.glob("*.txt"))
    day = _next_day(last)
    write_pages(raw, maker, start=next_i, date=day, pages=ISSUE_PAGES)
    r["newissue"] = run_build(project, "pelicanconf.py", "output")
    _line(f"new issue ({ISSUE_PAGES} pages of {day})", r["newissue"])
    plain_size, _ = tree_size(project / "plain-output")
    r["plain_bytes"] = plain_size
    print(
        f"output: {total / 1e6:.1f} MB in {files} files ({total / r['articles'] / 1e3:.1f} KB "
        f"per article); search {search_bytes / 1e6:.1f} MB raw, {r['search_gz'] / 1e6:.1f} MB "
        f"gzip, {search_files} files ({search_bytes / r['articles'] / 1e3:.1f} KB per article); "
        f"plain Pelican output {plain_size / 1e6:.1f} MB",
        flush=True,
    )
    if search:
        r["search"] = print_search(project / "output")
    return r


def _pct(values: list[float], p: int) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def stored_rows(search: Path) -> list[list]:
    """Every document's stored row (title, body, captions, extra, url, date, kicker, subtitle)."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from newsprint.search.files import unpacked

    chunks = {}
    for path in search.glob("docs-*.js"):
        _, key, payload = unpacked(path.read_text("utf-8"))
        chunks[int(key)] = json.loads(payload)
    return [row for k in sorted(chunks) for row in chunks[k]]


def search_quality(site: Path) -> tuple[float, float]:
    """Mean recall and precision@10 of SEARCH_QUERIES against exact-substring truth."""
    from newsprint.search.tokens import normalize
    from search_truth import run_queries, score

    rows = stored_rows(site / "search")
    texts = [(r[4], normalize("\n".join([r[0], r[1], r[2], r[3], r[6], r[7]]))) for r in rows]

    def want(q: str) -> set[str]:
        words = [w for w in normalize(q).split() if w]
        return {url for url, text in texts if all(w in text for w in words)}

    return score(run_queries(site, SEARCH_QUERIES), want)


PROBE = """async (q) => {
  const root = document.getElementById('search');
  document.getElementById('search-q').value = q;
  const t0 = performance.now();
  document.getElementById('search-form').requestSubmit();
  await new Promise((res) => {
    const check = () => ['done', 'error'].includes(root.getAttribute('data-state'))
      ? res() : requestAnimationFrame(check);
    check();
  });
  return performance.now() - t0;
}"""


def search_in_browser(site: Path) -> dict:
    """Cold first result, bytes before it, a new query and the warm repeat, http and file."""
    import functools
    import http.server
    import threading
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from chromium import ARGS, CHROMIUM

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    figures = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for label, base in (
            ("http", f"http://127.0.0.1:{server.server_address[1]}"),
            ("file", site.resolve().as_uri()),
        ):
            cold, raw, gz, new, warm = [], [], [], [], []
            n = len(SEARCH_QUERIES)
            for i, q in enumerate(SEARCH_QUERIES):
                ctx = browser.new_context()
                page = ctx.new_page()
                page.goto(f"{base}/search.html?q={quote(q)}")
                page.wait_for_selector('#search[data-state="done"]', timeout=120_000)
                cold.append(page.evaluate("performance.now()") / 1000)
                if label == "http":
                    names = page.evaluate(
                        "performance.getEntriesByType('resource').map(e => e.name)"
                    )
                    size = zsize = 0
                    for url in {*names, f"{base}/search.html"}:
                        path = site / url.split(base, 1)[1].lstrip("/").split("?")[0]
                        if path.is_file():
                            data = path.read_bytes()
                            size += len(data)
                            zsize += len(gzip.compress(data, 6))
                    raw.append(size)
                    gz.append(zsize)
                new.append(page.evaluate(PROBE, SEARCH_QUERIES[(i + 1) % n]))
                page.evaluate(PROBE, q)
                warm.append(page.evaluate(PROBE, q))
                ctx.close()
            figures[label] = {"cold": cold, "raw": raw, "gz": gz, "new": new, "warm": warm}
        browser.close()
    server.shutdown()
    return figures


def print_search(site: Path) -> dict:
    recall, p10 = search_quality(site)
    print(f"search: {len(SEARCH_QUERIES)} queries, recall {recall:.3f}, precision@10 {p10:.3f}")
    figures = search_in_browser(site)
    for label, f in figures.items():
        line = (
            f"[{label}] first result p95 {_pct(f['cold'], 95):.2f} s (median "
            f"{sorted(f['cold'])[len(f['cold']) // 2]:.2f}); new query on the open page p95 "
            f"{_pct(f['new'], 95):.0f} ms; warm p95 {_pct(f['warm'], 95):.0f} ms"
        )
        if f["raw"]:
            line += (
                f"; before the first result: max {max(f['raw']) / 1e6:.2f} MB raw, "
                f"{max(f['gz']) / 1e6:.2f} MB gzip"
            )
            worst = sorted(zip(f["gz"], SEARCH_QUERIES, strict=True), reverse=True)[:3]
            line += " (most: " + ", ".join(f"{q} {b / 1e6:.2f}" for b, q in worst) + ")"
        print(line, flush=True)
    return {"recall": recall, "p10": p10, **figures}


def _line(label: str, b: dict) -> None:
    parts = [f"{label}: {b['total']:.1f} s"]
    if "import" in b:
        cpu = b["import_cpu"] / b["import"] if b["import"] else 0
        rest = b["total"] - b["import"] - b.get("search", 0)
        parts.append(
            f"(import {b['import']:.1f} s at {cpu:.2f} cores, search {b.get('search', 0):.1f} s, "
            f"Pelican + rest {rest:.1f} s)"
        )
    if "cpu" in b:
        parts.append(f"cpu {b['cpu']:.1f} s")
    parts.append(f"peak {b['peak_mb']:.0f} MB")
    print(" ".join(parts), flush=True)


def table(results: list[dict]) -> None:
    print(
        "\n| size | pages | full s (import/render/search) | peak MB | plain s | full÷plain "
        "| no-change s (÷plain) | one page s (÷full) | new issue s (÷full) | output KB/article "
        "| search MB raw/gzip, files |"
    )
    print("|---" * 11 + "|")
    for r in results:
        f, plain = r["full"], min(r["plain"]["total"], r["plain2"]["total"])
        render = f["total"] - f["import"] - f["search"]
        print(
            f"| {r['articles']} | {r['pages']} | {f['total']:.0f} ({f['import']:.0f}/{render:.0f}/"
            f"{f['search']:.0f}) | {f['peak_mb']:.0f} | {plain:.0f} | {f['total'] / plain:.2f} | "
            f"{r['nochange']['total']:.0f} ({r['nochange']['total'] / plain:.2f}) | "
            f"{r['onepage']['total']:.0f} ({r['onepage']['total'] / f['total']:.2f}) | "
            f"{r['newissue']['total']:.0f} ({r['newissue']['total'] / f['total']:.2f}) | "
            f"{r['out_bytes'] / r['articles'] / 1e3:.1f} | {r['search_bytes'] / 1e6:.0f}/"
            f"{r['search_gz'] / 1e6:.0f}, {r['search_files']} |"
        )
    for r in results:
        if "cpu" in r["full"]:
            cpu_plain = min(r["plain"]["cpu"], r["plain2"]["cpu"])
            print(
                f"CPU s at {r['articles']}: full {r['full']['cpu']:.0f} "
                f"({r['full']['cpu'] / cpu_plain:.2f}× plain {cpu_plain:.0f}), no change "
                f"{r['nochange']['cpu']:.0f} ({r['nochange']['cpu'] / cpu_plain:.2f}× plain), "
                f"one page {r['onepage']['cpu']:.0f} ({r['onepage']['cpu'] / r['full']['cpu']:.2f}"
                f" of full), new issue {r['newissue']['cpu']:.0f} "
                f"({r['newissue']['cpu'] / r['full']['cpu']:.2f} of full)"
            )
    searched = [r for r in results if "search" in r]
    if searched:
        print(
            "\n| size | recall | P@10 | first result p95 http / file s | gzip before it MB "
            "| new query p95 http / file ms | warm p95 http / file ms |"
        )
        print("|---" * 7 + "|")
    for r in searched:
        s, h, f = r["search"], r["search"]["http"], r["search"]["file"]
        print(
            f"| {r['articles']} | {s['recall']:.3f} | {s['p10']:.3f} | "
            f"{_pct(h['cold'], 95):.2f} / {_pct(f['cold'], 95):.2f} | {max(h['gz']) / 1e6:.2f} | "
            f"{_pct(h['new'], 95):.0f} / {_pct(f['new'], 95):.0f} | "
            f"{_pct(h['warm'], 95):.0f} / {_pct(f['warm'], 95):.0f} |"
        )
    print(
        "(plain s: the faster of the two plain Pelican builds; targets: full ≤ 1.5× plain, "
        "no change ≤ 0.5× plain, new issue ≤ 0.10 of full, ≤ 10 KB per article; search: "
        "recall and P@10 1.0, first result < 0.5 s, ≤ 1 MB gzip before it, new query < 150 ms, "
        "warm < 50 ms)"
    )


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "scale")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-search", action="store_true", help="skip the search figures")
    ap.add_argument(
        "--search-site", type=Path, help="only print the search figures of this built site"
    )
    ap.add_argument(
        "--build", nargs=3, metavar=("PROJECT", "CONF", "OUTPUT"), help=argparse.SUPPRESS
    )
    args = ap.parse_args(argv)
    if args.build:
        _build_here(Path(args.build[0]), args.build[1], args.build[2])
        return
    if args.search_site:
        rows = stored_rows(args.search_site / "search")
        print(f"search figures of {args.search_site} ({len(rows)} articles)")
        print_search(args.search_site)
        return
    print(f"bench-scale: sizes {args.sizes}, {os.cpu_count()} cores; scratch in {args.out}")
    results = [bench_size(n, args.out, args.seed, not args.no_search) for n in args.sizes]
    table(results)


if __name__ == "__main__":
    main()
