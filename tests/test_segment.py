"""Segmentation rules on small hand-made pages (layouts the samples show and others)."""

import json

from newsprint.cut.segment import segment_text
from newsprint.models import DropReason, Role
from newsprint.posts.inspect_json import page_records


def arts(text):
    return segment_text(text, "t.txt").articles


def test_headline_printed_after_its_article_is_attached_to_it():
    text = (
        "今年，梁平区把农村公路防护栏生命工程纳入民生实事清单，群众出行更安全。\n\n"
        "梁平区融媒体中心 谢清城\n\n"
        "梁平 为群众出行系上“安全带”\n\n"
        "大足 紫薇长廊花正开\n\n"
        "7月23日，大足区棠香街道双丰村紫薇花盛开，游客正在紫薇长廊打卡拍照。\n\n"
        "大足区融媒体中心 瞿波 摄\n"
    )
    a, b = arts(text)
    assert a.title == "为群众出行系上“安全带”"
    assert a.authors == ["谢清城"]
    assert b.title == "紫薇长廊花正开"
    assert b.kind == "photo"


def test_kicker_and_subtitle_go_with_the_headline():
    text = (
        "更加宜居 更有韧性 更具智慧\n\n永川 下足“绣花”功夫 建设品质之城\n\n交出高质量答卷\n\n"
        "核心提示\n\n城市管理工作一头连着发展，一头连着民生。\n\n走出永川高铁站，河水清澈见底。\n"
    )
    (a,) = arts(text)
    assert (a.kicker, a.title, a.subtitle) == (
        "更加宜居 更有韧性 更具智慧",
        "下足“绣花”功夫 建设品质之城",
        "交出高质量答卷",
    )
    assert a.labels == ["永川"]
    assert a.paragraphs[0].role is Role.LEDE
    assert a.summary == "城市管理工作一头连着发展，一头连着民生。"


def test_section_headings_stay_inside_the_article():
    text = (
        "# 巴南 标题\n\n第一段正文很长很长。\n\n## 抢先机开新局 快速敲定投资合作事宜\n\n第二段正文。\n\n"
        "重庆日报记者 陈维灯\n"
    )
    (a,) = arts(text)
    assert [p.role for p in a.paragraphs] == [Role.BODY, Role.HEADING, Role.BODY]


def test_notice_and_listing_kinds():
    text = (
        "## 遗失启事\n\n▲刘某某遗失《出生医学证明》,声明作废。\n\n▲张某某遗失身份证,声明作废。\n\n\n\n"
        "## 电视台节目收视指南\n\n19:35 永川新闻\n\n20:00 城市扫描\n\n20:40 桂山剧场\n"
    )
    notice, listing = arts(text)
    assert (notice.kind, listing.kind) == ("notice", "listing")


def test_lone_district_label_is_not_an_article():
    text = (
        "今年以来，北碚区上下紧紧扭住项目建设，北碚区投资增长较快。\n\n北碚区融媒体中心 张霞\n\n"
        "北碚\n\n"
        "走进位于江津双福新区的团结湖大数据智能产业园，博士团队正在研发。\n\n通讯员 杨敏\n"
    )
    result = arts(text)
    assert len(result) == 2
    assert "北碚" in result[0].labels


def test_page_without_headline_gets_a_title_from_its_first_clause():
    (a,) = arts(
        "驱车穿行在巴南大地的乡村田野间，处处可见美丽乡村新风貌。\n\n巴南区融媒体中心 袁启芳\n"
    )
    assert a.title == "驱车穿行在巴南大地的乡村田野间"
    assert a.title_generated


def test_repeated_paragraph_and_fragment_are_dropped_with_reasons():
    para = "主动出击，精准匹配提升“双向赋能”成色，加强央地合作双向互动。"
    text = f"# 标题\n\n区招商投资局党组书记、局长祁家宏，在长沙市芙蓉区挂职期间积极参会。\n\n{para}\n\n记、局长祁家宏，在长沙市芙蓉区挂职期间积极参会。\n\n{para}\n"
    (a,) = arts(text)
    body = "".join(p.text for p in a.paragraphs)
    assert body.count("主动出击") == 1
    assert body.count("在长沙市芙蓉区挂职期间") == 1
    assert [d.reason for d in a.dropped] == ["repeated fragment", "repeated paragraph"]
    assert [d.reason for d in a.dropped] == [
        DropReason.REPEATED_FRAGMENT,
        DropReason.REPEATED_PARAGRAPH,
    ]


def test_a_dropped_reason_names_its_rule_and_is_reported_as_the_plain_string():
    text = "# 标题\n\n主动出击，精准匹配提升成色。\n\n主动出击，精准匹配提升成色。\n"
    result = segment_text(text, "t.txt")
    (record,) = json.loads(json.dumps(page_records(result), ensure_ascii=False))
    assert all(isinstance(d.reason, DropReason) for d in result.articles[0].dropped)
    assert record["dropped"][0]["reason"] == "repeated paragraph"
