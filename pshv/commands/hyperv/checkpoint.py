"""Checkpoint-VM, Get-VMSnapshot (alias Get-VMCheckpoint), Remove-VMSnapshot (alias Remove-VMCheckpoint).

The lab keeps a VM's checkpoints as a chain (each one's parent is the one before it); a checkpoint
holds its configuration file (and, for a running VM, its saved state) under the VM's
SnapshotFileLocation.
"""

from __future__ import annotations

from ...lab import filesystem as F
from ...lab.clock import to_datetime
from ...lab.enums import VMState
from ...lab.model import Checkpoint, VirtualMachine as LabVM
from ...runtime.params import cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, fs_message, hv_error, name_matches, remote
from .objects import VirtualMachine, VMSnapshot

SNAPSHOT = "Microsoft.HyperV.PowerShell.VMSnapshot"
CHECKPOINT_FILE_SIZES = {".vmcx": 72 * 1024, ".vmrs": 48 * 1024}


def default_checkpoint_name(vm: LabVM, seconds: float) -> str:
    """'<VM name> - (M/d/yyyy - h:mm:ss tt)', Hyper-V's name for an unnamed checkpoint."""
    moment = to_datetime(seconds)
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return (f"{vm.name} - ({moment.month}/{moment.day}/{moment.year} - "
            f"{hour}:{moment.minute:02d}:{moment.second:02d} {half})")


