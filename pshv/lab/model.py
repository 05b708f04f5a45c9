"""The lab's state: domains, hosts, VMs, shares and failover clusters (pydantic v2 models).

Ownership follows the real world: a host owns its volumes (and their file trees), NICs,
switches and the VMs registered on it; a cluster owns its shared volumes and VM roles and names
its nodes by host name; a share names its server and a folder on one of the server's volumes.
Anything that can be derived (free space, FQDN, cluster membership, a VM's host) is derived,
so it cannot drift.  Lookups by name are case-insensitive, as on Windows.
"""

from __future__ import annotations

import uuid
from typing import Any, Iterator, Literal

from pydantic import Field, field_validator, model_validator

from pshv.lab.base import LabModel, by_name
from pshv.lab.clock import SimClock
from pshv.lab.enums import (
    AccessPattern,
    ClusterGroupState,
    ClusterNodeState,
    ControllerType,
    EventLevel,
    GroupType,
    HostState,
    MigrationAuthenticationType,
    ProcessorVendor,
    SnapshotType,
    StopAction,
    VMMigrationPerformance,
    VMState,
    VMSwitchType,
    WindowsServerVersion,
)
from pshv.lab.events import LabEvent
from pshv.lab.fstree import Folder

LAB_FORMAT_VERSION = 1
ID_NAMESPACE = uuid.UUID("6f1c7a52-3a8e-4f0b-9d1e-5c2b8f7a9e10")
"""Namespace of the lab's deterministic UUIDs (uuid5 of a counter or a name)."""


class UnknownObject(LookupError):
    """A host, VM, cluster or share the lab does not have."""


# Hosts ----------------------------------------------------------------------------------------


class Processor(LabModel):
    vendor: ProcessorVendor
    model: str
    feature_level: int = Field(ge=0)
    """Generation of the instruction-set features; a running VM needs a destination whose
    level is at least its source's unless CompatibilityForMigrationEnabled is set."""


class StorageVolume(LabModel):
    """A formatted volume; free space is capacity minus the files stored on it."""

    label: str = ""
    capacity_bytes: int = Field(gt=0)
    read_mb_per_s: float = Field(default=500.0, gt=0)
    write_mb_per_s: float = Field(default=400.0, gt=0)
    root: Folder = Field(default_factory=lambda: Folder(name=""))

    def used_bytes(self) -> int:
        return self.root.total_bytes()

    def free_bytes(self) -> int:
        return self.capacity_bytes - self.used_bytes()


class Volume(StorageVolume):
    """A host volume mounted at a drive letter."""

    letter: str

    @field_validator("letter")
    @classmethod
    def _one_letter(cls, value: str) -> str:
        if len(value) != 1 or not value.isalpha():
            raise ValueError("a drive letter is one letter A-Z")
        return value.upper()


class NetworkInterface(LabModel):
    """A physical NIC of a host."""

    name: str
    speed_gbps: float = Field(gt=0)
    rdma: bool = False
    subnet: str
    """IPv4 subnet in CIDR form, e.g. 192.168.10.0/24."""
    address: str


class VirtualSwitch(LabModel):
    name: str
    switch_type: by_name(VMSwitchType) = VMSwitchType.External
    net_adapter: str | None = None
    """Name of the host NIC an External switch is bound to."""


class MigrationNetwork(LabModel):
    subnet: str
    priority: int = 0


class MigrationSettings(LabModel):
    """Get-VMHost's live-migration properties, at Hyper-V's defaults."""

    enabled: bool = False
    maximum_vm_migrations: int = Field(default=2, ge=1)
    maximum_storage_migrations: int = Field(default=2, ge=1)
    authentication: by_name(MigrationAuthenticationType) = MigrationAuthenticationType.CredSSP
    performance: by_name(VMMigrationPerformance) = VMMigrationPerformance.Compression
    use_any_network: bool = True
    networks: list[MigrationNetwork] = []


class MemoryReservation(LabModel):
    """Memory set aside on a host for something not yet running there (a migrating VM)."""

    key: str
    bytes: int = Field(ge=0)


# VMs ------------------------------------------------------------------------------------------


class VMMemory(LabModel):
    startup_bytes: int = Field(gt=0)
    assigned_bytes: int = Field(default=0, ge=0)
    touched_bytes: int = Field(default=0, ge=0)
    """Assigned memory the guest has ever written (what pass 0 of a live migration sends; the
    rest is zero pages).  At most `assigned_bytes`; when omitted (older lab files too), all of
    it."""
    dynamic_enabled: bool = False
    minimum_bytes: int = Field(gt=0)
    maximum_bytes: int = Field(gt=0)

    @model_validator(mode="before")
    @classmethod
    def _touched_defaults_to_assigned(cls, data: Any) -> Any:
        if isinstance(data, dict) and "touched_bytes" not in data:
            return {**data, "touched_bytes": data.get("assigned_bytes", 0)}
        return data


