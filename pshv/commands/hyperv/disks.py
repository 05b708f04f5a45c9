"""Get-VMHardDiskDrive, Add-VMHardDiskDrive, Remove-VMHardDiskDrive, New-VHD, Get-VHD."""

from __future__ import annotations

from ...lab import filesystem as F
from ...lab import ops
from ...lab.base import MiB
from ...lab.enums import ControllerType, VhdFormat, VhdType, VMState
from ...lab.fstree import File, VhdHeader
from ...lab.model import Host, HardDiskDrive as LabDrive, VirtualMachine as LabVM
from ...runtime.params import ValidateSet, cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, fs_message, hv_error, remote
from .objects import HardDiskDrive, VirtualHardDisk

CONTROLLER = "Microsoft.HyperV.PowerShell.VMDriveController"
CONTROLLER_TYPE = "Microsoft.HyperV.PowerShell.ControllerType"
IDE_LOCATIONS = 2
SCSI_LOCATIONS = 64
DYNAMIC_INITIAL_BYTES = 4 * MiB


class GetVMHardDiskDrive(HyperVCmdlet):
    spec = cmdlet("Get-VMHardDiskDrive", [
        p("VMName", "System.String[]", sets={"VMName": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("VMSnapshot", "Microsoft.HyperV.PowerShell.VMSnapshot", aliases=["VMCheckpoint"],
          sets={"VMSnapshot": dict(position=0, mandatory=True, pipeline=True)}),
        p("VMDriveController", f"{CONTROLLER}[]",
          sets={"VMDriveController": dict(position=0, mandatory=True, pipeline=True)}),
        p("ControllerLocation", "System.Int32"),
        p("ControllerNumber", "System.Int32", sets="VMName,VMObject,VMSnapshot"),
        p("ControllerType", CONTROLLER_TYPE, sets="VMName,VMObject,VMSnapshot",
          validate=[ValidateSet("IDE", "SCSI")]),
        *remote("VMName"),
    ], default_set="VMName")
    dotnet_class = f"{COMMANDS}.GetVMHardDiskDrive"

    def process(self) -> None:
        self.refuse_snapshot_set()
        if self.parameter_set == "VMDriveController":
            self.refuse("VMDriveController", "the lab has no drive controller objects")
        for vm in self.selected_vms(name_param="VMName", by_vm_name=True):
            for drive in vm.hard_drives:
                if self._matches(drive):
                    self.write(HardDiskDrive(self.lab, vm, drive))

    def _matches(self, drive: LabDrive) -> bool:
        wanted = (("ControllerType", drive.controller_type), ("ControllerNumber", drive.controller_number),
                  ("ControllerLocation", drive.controller_location))
        return all(self.params.get(name) is None or self.params[name] == value for name, value in wanted)


def _free_slot(vm: LabVM, kind: ControllerType, number: int | None, location: int | None) -> tuple[int, int] | None:
    """(controller number, location) of the first free slot that fits the request, or None."""
    taken = {(d.controller_type, d.controller_number, d.controller_location) for d in [*vm.hard_drives, *vm.dvd_drives]}
    numbers = [number] if number is not None else ([0, 1] if kind == ControllerType.IDE else [0, 1, 2, 3])
    locations = IDE_LOCATIONS if kind == ControllerType.IDE else SCSI_LOCATIONS
    for n in numbers:
        for loc in ([location] if location is not None else range(locations)):
            if (kind, n, loc) not in taken:
                return n, loc
    return None


class AddVMHardDiskDrive(HyperVCmdlet):
    spec = cmdlet("Add-VMHardDiskDrive", [
        p("VMName", "System.String[]", sets={"VMName": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("VMDriveController", CONTROLLER,
          sets={"VMDriveController": dict(position=0, mandatory=True, pipeline=True)}),
        p("ControllerType", CONTROLLER_TYPE, sets="VMName,VMObject", position=1, validate=[ValidateSet("IDE", "SCSI")]),
        p("ControllerNumber", "System.Int32", sets="VMName,VMObject", position=2),
        p("ControllerLocation", "System.Int32", position=3),
        p("Path", "System.String", position=4),
        p("DiskNumber", "System.UInt32", aliases=["Number"], by_property_name=True),
        p("ResourcePoolName", "System.String"),
        p("SupportPersistentReservations", "switch", aliases=["ShareVirtualDisk"]),
        p("AllowUnverifiedPaths", "switch"),
        p("MaximumIOPS", "System.UInt64"),
        p("MinimumIOPS", "System.UInt64"),
        p("QoSPolicyID", "System.String"),
        p("QoSPolicy", "System.Object"),
        p("Passthru", "switch"),
        p("OverrideCacheAttributes", "Microsoft.HyperV.PowerShell.CacheAttributes"),
        *remote("VMName"),
    ], default_set="VMName", should_process=True)
    dotnet_class = f"{COMMANDS}.AddVMHardDiskDrive"
    unsupported = ("ResourcePoolName", "SupportPersistentReservations", "MaximumIOPS", "MinimumIOPS", "QoSPolicyID",
                   "QoSPolicy", "OverrideCacheAttributes")

    def process(self) -> None:
        if self.parameter_set == "VMDriveController":
            self.refuse("VMDriveController", "the lab has no drive controller objects")
        if self.params.get("Path") is None and self.params.get("DiskNumber") is None:
            self.refuse("Path", "the lab has no empty drives; give -Path or -DiskNumber")
        for vm in self.selected_vms(name_param="VMName", by_vm_name=True):
            if self.should_process(vm.name):
                drive = self._add(vm)
                if drive is not None and self.params.get("Passthru"):
                    self.write(HardDiskDrive(self.lab, vm, drive))

    def _fail(self, vm: LabVM, detail: str) -> None:
        self.error(hv_error(f"Failed to add device 'Virtual Hard Disk'.\n{detail}", "OperationFailed", "NotSpecified",
                            vm.name))

    def _add(self, vm: LabVM) -> LabDrive | None:
        kind = self.params.get("ControllerType")
        if kind is None:
            kind = ControllerType.IDE if vm.generation == 1 else ControllerType.SCSI
        if kind == ControllerType.IDE and vm.generation == 2:
            self._fail(vm, "Generation 2 virtual machines do not have IDE controllers.")
            return None
        if kind == ControllerType.IDE and vm.state != VMState.Off:
            self._fail(vm, "The operation cannot be performed while the object is in its current state.")
            return None
        slot = _free_slot(vm, kind, self.params.get("ControllerNumber"), self.params.get("ControllerLocation"))
        if slot is None:
            self._fail(vm, "The requested controller location is already in use.")
            return None
        drive = LabDrive(controller_type=kind, controller_number=slot[0], controller_location=slot[1])
        path = self.params.get("Path")
        if path is None:
            drive.pass_through_disk_number = int(self.params["DiskNumber"])
        else:
            problem = self._vhd_problem(self.host_of(vm), path)
            if problem is not None:
                self._fail(vm, problem)
                return None
            drive.path = F.normalize_path(path)
        vm.hard_drives.append(drive)
        return drive

    def _vhd_problem(self, host: Host, path: str) -> str | None:
        try:
            node = F.FileSystem(self.lab).get_item(host, path)
        except F.FsError as error:
            return fs_message(error)
        if not isinstance(node, File) or node.vhd is None:
            return f"'{path}' is not a virtual hard disk file."
        key = F.normalize_path(path).casefold()
        if any((p or "").casefold() == key for _, other in self.lab.iter_vms() for p in other.disk_paths()):
            return fs_message(F.FileInUse(path, "a virtual machine"))
        return None


class RemoveVMHardDiskDrive(HyperVCmdlet):
    spec = cmdlet("Remove-VMHardDiskDrive", [
        p("VMName", "System.String", sets={"VMName": dict(position=0, mandatory=True)}),
        p("ControllerType", CONTROLLER_TYPE, sets={"VMName": dict(position=1, mandatory=True)},
          validate=[ValidateSet("IDE", "SCSI")]),
        p("ControllerNumber", "System.Int32", sets={"VMName": dict(position=2, mandatory=True)}),
        p("ControllerLocation", "System.Int32", sets={"VMName": dict(position=3, mandatory=True)}),
        p("VMHardDiskDrive", "Microsoft.HyperV.PowerShell.HardDiskDrive[]",
          sets={"VMHardDiskDrive": dict(position=0, mandatory=True, pipeline=True)}),
        p("Passthru", "switch"),
        *remote("VMName"),
    ], default_set="VMName", should_process=True)
    dotnet_class = f"{COMMANDS}.RemoveVMHardDiskDrive"

    def process(self) -> None:
        for drive in self._chosen():
            if not any(d is drive.drive for d in drive.vm.hard_drives) or not self.should_process(drive.ps_get("Name")):
                continue
            if drive.drive.controller_type == ControllerType.IDE and drive.vm.state != VMState.Off:
                self.error(hv_error("Failed to remove device 'Virtual Hard Disk'.\nThe operation cannot be performed "
                                    "while the object is in its current state.", "InvalidState", "InvalidOperation",
                                    drive.vm.name))
                continue
            ops.remove_hard_disk(drive.vm, drive.drive)
            if self.params.get("Passthru"):
                self.write(drive)

    def _chosen(self) -> list[HardDiskDrive]:
        if self.parameter_set == "VMHardDiskDrive":
            return list(self.params["VMHardDiskDrive"])
        slot = (self.params["ControllerType"], self.params["ControllerNumber"], self.params["ControllerLocation"])
        chosen = []
        for vm in self.vms_named([self.params["VMName"]], self.target_hosts(), by_vm_name=True):
            found = [d for d in vm.hard_drives
                     if (d.controller_type, d.controller_number, d.controller_location) == slot]
            if not found:
                self.error(hv_error(
                    f"No hard disk drive was found at {slot[0].name} controller {slot[1]}, location {slot[2]} of "
                    f"virtual machine '{vm.name}'.", "ObjectNotFound", "ObjectNotFound", vm.name))
            chosen += [HardDiskDrive(self.lab, vm, d) for d in found]
        return chosen


class NewVHD(HyperVCmdlet):
    spec = cmdlet("New-VHD", [
        p("Path", "System.String[]", position=0, mandatory=True, pipeline=True, by_property_name=True),
        p("SizeBytes", "System.UInt64", sets={
            "DynamicWithoutSource": dict(position=1, mandatory=True), "FixedWithoutSource": dict(position=1, mandatory=True),
            "Differencing": dict(position=2)}),
        p("ParentPath", "System.String", sets={"Differencing": dict(position=1, mandatory=True)}),
        p("SourceDisk", "System.UInt32", aliases=["Number"], sets={
            "FixedWithSource": dict(mandatory=True, by_property_name=True),
            "DynamicWithSource": dict(mandatory=True, by_property_name=True)}),
        p("Dynamic", "switch", sets={"DynamicWithoutSource": {}, "DynamicWithSource": dict(mandatory=True)}),
        p("Fixed", "switch", sets="FixedWithoutSource,FixedWithSource", mandatory=True),
        p("Differencing", "switch", sets="Differencing"),
        p("BlockSizeBytes", "System.UInt32"),
        p("LogicalSectorSizeBytes", "System.UInt32", sets="DynamicWithoutSource,FixedWithoutSource",
          validate=[ValidateSet("512", "4096")]),
        p("PhysicalSectorSizeBytes", "System.UInt32", sets="DynamicWithoutSource,Differencing,FixedWithoutSource",
          validate=[ValidateSet("512", "4096")]),
        p("AsJob", "switch"),
        *remote(),
    ], default_set="DynamicWithoutSource", should_process=True)
    dotnet_class = f"{COMMANDS}.NewVHD"
    unsupported = ("AsJob", "BlockSizeBytes", "LogicalSectorSizeBytes", "PhysicalSectorSizeBytes")

    def process(self) -> None:
        if self.parameter_set == "Differencing":
            self.refuse("Differencing", "the lab does not model parent and child disks")
        if self.parameter_set.endswith("WithSource"):
            self.refuse("SourceDisk", "the lab has no physical disks to copy")
        fixed = self.parameter_set == "FixedWithoutSource"
        for host in self.target_hosts():
            for path in self.params["Path"]:
                if self.should_process(path):
                    self._create(host, path, int(self.params["SizeBytes"]), fixed)

    def _create(self, host: Host, path: str, size: int, fixed: bool) -> None:
        extension = path.rsplit(".", 1)[-1].casefold() if "." in path else ""
        formats = {"vhd": VhdFormat.VHD, "vhdx": VhdFormat.VHDX}
        problem = None
        if extension not in formats or size <= 0:
            problem = "The parameter is incorrect. (0x80070057)"
        else:
            header = VhdHeader(format=formats[extension], vhd_type=VhdType.Fixed if fixed else VhdType.Dynamic,
                               max_size_bytes=size)
            try:
                F.FileSystem(self.lab).write_file(host, path, size_bytes=size if fixed else DYNAMIC_INITIAL_BYTES,
                                                  vhd=header, overwrite=False)
            except F.FsError as error:
                problem = fs_message(error, missing_file=False)
        if problem is not None:
            self.error(hv_error(f"Failed to create the virtual hard disk.\nThe system failed to create '{path}': "
                                f"{problem}", "OperationFailed", "NotSpecified", path))
            return
        self.write(VirtualHardDisk(self.lab, host, F.normalize_path(path)))


class GetVHD(HyperVCmdlet):
    spec = cmdlet("Get-VHD", [
        p("Path", "System.String[]", aliases=["FullName"],
          sets={"Path": dict(position=0, mandatory=True, pipeline=True, by_property_name=True)}),
        p("DiskNumber", "System.UInt32", aliases=["Number"],
          sets={"Disk": dict(position=0, mandatory=True, by_property_name=True)}),
        p("VMId", "System.Guid[]", aliases=["Id"],
          sets={"VMId": dict(position=0, mandatory=True, pipeline=True, by_property_name=True)}),
        *remote(),
    ], default_set="Path")
    dotnet_class = f"{COMMANDS}.GetVHD"

    def process(self) -> None:
        if self.parameter_set == "Disk":
            self.refuse("DiskNumber", "the lab does not mount virtual hard disks")
        for host in self.target_hosts():
            if self.parameter_set == "VMId":
                for vm in host.vms:
                    if vm.id in self.params["VMId"]:
                        for path in vm.disk_paths():
                            self.write(VirtualHardDisk(self.lab, host, path))
                continue
            for path in self.params["Path"]:
                self._one(host, path)

    def _one(self, host: Host, path: str) -> None:
        try:
            node = F.FileSystem(self.lab).get_item(host, path)
        except F.FsError:
            node = None
        if not isinstance(node, File) or node.vhd is None:
            self.error(hv_error(f"'{path}' is not an existing virtual hard disk file.", "ObjectNotFound",
                                "ObjectNotFound", path))
            return
        self.write(VirtualHardDisk(self.lab, host, F.normalize_path(path)))
