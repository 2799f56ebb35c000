"""What a reader sees: display fixes applied to articles as Pelican reads them.

Each fixer is a small ``str -> str`` function; :func:`prepare_article` (a
``content_object_init`` receiver) applies them to the displayed fields. The
Markdown posts and the raw page view (``raw/NAME.html``) keep the text exactly
as printed: only what the article pages, lists and search show changes.

* :func:`fullwidth_punctuation`: a half-width ``, ; : ? !`` between Han
  characters (an OCR or typesetting slip) becomes the full-width mark.
* :func:`strip_print_markers`: ``□`` ``■`` and similar layout markers that
  stand in front of a byline ("□记者 张三") are dropped.
* :func:`summary_of`: a summary ends at a sentence end outside quotes, with its
  quotes balanced, and takes the next sentence too while shorter than
  :data:`MIN_SUMMARY` characters.
"""

from __future__ import annotations

import html
import re
from typing import Any

from ..text import HAN, SENTENCE_ENDS

#: Half-width marks and the full-width forms they take between Han characters.
FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
#: Han characters and the full-width marks that may stand before or after such a slip.
_CJK_SIDE = f"[{HAN}“”‘’「」『』（）《》、，。；：？！]"
# A number or percentage may end the clause before the mark ("32.9%,对"), but a
# digit after it means a number ("1,000"), which stays as printed.
_BEFORE_SLIP = f"[{HAN}“”‘’「」『』（）《》、，。；：？！0-9%]"
_HALF_BETWEEN_HAN = re.compile(f"(?<={_BEFORE_SLIP})[ \u3000]*([,;:?!])[ \u3000]*(?={_CJK_SIDE})")
#: Print markers: boxes and triangles typeset before bylines and section labels.
PRINT_MARKERS = "□■◆◇▲△▼▽"
_MARKERS = re.compile(f"[{PRINT_MARKERS}]+[ \u3000]*")

OPENING = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》", "（": "）"}
CLOSING = frozenset(OPENING.values())
#: A summary shorter than this says nothing ("开好局、起好步。"): take the next sentence too.
MIN_SUMMARY = 15


def fullwidth_punctuation(text: str) -> str:
    """Half-width ``, ; : ? !`` between Han characters made full-width.

    Numbers, Latin text and the marks around them stay as they are.

    >>> fullwidth_punctuation("巴南,永川;大足? 好!“是”")
    '巴南，永川；大足？好！“是”'
    >>> fullwidth_punctuation("1,000 元, CDMO: 5G; 12:30")
    '1,000 元, CDMO: 5G; 12:30'
    >>> fullwidth_punctuation("占比32.9%,对增长贡献率为38.6%。")
    '占比32.9%，对增长贡献率为38.6%。'
    """
    return _HALF_BETWEEN_HAN.sub(lambda m: FULLWIDTH[m.group(1)], text)


def strip_print_markers(text: str) -> str:
    """A byline without the layout marks printed in front of it.

    >>> strip_print_markers("□本报记者 张三 ■李四")
    '本报记者 张三 李四'
    """
    return _MARKERS.sub("", text).strip()


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph: each ends at 。！？ outside any quote, with the
    closing quotes that follow it; the rest of the paragraph is the last one.

    >>> sentences("他说：“引进来。走出去！”这是第一句。第二句")
    ['他说：“引进来。走出去！”这是第一句。', '第二句']
    >>> sentences("“顺藤摸瓜引进来，”他说。")
    ['“顺藤摸瓜引进来，”他说。']
    """
    out: list[str] = []
    stack: list[str] = []
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in OPENING:
            stack.append(OPENING[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in SENTENCE_ENDS and not stack:
            i += 1
            while i < len(text) and (text[i] in CLOSING or text[i] in SENTENCE_ENDS):
                i += 1
            out.append(text[start:i])
            start = i
            continue
        i += 1
    if text[start:].strip():
        out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def summary_of(text: str, min_chars: int = MIN_SUMMARY) -> str:
    """The first sentences of a paragraph, at least ``min_chars`` long.

    >>> summary_of("开好局、起好步。全区签约项目42个，总投资300亿元。其余从略。")
    '开好局、起好步。全区签约项目42个，总投资300亿元。'
    >>> summary_of("“顺藤摸瓜引进来，以商招商走出去。”这是巴南的经验。后文。")
    '“顺藤摸瓜引进来，以商招商走出去。”这是巴南的经验。'
    """
    taken = ""
    for sentence in sentences(text):
        taken += sentence
        if len(taken) >= min_chars:
            break
    return taken


# --- Pelican glue -----------------------------------------------------------------

_TEXT_BETWEEN_TAGS = re.compile(r">([^<]+)<")
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)


def _fix_html_text(markup: str) -> str:
    """fullwidth_punctuation on the text of an HTML fragment, never inside its tags."""
    return _TEXT_BETWEEN_TAGS.sub(lambda m: ">" + fullwidth_punctuation(m.group(1)) + "<", markup)


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup)).strip()


def better_summary(summary_html: str, content_html: str) -> str:
    """The summary to show: a summary cut from the first paragraph (as the importer
    writes it) is taken again with :func:`summary_of`; one an editor wrote is kept.

    >>> better_summary("<p>开好局、起好步。</p>", "<p>开好局、起好步。全区签约项目42个。</p>")
    '<p>开好局、起好步。全区签约项目42个。</p>'
    >>> better_summary("<p>编辑写的摘要</p>", "<p>开好局、起好步。</p>")
    '<p>编辑写的摘要</p>'
    """
    first = _FIRST_PARAGRAPH.search(content_html or "")
    plain = _plain(summary_html or "")
    if not first or not plain:
        return summary_html
    paragraph = _plain(first.group(1))
    if not paragraph.startswith(plain):
        return summary_html
    return f"<p>{html.escape(summary_of(paragraph), quote=False)}</p>"


def prepare_article(content: Any) -> None:
    """``content_object_init`` receiver: the display fixes on one article."""
    meta = getattr(content, "metadata", None)
    if meta is None or not hasattr(content, "_content"):
        return
    content._content = _fix_html_text(content._content or "")
    for key in ("title", "kicker", "subtitle"):
        value = meta.get(key)
        if isinstance(value, str):
            meta[key] = fullwidth_punctuation(value)
            setattr(content, key, meta[key])
    if isinstance(meta.get("summary"), str):
        meta["summary"] = better_summary(_fix_html_text(meta["summary"]), content._content)
        content._summary = meta["summary"]  # Pelican writes _summary back into the metadata
    if isinstance(meta.get("captions"), str):  # JSON: its own quotes and commas are ASCII
        meta["captions"] = fullwidth_punctuation(meta["captions"])
        content.captions = meta["captions"]
    for key in ("bylines", "credits"):
        if isinstance(meta.get(key), str):
            meta[key] = strip_print_markers(meta[key])
            setattr(content, key, meta[key])
