"""Browse by paper, issue and page: the calendar, issue and paper pages.

* ``papers/index.html``: every paper, and the all-papers calendar;
* ``papers/<paper>/index.html``: its years, and the pages dated only to a month
  or year or not at all;
* ``papers/<paper>/<yyyy>.html``: twelve month grids, the days with an issue linked
  (like Chronicling America's calendar);
* ``papers/<paper>/<yyyy-mm-dd>.html``: the issue, its pages in order with the
  articles of each; previous/next issue;
* ``papers/<paper>/undated.html``: pages whose input gives no date (日期不详).

An issue page whose issue, pages and articles are as in the last build is taken
from it (:mod:`newsprint.site.reuse`); the paper, year and index pages are few
and always written.

The page views themselves are ``raw/<page>.html`` (:mod:`newsprint.site.source_pages`).
Links are relative, so the views work from ``file://`` and under a sub-path.
``<paper>`` is ``all`` for every paper together and ``unknown`` for pages whose
paper the input does not name.
"""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from .issues import PAPERS_DIR, Archive, Paper, build_archive
from .reuse import active, shape

CONTEXT_KEY = "newsprint_archive"


def attach_archive(generator: Any) -> None:
    """``article_generator_finalized`` receiver: build the archive model once, before
    any article page is written, so article pages can link to their page and issue."""
    generator.context[CONTEXT_KEY] = build_archive(list(generator.articles))


def drop_undated_periods(generator: Any) -> None:
    """``article_generator_finalized`` receiver: no year/month archive for a padded date.

    Pelican needs a date for every article, so an undated page's articles carry
    1970-01-01 (:meth:`newsprint.models.Article.date_value`); a period archive holding
    only such articles would publish ``archives/1970/``.  Those articles are listed
    under 日期不详 instead (``papers/<paper>/undated.html``, the archives page).
    """
    periods = getattr(generator, "period_archives", None)
    if not periods:
        return
    for granularity, archives in list(periods.items()):
        periods[granularity] = [
            a
            for a in archives
            if any(getattr(art, "date_precision", "day") != "unknown" for art in a["dates"])
        ]
    generator.context["period_archives"] = periods


class PaperViewsGenerator(Generator):
    """Writes the paper, calendar and issue pages from the archive model."""

    def generate_context(self) -> None:
        """The model is built when the articles are (see :func:`attach_archive`)."""

    def _write(self, writer: Any, path: str, template: str, **kwargs: Any) -> None:
        writer.write_file(
            path, self.get_template(template), self.context, relative_urls=True, **kwargs
        )

    def _paper(self, writer: Any, paper: Paper) -> None:
        years = paper.years()
        self._write(writer, paper.url, "paper", paper=paper, years=years, page_name=paper.url)
        for year in years:
            self._write(
                writer, year["url"], "paper_year", paper=paper, year=year, page_name=year["url"]
            )
        reuse = active(self.output_path)
        for issue in paper.issues:
            # the issue, its pages and their articles' titles and addresses, and the
            # paper's name and address: unchanged, the last build's page is taken
            fingerprint = reuse and reuse.fingerprint(issue.url, "issue", issue, shape(paper, 1))
            if reuse and reuse.take(issue.url, fingerprint):
                continue
            self._write(writer, issue.url, "issue", paper=paper, issue=issue, page_name=issue.url)
        if paper.undated:
            self._write(
                writer, paper.undated_url, "paper_undated", paper=paper, page_name=paper.undated_url
            )

    def generate_output(self, writer: Any) -> None:
        archive: Archive | None = self.context.get(CONTEXT_KEY)
        if archive is None:
            return
        index = f"{PAPERS_DIR}/index.html"
        self._write(writer, index, "papers", archive=archive, page_name=index)
        for paper in [archive.all, *archive.papers]:
            self._paper(writer, paper)


def get_generators(pelican_object: Any) -> type[PaperViewsGenerator]:
    return PaperViewsGenerator
