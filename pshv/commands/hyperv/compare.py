"""Compare-VM: a VMCompatibilityReport for moving a VM to another host (pshv.lab.compat).

A report stays tied to the lab: fix what it lists (reconnect an adapter, enable migration, ...)
and `Compare-VM -CompatibilityReport $report` re-runs the checks in place.

-VirtualMachinePath (mandatory in the multiple-destination sets) names where the configuration
files go.  `pshv.lab.compat` plans them at their current path, so this module checks that
destination itself (`configuration_path_findings`): reachable from the destination host as its
computer account, on a cluster shared volume when it says so, and with room for the files that
land on its volume; the compat findings about the VM's current folder no longer apply then.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ...lab import compat
from ...lab import filesystem as F
from ...lab.enums import OperationType
from ...lab.model import Lab
from ...lab.model import VirtualMachine as LabVM
from ...lab.storage import plan_storage_move
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
    unsupported = ("AsJob", "ResourcePoolName", "SnapshotFilePath", "SmartPagingFilePath")

    def process(self) -> None:
        if self.parameter_set in ("Register", "Copy"):
            self.refuse(self.parameter_set, "the lab cannot read exported virtual machine configuration files")
        if self.parameter_set == "CompatibilityReport":
            report: VMCompatibilityReport = self.params["CompatibilityReport"]
            if self.should_process(report.report.vm.name):
                recheck(self.lab, report.report)
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
            run_from_host=self.local_name(),
        )
        path = self.params.get("VirtualMachinePath")
        if path:
            report = ConfigurationPathReport(**{f.name: getattr(report, f.name) for f in fields(report)},
                                             virtual_machine_path=F.normalize_path(path))
            add_configuration_path_findings(self.lab, report)
        self.write(VMCompatibilityReport(self.lab, report, self.host_settings))

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


# --------------------------------------------------------------------------- -VirtualMachinePath


@dataclass
class ConfigurationPathReport(compat.CompatibilityReport):
    """A report whose configuration files go to `virtual_machine_path` (-VirtualMachinePath)."""

    virtual_machine_path: str | None = None

    @property
    def operation_type(self) -> OperationType:
        # the configuration files move, so storage moves with the VM (as Move-VM's core sees it)
        return OperationType.MoveVirtualMachineAndStorage


def recheck(lab: Lab, report: compat.CompatibilityReport) -> None:
    """Re-run a report's checks in place, the -VirtualMachinePath ones included."""
    compat.recheck(lab, report)
    if isinstance(report, ConfigurationPathReport):
        add_configuration_path_findings(lab, report)


def add_configuration_path_findings(lab: Lab, report: ConfigurationPathReport) -> None:
    """Replace compat's findings about the VM's current folder with those about the
    -VirtualMachinePath destination."""
    vm = report.vm
    if any(i.code in (compat.SAME_HOST_CODE, "HyperVNotInstalled") for i in report.incompatibilities):
        return  # nothing else is checked then
    current = [f"'{p}'" for p in [vm.path, *vm.configuration_files()]]
    report.incompatibilities = [
        i for i in report.incompatibilities
        if not (i.source is vm and i.code in ("StorageUnreachable", "StorageAccessDenied")
                and any(p in i.message for p in current))
    ]
    report.incompatibilities += configuration_path_findings(lab, report)


def configuration_path_findings(lab: Lab, report: ConfigurationPathReport) -> list[compat.Incompatibility]:
    """Whether the destination host can put the configuration files at -VirtualMachinePath: the
    path must resolve there as the host's computer account (a share must grant it full control),
    a C:\\ClusterStorage path must be one of its cluster's shared volumes, and the volume must
    hold every file the move puts on it.  Messages are the lab's, in compat's words."""
    vm, path = report.vm, report.virtual_machine_path or ""
    target = lab.host(report.destination_host)
    fs = F.FileSystem(lab)

    def finding(message: str, message_id: int, code: str) -> list[compat.Incompatibility]:
        return [compat.Incompatibility(message, message_id, vm, code)]

    parsed = F.parse_path(path)
    if parsed.drive == "C" and parsed.parts[:1] and parsed.parts[0].casefold() == "clusterstorage":
        cluster = lab.cluster_of(target)
        if cluster is None or cluster.shared_volume(parsed.parts[1] if len(parsed.parts) > 1 else "") is None:
            return finding(f"The path '{path}' is not on a cluster shared volume of host '{target.name}'.",
                           compat.STORAGE_UNREACHABLE, "StorageUnreachable")
    try:
        location = fs.resolve(target, path, computer_account=True)
    except F.AccessDenied:
        return finding(f"Host '{target.name}' has no access to '{path}': the share does not grant the computer "
                       f"account '{target.name}$' full control.", compat.STORAGE_ACCESS_DENIED, "StorageAccessDenied")
    except F.FsError:
        return finding(f"The destination path '{path}' is not available on host '{target.name}'.",
                       compat.STORAGE_UNREACHABLE, "StorageUnreachable")
    if any(i.code == "StorageSpace" and f" {location.owner} " in i.message for i in report.incompatibilities):
        return []  # compat already found this volume too small
    plan = plan_storage_move(lab, vm, target.name, destination_storage_path=report.destination_storage_path,
                             virtual_machine_path=path, vhd_destinations=report.vhd_destinations,
                             use_host_defaults=report.include_storage and not report.destination_storage_path)
    source = lab.host_of(vm)
    needed = 0
    for move in plan.moves:
        try:
            lands_here = fs.resolve(target, move.destination).volume is location.volume
            already_there = fs.resolve(source, move.source).volume is location.volume
        except F.FsError:
            continue  # compat reports an unreachable disk destination
        if lands_here and not already_there:
            needed += move.size_bytes
    free = location.volume.free_bytes()
    if needed > free:
        return finding(f"There is not enough space on {location.owner} for the storage of virtual machine "
                       f"'{vm.name}': {needed} bytes are needed and {free} bytes are free.",
                       compat.STORAGE_SPACE, "StorageSpace")
    return []
