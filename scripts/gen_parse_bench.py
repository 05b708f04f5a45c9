"""Generate a PowerShell script of real constructs and measure how fast pshv parses it.

    python scripts/gen_parse_bench.py [--lines 5000] [--write bench.ps1]

Prints lines per second (median of 5 parses).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

BLOCK = '''\
<#
.SYNOPSIS
    Moves VM {n} to the least loaded host.
#>
function Move-LabVm{n} {{
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline = $true)]
        [ValidateNotNullOrEmpty()]
        [string[]]$Name,
        [ValidateSet('Live', 'Quick')]
        [string]$MigrationType = 'Live',
        [int]$Retries = 3,
        [switch]$Force
    )
    begin {{ $moved = @() }}
    process {{
        foreach ($vmName in $Name) {{
            $vm = Get-VM -Name $vmName -ErrorAction SilentlyContinue
            if (-not $vm) {{
                Write-Warning "VM $vmName was not found on $env:COMPUTERNAME"
                continue
            }} elseif ($vm.State -eq 'Off' -and !$Force) {{
                Write-Verbose ("Skipping {{0}}: {{1}}" -f $vm.Name, $vm.State)
            }}
            $hosts = Get-ClusterNode | Where-Object {{ $_.State -eq 'Up' -and $_.Name -ne $vm.ComputerName }}
            $target = $hosts | Sort-Object -Property {{ (Get-VM -ComputerName $_.Name).Count }} | Select-Object -First 1
            $params = @{{
                Name = $vm.Name
                DestinationHost = $target.Name
                IncludeStorage = $true
                DestinationStoragePath = "D:\\VMs\\$($vm.Name)"
            }}
            switch -Wildcard ($vm.Name) {{
                'sql*' {{ $params['Priority'] = 1 }}
                'web*' {{ $params.Priority = 2 }}
                default {{ $params.Priority = 3 }}
            }}
            try {{
                $elapsed = [System.Diagnostics.Stopwatch]::StartNew()
                Move-VM @params -ErrorAction Stop | Out-Null
                $moved += [PSCustomObject]@{{ Name = $vm.Name; Seconds = [math]::Round($elapsed.Elapsed.TotalSeconds, 2) }}
            }} catch [System.InvalidOperationException] {{
                Write-Error "Failed to move $($vm.Name): $($_.Exception.Message)"
            }} finally {{
                $elapsed.Stop()
            }}
            for ($i = 0; $i -lt $Retries; $i++) {{ if ($moved.Count -gt $i) {{ break }} }}
        }}
    }}
    end {{ return $moved }}
}}

$total{n} = 0
1..10 | ForEach-Object {{ $total{n} += $_ * 2 }}
$report{n} = Move-LabVm{n} -Name 'web01', 'sql01' -Force -Verbose:$false 2>&1
Write-Host ("Moved {{0}} VMs in {{1:N2}} s" -f $report{n}.Count, ($report{n} | Measure-Object Seconds -Sum).Sum) -ForegroundColor Green

'''


def generate(lines: int) -> str:
    """A script of about `lines` lines made of repeated, numbered blocks."""
    chunks: list[str] = []
    count = 0
    n = 0
    while count < lines:
        block = BLOCK.format(n=n)
        chunks.append(block)
        count += block.count("\n")
        n += 1
    return "".join(chunks)


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--lines", type=int, default=5000)
    options.add_argument("--write", type=Path)
    args = options.parse_args(argv)
    text = generate(args.lines)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pshv.syntax import parse

    line_count = text.count("\n")
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        parse(text)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(f"{line_count} lines, median {median * 1000:.0f} ms, {line_count / median:,.0f} lines/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
