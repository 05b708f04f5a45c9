"""Move-VM on the default lab: the kinds of move, Hyper-V's refusals and their error blocks."""

from __future__ import annotations

from mig_helpers import ENABLE

from tests.conftest import ps

DISABLED = """\
Move-VM : The source host is not configured for live migration. Use the Enable-VMMigration cmdlet to modify the Hyper-V
settings on the source host to enable migration.
At line:1 char:1
+ Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidOperation: (:) [Move-VM], VirtualizationException
    + FullyQualifiedErrorId : InvalidState,Microsoft.HyperV.PowerShell.Commands.MoveVM
 
"""


def test_move_with_storage_to_hv02():
    r = ps(ENABLE + "Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01\n"
           "Get-VM web01 -ComputerName HV02 | Format-Table Name, State, ComputerName\n"
           "(Get-VM web01 -ComputerName HV02).HardDrives.Path\n"
           "Test-Path '\\\\HV02\\D$\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx'\n"
           "Test-Path 'D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'\n"
           "Get-VM web01 -ErrorAction SilentlyContinue\n")
    assert r.stderr == "" and r.exit_code == 0
    assert r.stdout == (
        "\nName    State ComputerName\n----    ----- ------------\nweb01 Running HV02\n\n"
        "D:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx\nTrue\nFalse\n")


def test_move_while_migration_is_disabled_shows_the_real_error():
    r = ps("Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01")
    assert r.stderr == DISABLED
    assert r.errors[0].fully_qualified_error_id == "InvalidState,Microsoft.HyperV.PowerShell.Commands.MoveVM"


def test_move_to_another_processor_vendor_is_refused_with_the_report_as_target():
    r = ps("Enable-VMMigration -ComputerName HV01, HV03\n"
           "Move-VM web01 HV03 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01\n"
           "$Error[0].TargetObject.Incompatibilities | Format-Table MessageId, Message -AutoSize -Wrap\n"
           "(Get-VM web01).ComputerName\n")
    assert r.stderr == """\
Move-VM : The virtual machine 'web01' is not compatible with physical computer 'HV03'.
The virtual machine cannot be moved to the destination computer. The hardware on the destination computer is not
compatible with the hardware requirements of this virtual machine.
At line:2 char:1
+ Move-VM web01 HV03 -IncludeStorage -DestinationStoragePath D:\\VMs\\web ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidOperation: (Microsoft.Hyper...atibilityReport:VMCompatibilityReport) [Move-VM], V
irtualizationException
    + FullyQualifiedErrorId : OperationFailed,Microsoft.HyperV.PowerShell.Commands.MoveVM
 
"""
    assert r.stdout == """\

MessageId Message
--------- -------
    26006 The virtual machine cannot be moved to the destination computer. The hardware on the destination computer is
          not compatible with the hardware requirements of this virtual machine.

HV01
"""


def test_compare_vm_to_hv04_fixed_then_passed_to_move_vm():
    r = ps("Enable-VMMigration -ComputerName HV01, HV04\n"
           "$report = Compare-VM web01 HV04 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01\n"
           "$report.Incompatibilities | Format-Table MessageId, Message -AutoSize\n"
           "$report.Incompatibilities | Where-Object MessageId -eq 33012 | "
           "ForEach-Object { $_.Source | Connect-VMNetworkAdapter -SwitchName Production }\n"
           "Move-VM -CompatibilityReport $report\n"
           "$report.Incompatibilities.MessageId\n")
    assert r.stdout == """\

MessageId Message
--------- -------
    26007 Virtual machine 'web01' is using processor-specific features not supported on host 'HV04'.
    26008 The virtual machine 'web01' has configuration version 10.0, which host 'HV04' does not support (it support...
    33012 Could not find Ethernet switch 'External'.

26007
26008
"""
    assert r.stderr == """\
Move-VM : The virtual machine 'web01' is not compatible with physical computer 'HV04'.
Virtual machine 'web01' is using processor-specific features not supported on host 'HV04'.
The virtual machine 'web01' has configuration version 10.0, which host 'HV04' does not support (it supports 8.0, 7.1,
7.0, 6.2, 5.0).
At line:5 char:1
+ Move-VM -CompatibilityReport $report
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidOperation: (Microsoft.Hyper...atibilityReport:VMCompatibilityReport) [Move-VM], V
irtualizationException
    + FullyQualifiedErrorId : OperationFailed,Microsoft.HyperV.PowerShell.Commands.MoveVM
 
"""


