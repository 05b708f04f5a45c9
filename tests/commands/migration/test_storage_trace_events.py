"""Move-VMStorage, Get-LabMigrationTrace, Get-WinEvent, faults, progress and verbose output."""

from __future__ import annotations

import json
import os
import re

import pytest
from mig_helpers import ENABLE, Shell, like_template

from pshv.migration.faults import Fault
from tests.conftest import cli, ps

VM_TABLE = """\

Name     State ComputerName
----     ----- ------------
web01  Running HV01
sql01  Running HV01
app01  Running HV01
test01     Off HV01

"""
LOCATION = "Get-VM -ComputerName HV01 | Format-Table Name, State, ComputerName"


# ---------------------------------------------------------------------------- Move-VMStorage


def test_move_vmstorage_to_e_leaves_no_old_files():
    r = ps("Move-VMStorage sql01 E:\\VMs\\sql01\n"
           "(Get-VM sql01).HardDrives.Path\n(Get-VM sql01).Path\n"
           "Test-Path 'D:\\Hyper-V\\Virtual Hard Disks\\sql01.vhdx', 'D:\\Hyper-V\\Virtual Hard Disks\\sql01-data.vhdx'\n"
           "Test-Path 'E:\\VMs\\sql01\\Virtual Hard Disks\\sql01.vhdx', "
           "'E:\\VMs\\sql01\\Virtual Hard Disks\\sql01-data.vhdx'\n"
           "(Get-VM sql01).State\n(Get-LabMigrationTrace sql01).Kind\n")
    assert not r.errors
    assert r.stdout == ("E:\\VMs\\sql01\\Virtual Hard Disks\\sql01.vhdx\n"
                        "E:\\VMs\\sql01\\Virtual Hard Disks\\sql01-data.vhdx\nE:\\VMs\\sql01\n"
                        "False\nFalse\nTrue\nTrue\nRunning\nStorage\n")


def test_move_vmstorage_to_the_smb_share_and_per_disk():
    r = ps("Move-VMStorage -VMName web01 -DestinationStoragePath \\\\FS01\\VMs\\web01\n"
           "(Get-VM web01).HardDrives.Path\n"
           "Get-VM test01 | Move-VMStorage -Vhds @(@{SourceFilePath='D:\\Hyper-V\\Virtual Hard Disks\\test01.vhdx'; "
           "DestinationFilePath='E:\\Disks\\test01.vhdx'})\n"
           "(Get-VM test01).HardDrives.Path\n(Get-VM test01).Path\n")
    assert not r.errors
    assert r.stdout == ("\\\\FS01\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx\nE:\\Disks\\test01.vhdx\n"
                        "D:\\Hyper-V\\test01\n")


def test_move_vmstorage_verifies_destination_paths():
    r = ps("Move-VMStorage test01 Q:\\nowhere")
    assert r.stderr == """\
Move-VMStorage : Failed to verify the destination path 'Q:\\nowhere' of virtual machine 'test01'.
The system cannot find the path specified. (0x80070003)
At line:1 char:1
+ Move-VMStorage test01 Q:\\nowhere
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidArgument: (:) [Move-VMStorage], VirtualizationException
    + FullyQualifiedErrorId : InvalidParameter,Microsoft.HyperV.PowerShell.Commands.MoveVMStorage
 
"""


# ---------------------------------------------------------------------------- traces


def test_trace_table_list_and_json():
    r = ps(ENABLE + "Move-VM app01 HV02\nMove-VMStorage test01 E:\\t\nGet-LabMigrationTrace\n")
    # the two number columns are right-aligned: compare with runs of spaces folded
    assert like_template(re.sub(" +", " ", r.stdout), """\

VMName Kind Source Destination Result TotalSeconds BlackoutSeconds
------ ---- ------ ----------- ------ ------------ ---------------
app01 Live HV01 HV02 Completed # #
test01 Storage HV01 HV01 Completed # #

""")
    assert r.stdout.split("\n")[1] == "VMName Kind    Source Destination Result    TotalSeconds BlackoutSeconds"
    r = ps(ENABLE + "Move-VM app01 HV02\n$t = Get-LabMigrationTrace -Last 1\n$t.PSObject.Properties.Name -join ','\n"
           "$t.Rounds[0].PSObject.Properties.Name -join ','\n$t.Phases.Name -join ','\n"
           "$t.StartTime.GetType().Name\n$t | ConvertTo-Json -Depth 3\n")
    lines = r.stdout.split("\n", 5)
    assert lines[:5] == [
        ("VMName,Kind,Source,Destination,PerformanceOption,Result,StartTime,EndTime,TotalSeconds,BlackoutSeconds,"
        "MemoryBytesTransferred,StorageBytesTransferred,WireBytes,EffectiveBandwidthBytesPerSec,Rounds,Phases,Error"),
        "Round,Pages,Bytes,Seconds,DirtiedPages",
        "Setup,MemoryCopy,StopAndCopy,StorageHandover,Resume,NetworkCleanup",
        "DateTime",
        "{",
    ]
    data = json.loads("{" + lines[5])
    assert (data["VMName"], data["Kind"], data["Result"], data["Rounds"][0]["Round"]) == ("app01", "Live",
                                                                                           "Completed", 0)


