"""A page's sidecar, checked field by field: a bad field costs that field only.

A sidecar (``NAME.meta.toml`` beside ``NAME.txt``) gives what the editor knows
about a page; see :mod:`newsprint.tag.dates` for the format.  A sidecar that cannot
be parsed is ignored whole, a field of the wrong type or with an impossible
value is ignored alone; either way the page is still imported (its date then
comes from its text) and the problem is reported with the sidecar's name.

>>> check_sidecar({"date": "0000", "paper": "巴南日报"}, "p.meta.toml").values
{'paper': '巴南日报'}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dates import load_sidecar, sidecar_date


@dataclass(frozen=True)
class Sidecar:
    """The usable fields of a sidecar and one ``"NAME: problem"`` line per ignored part."""

    values: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _field_problem(key: str, value: Any) -> str | None:
    """Why ``value`` cannot be used for ``key``, or ``None`` when it can."""
    if key == "date":
        try:
            sidecar_date(value)
        except ValueError as exc:
            return str(exc)
        return None
    if key == "paper":
        return None if isinstance(value, str) and value.strip() else "paper must be a name"
    if key == "page":
        ok = (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, str) and value.strip().isdigit()
        )
        return None if ok and int(value) > 0 else f"page {value!r} is not a page number"
    if key == "page_name":
        ok = isinstance(value, str) and 0 < len(value.strip()) <= 20 and "\n" not in value
        return None if ok else f"page_name {value!r} must be a short 版名 (20 characters at most)"
    return f"unknown key {key!r}"


def check_sidecar(data: Mapping[str, Any], name: str) -> Sidecar:
    """Keep the fields of ``data`` that can be used; report the others."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        problem = _field_problem(key, value)
        if problem:
            problems.append(f"{name}: {problem}; ignored")
        else:
            values[key] = value
    return Sidecar(values, problems)


def read_sidecar(path: Path | None) -> Sidecar:
    """Read and check the sidecar file at ``path`` (``None``: the page has none)."""
    if path is None:
        return Sidecar()
    try:
        data = load_sidecar(path)
    except (OSError, ValueError) as exc:
        return Sidecar(problems=[f"{path.name}: cannot be read, ignored: {exc}"])
    return check_sidecar(data or {}, path.name)
