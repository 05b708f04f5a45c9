"""Small state changes of the lab that keep its invariants by construction.

These are the building blocks for cmdlets (New-VM, Remove-VM, Add-VMHardDiskDrive, Start-VM …)
and for the migration core (place a VM on a host, reserve memory, relocate files).  They hold no
migration logic: no timing, no traffic, no policy.
"""

from __future__ import annotations

import uuid

from pshv.lab.base import MiB
from pshv.lab.enums import ClusterGroupState, ClusterNodeState, ControllerType, HostState, VhdType, VMState
from pshv.lab.filesystem import FileSystem, NotAFile, PathExists, VolumeFull, join_path, split_path
from pshv.lab.fstree import File, Folder, VhdHeader
from pshv.lab.model import (
    HardDiskDrive,
    Host,
    Lab,
    MemoryReservation,
    NetworkAdapter,
    StorageVolume,
    VirtualMachine,
    VMMemory,
    VMProcessor,
)
from pshv.lab.storage import StoragePlan

CONFIG_FILE_SIZES = {".vmcx": 72 * 1024, ".vmrs": 48 * 1024, ".vmgs": 1 * MiB}
"""Bytes of a VM's configuration (.vmcx), runtime state (.vmrs) and guest state (.vmgs) files."""

MEMORY_HOLDING_STATES = {VMState.Running, VMState.Paused, VMState.Starting, VMState.Stopping,
                         VMState.Saving, VMState.Pausing, VMState.Resuming}


class LabOperationError(Exception):
    """A lab operation that cannot be done in the current state."""


class InsufficientMemory(LabOperationError):
    def __init__(self, host: str, needed_bytes: int, free_bytes: int):
        super().__init__(f"{host} needs {needed_bytes} bytes of memory, {free_bytes} free")
        self.host = host
        self.needed_bytes = needed_bytes
        self.free_bytes = free_bytes


class NameInUse(LabOperationError):
    """A VM with that name or id is already registered on the host."""


class HostDown(LabOperationError):
    """The host has failed: nothing can be registered, started or reserved on it."""


def _host(lab: Lab, host: Host | str) -> Host:
    return host if isinstance(host, Host) else lab.host(host)


def _ensure_up(host: Host) -> None:
    if host.state == HostState.Down:
        raise HostDown(f"host '{host.name}' is down")


def create_vm(
    lab: Lab,
    host: Host | str,
    name: str,
    *,
    memory_startup_bytes: int = 512 * MiB,
    generation: int = 2,
    version: str | None = None,
    path: str | None = None,
    processor_count: int = 1,
    switch_name: str | None = None,
    vm_id: uuid.UUID | None = None,
    mac_address: str | None = None,
) -> VirtualMachine:
    """Register a new, stopped VM and write its configuration files under `path`.

    `path` is the VM's configuration folder (default: the host's VirtualMachinePath).  Like
    New-VM, the VM gets one network adapter, connected to `switch_name` when given.
    """
    from pshv.lab.versions import default_vm_version

    owner = _host(lab, host)
    _ensure_up(owner)
    if owner.vm(name) is not None:
        raise NameInUse(f"a virtual machine named '{name}' exists on {owner.name}")
    if vm_id is not None and lab.vm_by_id(vm_id) is not None:
        raise NameInUse(f"a virtual machine with id {vm_id} exists")
    folder = path or owner.virtual_machine_path
    vm = VirtualMachine(
        name=name,
        id=vm_id or lab.new_uuid(),
        generation=generation,
        version=version or default_vm_version(owner.os),
        memory=VMMemory(
            startup_bytes=memory_startup_bytes,
            minimum_bytes=min(512 * MiB, memory_startup_bytes),
            maximum_bytes=1024**4,
        ),
        processor=VMProcessor(count=processor_count),
        network_adapters=[
            NetworkAdapter(
                id=lab.new_uuid(), switch_name=switch_name, mac_address=mac_address or lab.new_mac_address()
            )
        ],
        path=folder,
        snapshot_file_location=folder,
        smart_paging_file_path=folder,
        creation_time=lab.clock.seconds,
    )
    fs = FileSystem(lab)
    written: list[str] = []
    try:
        fs.make_folder(owner, join_path(folder, "Virtual Machines"), exist_ok=True)
        for file_path in vm.configuration_files():
            suffix = file_path[file_path.rindex(".") :]
            fs.write_file(owner, file_path, size_bytes=CONFIG_FILE_SIZES[suffix], overwrite=False)
            written.append(file_path)
    except Exception:
        for file_path in written:
            fs.delete(owner, file_path)
        raise
    owner.vms.append(vm)
    return vm


def remove_vm(lab: Lab, vm: VirtualMachine) -> None:
    """Unregister a VM and delete its configuration files (its disks stay, as with Remove-VM)."""
    owner = lab.host_of(vm)
    for cluster in lab.clusters:
        cluster.groups = [g for g in cluster.groups if g.vm_id != vm.id]
    owner.vms = [v for v in owner.vms if v is not vm]
    fs = FileSystem(lab)
    for file_path in vm.configuration_files():
        if fs.exists(owner, file_path) and fs.user_of(fs.resolve(owner, file_path)) is None:
            fs.delete(owner, file_path)


