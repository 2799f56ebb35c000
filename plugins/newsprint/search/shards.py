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
#: Beyond ~12M tokens (~8,000 articles) shards grow instead of multiplying.
MAX_SHARDS = 1024


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
    """A power of two giving roughly TOKENS_PER_SHARD tokens a shard (1 … MAX_SHARDS)."""
    n = 1
    while n < MAX_SHARDS and total_tokens / n > TOKENS_PER_SHARD:
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


def term_key(term: str, groups: dict[str, int] | None = None) -> str:
    """The unit shards are packed by: a Han term's first character, or, when that
    character is *split* into ``groups[char]`` groups (too much posting volume for
    one shard), the character and the term's group ``term_hash(term) % groups``;
    for any other term ``#`` and its hash bucket.

    >>> term_key("巴南"), term_key("巴南", {"巴": 4}), term_key("2023")
    ('巴', '巴/3', '#255')
    """
    first = term[0]
    if is_han(first):
        count = groups.get(first) if groups else None
        return first if count is None else f"{first}/{term_hash(term) % count}"
    return f"#{term_hash(term) % HASH_BUCKETS}"


@dataclass
class ShardPlan:
    """Which shard holds which term (mirrored by ``shardFor`` in search-core.js).

    ``keys[s]`` lists the Han characters packed whole into shard ``s``,
    ``buckets[b]`` the shard of non-Han hash bucket ``b``, and ``groups[c]`` the
    shards of the groups of a split character ``c``: its term ``t`` is in
    ``groups[c][term_hash(t) % len(groups[c])]`` (see :func:`term_key`).
    """

    shards: int
    keys: list[list[str]]
    buckets: list[int]
    groups: dict[str, list[int]] = field(default_factory=dict)
    _where: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._where = {k: s for s, keys in enumerate(self.keys) for k in keys}

    @property
    def split(self) -> frozenset[str]:
        """The Han characters whose terms are spread over several groups."""
        return frozenset(self.groups)

    def shard_of(self, term: str) -> int | None:
        """The shard holding ``term``, None for a Han key the corpus does not have."""
        first = term[0]
        if not is_han(first):
            return self.buckets[term_hash(term) % HASH_BUCKETS]
        shards = self.groups.get(first)
        if shards is not None:
            return shards[term_hash(term) % len(shards)]
        return self._where.get(first)

    def prefix_shards(self, char: str) -> list[int]:
        """Shards holding the terms that start with ``char`` (a prefix query ``渝*``)."""
        if char in self.groups:
            return sorted(set(self.groups[char]))
        s = self._where.get(char)
        return [] if s is None else [s]

    def manifest(self) -> dict:
        return {
            "keys": [" ".join(k) for k in self.keys],
            "buckets": self.buckets,
            "groups": {c: self.groups[c] for c in sorted(self.groups)},
        }

    @classmethod
    def pack(cls, volume: dict[str, int], shards: int) -> ShardPlan:
        """Greedy bin-packing of terms, by posting volume, into ``shards`` shards.

        ``volume`` maps terms to an estimate of their bytes in the index. A Han
        character whose terms together exceed a shard's fair share is split into
        ``ceil(volume / fair)`` groups by term hash (about a shard each), so its
        prefix query reads those few shards and the manifest names the groups, not
        the terms; any other character stays whole, so its prefix query reads one
        shard. Units largest first, each into the lightest shard.
        """
        char_volume: dict[str, int] = {}
        for term, v in volume.items():
            if is_han(term[0]):
                char_volume[term[0]] = char_volume.get(term[0], 0) + v
        fair = sum(volume.values()) / shards
        counts = {c: math.ceil(v / fair) for c, v in char_volume.items() if v > fair}
        units: dict[str, int] = {f"#{b}": 0 for b in range(HASH_BUCKETS)}
        for c, k in counts.items():
            units.update((f"{c}/{g}", 0) for g in range(k))
        for term, v in volume.items():
            key = term_key(term, counts)
            units[key] = units.get(key, 0) + v
        heap = [(0, s) for s in range(shards)]
        keys: list[list[str]] = [[] for _ in range(shards)]
        buckets = [0] * HASH_BUCKETS
        groups = {c: [0] * k for c, k in counts.items()}
        for key, v in sorted(units.items(), key=lambda kv: (-kv[1], kv[0])):
            load, s = heapq.heappop(heap)
            if key[0] == "#" and len(key) > 1:
                buckets[int(key[1:])] = s
            elif len(key) > 1 and key[1] == "/":
                groups[key[0]][int(key[2:])] = s
            else:
                keys[s].append(key)
            heapq.heappush(heap, (load + v, s))
        return cls(shards, [sorted(k) for k in keys], buckets, groups)
