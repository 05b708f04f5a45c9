"""Validation against migration-model.md: cases A–D, the closed-form table for 4 GiB / 1 Gbit/s /
100 MB/s (per-round table and stop-rule rows), and the Random workload's distinct-page count.

Pages are whole 4 KiB pages while the published figures are real-valued bytes, so every byte
figure is compared within 1e-6 relative or one page, and every time within 1e-6 relative or
one page's transfer time.
"""

from __future__ import annotations

import math
import random

import pytest

from pshv.migration.live import PrecopyPolicy
from pshv.migration.transports import TransportSettings
from pshv.migration.workloads import (
    PAGE_SIZE,
    DirtyGenerator,
    WorkloadSpec,
    bernoulli_bitmap,
    drawn_dirty,
    expected_distinct,
)

from .helpers import run_on_link, sequential

GiB = 1 << 30
B = 125e6


def near_bytes(ours: float, ref: float) -> bool:
    return abs(ours - ref) <= max(1e-6 * abs(ref), PAGE_SIZE)


def near_time(ours: float, ref: float, bandwidth: float = B) -> bool:
    return abs(ours - ref) <= max(1e-6 * abs(ref), PAGE_SIZE / bandwidth)


def live_rounds(trace):
    return [r for r in trace.Rounds if not r.StopAndCopy]


def check(trace, *, total, rounds, stop_bytes, downtime, total_bytes, bandwidth=B):
    assert len(live_rounds(trace)) == rounds
    assert near_time(trace.TotalSeconds, total, bandwidth), trace.TotalSeconds
    assert near_bytes(trace.Rounds[-1].Bytes, stop_bytes), trace.Rounds[-1].Bytes
    assert near_time(trace.BlackoutSeconds, downtime, bandwidth), trace.BlackoutSeconds
    assert near_bytes(trace.MemoryBytesTransferred, total_bytes), trace.MemoryBytesTransferred


def simgrid(threshold: float = 0.03, **changes) -> PrecopyPolicy:
    """SimGrid's plugin: threshold = measured bandwidth × 30 ms, no pass cap."""
    return PrecopyPolicy.analytic(blackout_target=threshold, max_passes=None, **changes)


def test_case_a_one_gib_rho_0_2():
    (t,) = run_on_link(GiB, B, [sequential(GiB, 25e6)], simgrid())
    check(t, total=10.733982, rounds=4, stop_bytes=1_717_986.9, downtime=0.013744,
          total_bytes=1_341_747_783)
    for ours, ref in zip(live_rounds(t)[1:], [214.748e6, 42.9497e6, 8.58993e6]):
        assert abs(ours.Bytes - ref) <= PAGE_SIZE + 1e-5 * ref


def test_case_b_four_gib_rho_0_8_simgrid_threshold():
    (t,) = run_on_link(4 * GiB, B, [sequential(4 * GiB, 100e6)], simgrid())
    check(t, total=171.689801, rounds=32, stop_bytes=3_402_823.7, downtime=0.027223,
          total_bytes=21_461_225_185)


def test_case_c_four_gib_qemu_threshold():
    (t,) = run_on_link(4 * GiB, B, [sequential(4 * GiB, 100e6)], simgrid(0.3))
    check(t, total=170.784571, rounds=22, stop_bytes=31_691_265, downtime=0.25353,
          total_bytes=21_348_071_420)


def test_case_d_two_concurrent_migrations_share_the_link():
    traces = run_on_link(GiB, B, [sequential(GiB, 25e6)] * 2, simgrid())
    reference = [1_073_741_824, 429_496_729, 171_798_691, 68_719_476, 27_487_790, 10_995_116,
                 4_398_046]
    for t in traces:
        check(t, total=28.614350, rounds=7, stop_bytes=1_759_218, downtime=0.028147,
              total_bytes=sum(reference) + 1_759_218, bandwidth=B / 2)
        assert all(near_bytes(r.Bytes, ref) for r, ref in zip(live_rounds(t), reference))