def test_trace_filters():
    r = ps(ENABLE + "Move-VM app01 HV02\nMove-VM web01 HV02\nMove-VMStorage test01 E:\\t\n"
           "(Get-LabMigrationTrace -VMName app*, test01).VMName -join ','\n"
           "(Get-LabMigrationTrace -Last 2).Result -join ','\n(Get-LabMigrationTrace web01).Error.Split([char]10)[0]\n")
    assert r.stdout == ("app01,test01\nFailed,Completed\nVirtual machine migration operation for 'web01' failed at "
                        "migration source 'HV01'. (Virtual machine ID FB7A4CCE-3B2E-51DA-BCDD-5F8F2912E0A1)\n")


# ---------------------------------------------------------------------------- events


def test_get_winevent_lists_what_each_host_logged():
    r = ps(ENABLE + "Move-VM app01 HV02\nMove-VM dc01 HV03 -ComputerName HV02 -ErrorAction SilentlyContinue\n"
           "Get-WinEvent -LogName Microsoft-Windows-Hyper-V-VMMS-Admin\n"
           "Get-WinEvent -FilterHashtable @{LogName='Microsoft-Windows-Hyper-V-VMMS-Admin'; Id=21502} "
           "-ComputerName HV02 -MaxEvents 1 | ForEach-Object { $_.Message.Split([char]10)[0]; $_.LevelDisplayName }\n"
           "(Get-WinEvent -ComputerName HV02 -FilterHashtable @{LogName='Microsoft-Windows-Hyper-V-VMMS-Admin'; "
           "StartTime=[datetime]'3/10/2025 9:00:00 AM'}).Id -join ','\n")
    assert like_template(r.stdout, """\


   ProviderName: Microsoft-Windows-Hyper-V-VMMS

TimeCreated                      Id LevelDisplayName Message
-----------                      -- ---------------- -------
3/10/2025 9:00:00 AM          20413 Information      The Virtual Machine Management service initiated the live migra...

Virtual machine migration operation for 'dc01' failed at migration source 'HV02'. (Virtual machine ID \
8EE84D9F-EB54-576E-9922-58A6902D3CEC)
Error
21502,20415
""")


def test_get_winevent_errors():
    r = ps("Get-WinEvent -LogName Nope\nGet-WinEvent System\nGet-WinEvent -ListLog *\n")
    assert [e.fully_qualified_error_id for e in r.errors] == [
        "NoMatchingLogsFound,Microsoft.PowerShell.Commands.GetWinEventCommand",
        "NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand",
        "NotSupported,Microsoft.PowerShell.Commands.GetWinEventCommand",
    ]
    assert r.errors[0].message == 'There is not an event log on the localhost computer that matches "Nope".'
    assert r.errors[1].message == "No events were found that match the specified selection criteria."


# ---------------------------------------------------------------------------- faults


@pytest.mark.parametrize("kind, detail", [
    ("NetworkDown", ("Failed to send data for a Virtual Machine migration: An existing connection was forcibly "
                    "closed by the remote host. (0x80072746)")),
    ("HostFailure", ('Failed to establish a connection with host "HV02": A connection attempt failed because the '
                    "connected party did not properly respond after a period of time, or established connection "
                    "failed because connected host has failed to respond. (0x8007274C)")),
    ("Cancel", None),
])
def test_faults_during_a_live_migration_leave_the_vm_running_on_the_source(kind, detail):
    shell = Shell()
    shell.run(ENABLE)
    target = {"NetworkDown": ("HV01", "HV02"), "HostFailure": "HV02", "Cancel": "app01"}[kind]
    shell.service.add_fault(Fault(kind, target, phase="MemoryCopy", vm="app01"))
    r = shell.run("Move-VM app01 HV02\n" + LOCATION)
    assert r.stdout == VM_TABLE
    message = r.errors[0].message
    if detail is None:
        assert message == "The migration of virtual machine 'app01' was cancelled."
        assert r.errors[0].fully_qualified_error_id == "OperationCancelled,Microsoft.HyperV.PowerShell.Commands.MoveVM"
    else:
        assert message == ("Virtual machine migration operation for 'app01' failed at migration source 'HV01'. "
                           "(Virtual machine ID D2D60E9B-28DC-54C1-8AF5-49F70CB6E14A)\n" + detail)
    assert not shell.lab.host("HV02").memory_reservations


