import pytest
from newsprint.cut.bylines import is_credit, parse_byline, split_caption_credit, split_inline_byline


@pytest.mark.parametrize(
    ("text", "names", "photo"),
    [
        ("王彩艳 罗莎 张雲亮", ("王彩艳", "罗莎", "张雲亮"), False),
        ("重庆日报首席记者 陈维灯", ("陈维灯",), False),
        ("□新重庆—重庆日报首席记者 陈维灯", ("陈维灯",), False),
        ("永川区融媒体中心 王其深", ("王其深",), False),
        ("大足区融媒体中心 瞿波 摄", ("瞿波",), True),
        ("沙坪坝报通讯员 张成勇 摄影报道", ("张成勇",), True),
        ("记者张霞", ("张霞",), False),
    ],
)
def test_bylines_give_person_names_only(text, names, photo):
    byline = parse_byline(text)
    assert byline is not None
    assert byline.names == names
    assert byline.photo is photo


@pytest.mark.parametrize(
    "text",
    ["一路繁花 一路景", "聚焦招大引强 招商质效更优", "核心提示", "北碚", "重庆国际生物城", "张霞"],
)
def test_headlines_and_labels_are_not_bylines(text):
    assert parse_byline(text) is None


def test_opening_byline_is_marked():
    assert parse_byline("□新重庆—重庆日报首席记者 陈维灯").opening


def test_inline_byline_is_split_off_the_last_paragraph():
    body, byline = split_inline_byline(
        "努力打造集观光采摘为一体的美丽乡村。 大足区融媒体中心 瞿波 摄"
    )
    assert body == "努力打造集观光采摘为一体的美丽乡村。"
    assert byline.names == ("瞿波",)


def test_sentence_ending_in_a_name_like_word_is_left_alone():
    text = "巴南区相关负责人说。"
    assert split_inline_byline(text) == (text, None)


def test_credits_and_caption_photographers():
    assert is_credit("图片由巴南区招商投资局提供")
    assert is_credit("据《重庆日报》")
    assert not is_credit("图片展示了巴南的新变化。")
    assert split_caption_credit("重庆铃耀汽车有限公司生产车间,机械臂在忙碌工作 摄/李攀")[:2] == (
        "重庆铃耀汽车有限公司生产车间,机械臂在忙碌工作",
        "李攀",
    )
