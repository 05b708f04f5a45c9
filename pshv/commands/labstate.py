"""The lab a shell acts on: loaded on first use (start-up stays light), saved back on exit.

Commands reach it as `ctx.services['lab'].lab`; the runtime's clock service reads the lab
clock through `LabClock`, so `Get-Date`, `[datetime]::Now` and Stopwatch follow simulated time.
"""

from __future__ import annotations

from datetime import datetime


class LabHandle:
    def __init__(self, path: str | None = None) -> None:
        self.path = path  # the -Lab file, or None for the embedded default lab
        self._lab = None

    @property
    def loaded(self) -> bool:
        return self._lab is not None

    @property
    def lab(self):
        if self._lab is None:
            if self.path is None:
                from ..lab.snapshot import default_lab_snapshot

                self._lab = default_lab_snapshot()
            else:
                from ..lab.files import load_lab

                self._lab = load_lab(self.path)
        return self._lab

    def replace(self, lab) -> None:
        self._lab = lab

    def save(self) -> None:
        """Write the lab back to its file (atomically), when it came from one and was used."""
        if self.path is not None and self._lab is not None:
            from ..lab.files import save_lab

            save_lab(self._lab, self.path)


class LabClock:
    """The runtime's clock service, reading the lab's simulated clock."""

    def __init__(self, handle: LabHandle) -> None:
        self.handle = handle

    def now(self) -> datetime:
        return self.handle.lab.clock.now()

    def advance(self, seconds: float) -> None:
        self.handle.lab.clock.advance(seconds)
