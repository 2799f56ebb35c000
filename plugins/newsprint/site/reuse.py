"""Rebuilds render only what changed: unchanged pages are taken from the last build.

Pelican 4.12 renders every page on every build (``WRITE_SELECTED`` was removed, and
its content cache keeps what readers read, not what templates wrote).  With
``DELETE_OUTPUT_DIRECTORY`` the plugin therefore does the deleting itself: before
the generators run, the last build's output is moved aside
(``cache/last-output-<key>``, one per output folder) instead of deleted, so
nothing of it lingers unless it is asked for again.  A page whose *fingerprint*
is the one it had in the last build is moved back instead of rendered; every other
page is rendered as before.  What is left aside at the end (the pages of deleted
articles, say) is removed.

Pages fingerprinted: article pages, raw page views
(:mod:`newsprint.site.source_pages`), issue pages (:mod:`newsprint.site.paper_views`)
and the lists of a district, topic, person or period (:data:`LIST_TEMPLATES`).
The home page, the archive, paper and year pages, the figures and the search
files are made as before (the search files have their own cache).  A
fingerprint is a digest of everything the page is made from: the build's
settings, the theme's templates and the plugin's code
(:func:`build_digest`), the file's name, and the data the page is given
(:func:`shape` of the article, the raw page and its view, or the list).  The
fingerprints of a build are written when it finishes (``…-<key>.json``) and
removed when the next one starts, so a build that stops half-way leaves no
fingerprint behind to trust.

``NEWSPRINT_REUSE_OUTPUT = False`` turns this off.

>>> shape([1, "a"]) == shape([1, "a"])
True
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import shutil
from pathlib import Path
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join
from pelican.writers import Writer

log = logging.getLogger(__name__)

LAST_OUTPUT = "last-output"
#: How deep :func:`shape` follows objects: a raw page's view → its issue → the next
#: issue (whose date and address the view shows).
DEPTH = 2
_PUBLIC = ("url", "title", "label", "name", "slug", "undated_url")
#: Reuse state of the build writing into an output folder (resolved path).
_active: dict[Path, Reuse] = {}
_by_name: dict[str, Reuse] = {}  # the output folder as a writer names it → _active's entry


def shape(value: Any, depth: int = 0, memo: dict | None = None) -> Any:
    """``value`` as plain JSON data; never a memory address, so the same data gives the
    same shape in every build.

    Objects are followed ``DEPTH`` levels deep (then only their plain values and
    ``url``, ``title``, … stay); lists are followed only from the top object, so the
    shape of a page view holds its articles but not every issue of its paper.
    ``memo`` (one a build, once its pages are known) keeps the shape of each object
    met at each depth: a page view or a district is shaped once, not once an article.

    >>> import datetime
    >>> shape({"b": [1, datetime.date(2020, 1, 2)], "a": {3, 1}})
    {'b': [1, '2020-01-02'], 'a': [1, 3]}
    """
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): shape(v, depth, memo) for k, v in value.items()}
    if isinstance(value, list | tuple):
        # an article in a list (a page's articles, a related list) is one entry of it
        return [shape(v, max(depth, 1) if isinstance(v, Content) else depth, memo) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((shape(v, depth, memo) for v in value), key=repr)
    if isinstance(value, Content):
        return _content_shape(value, depth, memo)
    if memo is not None:
        known = memo.get((id(value), depth))
        if known is not None and known[0] is value:
            return known[1]
    out = _object_shape(value, depth, memo)
    if memo is not None:
        memo[(id(value), depth)] = (value, out)  # the object is kept: its id stays its own
    return out


def _object_shape(value: Any, depth: int, memo: dict | None) -> Any:
    if isinstance(value, URLWrapper):
        return [value.name, value.url]
    if not hasattr(value, "__dict__"):
        return type(value).__name__
    attrs = {k: v for k, v in vars(value).items() if not k.startswith("_")}
    attrs.update((a, getattr(value, a, None)) for a in _PUBLIC if hasattr(value, a))
    out: dict[str, Any] = {"type": type(value).__name__}
    for key, item in attrs.items():
        if item is None or isinstance(item, str | int | float | bool | dt.date):
            out[key] = shape(item)
        elif depth < DEPTH and not (depth and isinstance(item, list | tuple | set | dict)):
            out[key] = shape(item, depth + 1, memo)
    return out


def _content_shape(article: Content, depth: int, memo: dict | None = None) -> Any:
    """An article in full (its text and every attribute) at the top; below (a related
    article, a list page's item) by its address and a digest of its metadata and summary."""
    if depth > 0:
        known = article.__dict__.get("_newsprint_shape")
        if known is None:  # once a build: an article is on many pages
            seen = [shape(article.metadata, DEPTH, memo), str(article.summary)]
            text = json.dumps(seen, ensure_ascii=False, default=str)
            known = [article.url, hashlib.sha1(text.encode("utf-8")).hexdigest()]
            article.__dict__["_newsprint_shape"] = known
        return known
    meta = article.metadata
    # Pelican sets every metadata field as an attribute too: shaped once, under "meta"
    attrs = {
        k: v
        for k, v in vars(article).items()
        if not k.startswith("_")
        and k not in {"settings", "content", "metadata"}
        and not (k in meta and meta[k] is v)
    }
    return {
        "content": article.content,
        "summary": str(article.summary),
        "url": article.url,
        "meta": shape(meta, DEPTH, memo),
        **{k: shape(v, 1, memo) for k, v in attrs.items()},
    }


def _tree_digest(digest, folder: Path, pattern: str) -> None:
    for path in sorted(folder.rglob(pattern)):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())


