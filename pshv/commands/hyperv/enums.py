"""The Hyper-V and FailoverClusters enums as .NET types, so they bind, compare and print by name."""

from __future__ import annotations

from enum import IntEnum

from ...lab import enums as lab_enums
from ...runtime.types import register_enum

HYPERV = "Microsoft.HyperV.PowerShell"
CLUSTERS = "Microsoft.FailoverClusters.PowerShell"


class BootDevice(IntEnum):
    Floppy = 0
    CD = 1
    IDE = 2
    LegacyNetworkAdapter = 3
    NetworkAdapter = 4
    VHD = 5


# members named "None" need the functional API
DvdMediaType = IntEnum("DvdMediaType", [("None", 0), ("ISO", 1), ("PassThrough", 2)], module=__name__)
VMSwitchBandwidthMode = IntEnum(
    "VMSwitchBandwidthMode", [("Default", 0), ("Weight", 1), ("Absolute", 2), ("None", 3)], module=__name__
)


class CacheAttributes(IntEnum):
    Default = 0
    WriteCacheEnabled = 1
    WriteCacheAndFUAEnabled = 2
    WriteCacheDisabled = 3


class WaitVMTypes(IntEnum):
    Heartbeat = 0
    IPAddress = 1


class ClusterResourceState(IntEnum):
    Unknown = -1
    Online = 2
    Offline = 3
    Failed = 4
    Pending = 128
    OnlinePending = 129
    OfflinePending = 130


class ResumeClusterNodeFailbackType(IntEnum):
    NoFailback = 0
    Immediate = 1
    Policy = 2


_REGISTERED = False


def register_enums() -> None:
    """Register every enum once (idempotent)."""
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    for enum_cls in (
        lab_enums.VMState, lab_enums.VMOperationalStatus, lab_enums.MigrationAuthenticationType,
        lab_enums.VMMigrationPerformance, lab_enums.OperationType, lab_enums.VMSwitchType,
        lab_enums.ControllerType, lab_enums.SnapshotType, lab_enums.CheckpointType, lab_enums.VhdType,
        lab_enums.VhdFormat, lab_enums.StartAction, lab_enums.StopAction, BootDevice, DvdMediaType,
        VMSwitchBandwidthMode, CacheAttributes, WaitVMTypes,
    ):
        register_enum(enum_cls, f"{HYPERV}.{enum_cls.__name__}")
    register_enum(lab_enums.VmMigrationType, f"{CLUSTERS}.VmMigrationType")
    register_enum(lab_enums.ClusterNodeState, f"{CLUSTERS}.ClusterNodeState")
    register_enum(lab_enums.NodeDrainStatus, f"{CLUSTERS}.NodeDrainStatus")
    register_enum(lab_enums.ClusterGroupState, f"{CLUSTERS}.ClusterGroupState")
    register_enum(lab_enums.GroupType, f"{CLUSTERS}.GroupType")
    register_enum(ClusterResourceState, f"{CLUSTERS}.ClusterResourceState")
    register_enum(ResumeClusterNodeFailbackType, f"{CLUSTERS}.ResumeClusterNodeFailbackType")
