"""ConvertTo-Json and ConvertFrom-Json with Windows PowerShell 5.1's JavaScriptSerializer output.

5.1 serializes compactly and then re-indents: the members of an object or array start four
columns right of its opening bracket, a colon is followed by two spaces, and empty objects
and arrays still break onto lines. Values deeper than -Depth become their ToString().
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import math
import uuid
from decimal import Decimal

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject, Hashtable, PSObject
from ...runtime.params import ValidateRange, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
_EPOCH = _dt.datetime(1970, 1, 1)
_HTML_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def _string(text: str) -> str:
    """A JSON string literal as JavaScriptSerializer writes it."""
    out = ['"']
    for char in text:
        if char in _HTML_ESCAPES:
            out.append(_HTML_ESCAPES[char])
        elif char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif ord(char) < 0x20:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


class _Serializer:
    def __init__(self, ctx, depth: int) -> None:
        self.ctx = ctx
        self.depth = depth

    def value(self, value: object, level: int) -> str:
        from ...runtime.convert import format_decimal, format_double

        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, enum.Enum):
            return str(int(value.value)) if isinstance(value.value, int) else _string(str(value.value))
        if isinstance(value, int):
            return str(int(value))
        if isinstance(value, float):
            return format_double(value) if math.isfinite(value) else '"NaN"'
        if isinstance(value, Decimal):
            return format_decimal(value)
        if isinstance(value, str):
            return _string(str(value))
        if isinstance(value, _dt.datetime):
            milliseconds = int((value.replace(tzinfo=None) - _EPOCH).total_seconds() * 1000)
            return f'"\\/Date({milliseconds})\\/"'
        if isinstance(value, uuid.UUID):
            return _string(str(value))
        if level >= self.depth:
            return _string(self.ctx.to_string(value))
        if isinstance(value, list):
            return "[" + ",".join(self.value(item, level + 1) for item in value) + "]"
        if isinstance(value, Hashtable):
            pairs = [(self.ctx.to_string(key), item) for key, item in value.items()]
            return self._object(pairs, level)
        return self._object(self._properties(value), level)

    def _object(self, pairs: list[tuple[str, object]], level: int) -> str:
        return "{" + ",".join(f"{_string(name)}:{self.value(item, level + 1)}" for name, item in pairs) + "}"

    def _properties(self, value: object) -> list[tuple[str, object]]:
        from ...runtime.members import get_member, property_names

        if isinstance(value, (PSObject, DotNetObject, _dt.timedelta)) or property_names(value):
            pairs = []
            for name in property_names(value):
                try:
                    pairs.append((name, get_member(self.ctx, value, name)))
                except E.PSException:
                    pairs.append((name, None))
            return pairs
        return []


def indent_like_51(compact: str) -> str:
    """Re-indent compact JSON the way Windows PowerShell 5.1 does."""
    lines: list[str] = []
    line: list[str] = []
    column_stack: list[int] = []
    in_string = escaped = False

    def column() -> int:
        return sum(len(part) for part in line)

    def newline(indent: int) -> None:
        lines.append("".join(line))
        line.clear()
        line.append(" " * indent)

    for char in compact:
        if in_string:
            line.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
            line.append(char)
        elif char in "{[":
            start = column()
            line.append(char)
            column_stack.append(start)
            newline(start + 4)
        elif char in "}]":
            start = column_stack.pop()
            newline(start)
            line.append(char)
        elif char == ",":
            line.append(char)
            newline(column_stack[-1] + 4 if column_stack else 0)
        elif char == ":":
            line.append(":  ")
        else:
            line.append(char)
    lines.append("".join(line))
    return "\r\n".join(text.rstrip() if not text.strip() else text for text in lines)


class ConvertToJson(Cmdlet):
    spec = cmdlet("ConvertTo-Json", [
        p("InputObject", "System.Object", position=0, mandatory=True, pipeline=True, allow_null=True),
        p("Depth", "System.Int32", validate=[ValidateRange(1, 2147483647)], default=2),
        p("Compress", "switch"),
    ])
    dotnet_class = f"{UTILITY}.ConvertToJsonCommand"

    def begin(self) -> None:
        self._items: list[object] = []

    def process(self) -> None:
        self._items.append(self.params.get("InputObject"))

    def end(self) -> None:
        if not self._items:
            return
        value = self._items[0] if len(self._items) == 1 else self._items
        compact = _Serializer(self.ctx, int(self.params.get("Depth") or 2)).value(value, 0)
        self.write(compact if self.params.get("Compress") else indent_like_51(compact))


class ConvertFromJson(Cmdlet):
    spec = cmdlet("ConvertFrom-Json", [
        p("InputObject", "System.String", position=0, mandatory=True, pipeline=True, allow_empty_string=True),
    ])
    dotnet_class = f"{UTILITY}.ConvertFromJsonCommand"

    def begin(self) -> None:
        self._texts: list[str] = []

    def process(self) -> None:
        self._texts.append(self.params.get("InputObject") or "")

    def end(self) -> None:
        if not self._texts:
            return
        if len(self._texts) > 1:
            try:
                first = _parse(self._texts[0])
            except ValueError:
                self._convert("\r\n".join(self._texts))
                return
            self.write(first)
            for text in self._texts[1:]:
                self._convert(text)
            return
        self._convert(self._texts[0])

    def _convert(self, text: str) -> None:
        try:
            self.write(_parse(text))
        except ValueError as error:
            raise self.fail(E.ArgumentException(
                str(error), error_id="System.ArgumentException", category="NotSpecified")) from None


def _parse(text: str) -> object:
    """JSON text as 5.1 returns it: objects become PSCustomObjects, non-integers Decimals."""
    if not text.strip():
        return None
    try:
        return _from_json(json.loads(text, parse_float=Decimal, object_pairs_hook=_object))
    except json.JSONDecodeError as error:
        fragment = text[error.pos:].split()[0] if text[error.pos:].split() else text
        raise ValueError(f"Invalid JSON primitive: {fragment.rstrip(',}]')}.") from None


def _object(pairs: list[tuple[str, object]]) -> PSObject:
    return PSObject(pairs)


def _from_json(value: object) -> object:
    from ...runtime.objects import Int64

    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if -2**31 <= value < 2**31:
            return value
        return Int64(value) if -2**63 <= value < 2**63 else Decimal(value)
    if isinstance(value, str):
        if value.startswith("/Date(") and value.endswith(")/"):
            try:
                return _EPOCH + _dt.timedelta(milliseconds=int(value[6:-2]))
            except ValueError:
                return value
        return value
    if isinstance(value, list):
        return [_from_json(item) for item in value]
    if isinstance(value, PSObject):
        for name, item in value.items():
            value.set(name, _from_json(item))
    return value
