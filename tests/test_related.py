"""Related articles: shared rare features count most, common ones only weigh, never list."""

from __future__ import annotations

from types import SimpleNamespace

from newsprint.site.related import attach_related, features_of, related_indices


def test_a_shared_rare_keyword_outranks_a_shared_district():
    docs = [
        {"d:巴南区", "k:芯片"},
        {"d:巴南区", "k:花卉"},  # same district only
        {"d:永川区", "k:芯片"},  # same rare keyword only
        {"d:巴南区", "k:芯片", "t:工业"},  # both
        *({"d:巴南区", f"k:其他{i}"} for i in range(6)),
    ]
    found = related_indices(docs, limit=5, minimum=3)
    assert found[0][:2] == [3, 2]
    assert 0 not in found[0]  # never itself
    assert all(len(r) <= 5 for r in found)


def test_common_features_never_list_their_postings_but_fill_up_from_the_nearest():
    # every article shares the district; with cap=2 it is common: only a filler
    docs = [{"d:巴南区", f"k:独有{i}"} for i in range(10)]
    found = related_indices(docs, limit=5, minimum=3, cap=2)
    assert [len(r) for r in found] == [5] * 10  # filled up with the nearest in the list
    assert found[5] == [4, 6, 3, 7, 2]  # nearest in the list (in time) first
    # a rare shared keyword still wins over the filler
    docs[0] = {"d:巴南区", "k:芯片"}
    docs[9] = {"d:巴南区", "k:芯片"}
    assert related_indices(docs, limit=5, minimum=3, cap=2)[0][0] == 9


def test_an_article_sharing_nothing_gets_no_made_up_relations():
    assert related_indices([{"k:甲"}, {"k:乙"}, set()]) == [[], [], []]


def test_features_come_from_district_topics_and_the_stored_keywords():
    art = SimpleNamespace(category="未分区", tags=["招商"], metadata={"keywords": "芯片, , 园区"})
    assert features_of(art) == {"t:招商", "k:芯片", "k:园区"}  # 未分区 is no district


def test_attach_related_links_articles_and_leaves_the_rest_alone():
    def art(slug, date, keywords):
        return SimpleNamespace(
            slug=slug, date=date, category="巴南区", tags=[], metadata={"keywords": keywords}
        )

    arts = [art("a", 1, "芯片"), art("b", 2, "芯片, 花卉"), art("c", 3, "花卉")]
    attach_related(SimpleNamespace(articles=arts))
    assert sorted(o.slug for o in arts[1].related) == ["a", "c"]
    assert arts[0].related[0].slug == "b"
