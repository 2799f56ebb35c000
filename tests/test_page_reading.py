"""Page reading on layouts the sample pages do not show (issue 9): each test is one
rule of the segmenter, on a small page written for the test."""

from __future__ import annotations

import pytest
from newsprint.cut.audit import unplaced
from newsprint.cut.layout import full_lines, headline_stacks, read_lines
from newsprint.cut.segment import BOUNDARY_CONFIDENCE, TITLE_CONFIDENCE, segment_text


def wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


BODY_A = "今年以来，某市持续推进老旧小区改造工作，一批小区面貌焕然一新，居民生活更加便利。"
BODY_A2 = "下一步，该市将继续加大投入力度，推动更多小区完成改造，让群众有更多获得感。"
BODY_B = "记者日前从该省交通部门获悉，一条连接两座城市的高速公路近日建成通车，全程约一百公里。"
BODY_B2 = "这条高速公路的建成，将两地之间的通行时间缩短一半以上，为沿线群众出行带来方便。"


def titles(page: str) -> list[str]:
    return [a.title for a in segment_text(page, "p.txt").articles]


def test_headline_first_with_byline_line_gives_each_story_its_title_and_author():
    page = (
        f"老旧小区改造提速\n\n本报记者 王磊\n\n{wrap(BODY_A, 14)}\n\n{wrap(BODY_A2, 14)}\n\n\n"
        f"两城之间高速公路通车\n\n记者 张敏\n\n{wrap(BODY_B, 22)}\n\n{wrap(BODY_B2, 22)}\n"
    )
    result = segment_text(page, "p.txt")
    assert [(a.title, a.authors) for a in result.articles] == [
        ("老旧小区改造提速", ["王磊"]),
        ("两城之间高速公路通车", ["张敏"]),
    ]
    assert unplaced(page, result) == {}


def test_columns_of_different_widths_are_each_rejoined():
    page = f"第一条新闻标题\n\n{wrap(BODY_A, 13)}\n\n\n第二条新闻标题\n\n{wrap(BODY_B, 27)}\n"
    first, second = segment_text(page, "p.txt").articles
    assert first.body_text == BODY_A
    assert second.body_text == BODY_B


def test_lines_fill_their_own_column_not_the_page_width():
    narrow = wrap(BODY_A, 12).splitlines()
    lines = read_lines("\n".join(narrow) + "\n\n" + wrap(BODY_B, 26))
    full = full_lines(lines)
    assert all(full[: len(narrow) - 1])  # the narrow column's lines are full at 12 …
    assert not full[len(narrow) - 1]  # … but for its last line
    assert full[len(narrow)]  # the wide column's first line is full at 26


def test_a_dateline_opens_a_story_even_without_a_headline_before_it():
    page = f"{BODY_A}\n\n{BODY_A2}\n\n新华社北京5月6日电 {BODY_B}\n\n{BODY_B2}\n"
    result = segment_text(page, "p.txt")
    assert len(result.articles) == 2
    assert result.articles[1].paragraphs[0].text.startswith("新华社北京5月6日电")
    assert result.articles[1].confidence["boundary"] == BOUNDARY_CONFIDENCE["dateline"]


def test_an_enclosed_closing_credit_ends_a_story_and_opens_none():
    page = f"标题甲\n\n{BODY_A}\n\n（新华社北京5月6日电 记者李明）\n\n{BODY_B}\n\n{BODY_B2}\n"
    arts = segment_text(page, "p.txt").articles
    assert len(arts) == 2
    assert arts[0].paragraphs[-1].text == "（新华社北京5月6日电 记者李明）"


def test_a_headline_set_apart_unlike_paragraphs_starts_a_story():
    # paragraphs one blank line apart, stories two: the second headline is no section heading
    page = f"标题甲\n\n{BODY_A}\n\n{BODY_A2}\n\n\n另一条消息的标题\n\n{BODY_B}\n\n{BODY_B2}\n"
    assert titles(page) == ["标题甲", "另一条消息的标题"]


def test_a_heading_set_like_a_paragraph_stays_a_section_heading():
    page = f"标题甲\n\n\n{BODY_A}\n\n小区改造见成效\n\n{BODY_A2}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert [p.role.value for p in art.paragraphs] == ["body", "heading", "body"]


