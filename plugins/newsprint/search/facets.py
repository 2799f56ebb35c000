"""District, year, kind, topics, paper, page and date of every document as base64
columns (facets-K.js)."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field

from .docs import SearchDoc


def date_number(date: str) -> int:
    """YYYYMMDD; a month or day the page does not give is 00.

    >>> date_number("2024-07"), date_number("")
    (20240700, 0)
    """
    return int(date.replace("-", "").ljust(8, "0")) if date else 0


def _b64(values: Sequence[int], width: int) -> str:
    """Unsigned little-endian integers of ``width`` bytes, base64 (decoded by search-core.js)."""
    data = b"".join(v.to_bytes(width, "little") for v in values)
    return base64.b64encode(data).decode("ascii")


@dataclass
class FacetTable:
    """District, year, kind and topics of every document, as numbers.

    Each column holds, per document, 1 + the index of its value in the value
    list (``districts``, ``years``, ``kinds``, ``topics`` in the manifest), 0
    for none; topics are a count per document (``n``) and the documents' topic
    numbers one after another (``t``). :meth:`encode` writes a range of
    documents as base64 columns of 1- or 2-byte integers (``facets-K.js``), so
    the browser filters and counts over typed arrays, loading only the chunks
    that hold results; ``w`` gives each column's width in bytes (1, 2 or 4).
    """

    districts: list[str]
    years: list[str]
    kinds: list[str]
    topics: list[str]
    rows: list[tuple[int, int, int, tuple[int, ...]]]
    # The paper and the page ("第3版 要闻") as 1 + their index in ``papers``/``pages``
    # (0: unknown), and the date as YYYYMMDD (:func:`date_number`) for date ranges.
    papers: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    extra: list[tuple[int, int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, docs: Sequence[SearchDoc]) -> FacetTable:
        districts = sorted({d.district for d in docs if d.district})
        years = sorted({d.date[:4] for d in docs if d.date})
        kinds = sorted({d.kind for d in docs if d.kind})
        topics = sorted({t for d in docs for t in d.topics})
        lists = (districts, years, kinds, topics)
        ix = [{v: i + 1 for i, v in enumerate(values)} for values in lists]
        rows = [
            (
                ix[0].get(d.district, 0),
                ix[1].get(d.date[:4], 0),
                ix[2].get(d.kind, 0),
                tuple(ix[3][t] for t in dict.fromkeys(d.topics)),
            )
            for d in docs
        ]
        papers = sorted({d.paper for d in docs if d.paper})
        pages = sorted({d.page for d in docs if d.page})
        px = {v: i + 1 for i, v in enumerate(papers)}
        gx = {v: i + 1 for i, v in enumerate(pages)}
        extra = [(px.get(d.paper, 0), gx.get(d.page, 0), date_number(d.date)) for d in docs]
        return cls(districts, years, kinds, topics, rows, papers, pages, extra)

    def values(self) -> dict[str, list[str]]:
        return {
            "districts": self.districts,
            "years": self.years,
            "kinds": self.kinds,
            "topics": self.topics,
            "papers": self.papers,
            "pages": self.pages,
        }

    def encode(self, start: int, stop: int) -> dict:
        rows = self.rows[start:stop]

        def width(top: int) -> int:
            return 1 if top < 256 else 2 if top < 65536 else 4

        columns = {
            "d": [r[0] for r in rows],
            "y": [r[1] for r in rows],
            "k": [r[2] for r in rows],
            "n": [len(r[3]) for r in rows],
            "t": [t for r in rows for t in r[3]],
            "P": [e[0] for e in self.extra[start:stop]],
            "g": [e[1] for e in self.extra[start:stop]],
            "D": [e[2] for e in self.extra[start:stop]],
        }
        widths = {c: width(max(v, default=0)) for c, v in columns.items()}
        return {"w": widths, **{c: _b64(v, widths[c]) for c, v in columns.items()}}
