"""What may be read from ``content/raw/``: page dumps and their sidecars, nothing else.

The folder is data, never code or markup: only regular ``*.txt`` pages and
``NAME.meta.toml`` / ``NAME.meta.json`` sidecars are read, flat in the folder or
in the layout archives use, ``<paper>/<yyyy-mm-dd>/<page>.txt`` (at most
:data:`MAX_DEPTH` folders deep; a page there is named by its path,
"巴南日报/2023-04-20/3.txt", and its folders are evidence for the page model,
:mod:`newsprint.tag.page_model`); a symbolic link is
followed only when it ends inside the project; every other entry (a folder, an
HTML or SVG file, a dangling link) is reported with its name and the reason, and
costs that entry only.  Nothing in the folder is published as it is.

>>> post_folder("001_x.txt"), post_folder("...txt"), post_folder(".hidden.txt")
('001_x', '_..', '_.hidden')
>>> post_folder("巴南日报/2023-04-20/3.txt")
'巴南日报/2023-04-20/3'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PAGE_SUFFIX = ".txt"
SIDECAR_SUFFIXES = (".meta.toml", ".meta.json")
#: Folders a page may sit in below the raw folder: <paper>/<yyyy-mm-dd>/.
MAX_DEPTH = 2


@dataclass
class RawScan:
    """The entries of a raw folder, sorted into what is read and what is refused.

    ``problems`` and ``skipped`` hold ``"NAME: reason"`` lines: a problem is an
    entry that looks like input but cannot be read safely; a skipped entry is
    one that is not input at all.
    """

    pages: list[Path] = field(default_factory=list)
    sidecars: dict[str, Path] = field(default_factory=dict)  # page name → its sidecar
    page_names: dict[Path, str] = field(default_factory=dict)  # page → its name under raw/
    problems: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def page_stem(name: str) -> str:
    """The page's name without ``.txt``: ``"001_x.txt"`` → ``"001_x"``."""
    return name[: -len(PAGE_SUFFIX)] if name.endswith(PAGE_SUFFIX) else name


def sidecar_names(page_name: str) -> list[str]:
    """File names a sidecar of ``page_name`` may have, in order of preference.

    >>> sidecar_names("001_x.txt")
    ['001_x.meta.toml', '001_x.meta.json']
    """
    return [page_stem(page_name) + suffix for suffix in SIDECAR_SUFFIXES]


def post_folder(page_name: str) -> str:
    """The folder under ``content/posts/`` that holds the posts of one page.

    It is the page name without ``.txt``; a name starting with a dot (``..``,
    ``.hidden``) gets a ``_`` in front, so the folder is always a plain child of
    the posts folder and never hidden.
    """
    stem = page_stem(page_name)
    return f"_{stem}" if not stem or stem.startswith(".") else stem


def _refusal(path: Path, root: Path) -> str | None:
    """Why ``path`` may not be read, or ``None`` when it is a regular file inside ``root``."""
    if path.is_symlink():
        target = path.resolve()
        if not target.exists():
            return "dangling symbolic link: its target does not exist"
        if not target.is_relative_to(root):
            return f"symbolic link to {target}, outside the project: refused"
    if path.is_dir():
        return "a folder named like a page, not a file"
    if not path.is_file():
        return "not a regular file"
    return None


def _entries(raw_dir: Path, scan: RawScan, root: Path) -> list[tuple[str, Path]]:
    """``(path relative to raw_dir, path)`` of every file that may be input, folders walked."""
    found: list[tuple[str, Path]] = []
    todo: list[tuple[str, Path, int]] = [("", raw_dir, 0)]
    while todo:
        prefix, folder, depth = todo.pop(0)
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            name = prefix + path.name
            if path.name.startswith(".") and not path.name.endswith(
                (PAGE_SUFFIX, *SIDECAR_SUFFIXES)
            ):
                continue  # .git, .DS_Store …
            if path.is_dir() and not path.name.endswith((PAGE_SUFFIX, *SIDECAR_SUFFIXES)):
                if path.is_symlink():
                    scan.skipped.append(f"{name}: a link to a folder: not followed")
                elif depth >= MAX_DEPTH:
                    scan.skipped.append(
                        f"{name}: deeper than <paper>/<yyyy-mm-dd>/: not read and not published"
                    )
                else:
                    todo.append((name + "/", path, depth + 1))
                continue
            found.append((name, path))
    return found


def scan_raw(raw_dir: Path, root: Path | None = None) -> RawScan:
    """Sort the entries of ``raw_dir`` (and its page folders); links may point inside ``root``.

    ``root`` (the project folder) defaults to ``raw_dir`` itself.  ``pages`` are in
    the order of their names under ``raw_dir``; ``page_names`` gives each one's name.
    """
    root = (root or raw_dir).resolve()
    scan = RawScan()
    readable: dict[str, Path] = {}
    for name, path in _entries(raw_dir, scan, root):
        is_input = name.endswith((PAGE_SUFFIX, *SIDECAR_SUFFIXES))
        if not is_input:
            if not path.name.startswith("."):
                scan.skipped.append(
                    f"{name}: not a page dump (.txt) or a sidecar (.meta.toml): "
                    "not read and not published"
                )
            continue
        reason = _refusal(path, root)
        if reason:
            scan.problems.append(f"{name}: {reason}")
            continue
        readable[name] = path
    for name, path in sorted(readable.items()):
        if name.endswith(PAGE_SUFFIX):
            scan.pages.append(path)
            scan.page_names[path] = name
            sidecar = next((s for s in sidecar_names(name) if s in readable), None)
            if sidecar:
                scan.sidecars[name] = readable[sidecar]
    # one set of every name a page's sidecar may have: linear in the folder's size
    claimed = {s for page in scan.page_names.values() for s in sidecar_names(page)}
    for name in readable:
        if name.endswith(SIDECAR_SUFFIXES) and name not in claimed:
            page = name.rsplit(".meta.", 1)[0] + PAGE_SUFFIX
            scan.skipped.append(f"{name}: a sidecar without its page {page}")
    return scan