def test_flush_headline_among_indented_paragraphs_is_not_joined_to_the_paragraph_above():
    indent = "\u3000\u3000"
    page = (
        f"标题甲\n{wrap(indent + BODY_A, 16)}\n{wrap(indent + BODY_A2, 16)}\n"
        f"两城之间高速公路通车\n记者 张敏\n{wrap(indent + BODY_B, 16)}\n"
    )
    result = segment_text(page, "p.txt")
    assert [(a.title, a.authors) for a in result.articles] == [
        ("标题甲", []),
        ("两城之间高速公路通车", ["张敏"]),
    ]


def test_kicker_and_headline_lines_are_not_joined_like_a_wrapped_paragraph():
    lines = read_lines("正文。\n\n市场监管总局要求\n供电主体不得截留红利\n\n正文。")
    assert headline_stacks(lines) == {4}
    page = f"市场监管总局要求\n供电主体不得截留红利\n\n{BODY_A}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert (art.kicker, art.title) == ("市场监管总局要求", "供电主体不得截留红利")


def test_colon_kicker_and_column_tag_headline():
    page = f"王小明：\n扎根山村二十年（最美人物）\n\n{BODY_A}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert (art.kicker, art.title) == ("王小明：", "扎根山村二十年（最美人物）")


def test_a_label_line_alone_is_a_headline_but_notice_fields_are_not():
    page = f"{BODY_B}\n\n\n黑龙江：多措并举保供应\n\n{BODY_A}\n"
    assert titles(page)[1] == "黑龙江：多措并举保供应"
    notice = "交房公告\n\n时间：五月一日\n地点：营销中心\n\n特此公告。\n"
    (art,) = segment_text(notice, "p.txt").articles
    assert art.title == "交房公告"


def test_a_headline_over_programme_times_after_prose_starts_a_listing():
    page = f"标题甲\n\n{BODY_A}\n\n电视节目\n\n19:00 新闻联播\n19:30 天气预报\n20:00 电视剧\n"
    arts = segment_text(page, "p.txt").articles
    assert [(a.title, a.kind) for a in arts] == [("标题甲", "news"), ("电视节目", "listing")]


def test_a_run_with_a_headline_above_and_one_below_is_two_stories():
    page = (
        f"老旧小区改造提速\n\n{BODY_A}\n\n{BODY_A2}\n\n{BODY_B}\n\n{BODY_B2}\n\n"
        "通讯员 张敏\n\n两城之间高速公路建成通车\n"
    )
    arts = segment_text(page, "p.txt").articles
    assert [a.title for a in arts] == ["老旧小区改造提速", "两城之间高速公路建成通车"]
    assert arts[1].paragraphs[0].text == BODY_B
    assert arts[1].confidence["boundary"] == BOUNDARY_CONFIDENCE["two headlines"]


def test_confidence_names_the_evidence():
    page = f"{BODY_A}\n\n{BODY_A2}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert art.title_generated
    assert art.evidence == {"boundary": "page top", "title": "none"}
    assert art.confidence == {
        "boundary": BOUNDARY_CONFIDENCE["page top"],
        "title": TITLE_CONFIDENCE["none"],
    }


def test_a_boundary_is_as_sure_as_the_weaker_of_its_two_cuts():
    page = f"标题甲\n\n{BODY_A}\n\n本报讯 {BODY_B}\n\n{BODY_B2}\n"
    first, second = segment_text(page, "p.txt").articles
    assert second.evidence["boundary"] == "dateline"
    assert first.confidence["boundary"] == min(
        BOUNDARY_CONFIDENCE["page top"], BOUNDARY_CONFIDENCE["dateline"]
    )
    assert second.confidence["boundary"] == BOUNDARY_CONFIDENCE["dateline"]  # page end: 1.0


def test_photo_credit_inside_a_word_does_not_stop_a_paragraph():
    text = "无人机替代人工技师对其各个部位进行影像拍摄并实时传输到云端，后台分析判断出飞机状况。"
    page = f"标题\n\n{wrap(BODY_A, 11)}\n\n{wrap(text, 11)}\n\n{wrap(BODY_A2, 11)}\n"
    assert "影像拍摄并" in page  # a line ends "…拍摄并": 摄 there is no photo credit
    (art,) = segment_text(page, "p.txt").articles
    assert [p.text for p in art.paragraphs] == [BODY_A, text, BODY_A2]


