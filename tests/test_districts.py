"""District gazetteer and detect_district."""

from __future__ import annotations

import pytest
from newsprint.tag.districts import (
    BYLINE,
    HEADLINE,
    LABEL,
    MENTIONS,
    count_mentions,
    detect_district,
    district_slug,
    load_gazetteer,
)

from tests.seedcases import extra_cases, gold_cases


def test_gazetteer_has_the_38_county_level_divisions() -> None:
    kinds = [d.kind for d in load_gazetteer().districts]
    assert kinds.count("区") == 26
    assert kinds.count("县") == 8
    assert kinds.count("自治县") == 4


def test_slugs_are_unique_and_ascii() -> None:
    slugs = [d.slug for d in load_gazetteer().districts]
    assert len(slugs) == len(set(slugs))
    assert all(s.isascii() and s.isalnum() for s in slugs)


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("巴南", "巴南区"),
        ("巫山县", "巫山县"),
        ("棠城", "永川区"),
        ("开县", "开州区"),
        ("石柱", "石柱土家族自治县"),
        ("西部(重庆)科学城", "西部（重庆）科学城"),
    ],
)
def test_lookup_by_short_name_alias_and_width(name: str, full: str) -> None:
    d = load_gazetteer().lookup(name)
    assert d is not None and d.name == full


def test_lookup_does_not_guess() -> None:
    assert load_gazetteer().lookup("高新区") is None
    assert load_gazetteer().lookup("重庆") is None


def test_headline_prefix_wins() -> None:
    g = detect_district("巫山 每年千万元促科创成果转化", "永川区永川区永川区")
    assert g is not None and (g.name, g.evidence) == ("巫山县", HEADLINE)


def test_doubled_headline_label() -> None:
    g = detect_district("南川南川 喜看梯田千重浪", "")
    assert g is not None and g.name == "南川区"


def test_label_then_byline() -> None:
    g = detect_district("重点项目快速推进", "今年以来……", labels=["北碚"])
    assert g is not None and (g.name, g.evidence) == ("北碚区", LABEL)
    g = detect_district("一路繁花", "道路两边鲜花盛开。", bylines=["沙坪坝报通讯员 张成勇"])
    assert g is not None and (g.name, g.evidence) == ("沙坪坝区", BYLINE)


def test_byline_naming_two_districts_is_no_evidence() -> None:
    assert detect_district("会", "", bylines=["巴南区融媒体中心 甲", "永川区融媒体中心 乙"]) is None


def test_mentions_need_clear_dominance() -> None:
    assert detect_district("会议", "巴南区、永川区、江津区代表参会。") is None
    assert detect_district("会议", "巴南区代表发言。") is None  # one mention is not enough
    g = detect_district("会议", "巴南区代表发言，一品街道和木洞镇也到场，永川区列席。")
    assert g is not None and (g.name, g.evidence) == ("巴南区", MENTIONS)


def test_text_about_no_district() -> None:
    assert detect_district("全市经济运行平稳", "一季度全市地区生产总值增长。") is None


@pytest.mark.parametrize(
    "text",
    [
        "长江南岸风光",
        "河南岸的村子",
        "江北国际机场航班",
        "成渝中线高铁",
        "健康长寿的秘诀",
        "一根石柱",
    ],
)
def test_name_inside_another_word_is_not_a_mention(text: str) -> None:
    counts = count_mentions(text)
    assert "南岸区" not in counts
    assert "江北区" not in counts
    assert "渝中区" not in counts
    assert "长寿区" not in counts
    assert "石柱土家族自治县" not in counts


def test_airport_counts_for_yubei() -> None:
    assert count_mentions("江北国际机场") == {"渝北区": 1}


def test_towns_of_functional_areas_count_for_the_area() -> None:
    g = detect_district("社区客厅", "重庆高新区曾家镇龙台社区推出新举措，曾家镇相关负责人说。")
    assert g is not None and g.name == "重庆高新区"


def test_science_city_sub_park_counts_for_its_district() -> None:
    counts = count_mentions("西部（重庆）科学城江津园区实施科技创新")
    assert counts == {"江津区": 1}


def test_district_slug() -> None:
    assert district_slug("巴南区") == "banan"
    assert district_slug("巫山县") == "wushan"
    assert district_slug("重庆高新区") == "gaoxinqu"
    assert district_slug("两江新区") == "liangjiang"


def test_seed_articles() -> None:
    cases = gold_cases() + extra_cases()
    wrong = [
        (c.title, c.district, detect_district(c.title, c.body))
        for c in cases
        if (g := detect_district(c.title, c.body)) is None or g.name != c.district
    ]
    assert not wrong
