"""The .NET objects Hyper-V cmdlets return: live views on the lab (reading a property reads the lab).

Each class lists its properties in display order as `(name, getter)` pairs; byte counts are
Int64, uptimes TimeSpans, ids Guids and states the enums of `enums`.  `register_types` makes
the classes resolvable by their .NET names, so parameters typed `VirtualMachine[]` bind them.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, Callable, ClassVar

from ...lab import enums as L
from ...lab import model as M
from ...lab.clock import to_datetime
from ...runtime.objects import DotNetObject, Int64, PSType
from ...runtime.types import register_type
from .enums import CLUSTERS, HYPERV, ClusterResourceState, DvdMediaType

Getter = Callable[[Any], object]
ZERO_GUID = uuid.UUID(int=0)


class LiveView(DotNetObject):
    """A DotNetObject whose properties are computed by getters from the lab on every read."""

    fields: ClassVar[tuple[tuple[str, Getter], ...]] = ()
    _getters: ClassVar[dict[str, Getter]] = {}

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.ps_properties = tuple(name for name, _ in cls.fields)
        cls._getters = {name.casefold(): getter for name, getter in cls.fields}

    def ps_get(self, name: str) -> object:
        getter = self._getters.get(name.casefold())
        if getter is None:
            raise KeyError(name)
        return getter(self)

    def ps_has(self, name: str) -> bool:
        return name.casefold() in self._getters


def _host_name(lab: M.Lab, vm: M.VirtualMachine, fallback: str) -> str:
    try:
        return lab.host_of(vm).name
    except M.UnknownObject:
        return fallback


# --------------------------------------------------------------------------- virtual machines


class VirtualMachine(LiveView):
    ps_type_names = (f"{HYPERV}.VirtualMachine", f"{HYPERV}.VirtualMachineBase", "System.Object")

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine) -> None:
        self.lab = lab
        self.vm = vm
        self._host = _host_name(lab, vm, "")

    @property
    def computer_name(self) -> str:
        self._host = _host_name(self.lab, self.vm, self._host)
        return self._host

    @property
    def is_deleted(self) -> bool:
        return self.lab.vm_by_id(self.vm.id) is None

    def uptime(self) -> timedelta:
        return timedelta(seconds=round(self.vm.uptime_seconds(self.lab.clock)))

    def running(self) -> bool:
        return self.vm.state in (L.VMState.Running, L.VMState.Paused)

    def last_checkpoint(self) -> M.Checkpoint | None:
        return self.vm.checkpoints[-1] if self.vm.checkpoints else None

    fields = (
        ("Name", lambda s: s.vm.name),
        ("Id", lambda s: s.vm.id),
        ("VMName", lambda s: s.vm.name),
        ("VMId", lambda s: s.vm.id),
        ("State", lambda s: s.vm.state),
        ("OperationalStatus", lambda s: [L.VMOperationalStatus.Ok]),
        ("PrimaryStatusDescription", lambda s: "OK"),
        ("Status", lambda s: s.vm.status),
        ("Heartbeat", lambda s: None),
        ("ReplicationHealth", lambda s: "NotApplicable"),
        ("ReplicationState", lambda s: "Disabled"),
        ("ReplicationMode", lambda s: "None"),
        ("CPUUsage", lambda s: 0),
        ("MemoryAssigned", lambda s: Int64(s.vm.memory.assigned_bytes)),
        ("MemoryDemand", lambda s: Int64(s.vm.memory.assigned_bytes)),
        ("MemoryStatus", lambda s: ""),
        ("SmartPagingFileInUse", lambda s: False),
        ("Uptime", lambda s: s.uptime()),
        ("IntegrationServicesVersion", lambda s: "10.0.20348" if s.running() else None),
        ("IntegrationServicesState", lambda s: "Up to date" if s.running() else ""),
        ("ResourceMeteringEnabled", lambda s: False),
        ("CheckpointType", lambda s: L.CheckpointType.Production),
        ("ConfigurationLocation", lambda s: s.vm.configuration_location),
        ("SnapshotFileLocation", lambda s: s.vm.snapshot_file_location),
        ("AutomaticStartAction", lambda s: L.StartAction.StartIfRunning),
        ("AutomaticStopAction", lambda s: s.vm.automatic_stop_action),
        ("AutomaticStartDelay", lambda s: 0),
        ("SmartPagingFilePath", lambda s: s.vm.smart_paging_file_path),
        ("ComPort1", lambda s: None),
        ("ComPort2", lambda s: None),
        ("DVDDrives", lambda s: [DvdDrive(s.lab, s.vm, d) for d in s.vm.dvd_drives]),
        ("FibreChannelHostBusAdapters", lambda s: []),
        ("FloppyDrive", lambda s: None),
        ("HardDrives", lambda s: [HardDiskDrive(s.lab, s.vm, d) for d in s.vm.hard_drives]),
        ("NetworkAdapters", lambda s: [VMNetworkAdapter(s.lab, s.vm, a) for a in s.vm.network_adapters]),
        ("DynamicMemoryEnabled", lambda s: s.vm.memory.dynamic_enabled),
        ("MemoryMaximum", lambda s: Int64(s.vm.memory.maximum_bytes)),
        ("MemoryMinimum", lambda s: Int64(s.vm.memory.minimum_bytes)),
        ("MemoryStartup", lambda s: Int64(s.vm.memory.startup_bytes)),
        ("ProcessorCount", lambda s: Int64(s.vm.processor.count)),
        ("Generation", lambda s: s.vm.generation),
        ("IsClustered", lambda s: s.vm.is_clustered),
        ("ParentSnapshotId", lambda s: s.last_checkpoint().id if s.last_checkpoint() else None),
        ("ParentSnapshotName", lambda s: s.last_checkpoint().name if s.last_checkpoint() else None),
        ("Path", lambda s: s.vm.path),
        ("CreationTime", lambda s: to_datetime(s.vm.creation_time)),
        ("Notes", lambda s: s.vm.notes),
        ("Version", lambda s: s.vm.version),
        ("VirtualMachineType", lambda s: "RealizedVirtualMachine"),
        ("ComputerName", lambda s: s.computer_name),
        ("IsDeleted", lambda s: s.is_deleted),
    )


class _VMPart(LiveView):
    """A device or setting of a VM: shares VMName, VMId and ComputerName."""

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine) -> None:
        self.lab = lab
        self.vm = vm
        self._host = _host_name(lab, vm, "")

    @property
    def computer_name(self) -> str:
        self._host = _host_name(self.lab, self.vm, self._host)
        return self._host


_VM_REFERENCE: tuple[tuple[str, Getter], ...] = (
    ("VMId", lambda s: s.vm.id),
    ("VMName", lambda s: s.vm.name),
    ("VMSnapshotId", lambda s: ZERO_GUID),
    ("VMSnapshotName", lambda s: ""),
)


def _device_state(is_deleted: Getter) -> tuple[tuple[str, Getter], ...]:
    """CimSession, ComputerName and IsDeleted, as every VM device shows them."""
    return (
        ("CimSession", lambda s: None),
        ("ComputerName", lambda s: s.computer_name),
        ("IsDeleted", is_deleted),
    )


def _drive_name(kind: str, drive: M.HardDiskDrive | M.DvdDrive) -> str:
    return (f"{kind} on {drive.controller_type.name} controller number {drive.controller_number} "
            f"at location {drive.controller_location}")


class _Drive(_VMPart):
    """A hard disk or DVD drive of a VM, in its slot on a controller."""

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine, drive: M.HardDiskDrive | M.DvdDrive) -> None:
        super().__init__(lab, vm)
        self.drive = drive


_CONTROLLER_SLOT: tuple[tuple[str, Getter], ...] = (
    ("ControllerLocation", lambda s: s.drive.controller_location),
    ("ControllerNumber", lambda s: s.drive.controller_number),
    ("ControllerType", lambda s: s.drive.controller_type),
)


class HardDiskDrive(_Drive):
    ps_type_names = (f"{HYPERV}.HardDiskDrive", f"{HYPERV}.Drive", f"{HYPERV}.VirtualMachineDevice", "System.Object")

    fields = (
        ("Path", lambda s: s.drive.path),
        ("DiskNumber", lambda s: s.drive.pass_through_disk_number),
        ("MaximumIOPS", lambda s: Int64(0)),
        ("MinimumIOPS", lambda s: Int64(0)),
        ("QoSPolicyID", lambda s: ZERO_GUID),
        ("SupportPersistentReservations", lambda s: False),
        ("WriteHardeningMethod", lambda s: "WriteThrough"),
        *_CONTROLLER_SLOT,
        ("Name", lambda s: _drive_name("Hard Drive", s.drive)),
        ("PoolName", lambda s: "Primordial"),
        ("Id", lambda s: f"Microsoft:{str(s.vm.id).upper()}\\{s.drive.controller_type.name}"
                         f"\\{s.drive.controller_number}\\{s.drive.controller_location}\\D"),
        *_VM_REFERENCE,
        *_device_state(lambda s: not any(d is s.drive for d in s.vm.hard_drives)),
    )


class DvdDrive(_Drive):
    ps_type_names = (f"{HYPERV}.DvdDrive", f"{HYPERV}.Drive", f"{HYPERV}.VirtualMachineDevice", "System.Object")

    fields = (
        *_device_state(lambda s: not any(d is s.drive for d in s.vm.dvd_drives)),
        *_VM_REFERENCE,
        *_CONTROLLER_SLOT,
        ("DvdMediaType", lambda s: DvdMediaType.ISO if s.drive.path else DvdMediaType["None"]),
        ("Path", lambda s: s.drive.path),
        ("Name", lambda s: _drive_name("DVD Drive", s.drive)),
        ("PoolName", lambda s: "Primordial"),
    )


class VMNetworkAdapter(_VMPart):
    ps_type_names = (f"{HYPERV}.VMNetworkAdapter", f"{HYPERV}.VMNetworkAdapterBase",
                     f"{HYPERV}.VirtualMachineDevice", "System.Object")

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine, adapter: M.NetworkAdapter,
                 switch_host: M.Host | None = None) -> None:
        super().__init__(lab, vm)
        self.adapter = adapter
        self.switch_host = switch_host
        """Host whose switches it connects to: the destination of a compatibility report, else the VM's."""

    def _switch_id(self) -> uuid.UUID | None:
        if self.adapter.switch_name is None:
            return None
        return switch_id(self.computer_name, self.adapter.switch_name)

    fields = (
        ("Name", lambda s: s.adapter.name),
        ("Id", lambda s: f"Microsoft:{str(s.vm.id).upper()}\\{str(s.adapter.id).upper()}"),
        ("IsLegacy", lambda s: False),
        ("IsManagementOs", lambda s: False),
        ("ComputerName", lambda s: s.computer_name),
        ("VMName", lambda s: s.vm.name),
        ("VMId", lambda s: s.vm.id),
        ("SwitchName", lambda s: s.adapter.switch_name),
        ("SwitchId", lambda s: s._switch_id()),
        ("Connected", lambda s: s.adapter.switch_name is not None),
        ("PoolName", lambda s: ""),
        ("MacAddress", lambda s: s.adapter.mac_address),
        ("DynamicMacAddressEnabled", lambda s: True),
        ("MacAddressSpoofing", lambda s: "Off"),
        ("Status", lambda s: ["Ok"] if s.vm.state == L.VMState.Running else []),
        ("IPAddresses", lambda s: []),
        ("IsDeleted", lambda s: not any(a is s.adapter for a in s.vm.network_adapters)),
    )