def test_fixed_report_moves_the_vm():
    r = ps(ENABLE + "$report = Compare-VM app01 HV02\n"
           "Move-VM -CompatibilityReport $report -Passthru | Format-Table Name, State, ComputerName\n")
    assert not r.errors
    assert r.stdout == "\nName    State ComputerName\n----    ----- ------------\napp01 Running HV02\n\n"


def test_vm_on_the_smb_share_moves_live_without_storage():
    r = ps(ENABLE + "Move-VM app01 HV02\n"
           "Get-VM app01 -ComputerName HV02 | Format-Table Name, State, ComputerName\n"
           "(Get-VM app01 -ComputerName HV02).HardDrives.Path\n"
           "(Get-LabMigrationTrace app01).Kind\n")
    assert not r.errors
    assert r.stdout == ("\nName    State ComputerName\n----    ----- ------------\napp01 Running HV02\n\n"
                        "\\\\FS01\\VMs\\app01\\app01.vhdx\nLive\n")


def test_running_vm_with_local_disks_needs_its_storage_moved():
    r = ps(ENABLE + "Move-VM sql01 HV02\nGet-VM sql01 | Format-Table Name, State, ComputerName\n")
    assert r.stdout == "\nName    State ComputerName\n----    ----- ------------\nsql01 Running HV01\n\n"
    assert r.stderr.startswith(
        "Move-VM : The virtual machine 'sql01' is not compatible with physical computer 'HV02'.\n"
        "The file or folder 'D:\\Hyper-V\\sql01' of virtual machine 'sql01' is not accessible from host 'HV02'. "
        "Move the storage\nwith the virtual machine, or place it on an SMB share or a cluster shared volume both "
        "hosts can reach.\n")
    assert (r.stderr.count("is not accessible from")) == 3


def test_evacuating_every_running_vm_through_the_pipeline():
    r = ps(ENABLE + "Get-VM | Where-Object State -eq Running | "
           "Move-VM -DestinationHost HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\n"
           "Get-VM | Format-Table Name, State, ComputerName\n"
           "Get-VM -ComputerName HV02 | Format-Table Name, State, ComputerName\n"
           "Get-LabMigrationTrace | Format-Table VMName, Kind, Source, Destination, Result\n")
    assert not r.errors
    assert r.stdout == """\

Name   State ComputerName
----   ----- ------------
test01   Off HV01


Name    State ComputerName
----    ----- ------------
dc01  Running HV02
web01 Running HV02
sql01 Running HV02
app01 Running HV02


VMName Kind          Source Destination Result
------ ----          ------ ----------- ------
web01  SharedNothing HV01   HV02        Completed
sql01  SharedNothing HV01   HV02        Completed
app01  SharedNothing HV01   HV02        Completed

"""


def test_vm_that_is_off_moves_quick_without_enabling_migration():
    r = ps("Move-VM test01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\test01 -Passthru | "
           "Format-Table Name, State, ComputerName\n(Get-LabMigrationTrace).Kind\n")
    assert not r.errors
    assert r.stdout == "\nName   State ComputerName\n----   ----- ------------\ntest01   Off HV02\n\nQuick\n"


def test_credssp_from_a_remote_session_meets_the_double_hop():
    r = ps(ENABLE + "Invoke-Command -ComputerName HV02 -ScriptBlock { Move-VM app01 HV02 -ComputerName HV01 }\n"
           "(Get-VM app01).ComputerName\n")
    assert r.stdout == "HV01\n"
    message = r.errors[0].message
    assert message.startswith("Virtual machine migration operation for 'app01' failed at migration source 'HV01'. "
                              "(Virtual machine ID D2D60E9B-")
    assert message.split("\n")[1:] == [
        ("The Virtual Machine Management Service failed to establish a connection for a Virtual Machine migration "
        "with host 'HV02': No credentials are available in the security package (0x8009030E)."),
        "Failed to authenticate the connection at the source host: no suitable credentials available.",
    ]


def test_kerberos_without_constrained_delegation():
    r = ps(ENABLE + "Set-VMHost -VirtualMachineMigrationAuthenticationType Kerberos\nMove-VM app01 HV02\n")
    assert r.errors[0].message.split("\n")[1:] == [
        ("The Virtual Machine Management Service failed to establish a connection for a Virtual Machine migration "
        "with host 'HV02': The target principal name is incorrect. (0x80090322)."),
        ("The Virtual Machine Management Service failed to authenticate the connection for a Virtual Machine "
        "migration at the source host: The target principal name is incorrect. (0x80090322)."),
    ]
    assert r.errors[0].fully_qualified_error_id == "OperationFailed,Microsoft.HyperV.PowerShell.Commands.MoveVM"


