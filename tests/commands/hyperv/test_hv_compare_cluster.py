"""Compare-VM reports (fixed in place and re-checked) and the FailoverClusters cmdlets."""

from tests.commands.hyperv.hv_helpers import fails, fqid, ok, out, values

REPORT_TEXT = """
VM                 : Microsoft.HyperV.PowerShell.VirtualMachine
OperationType      : MoveVirtualMachine
Destination        : HV02
Path               : D:\\Hyper-V\\web01
SnapshotPath       : D:\\Hyper-V\\web01
VhdDestinationPath :
VhdSourcePath      :
Incompatibilities  : {Microsoft.HyperV.PowerShell.VMCompatibilityError,
                     Microsoft.HyperV.PowerShell.VMCompatibilityError,
                     Microsoft.HyperV.PowerShell.VMCompatibilityError,
                     Microsoft.HyperV.PowerShell.VMCompatibilityError}

"""


def test_compare_vm_report_view():
    assert ok("Compare-VM web01 HV02").stdout == REPORT_TEXT


def test_compare_vm_name_and_vm_sets_with_storage():
    text = ("Enable-VMMigration -ComputerName HV01, HV02;"
            "$r = Compare-VM -Name web01 -DestinationHost HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01;"
            "$r.OperationType; $r.Incompatibilities.Count;"
            "$r2 = Get-VM app01 | Compare-VM -DestinationHost HV02 -IncludeStorage; $r2.Incompatibilities.Count;"
            "$r3 = Compare-VM -VM (Get-VM web01) -DestinationCimSession (New-CimSession HV02) -IncludeStorage;"
            "$r3.Incompatibilities.Count;"
            "$vhds = @(@{SourceFilePath='D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'; "
            "DestinationFilePath='D:\\Moved\\web01.vhdx'});"
            "$r4 = Compare-VM web01 -DestinationHost HV02 -Vhds $vhds -VirtualMachinePath D:\\Moved;"
            "$r4.OperationType; $r4.Incompatibilities.Count")
    assert values(text) == ["MoveVirtualMachineAndStorage", "0", "0", "0", "MoveVirtualMachineAndStorage", "0"]


def test_compare_vm_checks_the_virtual_machine_path():
    # -VirtualMachinePath is mandatory with -Vhds (the multiple-destination sets) and is checked
    # from the destination host: the drive must exist there, a share must grant its computer account.
    assert "missing mandatory parameters: VirtualMachinePath" in fails(
        "Compare-VM web01 HV02 -Vhds @(@{SourceFilePath='D:\\x.vhdx'; DestinationFilePath='D:\\y.vhdx'})").message
    text = ("Enable-VMMigration -ComputerName HV01, HV02;"
            "$vhds = @(@{SourceFilePath='D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'; "
            "DestinationFilePath='D:\\Moved\\web01.vhdx'});"
            "$r = Compare-VM web01 HV02 -Vhds $vhds -VirtualMachinePath Q:\\VMs\\web01;"
            "$r.Incompatibilities | ForEach-Object { $_.MessageId; $_.Message };"
            "Compare-VM -CompatibilityReport $r; $r.Incompatibilities.Count;"
            "$s = Compare-VM web01 HV02 -Vhds $vhds -VirtualMachinePath \\\\HV01\\D$\\VMs;"
            "$s.Incompatibilities | ForEach-Object MessageId")
    assert values(text) == ["26010", "The destination path 'Q:\\VMs\\web01' is not available on host 'HV02'.", "1",
                            "26011"]


def test_compare_vm_report_fixed_in_place_and_rechecked():
    text = ("Enable-VMMigration -ComputerName HV01, HV04; Stop-VM test01 -TurnOff 3>$null;"
            "$report = Compare-VM test01 -DestinationHost HV04 -IncludeStorage;"
            "$report.Incompatibilities | ForEach-Object MessageId;"
            "$report.Incompatibilities | Where-Object MessageId -eq 33012 | ForEach-Object Source | "
            "Connect-VMNetworkAdapter -SwitchName Production;"
            "Compare-VM -CompatibilityReport $report;"
            "$report.Incompatibilities | ForEach-Object MessageId;"
            "(Get-VMNetworkAdapter test01).SwitchName")
    assert values(text) == ["26008", "33012", "26008", "Production"]


def test_compare_vm_incompatibility_table():
    text = ("New-VMSwitch Lab -SwitchType Private | Out-Null; Connect-VMNetworkAdapter web01 -SwitchName Lab;"
            "Enable-VMMigration -ComputerName HV01, HV02;"
            "$r = Compare-VM web01 -DestinationHost HV02 -IncludeStorage; $r.Incompatibilities | Format-Table -AutoSize")
    lines = ok(text, width=200).stdout.splitlines()
    assert lines[1].split() == ["Message", "MessageId", "Source"]
    assert lines[3].split() == ["Could", "not", "find", "Ethernet", "switch", "'Lab'.", "33012",
                                "Microsoft.HyperV.PowerShell.VMNetworkAdapter"]


