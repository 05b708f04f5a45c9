"""The migration core's progress and verbose events as a cmdlet's Write-Progress records and
verbose lines."""

from __future__ import annotations

from collections.abc import Callable

from ...migration.trace import ProgressEvent, VerboseEvent
from ...runtime.objects import PSObject

ACTIVITIES = {
    "Live": "Moving Virtual Machine",
    "Quick": "Moving Virtual Machine",
    "SharedNothing": "Moving Virtual Machine and Storage",
    "Storage": "Moving Virtual Machine Storage",
}
"""Hyper-V's job-type names for the three kinds of move (no published progress text)."""

PHASES = {
    "Setup": "Setting up the destination",
    "MemoryCopy": "Copying memory",
    "StopAndCopy": "Copying the last pages and the device state",
    "StorageHandover": "Handing over storage",
    "Resume": "Resuming on the destination",
    "NetworkCleanup": "Updating the network",
    "StorageCopy": "Copying storage",
    "StorageSwitch": "Switching to the destination files",
    "CopyState": "Copying the virtual machine state",
}


def progress_record(event: ProgressEvent, finished: bool) -> PSObject:
    """A ProgressRecord (the shape Write-Progress makes) for one progress event."""
    status = f"{event.VMName}: {PHASES.get(event.Phase, event.Phase)}"
    if event.Pass is not None and event.Phase == "MemoryCopy":
        status += f" (pass {event.Pass})"
    return PSObject([
        ("ActivityId", event.MigrationId),
        ("ParentActivityId", -1),
        ("Activity", ACTIVITIES.get(event.Kind, "Moving Virtual Machine")),
        ("StatusDescription", status),
        ("CurrentOperation", None),
        ("PercentComplete", event.PercentComplete),
        ("SecondsRemaining", -1),
        ("RecordType", "Completed" if finished else "Processing"),
    ], type_names=["System.Management.Automation.ProgressRecord", "System.Object"])


def progress_sink(cmdlet, is_finished: Callable[[int], bool]) -> Callable[[ProgressEvent], None]:
    """Forward progress events to ``cmdlet.progress`` (drawn by the REPL, ignored by scripts)."""
    return lambda event: cmdlet.progress(progress_record(event, is_finished(event.MigrationId)))


def verbose_sink(cmdlet) -> Callable[[VerboseEvent], None]:
    """Forward the core's phase and pre-copy pass lines to the verbose stream."""
    return lambda event: cmdlet.verbose(f"{event.VMName}: {event.Message}")
