from newsprint.cut.layout import display_width, join_blocks, read_lines, wrap_width


def blocks(text):
    lines = read_lines(text)
    return [b.text for b in join_blocks(lines, wrap_width(lines))]


def test_sentence_cut_by_column_break_is_joined():
    text = "如今，行走在永川的街头巷尾，我们看到了很多变化，行走\n\n在永川的大街小巷，市民很满意。"
    assert blocks(text) == [
        "如今，行走在永川的街头巷尾，我们看到了很多变化，行走在永川的大街小巷，市民很满意。"
    ]


def test_paragraph_ending_with_full_stop_is_not_joined():
    assert blocks("重大项目是经济发展的重要引擎。\n\n一年来，项目一线捷报频传。") == [
        "重大项目是经济发展的重要引擎。",
        "一年来，项目一线捷报频传。",
    ]


def test_heading_is_not_joined_into_a_paragraph():
    text = "聚焦招大引强 招商质效更优\n\n重大项目是经济发展的重要引擎。"
    assert blocks(text) == ["聚焦招大引强 招商质效更优", "重大项目是经济发展的重要引擎。"]


def test_caption_inside_a_broken_paragraph_is_lifted_out():
    text = (
        "永川区静脉产业园成功入选“2023年生活垃圾分类宣传教育\n\n\n\n"
        "美丽的兴龙湖公园\n\n基地”。\n\n下一段。"
    )
    lines = read_lines(text)
    result = join_blocks(lines, None)
    assert [b.text for b in result] == [
        "永川区静脉产业园成功入选“2023年生活垃圾分类宣传教育基地”。",
        "美丽的兴龙湖公园",
        "下一段。",
    ]
    assert result[1].interrupts


def _wrap(text, width=16):
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def test_hard_wrapped_page_is_detected_and_rejoined():
    para1 = "今年以来，北碚区上下紧紧扭住项目建设这个牛鼻子，全力推动经济恢复性增长和高质量发展，各项工作取得明显成效，市区两级重点项目建设有序推进。"
    para2 = "招商引资是项目的源头活水，北碚区高度重视招商引资工作，上半年区委常委会区政府常务会研究招商引资工作十三次，对接企业一百余家。"
    text = _wrap(para1) + "\n\n" + _wrap(para2) + "\n\n北碚区融媒体中心 张霞"
    lines = read_lines(text)
    assert wrap_width(lines) in range(30, 35)
    assert blocks(text) == [para1, para2, "北碚区融媒体中心 张霞"]


def test_headline_on_a_wrapped_page_stays_apart_from_the_body_below():
    body = (
        "今年以来，北碚区上下紧紧扭住项目建设这个牛鼻子，全力推动经济恢复性增长和高质量发展，各项工作取得明显成效。"
        * 2
    )
    text = "重点项目快速有序推进重点项目快速有序推进\n" + _wrap(body)
    assert blocks(text)[0] == "重点项目快速有序推进重点项目快速有序推进"


def test_display_width_counts_han_as_two_cells():
    assert display_width("ab巴南“”") == 10
