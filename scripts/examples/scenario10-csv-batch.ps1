# Scenario 10: a batch of moves described in a CSV file (VMName, DestinationHost,
# DestinationDirectory, MigrationMethod), with a report of what happened written as CSV.
#   pshv -OutputDirectory out scripts/examples/scenario10-csv-batch.ps1

param(
    [string]$PlanPath,
    [string]$ReportPath = 'X:\scenario10-results.csv'
)
if (-not $PlanPath) { $PlanPath = Join-Path $PSScriptRoot 'scenario10-migrations.csv' }

Enable-VMMigration -ComputerName HV01, HV02

$results = @()
foreach ($row in Import-Csv -Path $PlanPath) {
    $result = [PSCustomObject]@{
        VMName      = $row.VMName
        Destination = $row.DestinationHost
        Method      = $row.MigrationMethod
        Start       = Get-Date
        End         = $null
        Status      = 'Pending'
    }
    try {
        $folder = "\\$($row.DestinationHost)\$($row.DestinationDirectory.Replace(':', '$'))"
        if (-not (Test-Path $folder)) {
            New-Item -ItemType Directory -Path $folder | Out-Null
        }
        $move = @{ Name = $row.VMName; DestinationHost = $row.DestinationHost; ErrorAction = 'Stop' }
        if ($row.MigrationMethod -eq 'WithStorage') {
            $move.IncludeStorage = $true
            $move.DestinationStoragePath = $row.DestinationDirectory
        }
        Move-VM @move
        $result.Status = 'Completed'
    }
    catch {
        $result.Status = "Failed: $($_.Exception.Message.Split([char]10)[0])"
    }
    $result.End = Get-Date
    $results += $result
    "{0,-7} -> {1}: {2}" -f $result.VMName, $result.Destination, $result.Status
}

$results | Export-Csv -Path $ReportPath -NoTypeInformation
"Report written to $ReportPath ($($results.Count) rows)"