def add_hard_disk(
    lab: Lab,
    vm: VirtualMachine,
    path: str,
    *,
    max_size_bytes: int | None = None,
    used_bytes: int = 4 * MiB,
    vhd_type: VhdType = VhdType.Dynamic,
    controller_type: ControllerType = ControllerType.SCSI,
    controller_number: int = 0,
) -> HardDiskDrive:
    """Attach a VHD to the VM at the next free location of the controller.

    With `max_size_bytes`, the file is created first (New-VHD), using `used_bytes` of space
    (the whole size for a fixed disk); without it, the file must already exist.
    """
    owner = lab.host_of(vm)
    fs = FileSystem(lab)
    if max_size_bytes is not None:
        size = max_size_bytes if vhd_type == VhdType.Fixed else used_bytes
        header = VhdHeader(max_size_bytes=max_size_bytes, vhd_type=vhd_type)
        fs.write_file(owner, path, size_bytes=size, vhd=header, overwrite=False)
    elif not fs.is_file(owner, path):
        fs.get_item(owner, path)  # raises PathNotFound when nothing is there
        raise NotAFile(path)
    taken = {
        d.controller_location
        for d in [*vm.hard_drives, *vm.dvd_drives]
        if d.controller_type == controller_type and d.controller_number == controller_number
    }
    location = next(i for i in range(64) if i not in taken)
    drive = HardDiskDrive(
        controller_type=controller_type,
        controller_number=controller_number,
        controller_location=location,
        path=path,
    )
    vm.hard_drives.append(drive)
    return drive


def remove_hard_disk(vm: VirtualMachine, drive: HardDiskDrive) -> None:
    """Detach a drive; its file stays."""
    vm.hard_drives = [d for d in vm.hard_drives if d is not drive]


def vhd_file(lab: Lab, vm: VirtualMachine, drive: HardDiskDrive) -> File:
    """The VHD file behind a drive: `size_bytes` is the space it uses, `vhd` its header."""
    if drive.path is None:
        raise ValueError("a pass-through disk has no file")
    node = FileSystem(lab).get_item(lab.host_of(vm), drive.path)
    if not isinstance(node, File):
        raise ValueError(f"{drive.path} is a folder")
    return node


# Memory --------------------------------------------------------------------------------------


def reserve_memory(lab: Lab, host: Host | str, key: str, size_bytes: int) -> None:
    """Set memory aside on a host under `key` (replacing an earlier reservation of that key)."""
    owner = _host(lab, host)
    _ensure_up(owner)
    release_memory(lab, owner, key)
    free = owner.free_memory_bytes()
    if size_bytes > free:
        raise InsufficientMemory(owner.name, size_bytes, free)
    owner.memory_reservations.append(MemoryReservation(key=key, bytes=size_bytes))


def release_memory(lab: Lab, host: Host | str, key: str) -> None:
    """Drop the reservation made under `key`, if any."""
    owner = _host(lab, host)
    owner.memory_reservations = [r for r in owner.memory_reservations if r.key != key]


def set_vm_state(lab: Lab, vm: VirtualMachine, state: VMState) -> None:
    """Change a VM's state, assigning or freeing its memory and stamping its start time.

    A VM that gets memory counts all of it as touched (see `VMMemory.touched_bytes`)."""
    owner = lab.host_of(vm)
    holds_memory = state in MEMORY_HOLDING_STATES
    if holds_memory:
        _ensure_up(owner)
    if holds_memory and vm.memory.assigned_bytes == 0:
        free = owner.free_memory_bytes()
        if vm.memory.startup_bytes > free:
            raise InsufficientMemory(owner.name, vm.memory.startup_bytes, free)
        vm.memory.assigned_bytes = vm.memory.touched_bytes = vm.memory.startup_bytes
    if not holds_memory:
        vm.memory.assigned_bytes = vm.memory.touched_bytes = 0
    if state == VMState.Running and vm.started_at is None:
        vm.started_at = lab.clock.seconds
    if not holds_memory:
        vm.started_at = None
    vm.state = state


def fail_host(lab: Lab, host: Host | str) -> None:
    """A host crashes: it goes Down, its running VMs drop to Off (saved ones keep their saved
    state), its memory reservations vanish and, on a cluster node, the node goes Down and the
    roles it owned are Failed."""
    owner = _host(lab, host)
    for vm in owner.vms:
        if vm.state in MEMORY_HOLDING_STATES:
            set_vm_state(lab, vm, VMState.Off)
    owner.memory_reservations = []
    owner.state = HostState.Down
    cluster = lab.cluster_of(owner)
    if cluster is not None:
        node = cluster.node(owner.name)
        if node is not None:
            node.state = ClusterNodeState.Down
        for group in cluster.groups:
            if owner.matches(group.owner_node):
                group.state = ClusterGroupState.Failed


