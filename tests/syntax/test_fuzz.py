"""Mutated real scripts either parse or raise ParseError, never anything else."""

import pytest
from hypothesis import HealthCheck, given, settings

from pshv.syntax import ParseError, ast, parse
from tests.mutations import mutated_scripts

SCRIPTS = [
    """<#
.SYNOPSIS
    Drain a node.
#>
[CmdletBinding()]
param([Parameter(Mandatory)][string]$Node, [int]$Max = 2)
$vms = Get-VM -ComputerName $Node | Where-Object { $_.State -eq 'Running' }
foreach ($vm in $vms) {
    $target = Get-ClusterNode | Sort-Object { (Get-VM -ComputerName $_.Name).Count } |
        Select-Object -First 1
    try {
        Move-VM -Name $vm.Name -DestinationHost $target.Name -ErrorAction Stop
        Write-Host ("Moved {0} to {1}" -f $vm.Name, $target) -ForegroundColor Green
    } catch [System.Exception] {
        Write-Warning "Failed: $($_.Exception.Message)"
        continue
    } finally { $i++ }
}
""",
    """function Set-Thing($a, $b = @{ x = 1; 'y' = @(1, 2) }) {
    switch -Wildcard ($a) {
        'web*' { $b['x'] += 1; break }
        { $_ -like 'sql*' } { [math]::Round($b.x / 3, 2) }
        default { $null = $b.Remove('y') }
    }
    :outer for ($i = 0; $i -lt 3; $i++) { while ($true) { break outer } }
    do { $i-- } until ($i -le 0)
    $s = @"
Value: $($b.x) and $env:COMPUTERNAME
"@
    return [string[]]($s -split "`n")
}
& $sb 1 2 2>&1 > $null; . .\\helper.ps1 -Name:'x' -- -y
Move-VM \u2013Name Server01 \u2014DestinationHost Host01 @params
""",
]

PIECES = ["{", "}", "(", ")", "[", "]", "$", "@", '"', "'", "`", "|", ",", ";", "\n", "#", "<#",
          "#>", "-", "--", ".", "::", "=", "+=", "@'\n", '"@', "$(", "@{", "if", "else", "function",
          "param(", "-eq", "[int]", "\u2013", "\u201c", "\u2019", ":", " ", "0x", "1kb", "&", ">"]


MUTATED = mutated_scripts(SCRIPTS, PIECES, max_edits=4)


def check(text: str) -> None:
    try:
        result = parse(text)
    except ParseError as error:
        assert error.errors and all(issue.line >= 1 and issue.col >= 1 for issue in error.errors)
    else:
        assert isinstance(result, ast.ScriptBlock)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTATED)
def test_mutations_parse_or_raise_parse_error(text):
    check(text)


@pytest.mark.slow
@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTATED)
def test_mutations_parse_or_raise_parse_error_long(text):
    check(text)


def test_unmutated_scripts_parse():
    for text in SCRIPTS:
        assert isinstance(parse(text), ast.ScriptBlock)