def test_compare_vm_unsupported_sets_and_errors():
    assert "-Register parameter" in fails("Compare-VM -Path D:\\vm.vmcx -Register").message
    assert "-Copy parameter" in fails("Compare-VM -Path D:\\vm.vmcx -Copy").message
    assert fails("Compare-VM web01 HV99").message.startswith("The computer 'HV99' could not be resolved.")
    assert fails("Compare-VM nosuch HV02").message == 'Hyper-V was unable to find a virtual machine with name "nosuch".'


def test_cluster_views():
    assert ok("Get-ClusterNode -Cluster CLU01").stdout == (
        "\nName  State Type\n----  ----- ----\nHVC01 Up    Node\nHVC02 Up    Node\n\n")
    assert ok("Get-ClusterGroup -Cluster CLU01").stdout == (
        "\nName  OwnerNode State\n----  --------- -----\ncrm01 HVC01     Online\n\n")
    assert ok("Get-ClusterResource -Cluster CLU01").stdout.splitlines()[1:4] == [
        "Name                                State  OwnerGroup ResourceType",
        "----                                -----  ---------- ------------",
        "Virtual Machine crm01               Online crm01      Virtual Machine",
    ]
    assert ok("Get-ClusterSharedVolume -Cluster CLU01").stdout == (
        "\nName           State  Node\n----           -----  ----\nCluster Disk 1 Online HVC01\n\n")
    assert ok("Get-Cluster CLU01").stdout == "\nName\n----\nCLU01\n\n"


def test_cluster_queries_by_input_object_vmid_and_name():
    text = ("Get-ClusterNode HVC01 -Cluster CLU01 | Get-ClusterGroup | ForEach-Object Name;"
            "(Get-ClusterGroup -Cluster CLU01 -VMId (Get-VM crm01 -ComputerName HVC01).Id).OwnerNode.Name;"
            "Get-Cluster CLU01 | Get-ClusterNode | ForEach-Object Name;"
            "(Get-ClusterSharedVolume -Cluster HVC02).SharedVolumeInfo.FriendlyVolumeName;"
            "Get-ClusterGroup crm01 -Cluster CLU01 | Get-ClusterResource | ForEach-Object ResourceType;"
            "(Get-ClusterGroup -Cluster CLU01 | Where-Object GroupType -eq 'VirtualMachine').Name")
    assert values(text) == ["crm01", "HVC01", "HVC01", "HVC02", "C:\\ClusterStorage\\Volume1", "Virtual Machine",
                            "Virtual Machine Configuration", "crm01"]


def test_cluster_errors():
    record = fails("Get-ClusterNode")
    assert record.message.startswith("The cluster service is not running.")
    assert fqid(record) == "ClusterEndpointNotRegistered,Microsoft.FailoverClusters.PowerShell.GetNodeCommand"
    assert fails("Get-ClusterGroup nosuch -Cluster CLU01").message == "The cluster group 'nosuch' could not be found."


def test_add_and_remove_cluster_roles():
    text = ("New-VM app02 -ComputerName HVC02 -Path C:\\ClusterStorage\\Volume1 | Out-Null;"
            "Add-ClusterVirtualMachineRole -VirtualMachine app02 -Cluster CLU01 | ForEach-Object { $_.Name; $_.State };"
            "(Get-VM app02 -ComputerName HVC02).IsClustered;"
            "Remove-ClusterGroup app02 -Cluster CLU01 -RemoveResources -Force;"
            "(Get-VM app02 -ComputerName HVC02).IsClustered; (Get-ClusterGroup -Cluster CLU01).Count")
    assert values(text) == ["app02", "Offline", "True", "False", "1"]
    assert "RemoveResources" in fails("Remove-ClusterGroup crm01 -Cluster CLU01 -Force").message
    assert "NonInteractive" in fails("Remove-ClusterGroup crm01 -Cluster CLU01 -RemoveResources").message
    assert "already a clustered role" in fails("Add-ClusterVirtualMachineRole -VMName crm01 -Cluster CLU01").message


def test_suspend_and_resume_cluster_nodes():
    text = ("Suspend-ClusterNode HVC02 -Cluster CLU01 | ForEach-Object State;"
            "Get-ClusterNode HVC02 -Cluster CLU01 | Resume-ClusterNode | ForEach-Object State")
    assert values(text) == ["Paused", "Up"]
    # -Drain and -Failback (tested in full in tests/commands/migration/test_cluster_moves.py)
    text = ("$n = Suspend-ClusterNode HVC01 -Cluster CLU01 -Drain -Wait; \"$($n.State) $($n.DrainStatus)\";"
            "(Get-ClusterGroup crm01 -Cluster CLU01).OwnerNode.Name;"
            "Resume-ClusterNode HVC01 -Cluster CLU01 -Failback Immediate | ForEach-Object State; Start-Sleep 60;"
            "(Get-ClusterGroup crm01 -Cluster CLU01).OwnerNode.Name")
    assert values(text) == ["Paused Completed", "HVC02", "Up", "HVC01"]
    assert out("Suspend-ClusterNode HVC02 -Cluster CLU01 -WhatIf") == []
