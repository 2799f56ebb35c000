"""Which shard holds which term: term keys, hash buckets and the greedy packing.

See :mod:`newsprint.search.index` for why the vocabulary is sharded; the plan is
mirrored by ``shardFor`` in search-core.js.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from .tokens import is_han

#: Roughly this many tokens a shard when the shard count is chosen from the corpus.
TOKENS_PER_SHARD = 12_000
HASH_BUCKETS = 256  # non-Han terms are packed by hash bucket


def term_hash(text: str) -> int:
    """h*31 + code point, modulo 2**32 (search-core.js: Math.imul(h, 31) + cp >>> 0).

    >>> term_hash("ab")
    3105
    """
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    return h


def shard_name(number: int, shards: int) -> str:
    return format(number, "x").zfill(len(format(max(shards - 1, 0), "x")))


def choose_shard_count(total_tokens: int) -> int:
    """A power of two giving roughly TOKENS_PER_SHARD tokens a shard (1 … 1024)."""
    n = 1
    while n < 1024 and total_tokens / n > TOKENS_PER_SHARD:
        n *= 2
    return n


def ref_of(number: int) -> str:
    """Base-36 document ref: short, and the same digits JS parseInt(ref, 36) reads."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def term_key(term: str, split: frozenset[str] | set[str] = frozenset()) -> str:
    """The unit shards are packed by: a Han term's first character, or the whole
    term when that character is *split* (too much posting volume for one shard);
    for any other term ``#`` and its hash bucket.

    >>> term_key("巴南"), term_key("巴南", {"巴"}), term_key("2023")
    ('巴', '巴南', '#255')
    """
    first = term[0]
    if is_han(first):
        return term if first in split else first
    return f"#{term_hash(term) % HASH_BUCKETS}"


@dataclass
class ShardPlan:
    """Which shard holds which term (mirrored by ``shardFor`` in search-core.js).

    ``keys[s]`` lists the Han keys packed into shard ``s`` (see :func:`term_key`),
    ``buckets[b]`` the shard of non-Han hash bucket ``b``; ``split`` the Han
    characters whose terms were packed one by one.
    """

    shards: int
    keys: list[list[str]]
    buckets: list[int]
    split: frozenset[str] = frozenset()
    _where: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._where = {k: s for s, keys in enumerate(self.keys) for k in keys}

    def shard_of(self, term: str) -> int | None:
        """The shard holding ``term``, None for a Han key the corpus does not have."""
        key = term_key(term, self.split)
        if key[0] == "#" and len(key) > 1:
            return self.buckets[int(key[1:])]
        return self._where.get(key)

    def prefix_shards(self, char: str) -> list[int]:
        """Shards holding the terms that start with ``char`` (a prefix query ``渝*``)."""
        if char in self.split:
            return sorted({s for k, s in self._where.items() if k[0] == char})
        s = self._where.get(char)
        return [] if s is None else [s]

    def manifest(self) -> dict:
        return {
            "keys": [" ".join(k) for k in self.keys],
            "buckets": self.buckets,
            "split": "".join(sorted(self.split)),
        }

    @classmethod
    def pack(cls, volume: dict[str, int], shards: int) -> ShardPlan:
        """Greedy bin-packing of terms, by posting volume, into ``shards`` shards.

        ``volume`` maps terms to an estimate of their bytes in the index. A Han
        character whose terms together exceed a shard's fair share is split
        (its terms packed one by one); the rest stay whole, so a one-character
        prefix query reads one shard. Largest first, each into the lightest shard.
        """
        char_volume: dict[str, int] = {}
        for term, v in volume.items():
            if is_han(term[0]):
                char_volume[term[0]] = char_volume.get(term[0], 0) + v
        fair = sum(volume.values()) / shards
        split = frozenset(c for c, v in char_volume.items() if v > fair / 2)
        # A unit: its keys and volume. A split character's terms are grouped into as
        # few units of at most ~half a shard as balance allows, so its prefix query
        # reads those few shards, not one shard per term.
        units: dict[str, tuple[list[str], int]] = {}
        for b in range(HASH_BUCKETS):
            units[f"#{b}"] = ([], 0)
        by_char: dict[str, list[tuple[str, int]]] = {}
        for term, v in volume.items():
            key = term_key(term, split)
            if key != term or term[0] not in split:
                names, total = units.get(key, ([key], 0))
                units[key] = (names, total + v)
            else:
                by_char.setdefault(term[0], []).append((term, v))
        for char, terms in by_char.items():
            for g, group in enumerate(_groups(terms, math.ceil(2 * char_volume[char] / fair))):
                units[f"{char}\0{g}"] = ([t for t, _ in group], sum(v for _, v in group))
        heap = [(0, s) for s in range(shards)]
        keys: list[list[str]] = [[] for _ in range(shards)]
        buckets = [0] * HASH_BUCKETS
        for unit, (names, v) in sorted(units.items(), key=lambda kv: (-kv[1][1], kv[0])):
            load, s = heapq.heappop(heap)
            if unit[0] == "#" and len(unit) > 1:
                buckets[int(unit[1:])] = s
            else:
                keys[s].extend(names)
            heapq.heappush(heap, (load + v, s))
        return cls(shards, [sorted(k) for k in keys], buckets, split)


def _groups(terms: list[tuple[str, int]], count: int) -> list[list[tuple[str, int]]]:
    """``terms`` (term, volume) in ``count`` groups of about equal volume, heaviest
    first into the lightest.

    >>> _groups([("区县", 4), ("区委", 3), ("区", 1), ("区域", 1)], 2)
    [[('区县', 4), ('区域', 1)], [('区委', 3), ('区', 1)]]
    """
    groups: list[list[tuple[str, int]]] = [[] for _ in range(max(count, 1))]
    heap = [(0, g) for g in range(len(groups))]
    for term, v in sorted(terms, key=lambda tv: (-tv[1], tv[0])):
        load, g = heapq.heappop(heap)
        groups[g].append((term, v))
        heapq.heappush(heap, (load + v, g))
    return [g for g in groups if g]
