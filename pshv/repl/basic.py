"""A plain read-eval-print loop: the `PS C:\\Users\\Administrator>` prompt, `>>` continuation
while the parser says the input is incomplete, `exit` to leave."""

from __future__ import annotations

import sys


def prompt_text(session) -> str:
    """`PS <location>> `, prefixed with `[HOST]: ` inside a remote session (Enter-PSSession)."""
    from ..commands.core.locations import location_of

    ctx = session.ctx
    prompt = f"PS {location_of(ctx).display()}> "
    remote = ctx.services.get("remote_host")
    if remote:
        name = remote if isinstance(remote, str) else getattr(remote, "ComputerName", None) or str(remote)
        prompt = f"[{name}]: {prompt}"
    return prompt


def is_incomplete(text: str) -> bool:
    from ..syntax import ParseError, parse

    try:
        parse(text)
    except ParseError as error:
        return any(issue.incomplete for issue in error.errors)
    except Exception:  # noqa: BLE001 - the runner reports parser failures; the prompt just submits
        return False
    return False


def run_command(session, text: str):
    """Run one input at global scope, then `ctx.services['after_command']` when set (the lesson
    engine checks the learner's step there); scripts and `pshv -c` never call the hook."""
    result = session.run_script(text, new_scope=False)
    hook = session.ctx.services.get("after_command")
    if hook is not None:
        hook(session.ctx)
    return result


def run_repl(session, *, logo: bool = True, stdin=None, stdout=None) -> int:
    from ..runtime import errors as E
    from .banner import banner_text

    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    if logo:
        stdout.write(banner_text(session.ctx) + "\n")
    buffer: list[str] = []
    while True:
        stdout.write(">> " if buffer else prompt_text(session))
        stdout.flush()
        line = stdin.readline()
        if not line:
            stdout.write("\n")
            return 0
        buffer.append(line.rstrip("\n"))
        text = "\n".join(buffer)
        if is_incomplete(text) and line.strip():
            continue
        buffer.clear()
        if not text.strip():
            continue
        try:
            result = run_command(session, text)
        except KeyboardInterrupt:
            stdout.write("\n")
            continue
        except E.ExitSignal as signal:
            return signal.code
        if getattr(result, "exited", False):
            return result.exit_code
