"""Compatibility engine: what stops a VM from moving to a host (Compare-VM, Move-VM's checks).

One rule per requirement of a Hyper-V migration.  Each finding is an `Incompatibility` whose
`source` is the lab object to fix (the network adapter, the drive, the VM, a host), so a script
can fix it (e.g. reconnect the adapter) and `recheck` the report.

Message ids: only 33012 ("Could not find Ethernet switch") is a recorded Hyper-V id; the others
are the lab's own numbers (block 26001–26016) in Hyper-V's style.  Message texts are Hyper-V's
where the reference records one (migration disabled on the source, processor, switch, memory,
CredSSP and Kerberos failures); the rest are written in the same style and marked below.

A destination that is the VM's own host gives exactly one finding, code "SameHost" (message id
26001), and nothing else is checked: there is no host move.  A storage-only move (Move-VMStorage)
is such a move by nature, so a caller checking one skips that finding.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pshv.lab.enums import MigrationAuthenticationType, OperationType, VMState
from pshv.lab.filesystem import AccessDenied, FileSystem, FsError, parse_path
from pshv.lab.model import Host, Lab, NetworkInterface, VirtualMachine
from pshv.lab.storage import StoragePlan, plan_storage_move
from pshv.lab.versions import supported_vm_versions, supports_vm_version

SWITCH_NOT_FOUND = 33012  # recorded (Compare-VM documentation)
SAME_HOST = 26001
SAME_HOST_CODE = "SameHost"
HYPERV_NOT_INSTALLED = 26002
MIGRATION_DISABLED_SOURCE = 26003
MIGRATION_DISABLED_DESTINATION = 26004
DOMAIN_NOT_TRUSTED = 26005
PROCESSOR_VENDOR = 26006
PROCESSOR_FEATURES = 26007
VERSION_NOT_SUPPORTED = 26008
PASS_THROUGH_DISK = 26009
STORAGE_UNREACHABLE = 26010
STORAGE_ACCESS_DENIED = 26011
STORAGE_SPACE = 26012
STORAGE_MISSING = 26013
MEMORY = 26014
MIGRATION_NETWORK = 26015
AUTHENTICATION = 26016

RUNTIME_STATES = {VMState.Running, VMState.Paused, VMState.Saved, VMState.Starting, VMState.Stopping,
                  VMState.Saving, VMState.Pausing, VMState.Resuming}
"""States that carry processor state, so processor compatibility matters."""

Report = Callable[[str, int, object, str], None]


@dataclass
class Incompatibility:
    """One reason the move cannot happen (VMCompatibilityError: Message, MessageId, Source)."""

    message: str
    message_id: int
    source: object
    code: str


@dataclass
class CompatibilityReport:
    """A check and its parameters, so it can be re-run after fixes (VMCompatibilityReport) and
    the move it describes made (Move-VM -CompatibilityReport): every destination it was asked
    for is kept."""

    vm: VirtualMachine
    destination_host: str
    include_storage: bool
    destination_storage_path: str | None
    vhd_destinations: dict[str, str] | None
    run_from_host: str
    live: bool
    incompatibilities: list[Incompatibility] = field(default_factory=list)
    virtual_machine_path: str | None = None
    snapshot_file_path: str | None = None
    smart_paging_file_path: str | None = None

    @property
    def operation_type(self) -> OperationType:
        # files named for the destination move, so storage moves with the VM (as Move-VM's core sees it)
        moves_storage = self.include_storage or bool(
            self.destination_storage_path or self.vhd_destinations or self.virtual_machine_path
            or self.snapshot_file_path or self.smart_paging_file_path)
        return OperationType.MoveVirtualMachineAndStorage if moves_storage else OperationType.MoveVirtualMachine

    def move_options(self) -> dict[str, object]:
        """Where the report puts the VM's files, as `check_migration` and the migration core take them."""
        return {"include_storage": self.include_storage, "destination_storage_path": self.destination_storage_path,
                "virtual_machine_path": self.virtual_machine_path, "snapshot_file_path": self.snapshot_file_path,
                "smart_paging_file_path": self.smart_paging_file_path}


def compare_vm(
    lab: Lab,
    vm: VirtualMachine,
    destination_host: str,
    *,
    include_storage: bool = False,
    destination_storage_path: str | None = None,
    vhd_destinations: dict[str, str] | None = None,
    virtual_machine_path: str | None = None,
    snapshot_file_path: str | None = None,
    smart_paging_file_path: str | None = None,
    run_from_host: str | None = None,
    live: bool | None = None,
) -> CompatibilityReport:
    """Build a report for moving `vm` (run from the console host and live when the VM runs,
    unless told otherwise)."""
    report = CompatibilityReport(
        vm=vm,
        destination_host=lab.host(destination_host).name,
        include_storage=include_storage,
        destination_storage_path=destination_storage_path,
        vhd_destinations=vhd_destinations,
        run_from_host=run_from_host or lab.console_host,
        live=vm.state == VMState.Running if live is None else live,
        virtual_machine_path=virtual_machine_path,
        snapshot_file_path=snapshot_file_path,
        smart_paging_file_path=smart_paging_file_path,
    )
    return recheck(lab, report)


