"""Command line: ``newsprint inspect PAGE…`` prints the segmentation as JSON;
``newsprint import`` writes the posts as the Pelican build does.

>>> main(["inspect"])
2
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .inspect_json import page_records
from .pipeline import process_file
from .settings import DEFAULTS


def inspect_pages(paths: list[Path]) -> list[dict]:
    """Inspect records for every article of every page, in order."""
    records: list[dict] = []
    for path in paths:
        result = process_file(path)
        if result.error:
            print(f"newsprint: {result.error}", file=sys.stderr)
        records.extend(page_records(result))
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsprint", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    p_inspect = sub.add_parser("inspect", help="print the articles found in pages as JSON")
    p_inspect.add_argument("pages", nargs="*", type=Path)
    p_import = sub.add_parser("import", help="write Markdown posts from raw pages")
    p_import.add_argument("--raw", type=Path, default=Path(DEFAULTS["NEWSPRINT_RAW_DIR"]))
    p_import.add_argument("--posts", type=Path, default=Path(DEFAULTS["NEWSPRINT_POSTS_DIR"]))
    args = parser.parse_args(argv)
    if args.command == "inspect":
        if not args.pages:
            print("newsprint inspect: give one or more page files", file=sys.stderr)
            return 2
        json.dump(inspect_pages(args.pages), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if args.command == "import":
        from .importer import import_pages

        report = import_pages(args.raw, args.posts)
        print(report.summary())
        return 1 if report.errors and not report.written and not report.unchanged else 0
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
