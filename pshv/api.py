"""`pshv.run`: run PowerShell text from Python and get its objects, errors and text back."""

from __future__ import annotations

from .runtime.host import CaptureHost
from .runtime.session import RunResult


def run(text: str, *, width: int = 120) -> RunResult:
    """Run `text` in a fresh shell, as `pshv -Command` does (at global scope).

    Returns a RunResult with `output` (the objects the script wrote to the output stream),
    `errors` (ErrorRecords, oldest first), `exit_code`, and the console text it produced
    (`stdout`, `stderr`) as Windows PowerShell 5.1 would show it.
    """
    from .shell import create_session

    host = CaptureHost(width)
    session = create_session(host)
    result = session.run_script(text, collect=True, new_scope=False)
    result.stdout = host.out_text
    result.stderr = host.err_text
    return result
