"""Without a terminal (pipes, CI) `pshv` reads its input line by line with the plain loop."""

from __future__ import annotations

import io
import subprocess
import sys

from pshv.repl import run_repl
from pshv.shell import create_session


def cli(*args: str, input_text: str) -> subprocess.CompletedProcess:
    """`pshv` with its standard input and output on pipes."""
    return subprocess.run([sys.executable, "-m", "pshv.cli", *args], input=input_text, capture_output=True,
                          text=True, timeout=120, check=False)


def test_piped_input_runs_line_by_line_with_continuation():
    done = cli(input_text="'one'\nif ($true) {\n'two' }\nexit 4\n'never'\n")
    assert done.returncode == 4
    assert "one\n" in done.stdout and "two\n" in done.stdout and "never" not in done.stdout
    assert ">> " in done.stdout
    assert "Lab: the built-in default lab" in done.stdout


def test_end_of_input_ends_the_shell():
    done = cli("-NoLogo", input_text="Get-Location | Out-Null\n")
    assert done.returncode == 0
    assert done.stdout.startswith("PS C:\\Users\\Administrator> ")


def test_the_plain_loop_does_not_pace(monkeypatch):
    session = create_session()
    monkeypatch.setattr("sys.stdin", io.StringIO("$x = 1\n"))
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert run_repl(session, logo=False) == 0
    assert "pacing" not in session.ctx.services