def test_a_line_naming_who_presided_is_a_subtitle():
    page = f"全市安全生产工作会议召开\n张三主持\n\n{BODY_A}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert (art.title, art.subtitle) == ("全市安全生产工作会议召开", "张三主持")


def test_a_headline_with_one_comma_between_two_phrases_stays_a_headline():
    narrow = wrap(BODY_B, 12)
    page = f"标题甲\n\n{wrap(BODY_A, 12)}\n\n\n不用出小区，加微信能送菜\n\n{narrow}\n"
    assert titles(page) == ["标题甲", "不用出小区，加微信能送菜"]
    # while a line cut after a word or two of a new clause goes on across the gap
    broken = "如今，行走在永川的街头巷尾，我们看到了很多变化，行走\n\n在永川的大街小巷，市民很满意。"
    (art,) = segment_text(broken, "p.txt").articles
    assert art.body_text == broken.replace("\n", "")


def test_a_heading_short_text_and_photo_credit_at_a_runs_end_is_a_photo_story():
    page = (
        f"标题甲\n\n{BODY_A}\n\n{BODY_A2}\n\n"
        "春到田间\n\n农民在田间忙着春耕，一派繁忙景象。\n\n记者 王磊 摄\n"
    )
    arts = segment_text(page, "p.txt").articles
    assert [(a.title, a.kind, a.authors) for a in arts] == [
        ("标题甲", "news", []),
        ("春到田间", "photo", ["王磊"]),
    ]
    assert arts[1].evidence["boundary"] == "photo story"


def test_a_field_line_at_a_storys_end_is_no_headline():
    page = f"标题甲\n\n{BODY_A}\n\n数据来源：市统计局\n\n\n标题乙\n\n{BODY_B}\n"
    arts = segment_text(page, "p.txt").articles
    assert [a.title for a in arts] == ["标题甲", "标题乙"]
    assert arts[0].paragraphs[-1].text == "数据来源：市统计局"


def test_a_line_a_colon_introduces_is_no_headline():
    page = f"标题甲\n\n{BODY_A}有人感慨：\n有书相伴，真好！\n\n{BODY_A2}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == "标题甲"
    assert "有书相伴，真好！" in art.body_text


def test_a_bracket_cut_by_the_wrap_keeps_its_dateline_paragraph_whole():
    # "（记者 庞革" / "平 张云河）…": the name breaks at the line end inside the bracket.
    opening = "本报南宁2月5日电（记者 庞革平 张云河）" + BODY_B
    first = ["　　" + opening[:15], *wrap(opening[15:], 16).splitlines()]
    second = ["　　" + BODY_B2[:14], *wrap(BODY_B2[14:], 16).splitlines()]
    page = "两城之间高速公路通车\n\n" + "\n".join(first) + "\n\n" + "\n".join(second) + "\n"
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == "两城之间高速公路通车"
    assert art.subtitle is None or art.subtitle == ""
    assert sorted(art.authors) == ["庞革平", "张云河"]


def test_prose_wrapped_after_a_comma_is_a_paragraph_not_a_headline_block():
    # A lead sentence without a full stop, three lines at the column width: its first
    # lines end on a comma, so it is prose, not a kicker/headline/subtitle stack.
    lead = "不断增强金融服务实体经济的能力，不仅需要针对性地出台政策、提升服务水平等举措，更为重要的是创新体制机制"
    page = f"用金融改革助力实体经济（财经观）\n\n{lead[:19]}\n{lead[19:39]}\n{lead[39:]}\n\n{wrap(BODY_A, 20)}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == "用金融改革助力实体经济（财经观）"
    assert not art.subtitle
    assert art.body_text.startswith(lead)


def test_full_lines_broken_inside_a_word_are_wrapped_prose_not_a_headline_stack():
    # No line ends on a comma, but the column cut words in two ("身/影", "作/风"):
    # a kicker, headline and subtitle are never broken inside a word.
    lead = "走进新时代的美丽乡村，处处可以看到村民们创业致富的身影，也能感受到基层干部扎实为民办实事的作风"
    paragraphs = [lead, BODY_A, BODY_A2, BODY_B]
    page = "乡村振兴见实效（人民时评）\n\n" + "\n\n".join(wrap(p, 18) for p in paragraphs) + "\n"
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == "乡村振兴见实效（人民时评）"
    assert art.body_text.startswith(lead)


