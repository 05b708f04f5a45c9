<#
.SYNOPSIS
    A short tour of the PowerShell language as pshv runs it.
.DESCRIPTION
    Functions with typed, validated parameters; pipelines of objects; hashtables and
    custom objects; the -f operator; error handling; and the output tables PowerShell prints.
#>
param(
    [ValidateRange(1, 10)]
    [int]$Hosts = 4
)

function New-HostRecord {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [int]$Number,
        [ValidateSet('Intel', 'AMD')]
        [string]$Vendor = 'Intel'
    )
    process {
        [pscustomobject]@{
            Name     = 'HV{0:00}' -f $Number
            Vendor   = if ($Number % 3 -eq 0) { 'AMD' } else { $Vendor }
            MemoryGB = 128 * [math]::Pow(2, $Number % 2)
            VMs      = ($Number * 7) % 5 + 1
        }
    }
}

Write-Host "Building an inventory of $Hosts hosts..." -ForegroundColor Cyan
$inventory = 1..$Hosts | New-HostRecord
$inventory | Format-Table -AutoSize

$byVendor = @{}
foreach ($record in $inventory) {
    if (-not $byVendor.ContainsKey($record.Vendor)) { $byVendor[$record.Vendor] = 0 }
    $byVendor[$record.Vendor] += $record.VMs
}
foreach ($vendor in $byVendor.Keys | Sort-Object) {
    '{0,-6} {1,3} VMs' -f $vendor, $byVendor[$vendor]
}

$lightest = $inventory | Sort-Object VMs, Name | Select-Object -First 1
"The least loaded host is $($lightest.Name) with $($lightest.VMs) VM(s)."

$total = ($inventory | Measure-Object -Property MemoryGB -Sum).Sum
"Total memory: {0:N0} GB ({1:P0} of it on AMD hosts)" -f $total, (($inventory | Where-Object Vendor -eq 'AMD' | Measure-Object MemoryGB -Sum).Sum / $total)

try {
    New-HostRecord -Number 1 -Vendor Sparc
}
catch {
    Write-Warning "As expected: $($_.Exception.Message)"
}
