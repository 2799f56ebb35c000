"""Stable ASCII slugs: pinyin of the headline plus a short hash of where it came from.

>>> pinyin_slug("百日招商引资290亿元背后的故事")
'bai-ri-zhao-shang-yin-zi-290-yi-yuan-bei-hou-de-gu-shi'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from ..models import PageResult


@lru_cache(maxsize=4096)  # district, topic and author names repeat on every article
def pinyin_slug(text: str, max_len: int = 60) -> str:
    """Lower-case ASCII slug of ``text``: Han characters as pinyin syllables,
    numbers and Latin words whole (full-width ones folded to ASCII).

    >>> pinyin_slug("诗健ADC抗体药物５G项目2.5期")
    'shi-jian-adc-kang-ti-yao-wu-5g-xiang-mu-2-5-qi'
    """
    # pypinyin hands every run of non-Han characters to ``errors`` in one piece.
    text = unicodedata.normalize("NFKC", text)
    parts = lazy_pinyin(text, style=Style.NORMAL, errors=lambda run: [run])
    words: list[str] = []
    for part in parts:
        words.extend(re.findall(r"[a-z0-9]+", part.lower()))
    slug = "-".join(words)
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug


def person_slug(name: str) -> str:
    """A person's slug: pinyin plus a short hash, because names that sound alike
    (张霞, 章霞) must not share a page.

    >>> person_slug("张霞") != person_slug("章霞")
    True
    """
    base = pinyin_slug(name)
    digest = hashlib.sha1(name.encode()).hexdigest()[:4]
    return f"{base}-{digest}" if base else digest


def article_slug(source: str, title: str, ordinal: int) -> str:
    """Slug for the ``ordinal``-th article of page ``source``: stable while the
    page's file name and the article's title are. ``ordinal`` is used only when
    the title gives no letters, so moving an article within its page keeps its URL.

    >>> article_slug("001_x.txt", "遗失启事", 3)
    'yi-shi-qi-shi-e6240f'
    """
    digest = hashlib.sha1(f"{source}\n{title}".encode()).hexdigest()[:6]
    base = pinyin_slug(title, 48) or f"article-{ordinal}"
    return f"{base}-{digest}"


def assign_slugs(result: PageResult) -> None:
    """Give every article of a page a slug, unique within the page.

    Articles with the same headline on one page (two 遗失启事) are told apart by
    their text, not by their place on the page, so an article found or merged
    before them does not move their URLs.

    >>> from newsprint.models import Article, Paragraph
    >>> page = PageResult("p.txt", [Article("p.txt", "遗失启事", paragraphs=[Paragraph(t)])
    ...                             for t in ("张三遗失身份证。", "李四遗失营业执照。")])
    >>> assign_slugs(page)
    >>> [a.slug for a in page.articles]
    ['yi-shi-qi-shi-a91729', 'yi-shi-qi-shi-a91729-c877']
    """
    used: set[str] = set()
    for ordinal, art in enumerate(result.articles, start=1):
        slug = article_slug(result.source, art.title, ordinal)
        if slug in used:
            slug = f"{slug}-{hashlib.sha1(art.body_text.encode()).hexdigest()[:4]}"
        while slug in used:  # the same headline and text twice: only the place differs
            slug = f"{slug}-{ordinal}"
        used.add(slug)
        art.slug = slug
