<#
    Host inventory of the lab, then live-migration set-up of HV01 and HV02.

    Lists every Hyper-V host with its virtual machines, switches and migration settings, shows
    the failover cluster, then enables live migration on HV01 and HV02 with Kerberos, SMB and
    a dedicated migration network, printing the settings before and after.
#>
param(
    [string[]]$ComputerName = @('HV01', 'HV02', 'HV03', 'HV04'),
    [string[]]$MigrationHosts = @('HV01', 'HV02'),
    [string]$MigrationSubnet = '192.168.10.0/24'
)

function Show-MigrationSettings([string[]]$Hosts) {
    Get-VMHost -ComputerName $Hosts |
        Format-List Name, VirtualMachineMigrationEnabled, MaximumVirtualMachineMigrations,
            MaximumStorageMigrations, VirtualMachineMigrationAuthenticationType,
            VirtualMachineMigrationPerformanceOption, UseAnyNetworkForMigration
}

Write-Host "=== Hyper-V hosts ==="
Get-VMHost -ComputerName $ComputerName | Format-Table -AutoSize

foreach ($hostName in $ComputerName) {
    $vmHost = Get-VMHost -ComputerName $hostName
    $vms = @(Get-VM -ComputerName $hostName)
    $running = @($vms | Where-Object { $_.State -eq 'Running' })
    $assigned = 0
    foreach ($vm in $running) { $assigned += $vm.MemoryAssigned }
    Write-Host ("=== {0}: {1} VMs ({2} running), {3:N0} of {4:N0} GB memory assigned ===" -f $hostName,
        $vms.Count, $running.Count, ($assigned / 1GB), ($vmHost.MemoryCapacity / 1GB))
    if ($vms.Count -gt 0) {
        $vms | Format-Table Name, State, ProcessorCount, @{ Label = 'Memory(GB)'; Expression = { $_.MemoryStartup / 1GB } },
            Path -AutoSize
    }
    Get-VMSwitch -ComputerName $hostName | Format-Table Name, SwitchType -AutoSize
}

Write-Host "=== Failover cluster CLU01 ==="
Get-ClusterNode -Cluster CLU01 | Format-Table -AutoSize
Get-ClusterGroup -Cluster CLU01 | Format-Table -AutoSize

Write-Host "=== Live migration before ==="
Show-MigrationSettings $MigrationHosts

Enable-VMMigration -ComputerName $MigrationHosts
Set-VMHost -ComputerName $MigrationHosts -MaximumVirtualMachineMigrations 4 -MaximumStorageMigrations 4 `
    -VirtualMachineMigrationAuthenticationType Kerberos -VirtualMachineMigrationPerformanceOption SMB `
    -UseAnyNetworkForMigration $false
foreach ($hostName in $MigrationHosts) {
    Add-VMMigrationNetwork -ComputerName $hostName -Subnet $MigrationSubnet -Priority 1
}

Write-Host "=== Live migration after ==="
Show-MigrationSettings $MigrationHosts
Get-VMMigrationNetwork -ComputerName $MigrationHosts | Format-Table ComputerName, Subnet, Priority -AutoSize
