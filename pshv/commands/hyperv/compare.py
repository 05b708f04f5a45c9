"""Compare-VM: a VMCompatibilityReport for moving a VM to another host (pshv.lab.compat).

A report stays tied to the lab: fix what it lists (reconnect an adapter, enable migration, ...)
and `Compare-VM -CompatibilityReport $report` re-runs the checks in place.  The report keeps every
destination it was asked for (host, -IncludeStorage, -DestinationStoragePath, -VirtualMachinePath,
-SnapshotFilePath, -SmartPagingFilePath, -Vhds), so `Move-VM -CompatibilityReport $report` makes
exactly the move it describes; the folders named are checked from the destination host
(`pshv.lab.compat.check_migration`).
"""

from __future__ import annotations

from ...lab import compat
from ...lab import filesystem as F
from ...lab.model import VirtualMachine as LabVM
from ...runtime.objects import Hashtable
from ...runtime.params import cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, hv_error
from .objects import VMCompatibilityReport

CIM = "Microsoft.Management.Infrastructure.CimSession"
CREDENTIAL = "System.Management.Automation.PSCredential"
NAME_SETS = ("NameSingleDestination", "NameSingleDestinationAndCimSession", "NameMultipleDestinationsAndCimSession",
             "NameMultipleDestinations")
VM_SETS = ("VMMultipleDestinations", "VMMultipleDestinationsAndCimSession", "VMSingleDestinationAndCimSession",
           "VMSingleDestination")
SINGLE = "NameSingleDestination,NameSingleDestinationAndCimSession,VMSingleDestinationAndCimSession,VMSingleDestination"
MULTIPLE = ("NameMultipleDestinationsAndCimSession,NameMultipleDestinations,VMMultipleDestinations,"
            "VMMultipleDestinationsAndCimSession")
BY_HOST = "NameSingleDestination,NameMultipleDestinations,VMMultipleDestinations,VMSingleDestination"
BY_SESSION = ("NameSingleDestinationAndCimSession,NameMultipleDestinationsAndCimSession,"
              "VMMultipleDestinationsAndCimSession,VMSingleDestinationAndCimSession")


def destination_parameters(also_optional_in: tuple[str, ...] = ()) -> list:
    """Where a VM goes: the parameters Compare-VM and Move-VM declare alike.

    -VirtualMachinePath is mandatory in every multiple-destination set: the published syntax
    marks it optional in the two sets without CimSession, but then `$vm | Move-VM
    -DestinationHost H` could not choose between VMSingleDestination and VMMultipleDestinations,
    and on Hyper-V it does.
    """
    return [
        p("DestinationHost", "System.String", sets=BY_HOST, position=1, mandatory=True),
        p("DestinationCimSession", CIM, sets=BY_SESSION, position=1, mandatory=True),
        p("DestinationCredential", CREDENTIAL, sets=BY_HOST),
        p("IncludeStorage", "switch", sets=SINGLE),
        p("DestinationStoragePath", "System.String", sets=SINGLE),
        p("VirtualMachinePath", "System.String", sets={
            **{name: dict(mandatory=True) for name in MULTIPLE.split(",")},
            **{name: {} for name in also_optional_in}}),
    ]


class CompareVM(HyperVCmdlet):
    spec = cmdlet("Compare-VM", [
        p("Name", "System.String", sets=",".join(NAME_SETS), position=0, mandatory=True, pipeline=True),
        p("VM", VM_TYPE, sets=",".join(VM_SETS), position=0, mandatory=True, pipeline=True),
        p("CompatibilityReport", "Microsoft.HyperV.PowerShell.VMCompatibilityReport",
          sets={"CompatibilityReport": dict(position=0, mandatory=True, pipeline=True)}),
        p("Path", "System.String", sets="Register,Copy", position=0, mandatory=True, pipeline=True),
        p("Register", "switch", sets="Register"),
        p("Copy", "switch", sets={"Copy": dict(mandatory=True)}),
        p("VhdDestinationPath", "System.String", sets={"Copy": dict(position=1)}),
        p("VhdSourcePath", "System.String", sets="Copy"),
        p("GenerateNewId", "switch", sets="Copy"),
        *destination_parameters(also_optional_in=("Copy",)),
        p("SnapshotFilePath", "System.String", aliases=["CheckpointFileLocation", "SnapshotFileLocation"],
          sets=MULTIPLE + ",Copy"),
        p("SmartPagingFilePath", "System.String", sets=MULTIPLE + ",Copy"),
        p("Vhds", "System.Collections.Hashtable[]", sets=MULTIPLE),
        p("ResourcePoolName", "System.String", sets=SINGLE + "," + MULTIPLE),
        p("RetainVhdCopiesOnSource", "switch", sets=SINGLE + "," + MULTIPLE),
        p("CimSession", "Microsoft.Management.Infrastructure.CimSession[]",
          sets="NameSingleDestinationAndCimSession,NameMultipleDestinationsAndCimSession,Register,Copy"),
        p("ComputerName", "System.String[]", sets="NameSingleDestination,Register,Copy,NameMultipleDestinations"),
        p("Credential", "System.Management.Automation.PSCredential[]",
          sets="NameSingleDestination,Register,Copy,NameMultipleDestinations"),
        p("AsJob", "switch"),
    ], default_set="NameSingleDestination", should_process=True)
    dotnet_class = f"{COMMANDS}.CompareVM"
    unsupported = ("AsJob", "ResourcePoolName")

    def process(self) -> None:
        if self.parameter_set in ("Register", "Copy"):
            self.refuse(self.parameter_set, "the lab cannot read exported virtual machine configuration files")
        if self.parameter_set == "CompatibilityReport":
            report: VMCompatibilityReport = self.params["CompatibilityReport"]
            if self.should_process(report.report.vm.name):
                compat.recheck(self.lab, report.report)
            return
        vm = self._vm()
        destination = self._destination()
        if vm is None or destination is None or not self.should_process(vm.name):
            return
        report = compat.compare_vm(
            self.lab, vm, destination,
            include_storage=bool(self.params.get("IncludeStorage")),
            destination_storage_path=self.params.get("DestinationStoragePath"),
            vhd_destinations=self._vhd_destinations(),
            virtual_machine_path=self._folder("VirtualMachinePath"),
            snapshot_file_path=self._folder("SnapshotFilePath"),
            smart_paging_file_path=self._folder("SmartPagingFilePath"),
            run_from_host=self.local_name(),
        )
        self.write(VMCompatibilityReport(self.lab, report, self.host_settings))

    def _folder(self, name: str) -> str | None:
        path = self.params.get(name)
        return F.normalize_path(path) if path else None

    def _vm(self) -> LabVM | None:
        if self.params.get("VM") is not None:
            found = self.live_vms([self.params["VM"]])
        else:
            hosts = self.target_hosts()
            found = self.vms_named([self.params["Name"]], hosts[:1])
        return found[0] if found else None

    def _destination(self) -> str | None:
        session = self.params.get("DestinationCimSession")
        name = session.ComputerName if session is not None else self.params["DestinationHost"]
        host = self.resolve_host(name)
        if host is None:
            self.error(hv_error(f"The computer '{name}' could not be resolved. Make sure you typed the machine name "
                                "correctly and that you have network access.", "ObjectNotFound", "ObjectNotFound",
                                name))
            return None
        return host.name

    def _vhd_destinations(self) -> dict[str, str] | None:
        tables: list[Hashtable] | None = self.params.get("Vhds")
        if not tables:
            return None
        return {F.normalize_path(str(t["SourceFilePath"])): F.normalize_path(str(t["DestinationFilePath"]))
                for t in tables}

