"""Lab-free harness: run pre-copy migrations over one link, as the reference cases describe."""

from __future__ import annotations

from pshv.migration.engine import Engine
from pshv.migration.live import LiveJob, PrecopyPolicy, precopy
from pshv.migration.trace import MigrationTrace, TraceRecorder
from pshv.migration.transports import Nic, TransportSettings, make_channel
from pshv.migration.workloads import PAGE_SIZE, DirtyGenerator, WorkloadSpec

EXACT = TransportSettings(tcp_efficiency=1.0)


def sequential(memory: int, rate: float) -> WorkloadSpec:
    return WorkloadSpec("Sequential", rate, memory // PAGE_SIZE)


def run_on_link(
    memory: int,
    link: float,
    specs: list[WorkloadSpec],
    policy: PrecopyPolicy,
    *,
    option: str = "TCPIP",
    settings: TransportSettings = EXACT,
    spare_lps: int = 0,
    nics: int = 1,
    rdma: bool = False,
) -> list[MigrationTrace]:
    """Migrate one VM per spec, all at once, from host A to host B over the same NICs."""
    engine = Engine()
    src = [Nic("A", f"n{i}", link, f"10.0.{i}.0/24", rdma) for i in range(nics)]
    dst = [Nic("B", f"n{i}", link, f"10.0.{i}.0/24", rdma) for i in range(nics)]
    pairs = list(zip(src, dst))
    recorders = []
    for i, spec in enumerate(specs):
        channel = make_channel(
            engine, option, pairs,  # type: ignore[arg-type]
            compressibility=spec.compressibility, spare_lps=spare_lps, settings=settings,
        )
        pages = memory // PAGE_SIZE
        trace = MigrationTrace(f"vm{i}", "Live", "A", "B", channel.mode)
        rec = TraceRecorder(i, trace, lambda: engine.now)
        job = LiveJob(pages, (1 << pages) - 1, DirtyGenerator(spec, seed=i), channel, policy)
        recorders.append((rec, engine.process(precopy(engine, job, rec))))
    engine.run()
    for rec, proc in recorders:
        assert proc.error is None, proc.error
        rec.finish("Completed")
    return [rec.trace for rec, _ in recorders]
