"""Transports: which NICs carry a migration and how fast its bytes go.

* TCPIP: one NIC pair; goodput ``tcp_efficiency`` (0.95) of the line rate.
* Compression: TCPIP whose page stream shrinks by the guest's compressibility; the source's spare
  logical processors (a shared CPU resource) bound the raw rate; no spare CPU means plain TCPIP.
* SMB: every selected NIC pair at once (Multichannel); SMB Direct (``rdma_efficiency``, no CPU
  cost) when every NIC used has RDMA, otherwise SMB over TCP.

Each NIC is two fluid resources (transmit and receive), so concurrent migrations through a NIC
share it fairly and every share is recomputed when one starts or ends.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from typing import Literal

from pshv.migration.engine import Engine
from pshv.migration.fluid import Flow, Resource

PerformanceOption = Literal["TCPIP", "Compression", "SMB"]


@dataclass(frozen=True)
class TransportSettings:
    """Protocol constants; validation cases set the efficiencies to 1.0."""

    tcp_efficiency: float = 0.95
    rdma_efficiency: float = 0.98
    compression_rate_per_lp: float = 200e6
    """Raw bytes/s one spare logical processor compresses."""


@dataclass(frozen=True)
class Nic:
    """A host network adapter usable for migration traffic."""

    host: str
    name: str
    line_rate: float
    """Bytes/s (10 Gbit/s = 1.25e9)."""
    subnet: str | None = None
    rdma: bool = False


@dataclass(frozen=True)
class MigrationNetwork:
    """An entry of Get-VMMigrationNetwork: a subnet and its priority (lower is preferred)."""

    subnet: str
    priority: int = 0


def _in(subnet: str | None, network: str) -> bool:
    if subnet is None:
        return False
    try:
        return ipaddress.ip_network(subnet, strict=False).subnet_of(
            ipaddress.ip_network(network, strict=False)
        )
    except (ValueError, TypeError):
        return subnet == network


def select_nic_pairs(
    source: list[Nic],
    destination: list[Nic],
    *,
    use_any_network: bool,
    networks: list[MigrationNetwork],
) -> list[tuple[Nic, Nic]]:
    """NIC pairs (same subnet) the migration may use, best first; empty if there is none.

    Listed migration networks come first by priority; with UseAnyNetworkForMigration any other
    common subnet follows.  Within a rank, faster pairs come first.  No NIC appears twice.
    """

    def rank(nic: Nic) -> int | None:
        for i, net in enumerate(sorted(networks, key=lambda n: n.priority)):
            if _in(nic.subnet, net.subnet):
                return i
        return len(networks) if use_any_network else None

    candidates = []
    for s in source:
        for d in destination:
            if s.subnet is None or s.subnet != d.subnet:
                continue
            r = rank(s)
            if r is not None:
                candidates.append((r, -min(s.line_rate, d.line_rate), s, d))
    candidates.sort(key=lambda c: (c[0], c[1]))
    pairs: list[tuple[Nic, Nic]] = []
    used: set[tuple[str, str]] = set()
    for _, _, s, d in candidates:
        if (s.host, s.name) in used or (d.host, d.name) in used:
            continue
        used |= {(s.host, s.name), (d.host, d.name)}
        pairs.append((s, d))
    return pairs


@dataclass
class Channel:
    """One migration's connection: the NIC paths, the protocol and the compression."""

    mode: str
    """What actually runs: TCPIP, Compression, SMB Direct or SMB."""
    paths: list[tuple[Resource, Resource]]
    efficiency: float
    compressibility: float = 1.0
    cpu: Resource | None = None
    hosts: tuple[str, ...] = ()

    def wire_bytes(self, raw_bytes: float) -> float:
        return raw_bytes / self.compressibility

    def flows(self, raw_bytes: float, tag: object = None) -> list[Flow]:
        """Flows carrying ``raw_bytes`` of memory, split evenly across the paths."""
        if raw_bytes <= 0:
            return []
        share = self.wire_bytes(raw_bytes) / len(self.paths)
        flows = []
        for tx, rx in self.paths:
            uses = [(tx, 1.0 / self.efficiency), (rx, 1.0 / self.efficiency)]
            if self.cpu is not None:
                uses.append((self.cpu, self.compressibility))
            flows.append(Flow(share, tuple(uses), tag=tag, link=self.hosts))
        return flows


def nic_resources(engine: Engine, source: Nic, destination: Nic) -> tuple[Resource, Resource]:
    """The transmit side of ``source`` and the receive side of ``destination``."""
    return (
        engine.resource(("nic-tx", source.host, source.name), source.line_rate),
        engine.resource(("nic-rx", destination.host, destination.name), destination.line_rate),
    )


def make_channel(
    engine: Engine,
    option: PerformanceOption,
    pairs: list[tuple[Nic, Nic]],
    *,
    compressibility: float = 2.0,
    spare_lps: int = 0,
    settings: TransportSettings = TransportSettings(),
) -> Channel:
    """Build the channel for ``option`` over ``pairs`` (best first, non-empty)."""
    if not pairs:
        raise ValueError("no NIC pair to migrate over")
    hosts = (pairs[0][0].host, pairs[0][1].host)
    if option == "SMB":
        # SMB Multichannel uses only the best class of interface it finds: when RDMA pairs
        # exist it runs SMB Direct over those alone, otherwise SMB over TCP on every pair.
        direct = [(s, d) for s, d in pairs if s.rdma and d.rdma]
        chosen = direct or pairs
        eff = settings.rdma_efficiency if direct else settings.tcp_efficiency
        paths = [nic_resources(engine, s, d) for s, d in chosen]
        return Channel("SMB Direct" if direct else "SMB", paths, eff, hosts=hosts)
    path = [nic_resources(engine, *pairs[0])]
    if option == "Compression" and spare_lps > 0 and compressibility > 1.0:
        source_host = pairs[0][0].host
        cpu = engine.resource(("cpu", source_host), spare_lps * settings.compression_rate_per_lp)
        cpu.capacity = spare_lps * settings.compression_rate_per_lp
        return Channel(
            "Compression", path, settings.tcp_efficiency, compressibility, cpu, hosts
        )
    return Channel("TCPIP", path, settings.tcp_efficiency, hosts=hosts)
