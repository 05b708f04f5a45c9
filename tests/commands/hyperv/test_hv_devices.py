"""Checkpoints, disks and VHDs, switches and adapters, processor, memory, DVD drives, Measure-VM."""

from tests.commands.hyperv.hv_helpers import fails, fqid, ok, out, values


def test_checkpoint_vm_get_and_remove_snapshots():
    text = ("Checkpoint-VM web01 before; Get-VM web01 | Checkpoint-VM -Passthru | ForEach-Object Name;"
            "Get-VMSnapshot web01 | ForEach-Object { '{0}<{1}>' -f $_.Name, $_.ParentSnapshotName };"
            "$first = Get-VMCheckpoint -VMName web01 -Name before;"
            "(Get-VMSnapshot -ChildOf $first).Name; (Get-VMSnapshot -ParentOf (Get-VM web01)).Name;"
            "(Get-VMSnapshot -Id (Get-VM web01).Id -ComputerName HV01).Count;"
            "(Get-VMSnapshot -VM (Get-VM web01) -SnapshotType Standard).Count;"
            "Remove-VMSnapshot -VMName web01 -Name before -Passthru | ForEach-Object Name;"
            "(Get-VM web01).ParentSnapshotName")
    expected_default = "web01 - (3/10/2025 - 9:00:00 AM)"
    assert values(text) == [expected_default, "before<>", f"{expected_default}<before>", expected_default,
                            expected_default, "2", "2", "before", expected_default]


def test_snapshot_view_and_remove_with_children():
    assert ok("Checkpoint-VM test01 one -Passthru").stdout.splitlines()[1:4] == [
        "VMName Name SnapshotType CreationTime         ParentSnapshotName",
        "------ ---- ------------ ------------         ------------------",
        "test01 one  Standard     3/10/2025 9:00:00 AM",
    ]
    text = ("Checkpoint-VM test01 a; Checkpoint-VM test01 b; Checkpoint-VM test01 c;"
            "Get-VMSnapshot test01 a | Remove-VMSnapshot -IncludeAllChildSnapshots; (Get-VMSnapshot test01).Count;"
            "Checkpoint-VM test01 d; Get-VM test01 | Remove-VMSnapshot; (Get-VMSnapshot test01).Count")
    assert values(text) == ["0", "0"]


def test_hard_disk_drives_view_and_sets():
    assert ok("Get-VMHardDiskDrive -VMName web01").stdout == (
        "\nVMName ControllerType ControllerNumber ControllerLocation DiskNumber Path\n"
        "------ -------------- ---------------- ------------------ ---------- ----\n"
        "web01  SCSI           0                0                             D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx"
        "\n\n")
    assert values("Get-VM sql01 | Get-VMHardDiskDrive -ControllerLocation 1 | ForEach-Object Path") == [
        "D:\\Hyper-V\\Virtual Hard Disks\\sql01-data.vhdx"]
    assert "VMSnapshot parameter" in fails("Checkpoint-VM web01 x; Get-VMSnapshot web01 | Get-VMHardDiskDrive").message


def test_add_and_remove_hard_disk_drives():
    text = ("New-VHD -Path E:\\data.vhdx -SizeBytes 100GB | Out-Null;"
            "Add-VMHardDiskDrive -VMName test01 -Path E:\\data.vhdx -Passthru | ForEach-Object ControllerLocation;"
            "Add-VMHardDiskDrive -VM (Get-VM web01) -ControllerType SCSI -DiskNumber 3 -Passthru | "
            "ForEach-Object DiskNumber;"
            "Remove-VMHardDiskDrive test01 SCSI 0 2 -Passthru | ForEach-Object Path;"
            "Get-VMHardDiskDrive web01 -ControllerLocation 2 | Remove-VMHardDiskDrive;"
            "(Get-VMHardDiskDrive web01).Count")
    assert values(text) == ["2", "3", "E:\\data.vhdx", "1"]


def test_add_hard_disk_drive_errors():
    record = fails("Add-VMHardDiskDrive test01 -Path D:\\missing.vhdx")
    assert record.message == ("Failed to add device 'Virtual Hard Disk'.\n"
                              "The system cannot find the file specified. (0x80070002)")
    assert "being used by another process" in fails(
        "Add-VMHardDiskDrive test01 -Path 'D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'").message
    assert "IDE controllers" in fails("Add-VMHardDiskDrive test01 IDE -Path E:\\x.vhdx").message
    assert "-QoSPolicyID parameter" in fails("Add-VMHardDiskDrive test01 -Path E:\\x.vhdx -QoSPolicyID x").message


def test_new_vhd_sets_and_get_vhd_sets():
    text = ("New-VHD E:\\fixed.vhd -SizeBytes 1GB -Fixed | ForEach-Object { $_.VhdFormat; $_.VhdType; $_.FileSize };"
            "New-VHD -Path E:\\dyn.vhdx -SizeBytes 1GB -Dynamic | ForEach-Object FileSize;"
            "Get-VHD -Path E:\\fixed.vhd | ForEach-Object Size;"
            "[pscustomobject]@{VMId = (Get-VM web01).Id} | Get-VHD | ForEach-Object Path;"
            "Get-VHD -VMId (Get-VM sql01).Id | ForEach-Object Attached")
    assert values(text) == ["VHD", "Fixed", "1073741824", "4194304", "1073741824",
                            "D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx", "True", "True"]


