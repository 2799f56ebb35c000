"""Search benchmark: build 1,000- and 10,000-article archives and query them in Chromium.

Run: ``python bench/bench_search.py [--sizes 1000 10000] [--out bench/out]``
(``make bench-search``). Needs node_modules/lunr (``npm ci``) and /usr/bin/chromium.

Articles are a deterministic recombination of the sample pages' paragraphs
(content/raw/*.txt) with districts, topics, kinds and dates drawn from fixed
lists. For each size it prints:

* build time and peak RSS (resource.getrusage, whole process so far, and the
  largest child so far: the builder forks one worker for the field vectors);
* recall and precision@10 against a brute-force scan of the stored text
  (the engine is run under node with tests/fixtures/run_queries.js — the same
  search-core.js the page uses);
* cold time to first result and bytes loaded before it (fresh browser context
  per query; raw bytes of the files loaded, and their gzip -6 size, since
  http.server does not compress), over http:// and file://;
* warm latency (same page, query repeated once its files are loaded) median
  and p95: the whole page's work (scoring the rarest term, with lunr.js or
  search-core.js's one-term scorer, the other terms' lookups, the phrase check
  over the positions-XXX.js tables, filter and filter counts over the
  facets-K.js typed arrays, first page of results), timed to the next animation
  frame after the page reports done, so it includes up to one frame (~16 ms) of
  waiting. Nothing caches results: the repeat runs the whole query again, only
  its script files are already loaded.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import random
import resource
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

sys.path.insert(0, str(ROOT / "tests"))
import jinja2  # noqa: E402
from chromium import ARGS, CHROMIUM  # noqa: E402
from newsprint.models import KIND_LABELS  # noqa: E402
from newsprint.search.docs import SearchDoc  # noqa: E402
from newsprint.search.files import build_search_index  # noqa: E402
from newsprint.search.tokens import normalize  # noqa: E402
from search_truth import run_queries, score  # noqa: E402

DISTRICTS = [
    "巴南区",
    "永川区",
    "江津区",
    "璧山区",
    "大足区",
    "綦江区",
    "荣昌区",
    "铜梁区",
    "未分区",
]
TOPICS = [
    "招商引资",
    "城市管理",
    "乡村振兴",
    "生态环境",
    "教育",
    "医疗卫生",
    "交通",
    "文化旅游",
    "科技创新",
    "民生",
]
KINDS = ["news", "news", "news", "photo", "notice", "listing"]
QUERIES = [
    # districts, topics
    "巴南",
    "永川",
    "江津区",
    "璧山",
    "大足",
    "綦江",
    "荣昌",
    "铜梁",
    "招商引资",
    "城市管理",
    "乡村振兴",
    "生态环境",
    "医疗卫生",
    "文化旅游",
    "科技创新",
    # companies, projects, phrases
    "苏州凌创",
    "唐颐",
    "CDMO",
    "硬科技",
    "智能装备",
    "产业链",
    "重大项目",
    "创新基地",
    "数字化",
    "高质量发展",
    "新能源智能汽车",
    "集中签约",
    "生物医药",
    "工作站",
    # numbers
    "2023",
    "152亩",
    "30亿元",
    "2024",
    "一季度",
    # two words
    "巴南 招商",
    "项目 签约",
    "重庆 工作站",
    "细胞 产业",
    "企业 服务",
    "城市 管理",
    # one character
    "渝",
]


def make_docs(n: int, seed: int = 7) -> list[SearchDoc]:
    paras = []
    for path in sorted((ROOT / "content" / "raw").glob("*.txt")):
        paras += [
            p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 8
        ]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        body = [rng.choice(paras) for _ in range(rng.randint(12, 38))]
        title = rng.choice(paras)[: rng.randint(8, 24)]
        district = rng.choice(DISTRICTS)
        docs.append(
            SearchDoc(
                url=f"articles/a{i:05d}.html",
                title=title,
                body="\n".join(body),
                captions=(rng.choice(paras)[:30],) if rng.random() < 0.2 else (),
                district="" if district == "未分区" else district,
                topics=tuple(sorted(set(rng.sample(TOPICS, rng.randint(0, 2))))),
                authors=(rng.choice(["李明", "王芳", "张伟"]),),
                date=f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                kind=rng.choice(KINDS),
            )
        )
    return docs


def truth(docs, q):
    words = [w for w in normalize(q).split() if w]
    hits = set()
    for d in docs:
        text = normalize(
            "\n".join([d.title, d.body, *d.captions, d.district, *d.topics, *d.authors])
        )
        if all(w in text for w in words):
            hits.add(d.url)
    return hits


def build(docs, site: Path):
    shutil.rmtree(site, ignore_errors=True)
    (site / "theme").mkdir(parents=True)
    shutil.copytree(ROOT / "theme" / "static" / "js", site / "theme" / "js")
    shutil.copytree(ROOT / "theme" / "static" / "css", site / "theme" / "css")
    t0 = time.perf_counter()
    report = build_search_index(
        docs, site / "search", lunr_js=ROOT / "node_modules" / "lunr" / "lunr.min.js"
    )
    took = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the builder's forked field-vector worker (search/index.py) counts as a child
    rss_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # A stand-in search page: the real template's markup without the site chrome.
    tpl = (ROOT / "theme" / "templates" / "search.html").read_text(encoding="utf-8")
    block = tpl.split("{% block content %}")[1].split("{% endblock %}")[0]
    body = jinja2.Environment().from_string(block).render(SITEURL=".", KIND_LABELS=KIND_LABELS)
    (site / "articles").mkdir()
    (site / "search.html").write_text(
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title></head><body>'
        + body
        + '<script src="theme/js/tokenize.js"></script><script src="theme/js/search-core.js">'
        '</script><script src="theme/js/search-ui.js"></script></body></html>',
        encoding="utf-8",
    )
    return report, took, rss, rss_child


def node_quality(site: Path, docs):
    return score(run_queries(site, QUERIES), lambda q: truth(docs, q))


PROBE = """async (q) => {
  const root = document.getElementById('search');
  const input = document.getElementById('search-q');
  input.value = q;
  const t0 = performance.now();
  document.getElementById('search-form').requestSubmit();
  await new Promise((res) => {
    const check = () => root.getAttribute('data-state') === 'done' ? res() : requestAnimationFrame(check);
    check();
  });
  return performance.now() - t0;
}"""


def browser_runs(site: Path, base: str, browser):
    cold, sizes, gz, warm = [], [], [], []
    for q in QUERIES:
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(f"{base}/search.html?q={q}")
        page.wait_for_selector('#search[data-state="done"]', timeout=60_000)
        cold.append(page.evaluate("performance.now()") / 1000)
        files = [
            *page.evaluate("performance.getEntriesByType('resource').map(e => e.name)"),
            f"{base}/search.html",
        ]
        raw = zipped = 0
        for url in set(files):
            rel = url.split(base, 1)[1].lstrip("/").split("?")[0]
            path = site / rel
            if not path.is_file():
                continue
            data = path.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, 6))
        sizes.append(raw)
        gz.append(zipped)
        page.evaluate(PROBE, q)  # make sure everything for the query is loaded
        warm.append(page.evaluate(PROBE, q))
        ctx.close()
    return cold, sizes, gz, warm


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(f"{len(QUERIES)} queries")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for n in args.sizes:
            docs = make_docs(n)
            site = args.out / f"site-{n}"
            report, took, rss, rss_child = build(docs, site)
            chars = sum(len(d.body) + len(d.title) for d in docs)
            print(f"\n== {n} articles ({chars / 1e6:.1f} M characters) ==")
            print(
                f"build: {took:.1f} s, peak RSS so far {rss:.0f} MB (largest child process so far "
                f"{rss_child:.0f} MB), {report.shards} shards, "
                f"{report.files} files, {report.bytes / 1e6:.1f} MB raw"
            )
            sb = sorted(report.shard_bytes.values())
            print(
                f"shard size raw: median {statistics.median(sb) / 1e3:.0f} KB, max {sb[-1] / 1e3:.0f} KB"
            )
            recall, p10 = node_quality(site, docs)
            print(f"recall {recall:.3f}, precision@10 {p10:.3f}")
            handler = functools.partial(QuietHandler, directory=str(site))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            for label, base in (
                ("http", f"http://127.0.0.1:{server.server_address[1]}"),
                ("file", site.resolve().as_uri()),
            ):
                cold, raw, gz, warm = browser_runs(site, base, browser)
                if label == "file":
                    print(
                        "[file] (Chromium keeps no resource timing for file://; same files as http)"
                    )
                    raw = gz = [0]
                print(
                    f"[{label}] first result (page load → results shown): median "
                    f"{statistics.median(cold):.3f} s, p95 {pct(cold, 95):.3f} s, max {max(cold):.3f} s"
                )
                if label == "http":
                    print(
                        f"[{label}] loaded before first result: median {statistics.median(raw) / 1e6:.2f} MB raw"
                        f" / {statistics.median(gz) / 1e6:.2f} MB gzip; max {max(raw) / 1e6:.2f} MB raw / "
                        f"{max(gz) / 1e6:.2f} MB gzip"
                    )
                print(
                    f"[{label}] warm latency: median {statistics.median(warm):.1f} ms, "
                    f"p95 {pct(warm, 95):.1f} ms"
                )
            server.shutdown()
        browser.close()
    print(
        f"\npeak RSS of the whole run: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