def recheck(lab: Lab, report: CompatibilityReport) -> CompatibilityReport:
    """Re-run the checks of a report in place (Compare-VM -CompatibilityReport)."""
    report.incompatibilities = check_migration(
        lab,
        report.vm,
        report.destination_host,
        vhd_destinations=report.vhd_destinations,
        run_from_host=report.run_from_host,
        live=report.live,
        **report.move_options(),
    )
    return report


def check_migration(
    lab: Lab,
    vm: VirtualMachine,
    destination_host: str,
    *,
    include_storage: bool,
    destination_storage_path: str | None,
    vhd_destinations: dict[str, str] | None,
    run_from_host: str,
    live: bool,
    virtual_machine_path: str | None = None,
    snapshot_file_path: str | None = None,
    smart_paging_file_path: str | None = None,
) -> list[Incompatibility]:
    """Every reason `vm` cannot move to `destination_host`, in the order Hyper-V checks.

    A move that names any destination for the VM's files (-IncludeStorage, -DestinationStoragePath,
    -VirtualMachinePath, -SnapshotFilePath, -SmartPagingFilePath, -Vhds) is checked on the storage
    plan the migration core will carry out; the named folders themselves must be usable from the
    destination host.  Otherwise the destination must reach the files where they are.

    When `destination_host` is the VM's own host the result is just the SAME_HOST_CODE finding
    (see the module's docstring)."""
    source = lab.host_of(vm)
    target = lab.host(destination_host)
    found: list[Incompatibility] = []

    def add(message: str, message_id: int, culprit: object, code: str) -> None:
        found.append(Incompatibility(message, message_id, culprit, code))

    if target is source:
        # lab wording
        add(f"The virtual machine '{vm.name}' is already on host '{target.name}'.", SAME_HOST, vm,
            SAME_HOST_CODE)
        return found
    if not target.hyperv_installed:
        # lab wording
        add(f"The Hyper-V role is not installed on computer '{target.name}'.", HYPERV_NOT_INSTALLED,
            target, "HyperVNotInstalled")
        return found
    same_cluster = _same_cluster(lab, source, target)

    if live:
        _check_migration_enabled(source, target, add)
    if not lab.domains_trust(source.domain, target.domain):
        # lab wording
        add(f"Host '{target.name}' is in domain '{target.domain}', which neither is nor trusts "
            f"domain '{source.domain}' of host '{source.name}'.", DOMAIN_NOT_TRUSTED, target, "DomainNotTrusted")
    if live or vm.state in RUNTIME_STATES:
        _check_processor(vm, source, target, add)
    if not supports_vm_version(target.os, vm.version):
        # lab wording
        supported = ", ".join(supported_vm_versions(target.os))
        add(f"The virtual machine '{vm.name}' has configuration version {vm.version}, which host "
            f"'{target.name}' does not support (it supports {supported}).", VERSION_NOT_SUPPORTED, vm,
            "VersionNotSupported")
    for adapter in vm.network_adapters:
        if adapter.switch_name is not None and target.switch(adapter.switch_name) is None:
            add(f"Could not find Ethernet switch '{adapter.switch_name}'.", SWITCH_NOT_FOUND, adapter,
                "SwitchNotFound")
    folders = [f for f in (virtual_machine_path, snapshot_file_path, smart_paging_file_path) if f]
    moves_storage = include_storage or bool(vhd_destinations) or bool(destination_storage_path) or bool(folders)
    for drive in vm.hard_drives:
        if drive.is_pass_through and not same_cluster:
            # lab wording
            add(f"The virtual machine '{vm.name}' uses pass-through disk {drive.pass_through_disk_number}, "
                "which cannot be moved to another host without failover clustering.", PASS_THROUGH_DISK, drive,
                "PassThroughDisk")
    if moves_storage:
        plan = plan_storage_move(
            lab, vm, target.name,
            destination_storage_path=destination_storage_path,
            virtual_machine_path=virtual_machine_path,
            snapshot_file_path=snapshot_file_path,
            smart_paging_file_path=smart_paging_file_path,
            vhd_destinations=vhd_destinations,
            use_host_defaults=include_storage and not destination_storage_path,
        )
        unusable = _check_folders(lab, vm, target, folders, add)
        _check_storage_plan(lab, vm, target, plan, add, unusable)
    else:
        _check_shared_storage(lab, vm, target, add)
    if vm.state in RUNTIME_STATES - {VMState.Saved}:
        needed = vm.memory.assigned_bytes or vm.memory.startup_bytes
        if needed > target.free_memory_bytes():
            add(f"'{vm.name}' could not initialize memory: Ran out of memory (0x8007000E).", MEMORY, vm,
                "InsufficientMemory")
    if live and not same_cluster:
        if not migration_paths(source, target):
            # lab wording
            add(f"No network is available for live migration between host '{source.name}' and host "
                f"'{target.name}'. Check the migration networks of both hosts (Get-VMMigrationNetwork).",
                MIGRATION_NETWORK, target, "MigrationNetwork")
        _check_authentication(lab, source, target, run_from_host, add)
    return found