class VMProcessor(LabModel):
    count: int = Field(default=1, ge=1)
    compatibility_for_migration_enabled: bool = False


class HardDiskDrive(LabModel):
    """A disk attached to a VM: a virtual hard disk file, or a host disk passed through."""

    controller_type: by_name(ControllerType) = ControllerType.SCSI
    controller_number: int = 0
    controller_location: int = 0
    path: str | None = None
    """Path of the VHD/VHDX file as seen from the VM's host (None for a pass-through disk)."""
    pass_through_disk_number: int | None = None

    @property
    def is_pass_through(self) -> bool:
        return self.pass_through_disk_number is not None


class DvdDrive(LabModel):
    controller_type: by_name(ControllerType) = ControllerType.SCSI
    controller_number: int = 0
    controller_location: int = 1
    path: str | None = None
    """ISO file mounted in the drive, or None when empty."""


class NetworkAdapter(LabModel):
    name: str = "Network Adapter"
    id: uuid.UUID
    switch_name: str | None = None
    mac_address: str
    """Twelve hex digits without separators, as Get-VMNetworkAdapter shows it."""


class Checkpoint(LabModel):
    name: str
    id: uuid.UUID
    creation_time: float
    snapshot_type: by_name(SnapshotType) = SnapshotType.Standard
    files: list[str] = []
    """Files the checkpoint keeps (its configuration and differencing disks)."""


class Workload(LabModel):
    """What the guest does, as far as migration cares."""

    dirty_rate_mb_per_s: float = Field(default=0.0, ge=0)
    writable_working_set_bytes: int = Field(default=0, ge=0)
    access_pattern: AccessPattern = AccessPattern.Random
    hot_set_fraction: float | None = Field(default=None, gt=0, le=1)
    """Share of the working set that takes most writes (Hotspot pattern only)."""
    compressibility: float = Field(default=2.0, ge=1.0)
    disk_write_mb_per_s: float = Field(default=0.0, ge=0)


class VirtualMachine(LabModel):
    name: str
    id: uuid.UUID
    generation: int = Field(default=2, ge=1, le=2)
    version: str = "10.0"
    state: by_name(VMState) = VMState.Off
    memory: VMMemory
    processor: VMProcessor = VMProcessor()
    hard_drives: list[HardDiskDrive] = []
    dvd_drives: list[DvdDrive] = []
    network_adapters: list[NetworkAdapter] = []
    checkpoints: list[Checkpoint] = []
    path: str
    """Folder of the configuration (Get-VM's Path / ConfigurationLocation)."""
    snapshot_file_location: str
    smart_paging_file_path: str
    automatic_stop_action: by_name(StopAction) = StopAction.Save
    creation_time: float = 0.0
    started_at: float | None = None
    """Lab time the VM last started; None unless it is running or paused."""
    status: str = "Operating normally"
    is_clustered: bool = False
    notes: str = ""
    workload: Workload = Workload()

    @property
    def configuration_location(self) -> str:
        return self.path

    def configuration_files(self, folder: str | None = None) -> list[str]:
        """The VM's own files under its path (or under `folder`, where a move would put them):
        .vmcx, .vmrs and, for generation 2, .vmgs."""
        base = (folder or self.path).rstrip("\\")
        stem = f"{base}\\Virtual Machines\\{str(self.id).upper()}"
        suffixes = [".vmcx", ".vmrs"] + ([".vmgs"] if self.generation == 2 else [])
        return [stem + suffix for suffix in suffixes]

    def disk_paths(self) -> list[str]:
        return [d.path for d in self.hard_drives if d.path is not None]

    def referenced_files(self) -> list[str]:
        """Every file path the VM names: configuration, disks, mounted ISOs, checkpoints."""
        isos = [d.path for d in self.dvd_drives if d.path is not None]
        kept = [f for c in self.checkpoints for f in c.files]
        return self.configuration_files() + self.disk_paths() + isos + kept

    def referenced_folders(self) -> list[str]:
        return [self.path, self.snapshot_file_location, self.smart_paging_file_path]

    def uptime_seconds(self, clock: SimClock) -> float:
        if self.started_at is None:
            return 0.0
        return max(0.0, clock.seconds - self.started_at)

    def adapter(self, name: str) -> NetworkAdapter | None:
        key = name.casefold()
        return next((a for a in self.network_adapters if a.name.casefold() == key), None)


