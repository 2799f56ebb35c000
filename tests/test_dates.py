"""page_date and sidecars."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import ClassVar

import pytest
from newsprint.tag.dates import PageDate, load_sidecar, page_date
from paths import GOLD as GOLD_FILE

from tests.seedcases import page_text

GOLD = json.loads(GOLD_FILE.read_text("utf-8"))


def _gold_value(page: dict) -> str:
    parts = [str(page["year"])] + [f"{page[k]:02d}" for k in ("month", "day") if k in page]
    return "-".join(parts)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_gold_pages(name: str) -> None:
    got = page_date(page_text(name))
    assert got is not None
    assert got.value == _gold_value(GOLD[name]["page"])


@pytest.mark.parametrize(
    ("name", "value", "precision"),
    [
        ("003_9556b01e60d2e770.txt", "2021-07", "month"),
        ("004_1c34474397ac93d4.txt", "2022", "year"),
    ],
)
def test_other_seed_pages(name: str, value: str, precision: str) -> None:
    got = page_date(page_text(name))
    assert got is not None and (got.value, got.precision) == (value, precision)


def test_standalone_date_is_the_day() -> None:
    text = "交房公告\n于2023年4月30日正式交房。\n重庆某某公司\n2023年4月20日\n"
    assert page_date(text) == PageDate("2023-04-20", "day", "2023年4月20日")


def test_inline_event_day_is_not_promoted_to_a_day() -> None:
    got = page_date("2023年12月12日，产业园正式开工。")
    assert got is not None and got.precision != "day"


def test_retrospective_year_means_next_year() -> None:
    got = page_date("过去的2023年，全区稳中求进。")
    assert got is not None and (got.value, got.precision) == ("2024", "year")


def test_targets_and_plan_ranges_are_not_the_current_year() -> None:
    got = page_date("2021年上半年完成投资。到2025年建成。实施方案（2023—2027年）印发。")
    assert got is not None and got.value.startswith("2021")


def test_future_months_do_not_count() -> None:
    got = page_date("2021年全区项目推进。7月21日工程开工，预计将在11月底完工。")
    assert got is not None and got.value == "2021-07"


def test_months_of_last_year_do_not_count() -> None:
    got = page_date("2024年一季度增长。去年12月项目签约。今年3月开工。")
    assert got is not None and got.value == "2024-03"


def test_plan_year_does_not_anchor_months() -> None:
    got = page_date("3月2日，项目开工。2022年，全区将推动产业升级。")
    assert got is not None and (got.value, got.precision) == ("2022", "year")


def test_no_year_no_date() -> None:
    assert page_date("7月1日，公司获批。") is None
    assert page_date("") is None


def test_sidecar_wins(tmp_path: Path) -> None:
    raw = tmp_path / "005_page.txt"
    raw.write_text("2021年4月1日\n", encoding="utf-8")
    (tmp_path / "005_page.meta.toml").write_text(
        'paper = "巴南日报"\ndate = 2023-04-20\npage = 3\n', encoding="utf-8"
    )
    side = load_sidecar(raw)
    assert side is not None and side["paper"] == "巴南日报"
    assert page_date(raw.read_text("utf-8"), side) == PageDate("2023-04-20", "day", "sidecar")


@pytest.mark.parametrize(
    ("value", "expected"), [("2024", ("2024", "year")), ("2024-7", ("2024-07", "month"))]
)
def test_sidecar_precision(value: str, expected: tuple[str, str]) -> None:
    got = page_date("", {"date": value})
    assert got is not None and (got.value, got.precision) == expected


def test_json_sidecar_and_missing_sidecar(tmp_path: Path) -> None:
    raw = tmp_path / "a.txt"
    assert load_sidecar(raw) is None
    (tmp_path / "a.meta.json").write_text('{"date": "2022-05"}', encoding="utf-8")
    assert load_sidecar(raw) == {"date": "2022-05"}


def test_bad_sidecar_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "b.meta.toml").write_text("date = ", encoding="utf-8")
    with pytest.raises(ValueError):
        load_sidecar(tmp_path / "b.txt")
    with pytest.raises(ValueError):
        page_date("", {"date": "April"})


class _Undated:
    """A post whose page names no date: Pelican got 1970-01-01 as padding."""

    date = datetime.date(1970, 1, 1)
    date_precision = "unknown"
    category = "巴南区"
    title = "t"
    url = "u.html"
    content = "<p>总投资50亿元的惠科显示模组生产线项目开工。</p>"
    metadata: ClassVar[dict] = {"date_precision": "unknown"}


def test_an_unknown_date_is_never_shown_as_1970():
    from newsprint.search.docs import doc_from_article
    from newsprint.site.figures_view import collect_rows
    from newsprint.site.jinja_filters import article_date, iso_date

    assert article_date(_Undated()) == "日期不详"
    assert iso_date(_Undated()) == ""
    assert collect_rows([_Undated()])[0].date == ""
    assert doc_from_article(_Undated()).date == ""


def test_the_year_context_words_come_from_the_data_file_an_editor_extends():
    import tomllib
    from importlib import resources

    from newsprint.tag import dates

    words = tomllib.loads(
        resources.files("newsprint").joinpath("data/dates.toml").read_text("utf-8")
    )
    patterns = {
        "future": dates._FUTURE,
        "target": dates._TARGET,
        "retrospective": dates._RETRO,
        "not_this_year": dates._NOT_THIS_YEAR,
    }
    assert set(words) == set(patterns)
    for name, pattern in patterns.items():
        assert words[name] and len(set(words[name])) == len(words[name]), name
        assert all(pattern.search(f"2023年，{w}") for w in words[name]), name
