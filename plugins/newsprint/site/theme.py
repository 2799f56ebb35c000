"""Theme support: the Jinja filters and each article's neighbours in its district.

Enable with ``"newsprint.site.theme"`` in PLUGINS (or connect the two receivers from the
main plugin).  The filters are also importable as ``JINJA_FILTERS`` from
:mod:`newsprint.site.jinja_filters` for a settings-only setup.

Previous/next in the same district: doing this in Jinja would scan every article
for every article page (quadratic in the size of the archive); here it is one pass
over Pelican's category lists.  Each article gets ``district_prev`` (the one
printed before it) and ``district_next`` (the one after), or ``None`` at either end.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..models import KIND_LABELS
from .jinja_filters import JINJA_FILTERS


def link_neighbours(articles: list[Any]) -> None:
    """Set ``district_prev``/``district_next`` on articles of one district.

    ``articles`` may come in any order; they are linked oldest → newest, with the
    slug breaking ties so the order is stable between builds.

    >>> from types import SimpleNamespace as A
    >>> a, b, c = A(date=1, slug="a"), A(date=2, slug="b"), A(date=2, slug="c")
    >>> link_neighbours([c, a, b])
    >>> a.district_prev, a.district_next.slug, c.district_prev.slug, c.district_next
    (None, 'b', 'b', None)
    """
    ordered = sorted(articles, key=lambda art: (art.date, art.slug))
    for i, art in enumerate(ordered):
        art.district_prev = ordered[i - 1] if i > 0 else None
        art.district_next = ordered[i + 1] if i + 1 < len(ordered) else None


def attach_district_neighbours(generator: Any) -> None:
    """``article_generator_finalized`` receiver: link every district's articles."""
    for _category, articles in generator.categories:
        link_neighbours(articles)


def add_jinja_filters(generator: Any) -> None:
    """``generator_init`` receiver: make the theme's filters (and the kind labels, for
    the search page's script) available to every template."""
    env = getattr(generator, "env", None)
    if env is not None:
        for name, func in JINJA_FILTERS.items():
            env.filters.setdefault(name, func)
        env.globals.setdefault("KIND_LABELS", KIND_LABELS)


def register() -> None:
    signals.generator_init.connect(add_jinja_filters)
    signals.article_generator_finalized.connect(attach_district_neighbours)
