"""FailoverClusters: Get-Cluster, Get-ClusterNode, Get-ClusterGroup, Get-ClusterResource,
Get-ClusterSharedVolume, Add-ClusterVirtualMachineRole, Remove-ClusterGroup, Suspend-ClusterNode,
Resume-ClusterNode.

`-Cluster` names a cluster (or one of its nodes); without it the local computer's cluster is used.
A lab cluster's roles are VMs: each group has a "Virtual Machine" and a "Virtual Machine
Configuration" resource.

A node's DrainStatus follows its last drain (`node_drains`) until the node is resumed; it is
NotInitiated otherwise.  Unverified: that resuming a node brings it back to NotInitiated (public
scripts expect so; no documentation says it).
"""

from __future__ import annotations

from typing import Any

from ...lab.enums import ClusterGroupState, ClusterNodeState, VMState
from ...lab.model import Cluster as LabCluster, ClusterGroup as LabGroup
from ...runtime import errors as E
from ...runtime.params import cmdlet, p
from .common import HyperVCmdlet, name_matches
from .objects import Cluster, ClusterGroup, ClusterNode, ClusterResource, ClusterSharedVolume, VirtualMachine

CLUSTER_COMMANDS = "Microsoft.FailoverClusters.PowerShell"
RESOURCE_TYPES = ("Virtual Machine", "Virtual Machine Configuration")
DRAINS = "cluster.drains"


def node_drains(ctx) -> dict[str, Any]:
    """The drains of the lab's cluster nodes by node name (casefolded), from Suspend-ClusterNode
    -Drain (`pshv.commands.migration.cluster_moves.Drain`) until the node is resumed; tied to the
    lab, so a replaced lab starts with none."""
    lab = ctx.services["lab"].lab
    kept = ctx.services.get(DRAINS)
    if not (isinstance(kept, tuple) and kept[0] is lab):
        kept = ctx.services[DRAINS] = (lab, {})
    return kept[1]


def cluster_error(message: str, reason: str, category: str, target: object = None) -> E.PSException:
    return E.ClusterCmdletException(message, error_id=reason, category=category, target=target)


class _ClusterCmdlet(HyperVCmdlet):
    def clusters(self) -> list[LabCluster]:
        """The cluster of -InputObject, -Cluster, or the local computer (terminating error when none)."""
        item = self.params.get("InputObject")
        base = getattr(item, "base", None) or item
        if isinstance(base, (Cluster, ClusterNode, ClusterGroup)):
            return [base.cluster]
        name = self.params.get("Cluster") or "."
        host = self.resolve_host(name)
        found = self.lab.cluster_of(host) if host is not None else self.lab.find_cluster(name)
        if found is None and name not in (".", ""):
            found = self.lab.find_cluster(name)
        if found is None:
            raise self.fail(cluster_error(
                "The cluster service is not running.  Make sure that the service is running on all nodes in the "
                "cluster.", "ClusterEndpointNotRegistered", "ConnectionError"))
        return [found]

    def groups(self, cluster: LabCluster) -> list[LabGroup]:
        """Groups selected by -Name, -VMId and a ClusterNode/ClusterGroup -InputObject."""
        item = self.params.get("InputObject")
        base = getattr(item, "base", None) or item
        chosen = list(cluster.groups)
        if isinstance(base, ClusterNode):
            chosen = [g for g in chosen if g.owner_node.casefold() == base.node.name.casefold()]
        if isinstance(base, ClusterGroup):
            chosen = [g for g in chosen if g is base.group]
        if self.params.get("VMId") is not None:
            chosen = [g for g in chosen if g.vm_id == self.params["VMId"]]
        names = self.params.get("Name")
        if names is not None:
            for name in names:
                if not any(name_matches(g.name, name) for g in chosen):
                    self.error(cluster_error(f"The cluster group '{name}' could not be found.", "ClusterGroupNotFound",
                                             "ObjectNotFound", name))
            chosen = [g for g in chosen if any(name_matches(g.name, n) for n in names)]
        return chosen

    def nodes(self, cluster: LabCluster) -> list[ClusterNode]:
        item = self.params.get("InputObject")
        base = getattr(item, "base", None) or item
        drains = node_drains(self.ctx)
        nodes = [ClusterNode(cluster, n, drains.get(n.name.casefold())) for n in cluster.nodes]
        if isinstance(base, ClusterNode):
            nodes = [n for n in nodes if n.node is base.node]
        names = self.params.get("Name")
        if names is not None:
            for name in names:
                if not any(name_matches(n.node.name, name) for n in nodes):
                    self.error(cluster_error(f"The cluster node '{name}' was not found.", "ClusterNodeNotFound",
                                             "ObjectNotFound", name))
            nodes = [n for n in nodes if any(name_matches(n.node.name, name) for name in names)]
        return nodes


