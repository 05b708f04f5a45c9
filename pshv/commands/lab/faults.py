"""Set-LabFault, Get-LabFault, Clear-LabFault: the migration core's fault schedule.

A fault fires at a lab time (`-At`: seconds or a TimeSpan from now, or a DateTime; default
now) or when a migration enters a phase (`-Phase`, optionally only the migration of -VMName):

* NetworkDown: a host's network (`-ComputerName HV02`), or the link between two hosts
  (`-ComputerName HV01, HV02`), goes down, for -Duration or until cleared;
* HostFailure: a host (`-ComputerName`) fails; migrations from or to it fail;
* VolumeFull: a volume (`-Target 'HV02 D:'`, or any path on it, e.g. `-Target D:\\VMs
  -ComputerName HV02`, `-Target \\\\FS01\\VMs`) is full; copies to it fail;
* Cancel: the migration of a VM (`-VMName`) is cancelled, as Stop-Job would.

The schedule belongs to the lab's migration service (`ctx.services['migration']`); it is
kept in memory only and starts empty when the lab is reset or imported.  Clearing a fault
disarms it, or, once it has fired, repairs what it broke (network up, host back, volume
no longer full).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ...lab import filesystem as F
from ...lab.clock import to_datetime
from ...lab.clock import to_seconds as lab_seconds
from ...lab.model import Host, Lab
from ...migration.engine import Timer
from ...migration.faults import Fault, volume_key
from ...migration.service import MigrationService
from ...runtime.dotnet_format import format_datetime
from ...runtime.objects import DotNetObject
from ...runtime.params import ValidateSet, cmdlet, p
from .labcmdlet import (
    LAB_COMMANDS,
    LabCmdlet,
    host_not_found,
    is_datetime,
    lab_error,
    to_seconds,
)

KINDS = ("NetworkDown", "HostFailure", "VolumeFull", "Cancel")
PHASES = ("StorageCopy", "Setup", "MemoryCopy", "StopAndCopy", "StorageHandover", "Resume", "NetworkCleanup",
          "CopyState", "StorageSwitch")
FAULT_TYPE = "Pshv.Lab.Fault"


class ScheduledFault:
    """One fault Set-LabFault armed, with what is needed to disarm it."""

    def __init__(self, fault_id: int, fault: Fault, timer: Timer | None) -> None:
        self.id = fault_id
        self.fault = fault
        self.timer = timer


class FaultBook:
    """The faults armed on one migration service, numbered from 1."""

    def __init__(self, service: MigrationService) -> None:
        self.service = service
        self.entries: list[ScheduledFault] = []
        self._next_id = 1

    def arm(self, fault: Fault) -> ScheduledFault:
        service = self.service
        timer = None
        if fault.phase is None:
            timer = service.engine.call_at(fault.at or 0.0, lambda: service.faults.fire(fault))
        else:
            service.add_fault(fault)
        entry = ScheduledFault(self._next_id, fault, timer)
        self._next_id += 1
        self.entries.append(entry)
        if fault.phase is None and (fault.at or 0.0) <= service.lab.clock.seconds:
            service.advance(0.0)  # due now: fire it before the next command runs
        return entry

    def fired_at(self, entry: ScheduledFault) -> float | None:
        return next((time for time, fault in self.service.faults.fired if fault is entry.fault), None)

    def active(self, entry: ScheduledFault) -> bool:
        """Whether the fault has fired and what it broke is still broken."""
        if self.fired_at(entry) is None:
            return False
        injector, fault = self.service.faults, entry.fault
        if fault.kind == "NetworkDown":
            if isinstance(fault.target, tuple):
                return frozenset(fault.target) in injector.down_links
            return fault.target in injector.down_hosts
        if fault.kind == "HostFailure":
            return fault.target in injector.failed_hosts
        if fault.kind == "VolumeFull":
            return volume_key(str(fault.target)) in injector.full_volumes
        return False

    def state(self, entry: ScheduledFault) -> str:
        if self.fired_at(entry) is None:
            return "Armed"
        return "Active" if self.active(entry) else "Fired"

    def clear(self, entry: ScheduledFault) -> None:
        """Disarm the fault, or repair what it broke, unless another active fault breaks it too."""
        injector, fault = self.service.faults, entry.fault
        if self.fired_at(entry) is None:
            if entry.timer is not None:
                entry.timer.cancel()
            else:
                # the injector offers no way to withdraw a phase fault: drop it from its waiting list
                injector._by_phase = [f for f in injector._by_phase if f is not fault]
        was_active = self.active(entry)
        self.entries = [e for e in self.entries if e is not entry]
        if not was_active:
            return
        still = [e.fault for e in self.entries if self.active(e)]
        if fault.kind == "NetworkDown" and isinstance(fault.target, tuple):
            injector.down_links.discard(frozenset(fault.target))
        elif fault.kind in ("NetworkDown", "HostFailure"):
            host = str(fault.target)
            if fault.kind == "HostFailure" and not any(f.kind == "HostFailure" and f.target == host for f in still):
                injector.failed_hosts.discard(host)
                _host_back_up(self.service.lab, host)
            if host not in injector.failed_hosts and not any(
                    f.kind == "NetworkDown" and f.target == host for f in still):
                injector.down_hosts.discard(host)
        elif fault.kind == "VolumeFull" and not any(f.kind == "VolumeFull" and f.target == fault.target
                                                    for f in still):
            injector.full_volumes.discard(volume_key(str(fault.target)))


def _host_back_up(lab: Lab, name: str) -> None:
    """A failed host restarts: it is Up again (and so is its cluster node); its VMs stay off and
    its cluster roles stay failed until someone starts them, as after a real crash."""
    from ...lab.enums import ClusterNodeState, HostState

    host = lab.find_host(name)
    if host is None:
        return
    host.state = HostState.Up
    cluster = lab.cluster_of(host)
    node = cluster.node(host.name) if cluster is not None else None
    if node is not None:
        node.state = ClusterNodeState.Up


def fault_book(ctx) -> FaultBook:
    """The fault schedule of the lab's migration service (a new, empty one for a new lab)."""
    from ..migration.service import migration_service

    service = migration_service(ctx)
    book = ctx.services.get("lab.faults")
    if not isinstance(book, FaultBook) or book.service is not service:
        book = ctx.services["lab.faults"] = FaultBook(service)
    return book


