"""Raw page bytes → text: detect the encoding, strip the BOM, normalise line endings.

Real archives hold UTF-8 (with or without BOM), GB18030/GBK and the odd UTF-16
file (with or without BOM).  Binary files, empty files and HTML pages are
refused with an error that names the file, so one bad page never stops the
build.  A page that is text but for a few damaged bytes is salvaged: each stray
NUL or invalid byte becomes U+FFFD and is reported with its byte offset, rather
than the whole page being lost.

>>> decode_page("巴南 新闻\\r\\n".encode("gb18030"), "p.txt")
'巴南 新闻\\n'
>>> decode_text("巴南区\\x00招商引资签约重大项目".encode(), "p.txt").notes
['p.txt: NUL byte at byte offset 9 replaced by U+FFFD']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from ..text import HAN_COMMON


class PageDecodeError(ValueError):
    """A raw page that cannot be read as newspaper text; the message names the file."""


@dataclass(frozen=True)
class Decoded:
    """Decoded page text, its encoding, and one note per repair made to get it."""

    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# A saved web page, not a text dump.  A stray tag inside a text page is kept and
# escaped later (the page then shows it as text).
_HTML_DOCUMENT = re.compile(r"<!doctype\s+html|<\s*(html|head|body)\b", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?>")
_CJK = re.compile(f"[{HAN_COMMON}]")
# Salvage only what is clearly damage: a handful of bad bytes in a page that is
# otherwise good text in that encoding (ten Han characters per bad byte at least).
_MAX_BAD = 16
_HAN_PER_BAD = 10
# How many byte offsets a note lists before it only counts.
_SHOWN_OFFSETS = 5
REPLACEMENT = "\ufffd"


def _salvage(data: bytes, encoding: str) -> tuple[str, list[int]] | None:
    """Decode ``data``, each undecodable byte run → U+FFFD; ``None`` if it is not damage.

    >>> _salvage(b"\\xe6\\x96\\xb0\\xff" + "闻".encode() * 10, "utf-8")[1]
    [3]
    """
    parts: list[str] = []
    bad: list[int] = []
    pos = 0
    while True:
        try:
            parts.append(data[pos:].decode(encoding))
            break
        except UnicodeDecodeError as exc:
            parts.append(data[pos : pos + exc.start].decode(encoding))
            parts.append(REPLACEMENT)
            bad.append(pos + exc.start)
            pos += exc.end
            if len(bad) > _MAX_BAD:
                return None
    text = "".join(parts)
    if bad and len(_CJK.findall(text)) < _HAN_PER_BAD * len(bad):
        return None
    return text, bad


def _offsets(what: str, offsets: list[int], name: str) -> str:
    """One note for the repairs of one kind, e.g. ``p.txt: NUL byte at byte offset 6 …``."""
    shown = ", ".join(str(o) for o in offsets[:_SHOWN_OFFSETS])
    more = f" and {len(offsets) - _SHOWN_OFFSETS} more" if len(offsets) > _SHOWN_OFFSETS else ""
    plural = "s" if len(offsets) > 1 else ""
    return f"{name}: {what}{plural} at byte offset{plural} {shown}{more} replaced by U+FFFD"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the NUL bytes sit where UTF-16 puts them.

    In UTF-16 every ASCII character (line breaks, digits) has a NUL high byte:
    on odd offsets for little-endian, on even ones for big-endian; only the few
    Han characters U+xx00 put a NUL on the other side.

    >>> _utf16_without_bom("新闻\\n2024\\n".encode("utf-16-le"))
    'utf-16-le'
    """
    if len(data) % 2:
        return None
    odd = sum(1 for i in range(1, len(data), 2) if data[i] == 0)
    even = sum(1 for i in range(0, len(data), 2) if data[i] == 0)
    for count, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if count >= 2 and other * 4 <= count:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _CJK.search(text):
                return encoding
    return None


def _decode(data: bytes, name: str) -> Decoded:
    """Pick the encoding and decode, salvaging a few bad bytes (see module docstring)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            salvaged = _salvage(data, encoding)
            if salvaged is None:
                raise PageDecodeError(f"{name}: not valid {encoding} text")
            text, bad = salvaged
            notes = [_offsets("invalid byte", bad, name)] if bad else []
            return Decoded(text, encoding, notes)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            note = f"{name}: read as {utf16.upper()} without a byte order mark"
            return Decoded(data.decode(utf16), utf16, [note])
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _CJK.search(text):
            return Decoded(text, "gb18030")
    except UnicodeDecodeError:
        pass
    for encoding in ("utf-8", "gb18030"):
        salvaged = _salvage(data, encoding)
        if salvaged is not None:
            text, bad = salvaged
            return Decoded(text, encoding, [_offsets(f"invalid {encoding} byte", bad, name)])
    best = from_bytes(data).best()
    if best is None:
        raise PageDecodeError(f"{name}: cannot detect the text encoding")
    return Decoded(str(best), best.encoding)


def _replace_nuls(decoded: Decoded, data: bytes, name: str) -> Decoded:
    """Stray NUL bytes in a single-byte-NUL encoding become U+FFFD, each reported."""
    if "\x00" not in decoded.text:
        return decoded
    offsets = [m.start() for m in re.finditer(b"\x00", data)]
    if (
        len(offsets) > _MAX_BAD
        or decoded.encoding.startswith("utf-16")
        or len(_CJK.findall(decoded.text)) < _HAN_PER_BAD * len(offsets)
    ):
        raise PageDecodeError(f"{name}: binary file ({len(offsets)} NUL bytes), not a page dump")
    notes = [*decoded.notes, _offsets("NUL byte", offsets, name)]
    return Decoded(decoded.text.replace("\x00", REPLACEMENT), decoded.encoding, notes)


def decode_text(data: bytes, name: str) -> Decoded:
    """Decode a raw page to text with ``\\n`` line endings, or raise :class:`PageDecodeError`."""
    if not data.strip():
        raise PageDecodeError(f"{name}: empty file")
    try:
        decoded = _replace_nuls(_decode(data, name), data, name)
    except (UnicodeDecodeError, LookupError) as exc:
        raise PageDecodeError(f"{name}: {exc}") from exc
    text = decoded.text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_DOCUMENT.search(text) or len(_HTML_TAG.findall(text)) > 20:
        raise PageDecodeError(f"{name}: looks like HTML, not a plain-text page dump")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(8, len(text) // 100):
        raise PageDecodeError(f"{name}: binary content ({controls} control characters)")
    if not _CJK.search(text):
        raise PageDecodeError(f"{name}: no Chinese text found (encoding {decoded.encoding}?)")
    return Decoded(text, decoded.encoding, decoded.notes)


def decode_page(data: bytes, name: str) -> str:
    """The text of :func:`decode_text`, for callers that need no repair notes."""
    return decode_text(data, name).text


def detect_encoding(data: bytes) -> str:
    """Name the encoding of ``data``: BOM first, then strict UTF-8, then GB18030, then a guess.

    >>> detect_encoding("新闻".encode("utf-8")), detect_encoding("新闻".encode("gbk"))
    ('utf-8', 'gb18030')
    """
    return _decode(data, "data").encoding
