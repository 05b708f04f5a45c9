"""The built-in .NET types beyond the primitives: their static members, constructors and enums.

`install()` registers them in `pshv.runtime.types` (called once, when that module loads).
Static members follow `PSType.static_members`: lower-case name -> constant,
`StaticProperty(getter(ctx))`, or a static method `fn(ctx, *args)`.
"""

from __future__ import annotations

import enum
import math
import ntpath
import random
import uuid
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable

from . import collections as C
from . import dotnet_regex as R
from . import errors
from . import string_members as S
from . import types as T
from . import value_members as V
from .method_support import (
    as_bool,
    as_double,
    as_int,
    as_long,
    as_number,
    as_string,
    convert_arg,
    text_of,
)
from .objects import INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, VOID, Char, DotNetObject, Int64, PSType


class MidpointRounding(enum.IntEnum):
    ToEven = 0
    AwayFromZero = 1


class ErrorCategory(enum.IntEnum):
    NotSpecified = 0
    OpenError = 1
    CloseError = 2
    DeviceError = 3
    DeadlockDetected = 4
    InvalidArgument = 5
    InvalidData = 6
    InvalidOperation = 7
    InvalidResult = 8
    InvalidType = 9
    MetadataError = 10
    NotImplemented = 11
    NotInstalled = 12
    ObjectNotFound = 13
    OperationStopped = 14
    OperationTimeout = 15
    SyntaxError = 16
    ParserError = 17
    PermissionDenied = 18
    ResourceBusy = 19
    ResourceExists = 20
    ResourceUnavailable = 21
    ReadError = 22
    WriteError = 23
    FromStdErr = 24
    SecurityError = 25
    ProtocolError = 26
    ConnectionError = 27
    AuthenticationError = 28
    LimitsExceeded = 29
    QuotaExceeded = 30
    NotEnabled = 31


class ActionPreference(enum.IntEnum):
    SilentlyContinue = 0
    Stop = 1
    Continue = 2
    Inquire = 3
    Ignore = 4
    Suspend = 5


class ConsoleColor(enum.IntEnum):
    Black = 0
    DarkBlue = 1
    DarkGreen = 2
    DarkCyan = 3
    DarkRed = 4
    DarkMagenta = 5
    DarkYellow = 6
    Gray = 7
    DarkGray = 8
    Blue = 9
    Green = 10
    Cyan = 11
    Red = 12
    Magenta = 13
    Yellow = 14
    White = 15


def _casting(build: Callable[[object], object]) -> Callable[[object], object]:
    """A convert_from whose failures read `Cannot convert value ... Error: "<.NET message>"`
    (the conversions module wraps ValueError that way)."""

    def convert(value: object) -> object:
        try:
            return build(value)
        except errors.PSException as exc:
            raise ValueError(exc.message) from None

    return convert


def _register(full_name: str, statics: dict[str, object] | None = None, *aliases: str,
              constructor: Callable[..., object] | None = None,
              is_instance: Callable[[object], bool] | None = None,
              python_class: type | None = None,
              convert_from: Callable[[object], object] | None = None,
              bases: tuple[str, ...] = ("System.Object",)) -> PSType:
    existing = T.resolve_type(full_name)
    if existing is not None and existing.full_name == full_name:
        existing.static_members.update(statics or {})
        if constructor is not None:
            existing.constructor = constructor
        if convert_from is not None:
            existing.convert_from = convert_from
        for alias in aliases:
            T.register_type(existing, alias)
        return existing
    pstype = PSType(full_name, is_instance=is_instance, static_members=dict(statics or {}),
                    constructor=constructor, convert_from=convert_from, bases=bases)
    return T.register_type(pstype, *aliases, python_class=python_class)


# --------------------------------------------------------------------------- Math


def _round_half(value: float, mode: MidpointRounding) -> float:
    if mode == MidpointRounding.ToEven:
        return float(round(value))
    fraction, whole = math.modf(value)
    if abs(fraction) >= 0.5:
        whole += math.copysign(1.0, fraction)
    return whole


def _math_round(ctx: object, value: object, digits_or_mode: object = None, mode: object = None) -> object:
    number = as_number(value, "value")
    digits = 0
    rounding = MidpointRounding.ToEven
    if isinstance(digits_or_mode, MidpointRounding) or (
            isinstance(digits_or_mode, str) and mode is None and not digits_or_mode.strip().lstrip("-").isdigit()):
        rounding = _midpoint(digits_or_mode)
    elif digits_or_mode is not None:
        digits = as_int(digits_or_mode, "digits")
    if mode is not None:
        rounding = _midpoint(mode)
    if isinstance(number, Decimal):
        if not 0 <= digits <= 28:
            raise errors.ArgumentOutOfRangeException(
                "Rounding digits must be between 0 and 28, inclusive.\r\nParameter name: decimals")
        method = ROUND_HALF_EVEN if rounding == MidpointRounding.ToEven else ROUND_HALF_UP
        return number.quantize(Decimal(1).scaleb(-digits), rounding=method)
    if not 0 <= digits <= 15:
        raise errors.ArgumentOutOfRangeException(
            "Rounding digits must be between 0 and 15, inclusive.\r\nParameter name: digits")
    value_f = float(number)  # type: ignore[arg-type]
    if math.isnan(value_f) or math.isinf(value_f) or abs(value_f) >= 1e16:
        return value_f
    power = 10.0 ** digits
    return _round_half(value_f * power, rounding) / power


def _midpoint(value: object) -> MidpointRounding:
    if isinstance(value, MidpointRounding):
        return value
    text = text_of(value).strip()
    for member in MidpointRounding:
        if member.name.casefold() == text.casefold() or text == str(member.value):
            return member
    raise errors.PSInvalidCastException(
        f'Cannot convert value "{text}" to type "System.MidpointRounding". Error: "Unable to match the identifier '
        f'name {text} to a valid enumerator name. Specify one of the following enumerator names and try again:'
        '\r\nToEven, AwayFromZero"', error_id="InvalidCastFromStringToEnum", category="InvalidArgument")


def _integral(ctx: object, value: object, op: Callable[[float], float], dec_rounding: str) -> object:
    number = as_number(value, "d")
    if isinstance(number, Decimal):
        return number.to_integral_value(rounding=dec_rounding)
    number_f = float(number)  # type: ignore[arg-type]
    return number_f if math.isinf(number_f) or math.isnan(number_f) else float(op(number_f))


def _math_abs(ctx: object, value: object) -> object:
    number = as_number(value, "value")
    if type(number) is int and number == INT32_MIN:
        raise errors.OverflowException("Negating the minimum value of a twos complement number is invalid.")
    result = abs(number)  # type: ignore[arg-type]
    return Int64(result) if type(number) is Int64 else result


def _pair(left: object, right: object, pick: Callable[[object, object], object]) -> object:
    a, b = as_number(left, "val1"), as_number(right, "val2")
    ints = (int, Int64)
    if type(a) in ints and type(b) in ints:
        result = pick(int(a), int(b))  # type: ignore[call-overload]
        return Int64(result) if Int64 in (type(a), type(b)) else result
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return pick(Decimal(a) if not isinstance(a, Decimal) else a, Decimal(b) if not isinstance(b, Decimal) else b)  # type: ignore[arg-type]
    fa, fb = float(a), float(b)  # type: ignore[arg-type]
    if math.isnan(fa) or math.isnan(fb):
        return math.nan
    return float(pick(fa, fb))  # type: ignore[arg-type]


