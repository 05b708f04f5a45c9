"""Variable scopes: global, script, function and script-block scopes chained to their parents.

Names are stored case-folded. A variable's value lives directly in `Scope.values` (the hot
path is one dict lookup); rarer facts (type constraints, read-only, private) live in side
tables that stay empty for most scopes.
"""

from __future__ import annotations

from typing import Callable

MISSING = object()


class Scope:
    __slots__ = ("values", "parent", "kind", "constraints", "readonly", "private", "functions", "aliases", "names")

    def __init__(self, parent: "Scope | None" = None, kind: str = "local") -> None:
        self.values: dict[str, object] = {}
        self.parent = parent
        self.kind = kind  # 'global' | 'script' | 'function' | 'local'
        self.constraints: dict[str, Callable[[object], object]] = {}
        self.readonly: set[str] = set()
        self.private: set[str] = set()
        self.functions: dict[str, object] = {}
        self.aliases: dict[str, str] = {}
        self.names: dict[str, str] = {}  # case-folded name -> the spelling it was created with

    def lookup(self, folded: str) -> object:
        """The value of a variable visible from this scope, or MISSING."""
        scope: Scope | None = self
        first = True
        while scope is not None:
            value = scope.values.get(folded, MISSING)
            if value is not MISSING and (first or folded not in scope.private):
                return value
            scope = scope.parent
            first = False
        return MISSING

    def owner(self, folded: str) -> "Scope | None":
        """The scope that holds the variable, if any."""
        scope: Scope | None = self
        while scope is not None:
            if folded in scope.values:
                return scope
            scope = scope.parent
        return None

    def constraint_for(self, folded: str) -> Callable[[object], object] | None:
        return self.constraints.get(folded) if self.constraints else None

    def find_function(self, folded: str) -> object:
        return self._find("functions", folded)

    def find_alias(self, folded: str) -> str | None:
        return self._find("aliases", folded)  # type: ignore[return-value]

    def _find(self, table: str, folded: str) -> object:
        """The nearest entry for `folded` in the `functions` or `aliases` tables of this scope
        and its parents, or None."""
        scope: Scope | None = self
        while scope is not None:
            entries = getattr(scope, table)
            if entries:
                found = entries.get(folded)
                if found is not None:
                    return found
            scope = scope.parent
        return None

    def nearest(self, kind: str) -> "Scope":
        scope: Scope = self
        while scope.kind != kind and scope.parent is not None:
            scope = scope.parent
        return scope


def restore_value(values: dict[str, object], name: str, saved: object) -> None:
    """Put back a variable saved with `values.get(name, MISSING)`: remove it when it was missing."""
    if saved is MISSING:
        values.pop(name, None)
    else:
        values[name] = saved
