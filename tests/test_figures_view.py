"""The figures view, built into a throw-away Pelican site."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from newsprint.site.figures_view import FigureRow, chart, collect_rows, get_generators, html_to_text
from newsprint.site.jinja_filters import JINJA_FILTERS
from pelican import Pelican, signals
from pelican.settings import read_settings

REPO = Path(__file__).resolve().parent.parent
BASE_HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>{% block title %}{{ SITENAME }}{% endblock %}</title></head>
<body>{% block content %}{% endblock %}</body></html>
"""

ARTICLES = {
    "a.md": """Title: 巴南项目开工
Date: 2024-03-02
Category: 巴南区
Slug: banan-kaigong

3月2日，总投资50亿元的惠科显示模组生产线项目正式开工。

该项目达产后年产值约80亿元。
""",
    "b.md": """Title: 巴南签约 A&B <script>
Date: 2024-05-10
Category: 巴南区
Slug: banan-qianyue

签约项目87项，签约金额576.15亿元。
""",
    "c.md": """Title: 永川开工
Date: 2024-05-11
Category: 永川区
Slug: yongchuan

开工西部港桥木材交易中心项目，总投资12亿元、用地500亩。
""",
    "d.md": """Title: 无区县
Date: 2024-05-12
Category: 未分区
Slug: no-district

开工某某新材料产业园项目，总投资9亿元。
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    content = root / "content"
    content.mkdir()
    for name, text in ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    theme = root / "theme"
    shutil.copytree(REPO / "theme" / "templates", theme / "templates")
    (theme / "templates" / "base.html").write_text(BASE_HTML, encoding="utf-8")
    (theme / "static").mkdir()
    output = root / "output"
    settings = read_settings(
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(theme),
            "SITENAME": "测试",
            "SITEURL": "",
            "RELATIVE_URLS": True,
            "ARTICLE_URL": "articles/{slug}.html",
            "ARTICLE_SAVE_AS": "articles/{slug}.html",
            "TIMEZONE": "Asia/Shanghai",
            "DEFAULT_LANG": "zh",
            "PLUGINS": [],
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "CACHE_CONTENT": False,
            # the site turns autoescape on; the figures templates rely on it
            "JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True},
            "JINJA_FILTERS": JINJA_FILTERS,  # the theme's own templates use them
        }
    )
    signals.get_generators.connect(get_generators)
    try:
        Pelican(settings).run()
    finally:
        signals.get_generators.disconnect(get_generators)
    return output


def test_writes_index_and_one_page_per_district(site: Path) -> None:
    index = (site / "figures" / "index.html").read_text("utf-8")
    assert 'href="banan.html"' in index
    assert 'href="yongchuan.html"' in index
    assert (site / "figures" / "banan.html").is_file()
    assert (site / "figures" / "yongchuan.html").is_file()


def test_district_page_links_articles_relatively(site: Path) -> None:
    page = (site / "figures" / "banan.html").read_text("utf-8")
    assert 'href="../articles/banan-kaigong.html"' in page
    assert (site / "articles" / "banan-kaigong.html").is_file()
    assert "惠科显示模组生产线项目" in page
    assert "<svg" in page and "<rect" in page


def test_only_investments_are_listed(site: Path) -> None:
    page = (site / "figures" / "banan.html").read_text("utf-8")
    assert "50亿元" in page
    assert "约80亿元" not in page  # output value, not an investment


def test_titles_are_escaped(site: Path) -> None:
    page = (site / "figures" / "banan.html").read_text("utf-8")
    assert "<script>" not in page
    assert "巴南签约 A&amp;B" in page


def test_json_and_csv_hold_all_rows(site: Path) -> None:
    rows = json.loads((site / "figures" / "figures.json").read_text("utf-8"))
    assert {(r["district"], r["unit_text"]) for r in rows} == {
        ("巴南区", "50亿元"),
        ("巴南区", "576.15亿元"),
        ("永川区", "12亿元"),
    }
    with (site / "figures" / "figures.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows)


class _Article:
    def __init__(self, content: str, category: str | None) -> None:
        self.content, self.category, self.title, self.url = content, category, "t", "a.html"
        self.date = None


def test_articles_without_district_are_skipped() -> None:
    assert collect_rows([_Article("<p>总投资50亿元。</p>", None)]) == []
    assert len(collect_rows([_Article("<p>总投资50亿元。</p>", "巴南区")])) == 1


def test_chart_sums_per_year_over_long_spans() -> None:
    def row(date: str, amount: float) -> FigureRow:
        return FigureRow("巴南区", "banan", "x", amount, "", "总投资", date, "t", "u", "s")

    c = chart([row("2021-01-01", 1e8), row("2024-06-01", 2e8), row("2024-09-01", 3e8)])
    assert c["unit"] == "year"
    assert [(b.label, b.total_yi) for b in c["bars"]] == [("2021", 1.0), ("2024", 5.0)]
    tallest = max(c["bars"], key=lambda b: b.height)
    assert tallest.label == "2024"


def test_html_to_text_keeps_paragraphs_apart() -> None:
    assert html_to_text("<p>一</p><p>二</p>") == "一\n二"


def test_unassigned_articles_get_no_figures_page(site: Path) -> None:
    names = {p.name for p in (site / "figures").glob("*.html")}
    assert names == {"index.html", "banan.html", "yongchuan.html"}
    rows = json.loads((site / "figures" / "figures.json").read_text("utf-8"))
    assert "未分区" not in {r["district"] for r in rows}


def test_totals_add_single_projects_only_and_say_so(site: Path) -> None:
    """巴南: 50亿元 for one named project; the 87 signed projects' 576.15亿元 is
    listed with its scope but never added to it."""
    page = (site / "figures" / "banan.html").read_text("utf-8")
    assert "计划总投资：单个项目合计 50.00 亿元" in page
    assert "签约/合同：单个项目合计" not in page
    assert "576.15亿元" in page and "一批项目" in page
    assert "626.15" not in page
    assert "只列出，不相加" in page
    index = (site / "figures" / "index.html").read_text("utf-8")
    assert "计划总投资 50.00" in index


def test_data_files_say_what_each_amount_measures(site: Path) -> None:
    rows = json.loads((site / "figures" / "figures.json").read_text("utf-8"))
    by_text = {r["unit_text"]: r for r in rows}
    assert by_text["576.15亿元"]["measure"] == "签约/合同"
    assert by_text["576.15亿元"]["scope"] == "一批项目"
    assert by_text["50亿元"]["summable"] is True
    assert by_text["576.15亿元"]["summable"] is False