def build_digest(settings: dict, settings_digest: str) -> str:
    """What every page depends on: the settings, the theme and the plugin's code."""
    import pelican

    digest = hashlib.sha1(f"{settings_digest}\0{pelican.__version__}".encode())
    _tree_digest(digest, Path(__file__).resolve().parents[1], "*.py")
    theme = Path(settings.get("THEME", ""))
    if theme.is_dir():
        _tree_digest(digest, theme / "templates", "*")
    return digest.hexdigest()


class Reuse:
    """The last build's output, set aside, and the fingerprints of its pages.

    ``old`` and ``new`` map a page's name to its fingerprint and the names of the
    files it was written as (a list page is written as several: page-2.html …).
    """

    def __init__(self, output: Path, aside: Path, old: dict[str, list], base: str) -> None:
        self.output = output
        self.aside = aside
        self.old = old
        self.base = base
        self.new: dict[str, list] = {}
        self.reused = 0
        self.memo: dict = {}  # shapes of this build's objects (see shape)

    def fingerprint(self, name: str, *data: Any, depth: int = 0) -> str:
        """A digest of the build, the page's name and ``data`` (shaped from ``depth``)."""
        shaped = [shape(item, depth, self.memo) for item in data]
        text = json.dumps([self.base, name, shaped], ensure_ascii=False, default=str)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def take(self, name: str, fingerprint: str) -> bool:
        """Record ``name``'s fingerprint; move the last build's files of it back when it is
        the same (True) — otherwise the caller writes them (and :meth:`wrote` says which)."""
        self.new[name] = [fingerprint, [name]]
        last = self.old.get(name)
        if not last or last[0] != fingerprint:
            return False
        files = [str(f) for f in last[1]]
        if not all((self.aside / f).is_file() for f in files):
            return False
        for f in files:
            target = self.output / f
            target.parent.mkdir(parents=True, exist_ok=True)
            (self.aside / f).replace(target)
        self.new[name][1] = files
        self.reused += len(files)
        return True

    def wrote(self, name: str, files: list[str]) -> None:
        """The files ``name`` was written as this time."""
        if name in self.new and files:
            self.new[name][1] = sorted(files)