def test_full_kicker_and_headline_lines_broken_between_words_stay_a_stack():
    lines = read_lines(
        f"{wrap(BODY_A, 16)}\n\n老旧小区改造提速，居民出行更方便\n某市今年完成三百个小区改造\n\n"
        f"{wrap(BODY_A2, 16)}"
    )
    full = dict(zip([ln.number for ln in lines], full_lines(lines), strict=True))
    kicker = next(ln for ln in lines if ln.text.startswith("老旧小区"))
    assert full[kicker.number]
    assert headline_stacks(lines, full=full) == {kicker.number + 1}


def test_a_labelled_headline_printed_twice_is_still_a_headline():
    head_a = "邓华：南征北战 英勇无敌（英雄烈士谱）"
    head_b = "彭加木：心系科考 奉献边疆（英雄烈士谱）"
    page = (
        f"{wrap(BODY_A, 20)}\n本报记者 谭畅\n\n{head_a}{head_a}\n\n{head_b}{head_b}\n"
        f"{wrap(BODY_B, 20)}\n"
    )
    result = segment_text(page, "p.txt")
    assert [a.title for a in result.articles] == [head_a, head_b]


def test_a_short_untitled_note_after_a_story_is_its_postscript_not_a_story():
    page = (
        f"老旧小区改造提速\n\n{wrap(BODY_A, 20)}\n\n（作者为本报记者）\n\n"
        "栏目投稿邮箱：someone@example.com\n"
    )
    (art,) = segment_text(page, "p.txt").articles
    assert art.body_text.endswith("栏目投稿邮箱：someone@example.com")


def test_two_unmarked_headline_lines_are_weighed_kicker_or_subtitle():
    # A line of figures under a headline is its subtitle; a line ending on what someone
    # said, above the headline, is its kicker.
    subtitle_page = f"布达拉宫古籍保护获专项资金\n10年内将累计投入3亿元\n\n{wrap(BODY_A, 20)}\n"
    (art,) = segment_text(subtitle_page, "p.txt").articles
    assert (art.kicker, art.title, art.subtitle) == (
        None, "布达拉宫古籍保护获专项资金", "10年内将累计投入3亿元"
    )
    kicker_page = f"部长在座谈会上强调\n推动老旧小区改造提速\n\n{wrap(BODY_A, 20)}\n"
    (art,) = segment_text(kicker_page, "p.txt").articles
    assert (art.kicker, art.title) == ("部长在座谈会上强调", "推动老旧小区改造提速")


def test_a_headline_block_does_not_run_on_into_the_dateline_below_it():
    page = (
        f"{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n\n部长表示——\n反对将某公司产品排除在本国网络建设之外\n\n"
        f"{wrap('新华社柏林1月18日电（记者任珂）' + BODY_B, 20)}\n\n{wrap(BODY_B2, 20)}\n"
    )
    articles = segment_text(page, "p.txt").articles
    assert articles[-1].title == "反对将某公司产品排除在本国网络建设之外"
    assert articles[-1].kicker == "部长表示——"
    assert articles[-1].authors == ["任珂"]


def test_a_sidebar_with_its_own_headline_stays_in_the_story_it_goes_with():
    page = (
        f"老旧小区改造提速\n\n{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n"
        f"凝聚更多共识（记者手记）\n\n{wrap(BODY_B, 20)}\n"
    )
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == "老旧小区改造提速"
    assert "凝聚更多共识（记者手记）" in art.body_text
    assert art.body_text.endswith(BODY_B)


def test_notes_after_a_closing_note_stay_with_the_story():
    page = (
        f"老旧小区改造提速\n\n{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n（作者为本报记者）\n\n"
        "（本系列评论到此结束）\n\n栏目投稿邮箱：someone@example.com\n\n\n"
        f"两城之间高速公路通车\n\n{wrap(BODY_B, 20)}\n"
    )
    first, second = segment_text(page, "p.txt").articles
    assert first.body_text.endswith("栏目投稿邮箱：someone@example.com")
    assert "（本系列评论到此结束）" in first.body_text
    assert second.title == "两城之间高速公路通车"


def test_a_sidebar_headline_with_a_byline_of_its_own_heads_a_story():
    page = (
        f"老旧小区改造提速\n\n{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n\n"
        f"凝聚更多共识（记者手记）\n\n本报记者 王磊\n\n{wrap(BODY_B, 20)}\n"
    )
    first, second = segment_text(page, "p.txt").articles
    assert first.title == "老旧小区改造提速"
    assert second.title == "凝聚更多共识（记者手记）"
    assert second.authors == ["王磊"]


