"""Move-VM -AsJob on the lab clock: limits, link sharing, Wait-Job -Timeout, Stop-Job."""

from __future__ import annotations

from tests.conftest import ps

ENABLE = "Enable-VMMigration -ComputerName HV01,HV02;"
THREE_MOVES = (
    "$a = Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath 'D:\\VMs\\web01' -AsJob;"
    "$b = Move-VM app01 HV02 -AsJob;"
    "$c = Move-VM test01 HV02 -IncludeStorage -DestinationStoragePath 'D:\\VMs\\test01' -AsJob;"
)
LIMIT_TEXT = (
    "Virtual machine migration operation for 'test01' failed at migration source 'HV01'. (Virtual machine ID "
    "2DA35DAF-721A-5B8D-B152-B844B7620E00)\n"
    "Failed to perform migration on virtual machine \"test01\" because virtual machine migration limit \"2\" was "
    "reached, please wait for completion of an ongoing migration operation."
)


def test_three_asjob_moves_against_the_default_limit():
    r = ps(ENABLE + THREE_MOVES + "Get-Job")
    assert r.errors == []
    assert r.stdout == (
        "\n"
        "Id     Name            PSJobTypeName   State         HasMoreData     Location             Command\n"
        "--     ----            -------------   -----         -----------     --------             -------\n"
        "1      Job1            VirtualMachi... Running       True            localhost            Move-VM\n"
        "3      Job3            VirtualMachi... Running       True            localhost            Move-VM\n"
        "5      Job5            VirtualMachi... Failed        True            localhost            Move-VM\n"
        "\n")
    r = ps(ENABLE + THREE_MOVES + "Wait-Job $a, $b | Out-Null; Receive-Job $c;"
           "Get-Job | ForEach-Object { '{0} {1} {2}' -f $_.Id, $_.State, $_.JobStateInfo.State };"
           "(Get-VM test01).ComputerName; $c.ChildJobs[0].Name; $c.HasMoreData")
    assert [str(x) for x in r.output] == ["1 Completed Completed", "3 Completed Completed", "5 Failed Failed",
                                          "HV01", "Job6", "False"]
    [record] = r.errors
    assert record.message == LIMIT_TEXT
    assert record.fully_qualified_error_id == "OperationFailed,Microsoft.HyperV.PowerShell.Commands.MoveVM"
    assert r.stderr.startswith("Move-VM : Virtual machine migration operation for 'test01' failed at migration "
                               "source 'HV01'.")


def _seconds(text: str) -> dict[str, float]:
    r = ps(text + "Get-Job | Wait-Job | Out-Null;"
           "Get-LabMigrationTrace | ForEach-Object { '{0}={1}={2}' -f $_.VMName, $_.Result, $_.TotalSeconds }")
    assert r.errors == []
    return {name: float(seconds) for name, result, seconds in (str(x).split("=") for x in r.output)
            if result == "Completed"}


def test_raised_limit_runs_all_three_and_they_share_the_link():
    raise_limit = "Set-VMHost -ComputerName HV01,HV02 -MaximumVirtualMachineMigrations 4;"
    together = _seconds(ENABLE + raise_limit + THREE_MOVES)
    assert sorted(together) == ["app01", "test01", "web01"]
    moves = THREE_MOVES.split(";")[:3]
    for vm, move in zip(("web01", "app01", "test01"), moves):
        alone = _seconds(ENABLE + move + ";")
        assert together[vm] > alone[vm], vm


def test_wait_job_timeout_returns_nothing_without_error_after_lab_time_passes():
    r = ps(ENABLE + "$j = Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01 -AsJob;"
           "$t0 = Get-Date; $w = Wait-Job $j -Timeout 5; [int]((Get-Date) - $t0).TotalSeconds; $null -eq $w; \"$($j.State)\";"
           "\"$((Wait-Job $j).State)\"; (Get-VM web01 -ComputerName HV02).Name; $j.PSEndTime -gt $j.PSBeginTime")
    assert r.errors == []
    assert [str(x) for x in r.output] == ["5", "True", "Running", "Completed", "web01", "True"]


def test_stop_job_cancels_the_running_migration_and_the_vm_stays_on_the_source():
    r = ps(ENABLE + "$j = Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01 -AsJob;"
           "Wait-Job $j -Timeout 3 | Out-Null; Stop-Job $j; \"$($j.State)\"; (Get-VM web01).ComputerName;"
           "(Get-LabMigrationTrace web01).Result; Receive-Job $j; $j.HasMoreData; Start-Sleep 60; \"$($j.State)\";"
           "Test-Path 'D:\\VMs\\web01'")
    assert r.errors == []
    assert [str(x) for x in r.output] == ["Stopped", "HV01", "Cancelled", "False", "Stopped", "False"]


def test_move_vmstorage_asjob():
    r = ps("$j = Move-VMStorage test01 E:\\VMs\\test01 -AsJob; \"$($j.State)\"; $j | Wait-Job | Out-Null;"
           "\"$($j.State)\";"
           "(Get-VM test01).Path")
    assert r.errors == []
    assert [str(x) for x in r.output] == ["Running", "Completed", "E:\\VMs\\test01"]


def test_stop_job_whatif():
    r = ps(ENABLE + "$j = Move-VM app01 HV02 -AsJob; Stop-Job $j -WhatIf; $j.State")
    assert r.stdout == ('What if: Performing the operation "Stop" on target "Command: Move-VM, associated with a job '
                        'that has an ID of "1".".\nRunning\n')