# Hosts (continued) ----------------------------------------------------------------------------


class Host(LabModel):
    name: str
    domain: str
    os: WindowsServerVersion = WindowsServerVersion.WS2022
    hyperv_installed: bool = True
    state: by_name(HostState) = HostState.Up
    """Down after a failure (a HostFailure fault): unreachable, so cmdlets against it fail.  A
    Down host runs nothing (its VMs crashed to Off, its memory reservations are gone) and, as a
    cluster node, is Down and owns no Online role."""
    processor: Processor
    logical_processors: int = Field(ge=1)
    memory_bytes: int = Field(gt=0)
    volumes: list[Volume] = []
    nics: list[NetworkInterface] = []
    switches: list[VirtualSwitch] = []
    migration: MigrationSettings = MigrationSettings()
    virtual_machine_path: str = "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V"
    virtual_hard_disk_path: str = "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks"
    delegation_targets: list[str] = []
    """Hosts this computer account may delegate to (Kerberos constrained delegation for the
    'Microsoft Virtual System Migration Service' and 'cifs' services)."""
    memory_reservations: list[MemoryReservation] = []
    vms: list[VirtualMachine] = []

    @property
    def fqdn(self) -> str:
        return f"{self.name}.{self.domain}"

    def matches(self, name: str) -> bool:
        """True when `name` is this host's name or FQDN (any case)."""
        key = name.casefold()
        return key == self.name.casefold() or key == self.fqdn.casefold()

    def volume(self, letter: str) -> Volume | None:
        letter = letter.rstrip(":").upper()
        return next((v for v in self.volumes if v.letter == letter), None)

    def switch(self, name: str) -> VirtualSwitch | None:
        key = name.casefold()
        return next((s for s in self.switches if s.name.casefold() == key), None)

    def vm(self, name: str) -> VirtualMachine | None:
        key = name.casefold()
        return next((v for v in self.vms if v.name.casefold() == key), None)

    def running_vm_memory_bytes(self) -> int:
        return sum(v.memory.assigned_bytes for v in self.vms)

    def reserved_memory_bytes(self) -> int:
        return sum(r.bytes for r in self.memory_reservations)

    def free_memory_bytes(self) -> int:
        """Memory not assigned to VMs nor reserved for incoming ones."""
        return self.memory_bytes - self.running_vm_memory_bytes() - self.reserved_memory_bytes()


# Shares and clusters --------------------------------------------------------------------------


class SmbShare(LabModel):
    server: str
    name: str
    path: str
    """Local folder on the server that the share exposes, e.g. D:\\Shares\\VMs."""
    full_access: list[str] = []
    """Computer accounts (host names) granted full control on share and folder."""
    description: str = ""

    @property
    def unc(self) -> str:
        return f"\\\\{self.server}\\{self.name}"

    def grants(self, host_name: str) -> bool:
        key = host_name.casefold()
        return any(h.casefold() == key for h in self.full_access)


class ClusterNode(LabModel):
    name: str
    state: by_name(ClusterNodeState) = ClusterNodeState.Up


class ClusterSharedVolume(StorageVolume):
    """A CSV, mounted on every node at C:\\ClusterStorage\\<name>."""

    name: str = "Volume1"
    owner_node: str

    @property
    def path(self) -> str:
        return f"C:\\ClusterStorage\\{self.name}"


class ClusterGroup(LabModel):
    """A clustered role; the lab's roles are VMs."""

    name: str
    vm_id: uuid.UUID
    owner_node: str
    state: by_name(ClusterGroupState) = ClusterGroupState.Online
    group_type: by_name(GroupType) = GroupType.VirtualMachine


class Cluster(LabModel):
    name: str
    domain: str
    nodes: list[ClusterNode] = []
    shared_volumes: list[ClusterSharedVolume] = []
    groups: list[ClusterGroup] = []
    maximum_parallel_migrations: int = Field(default=1, ge=1)

    def has_node(self, host_name: str) -> bool:
        key = host_name.casefold()
        return any(n.name.casefold() == key for n in self.nodes)

    def node(self, host_name: str) -> ClusterNode | None:
        key = host_name.casefold()
        return next((n for n in self.nodes if n.name.casefold() == key), None)

    def group_for(self, vm_id: uuid.UUID) -> ClusterGroup | None:
        return next((g for g in self.groups if g.vm_id == vm_id), None)

    def shared_volume(self, name: str) -> ClusterSharedVolume | None:
        key = name.casefold()
        return next((c for c in self.shared_volumes if c.name.casefold() == key), None)


