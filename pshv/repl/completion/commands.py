"""Command-name completion: aliases, functions and cmdlets of the session."""

from __future__ import annotations

from .candidate import Candidate, matches


def command_candidates(ctx, typed: str) -> list[Candidate]:
    """Commands whose names match `typed`, sorted by name (the first of a name wins)."""
    found: dict[str, Candidate] = {}
    for info in ctx.commands.all_commands(ctx.scope):
        name = info.Name
        if name.casefold() not in found and matches(name, typed):
            found[name.casefold()] = Candidate(name, name, info.CommandType)
    return sorted(found.values(), key=lambda candidate: candidate.text.casefold())