def set_aside(pelican: Any, cache_root: Path, settings_digest: str) -> None:
    """Before the generators run: move the last output aside instead of deleting it."""
    output = Path(pelican.output_path).resolve()
    content = Path(pelican.path).resolve()
    if not pelican.delete_outputdir or content.is_relative_to(output):
        return
    # one pair per output folder: a build into another folder never takes these pages
    key = hashlib.sha1(str(output).encode()).hexdigest()[:10]
    aside = cache_root / f"{LAST_OUTPUT}-{key}"
    marks = cache_root / f"{LAST_OUTPUT}-{key}.json"
    old: dict[str, list] = {}
    with contextlib.suppress(OSError, ValueError):
        old = json.loads(marks.read_text("utf-8"))
    if not isinstance(old, dict):
        old = {}
    marks.unlink(missing_ok=True)
    shutil.rmtree(aside, ignore_errors=True)
    cache_root.mkdir(parents=True, exist_ok=True)
    if output.is_dir():
        try:
            output.rename(aside)
        except OSError:  # another file system: Pelican deletes it as before
            return
        output.mkdir(parents=True)
        for name in pelican.output_retention:
            if (aside / name).exists():
                (aside / name).rename(output / name)
    pelican.delete_outputdir = False
    _active[output] = Reuse(output, aside, old, build_digest(pelican.settings, settings_digest))


def active(output_path: str | Path) -> Reuse | None:
    """The reuse state of the build writing into ``output_path``, if any."""
    if not _active:
        return None
    found = _by_name.get(str(output_path))
    if found is None or _active.get(found.output) is not found:
        found = _active.get(Path(output_path).resolve())
        if found is not None:  # asked once per page: resolve each name once
            _by_name[str(output_path)] = found
    return found


def finish(pelican: Any, cache_root: Path) -> None:
    """After the build: keep the fingerprints, remove what was not asked for again."""
    reuse = _active.pop(Path(pelican.output_path).resolve(), None)
    if reuse is None:
        return
    shutil.rmtree(reuse.aside, ignore_errors=True)
    reuse.aside.with_name(reuse.aside.name + ".json").write_text(json.dumps(reuse.new), "utf-8")
    log.info("newsprint: %d pages unchanged, taken from the last build", reuse.reused)


#: List pages that show only what they are given (the articles of a district, a
#: topic, a person or a period) and the settings.  Pelican also gives them every
#: article (``all_articles``); no newsprint template reads it (a test checks), so it
#: is not part of their fingerprint.
LIST_TEMPLATES = frozenset({"tag.html", "category.html", "author.html", "period_archives.html"})


class ReusingWriter(Writer):
    """Pelican's writer; an article page or a list page whose fingerprint is unchanged
    is taken from the last build instead of rendered."""

    def write_file(self, name, template, context, *args, **kwargs):
        reuse = active(self.output_path)
        article = kwargs.get("article")
        if reuse is None or args or not name:
            return super().write_file(name, template, context, *args, **kwargs)
        if isinstance(article, Content) and not kwargs.get("paginated"):
            fingerprint = reuse.fingerprint(name, template.name, article)
        elif template.name in LIST_TEMPLATES:
            given = {k: v for k, v in kwargs.items() if k != "all_articles"}
            fingerprint = reuse.fingerprint(name, template.name, given, depth=1)
        else:
            return super().write_file(name, template, context, *args, **kwargs)
        if reuse.take(name, fingerprint):
            for f in reuse.new[name][1]:
                self._written_files.add(sanitised_join(self.output_path, f))
            return None
        before = set(self._written_files)
        result = super().write_file(name, template, context, *args, **kwargs)
        output = Path(self.output_path).resolve()
        files = [
            Path(f).resolve().relative_to(output).as_posix() for f in self._written_files - before
        ]
        reuse.wrote(name, files)
        return result


def get_writer(pelican: Any) -> type[Writer]:
    return ReusingWriter
