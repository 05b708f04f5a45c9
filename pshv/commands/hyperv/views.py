"""Default views of the Hyper-V, Vhd, FailoverClusters and CIM objects (hyperv-cmdlets.md §4),
registered the first time one of their cmdlets runs."""

from __future__ import annotations

from ...runtime.formatting import Column, register_list_view, register_table_view
from ...runtime.formatting.properties import get_property
from .enums import CLUSTERS, HYPERV

MB = 1048576
_REGISTERED = False


def _mb(name: str, divide: bool = True):
    def read(obj: object) -> object:
        value = get_property(None, obj, name)
        if value is None:
            return None
        return value / MB if divide else value // MB
    return read


def register_views() -> None:
    """Register every view once (idempotent)."""
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    register_table_view(f"{HYPERV}.VirtualMachine", [
        "Name", "State", Column("CPUUsage(%)", "CPUUsage"), Column("MemoryAssigned(M)", _mb("MemoryAssigned", False)),
        "Uptime", "Status", "Version",
    ])
    register_table_view(f"{HYPERV}.VMHost", [
        "Name", "LogicalProcessorCount", Column("MemoryCapacity(M)", _mb("MemoryCapacity")),
        "VirtualMachineMigrationEnabled",
    ])
    register_table_view(f"{HYPERV}.VMMigrationNetwork", ["Subnet", "Priority"])
    register_table_view(f"{HYPERV}.VMSwitch", ["Name", "SwitchType", "NetAdapterInterfaceDescription"])
    register_table_view(f"{HYPERV}.HardDiskDrive", [
        "VMName", "ControllerType", "ControllerNumber", "ControllerLocation", "DiskNumber", "Path",
    ])
    register_table_view(f"{HYPERV}.DvdDrive", [
        "VMName", "ControllerType", "ControllerNumber", "ControllerLocation", "DvdMediaType", "Path",
    ])
    register_table_view(f"{HYPERV}.VMSnapshot", ["VMName", "Name", "SnapshotType", "CreationTime", "ParentSnapshotName"])
    register_table_view((f"{HYPERV}.VMNetworkAdapter", f"{HYPERV}.VMInternalNetworkAdapter"), [
        "Name", "IsManagementOs", "VMName", "SwitchName", "MacAddress", "Status", "IPAddresses",
    ])
    register_table_view(f"{HYPERV}.VMProcessor", [
        "VMName", "Count", "CompatibilityForMigrationEnabled", "CompatibilityForOlderOperatingSystemsEnabled",
    ])
    register_table_view(f"{HYPERV}.VMMemory", [
        "VMName", "DynamicMemoryEnabled", Column("Minimum(M)", _mb("Minimum", False)),
        Column("Startup(M)", _mb("Startup", False)), Column("Maximum(M)", _mb("Maximum", False)),
    ])
    register_table_view(f"{HYPERV}.VMMeteringReportForVirtualMachine", [
        "VMName", Column("AvgCPU(MHz)", "AverageProcessorUsage"), Column("AvgRAM(M)", "AverageMemoryUsage"),
        Column("MaxRAM(M)", "MaximumMemoryUsage"), Column("MinRAM(M)", "MinimumMemoryUsage"),
        Column("TotalDisk(M)", "TotalDiskAllocation"), Column("NetworkInbound(M)", lambda r: 0),
        Column("NetworkOutbound(M)", lambda r: 0),
    ])
    register_list_view(f"{HYPERV}.VMCompatibilityReport", [
        "VM", "OperationType", "Destination", "Path", "SnapshotPath", "VhdDestinationPath", "VhdSourcePath",
        "Incompatibilities",
    ])
    register_table_view(f"{HYPERV}.VMCompatibilityError", ["Message", "MessageId", "Source"])
    register_list_view("Microsoft.Vhd.PowerShell.VirtualHardDisk", [
        "ComputerName", "Path", "VhdFormat", "VhdType", "FileSize", "Size", "MinimumSize", "LogicalSectorSize",
        "PhysicalSectorSize", "BlockSize", "ParentPath", "DiskIdentifier", "FragmentationPercentage", "Alignment",
        "Attached", "DiskNumber", "IsPMEMCompatible", "AddressAbstractionType", "Number",
    ])
    register_table_view(f"{CLUSTERS}.Cluster", ["Name"])
    register_table_view(f"{CLUSTERS}.ClusterNode", ["Name", "State", "Type"])
    register_table_view(f"{CLUSTERS}.ClusterGroup", ["Name", "OwnerNode", "State"])
    register_table_view(f"{CLUSTERS}.ClusterResource", ["Name", "State", "OwnerGroup", "ResourceType"])
    register_table_view(f"{CLUSTERS}.ClusterSharedVolume", ["Name", "State", Column("Node", "OwnerNode")])
    register_list_view("Microsoft.Management.Infrastructure.CimSession", [
        "Id", "Name", "InstanceId", "ComputerName", "Protocol",
    ])
