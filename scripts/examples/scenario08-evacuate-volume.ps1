# Scenario 8: evacuate a volume: move every VM file that lives on D: to E:, one component at a
# time (configuration, checkpoints, smart paging, then each virtual hard disk).
#   pshv scripts/examples/scenario08-evacuate-volume.ps1

param(
    [string]$OldVolume = 'D:\',
    [string]$NewVolume = 'E:\'
)

function Get-NewPath([string]$Path) {
    $NewVolume + $Path.Substring($OldVolume.Length)
}

foreach ($vm in Get-VM) {
    if ($vm.Path.StartsWith($OldVolume)) {
        Move-VMStorage -VMName $vm.Name -VirtualMachinePath (Get-NewPath $vm.Path)
    }
    if ($vm.SnapshotFileLocation.StartsWith($OldVolume)) {
        Move-VMStorage -VMName $vm.Name -SnapshotFilePath (Get-NewPath $vm.SnapshotFileLocation)
    }
    if ($vm.SmartPagingFilePath.StartsWith($OldVolume)) {
        Move-VMStorage -VMName $vm.Name -SmartPagingFilePath (Get-NewPath $vm.SmartPagingFilePath)
    }
    foreach ($disk in Get-VMHardDiskDrive -VMName $vm.Name) {
        if (-not $disk.Path.StartsWith($OldVolume)) { continue }
        $vhd = @{ SourceFilePath = $disk.Path; DestinationFilePath = Get-NewPath $disk.Path }
        Move-VMStorage -VMName $vm.Name -Vhds @($vhd)
    }
    "{0}: {1}" -f $vm.Name, (Get-VM $vm.Name).Path
}

$left = @(Get-VM | Where-Object { $_.Path.StartsWith($OldVolume) -or
    (@($_.HardDrives | Where-Object { $_.Path.StartsWith($OldVolume) }).Count -gt 0) })
"VMs with files left on ${OldVolume}: $($left.Count)"
Get-VMHardDiskDrive -VMName * | Format-Table VMName, Path
