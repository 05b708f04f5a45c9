"""Move-VM: live, shared-nothing and quick migration of a VM to another host.

What moves is the core's choice: a running VM moves live (with its storage when the command
names any destination for it, else only when the destination reaches every file), a VM that is
off or saved moves quick.  The command waits for the move unless -AsJob.
"""

from __future__ import annotations

from ...lab import compat
from ...lab.enums import VMState
from ...lab.model import Host
from ...lab.model import VirtualMachine as LabVM
from ...runtime.params import cmdlet, p
from ..hyperv.common import COMMANDS, VM_TYPE
from ..hyperv.compare import MULTIPLE, NAME_SETS, SINGLE, VM_SETS, destination_parameters
from ..hyperv.objects import VMCompatibilityReport
from . import errors
from .base import MoveCmdlet
from .service import run_from_host

REPORT_TYPE = "Microsoft.HyperV.PowerShell.VMCompatibilityReport"
MOVING = SINGLE + "," + MULTIPLE
LIVE_STATES = (VMState.Running, VMState.Paused)


class MoveVM(MoveCmdlet):
    spec = cmdlet("Move-VM", [
        p("Name", "System.String", sets=",".join(NAME_SETS), position=0, mandatory=True, pipeline=True),
        p("VM", VM_TYPE, sets=",".join(VM_SETS), position=0, mandatory=True, pipeline=True),
        p("CompatibilityReport", REPORT_TYPE, sets={"CompatibilityReport": dict(position=0, mandatory=True,
                                                                               pipeline=True)}),
        *destination_parameters(),
        p("SnapshotFilePath", "System.String", aliases=["CheckpointFileLocation", "SnapshotFileLocation"],
          sets=MULTIPLE),
        p("SmartPagingFilePath", "System.String", sets=MULTIPLE),
        p("Vhds", "System.Collections.Hashtable[]", sets=MULTIPLE),
        p("ResourcePoolName", "System.String", sets=MOVING),
        p("RetainVhdCopiesOnSource", "switch", sets=MOVING),
        p("RemoveSourceUnmanagedVhds", "switch", sets=MOVING),
        p("CimSession", "Microsoft.Management.Infrastructure.CimSession[]",
          sets="NameSingleDestinationAndCimSession,NameMultipleDestinationsAndCimSession"),
        p("ComputerName", "System.String[]", sets="NameSingleDestination,NameMultipleDestinations"),
        p("Credential", "System.Management.Automation.PSCredential[]",
          sets="NameSingleDestination,NameMultipleDestinations"),
        p("AsJob", "switch"),
        p("Passthru", "switch"),
    ], default_set="NameSingleDestination", should_process=True)
    dotnet_class = f"{COMMANDS}.MoveVM"

    def process(self) -> None:
        if self.parameter_set == "CompatibilityReport":
            self._move_by_report(self.params["CompatibilityReport"])
            return
        destination = self._destination()
        for vm in self._vms():
            if destination is None:
                host = self.host_of(vm)
                name = self._destination_name()
                self.error(errors.unknown_destination(vm.name, host.name, str(vm.id).upper(), name))
                continue
            if self.approved(vm.name):
                self._move(vm, destination.name)

    # ------------------------------------------------------------------ what moves where

    def _vms(self) -> list[LabVM]:
        if self.params.get("VM") is not None:
            return self.live_vms([self.params["VM"]])
        return self.vms_named([self.params["Name"]], self.target_hosts())

    def _destination_name(self) -> str:
        session = self.params.get("DestinationCimSession")
        return session.ComputerName if session is not None else self.params["DestinationHost"]

    def _destination(self) -> Host | None:
        return self.resolve_host(self._destination_name())

    def _move(self, vm: LabVM, destination: str) -> None:
        include_storage = bool(self.params.get("IncludeStorage"))
        storage_path = self.params.get("DestinationStoragePath")
        vhds = self.vhd_destinations()
        origin = run_from_host(self.ctx)

        def start(progress, verbose):
            return self.service.move_vm(
                vm, destination,
                include_storage=include_storage,
                destination_storage_path=storage_path,
                virtual_machine_path=self.params.get("VirtualMachinePath"),
                snapshot_file_path=self.params.get("SnapshotFilePath"),
                smart_paging_file_path=self.params.get("SmartPagingFilePath"),
                vhds=vhds,
                run_from_host=origin,
                progress=progress,
                verbose=verbose,
            )

        def report_view(findings, migration):
            report = compat.CompatibilityReport(
                vm=vm, destination_host=migration.destination,
                include_storage=include_storage,
                destination_storage_path=storage_path, vhd_destinations=vhds, run_from_host=origin,
                live=vm.state in LIVE_STATES, incompatibilities=findings,
                virtual_machine_path=self.params.get("VirtualMachinePath"),
                snapshot_file_path=self.params.get("SnapshotFilePath"),
                smart_paging_file_path=self.params.get("SmartPagingFilePath"))
            return VMCompatibilityReport(self.lab, report, self.host_settings)

        if self.run_move(start, report_view) is not None and self.params.get("Passthru"):
            self.write(self.view(vm))

    def _move_by_report(self, view: VMCompatibilityReport) -> None:
        """-CompatibilityReport: re-check the (possibly fixed) report, then make the move it
        describes: its destination host, every storage destination it records (-IncludeStorage,
        -DestinationStoragePath, -VirtualMachinePath, -SnapshotFilePath, -SmartPagingFilePath,
        -Vhds) and where it runs from; the fixes made through the report are on the VM itself."""
        report = view.report
        vm = report.vm
        if self.lab.vm_by_id(vm.id) is None:
            self.error(self.vm_not_found(vm.name, True))
            return
        if not self.approved(vm.name):
            return
        compat.recheck(self.lab, report)

        def start(progress, verbose):
            return self.service.move_vm(
                vm, report.destination_host,
                vhds=report.vhd_destinations,
                run_from_host=report.run_from_host,
                progress=progress,
                verbose=verbose,
                **report.move_options(),
            )

        if self.run_move(start, lambda findings, migration: view) is not None and self.params.get("Passthru"):
            self.write(self.view(vm))
