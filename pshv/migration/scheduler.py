"""Migration limits and queueing.

Live (and quick and shared-nothing) moves count against MaximumVirtualMachineMigrations, storage
moves against MaximumStorageMigrations, each on every host the move involves (source and
destination).  On standalone hosts a move beyond a limit fails at once; between nodes of one
failover cluster moves wait in a FIFO queue and start as soon as their hosts have room.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Category = Literal["live", "storage"]


@dataclass(frozen=True, eq=False)
class Slot:
    """What one migration occupies while it runs."""

    hosts: tuple[str, ...]
    category: Category


class LimitReached(Exception):
    def __init__(self, host: str, limit: int, category: Category) -> None:
        super().__init__(f"{category} migration limit {limit} reached on {host}")
        self.host, self.limit, self.category = host, limit, category


class Scheduler:
    """Counts running migrations per host and category; admits, refuses or queues new ones."""

    def __init__(
        self,
        limit_of: Callable[[str, Category], int],
        queues: Callable[[tuple[str, ...]], bool],
    ) -> None:
        self._limit_of = limit_of
        self._queues = queues
        self.active: Counter[tuple[str, Category]] = Counter()
        self.waiting: list[tuple[Slot, Callable[[], None]]] = []

    def _blocking(self, slot: Slot) -> tuple[str, int] | None:
        for host in slot.hosts:
            limit = self._limit_of(host, slot.category)
            if self.active[(host, slot.category)] >= limit:
                return host, limit
        return None

    def request(self, slot: Slot, start: Callable[[], None]) -> bool:
        """Start now (True), queue (False), or raise :class:`LimitReached`."""
        blocked = self._blocking(slot)
        if blocked is None and not self.waiting_for(slot):
            self._take(slot)
            start()
            return True
        if self._queues(slot.hosts):
            self.waiting.append((slot, start))
            return False
        host, limit = blocked if blocked is not None else (slot.hosts[0], 0)
        raise LimitReached(host, limit, slot.category)

    def waiting_for(self, slot: Slot) -> bool:
        """Whether an earlier queued move needs one of the same hosts (keeps the queue FIFO)."""
        return any(
            set(s.hosts) & set(slot.hosts) and s.category == slot.category for s, _ in self.waiting
        )

    def release(self, slot: Slot) -> None:
        """A migration ended: free its slot and start queued moves that now fit."""
        for host in slot.hosts:
            self.active[(host, slot.category)] -= 1
        self.pump()

    def withdraw(self, slot: Slot) -> bool:
        """Remove a queued move (cancelled before it started); True if it was queued."""
        for i, (s, _) in enumerate(self.waiting):
            if s is slot:
                del self.waiting[i]
                self.pump()
                return True
        return False

    def pump(self) -> None:
        busy: set[tuple[str, Category]] = set()
        for entry in list(self.waiting):
            slot, start = entry
            keys = {(h, slot.category) for h in slot.hosts}
            if keys & busy or self._blocking(slot) is not None:
                busy |= keys
                continue
            self.waiting.remove(entry)
            self._take(slot)
            start()

    def _take(self, slot: Slot) -> None:
        for host in slot.hosts:
            self.active[(host, slot.category)] += 1