def test_destination_without_a_usable_migration_network_refuses():
    r = ps(ENABLE + "Set-VMHost -ComputerName HV02 -UseAnyNetworkForMigration $false\nMove-VM app01 HV02\n"
           "(Get-VM app01).ComputerName\n")
    assert r.stdout == "HV01\n"
    assert r.errors[0].message.split("\n")[1] == (
        "No network is available for live migration between host 'HV01' and host 'HV02'. Check the migration "
        "networks of both hosts (Get-VMMigrationNetwork).")


def test_whatif_changes_nothing():
    r = ps(ENABLE + "Move-VM app01 HV02 -WhatIf\nMove-VMStorage test01 E:\\t -WhatIf\n"
           "(Get-VM app01).ComputerName\n@(Get-LabMigrationTrace).Count\n")
    assert not r.errors
    assert r.stdout == ('What if: Performing the operation "Move-VM" on target "app01".\n'
                        'What if: Performing the operation "Move-VMStorage" on target "test01".\nHV01\n0\n')


def test_confirm_cannot_prompt_in_a_script():
    r = ps(ENABLE + "Move-VM app01 HV02 -Confirm\n")
    assert r.errors[0].message == ("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is "
                                   "not available.")


def test_passthru_and_the_vm_parameter_sets():
    r = ps(ENABLE + "Move-VM -VM (Get-VM app01) -DestinationHost HV02 -IncludeStorage -Passthru | "
           "Format-Table Name, ComputerName\n"
           "Move-VM -VM (Get-VM web01) -DestinationHost HV02 -VirtualMachinePath D:\\VMs\\web01 "
           "-Vhds @(@{SourceFilePath='D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'; "
           "DestinationFilePath='D:\\VMs\\web01\\web01.vhdx'}) -Passthru | Format-Table Name, ComputerName\n")
    assert not r.errors
    table = "\nName  ComputerName\n----  ------------\n{} HV02\n\n"
    assert r.stdout == table.format("app01") + table.format("web01")


def test_per_component_destinations():
    r = ps(ENABLE + "Move-VM web01 HV02 -VirtualMachinePath D:\\VMs\\web01\\Config "
           "-Vhds @(@{SourceFilePath='D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'; "
           "DestinationFilePath='D:\\VMs\\web01\\Disks\\web01.vhdx'})\n"
           "(Get-VM web01 -ComputerName HV02).HardDrives.Path\n(Get-VM web01 -ComputerName HV02).Path\n")
    assert not r.errors
    assert r.stdout == "D:\\VMs\\web01\\Disks\\web01.vhdx\nD:\\VMs\\web01\\Config\n"


def test_unknown_destination_and_unknown_vm():
    r = ps("Move-VM web01 NOPE\nMove-VM ghost HV02\n")
    assert [e.message.split("\n")[-1] for e in r.errors] == [
        ("The Virtual Machine Management Service failed to establish a connection for a Virtual Machine migration "
        "with host 'NOPE': No such host is known. (0x80072AF9)."),
        'Hyper-V was unable to find a virtual machine with name "ghost".',
    ]


def test_parameters_outside_the_documented_sets_fail_to_bind():
    assert ps("Move-VM app01 HV02 -SourceHost HV01").errors[0].fully_qualified_error_id == (
        "NamedParameterNotFound,Microsoft.HyperV.PowerShell.Commands.MoveVM")
    r = ps("Move-VM -VM (Get-VM app01) -DestinationHost HV02 -ComputerName HV01")
    assert r.errors[0].fully_qualified_error_id == (
        "AmbiguousParameterSet,Microsoft.HyperV.PowerShell.Commands.MoveVM")


def test_destination_cim_session_sets():
    r = ps(ENABLE + "$s = New-CimSession -ComputerName HV02\n"
           "Move-VM app01 -DestinationCimSession $s -ResourcePoolName Primordial -Passthru | "
           "Format-Table Name, ComputerName\n"
           "Move-VM web01 -DestinationCimSession $s -CimSession (New-CimSession HV01) -VirtualMachinePath D:\\VMs\\web01 "
           "-Vhds @(@{SourceFilePath='D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'; "
           "DestinationFilePath='D:\\VMs\\web01\\web01.vhdx'})\n(Get-VM -ComputerName HV02).Name -join ','\n")
    assert not r.errors
    assert r.stdout == "\nName  ComputerName\n----  ------------\napp01 HV02\n\ndc01,app01,web01\n"


# ---------------------------------------------------------------- Move-VM -CompatibilityReport: the move of the report

CONFIG_FILE = "(Get-VM web01).Id.ToString().ToUpper() + '.vmcx'\n"


