"""Markdown posts: escaping of page text and stable slugs."""

import markdown
import pytest
from newsprint.models import Article, Caption, PageResult, Paragraph, Role
from newsprint.posts.slugs import article_slug, assign_slugs, pinyin_slug
from newsprint.posts.write import body_markdown, escape_markdown, post_markdown


def render(text: str) -> str:
    return markdown.markdown(text)


def test_html_in_page_text_renders_as_text():
    html = render(escape_markdown("正文<script>alert('x')</script>结束"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_markdown_syntax_in_page_text_renders_as_text():
    for text in (
        "# 不是标题",
        "1. 不是列表",
        "- 不是列表",
        "*不是强调*",
        "[不是](链接)",
        "> 不是引用",
    ):
        html = render(escape_markdown(text))
        for tag in ("<h1>", "<ol>", "<ul>", "<em>", "<a ", "<blockquote>"):
            assert tag not in html, (text, html)


def test_headings_and_sidebars_are_marked():
    art = Article(
        source="p.txt",
        paragraphs=[
            Paragraph("正文。"),
            Paragraph("小标题", Role.HEADING),
            Paragraph("链接内容。", Role.SIDEBAR),
        ],
    )
    assert body_markdown(art) == "正文。\n\n## 小标题\n\n> 链接内容。"


def test_post_metadata_is_one_line_each_and_captions_are_json():
    art = Article(
        source="p.txt",
        title="标题",
        slug="biao-ti-abcdef",
        paragraphs=[Paragraph("正文。")],
        captions=[Caption("重庆国际生物城", "李攀", "摄/李攀")],
        lines=(3, 9),
    )
    head = post_markdown(art).split("\n\n", 1)[0].splitlines()
    meta = dict(line.split(": ", 1) for line in head)
    assert meta["Captions"] == '[{"text": "重庆国际生物城", "credit": "李攀"}]'
    assert meta["Source"] == "p.txt:3-9"
    assert meta["Locked"] == "false"


def test_slugs_are_ascii_and_stable():
    a = article_slug("001.txt", "百日招商引资290亿元背后的故事", 1)
    assert a == article_slug("001.txt", "百日招商引资290亿元背后的故事", 1)
    assert a.isascii()
    assert a != article_slug("002.txt", "百日招商引资290亿元背后的故事", 1)


def test_a_heading_ending_in_a_hash_keeps_it():
    for heading in ("第二部分 #", "话题 ##", "#话题#"):
        art = Article(source="p.txt", paragraphs=[Paragraph(heading, Role.HEADING)])
        html = render(body_markdown(art))
        assert html == f"<h2>{heading}</h2>", html


def test_slugs_keep_numbers_and_latin_words_whole():
    assert pinyin_slug("百日招商引资290亿元背后的故事") == (
        "bai-ri-zhao-shang-yin-zi-290-yi-yuan-bei-hou-de-gu-shi"
    )
    assert pinyin_slug("诗健ADC抗体药物研发及产业化项目").startswith("shi-jian-adc-kang-ti")
    assert pinyin_slug("５G基站") == "5g-ji-zhan"


def test_article_slug_depends_on_page_and_title_only():
    """An article's URL is a function of its page file and its headline: not of
    its position on the page, its district or any other tagging."""
    slug = article_slug("001.txt", "百日招商引资290亿元背后的故事", 1)
    assert article_slug("001.txt", "百日招商引资290亿元背后的故事", 7) == slug


@pytest.mark.parametrize(
    ("source", "title", "slug"),
    [
        ("001_x.txt", "遗失启事", "yi-shi-qi-shi-e6240f"),
        (
            "000_ea66817ae69c99c6.txt",
            "一切围绕招商转 一切围绕项目干",
            "yi-qie-wei-rao-zhao-shang-zhuan-yi-qie-wei-rao-addafc",
        ),
        ("p.txt", "巴南区2024年GDP增长6.1%", "ba-nan-qu-2024-nian-gdp-zeng-zhang-6-1-cb431e"),
    ],
)
def test_published_article_slugs_never_change(source, title, slug):
    """Pinned values: a change to the slug scheme (hash input, pinyin style, length
    cut) would move every published article, so it must show up here first."""
    assert article_slug(source, title, 1) == slug


def test_same_headline_twice_is_told_apart_by_text_not_place():
    def page(*bodies: str) -> PageResult:
        arts = [Article("p.txt", title, paragraphs=[Paragraph(b)]) for title, b in bodies]
        result = PageResult("p.txt", arts)
        assign_slugs(result)
        return result

    notices = [("遗失启事", "张三遗失身份证。"), ("遗失启事", "李四遗失营业执照。")]
    before = [a.slug for a in page(*notices).articles]
    after = [a.slug for a in page(("巴南新闻", "正文。"), *notices).articles[1:]]
    assert before == after and len(set(before)) == 2


def test_a_paragraph_starting_with_a_colon_is_not_a_definition():
    """Pelican's Markdown has 'extra', whose definition lists start with ':'."""
    art = Article(source="p.txt", paragraphs=[Paragraph("第一段。"), Paragraph(": :")])
    html = markdown.markdown(body_markdown(art), extensions=["extra"])
    assert "<dl>" not in html and "<p>&#58; :</p>" in html, html
