"""Move-ClusterVirtualMachineRole, Suspend-ClusterNode -Drain, Resume-ClusterNode -Failback."""

from __future__ import annotations

import pytest

from pshv.lab.enums import NodeDrainStatus
from pshv.runtime.host import CaptureHost
from pshv.shell import create_session

SECOND_ROLE = (
    "New-VM -Name crm02 -ComputerName HVC01 -MemoryStartupBytes 4GB -Path C:\\ClusterStorage\\Volume1 "
    "-NewVHDPath C:\\ClusterStorage\\Volume1\\crm02\\crm02.vhdx -NewVHDSizeBytes 40GB -SwitchName External | "
    "Start-VM; Add-ClusterVirtualMachineRole -VirtualMachine crm02 -Cluster CLU01 | Out-Null;"
)
TRACES = ("Get-LabMigrationTrace | ForEach-Object { '{0} {1} {2} {3} {4} {5}' -f $_.VMName, $_.Kind, $_.Source, "
          "$_.Destination, $_.Result, ($_.StartTime -lt $_.EndTime) }")


def run(text: str, parallel: int = 1):
    """Run `text` in a fresh shell whose cluster CLU01 runs `parallel` migrations at a time
    ((Get-Cluster).MaximumParallelMigrations is read-only in the emulator's Cluster view)."""
    host = CaptureHost(120)
    session = create_session(host)
    session.ctx.services["lab"].lab.find_cluster("CLU01").maximum_parallel_migrations = parallel
    result = session.run_script(text, collect=True, new_scope=False)
    result.stdout, result.stderr = host.out_text, host.err_text
    return result


def _windows(text: str, parallel: int) -> list[tuple[float, float]]:
    r = run(SECOND_ROLE + text + "Get-LabMigrationTrace | ForEach-Object { '{0}={1}={2}' -f $_.VMName, "
            "$_.StartTime.ToString('HH:mm:ss.fff'), $_.EndTime.ToString('HH:mm:ss.fff') }", parallel)
    assert r.errors == [], r.stderr
    return [tuple(part for part in str(line).split("=")[1:]) for line in r.output]


def test_drain_pauses_the_node_and_reports_drain_status():
    r = run(SECOND_ROLE + "Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain | ft Name, State, DrainStatus;"
            "Start-Sleep 30; Get-ClusterGroup -Cluster CLU01")
    assert r.errors == [], r.stderr
    assert r.stdout == (
        "\nName   State DrainStatus\n"
        "----   ----- -----------\n"
        "HVC01 Paused  InProgress\n\n\n"
        "Name  OwnerNode State\n"
        "----  --------- -----\n"
        "crm01 HVC02     Online\n"
        "crm02 HVC02     Online\n\n")


@pytest.mark.parametrize("parallel, overlapping", [(1, False), (2, True)])
def test_drain_queues_moves_per_maximum_parallel_migrations(parallel, overlapping):
    (_, end1), (start2, _) = _windows("Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain -Wait | Out-Null;",
                                              parallel)
    assert (start2 < end1) is overlapping
    if not overlapping:
        assert start2 >= end1


def test_drain_wait_ends_completed():
    r = run(SECOND_ROLE + "(Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain -Wait).DrainStatus;" + TRACES)
    assert r.output[0] is NodeDrainStatus.Completed
    assert [str(x) for x in r.output[1:]] == ["crm01 Live HVC01 HVC02 Completed True",
                                              "crm02 Live HVC01 HVC02 Completed True"]


def test_drain_status_is_the_node_drain_status_enum():
    # DrainStatus is Microsoft.FailoverClusters.PowerShell.NodeDrainStatus (NotInitiated=0,
    # InProgress=1, Completed=2, Failed=3): it compares with names and numbers, converts to [int],
    # prints its name.
    r = run("$n = Get-ClusterNode HVC01 -Cluster CLU01; $s = $n.DrainStatus;"
            "$s.GetType().FullName; $s -is [Microsoft.FailoverClusters.PowerShell.NodeDrainStatus];"
            "$s -eq 'NotInitiated'; $s -eq 0; [int]$s; $s.ToString(); \"$s\";"
            "[int][Microsoft.FailoverClusters.PowerShell.NodeDrainStatus]::Failed;"
            "[enum]::GetNames([Microsoft.FailoverClusters.PowerShell.NodeDrainStatus]) -join ','")
    assert r.errors == [], r.stderr
    assert [str(x) for x in r.output] == [
        "Microsoft.FailoverClusters.PowerShell.NodeDrainStatus", "True", "True", "True", "0", "NotInitiated",
        "NotInitiated", "3", "NotInitiated,InProgress,Completed,Failed"]


