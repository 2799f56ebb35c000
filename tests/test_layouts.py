"""Layouts the sample pages do not show: bylines under headlines, indented paragraphs,
several pages in one file with page furniture, no blank lines at all."""

from newsprint.cut.audit import unplaced
from newsprint.cut.segment import segment_text

BYLINE_UNDER_HEADLINE = """万州区召开乡村振兴推进会

本报记者 李明

日前，万州区召开乡村振兴工作推进会，总结上半年工作，安排部署下一阶段任务。

会议要求，各镇街要聚焦产业发展，持续改善农村人居环境，推动乡村全面振兴。

涪陵榨菜产业再创新高

通讯员 王芳 刘强

今年上半年，涪陵区榨菜产业实现销售收入80亿元，同比增长12%。

涪陵区相关负责人表示，将继续做强榨菜品牌，带动农民增收致富。
"""


def test_byline_printed_under_the_headline_opens_the_article():
    result = segment_text(BYLINE_UNDER_HEADLINE, "p.txt")
    titles = [a.title for a in result.articles]
    assert titles == ["万州区召开乡村振兴推进会", "涪陵榨菜产业再创新高"]
    assert [a.authors for a in result.articles] == [["李明"], ["王芳", "刘强"]]
    assert unplaced(BYLINE_UNDER_HEADLINE, result) == {}


INDENTED = (
    "　　今年以来，璧山区持续推进城市更新，老旧小区改造\n"
    "提速增效，群众获得感不断增强。\n"
    "　　截至目前，全区已完成老旧小区改造项目二十个，惠及\n"
    "居民八千余户。\n"
    "　　下一步，璧山区将继续加大投入，让更多居民受益。\n"
)


def test_indented_first_lines_start_paragraphs():
    (art,) = segment_text(INDENTED, "p.txt").articles
    assert [p.text[:4] for p in art.paragraphs] == ["今年以来", "截至目前", "下一步，"]


TWO_PAGES = (
    "第01版\n\n"
    "荣昌 夏布产业焕发新活力\n\n"
    "近年来，荣昌区大力发展夏布产业，推动传统工艺与现代设计融合发展。\n\n"
    "荣昌区融媒体中心 赵敏\n\n"
    "责任编辑：张三 美编：李四\n"
    "\f"
    "第02版\n\n"
    "铜梁 龙灯文化走进校园\n\n"
    "日前，铜梁区举办龙灯文化进校园活动，学生们兴致勃勃地学习舞龙技艺。\n\n"
    "铜梁区融媒体中心 钱伟\n"
)


def test_several_pages_in_one_file_with_page_furniture():
    result = segment_text(TWO_PAGES, "p.txt")
    assert [a.title for a in result.articles] == ["夏布产业焕发新活力", "龙灯文化走进校园"]
    dropped = [d for a in result.articles for d in a.dropped]
    assert {d.reason for d in dropped} == {"page furniture"}
    assert {d.text for d in dropped} == {"第01版", "第02版", "责任编辑：张三 美编：李四"}
    assert unplaced(TWO_PAGES, result) == {}


NO_BLANK_LINES = (
    "垫江 牡丹花开引客来\n"
    "连日来，垫江县恒合土家族乡的牡丹竞相开放，吸引大批游客前来观赏拍照。\n"
    "据介绍，今年牡丹文化节将持续到四月底，期间还将举办多项民俗活动。\n"
    "垫江县融媒体中心 孙丽\n"
    "忠县 柑橘产业链不断延伸\n"
    "近年来，忠县围绕柑橘产业做文章，发展精深加工，带动群众增收。\n"
    "忠县融媒体中心 周涛\n"
)


def test_page_without_blank_lines():
    result = segment_text(NO_BLANK_LINES, "p.txt")
    assert [a.title for a in result.articles] == ["牡丹花开引客来", "柑橘产业链不断延伸"]
    assert [len(a.paragraphs) for a in result.articles] == [2, 1]
    assert unplaced(NO_BLANK_LINES, result) == {}


def test_dateline_credit_gives_authors_and_stays_in_the_body():
    text = "江北 观音桥商圈焕新开街\n\n本报讯（记者 张三 通讯员 李四）9月1日，江北区观音桥商圈改造完成，正式开街迎客。\n\n观音桥步行街（王五 摄）\n"
    (art,) = segment_text(text, "p.txt").articles
    assert art.authors == ["张三", "李四"]
    assert art.paragraphs[0].text.startswith("本报讯（记者 张三")
    assert [(c.text, c.credit) for c in art.captions] == [("观音桥步行街", "王五")]
    assert unplaced(text, segment_text(text, "p.txt")) == {}


def test_headline_first_articles_without_closing_bylines():
    text = (
        "全区春耕生产有序推进\n\n"
        "本报讯（记者 张三）连日来，全区各镇街抢抓农时，组织农户开展春耕生产。\n\n"
        "区农业农村委相关负责人表示，今年将确保粮食播种面积稳定。\n\n"
        "老旧小区改造惠及万户居民\n\n"
        "——记城市更新中的民生温度\n\n"
        "今年以来，区住房城乡建委加快推进老旧小区改造，惠及居民一万余户。\n\n"
        "小区居民纷纷点赞。\n"
    )
    result = segment_text(text, "p.txt")
    assert [(a.title, a.subtitle) for a in result.articles] == [
        ("全区春耕生产有序推进", None),
        ("老旧小区改造惠及万户居民", "——记城市更新中的民生温度"),
    ]
    assert result.articles[0].authors == ["张三"]


def test_bracketed_district_prefix_and_slash_bylines():
    text = (
        "【江北】观音桥商圈焕新开街\n\n"
        "9月1日，江北区观音桥商圈改造完成，正式开街迎客，吸引大量市民前来。\n\n"
        "文/张三 图/李四\n\n"
        "【渝中】解放碑步行街夜景升级\n\n"
        "近日，渝中区解放碑步行街完成夜景灯光升级，夜间客流明显增加。\n\n"
        "（记者 王五）\n"
    )
    result = segment_text(text, "p.txt")
    assert [(a.title, a.labels, a.authors) for a in result.articles] == [
        ("观音桥商圈焕新开街", ["【江北】"], ["张三", "李四"]),
        ("解放碑步行街夜景升级", ["【渝中】"], ["王五"]),
    ]
    assert unplaced(text, result) == {}


def test_picture_captions_without_an_image_gap():
    text = (
        "荣昌 夏布产业焕发新活力\n\n"
        "近年来，荣昌区大力发展夏布产业，推动传统工艺与现代设计融合发展。\n\n"
        "图为夏布织造车间，工人正在赶制订单。（赵敏 摄）\n\n"
        "荣昌区相关负责人表示，将继续擦亮夏布这张名片。\n\n"
        "上图：荣昌夏布展示区一角。\n"
    )
    (art,) = segment_text(text, "p.txt").articles
    assert [(c.text, c.credit) for c in art.captions] == [
        ("图为夏布织造车间，工人正在赶制订单。", "赵敏"),
        ("上图：荣昌夏布展示区一角。", None),
    ]
    assert len(art.paragraphs) == 2
