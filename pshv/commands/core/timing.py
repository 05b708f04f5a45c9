"""Start-Sleep and Measure-Command, both on the lab's simulated clock."""

from __future__ import annotations

import datetime as _dt

from ...runtime.cmdlet import Cmdlet
from ...runtime.params import ValidateRange, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"


def sleep(ctx, seconds: float) -> None:
    """Let simulated time pass: background work (migrations) runs meanwhile when the shell offers it."""
    if seconds <= 0:
        return
    on_sleep = ctx.services.get("on_sleep")
    if callable(on_sleep):
        on_sleep(seconds)
        return
    clock = ctx.services.get("clock")
    if clock is not None and hasattr(clock, "advance"):
        clock.advance(seconds)
    else:
        default = ctx._default_clock()
        default.current += _dt.timedelta(seconds=seconds)


class StartSleep(Cmdlet):
    spec = cmdlet("Start-Sleep", [
        p("Seconds", "System.Int32", sets={"Seconds": dict(position=0, mandatory=True, by_property_name=True,
                                                             pipeline=True)},
          validate=[ValidateRange(0, 2147483)]),
        p("Milliseconds", "System.Int32", sets={"Milliseconds": dict(mandatory=True, by_property_name=True)},
          validate=[ValidateRange(0, 2147483647)]),
    ], default_set="Seconds")
    dotnet_class = f"{UTILITY}.StartSleepCommand"

    def process(self) -> None:
        if self.parameter_set == "Milliseconds":
            sleep(self.ctx, int(self.params["Milliseconds"]) / 1000)
        else:
            sleep(self.ctx, int(self.params["Seconds"]))


class MeasureCommand(Cmdlet):
    spec = cmdlet("Measure-Command", [
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("Expression", "System.Management.Automation.ScriptBlock", position=0, mandatory=True),
    ])
    dotnet_class = f"{UTILITY}.MeasureCommandCommand"

    def begin(self) -> None:
        self._elapsed = _dt.timedelta()

    def process(self) -> None:
        started = self.ctx.now()
        item = self.params.get("InputObject") if self.has_input else ...
        self.ctx.call(self.params["Expression"], [], dollar_under=item, new_scope=False)
        self._elapsed += self.ctx.now() - started

    def end(self) -> None:
        self.write(self._elapsed)