def _common(*, names: bool = True) -> list:
    return [
        *([p("Name", "System.String[]", position=0)] if names else []),
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True),
        p("Cluster", "System.String"),
    ]


class GetCluster(_ClusterCmdlet):
    spec = cmdlet("Get-Cluster", [
        p("Name", "System.String", position=0, pipeline=True),
        p("Domain", "System.String"),
    ])
    dotnet_class = f"{CLUSTER_COMMANDS}.GetClusterCommand"

    def process(self) -> None:
        name = self.params.get("Name")
        if self.params.get("Domain") is not None:
            self.refuse("Domain", "the lab does not enumerate the clusters of a domain")
        self.params["Cluster"] = name
        for cluster in self.clusters():
            self.write(Cluster(cluster))


class GetClusterNode(_ClusterCmdlet):
    spec = cmdlet("Get-ClusterNode", _common())
    dotnet_class = f"{CLUSTER_COMMANDS}.GetNodeCommand"

    def process(self) -> None:
        for cluster in self.clusters():
            for node in self.nodes(cluster):
                self.write(node)


class GetClusterGroup(_ClusterCmdlet):
    spec = cmdlet("Get-ClusterGroup", [*_common(), p("VMId", "System.Guid", by_property_name=True)])
    dotnet_class = f"{CLUSTER_COMMANDS}.GetClusterGroupCommand"

    def process(self) -> None:
        for cluster in self.clusters():
            for group in self.groups(cluster):
                self.write(ClusterGroup(cluster, group))


class GetClusterResource(_ClusterCmdlet):
    spec = cmdlet("Get-ClusterResource", [*_common(names=False), p("Name", "System.String[]", position=0),
                                          p("VMId", "System.Guid", by_property_name=True)])
    dotnet_class = f"{CLUSTER_COMMANDS}.GetResourceCommand"

    def process(self) -> None:
        names = self.params.pop("Name", None)
        for cluster in self.clusters():
            for group in self.groups(cluster):
                for kind in RESOURCE_TYPES:
                    resource = ClusterResource(cluster, group, kind)
                    if names is None or any(name_matches(resource.ps_get("Name"), n) for n in names):
                        self.write(resource)


class GetClusterSharedVolume(_ClusterCmdlet):
    spec = cmdlet("Get-ClusterSharedVolume", [*_common(), p("Node", "System.String[]")])
    dotnet_class = f"{CLUSTER_COMMANDS}.GetClusterSharedVolumeCommand"

    def process(self) -> None:
        names, owners = self.params.get("Name"), self.params.get("Node")
        for cluster in self.clusters():
            for volume in cluster.shared_volumes:
                view = ClusterSharedVolume(cluster, volume)
                if names is not None and not any(name_matches(view.ps_get("Name"), n) for n in names):
                    continue
                if owners is not None and not any(name_matches(volume.owner_node, n) for n in owners):
                    continue
                self.write(view)


