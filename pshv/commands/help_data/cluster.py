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
    "Suspend-ClusterNode": H(
        "Pauses a cluster node, optionally draining its roles.",
        "Suspend-ClusterNode pauses a node so that no role moves to it. With -Drain it also moves every role the "
        "node owns to other nodes (live migration for running VMs): each role goes to -TargetNode, or else to "
        "the node owning the fewest roles, and the cluster runs MaximumParallelMigrations of the moves at a "
        "time. The node's DrainStatus (as Get-ClusterNode shows it) is InProgress until the moves end, then "
        "Completed (or Failed when a move failed; that role stays on the node), until the node is resumed. The "
        "command returns at once unless -Wait is used.",
        ("Example 1: Drain a node before maintenance", "Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain -Wait",
         "Pauses HVC01 and returns when its roles have moved to HVC02."),
        parameters={**_CLUSTER, "Name": "The nodes to pause.",
                    "Drain": "Moves the node's roles to other nodes.",
                    "TargetNode": "With -Drain, the node to move every role to.",
                    "Wait": "With -Drain, returns only when the drain has ended."},
        notes="-ForceDrain is not supported.",
        outputs=("Microsoft.FailoverClusters.PowerShell.ClusterNode",), links=("Resume-ClusterNode",)),
    "Resume-ClusterNode": H(
        "Resumes a paused cluster node.",
        "Resume-ClusterNode brings a paused node back Up, its DrainStatus back to NotInitiated. With -Failback "
        "Immediate the roles that its last drain moved away are moved back to it; NoFailback and Policy leave "
        "them where they are (the lab's VM roles keep the default failback policy, which prevents failback).",
        ("Example 1: Resume and take the roles back", "Resume-ClusterNode HVC01 -Cluster CLU01 -Failback Immediate",
         "Brings HVC01 back up and live-migrates its drained roles back to it."),
        parameters={**_CLUSTER, "Name": "The nodes to resume.",
                    "Failback": "Immediate, NoFailback or Policy: whether the drained roles come back."},
        outputs=("Microsoft.FailoverClusters.PowerShell.ClusterNode",), links=("Suspend-ClusterNode",)),
    "Move-ClusterVirtualMachineRole": H(
        "Moves a clustered virtual machine to another node.",
        "Move-ClusterVirtualMachineRole moves a clustered VM role to -Node, or to the node owning the fewest "
        "roles. -MigrationType Live (the default) live-migrates a running VM; Quick saves it, Shutdown shuts it "
        "down and TurnOff turns it off before the move, and the VM runs again on the new node. The cluster queues "
        "moves beyond MaximumParallelMigrations. The command waits for the move unless -Wait gives a shorter "
        "time (0: do not wait); -Cancel cancels a move in progress.",
        ("Example 1: Move a VM role", "Move-ClusterVirtualMachineRole crm01 -Node HVC02 -Cluster CLU01",
         "Live-migrates crm01 to HVC02."),
        ("Example 2: Every role of a node, without waiting",
         "Get-ClusterNode HVC01 -Cluster CLU01 | Get-ClusterGroup | Move-ClusterVirtualMachineRole -Wait 0",
         "Starts moving each role of HVC01 to the least loaded other node and returns at once."),
        parameters={**_CLUSTER, "Name": "The clustered role (or VM) to move.",
                    "Node": "The node to move the role to.",
                    "MigrationType": "Live, Quick, Shutdown, ShutdownForce or TurnOff.",
                    "Wait": "How many seconds to wait for the move; 0 returns at once.",
                    "Cancel": "Cancels the role's move in progress.",
                    "VMId": "The id of the virtual machine to move.",
                    "InputObject": "The cluster group (role) to move."},
        inputs=("Microsoft.FailoverClusters.PowerShell.ClusterGroup",),
        outputs=("Microsoft.FailoverClusters.PowerShell.ClusterGroup",),
        links=("Suspend-ClusterNode", "Get-ClusterGroup")),
}
