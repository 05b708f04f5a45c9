"""Transports (cases M–P): TCPIP goodput, Compression about 2× TCPIP, SMB Direct fastest,
Multichannel, CPU bounds, and fair sharing recomputed when a migration starts or ends."""

from __future__ import annotations

import pytest

from pshv.migration.engine import Engine, Transfer
from pshv.migration.fluid import Flow
from pshv.migration.live import PrecopyPolicy
from pshv.migration.transports import (
    MigrationNetwork,
    Nic,
    TransportSettings,
    make_channel,
    select_nic_pairs,
)
from pshv.migration.workloads import PAGE_SIZE, WorkloadSpec

from .helpers import run_on_link

GiB = 1 << 30
GBE = 1.25e8
HYPERV = TransportSettings()
POLICY = PrecopyPolicy.analytic()


def busy(memory: int = 8 * GiB, rate: float = 20e6) -> WorkloadSpec:
    return WorkloadSpec("Hotspot", rate, memory // PAGE_SIZE // 4, compressibility=2.0)


def seconds(option: str, link: float, **kw) -> float:
    (t,) = run_on_link(8 * GiB, link, [busy()], POLICY, option=option, settings=HYPERV, **kw)
    return t.TotalSeconds


def test_tcpip_goodput_is_95_percent_of_line_rate():
    (t,) = run_on_link(8 * GiB, GBE, [WorkloadSpec("Idle")], POLICY, settings=HYPERV)
    assert t.TotalSeconds == pytest.approx(8 * GiB / (0.95 * GBE))
    assert t.EffectiveBandwidthBytesPerSec == pytest.approx(0.95 * GBE)


def test_compression_about_twice_tcpip_at_two_to_one():
    tcp = seconds("TCPIP", GBE)
    compressed = seconds("Compression", GBE, spare_lps=8)
    assert 1.8 <= tcp / compressed <= 4.0


def test_compression_without_spare_cpu_falls_back_to_tcpip():
    (t,) = run_on_link(8 * GiB, GBE, [busy()], POLICY, option="Compression", settings=HYPERV)
    assert t.PerformanceOption == "TCPIP"
    assert t.TotalSeconds == pytest.approx(seconds("TCPIP", GBE))


def test_compression_is_bounded_by_spare_cpu():
    settings = TransportSettings(compression_rate_per_lp=50e6)
    (t,) = run_on_link(8 * GiB, GBE, [WorkloadSpec("Idle", compressibility=2.0)], POLICY,
                       option="Compression", settings=settings, spare_lps=1)
    assert t.TotalSeconds == pytest.approx(8 * GiB / 50e6)


def test_smb_direct_on_rdma_10gbe_is_fastest():
    tcp = seconds("TCPIP", GBE)
    compressed = seconds("Compression", GBE, spare_lps=8)
    smb = seconds("SMB", 10 * GBE, rdma=True)
    (t,) = run_on_link(8 * GiB, 10 * GBE, [busy()], POLICY, option="SMB", settings=HYPERV, rdma=True)
    assert t.PerformanceOption == "SMB Direct"
    assert smb < compressed < tcp
    assert tcp > 60 and smb < 10  # the WS2012 R2 demo's shape: > 60 s vs < 10 s


def test_smb_multichannel_uses_every_nic_pair():
    one = seconds("SMB", 10 * GBE, rdma=True)
    two = seconds("SMB", 10 * GBE, rdma=True, nics=2)
    assert one / two == pytest.approx(2.0, rel=0.05)


def test_ten_gbe_is_much_faster_than_one_gbe():
    assert seconds("TCPIP", 10 * GBE) < 0.2 * seconds("TCPIP", GBE)


def test_fair_shares_are_recomputed_when_a_flow_ends():
    engine = Engine()
    link = engine.resource("link", 100.0)
    short = Transfer(engine, [Flow(100.0, ((link, 1.0),))])
    long = Transfer(engine, [Flow(300.0, ((link, 1.0),))])
    engine.run(stop=lambda: short.triggered)
    assert engine.now == pytest.approx(2.0)  # 50/s each
    engine.run(stop=lambda: long.triggered)
    assert engine.now == pytest.approx(4.0)  # then the whole 100/s: 200 left in 2 s


def test_weighted_max_min_respects_caps_and_bottlenecks():
    engine = Engine()
    a = engine.resource("a", 100.0)
    b = engine.resource("b", 30.0)
    capped = Flow(1e9, ((a, 1.0),), cap=10.0)
    through_b = Flow(1e9, ((a, 1.0), (b, 1.0)))
    free = Flow(1e9, ((a, 1.0),))
    engine.start_flows([capped, through_b, free])
    assert (capped.rate, through_b.rate, free.rate) == pytest.approx((10.0, 30.0, 60.0))


def test_migration_networks_choose_the_nic_by_priority():
    src = [Nic("A", "lan", GBE, "10.0.0.0/24"), Nic("A", "lm", 10 * GBE, "192.168.10.0/24")]
    dst = [Nic("B", "lan", GBE, "10.0.0.0/24"), Nic("B", "lm", 10 * GBE, "192.168.10.0/24")]
    nets = [MigrationNetwork("10.0.0.0/24", 0), MigrationNetwork("192.168.10.0/24", 1)]
    pairs = select_nic_pairs(src, dst, use_any_network=False, networks=nets)
    assert [s.name for s, _ in pairs] == ["lan", "lm"]
    only_lm = select_nic_pairs(src, dst, use_any_network=False, networks=nets[1:])
    assert [s.name for s, _ in only_lm] == ["lm"]
    any_net = select_nic_pairs(src, dst, use_any_network=True, networks=[])
    assert [s.name for s, _ in any_net] == ["lm", "lan"]  # fastest first
    assert select_nic_pairs(src, dst, use_any_network=False, networks=[]) == []


def test_channel_modes():
    engine = Engine()
    pair = [(Nic("A", "n", GBE, "s", True), Nic("B", "n", GBE, "s", False))]
    assert make_channel(engine, "SMB", pair).mode == "SMB"
    assert make_channel(engine, "Compression", pair, spare_lps=0).mode == "TCPIP"
    assert make_channel(engine, "Compression", pair, spare_lps=2).mode == "Compression"