def test_case_d_idle_pair_takes_twice_one_alone():
    idle = WorkloadSpec("Idle")
    pair = run_on_link(GiB, B, [idle, idle], simgrid())
    (alone,) = run_on_link(GiB, B, [sequential(GiB, 25e6)], simgrid())
    assert all(abs(t.TotalSeconds - 17.179869) < 1e-6 for t in pair)
    assert abs(alone.TotalSeconds - 10.733982) < 1e-5


def test_case_e_no_convergence_stops_when_pass_does_not_shrink():
    (t,) = run_on_link(GiB, B, [sequential(GiB, B)], PrecopyPolicy.analytic(blackout_target=0.03))
    assert len(live_rounds(t)) == 1
    assert t.Rounds[-1].Pages == GiB // PAGE_SIZE  # everything is dirty again: long blackout
    assert t.BlackoutSeconds == pytest.approx(GiB / B)


# Closed-form reference: 4 GiB, 1 Gbit/s, 100 MB/s -------------------------------------------

PER_ROUND = [
    (4_294_967_296, 34.359738), (3_435_973_837, 27.487791), (2_748_779_069, 21.990233),
    (2_199_023_256, 17.592186), (1_759_218_604, 14.073749), (1_407_374_884, 11.258999),
    (1_125_899_907, 9.007199), (900_719_925, 7.205759), (720_575_940, 5.764608),
    (576_460_752, 4.611686), (461_168_602, 3.689349), (368_934_881, 2.951479),
    (295_147_905, 2.361183), (236_118_324, 1.888947), (188_894_659, 1.511157),
    (151_115_727, 1.208926), (120_892_582, 0.967141), (96_714_066, 0.773713),
    (77_371_252, 0.618970), (61_897_002, 0.495176), (49_517_602, 0.396141),
    (39_614_081, 0.316913), (31_691_265, 0.253530),
]


def test_closed_form_per_round_table_qemu_rule():
    (t,) = run_on_link(4 * GiB, B, [sequential(4 * GiB, 100e6)], simgrid(0.3))
    assert len(t.Rounds) == len(PER_ROUND)
    assert t.Rounds[-1].StopAndCopy
    for record, (ref_bytes, ref_seconds) in zip(t.Rounds, PER_ROUND):
        assert near_bytes(record.Bytes, ref_bytes), (record.Round, record.Bytes)
        assert abs(record.Seconds - ref_seconds) <= 5e-7 + PAGE_SIZE / B, (record.Round, record.Seconds)
    # each pass sends exactly the pages dirtied during the previous one
    for before, after in zip(t.Rounds, t.Rounds[1:]):
        assert after.Pages == before.DirtiedPages


@pytest.mark.parametrize(
    "policy, rate, rounds, stop_bytes, downtime, total_bytes, total",
    [
        (PrecopyPolicy.analytic(blackout_target=0.0, max_passes=10), 100e6,
         10, 461_168_602, 3.689349, 19_630_162_073, 157.041297),
        (PrecopyPolicy.analytic(blackout_target=0.0, max_passes=29, stop_when_not_shrinking=False,
                                max_total_factor=3, min_pages=50), 100e6,
         5, 1_407_374_884, 11.258999, 15_845_336_946, 126.762696),
        (simgrid(0.3), 104_857_600, 27, 37_375_514, 0.299004, 26_459_200_758, 211.673606),
    ],
    ids=["ten-pass-cap", "xen-rules", "100-MiB-per-s"],
)
def test_closed_form_stop_rule_rows(policy, rate, rounds, stop_bytes, downtime, total_bytes, total):
    (t,) = run_on_link(4 * GiB, B, [sequential(4 * GiB, rate)], policy)
    check(t, total=total, rounds=rounds, stop_bytes=stop_bytes, downtime=downtime,
          total_bytes=total_bytes)