# Placement and files --------------------------------------------------------------------------


class ClusteredVM(LabOperationError):
    """A clustered VM can only be placed on a node of its cluster."""


def _check_placement(lab: Lab, vm: VirtualMachine, target: Host) -> None:
    _ensure_up(target)
    if lab.host_of(vm) is target:
        return
    if target.vm(vm.name) is not None:
        raise NameInUse(f"a virtual machine named '{vm.name}' exists on {target.name}")
    for cluster in lab.clusters:
        if cluster.group_for(vm.id) is not None and not cluster.has_node(target.name):
            raise ClusteredVM(f"'{vm.name}' is a role of cluster {cluster.name}; {target.name} is not a node")


def place_vm(lab: Lab, vm: VirtualMachine, destination: Host | str) -> None:
    """Register the VM on another host (its files stay where its paths say).

    A clustered VM may only go to a node of its cluster, and its role follows it.
    """
    target = _host(lab, destination)
    _check_placement(lab, vm, target)
    source = lab.host_of(vm)
    if source is target:
        return
    source.vms = [v for v in source.vms if v is not vm]
    target.vms.append(vm)
    for cluster in lab.clusters:
        group = cluster.group_for(vm.id)
        if group is not None:
            group.owner_node = target.name


def _check_storage_plan(fs: FileSystem, source_host: Host, target_host: Host, plan: StoragePlan) -> None:
    """Raise whatever `apply_storage_plan` would meet halfway through, before anything moves.

    Every source must be a file; every destination must be free, distinct from the plan's other
    destinations (two disks with the same file name moved to one folder clash) and reachable by
    creating folders only: no existing file, nor a file the plan puts there, may lie on the way
    to a destination or to one of the VM's new folders.  Each volume needs room for what arrives
    from other volumes.
    """
    arriving: dict[tuple[int, tuple[str, ...]], str] = {}
    needed: dict[int, tuple[StorageVolume, str, int]] = {}
    for move in plan.moves:
        if not fs.is_file(source_host, move.source):
            fs.get_item(source_host, move.source)  # raises PathNotFound when nothing is there
            raise NotAFile(move.source)
        destination = fs.resolve(target_host, move.destination, computer_account=True)
        key = (id(destination.volume), tuple(p.casefold() for p in destination.parts))
        if key in arriving or fs.exists(target_host, move.destination):
            raise PathExists(move.destination)
        arriving[key] = move.destination
        if fs.resolve(source_host, move.source).volume is not destination.volume:
            volume, path, total = needed.get(id(destination.volume), (destination.volume, move.destination, 0))
            needed[id(destination.volume)] = (volume, path, total + move.size_bytes)
    for volume, path, total in needed.values():
        if total > volume.free_bytes():
            raise VolumeFull(path, total, volume.free_bytes())
    folders = [split_path(m.destination)[0] for m in plan.moves]
    folders += [plan.vm_path, plan.snapshot_path, plan.smart_paging_path]
    for folder in folders:
        location = fs.resolve(target_host, folder, computer_account=True)
        node: Folder | File | None = location.volume.root
        for depth in range(1, len(location.parts) + 1):
            key = (id(location.volume), tuple(p.casefold() for p in location.parts[:depth]))
            node = node.child(location.parts[depth - 1]) if isinstance(node, Folder) else None
            if isinstance(node, File) or key in arriving:
                raise PathExists(folder, f"'{location.parts[depth - 1]}' is a file")


def apply_storage_plan(lab: Lab, vm: VirtualMachine, plan: StoragePlan) -> None:
    """Move the VM's files as `plan` says, point the VM at them and register it on
    `plan.destination_host` (a storage-only move plans for the VM's own host).

    Sources are seen from the VM's current host, destinations from the destination host.
    Everything that could fail (placement, reachability, name clashes, space per volume) is
    checked before the first file moves, so a failure changes nothing.
    """
    fs = FileSystem(lab)
    source_host = lab.host_of(vm)
    target_host = lab.host(plan.destination_host)
    _check_placement(lab, vm, target_host)
    _check_storage_plan(fs, source_host, target_host, plan)
    for move in plan.moves:
        fs.make_folder(target_host, split_path(move.destination)[0], exist_ok=True)
        fs.move(source_host, move.source, move.destination, destination_host=target_host, allow_in_use=True)
    for folder in (plan.vm_path, plan.snapshot_path, plan.smart_paging_path):
        fs.make_folder(target_host, folder, exist_ok=True)
    moved = {m.source.casefold(): m.destination for m in plan.moves}
    for drive in vm.hard_drives:
        if drive.path is not None:
            drive.path = moved.get(drive.path.casefold(), drive.path)
    for checkpoint in vm.checkpoints:
        checkpoint.files = [moved.get(f.casefold(), f) for f in checkpoint.files]
    vm.path = plan.vm_path
    vm.snapshot_file_location = plan.snapshot_path
    vm.smart_paging_file_path = plan.smart_paging_path
    place_vm(lab, vm, target_host)
