"""Members of DateTime, TimeSpan, Guid, numbers, enums, types and exceptions.

Each type has a property table (lower-case name -> fn(value), in display order) and a
method table (lower-case name -> fn(ctx, value, *args)). Dates are shown the en-US way
(Windows PowerShell on an en-US host); naive datetimes count as local time, and the lab's
local time zone is UTC.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timedelta, timezone
from typing import Callable

from . import errors
from .convert import format_timespan, timespan_ticks
from .method_support import as_double, as_int, as_string, dotnet_equals, text_of
from .objects import Hashtable, Int64, PSType

DOTNET_EPOCH = datetime(1, 1, 1)
TICKS_PER_MICROSECOND = 10


class DayOfWeek(enum.IntEnum):
    Sunday = 0
    Monday = 1
    Tuesday = 2
    Wednesday = 3
    Thursday = 4
    Friday = 5
    Saturday = 6


class DateTimeKind(enum.IntEnum):
    Unspecified = 0
    Utc = 1
    Local = 2


def format_with(value: object, fmt: str) -> str:
    """`value.ToString(fmt)` through the .NET format strings module."""
    from .dotnet_format import format_value

    return format_value(value, fmt)


# --------------------------------------------------------------------------- DateTime

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None) if moment.tzinfo is not None else moment


def ticks_of(moment: datetime) -> Int64:
    return Int64(timespan_ticks(_naive(moment) - DOTNET_EPOCH))


def short_date(moment: datetime) -> str:
    return f"{moment.month}/{moment.day}/{moment.year:04d}"


def long_date(moment: datetime) -> str:
    return f"{moment.strftime('%A')}, {_MONTHS[moment.month - 1]} {moment.day}, {moment.year:04d}"


def long_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}:{moment.second:02d} {'AM' if moment.hour < 12 else 'PM'}"


def short_time(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def datetime_text(moment: datetime) -> str:
    """DateTime.ToString() on en-US: `1/1/2025 12:00:00 AM`."""
    return f"{short_date(moment)} {long_time(moment)}"


def _add_scaled(moment: datetime, value: object, millis_per_unit: float, param: str = "value") -> datetime:
    """DateTime.Add(double, scale): .NET rounds to the nearest millisecond."""
    amount = as_double(value, param)
    millis = int(amount * millis_per_unit + (0.5 if amount >= 0 else -0.5))
    return _shift(moment, timedelta(milliseconds=millis))


def _shift(moment: datetime, delta: timedelta) -> datetime:
    try:
        return moment + delta
    except OverflowError:
        raise errors.ArgumentOutOfRangeException(
            "The added or subtracted value results in an un-representable DateTime.\r\nParameter name: value"
        ) from None


def _add_months(moment: datetime, months: int) -> datetime:
    if not -120000 <= months <= 120000:
        raise errors.ArgumentOutOfRangeException(
            "Months value must be between +/-120000.\r\nParameter name: months")
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise errors.ArgumentOutOfRangeException(
            "The added or subtracted value results in an un-representable DateTime.\r\nParameter name: months")
    import calendar

    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _dt_subtract(ctx: object, moment: datetime, other: object) -> object:
    if isinstance(other, datetime):
        return _naive(moment) - _naive(other)
    if isinstance(other, timedelta):
        return _shift(moment, -other)
    from .method_support import convert_arg

    return _shift(moment, -convert_arg(other, "System.TimeSpan", "value"))  # type: ignore[operator]


def _dt_to_string(ctx: object, moment: datetime, fmt: object = None, provider: object = None) -> str:
    if fmt is None or fmt == "":
        return datetime_text(moment)
    return format_with(moment, as_string(fmt, "format") or "")


def _dt_compare(ctx: object, moment: datetime, other: object) -> int:
    if other is None:
        return 1
    if not isinstance(other, datetime):
        raise errors.ArgumentException("Object must be of type DateTime.")
    a, b = _naive(moment), _naive(other)
    return (a > b) - (a < b)


DATETIME_PROPERTIES: dict[str, Callable[[datetime], object]] = {
    "datetime": lambda d: f"{long_date(d)} {long_time(d)}",
    "date": lambda d: datetime(d.year, d.month, d.day, tzinfo=d.tzinfo),
    "day": lambda d: d.day,
    "dayofweek": lambda d: DayOfWeek((d.weekday() + 1) % 7),
    "dayofyear": lambda d: d.timetuple().tm_yday,
    "hour": lambda d: d.hour,
    "kind": lambda d: DateTimeKind.Utc if d.tzinfo is not None else DateTimeKind.Local,
    "millisecond": lambda d: d.microsecond // 1000,
    "minute": lambda d: d.minute,
    "month": lambda d: d.month,
    "second": lambda d: d.second,
    "ticks": ticks_of,
    "timeofday": lambda d: timedelta(hours=d.hour, minutes=d.minute, seconds=d.second, microseconds=d.microsecond),
    "year": lambda d: d.year,
}

DATETIME_METHODS: dict[str, Callable[..., object]] = {
    "adddays": lambda ctx, d, v: _add_scaled(d, v, 86_400_000),
    "addhours": lambda ctx, d, v: _add_scaled(d, v, 3_600_000),
    "addminutes": lambda ctx, d, v: _add_scaled(d, v, 60_000),
    "addseconds": lambda ctx, d, v: _add_scaled(d, v, 1_000),
    "addmilliseconds": lambda ctx, d, v: _add_scaled(d, v, 1),
    "addticks": lambda ctx, d, v: _shift(d, timedelta(microseconds=int(v) // TICKS_PER_MICROSECOND)),  # type: ignore[call-overload]
    "addmonths": lambda ctx, d, v: _add_months(d, as_int(v, "months")),
    "addyears": lambda ctx, d, v: _add_months(d, as_int(v, "value") * 12),
    "add": lambda ctx, d, v: _shift(d, v if isinstance(v, timedelta) else timespan_from(v)),
    "subtract": _dt_subtract,
    "tostring": _dt_to_string,
    "toshortdatestring": lambda ctx, d: short_date(d),
    "tolongdatestring": lambda ctx, d: long_date(d),
    "toshorttimestring": lambda ctx, d: short_time(d),
    "tolongtimestring": lambda ctx, d: long_time(d),
    "touniversaltime": lambda ctx, d: _naive(d).replace(tzinfo=timezone.utc),
    "tolocaltime": lambda ctx, d: _naive(d),
    "compareto": _dt_compare,
    "equals": lambda ctx, d, other: isinstance(other, datetime) and _naive(d) == _naive(other),
    "isdaylightsavingtime": lambda ctx, d: False,
}


def timespan_from(value: object) -> timedelta:
    from .method_support import convert_arg

    return convert_arg(value, "System.TimeSpan", "value")  # type: ignore[return-value]


# --------------------------------------------------------------------------- TimeSpan


def _component(span: timedelta, ticks_per_unit: int, modulo: int | None) -> int:
    ticks = timespan_ticks(span)
    whole = abs(ticks) // ticks_per_unit
    if modulo is not None:
        whole %= modulo
    return whole if ticks >= 0 else -whole


def _ts_to_string(ctx: object, span: timedelta, fmt: object = None, provider: object = None) -> str:
    if fmt is None or fmt == "" or fmt == "c":
        return format_timespan(span)
    return format_with(span, as_string(fmt, "format") or "")


def _ts_compare(ctx: object, span: timedelta, other: object) -> int:
    if other is None:
        return 1
    if not isinstance(other, timedelta):
        raise errors.ArgumentException("Object must be of type TimeSpan.")
    return (span > other) - (span < other)


def _ts_arg(value: object) -> timedelta:
    return value if isinstance(value, timedelta) else timespan_from(value)


TIMESPAN_PROPERTIES: dict[str, Callable[[timedelta], object]] = {
    "ticks": lambda t: Int64(timespan_ticks(t)),
    "days": lambda t: _component(t, 864_000_000_000, None),
    "hours": lambda t: _component(t, 36_000_000_000, 24),
    "milliseconds": lambda t: _component(t, 10_000, 1000),
    "minutes": lambda t: _component(t, 600_000_000, 60),
    "seconds": lambda t: _component(t, 10_000_000, 60),
    "totaldays": lambda t: timespan_ticks(t) / 864_000_000_000,
    "totalhours": lambda t: timespan_ticks(t) / 36_000_000_000,
    "totalmilliseconds": lambda t: timespan_ticks(t) / 10_000,
    "totalminutes": lambda t: timespan_ticks(t) / 600_000_000,
    "totalseconds": lambda t: timespan_ticks(t) / 10_000_000,
}

TIMESPAN_METHODS: dict[str, Callable[..., object]] = {
    "add": lambda ctx, t, other: t + _ts_arg(other),
    "subtract": lambda ctx, t, other: t - _ts_arg(other),
    "negate": lambda ctx, t: -t,
    "duration": lambda ctx, t: abs(t),
    "tostring": _ts_to_string,
    "compareto": _ts_compare,
    "equals": lambda ctx, t, other: isinstance(other, timedelta) and t == other,
}


# --------------------------------------------------------------------------- Guid


def guid_text(value: uuid.UUID, fmt: str = "D") -> str:
    plain = str(value)
    code = fmt.upper() or "D"
    if code == "N":
        return value.hex
    if code == "D":
        return plain
    if code == "B":
        return "{" + plain + "}"
    if code == "P":
        return "(" + plain + ")"
    if code == "X":
        hex_ = value.hex
        rest = ",".join(f"0x{hex_[i:i + 2]}" for i in range(16, 32, 2))
        return f"{{0x{hex_[:8]},0x{hex_[8:12]},0x{hex_[12:16]},{{{rest}}}}}"
    raise errors.FormatException(
        'Format String can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".')


GUID_PROPERTIES: dict[str, Callable[[uuid.UUID], object]] = {"guid": lambda g: str(g)}

GUID_METHODS: dict[str, Callable[..., object]] = {
    "tostring": lambda ctx, g, fmt=None, provider=None: guid_text(g, as_string(fmt, "format") or "D"),
    "equals": lambda ctx, g, other: isinstance(other, uuid.UUID) and g == other,
    "compareto": lambda ctx, g, other: 1 if other is None else (g.bytes_le > other.bytes_le) - (g.bytes_le < other.bytes_le),
    "tobytearray": lambda ctx, g: list(g.bytes_le),
}


# --------------------------------------------------------------------------- numbers, enums


def _number_to_string(ctx: object, value: object, fmt: object = None, provider: object = None) -> str:
    if fmt is None or fmt == "" or isinstance(fmt, (list, Hashtable)):
        return text_of(value)
    return format_with(value, as_string(fmt, "format") or "")


def _number_compare(ctx: object, value: object, other: object) -> int:
    if other is None:
        return 1
    if type(other) is not type(value) and not (type(value) in (int, Int64) and type(other) in (int, Int64)):
        raise errors.ArgumentException(f"Object must be of type {_number_type_name(value)}.")
    return (value > other) - (value < other)  # type: ignore[operator]


def _number_type_name(value: object) -> str:
    from .types import type_of

    return type_of(value).name


NUMBER_METHODS: dict[str, Callable[..., object]] = {
    "tostring": _number_to_string,
    "compareto": _number_compare,
    "equals": lambda ctx, v, other: dotnet_equals(v, other),
}

BOOL_METHODS: dict[str, Callable[..., object]] = {
    "tostring": lambda ctx, v, provider=None: "True" if v else "False",
    "compareto": lambda ctx, v, other: 1 if other is None else (v > other) - (v < other),
    "equals": lambda ctx, v, other: type(other) is bool and v == other,
}


def _enum_has_flag(ctx: object, value: enum.Enum, flag: object) -> bool:
    bits = int(flag.value) if isinstance(flag, enum.Enum) else as_int(flag, "flag")
    return (int(value.value) & bits) == bits


ENUM_PROPERTIES: dict[str, Callable[[enum.Enum], object]] = {"value__": lambda e: e.value}

ENUM_METHODS: dict[str, Callable[..., object]] = {
    "tostring": lambda ctx, e, fmt=None: e.name if fmt in (None, "", "G", "g") else str(e.value),
    "hasflag": _enum_has_flag,
    "equals": lambda ctx, e, other: e is other,
    "compareto": lambda ctx, e, other: (e.value > other.value) - (e.value < other.value),
}


# --------------------------------------------------------------------------- types


def type_display_name(pstype: PSType) -> str:
    """Type.Name: 'Int32', 'Object[]', 'List`1'."""
    full = pstype.full_name
    if pstype.generic_args:
        return full.split("[", 1)[0].rsplit(".", 1)[-1]
    if pstype.element is not None:
        return type_display_name(pstype.element) + "[]"
    return full.rsplit(".", 1)[-1]


def _namespace(pstype: PSType) -> str:
    if pstype.element is not None:
        return _namespace(pstype.element)
    head = pstype.full_name.split("[", 1)[0]
    return head.rsplit(".", 1)[0] if "." in head else ""


def _base_type(pstype: PSType) -> object:
    from .types import resolve_type

    return resolve_type(pstype.bases[0]) if pstype.bases else None


def _assembly_full_name(pstype: PSType) -> str:
    """Type.FullName: generic arguments assembly-qualified, as .NET shows them."""
    if not pstype.generic_args:
        return pstype.full_name
    qualified = ",".join(
        f"[{_assembly_full_name(arg)}, mscorlib, Version=4.0.0.0, Culture=neutral, "
        "PublicKeyToken=b77a5c561934e089]" for arg in pstype.generic_args)
    return pstype.full_name.split("[", 1)[0] + f"[{qualified}]"


def _enum_names(pstype: PSType) -> list[object]:
    if pstype.enum is None:
        raise errors.ArgumentException("Type provided must be an Enum.\r\nParameter name: enumType")
    return [member.name for member in pstype.enum]  # type: ignore[attr-defined]


def _enum_values(pstype: PSType) -> list[object]:
    _enum_names(pstype)
    return list(pstype.enum)  # type: ignore[call-overload]


TYPE_PROPERTIES: dict[str, Callable[[PSType], object]] = {
    "name": type_display_name,
    "fullname": _assembly_full_name,
    "namespace": _namespace,
    "basetype": _base_type,
    "isenum": lambda t: t.enum is not None,
    "isarray": lambda t: t.element is not None,
    "isgenerictype": lambda t: bool(t.generic_args),
    "isvaluetype": lambda t: "System.ValueType" in t.bases,
    "isclass": lambda t: "System.ValueType" not in t.bases,
    "ispublic": lambda t: True,
    "isserializable": lambda t: True,
    "underlyingsystemtype": lambda t: t,
    "assemblyqualifiedname": lambda t: f"{_assembly_full_name(t)}, mscorlib, Version=4.0.0.0, Culture=neutral, "
                                       "PublicKeyToken=b77a5c561934e089",
}

TYPE_METHODS: dict[str, Callable[..., object]] = {
    "getelementtype": lambda ctx, t: t.element,
    "getgenericarguments": lambda ctx, t: list(t.generic_args),
    "isinstanceoftype": lambda ctx, t, value: t.is_instance(value),
    "getenumnames": lambda ctx, t: _enum_names(t),
    "getenumvalues": lambda ctx, t: _enum_values(t),
    "tostring": lambda ctx, t: t.full_name,
    "equals": lambda ctx, t, other: isinstance(other, PSType) and other.full_name == t.full_name,
}


# --------------------------------------------------------------------------- exceptions


def exception_text(exc: errors.PSException) -> str:
    """Exception.ToString(): type name and message (no stack trace in the emulator)."""
    text = f"{exc.dotnet_name}: {exc.message}"
    if isinstance(exc.inner, errors.PSException):
        text += f" ---> {exception_text(exc.inner)}"
    return text


def _inner(exc: errors.PSException) -> object:
    return exc.inner if isinstance(exc.inner, errors.PSException) else None


def _error_record(exc: errors.PSException) -> object:
    return exc.record if isinstance(exc, errors.RuntimeException) else None


EXCEPTION_PROPERTIES: dict[str, Callable[[errors.PSException], object]] = {
    "errorrecord": _error_record,
    "wasthrownfromthrowstatement": lambda e: e.was_thrown,
    "message": lambda e: e.message,
    "data": lambda e: Hashtable(),
    "innerexception": _inner,
    "targetsite": lambda e: None,
    "stacktrace": lambda e: None,
    "helplink": lambda e: None,
    "source": lambda e: None,
    "hresult": lambda e: -2146233087 if isinstance(e, errors.RuntimeException) else -2146233088,
}


def _get_base_exception(ctx: object, exc: errors.PSException) -> errors.PSException:
    while isinstance(exc.inner, errors.PSException):
        exc = exc.inner
    return exc


EXCEPTION_METHODS: dict[str, Callable[..., object]] = {
    "tostring": lambda ctx, e: exception_text(e),
    "getbaseexception": _get_base_exception,
    "equals": lambda ctx, e, other: e is other,
}


def exception_property_names(exc: errors.PSException) -> list[str]:
    names = ["Message", "Data", "InnerException", "TargetSite", "StackTrace", "HelpLink", "Source", "HResult"]
    if isinstance(exc, errors.RuntimeException):
        return ["ErrorRecord", "WasThrownFromThrowStatement", *names]
    return names


# --------------------------------------------------------------------------- InvocationInfo


def _position_message(info: errors.InvocationInfo) -> str:
    position = info.position
    if position is None:
        return ""
    underline = " " * (position.col - 1) + "~" * max(position.length, 1)
    return f"{position.location()}\n+ {position.line_text}\n+ {underline}"


INVOCATION_PROPERTIES: dict[str, Callable[[errors.InvocationInfo], object]] = {
    "mycommand": lambda i: i.command_name,
    "scriptlinenumber": lambda i: i.position.line if i.position else 0,
    "offsetinline": lambda i: i.position.col if i.position else 0,
    "scriptname": lambda i: (i.position.script_path or "") if i.position else "",
    "line": lambda i: i.position.line_text if i.position else "",
    "positionmessage": _position_message,
    "invocationname": lambda i: i.command_name or "",
    "pscommandpath": lambda i: i.position.script_path if i.position else None,
}
