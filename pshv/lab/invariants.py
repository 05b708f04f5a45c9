"""Whole-lab consistency rules that field validation alone cannot express.

Each violation names where it was found as a JSON path into the lab file
(``hosts[0].vms[2].hard_drives[0].path``), so a hand-edited lab file can be fixed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from pshv.lab.enums import ClusterGroupState, ClusterNodeState, HostState
from pshv.lab.filesystem import FileSystem, FsError
from pshv.lab.fstree import File, Folder
from pshv.lab.model import Host, Lab, VirtualMachine
from pshv.lab.ops import MEMORY_HOLDING_STATES

Report = Callable[[str, str], None]


@dataclass(frozen=True)
class Violation:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class InvariantError(Exception):
    def __init__(self, violations: list[Violation]):
        super().__init__("; ".join(str(v) for v in violations))
        self.violations = violations


def check_invariants(lab: Lab) -> list[Violation]:
    """Every rule the lab breaks, or an empty list."""
    found: list[Violation] = []

    def add(where: str, message: str) -> None:
        found.append(Violation(where, message))

    host_names = {h.name.casefold() for h in lab.hosts}
    domain_names = {d.name.casefold() for d in lab.domains}
    fs = FileSystem(lab)

    if lab.console_host.casefold() not in host_names:
        add("console_host", f"unknown host '{lab.console_host}'")
    seen_hosts: set[str] = set()
    seen_ids: dict[object, str] = {}
    for h, host in enumerate(lab.hosts):
        where = f"hosts[{h}]"
        if host.name.casefold() in seen_hosts:
            add(f"{where}.name", f"duplicate host name '{host.name}'")
        seen_hosts.add(host.name.casefold())
        if host.domain.casefold() not in domain_names:
            add(f"{where}.domain", f"unknown domain '{host.domain}'")
        letters = [v.letter for v in host.volumes]
        if len(set(letters)) != len(letters):
            add(f"{where}.volumes", "two volumes share a drive letter")
        for v, volume in enumerate(host.volumes):
            if volume.free_bytes() < 0:
                add(f"{where}.volumes[{v}]", f"{volume.letter}: holds more than its capacity")
        for t, target in enumerate(host.delegation_targets):
            if target.casefold() not in host_names:
                add(f"{where}.delegation_targets[{t}]", f"unknown host '{target}'")
        if host.free_memory_bytes() < 0:
            add(f"{where}.memory_bytes", "running VMs and reservations exceed the host's memory")
        down = host.state == HostState.Down
        if down and host.memory_reservations:
            add(f"{where}.memory_reservations", f"{host.name} is down but holds memory reservations")
        seen_vm_names: set[str] = set()
        for m, vm in enumerate(host.vms):
            vm_where = f"{where}.vms[{m}]"
            if vm.name.casefold() in seen_vm_names:
                add(f"{vm_where}.name", f"duplicate VM name '{vm.name}' on {host.name}")
            seen_vm_names.add(vm.name.casefold())
            if vm.id in seen_ids:
                add(f"{vm_where}.id", f"VM id {vm.id} is also registered on {seen_ids[vm.id]}")
            seen_ids[vm.id] = host.name
            if vm.memory.touched_bytes > vm.memory.assigned_bytes:
                add(f"{vm_where}.memory.touched_bytes", "more than the assigned memory")
            if down and (vm.memory.assigned_bytes or vm.state in MEMORY_HOLDING_STATES):
                add(f"{vm_where}.state", f"'{vm.name}' runs on {host.name}, which is down")
            _check_vm_files(fs, host, vm, vm_where, add)

    for s, share in enumerate(lab.shares):
        where = f"shares[{s}]"
        if share.server.casefold() not in host_names:
            add(f"{where}.server", f"unknown host '{share.server}'")
            continue
        if not fs.is_folder(share.server, share.path):
            add(f"{where}.path", f"folder '{share.path}' does not exist on {share.server}")
        for a, account in enumerate(share.full_access):
            if account.casefold() not in host_names:
                add(f"{where}.full_access[{a}]", f"unknown host '{account}'")

    for c, cluster in enumerate(lab.clusters):
        where = f"clusters[{c}]"
        for n, node in enumerate(cluster.nodes):
            if node.name.casefold() not in host_names:
                add(f"{where}.nodes[{n}].name", f"unknown host '{node.name}'")
            elif lab.host(node.name).state == HostState.Down and node.state != ClusterNodeState.Down:
                add(f"{where}.nodes[{n}].state", f"host '{node.name}' is down")
        for v, csv in enumerate(cluster.shared_volumes):
            if not cluster.has_node(csv.owner_node):
                add(f"{where}.shared_volumes[{v}].owner_node", f"'{csv.owner_node}' is not a node")
            if csv.free_bytes() < 0:
                add(f"{where}.shared_volumes[{v}]", f"{csv.name} holds more than its capacity")
        for g, group in enumerate(cluster.groups):
            vm = lab.vm_by_id(group.vm_id)
            if vm is None:
                add(f"{where}.groups[{g}].vm_id", f"no VM with id {group.vm_id}")
                continue
            if not cluster.has_node(group.owner_node):
                add(f"{where}.groups[{g}].owner_node", f"'{group.owner_node}' is not a node")
            elif not lab.host_of(vm).matches(group.owner_node):
                add(f"{where}.groups[{g}].owner_node", f"VM '{vm.name}' is not on {group.owner_node}")
            elif lab.host_of(vm).state == HostState.Down and group.state == ClusterGroupState.Online:
                add(f"{where}.groups[{g}].state", f"Online on {group.owner_node}, which is down")
    clustered_ids = {g.vm_id for cluster in lab.clusters for g in cluster.groups}
    for h, host in enumerate(lab.hosts):
        for m, vm in enumerate(host.vms):
            if vm.is_clustered != (vm.id in clustered_ids):
                add(f"hosts[{h}].vms[{m}].is_clustered", "does not match the clusters' roles")
    return found


def _check_vm_files(fs: FileSystem, host: Host, vm: VirtualMachine, where: str, add: Report) -> None:
    """The VM's folders exist, and so does every file it names (disks being VHD files)."""
    for field, folder in (("path", vm.path), ("snapshot_file_location", vm.snapshot_file_location),
                          ("smart_paging_file_path", vm.smart_paging_file_path)):
        if not fs.is_folder(host, folder):
            add(f"{where}.{field}", f"folder '{folder}' does not exist")
    for path in vm.configuration_files():
        if not fs.is_file(host, path):
            add(f"{where}.path", f"configuration file '{path}' does not exist")
    for d, drive in enumerate(vm.hard_drives):
        if drive.path is None:
            if drive.pass_through_disk_number is None:
                add(f"{where}.hard_drives[{d}]", "neither a file nor a pass-through disk")
            continue
        node = _item(fs, host, drive.path)
        if not isinstance(node, File) or node.vhd is None:
            add(f"{where}.hard_drives[{d}].path", f"virtual hard disk '{drive.path}' does not exist")
    for d, dvd in enumerate(vm.dvd_drives):
        if dvd.path is not None and not fs.is_file(host, dvd.path):
            add(f"{where}.dvd_drives[{d}].path", f"'{dvd.path}' does not exist")
    for c, checkpoint in enumerate(vm.checkpoints):
        for f, path in enumerate(checkpoint.files):
            if not fs.is_file(host, path):
                add(f"{where}.checkpoints[{c}].files[{f}]", f"'{path}' does not exist")


def _item(fs: FileSystem, host: Host, path: str) -> Folder | File | None:
    try:
        return fs.get_item(host, path)
    except FsError:
        return None


def assert_invariants(lab: Lab) -> None:
    """Raise InvariantError listing every violation, if there is any."""
    violations = check_invariants(lab)
    if violations:
        raise InvariantError(violations)
