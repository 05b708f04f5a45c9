"""Measure-Object: GenericMeasureInfo (Count/Average/Sum/Maximum/Minimum) and TextMeasureInfo."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject
from ...runtime.params import cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
_GENERIC, _TEXT = "GenericMeasure", "TextMeasure"


class GenericMeasureInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.GenericMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo",
                     "System.Object")
    ps_properties = ("Count", "Average", "Sum", "Maximum", "Minimum", "Property")

    def __init__(self, prop: str | None) -> None:
        self.Count = 0
        self.Average: float | None = None
        self.Sum: float | None = None
        self.Maximum: float | None = None
        self.Minimum: float | None = None
        self.Property = prop

    def ps_to_string(self) -> str:
        return "Microsoft.PowerShell.Commands.GenericMeasureInfo"


class TextMeasureInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.TextMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo",
                     "System.Object")
    ps_properties = ("Lines", "Words", "Characters", "Property")

    def __init__(self, prop: str | None) -> None:
        self.Lines: int | None = None
        self.Words: int | None = None
        self.Characters: int | None = None
        self.Property = prop

    def ps_to_string(self) -> str:
        return "Microsoft.PowerShell.Commands.TextMeasureInfo"


class _Tally:
    """What has been measured for one property."""

    def __init__(self) -> None:
        self.found = False
        self.count = 0
        self.total = 0.0
        self.maximum: float | None = None
        self.minimum: float | None = None
        self.lines = self.words = self.characters = 0


class MeasureObject(Cmdlet):
    spec = cmdlet("Measure-Object", [
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("Property", "System.String[]", position=0),
        p("Sum", "switch", sets=_GENERIC),
        p("Average", "switch", sets=_GENERIC),
        p("Maximum", "switch", sets=_GENERIC),
        p("Minimum", "switch", sets=_GENERIC),
        p("Line", "switch", sets=_TEXT),
        p("Word", "switch", sets=_TEXT),
        p("Character", "switch", sets=_TEXT),
        p("IgnoreWhiteSpace", "switch", sets=_TEXT),
    ], default_set=_GENERIC)
    dotnet_class = f"{UTILITY}.MeasureObjectCommand"

    def begin(self) -> None:
        names = [str(name) for name in self.params.get("Property") or []]
        self._names: list[str | None] = names or [None]
        self._tallies = {name: _Tally() for name in self._names}

    def process(self) -> None:
        if not self.has_input:
            return
        item = self.params.get("InputObject")
        for name in self._names:
            value = item if name is None else self._read(item, name)
            if value is _MISSING:
                continue
            tally = self._tallies[name]
            tally.found = True
            if self.parameter_set == _TEXT:
                self._measure_text(tally, value)
            else:
                self._measure_number(tally, value, item)

    def _read(self, item: object, name: str) -> object:
        from ...runtime.members import get_member

        if item is None:
            return _MISSING
        value = get_member(self.ctx, item, name, _MISSING)
        return _MISSING if value is None and self.parameter_set != _TEXT else value

    def _measure_number(self, tally: _Tally, value: object, item: object) -> None:
        tally.count += 1
        if not any(self.params.get(name) for name in ("Sum", "Average", "Maximum", "Minimum")):
            return
        from ...runtime.convert import to_double

        try:
            number = to_double(value)
        except E.PSException:
            text = self.ctx.to_string(value)
            self.error(E.PSInvalidOperationException(
                f'Input object "{text}" is not numeric.', error_id="NonNumericInputObject",
                category="InvalidType"), item)
            tally.count -= 1
            return
        tally.total += number
        tally.maximum = number if tally.maximum is None else max(tally.maximum, number)
        tally.minimum = number if tally.minimum is None else min(tally.minimum, number)

    def _measure_text(self, tally: _Tally, value: object) -> None:
        text = "" if value is None else self.ctx.to_string(value)
        tally.lines += len(text.splitlines())
        tally.words += len(text.split())
        if self.params.get("IgnoreWhiteSpace"):
            tally.characters += sum(1 for char in text if not char.isspace())
        else:
            tally.characters += len(text)

    def end(self) -> None:
        for name in self._names:
            tally = self._tallies[name]
            if name is not None and not tally.found:
                self.error(E.PSArgumentException(
                    f'The property "{name}" cannot be found in the input for any objects.',
                    error_id="GenericMeasurePropertyNotFound", category="InvalidArgument"), name)
                continue
            self.out.append(self._text_info(name, tally) if self.parameter_set == _TEXT
                            else self._generic_info(name, tally))

    def _generic_info(self, name: str | None, tally: _Tally) -> GenericMeasureInfo:
        info = GenericMeasureInfo(name)
        info.Count = tally.count
        if self.params.get("Sum"):
            info.Sum = tally.total
        if self.params.get("Average"):
            info.Average = tally.total / tally.count if tally.count else None
        if self.params.get("Maximum"):
            info.Maximum = tally.maximum
        if self.params.get("Minimum"):
            info.Minimum = tally.minimum
        return info

    def _text_info(self, name: str | None, tally: _Tally) -> TextMeasureInfo:
        info = TextMeasureInfo(name)
        wanted = [flag for flag in ("Line", "Word", "Character") if self.params.get(flag)]
        if not wanted:
            wanted = ["Line", "Word", "Character"]
        if "Line" in wanted:
            info.Lines = tally.lines
        if "Word" in wanted:
            info.Words = tally.words
        if "Character" in wanted:
            info.Characters = tally.characters
        return info


_MISSING = object()