class VMProcessor(_VMPart):
    ps_type_names = (f"{HYPERV}.VMProcessor", f"{HYPERV}.VirtualMachineDevice", "System.Object")

    fields = (
        ("ResourcePoolName", lambda s: "Primordial"),
        ("Count", lambda s: Int64(s.vm.processor.count)),
        ("CompatibilityForMigrationEnabled", lambda s: s.vm.processor.compatibility_for_migration_enabled),
        ("CompatibilityForOlderOperatingSystemsEnabled", lambda s: False),
        ("HwThreadCountPerCore", lambda s: Int64(0)),
        ("ExposeVirtualizationExtensions", lambda s: False),
        ("Maximum", lambda s: Int64(100)),
        ("Reserve", lambda s: Int64(0)),
        ("RelativeWeight", lambda s: 100),
        ("MaximumCountPerNumaNode", lambda s: 16),
        ("MaximumCountPerNumaSocket", lambda s: 1),
        ("EnableHostResourceProtection", lambda s: False),
        ("Name", lambda s: "Processor"),
        *_VM_REFERENCE,
        *_device_state(lambda s: s.lab.vm_by_id(s.vm.id) is None),
    )


class VMMemory(_VMPart):
    ps_type_names = (f"{HYPERV}.VMMemory", f"{HYPERV}.VirtualMachineDevice", "System.Object")

    fields = (
        ("ResourcePoolName", lambda s: "Primordial"),
        ("Buffer", lambda s: 20),
        ("DynamicMemoryEnabled", lambda s: s.vm.memory.dynamic_enabled),
        ("Maximum", lambda s: Int64(s.vm.memory.maximum_bytes)),
        ("MaximumPerNumaNode", lambda s: Int64(s.vm.memory.maximum_bytes)),
        ("Minimum", lambda s: Int64(s.vm.memory.minimum_bytes)),
        ("Priority", lambda s: 50),
        ("Startup", lambda s: Int64(s.vm.memory.startup_bytes)),
        ("Name", lambda s: "Memory"),
        *_VM_REFERENCE,
        *_device_state(lambda s: s.lab.vm_by_id(s.vm.id) is None),
    )


