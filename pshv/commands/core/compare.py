"""Compare-Object: what is only in the reference (<=), only in the difference (=>), or both (==)."""

from __future__ import annotations

from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import PSObject
from ...runtime.params import cmdlet, p
from .calculated import GROUP_KEYS, key_value, parse_property_args
from .ordering import same

UTILITY = "Microsoft.PowerShell.Commands"


class CompareObject(Cmdlet):
    spec = cmdlet("Compare-Object", [
        p("ReferenceObject", "System.Management.Automation.PSObject[]", position=0, mandatory=True,
          allow_empty_collection=True),
        p("DifferenceObject", "System.Management.Automation.PSObject[]", position=1, mandatory=True, pipeline=True,
          allow_empty_collection=True),
        p("SyncWindow", "System.Int32", default=2147483647),
        p("Property", "System.Object[]"),
        p("ExcludeDifferent", "switch"),
        p("IncludeEqual", "switch"),
        p("PassThru", "switch"),
        p("Culture", "System.String"),
        p("CaseSensitive", "switch"),
    ])
    dotnet_class = f"{UTILITY}.CompareObjectCommand"

    def begin(self) -> None:
        specs = self.params.get("Property")
        self._keys = parse_property_args(self.ctx, list(specs), GROUP_KEYS) if specs else []
        reference = self.params.get("ReferenceObject")
        self._reference = [(item, self._key(item)) for item in _items(reference)]
        self._unmatched_difference: list[tuple[object, list[object]]] = []

    def _key(self, item: object) -> list[object]:
        return [key_value(self.ctx, item, key) for key in self._keys] if self._keys else [item]

    def process(self) -> None:
        for item in _items(self.params.get("DifferenceObject")):
            key = self._key(item)
            match = self._find(key)
            if match is None:
                self._unmatched_difference.append((item, key))
                continue
            reference_item, reference_key = self._reference.pop(match)
            if self.params.get("IncludeEqual"):
                self._emit(reference_item, reference_key, "==")

    def _find(self, key: list[object]) -> int | None:
        case_sensitive = bool(self.params.get("CaseSensitive"))
        window = self.params.get("SyncWindow") or 0
        for index, (_, candidate) in enumerate(self._reference[:window + 1] if window >= 0 else []):
            if all(same(a, b, case_sensitive, self.ctx) for a, b in zip(candidate, key)):
                return index
        return None

    def end(self) -> None:
        if self.params.get("ExcludeDifferent"):
            return
        for item, key in self._unmatched_difference:
            self._emit(item, key, "=>")
        for item, key in self._reference:
            self._emit(item, key, "<=")

    def _emit(self, item: object, key: list[object], side: str) -> None:
        if self.params.get("PassThru"):
            wrapped = PSObject(type_names=_type_names(item), base=item) if type(item) is not PSObject else item
            wrapped.set("SideIndicator", side)
            self.out.append(wrapped)
            return
        if self._keys:
            result = PSObject([(arg.label, value) for arg, value in zip(self._keys, key)])
        else:
            result = PSObject([("InputObject", item)])
        result.set("SideIndicator", side)
        self.out.append(result)


def _items(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _type_names(item: object) -> list[str]:
    from ...runtime.formatting.properties import type_names

    return list(type_names(item))