def _same_cluster(lab: Lab, source: Host, target: Host) -> bool:
    cluster = lab.cluster_of(source)
    return cluster is not None and cluster.has_node(target.name)


def _check_migration_enabled(source: Host, target: Host, add: Report) -> None:
    if not source.migration.enabled:
        add("The source host is not configured for live migration. Use the Enable-VMMigration cmdlet to "
            "modify the Hyper-V settings on the source host to enable migration.",
            MIGRATION_DISABLED_SOURCE, source, "MigrationDisabledSource")
    if not target.migration.enabled:
        # lab wording, mirroring the recorded source-side text
        add("The destination host is not configured for live migration. Use the Enable-VMMigration cmdlet "
            "to modify the Hyper-V settings on the destination host to enable migration.",
            MIGRATION_DISABLED_DESTINATION, target, "MigrationDisabledDestination")


def _check_processor(vm: VirtualMachine, source: Host, target: Host, add: Report) -> None:
    if source.processor.vendor != target.processor.vendor:
        add("The virtual machine cannot be moved to the destination computer. The hardware on the "
            "destination computer is not compatible with the hardware requirements of this virtual machine.",
            PROCESSOR_VENDOR, vm.processor, "ProcessorVendor")
    elif target.processor.feature_level < source.processor.feature_level and not (
        vm.processor.compatibility_for_migration_enabled
    ):
        add(f"Virtual machine '{vm.name}' is using processor-specific features not supported on host "
            f"'{target.name}'.", PROCESSOR_FEATURES, vm.processor, "ProcessorFeatures")


def _check_shared_storage(lab: Lab, vm: VirtualMachine, target: Host, add: Report) -> None:
    """Without a storage move the destination must reach the VM's files where they are."""
    fs = FileSystem(lab)
    culprits: list[tuple[str, object]] = [(vm.path, vm)]
    culprits += [(d.path, d) for d in vm.hard_drives if d.path is not None]
    for path, culprit in culprits:
        try:
            reachable = _resolves_to_same_place(lab, lab.host_of(vm), target, path) and fs.exists(target, path)
        except AccessDenied:
            _denied(path, target, culprit, add)
            continue
        except FsError:
            reachable = False
        if not reachable:
            # lab wording
            add(f"The file or folder '{path}' of virtual machine '{vm.name}' is not accessible from host "
                f"'{target.name}'. Move the storage with the virtual machine, or place it on an SMB share or "
                "a cluster shared volume both hosts can reach.", STORAGE_UNREACHABLE, culprit,
                "StorageUnreachable")


def _resolves_to_same_place(lab: Lab, source: Host, target: Host, path: str) -> bool:
    fs = FileSystem(lab)
    here = fs.resolve(source, path)
    there = fs.resolve(target, path, computer_account=True)
    return here.volume is there.volume and [p.casefold() for p in here.parts] == [
        p.casefold() for p in there.parts
    ]


def _denied(path: str, target: Host, culprit: object, add: Report) -> None:
    # lab wording
    add(f"Host '{target.name}' has no access to '{path}': the share does not grant the computer account "
        f"'{target.name}$' full control.", STORAGE_ACCESS_DENIED, culprit, "StorageAccessDenied")


def _check_folders(lab: Lab, vm: VirtualMachine, target: Host, folders: list[str], add: Report) -> list[str]:
    """-VirtualMachinePath, -SnapshotFilePath, -SmartPagingFilePath: each folder must resolve on
    the destination host as its computer account (a share must grant it full control), and a
    C:\\ClusterStorage path must be one of its cluster's shared volumes.  Returns the folders
    found unusable (the files planned below them are not reported again)."""
    fs = FileSystem(lab)
    unusable: list[str] = []
    for folder in folders:
        if any(folder.casefold() == seen.casefold() for seen in unusable):
            continue
        if not _on_shared_volume(lab, target, folder):
            # lab wording
            add(f"The path '{folder}' is not on a cluster shared volume of host '{target.name}'.",
                STORAGE_UNREACHABLE, vm, "StorageUnreachable")
            unusable.append(folder)
            continue
        try:
            fs.resolve(target, folder, computer_account=True)
        except AccessDenied:
            _denied(folder, target, vm, add)
            unusable.append(folder)
        except FsError:
            # lab wording
            add(f"The destination path '{folder}' is not available on host '{target.name}'.",
                STORAGE_UNREACHABLE, vm, "StorageUnreachable")
            unusable.append(folder)
    return unusable