def test_a_paragraph_whose_dump_kept_spaces_between_its_parts_stays_one_paragraph():
    # "…便利。 四大举措 当前，…": the dump joined a paragraph, a heading and the next
    # paragraph with spaces; the lines are full, so the paragraph runs on.
    text = "据悉，" + BODY_A + " 四大举措 当前，" + BODY_A2 + BODY_B
    page = f"老旧小区改造提速\n\n{wrap(text, 20)}\n\n\n两城之间高速公路通车\n\n{wrap(BODY_B2, 20)}\n"
    first, second = segment_text(page, "p.txt").articles
    assert first.title == "老旧小区改造提速"
    assert first.body_text.replace(" ", "") == text.replace(" ", "")
    assert second.title == "两城之间高速公路通车"


def test_a_headline_with_a_comma_under_an_announcing_kicker_is_not_joined_to_it():
    page = (
        f"部长率工作组赴某省某市调研指导时强调\n关口前移，为群众守好健康之门\n\n本报记者 王磊\n\n"
        f"{wrap(BODY_A + BODY_B, 20)}\n\n{wrap(BODY_A2 + BODY_B2, 20)}\n"
    )
    (art,) = segment_text(page, "p.txt").articles
    assert (art.kicker, art.title) == ("部长率工作组赴某省某市调研指导时强调", "关口前移，为群众守好健康之门")


def test_a_tagged_headline_after_a_short_last_line_starts_a_story_on_a_dense_page():
    # No blank lines at all; the paragraph's last line is short, then a headline with
    # a column's name: the indented paragraph does not run on into it.
    # (the story ends on a source line, without a full stop)
    source = "数据来源：某市住建委"
    first = ["　　" + BODY_A[:18], *wrap(BODY_A[18:] + BODY_A2 + source, 20).splitlines()]
    second = ["　　" + BODY_B[:18], *wrap(BODY_B[18:] + BODY_B2, 20).splitlines()]
    page = "\n".join(["老旧小区改造提速", *first, "两城之间凝聚发展力量（快评）", *second]) + "\n"
    articles = segment_text(page, "p.txt").articles
    assert [a.title for a in articles] == ["老旧小区改造提速", "两城之间凝聚发展力量（快评）"]


def test_a_closing_note_then_any_headline_starts_a_story():
    page = (
        f"老旧小区改造提速\n\n{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n（本报马德里电）\n\n"
        f"两城 高速通车\n\n{wrap(BODY_B, 20)}\n\n{wrap(BODY_B2, 20)}\n"
    )
    first, second = segment_text(page, "p.txt").articles
    assert first.body_text.endswith("（本报马德里电）")
    assert second.title == "两城 高速通车"
    assert second.confidence["boundary"] == BOUNDARY_CONFIDENCE["closing note"]


def _dense(paragraph: str) -> list[str]:
    return ["　　" + paragraph[:18], *wrap(paragraph[18:], 20).splitlines()]


def test_on_a_dense_page_a_short_field_line_and_a_tagged_headline_end_themselves():
    # No blank lines: "本版制图：…" is furniture, the next flush line a headline; a
    # headline with a comma and a column's name before a byline is no sentence's end.
    page = "\n".join([
        "老旧小区改造提速", *_dense(BODY_A + BODY_A2), "　　本版制图：蔡华伟",
        "两城之间高速公路今日正式建成通车", *_dense(BODY_B + BODY_B2),
        "“用好一城水，洗净一城泥”（一线视角）", "特约记者 罗艾桦", *_dense(BODY_A2 + BODY_B),
    ]) + "\n"
    titles = [a.title for a in segment_text(page, "p.txt").articles]
    assert titles == [
        "老旧小区改造提速", "两城之间高速公路今日正式建成通车", "“用好一城水，洗净一城泥”（一线视角）"
    ]


@pytest.mark.parametrize("comma", ["，", ","])
def test_a_long_unpunctuated_lead_sentence_over_the_text_is_its_first_paragraph(comma):
    # Headlines printed after their stories: the lead is no kicker of the headline below.
    lead = f"老旧小区改造应与城市更新秉持同样的价值追求{comma}那就是让居民住得更舒心"
    page = (
        f"{wrap(BODY_B + BODY_B2, 20)}\n\n本报记者 王磊\n\n两城之间高速公路通车\n\n\n"
        f"{lead}\n\n{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n（作者为本报记者）\n\n"
        "老旧小区改造要更宜居（新语）\n"
    )
    first, second = segment_text(page, "p.txt").articles
    assert first.title == "两城之间高速公路通车"
    assert (second.kicker, second.title) == (None, "老旧小区改造要更宜居（新语）")
    assert second.body_text.startswith(lead)


