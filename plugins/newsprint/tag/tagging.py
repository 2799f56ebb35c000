"""Tagging stage: district, topics, keywords and date for the articles of a page.

The extractors live in their own modules (districts, topics, dates); this module
only applies them to a page.  Articles of one page share the page's date.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..models import PageResult
from .dates import page_date
from .districts import detect_district, district_slug
from .figures import extract_figures, extract_organisations, extract_projects
from .page_model import page_facts
from .places import is_place
from .topics import assign_topics, keywords


def tag_page(
    result: PageResult, text: str, sidecar: Mapping | None = None, folder: Mapping | None = None
) -> None:
    """Fill district, topics, keywords, date and the page model of every article of ``result``.

    ``folder`` is what the page's place under the raw folder says
    (:func:`newsprint.tag.page_model.folder_facts`). The issue date, when the sidecar,
    the folder or the masthead gives it, is every article's date; otherwise the
    date comes from the text (:func:`newsprint.tag.dates.page_date`).
    """
    facts = page_facts(sidecar, folder, text)
    result.warnings += [f"{result.source}: {p}; ignored" for p in facts.problems]
    date = page_date(text, {"date": facts.issue_date} if facts.issue_date else None)
    date_evidence = facts.evidence.get("issue_date") if facts.issue_date else None
    for art in result.articles:
        body = art.body_text
        title = " ".join(t for t in (art.kicker, art.title, art.subtitle) if t)
        labels = [label.strip("【】[]［］ ") for label in art.labels]  # "【巴南】" → "巴南"
        guess = detect_district(art.title, body, art.bylines, labels)
        if guess is not None:
            art.district = guess.name
            art.district_slug = district_slug(guess.name)
        if art.kind in ("news", "photo"):
            art.topics = assign_topics(title, body)
            # Free keywords complement the taxonomy: no district or topic names again.
            art.keywords = [
                k for k in keywords(title, body) if not is_place(k) and k not in art.topics
            ]
        if art.kind == "news" or art.kind == "photo":
            art.organisations = extract_organisations(body)
            art.projects = extract_projects(body)
            art.figures = [
                {
                    "subject": f.subject,
                    "amount": f.amount,
                    "text": f.unit_text,
                    "label": f.label,
                    "measure": f.measure.value,
                    "scope": f.scope.value,
                    "part_of": f.part_of,
                    "restates": f.restates,
                }
                for f in extract_figures(body)
            ]
        if date is not None:
            art.date = date.value
            art.date_evidence = date_evidence or date.evidence
        art.paper, art.issue_date = facts.paper, facts.issue_date
        art.page_no, art.page_name = facts.page_no, facts.page_name
        art.page_evidence = dict(facts.evidence)
