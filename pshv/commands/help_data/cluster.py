"""Help records for the FailoverClusters module's cmdlets."""

from __future__ import annotations

from . import H

_CLUSTER = {"Cluster": "The cluster to act on; the cluster of the local node when omitted.",
            "InputObject": "The cluster object to act on."}

HELP = {
    "Get-Cluster": H("Gets a failover cluster.", "Get-Cluster returns the cluster the local node belongs to, or "
                     "the cluster named with -Name.", parameters=_CLUSTER,
                     outputs=("Microsoft.FailoverClusters.PowerShell.Cluster",)),
    "Get-ClusterNode": H("Gets the nodes of a cluster.", "Get-ClusterNode lists the nodes and their state (Up, Down, "
                         "Paused).", ("Example 1: Nodes that are up", "Get-ClusterNode | Where-Object State -eq 'Up'",
                                      "Lists the nodes that are up."),
                         parameters=_CLUSTER, outputs=("Microsoft.FailoverClusters.PowerShell.ClusterNode",)),
    "Get-ClusterGroup": H("Gets the clustered roles of a cluster.", "Get-ClusterGroup lists the roles (groups), "
                          "their owner nodes and state; virtual machine roles have GroupType VirtualMachine.",
                          parameters=_CLUSTER, outputs=("Microsoft.FailoverClusters.PowerShell.ClusterGroup",)),
    "Get-ClusterResource": H("Gets the resources of a cluster.", "Get-ClusterResource lists the resources, their "
                             "groups and types.", parameters=_CLUSTER,
                             outputs=("Microsoft.FailoverClusters.PowerShell.ClusterResource",)),
    "Get-ClusterSharedVolume": H("Gets the cluster shared volumes.", "Get-ClusterSharedVolume lists the CSVs and "
                                 "their owner nodes.", parameters=_CLUSTER,
                                 outputs=("Microsoft.FailoverClusters.PowerShell.ClusterSharedVolume",)),
    "Add-ClusterVirtualMachineRole": H("Makes a virtual machine highly available.",
                                       "Add-ClusterVirtualMachineRole creates a clustered role for a VM whose files "
                                       "are on cluster storage.", parameters=_CLUSTER,
                                       outputs=("Microsoft.FailoverClusters.PowerShell.ClusterGroup",)),
    "Remove-ClusterGroup": H("Removes a clustered role.", "Remove-ClusterGroup deletes a role from the cluster; "
                             "-RemoveResources removes its resources too.", parameters=_CLUSTER),
    "Suspend-ClusterNode": H("Pauses a cluster node.", "Suspend-ClusterNode pauses a node; with -Drain its roles "
                             "are moved to other nodes first (live migration for VMs).", parameters=_CLUSTER,
                             links=("Resume-ClusterNode",)),
    "Resume-ClusterNode": H("Resumes a paused cluster node.", "Resume-ClusterNode resumes a node, optionally "
                            "failing its roles back.", parameters=_CLUSTER, links=("Suspend-ClusterNode",)),
    "Move-ClusterVirtualMachineRole": H(
        "Moves a clustered virtual machine to another node.",
        "Move-ClusterVirtualMachineRole live-migrates a clustered VM role to another node; the cluster queues "
        "migrations beyond its limit.", ("Example 1: Move a VM role", "Move-ClusterVirtualMachineRole crm01 -Node HVC02",
                                         "Live-migrates crm01 to HVC02."), parameters=_CLUSTER),
}
