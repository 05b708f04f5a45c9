"""Migration traces (what Get-LabMigrationTrace shows) and progress / verbose events.

Field names are PascalCase because the shell exposes them unchanged as object properties.
Times are lab seconds (the lab clock's scale); phase starts are relative to the migration start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

MigrationKind = Literal["Live", "Storage", "SharedNothing", "Quick"]
MigrationResult = Literal["Running", "Queued", "Completed", "Failed", "Cancelled"]


@dataclass
class RoundRecord:
    """One memory pass; the stop-and-copy pass is the last, with ``StopAndCopy`` set."""

    Round: int
    Pages: int
    Bytes: int
    Seconds: float
    DirtiedPages: int
    StopAndCopy: bool = False


@dataclass
class PhaseRecord:
    Name: str
    StartSeconds: float
    Seconds: float = 0.0


@dataclass
class MigrationTrace:
    VMName: str
    Kind: MigrationKind
    Source: str
    Destination: str
    PerformanceOption: str
    Result: MigrationResult = "Running"
    StartTime: float = 0.0
    EndTime: float | None = None
    TotalSeconds: float = 0.0
    BlackoutSeconds: float = 0.0
    MemoryBytesTransferred: int = 0
    StorageBytesTransferred: int = 0
    WireBytes: float = 0.0
    EffectiveBandwidthBytesPerSec: float = 0.0
    Rounds: list[RoundRecord] = field(default_factory=list)
    Phases: list[PhaseRecord] = field(default_factory=list)
    Error: str | None = None
    StorageVerified: bool | None = None
    """True when every disk switch-over found destination blocks equal to the source's."""


@dataclass(frozen=True)
class ProgressEvent:
    """For Write-Progress: percent of the planned bytes, current phase and pass."""

    MigrationId: int
    VMName: str
    Kind: str
    Phase: str
    Pass: int | None
    PercentComplete: int
    Seconds: float


@dataclass(frozen=True)
class VerboseEvent:
    MigrationId: int
    VMName: str
    Message: str
    Seconds: float


ProgressCallback = Callable[[ProgressEvent], None]
VerboseCallback = Callable[[VerboseEvent], None]


class TraceRecorder:
    """Fills one trace as a migration runs and reports progress and verbose events."""

    def __init__(
        self,
        migration_id: int,
        trace: MigrationTrace,
        now: Callable[[], float],
        progress: ProgressCallback | None = None,
        verbose: VerboseCallback | None = None,
        on_phase: Callable[[str, str], None] | None = None,
    ) -> None:
        self.id = migration_id
        self._on_phase = on_phase
        self.trace = trace
        self._now = now
        self._progress = progress
        self._verbose = verbose
        self.planned_bytes = 0.0
        self.done_bytes = 0.0
        self.in_flight: Callable[[], float] = lambda: 0.0
        self.current_pass: int | None = None
        self._percent = 0
        trace.StartTime = now()

    @property
    def elapsed(self) -> float:
        return self._now() - self.trace.StartTime

    @property
    def phase(self) -> str:
        return self.trace.Phases[-1].Name if self.trace.Phases else "Starting"

    def begin_phase(self, name: str) -> None:
        self.end_phase()
        self.trace.Phases.append(PhaseRecord(name, self.elapsed))
        self.say(f"Phase {name} started.")
        self.report()
        if self._on_phase is not None:
            self._on_phase(self.trace.VMName, name)

    def end_phase(self) -> None:
        if self.trace.Phases:
            last = self.trace.Phases[-1]
            last.Seconds = self.elapsed - last.StartSeconds

    def add_round(self, record: RoundRecord) -> None:
        self.trace.Rounds.append(record)
        what = "Stop-and-copy pass" if record.StopAndCopy else f"Memory pass {record.Round}"
        self.say(
            f"{what}: {record.Pages} pages ({record.Bytes} bytes) in {record.Seconds:.6f} s; "
            f"{record.DirtiedPages} pages dirtied meanwhile."
        )

    def say(self, message: str) -> None:
        if self._verbose is not None:
            self._verbose(VerboseEvent(self.id, self.trace.VMName, message, self._now()))

    def percent(self) -> int:
        """Percent of planned bytes done, never going back, 100 only once completed."""
        if self.trace.Result == "Completed":
            self._percent = 100
        elif self.planned_bytes > 0:
            done = self.done_bytes + self.in_flight()
            self._percent = max(self._percent, min(99, int(100 * done / self.planned_bytes)))
        return self._percent

    def report(self) -> None:
        if self._progress is not None:
            self._progress(
                ProgressEvent(
                    self.id,
                    self.trace.VMName,
                    self.trace.Kind,
                    self.phase,
                    self.current_pass,
                    self.percent(),
                    self._now(),
                )
            )

    def finish(self, result: MigrationResult, error: str | None = None) -> None:
        self.end_phase()
        t = self.trace
        t.Result, t.Error = result, error
        t.EndTime = self._now()
        t.TotalSeconds = t.EndTime - t.StartTime
        moved = t.MemoryBytesTransferred + t.StorageBytesTransferred
        t.EffectiveBandwidthBytesPerSec = moved / t.TotalSeconds if t.TotalSeconds > 0 else 0.0
        self.say(f"Migration {result.lower()} after {t.TotalSeconds:.3f} s.")
        self.report()
