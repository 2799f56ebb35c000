import pytest
from newsprint.cut.decode import PageDecodeError, decode_page, decode_text

TEXT = "巴南 一切围绕招商转\n\n2023年是巴南全区招商系统迎难而上的一年。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.encode("utf-16"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "crlf", "utf16"],
)
def test_encodings_and_line_endings_decode_to_the_same_text(data):
    assert decode_page(data, "p.txt") == TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("<html><body><p>巴南新闻</p></body></html>".encode(), "HTML"),
        (b"plain ascii text without any chinese", "no Chinese"),
    ],
)
def test_bad_input_is_refused_with_the_file_name(data, message):
    with pytest.raises(PageDecodeError) as err:
        decode_page(data, "bad_page.txt")
    assert "bad_page.txt" in str(err.value)
    assert message in str(err.value)


def test_a_stray_tag_in_a_text_page_is_kept_for_escaping():
    text = decode_page("正文里有<script>alert(1)</script>字样。".encode(), "p.txt")
    assert "<script>" in text


# --- salvage: a few damaged bytes cost those bytes, not the page --------------------

LONG = TEXT * 3


def test_a_stray_nul_is_replaced_and_reported_with_its_byte_offset():
    data = LONG.encode()
    at = data.index("招".encode())
    decoded = decode_text(data[:at] + b"\x00" + data[at:], "p.txt")
    assert decoded.text == LONG[: LONG.index("招")] + "\ufffd" + LONG[LONG.index("招") :]
    assert decoded.notes == [f"p.txt: NUL byte at byte offset {at} replaced by U+FFFD"]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_one_invalid_byte_is_replaced_and_reported_with_its_byte_offset(encoding):
    data = LONG.encode(encoding)
    at = data.index("招".encode(encoding))
    decoded = decode_text(data[:at] + b"\xff" + data[at:], "p.txt")
    assert decoded.encoding == encoding
    assert decoded.text.replace("\ufffd", "", 1) == LONG
    assert len(decoded.notes) == 1 and f"byte offset {at} " in decoded.notes[0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(encoding):
    decoded = decode_text(LONG.encode(encoding), "p.txt")
    assert decoded.text == LONG
    assert decoded.notes == [f"p.txt: read as {encoding.upper()} without a byte order mark"]


def test_a_page_with_many_nuls_is_still_binary():
    data = bytes(range(256)) * 4 + "巴南".encode()
    with pytest.raises(PageDecodeError, match="binary"):
        decode_page(data, "p.txt")
