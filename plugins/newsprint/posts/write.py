"""Article → Markdown post with Pelican metadata.

Page text is escaped: HTML special characters become entities and Markdown syntax
at the start of a line or inline is backslash-escaped, so a page that prints
``<script>`` or ``# `` renders it as text.

>>> escape_markdown("<b>1. 第一</b> *星*")
'&lt;b&gt;1. 第一&lt;/b&gt; \\\\*星\\\\*'
"""

from __future__ import annotations

import json
import re

from ..models import NO_DISTRICT, Article, Role
from .post_files import origin_value

# "#" too: a heading that ends in " #" would lose it as a closing marker.
_INLINE = re.compile(r"([\\`*_\[\]{}|#])")
# At the start of any line: list numbers ("1." "2)"), list and rule markers ("-" "+"),
# escaped with a backslash; "=" (a setext underline) is not escapable in
# Python-Markdown, so it becomes an entity.
_LIST_NUMBER = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)
_LINE_MARKER = re.compile(r"^(\s*)([+\-])", re.MULTILINE)
_UNDERLINE = re.compile(r"^(\s*)=", re.MULTILINE)
# ":" at the start of a line after a paragraph opens a definition (Markdown extra's
# def_list), and "\:" is not an escape there either: an entity.
_DEFINITION = re.compile(r"^(\s*):", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Make page text render literally in Markdown.

    >>> escape_markdown("=== 1) -")
    '&#61;== 1) -'
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    text = _LIST_NUMBER.sub(r"\1\2\\\3", text)
    text = _LINE_MARKER.sub(r"\1\\\2", text)
    text = _UNDERLINE.sub(r"\1&#61;", text)
    return _DEFINITION.sub(r"\1&#58;", text)


def body_markdown(art: Article) -> str:
    """The article body as Markdown: paragraphs, ``##`` headings, sidebars as quotes."""
    out: list[str] = []
    for p in art.paragraphs:
        text = escape_markdown(p.text)
        if p.role is Role.HEADING:
            out.append(f"## {text}")
        elif p.role is Role.SIDEBAR:
            out.append(f"> {text}")
        else:
            out.append(text)
    return "\n\n".join(out)


def _meta_value(value: str) -> str:
    """Metadata values are one line each; the theme escapes them when it renders them."""
    return " ".join(value.split())


def post_markdown(art: Article) -> str:
    """The whole post: metadata header, blank line, body."""
    meta: list[tuple[str, str]] = [
        ("Title", art.title),
        ("Date", art.date_value()),
        ("Slug", art.slug),
    ]
    if art.district:
        meta.append(("Category", art.district))
        if art.district_slug:
            meta.append(("District_slug", art.district_slug))
    else:
        meta.append(("Category", NO_DISTRICT))
    if art.topics:
        meta.append(("Tags", ", ".join(art.topics)))
    if art.authors:
        meta.append(("Authors", ", ".join(art.authors)))
    meta.append(("Kind", art.kind))
    if art.kicker:
        meta.append(("Kicker", art.kicker))
    if art.subtitle:
        meta.append(("Subtitle", art.subtitle))
    meta.append(("Summary", escape_markdown(art.summary)))
    meta.append(("Source", f"{art.source}:{art.lines[0]}-{art.lines[1]}"))
    meta.append(("Date_precision", art.date_precision()))
    # The page model: only what the sidecar, the folder or the masthead says.
    if art.paper:
        meta.append(("Paper", art.paper))
    if art.issue_date:
        meta.append(("Issue_date", art.issue_date))
    if art.page_no is not None:
        meta.append(("Page_no", str(art.page_no)))
    if art.page_name:
        meta.append(("Page_name", art.page_name))
    if art.captions:
        caps = [{"text": c.text, "credit": c.credit} for c in art.captions]
        meta.append(("Captions", json.dumps(caps, ensure_ascii=False)))
    if art.bylines:
        meta.append(("Bylines", json.dumps(art.bylines, ensure_ascii=False)))
    if art.credits:
        meta.append(("Credits", json.dumps(art.credits, ensure_ascii=False)))
    if art.keywords:
        meta.append(("Keywords", ", ".join(art.keywords)))
    if art.organisations:
        meta.append(("Organisations", json.dumps(art.organisations, ensure_ascii=False)))
    if art.projects:
        meta.append(("Projects", json.dumps(art.projects, ensure_ascii=False)))
    meta.append(("Origin", origin_value(art)))
    meta.append(("Locked", "false"))
    header = "\n".join(f"{k}: {_meta_value(v)}" for k, v in meta)
    return f"{header}\n\n{body_markdown(art)}\n"
