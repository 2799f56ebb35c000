"""Markdown posts: escaping of page text and stable slugs."""

import markdown
from newsprint.models import Article, Caption, Paragraph, Role
from newsprint.slugs import article_slug
from newsprint.write import body_markdown, escape_markdown, post_markdown


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
