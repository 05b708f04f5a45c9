"""Get-VM, New-VM, Remove-VM."""

from __future__ import annotations

from ...lab import filesystem as F
from ...lab import ops
from ...lab.base import MiB
from ...lab.enums import ControllerType, VhdType, VMState
from ...lab.model import DvdDrive as LabDvd, Host, VirtualMachine as LabVM
from ...lab.versions import supported_vm_versions
from ...runtime.params import ValidateSet, cmdlet, p
from .common import COMMANDS, VM_TYPE, HyperVCmdlet, fs_message, hv_error, remote
from .enums import BootDevice
from .objects import ClusterGroup, ClusterResource

DEFAULT_VM_NAME = "New virtual machine"


class GetVM(HyperVCmdlet):
    spec = cmdlet("Get-VM", [
        p("Name", "System.String[]", aliases=["VMName"], sets={"Name": dict(position=0, pipeline=True)}),
        p("Id", "System.Guid", sets={"Id": dict(position=0, pipeline=True, by_property_name=True)}),
        p("ClusterObject", "System.Management.Automation.PSObject",
          sets={"ClusterObject": dict(position=0, mandatory=True, pipeline=True)}),
        *remote("Name,Id"),
    ], default_set="Name")
    dotnet_class = f"{COMMANDS}.GetVM"

    def process(self) -> None:
        if self.parameter_set == "ClusterObject":
            self._from_cluster_object(self.params["ClusterObject"])
            return
        hosts = self.target_hosts()
        if self.parameter_set == "Id" and self.params.get("Id") is not None:
            wanted = self.params["Id"]
            found = [vm for host in hosts for vm in host.vms if vm.id == wanted]
            if not found:
                self.error(hv_error(f'Hyper-V was unable to find a virtual machine with id "{wanted}".',
                                    "InvalidParameter", "InvalidArgument", wanted))
        elif self.params.get("Name"):
            found = self.vms_named(self.params["Name"], hosts)
        else:
            found = [vm for host in hosts for vm in host.vms]
        for vm in found:
            self.write(self.view(vm))

    def _from_cluster_object(self, value: object) -> None:
        base = getattr(value, "base", None) or value
        group = base.group if isinstance(base, (ClusterGroup, ClusterResource)) else None
        vm = self.lab.vm_by_id(group.vm_id) if group is not None else None
        if vm is None:
            self.error(hv_error("The cluster object is not a virtual machine role or virtual machine resource.",
                                "InvalidParameter", "InvalidArgument", value))
            return
        self.write(self.view(vm))


