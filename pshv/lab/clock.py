"""The lab's simulated clock: seconds since a fixed epoch."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import Field

from pshv.lab.base import LabModel

LAB_EPOCH = datetime(2025, 1, 1, 0, 0, 0)
"""Local wall-clock time at lab second 0 (naive, as Get-Date shows local time)."""


def to_datetime(seconds: float) -> datetime:
    """Wall-clock time of a lab timestamp."""
    return LAB_EPOCH + timedelta(seconds=seconds)


def to_seconds(moment: datetime) -> float:
    """Lab timestamp of a wall-clock time."""
    return (moment - LAB_EPOCH).total_seconds()


class SimClock(LabModel):
    """Simulated time.  Only the lab's operations and the migration core move it forward."""

    seconds: float = Field(default=0.0, ge=0.0)

    def now(self) -> datetime:
        return to_datetime(self.seconds)

    def advance(self, seconds: float) -> float:
        """Move time forward by `seconds` (never backwards); returns the new time."""
        if seconds < 0:
            raise ValueError("the lab clock cannot go backwards")
        self.seconds += seconds
        return self.seconds
