"""Sort-Object (several keys, per-key direction, -Unique, stable) and Get-Unique."""

from __future__ import annotations

from functools import cmp_to_key

from ...runtime.cmdlet import Cmdlet
from ...runtime.params import cmdlet, p
from .calculated import SORT_KEYS, key_value, parse_property_args
from .ordering import order, same

UTILITY = "Microsoft.PowerShell.Commands"
_INPUT = p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True)


class SortObject(Cmdlet):
    spec = cmdlet("Sort-Object", [
        p("Property", "System.Object[]", position=0),
        p("Descending", "switch"),
        p("Unique", "switch"),
        p("Culture", "System.String"),
        p("CaseSensitive", "switch"),
        _INPUT,
    ])
    dotnet_class = f"{UTILITY}.SortObjectCommand"

    def begin(self) -> None:
        specs = self.params.get("Property")
        self._keys = parse_property_args(self.ctx, list(specs), SORT_KEYS) if specs else []
        self._rows: list[tuple[object, list[object]]] = []

    def process(self) -> None:
        if not self.has_input:
            return
        item = self.params.get("InputObject")
        keys = [key_value(self.ctx, item, key) for key in self._keys] if self._keys else [item]
        self._rows.append((item, keys))

    def end(self) -> None:
        case_sensitive = bool(self.params.get("CaseSensitive"))
        descending = bool(self.params.get("Descending"))
        directions = [(-1 if descending else 1) if key.ascending is None else (1 if key.ascending else -1)
                      for key in self._keys] or [-1 if descending else 1]
        ctx = self.ctx

        def compare_rows(left: tuple[object, list[object]], right: tuple[object, list[object]]) -> int:
            for direction, a, b in zip(directions, left[1], right[1]):
                result = order(a, b, case_sensitive, ctx)
                if result:
                    return result * direction
            return 0

        rows = sorted(self._rows, key=cmp_to_key(compare_rows))
        previous: list[object] | None = None
        for item, keys in rows:
            if self.params.get("Unique") and previous is not None and all(
                    same(a, b, case_sensitive, ctx) for a, b in zip(keys, previous)):
                continue
            previous = keys
            self.out.append(item)


class GetUnique(Cmdlet):
    spec = cmdlet("Get-Unique", [
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("AsString", "switch", sets="AsString"),
        p("OnType", "switch", sets="UniqueByType"),
    ], default_set="AsString")
    dotnet_class = f"{UTILITY}.GetUniqueCommand"

    _NOTHING = object()

    def begin(self) -> None:
        self._last: object = self._NOTHING

    def process(self) -> None:
        if not self.has_input:
            return
        item = self.params.get("InputObject")
        key = self._key(item)
        if self._last is not self._NOTHING and self._equal(key, self._last):
            return
        self._last = key
        self.out.append(item)

    def _key(self, item: object) -> object:
        if self.params.get("OnType"):
            from ...runtime.formatting.properties import type_names

            return type_names(item)[0] if item is not None else ""
        if self.params.get("AsString") or isinstance(item, str):
            return self.ctx.to_string(item)
        return item

    def _equal(self, a: object, b: object) -> bool:
        if isinstance(a, str) and isinstance(b, str):
            return a == b
        return same(a, b, True, self.ctx)
