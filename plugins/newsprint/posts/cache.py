"""The import cache: which pages are unchanged, and which posts each one produced.

A page is unchanged when its key is: a hash of the page's bytes, its sidecar's
bytes and the pipeline's code (:func:`pipeline_version`).  The cache is only a
shortcut: a file that does not parse, or an entry of the wrong shape, is dropped
and the pages are imported again, never trusted.

>>> _entry({"key": "k", "posts": {"a/b.md": "d"}, "dropped": [], "warnings": []}).posts
{'a/b.md': 'd'}
>>> _entry({"key": "k", "posts": ["a/b.md"]}) is None
True
"""

from __future__ import annotations

import ast
import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .post_files import write_atomically

CACHE_NAME = ".newsprint-cache.json"
CACHE_FORMAT = 2
PACKAGE = Path(__file__).parents[1]  # plugins/newsprint
# The module the import starts from; every module it imports, at any depth, is pipeline code.
ENTRY_MODULE = "posts/importer"


@dataclass(frozen=True)
class PageEntry:
    """What the cache remembers of one page."""

    key: str
    posts: dict[str, str]  # post path (relative to the posts folder) → digest of its text
    dropped: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    uncertain: list[dict] = field(default_factory=list)  # low-confidence articles


def _imported_modules(path: Path) -> set[Path]:
    """Files of this package that ``path`` imports (``from .x import``, ``from . import x``)."""
    tree = ast.parse(path.read_text("utf-8"))
    package = path.parent
    found: set[Path] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level == 0:
            continue
        base = package
        for _ in range(node.level - 1):
            base = base.parent
        parts = node.module.split(".") if node.module else []
        target = base.joinpath(*parts)
        candidates = [target.with_suffix(".py"), target / "__init__.py"]
        candidates += [target / f"{alias.name}.py" for alias in node.names]
        candidates += [target / alias.name / "__init__.py" for alias in node.names]
        for module in (c for c in candidates if c.is_file() and c.is_relative_to(PACKAGE)):
            found.add(module)
            # Importing pkg.cut.segment runs pkg/cut/__init__.py too.
            found.update(
                init
                for parent in module.parents
                if parent != PACKAGE and parent.is_relative_to(PACKAGE)
                if (init := parent / "__init__.py").is_file()
            )
    # The package's own __init__ is Pelican's entry point (plugin wiring), not pipeline code.
    found.discard(PACKAGE / "__init__.py")
    return found


def pipeline_files() -> list[Path]:
    """Every ``.py`` file the importer runs, found by following its imports.

    Subpackages are followed too; the site and search code is not reached from
    the importer, so changing it does not re-import every page.

    >>> names = [p.name for p in pipeline_files()]
    >>> "segment.py" in names and "index.py" not in names
    True
    """
    entry = PACKAGE / f"{ENTRY_MODULE}.py"
    # Importing newsprint.posts.importer runs newsprint/posts/__init__.py first.
    todo = [entry]
    todo += [
        init
        for parent in entry.parents
        if parent != PACKAGE and parent.is_relative_to(PACKAGE)
        if (init := parent / "__init__.py").is_file()
    ]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += _imported_modules(path)
    return sorted(seen)


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Hash of the pipeline's code and data: a change re-imports every page."""
    digest = hashlib.sha1()
    data = [p for p in (PACKAGE / "data").rglob("*") if p.is_file()]
    for path in [*pipeline_files(), *sorted(data)]:
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def page_key(page: bytes, sidecar: bytes) -> str:
    """The cache key of a page: its bytes, its sidecar's bytes, the pipeline version."""
    digest = hashlib.sha1()
    for part in (page, sidecar, pipeline_version().encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _entry(value: Any) -> PageEntry | None:
    """A cache entry, or ``None`` when ``value`` does not have the expected shape."""
    if not isinstance(value, dict):
        return None
    key, posts = value.get("key"), value.get("posts")
    dropped, warnings = value.get("dropped", []), value.get("warnings", [])
    uncertain = value.get("uncertain", [])
    if not (
        isinstance(key, str)
        and isinstance(posts, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in posts.items())
        and all(".." not in Path(k).parts and not Path(k).is_absolute() for k in posts)
        and isinstance(dropped, list)
        and all(isinstance(d, dict) for d in dropped)
        and isinstance(warnings, list)
        and all(isinstance(w, str) for w in warnings)
        and isinstance(uncertain, list)
        and all(isinstance(u, dict) for u in uncertain)
    ):
        return None
    return PageEntry(key, posts, dropped, warnings, uncertain)


def load_cache(posts_dir: Path) -> tuple[dict[str, PageEntry], str | None]:
    """The cache's entries, and a note when it was damaged and is being rebuilt."""
    path = posts_dir / CACHE_NAME
    if not path.exists():
        return {}, None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return {}, f"{CACHE_NAME}: damaged ({exc}); every page is imported again"
    pages = data.get("pages") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or data.get("format") != CACHE_FORMAT
        or not isinstance(pages, dict)
    ):
        return {}, f"{CACHE_NAME}: not a cache of this version; every page is imported again"
    entries = {name: _entry(value) for name, value in pages.items()}
    good = {name: e for name, e in entries.items() if e is not None}
    if len(good) < len(entries):
        bad = len(entries) - len(good)
        return good, f"{CACHE_NAME}: {bad} damaged entries; those pages are imported again"
    return good, None


def save_cache(posts_dir: Path, entries: dict[str, PageEntry]) -> None:
    """Write the cache atomically (a crash leaves the old or the new file, never half)."""
    data = {"format": CACHE_FORMAT, "pages": {n: asdict(e) for n, e in sorted(entries.items())}}
    # Keys keep their order (no sort_keys): a report rebuilt from the cache must read
    # exactly like the one made from the pages.
    text = json.dumps(data, ensure_ascii=False, indent=1)
    path = posts_dir / CACHE_NAME
    if not (path.is_file() and path.read_text("utf-8", errors="replace") == text):
        write_atomically(path, text)
