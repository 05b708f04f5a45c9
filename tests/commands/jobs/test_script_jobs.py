"""Start-Job / Start-ThreadJob script blocks in the emulator, and the job cmdlets' selection,
receiving and removal rules."""

from __future__ import annotations

from tests.conftest import ps

ENABLE = "Enable-VMMigration -ComputerName HV01,HV02;"


def texts(text: str) -> list[str]:
    r = ps(text)
    assert r.errors == [], r.stderr
    return [line for line in r.stdout.split("\n") if line]


def test_start_job_moves_a_vm_with_using_variables():
    r = ps(ENABLE + "$dest = 'HV02'; $j = Start-Job -Name mover { Move-VM app01 $using:dest; \"moved to $using:dest\" };"
           "$j | Format-Table Id, Name, PSJobTypeName, State, Location; Wait-Job $j | Out-Null; Receive-Job $j;"
           "\"$($j.State)\"; (Get-VM app01 -ComputerName HV02).Name; $j.ChildJobs[0].Id")
    assert r.errors == [], r.stderr
    assert r.stdout == (
        "\nId Name  PSJobTypeName   State Location\n"
        "-- ----  -------------   ----- --------\n"
        " 1 mover BackgroundJob Running localhost\n\n"
        "moved to HV02\nCompleted\napp01\n2\n")


def test_moves_started_in_jobs_run_concurrently():
    r = ps(ENABLE + "Start-Job { Move-VM app01 HV02 } | Out-Null;"
           "Start-Job { Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01 } | Out-Null;"
           "Get-Job | Wait-Job | Out-Null; $t = Get-LabMigrationTrace; $t[1].StartTime -lt $t[0].EndTime;"
           "Get-Job | ForEach-Object { \"$($_.State)\" }")
    assert r.errors == [], r.stderr
    assert [str(x) for x in r.output] == ["True", "Completed", "Completed"]


def test_failed_move_inside_a_job_is_an_error_of_the_job():
    r = ps("$j = Start-Job { Move-VM web01 HV02 }; Wait-Job $j | Out-Null; \"$($j.State)\"; $j.HasMoreData;"
           "Receive-Job $j -Keep -ErrorAction SilentlyContinue; $j.ChildJobs[0].Error.Count")
    assert [str(x) for x in r.output] == ["Completed", "True", "1"]


def test_thread_job_streams_and_initialization_script():
    r = ps("$t = Start-ThreadJob -InitializationScript { function Twice($x) { 2 * $x } } "
           "-ScriptBlock { param($n) Twice $n; Write-Warning 'careful' } -ArgumentList 21;"
           "$t | Format-Table Id, PSJobTypeName, State, Location; $t.ChildJobs.Count; Receive-Job $t; "
           "$t.HasMoreData; (Start-ThreadJob { 1 }).Id")
    assert r.errors == []
    assert r.stdout == (
        "\nId PSJobTypeName     State Location\n"
        "-- -------------     ----- --------\n"
        " 1 ThreadJob     Completed PowerShell\n\n"
        "0\n42\nWARNING: careful\nFalse\n2\n")


def test_a_throwing_script_block_fails_the_job():
    r = ps("$j = Start-Job { throw 'boom' }; \"$($j.State)\"; $j.JobStateInfo.Reason.Message;"
           "Receive-Job $j -ErrorAction SilentlyContinue; $Error[0].Exception.Message")
    assert [str(x) for x in r.output] == ["Failed", "boom", "boom"]


def test_receive_job_keep_wait_and_autoremove():
    assert texts("$j = Start-Job { 'a'; 'b' }; Receive-Job $j -Keep; Receive-Job $j; (Receive-Job $j).Count;"
                 "Receive-Job $j -Wait -AutoRemoveJob; @(Get-Job).Count") == ["a", "b", "a", "b", "0", "0"]
    r = ps("Start-Job { 1 } | Receive-Job -Wait -Keep")
    assert r.errors[0].message == "The Wait and Keep parameters cannot be used together in the same command."
    assert r.errors[0].fully_qualified_error_id == (
        "BlockCannotBeUsedWithKeep,Microsoft.PowerShell.Commands.ReceiveJobCommand")


def test_get_job_selection_and_errors():
    assert texts("Start-Job { 1 } -Name one | Out-Null; Start-ThreadJob { 2 } -Name two | Out-Null;"
                 "(Get-Job -Name t*).Name; (Get-Job -Id 1).Name; (Get-Job -State Completed).Count;"
                 "(Get-Job -IncludeChildJob).Count; (Get-Job -HasMoreData $true).Count; (Get-Job -Newest 1).Name") == [
        "two", "one", "2", "3", "2", "two"]
    r = ps("Get-Job -Id 7")
    assert r.stderr == (
        "Get-Job : The command cannot find a job with the job ID 7. Verify the value of the Id parameter and then try "
        "the\ncommand again.\n"
        "At line:1 char:1\n"
        "+ Get-Job -Id 7\n"
        "+ ~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound: (7:Int32) [Get-Job], PSArgumentException\n"
        "    + FullyQualifiedErrorId : JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.GetJobCommand\n"
        " \n")
    assert ps("Get-Job -Name nope").errors[0].message == (
        "The command cannot find the job because the job name nope was not found. Verify the value of the Name "
        "parameter, and then try the command again.")
    assert ps("Get-Job -Name nope*").errors == []


def test_remove_job_refuses_a_running_job_unless_forced():
    r = ps(ENABLE + "$j = Move-VM app01 HV02 -AsJob; Remove-Job -Id 1; @(Get-Job).Count; Remove-Job -Id 1 -Force;"
           "@(Get-Job).Count; (Get-VM app01).ComputerName")
    [record] = r.errors
    assert record.message == (
        "The command cannot remove the job with the job ID 1 because the job is not finished. To remove the job, "
        "first stop the job, or use the Force parameter.\nParameter name: SessionId")
    assert record.fully_qualified_error_id == (
        "JobObjectNotFinishedCannotBeRemoved,Microsoft.PowerShell.Commands.RemoveJobCommand")
    assert [str(x) for x in r.output] == ["1", "0", "HV01"]


def test_wait_job_any_returns_the_first_finished_job():
    r = ps(ENABLE + "$slow = Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01 -AsJob;"
           "$fast = Move-VM app01 HV02 -AsJob; (Wait-Job $slow, $fast -Any).Id; \"$($slow.State)\"")
    assert [str(x) for x in r.output] == ["3", "Running"]


def test_unsupported_parameters_are_refused():
    assert ps("Start-Job -FilePath x.ps1").errors[0].message.startswith(
        "The pshv emulator does not support the -FilePath parameter of Start-Job")
    assert ps("Get-Job -Filter @{a=1}").errors[0].fully_qualified_error_id == (
        "NotSupported,Microsoft.PowerShell.Commands.GetJobCommand")
