"""`make -s inspect` prints only a JSON array with the contract's fields."""

import json
import subprocess
import sys

from paths import RAW, ROOT

FIELDS = {
    "source",
    "title",
    "kicker",
    "subtitle",
    "district",
    "topics",
    "kind",
    "authors",
    "date",
    "captions",
    "body",
    "slug",
    "dropped",
}


def test_inspect_prints_only_json_with_the_contract_fields():
    page = sorted(RAW.glob("*.txt"))[1]
    out = subprocess.run(
        [sys.executable, "-m", "newsprint.posts.cli", "inspect", str(page)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )
    records = json.loads(out.stdout)
    assert isinstance(records, list) and records
    for record in records:
        assert set(record) >= FIELDS
        assert record["source"] == page.name
        assert record["kind"] in {"news", "photo", "notice", "listing"}


def test_inspect_reports_a_bad_page_and_goes_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    good = sorted(RAW.glob("*.txt"))[1]
    out = subprocess.run(
        [sys.executable, "-m", "newsprint.posts.cli", "inspect", str(bad), str(good)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": "/usr/bin:/bin"},
    )
    records = json.loads(out.stdout)
    assert records[0] == {"source": "bad.txt", "error": records[0]["error"]}
    assert "bad.txt" in records[0]["error"]
    assert "bad.txt" in out.stderr
    assert all(r["source"] == good.name for r in records[1:])
