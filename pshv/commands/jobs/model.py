"""Job objects as Windows PowerShell 5.1 shows them.

A job's work (`JobWork`) holds its result streams, the migrations it waits for and how its
script ended; the job's state is derived from that work whenever it is read, so jobs advance
with the lab clock without anyone polling them.  Jobs with child jobs (Start-Job's
BackgroundJob, -AsJob migrations) keep their results on the child, as PSRemotingJob does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum

from ...lab.clock import to_datetime
from ...migration.service import Migration
from ...runtime import errors as E
from ...runtime.objects import DotNetObject

AUTOMATION = "System.Management.Automation"
JOB_NAMESPACE = uuid.UUID("5d0c1bd2-4a39-4f49-9a56-0a3f6a1e4b7e")


class JobState(IntEnum):
    """System.Management.Automation.JobState."""

    NotStarted = 0
    Running = 1
    Completed = 2
    Failed = 3
    Stopped = 4
    Blocked = 5
    Suspended = 6
    Disconnected = 7
    Suspending = 8
    Stopping = 9
    AtBreakpoint = 10


FINISHED = (JobState.Completed, JobState.Failed, JobState.Stopped)


class JobStateInfo(DotNetObject):
    """System.Management.Automation.JobStateInfo: prints as its state."""

    ps_type_names = (f"{AUTOMATION}.JobStateInfo", "System.Object")
    ps_properties = ("State", "Reason")

    def __init__(self, state: JobState, reason: object) -> None:
        self.State = state
        self.Reason = reason

    def ps_to_string(self) -> str:
        return self.State.name


@dataclass(eq=False)
class Pending:
    """A migration a job waits for, with the error record to report if it fails."""

    migration: Migration
    error: object  # () -> PSException: the cmdlet's error for the failed move
    settled: bool = False


@dataclass(eq=False)
class JobWork:
    """What a job does and has produced: streams, awaited migrations, the script's outcome.

    `fail_on_migration_error`: a failed migration fails the job (an -AsJob move) rather than
    adding a non-terminating error to it (a move inside a Start-Job script block)."""

    begin_seconds: float
    fail_on_migration_error: bool = False
    output: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    verbose: list = field(default_factory=list)
    debug: list = field(default_factory=list)
    information: list = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    script_end_seconds: float | None = None
    reason: E.PSException | None = None
    stopped_at: float | None = None
    end_seconds: float | None = None
    state: JobState = JobState.Running

    def refresh(self) -> JobState:
        """Settle the migrations that ended and derive the state."""
        if self.state in FINISHED:
            return self.state
        for entry in self.pending:
            if entry.settled or not entry.migration.done:
                continue
            entry.settled = True
            if entry.migration.trace.Result != "Completed":
                failure = entry.error()
                self.errors.append(failure.record)
                if self.fail_on_migration_error and self.reason is None:
                    self.reason = failure
        if self.script_end_seconds is None or any(not e.settled for e in self.pending):
            return self.state
        ends = [self.script_end_seconds] + [e.migration.trace.EndTime or 0.0 for e in self.pending]
        self.end_seconds = max(ends)
        self.state = JobState.Failed if self.reason is not None else JobState.Completed
        return self.state

    def stop(self, now: float) -> None:
        if self.refresh() in FINISHED:
            return
        self.state = JobState.Stopped
        self.end_seconds = now

    @property
    def has_more_data(self) -> bool:
        streams = (self.output, self.errors, self.warnings, self.verbose, self.debug, self.information)
        return self.refresh() not in FINISHED or any(streams)


class Job(DotNetObject):
    """A job: System.Management.Automation.Job and the 5.1 class of its kind."""

    ps_properties = (
        "State", "HasMoreData", "StatusMessage", "Location", "Command", "JobStateInfo", "Finished",
        "InstanceId", "Id", "Name", "ChildJobs", "PSBeginTime", "PSEndTime", "PSJobTypeName", "Output",
        "Error", "Progress", "Verbose", "Debug", "Warning", "Information",
    )

    def __init__(self, job_id: int, name: str, command: str, location: str, job_type: str, work: JobWork,
                 type_names: tuple[str, ...], children: list[Job] | None = None) -> None:
        self.Id = job_id
        self.Name = name
        self.Command = command
        self.Location = location
        self.PSJobTypeName = job_type
        self.work = work
        self.ps_type_names = type_names
        self.children = children or []
        self.InstanceId = uuid.uuid5(JOB_NAMESPACE, f"job/{job_id}")
        self.StatusMessage = ""

    @property
    def holds_results(self) -> bool:
        return not self.children

    @property
    def State(self) -> JobState:
        return self.work.refresh()

    @property
    def finished(self) -> bool:
        return self.State in FINISHED

    @property
    def HasMoreData(self) -> bool:
        if self.holds_results:
            return self.work.has_more_data
        return any(child.HasMoreData for child in self.children)

    @property
    def JobStateInfo(self) -> JobStateInfo:
        reason = self.work.reason
        return JobStateInfo(self.State, reason if self.State == JobState.Failed else None)

    @property
    def Finished(self) -> str:
        return "System.Threading.ManualResetEvent"

    @property
    def ChildJobs(self) -> list:
        return list(self.children)

    @property
    def PSBeginTime(self) -> datetime:
        return to_datetime(self.work.begin_seconds)

    @property
    def PSEndTime(self) -> datetime | None:
        self.work.refresh()
        end = self.work.end_seconds
        return None if end is None else to_datetime(end)

    def _stream(self, items: list) -> list:
        return list(items) if self.holds_results else []

    @property
    def Output(self) -> list:
        return self._stream(self.work.output)

    @property
    def Error(self) -> list:
        return self._stream(self.work.errors)

    @property
    def Progress(self) -> list:
        return []

    @property
    def Verbose(self) -> list:
        return self._stream(self.work.verbose)

    @property
    def Debug(self) -> list:
        return self._stream(self.work.debug)

    @property
    def Warning(self) -> list:
        return self._stream(self.work.warnings)

    @property
    def Information(self) -> list:
        return self._stream(self.work.information)

    def result_holders(self) -> list[Job]:
        """The jobs whose streams Receive-Job reads: this one, or its children."""
        if self.holds_results:
            return [self]
        return [holder for child in self.children for holder in child.result_holders()]

    def ps_to_string(self) -> str:
        """As a job shows inside a collection (`ChildJobs : {Job2}`)."""
        return self.Name


JOB_CLASSES = (f"{AUTOMATION}.Job", f"{AUTOMATION}.PSRemotingJob", f"{AUTOMATION}.Job2", "ThreadJob.ThreadJob")


def _register_types() -> None:
    """JobState (binds and prints by name), JobStateInfo and the job classes (for -Job binding)."""
    from ...runtime.objects import PSType
    from ...runtime.types import register_enum, register_type

    register_enum(JobState, f"{AUTOMATION}.JobState")
    register_type(PSType(JobStateInfo.ps_type_names[0], is_instance=lambda v: isinstance(v, JobStateInfo)))
    for name in JOB_CLASSES:
        register_type(PSType(name, is_instance=lambda v, n=name: isinstance(v, Job) and n in v.ps_type_names))


_register_types()
