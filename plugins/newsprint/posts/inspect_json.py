"""The machine-readable view of segmentation printed by ``make inspect``.

Field names are a contract (scored by ``shared/tools/score_pages.py``): source,
title, kicker, subtitle, district, topics, kind, authors, date, captions, body,
slug, dropped.  Extra fields may be added, none renamed.  ``confidence`` says how sure
the cut is ({"boundary": …, "title": …}, see ``segment.BOUNDARY_CONFIDENCE``).
"""

from __future__ import annotations

from typing import Any

from ..models import Article, PageResult
from .write import body_markdown


def article_record(art: Article) -> dict[str, Any]:
    """One article as a JSON-ready dict."""
    return {
        "source": art.source,
        "title": art.title,
        "kicker": art.kicker,
        "subtitle": art.subtitle,
        "district": art.district,
        "topics": art.topics,
        "kind": art.kind,
        "authors": art.authors,
        "date": art.date,
        "paper": art.paper,
        "issue_date": art.issue_date,
        "page_no": art.page_no,
        "page_name": art.page_name,
        "page_evidence": art.page_evidence,
        "captions": [c.text for c in art.captions],
        "body": body_markdown(art),
        "slug": art.slug,
        "dropped": [{"text": d.text, "reason": d.reason, "line": d.line} for d in art.dropped],
        "photographers": [c.credit for c in art.captions if c.credit],
        "bylines": art.bylines,
        "credits": art.credits,
        "labels": art.labels,
        "keywords": art.keywords,
        "organisations": art.organisations,
        "projects": art.projects,
        "figures": art.figures,
        "lines": list(art.lines),
        "confidence": art.confidence,
        "evidence": art.evidence,
    }


def page_records(result: PageResult) -> list[dict[str, Any]]:
    """All articles of a page (an unreadable page gives one record with ``error``)."""
    if result.error:
        return [{"source": result.source, "error": result.error}]
    records = [article_record(a) for a in result.articles]
    if result.dropped and records:
        records[-1]["dropped"].extend(
            {"text": d.text, "reason": d.reason, "line": d.line} for d in result.dropped
        )
    return records
