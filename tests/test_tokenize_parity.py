"""The Python and the browser tokenizer give identical token streams on the sample pages,
and fold every code point of the traditional → simplified table the same way."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from newsprint.search.fold import fold, fold_pairs, fold_table
from newsprint.search.tokens import normalize, tokenize
from paths import SAMPLES

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(SAMPLES.glob("*.txt"))
EXTRA = ["ＣＤＭＯ　２９０亿元，595.5万㎡", "𠀀𠀁 〇 GR2001-5G", "İstanbul ﬁle Ⅻ ① ¼"]
JS = ROOT / "theme" / "static" / "js" / "tokenize.js"


def _node(texts, tails, how="tokenize"):
    """Run the browser tokenizer under node, with the fold table the site ships."""
    script = (
        "const t=require(process.argv[1]);let s='';process.stdin.on('data',d=>s+=d);"
        "process.stdin.on('end',()=>{const x=JSON.parse(s);t.useFold(x.fold);"
        "process.stdout.write(JSON.stringify(x.texts.map(v=>"
        "x.how==='tokenize'?t.tokenize(v,x.tails):t.normalize(v))))})"
    )
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the tokenizer parity test")
    out = subprocess.run(
        [node, "-e", script, str(JS)],
        input=json.dumps({"texts": texts, "tails": tails, "how": how, "fold": fold_pairs()}),
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
    got = _node(texts, tails)
    for name, want, have in zip([p.name for p in SEEDS] + EXTRA, expected, got, strict=True):
        assert have == want, name


def test_every_code_point_of_the_fold_table_folds_the_same_in_python_and_node():
    keys = [chr(k) for k in sorted(fold_table())]
    assert len(keys) > 3000  # OpenCC's character tables, not a handful of pairs
    # each alone, each inside a Han run (bigrams), and the whole table as one text
    texts = keys + [f"巴{k}南" for k in keys] + ["".join(keys)]
    want = [normalize(t) for t in texts]
    assert _node(texts, False, how="normalize") == want
    assert _node(texts, True) == [tokenize(t, tails=True) for t in texts]


def test_folding_is_stable_and_keeps_lengths():
    for k, v in fold_table().items():
        assert fold(chr(v)) == chr(v), (chr(k), chr(v))  # folding twice changes nothing
    assert fold("巴南區招商引資項目，張雲亮") == "巴南区招商引资项目，张云亮"
    assert fold("乾隆") == "干隆" and len(fold("𠀀乾")) == len("𠀀乾")
