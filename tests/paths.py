"""Where the tests find the sample pages and the shared annotations.

The tests read their own copy of the sample pages (``tests/data/pages/``), never
``content/raw/``: that folder is the user's, and what is in it must not change
what the suite checks nor stop it (a GB18030 page, a symlink, a stray folder).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "pages"
RAW = SAMPLES  # the name tests used when they read content/raw/ directly
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "data" / "gold-seeds-000-002.json"
