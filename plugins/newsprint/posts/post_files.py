"""Posts as files: their metadata header, locks, identity, and safe writing.

A generated post starts with ``Key: value`` lines, then a blank line, then the
body.  An editor locks a post with ``Locked: true`` (or ``yes`` / ``1``); the
importer and ``make clean`` read that flag through :func:`is_locked` alone.

Every post also carries ``Origin: <slug> <digest>``: the slug the importer first
gave the article and a digest of the article's text as cut from the page.  An
editor may change ``Slug:`` and the headline; the origin still tells which
article a locked post corrects, so the importer never writes a second copy.

>>> header("Title: 标题\\r\\nLocked: yes\\r\\n\\r\\n正文")
{'title': '标题', 'locked': 'yes'}
>>> is_locked({"locked": "Yes"})
True
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..models import Article

LOCKED_VALUES = {"true", "yes", "1"}
# Temporary files of :func:`write_atomically`: never read as posts (Pelican reads *.md).
PARTIAL_PREFIX, PARTIAL_SUFFIX = ".tmp-", ".part"
# Shorter texts (a photo's one caption) are too alike to identify an article by.
MIN_DIGEST_CHARS = 30


def header(text: str) -> dict[str, str]:
    """The metadata of a post, keys lower-cased as Pelican reads them."""
    meta: dict[str, str] = {}
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip()
    return meta


def is_locked(meta: dict[str, str]) -> bool:
    """Has an editor locked this post?"""
    return meta.get("locked", "").strip().lower() in LOCKED_VALUES


def content_digest(art: Article) -> str | None:
    """Digest of an article's text as cut (body and captions), or ``None`` when too short.

    >>> from newsprint.models import Paragraph
    >>> content_digest(Article("p.txt", paragraphs=[Paragraph("短。")])) is None
    True
    """
    text = "\n".join([*(p.text for p in art.paragraphs), *(c.text for c in art.captions)])
    if sum(not ch.isspace() for ch in text) < MIN_DIGEST_CHARS:
        return None
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def origin_value(art: Article) -> str:
    """The ``Origin:`` value written with a post: first slug and text digest."""
    return f"{art.slug} {content_digest(art) or '-'}"


@dataclass(frozen=True)
class PostFile:
    """A post found under the posts folder, as far as it could be read."""

    path: Path
    meta: dict[str, str]
    utf8: bool  # Pelican reads posts as UTF-8; anything else it cannot read
    digest: str | None = None  # of its UTF-8 text (importer._digest), None if not UTF-8

    @property
    def locked(self) -> bool:
        return is_locked(self.meta)

    @property
    def generated(self) -> bool:
        """Written by the importer (it names the raw page it came from)."""
        return "source" in self.meta

    @property
    def source_page(self) -> str | None:
        """The raw page named by ``Source: NAME:first-last``."""
        source = self.meta.get("source")
        return source.rsplit(":", 1)[0] if source and ":" in source else source

    @property
    def origin(self) -> tuple[str | None, str | None]:
        """``(first slug, text digest)`` from ``Origin:``; ``None`` parts when absent."""
        parts = self.meta.get("origin", "").split()
        slug = parts[0] if parts else None
        digest = parts[1] if len(parts) > 1 and parts[1] != "-" else None
        return slug, digest


def read_post(path: Path) -> PostFile:
    """Read a post's header; a file that is not UTF-8 is read leniently and flagged."""
    data = path.read_bytes()
    try:
        text, utf8 = data.decode("utf-8"), True
    except UnicodeDecodeError:
        text, utf8 = data.decode("gb18030", errors="replace"), False
    digest = hashlib.sha1(data).hexdigest()[:16] if utf8 else None
    return PostFile(path, header(text.lstrip("\ufeff")), utf8, digest)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` so that a reader (or a crash) never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=PARTIAL_PREFIX, suffix=PARTIAL_SUFFIX)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_partial_writes(folder: Path) -> list[Path]:
    """Remove what writes cut short (``kill -9`` mid-write) left behind under ``folder``."""
    leftovers = sorted(folder.rglob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}"))
    for path in leftovers:
        path.unlink(missing_ok=True)
    return leftovers


def is_inside(path: Path, folder: Path) -> bool:
    """Does ``path``, links resolved, lie inside ``folder``?"""
    return path.resolve().is_relative_to(folder.resolve())