class NewVM(HyperVCmdlet):
    spec = cmdlet("New-VM", [
        p("Name", "System.String", aliases=["VMName"], position=0, pipeline=True, by_property_name=True),
        p("MemoryStartupBytes", "System.Int64", position=1),
        p("BootDevice", "Microsoft.HyperV.PowerShell.BootDevice"),
        p("NoVHD", "switch", sets="No VHD"),
        p("SwitchName", "System.String"),
        p("NewVHDPath", "System.String", sets="New VHD", mandatory=True),
        p("NewVHDSizeBytes", "System.UInt64", sets="New VHD", mandatory=True),
        p("VHDPath", "System.String", sets="Existing VHD", mandatory=True),
        p("Path", "System.String"),
        p("Version", "System.Version"),
        p("Prerelease", "switch"),
        p("Experimental", "switch"),
        p("Generation", "System.Int16", position=2, validate=[ValidateSet("1", "2")]),
        p("Force", "switch"),
        p("AsJob", "switch"),
        *remote(),
    ], default_set="No VHD", should_process=True)
    dotnet_class = f"{COMMANDS}.NewVM"
    unsupported = ("AsJob", "Prerelease", "Experimental")

    def process(self) -> None:
        name = self.param("Name", DEFAULT_VM_NAME)
        memory = self.param("MemoryStartupBytes", 512 * MiB)
        generation = int(self.param("Generation", 2))
        problem = self._invalid_request(memory, generation)
        if problem is not None:
            self.error(hv_error(f"Failed to create a new virtual machine.\n{problem}", "InvalidParameter",
                                "InvalidArgument", name))
            return
        for host in self.target_hosts():
            if self.should_process(name):
                self._create(host, name, memory, generation)

    def _invalid_request(self, memory: int, generation: int) -> str | None:
        if memory < 32 * MiB or memory % (2 * MiB):
            return (f"Invalid startup memory amount assigned. The minimum amount of memory is 32 MB and the amount "
                    f"must be a multiple of 2 MB ({memory} bytes were given).")
        boot = self.params.get("BootDevice")
        if generation == 2 and boot in (BootDevice.Floppy, BootDevice.LegacyNetworkAdapter, BootDevice.IDE):
            return f"Generation 2 virtual machines do not support the boot device '{boot.name}'."
        return None

    def _create(self, host: Host, name: str, memory: int, generation: int) -> None:
        switch = self.params.get("SwitchName")
        if switch is not None and host.switch(switch) is None:
            self.error(hv_error(f'Hyper-V was unable to find a virtual switch with name "{switch}".',
                                "InvalidParameter", "InvalidArgument", switch))
            return
        version = self.params.get("Version")
        version_text = self.ctx.to_string(version) if version is not None else None
        if version_text is not None and version_text not in supported_vm_versions(host.os):
            self.error(hv_error(
                f"Failed to create a new virtual machine.\nThe virtual machine configuration version "
                f"'{version_text}' is not supported on host '{host.name}'.", "InvalidParameter", "InvalidArgument",
                version_text))
            return
        folder = self.params.get("Path")
        try:
            vm = ops.create_vm(self.lab, host, name, memory_startup_bytes=memory, generation=generation,
                               version=version_text, switch_name=switch,
                               path=F.join_path(F.normalize_path(folder), name) if folder else None)
        except ops.NameInUse:
            self.error(hv_error(f"Failed to create a new virtual machine.\nA virtual machine named '{name}' "
                                f"already exists on host '{host.name}'.", "ObjectInUse", "ResourceExists", name))
            return
        except F.FsError as error:
            self.error(hv_error(f"Failed to create a new virtual machine.\n{fs_message(error)}", "OperationFailed",
                                "NotSpecified", name))
            return
        try:
            self._attach_storage(host, vm, generation)
        except F.FsError as error:
            ops.remove_vm(self.lab, vm)
            self.error(hv_error(f"Failed to add device 'Virtual Hard Disk'.\n{fs_message(error)}", "OperationFailed",
                                "NotSpecified", name))
            return
        self.write(self.view(vm))

    def _attach_storage(self, host: Host, vm: LabVM, generation: int) -> None:
        controller = ControllerType.IDE if generation == 1 else ControllerType.SCSI
        if self.parameter_set == "New VHD":
            path = self.params["NewVHDPath"]
            if "\\" not in path and "/" not in path:
                path = F.join_path(host.virtual_hard_disk_path, path)
            F.FileSystem(self.lab).make_folder(host, F.split_path(path)[0], exist_ok=True)
            ops.add_hard_disk(self.lab, vm, F.normalize_path(path), max_size_bytes=int(self.params["NewVHDSizeBytes"]),
                              vhd_type=VhdType.Dynamic, controller_type=controller)
        elif self.parameter_set == "Existing VHD":
            ops.add_hard_disk(self.lab, vm, F.normalize_path(self.params["VHDPath"]), controller_type=controller)
        if generation == 1:
            vm.dvd_drives.append(LabDvd(controller_type=ControllerType.IDE, controller_number=1, controller_location=0))
        elif self.params.get("BootDevice") == BootDevice.CD:
            vm.dvd_drives.append(LabDvd(controller_location=len(vm.hard_drives)))


class RemoveVM(HyperVCmdlet):
    spec = cmdlet("Remove-VM", [
        p("Name", "System.String[]", aliases=["VMName"], sets={"Name": dict(position=0, mandatory=True, pipeline=True)}),
        p("VM", f"{VM_TYPE}[]", sets={"VMObject": dict(position=0, mandatory=True, pipeline=True)}),
        p("Force", "switch"),
        p("AsJob", "switch"),
        p("Passthru", "switch"),
        *remote("Name"),
    ], default_set="Name", should_process=True)
    dotnet_class = f"{COMMANDS}.RemoveVM"

    def process(self) -> None:
        for vm in self.selected_vms():
            if not self.should_process(vm.name):
                continue
            if not self.confirm(f'Are you sure you want to remove virtual machine "{vm.name}"?'):
                continue
            cluster = next((c for c in self.lab.clusters if c.group_for(vm.id) is not None), None)
            if cluster is not None:
                self.error(hv_error(
                    f"The virtual machine '{vm.name}' is a clustered role of cluster '{cluster.name}'. Remove the role "
                    "with Remove-ClusterGroup first.", "InvalidOperation", "InvalidOperation", vm.name))
                continue
            view = self.view(vm)
            if vm.state != VMState.Off:
                ops.set_vm_state(self.lab, vm, VMState.Off)
            ops.remove_vm(self.lab, vm)
            if self.params.get("Passthru"):
                self.write(view)