class VMSnapshot(_VMPart):
    ps_type_names = (f"{HYPERV}.VMSnapshot", f"{HYPERV}.VirtualMachineBase", "System.Object")

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine, checkpoint: M.Checkpoint) -> None:
        super().__init__(lab, vm)
        self.checkpoint = checkpoint

    def parent(self) -> M.Checkpoint | None:
        chain = self.vm.checkpoints
        index = next((i for i, c in enumerate(chain) if c is self.checkpoint), 0)
        return chain[index - 1] if index > 0 else None

    fields = (
        ("VMName", lambda s: s.vm.name),
        ("Name", lambda s: s.checkpoint.name),
        ("SnapshotType", lambda s: s.checkpoint.snapshot_type),
        ("CreationTime", lambda s: to_datetime(s.checkpoint.creation_time)),
        ("ParentSnapshotName", lambda s: s.parent().name if s.parent() else None),
        ("ParentSnapshotId", lambda s: s.parent().id if s.parent() else None),
        ("Id", lambda s: s.checkpoint.id),
        ("VMId", lambda s: s.vm.id),
        ("State", lambda s: L.VMState.Off),
        ("Path", lambda s: s.vm.snapshot_file_location),
        ("MemoryStartup", lambda s: Int64(s.vm.memory.startup_bytes)),
        ("ProcessorCount", lambda s: Int64(s.vm.processor.count)),
        ("Generation", lambda s: s.vm.generation),
        ("Version", lambda s: s.vm.version),
        ("IsDeleted", lambda s: not any(c is s.checkpoint for c in s.vm.checkpoints)),
        ("ComputerName", lambda s: s.computer_name),
    )


