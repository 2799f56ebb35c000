"""Investment figures per district, as a Pelican generator.

After the articles are read, :class:`FiguresGenerator` reads every article's
text (its ``content`` HTML without tags), keeps the money amounts that are
investments (:func:`newsprint.tag.figures.is_investment`) and writes::

    figures/index.html          overview, one line per district  (figures_index.html)
    figures/<district-slug>.html table and an SVG bar chart over time  (figures.html)
    figures/figures.json        all rows
    figures/figures.csv         all rows

The article's category is its district; articles without one (未分区) have no
figures page. Every amount is shown with its measure and scope; a total is
formed per measure only from amounts that cannot overlap — each for one named
project, part of no other amount, each project counted once (:func:`totals`) —
and the page says so. Programme and period totals are listed, never added.
Links are relative and name files (``../articles/x.html``) so the site works
from ``file://``. The chart is passed to the template as numbers and labels, so
Jinja escapes every text in it; its SVG scales to the width of a 360 px phone.

Connect it with ``signals.get_generators.connect(get_generators)``.

>>> _bucket_key("2024-07-01", by_year=False), _bucket_key("2024-07-01", by_year=True)
('2024-07', '2024')
"""

from __future__ import annotations

import csv
import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..models import NO_DISTRICT
from ..search.html_text import (
    html_to_text,  # one reading of article HTML for the index and the figures
)
from ..tag.dates import iso_at_precision
from ..tag.districts import district_slug
from ..tag.figures import INVESTMENT_MEASURES, Measure, extract_figures, is_investment, summable

__all__ = [
    "FigureRow",
    "FiguresGenerator",
    "Total",
    "chart",
    "collect_rows",
    "get_generators",
    "totals",
]

log = logging.getLogger(__name__)

OUTPUT_DIR = "figures"
#: The chart counts months up to this span; longer spans would give bars too thin
#: to read at 360 px, so it counts years.
MAX_MONTHS = 24
#: Room (SVG units) left and right of the bars and below them for the labels, …
CHART_MARGIN = 30.0
#: … above the tallest bar for its value, …
VALUE_ROOM = 20.0
#: … and the share of each bar's slot the bar fills (the rest is the gap between bars).
BAR_SHARE = 0.7


@dataclass(frozen=True)
class FigureRow:
    """One investment figure, with the article it was read from.

    ``index`` is the amount's place among the article's amounts; ``part_of`` and
    ``restates`` point at another amount of the same article by that index.
    """

    district: str
    district_slug: str
    subject: str
    amount: float  # yuan
    unit_text: str
    label: str
    date: str  # YYYY-MM-DD, "" when the article has none
    title: str
    url: str  # the article's URL relative to the site root
    sentence: str
    measure: str = Measure.PLANNED.value
    scope: str = ""
    project: str = ""  # the named project, when the amount is one project's
    index: int = 0
    part_of: int | None = None
    restates: int | None = None
    summable: bool = False

    @property
    def amount_yi(self) -> str:
        """The amount in 亿元, for display."""
        return f"{self.amount / 1e8:,.2f}"


def _date(article: Any) -> str:
    """The article's date cut to the precision the page gives (YYYY, YYYY-MM or YYYY-MM-DD)."""
    precision = getattr(article, "date_precision", "day")
    return iso_at_precision(getattr(article, "date", None), precision)


def collect_rows(articles: Iterable[Any]) -> list[FigureRow]:
    """Investment figures of all articles (anything with content/category/title/url)."""
    rows: list[FigureRow] = []
    for a in articles:
        district = str(getattr(a, "category", "") or "")
        if not district or district == NO_DISTRICT:
            continue
        for i, f in enumerate(extract_figures(html_to_text(getattr(a, "content", "") or ""))):
            if not is_investment(f):
                continue
            rows.append(
                FigureRow(
                    district=district,
                    district_slug=district_slug(district),
                    subject=f.subject or f.label or "",
                    amount=f.amount,
                    unit_text=f.unit_text,
                    label=f.label,
                    date=_date(a),
                    title=html_to_text(str(getattr(a, "title", ""))),
                    url=str(getattr(a, "url", "")),
                    sentence=f.sentence,
                    measure=f.measure.value,
                    scope=f.scope.value,
                    project=f.project or "",
                    index=i,
                    part_of=f.part_of,
                    restates=f.restates,
                    summable=summable(f),
                )
            )
    rows.sort(key=lambda r: (r.district_slug, r.date, r.url))
    return rows


@dataclass(frozen=True)
class Total:
    """The sum of one measure's disjoint amounts, and the rows it adds up."""

    measure: str
    rows: tuple[FigureRow, ...]

    @property
    def total_yi(self) -> str:
        """The sum in 亿元, for display."""
        return f"{sum(r.amount for r in self.rows) / 1e8:,.2f}"


def totals(rows: Sequence[FigureRow]) -> list[Total]:
    """Per measure, the sum of the amounts that cannot overlap: summable rows
    (one named project each, part of nothing), each project once — its first
    report — so a project reported twice is not counted twice.

    >>> def row(project, amount, measure="计划总投资", ok=True):
    ...     return FigureRow("巴南区", "banan", project, amount, "", "", "2024", "t", "u", "s",
    ...                      measure=measure, project=project, summable=ok)
    >>> [(t.measure, t.total_yi, len(t.rows)) for t in totals([
    ...     row("A项目", 5e8), row("A项目", 5e8), row("B项目", 3e8),
    ...     row("", 290e8, ok=False), row("C项目", 2e8, "签约/合同")])]
    [('签约/合同', '2.00', 1), ('计划总投资', '8.00', 2)]
    """
    out = []
    for measure in INVESTMENT_MEASURES:
        first: dict[str, FigureRow] = {}
        for r in rows:
            if r.measure == measure.value and r.summable:
                first.setdefault(r.project, r)
        if first:
            out.append(Total(measure.value, tuple(first.values())))
    return out


