"""``make clean`` for posts: remove generated posts, keep every locked one.

Locks are read by :func:`newsprint.posts.post_files.is_locked`, the same rule the importer
follows (``Locked: true``, ``yes`` or ``1``), and file names are never passed
through a shell, so a page or post named ``x Makefile y.md`` removes only itself.
"""

from __future__ import annotations

from pathlib import Path

from .cache import CACHE_NAME
from .post_files import read_post


def clean_posts(posts_dir: Path) -> tuple[list[Path], list[Path]]:
    """Remove every unlocked post and the import cache; return (removed, kept locked)."""
    removed: list[Path] = []
    kept: list[Path] = []
    if not posts_dir.is_dir():
        return removed, kept
    for path in sorted(posts_dir.rglob("*.md")):
        if not path.is_file():
            continue
        if read_post(path).locked:
            kept.append(path)
        else:
            path.unlink()
            removed.append(path)
    # Empty folders go too, up to the posts folder: a page in <paper>/<date>/ has
    # its posts three folders down.
    for folder in sorted({p.parent for p in removed}, key=lambda f: len(f.parts), reverse=True):
        while folder != posts_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    (posts_dir / CACHE_NAME).unlink(missing_ok=True)
    return removed, kept