# --------------------------------------------------------------------------- hosts


def switch_id(host_name: str, switch_name: str) -> uuid.UUID:
    """A switch's stable id (the lab does not store one)."""
    return uuid.uuid5(M.ID_NAMESPACE, f"switch/{host_name.casefold()}/{switch_name.casefold()}")


def nic_description(nic: M.NetworkInterface) -> str:
    """What Windows would call the physical NIC (the lab stores only its name and speed)."""
    if nic.speed_gbps >= 10:
        return f"Intel(R) Ethernet Converged Network Adapter X710 #{nic.name}"
    return f"Intel(R) I350 Gigabit Network Connection #{nic.name}"


class HostSettings:
    """Set-VMHost settings the lab model does not keep (MAC and WWN ranges, NUMA spanning, ...),
    stored per shell session next to the lab."""

    def __init__(self, host: M.Host) -> None:
        octets = [int(part) for part in (host.nics[0].address if host.nics else "0.0.0.0").split(".")]
        middle = f"{octets[2]:02X}{octets[3]:02X}"
        self.values: dict[str, object] = {
            "ResourceMeteringSaveInterval": timedelta(hours=1),
            "MacAddressMinimum": f"00155D{middle}00",
            "MacAddressMaximum": f"00155D{middle}FF",
            "FibreChannelWwnn": "C003FF0000FFFF00",
            "FibreChannelWwpnMinimum": f"C003FF{middle}000000",
            "FibreChannelWwpnMaximum": f"C003FF{middle}0000FF",
            "NumaSpanningEnabled": True,
            "EnableEnhancedSessionMode": False,
        }


