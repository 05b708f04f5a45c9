# Scenario 9: consolidate every VM of a host under one folder per VM (E:\VM\<name>), skipping
# VMs already there and VMs that are not operating normally.
#   pshv scripts/examples/scenario09-consolidate-folders.ps1

param([string]$Root = 'E:\VM')

Get-VM | ForEach-Object {
    $target = Join-Path $Root $_.Name
    if ($_.Path -eq $target) {
        "$($_.Name): already in $target"
    }
    elseif ($_.OperationalStatus -ne 'Ok') {
        "$($_.Name): skipped, status $($_.OperationalStatus)"
    }
    else {
        Move-VMStorage -VMName $_.Name -DestinationStoragePath $target
        "$($_.Name): moved to $target"
    }
}

# A second pass finds nothing left to do.
Get-VM | Where-Object { $_.Path -ne (Join-Path $Root $_.Name) } | ForEach-Object { "still to move: $($_.Name)" }
Get-VM | Format-Table Name, State, Path