class CheckpointVM(HyperVCmdlet):
    spec = cmdlet("Checkpoint-VM", [
        p("Name", "System.String[]", aliases=["VMName"], sets={"Name": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("SnapshotName", "System.String", aliases=["CheckpointName"], position=1),
        p("AsJob", "switch"),
        p("Passthru", "switch"),
        *remote("Name"),
    ], default_set="Name", should_process=True)
    dotnet_class = f"{COMMANDS}.CheckpointVM"

    def process(self) -> None:
        for vm in self.selected_vms():
            if self.should_process(vm.name):
                checkpoint = self._create(vm)
                if checkpoint is not None and self.params.get("Passthru"):
                    self.write(VMSnapshot(self.lab, vm, checkpoint))

    def _create(self, vm: LabVM) -> Checkpoint | None:
        host = self.host_of(vm)
        now = self.lab.clock.seconds
        checkpoint_id = self.lab.new_uuid()
        stem = F.join_path(vm.snapshot_file_location, "Snapshots", str(checkpoint_id).upper())
        suffixes = [".vmcx", ".vmrs"] if vm.state in (VMState.Running, VMState.Paused) else [".vmcx"]
        fs = F.FileSystem(self.lab)
        written: list[str] = []
        try:
            fs.make_folder(host, F.join_path(vm.snapshot_file_location, "Snapshots"), exist_ok=True)
            for suffix in suffixes:
                fs.write_file(host, stem + suffix, size_bytes=CHECKPOINT_FILE_SIZES[suffix], overwrite=False)
                written.append(stem + suffix)
        except F.FsError as error:
            for path in written:
                fs.delete(host, path)
            self.error(hv_error(f"Checkpoint operation failed for '{vm.name}'.\n{fs_message(error, missing_file=False)}",
                                "OperationFailed", "NotSpecified", vm.name))
            return None
        checkpoint = Checkpoint(name=self.param("SnapshotName") or default_checkpoint_name(vm, now), id=checkpoint_id,
                                creation_time=now, files=written)
        vm.checkpoints.append(checkpoint)
        return checkpoint


class GetVMSnapshot(HyperVCmdlet):
    spec = cmdlet("Get-VMSnapshot", [
        p("VMName", "System.String[]", sets={"VMName": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("Id", "System.Guid", sets={"Id": dict(position=0, mandatory=True, pipeline=True, by_property_name=True)}),
        p("ParentOf", "Microsoft.HyperV.PowerShell.VirtualMachineBase", sets={"Parent": dict(mandatory=True)}),
        p("ChildOf", SNAPSHOT, sets={"Child": dict(mandatory=True)}),
        p("Name", "System.String", sets="VMName,VMObject,Parent,Child", position=1),
        p("SnapshotType", "Microsoft.HyperV.PowerShell.SnapshotType", aliases=["VMRecoveryCheckpoint"],
          sets="VMName,VMObject,Parent,Child"),
        *remote("VMName,Id"),
    ], default_set="VMName")
    dotnet_class = f"{COMMANDS}.GetVMSnapshot"

    def process(self) -> None:
        for snapshot in self._candidates():
            name, kind = self.params.get("Name"), self.params.get("SnapshotType")
            if name is not None and not name_matches(snapshot.checkpoint.name, name):
                continue
            if kind is not None and snapshot.checkpoint.snapshot_type != kind:
                continue
            self.write(snapshot)

    def _candidates(self) -> list[VMSnapshot]:
        chosen = self.parameter_set
        if chosen == "Parent":
            return self._parent_of(self.params["ParentOf"])
        if chosen == "Child":
            child_of: VMSnapshot = self.params["ChildOf"]
            chain = child_of.vm.checkpoints
            index = next((i for i, c in enumerate(chain) if c is child_of.checkpoint), len(chain))
            return [VMSnapshot(self.lab, child_of.vm, c) for c in chain[index + 1:index + 2]]
        if chosen == "Id":
            vms = [vm for host in self.target_hosts() for vm in host.vms if vm.id == self.params["Id"]]
        else:
            vms = self.selected_vms(name_param="VMName", by_vm_name=True)
        return [VMSnapshot(self.lab, vm, c) for vm in vms for c in vm.checkpoints]

    def _parent_of(self, item: object) -> list[VMSnapshot]:
        if isinstance(item, VMSnapshot):
            parent = item.parent()
            return [VMSnapshot(self.lab, item.vm, parent)] if parent is not None else []
        if isinstance(item, VirtualMachine) and item.vm.checkpoints:
            return [VMSnapshot(self.lab, item.vm, item.vm.checkpoints[-1])]
        return []


class RemoveVMSnapshot(HyperVCmdlet):
    spec = cmdlet("Remove-VMSnapshot", [
        p("VMName", "System.String[]", sets={"SnapshotName": dict(position=0, mandatory=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("VMSnapshot", f"{SNAPSHOT}[]", aliases=["VMCheckpoint"],
          sets={"SnapshotObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("Name", "System.String[]", sets="SnapshotName,VMObject", position=1),
        p("IncludeAllChildSnapshots", "switch", aliases=["IncludeAllChildCheckpoints"]),
        p("AsJob", "switch"),
        p("Passthru", "switch"),
        *remote("SnapshotName"),
    ], default_set="SnapshotName", should_process=True)
    dotnet_class = f"{COMMANDS}.RemoveVMSnapshot"

    def process(self) -> None:
        if self.parameter_set == "SnapshotObject":
            chosen = list(self.params["VMSnapshot"])
        else:
            names = self.params.get("Name")
            vms = self.selected_vms(name_param="VMName", by_vm_name=True)
            chosen = [VMSnapshot(self.lab, vm, c) for vm in vms for c in vm.checkpoints
                      if names is None or any(name_matches(c.name, n) for n in names)]
        for snapshot in chosen:
            if any(c is snapshot.checkpoint for c in snapshot.vm.checkpoints) and self.should_process(
                    snapshot.checkpoint.name):
                self._remove(snapshot)
                if self.params.get("Passthru"):
                    self.write(snapshot)

    def _remove(self, snapshot: VMSnapshot) -> None:
        vm = snapshot.vm
        index = next(i for i, c in enumerate(vm.checkpoints) if c is snapshot.checkpoint)
        doomed = vm.checkpoints[index:] if self.params.get("IncludeAllChildSnapshots") else [snapshot.checkpoint]
        vm.checkpoints = [c for c in vm.checkpoints if not any(c is d for d in doomed)]
        fs = F.FileSystem(self.lab)
        host = self.host_of(vm)
        for checkpoint in doomed:
            for path in checkpoint.files:
                if fs.exists(host, path):
                    fs.delete(host, path)