class VMHost(LiveView):
    ps_type_names = (f"{HYPERV}.VMHost", "System.Object")

    def __init__(self, lab: M.Lab, host: M.Host, settings: HostSettings) -> None:
        self.lab = lab
        self.host = host
        self.settings = settings

    def ps_to_string(self) -> str:
        return f"{HYPERV}.VMHost"

    fields = (
        ("Name", lambda s: s.host.name),
        ("ComputerName", lambda s: s.host.name),
        ("FullyQualifiedDomainName", lambda s: s.host.fqdn),
        ("LogicalProcessorCount", lambda s: s.host.logical_processors),
        ("MemoryCapacity", lambda s: Int64(s.host.memory_bytes)),
        ("ResourceMeteringSaveInterval", lambda s: s.settings.values["ResourceMeteringSaveInterval"]),
        ("IovSupport", lambda s: False),
        ("IovSupportReasons", lambda s: ["This system has a BIOS that does not support SR-IOV."]),
        ("EnableEnhancedSessionMode", lambda s: s.settings.values["EnableEnhancedSessionMode"]),
        ("FibreChannelWwnn", lambda s: s.settings.values["FibreChannelWwnn"]),
        ("FibreChannelWwpnMaximum", lambda s: s.settings.values["FibreChannelWwpnMaximum"]),
        ("FibreChannelWwpnMinimum", lambda s: s.settings.values["FibreChannelWwpnMinimum"]),
        ("MacAddressMaximum", lambda s: s.settings.values["MacAddressMaximum"]),
        ("MacAddressMinimum", lambda s: s.settings.values["MacAddressMinimum"]),
        ("NumaSpanningEnabled", lambda s: s.settings.values["NumaSpanningEnabled"]),
        ("VirtualHardDiskPath", lambda s: s.host.virtual_hard_disk_path),
        ("VirtualMachinePath", lambda s: s.host.virtual_machine_path),
        ("MaximumStorageMigrations", lambda s: s.host.migration.maximum_storage_migrations),
        ("MaximumVirtualMachineMigrations", lambda s: s.host.migration.maximum_vm_migrations),
        ("UseAnyNetworkForMigration", lambda s: s.host.migration.use_any_network),
        ("VirtualMachineMigrationAuthenticationType", lambda s: s.host.migration.authentication),
        ("VirtualMachineMigrationEnabled", lambda s: s.host.migration.enabled),
        ("VirtualMachineMigrationPerformanceOption", lambda s: s.host.migration.performance),
        ("CimSession", lambda s: None),
        ("IsDeleted", lambda s: False),
    )


class VMMigrationNetwork(LiveView):
    ps_type_names = (f"{HYPERV}.VMMigrationNetwork", "System.Object")

    def __init__(self, host: M.Host, network: M.MigrationNetwork) -> None:
        self.host = host
        self.network = network

    fields = (
        ("Subnet", lambda s: s.network.subnet),
        ("Priority", lambda s: s.network.priority),
        ("CimSession", lambda s: None),
        ("ComputerName", lambda s: s.host.name),
        ("IsDeleted", lambda s: not any(n is s.network for n in s.host.migration.networks)),
    )


class VMInternalNetworkAdapter(LiveView):
    """The management OS's adapter on an External or Internal switch (named after the switch)."""

    ps_type_names = (f"{HYPERV}.VMInternalNetworkAdapter", f"{HYPERV}.VMNetworkAdapterBase", "System.Object")

    def __init__(self, host: M.Host, switch: M.VirtualSwitch) -> None:
        self.host = host
        self.switch = switch

    def address(self) -> list[str]:
        nic = next((n for n in self.host.nics if n.name == self.switch.net_adapter), None)
        return [nic.address] if nic is not None else []

    fields = (
        ("Name", lambda s: s.switch.name),
        ("IsManagementOs", lambda s: True),
        ("VMName", lambda s: None),
        ("SwitchName", lambda s: s.switch.name),
        ("SwitchId", lambda s: switch_id(s.host.name, s.switch.name)),
        ("MacAddress", lambda s: "00155D" + switch_id(s.host.name, s.switch.name).hex[:6].upper()),
        ("Status", lambda s: ["Ok"]),
        ("IPAddresses", lambda s: s.address()),
        ("ComputerName", lambda s: s.host.name),
        ("IsDeleted", lambda s: not any(w is s.switch for w in s.host.switches)),
    )


class VMSwitch(LiveView):
    ps_type_names = (f"{HYPERV}.VMSwitch", "System.Object")

    def __init__(self, host: M.Host, switch: M.VirtualSwitch, notes: str = "") -> None:
        self.host = host
        self.switch = switch
        self.notes = notes

    def description(self) -> str:
        nic = next((n for n in self.host.nics if n.name == self.switch.net_adapter), None)
        return nic_description(nic) if nic is not None else ""

    fields = (
        ("Name", lambda s: s.switch.name),
        ("Id", lambda s: switch_id(s.host.name, s.switch.name)),
        ("SwitchType", lambda s: s.switch.switch_type),
        ("AllowManagementOS", lambda s: s.switch.switch_type != L.VMSwitchType.Private),
        ("NetAdapterInterfaceDescription", lambda s: s.description()),
        ("NetAdapterInterfaceDescriptions", lambda s: [s.description()] if s.description() else []),
        ("EmbeddedTeamingEnabled", lambda s: False),
        ("IovEnabled", lambda s: False),
        ("PacketDirectEnabled", lambda s: False),
        ("Notes", lambda s: s.notes),
        ("ComputerName", lambda s: s.host.name),
        ("IsDeleted", lambda s: not any(w is s.switch for w in s.host.switches)),
    )


