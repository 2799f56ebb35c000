import pytest
from newsprint.decode import PageDecodeError, decode_page

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
