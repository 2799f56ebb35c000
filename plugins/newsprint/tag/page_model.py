"""The page model: which paper, which day's issue, which page (版次/版名) a raw page is.

Each field is taken from the strongest evidence that gives it, in this order:

1. the sidecar (``paper``, ``date``, ``page``, ``page_name``; checked by
   :mod:`newsprint.tag.sidecar`);
2. the folder the page sits in: ``content/raw/<paper>/<yyyy-mm-dd>/<page>.txt``
   (:func:`folder_facts`);
3. the page's own masthead and running heads (:mod:`newsprint.tag.masthead`);
4. otherwise unknown (``None``): nothing is ever guessed.

``evidence`` records, per field, where it came from ("sidecar", "folder" or the
furniture line it was read from).

>>> f = page_facts({"paper": "巴南日报"}, folder_facts("巴南日报/2023-04-20/03.txt"), "第3版 要闻")
>>> f.paper, f.issue_date, f.page_no, f.page_name, f.evidence["page_name"]
('巴南日报', '2023-04-20', 3, '要闻', 'masthead: 第3版 要闻')
>>> page_facts(None, {}, "正文。").paper is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from .dates import sidecar_date
from .masthead import chinese_number, read_masthead

FIELDS = ("paper", "issue_date", "page_no", "page_name")
# A page file in a paper's folder: "3.txt", "03.txt", "第3版.txt", "03_要闻.txt" (a 版名
# is Chinese: "001_8b2535a6.txt" is a scan's name, no page).  "A3.txt" (an edition's
# letter) gives no number.
_PAGE_FILE = re.compile(
    r"^(?:第\s*)?([A-Za-z]?)0*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*(?:版)?"
    r"(?:\s*[-_ ·：:]\s*([\u4e00-\u9fff][\u4e00-\u9fff·A-Za-z0-9]{0,11}))?$"
)


@dataclass(frozen=True)
class PageFacts:
    """Paper, issue date (YYYY-MM-DD, YYYY-MM or YYYY), page number and name of one page."""

    paper: str | None = None
    issue_date: str | None = None
    page_no: int | None = None
    page_name: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()  # a folder name that could not be read, say

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in FIELDS}


def folder_facts(rel_path: str) -> dict[str, Any]:
    """What a page's place under the raw folder says: ``<paper>/<yyyy-mm-dd>/<page>.txt``.

    A flat file (``content/raw/NAME.txt``) says nothing; a folder that is a date
    gives the date, any other folder the paper; the file of a page in such a folder
    gives its number (and name, ``03_要闻.txt``).  A folder or file name that
    cannot be read gives ``problem`` and nothing for that field.

    >>> folder_facts("巴南日报/2023-04-20/03_要闻.txt")
    {'paper': '巴南日报', 'date': '2023-04-20', 'page': 3, 'page_name': '要闻'}
    >>> folder_facts("000_ea66817ae69c99c6.txt")
    {}
    >>> folder_facts("永川日报/2024-13-01/1.txt")["problem"]
    "folder '2024-13-01': sidecar date '2024-13-01' is not a real date (month must be in 1..12)"
    """
    parts = PurePosixPath(rel_path).parts
    if len(parts) < 2:
        return {}
    facts: dict[str, Any] = {}
    for folder in parts[:-1]:
        if re.fullmatch(r"\d{4}(-\d{1,2}){0,2}", folder):
            try:
                facts["date"] = sidecar_date(folder).value
            except ValueError as exc:
                facts["problem"] = f"folder {folder!r}: {exc}"
        else:
            facts["paper"] = folder
    stem = PurePosixPath(parts[-1]).stem
    m = _PAGE_FILE.match(stem)
    number = chinese_number(m.group(2)) if m else None
    if m and number and not m.group(1):
        facts["page"] = number
        if m.group(3):
            facts["page_name"] = m.group(3).strip()
    return facts


def _date_of(value: Any) -> str:
    return sidecar_date(value).value


def page_facts(
    sidecar: Mapping[str, Any] | None, folder: Mapping[str, Any] | None, text: str
) -> PageFacts:
    """Decide each field from the sidecar, then the folder, then the masthead."""
    sidecar = sidecar or {}
    folder = folder or {}
    masthead = read_masthead(text)
    values: dict[str, Any] = {}
    evidence: dict[str, str] = {}
    sources = (
        ("sidecar", sidecar, ("paper", "date", "page", "page_name")),
        ("folder", folder, ("paper", "date", "page", "page_name")),
    )
    names = dict(zip(("paper", "date", "page", "page_name"), FIELDS, strict=True))
    for label, data, keys in sources:
        for key in keys:
            name = names[key]
            if name in values or data.get(key) in (None, ""):
                continue
            value = data[key]
            if name == "issue_date":
                value = _date_of(value)
            elif name == "page_no":
                value = int(value)
            elif isinstance(value, str):
                value = value.strip()
            values[name] = value
            evidence[name] = label
    from_masthead = {
        "paper": masthead.paper,
        "issue_date": masthead.date,
        "page_no": masthead.page_no,
        "page_name": masthead.page_name,
    }
    keys = {"paper": "paper", "issue_date": "date", "page_no": "page_no", "page_name": "page_name"}
    for name, value in from_masthead.items():
        if name not in values and value is not None:
            values[name] = value
            evidence[name] = f"masthead: {masthead.evidence(keys[name])}"
    problems = (folder["problem"],) if folder.get("problem") else ()
    return PageFacts(**values, evidence=evidence, problems=problems)
