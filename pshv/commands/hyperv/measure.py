"""Measure-VM: a resource-metering report per VM (memory from the lab; disk = VHD sizes plus checkpoints).

The lab keeps no CPU or network counters, so those figures are 0; metering needs no enabling.
"""

from __future__ import annotations

from ...lab import filesystem as F
from ...lab.fstree import File
from ...lab.model import VirtualMachine as LabVM
from ...runtime.params import cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, remote
from .objects import VMMeteringReport


class MeasureVM(HyperVCmdlet):
    spec = cmdlet("Measure-VM", [
        p("Name", "System.String[]", aliases=["VMName"], sets={"Name": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        *remote("Name"),
    ], default_set="Name")
    dotnet_class = f"{COMMANDS}.MeasureVM"

    def process(self) -> None:
        for vm in self.selected_vms():
            self.write(VMMeteringReport(self.lab, vm, self._disk_bytes(vm)))

    def _disk_bytes(self, vm: LabVM) -> int:
        fs = F.FileSystem(self.lab)
        host = self.host_of(vm)
        total = 0
        for path in [*vm.disk_paths(), *(f for c in vm.checkpoints for f in c.files)]:
            try:
                node = fs.get_item(host, path)
            except F.FsError:
                continue
            if isinstance(node, File):
                total += node.vhd.max_size_bytes if node.vhd is not None else node.size_bytes
        return total
