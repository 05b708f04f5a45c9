"""Get-LabMigrationTrace: what each migration did (kind, hosts, result, times, bytes, the memory
passes and the phases), as objects with the migration core's property names."""

from __future__ import annotations

from ...lab.clock import to_datetime
from ...migration.trace import MigrationTrace
from ...runtime.cmdlet import Cmdlet
from ...runtime.formatting import Column, register_table_view
from ...runtime.objects import Int64, PSObject
from ...runtime.params import ValidateRange, cmdlet, p
from ..hyperv.common import name_matches
from .service import migration_service

TRACE_TYPE = "Pshv.Lab.MigrationTrace"
ROUND_TYPE = "Pshv.Lab.MigrationRound"
PHASE_TYPE = "Pshv.Lab.MigrationPhase"
_REGISTERED = False


def _seconds(name: str):
    def read(obj: PSObject) -> object:
        value = obj.get(name)
        return None if value is None else round(value, 3)
    return read


def register_trace_views() -> None:
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    register_table_view(TRACE_TYPE, [
        "VMName", "Kind", "Source", "Destination", "Result",
        Column("TotalSeconds", _seconds("TotalSeconds"), alignment="right"),
        Column("BlackoutSeconds", _seconds("BlackoutSeconds"), alignment="right"),
    ])


def trace_object(trace: MigrationTrace) -> PSObject:
    """A snapshot of a trace as a PowerShell object."""
    rounds = [PSObject([("Round", r.Round), ("Pages", Int64(r.Pages)), ("Bytes", Int64(r.Bytes)),
                        ("Seconds", r.Seconds), ("DirtiedPages", Int64(r.DirtiedPages))],
                       type_names=[ROUND_TYPE, "System.Management.Automation.PSCustomObject", "System.Object"])
              for r in trace.Rounds]
    phases = [PSObject([("Name", ph.Name), ("StartSeconds", ph.StartSeconds), ("Seconds", ph.Seconds)],
                       type_names=[PHASE_TYPE, "System.Management.Automation.PSCustomObject", "System.Object"])
              for ph in trace.Phases]
    return PSObject([
        ("VMName", trace.VMName),
        ("Kind", trace.Kind),
        ("Source", trace.Source),
        ("Destination", trace.Destination),
        ("PerformanceOption", trace.PerformanceOption),
        ("Result", trace.Result),
        ("StartTime", to_datetime(trace.StartTime)),
        ("EndTime", None if trace.EndTime is None else to_datetime(trace.EndTime)),
        ("TotalSeconds", trace.TotalSeconds),
        ("BlackoutSeconds", trace.BlackoutSeconds),
        ("MemoryBytesTransferred", Int64(trace.MemoryBytesTransferred)),
        ("StorageBytesTransferred", Int64(trace.StorageBytesTransferred)),
        ("WireBytes", trace.WireBytes),
        ("EffectiveBandwidthBytesPerSec", trace.EffectiveBandwidthBytesPerSec),
        ("Rounds", rounds),
        ("Phases", phases),
        ("Error", trace.Error),
    ], type_names=[TRACE_TYPE, "System.Management.Automation.PSCustomObject", "System.Object"])


class GetLabMigrationTrace(Cmdlet):
    spec = cmdlet("Get-LabMigrationTrace", [
        p("VMName", "System.String[]", aliases=["Name"], position=0),
        p("Last", "System.Int32", validate=[ValidateRange(1, 2147483647)]),
    ])
    dotnet_class = "Pshv.Lab.Commands.GetLabMigrationTraceCommand"

    def end(self) -> None:
        register_trace_views()
        traces = migration_service(self.ctx).traces()
        patterns = self.params.get("VMName")
        if patterns:
            traces = [t for t in traces if any(name_matches(t.VMName, pattern) for pattern in patterns)]
        last = self.params.get("Last")
        if last:
            traces = traces[-last:]
        for trace in traces:
            self.write(trace_object(trace))