def test_text_after_two_blank_lines_runs_on_only_where_a_sentence_is_visibly_cut():
    lead = "政策有了，接下来的落实很重要，应当始终保持细心、贴心、耐心"  # no full stop
    caption = "雷子乔是一家医院放射科技师长，自疫情发生以来他一直坚守在自己的工作岗位上"
    page = (
        f"用心合力提振信心\n\n{wrap(lead, 20)}\n\n\n{caption}\n\n\n"
        f"{wrap(BODY_A + BODY_B, 20)}\n\n{wrap(BODY_A2 + BODY_B2, 20)}\n"
    )
    (art,) = segment_text(page, "p.txt").articles
    paragraphs = [p.text for p in art.paragraphs]
    assert lead in paragraphs  # the lead is not run on into the caption below the gap


def test_a_long_enumerating_title_without_commas_is_a_headline():
    title = "某市人民代表大会常务委员会关于全面推进老旧小区改造、加快城市更新、切实改善全市广大群众居住生活条件的决定"
    assert len(title) > 48
    page = f"{title}\n\n{wrap(BODY_A + BODY_B, 20)}\n\n{wrap(BODY_A2 + BODY_B2, 20)}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == title


def test_two_headlines_are_not_split_at_a_postscript():
    # A headline-first story runs into a headline-after one ending "（作者为…）" and a
    # postscript: the cut falls between the stories, not before the postscript.
    page = (
        f"老旧小区改造提速\n\n记者 王磊\n\n{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n"
        f"{wrap(BODY_B, 20)}\n\n{wrap(BODY_B2, 20)}\n\n（作者为本报记者）\n\n"
        "栏目投稿邮箱：someone@example.com\n\n通讯员 张敏\n\n两城之间高速公路通车\n"
    )
    first, second = segment_text(page, "p.txt").articles
    assert first.body_text.endswith(BODY_A2)
    assert second.title == "两城之间高速公路通车"
    assert second.body_text.endswith("栏目投稿邮箱：someone@example.com")


def test_an_excerpt_note_closes_a_story():
    page = (
        f"老旧小区改造提速\n\n{wrap(BODY_A, 20)}\n\n{wrap(BODY_A2, 20)}\n\n"
        "（摘自某市日报5月6日第2版的评论文章）\n\n"
        f"两城之间高速公路通车\n\n{wrap(BODY_B, 20)}\n\n{wrap(BODY_B2, 20)}\n"
    )
    first, second = segment_text(page, "p.txt").articles
    assert first.body_text.endswith("（摘自某市日报5月6日第2版的评论文章）")
    assert second.title == "两城之间高速公路通车"


def test_two_headlines_are_split_where_each_paragraph_keeps_its_own_storys_words():
    # Nothing marks the break and the headlines' words settle nothing (each sits in
    # its story's first paragraph); the two stories' vocabularies do.
    a = [
        "今年以来，某市持续推进老旧小区改造，一批小区面貌焕然一新。",
        "家住城东的王大爷说，门口的路平了，灯亮了，出门方便多了。",
        "下一步，该市将把老旧小区改造和加装电梯结合起来，让居民出门更方便。",
    ]
    b = [
        "记者日前获悉，连接两城的高速公路近日建成通车，改造后的收费站同步启用。",
        "这条高速公路全长约一百公里，两城之间的通行时间缩短一半。",
        "交通部门表示，高速公路通车后，沿线的物流成本将明显下降。",
    ]
    page = "老旧小区改造提速\n\n" + "\n\n".join(a + b) + "\n\n两城之间高速公路建成通车\n"
    arts = segment_text(page, "p.txt").articles
    assert [a.title for a in arts] == ["老旧小区改造提速", "两城之间高速公路建成通车"]
    assert [p.text for p in arts[1].paragraphs] == b