def test_closed_form_compression_row():
    spec = WorkloadSpec("Sequential", 100e6, 4 * GiB // PAGE_SIZE, compressibility=2.0)
    settings = TransportSettings(tcp_efficiency=1.0, compression_rate_per_lp=1e12)
    (t,) = run_on_link(4 * GiB, B, [spec], simgrid(0.3), option="Compression",
                       settings=settings, spare_lps=1)
    assert t.PerformanceOption == "Compression"
    check(t, total=28.515834, rounds=5, stop_bytes=43_980_465, downtime=0.175922,
          total_bytes=7_128_958_517, bandwidth=2 * B)
    assert near_bytes(t.WireBytes, 3_564_479_258)


@pytest.mark.parametrize(
    "policy, rounds, total_bytes, total",
    [
        (PrecopyPolicy.analytic(blackout_target=0.0, max_passes=10, stop_when_not_shrinking=False),
         10, 47_244_640_256, 755.914244),
        (PrecopyPolicy.analytic(blackout_target=0.0, max_passes=29, stop_when_not_shrinking=False,
                                max_total_factor=3, min_pages=50),
         4, 21_474_836_480, 343.597384),
    ],
    ids=["ten-pass-cap", "xen-rules"],
)
def test_closed_form_two_concurrent_rows(policy, rounds, total_bytes, total):
    traces = run_on_link(4 * GiB, B, [sequential(4 * GiB, 100e6)] * 2, policy)
    for t in traces:
        check(t, total=total, rounds=rounds, stop_bytes=4 * GiB, downtime=68.719477,
              total_bytes=total_bytes, bandwidth=B / 2)


# Random workload ---------------------------------------------------------------------------


@pytest.mark.parametrize("writes_per_page", [0.01, 0.1, 0.5, 1.0, 3.0])
def test_random_workload_distinct_pages_match_expectation(writes_per_page):
    w = 1 << 18
    rate = 50e6
    seconds = writes_per_page * w / (rate / PAGE_SIZE)
    gen = DirtyGenerator(WorkloadSpec("Random", rate, w), seed=7)
    counts = [gen.dirty(k * seconds, (k + 1) * seconds).bit_count() for k in range(5)]
    expected = w * (1 - math.exp(-rate / PAGE_SIZE * seconds / w))
    assert abs(sum(counts) / len(counts) - expected) <= 0.01 * expected


@pytest.mark.parametrize("size, writes", [(1 << 16, 20_000), (1 << 20, 40_000), (1 << 20, 3 << 20)])
def test_random_workload_both_draw_paths_agree_with_the_occupancy_mean(size, writes):
    expected = expected_distinct(size, writes)
    for draw in (drawn_dirty, lambda rng, n, m: bernoulli_bitmap(rng, n, expected / n)):
        bits = draw(random.Random(1), size, writes)
        assert abs(bits.bit_count() - expected) <= 0.01 * expected
        assert bits >> size == 0


def test_sequential_workload_dirties_a_wrapping_contiguous_range():
    gen = DirtyGenerator(WorkloadSpec("Sequential", 10 * PAGE_SIZE, 16, base_page=4))
    bits = gen.dirty(1.0, 2.0)  # writes 11..20 -> ring positions 10..15, 0..3
    assert bits == sum(1 << (4 + p) for p in [10, 11, 12, 13, 14, 15, 0, 1, 2, 3])


def test_hotspot_workload_concentrates_writes_in_the_hot_set():
    w = 1 << 16
    gen = DirtyGenerator(WorkloadSpec("Hotspot", 400e6, w, hot_fraction=0.1, hot_share=0.9))
    bits = gen.dirty(0.0, 0.5)
    hot = round(w * 0.1)
    hot_count = (bits & ((1 << hot) - 1)).bit_count()
    assert hot_count > 0.99 * hot  # the hot set is saturated
    assert (bits >> hot).bit_count() < 0.5 * (w - hot)



@pytest.mark.parametrize("p", [1e-6, 0.3, 0.5, 0.999, 1 - 1e-9, 1 - 3e-12])
def test_bernoulli_bitmap_density(p):
    size = 1 << 22
    got = bernoulli_bitmap(random.Random(3), size, p).bit_count()
    assert abs(got - p * size) <= max(0.01 * p * size, 5 * (p * (1 - p) * size) ** 0.5 + 1)
