"""A completion answer, and the prefix match every source uses."""

from __future__ import annotations

from fnmatch import fnmatchcase
from typing import NamedTuple


class Candidate(NamedTuple):
    """The text that replaces the word, what the menu shows, and a note beside it."""

    text: str
    display: str
    meta: str = ""


def matches(name: str, typed: str) -> bool:
    """PowerShell's completion match: a case-insensitive prefix, or a wildcard pattern."""
    folded, typed = name.casefold(), typed.casefold()
    if any(char in typed for char in "*?["):
        return fnmatchcase(folded, typed if typed.endswith("*") else typed + "*")
    return folded.startswith(typed)
