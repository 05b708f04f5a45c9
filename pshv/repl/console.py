"""The interactive shell on a terminal: a prompt_toolkit PromptSession with highlighting,
completion, history and history suggestions, running each input in the session.

Ctrl+C while typing drops the line; while a command runs it stops the command (the runtime
lets KeyboardInterrupt through) and the shell goes on, as PowerShell's console does.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.output.defaults import create_output
from prompt_toolkit.styles import Style

from .banner import banner_text
from .basic import is_incomplete, prompt_text, run_command
from .completion.completer import PowerShellCompleter
from .console_host import ConsoleHost
from .highlight import PowerShellLexer
from .history import BoundedFileHistory, history_path
from .keys import repl_key_bindings
from .pacing import pace_from_environment

STYLE = Style.from_dict({"auto-suggestion": "fg:#808080"})
DEFAULT_HISTORY_COUNT = 4096


def run_console(session, *, logo: bool = True) -> int:
    """Read, run and print until `exit`; returns the exit code."""
    ctx = session.ctx
    host = ConsoleHost(create_output(stdout=sys.stdout))
    host.interactive = ctx.host.interactive
    ctx.host = host
    ctx.services["pacing"] = pace_from_environment()
    if logo:
        host.write(banner_text(ctx) + "\n")
    prompt = _prompt_session(session, host)
    warm_up = _WarmUp()
    while True:
        try:
            text = prompt.prompt(prompt_text(session), pre_run=warm_up.start)
        except KeyboardInterrupt:
            continue
        except EOFError:
            return 0
        if not text.strip():
            continue
        try:
            result = _run(session, host, text)
        except KeyboardInterrupt:  # a second Ctrl+C while the first was being handled
            continue
        if result is not None and result.exited:
            return result.exit_code


def _prompt_session(session, host: ConsoleHost) -> PromptSession:
    ctx = session.ctx

    def history_limit() -> int:
        try:
            return int(ctx.preference("MaximumHistoryCount"))
        except (TypeError, ValueError):
            return DEFAULT_HISTORY_COUNT

    return PromptSession(
        history=BoundedFileHistory(history_path(), history_limit),
        lexer=PowerShellLexer(),
        completer=PowerShellCompleter(ctx),
        auto_suggest=AutoSuggestFromHistory(),
        complete_while_typing=False,
        multiline=True,
        prompt_continuation=lambda width, line, soft_wrap: "" if soft_wrap else ">> ",
        key_bindings=repl_key_bindings(is_incomplete),
        style=STYLE,
        include_default_pygments_style=False,
        output=host.output,
    )


def _run(session, host: ConsoleHost, text: str):
    """Run one input; None when Ctrl+C stopped it."""
    try:
        with _quiet_terminal():
            return run_command(session, text)
    except KeyboardInterrupt:
        host.pane.clear()
        host.write("^C\n")
        cancel = session.ctx.services.get("cancel_running")
        if cancel is not None:
            cancel()
        return None
    finally:
        host.pane.clear()


@contextlib.contextmanager
def _quiet_terminal() -> Iterator[None]:
    """No echo of keys typed while a command runs (they wait for the next prompt); Ctrl+C
    still interrupts."""
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):
        yield
        return
    quiet = list(saved)
    quiet[3] &= ~(termios.ECHO | termios.ECHOCTL)
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, saved)


class _WarmUp:
    """Imports the parser in the background once the first prompt is up, so the first key
    press is highlighted and the first command parsed without waiting for it."""

    def __init__(self) -> None:
        self.started = False

    def start(self) -> None:
        if not self.started:
            self.started = True
            threading.Thread(target=_warm, name="pshv-warm-up", daemon=True).start()


def _warm() -> None:
    from ..syntax import parse, tokenize

    tokenize("Get-ChildItem -Path C:\\ | Where-Object { $_.Name -like '*' }")
    parse("1")