def test_new_vhd_and_get_vhd_errors():
    record = fails("New-VHD D:\\Hyper-V\\web01\\x.vhdx -SizeBytes 1GB; New-VHD D:\\Hyper-V\\web01\\x.vhdx -SizeBytes 1GB")
    assert record.message.endswith("The file exists. (0x80070050)")
    assert fqid(record) == "OperationFailed,Microsoft.HyperV.PowerShell.Commands.NewVHD"
    assert fails("New-VHD D:\\big.vhdx -SizeBytes 3TB -Fixed").message.endswith(
        "There is not enough space on the disk. (0x80070070)")
    assert fails("New-VHD D:\\nofolder\\x.vhdx -SizeBytes 1GB").message.endswith(
        "The system cannot find the path specified. (0x80070003)")
    assert "-Differencing parameter" in fails("New-VHD D:\\d.vhdx -ParentPath D:\\p.vhdx -Differencing").message
    assert "-SourceDisk parameter" in fails("New-VHD D:\\d.vhdx -SourceDisk 2 -Fixed").message
    assert fails("Get-VHD D:\\none.vhdx").message == "'D:\\none.vhdx' is not an existing virtual hard disk file."
    assert "-DiskNumber parameter" in fails("Get-VHD -DiskNumber 6").message


def test_switches_view_sets_and_new_switch_sets():
    assert ok("Get-VMSwitch").stdout == (
        "\nName     SwitchType NetAdapterInterfaceDescription\n"
        "----     ---------- ------------------------------\n"
        "External External   Intel(R) Ethernet Converged Network Adapter X710 #Ethernet\n\n")
    text = ("New-VMSwitch -Name Lab -SwitchType Private | ForEach-Object SwitchType;"
            "New-VMSwitch Migration -NetAdapterName Migration | ForEach-Object NetAdapterInterfaceDescription;"
            "New-VMSwitch Desc -NetAdapterInterfaceDescription 'Intel(R) Ethernet Converged Network Adapter X710 #Migration' "
            "-ComputerName HV02 | ForEach-Object ComputerName;"
            "Get-VMSwitch -SwitchType Private | ForEach-Object Name;"
            "Get-VMSwitch -Id (Get-VMSwitch Lab).Id | ForEach-Object Name;"
            "Get-VMSwitch -ComputerName HV04 | ForEach-Object Name")
    assert values(text) == ["Private", "Intel(R) Ethernet Converged Network Adapter X710 #Migration", "HV02", "Lab",
                            "Lab", "Production"]


def test_switch_errors():
    assert fails("Get-VMSwitch Nope").message == 'Hyper-V was unable to find a virtual switch with name "Nope".'
    assert "already bound to the Microsoft Virtual Switch protocol" in fails(
        "New-VMSwitch Second -NetAdapterName Ethernet").message
    assert fails("New-VMSwitch X -NetAdapterName Wifi").message == (
        "No MSFT_NetAdapter objects found with property 'Name' equal to 'Wifi'. Verify the value of the property "
        "and retry.")
    assert "-EnableIov parameter" in fails("New-VMSwitch X -SwitchType Internal -EnableIov $true").message


def test_network_adapters_view_and_sets():
    assert ok("Get-VMNetworkAdapter -VMName web01").stdout == (
        "\nName            IsManagementOs VMName SwitchName MacAddress   Status IPAddresses\n"
        "----            -------------- ------ ---------- ----------   ------ -----------\n"
        "Network Adapter False          web01  External   00155D0A0B01 {Ok}   {}\n\n")
    assert values("Get-VMNetworkAdapter -VM (Get-VM test01) | ForEach-Object MacAddress") == ["00155D0A0B04"]
    assert values("Get-VMNetworkAdapter -ManagementOS | ForEach-Object { $_.Name; $_.IPAddresses }") == [
        "External", "10.0.0.11"]
    assert len(out("Get-VMNetworkAdapter -All")) == 5
    assert out("Get-VMNetworkAdapter -VMName web01 -IsLegacy $true") == []


def test_connect_and_disconnect_network_adapters():
    text = ("New-VMSwitch Lab -SwitchType Internal | Out-Null;"
            "Connect-VMNetworkAdapter -VMName web01 -SwitchName Lab;"
            "(Get-VMNetworkAdapter web01).SwitchName;"
            "Get-VMNetworkAdapter test01 | Disconnect-VMNetworkAdapter -Passthru | ForEach-Object Connected;"
            "Get-VMNetworkAdapter test01 | Connect-VMNetworkAdapter -VMSwitch (Get-VMSwitch External) -Passthru | "
            "ForEach-Object SwitchName;"
            "Disconnect-VMNetworkAdapter -VMName sql01 -Name 'Network Adapter';"
            "(Get-VMNetworkAdapter sql01).SwitchName")
    assert values(text) == ["Lab", "False", "External", ""]
    assert fails("Connect-VMNetworkAdapter web01 -SwitchName Nope").message == (
        'Hyper-V was unable to find a virtual switch with name "Nope".')
    assert "-UseAutomaticConnection parameter" in fails(
        "Get-VMNetworkAdapter web01 | Connect-VMNetworkAdapter -UseAutomaticConnection").message


