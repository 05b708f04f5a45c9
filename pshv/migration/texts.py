"""Hyper-V's migration messages and event ids (hyperv-cmdlets.md §5.2), and our own where none
is published (marked below)."""

from __future__ import annotations

EVENT_LIMIT_REACHED = 21501
EVENT_MIGRATION_FAILED = 21502
EVENT_LONG_BLACKOUT = 20417
LONG_BLACKOUT_SECONDS = 5.0
"""Blackouts longer than this are logged as event 20417 (our threshold; none is published)."""


def failed_at(vm: str, host: str, vm_id: str, side: str = "source") -> str:
    return (
        f"Virtual machine migration operation for '{vm}' failed at migration {side} "
        f"'{host}'. (Virtual machine ID {vm_id})"
    )


def limit_reached(vm: str, limit: int, storage: bool = False) -> str:
    # The storage variant is our wording (only the live-migration text is published).
    what = "storage migration" if storage else "virtual machine migration"
    return (
        f'Failed to perform migration on virtual machine "{vm}" because {what} limit '
        f'"{limit}" was reached, please wait for completion of an ongoing migration operation.'
    )


def connection_closed() -> str:
    return (
        "Failed to send data for a Virtual Machine migration: An existing connection was "
        "forcibly closed by the remote host. (0x80072746)"
    )


def connection_failed(host: str) -> str:
    return (
        f'Failed to establish a connection with host "{host}": A connection attempt failed '
        "because the connected party did not properly respond after a period of time, or "
        "established connection failed because connected host has failed to respond. (0x8007274C)"
    )


def receive_timeout() -> str:
    return (
        "Failed to receive data for a Virtual Machine migration: This operation returned "
        "because the timeout period expired. (0x800705B4)."
    )


def out_of_memory(vm: str) -> str:
    return f'"{vm}" could not initialize memory: Ran out of memory (0x8007000E).'


def disk_full(where: str) -> str:
    # Our wording around the Windows system message for ERROR_DISK_FULL.
    return f"Failed to copy files to '{where}': There is not enough space on the disk. (0x80070070)"


def cancelled(vm: str) -> str:
    # Our wording: no published text for a cancelled move.
    return f"The migration of virtual machine '{vm}' was cancelled."


def long_blackout(vm: str, seconds: float) -> str:
    return (
        "The Virtual Machine Management service successfully completed the live migration of "
        f'virtual machine "{vm}" with an unexpectedly long blackout time of {seconds:.1f} seconds.'
    )
