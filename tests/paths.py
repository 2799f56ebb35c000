"""Where the tests find the sample pages and their hand-made gold annotations."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "content" / "raw"
GOLD = ROOT / "tests" / "data" / "gold-seeds-000-002.json"