def _math_pow(ctx: object, x: object, y: object) -> float:
    base, power = as_double(x, "x"), as_double(y, "y")
    try:
        return math.pow(base, power)
    except OverflowError:
        return math.inf
    except ValueError:
        return math.nan


def _math_sqrt(ctx: object, value: object) -> float:
    number = as_double(value, "d")
    return math.sqrt(number) if number >= 0 else math.nan


def _math_log(ctx: object, value: object, base: object = None) -> float:
    number = as_double(value, "a")
    if number == 0:
        return -math.inf
    if number < 0 or math.isnan(number):
        return math.nan
    if base is None:
        return math.log(number)
    new_base = as_double(base, "newBase")
    if new_base <= 0 or new_base == 1:
        return math.nan
    return math.log(number) / math.log(new_base)


def _math_log10(ctx: object, value: object) -> float:
    number = as_double(value, "d")
    if number == 0:
        return -math.inf
    return math.log10(number) if number > 0 else math.nan


def _unary_double(fn: Callable[[float], float], param: str = "d") -> Callable[..., object]:
    def apply(ctx: object, value: object) -> float:
        try:
            return fn(as_double(value, param))
        except ValueError:
            return math.nan
        except OverflowError:
            return math.inf

    return apply


def _math_sign(ctx: object, value: object) -> int:
    number = as_number(value, "value")
    if isinstance(number, float) and math.isnan(number):
        raise errors.ArithmeticException("Function does not accept floating point Not-a-Number values.")
    return (number > 0) - (number < 0)  # type: ignore[operator]


def _math_divrem(ctx: object, a: object, b: object) -> object:
    raise errors.PSNotSupportedException("[Math]::DivRem needs a [ref] out parameter; use -div style arithmetic.")


_MATH: dict[str, object] = {
    "pi": math.pi,
    "e": math.e,
    "round": _math_round,
    "floor": lambda ctx, v: _integral(ctx, v, math.floor, "ROUND_FLOOR"),
    "ceiling": lambda ctx, v: _integral(ctx, v, math.ceil, "ROUND_CEILING"),
    "truncate": lambda ctx, v: _integral(ctx, v, math.trunc, "ROUND_DOWN"),
    "abs": _math_abs,
    "max": lambda ctx, a, b: _pair(a, b, max),
    "min": lambda ctx, a, b: _pair(a, b, min),
    "pow": _math_pow,
    "sqrt": _math_sqrt,
    "log": _math_log,
    "log10": _math_log10,
    "exp": _unary_double(math.exp),
    "sin": _unary_double(math.sin, "a"),
    "cos": _unary_double(math.cos, "d"),
    "tan": _unary_double(math.tan, "a"),
    "asin": _unary_double(math.asin),
    "acos": _unary_double(math.acos),
    "atan": _unary_double(math.atan),
    "atan2": lambda ctx, y, x: math.atan2(as_double(y, "y"), as_double(x, "x")),
    "sign": _math_sign,
}


# --------------------------------------------------------------------------- String, Char


def _string_join(ctx: object, separator: object, *values: object) -> str:
    sep = as_string(separator, "separator") or ""
    items = values[0] if len(values) == 1 and isinstance(values[0], list) else list(values)
    return sep.join("" if item is None else text_of(item) for item in items)


def _string_format(ctx: object, fmt: object, *args: object) -> str:
    from .dotnet_format import format_composite

    if fmt is None:
        raise errors.ArgumentNullException("Value cannot be null.\r\nParameter name: format")
    items = list(args[0]) if len(args) == 1 and isinstance(args[0], list) else list(args)
    return format_composite(text_of(fmt), items)


def _string_compare(ctx: object, a: object, b: object, ignore_case: object = False) -> int:
    ignore = as_bool(ignore_case, "ignoreCase") if not isinstance(ignore_case, S.StringComparison) else \
        ignore_case.name.endswith("IgnoreCase")
    return S.culture_compare(as_string(a, "strA"), as_string(b, "strB"), ignore)


def _string_concat(ctx: object, *values: object) -> str:
    items = values[0] if len(values) == 1 and isinstance(values[0], list) else values
    return "".join("" if item is None else text_of(item) for item in items)


_STRING: dict[str, object] = {
    "empty": "",
    "join": _string_join,
    "isnullorempty": lambda ctx, s: s is None or text_of(s) == "",
    "isnullorwhitespace": lambda ctx, s: s is None or text_of(s).strip() == "",
    "format": _string_format,
    "concat": _string_concat,
    "compare": _string_compare,
    "equals": lambda ctx, a, b, comparison=None: (a is None and b is None) or (
        isinstance(a, str) and isinstance(b, str) and S.STRING_METHODS["equals"](ctx, a, b, comparison)),
}


def _char_test(test: Callable[[str], bool]) -> Callable[..., object]:
    def apply(ctx: object, value: object, index: object = None) -> bool:
        text = text_of(value)
        position = 0 if index is None else as_int(index, "index")
        return bool(text) and test(text[position])

    return apply


_CHAR: dict[str, object] = {
    "isdigit": _char_test(str.isdigit),
    "isletter": _char_test(str.isalpha),
    "isletterordigit": _char_test(str.isalnum),
    "iswhitespace": _char_test(str.isspace),
    "isupper": _char_test(str.isupper),
    "islower": _char_test(str.islower),
    "ispunctuation": _char_test(lambda c: not c.isalnum() and not c.isspace() and c.isprintable()),
    "toupper": lambda ctx, c: Char(text_of(c).upper()),
    "tolower": lambda ctx, c: Char(text_of(c).lower()),
    "maxvalue": Char("\uffff"),
    "minvalue": Char("\0"),
}


# --------------------------------------------------------------------------- numbers


def _parse_number(type_name: str) -> Callable[..., object]:
    def parse(ctx: object, text: object, *rest: object) -> object:
        if text is None:
            raise errors.ArgumentNullException("Value cannot be null.\r\nParameter name: s")
        pstype = T.resolve_type(type_name)
        raw = text_of(text).strip()
        try:
            from .convert import convert_to

            return convert_to(raw, pstype)  # type: ignore[arg-type]
        except errors.PSException as exc:
            if "too large or too small" in exc.message or "Overflow" in type(exc).__name__:
                raise errors.OverflowException(
                    f"Value was either too large or too small for {_article(type_name)}.") from None
            raise errors.FormatException("Input string was not in a correct format.") from None

    return parse


def _article(type_name: str) -> str:
    short = type_name.rsplit(".", 1)[-1]
    return ("an " if short[0] in "AEIOU" or short.startswith("Int") or short.startswith("UInt") else "a ") + short


def _numeric(full_name: str, minimum: object, maximum: object) -> None:
    _register(full_name, {"minvalue": minimum, "maxvalue": maximum, "parse": _parse_number(full_name)})


# --------------------------------------------------------------------------- DateTime, TimeSpan

_DATE_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y",
    "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y",
    "%b %d, %Y", "%A, %B %d, %Y", "%A, %B %d, %Y %I:%M:%S %p", "%B %d %Y", "%H:%M:%S", "%H:%M", "%I:%M:%S %p",
    "%I:%M %p",
)


