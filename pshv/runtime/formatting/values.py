"""How the formatter turns values into text.

`display_text` is a value standing alone on the console (one object per line);
`field_text` is a value inside a table cell or a list entry, where collections show as
`{a, b, c}` (cut after `$FormatEnumerationLimit` items), hashtables as `{[key, value]}`
and custom objects as `@{a=1; b=2}` (PSObjectHelper.SmartToString).
"""

from __future__ import annotations

import datetime as _dt

from ..objects import DotNetObject, Hashtable, PSObject

FORMAT_ENUMERATION_LIMIT = 4

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def console_datetime(value: _dt.datetime) -> str:
    """DateTime as 5.1's console shows it (en-US long date + long time)."""
    hour = value.hour % 12 or 12
    suffix = "AM" if value.hour < 12 else "PM"
    return (f"{_DAYS[value.weekday()]}, {_MONTHS[value.month - 1]} {value.day}, {value.year} "
            f"{hour}:{value.minute:02d}:{value.second:02d} {suffix}")


def short_datetime(value: _dt.datetime) -> str:
    """DateTime.ToString() in en-US: what table cells and strings show (`6/2/2023 12:14:05 PM`)."""
    hour = value.hour % 12 or 12
    suffix = "AM" if value.hour < 12 else "PM"
    return f"{value.month}/{value.day}/{value.year} {hour}:{value.minute:02d}:{value.second:02d} {suffix}"


def display_text(value: object) -> str:
    """A value printed on its own line by Out-Default."""
    kind = type(value)
    if kind is str:
        return value
    if kind is _dt.datetime:
        return console_datetime(value)
    return field_text(value)


def field_text(value: object, limit: int = FORMAT_ENUMERATION_LIMIT) -> str:
    """A value shown in a table cell or after `Name : ` in a list."""
    kind = type(value)
    if kind is str:
        return value
    if value is None:
        return ""
    if kind is bool:
        return "True" if value else "False"
    if kind is int:
        return str(value)
    if isinstance(value, Hashtable):
        return _enumeration([f"[{_element_text(k)}, {_element_text(v)}]" for k, v in value.items()], limit)
    if isinstance(value, (list, tuple)):
        return _enumeration([_element_text(item) for item in value[: limit + 1]], limit)
    return scalar_text(value)


def _enumeration(texts: list[str], limit: int) -> str:
    if limit >= 0 and len(texts) > limit:
        return "{" + ", ".join(texts[:limit]) + "...}"
    return "{" + ", ".join(texts) + "}"


def _element_text(value: object) -> str:
    if isinstance(value, Hashtable):
        return "System.Collections.Hashtable" if not value.ordered else "System.Collections.Specialized.OrderedDictionary"
    if isinstance(value, (list, tuple)):
        return "System.Object[]"
    return "" if value is None else scalar_text(value)


def scalar_text(value: object) -> str:
    """ToString() of a single value as PowerShell shows it (invariant numbers, en-US dates)."""
    kind = type(value)
    if kind is _dt.datetime:
        return short_datetime(value)
    if kind is PSObject and value.base is None:
        return "@{" + "; ".join(f"{name}={_element_text(item)}" for name, item in value.items()) + "}"
    from ..convert import to_string

    return to_string(value)


def is_numeric(value: object) -> bool:
    """Whether a default table right-aligns this value: PowerShell right-aligns the "default
    scalar types" (numbers, Boolean, Char) and every enum; strings and objects go left."""
    import decimal
    import enum

    from ..objects import Char

    if isinstance(value, str):
        return type(value) is Char
    return isinstance(value, (int, float, decimal.Decimal, enum.Enum))


def is_scalar(value: object) -> bool:
    """Values Out-Default prints as a line of text rather than a table or list."""
    if value is None or isinstance(value, (str, bool, int, float, _dt.datetime)):
        return True
    if isinstance(value, (PSObject, Hashtable, list, tuple, DotNetObject, _dt.timedelta)):
        return False
    return True
