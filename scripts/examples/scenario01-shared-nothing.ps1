# Scenario 1: prepare two standalone hosts for shared-nothing live migration, move a VM with
# its storage, time the move, and bring it back.
#   pshv scripts/examples/scenario01-shared-nothing.ps1

param(
    [string]$VMName = 'web01',
    [string]$Source = 'HV01',
    [string]$Destination = 'HV02'
)

# Kerberos needs constrained delegation between the two computer accounts (in Active Directory;
# in the lab, Set-LabHost records it).
Set-LabHost -Name $Source -KerberosDelegationTo $Destination
Set-LabHost -Name $Destination -KerberosDelegationTo $Source

# Both hosts: migration on, Kerberos, compression, any network.
Enable-VMMigration -ComputerName $Source, $Destination
$settings = @{
    ComputerName                              = $Source, $Destination
    VirtualMachineMigrationAuthenticationType = 'Kerberos'
    VirtualMachineMigrationPerformanceOption  = 'Compression'
    UseAnyNetworkForMigration                 = $true
}
Set-VMHost @settings
Get-VMHost -ComputerName $Source, $Destination |
    Format-Table Name, VirtualMachineMigrationEnabled, VirtualMachineMigrationAuthenticationType

# Out: the VM and its files go to the destination's D:\VMs.
$out = @{
    Name                   = $VMName
    ComputerName           = $Source
    DestinationHost        = $Destination
    IncludeStorage         = $true
    DestinationStoragePath = "D:\VMs\$VMName"
}
$started = Get-Date
Move-VM @out
$finished = Get-Date
"{0} moved to {1} in {2:n2} minutes" -f $VMName, $Destination, ($finished - $started).TotalMinutes
Get-VM -Name $VMName -ComputerName $Destination | Format-Table Name, State, ComputerName, Path

# And back to where it came from.
$back = @{
    Name                   = $VMName
    ComputerName           = $Destination
    DestinationHost        = $Source
    IncludeStorage         = $true
    DestinationStoragePath = "D:\Hyper-V\$VMName"
}
Move-VM @back
"{0} is back on {1} in {2}" -f $VMName, (Get-VM $VMName).ComputerName, (Get-VM $VMName).Path
