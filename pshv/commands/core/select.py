"""Select-Object: new objects with chosen (or calculated) properties, expansion and paging."""

from __future__ import annotations

from collections import deque

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import PSObject
from ...runtime.params import cmdlet, p
from .calculated import SELECT_KEYS, PropertyArg, matching_names, parse_property_args

UTILITY = "Microsoft.PowerShell.Commands"
_PAGING_SETS = "DefaultParameter,SkipLastParameter"


class SelectObject(Cmdlet):
    spec = cmdlet("Select-Object", [
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("Property", "System.Object[]", sets=_PAGING_SETS, position=0),
        p("ExcludeProperty", "System.String[]", sets=_PAGING_SETS),
        p("ExpandProperty", "System.String", sets=_PAGING_SETS),
        p("Unique", "switch"),
        p("Last", "System.Int32", sets="DefaultParameter"),
        p("First", "System.Int32", sets="DefaultParameter"),
        p("Skip", "System.Int32", sets="DefaultParameter"),
        p("SkipLast", "System.Int32", sets="SkipLastParameter"),
        p("Wait", "switch", sets="DefaultParameter,IndexParameter"),
        p("Index", "System.Int32[]", sets="IndexParameter"),
    ], default_set="DefaultParameter")
    dotnet_class = f"{UTILITY}.SelectObjectCommand"

    def begin(self) -> None:
        specs = self.params.get("Property")
        self._properties = parse_property_args(self.ctx, list(specs), SELECT_KEYS) if specs else None
        self._excluded = [str(name) for name in self.params.get("ExcludeProperty") or []]
        self._seen: list[object] = []  # -Unique: what was written so far
        self._first = self.params.get("First") if self.given("First") else None
        self._last = self.params.get("Last") if self.given("Last") else None
        skip = self.params.get("Skip") or 0
        # With -Last alone, -Skip counts from the end of the input.
        self._skip_end = skip if self._last is not None and self._first is None else 0
        self._skip = 0 if self._skip_end else skip
        self._written_first = 0
        self._tail: deque | None = None
        if self._last is not None or self._skip_end:
            self._tail = deque()
        self._skip_last = self.params.get("SkipLast") or 0
        self._held: deque = deque()
        self._indexes = sorted(set(self.params.get("Index") or [])) if self.parameter_set == "IndexParameter" else None
        self._position = 0

    # ------------------------------------------------------------------ paging

    def process(self) -> None:
        if not self.has_input:
            return
        item = self.params.get("InputObject")
        if self._indexes is not None:
            self._by_index(item)
            return
        if self._skip_last:
            self._held.append(item)
            if len(self._held) > self._skip_last:
                self._emit(self._held.popleft())
            return
        if self._skip:
            self._skip -= 1
            return
        if self._first is not None and self._written_first < self._first:
            self._written_first += 1
            self._emit(item)
            if self._written_first == self._first and self._tail is None and self.out is not None:
                self._stop()
            return
        if self._first is not None and self._tail is None:
            return
        if self._tail is not None:
            self._tail.append(item)
            if len(self._tail) > (self._last or 0) + self._skip_end:
                self._tail.popleft()
            return
        self._emit(item)

    def _by_index(self, item: object) -> None:
        if self._indexes and self._position == self._indexes[0]:
            self._indexes.pop(0)
            self._emit(item)
            if not self._indexes and not self.params.get("Wait"):
                self._position += 1
                self._stop()
        self._position += 1

    def _stop(self) -> None:
        if self.params.get("Wait"):
            return
        stop = E.StopPipeline()
        stop.processor = self
        raise stop

    def end(self) -> None:
        if self._tail is not None:
            items = list(self._tail)
            if self._skip_end:
                items = items[:max(len(items) - self._skip_end, 0)]
            for item in items[-self._last:] if self._last else ([] if self._last == 0 else items):
                self._emit(item)

    # ------------------------------------------------------------------ shaping

    def _emit(self, item: object) -> None:
        expand = self.params.get("ExpandProperty")
        if expand:
            for value in self._expanded(item, expand):
                self._write_unique(value)
        elif self._properties is not None:
            self._write_unique(self._selected(item))
        else:
            self._write_unique(item)

    def _write_unique(self, value: object) -> None:
        if self.params.get("Unique"):
            if any(_same(value, seen, self.ctx) for seen in self._seen):
                return
            self._seen.append(value)
        self.out.append(value)

    def _selected(self, item: object) -> PSObject:
        result = PSObject(type_names=_selected_type_names(item))
        self._add_properties(result, item)
        return result

    def _add_properties(self, target: PSObject, item: object) -> None:
        for name, value in self._values(item):
            if target.has_property(name):
                self.error(E.PSArgumentException(
                    f'The property cannot be processed because the property "{name}" already exists.',
                    error_id="AlreadyExistingUserSpecifiedPropertyNoExpand", category="InvalidOperation"), item)
                continue
            target.set(name, value)

    def _values(self, item: object) -> list[tuple[str, object]]:
        from ...runtime.formatting.properties import wildcard_match
        from ...runtime.members import get_member

        pairs: list[tuple[str, object]] = []
        for arg in self._properties or []:
            if arg.reader is not None:
                pairs.append((arg.label, self._calculated(arg, item)))
                continue
            for name in matching_names(item, arg.label):
                if any(wildcard_match(pattern, name) for pattern in self._excluded):
                    continue
                pairs.append((_spelling(item, name), get_member(self.ctx, item, name)))
        return pairs

    def _calculated(self, arg: PropertyArg, item: object) -> object:
        try:
            return arg.reader(item)
        except E.PSException as error:
            self.error(error, item)
            return None

    def _expanded(self, item: object, name: str) -> list[object]:
        from ...runtime.members import get_member, has_member
        from ...runtime.pipeline import enumerate_input

        if item is None or not has_member(item, name):
            self.error(E.PSArgumentException(
                f'Property "{name}" cannot be found.', error_id="ExpandPropertyNotFound",
                category="InvalidArgument"), item)
            return []
        value = get_member(self.ctx, item, name)
        values = enumerate_input(value) if isinstance(value, list) or hasattr(value, "ps_enumerate") else [value]
        if self._properties is None:
            return values
        result = []
        for element in values:
            wrapped = element if type(element) is PSObject else PSObject(
                type_names=_wrapped_type_names(element), base=element)
            self._add_properties(wrapped, item)
            result.append(wrapped)
        return result


def _selected_type_names(item: object) -> list[str]:
    from ...runtime.formatting.properties import type_names

    first = type_names(item)[0] if item is not None else "System.Object"
    return [f"Selected.{first}", *PSObject.DEFAULT_TYPE_NAMES]


def _wrapped_type_names(item: object) -> list[str]:
    from ...runtime.formatting.properties import type_names

    return list(type_names(item))


def _spelling(item: object, name: str) -> str:
    from ...runtime.members import property_names

    folded = name.casefold()
    return next((actual for actual in property_names(item) if actual.casefold() == folded), name)


def _same(a: object, b: object, ctx) -> bool:
    """-Unique's comparison: case-sensitive, property by property for custom objects."""
    from ...runtime.operators import equals

    if type(a) is PSObject and type(b) is PSObject:
        names_a, names_b = a.property_names(), b.property_names()
        if [n.casefold() for n in names_a] != [n.casefold() for n in names_b]:
            return False
        return all(_same(a.get(name), b.get(name), ctx) for name in names_a)
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    try:
        return equals(a, b, case_sensitive=True, ctx=ctx)
    except E.PSException:
        return False
