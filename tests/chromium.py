"""How tests and benchmarks start Debian's Chromium (never a downloaded browser).

The background-networking flags matter here: without them Chromium keeps trying
hosts this machine cannot reach.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