def test_report_moves_the_configuration_to_its_virtual_machine_path():
    r = ps(ENABLE + "$file = 'Virtual Machines\\' + " + CONFIG_FILE +
           "$report = Compare-VM web01 HV02 -VirtualMachinePath D:\\X\n"
           "$report.OperationType; $report.Incompatibilities.Count\n"
           "Move-VM -CompatibilityReport $report\n"
           "Get-VM web01 -ComputerName HV02 | Format-List ComputerName, Path, ConfigurationLocation\n"
           "Test-Path \"\\\\HV02\\D$\\X\\$file\"; Test-Path \"D:\\Hyper-V\\web01\\$file\"\n")
    assert r.stderr == ""
    assert r.stdout == ("MoveVirtualMachineAndStorage\n0\n\n"
                        "ComputerName          : HV02\nPath                  : D:\\X\nConfigurationLocation : D:\\X\n\n"
                        "True\nFalse\n")


def test_report_moves_all_storage_to_its_destination_storage_path():
    r = ps(ENABLE + "$report = Compare-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\Y\n"
           "Move-VM -CompatibilityReport $report -Passthru | "
           "Format-List ComputerName, Path, ConfigurationLocation, SnapshotFileLocation\n"
           "(Get-VM web01 -ComputerName HV02).HardDrives.Path\n"
           "Test-Path '\\\\HV02\\D$\\Y\\Virtual Hard Disks\\web01.vhdx'\n")
    assert r.stderr == ""
    assert r.stdout == ("\nComputerName          : HV02\nPath                  : D:\\Y\nConfigurationLocation : D:\\Y\n"
                        "SnapshotFileLocation  : D:\\Y\n\nD:\\Y\\Virtual Hard Disks\\web01.vhdx\nTrue\n")


def test_report_keeps_every_destination_it_was_made_for():
    # -SnapshotFilePath, -SmartPagingFilePath and -Vhds go with the report too, and the report's
    # own folder findings stop Move-VM as they stop Compare-VM.
    vhds = ("@(@{SourceFilePath='D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'; "
            "DestinationFilePath='D:\\W\\Disks\\web01.vhdx'})")
    r = ps(ENABLE + f"$bad = Compare-VM web01 HV02 -VirtualMachinePath Q:\\W -SnapshotFilePath Q:\\W -Vhds {vhds}\n"
           "$bad.Incompatibilities | ForEach-Object { '{0} {1}' -f $_.MessageId, $_.Message }\n"
           "Move-VM -CompatibilityReport $bad; $Error[0].TargetObject.Destination\n"
           "(Get-VM web01 -ComputerName HV01).ComputerName\n"
           f"$good = Compare-VM web01 HV02 -VirtualMachinePath D:\\W\\Config -SnapshotFilePath D:\\W\\Checkpoints "
           f"-SmartPagingFilePath D:\\W\\Paging -Vhds {vhds}\n"
           "Move-VM -CompatibilityReport $good\n"
           "$vm = Get-VM web01 -ComputerName HV02\n"
           "$vm.Path; $vm.SnapshotFileLocation; $vm.SmartPagingFilePath; $vm.HardDrives.Path\n")
    assert r.stdout == ("26010 The destination path 'Q:\\W' is not available on host 'HV02'.\nHV02\nHV01\n"
                        "D:\\W\\Config\nD:\\W\\Checkpoints\nD:\\W\\Paging\nD:\\W\\Disks\\web01.vhdx\n")
    assert [e.message for e in r.errors] == [
        ("The virtual machine 'web01' is not compatible with physical computer 'HV02'.\n"
         "The destination path 'Q:\\W' is not available on host 'HV02'.")]


def test_report_vm_adapters_connect_to_the_destination_switches():
    r = ps(ENABLE + "New-VMSwitch Lab2 -SwitchType Private -ComputerName HV02 | Out-Null\n"
           "New-VMSwitch Lab1 -SwitchType Private | Out-Null; Connect-VMNetworkAdapter web01 -SwitchName Lab1\n"
           "$report = Compare-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01\n"
           "$report.Incompatibilities.MessageId\n"
           "Connect-VMNetworkAdapter -VMNetworkAdapter $report.VM.NetworkAdapters[0] -SwitchName Lab2\n"
           "Compare-VM -CompatibilityReport $report; $report.Incompatibilities.Count\n"
           "Move-VM -CompatibilityReport $report\n"
           "(Get-VMNetworkAdapter web01 -ComputerName HV02).SwitchName\n")
    assert r.stderr == ""
    assert r.stdout == "33012\n0\nLab2\n"
