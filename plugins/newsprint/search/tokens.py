"""Search tokenizer shared by the index builder and the browser.

One definition of "token", implemented twice — here and in
``theme/static/js/tokenize.js`` — and kept identical by
``tests/test_tokenize_parity.py``, which runs both over the sample pages.

Rules, applied to ``normalize(text)`` (Unicode NFKC, lower case, then
traditional and variant characters folded to simplified by :mod:`newsprint.search.fold`,
so full-width ``ＣＤＭＯ２０２３`` and half-width ``cdmo2023`` are the same, and
so are ``巴南區`` and ``巴南区``):

* A run of Han characters becomes its overlapping character bigrams;
  a lone Han character is its own token.
* ``[0-9]+(\\.[0-9]+)+`` is one token (decimals and dotted numbers: ``595.5``).
* Any other run of ASCII letters and digits is one token (``5g``, ``gr2001``,
  ``cdmo``, ``2023``).
* Everything else (punctuation, spaces, other scripts) separates tokens.
  Han and Latin never join: ``290亿元`` is ``290`` then the bigram ``亿元``.

With ``tails=True`` (used for indexing), the last character of every Han run of
two or more characters is emitted as well, right after the run's bigrams.
Every Han character in the text is then the first character of some token, so
a one-character query can be answered with a prefix search (``渝*``) that also
finds ``川渝``.

>>> tokenize("巴南区2023年签约ＣＤＭＯ项目，投资595.5亿元")
['巴南', '南区', '2023', '年签', '签约', 'cdmo', '项目', '投资', '595.5', '亿元']
>>> tokenize("川渝 5G", tails=True)
['川渝', '渝', '5g']
>>> tokenize("渝")
['渝']
"""

from __future__ import annotations

import re
import unicodedata

from ..text import HAN
from .fold import fold

TOKEN_RE = re.compile(f"([{HAN}]+)|([0-9]+(?:\\.[0-9]+)+|[a-z0-9]+)")


def normalize(text: str) -> str:
    """NFKC, lower case, traditional → simplified: the form index and query are read in.

    >>> normalize("ＣＤＭＯ　５Ｇ，招商引資")
    'cdmo 5g,招商引资'
    """
    return fold(unicodedata.normalize("NFKC", text).lower())


def tokenize(text: str, *, tails: bool = False) -> list[str]:
    """Split text into search tokens (see the module docstring for the rules)."""
    tokens: list[str] = []
    for match in TOKEN_RE.finditer(normalize(text)):
        han, word = match.groups()
        if word is not None:
            tokens.append(word)
        elif len(han) == 1:
            tokens.append(han)
        else:
            tokens.extend(han[i : i + 2] for i in range(len(han) - 1))
            if tails:
                tokens.append(han[-1])
    return tokens


def is_han(char: str) -> bool:
    """True for a Han ideograph (the first character of a Han token)."""
    return _HAN_CHAR.fullmatch(char) is not None


_HAN_CHAR = re.compile(f"[{HAN}]")