def test_a_dash_inside_an_open_quote_does_not_end_the_paragraph():
    opening = "由某市文化馆主办的“光影重现——老电影修复工程启动发布会”日前在北京举行。"
    paragraphs = [opening, BODY_A, BODY_A2]
    page = "多部老电影将进行修复\n\n" + "\n\n".join(wrap(p, 16) for p in paragraphs) + "\n"
    arts = segment_text(page, "p.txt").articles
    assert [a.title for a in arts] == ["多部老电影将进行修复"]
    assert [p.text for p in arts[0].paragraphs] == paragraphs


BODY_A3 = "改造完成后，小区新增了停车位和健身场地，老人们在楼下散步、下棋，邻里关系也更融洽了。"
BODY_B3 = "据介绍，沿线还将建设两处服务区，为过往司机提供加油、餐饮和休息等服务。"


def test_a_storys_only_inner_heading_in_other_words_starts_another_story():
    # One blank line everywhere, no byline, no dateline: only the words tell.
    story_a = [BODY_A, BODY_A3, BODY_A2]
    story_b = [BODY_B, BODY_B2, BODY_B3]
    page = "\n\n".join(["老旧小区改造提速", *story_a, "两城之间高速公路建成通车", *story_b])
    arts = segment_text(page + "\n", "p.txt").articles
    assert [a.title for a in arts] == ["老旧小区改造提速", "两城之间高速公路建成通车"]
    assert [p.text for p in arts[1].paragraphs] == story_b
    assert arts[1].evidence["boundary"] == "lone heading"


def test_a_section_heading_in_its_storys_words_stays_inside_it():
    page = "\n\n".join(["老旧小区改造提速", BODY_A, BODY_A3, "小区改造让居民生活更便利", BODY_A2, BODY_A3])
    (art,) = segment_text(page + "\n", "p.txt").articles
    assert art.title == "老旧小区改造提速"


def test_a_photo_storys_text_without_a_full_stop_is_its_text_not_a_headline():
    text = "春耕时节田间地头处处是农民们忙着翻地播种的身影，合作社的农机手驾驶着拖拉机来回穿梭"
    # Paragraphs indented, no blank lines: as the page this was seen on.
    indented = "\n".join(wrap("\u3000\u3000" + p, 22) for p in (BODY_A, BODY_A2, BODY_B, BODY_B2))
    photo = wrap("\u3000\u3000" + text, 22)
    page = f"标题甲\n{indented}\n\n\n春到田间（新视点）\n{photo}\n记者 王磊 摄\n"
    arts = segment_text(page, "p.txt").articles
    assert [(a.title, a.kind, a.authors) for a in arts] == [
        ("标题甲", "news", []),
        ("春到田间（新视点）", "photo", ["王磊"]),
    ]
    assert arts[1].body_text == text


def test_a_column_name_on_the_second_headline_does_not_hide_its_words():
    # Only "牧民" and "牦牛" of the headline are in its story; a long column name
    # would outweigh them and keep the two stories as one.
    story_b = [
        "高原上的罗玛镇，海拔四千五百多米，早晨七点多，牧民扎西就赶着牦牛出门了。",
        "放在四年前，他不敢想象自己能养近百头牦牛。",
        "如今，镇上的加工厂上门收奶，牧民们的日子越过越红火。",
    ]
    page = "\n\n".join(
        ["老旧小区改造提速", BODY_A, BODY_A3, BODY_A2, *story_b, "本报记者 王磊", ""]
    ) + "牧民养牦牛有奔头（走基层·高原牧区见闻）\n"
    arts = segment_text(page, "p.txt").articles
    assert [a.title for a in arts] == ["老旧小区改造提速", "牧民养牦牛有奔头（走基层·高原牧区见闻）"]
    assert [p.text for p in arts[1].paragraphs] == story_b


def test_a_paragraph_opening_with_a_dateline_runs_on_to_its_full_stop():
    page = (
        f"标题甲\n\n{wrap(BODY_A, 20)}\n\n记者 王磊\n\n"
        "两地签署合作协议\n\n本报某地5月6日电 某市代表团6日同来访的友好城市代表团举\n行会谈。\n\n"
        f"{wrap(BODY_B2, 20)}\n"
    )
    arts = segment_text(page, "p.txt").articles
    assert [a.title for a in arts] == ["标题甲", "两地签署合作协议"]
    assert arts[1].paragraphs[0].text.endswith("代表团举行会谈。")


