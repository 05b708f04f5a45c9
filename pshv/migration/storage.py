"""Storage migration: copy block by block while the guest writes, then mirror and catch up.

A disk's content is a fingerprint per block (``array('Q')``); a guest write gives a block a
fresh fingerprint.  The copy moves the used blocks in chunks; during a chunk the destination
receives the blocks as they were read, and the guest's writes of that window go to the source:
a write to a block already copied (or being copied) is tracked.  After the initial copy, writes
go to both disks (mirroring) while the tracked blocks are replicated; then the two disks are
identical and the VM can switch to the destination disk.  The process returns whether the
fingerprints matched at that moment.
"""

from __future__ import annotations

import itertools
import math
import random
from array import array
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from pshv.migration.engine import Engine, Event, Transfer
from pshv.migration.fluid import Flow
from pshv.migration.trace import TraceRecorder

BLOCK_SIZE = 2 << 20
CHUNK_BLOCKS = 512
"""Blocks per copy step (1 GiB): the granularity at which guest writes are applied."""

_fresh = itertools.count(1 << 40)


def fresh_fingerprint() -> int:
    """A fingerprint no block has had before."""
    return next(_fresh)


@dataclass
class DiskImage:
    """The content of one virtual disk file: one fingerprint per used block."""

    path: str
    blocks: array
    block_size: int = BLOCK_SIZE

    @classmethod
    def filled(cls, path: str, used_bytes: int, seed: int, block_size: int = BLOCK_SIZE) -> DiskImage:
        rng = random.Random(seed)
        n = math.ceil(used_bytes / block_size)
        return cls(path, array("Q", (rng.getrandbits(63) for _ in range(n))), block_size)

    @classmethod
    def empty_like(cls, path: str, other: DiskImage) -> DiskImage:
        return cls(path, array("Q", bytes(8 * len(other.blocks))), other.block_size)

    @property
    def used_bytes(self) -> int:
        return len(self.blocks) * self.block_size


@dataclass
class DiskWriter:
    """The guest's disk writes: ``rate`` bytes/s of whole-block writes, uniform over the disk.

    Write k happens at time k/(rate/block size), like page writes of memory workloads.
    """

    rate: float
    seed: int = 0
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def blocks(self, disk: DiskImage, t0: float, t1: float) -> list[int]:
        """Blocks written in (t0, t1], in write order."""
        n = len(disk.blocks)
        per_sec = self.rate / disk.block_size
        if n == 0 or per_sec <= 0 or t1 <= t0:
            return []
        count = math.floor(per_sec * t1 + 1e-9) - math.floor(per_sec * t0 + 1e-9)
        return [self.rng.randrange(n) for _ in range(count)]


@dataclass
class Mirror:
    """A synchronized source/destination pair receiving the guest's writes on both sides."""

    source: DiskImage
    destination: DiskImage
    writer: DiskWriter | None
    since: float

    def apply(self, now: float) -> None:
        """Apply the writes made since the last call to both disks."""
        if self.writer is not None:
            for b in self.writer.blocks(self.source, self.since, now):
                self.source.blocks[b] = self.destination.blocks[b] = fresh_fingerprint()
        self.since = now

    def identical(self) -> bool:
        return self.source.blocks == self.destination.blocks


def copy_disk(
    engine: Engine,
    source: DiskImage,
    destination: DiskImage,
    writer: DiskWriter | None,
    route: Callable[[float], list[Flow]],
    rec: TraceRecorder,
) -> Generator[Event, Any, Mirror]:
    """Copy ``source`` to ``destination`` (pre-sized) and bring them in sync; returns the mirror.

    ``route(bytes)`` builds the flows that carry the bytes (volumes and, across hosts, NICs).
    """
    n = len(source.blocks)
    tracked: set[int] = set()
    cursor = 0
    bs = source.block_size
    while cursor < n:
        end = min(n, cursor + CHUNK_BLOCKS)
        t0 = engine.now
        transfer = Transfer(engine, route((end - cursor) * bs))
        done_before = rec.done_bytes
        rec.in_flight = lambda: transfer.transferred
        yield transfer
        rec.in_flight = lambda: 0.0
        rec.done_bytes = done_before + (end - cursor) * bs
        rec.trace.StorageBytesTransferred += (end - cursor) * bs
        destination.blocks[cursor:end] = source.blocks[cursor:end]
        if writer is not None:
            for b in writer.blocks(source, t0, engine.now):
                source.blocks[b] = fresh_fingerprint()
                if b < end:
                    tracked.add(b)
        cursor = end
        rec.report()
    mirror = Mirror(source, destination, writer, engine.now)
    if tracked:
        rec.say(f"{source.path}: replicating {len(tracked)} blocks written during the copy.")
        pending = sorted(tracked)
        read = [source.blocks[b] for b in pending]
        rec.planned_bytes += len(pending) * bs
        yield Transfer(engine, route(len(pending) * bs))
        for b, value in zip(pending, read):
            destination.blocks[b] = value
        mirror.apply(engine.now)
        rec.done_bytes += len(pending) * bs
        rec.trace.StorageBytesTransferred += len(pending) * bs
    return mirror