def _bucket_key(date: str, by_year: bool) -> str:
    return date[:4] if by_year else date[:7]


@dataclass(frozen=True)
class Bar:
    """One bar of the chart, in SVG user units."""

    label: str
    total_yi: float
    x: float
    y: float
    width: float
    height: float


def chart(rows: Sequence[FigureRow], width: int = 360, height: int = 200) -> dict[str, Any]:
    """Bars of the summed amounts per month (per year when they span > 24 months).

    Give it the rows of one :class:`Total` only: it adds whatever it is given.

    >>> r = FigureRow("巴南区", "banan", "x", 5e9, "50亿元", "总投资", "2024-03-02", "t", "u", "s")
    >>> c = chart([r, r])
    >>> c["unit"], [(b.label, b.total_yi) for b in c["bars"]]
    ('month', [('2024-03', 100.0)])
    """
    dated = [r for r in rows if r.date]
    months = sorted({r.date[:7] for r in dated})
    # A row dated only to its year cannot go into a month: then the chart is by year.
    by_year = any(len(r.date) < 7 for r in dated)
    if months and not by_year:
        first, last = months[0], months[-1]
        span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])
        by_year = span > MAX_MONTHS
    sums: dict[str, float] = defaultdict(float)
    for r in dated:
        sums[_bucket_key(r.date, by_year)] += r.amount / 1e8
    keys = sorted(sums)
    top = max(sums.values(), default=0.0) or 1.0
    base = height - CHART_MARGIN
    slot = (width - 2 * CHART_MARGIN) / max(len(keys), 1)
    gap = slot * (1 - BAR_SHARE) / 2
    bars = []
    for i, k in enumerate(keys):
        h = (base - VALUE_ROOM) * sums[k] / top
        x = CHART_MARGIN + i * slot + gap
        bars.append(Bar(k, round(sums[k], 2), x, base - h, slot * BAR_SHARE, h))
    return {
        "unit": "year" if by_year else "month",
        "bars": bars,
        "width": width,
        "height": height,
        "baseline": base,
    }


class FiguresGenerator(Generator):
    """Writes the figures pages and data files after the articles are generated."""

    def generate_context(self) -> None:
        """Nothing to read: the figures come from the articles' context."""

    def generate_output(self, writer: Any) -> None:
        rows = collect_rows(self.context.get("articles", ()))
        out_dir = Path(self.output_path) / OUTPUT_DIR
        out_dir.mkdir(parents=True, exist_ok=True)
        self._write_data(rows, out_dir)

        by_district: dict[str, list[FigureRow]] = defaultdict(list)
        for r in rows:
            by_district[r.district].append(r)
        summary = []
        for name, rs in sorted(by_district.items(), key=lambda kv: kv[1][0].district_slug):
            sums = totals(rs)
            summary.append(
                {
                    "name": name,
                    "slug": rs[0].district_slug,
                    "href": f"{rs[0].district_slug}.html",
                    "count": len(rs),
                    "totals": [{"measure": t.measure, "total_yi": t.total_yi} for t in sums],
                }
            )
        writer.write_file(
            f"{OUTPUT_DIR}/index.html",
            self.get_template("figures_index"),
            self.context,
            relative_urls=True,
            districts=summary,
            page_name=f"{OUTPUT_DIR}/index",
        )
        for item in summary:
            rs = by_district[item["name"]]
            writer.write_file(
                f"{OUTPUT_DIR}/{item['slug']}.html",
                self.get_template("figures"),
                self.context,
                relative_urls=True,
                district=item["name"],
                district_slug=item["slug"],
                rows=_display_rows(rs),
                totals=[
                    {
                        "measure": t.measure,
                        "total_yi": t.total_yi,
                        "count": len(t.rows),
                        "chart": chart(t.rows),
                    }
                    for t in totals(rs)
                ],
                page_name=f"{OUTPUT_DIR}/{item['slug']}",
            )
        log.info("figures: %d rows in %d districts", len(rows), len(summary))

    @staticmethod
    def _write_data(rows: Sequence[FigureRow], out_dir: Path) -> None:
        records = [asdict(r) for r in rows]
        (out_dir / "figures.json").write_text(
            json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        fields = list(FigureRow.__dataclass_fields__)
        with (out_dir / "figures.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields)
            w.writeheader()
            w.writerows(records)


def _display_rows(rows: Sequence[FigureRow]) -> list[dict[str, Any]]:
    """Rows for the template, each with the amount it is part of or restates.

    >>> a = FigureRow("北碚区", "beibei", "完成投资", 2e10, "200亿元", "", "", "t", "u", "s")
    >>> b = FigureRow("北碚区", "beibei", "完成投资", 1e10, "100亿元", "", "", "t", "u", "s",
    ...               index=1, part_of=0)
    >>> [r["relation"] for r in _display_rows([a, b])]
    ['', '其中，属于 200亿元']
    """
    by_place = {(r.url, r.index): r for r in rows}
    out = []
    for r in rows:
        relation = ""
        if r.part_of is not None and (r.url, r.part_of) in by_place:
            relation = f"其中，属于 {by_place[r.url, r.part_of].unit_text}"
        elif r.restates is not None and (r.url, r.restates) in by_place:
            relation = f"重述 {by_place[r.url, r.restates].unit_text}"
        href = "../" + r.url
        out.append({**asdict(r), "amount_yi": r.amount_yi, "href": href, "relation": relation})
    return out


def get_generators(pelican_object: Any) -> type[FiguresGenerator]:
    """Receiver for Pelican's ``get_generators`` signal."""
    return FiguresGenerator