class LabFault(DotNetObject):
    """A scheduled fault as Get-LabFault shows it (its state is read live)."""

    ps_type_names = (FAULT_TYPE, "System.Object")
    ps_properties = ("Id", "Kind", "Target", "VMName", "At", "Phase", "Duration", "State", "FiredAt")

    def __init__(self, book: FaultBook, entry: ScheduledFault) -> None:
        self.book = book
        self.entry = entry
        fault = entry.fault
        self.Id = entry.id
        self.Kind = fault.kind
        self.Target = " <-> ".join(fault.target) if isinstance(fault.target, tuple) else fault.target
        self.VMName = fault.vm
        self.At = None if fault.at is None else to_datetime(fault.at)
        self.Phase = fault.phase
        self.Duration = None if fault.duration is None else timedelta(seconds=fault.duration)

    @property
    def State(self) -> str:
        if not any(e is self.entry for e in self.book.entries):
            return "Cleared"
        return self.book.state(self.entry)

    @property
    def FiredAt(self) -> datetime | None:
        fired = self.book.fired_at(self.entry)
        return None if fired is None else to_datetime(fired)

    def ps_to_string(self) -> str:
        return f"{self.Kind} {self.Target}"


def _register_view() -> None:
    from ...runtime.formatting import Column, register_table_view

    register_table_view(FAULT_TYPE, [Column("Id", "Id", alignment="right"), "Kind", "Target", "VMName", "At", "Phase",
                                     "Duration", "State"])


