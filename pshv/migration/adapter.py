"""The thin layer between the lab model and the migration core.

Reading: NICs and migration networks, performance option, spare CPU, workloads, touched
memory, volume rates, limits.  Writing (only at the documented moments): memory reserved for the
skeleton VM, destination files created while copying (space accounted) and removed on rollback,
the storage plan applied at the switch-over, the VM placed on the destination, a failed host
marked Down, events logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pshv.lab.enums import AccessPattern, EventLevel, VMState
from pshv.lab.events import HYPERV_VMMS_ADMIN
from pshv.lab.filesystem import FileSystem, FsError, split_path
from pshv.lab.fstree import File
from pshv.lab.model import Host, Lab, VirtualMachine
from pshv.lab.ops import fail_host, release_memory, reserve_memory
from pshv.migration.scheduler import Category
from pshv.migration.transports import MigrationNetwork, Nic, select_nic_pairs
from pshv.migration.workloads import PAGE_SIZE, WorkloadKind, WorkloadSpec

RUNNING_STATES = {VMState.Running, VMState.Paused}


def host_nics(host: Host) -> list[Nic]:
    return [Nic(host.name, n.name, n.speed_gbps * 1.25e8, n.subnet, n.rdma) for n in host.nics]


def _allowed(host: Host) -> list[Nic]:
    """The host's NICs its own migration-network settings let migration traffic use."""
    nics = host_nics(host)
    if host.migration.use_any_network:
        return nics
    nets = [MigrationNetwork(n.subnet, n.priority) for n in host.migration.networks]
    return [nic for nic in nics if select_nic_pairs([nic], [nic], use_any_network=False, networks=nets)]


def nic_pairs(source: Host, destination: Host) -> list[tuple[Nic, Nic]]:
    """NIC pairs allowed at both ends, ranked by the source's migration networks."""
    nets = [MigrationNetwork(n.subnet, n.priority) for n in source.migration.networks]
    return select_nic_pairs(
        _allowed(source),
        _allowed(destination),
        use_any_network=source.migration.use_any_network,
        networks=nets,
    )


def performance_option(host: Host) -> str:
    return host.migration.performance.name


def spare_logical_processors(host: Host) -> int:
    """Logical processors not used by the host's running VMs."""
    busy = sum(vm.processor.count for vm in host.vms if vm.state in RUNNING_STATES)
    return max(host.logical_processors - busy, 0)


def memory_pages(vm: VirtualMachine) -> int:
    size = vm.memory.assigned_bytes or vm.memory.startup_bytes
    return size // PAGE_SIZE


def utilized_pages(vm: VirtualMachine) -> int:
    """Bitmap of the pages pass 0 sends: the memory the guest has touched, from page 0 (where
    its working set lies too); the untouched rest is zero pages."""
    touched = min(vm.memory.touched_bytes // PAGE_SIZE, memory_pages(vm))
    return (1 << touched) - 1


def workload_spec(vm: VirtualMachine) -> WorkloadSpec:
    """The guest's memory workload; a VM that is not running writes nothing."""
    w = vm.workload
    pages = memory_pages(vm)
    wss = min(w.writable_working_set_bytes // PAGE_SIZE or pages, pages)
    if vm.state not in RUNNING_STATES or w.dirty_rate_mb_per_s <= 0:
        return WorkloadSpec("Idle", compressibility=w.compressibility)
    kind: WorkloadKind = {
        AccessPattern.Sequential: "Sequential",
        AccessPattern.Random: "Random",
        AccessPattern.Hotspot: "Hotspot",
    }[w.access_pattern]
    return WorkloadSpec(
        kind,
        rate=w.dirty_rate_mb_per_s * 1e6,
        working_set_pages=wss,
        compressibility=w.compressibility,
        hot_fraction=w.hot_set_fraction or 0.1,
    )


def volume_of(lab: Lab, host: Host | str, path: str) -> tuple[str, float, float]:
    """(name, read bytes/s, write bytes/s) of the volume holding ``path`` as seen from ``host``."""
    location = FileSystem(lab).resolve(host, path)
    v = location.volume
    return location.owner, v.read_mb_per_s * 1e6, v.write_mb_per_s * 1e6


def limit_of(lab: Lab, host_name: str, category: Category) -> int:
    """Simultaneous migrations a host allows; a cluster's MaximumParallelMigrations wins."""
    host = lab.host(host_name)
    if category == "storage":
        return host.migration.maximum_storage_migrations
    cluster = lab.cluster_of(host)
    return cluster.maximum_parallel_migrations if cluster else host.migration.maximum_vm_migrations


def same_cluster(lab: Lab, hosts: tuple[str, ...]) -> bool:
    clusters = {id(lab.cluster_of(h)) if lab.cluster_of(h) else None for h in hosts}
    return len(clusters) == 1 and None not in clusters


def host_failed(lab: Lab, host: str) -> None:
    """A HostFailure fault: the lab's host goes Down (its VMs crash, its reservations vanish)."""
    failed = lab.find_host(host)
    if failed is not None:
        fail_host(lab, failed)


def log(lab: Lab, host: str, event_id: int, message: str, level: EventLevel) -> None:
    lab.log_event(host, HYPERV_VMMS_ADMIN, event_id, message, level)


@dataclass
class Footprint:
    """What a migration put on the destination before its switch-over, so it can be undone."""

    lab: Lab
    reservations: list[tuple[str, str]] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    folders: list[tuple[str, str]] = field(default_factory=list)

    def reserve(self, host: str, key: str, size: int) -> None:
        reserve_memory(self.lab, host, key, size)
        self.reservations.append((host, key))

    def release_memory(self) -> None:
        for host, key in self.reservations:
            release_memory(self.lab, host, key)
        self.reservations.clear()

    def create_file(self, host: str, path: str, like: File | None, size: int) -> None:
        """Create the destination copy of a file at full size (raises VolumeFull if no room)."""
        fs = FileSystem(self.lab)
        self._make_folders(host, split_path(path)[0])
        vhd = like.vhd.model_copy() if like is not None and like.vhd is not None else None
        fs.write_file(host, path, size_bytes=size, vhd=vhd, overwrite=False)
        self.files.append((host, path))

    def _make_folders(self, host: str, folder: str) -> None:
        fs = FileSystem(self.lab)
        missing = []
        while folder and not fs.exists(host, folder):
            missing.append(folder)
            parent = split_path(folder)[0]
            if parent == folder:
                break
            folder = parent
        for f in reversed(missing):
            fs.make_folder(host, f, exist_ok=True)
            self.folders.append((host, f))

    def remove_placeholders(self) -> None:
        """At the switch-over: drop the placeholder files (the real ones move in), keep folders."""
        fs = FileSystem(self.lab)
        for host, path in self.files:
            if fs.exists(host, path):
                fs.delete(host, path)
        self.files.clear()
        self.folders.clear()

    def remove_files(self) -> None:
        """Delete the files and then the (now empty) folders this migration created."""
        fs = FileSystem(self.lab)
        for host, path in reversed(self.files):
            if fs.exists(host, path):
                fs.delete(host, path)
        self.files.clear()
        for host, folder in reversed(self.folders):
            try:
                if fs.exists(host, folder) and not fs.list_folder(host, folder):
                    fs.delete(host, folder)
            except FsError:
                pass
        self.folders.clear()

    def undo(self) -> None:
        self.release_memory()
        self.remove_files()
