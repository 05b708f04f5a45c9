"""Helpers of the Lab cmdlet tests: run text, insist on no errors, or look at the first error."""

from __future__ import annotations

from tests.conftest import ps


def ok(text: str, width: int = 120):
    """Run `text`; it must not write any error. Returns the RunResult."""
    result = ps(text, width=width)
    assert not result.errors, [e.message for e in result.errors]
    return result


def values(text: str) -> list[str]:
    """The output objects as strings (what `"$x"` would give)."""
    from pshv.runtime.convert import to_string

    return [to_string(v) for v in ok(text).output]


def fails(text: str):
    """Run `text`; it must write at least one error. Returns the first ErrorRecord."""
    result = ps(text)
    assert result.errors, "expected an error"
    return result.errors[0]


def fqid(record) -> str:
    return record.fully_qualified_error_id


def run_with_lab(text: str, output_directory: str | None = None):
    """Run `text` in a fresh shell (X: mounted on `output_directory` when given); returns
    (RunResult with stdout, the shell's lab afterwards)."""
    from pshv.runtime.host import CaptureHost
    from pshv.shell import create_session

    host = CaptureHost(120)
    session = create_session(host, output_directory=output_directory)
    result = session.run_script(text, collect=True, new_scope=False)
    result.stdout = host.out_text
    return result, session.ctx.services["lab"].lab