def parse_datetime(ctx: object, text: object, *rest: object) -> datetime:
    """DateTime.Parse on an en-US host: the usual date and time shapes."""
    if text is None:
        raise errors.ArgumentNullException("String reference not set to an instance of a String.\r\n"
                                           "Parameter name: s")
    raw = " ".join(text_of(text).split())
    utc = raw.endswith("Z")
    candidate = raw[:-1] if utc else raw
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(candidate, fmt)
        except ValueError:
            continue
        if not any(code in fmt for code in ("%Y", "%m", "%d")):
            today = ctx.now() if ctx is not None else datetime(2025, 1, 1)  # type: ignore[attr-defined]
            parsed = parsed.replace(year=today.year, month=today.month, day=today.day)
        return parsed
    raise errors.FormatException("String was not recognized as a valid DateTime.")


_EXACT_TOKENS = (
    ("yyyy", "%Y"), ("MMMM", "%B"), ("MMM", "%b"), ("MM", "%m"), ("M", "%m"), ("dddd", "%A"), ("ddd", "%a"),
    ("dd", "%d"), ("d", "%d"), ("HH", "%H"), ("H", "%H"), ("hh", "%I"), ("h", "%I"), ("mm", "%M"), ("m", "%M"),
    ("ss", "%S"), ("s", "%S"), ("tt", "%p"), ("fffffff", "%f"), ("ffffff", "%f"), ("fff", "%f"), ("yy", "%y"),
)