class VirtualHardDisk(LiveView):
    ps_type_names = ("Microsoft.Vhd.PowerShell.VirtualHardDisk", "System.Object")

    def __init__(self, lab: M.Lab, host: M.Host, path: str) -> None:
        self.lab = lab
        self.host = host
        self.path = path

    def file(self):
        from ...lab.filesystem import FileSystem

        return FileSystem(self.lab).get_item(self.host, self.path)

    def attached_to_running_vm(self) -> bool:
        key = self.path.casefold()
        return any(vm.state == L.VMState.Running and any((p or "").casefold() == key for p in vm.disk_paths())
                   for vm in self.host.vms)

    fields = (
        ("ComputerName", lambda s: s.host.name),
        ("Path", lambda s: s.path),
        ("VhdFormat", lambda s: s.file().vhd.format),
        ("VhdType", lambda s: s.file().vhd.vhd_type),
        ("FileSize", lambda s: Int64(s.file().size_bytes)),
        ("Size", lambda s: Int64(s.file().vhd.max_size_bytes)),
        ("MinimumSize", lambda s: Int64(s.file().vhd.max_size_bytes)),
        ("LogicalSectorSize", lambda s: 512),
        ("PhysicalSectorSize", lambda s: 4096),
        ("BlockSize", lambda s: 33554432),
        ("ParentPath", lambda s: ""),
        ("DiskIdentifier", lambda s: str(uuid.uuid5(M.ID_NAMESPACE, f"vhd/{s.path.casefold()}")).upper()),
        ("FragmentationPercentage", lambda s: 0),
        ("Alignment", lambda s: 1),
        ("Attached", lambda s: s.attached_to_running_vm()),
        ("DiskNumber", lambda s: None),
        ("IsPMEMCompatible", lambda s: False),
        ("AddressAbstractionType", lambda s: "None"),
        ("Number", lambda s: None),
    )


class VMMeteringReport(LiveView):
    ps_type_names = (f"{HYPERV}.VMMeteringReportForVirtualMachine", "System.Object")

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine, total_disk_bytes: int) -> None:
        self.lab = lab
        self.vm = vm
        self.total_disk_bytes = total_disk_bytes

    def memory_mb(self) -> int:
        return self.vm.memory.assigned_bytes // 2**20

    fields = (
        ("ComputerName", lambda s: _host_name(s.lab, s.vm, "")),
        ("VMId", lambda s: s.vm.id),
        ("VMName", lambda s: s.vm.name),
        ("HardDiskMetrics", lambda s: []),
        ("MeteringDuration", lambda s: None),
        ("AverageProcessorUsage", lambda s: 0),
        ("AverageMemoryUsage", lambda s: s.memory_mb()),
        ("MaximumMemoryUsage", lambda s: s.memory_mb()),
        ("MinimumMemoryUsage", lambda s: s.memory_mb()),
        ("TotalDiskAllocation", lambda s: s.total_disk_bytes // 2**20),
        ("AggregatedAverageNormalizedIOPS", lambda s: 0),
        ("AggregatedAverageLatency", lambda s: 0),
        ("AggregatedDiskDataRead", lambda s: 0),
        ("AggregatedDiskDataWritten", lambda s: 0),
        ("AggregatedNormalizedIOCount", lambda s: 0),
        ("NetworkMeteredTrafficReport", lambda s: []),
    )


# --------------------------------------------------------------------------- compatibility reports


class VMCompatibilityError(LiveView):
    ps_type_names = (f"{HYPERV}.VMCompatibilityError", "System.Object")

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine, destination: str, found, settings_for) -> None:
        self.lab = lab
        self.vm = vm
        self.destination = destination
        self.found = found
        self.settings_for = settings_for

    def source(self) -> object:
        culprit = self.found.source
        if isinstance(culprit, M.NetworkAdapter):
            return VMNetworkAdapter(self.lab, self.vm, culprit, self.lab.find_host(self.destination))
        if isinstance(culprit, M.HardDiskDrive):
            return HardDiskDrive(self.lab, self.vm, culprit)
        if isinstance(culprit, M.VMProcessor):
            return VMProcessor(self.lab, self.vm)
        if isinstance(culprit, M.VirtualMachine):
            return VirtualMachine(self.lab, culprit)
        if isinstance(culprit, M.Host):
            return VMHost(self.lab, culprit, self.settings_for(culprit))
        return culprit

    fields = (
        ("Message", lambda s: s.found.message),
        ("MessageId", lambda s: Int64(s.found.message_id)),
        ("Source", lambda s: s.source()),
    )


