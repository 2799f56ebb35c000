"""Organisations, projects and money figures."""

from __future__ import annotations

import pytest
from newsprint.tag.figures import (
    Scope,
    extract_figures,
    extract_organisations,
    extract_projects,
    is_investment,
    parse_number,
    summable,
)

from tests.seedcases import page_text


def test_organisation_names_do_not_swallow_the_verb() -> None:
    text = "促成重庆理工大学与广东办签订战略合作协议。签约落户巴南的重庆智慧农机产业技术研究院。"
    assert extract_organisations(text) == ["重庆理工大学", "重庆智慧农机产业技术研究院"]


def test_organisations_in_a_list() -> None:
    text = "在上海电气智能医疗康复科技有限公司、上海念通智能科技有限公司两家公司中"
    assert extract_organisations(text)[:2] == [
        "上海电气智能医疗康复科技有限公司",
        "上海念通智能科技有限公司",
    ]


def test_common_nouns_with_a_suffix_are_not_names() -> None:
    text = "坚持以人民为中心，依托大学，推动中心城区建设，大学生就业。"
    assert extract_organisations(text) == []


def test_projects() -> None:
    text = "诗健ADC抗体药物研发及产业化项目等17个重大产业化项目也在今年相继开工。"
    assert extract_projects(text) == ["诗健ADC抗体药物研发及产业化项目"]
    assert extract_projects("围绕项目早落地，抓大项目，新开工项目119个") == []


def test_amount_tied_to_project_after_de() -> None:
    (f,) = extract_figures("3月2日，总投资50亿元的惠科显示模组生产线项目在巴南正式开工建设。")
    assert f.subject == "惠科显示模组生产线项目"
    assert f.amount == 5e9
    assert f.unit_text == "50亿元"


def test_amount_tied_to_project_in_clause_before() -> None:
    figs = extract_figures(
        "签约雅迪电动车整车进出口制造基地项目，项目总投资约3亿元，年产值约6亿元。"
    )
    assert figs[0].subject == "雅迪电动车整车进出口制造基地项目"
    assert figs[0].unit_text == "约3亿元"
    assert is_investment(figs[0])
    assert not is_investment(figs[1])


def test_aggregate_amount_gets_its_label() -> None:
    (f,) = extract_figures("聚焦重点产业方向，签约项目87项，签约金额576.15亿元。")
    assert f.subject == "签约金额"
    assert f.amount == pytest.approx(576.15e8)


def test_list_of_projects_is_not_the_subject_of_a_total() -> None:
    text = "甲基地、乙研发中心……巴南已累计签约重大项目47个、总投资290亿元。"
    (f,) = extract_figures(text)
    assert f.subject == "总投资"


@pytest.mark.parametrize(
    ("text", "amount", "unit_text"),
    [
        ("到位资金超308亿元", 308e8, "超308亿元"),
        ("实际投资近100亿元", 100e8, "近100亿元"),
        ("安排1000万元", 1e7, "1000万元"),
        ("每年千万元科技资金", 1e7, "千万元"),
        ("奖励500元", 500.0, "500元"),
    ],
)
def test_units_and_qualifiers(text: str, amount: float, unit_text: str) -> None:
    (f,) = extract_figures(text)
    assert f.amount == pytest.approx(amount)
    assert f.unit_text == unit_text


def test_not_money() -> None:
    assert extract_figures("百亿级项目5个，10亿级项目签约数已达10个，单元楼，元旦") == []


def test_parse_number() -> None:
    assert parse_number("42") == 42
    assert parse_number("两千") == 2000
    with pytest.raises(ValueError):
        parse_number("多")


def test_seed_page_figures() -> None:
    figs = extract_figures(page_text("003_9556b01e60d2e770.txt"))
    by_text = {f.unit_text: f for f in figs}
    assert by_text["576.15亿元"].subject == "签约金额"
    assert by_text["12亿元"].subject == "西部港桥木材交易中心项目"
    assert not is_investment(by_text["约4亿元"])  # 年利税收


def test_amount_before_de_belongs_to_the_project_of_its_own_clause():
    (f,) = extract_figures("总投资20亿元的东湖水厂一期建成通水，西岭新材料产业园项目同步开工。")
    assert f.project is None  # 西岭… is the next clause's project, not this amount's


@pytest.mark.parametrize("count", ["3个", "近百个", "十几个", "数十项", "两家"])
def test_a_counted_set_of_projects_is_a_programme(count):
    (f,) = extract_figures(f"全年{count}重点项目计划投资80亿元。")
    assert f.scope is Scope.PROGRAMME and not summable(f)


def test_one_project_is_not_a_count():
    (f,) = extract_figures("一个投资30亿元的科睿达传感器项目落户。")
    assert f.scope is Scope.PROJECT and f.project == "科睿达传感器项目"


def test_the_same_amount_twice_is_a_restatement_unless_two_projects_own_it():
    a, b = extract_figures("百日签约项目47个、总投资290亿元。百日招引投资近290亿元的背后。")
    assert b.restates == 0
    a, b = extract_figures(
        "总投资10亿元的科睿达传感器项目开工。总投资10亿元的华芯微封装测试项目签约。"
    )
    assert b.restates is None and summable(a) and summable(b)
