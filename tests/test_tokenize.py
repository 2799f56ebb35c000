"""Tokenizer rules (plugins/newsprint/search/tokens.py)."""

from newsprint.search.tokens import normalize, tokenize


def test_han_run_becomes_overlapping_bigrams():
    assert tokenize("永川区") == ["永川", "川区"]


def test_lone_han_character_is_itself():
    assert tokenize("「渝」") == ["渝"]


def test_tails_add_last_character_of_each_run():
    assert tokenize("川渝，合作", tails=True) == ["川渝", "渝", "合作", "作"]
    assert tokenize("渝", tails=True) == ["渝"]


def test_decimal_number_is_one_token():
    assert tokenize("595.5万元") == ["595.5", "万元"]


def test_mixed_latin_digits_stay_one_word_and_han_splits_off():
    assert tokenize("5G基站 GR2001 CDMO 290亿元") == ["5g", "基站", "gr2001", "cdmo", "290", "亿元"]


def test_full_width_forms_are_normalised():
    assert tokenize("ＣＤＭＯ２０２３") == tokenize("cdmo2023") == ["cdmo2023"]
    assert normalize("　") == " "


def test_punctuation_separates_and_vanishes():
    assert tokenize("“硬功夫”、“新打法”！") == ["硬功", "功夫", "新打", "打法"]


def test_trailing_dot_is_not_part_of_number():
    assert tokenize("2023.") == ["2023"]


def test_module_examples_hold():
    import doctest

    import newsprint.search.tokens

    assert doctest.testmod(newsprint.search.tokens).failed == 0
