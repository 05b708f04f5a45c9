"""Guest workloads as dirty-page generators.

A workload writes pages at ``rate`` bytes/s: write number k (k = 1, 2, ...) happens at time k/r
(r in pages/s, time from the lab epoch), so the writes in a window (t0, t1] are
floor(r·t1) − floor(r·t0).  ``dirty(t0, t1)`` returns the set of pages those writes touch as a
bitmap (a Python int, bit i = page i of the VM), generated in bulk:

* Sequential sweeps the working set: the window's writes form one contiguous, wrapping range.
* Random draws each write uniformly from the working set with a seeded ``random.Random``: when
  the writes are few next to the working set, every write is drawn (64 random bits each, in one
  call); otherwise the set is drawn directly, each page dirty with the exact probability
  1 − (1 − 1/W)^m, built from whole random words (expected count W·(1 − e^(−m/W))).  The
  cheaper of the two is used.
* Hotspot sends ``hot_share`` of its writes uniformly into the first ``hot_fraction`` of the
  working set and the rest uniformly into the remainder.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Literal

PAGE_SIZE = 4096
PROBABILITY_BITS = 40
RELATIVE_BITS = 16
"""Bits of precision kept below the leading bit of a page's dirty probability."""
WORD_COST_PER_WRITE = 1000
"""A random word over W pages costs about as much as W/1000 individually drawn writes."""

WorkloadKind = Literal["Idle", "Sequential", "Random", "Hotspot"]


@dataclass(frozen=True)
class WorkloadSpec:
    """What the guest does to its memory while it runs."""

    kind: WorkloadKind = "Idle"
    rate: float = 0.0
    """Page-write rate in bytes/s (MB/s × 10^6)."""
    working_set_pages: int = 0
    base_page: int = 0
    """First page of the writable working set within the VM's memory."""
    compressibility: float = 2.0
    """Raw bytes per compressed byte of this guest's memory."""
    hot_fraction: float = 0.1
    hot_share: float = 0.9

    @property
    def pages_per_second(self) -> float:
        return self.rate / PAGE_SIZE


def writes_between(rate_pages: float, t0: float, t1: float) -> int:
    """Number of page writes at ``rate_pages``/s that happen in the window (t0, t1]."""
    if rate_pages <= 0 or t1 <= t0:
        return 0
    return math.floor(rate_pages * t1 + 1e-9) - math.floor(rate_pages * t0 + 1e-9)


def expected_distinct(pages: int, writes: int) -> float:
    """Expected number of distinct pages hit by ``writes`` uniform draws over ``pages``."""
    if pages <= 0:
        return 0.0
    return pages * -math.expm1(writes * math.log1p(-1.0 / pages)) if pages > 1 else float(writes > 0)


def contiguous(start: int, count: int, size: int) -> int:
    """Bitmap of ``count`` pages from ``start`` in a ring of ``size`` pages."""
    if count >= size:
        return (1 << size) - 1
    start %= size
    end = start + count
    if end <= size:
        return ((1 << count) - 1) << start
    return ((1 << (end - size)) - 1) | (((1 << (size - start)) - 1) << start)


def _precision(p: float) -> int:
    """Binary digits of ``p`` worth drawing: 16 significant bits of p or of 1 − p."""
    rarer = min(p, 1.0 - p)
    return min(PROBABILITY_BITS, max(1, math.ceil(-math.log2(rarer))) + RELATIVE_BITS)


def bernoulli_bitmap(rng: random.Random, size: int, p: float) -> int:
    """``size`` independent bits, each set with probability ``p`` (to 16 significant bits)."""
    if p <= 0.0 or size <= 0:
        return 0
    if p >= 1.0 - 2.0**-PROBABILITY_BITS:
        return (1 << size) - 1
    bits = _precision(p)
    digits = round(p * (1 << bits))
    if digits >= 1 << bits:
        return (1 << size) - 1
    x = 0
    lowest = (digits & -digits).bit_length() - 1
    for j in range(lowest, bits):
        r = rng.getrandbits(size)
        x = (r | x) if (digits >> j) & 1 else (r & x)
    return x


def drawn_dirty(rng: random.Random, size: int, writes: int) -> int:
    """Pages hit by ``writes`` individual uniform draws (64-bit multiply-shift) as a bitmap."""
    flags = bytearray((size + 7) >> 3)
    raw = rng.getrandbits(64 * writes).to_bytes(8 * writes, "little")
    for x in memoryview(raw).cast("Q"):
        i = (x * size) >> 64
        flags[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(flags, "little")


def uniform_dirty(rng: random.Random, size: int, writes: int) -> int:
    """Pages hit by ``writes`` uniform draws over ``size`` pages, as a bitmap."""
    if writes <= 0 or size <= 0:
        return 0
    p = expected_distinct(size, writes) / size
    words = _precision(p) if p < 1.0 - 2.0**-PROBABILITY_BITS else 0
    if writes * WORD_COST_PER_WRITE <= words * size:
        return drawn_dirty(rng, size, writes)
    return bernoulli_bitmap(rng, size, p)


class DirtyGenerator:
    """Produces the dirtied-page bitmap of one guest for any time window."""

    def __init__(self, spec: WorkloadSpec, seed: int = 0) -> None:
        self.spec = spec
        self.rng = random.Random(seed)

    def writes(self, t0: float, t1: float) -> int:
        return writes_between(self.spec.pages_per_second, t0, t1)

    def dirty(self, t0: float, t1: float) -> int:
        """Bitmap (over the VM's pages) of the pages written in (t0, t1]."""
        s = self.spec
        w = s.working_set_pages
        if s.kind == "Idle" or w <= 0:
            return 0
        rate = s.pages_per_second
        if s.kind == "Sequential":
            first = math.floor(rate * t0 + 1e-9)
            bits = contiguous(first, self.writes(t0, t1), w)
        elif s.kind == "Random":
            bits = uniform_dirty(self.rng, w, self.writes(t0, t1))
        else:
            hot = max(1, min(w, round(w * s.hot_fraction)))
            hot_writes = writes_between(rate * s.hot_share, t0, t1)
            cold_writes = max(self.writes(t0, t1) - hot_writes, 0)
            bits = uniform_dirty(self.rng, hot, hot_writes)
            if w > hot:
                bits |= uniform_dirty(self.rng, w - hot, cold_writes) << hot
        return bits << s.base_page