class AddClusterVirtualMachineRole(_ClusterCmdlet):
    spec = cmdlet("Add-ClusterVirtualMachineRole", [
        p("VirtualMachine", "System.String", aliases=["VMName"]),
        p("VMId", "System.Guid", by_property_name=True),
        p("Name", "System.String", position=0),
        p("Storage", "System.String[]"),
        p("Wait", "System.Int32"),
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True),
        p("Cluster", "System.String"),
    ])
    dotnet_class = f"{CLUSTER_COMMANDS}.AddClusterVirtualMachineRoleCommand"
    unsupported = ("Storage",)

    def process(self) -> None:
        item = self.params.get("InputObject")
        base = getattr(item, "base", None) or item
        if isinstance(base, VirtualMachine):
            self.params["VMId"] = base.vm.id
            self.params.pop("InputObject")
        cluster = self.clusters()[0]
        vm = self._vm(cluster)
        if vm is None:
            return
        if cluster.group_for(vm.id) is not None:
            self.error(cluster_error(f"The virtual machine '{vm.name}' is already a clustered role.",
                                     "ClusterGroupExists", "ResourceExists", vm.name))
            return
        owner = self.lab.host_of(vm)
        group = LabGroup(name=self.params.get("Name") or vm.name, vm_id=vm.id, owner_node=owner.name,
                         state=ClusterGroupState.Online if vm.state == VMState.Running else ClusterGroupState.Offline)
        cluster.groups.append(group)
        vm.is_clustered = True
        self.write(ClusterGroup(cluster, group))

    def _vm(self, cluster: LabCluster):
        wanted_id, wanted_name = self.params.get("VMId"), self.params.get("VirtualMachine")
        for node in cluster.nodes:
            host = self.lab.find_host(node.name)
            for vm in host.vms if host else []:
                if vm.id == wanted_id or (wanted_name is not None and vm.name.casefold() == wanted_name.casefold()):
                    return vm
        shown = wanted_name or str(wanted_id)
        self.error(cluster_error(f"There is no virtual machine '{shown}' on the nodes of cluster '{cluster.name}'.",
                                 "VirtualMachineNotFound", "ObjectNotFound", shown))
        return None


class RemoveClusterGroup(_ClusterCmdlet):
    spec = cmdlet("Remove-ClusterGroup", [
        *_common(), p("Force", "switch"), p("RemoveResources", "switch"),
        p("VMId", "System.Guid", by_property_name=True),
    ], should_process=True)
    dotnet_class = f"{CLUSTER_COMMANDS}.RemoveClusterGroupCommand"

    def process(self) -> None:
        for cluster in self.clusters():
            for group in self.groups(cluster):
                if not self.should_process(group.name):
                    continue
                if not self.params.get("RemoveResources"):
                    self.error(cluster_error(
                        f"The cluster group '{group.name}' contains resources. Use the RemoveResources parameter to "
                        "remove the group together with its resources.", "ClusterGroupNotEmpty", "InvalidOperation",
                        group.name))
                    continue
                if not self.confirm(f"Are you sure you want to remove cluster group '{group.name}'?"):
                    continue
                cluster.groups = [g for g in cluster.groups if g is not group]
                vm = self.lab.vm_by_id(group.vm_id)
                if vm is not None:
                    vm.is_clustered = False


class SuspendClusterNode(_ClusterCmdlet):
    spec = cmdlet("Suspend-ClusterNode", [
        *_common(), p("Drain", "switch"), p("ForceDrain", "switch"), p("Wait", "switch"),
        p("TargetNode", "System.String", position=1),
    ], should_process=True)
    dotnet_class = f"{CLUSTER_COMMANDS}.SuspendClusterNodeCommand"
    unsupported = ("ForceDrain",)
    unsupported_reason = "a role whose move fails stays on the node (the drain ends Failed)"

    def process(self) -> None:
        for cluster in self.clusters():
            for node in self.nodes(cluster):
                if self.should_process(node.node.name):
                    if self.params.get("Drain"):
                        from ..migration.cluster_moves import drain_node

                        self.write(drain_node(self, cluster, node.node))
                        continue
                    node.node.state = ClusterNodeState.Paused
                    self.write(node)


class ResumeClusterNode(_ClusterCmdlet):
    spec = cmdlet("Resume-ClusterNode", [
        *_common(), p("Failback", "Microsoft.FailoverClusters.PowerShell.ResumeClusterNodeFailbackType", position=1),
    ])
    dotnet_class = f"{CLUSTER_COMMANDS}.ResumeClusterNodeCommand"
    unsupported = ()

    def process(self) -> None:
        for cluster in self.clusters():
            for node in self.nodes(cluster):
                if self.params.get("Failback") is not None:
                    from ..migration.cluster_moves import failback

                    self.write(failback(self, cluster, node.node, self.params["Failback"].name))
                    continue
                if node.node.state == ClusterNodeState.Paused:
                    node.node.state = ClusterNodeState.Up
                    node_drains(self.ctx).pop(node.node.name.casefold(), None)
                    node.drain = None
                self.write(node)