def _exact_to_strptime(fmt: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(fmt):
        char = fmt[index]
        if char in "'\"":
            end = fmt.find(char, index + 1)
            end = len(fmt) if end < 0 else end
            out.append(fmt[index + 1:end].replace("%", "%%"))
            index = end + 1
            continue
        if char == "\\" and index + 1 < len(fmt):
            out.append(fmt[index + 1].replace("%", "%%"))
            index += 2
            continue
        for token, code in _EXACT_TOKENS:
            if fmt.startswith(token, index):
                out.append(code)
                index += len(token)
                break
        else:
            out.append("%%" if char == "%" else char)
            index += 1
    return "".join(out)


def parse_exact(ctx: object, text: object, fmt: object, *rest: object) -> datetime:
    formats = fmt if isinstance(fmt, list) else [fmt]
    raw = text_of(text)
    for each in formats:
        try:
            return datetime.strptime(raw, _exact_to_strptime(text_of(each)))
        except ValueError:
            continue
    raise errors.FormatException("String was not recognized as a valid DateTime.")


def _lab_now(ctx: object) -> datetime:
    if ctx is None:
        raise errors.PSInvalidOperationException("The lab clock is not available here.")
    return ctx.now()  # type: ignore[attr-defined]


def _days_in_month(ctx: object, year: object, month: object) -> int:
    import calendar

    number = as_int(month, "month")
    if not 1 <= number <= 12:
        raise errors.ArgumentOutOfRangeException("Month must be between one and twelve.\r\nParameter name: month")
    return calendar.monthrange(as_int(year, "year"), number)[1]


def _datetime_new(ctx: object, *parts: object) -> datetime:
    if len(parts) == 1:
        ticks = as_long(parts[0], "ticks")
        return V.DOTNET_EPOCH + timedelta(microseconds=ticks // 10)
    if len(parts) not in (3, 6, 7):
        from .method_support import overload_not_found

        raise overload_not_found("new", len(parts))
    numbers = [as_int(part, "value") for part in parts]
    try:
        if len(numbers) == 7:
            numbers[6] *= 1000
        return datetime(*numbers)
    except ValueError:
        raise errors.ArgumentOutOfRangeException(
            "Year, Month, and Day parameters describe an un-representable DateTime.") from None


_DATETIME: dict[str, object] = {
    "now": T.StaticProperty(_lab_now),
    "utcnow": T.StaticProperty(_lab_now),
    "today": T.StaticProperty(lambda ctx: _lab_now(ctx).replace(hour=0, minute=0, second=0, microsecond=0)),
    "minvalue": datetime(1, 1, 1),
    "maxvalue": datetime(9999, 12, 31, 23, 59, 59, 999999),
    "parse": parse_datetime,
    "parseexact": parse_exact,
    "daysinmonth": _days_in_month,
    "isleapyear": lambda ctx, year: __import__("calendar").isleap(as_int(year, "year")),
}


def _span(unit_ms: float) -> Callable[..., object]:
    def build(ctx: object, value: object) -> timedelta:
        amount = as_double(value, "value")
        if math.isnan(amount):
            raise errors.ArgumentException("TimeSpan does not accept floating point Not-a-Number values.")
        millis = amount * unit_ms
        rounded = int(millis + (0.5 if millis >= 0 else -0.5))
        try:
            return timedelta(milliseconds=rounded)
        except OverflowError:
            raise errors.OverflowException("TimeSpan overflowed because the duration is too long.") from None

    return build


def parse_timespan(ctx: object, text: object, *rest: object) -> timedelta:
    import re

    raw = text_of(text).strip()
    found = re.fullmatch(r"(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?", raw) or \
        re.fullmatch(r"(-)?(\d+)()()()()", raw)
    if found is None:
        raise errors.FormatException("String was not recognized as a valid TimeSpan.")
    sign, days, hours, minutes, seconds, fraction = found.groups()
    if hours and (int(hours) > 23 or int(minutes) > 59 or int(seconds or 0) > 59):
        raise errors.OverflowException(
            "The TimeSpan could not be parsed because at least one of the numeric components is out of range "
            "or contains too many digits.")
    span = timedelta(days=int(days or 0), hours=int(hours or 0), minutes=int(minutes or 0),
                     seconds=int(seconds or 0), microseconds=int((fraction or "0").ljust(7, "0")) // 10)
    return -span if sign else span


def _timespan_new(ctx: object, *parts: object) -> timedelta:
    if len(parts) == 1:
        return timedelta(microseconds=as_long(parts[0], "ticks") // 10)
    if len(parts) not in (3, 4, 5):
        from .method_support import overload_not_found

        raise overload_not_found("new", len(parts))
    numbers = [as_int(part, "value") for part in parts]
    if len(numbers) == 3:
        numbers = [0, *numbers]
    days, hours, minutes, seconds = numbers[:4]
    millis = numbers[4] if len(numbers) == 5 else 0
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds, milliseconds=millis)


_TIMESPAN: dict[str, object] = {
    "fromdays": _span(86_400_000),
    "fromhours": _span(3_600_000),
    "fromminutes": _span(60_000),
    "fromseconds": _span(1_000),
    "frommilliseconds": _span(1),
    "fromticks": lambda ctx, ticks: timedelta(microseconds=as_long(ticks, "value") // 10),
    "zero": timedelta(0),
    "maxvalue": timedelta.max,
    "minvalue": timedelta.min,
    "parse": parse_timespan,
    "tickspersecond": Int64(10_000_000),
    "ticksperminute": Int64(600_000_000),
    "ticksperhour": Int64(36_000_000_000),
    "ticksperday": Int64(864_000_000_000),
    "tickspermillisecond": Int64(10_000),
}


# --------------------------------------------------------------------------- Guid


def _rng(ctx: object) -> random.Random:
    services = getattr(ctx, "services", None)
    found = services.get("random") if isinstance(services, dict) else None
    return found if isinstance(found, random.Random) else random.Random()


def new_guid(ctx: object) -> uuid.UUID:
    """A version-4 Guid from the lab's seeded generator (`ctx.services['random']`) when present."""
    return uuid.UUID(int=_rng(ctx).getrandbits(128), version=4)


def parse_guid(ctx: object, text: object) -> uuid.UUID:
    raw = text_of(text).strip()
    try:
        return uuid.UUID(raw.strip("{}()"))
    except ValueError:
        raise errors.FormatException(
            "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).") from None


_GUID: dict[str, object] = {
    "newguid": new_guid,
    "empty": uuid.UUID(int=0),
    "parse": parse_guid,
}


# --------------------------------------------------------------------------- Path, Environment


def _path_arg(value: object, param: str = "path") -> str | None:
    text = as_string(value, param)
    if text is not None and any(char in text for char in '"<>|'):
        raise errors.ArgumentException("Illegal characters in path.")
    return text


def _path_combine(ctx: object, *parts: object) -> str:
    pieces = list(parts[0]) if len(parts) == 1 and isinstance(parts[0], list) else list(parts)
    result = ""
    for piece in pieces:
        text = _path_arg(piece, "paths")
        if text is None:
            raise errors.ArgumentNullException("Value cannot be null.\r\nParameter name: paths")
        if not text:
            continue
        if ntpath.isabs(text) or (len(text) > 1 and text[1] == ":"):
            result = text
        elif result and result[-1] not in "\\/:":
            result += "\\" + text
        else:
            result += text
    return result


def _get_file_name(ctx: object, path: object) -> object:
    text = _path_arg(path)
    if text is None:
        return None
    return text[max(text.rfind("\\"), text.rfind("/"), text.rfind(":")) + 1:]


def _get_extension(ctx: object, path: object) -> object:
    name = _get_file_name(ctx, path)
    if name is None:
        return None
    dot = name.rfind(".")  # type: ignore[union-attr]
    return name[dot:] if 0 <= dot < len(name) - 1 else ""  # type: ignore[index,arg-type]


def _get_stem(ctx: object, path: object) -> object:
    name = _get_file_name(ctx, path)
    if name is None:
        return None
    dot = name.rfind(".")  # type: ignore[union-attr]
    return name[:dot] if dot >= 0 else name  # type: ignore[index]


def _get_directory_name(ctx: object, path: object) -> object:
    text = _path_arg(path)
    if text is None:
        return None
    if not text.strip():
        raise errors.ArgumentException("The path is not of a legal form.")
    normalized = text.replace("/", "\\")
    root = ntpath.splitdrive(normalized)[0] + ("\\" if normalized[len(ntpath.splitdrive(normalized)[0]):]
                                                .startswith("\\") else "")
    if normalized.rstrip("\\") == root.rstrip("\\") or normalized == root:
        return None
    cut = normalized.rfind("\\")
    if cut < 0:
        return ""
    head = normalized[:cut]
    return head if len(head) >= len(root) else root


def _change_extension(ctx: object, path: object, extension: object) -> object:
    text = _path_arg(path)
    if text is None:
        return None
    stem = text[:len(text) - len(_get_extension(ctx, text) or "")]  # type: ignore[arg-type]
    if extension is None:
        return stem
    ext = text_of(extension)
    return stem + ("" if not ext else ext if ext.startswith(".") else "." + ext)


def _path_root(ctx: object, path: object) -> object:
    text = _path_arg(path)
    if text is None:
        return None
    drive = ntpath.splitdrive(text)[0]
    return drive + ("\\" if text[len(drive):].startswith(("\\", "/")) else "")


_PATH: dict[str, object] = {
    "combine": _path_combine,
    "getfilename": _get_file_name,
    "getextension": _get_extension,
    "getfilenamewithoutextension": _get_stem,
    "getdirectoryname": _get_directory_name,
    "gettemppath": lambda ctx: "C:\\Users\\Administrator\\AppData\\Local\\Temp\\",
    "ispathrooted": lambda ctx, path: bool(_path_root(ctx, path)),
    "hasextension": lambda ctx, path: bool(_get_extension(ctx, path)),
    "changeextension": _change_extension,
    "getpathroot": _path_root,
    "directoryseparatorchar": Char("\\"),
    "altdirectoryseparatorchar": Char("/"),
    "pathseparator": Char(";"),
    "volumeseparatorchar": Char(":"),
}


def _env_value(ctx: object, name: str) -> object:
    env = getattr(ctx, "env", None)
    if env is not None:
        try:
            return env.get(name)
        except AttributeError:
            pass
    getter = getattr(ctx, "get_variable", None)
    return getter(f"env:{name}") if getter is not None else None


_ENVIRONMENT: dict[str, object] = {
    "newline": "\r\n",
    "machinename": T.StaticProperty(lambda ctx: _env_value(ctx, "COMPUTERNAME") or "HV01"),
    "username": T.StaticProperty(lambda ctx: _env_value(ctx, "USERNAME") or "Administrator"),
    "userdomainname": T.StaticProperty(lambda ctx: _env_value(ctx, "USERDOMAIN") or "CONTOSO"),
    "is64bitoperatingsystem": True,
    "is64bitprocess": True,
    "processorcount": T.StaticProperty(lambda ctx: int(_env_value(ctx, "NUMBER_OF_PROCESSORS") or 32)),
    "currentdirectory": T.StaticProperty(lambda ctx: "C:\\Users\\Administrator"),
    "systemdirectory": "C:\\Windows\\system32",
    "getenvironmentvariable": lambda ctx, name, target=None: _env_value(ctx, text_of(name)),
    "expandenvironmentvariables": lambda ctx, text: __import__("re").sub(
        r"%([^%]+)%", lambda m: text_of(_env_value(ctx, m.group(1)) or m.group(0)), text_of(text)),
}


# --------------------------------------------------------------------------- Regex, Convert, Enum


def _regex_static(method: str) -> Callable[..., object]:
    def call(ctx: object, text: object, pattern: object, *rest: object) -> object:
        options = rest[-1] if rest and isinstance(rest[-1], (enum.Enum, int)) and method != "replace" else None
        if method == "replace":
            replacement = rest[0] if rest else ""
            options = rest[1] if len(rest) > 1 else None
            regex = R.Regex(text_of(pattern), _regex_options(options))
            return regex.ps_method("replace")(text, replacement)  # type: ignore[misc]
        regex = R.Regex(text_of(pattern), _regex_options(options))
        return regex.ps_method(method)(text)  # type: ignore[misc]

    return call


def _regex_options(value: object) -> object:
    if value is None or isinstance(value, enum.Enum) or isinstance(value, int):
        return value
    total = 0
    for part in text_of(value).split(","):
        total |= R.RegexOptions[next(m.name for m in R.RegexOptions if m.name.casefold() == part.strip().casefold())]
    return total


def _regex_escape(ctx: object, text: object) -> str:
    special = set("\\*+?|{[()^$.# \t\n\r\f")
    out = []
    for char in text_of(text):
        if char in special:
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f"}.get(char, "\\" + char))
        else:
            out.append(char)
    return "".join(out)


def _regex_unescape(ctx: object, text: object) -> str:
    import re

    mapping = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}
    return re.sub(r"\\(.)", lambda m: mapping.get(m.group(1), m.group(1)), text_of(text))


_REGEX: dict[str, object] = {
    "escape": _regex_escape,
    "unescape": _regex_unescape,
    "ismatch": _regex_static("ismatch"),
    "match": _regex_static("match"),
    "matches": _regex_static("matches"),
    "replace": _regex_static("replace"),
    "split": _regex_static("split"),
}


def _to_integer(type_name: str, low: int, high: int) -> Callable[..., object]:
    def convert(ctx: object, value: object, base: object = None) -> object:
        if base is not None:
            radix = as_int(base, "fromBase")
            if radix not in (2, 8, 10, 16):
                raise errors.ArgumentException("Invalid Base.")
            text = text_of(value).strip()
            if radix == 16 and text.lower().startswith("0x"):
                text = text[2:]
            try:
                number = int(text, radix)
            except ValueError:
                raise errors.FormatException("Could not find any recognizable digits.") from None
            bits = 64 if high > INT32_MAX else 32
            if radix != 10 and number >= 1 << (bits - 1) and number < 1 << bits:
                number -= 1 << bits
        elif value is None:
            number = 0
        elif isinstance(value, float):
            if math.isnan(value) or math.isinf(value):
                raise errors.OverflowException(f"Value was either too large or too small for {_article(type_name)}.")
            number = round(value)
        elif isinstance(value, Decimal):
            number = int(value.to_integral_value(rounding=ROUND_HALF_EVEN))
        elif isinstance(value, bool):
            number = int(value)
        elif isinstance(value, int):
            number = int(value)
        else:
            text = text_of(value).strip()
            try:
                number = int(text)
            except ValueError:
                raise errors.FormatException("Input string was not in a correct format.") from None
        if not low <= number <= high:
            raise errors.OverflowException(f"Value was either too large or too small for {_article(type_name)}.")
        return Int64(number) if high > INT32_MAX else number

    return convert


def _convert_to_string(ctx: object, value: object, base: object = None) -> object:
    if base is None:
        return "" if value is None else text_of(value)
    radix = as_int(base, "toBase")
    number = as_long(value, "value")
    if radix == 10:
        return str(number)
    if radix not in (2, 8, 16):
        raise errors.ArgumentException("Invalid Base.")
    if number < 0:
        number += 1 << (64 if type(value) is Int64 or not INT32_MIN <= number <= INT32_MAX else 32)
    return format(number, {2: "b", 8: "o", 16: "x"}[radix])


def _to_base64(ctx: object, data: object) -> str:
    import base64

    items = data if isinstance(data, list) else [data]
    return base64.b64encode(bytes(as_int(item, "inArray") & 0xFF for item in items)).decode("ascii")


def _from_base64(ctx: object, text: object) -> list[object]:
    import base64
    import binascii

    try:
        return list(base64.b64decode(text_of(text), validate=True))
    except (binascii.Error, ValueError):
        raise errors.FormatException(
            "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two "
            "padding characters, or an illegal character among the padding characters.") from None


def _to_boolean(ctx: object, value: object) -> bool:
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in ("true", "false"):
            return text == "true"
        raise errors.FormatException("String was not recognized as a valid Boolean.")
    if value is None:
        return False
    if isinstance(value, (int, float, Decimal)):
        return value != 0
    raise errors.InvalidCastException(f"Unable to cast object of type '{T.type_of(value).full_name}' to type "
                                      "'System.IConvertible'.")


def _to_double(ctx: object, value: object) -> float:
    if value is None:
        return 0.0
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", ""))
        except ValueError:
            raise errors.FormatException("Input string was not in a correct format.") from None
    return as_double(value, "value")


def _to_decimal(ctx: object, value: object) -> Decimal:
    if value is None:
        return Decimal(0)
    try:
        return Decimal(text_of(value).strip()) if isinstance(value, str) else Decimal(str(as_number(value, "value")))
    except InvalidOperation:
        raise errors.FormatException("Input string was not in a correct format.") from None


_CONVERT: dict[str, object] = {
    "toint32": _to_integer("System.Int32", INT32_MIN, INT32_MAX),
    "toint64": _to_integer("System.Int64", INT64_MIN, INT64_MAX),
    "toint16": _to_integer("System.Int16", -32768, 32767),
    "tobyte": _to_integer("System.Byte", 0, 255),
    "touint32": _to_integer("System.UInt32", 0, 2**32 - 1),
    "todouble": _to_double,
    "tosingle": _to_double,
    "todecimal": _to_decimal,
    "tostring": _convert_to_string,
    "toboolean": _to_boolean,
    "todatetime": lambda ctx, value: value if isinstance(value, datetime) else parse_datetime(ctx, value),
    "tochar": lambda ctx, value: Char(chr(as_int(value, "value"))) if not isinstance(value, str) else Char(value[0]),
    "tobase64string": _to_base64,
    "frombase64string": _from_base64,
}


def _enum_type(value: object) -> PSType:
    pstype = value if isinstance(value, PSType) else T.require_type(text_of(value))
    if pstype.enum is None:
        raise errors.ArgumentException("Type provided must be an Enum.\r\nParameter name: enumType")
    return pstype


def parse_enum(pstype: PSType, value: object, ignore_case: bool = True) -> enum.Enum:
    """Enum.Parse: a member name (or comma-separated names for flags) or a number."""
    enum_cls = pstype.enum
    assert enum_cls is not None
    if isinstance(value, enum_cls):
        return value  # type: ignore[return-value]
    text = text_of(value).strip()
    if text.lstrip("-").isdigit():
        try:
            return enum_cls(int(text))
        except ValueError:
            if issubclass(enum_cls, enum.IntFlag):
                return enum_cls(int(text))
            raise errors.ArgumentException(f"Requested value '{text}' was not found.") from None
    total = None
    for part in text.split(","):
        name = part.strip()
        member = next((m for m in enum_cls if (m.name.casefold() == name.casefold() if ignore_case else
                                               m.name == name)), None)
        if member is None:
            raise errors.ArgumentException(f"Requested value '{name}' was not found.")
        total = member if total is None else enum_cls(int(total.value) | int(member.value))  # type: ignore[call-arg]
    return total  # type: ignore[return-value]


_ENUM: dict[str, object] = {
    "getnames": lambda ctx, t: [m.name for m in _enum_type(t).enum],  # type: ignore[union-attr]
    "getvalues": lambda ctx, t: list(_enum_type(t).enum),  # type: ignore[arg-type]
    "parse": lambda ctx, t, value, ignore=False: parse_enum(_enum_type(t), value, as_bool(ignore, "ignoreCase")),
    "isdefined": lambda ctx, t, value: any(
        m.name == text_of(value) or (not isinstance(value, str) and m.value == value)
        for m in _enum_type(t).enum),  # type: ignore[union-attr]
    "getname": lambda ctx, t, value: next(
        (m.name for m in _enum_type(t).enum if m.value == getattr(value, "value", value)), None),  # type: ignore[union-attr]
    "toobject": lambda ctx, t, value: parse_enum(_enum_type(t), value),
}


# --------------------------------------------------------------------------- small .NET classes


class Version(DotNetObject):
    """System.Version."""

    ps_type_names = ("System.Version", "System.Object")
    ps_properties = ("Major", "Minor", "Build", "Revision", "MajorRevision", "MinorRevision")

    def __init__(self, major: int, minor: int, build: int = -1, revision: int = -1) -> None:
        if min(major, minor) < 0:
            raise errors.ArgumentOutOfRangeException("Version's parameters must be greater than or equal to zero.")
        self.Major, self.Minor, self.Build, self.Revision = major, minor, build, revision
        self.MajorRevision = revision >> 16 if revision > 0 else (-1 if revision < 0 else 0)
        self.MinorRevision = revision & 0xFFFF if revision >= 0 else -1

    def _key(self) -> tuple[int, int, int, int]:
        return (self.Major, self.Minor, self.Build, self.Revision)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: "Version") -> bool:
        return self._key() < other._key()

    def __le__(self, other: "Version") -> bool:
        return self._key() <= other._key()

    def __gt__(self, other: "Version") -> bool:
        return self._key() > other._key()

    def __ge__(self, other: "Version") -> bool:
        return self._key() >= other._key()

    def ps_to_string(self) -> str:
        parts = [self.Major, self.Minor] + [n for n in (self.Build, self.Revision) if n >= 0]
        if self.Build < 0:
            parts = parts[:2]
        return ".".join(str(part) for part in parts)

    def ps_method(self, name: str) -> Callable[..., object] | None:
        key = name.casefold()
        if key == "compareto":
            return lambda other: 1 if other is None else (self > other) - (self < other)
        if key == "tostring":
            return lambda fields=None: self.ps_to_string() if fields is None else ".".join(
                str(n) for n in self._key()[:as_int(fields, "fieldCount")])
        return None

    @staticmethod
    def parse(text: object) -> "Version":
        raw = text_of(text).strip()
        parts = raw.split(".")
        if not 2 <= len(parts) <= 4:
            raise errors.ArgumentException("Version string portion was too short or too long.")
        try:
            numbers = [int(part) for part in parts]
        except ValueError:
            raise errors.FormatException("Input string was not in a correct format.") from None
        return Version(*numbers)


def _version_new(ctx: object, *parts: object) -> Version:
    if len(parts) == 1:
        return Version.parse(parts[0])
    if len(parts) == 0:
        return Version(0, 0)
    return Version(*[as_int(part, "value") for part in parts])


class SecureString(DotNetObject):
    """System.Security.SecureString: the text stays inside; it only prints its type name."""

    ps_type_names = ("System.Security.SecureString", "System.Object")
    ps_properties = ("Length",)

    def __init__(self, text: str = "") -> None:
        self._text = text
        self._read_only = False

    @property
    def Length(self) -> int:  # noqa: N802
        return len(self._text)

    def plain_text(self) -> str:
        return self._text

    def ps_to_string(self) -> str:
        return "System.Security.SecureString"

    def ps_method(self, name: str) -> Callable[..., object] | None:
        key = name.casefold()
        if key == "appendchar":
            return self._append_char
        if key == "makereadonly":
            return self._make_read_only
        if key == "isreadonly":
            return lambda: self._read_only
        if key == "clear":
            return self._clear
        return None

    def _append_char(self, char: object) -> object:
        if self._read_only:
            raise errors.InvalidOperationException("Instance is read-only.")
        self._text += text_of(char)[:1]
        return VOID

    def _make_read_only(self) -> object:
        self._read_only = True
        return VOID

    def _clear(self) -> object:
        self._text = ""
        return VOID


class PSCredential(DotNetObject):
    """System.Management.Automation.PSCredential."""

    ps_type_names = ("System.Management.Automation.PSCredential", "System.Object")
    ps_properties = ("UserName", "Password")

    def __init__(self, user: str, password: SecureString) -> None:
        self.UserName = user
        self.Password = password

    def ps_method(self, name: str) -> Callable[..., object] | None:
        if name.casefold() == "getnetworkcredential":
            return self._network_credential
        return None

    def _network_credential(self) -> "NetworkCredential":
        return NetworkCredential(self.UserName, self.Password.plain_text())


class NetworkCredential(DotNetObject):
    ps_type_names = ("System.Net.NetworkCredential", "System.Object")
    ps_properties = ("UserName", "Password", "SecurePassword", "Domain")

    def __init__(self, user: str, password: str) -> None:
        domain, _, name = user.rpartition("\\")
        self.UserName = name
        self.Domain = domain
        self.Password = password
        self.SecurePassword = SecureString(password)


def _credential_new(ctx: object, user: object, password: object) -> PSCredential:
    if not isinstance(password, SecureString):
        raise errors.PSArgumentException(
            'Cannot convert argument "password", with value: "' + text_of(password) + '", for "PSCredential" to '
            'type "System.Security.SecureString".')
    name = as_string(user, "userName")
    if not name:
        raise errors.PSArgumentException("Cannot process argument because the value of argument \"userName\" is "
                                         "not valid. Change the value of the \"userName\" argument and run the "
                                         "operation again.")
    return PSCredential(name, password)


class StringComparer(DotNetObject):
    """[StringComparer]::OrdinalIgnoreCase and friends (passed to Dictionary/HashSet constructors)."""

    ps_type_names = ("System.StringComparer", "System.Object")

    def __init__(self, name: str, ignore_case: bool) -> None:
        self.name = name
        self.ignore_case = ignore_case

    def ps_to_string(self) -> str:
        return f"System.{self.name}Comparer"


_COMPARERS = {
    "ordinal": StringComparer("Ordinal", False),
    "ordinalignorecase": StringComparer("OrdinalIgnoreCase", True),
    "invariantculture": StringComparer("Culture", False),
    "invariantcultureignorecase": StringComparer("Culture", True),
    "currentculture": StringComparer("Culture", False),
    "currentcultureignorecase": StringComparer("Culture", True),
}


# --------------------------------------------------------------------------- generics and collections


def _capacity_or_items(args: tuple[object, ...]) -> list[object]:
    if not args:
        return []
    if len(args) > 1:
        from .method_support import overload_not_found

        raise overload_not_found("new", len(args))
    first = args[0]
    if isinstance(first, list):
        return list(first)
    if isinstance(first, int) and not isinstance(first, bool):
        if first < 0:
            raise errors.ArgumentOutOfRangeException(
                "Non-negative number required.\r\nParameter name: capacity")
        return []
    if isinstance(first, str):
        as_int(first, "capacity")
        return []
    return [first]


def _build_list(args: tuple[PSType, ...]) -> PSType:
    element = args[0]
    full_name = T.generic_full_name("System.Collections.Generic.List", args)
    return PSType(
        full_name,
        is_instance=lambda v: isinstance(v, C.GenericList) and v.element_type.full_name == element.full_name,
        generic_args=args,
        constructor=lambda ctx, *a: C.GenericList(element, _capacity_or_items(a)),
        convert_from=lambda value: C.GenericList(element, value if isinstance(value, list) else [value]),
    )


def _build_hashset(args: tuple[PSType, ...]) -> PSType:
    element = args[0]
    full_name = T.generic_full_name("System.Collections.Generic.HashSet", args)
    return PSType(
        full_name,
        is_instance=lambda v: isinstance(v, C.HashSet) and v.element_type.full_name == element.full_name,
        generic_args=args,
        constructor=lambda ctx, *a: C.HashSet(element, _capacity_or_items(
            tuple(x for x in a if not isinstance(x, StringComparer)))),
        convert_from=lambda value: C.HashSet(element, value if isinstance(value, list) else [value]),
    )


def _build_dictionary(args: tuple[PSType, ...]) -> PSType:
    key_type, value_type = args
    full_name = T.generic_full_name("System.Collections.Generic.Dictionary", args)

    def construct(ctx: object, *a: object) -> C.Dictionary:
        comparer = next((x for x in a if isinstance(x, StringComparer)), None)
        table = C.Dictionary(key_type, value_type, bool(comparer and comparer.ignore_case))
        source = next((x for x in a if isinstance(x, C.Hashtable)), None)
        if source is not None:
            for key, value in source.items():
                table.add(key, value)
        return table

    return PSType(
        full_name,
        is_instance=lambda v: isinstance(v, C.Dictionary) and v.key_type is not None
        and v.key_type.full_name == key_type.full_name and v.value_type.full_name == value_type.full_name,  # type: ignore[union-attr]
        generic_args=args,
        constructor=construct,
    )


def _array_list_from(value: object) -> C.ArrayList:
    items = C.ArrayList()
    items.extend(value if isinstance(value, list) else [value])
    return items


def _array_list_new(ctx: object, source: object = None) -> C.ArrayList:
    items = C.ArrayList()
    if isinstance(source, list):
        items.extend(source)
    elif source is not None:
        as_int(source, "capacity")
    return items


def _hashtable_new(ctx: object, *args: object) -> C.ExactKeyTable:
    comparer = next((x for x in args if isinstance(x, StringComparer)), None)
    if comparer is not None and comparer.ignore_case:
        from .objects import Hashtable

        return Hashtable()  # type: ignore[return-value]
    table = C.ExactKeyTable()
    source = next((x for x in args if isinstance(x, C.Hashtable)), None)
    if source is not None:
        for key, value in source.items():
            table[key] = value
    return table


def _stringbuilder_new(ctx: object, first: object = None, capacity: object = None) -> C.StringBuilder:
    if first is None:
        return C.StringBuilder()
    if isinstance(first, int) and not isinstance(first, bool):
        return C.StringBuilder("", first)
    return C.StringBuilder(text_of(first), as_int(capacity, "capacity") if capacity is not None else 16)


def _stopwatch_start_new(ctx: object) -> C.Stopwatch:
    watch = C.Stopwatch(ctx)
    watch.ps_method("start")()  # type: ignore[misc]
    return watch


# --------------------------------------------------------------------------- exceptions


_DEFAULT_MESSAGES = {
    "System.Exception": "Exception of type 'System.Exception' was thrown.",
    "System.SystemException": "System error.",
    "System.ArgumentException": "Value does not fall within the expected range.",
    "System.ArgumentNullException": "Value cannot be null.",
    "System.ArgumentOutOfRangeException": "Specified argument was out of the range of valid values.",
    "System.ArithmeticException": "Overflow or underflow in the arithmetic operation.",
    "System.DivideByZeroException": "Attempted to divide by zero.",
    "System.OverflowException": "Arithmetic operation resulted in an overflow.",
    "System.FormatException": "One of the identified items was in an invalid format.",
    "System.InvalidCastException": "Specified cast is not valid.",
    "System.InvalidOperationException": "Operation is not valid due to the current state of the object.",
    "System.NotSupportedException": "Specified method is not supported.",
    "System.NotImplementedException": "The method or operation is not implemented.",
    "System.IndexOutOfRangeException": "Index was outside the bounds of the array.",
    "System.NullReferenceException": "Object reference not set to an instance of an object.",
    "System.Collections.Generic.KeyNotFoundException": "The given key was not present in the dictionary.",
    "System.TimeoutException": "The operation has timed out.",
    "System.UnauthorizedAccessException": "Attempted to perform an unauthorized operation.",
    "System.IO.IOException": "I/O error occurred.",
    "System.IO.FileNotFoundException": "Unable to find the specified file.",
    "System.IO.DirectoryNotFoundException": "Attempted to access a path that is not on the disk.",
}


def _exception_constructor(cls: type[errors.PSException]) -> Callable[..., object]:
    def construct(ctx: object, message: object = None, inner: object = None) -> errors.PSException:
        text = as_string(message, "message") if message is not None else None
        if text is None:
            text = _DEFAULT_MESSAGES.get(cls.dotnet_name, f"Exception of type '{cls.dotnet_name}' was thrown.")
        if isinstance(inner, str) and issubclass(cls, errors.ArgumentException):
            text = f"{text}\r\nParameter name: {inner}"
            inner = None
        return cls(text, inner=inner if isinstance(inner, errors.PSException) else None)

    return construct


def _error_record_new(ctx: object, exception: object, error_id: object, category: object,
                      target: object) -> errors.ErrorRecord:
    if not isinstance(exception, errors.PSException):
        raise errors.PSArgumentException("Cannot convert argument \"exception\" to type \"System.Exception\".")
    if isinstance(category, ErrorCategory):
        category_name = category.name
    else:
        category_name = parse_enum(T.resolve_type("System.Management.Automation.ErrorCategory"), category).name  # type: ignore[arg-type]
    return errors.ErrorRecord(exception, text_of(error_id), category_name, target)


# --------------------------------------------------------------------------- attributes and refusals

_ATTRIBUTES = (
    ("Parameter", "Parameter"), ("CmdletBinding", "CmdletBinding"), ("Alias", "Alias"),
    ("ValidateSet", "ValidateSet"), ("ValidateNotNullOrEmpty", "ValidateNotNullOrEmpty"),
    ("ValidateNotNull", "ValidateNotNull"), ("ValidateRange", "ValidateRange"),
    ("ValidatePattern", "ValidatePattern"), ("ValidateScript", "ValidateScript"),
    ("ValidateLength", "ValidateLength"), ("ValidateCount", "ValidateCount"), ("OutputType", "OutputType"),
    ("AllowNull", "AllowNull"), ("AllowEmptyString", "AllowEmptyString"),
    ("AllowEmptyCollection", "AllowEmptyCollection"), ("SupportsWildcards", "SupportsWildcards"),
    ("PSDefaultValue", "PSDefaultValue"), ("ArgumentCompleter", "ArgumentCompleter"),
)

_MACHINE = "the emulator never touches the real machine (no real files, processes, network or assemblies)"

_REFUSED = (
    ("System.IO.File", _MACHINE), ("System.IO.Directory", _MACHINE), ("System.IO.FileInfo", _MACHINE),
    ("System.IO.DirectoryInfo", _MACHINE), ("System.IO.StreamWriter", _MACHINE),
    ("System.IO.StreamReader", _MACHINE), ("System.IO.FileStream", _MACHINE), ("System.IO.DriveInfo", _MACHINE),
    ("System.Diagnostics.Process", _MACHINE), ("System.Diagnostics.ProcessStartInfo", _MACHINE),
    ("System.Net.WebClient", _MACHINE), ("System.Net.WebRequest", _MACHINE), ("System.Net.Dns", _MACHINE),
    ("System.Net.Http.HttpClient", _MACHINE), ("System.Net.Sockets.TcpClient", _MACHINE),
    ("System.Net.NetworkInformation.Ping", _MACHINE), ("System.Reflection.Assembly", _MACHINE),
    ("System.Runtime.InteropServices.Marshal", _MACHINE), ("System.Activator", _MACHINE),
    ("System.AppDomain", _MACHINE), ("System.Management.Automation.PowerShell", _MACHINE),
    ("System.Xml.XmlDocument", "XML documents ([xml]) are not supported by the emulator"),
)


def _refuse_conversion(type_name: str, reason: str) -> Callable[[object], object]:
    def refuse(value: object) -> object:
        from .method_support import sandbox_refusal

        raise sandbox_refusal(type_name, reason)

    return refuse


# --------------------------------------------------------------------------- install


def install() -> None:
    """Register every built-in type (called by pshv.runtime.types when it loads)."""
    T.register_enum(MidpointRounding, "System.MidpointRounding")
    T.register_enum(V.DayOfWeek, "System.DayOfWeek")
    T.register_enum(V.DateTimeKind, "System.DateTimeKind")
    T.register_enum(S.StringSplitOptions, "System.StringSplitOptions")  # type: ignore[arg-type]
    T.register_enum(S.StringComparison, "System.StringComparison")
    T.register_enum(ErrorCategory, "System.Management.Automation.ErrorCategory")
    T.register_enum(ActionPreference, "System.Management.Automation.ActionPreference")
    T.register_enum(ConsoleColor, "System.ConsoleColor")
    T.register_enum(R.RegexOptions, "System.Text.RegularExpressions.RegexOptions")  # type: ignore[arg-type]

    _register("System.Math", _MATH)
    _register("System.String", _STRING,
              constructor=lambda ctx, char, count: text_of(char)[:1] * as_int(count, "count"))
    _register("System.Char", _CHAR)
    _numeric("System.Int32", INT32_MIN, INT32_MAX)
    _numeric("System.Int64", Int64(INT64_MIN), Int64(INT64_MAX))
    _numeric("System.Int16", -32768, 32767)
    _numeric("System.UInt16", 0, 65535)
    _numeric("System.UInt32", 0, 2**32 - 1)
    _numeric("System.UInt64", 0, 2**64 - 1)
    _numeric("System.Byte", 0, 255)
    _numeric("System.SByte", -128, 127)
    _numeric("System.Double", -1.7976931348623157e308, 1.7976931348623157e308)
    _numeric("System.Single", -3.4028234663852886e38, 3.4028234663852886e38)
    _numeric("System.Decimal", Decimal("-79228162514264337593543950335"), Decimal("79228162514264337593543950335"))
    for name in ("System.Double", "System.Single"):
        _register(name, {"nan": math.nan, "positiveinfinity": math.inf, "negativeinfinity": -math.inf,
                         "epsilon": 5e-324 if name == "System.Double" else 1.401298464324817e-45,
                         "isnan": lambda ctx, v: math.isnan(as_double(v, "d")),
                         "isinfinity": lambda ctx, v: math.isinf(as_double(v, "d"))})
    _register("System.Boolean", {"truestring": "True", "falsestring": "False",
                                 "parse": lambda ctx, v: _to_boolean(ctx, text_of(v))})
    _register("System.DateTime", _DATETIME, constructor=_datetime_new)
    _register("System.TimeSpan", _TIMESPAN, constructor=_timespan_new)
    _register("System.Guid", _GUID, constructor=lambda ctx, text=None: uuid.UUID(int=0) if text is None
              else parse_guid(ctx, text))
    _register("System.IO.Path", _PATH)
    _register("System.Environment", _ENVIRONMENT)
    _register("System.Convert", _CONVERT)
    _register("System.Enum", _ENUM)
    _register("System.StringComparer", {name: value for name, value in _COMPARERS.items()},
              python_class=StringComparer)
    _register("System.Text.RegularExpressions.Regex", _REGEX, "regex",
              constructor=lambda ctx, pattern, options=None: R.Regex(text_of(pattern), _regex_options(options)),
              convert_from=_casting(lambda value: R.Regex(text_of(value))),
              is_instance=lambda v: isinstance(v, R.Regex), python_class=R.Regex)
    _register("System.Text.RegularExpressions.Match", is_instance=lambda v: isinstance(v, R.Match),
              python_class=R.Match)
    _register("System.Version", {"parse": lambda ctx, text: Version.parse(text)}, "version",
              constructor=_version_new, is_instance=lambda v: isinstance(v, Version), python_class=Version,
              convert_from=_casting(Version.parse))
    _register("System.Security.SecureString", None, "securestring", constructor=lambda ctx: SecureString(),
              is_instance=lambda v: isinstance(v, SecureString), python_class=SecureString)
    _register("System.Management.Automation.PSCredential", {"empty": None}, "pscredential",
              constructor=_credential_new, is_instance=lambda v: isinstance(v, PSCredential),
              python_class=PSCredential)
    _register("System.Net.NetworkCredential", is_instance=lambda v: isinstance(v, NetworkCredential),
              python_class=NetworkCredential)
    _register("System.Collections.Hashtable", constructor=_hashtable_new)
    _register("System.Collections.ArrayList", None, constructor=_array_list_new,
              is_instance=lambda v: isinstance(v, C.ArrayList) and not isinstance(v, C.GenericList),
              python_class=C.ArrayList, convert_from=_array_list_from)
    _register("System.Text.StringBuilder", None, constructor=_stringbuilder_new,
              is_instance=lambda v: isinstance(v, C.StringBuilder), python_class=C.StringBuilder,
              convert_from=lambda value: C.StringBuilder(text_of(value)))
    _register("System.Diagnostics.Stopwatch",
              {"startnew": _stopwatch_start_new, "frequency": Int64(10_000_000), "ishighresolution": True,
               "gettimestamp": lambda ctx: Int64(V.ticks_of(_lab_now(ctx)))},
              constructor=lambda ctx: C.Stopwatch(ctx), is_instance=lambda v: isinstance(v, C.Stopwatch),
              python_class=C.Stopwatch)
    T.register_generic("System.Collections.Generic.List", 1, _build_list)
    T.register_generic("System.Collections.Generic.HashSet", 1, _build_hashset)
    T.register_generic("System.Collections.Generic.Dictionary", 2, _build_dictionary)

    for cls in set(errors.EXCEPTION_TYPES.values()):
        found = T.resolve_type(cls.dotnet_name)
        if found is not None:
            found.constructor = _exception_constructor(cls)
            found.convert_from = lambda value, make=_exception_constructor(cls): make(None, value)
    _register("System.Management.Automation.ErrorRecord", None, constructor=_error_record_new)

    for name, accelerator in _ATTRIBUTES:
        attribute = _register(f"System.Management.Automation.{name}Attribute", None, accelerator,
                              is_instance=lambda v: False, bases=("System.Attribute", "System.Object"))
        T.mark_attribute(attribute)

    for name, reason in _REFUSED:
        refused = _register(name, None, convert_from=_refuse_conversion(name, reason))
        T.mark_refused(refused, reason)
    T.register_type(T.resolve_type("System.Xml.XmlDocument"), "xml")  # type: ignore[arg-type]
    T.register_type(T.resolve_type("System.Management.Automation.PowerShell"), "powershell")  # type: ignore[arg-type]


T.install_builtins()
