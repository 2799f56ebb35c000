"""Raw page bytes → text: detect the encoding, strip the BOM, normalise line endings.

Real archives hold UTF-8 (with or without BOM), GB18030/GBK and the odd UTF-16
file.  Binary files, empty files and HTML pages are refused with an error that
names the file, so one bad page never stops the build.

>>> decode_page("巴南 新闻\\r\\n".encode("gb18030"), "p.txt")
'巴南 新闻\\n'
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes


class PageDecodeError(ValueError):
    """A raw page that cannot be read as newspaper text; the message names the file."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# A saved web page, not a text dump.  A stray tag inside a text page is kept and
# escaped later (the page then shows it as text).
_HTML_DOCUMENT = re.compile(r"<!doctype\s+html|<\s*(html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?>")
_CJK = re.compile(r"[\u3400-\u9fff]")


def detect_encoding(data: bytes) -> str:
    """Name the encoding of ``data``: BOM first, then strict UTF-8, then GB18030, then a guess.

    >>> detect_encoding("新闻".encode("utf-8")), detect_encoding("新闻".encode("gbk"))
    ('utf-8', 'gb18030')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _CJK.search(text):
            return "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise PageDecodeError("cannot detect the text encoding")
    return best.encoding


def decode_page(data: bytes, name: str) -> str:
    """Decode a raw page to text with ``\\n`` line endings, or raise :class:`PageDecodeError`."""
    if not data.strip():
        raise PageDecodeError(f"{name}: empty file")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PageDecodeError(f"{name}: binary file (NUL bytes), not a page dump")
    try:
        encoding = detect_encoding(data)
        text = data.decode(encoding)
    except (PageDecodeError, UnicodeDecodeError, LookupError) as exc:
        raise PageDecodeError(f"{name}: {exc}") from exc
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_DOCUMENT.search(text) or len(_HTML_TAG.findall(text)) > 20:
        raise PageDecodeError(f"{name}: looks like HTML, not a plain-text page dump")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(8, len(text) // 100):
        raise PageDecodeError(f"{name}: binary content ({controls} control characters)")
    if not _CJK.search(text):
        raise PageDecodeError(f"{name}: no Chinese text found (encoding {encoding}?)")
    return text
