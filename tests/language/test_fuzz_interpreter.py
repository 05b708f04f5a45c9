"""Mutated real scripts through the parser and the interpreter: whatever the input, a run
ends with output, PowerShell error records or a parse error — never a Python exception,
and never a Python traceback in what the user sees."""

from __future__ import annotations

import signal

import pytest
from hypothesis import HealthCheck, given, settings

import pshv
from tests.mutations import mutated_scripts

SEEDS = [
    """param([string]$Name = 'web01', [int]$Count = 3)
function Get-Load { param([Parameter(Mandatory)][string]$Node) $Node.Length * 2 }
$hosts = @('HV01', 'HV02') | ForEach-Object { [pscustomobject]@{ Name = $_; Load = Get-Load -Node $_ } }
$target = $hosts | Sort-Object Load | Select-Object -First 1
foreach ($i in 1..$Count) {
    if ($i % 2 -eq 0) { "even $i" } elseif ($i -gt 2) { continue } else { "odd $i" }
}
try { throw "failed $Name" } catch { Write-Warning $_.Exception.Message } finally { 'done' }
$h = @{ a = 1; b = 'two' }; $h.c = 3; "{0} keys" -f $h.Count
switch -Regex ($Name) { '^web' { 'web server' } default { 'other' } }
""",
    """$list = New-Object System.Collections.ArrayList
[void]$list.Add(1); $list.AddRange(@(2, 3))
$total = 0; $list | ForEach-Object { $total += $_ }
"$total items: $($list -join ',')"
$s = 'a,b,,c'.Split(','); $s.Count
[math]::Round(10 / 3, 2); [int]'42' + 1; '5' * 3
do { $total-- } while ($total -gt 0)
:outer foreach ($x in 1..3) { foreach ($y in 1..3) { if ($y -eq 2) { continue outer }; "$x$y" } }
$e = $null; $e.Length; @($e).Count
Write-Output ([string]::Join('-', @('x','y'))) | Out-String
""",
]
PIECES = ["{", "}", "(", ")", "[", "]", "$", "@", '"', "'", "|", ";", "`", "\n", "-eq", "..", ",", "=", "+=",
          "$_", "foreach", "if", "-f", "::", ".", "#", "<#", "#>", "@{", "$(", "1/0", "throw", "break", "-"]


class _TooLong(BaseException):
    """Raised by the alarm when a mutated script loops; not an Exception, so it passes the runtime."""


def _alarm(signum, frame):
    raise _TooLong()


MUTATED = mutated_scripts(SEEDS, PIECES, max_edits=6)


def _run_bounded(text: str):
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 2.0)
    try:
        return pshv.run(text)
    except _TooLong:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _check(text: str) -> None:
    result = _run_bounded(text)
    if result is None:  # an endless loop the mutation made; stopping it is the host's business
        return
    assert "Traceback (most recent call last)" not in result.stdout + result.stderr
    assert "pshv internal error" not in result.stderr, result.stderr


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTATED)
def test_mutated_scripts_fail_only_with_powershell_errors(text):
    _check(text)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTATED)
def test_mutated_scripts_fail_only_with_powershell_errors_long(text):
    _check(text)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_scripts_run_cleanly(seed):
    result = pshv.run(seed)
    assert result.exit_code == 0
    assert result.stderr == "", result.stderr
