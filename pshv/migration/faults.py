"""Fault schedules: network down on a link, host failure, destination volume full, cancellation.

A fault fires at a lab time (``at``) or when a migration enters a phase (``phase``, optionally
only for ``vm``).  Network and volume faults act on the fluid network: running flows on the link
or volume fail, and so does every flow started there afterwards (until ``duration`` ends, for the
network).  Host failures and cancellations are handed to the migration service, which interrupts
the migrations concerned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pshv.migration import texts
from pshv.migration.engine import Engine
from pshv.migration.fluid import Flow

FaultKind = Literal["NetworkDown", "HostFailure", "VolumeFull", "Cancel"]


class MigrationError(Exception):
    """A migration failed; ``detail`` is the VMMS line, ``side`` where it failed."""

    def __init__(self, detail: str, side: Literal["source", "destination"] = "source") -> None:
        super().__init__(detail)
        self.detail = detail
        self.side = side


class MigrationCancelled(Exception):
    """The migration was cancelled (Stop-Job, or a Cancel fault)."""


@dataclass(frozen=True)
class Fault:
    """One scheduled fault.

    ``target``: for NetworkDown a host or a pair of hosts (the link); for HostFailure a host;
    for VolumeFull a volume's name as the lab shows it (e.g. ``"HV02 D:"``); for Cancel a VM.
    """

    kind: FaultKind
    target: str | tuple[str, str]
    at: float | None = None
    phase: str | None = None
    vm: str | None = None
    duration: float | None = None


def volume_key(volume: str) -> tuple[str, str]:
    """Fluid-resource key of a volume's write side."""
    return ("vol-w", volume)


class FaultInjector:
    """Arms a fault schedule on an engine and applies faults when they fire."""

    def __init__(
        self,
        engine: Engine,
        host_failed: Callable[[str], None],
        cancel_vm: Callable[[str], None],
    ) -> None:
        self.engine = engine
        self._host_failed = host_failed
        self._cancel_vm = cancel_vm
        self.down_links: set[frozenset[str]] = set()
        self.down_hosts: set[str] = set()
        self.full_volumes: set[tuple[str, str]] = set()
        self.failed_hosts: set[str] = set()
        self._by_phase: list[Fault] = []
        self.fired: list[tuple[float, Fault]] = []
        engine.flow_guards.append(self._guard)

    def add(self, fault: Fault) -> None:
        if fault.phase is not None:
            self._by_phase.append(fault)
        else:
            at = self.engine.now if fault.at is None else fault.at
            self.engine.call_at(at, lambda: self.fire(fault))

    def phase_started(self, vm: str, phase: str) -> None:
        """Fire the faults waiting for ``phase`` (of ``vm``); each fires once."""
        due = [f for f in self._by_phase if f.phase == phase and f.vm in (None, vm)]
        for f in due:
            self._by_phase.remove(f)
            self.engine.call_later(0.0, lambda f=f: self.fire(f))

    def fire(self, fault: Fault) -> None:
        self.fired.append((self.engine.now, fault))
        if fault.kind == "NetworkDown":
            self._network_down(fault)
        elif fault.kind == "HostFailure":
            assert isinstance(fault.target, str)
            self.failed_hosts.add(fault.target)
            self.down_hosts.add(fault.target)
            self._fail_matching(lambda f: fault.target in f.link, texts.connection_closed())
            self._host_failed(fault.target)
        elif fault.kind == "VolumeFull":
            volume = str(fault.target)
            key = volume_key(volume)
            self.full_volumes.add(key)
            self._fail_matching(
                lambda f: any(r.key == key for r, _ in f.uses), texts.disk_full(volume), "destination"
            )
        else:
            assert isinstance(fault.target, str)
            self._cancel_vm(fault.target)

    def _network_down(self, fault: Fault) -> None:
        if isinstance(fault.target, str):
            self.down_hosts.add(fault.target)
            hit = lambda f: fault.target in f.link  # noqa: E731
        else:
            link = frozenset(fault.target)
            self.down_links.add(link)
            hit = lambda f: frozenset(f.link) == link  # noqa: E731
        self._fail_matching(hit, texts.connection_closed())
        if fault.duration is not None:
            self.engine.call_later(fault.duration, lambda: self._network_up(fault))

    def _network_up(self, fault: Fault) -> None:
        if isinstance(fault.target, str):
            if fault.target not in self.failed_hosts:
                self.down_hosts.discard(fault.target)
        else:
            self.down_links.discard(frozenset(fault.target))

    def _fail_matching(self, hit: Callable[[Flow], bool], detail: str, side: str = "source") -> None:
        flows = [f for f in self.engine.flows if hit(f)]
        if flows:
            self.engine.fail_flows(flows, MigrationError(detail, side))  # type: ignore[arg-type]

    def _guard(self, flow: Flow) -> BaseException | None:
        for r, _ in flow.uses:
            if r.key in self.full_volumes:
                return MigrationError(texts.disk_full(str(r.key[1])), "destination")
        if flow.link and (
            frozenset(flow.link) in self.down_links or self.down_hosts.intersection(flow.link)
        ):
            return MigrationError(texts.connection_failed(flow.link[-1]))
        return None
