# Scenario 4: drain a host before maintenance: live-migrate its VMs one by one to the least
# loaded of the other hosts (with their storage, the hosts share none), logging every step and
# stopping at the first failure.
#   pshv scripts/examples/scenario04-drain-node.ps1

param(
    [string]$Node = 'HV01',
    [string[]]$Targets = @('HV02', 'HV05')
)

function Write-Log {
    param([string]$Message, [string]$Level = 'Info')
    $stamp = (Get-Date).ToString('HH:mm:ss')
    switch ($Level) {
        'Error' { Write-Output "[$stamp] ERROR $Message" }
        'Warn'  { Write-Output "[$stamp] WARN  $Message" }
        default { Write-Output "[$stamp] $Message" }
    }
}

# The lab gets a second, empty target host for the evening.
New-LabHost -Name HV05 -MemoryGB 512 -MigrationNicGbps 10 -Rdma -Volume @{ D = 4TB }
Enable-VMMigration -ComputerName (@($Node) + $Targets)

$vms = Get-VM -ComputerName $Node
Write-Log "Draining $Node`: $($vms.Count) virtual machines"
foreach ($vm in $vms) {
    $load = foreach ($target in $Targets) {
        [PSCustomObject]@{ Node = $target; VMCount = @(Get-VM -ComputerName $target).Count }
    }
    $least = $load | Sort-Object VMCount | Select-Object -First 1
    try {
        Write-Log "Moving $($vm.Name) ($($vm.State)) to $($least.Node)"
        Move-VM -Name $vm.Name -ComputerName $Node -DestinationHost $least.Node -IncludeStorage `
            -DestinationStoragePath "D:\Hyper-V\$($vm.Name)" -ErrorAction Stop
        Write-Log "Moved $($vm.Name) to $($least.Node)"
    }
    catch {
        Write-Log "Could not move $($vm.Name): $($_.Exception.Message)" -Level Error
        break
    }
}

$left = @(Get-VM -ComputerName $Node).Count
if ($left -eq 0) { Write-Log "$Node is empty and ready for maintenance" }
else { Write-Log "$Node still runs $left virtual machines" -Level Warn }
Get-LabMigrationTrace | Format-Table VMName, Kind, Destination, Result
