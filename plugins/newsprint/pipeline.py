"""One raw page → a :class:`PageResult`: decode, segment, clean, tag.

Errors in one page (bad encoding, binary, HTML, over the size limit) come back in
``PageResult.error``
and never stop the other pages; repairs that cost part of a page (salvaged
bytes, controls taken out of headlines, ignored sidecar fields) come back in
``PageResult.warnings``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

from .cut.controls import clean_headlines
from .cut.decode import PageDecodeError, decode_text
from .cut.segment import segment_text
from .models import PageResult
from .posts.rawfiles import sidecar_names
from .posts.slugs import assign_slugs
from .tag.page_model import folder_facts
from .tag.sidecar import Sidecar, read_sidecar
from .tag.tagging import tag_page

log = logging.getLogger(__name__)

#: The largest page read, in bytes (``NEWSPRINT_MAX_PAGE_BYTES`` in the environment
#: changes it).  A printed page's text is 10–40 KB; segmenting grows faster than the
#: page (0.4 s for 128 KB, 4.8 s for 512 KB, 16 s for 1 MB), so a bigger file — a
#: whole issue or a year pasted into one — is refused with a message naming it,
#: and costs no time: split it into pages at blank lines.
MAX_PAGE_BYTES = 512 * 1024


def max_page_bytes() -> int:
    value = os.environ.get("NEWSPRINT_MAX_PAGE_BYTES", "")
    return int(value) if value.strip().isdigit() and int(value) > 0 else MAX_PAGE_BYTES


def size_error(name: str, size: int) -> str | None:
    """Why a page of ``size`` bytes is not read, or ``None``.

    >>> size_error("p.txt", 900_000).split(";")[0]
    'p.txt: 900,000 bytes, over the 524,288 a page may have (NEWSPRINT_MAX_PAGE_BYTES)'
    >>> size_error("p.txt", 9_000) is None
    True
    """
    limit = max_page_bytes()
    if size <= limit:
        return None
    return (
        f"{name}: {size:,} bytes, over the {limit:,} a page may have "
        "(NEWSPRINT_MAX_PAGE_BYTES); not imported: split it into pages at blank lines"
    )


def process_text(
    text: str, source: str, sidecar: Mapping | None = None, folder: Mapping | None = None
) -> PageResult:
    """Segment, clean and tag already-decoded page text.

    ``source`` is the page's path under the raw folder ("巴南日报/2023-04-20/3.txt"
    or a flat "NAME.txt"); the folders in it are evidence for the page model.
    """
    result = segment_text(text, source)
    result.warnings += clean_headlines(result)
    tag_page(result, text, sidecar, folder if folder is not None else folder_facts(source))
    assign_slugs(result)
    return result


def process_page(data: bytes, name: str, sidecar: Sidecar | None = None) -> PageResult:
    """Decode and process the bytes of page ``name``; a bad page gives ``error`` set."""
    sidecar = sidecar or Sidecar()
    too_big = size_error(name, len(data))
    if too_big:
        return PageResult(source=name, error=too_big, warnings=list(sidecar.problems))
    try:
        decoded = decode_text(data, name)
    except PageDecodeError as exc:
        return PageResult(source=name, error=str(exc), warnings=list(sidecar.problems))
    try:
        result = process_text(decoded.text, name, sidecar.values or None)
    except Exception as exc:  # a bug must cost one page, not the whole build
        log.exception("newsprint: %s: internal error", name)
        return PageResult(source=name, error=f"{name}: internal error: {exc!r}")
    result.warnings[:0] = [*decoded.notes, *sidecar.problems]
    return result


def find_sidecar(page: Path) -> Path | None:
    """The sidecar file beside ``page``, if there is one."""
    return next(
        (page.with_name(n) for n in sidecar_names(page.name) if page.with_name(n).is_file()),
        None,
    )


def process_file(
    path: Path, sidecar: Path | None = None, raw_dir: Path | None = None
) -> PageResult:
    """Read and process one raw page (its sidecar found beside it unless given).

    A page inside ``raw_dir`` is named by its path there, so its folders
    (``<paper>/<yyyy-mm-dd>/``) count as evidence; any other page by its file name.
    """
    name = path.name
    if raw_dir is not None and path.resolve().is_relative_to(raw_dir.resolve()):
        name = path.resolve().relative_to(raw_dir.resolve()).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return PageResult(source=name, error=f"{name}: {exc.strerror or exc}")
    return process_page(data, name, read_sidecar(sidecar or find_sidecar(path)))
