"""Get-LabClock, Set-LabClock: the lab's simulated time.

The clock only moves forward.  Moving it lets time pass the way Start-Sleep does: running
migrations progress and scheduled faults fire meanwhile.
"""

from __future__ import annotations

from ...lab.clock import to_seconds as lab_seconds
from ...runtime.dotnet_format import format_datetime
from ...runtime.params import cmdlet, p
from ..core.timing import sleep
from .labcmdlet import LAB_COMMANDS, LabCmdlet, lab_error, to_seconds


class GetLabClock(LabCmdlet):
    """Get-LabClock: the lab's current time, as a DateTime (what Get-Date shows)."""

    spec = cmdlet("Get-LabClock", [])
    dotnet_class = f"{LAB_COMMANDS}.GetLabClock"

    def process(self) -> None:
        self.write(self.lab.clock.now())


class SetLabClock(LabCmdlet):
    """Set-LabClock: move the lab's time forward to -Date, or by -Advance (a TimeSpan or a
    number of seconds)."""

    spec = cmdlet("Set-LabClock", [
        p("Date", "System.DateTime", sets={"Date": dict(position=0, mandatory=True)}),
        p("Advance", "System.Object", sets={"Advance": dict(mandatory=True)}),
        p("Passthru", "switch"),
    ], default_set="Date", should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.SetLabClock"

    def process(self) -> None:
        clock = self.lab.clock
        if self.parameter_set == "Advance":
            seconds = to_seconds(self.params["Advance"], "Advance")
            wanted = f"-Advance is {self.ctx.to_string(self.params['Advance'])}"
        else:
            seconds = lab_seconds(self.params["Date"]) - clock.seconds
            wanted = f"-Date is {format_datetime(self.params['Date'])}"
        if seconds < 0:
            raise self.fail(lab_error(
                f"The lab clock cannot go backwards: it is {format_datetime(clock.now())} and {wanted}.",
                "ClockCannotGoBackwards", "InvalidArgument", self.params[self.parameter_set]))
        if self.should_process(format_datetime(clock.now()), "Advance the lab clock"):
            sleep(self.ctx, seconds)
        if self.params.get("Passthru"):
            self.write(self.lab.clock.now())
