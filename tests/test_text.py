"""Shared text primitives (plugins/newsprint/text.py): one home for each."""

from __future__ import annotations

import re

from newsprint import text
from newsprint.cut import dedupe, layout
from newsprint.search import tokens
from paths import ROOT

PACKAGE = ROOT / "plugins" / "newsprint"


def test_han_common_is_the_ideographs_pages_print_and_han_adds_the_rare_ones():
    common = re.compile(f"[{text.HAN_COMMON}]")
    every = re.compile(f"[{text.HAN}]")
    assert common.fullmatch("巴") and common.fullmatch("㐀")  # ext. A
    assert not common.fullmatch("〇") and every.fullmatch("〇")
    assert not common.fullmatch("𠀀") and every.fullmatch("𠀀")  # ext. B
    assert not every.fullmatch("，") and not every.fullmatch("a")


def test_half_width_folds_ascii_forms_only():
    assert text.half_width("ＡＢｃ１２３（）！～") == "ABc123()!~"
    # ，is the full-width form of ","; 。、and the ideographic space have no ASCII form.
    assert text.half_width("巴南　，。、") == "巴南　,。、"


def test_hard_wrap_joins_han_and_digits_only():
    assert text.HARD_WRAP.sub("", "重庆\n巴南 2023\n年") == "重庆巴南 2023年"
    assert text.HARD_WRAP.sub("", "end\nnext") == "end\nnext"


def test_stages_use_the_shared_primitives():
    assert layout.display_width is text.display_width
    assert tokens.HAN is text.HAN
    assert dedupe.key("ＡＢ １２") == "AB12"


def test_no_stage_writes_the_han_range_or_the_width_table_again():
    own = {"text.py"}
    offenders = [
        p.relative_to(PACKAGE).as_posix()
        for p in PACKAGE.rglob("*.py")
        if p.name not in own or p.parent != PACKAGE
        if re.search(r"\\u3400-\\u9fff|0xFF01|east_asian_width", p.read_text("utf-8"))
    ]
    assert offenders == []
