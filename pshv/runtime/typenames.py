"""The .NET type name of a runtime value, as `.GetType().FullName` / `.Name` show it."""

from __future__ import annotations

import datetime as _dt
import decimal as _decimal
import enum as _enum
import uuid as _uuid

from .objects import (
    INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, Char, DotNetObject, Hashtable, Int64, Invocable,
    PSObject, PSType,
)

_SIMPLE: dict[type, str] = {
    bool: "System.Boolean",
    Int64: "System.Int64",
    float: "System.Double",
    _decimal.Decimal: "System.Decimal",
    str: "System.String",
    Char: "System.Char",
    list: "System.Object[]",
    tuple: "System.Object[]",
    _dt.datetime: "System.DateTime",
    _dt.timedelta: "System.TimeSpan",
    _uuid.UUID: "System.Guid",
    PSType: "System.RuntimeType",
}


def type_name_of(value: object) -> str:
    """Full .NET type name: 'System.Int32', 'System.Object[]', an enum's registered name..."""
    kind = type(value)
    if kind is int:
        if INT32_MIN <= value <= INT32_MAX:
            return "System.Int32"
        return "System.Int64" if INT64_MIN <= value <= INT64_MAX else "System.Numerics.BigInteger"
    simple = _SIMPLE.get(kind)
    if simple is not None:
        return simple
    if value is None:
        return "System.Object"
    if kind is Hashtable:
        return "System.Collections.Specialized.OrderedDictionary" if value.ordered else "System.Collections.Hashtable"
    if kind is PSObject:
        return "System.Management.Automation.PSCustomObject" if value.base is None else type_name_of(value.base)
    if isinstance(value, _enum.Enum):
        return enum_type_name(kind)
    if isinstance(value, DotNetObject):
        return value.ps_type_names[0]
    if isinstance(value, list):
        return "System.Object[]"
    if isinstance(value, Invocable):
        return "System.Management.Automation.ScriptBlock"
    dotnet_name = getattr(kind, "dotnet_name", None)  # PSException subclasses
    if isinstance(dotnet_name, str):
        return dotnet_name
    for base, name in _SIMPLE.items():
        if isinstance(value, base):
            return name
    if isinstance(value, int):
        return "System.Int32"
    return "System.Object"


def short_type_name(value: object) -> str:
    """The type's `.Name`: 'Int32', 'Object[]', 'Hashtable', 'PSCustomObject'."""
    full = type_name_of(value)
    head, bracket, rest = full.partition("[")
    return head.rsplit(".", 1)[-1] + bracket + rest


def enum_type_name(enum_class: type) -> str:
    """The .NET name of a Python enum class, as the type registry knows it."""
    from . import types  # lazy: the registry imports this module's users

    return types.type_of(next(iter(enum_class))).full_name