def test_a_paragraph_whose_full_line_stops_on_a_dash_goes_on():
    opening = "由市委宣传部、市文明办联合主办的元旦春节期间的“我们的节日”——文艺进社区活动日前启动。"
    lines = ["由市委宣传部、市文明办联合主办的", "元旦春节期间的“我们的节日”——", "文艺进社区活动日前启动。"]
    assert "".join(lines) == opening and len(lines[0]) == len(lines[1])
    paragraphs = [BODY_A, BODY_A2, BODY_B]
    page = "送文化下乡\n\n" + "\n".join(lines) + "\n\n" + "\n\n".join(wrap(p, 16) for p in paragraphs)
    (art,) = segment_text(page + "\n", "p.txt").articles
    assert art.title == "送文化下乡"
    assert art.paragraphs[0].text == opening


def test_a_field_wrapped_over_two_lines_ends_itself_on_an_indented_page():
    def para(text: str) -> str:
        return wrap("\u3000\u3000" + text, 12)

    page = "\n".join(
        [
            "老旧小区改造提速",
            para(BODY_A),
            para(BODY_A2),
            "\u3000\u3000数据来源：某市住建委员",
            "会",
            "两城之间高速公路建成通车",
            "本报记者 王磊",
            para(BODY_B),
            para(BODY_B2),
        ]
    )
    arts = segment_text(page + "\n", "p.txt").articles
    assert [(a.title, a.authors) for a in arts] == [
        ("老旧小区改造提速", []),
        ("两城之间高速公路建成通车", ["王磊"]),
    ]
    assert arts[0].body_text.endswith("数据来源：某市住建委员会")


def test_a_dateline_credit_names_reporters_with_rare_surnames():
    page = (
        "标题甲\n\n本报某地5月6日电（记者 \n暨明 赵小川）当地时间5日晚，"
        "代表团出席了欢迎宴会。\n\n" + wrap(BODY_A2, 20) + "\n"
    )
    (art,) = segment_text(page, "p.txt").articles
    assert art.authors == ["暨明", "赵小川"]


def test_an_enumerating_kicker_and_a_long_headline_line_stay_a_stack():
    # The kicker fills the column; its enumeration marks are no clause breaks.
    kicker = "上海、浙江、安徽、福建等地推进垃圾分类"
    title = "垃圾分类成为新时尚"
    body = "\n\n".join(wrap(p, len(kicker)) for p in (BODY_A, BODY_A2, BODY_A3))
    page = f"{kicker}\n{title}\n\n记者 王磊\n\n{body}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert (art.kicker, art.title) == (kicker, title)


def test_a_headline_line_as_long_as_a_headline_may_be_stays_in_its_stack():
    title = "进一步部署春耕备耕和农资供应保障工作要求细化重点地区防汛抗旱措施 加强农业技术指导服务"
    assert 40 < len(title) <= 48
    kicker = "某部门召开全市春耕生产和农业农村工作会议"  # as wide as the column
    body = "\n\n".join(wrap(p, len(kicker)) for p in (BODY_A, BODY_A2, BODY_A3))
    page = f"{kicker}\n{title}\n某某出席\n\n{body}\n"
    (art,) = segment_text(page, "p.txt").articles
    assert (art.kicker, art.title, art.subtitle) == (kicker, title, "某某出席")


def test_a_section_heading_after_a_pictures_caption_is_not_set_apart_by_its_space():
    caption = "图为改造后的小区一角。"
    page = (
        f"老旧小区改造提速\n\n{BODY_A}\n\n{BODY_A3}\n\n\n{caption}\n\n\n"
        f"加装电梯惠及更多居民\n\n{BODY_A2}\n\n{BODY_A3}\n"
    )
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == "老旧小区改造提速"
    assert [c.text for c in art.captions] == [caption]


def test_lines_cut_inside_an_enumeration_are_wrapped_prose_not_a_headline_stack():
    first = "通过“学、练、比、赛、评”，为建设平安乡村、文明乡村、和谐"
    lead = first + "乡村打下坚实的人才基础"
    paragraphs = [BODY_A, BODY_A2, BODY_A3]
    body = "\n\n".join(wrap(p, len(first)) for p in paragraphs)
    page = f"{first}\n{lead[len(first):]}\n\n{body}\n\n（作者为某市司法局局长）\n\n人才队伍是练出来的（新论）\n"
    (art,) = segment_text(page, "p.txt").articles
    assert art.title == "人才队伍是练出来的（新论）"
    assert art.body_text.startswith(lead)
