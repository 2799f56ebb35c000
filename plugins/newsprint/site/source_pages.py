"""The page view: the raw page text as HTML, one anchor per line (``raw/NAME.html#L12``).

Every article's whole span is marked and linked to the article (``#s-<slug>``
anchors the span, so an article links to all of its lines); the page lists its
articles in reading order and links to the previous/next page and issue
(:mod:`newsprint.site.issues`).  The page is written decoded, as
UTF-8, so a GB18030 dump reads correctly in a browser.  The text is stored once,
in the view: its "下载文本" link saves the view's lines as a UTF-8 file
(``theme/js/site.js``); no copy of the raw bytes is published.  Only the pages
the importer reads are shown (:func:`newsprint.posts.rawfiles.scan_raw`): nothing
else in the raw folder reaches the site, and nothing there is published as it is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..cut.decode import PageDecodeError, decode_page
from ..posts.rawfiles import scan_raw
from ..settings import get_setting
from .issues import PageView
from .paper_views import CONTEXT_KEY
from .reuse import active

OUTPUT_DIR = "raw"


def numbered_lines(text: str) -> list[dict[str, Any]]:
    """Lines with their 1-based numbers, as the importer counts them.

    >>> numbered_lines("甲\\n\\n乙")
    [{'number': 1, 'text': '甲'}, {'number': 2, 'text': ''}, {'number': 3, 'text': '乙'}]
    """
    return [{"number": i, "text": line} for i, line in enumerate(text.split("\n"), start=1)]


def line_runs(lines: list[dict[str, Any]], page: PageView | None) -> list[dict[str, Any]]:
    """The lines cut into runs: each run is inside one article's span, or outside all.

    A run inside a span carries the article; the first run of each article carries
    its span anchor (``span_id``).  Where spans overlap, the article that starts
    later (the inner one) holds the line.

    >>> from types import SimpleNamespace as A
    >>> art = A(slug="x", span_id="s-x", metadata={"source": "p.txt:2-3"})
    >>> page = A(articles=[art])
    >>> [(len(r["lines"]), r["article"] is art, r["anchor"]) for r in line_runs(
    ...     numbered_lines("a\\nb\\nc\\nd"), page)]
    [(1, False, None), (2, True, 's-x'), (1, False, None)]
    """
    from .issues import span_of

    owner: dict[int, Any] = {}
    for art in page.articles if page else []:
        _, first, last = span_of(art)
        for n in range(first, last + 1):
            owner[n] = art
    runs: list[dict[str, Any]] = []
    anchored: set[int] = set()
    for line in lines:
        art = owner.get(line["number"])
        if runs and runs[-1]["article"] is art:
            runs[-1]["lines"].append(line)
            continue
        anchor = None
        if art is not None and id(art) not in anchored:
            anchored.add(id(art))
            anchor = art.span_id
        runs.append({"article": art, "anchor": anchor, "lines": [line]})
    return runs


def digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


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
        archive = self.context.get(CONTEXT_KEY)
        views = {p.source: p for p in archive.pages} if archive else {}
        scan = scan_raw(raw_dir, base)
        reuse = active(self.output_path)
        for path in scan.pages:
            name = scan.page_names[path]
            stem = name.removesuffix(".txt")
            try:
                data = path.read_bytes()
            except OSError:
                continue  # reported by the importer; there is nothing to show
            page = views.get(name)
            html = f"{OUTPUT_DIR}/{stem}.html"
            # unchanged bytes and view: the last build's page (newsprint.site.reuse)
            if reuse and reuse.take(html, reuse.fingerprint(html, path.name, digest(data), page)):
                continue
            try:
                text = decode_page(data, path.name)
            except PageDecodeError:
                continue  # reported by the importer; there is nothing to show
            writer.write_file(
                html,
                template,
                self.context,
                relative_urls=True,
                source_name=name,
                file_name=path.name,
                view=page,
                runs=line_runs(numbered_lines(text), page),
                page_name=f"{OUTPUT_DIR}/{stem}",
            )


def get_generators(pelican_object: Any) -> type[SourcePagesGenerator]:
    return SourcePagesGenerator
