"""Mutated real scripts through the parser and the interpreter: whatever the input, a run
ends with output, PowerShell error records or a parse error — never a Python exception,
and never a Python traceback in what the user sees."""

from __future__ import annotations

import multiprocessing

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


MUTATED = mutated_scripts(SEEDS, PIECES, max_edits=6)
TIME_LIMIT_SECONDS = 5.0


def _serve(connection) -> None:
    """The worker: run each script it receives and send back what the user would see."""
    while True:
        text = connection.recv()
        result = pshv.run(text)
        connection.send((result.stdout, result.stderr))


class Worker:
    """A forked process running scripts, replaced when one runs too long.

    A mutation can make an endless loop, or a long operation inside C code (a regular
    expression, a huge allocation) that no signal interrupts; killing the process bounds both.
    """

    def __init__(self) -> None:
        self.process = None
        self.connection = None

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()

    def run(self, text: str) -> tuple[str, str] | None:
        if self.process is None or not self.process.is_alive():
            self._start()
        self.connection.send(text)
        if self.connection.poll(TIME_LIMIT_SECONDS):
            return self.connection.recv()
        self.stop()
        return None

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
        self.process = None


@pytest.fixture(scope="module")
def worker():
    running = Worker()
    yield running
    running.stop()


def _check(worker: Worker, text: str) -> None:
    seen = worker.run(text)
    if seen is None:  # the mutation made an endless or enormous job; stopping it is the host's business
        return
    stdout, stderr = seen
    assert "Traceback (most recent call last)" not in stdout + stderr
    assert "pshv internal error" not in stderr, stderr


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(MUTATED)
def test_mutated_scripts_fail_only_with_powershell_errors(worker, text):
    _check(worker, text)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(MUTATED)
def test_mutated_scripts_fail_only_with_powershell_errors_long(worker, text):
    _check(worker, text)


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_scripts_run_cleanly(seed):
    result = pshv.run(seed)
    assert result.exit_code == 0
    assert result.stderr == "", result.stderr
