# Scenario 7: check a move with Compare-VM, fix what can be fixed in the report (a virtual switch
# the destination does not have), give up on anything else, then move with the report.
#   pshv scripts/examples/scenario07-compare-fix-move.ps1

param(
    [string]$VMName = 'web01',
    [string]$Destination = 'HV06',
    [string]$SwitchHint = 'External'
)

# A new host whose external switch is named differently.
New-LabHost -Name $Destination -SwitchName 'Corp-External'
Enable-VMMigration -ComputerName HV01, $Destination

$report = Compare-VM -Name $VMName -DestinationHost $Destination -IncludeStorage `
    -DestinationStoragePath "D:\Hyper-V\$VMName"
"Compare-VM found {0} problem(s):" -f @($report.Incompatibilities).Count
$report.Incompatibilities | Format-Table MessageId, Message

$unresolved = @()
:Problems foreach ($problem in $report.Incompatibilities) {
    switch ($problem.MessageId) {
        33012 {
            $switch = Get-VMSwitch -ComputerName $Destination | Where-Object Name -like "*$SwitchHint*" |
                Select-Object -First 1
            if ($null -eq $switch) { $unresolved += $problem.Message; continue Problems }
            $problem.Source | Connect-VMNetworkAdapter -SwitchName $switch.Name
            "Fixed: the network adapter will use switch '$($switch.Name)'"
        }
        default { $unresolved += $problem.Message }
    }
}
if ($unresolved.Count -gt 0) {
    throw "Cannot move ${VMName}: $($unresolved -join '; ')"
}

$moved = Move-VM -CompatibilityReport $report -Passthru
"{0} now runs on {1} ({2})" -f $moved.Name, $moved.ComputerName, $moved.State
