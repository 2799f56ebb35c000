"""One raw page file → a :class:`PageResult`: decode, segment, clean, tag.

Errors in one page (bad encoding, binary, HTML) come back in ``PageResult.error``
and never stop the other pages.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from .dates import load_sidecar
from .decode import PageDecodeError, decode_page
from .models import PageResult
from .segment import segment_text
from .slugs import assign_slugs
from .tagging import tag_page

log = logging.getLogger(__name__)


def process_text(text: str, source: str, sidecar: Mapping | None = None) -> PageResult:
    """Segment and tag already-decoded page text."""
    result = segment_text(text, source)
    tag_page(result, text, sidecar)
    assign_slugs(result)
    return result


def process_file(path: Path) -> PageResult:
    """Read, decode and process one raw page; a bad file gives a result with ``error`` set."""
    try:
        text = decode_page(path.read_bytes(), path.name)
    except PageDecodeError as exc:
        return PageResult(source=path.name, error=str(exc))
    except OSError as exc:
        return PageResult(source=path.name, error=f"{path.name}: {exc.strerror or exc}")
    try:
        sidecar = load_sidecar(path)
    except ValueError as exc:
        return PageResult(source=path.name, error=f"{path.name}: bad sidecar: {exc}")
    try:
        return process_text(text, path.name, sidecar)
    except Exception as exc:  # a bug must cost one page, not the whole build
        log.exception("newsprint: %s: internal error", path.name)
        return PageResult(source=path.name, error=f"{path.name}: internal error: {exc!r}")
