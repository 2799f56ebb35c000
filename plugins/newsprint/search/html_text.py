"""Article HTML → plain text, one paragraph a line: what the index and the figures read."""

from __future__ import annotations

from html.parser import HTMLParser


class _TextExtractor(HTMLParser):
    BREAKS = frozenset(
        {
            "p",
            "br",
            "div",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "figcaption",
            "tr",
            "blockquote",
            "figure",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an article body, one paragraph a line.

    >>> html_to_text("<p>巴南&amp;永川</p><p>第二段</p>")
    '巴南&永川\\n第二段'
    """
    parser = _TextExtractor()
    parser.feed(markup or "")
    parser.close()
    lines = (line.strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