class _FaultCmdlet(LabCmdlet):
    def begin(self) -> None:
        super().begin()
        _register_view()
        self.book = fault_book(self.ctx)

    def selected(self) -> list[ScheduledFault]:
        """The faults named by -Id (unknown ids reported) and -Kind; all of them without either."""
        entries = list(self.book.entries)
        ids = self.params.get("Id")
        if ids is not None:
            for wanted in ids:
                if not any(e.id == wanted for e in entries):
                    self.error(lab_error(f"The lab has no scheduled fault with id {wanted}.", "FaultNotFound",
                                         "ObjectNotFound", wanted))
            entries = [e for e in entries if e.id in ids]
        kinds = self.params.get("Kind")
        if kinds is not None:
            folded = {k.casefold() for k in kinds}
            entries = [e for e in entries if e.fault.kind.casefold() in folded]
        return entries


class SetLabFault(_FaultCmdlet):
    """Set-LabFault: schedule a fault for the migration core (see the module's notes)."""

    spec = cmdlet("Set-LabFault", [
        p("Kind", "System.String", position=0, mandatory=True, validate=[ValidateSet(*KINDS)]),
        p("Target", "System.String[]", position=1),
        p("ComputerName", "System.String[]"),
        p("VMName", "System.String"),
        p("At", "System.Object", sets="At"),
        p("Phase", "System.String", sets={"Phase": dict(mandatory=True)}, validate=[ValidateSet(*PHASES)]),
        p("Duration", "System.Object"),
        p("Passthru", "switch"),
    ], default_set="At", should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.SetLabFault"

    def process(self) -> None:
        kind = next(k for k in KINDS if k.casefold() == self.params["Kind"].casefold())
        target = self._target(kind)
        duration = self._duration(kind)
        vm = self._vm_filter(kind)
        phase = self.params.get("Phase")
        if phase is not None:
            phase = next(name for name in PHASES if name.casefold() == phase.casefold())
        fault = Fault(kind, target, at=None if phase else self._at(), phase=phase, vm=vm, duration=duration)
        shown = " <-> ".join(target) if isinstance(target, tuple) else target
        if not self.should_process(shown, f"Schedule fault {kind}"):
            return
        entry = self.book.arm(fault)
        if self.params.get("Passthru"):
            self.write(LabFault(self.book, entry))

    # ------------------------------------------------------------------ arguments

    def _hosts(self, kind: str, counts: tuple[int, ...]) -> list[Host]:
        names = [*(self.params.get("ComputerName") or []), *(self.params.get("Target") or [])]
        if len(names) not in counts:
            wanted = "one host" if counts == (1,) else "one host, or the two hosts of a link"
            raise self.fail(lab_error(f"A {kind} fault needs {wanted} (-ComputerName or -Target).",
                                      "InvalidFaultTarget"))
        hosts = []
        for name in names:
            host = self.find_host(name)
            if host is None:
                raise self.fail(host_not_found(name))
            hosts.append(host)
        return hosts

    def _target(self, kind: str) -> str | tuple[str, str]:
        if kind == "NetworkDown":
            hosts = self._hosts(kind, (1, 2))
            return hosts[0].name if len(hosts) == 1 else (hosts[0].name, hosts[1].name)
        if kind == "HostFailure":
            return self._hosts(kind, (1,))[0].name
        if kind == "VolumeFull":
            return self._volume()
        name = self.params.get("VMName") or next(iter(self.params.get("Target") or []), None)
        if name is None:
            raise self.fail(lab_error("A Cancel fault needs the virtual machine whose migration it cancels "
                                      "(-VMName).", "InvalidFaultTarget"))
        vm = self.lab.find_vm(name)
        if vm is None:
            raise self.fail(self.vm_not_found(name, True))
        return vm.name

    def _volume(self) -> str:
        targets = self.params.get("Target") or []
        computers = self.params.get("ComputerName") or []
        if len(targets) != 1 or len(computers) > 1:
            raise self.fail(lab_error("A VolumeFull fault needs one volume: -Target 'HV02 D:', or a path on it "
                                      "(with -ComputerName for a local path of another host).", "InvalidFaultTarget"))
        text = targets[0]
        viewer = self._hosts("VolumeFull", (1,))[0] if computers else self.find_host(self.local_name())
        named = volume_by_name(self.lab, text)
        if named is not None:
            return named
        try:
            return F.FileSystem(self.lab).resolve(viewer, text).owner
        except F.FsError:
            raise self.fail(lab_error(f"The lab has no volume '{text}' on {viewer.name}.", "VolumeNotFound",
                                      "ObjectNotFound", text)) from None

    def _vm_filter(self, kind: str) -> str | None:
        name = self.params.get("VMName")
        if name is None:
            return None
        if kind != "Cancel" and self.parameter_set != "Phase":
            raise self.fail(lab_error("-VMName chooses whose migration a -Phase fault waits for; a fault at a "
                                      "time hits every migration.", "InvalidFaultTarget"))
        vm = self.lab.find_vm(name)
        if vm is None:
            raise self.fail(self.vm_not_found(name, True))
        return vm.name

    def _duration(self, kind: str) -> float | None:
        value = self.params.get("Duration")
        if value is None:
            return None
        if kind != "NetworkDown":
            raise self.fail(lab_error("-Duration applies to NetworkDown faults only; the other faults last until "
                                      "Clear-LabFault.", "InvalidFaultDuration"))
        seconds = to_seconds(value, "Duration")
        if seconds <= 0:
            raise self.fail(lab_error("-Duration must be longer than zero.", "InvalidFaultDuration"))
        return seconds

    def _at(self) -> float:
        now = self.lab.clock.seconds
        value = self.params.get("At")
        if value is None:
            return now
        at = lab_seconds(value) if is_datetime(value) else now + to_seconds(value, "At")
        if at < now:
            raise self.fail(lab_error(f"-At is in the past: the lab clock is at {format_datetime(to_datetime(now))}.",
                                      "FaultInThePast"))
        return at


def volume_by_name(lab: Lab, text: str) -> str | None:
    """'HV02 D:' or 'CLU01 Volume1' in the lab's spelling, or None."""
    parts = text.split()
    if len(parts) != 2:
        return None
    host = lab.find_host(parts[0])
    letter = parts[1].rstrip(":")
    if host is not None and len(letter) == 1 and host.volume(letter) is not None:
        return f"{host.name} {letter.upper()}:"
    cluster = lab.find_cluster(parts[0])
    csv = cluster.shared_volume(parts[1]) if cluster is not None else None
    return f"{cluster.name} {csv.name}" if cluster is not None and csv is not None else None


class GetLabFault(_FaultCmdlet):
    """Get-LabFault: the scheduled faults, oldest first (-Id, -Kind to choose)."""

    spec = cmdlet("Get-LabFault", [
        p("Id", "System.Int32[]", position=0),
        p("Kind", "System.String[]", validate=[ValidateSet(*KINDS)]),
    ])
    dotnet_class = f"{LAB_COMMANDS}.GetLabFault"

    def process(self) -> None:
        for entry in self.selected():
            self.write(LabFault(self.book, entry))


class ClearLabFault(_FaultCmdlet):
    """Clear-LabFault: disarm scheduled faults and repair what fired ones broke; all of them,
    or those of -Id (also from Get-LabFault objects in the pipeline) or -Kind."""

    spec = cmdlet("Clear-LabFault", [
        p("Id", "System.Int32[]", sets={"Id": dict(position=0, mandatory=True, by_property_name=True)}),
        p("Kind", "System.String[]", sets={"Kind": dict(mandatory=True)}, validate=[ValidateSet(*KINDS)]),
        p("Passthru", "switch"),
    ], default_set="All", should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.ClearLabFault"

    def process(self) -> None:
        for entry in self.selected():
            view = LabFault(self.book, entry)
            if not self.should_process(f"{entry.id}: {view.ps_to_string()}"):
                continue
            self.book.clear(entry)
            if self.params.get("Passthru"):
                self.write(view)
