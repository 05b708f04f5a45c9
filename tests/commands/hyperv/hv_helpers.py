"""Helpers of the Hyper-V command tests: run text and insist on no errors, or look at the errors."""

from __future__ import annotations

from tests.conftest import ps


def ok(text: str, width: int = 120):
    """Run `text`; it must not write any error. Returns the RunResult."""
    result = ps(text, width=width)
    assert not result.errors, [e.message for e in result.errors]
    return result


def out(text: str) -> list:
    return ok(text).output


def values(text: str) -> list[str]:
    """The output objects as strings (what `"$x"` would give)."""
    from pshv.runtime.convert import to_string

    return [to_string(v) for v in out(text)]


def fails(text: str):
    """Run `text`; it must write at least one error. Returns the first ErrorRecord."""
    result = ps(text)
    assert result.errors, "expected an error"
    return result.errors[0]


def fqid(record) -> str:
    return record.fully_qualified_error_id