def test_destination_volume_full_during_storage_copy():
    shell = Shell()
    shell.run(ENABLE)
    shell.service.add_fault(Fault("VolumeFull", shell.service.volume_name("HV02", "D:\\VMs"), phase="StorageCopy"))
    r = shell.run("Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01\n" + LOCATION +
                  "\nTest-Path '\\\\HV02\\D$\\VMs\\web01'\n")
    assert r.stdout == VM_TABLE + "False\n"
    assert r.errors[0].message == (
        "Virtual machine migration operation for 'web01' failed at migration destination 'HV02'. (Virtual machine "
        "ID FB7A4CCE-3B2E-51DA-BCDD-5F8F2912E0A1)\nFailed to copy files to 'HV02 D:': There is not enough space on "
        "the disk. (0x80070070)")


def test_volume_full_during_move_vmstorage_keeps_the_old_files():
    shell = Shell()
    shell.service.add_fault(Fault("VolumeFull", shell.service.volume_name("HV01", "E:\\"), phase="StorageCopy"))
    r = shell.run("Move-VMStorage sql01 E:\\sql01\n(Get-VM sql01).HardDrives.Path\n(Get-VM sql01).State\n")
    assert r.stdout == ("D:\\Hyper-V\\Virtual Hard Disks\\sql01.vhdx\nD:\\Hyper-V\\Virtual Hard Disks\\sql01-data.vhdx\n"
                        "Running\n")
    assert r.errors[0].message.endswith("Failed to copy files to 'HV01 E:': There is not enough space on the disk. "
                                        "(0x80070070)")


# ---------------------------------------------------------------------------- progress, verbose, sleep


def test_progress_records_follow_phases_and_percent():
    shell = Shell()
    shell.run(ENABLE + "Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01")
    records = shell.host.records
    percents = [rec.get("PercentComplete") for rec in records]
    assert percents == sorted(percents) and percents[-1] == 100
    assert {rec.get("Activity") for rec in records} == {"Moving Virtual Machine and Storage"}
    statuses = [rec.get("StatusDescription") for rec in records]
    assert "web01: Copying storage" in statuses and "web01: Copying memory (pass 0)" in statuses
    assert records[-1].get("RecordType") == "Completed"
    shell.run("$ProgressPreference = 'SilentlyContinue'\nMove-VM web01 HV01 -IncludeStorage")
    assert len(shell.host.records) == len(records)


def test_verbose_prints_each_phase_and_pass():
    r = ps(ENABLE + "Move-VM app01 HV02 -Verbose")
    assert like_template(r.stdout, """\
VERBOSE: Performing the operation "Move-VM" on target "app01".
VERBOSE: app01: Phase Setup started.
VERBOSE: app01: Phase MemoryCopy started.
VERBOSE: app01: Memory pass #: # pages (# bytes) in # s; # pages dirtied meanwhile.
VERBOSE: app01: Phase StopAndCopy started.
VERBOSE: app01: Stop-and-copy pass: # pages (# bytes) in # s; # pages dirtied meanwhile.
VERBOSE: app01: Phase StorageHandover started.
VERBOSE: app01: Phase Resume started.
VERBOSE: app01: Phase NetworkCleanup started.
VERBOSE: app01: Network cleanup: MAC 00155D0A0B03 announced on HV02.
VERBOSE: app01: Migration completed after # s.
""")


def test_synchronous_move_advances_the_lab_clock_by_its_duration():
    r = ps(ENABLE + "$before = Get-Date\nMove-VM app01 HV02\n$t = Get-LabMigrationTrace -Last 1\n"
           "[math]::Abs(((Get-Date) - $before).TotalSeconds - $t.TotalSeconds) -lt 0.01\n")
    assert r.stdout == "True\n"


def test_start_sleep_lets_background_migrations_run():
    shell = Shell()
    shell.run(ENABLE)
    migration = shell.service.move_vm("app01", "HV02")
    shell.run("Start-Sleep -Seconds 60")
    assert migration.trace.Result == "Completed"
    assert shell.run("(Get-VM app01 -ComputerName HV02).State").stdout == "Running\n"


# ---------------------------------------------------------------------------- the example


def test_live_migration_example_runs():
    script = os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts", "examples", "live-migration.ps1")
    done = cli("-NoProfile", "-File", os.path.abspath(script))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "VERBOSE: sql01: Memory pass 0: 4194304 pages" in done.stdout
    assert "Kind                          : SharedNothing" in done.stdout
    assert "Result                        : Completed" in done.stdout
    assert "Round   Pages       Bytes Seconds DirtiedPages" in done.stdout


def test_paced_move_runs_in_small_steps():
    shell = Shell()
    shell.ctx.services["pacing"] = 1e-4
    r = shell.run(ENABLE + "Move-VM app01 HV02\n(Get-VM app01 -ComputerName HV02).State\n")
    assert r.stdout == "Running\n" and not r.errors
    assert len(shell.host.records) > 4
