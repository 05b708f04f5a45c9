"""pshv's benchmarks: start-up, parsing and the interpreter, each a median of several runs.

    python scripts/bench.py [--runs 5]

Goals (from the project's issues): cold start of `pshv -c 'Get-VM | Out-Null'` at most 8x bare
`python -c pass`; parsing at least 20,000 lines/s; `foreach` with `+=` at most 2 us per
iteration; a Where-Object pipeline at most 10 us per item. The migration core has its own
benchmark: scripts/bench_migration.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def median_seconds(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def command_seconds(argv: list[str], runs: int) -> float:
    """Median wall time of a command, after one warm-up run (so bytecode caches exist, as
    they do after `pip install`; PYTHONDONTWRITEBYTECODE is dropped for the same reason)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(argv, check=True, capture_output=True, env=env)
    return median_seconds(lambda: subprocess.run(argv, check=True, capture_output=True, env=env), runs)


def startup(runs: int) -> None:
    bare = command_seconds([sys.executable, "-c", "pass"], runs)
    probe = "Get-VM | Out-Null"
    try:
        import pshv

        if pshv.run("Get-Command Get-VM -ErrorAction SilentlyContinue").output == []:
            probe = "0"
    except Exception:  # noqa: BLE001 - the benchmark must still report
        probe = "0"
    shell = command_seconds([sys.executable, "-m", "pshv.cli", "-NoProfile", "-c", probe], runs)
    print(f"start-up: pshv -c '{probe}' {shell * 1000:.0f} ms, python -c pass {bare * 1000:.0f} ms, "
          f"ratio {shell / bare:.1f}x (goal <= 8x)")


def parsing(runs: int) -> None:
    spec = importlib.util.spec_from_file_location("gen_parse_bench", HERE / "gen_parse_bench.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    text = generator.generate(5000)
    lines = text.count("\n") + 1
    from pshv.syntax import parse

    parse(text)
    seconds = median_seconds(lambda: parse(text), runs)
    print(f"parse: {lines} lines in {seconds * 1000:.0f} ms, {lines / seconds:,.0f} lines/s (goal >= 20,000)")


def interpreter(runs: int) -> None:
    import pshv
    from pshv.runtime.host import CaptureHost
    from pshv.shell import create_session

    count = 200_000
    session = create_session(CaptureHost())
    loop = f"$sum = 0; foreach ($i in 1..{count}) {{ $sum += $i }}"
    baseline = "$sum = 0"
    per = (median_seconds(lambda: session.run_script(loop), runs)
           - median_seconds(lambda: session.run_script(baseline), runs)) / count
    print(f"foreach with +=: {per * 1e6:.2f} us per iteration (goal <= 2 us)")
    items = 100_000
    where = f"1..{items} | Where-Object {{ $_ % 2 }} | Out-Null"
    per = median_seconds(lambda: session.run_script(where), runs) / items
    print(f"Where-Object pipeline: {per * 1e6:.2f} us per item (goal <= 10 us)")
    assert pshv.run(loop + "; $sum").output == [count * (count + 1) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    startup(options.runs)
    parsing(options.runs)
    interpreter(options.runs)


if __name__ == "__main__":
    main()