class ReportVirtualMachine(VirtualMachine):
    """The VM of a compatibility report (its .VM), as it would be on the destination: its network
    adapters connect to the destination host's switches, as its incompatibilities' Sources do
    (`Connect-VMNetworkAdapter -VMNetworkAdapter $report.VM.NetworkAdapters[0] -SwitchName X`).
    The lab keeps no separate planned VM: a fix made through the report is made on the VM."""

    def __init__(self, lab: M.Lab, vm: M.VirtualMachine, destination: str) -> None:
        super().__init__(lab, vm)
        self.destination = destination

    fields = tuple(
        (name, getter) if name != "NetworkAdapters" else
        ("NetworkAdapters", lambda s: [VMNetworkAdapter(s.lab, s.vm, a, s.lab.find_host(s.destination))
                                       for a in s.vm.network_adapters])
        for name, getter in VirtualMachine.fields)


class VMCompatibilityReport(LiveView):
    ps_type_names = (f"{HYPERV}.VMCompatibilityReport", "System.Object")

    def __init__(self, lab: M.Lab, report, settings_for) -> None:
        self.lab = lab
        self.report = report
        self.settings_for = settings_for

    fields = (
        ("VM", lambda s: ReportVirtualMachine(s.lab, s.report.vm, s.report.destination_host)),
        ("OperationType", lambda s: s.report.operation_type),
        ("Destination", lambda s: s.report.destination_host),
        ("Path", lambda s: s.report.vm.path),
        ("SnapshotPath", lambda s: s.report.vm.snapshot_file_location),
        ("VhdDestinationPath", lambda s: s.report.destination_storage_path),
        ("VhdSourcePath", lambda s: None),
        ("Incompatibilities", lambda s: [VMCompatibilityError(s.lab, s.report.vm, s.report.destination_host, found,
                                                             s.settings_for)
                                         for found in s.report.incompatibilities]),
    )


# --------------------------------------------------------------------------- failover clusters


class _ClusterView(LiveView):
    """Cluster objects print as their name (ToString), as FailoverClusters' do."""

    def ps_to_string(self) -> str:
        return str(self.ps_get("Name"))


class Cluster(_ClusterView):
    ps_type_names = (f"{CLUSTERS}.Cluster", "System.Object")

    def __init__(self, cluster: M.Cluster) -> None:
        self.cluster = cluster

    fields = (
        ("Name", lambda s: s.cluster.name),
        ("Domain", lambda s: s.cluster.domain),
        ("Id", lambda s: str(uuid.uuid5(M.ID_NAMESPACE, f"cluster/{s.cluster.name.casefold()}"))),
        ("MaximumParallelMigrations", lambda s: s.cluster.maximum_parallel_migrations),
        ("SharedVolumesRoot", lambda s: "C:\\ClusterStorage"),
    )


class ClusterNode(_ClusterView):
    ps_type_names = (f"{CLUSTERS}.ClusterNode", f"{CLUSTERS}.ClusterObject", "System.Object")

    def __init__(self, cluster: M.Cluster, node: M.ClusterNode, drain: Any = None) -> None:
        self.cluster = cluster
        self.node = node
        self.drain = drain
        """The node's drain (Suspend-ClusterNode -Drain), whose `status()` is the DrainStatus."""

    def number(self) -> str:
        return str(next(i for i, n in enumerate(self.cluster.nodes, 1) if n is self.node))

    def drain_status(self) -> L.NodeDrainStatus:
        return L.NodeDrainStatus.NotInitiated if self.drain is None else self.drain.status()

    fields = (
        ("Name", lambda s: s.node.name),
        ("State", lambda s: s.node.state),
        ("Type", lambda s: "Node"),
        ("Id", lambda s: s.number()),
        ("NodeName", lambda s: s.node.name),
        ("NodeWeight", lambda s: 1),
        ("DrainStatus", lambda s: s.drain_status()),
        ("Cluster", lambda s: Cluster(s.cluster)),
    )


class ClusterGroup(_ClusterView):
    ps_type_names = (f"{CLUSTERS}.ClusterGroup", f"{CLUSTERS}.ClusterObject", "System.Object")

    def __init__(self, cluster: M.Cluster, group: M.ClusterGroup) -> None:
        self.cluster = cluster
        self.group = group

    def owner(self) -> ClusterNode | None:
        node = self.cluster.node(self.group.owner_node)
        return ClusterNode(self.cluster, node) if node is not None else None

    fields = (
        ("Name", lambda s: s.group.name),
        ("OwnerNode", lambda s: s.owner()),
        ("State", lambda s: s.group.state),
        ("GroupType", lambda s: s.group.group_type),
        ("Priority", lambda s: 2000),
        ("IsCoreGroup", lambda s: False),
        ("Id", lambda s: str(uuid.uuid5(M.ID_NAMESPACE, f"group/{s.group.vm_id}"))),
        ("Cluster", lambda s: Cluster(s.cluster)),
    )