class Domain(LabModel):
    name: str
    """DNS name, e.g. contoso.local."""
    netbios_name: str


class Trust(LabModel):
    """A two-way forest or external trust between two domains."""

    first: str
    second: str


# The lab --------------------------------------------------------------------------------------


class Lab(LabModel):
    format_version: Literal[1] = LAB_FORMAT_VERSION
    console_host: str
    """Host the shell runs on ($env:COMPUTERNAME)."""
    domains: list[Domain] = []
    trusts: list[Trust] = []
    clock: SimClock = SimClock()
    events: list[LabEvent] = []
    hosts: list[Host] = []
    shares: list[SmbShare] = []
    clusters: list[Cluster] = []
    id_counter: int = 0
    """How many ids and MAC addresses the lab has handed out (keeps new ones reproducible)."""

    # lookups

    def find_host(self, name: str) -> Host | None:
        """Host by name or FQDN; '.' and 'localhost' mean the console host."""
        if name in (".", "") or name.casefold() == "localhost":
            name = self.console_host
        return next((h for h in self.hosts if h.matches(name)), None)

    def host(self, name: str) -> Host:
        found = self.find_host(name)
        if found is None:
            raise UnknownObject(f"host '{name}'")
        return found

    def iter_vms(self) -> Iterator[tuple[Host, VirtualMachine]]:
        for host in self.hosts:
            for vm in host.vms:
                yield host, vm

    def host_of(self, vm: VirtualMachine) -> Host:
        """The host the VM is registered on."""
        for host in self.hosts:
            if any(v is vm for v in host.vms):
                return host
        for host in self.hosts:
            if any(v.id == vm.id for v in host.vms):
                return host
        raise UnknownObject(f"virtual machine '{vm.name}'")

    def find_vm(self, name: str, host: str | None = None) -> VirtualMachine | None:
        """First VM with that name, on `host` when given."""
        for owner, vm in self.iter_vms():
            if vm.name.casefold() == name.casefold() and (host is None or owner.matches(host)):
                return vm
        return None

    def vm(self, name: str, host: str | None = None) -> VirtualMachine:
        found = self.find_vm(name, host)
        if found is None:
            raise UnknownObject(f"virtual machine '{name}'")
        return found

    def vm_by_id(self, vm_id: uuid.UUID) -> VirtualMachine | None:
        return next((vm for _, vm in self.iter_vms() if vm.id == vm_id), None)

    def find_cluster(self, name: str) -> Cluster | None:
        key = name.casefold()
        return next(
            (c for c in self.clusters if key in (c.name.casefold(), f"{c.name}.{c.domain}".casefold())),
            None,
        )

    def cluster_of(self, host: Host | str) -> Cluster | None:
        """The cluster the host is a node of, if any."""
        name = host.name if isinstance(host, Host) else host
        return next((c for c in self.clusters if c.has_node(name)), None)

    def find_share(self, server: str, name: str) -> SmbShare | None:
        server_host = self.find_host(server)
        server_name = server_host.name if server_host else server
        return next(
            (
                s
                for s in self.shares
                if s.server.casefold() == server_name.casefold() and s.name.casefold() == name.casefold()
            ),
            None,
        )

    def find_domain(self, name: str) -> Domain | None:
        key = name.casefold()
        return next((d for d in self.domains if key in (d.name.casefold(), d.netbios_name.casefold())), None)

    def domains_trust(self, first: str, second: str) -> bool:
        """True when the domains are the same or a trust joins them."""
        a, b = first.casefold(), second.casefold()
        if a == b:
            return True
        return any({t.first.casefold(), t.second.casefold()} == {a, b} for t in self.trusts)

    # identities

    def new_uuid(self) -> uuid.UUID:
        """A fresh id, reproducible for a given lab history."""
        self.id_counter += 1
        return uuid.uuid5(ID_NAMESPACE, f"id-{self.id_counter}")

    def new_mac_address(self) -> str:
        """A fresh MAC address from Hyper-V's 00-15-5D range."""
        self.id_counter += 1
        return f"00155D{self.id_counter & 0xFFFFFF:06X}"

    # event log

    def log_event(
        self,
        host: str,
        log_name: str,
        event_id: int,
        message: str,
        level: EventLevel = EventLevel.Information,
    ) -> LabEvent:
        """Append an event stamped with the current lab time."""
        event = LabEvent(
            time=self.clock.seconds,
            host=host,
            log_name=log_name,
            event_id=event_id,
            level=level,
            message=message,
        )
        self.events.append(event)
        return event
