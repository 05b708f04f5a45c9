"""Get-VMProcessor, Set-VMProcessor, Get-VMMemory, Set-VMMemory, Get-VMDvdDrive, Set-VMDvdDrive."""

from __future__ import annotations

from ...lab import filesystem as F
from ...lab.base import MiB
from ...lab.enums import VMState
from ...lab.fstree import File
from ...lab.model import DvdDrive as LabDvd, VirtualMachine as LabVM
from ...runtime.params import cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, fs_message, hv_error, remote
from .objects import DvdDrive, VMMemory, VMProcessor

SNAPSHOT = "Microsoft.HyperV.PowerShell.VMSnapshot"
CONFIGURABLE_STATES = (VMState.Off,)


def _get_sets() -> list:
    """-VMName (with -ComputerName/-CimSession), -VM or -VMSnapshot: the Get-VM<Device> sets."""
    return [
        p("VMName", "System.String[]", sets={"VMName": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("VMSnapshot", SNAPSHOT, aliases=["VMCheckpoint"],
          sets={"VMSnapshot": dict(position=0, mandatory=True, pipeline=True)}),
        *remote("VMName"),
    ]


def _set_sets(object_param: str, object_type: str, object_set: str) -> list:
    """-VMName, -VM, or the device objects themselves: the Set-VM<Device> sets."""
    return [
        p("VMName", "System.String[]", sets={"VMName": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p(object_param, f"{object_type}[]", sets={object_set: dict(position=0, mandatory=True, pipeline=True)}),
        p("Passthru", "switch"),
        *remote("VMName"),
    ]


class _DeviceCmdlet(HyperVCmdlet):
    object_param = ""

    def target_vms(self) -> list[LabVM]:
        devices = self.params.get(self.object_param) if self.object_param else None
        if devices is not None:
            return self.live_vms([device for device in devices])
        return self.selected_vms(name_param="VMName", by_vm_name=True)

    def modify_failed(self, vm: LabVM, device: str, detail: str, reason: str = "InvalidParameter",
                      category: str = "InvalidArgument") -> None:
        self.error(hv_error(f"Failed to modify device '{device}'.\n{detail}", reason, category, vm.name))

    def wrong_state(self, vm: LabVM, device: str) -> None:
        self.modify_failed(vm, device, "The operation cannot be performed while the object is in its current state.",
                           "InvalidState", "InvalidOperation")


class GetVMProcessor(_DeviceCmdlet):
    spec = cmdlet("Get-VMProcessor", _get_sets(), default_set="VMName")
    dotnet_class = f"{COMMANDS}.GetVMProcessor"

    def process(self) -> None:
        self.refuse_snapshot_set()
        for vm in self.target_vms():
            self.write(VMProcessor(self.lab, vm))


class SetVMProcessor(_DeviceCmdlet):
    spec = cmdlet("Set-VMProcessor", [
        *_set_sets("VMProcessor", "Microsoft.HyperV.PowerShell.VMProcessor", "VMProcessor"),
        p("Count", "System.Int64"),
        p("CompatibilityForMigrationEnabled", "System.Boolean"),
        p("CompatibilityForOlderOperatingSystemsEnabled", "System.Boolean"),
        p("HwThreadCountPerCore", "System.Int64"),
        p("Maximum", "System.Int64"),
        p("Reserve", "System.Int64"),
        p("RelativeWeight", "System.Int32"),
        p("MaximumCountPerNumaNode", "System.Int32"),
        p("MaximumCountPerNumaSocket", "System.Int32"),
        p("ResourcePoolName", "System.String"),
        p("Perfmon", "System.String", sets="VMName"),
        p("EnableHostResourceProtection", "System.Boolean"),
        p("ExposeVirtualizationExtensions", "System.Boolean"),
    ], default_set="VMName", should_process=True)
    dotnet_class = f"{COMMANDS}.SetVMProcessor"
    object_param = "VMProcessor"
    unsupported = ("CompatibilityForOlderOperatingSystemsEnabled", "HwThreadCountPerCore", "Maximum", "Reserve",
                   "RelativeWeight", "MaximumCountPerNumaNode", "MaximumCountPerNumaSocket", "ResourcePoolName",
                   "Perfmon", "EnableHostResourceProtection", "ExposeVirtualizationExtensions")

    def process(self) -> None:
        count = self.params.get("Count")
        compatibility = self.params.get("CompatibilityForMigrationEnabled")
        for vm in self.target_vms():
            if not self.should_process(vm.name):
                continue
            changes = count is not None or compatibility is not None
            if changes and vm.state not in CONFIGURABLE_STATES:
                self.wrong_state(vm, "Processor")
                continue
            limit = self.host_of(vm).logical_processors
            if count is not None and not 1 <= count <= limit:
                self.modify_failed(vm, "Processor", f"The processor count {count} is not valid: it must be between 1 "
                                                    f"and the host's {limit} logical processors.")
                continue
            if count is not None:
                vm.processor.count = int(count)
            if compatibility is not None:
                vm.processor.compatibility_for_migration_enabled = compatibility
            if self.params.get("Passthru"):
                self.write(VMProcessor(self.lab, vm))


class GetVMMemory(_DeviceCmdlet):
    spec = cmdlet("Get-VMMemory", _get_sets(), default_set="VMName")
    dotnet_class = f"{COMMANDS}.GetVMMemory"

    def process(self) -> None:
        self.refuse_snapshot_set()
        for vm in self.target_vms():
            self.write(VMMemory(self.lab, vm))


class SetVMMemory(_DeviceCmdlet):
    spec = cmdlet("Set-VMMemory", [
        *_set_sets("VMMemory", "Microsoft.HyperV.PowerShell.VMMemory", "ResourceObject"),
        p("Buffer", "System.Int32"),
        p("DynamicMemoryEnabled", "System.Boolean"),
        p("MaximumBytes", "System.Int64"),
        p("StartupBytes", "System.Int64"),
        p("MinimumBytes", "System.Int64"),
        p("Priority", "System.Int32"),
        p("MaximumAmountPerNumaNodeBytes", "System.Int64"),
        p("ResourcePoolName", "System.String"),
    ], default_set="VMName", should_process=True)
    dotnet_class = f"{COMMANDS}.SetVMMemory"
    object_param = "VMMemory"
    unsupported = ("Buffer", "Priority", "MaximumAmountPerNumaNodeBytes", "ResourcePoolName")

    def process(self) -> None:
        wanted = {name: self.params.get(name) for name in ("DynamicMemoryEnabled", "StartupBytes", "MinimumBytes",
                                                           "MaximumBytes")}
        for vm in self.target_vms():
            if not self.should_process(vm.name):
                continue
            if any(value is not None for value in wanted.values()) and vm.state not in CONFIGURABLE_STATES:
                self.wrong_state(vm, "Memory")
                continue
            memory = vm.memory
            dynamic = memory.dynamic_enabled if wanted["DynamicMemoryEnabled"] is None else wanted["DynamicMemoryEnabled"]
            startup, minimum, maximum = (memory.startup_bytes if wanted["StartupBytes"] is None else wanted["StartupBytes"],
                                         memory.minimum_bytes if wanted["MinimumBytes"] is None else wanted["MinimumBytes"],
                                         memory.maximum_bytes if wanted["MaximumBytes"] is None else wanted["MaximumBytes"])
            problem = _memory_problem(dynamic, startup, minimum, maximum)
            if problem is not None:
                self.modify_failed(vm, "Memory", problem)
                continue
            memory.dynamic_enabled, memory.startup_bytes = dynamic, int(startup)
            memory.minimum_bytes, memory.maximum_bytes = int(minimum), int(maximum)
            if self.params.get("Passthru"):
                self.write(VMMemory(self.lab, vm))


def _memory_problem(dynamic: bool, startup: int, minimum: int, maximum: int) -> str | None:
    for label, amount in (("startup", startup), ("minimum", minimum), ("maximum", maximum)):
        if amount < 32 * MiB or amount % (2 * MiB):
            return (f"Invalid {label} memory amount: {amount} bytes. The amount must be at least 32 MB and a "
                    "multiple of 2 MB.")
    if dynamic and not minimum <= startup <= maximum:
        return "The startup memory must be between the minimum and the maximum memory when dynamic memory is enabled."
    return None


class GetVMDvdDrive(_DeviceCmdlet):
    spec = cmdlet("Get-VMDvdDrive", [
        *_get_sets(),
        p("VMDriveController", "Microsoft.HyperV.PowerShell.VMDriveController[]",
          sets={"VMDriveController": dict(position=0, mandatory=True, pipeline=True)}),
        p("ControllerLocation", "System.Int32"),
        p("ControllerNumber", "System.Int32", sets="VMName,VMObject,VMSnapshot"),
    ], default_set="VMName")
    dotnet_class = f"{COMMANDS}.GetVMDvdDrive"

    def process(self) -> None:
        self.refuse_snapshot_set()
        if self.parameter_set == "VMDriveController":
            self.refuse("VMDriveController", "the lab has no drive controller objects")
        for vm in self.target_vms():
            for drive in _dvd_drives(vm, self.params.get("ControllerNumber"), self.params.get("ControllerLocation")):
                self.write(DvdDrive(self.lab, vm, drive))


def _dvd_drives(vm: LabVM, number: int | None, location: int | None) -> list[LabDvd]:
    return [d for d in vm.dvd_drives if (number is None or d.controller_number == number)
            and (location is None or d.controller_location == location)]


class SetVMDvdDrive(_DeviceCmdlet):
    spec = cmdlet("Set-VMDvdDrive", [
        p("VMName", "System.String", sets={"VMName": dict(position=0, mandatory=True)}),
        p("ControllerNumber", "System.Int32", sets={"VMName": dict(position=1)}),
        p("ControllerLocation", "System.Int32", sets={"VMName": dict(position=2)}),
        p("VMDvdDrive", "Microsoft.HyperV.PowerShell.DvdDrive[]",
          sets={"Object": dict(position=0, mandatory=True, pipeline=True)}),
        p("Path", "System.String", sets={"VMName": dict(position=3), "Object": dict(position=1)}, allow_null=True),
        p("ToControllerNumber", "System.Int32"),
        p("ToControllerLocation", "System.Int32"),
        p("ResourcePoolName", "System.String"),
        p("AllowUnverifiedPaths", "switch"),
        p("Passthru", "switch"),
        *remote("VMName"),
    ], default_set="VMName", should_process=True)
    dotnet_class = f"{COMMANDS}.SetVMDvdDrive"
    unsupported = ("ToControllerNumber", "ToControllerLocation", "ResourcePoolName")

    def process(self) -> None:
        for vm, drive in self._drives():
            if self.should_process(vm.name):
                self._set_media(vm, drive)

    def _drives(self) -> list[tuple[LabVM, LabDvd]]:
        if self.parameter_set == "Object":
            return [(view.vm, view.drive) for view in self.params["VMDvdDrive"]]
        chosen = []
        for vm in self.vms_named([self.params["VMName"]], self.target_hosts(), by_vm_name=True):
            drives = _dvd_drives(vm, self.params.get("ControllerNumber"), self.params.get("ControllerLocation"))
            if not drives:
                self.error(hv_error(f"No DVD drive matching the given controller was found on virtual machine "
                                    f"'{vm.name}'.", "ObjectNotFound", "ObjectNotFound", vm.name))
            chosen += [(vm, drive) for drive in drives]
        return chosen

    def _set_media(self, vm: LabVM, drive: LabDvd) -> None:
        path = self.params.get("Path")
        if path:
            try:
                node = F.FileSystem(self.lab).get_item(self.host_of(vm), path)
            except F.FsError as error:
                self.error(hv_error(f"Failed to add device 'Virtual CD/DVD Disk'.\n{fs_message(error)}",
                                    "ObjectNotFound", "ObjectNotFound", path))
                return
            if not isinstance(node, File):
                self.error(hv_error(f"Failed to add device 'Virtual CD/DVD Disk'.\n'{path}' is not a file.",
                                    "InvalidParameter", "InvalidArgument", path))
                return
            path = F.normalize_path(path)
        drive.path = path or None
        if self.params.get("Passthru"):
            self.write(DvdDrive(self.lab, vm, drive))
