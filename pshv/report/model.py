"""A finished migration as the pictures need it, read from either a migration-core trace
(`pshv.migration.trace.MigrationTrace`) or the object Get-LabMigrationTrace writes.

Both carry the same field names; the shell's round objects leave out `StopAndCopy`, so the
stop-and-copy pass is recognised as the last pass of a migration that had a StopAndCopy phase.
"""

from __future__ import annotations

from dataclasses import dataclass

BLACKOUT_PHASES = frozenset({"StopAndCopy", "StorageHandover", "Resume"})
"""The phases during which the virtual machine is paused."""

KIND_TITLES = {
    "Live": "Live migration",
    "SharedNothing": "Shared-nothing live migration",
    "Storage": "Storage migration",
    "Quick": "Quick migration",
}

PHASE_TITLES = {
    "StorageCopy": "Storage copy",
    "StorageSwitch": "Storage switch",
    "Setup": "Setup",
    "MemoryCopy": "Memory pre-copy",
    "StopAndCopy": "Stop-and-copy",
    "StorageHandover": "Storage handover",
    "Resume": "Resume",
    "NetworkCleanup": "Network cleanup",
    "CopyState": "Copy state",
}


@dataclass(frozen=True)
class Pass:
    number: int
    pages: int
    bytes: int
    seconds: float
    stop_and_copy: bool


@dataclass(frozen=True)
class Phase:
    name: str
    start: float
    seconds: float

    @property
    def title(self) -> str:
        return PHASE_TITLES.get(self.name, self.name)

    @property
    def paused(self) -> bool:
        return self.name in BLACKOUT_PHASES


@dataclass(frozen=True)
class Migration:
    vm: str
    kind: str
    source: str
    destination: str
    option: str
    result: str
    total_seconds: float
    blackout_seconds: float
    wire_bytes: float
    bandwidth: float
    memory_bytes: int
    storage_bytes: int
    passes: tuple[Pass, ...]
    phases: tuple[Phase, ...]
    error: str | None

    @property
    def kind_title(self) -> str:
        return KIND_TITLES.get(self.kind, self.kind)

    @property
    def route(self) -> str:
        return self.source if self.source == self.destination else f"{self.source} → {self.destination}"

    @property
    def label(self) -> str:
        """A short name for the comparison: VM and transport (or kind, for storage moves)."""
        return f"{self.vm} {self.option or self.kind}"


def _field(obj: object, name: str, default: object = None) -> object:
    getter = getattr(obj, "get", None)
    if callable(getter) and not hasattr(obj, "__dataclass_fields__"):
        value = getter(name)
    else:
        value = getattr(obj, name, default)
    return default if value is None else value


def is_trace(obj: object) -> bool:
    """Whether `obj` carries the fields of a migration trace."""
    return all(_field(obj, name) is not None for name in ("VMName", "Kind", "Source", "Destination", "Result"))


def migration_of(trace: object) -> Migration:
    """The picture's view of one trace (core dataclass or shell object)."""
    phases = tuple(Phase(str(_field(ph, "Name", "")), float(_field(ph, "StartSeconds", 0.0)),
                         float(_field(ph, "Seconds", 0.0))) for ph in _field(trace, "Phases", []))
    had_stop = any(ph.name == "StopAndCopy" for ph in phases)
    rounds = list(_field(trace, "Rounds", []))
    passes = []
    for index, record in enumerate(rounds):
        flag = _field(record, "StopAndCopy")
        stop = bool(flag) if flag is not None else had_stop and index == len(rounds) - 1
        passes.append(Pass(int(_field(record, "Round", index)), int(_field(record, "Pages", 0)),
                           int(_field(record, "Bytes", 0)), float(_field(record, "Seconds", 0.0)), stop))
    return Migration(
        vm=str(_field(trace, "VMName", "")),
        kind=str(_field(trace, "Kind", "")),
        source=str(_field(trace, "Source", "")),
        destination=str(_field(trace, "Destination", "")),
        option=str(_field(trace, "PerformanceOption", "")),
        result=str(_field(trace, "Result", "")),
        total_seconds=float(_field(trace, "TotalSeconds", 0.0)),
        blackout_seconds=float(_field(trace, "BlackoutSeconds", 0.0)),
        wire_bytes=float(_field(trace, "WireBytes", 0.0)),
        bandwidth=float(_field(trace, "EffectiveBandwidthBytesPerSec", 0.0)),
        memory_bytes=int(_field(trace, "MemoryBytesTransferred", 0)),
        storage_bytes=int(_field(trace, "StorageBytesTransferred", 0)),
        passes=tuple(passes),
        phases=phases,
        error=_field(trace, "Error"),
    )
