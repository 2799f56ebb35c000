"""Where the tests find the sample pages and the shared annotations."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "content" / "raw"
SHARED = ROOT.parent / "shared"
