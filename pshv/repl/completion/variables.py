"""`$name` completion from the session's scopes (and `$env:`), and `$var.Member` completion
from the value the variable holds now."""

from __future__ import annotations

import re

from .candidate import Candidate, matches

_AUTOMATIC = ("true", "false", "null")
_MEMBER_PATH = re.compile(r"^\$(?P<name>[\w:?]+)(?P<path>(?:\.\w+)*)\.(?P<typed>\w*)$")


def variable_candidates(ctx, word: str) -> list[Candidate]:
    """Completions of `$partial` (or `$env:partial`)."""
    typed = word[1:]
    scope_prefix, colon, rest = typed.rpartition(":")
    if colon and scope_prefix.casefold() == "env":
        return [Candidate(f"${scope_prefix}:{name}", name, "env") for name in sorted(ctx.env, key=str.casefold)
                if matches(name, rest)]
    names: list[str] = []
    scope = ctx.scope
    while scope is not None:
        names.extend(name for name in scope.values if name not in names)
        scope = scope.parent
    names.extend(name for name in _AUTOMATIC if name not in names)
    spelled = sorted((_keep_typed_case(name, typed) for name in names if matches(name, typed)), key=str.casefold)
    return [Candidate("$" + name, "$" + name) for name in spelled]


def _keep_typed_case(name: str, typed: str) -> str:
    """Scopes keep names case-folded: the usual spelling of automatic and preference variables,
    else the user's spelling of the typed prefix."""
    from ...commands.core.variables import _spelling

    spelled = _spelling(name)
    if spelled != name:
        return spelled
    return typed + name[len(typed):] if name.startswith(typed.casefold()) else name


def member_candidates(ctx, word: str) -> list[Candidate]:
    """Completions of `$var.Prop.Partial`: the property names of the value reached so far."""
    from ...runtime.members import get_member, property_names

    found = _MEMBER_PATH.match(word)
    if found is None:
        return []
    value = ctx.get_variable(found["name"])
    for name in filter(None, found["path"].split(".")):
        value = get_member(ctx, value, name)
        if value is None:
            return []
    names = property_names(value)
    if isinstance(value, list) and value:
        names += [name for name in property_names(value[0]) if name not in names]
    head = word[: len(word) - len(found["typed"])]
    return [Candidate(head + name, name, "Property") for name in names if matches(name, found["typed"])]
