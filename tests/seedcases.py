"""Articles cut out of the sample pages, for tests that run on real text.

The gold file (``tests/data/gold-seeds-000-002.json``) gives each article's
title, the text its body starts and ends with, and its district and topics;
this module slices the sample pages in ``tests/data/pages/`` accordingly. Pages 003 and
004 have no gold file; their articles are listed here by first and last words,
with the district the page prints for them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from paths import GOLD
from paths import SAMPLES as RAW


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class Case:
    page: str
    title: str
    body: str
    district: str | None
    topics: tuple[str, ...] = ()


def page_text(name: str) -> str:
    return (RAW / name).read_text("utf-8")


def _slice(text: str, start: str, end: str) -> str:
    """Body between two gold snippets; wrapped lines make white space optional."""
    pat = lambda s: r"\s*".join(map(re.escape, _squash(s)))  # noqa: E731
    m1 = re.search(pat(start), text)
    assert m1, start
    m2 = None
    for m in re.finditer(pat(end), text):
        if m.start() >= m1.start():
            m2 = m
            break
    assert m2, end
    return text[m1.start() : m2.end()]


def gold_cases() -> list[Case]:
    gold = json.loads(GOLD.read_text("utf-8"))
    out = []
    for page, entry in gold.items():
        text = page_text(page)
        for a in entry["articles"]:
            out.append(
                Case(
                    page=page,
                    title=a["title"] or "",
                    body=_slice(text, a["body_starts"], a["body_ends"]),
                    district=a["district"],
                    topics=tuple(a.get("topics", ())),
                )
            )
    return out


# Page 003 prints several short district reports; 004 one long 巴南 report.
_EXTRA = [
    (
        "003_9556b01e60d2e770.txt",
        "上半年招商引资成效显著",
        "“顺藤摸瓜引进来",
        "力争培育形成3个新的100亿",
        "永川区",
    ),
    (
        "003_9556b01e60d2e770.txt",
        "每年千万元促科创成果转化",
        "为推动科技创新",
        "营造科技创新良好生态。",
        "巫山县",
    ),
    ("003_9556b01e60d2e770.txt", "", "驱车穿行在巴南大地", "环境越来越整洁美观。", "巴南区"),
    (
        "003_9556b01e60d2e770.txt",
        "重点项目快速有序推进",
        "今年以来，北碚区上下",
        "计划总投资4243亿元。",
        "北碚区",
    ),
    (
        "003_9556b01e60d2e770.txt",
        "“社区客厅”服务零距离",
        "小区环境杂乱无序",
        "共享新格局。",
        "重庆高新区",
    ),
    (
        "003_9556b01e60d2e770.txt",
        "为群众出行系上“安全带”",
        "今年，梁平区把农村公路",
        "提高建设标准。",
        "梁平区",
    ),
    (
        "003_9556b01e60d2e770.txt",
        "紫薇长廊花正开",
        "7月23日，大足区",
        "努力打造集观光采摘为一体的美丽",
        "大足区",
    ),
    (
        "003_9556b01e60d2e770.txt",
        "着力解决城市管理突出问题",
        "“这些路灯修好了",
        "净化了城市空间秩序。",
        "黔江区",
    ),
    (
        "003_9556b01e60d2e770.txt",
        "科创产业获三大引擎强力支撑",
        "走进位于江津双福新区",
        "领域走出去。",
        "江津区",
    ),
    (
        "003_9556b01e60d2e770.txt",
        "喜看梯田千重浪",
        "7月20日，晨光中的南川区",
        "纵横交错、生机盎然。",
        "南川区",
    ),
    (
        "004_1c34474397ac93d4.txt",
        "推动产业升级上台阶 塑造山水之城新气质",
        "开好局、起好步",
        "实事办实。”巴南区相关负责人说。",
        "巴南区",
    ),
]


def extra_cases() -> list[Case]:
    return [
        Case(page, title, _slice(page_text(page), start, end), district)
        for page, title, start, end, district in _EXTRA
    ]
