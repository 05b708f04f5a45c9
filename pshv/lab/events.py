"""Entries of the lab's event log (what Get-WinEvent / Get-EventLog would read)."""

from __future__ import annotations

from pshv.lab.base import LabModel, by_name
from pshv.lab.enums import EventLevel


class LabEvent(LabModel):
    time: float
    host: str
    log_name: str
    event_id: int
    level: by_name(EventLevel) = EventLevel.Information
    message: str


HYPERV_VMMS_ADMIN = "Microsoft-Windows-Hyper-V-VMMS-Admin"
"""Log where Hyper-V records migration events (20417, 21501, 21502 ...)."""