def test_get_cluster_node_follows_the_drain_until_resume():
    # the usual maintenance script: drain without -Wait, poll Get-ClusterNode until the drain ends
    r = run(SECOND_ROLE + "Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain | Out-Null;"
            "(Get-ClusterNode HVC01 -Cluster CLU01).DrainStatus.ToString();"
            "$polls = 0; while ((Get-ClusterNode HVC01 -Cluster CLU01).DrainStatus -eq 'InProgress') "
            "{ Start-Sleep 5; $polls++ }; $polls -gt 0;"
            "Get-ClusterNode -Cluster CLU01 | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.State, $_.DrainStatus };"
            "(Get-ClusterGroup crm01 -Cluster CLU01).OwnerNode.DrainStatus.ToString();"
            "(Resume-ClusterNode HVC01 -Cluster CLU01).DrainStatus.ToString();"
            "(Get-ClusterNode HVC01 -Cluster CLU01).DrainStatus.ToString()")
    assert r.errors == [], r.stderr
    assert [str(x) for x in r.output] == ["InProgress", "True", "HVC01 Paused Completed", "HVC02 Up NotInitiated",
                                          "NotInitiated", "NotInitiated", "NotInitiated"]


def test_resume_with_immediate_failback_moves_the_roles_back():
    r = run(SECOND_ROLE + "Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain -Wait | Out-Null;"
            "(Resume-ClusterNode HVC01 -Cluster CLU01 -Failback Immediate).State.ToString(); Start-Sleep 60;"
            "Get-ClusterGroup -Cluster CLU01 | ForEach-Object { '{0} {1}' -f $_.Name, $_.OwnerNode }")
    assert [str(x) for x in r.output] == ["Up", "crm01 HVC01", "crm02 HVC01"]


def test_resume_without_failback_leaves_the_roles():
    r = run(SECOND_ROLE + "Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain -Wait | Out-Null;"
            "Resume-ClusterNode HVC01 -Cluster CLU01 -Failback NoFailback | Out-Null; Start-Sleep 60;"
            "Get-ClusterGroup -Cluster CLU01 | ForEach-Object { '{0} {1}' -f $_.Name, $_.OwnerNode }")
    assert [str(x) for x in r.output] == ["crm01 HVC02", "crm02 HVC02"]


def test_move_role_live_prints_the_group():
    r = run("Move-ClusterVirtualMachineRole -Name crm01 -Node HVC02 -Cluster CLU01 -MigrationType Live;" + TRACES)
    assert r.stdout.startswith(
        "\nName  OwnerNode State\n"
        "----  --------- -----\n"
        "crm01 HVC02     Online\n")
    assert [str(x) for x in r.output[1:]] == ["crm01 Live HVC01 HVC02 Completed True"]


def test_move_role_quick_saves_and_restores_the_vm():
    r = run("Get-ClusterGroup crm01 -Cluster CLU01 | Move-ClusterVirtualMachineRole -Node HVC02 -MigrationType Quick"
            " | Out-Null; (Get-VM crm01 -ComputerName HVC02).State.ToString();" + TRACES)
    assert r.errors == [], r.stderr
    assert [str(x) for x in r.output] == ["Running", "crm01 Quick HVC01 HVC02 Completed True"]


def test_move_role_wait_zero_returns_at_once():
    r = run("$g = Move-ClusterVirtualMachineRole crm01 HVC02 -Cluster CLU01 -Wait 0; $g.OwnerNode.Name;"
            "(Get-LabMigrationTrace crm01).Result; Start-Sleep 30; (Get-ClusterGroup crm01 -Cluster CLU01).OwnerNode.Name")
    assert [str(x) for x in r.output] == ["HVC01", "Running", "HVC02"]


def test_move_role_cancel_keeps_the_vm_on_its_node():
    r = run("Move-ClusterVirtualMachineRole crm01 HVC02 -Cluster CLU01 -Wait 1 | Out-Null;"
            "Move-ClusterVirtualMachineRole crm01 -Cancel -Cluster CLU01 | Out-Null;"
            "(Get-LabMigrationTrace crm01).Result; (Get-VM crm01 -ComputerName HVC01).State.ToString()")
    assert [str(x) for x in r.output] == ["Cancelled", "Running"]


def test_move_role_errors():
    r = run("Move-ClusterVirtualMachineRole crm01 NOPE -Cluster CLU01")
    assert r.errors[0].message == "The cluster node 'NOPE' was not found."
    r = run("Move-ClusterVirtualMachineRole nosuch HVC02 -Cluster CLU01")
    assert r.errors[0].message == "The cluster group 'nosuch' could not be found."


def test_force_drain_is_refused():
    r = run("Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain -ForceDrain")
    assert r.errors[0].message.startswith(
        "The pshv emulator does not support the -ForceDrain parameter of Suspend-ClusterNode")
