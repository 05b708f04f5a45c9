"""Move-VMStorage: move a VM's files (configuration, checkpoints, smart paging, disks) to new
paths on the same host, running or not, locally or to an SMB share.  Storage migration is
always enabled on Hyper-V hosts, so Enable-VMMigration does not gate it."""

from __future__ import annotations

from ...lab import filesystem as F
from ...lab.model import VirtualMachine as LabVM
from ...runtime.params import cmdlet, p
from ..hyperv.common import COMMANDS, VM_TYPE, fs_message
from . import errors
from .base import MoveCmdlet

SINGLE = "NameSingleDestination,VMSingleDestination"
MULTIPLE = "NameMultipleDestinations,VMMultipleDestinations"
BY_NAME = "NameSingleDestination,NameMultipleDestinations"


class MoveVMStorage(MoveCmdlet):
    spec = cmdlet("Move-VMStorage", [
        p("CimSession", "Microsoft.Management.Infrastructure.CimSession[]", sets=BY_NAME),
        p("ComputerName", "System.String[]", sets=BY_NAME),
        p("Credential", "System.Management.Automation.PSCredential[]", sets=BY_NAME),
        p("Name", "System.String", aliases=["VMName"], sets=BY_NAME, position=0, mandatory=True, pipeline=True),
        p("VM", VM_TYPE, sets="VMSingleDestination,VMMultipleDestinations", position=0, mandatory=True,
          pipeline=True),
        p("DestinationStoragePath", "System.String", sets=SINGLE, position=1, mandatory=True),
        p("VirtualMachinePath", "System.String", sets=MULTIPLE),
        p("SnapshotFilePath", "System.String", aliases=["CheckpointFileLocation", "SnapshotFileLocation"],
          sets=MULTIPLE),
        p("SmartPagingFilePath", "System.String", sets=MULTIPLE),
        p("Vhds", "System.Collections.Hashtable[]", sets=MULTIPLE),
        p("ResourcePoolName", "System.String"),
        p("RetainVhdCopiesOnSource", "switch"),
        p("RemoveSourceUnmanagedVhds", "switch"),
        p("AllowUnverifiedPaths", "switch"),
        p("AsJob", "switch"),
    ], default_set="NameSingleDestination", should_process=True)
    dotnet_class = f"{COMMANDS}.MoveVMStorage"

    def process(self) -> None:
        if self.params.get("VM") is not None:
            vms = self.live_vms([self.params["VM"]])
        else:
            vms = self.vms_named([self.params["Name"]], self.target_hosts())
        for vm in vms:
            if self.approved(vm.name):
                self._move(vm)

    def _unverified(self, vm: LabVM, vhds: dict[str, str] | None) -> bool:
        """Check that every destination is reachable by the host's computer account (what Hyper-V
        verifies unless -AllowUnverifiedPaths); report the first that is not."""
        if self.params.get("AllowUnverifiedPaths"):
            return False
        names = ("DestinationStoragePath", "VirtualMachinePath", "SnapshotFilePath", "SmartPagingFilePath")
        paths = [self.params[n] for n in names if self.params.get(n)] + list((vhds or {}).values())
        fs, host = F.FileSystem(self.lab), self.host_of(vm)
        for path in paths:
            try:
                fs.resolve(host, path, computer_account=True)
            except F.FsError as error:
                self.error(errors.refused_path(
                    f"Failed to verify the destination path '{path}' of virtual machine '{vm.name}'.\n"
                    f"{fs_message(error, missing_file=False)}"))
                return True
        return False

    def _move(self, vm: LabVM) -> None:
        vhds = self.vhd_destinations()
        if self._unverified(vm, vhds):
            return

        def start(progress, verbose):
            return self.service.move_storage(
                vm,
                destination_storage_path=self.params.get("DestinationStoragePath"),
                virtual_machine_path=self.params.get("VirtualMachinePath"),
                snapshot_file_path=self.params.get("SnapshotFilePath"),
                smart_paging_file_path=self.params.get("SmartPagingFilePath"),
                vhds=vhds,
                progress=progress,
                verbose=verbose,
            )

        self.run_move(start, lambda findings, migration: None)
