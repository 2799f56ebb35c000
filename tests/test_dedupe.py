from newsprint.cut.dedupe import drop_repeated_sentences, undouble


def test_doubled_headline_is_collapsed():
    assert undouble("重点项目快速有序推进重点项目快速有序推进")[0] == "重点项目快速有序推进"


def test_doubled_headline_with_doubled_prefix():
    assert undouble("南川南川 喜看梯田千重浪喜看梯田千重浪")[0] == "南川 喜看梯田千重浪"


def test_ordinary_reduplication_is_kept():
    for text in ("一路繁花 一路景", "干干净净", "天天向上", "一张张满满当当"):
        assert undouble(text) == (text, "")


def test_sentence_repeated_three_times_is_kept_once():
    s = "“6”是培育壮大软件信息化、光电子等6大战略性新兴产业"
    text, dropped = drop_repeated_sentences(f"甲是主导产业；{s}；{s}；{s}。")
    assert text.count(s) == 1
    assert len(dropped) == 2
