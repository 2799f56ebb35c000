"""The Python and the browser tokenizer give identical token streams on the sample pages."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from newsprint.tokenize import tokenize
from paths import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(SAMPLES.glob("*.txt"))
EXTRA = ["ＣＤＭＯ　２９０亿元，595.5万㎡", "𠀀𠀁 〇 GR2001-5G", "İstanbul ﬁle Ⅻ ① ¼"]
JS = ROOT / "theme" / "static" / "js" / "tokenize.js"


def _node_tokens(texts, tails):
    script = (
        "const t=require(process.argv[1]);let s='';process.stdin.on('data',d=>s+=d);"
        "process.stdin.on('end',()=>{const x=JSON.parse(s);"
        "process.stdout.write(JSON.stringify(x.texts.map(v=>t.tokenize(v,x.tails))))})"
    )
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the tokenizer parity test")
    out = subprocess.run(
        [node, "-e", script, str(JS)],
        input=json.dumps({"texts": texts, "tails": tails}),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize("tails", [False, True])
def test_python_and_node_tokenizers_agree_on_samples(tails):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + EXTRA
    assert SEEDS, "sample pages missing"
    expected = [tokenize(t, tails=tails) for t in texts]
    got = _node_tokens(texts, tails)
    for name, want, have in zip([p.name for p in SEEDS] + EXTRA, expected, got, strict=True):
        assert have == want, name