class ClusterResource(_ClusterView):
    ps_type_names = (f"{CLUSTERS}.ClusterResource", f"{CLUSTERS}.ClusterObject", "System.Object")

    def __init__(self, cluster: M.Cluster, group: M.ClusterGroup, resource_type: str) -> None:
        self.cluster = cluster
        self.group = group
        self.resource_type = resource_type

    def state(self) -> ClusterResourceState:
        online = self.group.state == L.ClusterGroupState.Online
        return ClusterResourceState.Online if online else ClusterResourceState.Offline

    fields = (
        ("Name", lambda s: f"{s.resource_type} {s.group.name}"),
        ("State", lambda s: s.state()),
        ("OwnerGroup", lambda s: ClusterGroup(s.cluster, s.group)),
        ("ResourceType", lambda s: s.resource_type),
        ("OwnerNode", lambda s: ClusterGroup(s.cluster, s.group).owner()),
        ("Cluster", lambda s: Cluster(s.cluster)),
    )


class ClusterSharedVolume(_ClusterView):
    ps_type_names = (f"{CLUSTERS}.ClusterSharedVolume", f"{CLUSTERS}.ClusterObject", "System.Object")

    def __init__(self, cluster: M.Cluster, volume: M.ClusterSharedVolume) -> None:
        self.cluster = cluster
        self.volume = volume

    def number(self) -> int:
        return next(i for i, v in enumerate(self.cluster.shared_volumes, 1) if v is self.volume)

    def info(self) -> SharedVolumeInfo:
        return SharedVolumeInfo(self.volume)

    fields = (
        ("Name", lambda s: f"Cluster Disk {s.number()}"),
        ("State", lambda s: ClusterResourceState.Online),
        ("OwnerNode", lambda s: ClusterNode(s.cluster, s.cluster.node(s.volume.owner_node))),
        ("SharedVolumeInfo", lambda s: [s.info()]),
        ("Cluster", lambda s: Cluster(s.cluster)),
    )


class SharedVolumeInfo(LiveView):
    ps_type_names = (f"{CLUSTERS}.ClusterSharedVolumeInfo", "System.Object")

    def __init__(self, volume: M.ClusterSharedVolume) -> None:
        self.volume = volume

    fields = (
        ("FaultState", lambda s: "NoFaults"),
        ("FriendlyVolumeName", lambda s: s.volume.path),
        ("Partition", lambda s: ClusterDiskPartition(s.volume)),
        ("MaintenanceMode", lambda s: False),
        ("RedirectedAccess", lambda s: False),
    )


class ClusterDiskPartition(LiveView):
    ps_type_names = (f"{CLUSTERS}.ClusterDiskPartitionInfo", "System.Object")

    def __init__(self, volume: M.ClusterSharedVolume) -> None:
        self.volume = volume

    fields = (
        ("Name", lambda s: s.volume.path),
        ("Size", lambda s: Int64(s.volume.capacity_bytes)),
        ("FreeSpace", lambda s: Int64(s.volume.free_bytes())),
        ("UsedSpace", lambda s: Int64(s.volume.used_bytes())),
        ("PercentFree", lambda s: s.volume.free_bytes() * 100.0 / s.volume.capacity_bytes),
        ("FileSystem", lambda s: "CSVFS"),
    )


# --------------------------------------------------------------------------- type registration

_VIEW_CLASSES: tuple[type[LiveView], ...] = (
    VirtualMachine, HardDiskDrive, DvdDrive, VMNetworkAdapter, VMProcessor, VMMemory, VMSnapshot, VMHost,
    VMMigrationNetwork, VMInternalNetworkAdapter, VMSwitch, VirtualHardDisk, VMMeteringReport, VMCompatibilityError, VMCompatibilityReport,
    Cluster, ClusterNode, ClusterGroup, ClusterResource, ClusterSharedVolume,
)
_REGISTERED = False


def _instance_of(full_name: str) -> Callable[[object], bool]:
    return lambda value: isinstance(value, DotNetObject) and full_name in type(value).ps_type_names


def register_types() -> None:
    """Make the classes resolvable by .NET name (and their base names, e.g. VirtualMachineBase)."""
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    names = {name for cls in _VIEW_CLASSES for name in cls.ps_type_names if name != "System.Object"}
    names.add(f"{HYPERV}.VMDriveController")  # declared by parameters; the lab has no controller objects
    for full_name in sorted(names):
        register_type(PSType(full_name, is_instance=_instance_of(full_name)))
