"""Moves inside a failover cluster: Move-ClusterVirtualMachineRole, and the -Drain / -Failback
halves of Suspend-ClusterNode / Resume-ClusterNode (their other halves live in hyperv/cluster.py).

Roles of CLU01 keep their files on the CSV, so a move is a plain live (or quick) migration between
nodes; the migration core queues a cluster's moves and runs MaximumParallelMigrations at a time.
Quick, Shutdown, ShutdownForce and TurnOff moves of a running VM save it (or turn it off) first and
bring it back to Running on the destination, as the cluster brings the role online there.  A drain
is tracked per node (`node_drains`) for DrainStatus and failback until the node is resumed.

Unverified: the text of a failed cluster move (no public transcript shows one) is "An error
occurred while moving the clustered role '<name>'." followed by the migration's own lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...lab.enums import ClusterNodeState, NodeDrainStatus, VmMigrationType, VMState
from ...lab.model import Cluster as LabCluster
from ...lab.model import ClusterGroup as LabGroup
from ...lab.model import ClusterNode as LabNode
from ...lab.ops import set_vm_state
from ...migration.service import Migration
from ...runtime import errors as E
from ...runtime.params import cmdlet, p
from ..hyperv.cluster import CLUSTER_COMMANDS, _ClusterCmdlet, cluster_error, node_drains
from ..hyperv.objects import ClusterGroup, ClusterNode
from .service import EventJournal, migration_service, wait

DOWNTIME_STATE = {VmMigrationType.Quick: VMState.Saved, VmMigrationType.Shutdown: VMState.Off,
                  VmMigrationType.ShutdownForce: VMState.Off, VmMigrationType.TurnOff: VMState.Off}


@dataclass(eq=False)
class RoleMove:
    """One role on its way to another node."""

    group: LabGroup
    migration: Migration

    @property
    def done(self) -> bool:
        return self.migration.done

    @property
    def failed(self) -> bool:
        return self.migration.done and self.migration.trace.Result != "Completed"


@dataclass(eq=False)
class Drain:
    """The roles a drain moved off a node (what -Failback brings back)."""

    node: str
    moves: list[RoleMove] = field(default_factory=list)

    def status(self) -> NodeDrainStatus:
        if any(not m.done for m in self.moves):
            return NodeDrainStatus.InProgress
        return NodeDrainStatus.Failed if any(m.failed for m in self.moves) else NodeDrainStatus.Completed


def move_error(group: LabGroup, migration: Migration) -> E.PSException:
    detail = migration.trace.Error or ""
    return cluster_error(f"An error occurred while moving the clustered role '{group.name}'.\n{detail}".rstrip(),
                         "Move-ClusterVirtualMachineRole", "NotSpecified", group.name)


def start_role_move(cmdlet, group: LabGroup, destination: str,
                    migration_type: VmMigrationType = VmMigrationType.Live) -> Migration:
    """Start moving `group`'s VM to `destination`; a non-live move of a running VM takes it down
    first and brings it back to Running when the move ends (on the destination, or the source)."""
    ctx = cmdlet.ctx
    lab = ctx.services["lab"].lab
    service = migration_service(ctx)
    vm = lab.vm_by_id(group.vm_id)
    down_state = DOWNTIME_STATE.get(migration_type) if vm.state == VMState.Running else None
    restored = False

    def bring_back(event) -> None:
        nonlocal restored
        if down_state is not None and not restored and journal.migration is not None and journal.migration.done:
            restored = True
            set_vm_state(lab, vm, VMState.Running)

    if down_state is not None:
        set_vm_state(lab, vm, down_state)
    journal = EventJournal(service, bring_back)
    migration = service.move_vm(vm, destination, run_from_host=group.owner_node, progress=journal)
    journal.started(migration)
    if migration.done:
        bring_back(None)
    return migration


def least_loaded(cluster: LabCluster, exclude: str, planned: dict[str, int]) -> LabNode | None:
    """The Up node (other than `exclude`) owning the fewest roles, counting moves already planned."""
    candidates = [n for n in cluster.nodes
                  if n.state == ClusterNodeState.Up and n.name.casefold() != exclude.casefold()]
    if not candidates:
        return None

    def load(node: LabNode) -> int:
        owned = sum(1 for g in cluster.groups if g.owner_node.casefold() == node.name.casefold())
        return owned + planned.get(node.name.casefold(), 0)

    return min(candidates, key=load)


def drain_node(cmdlet, cluster: LabCluster, node: LabNode) -> ClusterNode:
    """Suspend-ClusterNode -Drain: pause the node and move every role it owns away."""
    target_name = cmdlet.params.get("TargetNode")
    target = cluster.node(target_name) if target_name else None
    if target_name and target is None:
        raise cmdlet.fail(cluster_error(f"The cluster node '{target_name}' was not found.", "ClusterNodeNotFound",
                                        "ObjectNotFound", target_name))
    node.state = ClusterNodeState.Paused
    drain = node_drains(cmdlet.ctx)[node.name.casefold()] = Drain(node.name)
    planned: dict[str, int] = {}
    for group in [g for g in cluster.groups if g.owner_node.casefold() == node.name.casefold()]:
        destination = target or least_loaded(cluster, node.name, planned)
        if destination is None:
            cmdlet.error(cluster_error(
                f"The clustered role '{group.name}' cannot be moved: no other node of cluster '{cluster.name}' is up.",
                "Suspend-ClusterNode", "NotSpecified", group.name))
            continue
        planned[destination.name.casefold()] = planned.get(destination.name.casefold(), 0) + 1
        drain.moves.append(RoleMove(group, start_role_move(cmdlet, group, destination.name)))
    if cmdlet.params.get("Wait"):
        until_done(cmdlet.ctx, lambda: all(m.done for m in drain.moves))
    return ClusterNode(cluster, node, drain)


def failback(cmdlet, cluster: LabCluster, node: LabNode, how: str) -> ClusterNode:
    """Resume-ClusterNode -Failback: Immediate moves the drained roles back now; NoFailback and
    Policy leave them (the lab's VM roles keep the default policy, which prevents failback).
    The node's drain ends with the resume (DrainStatus NotInitiated)."""
    node.state = ClusterNodeState.Up
    drain = node_drains(cmdlet.ctx).pop(node.name.casefold(), None)
    if how != "Immediate" or drain is None:
        return ClusterNode(cluster, node)
    for move in drain.moves:
        group = move.group
        if group in cluster.groups and group.owner_node.casefold() != node.name.casefold():
            start_role_move(cmdlet, group, node.name)
    return ClusterNode(cluster, node)


def until_done(ctx, done, timeout: float | None = None) -> None:
    """Let lab time pass until `done()` (or `timeout` lab seconds)."""
    service = migration_service(ctx)
    service.advance(0)
    until = None if timeout is None else service.engine.now + timeout
    service.engine.run(until=until, stop=done)


class MoveClusterVirtualMachineRole(_ClusterCmdlet):
    spec = cmdlet("Move-ClusterVirtualMachineRole", [
        p("Name", "System.String", position=0),
        p("Node", "System.String", position=1),
        p("Cancel", "switch"),
        p("MigrationType", f"{CLUSTER_COMMANDS}.VmMigrationType"),
        p("IgnoreLocked", "switch"),
        p("VMId", "System.Guid", by_property_name=True),
        p("Wait", "System.Int32"),
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True),
        p("Cluster", "System.String"),
    ])
    dotnet_class = f"{CLUSTER_COMMANDS}.MoveClusterVirtualMachineRoleCommand"
    unsupported = ()

    def process(self) -> None:
        names = self.params.get("Name")
        if names is None and self.params.get("VMId") is None and self.params.get("InputObject") is None:
            raise self.fail(cluster_error(
                "Specify the clustered virtual machine role to move with -Name, -VMId or -InputObject.",
                "Move-ClusterVirtualMachineRole", "InvalidArgument"))
        self.params["Name"] = [names] if names is not None else None
        for cluster in self.clusters():
            for group in self.groups(cluster):
                if self.params.get("Cancel"):
                    self._cancel(cluster, group)
                else:
                    self._move(cluster, group)

    def _move(self, cluster: LabCluster, group: LabGroup) -> None:
        node_name = self.params.get("Node")
        if node_name:
            destination = cluster.node(node_name)
            if destination is None:
                self.error(cluster_error(f"The cluster node '{node_name}' was not found.", "ClusterNodeNotFound",
                                         "ObjectNotFound", node_name))
                return
        else:
            destination = least_loaded(cluster, group.owner_node, {})
            if destination is None:
                self.write(ClusterGroup(cluster, group))
                return
        if destination.name.casefold() == group.owner_node.casefold():
            self.write(ClusterGroup(cluster, group))
            return
        migration_type = self.params.get("MigrationType") or VmMigrationType.Live
        migration = start_role_move(self, group, destination.name, migration_type)
        wait_for = self.params.get("Wait")
        if not migration.done and wait_for is None:
            wait(self.ctx, migration_service(self.ctx), migration)
        elif not migration.done and int(wait_for) > 0:
            until_done(self.ctx, lambda: migration.done, float(wait_for))
        if migration.done and migration.trace.Result != "Completed":
            self.error(move_error(group, migration))
            return
        self.write(ClusterGroup(cluster, group))

    def _cancel(self, cluster: LabCluster, group: LabGroup) -> None:
        service = migration_service(self.ctx)
        running = [m for m in service.running() if m.vm.id == group.vm_id]
        for migration in running:
            service.cancel(migration)
        service.advance(0)
        self.write(ClusterGroup(cluster, group))
