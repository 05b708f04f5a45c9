"""Fluid bandwidth sharing: resources with capacities, flows with weighted max-min fair rates.

A resource (a NIC direction, a volume's read or write side, a host's spare CPU) has a capacity
in bytes/s.  A flow crosses several resources; on each it consumes ``weight`` resource bytes per
byte it carries (1/efficiency on a NIC, the compression ratio on a CPU).  Rates are the weighted
max-min fair allocation (progressive filling), recomputed whenever a flow starts or ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

EPSILON_BYTES = 1e-6
"""A flow with less than this left is complete (absorbs floating-point residue)."""


@dataclass(eq=False)
class Resource:
    """Something with a bandwidth that flows share."""

    key: object
    capacity: float
    flows: set[Flow] = field(default_factory=set)


@dataclass(eq=False)
class Flow:
    """A bulk transfer of ``size`` bytes across weighted resources, optionally rate-capped."""

    size: float
    uses: tuple[tuple[Resource, float], ...]
    cap: float | None = None
    tag: object = None
    link: tuple[str, ...] = ()
    """(sending host, receiving host) of the network connection carrying the flow; () if local."""
    remaining: float = field(init=False)
    rate: float = field(default=0.0, init=False)
    on_done: Callable[[], None] | None = field(default=None, repr=False)
    on_fail: Callable[[BaseException], None] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.remaining = float(self.size)

    @property
    def transferred(self) -> float:
        return self.size - self.remaining


def allocate(flows: list[Flow]) -> None:
    """Set every flow's rate to its weighted max-min fair share (progressive filling)."""
    unfrozen = set(flows)
    used: dict[int, float] = {}
    resources: dict[int, Resource] = {}
    for f in flows:
        f.rate = 0.0
        for r, _ in f.uses:
            resources[id(r)] = r
            used.setdefault(id(r), 0.0)
    while unfrozen:
        level = float("inf")
        bottleneck: set[Flow] = set()
        candidates: list[tuple[float, list[Flow]]] = []
        for rid, r in resources.items():
            users = _users(r, unfrozen)
            weight = sum(w for _, w in users)
            if weight > 0:
                candidates.append((max(r.capacity - used[rid], 0.0) / weight, [f for f, _ in users]))
        candidates.extend((f.cap, [f]) for f in unfrozen if f.cap is not None)
        if not candidates:
            raise ValueError("a flow crosses no resource and has no cap")
        level = min(lam for lam, _ in candidates)
        tolerance = 1e-12 * max(level, 1.0)
        for lam, members in candidates:
            if lam <= level + tolerance:
                bottleneck.update(members)
        for f in bottleneck:
            f.rate = level
            for r, w in f.uses:
                used[id(r)] += w * level
        unfrozen -= bottleneck


def _users(r: Resource, unfrozen: set[Flow]) -> list[tuple[Flow, float]]:
    return [(f, w) for f in r.flows if f in unfrozen for rr, w in f.uses if rr is r]
