"""The raw page text as a readable HTML page, one anchor per line (``raw/NAME.html#L12``).

Each article links to the lines it was cut from.  The page is written decoded, as
UTF-8, so a GB18030 dump reads correctly in a browser; the original bytes are
written beside it (``raw/NAME.txt``) for download.  Only the pages the importer
reads are shown (:func:`newsprint.posts.rawfiles.scan_raw`): nothing else in the raw
folder reaches the site, and nothing there is published as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..cut.decode import PageDecodeError, decode_page
from ..posts.rawfiles import scan_raw
from ..settings import get_setting

OUTPUT_DIR = "raw"


def numbered_lines(text: str) -> list[dict[str, Any]]:
    """Lines with their 1-based numbers, as the importer counts them.

    >>> numbered_lines("甲\\n\\n乙")
    [{'number': 1, 'text': '甲'}, {'number': 2, 'text': ''}, {'number': 3, 'text': '乙'}]
    """
    return [{"number": i, "text": line} for i, line in enumerate(text.split("\n"), start=1)]


class SourcePagesGenerator(Generator):
    """Writes ``raw/NAME.html`` for every readable raw page."""

    def generate_context(self) -> None:
        """Nothing to add to the context: the pages only mirror the input."""

    def generate_output(self, writer: Any) -> None:
        base = Path(self.settings["PATH"]).resolve().parent
        raw_dir = base / get_setting(self.settings, "NEWSPRINT_RAW_DIR")
        if not raw_dir.is_dir():
            return
        template = self.get_template("source_page")
        for path in scan_raw(raw_dir, base).pages:
            try:
                data = path.read_bytes()
                text = decode_page(data, path.name)
            except (OSError, PageDecodeError):
                continue  # reported by the importer; there is nothing to show
            download = Path(self.output_path) / OUTPUT_DIR / path.name
            download.parent.mkdir(parents=True, exist_ok=True)
            download.write_bytes(data)
            writer.write_file(
                f"{OUTPUT_DIR}/{path.stem}.html",
                template,
                self.context,
                relative_urls=True,
                source_name=path.name,
                lines=numbered_lines(text),
                page_name=f"{OUTPUT_DIR}/{path.stem}",
            )


def get_generators(pelican_object: Any) -> type[SourcePagesGenerator]:
    return SourcePagesGenerator
