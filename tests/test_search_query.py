"""What readers type: every field, the query syntax, traditional characters, ranking.

Each query runs through the real browser engine (search-core.js) under node on an
index built by newsprint.search; test_search_browser.py runs some in Chromium.
"""

import json
import random
import shutil
import subprocess

import pytest
from newsprint.search.docs import SearchDoc
from newsprint.search.files import build_search_index
from searchrun import LUNR_JS, ROOT, query

DOCS = [
    SearchDoc(
        url="articles/banan.html",
        title="巴南新区招商成绩单",
        kicker="联手科研院所体系",
        subtitle="交出高质量开放答卷",
        body="社区客厅开门迎客。项目集中签约，投资金额创新高。",
        captions=("签约现场",),
        district="巴南区",
        topics=("招商引资",),
        authors=("张云亮", "重庆日报记者 张云亮", "李攀"),
        date="2023-03-01",
        kind="news",
    ),
    SearchDoc(
        url="articles/yongchuan.html",
        title="永川推进城市更新",
        body="老旧小区改造。巴南与永川两地交流。",
        district="永川区",
        topics=("城市管理",),
        authors=("永川区融媒体中心",),
        date="2022-05-06",
        kind="news",
    ),
    SearchDoc(
        url="articles/dazu.html",
        title="大足石刻迎客",
        body="游客在社区客厅歇脚。cdmo 与 cdn 两个词。",
        district="大足区",
        topics=("文旅",),
        date="2021-01-01",
        kind="photo",
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not LUNR_JS.is_file():
        pytest.fail("node_modules/lunr missing: run `npm ci` at the project root")
    out = tmp_path_factory.mktemp("query-site")
    build_search_index(DOCS, out / "search", shards=4, chunk=2, lunr_js=LUNR_JS)
    return out


URL = {d.url.split("/")[1].split(".")[0]: d.url for d in DOCS}


def urls(r, q):
    return sorted(r[q]["urls"])


def test_kicker_subtitle_bylines_and_credits_are_indexed_and_named(site):
    r = query(site, "科研院所", "高质量开放答卷", "重庆日报", "融媒体中心", "李攀", "张云亮")
    assert r["科研院所"]["urls"] == [URL["banan"]] and r["科研院所"]["fields"] == [["k"]]
    assert r["高质量开放答卷"]["fields"] == [["s"]]
    assert r["重庆日报"]["urls"] == [URL["banan"]] and r["重庆日报"]["fields"] == [["a"]]
    assert r["融媒体中心"]["urls"] == [URL["yongchuan"]]
    assert r["李攀"]["urls"] == [URL["banan"]]
    assert r["张云亮"]["verified"] == [URL["banan"]]


@pytest.mark.parametrize(
    "q", ['"社区客厅"', "“社区客厅”", "「社区客厅」", "『社区客厅』", "社区客厅"]
)
def test_a_phrase_in_any_quote_style(site, q):
    r = query(site, q)[q]
    assert sorted(r["urls"]) == [URL["banan"], URL["dazu"]]
    assert sorted(r["verified"]) == sorted(r["urls"])  # the quotes are not searched for


def test_exclude_or_prefix_and_field_filters(site):
    qs = [
        "-巴南",
        "社区客厅 -大足",
        "巴南 -永川",
        "巴南 OR 大足",
        "巴南*",
        "cd*",
        "title:巴南",
        "标题:巴南",
    ]
    r = query(site, *qs)
    assert urls(r, "-巴南") == [URL["dazu"]]  # only an exclusion: everything else
    assert urls(r, "社区客厅 -大足") == [URL["banan"]]
    assert urls(r, "巴南 -永川") == [URL["banan"]]
    assert urls(r, "巴南 OR 大足") == sorted(URL.values())
    assert urls(r, "巴南*") == [URL["banan"], URL["yongchuan"]]
    assert urls(r, "cd*") == [URL["dazu"]]
    assert urls(r, "title:巴南") == [URL["banan"]]  # yongchuan has 巴南 in its body only
    assert urls(r, "标题:巴南") == [URL["banan"]]
    assert r["巴南 OR 大足"]["described"] == "“巴南”或“大足”"


def test_unparseable_syntax_is_searched_as_plain_text(site):
    qs = ['"社区客厅', "OR 社区客厅", "-", "foo:社区客厅", "社区客厅 -", "cdmo OR"]
    r = query(site, *qs)
    assert urls(r, '"社区客厅') == [URL["banan"], URL["dazu"]]  # a quote never closed
    # OR with nothing on one side is a word like any other, and the message says so
    assert r["OR 社区客厅"]["described"] == "“or”、“社区客厅”"
    assert r["cdmo OR"]["urls"] == [] and r["cdmo OR"]["described"] == "“cdmo”、“or”"
    assert r["-"]["urls"] == []
    assert r["foo:社区客厅"]["described"] == "“foo:社区客厅”"
    assert urls(r, "社区客厅 -") == [URL["banan"], URL["dazu"]]


@pytest.mark.parametrize("q", ["巴南區", "招商引資", "張雲亮", "項目"])
def test_traditional_characters_find_simplified_text(site, q):
    r = query(site, q)[q]
    assert r["urls"] == [URL["banan"]]
    assert r["verified"] == [URL["banan"]]


def test_highlight_is_the_text_as_printed(site):
    r = query(site, "項目")["項目"]
    marked = [p["text"] for p in r["snippet"] if p["mark"]]
    assert marked == ["项目"]


# --- ranking: lunr.js's scores for every term, not only the rarest -------------------

# Runs each query with the engine on a sharded index (argv[3]) and with lunr.js on
# one lunr index of the same documents (argv[4], built with one shard).
LUNR_RANK = """
const { loadEngine } = require(process.argv[2]);
const { engine, lunr } = loadEngine(process.argv[3], process.argv[5]);
const reference = loadEngine(process.argv[4], process.argv[5]).engine;
const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
(async () => {
  const idx = await reference.shard("0");
  const out = [];
  for (const q of queries) {
    const r = await engine.search(q);
    const terms = r.query.words.flatMap((w) => w.terms);
    const theirs = idx.query((query) => terms.forEach((t) => query.term(t.term, {
      presence: lunr.Query.presence.REQUIRED, usePipeline: false,
      wildcard: t.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE })));
    out.push({ q, ours: r.results.map((x) => [x.ref, x.score]),
               lunr: Object.fromEntries(theirs.map((h) => [h.ref, h.score])) });
  }
  process.stdout.write(JSON.stringify(out));
})();
"""


def _generated_docs(n: int, seed: int = 14) -> list[SearchDoc]:
    rng = random.Random(seed)
    vocab = ["巴南", "永川", "招商", "项目", "签约", "城市", "更新", "投资", "园区", "产业"]
    return [
        SearchDoc(
            url=f"articles/{i}.html",
            title="".join(rng.choices(vocab, k=2)),
            body="。".join("".join(rng.choices(vocab, k=rng.randint(1, 4))) for _ in range(6)),
            captions=("".join(rng.choices(vocab, k=2)),) if i % 3 else (),
            authors=("记者",) if i % 2 else (),
            kicker=rng.choice(vocab) if i % 5 == 0 else "",
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("shards", [1, 8])
def test_multi_term_ranking_is_lunr_js_ranking_on_a_generated_index(tmp_path, shards):
    docs = _generated_docs(60)
    build_search_index(docs, tmp_path / "ours" / "search", shards=shards, lunr_js=LUNR_JS)
    build_search_index(docs, tmp_path / "one" / "search", shards=1, lunr_js=LUNR_JS)
    # "投资 南", "产业 川": a one-character prefix (南*: 南永, 南招, …) checked against the
    # driver's candidates through its postings read once (Engine._index)
    queries = ["巴南 招商", "项目 签约 投资", "城市 更新", "园区 产业 巴南", "招商 永*", "投资"]
    queries += ["投资 南", "产业 川"]
    script = tmp_path / "rank.js"
    script.write_text(LUNR_RANK, encoding="utf-8")
    harness = ROOT / "tests" / "fixtures" / "engine_harness.js"
    done = subprocess.run(
        [
            shutil.which("node"),
            str(script),
            str(harness),
            str(tmp_path / "ours"),
            str(tmp_path / "one"),
            str(LUNR_JS),
        ],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
    )
    ranked = 0
    for row in json.loads(done.stdout):
        ours = row["ours"]
        assert len(ours) >= 2, row["q"]  # a ranking to compare
        for ref, score in ours:
            assert score == pytest.approx(row["lunr"][ref], rel=1e-9), (row["q"], ref)
        scores = [s for _, s in ours]
        assert scores == sorted(scores, reverse=True), row["q"]
        ranked += len(ours)
    assert ranked > 30


@pytest.mark.parametrize(
    "module",
    [f"newsprint.search.{m}" for m in ("fold", "docs", "shards", "facets", "html_text")],
)
def test_examples_in_docstrings_hold(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
