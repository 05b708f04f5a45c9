"""Benchmarks of the migration core (not a test).  Prints the median wall time of several runs.

    python scripts/bench_migration.py [--runs N]

1. 64 GiB VM, 10 Gbit/s, Sequential 500 MB/s over the whole memory      (goal <= 0.5 s)
2. 512 GiB VM, 10 Gbit/s, Random 2 GB/s over a 32 GiB working set     (goal <= 10 s, <= 1 GB)
3. 16 hosts, 1,000 VMs of 2-64 GiB, mixed workloads, 8 hosts drained at once under the
   limits (2 live migrations per host, queued as in a cluster)        (goal <= 30 s)
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pshv.migration.engine import Engine  # noqa: E402
from pshv.migration.live import LiveJob, PrecopyPolicy, precopy  # noqa: E402
from pshv.migration.scheduler import Scheduler, Slot  # noqa: E402
from pshv.migration.trace import MigrationTrace, TraceRecorder  # noqa: E402
from pshv.migration.transports import Nic, make_channel  # noqa: E402
from pshv.migration.workloads import PAGE_SIZE, DirtyGenerator, WorkloadSpec  # noqa: E402

GiB = 1 << 30
TEN_GBE = 1.25e9


def one_vm(memory: int, spec: WorkloadSpec, option: str = "TCPIP") -> MigrationTrace:
    engine = Engine()
    pair = (Nic("A", "lm", TEN_GBE, "192.168.10.0/24"), Nic("B", "lm", TEN_GBE, "192.168.10.0/24"))
    channel = make_channel(engine, option, [pair], compressibility=spec.compressibility)  # type: ignore[arg-type]
    pages = memory // PAGE_SIZE
    trace = MigrationTrace("vm", "Live", "A", "B", channel.mode)
    rec = TraceRecorder(1, trace, lambda: engine.now)
    job = LiveJob(pages, (1 << pages) - 1, DirtyGenerator(spec, seed=1), channel, PrecopyPolicy())
    engine.process(precopy(engine, job, rec))
    engine.run()
    rec.finish("Completed")
    return trace


def fleet(seed: int = 0) -> list[MigrationTrace]:
    rng = random.Random(seed)
    engine = Engine()
    hosts = [f"H{i:02d}" for i in range(16)]
    nics = {h: Nic(h, "lm", TEN_GBE, "192.168.10.0/24") for h in hosts}
    scheduler = Scheduler(lambda host, category: 2, lambda hs: True)
    traces: list[MigrationTrace] = []
    kinds = ["Sequential", "Random", "Hotspot", "Idle"]
    for n in range(1000):
        source = hosts[n % 16]
        if n % 16 >= 8:
            continue  # VMs on the hosts that stay are not moved
        destination = hosts[8 + (n // 16) % 8]
        memory = rng.randint(2, 64) * GiB
        pages = memory // PAGE_SIZE
        spec = WorkloadSpec(
            rng.choice(kinds), rng.uniform(5, 300) * 1e6, rng.randint(pages // 64, pages // 4),
            compressibility=rng.uniform(1.2, 3.0),
        )
        trace = MigrationTrace(f"vm{n}", "Live", source, destination, "TCPIP", Result="Queued")
        traces.append(trace)
        slot = Slot((source, destination), "live")

        def start(slot=slot, spec=spec, pages=pages, trace=trace, n=n) -> None:
            channel = make_channel(engine, "TCPIP", [(nics[slot.hosts[0]], nics[slot.hosts[1]])])
            rec = TraceRecorder(n, trace, lambda: engine.now)
            job = LiveJob(pages, (1 << pages) - 1, DirtyGenerator(spec, seed=n), channel,
                          PrecopyPolicy())

            def run():
                yield from precopy(engine, job, rec)
                rec.finish("Completed")
                scheduler.release(slot)

            engine.process(run())

        scheduler.request(slot, start)
    engine.run()
    return traces


def measure(label: str, goal: float, runs: int, fn) -> None:
    times, peaks = [], []
    result = None
    for _ in range(runs):
        tracemalloc.start()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    med = statistics.median(times)
    print(f"{label}: median {med:.3f} s over {runs} runs (goal <= {goal} s) "
          f"{'OK' if med <= goal else 'MISSED'}; peak traced memory {max(peaks) / 1e6:.1f} MB")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    t = measure("64 GiB, 10 Gbit/s, Sequential 500 MB/s", 0.5, runs,
                lambda: one_vm(64 * GiB, WorkloadSpec("Sequential", 500e6, 64 * GiB // PAGE_SIZE)))
    print(f"    simulated {t.TotalSeconds:.1f} s, {len(t.Rounds)} passes, blackout {t.BlackoutSeconds * 1e3:.0f} ms")
    t = measure("512 GiB, 10 Gbit/s, Random 2 GB/s over 32 GiB", 10.0, runs,
                lambda: one_vm(512 * GiB, WorkloadSpec("Random", 2e9, 32 * GiB // PAGE_SIZE)))
    print(f"    simulated {t.TotalSeconds:.1f} s, {len(t.Rounds)} passes, blackout {t.BlackoutSeconds:.2f} s")
    traces = measure("16 hosts, 1,000 VMs, 8 hosts drained", 30.0, max(1, runs // 2), fleet)
    end = max(t.EndTime or 0.0 for t in traces)
    print(f"    {len(traces)} migrations, all completed: {all(t.Result == 'Completed' for t in traces)}, "
          f"drain took {end / 3600:.2f} simulated hours")
    print(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")


if __name__ == "__main__":
    main()
