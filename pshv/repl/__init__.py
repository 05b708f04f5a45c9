"""The interactive shell. `run_repl` picks the prompt_toolkit console on a terminal and the plain
line-by-line loop otherwise (pipes, CI: `pshv < script.txt`).

In the console, `ctx.services['pacing']` holds the seconds of real time paced commands (the
migration cmdlets) spend per simulated second; set it with the environment variable PSHV_PACE
(default 0.02; 0 for no waiting). Scripts and the plain loop never set it.
"""

from __future__ import annotations

import sys


def run_repl(session, *, logo: bool = True) -> int:
    """Run the interactive shell on standard input and output; returns the exit code."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        from .console import run_console

        return run_console(session, logo=logo)
    from .basic import run_repl as run_plain

    return run_plain(session, logo=logo)
