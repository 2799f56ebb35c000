"""The sharded lunr index (plugins/newsprint/search/), queried by the real browser engine."""

import json
import math
import shutil
import subprocess

import pytest
from lunr.index import Index
from newsprint.search.docs import SearchDoc, doc_from_article
from newsprint.search.facets import date_number
from newsprint.search.files import build_search_index, unpacked
from newsprint.search.index import build_shards, expand_shard
from newsprint.search.shards import ShardPlan, shard_name, term_hash
from searchrun import LUNR_JS, ROOT, RUNNER, query

DOCS = [
    SearchDoc(
        url="articles/banan.html",
        title="巴南交出高质量招商引资答卷",
        body="苏州凌创高端智能装备创新基地项目占地152亩，拟投资30亿元。",
        district="巴南区",
        topics=("招商引资",),
        date="2023-03-01",
        kind="news",
        paper="巴南日报",
        page="第3版 要闻",
    ),
    SearchDoc(
        url="articles/city.html",
        title="城区管理新举措",
        body="推进数字化城市管理平台建设，提升治理水平。",
        district="永川区",
        topics=("城市管理",),
        date="2022-05-06",
        kind="news",
    ),
    # Holds every bigram of 数字化城市管理 (数字 字化 化城 城市 市管 管理) but not the phrase.
    SearchDoc(
        url="articles/decoy.html",
        title="乡村振兴",
        body="数字化改造。化城为乡。城市规划。市管单位。管理办法。",
        district="永川区",
        topics=("乡村振兴",),
        date="2021-01-01",
        kind="notice",
    ),
    SearchDoc(
        url="articles/cdmo.html",
        title="抗体偶联药物CDMO基地",
        body="ＣＤＭＯ基地总投资290亿元，建设5G网络。川渝合作。",
        captions=("基地效果图",),
        district="巴南区",
        date="2024-02",
        kind="photo",
        authors=("李明",),
        paper="永川日报",
    ),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not LUNR_JS.is_file():
        pytest.fail("node_modules/lunr missing: run `npm ci` at the project root")
    out = tmp_path_factory.mktemp("site")
    build_search_index(DOCS, out / "search", shards=8, chunk=2, lunr_js=LUNR_JS)
    return out


def test_query_finds_the_right_documents(site):
    r = query(site, "凌创", "招商引资", "cdmo", "290亿元", "川渝", "巴南区")
    assert r["凌创"]["urls"] == ["articles/banan.html"]
    assert r["招商引资"]["urls"] == ["articles/banan.html"]  # title + topic
    assert r["cdmo"]["urls"] == ["articles/cdmo.html"]  # full-width in the body, ascii in title
    assert r["290亿元"]["urls"] == ["articles/cdmo.html"]
    assert r["川渝"]["urls"] == ["articles/cdmo.html"]
    assert sorted(r["巴南区"]["urls"]) == ["articles/banan.html", "articles/cdmo.html"]


def test_bigram_false_positive_is_filtered_by_phrase_check(site):
    r = query(site, "数字化城市管理")["数字化城市管理"]
    assert r["urls"] == ["articles/city.html"]
    assert r["verified"] == ["articles/city.html"]


def test_single_character_query_uses_prefix_and_finds_run_ends(site):
    r = query(site, "渝", "乡")
    assert r["渝"]["urls"] == ["articles/cdmo.html"]  # 川渝: 渝 ends the run
    assert r["乡"]["urls"] == ["articles/decoy.html"]


def test_two_words_must_both_occur(site):
    r = query(site, "基地 290亿元", "基地 城市")
    assert r["基地 290亿元"]["urls"] == ["articles/cdmo.html"]
    assert r["基地 城市"]["urls"] == []


def test_title_matches_rank_first(site):
    r = query(site, "基地")["基地"]
    assert r["urls"][0] == "articles/cdmo.html"  # in its title; banan has it in the body only
    assert r["title"][0] is True


def _plan(site):
    text = (site / "search" / "manifest.js").read_text(encoding="utf-8")
    m = json.loads(text.split("=", 1)[1].rstrip().rstrip(";"))
    return ShardPlan(
        m["shards"], [k.split() for k in m["keys"]], m["buckets"], m["groups"]
    )


def test_only_shards_holding_query_terms_are_loaded(site):
    r = query(site, "凌创")["凌创"]
    name = shard_name(_plan(site).shard_of("凌创"), 8)
    shard_files = [f for f in r["files"] if f.startswith("shard-")]
    assert shard_files == [f"shard-{name}.js"]
    assert [f for f in r["files"] if f.startswith("docs-")] == ["docs-0.js"]


def test_snippet_marks_the_match_as_separate_piece(site):
    pieces = query(site, "凌创")["凌创"]["snippet"]
    assert {"text": "凌创", "mark": True} in pieces
    assert "".join(p["text"] for p in pieces).startswith("苏州凌创")


def test_shards_load_in_lunr_py_and_answer_a_term_query(site):
    name = shard_name(_plan(site).shard_of("凌创"), 8)
    text = (site / "search" / f"shard-{name}.js").read_text(encoding="utf-8")
    global_name, key, payload = unpacked(text)
    assert (global_name, key) == ("NEWSPRINT_SHARDS", name)
    index = Index.load(expand_shard(json.loads(payload)))
    hits = index.query(index.create_query().term("凌创", use_pipeline=False))
    assert [h["ref"] for h in hits] == ["0"]
    assert hits[0]["match_data"].metadata["凌创"] == {"b": {}}  # positions are not in the shard


def _positions(site, term):
    name = shard_name(_plan(site).shard_of(term), 8)
    text = (site / "search" / f"positions-{name}.js").read_text(encoding="utf-8")
    global_name, key, payload = unpacked(text)
    assert (global_name, key) == ("NEWSPRINT_POSITIONS", name)
    return json.loads(payload)[term]


def test_positions_live_in_their_own_file_per_shard(site):
    assert _positions(site, "凌创") == {"b": [[2]]}  # 苏州 州凌 凌创: body of doc 0
    # title of doc 0 (巴南交出…) and district 巴南区 of docs 0 and 3; fields without it left out
    assert _positions(site, "巴南") == {"t": [[0]], "d": [[0], [0]]}  # docs 0; 0 and 3
    assert _positions(site, "城市") == {"b": [[5], [9]], "p": [[0]]}  # docs 1, 2; 1
    for shard in (site / "search").glob("shard-*.js"):
        assert '"p":[' not in shard.read_text(encoding="utf-8")


def test_positions_are_loaded_only_for_words_needing_the_phrase_check(site):
    r = query(site, "凌创", "数字化城市管理", "渝", "基地 290亿元")
    assert not [f for f in r["凌创"]["files"] if f.startswith("positions-")]  # one term
    assert not [f for f in r["渝"]["files"] if f.startswith("positions-")]  # one prefix term
    plan = _plan(site)
    want = {
        f"positions-{shard_name(plan.shard_of(t), 8)}.js"
        for t in ("数字", "字化", "化城", "城市", "市管", "管理")
    }
    assert {f for f in r["数字化城市管理"]["files"] if f.startswith("positions-")} == want
    loaded = {f for f in r["基地 290亿元"]["files"] if f.startswith("positions-")}
    assert loaded == {f"positions-{shard_name(plan.shard_of(t), 8)}.js" for t in ("290", "亿元")}


def test_fast_backend_writes_what_lunr_py_builder_writes():
    fast, plan, _ = build_shards(DOCS, 4, backend="fast")
    slow, _, _ = build_shards(DOCS, 4, backend="lunr")
    assert plan.shards == 4
    assert fast == slow


def test_missing_lunr_js_explains_npm_ci(tmp_path):
    with pytest.raises(FileNotFoundError, match="npm ci"):
        build_search_index(DOCS[:1], tmp_path / "search", lunr_js=tmp_path / "nope.js")


def test_article_conversion_reads_pelican_fields():
    class Named:
        def __init__(self, name):
            self.name = name

    class Article:
        url = "articles/x.html"
        title = "标题&amp;"
        content = "<p>第一段</p><p>第二&lt;段</p>"
        category = Named("未分区")
        tags = [Named("招商引资")]
        authors = [Named("记者")]
        date = __import__("datetime").datetime(2023, 4, 5)
        metadata = {"kind": "photo", "captions": json.dumps([{"text": "图说", "credit": "摄"}])}

    doc = doc_from_article(Article())
    assert doc.title == "标题&"
    assert doc.body == "第一段\n第二<段"
    assert doc.district == ""
    assert doc.captions == ("图说",)
    assert (doc.topics, doc.authors, doc.date, doc.kind) == (
        ("招商引资",),
        ("记者", "摄"),  # the photographer of a caption is one of the article's people
        "2023-04-05",
        "photo",
    )


def test_pack_splits_a_heavy_character_and_balances_by_volume():
    volume = {"区县": 400, "区委": 300, "区": 100, "渝": 50, "川渝": 60, "江津": 90, "2023": 80}
    plan = ShardPlan.pack(volume, 4)
    assert plan.split == frozenset({"区"})  # 800 of 1080 is far above a fair quarter
    assert len(plan.groups["区"]) == 3  # ceil(800 / 270): groups of about a shard
    placed = {t: plan.shard_of(t) for t in volume}
    assert None not in placed.values()
    for t in ("区县", "区委", "区"):  # a split character's term: its hash picks the group
        assert placed[t] == plan.groups["区"][term_hash(t) % 3]
    assert sorted(plan.prefix_shards("区")) == sorted(set(plan.groups["区"]))
    assert plan.prefix_shards("渝") == [placed["渝"]]
    assert plan.shard_of("渝北") == placed["渝"]  # a whole character: all its terms in one shard
    assert plan.shard_of("火星") is None  # a Han key the corpus lacks: no shard at all
    assert "区县" not in json.dumps(plan.manifest(), ensure_ascii=False)  # groups, not terms


def test_split_character_groups_keep_its_prefix_query_to_a_few_shards():
    # 40 terms of 的 carrying most of the volume: many shards, few of them for 的*
    volume = {f"的{chr(0x4E00 + i)}": 100 for i in range(40)}
    volume.update({chr(0x5000 + i): 50 for i in range(200)})
    plan = ShardPlan.pack(volume, 64)
    fair = sum(volume.values()) / 64
    assert len(plan.prefix_shards("的")) <= math.ceil(4000 / fair) < 40
    loads = [0] * 64
    for t, v in volume.items():
        loads[plan.shard_of(t)] += v
    assert max(loads) <= 2 * fair  # hash groups are uneven, but no shard twice its share


def test_fast_backend_matches_lunr_py_when_characters_are_split():
    fast, plan, _ = build_shards(DOCS, 32, backend="fast")
    slow, _, _ = build_shards(DOCS, 32, backend="lunr")
    assert plan.split  # the corpus is small, so several characters exceed a 32nd share
    assert fast == slow


def test_prefix_query_on_a_split_character_reads_every_shard_of_it(tmp_path):
    out = tmp_path / "site"
    build_search_index(DOCS, out / "search", shards=32, chunk=2, lunr_js=LUNR_JS)
    plan = _plan(out)
    chars = [c for c in sorted(plan.split) if len(plan.prefix_shards(c)) > 1]
    assert len(chars) > 3
    for char in chars:  # the answers of every shard are united
        r = query(out, char)[char]  # one engine a character: files loaded for this query only
        want = sorted(
            d.url
            for d in DOCS
            if char in "".join([d.title, d.body, *d.captions, d.district, *d.topics, *d.authors])
        )
        assert sorted(r["urls"]) == want, char
        loaded = sorted(f for f in r["files"] if f.startswith("shard-"))
        assert loaded == sorted(f"shard-{shard_name(s, 32)}.js" for s in plan.prefix_shards(char))


def test_build_without_a_forked_worker_writes_the_same_shards(monkeypatch):
    forked, _, _ = build_shards(DOCS, 8)
    monkeypatch.setenv("NEWSPRINT_SEARCH_NO_FORK", "1")
    assert build_shards(DOCS, 8)[0] == forked


FILTER_STATES = [
    {},
    {"district": "永川区"},
    {"district": "永川区", "kind": "news"},
    {"topic": "招商引资"},
    {"year": "2024", "kind": "photo"},
    {"district": "火星区"},
    {"paper": "巴南日报"},
    {"paper": "永川日报", "kind": "photo"},
    {"from": "2022-01", "to": "2023-03-01"},
    {"from": "2024-02-15"},  # a date known only to the month is inside when any day is
    {"to": "2021"},
    {"from": "2023-03-02", "to": "2023-12-31", "paper": "巴南日报"},
]


def _range_day(text, end):
    """'2023-03' → (2023, 3, 1) as a lower bound, (2023, 3, 31) as an upper one."""
    parts = [int(p) for p in text.split("-")]
    fill = [12, 31] if end else [1, 1]
    return tuple(parts + fill[len(parts) - 1 :])


def _in_range(date, st):
    if not st.get("from") and not st.get("to"):
        return True
    if not date:
        return False
    first, last = _range_day(date, False), _range_day(date, True)
    return (not st.get("from") or last >= _range_day(st["from"], False)) and (
        not st.get("to") or first <= _range_day(st["to"], True)
    )


def _expected_filter(docs, st):
    """The filter semantics, brute force: results passing every filter; per filter,
    counts over the results passing the *other* filters."""

    def values(d, f):
        return {
            "district": [d.district] if d.district else [],
            "topic": list(d.topics),
            "year": [d.date[:4]] if d.date else [],
            "kind": [d.kind] if d.kind else [],
            "paper": [d.paper] if d.paper else [],
        }[f]

    def passes(d, skip=None):
        return _in_range(d.date, st) and all(
            not st.get(f) or st[f] in values(d, f)
            for f in ("district", "topic", "year", "kind", "paper")
            if f != skip
        )

    counts = {}
    for f in ("district", "topic", "year", "kind", "paper"):
        c = {}
        for d in docs:
            if passes(d, skip=f):
                for v in values(d, f):
                    c[v] = c.get(v, 0) + 1
        counts[f] = c
    return sorted(d.url for d in docs if passes(d)), counts


def _query_filters(site, q, states):
    node = shutil.which("node")
    done = subprocess.run(
        [node, str(RUNNER), str(site), str(LUNR_JS)],
        input=json.dumps({"queries": [q], "filters": states}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)[0]


def test_filters_and_counts_from_the_facet_chunks(tmp_path):
    out = tmp_path / "site"
    build_search_index(DOCS, out / "search", shards=8, chunk=2, facet_chunk=3, lunr_js=LUNR_JS)
    manifest = (out / "search" / "manifest.js").read_text(encoding="utf-8")
    assert "articles/" not in manifest  # no per-document rows in the manifest
    assert sorted(p.name for p in (out / "search").glob("facets-*.js")) == [
        "facets-0.js",
        "facets-1.js",
    ]
    r = _query_filters(out, "区", FILTER_STATES)  # every document: 区 is in each district
    by_url = {d.url: d for d in DOCS}
    assert sorted(r["urls"]) == sorted(by_url)
    for url, fc in r["facets"].items():
        d = by_url[url]
        assert fc == {
            "district": d.district,
            "year": d.date[:4],
            "kind": d.kind,
            "topic": list(d.topics),
            "paper": d.paper,
            "page": d.page,
            "date": date_number(d.date),
        }
    for st in FILTER_STATES:
        got = r["filters"][json.dumps(st, ensure_ascii=False, separators=(",", ":"))]
        urls, counts = _expected_filter(DOCS, st)
        assert sorted(got["urls"]) == urls, st
        assert got["counts"] == counts, st
    # a query whose results sit in the first chunk loads only that chunk's facets
    r = query(out, "凌创")["凌创"]
    assert [f for f in r["files"] if f.startswith("facets-")] == ["facets-0.js"]


def test_facet_columns_widen_past_255_values(tmp_path):
    many = tuple(f"主题{i:03d}" for i in range(300))
    docs = [
        SearchDoc(url="articles/many.html", title="凌创", body="正文", topics=many, date="2020"),
        SearchDoc(url="articles/one.html", title="凌创", body="正文", topics=("主题299",)),
    ]
    out = tmp_path / "site"
    build_search_index(docs, out / "search", shards=2, lunr_js=LUNR_JS)
    raw = (out / "search" / "facets-0.js").read_text(encoding="utf-8")
    assert '"t":2' in raw and '"n":2' in raw  # 300 topics, a document with 300 of them
    r = _query_filters(out, "凌创", [{"topic": "主题299"}, {"topic": "主题000"}, {"year": "2020"}])
    assert r["facets"]["articles/many.html"]["topic"] == list(many)
    assert sorted(r["filters"]['{"topic":"主题299"}']["urls"]) == [
        "articles/many.html",
        "articles/one.html",
    ]
    assert r["filters"]['{"topic":"主题000"}']["urls"] == ["articles/many.html"]
    assert r["filters"]['{"topic":"主题000"}']["counts"]["topic"]["主题299"] == 2
    assert r["filters"]['{"year":"2020"}']["counts"]["topic"]["主题299"] == 1


def test_one_term_scores_are_exactly_lunr_js_scores(tmp_path):
    """Engine._score (the one-term driver, scored without lunr.js's query) gives every
    document lunr.js's own score and matched fields, for every term of every shard."""
    import random

    rng = random.Random(3)
    words = [w for d in DOCS for w in (d.title, d.body, *d.captions)]
    docs = DOCS + [
        SearchDoc(
            url=f"articles/mix{i}.html",
            title=rng.choice(words)[:12],
            body="".join(rng.sample(words, 3)),
            district=rng.choice(["巴南区", "永川区", ""]),
            topics=tuple(rng.sample(["招商引资", "城市管理", "乡村振兴"], rng.randint(0, 2))),
            authors=(rng.choice(["李明", "王芳"]),),
        )
        for i in range(60)
    ]
    out = tmp_path / "site"
    build_search_index(docs, out / "search", shards=4, lunr_js=LUNR_JS)
    done = subprocess.run(
        [
            shutil.which("node"),
            str(ROOT / "tests" / "fixtures" / "check_scores.js"),
            str(out),
            str(LUNR_JS),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    r = json.loads(done.stdout)
    assert r["terms"] > 100 and r["postings"] > 1000, r
    assert r["mismatches"] == []


def test_a_day_finds_every_article_printed_that_day(tmp_path):
    """The source line (《报名》date 第N版) is searched: a date finds every article of
    that day's pages, not only the ones whose text happens to print it."""
    line = "《巴南日报》2023年4月20日 第3版 要闻"
    docs = [
        SearchDoc(
            url="articles/a.html",
            title="招商大会",
            body="2023年4月20日，大会召开。",
            date="2023-04-20",
            paper="巴南日报",
            page="第3版 要闻",
            source=line,
        ),
        SearchDoc(
            url="articles/b.html",
            title="遗失启事",
            body="遗失身份证，声明作废。",
            date="2023-04-20",
            paper="巴南日报",
            page="第3版 要闻",
            source=line,
        ),
        SearchDoc(
            url="articles/c.html",
            title="节目单",
            body="19:35 新闻",
            date="2023-04-20",
            paper="巴南日报",
            page="第3版 要闻",
            source=line,
        ),
        SearchDoc(
            url="articles/d.html",
            title="另一天",
            body="项目开工。",
            date="2023-04-21",
            paper="巴南日报",
            source="《巴南日报》2023年4月21日",
        ),
    ]
    out = tmp_path / "site"
    build_search_index(docs, out / "search", shards=4, chunk=2, lunr_js=LUNR_JS)
    r = query(out, "2023年4月20日", "出处:巴南日报", "巴南日报 第3版")
    assert sorted(r["2023年4月20日"]["verified"]) == [
        "articles/a.html",
        "articles/b.html",
        "articles/c.html",
    ]
    assert len(r["出处:巴南日报"]["verified"]) == 4
    assert sorted(r["巴南日报 第3版"]["verified"]) == [
        "articles/a.html",
        "articles/b.html",
        "articles/c.html",
    ]