def test_processor_view_and_set_vmprocessor():
    assert ok("Get-VMProcessor web01").stdout.splitlines()[1:4] == [
        "VMName Count CompatibilityForMigrationEnabled CompatibilityForOlderOperatingSystemsEnabled",
        "------ ----- -------------------------------- --------------------------------------------",
        "web01  2     False                            False",
    ]
    text = ("Set-VMProcessor test01 -Count 4 -CompatibilityForMigrationEnabled $true;"
            "Get-VMProcessor -VM (Get-VM test01) | ForEach-Object { $_.Count; $_.CompatibilityForMigrationEnabled };"
            "Get-VMProcessor test01 | Set-VMProcessor -Count 2 -Passthru | ForEach-Object Count;"
            "Set-VMProcessor -VM (Get-VM test01) -CompatibilityForMigrationEnabled $false -Passthru | "
            "ForEach-Object CompatibilityForMigrationEnabled")
    assert values(text) == ["4", "True", "2", "False"]


def test_set_vmprocessor_only_while_off():
    record = fails("Set-VMProcessor web01 -CompatibilityForMigrationEnabled $true")
    assert record.message == ("Failed to modify device 'Processor'.\n"
                              "The operation cannot be performed while the object is in its current state.")
    assert fqid(record) == "InvalidState,Microsoft.HyperV.PowerShell.Commands.SetVMProcessor"
    assert "logical processors" in fails("Set-VMProcessor test01 -Count 64").message
    assert "-Reserve parameter" in fails("Set-VMProcessor test01 -Reserve 10").message


def test_memory_view_and_set_vmmemory():
    assert ok("Get-VMMemory web01").stdout.splitlines()[1:4] == [
        "VMName DynamicMemoryEnabled Minimum(M) Startup(M) Maximum(M)",
        "------ -------------------- ---------- ---------- ----------",
        "web01  False                512        4096       1048576",
    ]
    text = ("Set-VMMemory test01 -DynamicMemoryEnabled $true -MinimumBytes 512MB -StartupBytes 1GB -MaximumBytes 4GB;"
            "Get-VMMemory test01 | ForEach-Object { $_.DynamicMemoryEnabled; $_.Startup };"
            "Get-VMMemory test01 | Set-VMMemory -StartupBytes 2GB -Passthru | ForEach-Object Startup;"
            "Set-VMMemory -VM (Get-VM test01) -DynamicMemoryEnabled $false -Passthru | ForEach-Object DynamicMemoryEnabled")
    assert values(text) == ["True", "1073741824", "2147483648", "False"]
    assert "current state" in fails("Set-VMMemory web01 -StartupBytes 8GB").message
    assert "between the minimum and the maximum" in fails(
        "Set-VMMemory test01 -DynamicMemoryEnabled $true -MaximumBytes 1GB").message
    assert "-Buffer parameter" in fails("Set-VMMemory test01 -Buffer 20").message


def test_dvd_drives_view_and_set_vmdvddrive():
    assert ok("Get-VMDvdDrive web01").stdout.splitlines()[1:4] == [
        "VMName ControllerType ControllerNumber ControllerLocation DvdMediaType Path",
        "------ -------------- ---------------- ------------------ ------------ ----",
        "web01  SCSI           0                1                  None",
    ]
    text = ("Set-Content -Path D:\\iso.iso -Value x 2>$null; $fs = 1;"
            "Set-VMDvdDrive -VMName web01 -Path $null -Passthru | ForEach-Object DvdMediaType;"
            "Get-VMDvdDrive -VM (Get-VM web01) -ControllerNumber 0 | Set-VMDvdDrive -Path $null -Passthru | "
            "ForEach-Object Path")
    assert values(text) == ["None", ""]
    assert fails("Set-VMDvdDrive web01 -Path D:\\missing.iso").message == (
        "Failed to add device 'Virtual CD/DVD Disk'.\nThe system cannot find the file specified. (0x80070002)")
    assert "No DVD drive" in fails("Set-VMDvdDrive web01 1 0 -Path $null").message


def test_measure_vm():
    assert ok("Measure-VM web01").stdout.splitlines()[1:4] == [
        "VMName AvgCPU(MHz) AvgRAM(M) MaxRAM(M) MinRAM(M) TotalDisk(M) NetworkInbound(M) NetworkOutbound(M)",
        "------ ----------- --------- --------- --------- ------------ ----------------- ------------------",
        "web01  0           4096      4096      4096      61440        0                 0",
    ]
    assert values("Get-VM test01 | Measure-VM | ForEach-Object AverageMemoryUsage") == ["0"]
