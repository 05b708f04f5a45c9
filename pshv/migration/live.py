"""Live migration by iterative pre-copy, and quick migration of a VM that is off or saved.

Phases: Setup (connection, skeleton VM, memory reserved), MemoryCopy (pass 0 sends every utilized
page; each next pass sends exactly the pages the guest dirtied during the previous one),
StopAndCopy (the VM pauses; last pages and CPU/device state), StorageHandover, Resume (on the
destination), NetworkCleanup (the MAC is announced on the new switch port).

Stop-and-copy starts after a pass when the dirtied set fits the blackout target (raw bytes ≤
measured raw rate × ``blackout_target``), or after ``max_passes`` passes, or when the pass did
not shrink the set; the Xen-like rules (total sent > factor × RAM, fewer than ``min_pages``) are
available for comparisons.  The switch-over is the end of the stop-and-copy transfer: before it a
failure leaves the VM on the source, after it the move completes.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

from pshv.migration.engine import Engine, Event, Transfer
from pshv.migration.trace import RoundRecord, TraceRecorder
from pshv.migration.transports import Channel
from pshv.migration.workloads import PAGE_SIZE, DirtyGenerator

Hook = Callable[[], None]


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class PrecopyPolicy:
    """Stop rules and fixed costs of a live migration (Hyper-V-like defaults)."""

    blackout_target: float = 0.3
    max_passes: int | None = 10
    stop_when_not_shrinking: bool = True
    max_total_factor: float | None = None
    min_pages: int = 0
    setup_seconds: float = 1.0
    device_state_bytes: int = 1 << 20
    handover_seconds: float = 0.01
    resume_seconds: float = 0.02
    cleanup_seconds: float = 0.05

    @classmethod
    def analytic(cls, **changes: Any) -> PrecopyPolicy:
        """No fixed costs and no device state: what the closed-form model computes."""
        base = dict(
            setup_seconds=0.0,
            device_state_bytes=0,
            handover_seconds=0.0,
            resume_seconds=0.0,
            cleanup_seconds=0.0,
        )
        base.update(changes)
        return cls(**base)


@dataclass
class LiveJob:
    """Everything one pre-copy needs; hooks apply its effects to the world."""

    memory_pages: int
    utilized: int
    """Bitmap of the pages pass 0 sends (touched pages; zero pages cost nothing)."""
    workload: DirtyGenerator
    channel: Channel
    policy: PrecopyPolicy = field(default_factory=PrecopyPolicy)
    on_setup: Hook = _nothing
    on_commit: Hook = _nothing
    on_resume: Hook = _nothing
    on_cleanup: Hook = _nothing


def _send(engine: Engine, rec: TraceRecorder, channel: Channel, raw: float) -> Transfer:
    transfer = Transfer(engine, channel.flows(raw, tag=rec.id))
    rec.in_flight = lambda: transfer.transferred * channel.compressibility
    return transfer


def _sent(rec: TraceRecorder, channel: Channel, raw: float, memory: int) -> None:
    rec.in_flight = lambda: 0.0
    rec.done_bytes += raw
    rec.trace.MemoryBytesTransferred += memory
    rec.trace.WireBytes += channel.wire_bytes(raw)


def _should_stop(p: PrecopyPolicy, passes: int, sent: int, dirtied: int, rate: float,
                 total_pages: int, memory_pages: int) -> bool:
    if dirtied * PAGE_SIZE <= rate * p.blackout_target or dirtied < p.min_pages:
        return True
    if p.max_passes is not None and passes >= p.max_passes:
        return True
    if p.stop_when_not_shrinking and dirtied >= sent:
        return True
    return p.max_total_factor is not None and total_pages > p.max_total_factor * memory_pages


def precopy(engine: Engine, job: LiveJob, rec: TraceRecorder) -> Generator[Event, Any, None]:
    """The live-migration process (run it with ``engine.process``)."""
    p, ch = job.policy, job.channel
    rec.begin_phase("Setup")
    job.on_setup()
    yield engine.timeout(p.setup_seconds)

    rec.begin_phase("MemoryCopy")
    to_send = job.utilized
    rec.planned_bytes += to_send.bit_count() * PAGE_SIZE
    passes = total_pages = 0
    while True:
        pages = to_send.bit_count()
        raw = pages * PAGE_SIZE
        rec.current_pass = passes
        rec.report()
        t0 = engine.now
        yield _send(engine, rec, ch, raw)
        t1 = engine.now
        _sent(rec, ch, raw, raw)
        to_send = job.workload.dirty(t0, t1)
        dirtied = to_send.bit_count()
        rec.add_round(RoundRecord(passes, pages, raw, t1 - t0, dirtied))
        passes += 1
        total_pages += pages
        rate = raw / (t1 - t0) if t1 > t0 else float("inf")
        if _should_stop(p, passes, pages, dirtied, rate, total_pages, job.memory_pages):
            break
        rec.planned_bytes += dirtied * PAGE_SIZE

    rec.begin_phase("StopAndCopy")
    rec.current_pass = passes
    pages = to_send.bit_count()
    raw = pages * PAGE_SIZE
    rec.planned_bytes += raw + p.device_state_bytes
    paused = engine.now
    yield _send(engine, rec, ch, raw + p.device_state_bytes)
    _sent(rec, ch, raw + p.device_state_bytes, raw)
    rec.add_round(RoundRecord(passes, pages, raw, engine.now - paused, 0, StopAndCopy=True))
    job.on_commit()

    rec.begin_phase("StorageHandover")
    yield engine.timeout(p.handover_seconds)
    rec.begin_phase("Resume")
    yield engine.timeout(p.resume_seconds)
    job.on_resume()
    rec.trace.BlackoutSeconds = engine.now - paused
    rec.begin_phase("NetworkCleanup")
    yield engine.timeout(p.cleanup_seconds)
    job.on_cleanup()


@dataclass
class QuickJob:
    """A VM that is off or saved: configuration and state files move, nothing runs."""

    state_bytes: int
    channel: Channel
    setup_seconds: float = 1.0
    on_setup: Hook = _nothing
    on_commit: Hook = _nothing


def quick(engine: Engine, job: QuickJob, rec: TraceRecorder) -> Generator[Event, Any, None]:
    """The quick-migration process: setup, copy configuration and state, register."""
    rec.begin_phase("Setup")
    job.on_setup()
    yield engine.timeout(job.setup_seconds)
    rec.begin_phase("CopyState")
    rec.planned_bytes += job.state_bytes
    yield _send(engine, rec, job.channel, job.state_bytes)
    _sent(rec, job.channel, job.state_bytes, 0)
    rec.trace.StorageBytesTransferred += job.state_bytes
    job.on_commit()
