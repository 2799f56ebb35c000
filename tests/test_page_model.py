"""The page model: paper, issue date, page number and name, from the strongest evidence.

Order: sidecar, then the folder (``<paper>/<yyyy-mm-dd>/<page>.txt``), then the
page's own masthead/furniture lines, otherwise unknown.  The sample pages print no
masthead, so they stay paper-unknown.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from newsprint.pipeline import process_file, process_page
from newsprint.posts.importer import import_pages
from newsprint.posts.inspect_json import page_records
from newsprint.tag.masthead import read_masthead
from newsprint.tag.page_model import folder_facts, page_facts
from newsprint.tag.sidecar import Sidecar, check_sidecar
from paths import SAMPLES

MASTHEAD = "巴南日报 2023年4月20日 星期四 农历三月初一"
RUNNING_HEAD = "巴南日报 第03版：要闻"
BODY = "\n\n本报讯 全区签约项目42个，总投资300亿元。\n"


# --- each masthead form ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (MASTHEAD, {"paper": "巴南日报", "date": "2023-04-20"}),
        ("2023年4月20日 星期四", {"date": "2023-04-20"}),
        ("《永川日报》 2024年7月9日 周二", {"paper": "永川日报", "date": "2024-07-09"}),
        (RUNNING_HEAD, {"paper": "巴南日报", "page_no": 3, "page_name": "要闻"}),
        ("第3版", {"page_no": 3}),
        ("第十二版 区县新闻", {"page_no": 12, "page_name": "区县新闻"}),
        ("—— 第 12 版 ——", {"page_no": 12}),
        ("第０５版｜综合", {"page_no": 5, "page_name": "综合"}),
    ],
)
def test_each_masthead_form_gives_what_it_prints_and_nothing_else(line, expected):
    m = read_masthead(f"{line}{BODY}")
    got = {k: getattr(m, k) for k in ("paper", "date", "page_no", "page_name")}
    assert {k: v for k, v in got.items() if v is not None} == expected
    assert all(m.evidence(k) == line for k in expected)


@pytest.mark.parametrize(
    "text",
    [
        "巴南经验登上人民日报第1版。",  # a sentence about another paper's page
        "第3版块建设完成。",
        "2023年4月20日，全区召开招商大会。",  # a date in a sentence is no masthead
        "巴南日报",  # a name alone: not furniture, no evidence of anything
    ],
)
def test_body_text_is_never_read_as_a_masthead(text):
    m = read_masthead(f"{text}{BODY}")
    assert (m.paper, m.date, m.page_no, m.page_name) == (None, None, None, None)


def test_an_impossible_masthead_date_is_not_used():
    assert read_masthead("巴南日报 2023年2月30日 星期四" + BODY).date is None


# --- order of evidence -----------------------------------------------------------


def test_sidecar_beats_folder_beats_masthead_field_by_field():
    text = f"{MASTHEAD}\n{RUNNING_HEAD}{BODY}"
    folder = folder_facts("永川日报/2024-07-09/05_综合.txt")
    only_masthead = page_facts(None, None, text)
    assert (only_masthead.paper, only_masthead.issue_date) == ("巴南日报", "2023-04-20")
    assert only_masthead.evidence["paper"] == f"masthead: {MASTHEAD}"
    from_folder = page_facts(None, folder, text)
    assert from_folder.as_dict() == {
        "paper": "永川日报",
        "issue_date": "2024-07-09",
        "page_no": 5,
        "page_name": "综合",
    }
    assert set(from_folder.evidence.values()) == {"folder"}
    sidecar = {"paper": "重庆日报", "page_name": "要闻"}
    mixed = page_facts(sidecar, folder, text)
    assert mixed.as_dict() == {
        "paper": "重庆日报",
        "issue_date": "2024-07-09",
        "page_no": 5,
        "page_name": "要闻",
    }
    assert mixed.evidence == {
        "paper": "sidecar",
        "page_name": "sidecar",
        "issue_date": "folder",
        "page_no": "folder",
    }


def test_nothing_known_stays_unknown():
    facts = page_facts(None, folder_facts("000_ea66817ae69c99c6.txt"), BODY)
    assert facts.as_dict() == dict.fromkeys(("paper", "issue_date", "page_no", "page_name"))
    assert facts.evidence == {}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("巴南日报/2023-04-20/3.txt", {"paper": "巴南日报", "date": "2023-04-20", "page": 3}),
        ("巴南日报/2023-04-20/第03版.txt", {"paper": "巴南日报", "date": "2023-04-20", "page": 3}),
        ("巴南日报/2023-04-20/notes.txt", {"paper": "巴南日报", "date": "2023-04-20"}),
        (
            "巴南日报/2023-04-20/001_8b2535a65f0a025d.txt",
            {"paper": "巴南日报", "date": "2023-04-20"},
        ),
        ("巴南日报/2023-04-20/A3.txt", {"paper": "巴南日报", "date": "2023-04-20"}),
        (
            "巴南日报/2023-04-20/第十二版.txt",
            {"paper": "巴南日报", "date": "2023-04-20", "page": 12},
        ),
        ("2023-04-20/2.txt", {"date": "2023-04-20", "page": 2}),
        ("flat.txt", {}),
    ],
)
def test_folder_layout(path, expected):
    assert folder_facts(path) == expected


def test_a_bad_date_folder_is_reported_and_gives_no_date():
    facts = folder_facts("巴南日报/2023-02-30/1.txt")
    assert "date" not in facts and "2023-02-30" in facts["problem"]
    result = process_page(BODY.encode(), "巴南日报/2023-02-30/1.txt")
    assert result.articles[0].issue_date is None
    assert any("2023-02-30" in w for w in result.warnings)


# --- sidecar validation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"page": 0}, "is not a page number"),
        ({"page": "三"}, "is not a page number"),
        ({"page_name": ""}, "must be a short 版名"),
        ({"page_name": 3}, "must be a short 版名"),
        ({"page_name": "要" * 30}, "must be a short 版名"),
        ({"paper": " "}, "paper must be a name"),
    ],
)
def test_a_bad_sidecar_field_is_reported_with_the_sidecar_name(data, problem):
    sidecar = check_sidecar(data, "p.meta.toml")
    assert sidecar.values == {}
    assert len(sidecar.problems) == 1
    assert sidecar.problems[0].startswith("p.meta.toml: ") and problem in sidecar.problems[0]


def test_inspect_records_carry_the_page_model(tmp_path):
    raw = tmp_path / "raw" / "巴南日报" / "2023-04-20"
    raw.mkdir(parents=True)
    page = raw / "03_要闻.txt"
    shutil.copy(SAMPLES / "002_0e83d1fc7624b08c.txt", page)
    records = page_records(process_file(page, raw_dir=tmp_path / "raw"))
    assert records
    for record in records:
        assert record["source"] == "巴南日报/2023-04-20/03_要闻.txt"
        assert (record["paper"], record["issue_date"], record["page_no"], record["page_name"]) == (
            "巴南日报",
            "2023-04-20",
            3,
            "要闻",
        )
        assert record["date"] == "2023-04-20"
        assert record["page_evidence"]["paper"] == "folder"


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_sample_pages_stay_paper_unknown(sample):
    result = process_file(SAMPLES / sample)
    assert result.articles
    assert all(a.paper is None and a.page_no is None for a in result.articles)


def test_a_sidecar_page_model_reaches_the_posts(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLES / "002_0e83d1fc7624b08c.txt", raw / "p.txt")
    (raw / "p.meta.toml").write_text(
        'paper = "巴南日报"\ndate = 2023-04-20\npage = 3\npage_name = "要闻"\n', "utf-8"
    )
    report = import_pages(raw, tmp_path / "posts")
    assert report.written and not report.errors
    for rel in report.written:
        head = (tmp_path / "posts" / rel).read_text("utf-8").split("\n\n", 1)[0]
        for line in ("Paper: 巴南日报", "Issue_date: 2023-04-20", "Page_no: 3", "Page_name: 要闻"):
            assert line in head.splitlines()


def test_a_sidecar_with_only_problems_is_the_empty_sidecar():
    assert check_sidecar({}, "x.meta.toml") == Sidecar()


def test_a_masthead_on_the_page_dates_and_places_its_articles_and_is_kept_as_dropped():
    text = f"{MASTHEAD}\n{RUNNING_HEAD}\n\n招商大会召开\n{BODY}\n责任编辑：张三\n"
    result = process_page(text.encode(), "scan-0042.txt")
    assert result.articles and not result.error
    for art in result.articles:
        assert (art.paper, art.issue_date, art.page_no, art.page_name) == (
            "巴南日报",
            "2023-04-20",
            3,
            "要闻",
        )
        assert art.date == "2023-04-20"
        assert art.date_evidence == f"masthead: {MASTHEAD}"
    # the masthead lines are page furniture: nothing of them reaches an article's text
    dropped = [d.text for a in result.articles for d in a.dropped] + [
        d.text for d in result.dropped
    ]
    assert MASTHEAD in dropped and RUNNING_HEAD in dropped


def test_clean_removes_the_emptied_paper_and_date_folders(tmp_path):
    from newsprint.posts.clean import clean_posts

    raw = tmp_path / "raw" / "巴南日报" / "2023-04-20"
    raw.mkdir(parents=True)
    shutil.copy(SAMPLES / "002_0e83d1fc7624b08c.txt", raw / "3.txt")
    posts = tmp_path / "posts"
    report = import_pages(tmp_path / "raw", posts)
    assert report.written[0].startswith("巴南日报/2023-04-20/3/")
    removed, kept = clean_posts(posts)
    assert removed and not kept
    assert [p.name for p in posts.iterdir()] == [".newsprint.lock"]  # the lock file stays
