"""The error records of failed moves, worded and shaped as Hyper-V's.

A failed move is one of:
* migration not enabled — VMMS's one-line text (recorded from a real Move-VM run);
* an incompatibility (switch, processor, version, storage, memory, ...) — "The virtual machine
  '<vm>' is not compatible with physical computer '<host>'." and the reasons, one per line, with
  the VMCompatibilityReport as the error's TargetObject (Move-VM's documented output);
* anything VMMS reports while connecting or moving (authentication, network, faults, limits) —
  "Virtual machine migration operation for '<vm>' failed at migration source|destination ..."
  followed by the VMMS lines (the trace's Error).
The FullyQualifiedErrorId reasons are unverified: no public transcript shows them for Move-VM.
"""

from __future__ import annotations

from ...lab.compat import Incompatibility
from ...migration.service import Migration
from ...runtime import errors as E

MIGRATION_DISABLED = ("MigrationDisabledSource", "MigrationDisabledDestination")
WHOLE_MESSAGE = ("SameHost", "HyperVNotInstalled")
CONNECTION = ("CredSSP", "KerberosDelegation", "MigrationNetwork")
SECOND_LINE = {
    # VMMS's second line for each authentication failure (recorded transcripts).
    "CredSSP": "Failed to authenticate the connection at the source host: no suitable credentials available.",
    "KerberosDelegation": ("The Virtual Machine Management Service failed to authenticate the connection for a "
                           "Virtual Machine migration at the source host: The target principal name is incorrect. "
                           "(0x80090322)."),
}


def _error(message: str, reason: str, category: str, target: object = None) -> E.PSException:
    return E.VirtualizationException(message, error_id=reason, category=category, target=target)


def failed_at_line(migration: Migration) -> str:
    """The first line of the trace's Error: 'Virtual machine migration operation ... failed at ...'."""
    return (migration.trace.Error or "").split("\n", 1)[0]


def check_failure(migration: Migration, findings: list[Incompatibility], report_view) -> E.PSException:
    """The error for a move refused by its checks; `report_view` builds the VMCompatibilityReport."""
    disabled = [f for f in findings if f.code in MIGRATION_DISABLED]
    if disabled:
        return _error(disabled[0].message, "InvalidState", "InvalidOperation")
    whole = [f for f in findings if f.code in WHOLE_MESSAGE]
    if whole:
        return _error(whole[0].message, "InvalidParameter", "InvalidArgument")
    incompatible = [f for f in findings if f.code not in CONNECTION]
    if incompatible:
        lines = [(f"The virtual machine '{migration.vm.name}' is not compatible with physical computer "
                 f"'{migration.destination}'.")] + [f.message for f in incompatible]
        return _error("\n".join(lines), "OperationFailed", "InvalidOperation", report_view())
    connection = findings[0]
    lines = [failed_at_line(migration), connection.message]
    if connection.code in SECOND_LINE:
        lines.append(SECOND_LINE[connection.code])
    return _error("\n".join(lines), "OperationFailed", "NotSpecified")


def run_failure(migration: Migration) -> E.PSException:
    """The error for a move that failed or was cancelled while running (the trace's Error)."""
    if migration.trace.Result == "Cancelled":
        return _error(migration.trace.Error or "", "OperationCancelled", "OperationStopped")
    return _error(migration.trace.Error or "", "OperationFailed", "NotSpecified")


def unknown_destination(vm_name: str, source: str, vm_id: str, destination: str) -> E.PSException:
    """The destination name resolves to no host (WSAHOST_NOT_FOUND)."""
    return _error(
        f"Virtual machine migration operation for '{vm_name}' failed at migration source '{source}'. "
        f"(Virtual machine ID {vm_id})\n"
        "The Virtual Machine Management Service failed to establish a connection for a Virtual Machine migration "
        f"with host '{destination}': No such host is known. (0x80072AF9).",
        "OperationFailed", "NotSpecified")


def refused_path(message: str) -> E.PSException:
    """A destination the lab's file systems refuse before the move starts."""
    return _error(message, "InvalidParameter", "InvalidArgument")