def _on_shared_volume(lab: Lab, target: Host, path: str) -> bool:
    """False for a C:\\ClusterStorage path that is no shared volume of the target's cluster."""
    parsed = parse_path(path)
    if not (parsed.drive == "C" and parsed.parts[:1] and parsed.parts[0].casefold() == "clusterstorage"):
        return True
    cluster = lab.cluster_of(target)
    return cluster is not None and cluster.shared_volume(parsed.parts[1] if len(parsed.parts) > 1 else "") is not None


def _below(path: str, folder: str) -> bool:
    path, folder = path.casefold(), folder.rstrip("\\").casefold()
    return path == folder or path.startswith(folder + "\\")


def _check_storage_plan(lab: Lab, vm: VirtualMachine, target: Host, plan: StoragePlan, add: Report,
                        unusable: Sequence[str] = ()) -> None:
    fs = FileSystem(lab)
    source = lab.host_of(vm)
    for missing in plan.missing:
        # lab wording
        add(f"The file '{missing}' of virtual machine '{vm.name}' was not found.", STORAGE_MISSING, vm,
            "StorageMissing")
    needed: dict[int, tuple[object, str, int]] = {}
    for move in plan.moves:
        if any(_below(move.destination, folder) for folder in unusable):
            continue  # its folder is already reported
        culprit = next((d for d in vm.hard_drives if d.path == move.source), vm)
        if not _on_shared_volume(lab, target, move.destination):
            # lab wording
            add(f"The path '{move.destination}' is not on a cluster shared volume of host '{target.name}'.",
                STORAGE_UNREACHABLE, culprit, "StorageUnreachable")
            continue
        try:
            location = fs.resolve(target, move.destination, computer_account=True)
        except AccessDenied:
            _denied(move.destination, target, culprit, add)
            continue
        except FsError:
            # lab wording
            add(f"The destination path '{move.destination}' is not available on host '{target.name}'.",
                STORAGE_UNREACHABLE, culprit, "StorageUnreachable")
            continue
        if fs.resolve(source, move.source).volume is location.volume:
            continue
        volume, label, total = needed.get(id(location.volume), (location.volume, location.owner, 0))
        needed[id(location.volume)] = (volume, label, total + move.size_bytes)
    for volume, label, total in needed.values():
        free = volume.free_bytes()
        if total > free:
            # lab wording
            add(f"There is not enough space on {label} for the storage of virtual machine '{vm.name}': "
                f"{total} bytes are needed and {free} bytes are free.", STORAGE_SPACE, vm, "StorageSpace")


def _check_authentication(lab: Lab, source: Host, target: Host, run_from_host: str, add: Report) -> None:
    runner = lab.find_host(run_from_host)
    if source.migration.authentication == MigrationAuthenticationType.CredSSP:
        if runner is not source:
            add(f"The Virtual Machine Management Service failed to establish a connection for a Virtual Machine "
                f"migration with host '{target.name}': No credentials are available in the security package "
                "(0x8009030E).", AUTHENTICATION, source, "CredSSP")
    elif not any(target.matches(name) for name in source.delegation_targets):
        add(f"The Virtual Machine Management Service failed to establish a connection for a Virtual Machine "
            f"migration with host '{target.name}': The target principal name is incorrect. (0x80090322).",
            AUTHENTICATION, source, "KerberosDelegation")


def _usable_nics(host: Host) -> list[NetworkInterface]:
    """NICs the host lets live migration use: all of them, or those on its migration networks."""
    if host.migration.use_any_network:
        return list(host.nics)
    usable = []
    for nic in host.nics:
        address = ipaddress.ip_address(nic.address)
        for network in host.migration.networks:
            try:
                if address in ipaddress.ip_network(network.subnet, strict=False):
                    usable.append(nic)
                    break
            except ValueError:
                continue
    return usable


def migration_paths(source: Host, target: Host) -> list[tuple[NetworkInterface, NetworkInterface]]:
    """(source NIC, destination NIC) pairs on a common subnet that both hosts allow for live
    migration, fastest first (what the migration core can carry traffic over)."""
    pairs = [
        (mine, theirs)
        for mine in _usable_nics(source)
        for theirs in _usable_nics(target)
        if ipaddress.ip_network(mine.subnet, strict=False) == ipaddress.ip_network(theirs.subnet, strict=False)
    ]
    return sorted(pairs, key=lambda pair: -min(pair[0].speed_gbps, pair[1].speed_gbps))
