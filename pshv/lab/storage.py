"""Where a VM's files would go in a storage move: the plan, not the move.

`plan_storage_move` turns the storage parameters of Move-VM / Move-VMStorage / Compare-VM into
a list of file moves (source seen from the VM's host, destination seen from the destination
host) plus the VM's new folders.  `pshv.lab.compat` checks a plan; `pshv.lab.ops.
apply_storage_plan` carries it out; the migration core can time the copies from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pshv.lab.filesystem import FileSystem, FsError, join_path, normalize_path, split_path
from pshv.lab.model import Lab, VirtualMachine


@dataclass
class FileMove:
    source: str
    destination: str
    size_bytes: int


@dataclass
class StoragePlan:
    destination_host: str
    vm_path: str
    snapshot_path: str
    smart_paging_path: str
    moves: list[FileMove] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Files the VM names that were not found at the source (the plan skips them)."""

    @property
    def total_bytes(self) -> int:
        return sum(m.size_bytes for m in self.moves)


def _rebase(path: str, old_folder: str, new_folder: str) -> str | None:
    """`path` moved from below `old_folder` to below `new_folder`, or None if not below it."""
    old = normalize_path(old_folder).rstrip("\\")
    full = normalize_path(path)
    if full.casefold().startswith(old.casefold() + "\\"):
        return join_path(new_folder, full[len(old) + 1 :])
    return None


def plan_storage_move(
    lab: Lab,
    vm: VirtualMachine,
    destination_host: str,
    *,
    destination_storage_path: str | None = None,
    virtual_machine_path: str | None = None,
    snapshot_file_path: str | None = None,
    smart_paging_file_path: str | None = None,
    vhd_destinations: dict[str, str] | None = None,
    use_host_defaults: bool = False,
) -> StoragePlan:
    """Plan where each of the VM's files goes.

    * `destination_storage_path` D: everything below D, disks in ``D\\Virtual Hard Disks``
      (Move-VM -IncludeStorage -DestinationStoragePath, Move-VMStorage -DestinationStoragePath);
    * `use_host_defaults`: the destination host's VirtualMachinePath and VirtualHardDiskPath
      (Move-VM -IncludeStorage without a path);
    * otherwise only what is named moves: the three folder paths and `vhd_destinations`
      (source VHD path → destination VHD path, the -Vhds hashtables).
    """
    fs = FileSystem(lab)
    source_host = lab.host_of(vm)
    target = lab.host(destination_host)
    disk_folder: str | None = None
    if destination_storage_path:
        vm_path = snapshot_path = paging_path = destination_storage_path
        disk_folder = join_path(destination_storage_path, "Virtual Hard Disks")
    elif use_host_defaults:
        vm_path = snapshot_path = paging_path = target.virtual_machine_path
        disk_folder = target.virtual_hard_disk_path
    else:
        vm_path, snapshot_path, paging_path = vm.path, vm.snapshot_file_location, vm.smart_paging_file_path
    vm_path = virtual_machine_path or vm_path
    snapshot_path = snapshot_file_path or snapshot_path
    paging_path = smart_paging_file_path or paging_path
    named = {normalize_path(k).casefold(): v for k, v in (vhd_destinations or {}).items()}

    wanted: list[tuple[str, str]] = []
    for old, new in zip(vm.configuration_files(), vm.configuration_files(vm_path)):
        wanted.append((old, new))
    for disk in vm.disk_paths():
        new = named.get(normalize_path(disk).casefold())
        if new is None and disk_folder is not None:
            new = join_path(disk_folder, split_path(disk)[1])
        wanted.append((disk, new or disk))
    for checkpoint in vm.checkpoints:
        for kept in checkpoint.files:
            new = _rebase(kept, vm.snapshot_file_location, snapshot_path)
            if new is None and disk_folder is not None:
                new = join_path(disk_folder, split_path(kept)[1])
            wanted.append((kept, new or kept))

    plan = StoragePlan(target.name, vm_path, snapshot_path, paging_path)
    seen: set[str] = set()
    for old, new in wanted:
        if old.casefold() in seen:
            continue
        seen.add(old.casefold())
        try:
            source = fs.resolve(source_host, old)
            size = fs.size_of(source_host, old)
        except FsError:
            plan.missing.append(old)
            continue
        try:
            destination = fs.resolve(target, new)
            same_place = destination.volume is source.volume and [
                p.casefold() for p in destination.parts
            ] == [p.casefold() for p in source.parts]
        except FsError:
            same_place = False
        if not same_place:
            plan.moves.append(FileMove(old, new, size))
    return plan

