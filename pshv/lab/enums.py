"""Enumerations of the lab.

The Hyper-V and FailoverClusters enums carry the member names and numeric values of the real
modules (Microsoft.HyperV.PowerShell / Microsoft.FailoverClusters.PowerShell), so that the shell
layer can wrap them without translation.  The lab-only enums at the end have no Windows
counterpart and use their names as values.
"""

from __future__ import annotations

from enum import Enum, IntEnum


class VMState(IntEnum):
    """Microsoft.HyperV.PowerShell.VMState."""

    Other = 1
    Running = 2
    Off = 3
    Stopping = 4
    Saved = 6
    Paused = 9
    Starting = 10
    Reset = 11
    Saving = 32773
    Pausing = 32776
    Resuming = 32777
    FastSaved = 32779
    FastSaving = 32780
    ForceShutdown = 32781
    ForceReboot = 32782
    Hibernated = 32783
    ComponentServicing = 32784
    RunningCritical = 32785
    OffCritical = 32786
    StoppingCritical = 32787
    SavedCritical = 32788
    PausedCritical = 32789
    StartingCritical = 32790
    ResetCritical = 32791
    SavingCritical = 32792
    PausingCritical = 32793
    ResumingCritical = 32794
    FastSavedCritical = 32795
    FastSavingCritical = 32796


class VMOperationalStatus(IntEnum):
    """Microsoft.HyperV.PowerShell.VMOperationalStatus (the members the lab uses)."""

    Ok = 2
    Degraded = 3
    MigratingVirtualMachine = 32774
    StorageMigrationPhaseOne = 32778
    StorageMigrationPhaseTwo = 32779
    MigratingPlannedVm = 32780
    CheckingCompatibility = 32781


class MigrationAuthenticationType(IntEnum):
    """How hosts authenticate live-migration connections."""

    CredSSP = 0
    Kerberos = 1


class VMMigrationPerformance(IntEnum):
    """Transport used for live-migration memory traffic."""

    TCPIP = 0
    Compression = 1
    SMB = 2


class OperationType(IntEnum):
    """VMCompatibilityReport.OperationType."""

    MoveVirtualMachine = 0
    ImportVirtualMachine = 1
    MoveVirtualMachineAndStorage = 2


class VMSwitchType(IntEnum):
    Private = 0
    Internal = 1
    External = 2


class ControllerType(IntEnum):
    IDE = 0
    SCSI = 1
    PMEM = 2


class SnapshotType(IntEnum):
    Standard = 0
    Recovery = 1
    Planned = 2
    Missing = 5
    Replica = 6
    AppConsistentReplica = 7
    SyncedReplica = 8


class CheckpointType(IntEnum):
    Disabled = 2
    Production = 3
    ProductionOnly = 4
    Standard = 5


class VhdType(IntEnum):
    Unknown = 0
    Fixed = 2
    Dynamic = 3
    Differencing = 4


class VhdFormat(IntEnum):
    Unknown = 0
    VHD = 2
    VHDX = 3
    VHDSet = 4


class StartAction(IntEnum):
    Nothing = 2
    StartIfRunning = 3
    Start = 4


class StopAction(IntEnum):
    TurnOff = 2
    Save = 3
    ShutDown = 4


class VmMigrationType(IntEnum):
    """Move-ClusterVirtualMachineRole -MigrationType."""

    TurnOff = 0
    Quick = 1
    Shutdown = 2
    ShutdownForce = 3
    Live = 4


class HostState(IntEnum):
    """Whether a host is reachable (the lab's own; numbered like ClusterNodeState)."""

    Up = 0
    Down = 1


class ClusterNodeState(IntEnum):
    Unknown = -1
    Up = 0
    Down = 1
    Paused = 2
    Joining = 3


class NodeDrainStatus(IntEnum):
    """Microsoft.FailoverClusters.PowerShell.NodeDrainStatus (ClusterNode.DrainStatus), numbered as
    the cluster API's CLUSTER_NODE_DRAIN_STATUS."""

    NotInitiated = 0
    InProgress = 1
    Completed = 2
    Failed = 3


class ClusterGroupState(IntEnum):
    Unknown = -1
    Online = 0
    Offline = 1
    Failed = 2
    PartialOnline = 3
    Pending = 4


class GroupType(IntEnum):
    """Microsoft.FailoverClusters.PowerShell.GroupType (the members the lab uses)."""

    Cluster = 1
    AvailableStorage = 2
    VirtualMachine = 111


class EventLevel(IntEnum):
    """Windows event log levels (System.Diagnostics.Eventing.Reader.StandardEventLevel)."""

    Critical = 1
    Error = 2
    Warning = 3
    Information = 4
    Verbose = 5


# Lab-only enumerations -----------------------------------------------------------------------


class ProcessorVendor(str, Enum):
    Intel = "Intel"
    AMD = "AMD"


class WindowsServerVersion(str, Enum):
    """Host operating system; the value is the marketing name's year part."""

    WS2012 = "2012"
    WS2012R2 = "2012 R2"
    WS2016 = "2016"
    WS2019 = "2019"
    WS2022 = "2022"
    WS2025 = "2025"

    @property
    def caption(self) -> str:
        """Product name as Windows reports it, e.g. 'Windows Server 2022'."""
        return f"Windows Server {self.value}"


class AccessPattern(str, Enum):
    """How a guest's memory writes spread over its writable working set."""

    Sequential = "Sequential"
    Random = "Random"
    Hotspot = "Hotspot"
