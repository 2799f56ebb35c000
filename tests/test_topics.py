"""Topic taxonomy, assign_topics and keyword tags."""

from __future__ import annotations

import subprocess
import sys

from newsprint.tag.topics import assign_topics, canonical_topic, keywords, load_topics, topic_slug

from tests.seedcases import extra_cases, gold_cases

REQUIRED = [
    "招商引资",
    "工业制造",
    "生物医药",
    "新型显示",
    "汽车摩托车",
    "科技创新",
    "城市管理",
    "城市更新",
    "乡村振兴",
    "交通",
    "社区治理",
    "生态环境",
    "民生",
    "文化旅游",
]


def test_taxonomy_has_the_required_topics_with_unique_slugs() -> None:
    topics = load_topics()
    assert set(REQUIRED) <= set(topics)
    slugs = [t.slug for t in topics.values()]
    assert len(slugs) == len(set(slugs))


def test_gold_topics_are_assigned() -> None:
    for c in gold_cases():
        got = assign_topics(c.title, c.body)
        assert len(got) <= 4
        for t in c.topics:
            assert canonical_topic(t) in got, (c.title, t, got)


def test_every_seed_news_article_gets_a_topic() -> None:
    news = [c for c in gold_cases() if c.topics] + extra_cases()
    for c in news:
        if len(c.body) > 300:
            assert assign_topics(c.title, c.body), c.title


def test_notice_gets_no_topic() -> None:
    assert (
        assign_topics("遗失启事", "▲张三遗失《出生医学证明》，出生证编号：L500057910，声明作废。")
        == []
    )


def test_one_stray_word_is_not_a_topic() -> None:
    body = "市民张女士说，今天天气很好，她带孩子去公园散步，看到很多人在锻炼身体。" * 5
    assert assign_topics("周末见闻", body + "顺路经过一家医药店。") == []


def test_title_hits_weigh_more() -> None:
    body = "区里召开会议，研究部署下一阶段工作。" * 10
    assert assign_topics("城市更新让老街焕新", body) == ["城市更新"]
    assert assign_topics("会议召开", body) == []


def test_max_topics_is_respected() -> None:
    c = extra_cases()[-1]  # the long 巴南 overview on page 004
    assert len(assign_topics(c.title, c.body, max_topics=2)) == 2


def test_topic_slug_and_aliases() -> None:
    assert topic_slug("招商引资") == "zhaoshang"
    assert topic_slug("工业") == topic_slug("工业制造")
    assert canonical_topic("天气") is None


def test_keywords_drop_numbers_stopwords_and_single_characters() -> None:
    c = gold_cases()[0]
    kws = keywords(c.title, c.body, k=8)
    assert 0 < len(kws) <= 8
    assert "招商" in kws
    assert all(len(k) > 1 and not k[0].isdigit() for k in kws)
    assert not {"亿元", "我们", "发展"} & set(kws)


def test_jieba_prints_nothing() -> None:
    code = "from newsprint.tag.topics import keywords; keywords('招商引资', '巴南区招商引资')"
    r = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": "plugins"},
        cwd=str(__import__("pathlib").Path(__file__).parent.parent),
    )
    assert r.stdout == ""
    assert "Building prefix dict" not in r.stderr
