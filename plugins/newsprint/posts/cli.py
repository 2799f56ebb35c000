"""Command line: ``newsprint inspect PAGE…`` prints the segmentation as JSON;
``newsprint import`` writes the posts as the Pelican build does; ``newsprint
clean`` removes generated posts and keeps locked ones.

>>> main(["inspect"])
2
>>> page_list("a.txt 'with space.txt'")
[PosixPath('a.txt'), PosixPath('with space.txt')]
"""

from __future__ import annotations

import argparse
import glob
import json
import shlex
import sys
from pathlib import Path

from ..pipeline import process_file
from ..settings import DEFAULTS
from .inspect_json import page_records


def inspect_pages(paths: list[Path]) -> list[dict]:
    """Inspect records for every article of every page, in order."""

    records: list[dict] = []
    for path in paths:
        result = process_file(path, raw_dir=Path(DEFAULTS["NEWSPRINT_RAW_DIR"]))
        if result.error:
            print(f"newsprint: {result.error}", file=sys.stderr)
        for warning in result.warnings:
            print(f"newsprint: {warning}", file=sys.stderr)
        records.extend(page_records(result))
    return records


def page_list(spec: str) -> list[Path]:
    """The files named by ``make inspect PAGES="…"``.

    A value that names one existing file is that file, spaces and all; otherwise
    it is split as a shell would (quotes group), and a word with ``*``, ``?`` or
    ``[`` that names no file is expanded as a glob pattern.
    """
    if not spec.strip():
        return []
    if Path(spec).exists():
        return [Path(spec)]
    paths: list[Path] = []
    for word in shlex.split(spec):
        # glob.glob, not Path.glob: the pattern may be absolute (PAGES="/data/*.txt").
        matches = sorted(glob.glob(word)) if glob.has_magic(word) else []  # noqa: PTH207
        paths += [Path(m) for m in matches] if matches and not Path(word).exists() else [Path(word)]
    return paths


def _inspect(paths: list[Path]) -> int:
    missing = [p for p in paths if not p.is_file()]
    for path in missing:
        print(f"newsprint inspect: {path}: no such page file", file=sys.stderr)
    json.dump(
        inspect_pages([p for p in paths if p.is_file()]), sys.stdout, ensure_ascii=False, indent=1
    )
    sys.stdout.write("\n")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsprint", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    p_inspect = sub.add_parser("inspect", help="print the articles found in pages as JSON")
    p_inspect.add_argument("pages", nargs="*", type=Path)
    p_inspect.add_argument(
        "--pages", dest="page_spec", help='page files as one string, as `make inspect PAGES="…"`'
    )
    p_import = sub.add_parser("import", help="write Markdown posts from raw pages")
    p_import.add_argument("--raw", type=Path, default=Path(DEFAULTS["NEWSPRINT_RAW_DIR"]))
    p_import.add_argument("--posts", type=Path, default=Path(DEFAULTS["NEWSPRINT_POSTS_DIR"]))
    p_clean = sub.add_parser("clean", help="remove generated posts, keep locked ones")
    p_clean.add_argument("--posts", type=Path, default=Path(DEFAULTS["NEWSPRINT_POSTS_DIR"]))
    args = parser.parse_args(argv)
    if args.command == "inspect":
        pages = [*args.pages, *(page_list(args.page_spec) if args.page_spec else [])]
        if not pages:
            print("newsprint inspect: give one or more page files", file=sys.stderr)
            return 2
        return _inspect(pages)
    if args.command == "import":
        from .importer import import_pages
        from .lock import BuildLocked

        try:
            report = import_pages(args.raw, args.posts, root=Path.cwd())
        except BuildLocked as exc:
            print(f"newsprint import: {exc}", file=sys.stderr)
            return 75
        print(report.summary())
        return 1 if report.errors and not report.written and not report.unchanged else 0
    if args.command == "clean":
        from .clean import clean_posts

        removed, kept = clean_posts(args.posts)
        print(f"newsprint clean: {len(removed)} posts removed, {len(kept)} locked posts kept")
        return 0
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
