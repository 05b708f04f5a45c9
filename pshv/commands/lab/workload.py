"""Set-LabWorkload: what a guest does, as far as migration cares (the VM's `workload`).

Live migration re-sends the memory pages a guest dirties while its memory is copied, and a
storage migration mirrors its disk writes; this cmdlet sets those rates.  Without
-ComputerName the VM is looked for on every host of the lab.
"""

from __future__ import annotations

from ...lab.enums import AccessPattern
from ...lab.model import VirtualMachine as LabVM
from ...runtime.objects import PSObject
from ...runtime.params import ValidateRange, ValidateSet, cmdlet, p
from .labcmdlet import GB, LAB_COMMANDS, LabCmdlet, lab_error

WORKLOAD_TYPE = "Pshv.Lab.Workload"


def workload_view(host_name: str, vm: LabVM) -> PSObject:
    """The workload as Set-LabWorkload -Passthru shows it."""
    w = vm.workload
    return PSObject([
        ("VMName", vm.name),
        ("ComputerName", host_name),
        ("DirtyMBps", w.dirty_rate_mb_per_s),
        ("WorkingSetGB", round(w.writable_working_set_bytes / GB, 3)),
        ("Pattern", w.access_pattern.value),
        ("HotSetFraction", w.hot_set_fraction),
        ("CompressionRatio", w.compressibility),
        ("DiskWriteMBps", w.disk_write_mb_per_s),
    ], type_names=[WORKLOAD_TYPE, "System.Management.Automation.PSCustomObject", "System.Object"])


class SetLabWorkload(LabCmdlet):
    """Set-LabWorkload: the guest's memory dirty rate (MB/s), writable working set (GB), write
    pattern (Sequential, Random or Hotspot, with -HotSetFraction of the working set taking most
    writes), memory compression ratio and disk write rate (MB/s)."""

    spec = cmdlet("Set-LabWorkload", [
        p("VMName", "System.String[]", aliases=["Name"],
          sets={"VMName": dict(position=0, mandatory=True, by_property_name=True)}),
        p("ComputerName", "System.String[]", sets="VMName"),
        p("VM", "Microsoft.HyperV.PowerShell.VirtualMachine[]",
          sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("DirtyMBps", "System.Double", validate=[ValidateRange(0.0, 100000.0)]),
        p("WorkingSetGB", "System.Double", validate=[ValidateRange(0.0, 65536.0)]),
        p("Pattern", "System.String", validate=[ValidateSet("Sequential", "Random", "Hotspot")]),
        p("HotSetFraction", "System.Double", validate=[ValidateRange(0.001, 1.0)]),
        p("CompressionRatio", "System.Double", validate=[ValidateRange(1.0, 100.0)]),
        p("DiskWriteMBps", "System.Double", validate=[ValidateRange(0.0, 100000.0)]),
        p("Passthru", "switch"),
    ], default_set="VMName", should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.SetLabWorkload"

    def process(self) -> None:
        for vm in self._vms():
            problem = self._problem(vm)
            if problem is not None:
                self.error(lab_error(problem, "InvalidWorkload", target=vm.name))
                continue
            if not self.should_process(vm.name):
                continue
            self._apply(vm)
            if self.params.get("Passthru"):
                self.write(workload_view(self.host_of(vm).name, vm))

    def _vms(self) -> list[LabVM]:
        if self.parameter_set == "VMObject":
            return self.live_vms(self.params["VM"])
        names = self.params.get("ComputerName")
        hosts = self.hosts_named(names) if names else list(self.lab.hosts)
        return self.vms_named(self.params["VMName"], hosts, by_vm_name=True)

    def _problem(self, vm: LabVM) -> str | None:
        size = self.params.get("WorkingSetGB")
        if size is not None and size * GB > vm.memory.startup_bytes:
            return (f"The working set of '{vm.name}' ({size:g} GB) cannot exceed its memory "
                    f"({vm.memory.startup_bytes / GB:g} GB).")
        return None

    def _apply(self, vm: LabVM) -> None:
        changes: dict[str, object] = {}
        params = self.params
        if params.get("DirtyMBps") is not None:
            changes["dirty_rate_mb_per_s"] = float(params["DirtyMBps"])
        if params.get("WorkingSetGB") is not None:
            changes["writable_working_set_bytes"] = int(params["WorkingSetGB"] * GB)
        if params.get("Pattern") is not None:
            changes["access_pattern"] = next(a for a in AccessPattern
                                             if a.value.casefold() == params["Pattern"].casefold())
        if params.get("HotSetFraction") is not None:
            changes["hot_set_fraction"] = float(params["HotSetFraction"])
        if params.get("CompressionRatio") is not None:
            changes["compressibility"] = float(params["CompressionRatio"])
        if params.get("DiskWriteMBps") is not None:
            changes["disk_write_mb_per_s"] = float(params["DiskWriteMBps"])
        vm.workload = vm.workload.model_copy(update=changes)
