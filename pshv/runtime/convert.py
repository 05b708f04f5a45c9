"""PowerShell's conversions: truth, string form, numbers, and casts to a PSType.

The rules follow Windows PowerShell 5.1's LanguagePrimitives: `[int]'1,000'` is 1000 (the
integer parse falls back to a culture-invariant double parse), `[int]2.5` is 2 (banker's
rounding), `[string]` of an array joins with `$OFS`, doubles print with 15 significant digits.
"""

from __future__ import annotations

import datetime as _dt
import enum as _enum
import re
import uuid as _uuid
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache
from typing import Callable

from . import errors as E
from .objects import (
    INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, Char, DotNetObject, Hashtable, Int64, Invocable,
    PSObject, PSType,
)
from .typenames import type_name_of

DECIMAL_MAX = Decimal("79228162514264337593543950335")
FORMAT_ERROR = "Input string was not in a correct format."

# --------------------------------------------------------------------------- truth


def to_bool(value: object) -> bool:
    """LanguagePrimitives.IsTrue: $null, 0, '', empty arrays and [char]0 are false."""
    kind = type(value)
    if kind is bool:
        return value  # type: ignore[return-value]
    if value is None:
        return False
    if kind is int or kind is str or kind is float:
        return bool(value)
    if kind is list:
        return _list_truth(value)  # type: ignore[arg-type]
    if kind is Char:
        return value != "\0"
    if isinstance(value, (int, float, Decimal)):
        return value != 0
    if isinstance(value, _enum.Enum):
        return value.value != 0 if isinstance(value.value, int) else True
    if isinstance(value, str):
        return bool(value)
    if isinstance(value, list):
        return _list_truth(value)
    return True


def _list_truth(items: list) -> bool:
    if not items:
        return False
    if len(items) == 1:
        only = items[0]
        if isinstance(only, list):
            return len(only) > 0
        return to_bool(only)
    return True


# --------------------------------------------------------------------------- strings


def format_double(value: float) -> str:
    """A double as PowerShell prints it: 15 significant digits (.NET 'G15' / R-less ToString)."""
    if value != value:
        return "NaN"
    if value in (_INF, -_INF):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    text = "%.15G" % value
    if "E" in text:
        mantissa, exponent = text.split("E")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        sign = exponent[0]
        digits = exponent[1:].lstrip("0").rjust(2, "0")
        return f"{mantissa}E{sign}{digits}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


_INF = float("inf")


def format_decimal(value: Decimal) -> str:
    """Decimal.ToString(): plain digits, scale kept ('1.50'), never an exponent."""
    text = format(value, "f")
    return "0" if text in ("-0", "0E0") else text


def format_datetime(value: _dt.datetime) -> str:
    """DateTime in PowerShell's culture-invariant string form (string expansion, [string])."""
    return value.strftime("%m/%d/%Y %H:%M:%S")


def format_timespan(value: _dt.timedelta) -> str:
    """TimeSpan.ToString(): [-][d.]hh:mm:ss[.fffffff]."""
    ticks = timespan_ticks(value)
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    seconds, fraction = divmod(ticks, 10_000_000)
    minutes, secs = divmod(seconds, 60)
    hours, mins = divmod(minutes, 60)
    days, hrs = divmod(hours, 24)
    text = f"{sign}{days}.{hrs:02d}:{mins:02d}:{secs:02d}" if days else f"{sign}{hrs:02d}:{mins:02d}:{secs:02d}"
    return f"{text}.{fraction:07d}" if fraction else text


def timespan_ticks(value: _dt.timedelta) -> int:
    """A timedelta in .NET ticks (100 ns)."""
    return (value.days * 86_400 + value.seconds) * 10_000_000 + value.microseconds * 10


def enum_name(value: _enum.Enum) -> str:
    """An enum value's ToString(): its name, or 'A, B' for a combination of flags."""
    name = value.name
    if name is not None and "|" not in name:
        return name
    number = value.value
    if not isinstance(number, int):
        return str(number)
    parts = [m.name for m in sorted(type(value), key=lambda m: m.value)
             if m.value and (number & m.value) == m.value and m.name]
    return ", ".join(parts) if parts else str(number)


def to_string(value: object, ctx: object = None) -> str:
    """PowerShell's string form of a value (string expansion, `[string]`, -join, -like ...).

    Arrays join their elements with `$OFS` (from ctx when given, else one space).
    """
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    if kind is int:
        return str(value)
    if value is None:
        return ""
    if kind is list:
        return _ofs(ctx).join([element_string(item) for item in value])  # type: ignore[union-attr]
    if kind is bool:
        return "True" if value else "False"
    if kind is float:
        return format_double(value)  # type: ignore[arg-type]
    if isinstance(value, list):
        return _ofs(ctx).join([element_string(item) for item in value])
    return element_string(value)


def element_string(value: object) -> str:
    """A value's ToString() as seen inside a joined array or a PSCustomObject's `@{...}` form:
    like `to_string`, except that a nested array shows as 'System.Object[]'."""
    kind = type(value)
    if kind is str or kind is Char:
        return value  # type: ignore[return-value]
    if value is None:
        return ""
    if kind is bool:
        return "True" if value else "False"
    if kind is float:
        return format_double(value)  # type: ignore[arg-type]
    if isinstance(value, _enum.Enum):
        return enum_name(value)
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list):
        return "System.Object[]"
    if isinstance(value, Hashtable):
        return type_name_of(value)
    if isinstance(value, PSObject):
        if value.base is not None:
            return element_string(value.base)
        items = value.items()
        if not items:
            return ""
        return "@{" + "; ".join(f"{name}={element_string(item)}" for name, item in items) + "}"
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.timedelta):
        return format_timespan(value)
    if isinstance(value, _uuid.UUID):
        return str(value)
    if isinstance(value, DotNetObject):
        return value.ps_to_string()
    if isinstance(value, PSType):
        return value.accelerator or value.full_name
    if isinstance(value, E.PSException):
        return value.message
    to_text = getattr(value, "ps_to_string", None)
    if to_text is not None:
        return to_text()
    if isinstance(value, Invocable):
        return str(getattr(value, "text", ""))
    return str(value)


def _ofs(ctx: object) -> str:
    if ctx is None:
        return " "
    separator = ctx.get_variable("OFS")  # type: ignore[attr-defined]
    return " " if separator is None else to_string(separator)


def dotnet_string(value: object) -> str:
    """Object.ToString() as .NET gives it: arrays show their type name rather than joining."""
    return element_string(value)


# --------------------------------------------------------------------------- numbers from text

_NUMBER_TOKEN = re.compile(
    r"""(?P<sign>[+-]?)
        (?:0x(?P<hex>[0-9a-f]+)
          |(?P<int>\d+)(?P<frac>\.\d*)?(?P<exp>e[+-]?\d+)?
          |(?P<lead>\.\d+)(?P<exp2>e[+-]?\d+)?)
        (?P<suffix>[ld])?
        (?P<mult>kb|mb|gb|tb|pb)?\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_MULTIPLIERS = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50}


def parse_number(text: str) -> object:
    """Read a string the way the tokenizer reads a number literal (`"0x10"`, `"1kb"`, `" 2.5 "`,
    `"5d"`); '' is 0. Returns int/Int64/float/Decimal, or None when the text is not a number.
    Arithmetic on strings uses this (`1 + "2.5"` is 3.5)."""
    text = text.strip()
    if not text:
        return 0
    match = _NUMBER_TOKEN.match(text)
    if match is None:
        return None
    negative = match["sign"] == "-"
    suffix = (match["suffix"] or "").lower()
    multiplier = _MULTIPLIERS.get((match["mult"] or "").lower(), 1)
    if match["hex"] is not None:
        if suffix == "d":
            return None
        raw = int(match["hex"], 16)
        if suffix != "l" and raw <= 0xFFFFFFFF:
            value = raw - (1 << 32) if raw > INT32_MAX else raw
        elif raw <= 0xFFFFFFFFFFFFFFFF:
            value = raw - (1 << 64) if raw > INT64_MAX else raw
            suffix = "l"
        else:
            return None
        value = -value if negative else value
        return _integer_result(value * multiplier, suffix == "l")
    digits = match["int"]
    real = match["frac"] is not None or match["exp"] is not None or match["lead"] is not None
    body = text[len(match["sign"]):match.start("suffix") if match["suffix"] else (match.start("mult") if match["mult"] else len(text))]
    if suffix == "d":
        try:
            number = Decimal(body) * multiplier
        except InvalidOperation:
            return None
        number = -number if negative else number
        return number if abs(number) <= DECIMAL_MAX else None
    if real:
        number = float(body) * multiplier
        if suffix == "l":
            if number != int(number):
                return None
            return _integer_result(-int(number) if negative else int(number), True)
        return -number if negative else number
    value = int(digits) * multiplier
    value = -value if negative else value
    return _integer_result(value, suffix == "l")


def _integer_result(value: int, long_suffix: bool) -> object:
    if not long_suffix and INT32_MIN <= value <= INT32_MAX:
        return value
    if INT64_MIN <= value <= INT64_MAX:
        return Int64(value)
    if long_suffix:
        return None
    if abs(value) <= DECIMAL_MAX:
        return Decimal(value)
    return float(value)


_DOUBLE_TEXT = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)\Z")


def parse_double(text: str) -> float | None:
    """Double.Parse(text, Float | AllowThousands, InvariantCulture), or None."""
    text = text.strip()
    if _DOUBLE_TEXT.match(text):
        return float(text.replace(",", ""))
    if text in ("Infinity", "-Infinity", "NaN"):
        return float(text.replace("Infinity", "inf"))
    return None


def numeric_operand(value: object, target: Callable[[], PSType]) -> object:
    """The number an arithmetic operand stands for, or None when it is not number-like:
    numbers as they are, $null 0, Booleans 0/1, chars their code, integer enums their value,
    strings read like number literals (one that does not read fails converting to `target()`)."""
    kind = type(value)
    if kind is int or kind is float or kind is Int64 or kind is Decimal:
        return value
    if value is None:
        return 0
    if kind is bool:
        return int(value)  # type: ignore[arg-type]
    if kind is str:
        number = parse_number(value)  # type: ignore[arg-type]
        if number is None:
            return convert_to(value, target())
        return number
    if kind is Char:
        return ord(value)  # type: ignore[arg-type]
    if isinstance(value, _enum.Enum) and isinstance(value.value, int):
        return value.value
    if isinstance(value, PSObject) and value.base is not None:
        return numeric_operand(value.base, target)
    return None


def to_number(value: object, target: str = "System.Int32") -> object:
    """The numeric value arithmetic uses for an operand: $null is 0, $true is 1, strings are
    read like number literals; what is not number-like fails with the conversion error to `target`."""
    number = numeric_operand(value, lambda: _named_numeric(target))
    if number is None:
        while isinstance(value, PSObject) and value.base is not None:
            value = value.base
        return convert_to(value, _named_numeric(target))
    return number


def _named_numeric(full_name: str) -> PSType:
    return _NUMERIC_TYPES.get(full_name) or _NUMERIC_TYPES["System.Int32"]


# --------------------------------------------------------------------------- cast errors


def cast_error(value: object, target: str, inner_message: str, error_id: str) -> E.PSException:
    """`Cannot convert value "v" to type "T". Error: "inner"` (PSInvalidCastException)."""
    message = f'Cannot convert value "{dotnet_string(value)}" to type "{target}". Error: "{inner_message}"'
    return E.PSInvalidCastException(message, error_id=error_id, category="InvalidArgument")


def final_cast_error(value: object, target: str) -> E.PSException:
    """`Cannot convert the "v" value of type "X" to type "T".` (no conversion exists)."""
    message = (f'Cannot convert the "{dotnet_string(value)}" value of type "{type_name_of(value)}" '
               f'to type "{target}".')
    return E.PSInvalidCastException(message, error_id="ConvertToFinalInvalidCastException",
                                    category="InvalidArgument")


# --------------------------------------------------------------------------- integers

# full name -> (min, max, article-and-name for the overflow message, result wrapper)
_INTEGER_RANGES: dict[str, tuple[int, int, str, type]] = {
    "System.Int32": (INT32_MIN, INT32_MAX, "an Int32", int),
    "System.Int64": (INT64_MIN, INT64_MAX, "an Int64", Int64),
    "System.Int16": (-(1 << 15), (1 << 15) - 1, "an Int16", int),
    "System.UInt16": (0, (1 << 16) - 1, "a UInt16", int),
    "System.UInt32": (0, (1 << 32) - 1, "a UInt32", int),
    "System.UInt64": (0, (1 << 64) - 1, "a UInt64", int),
    "System.Byte": (0, 255, "an unsigned byte", int),
    "System.SByte": (-128, 127, "a signed byte", int),
}


def _overflow_text(full_name: str) -> str:
    return f"Value was either too large or too small for {_INTEGER_RANGES[full_name][2]}."


def _fit_integer(number: int, full_name: str, original: object, error_id: str) -> int:
    low, high, _, wrap = _INTEGER_RANGES[full_name]
    if low <= number <= high:
        return wrap(number)
    raise cast_error(original, full_name, _overflow_text(full_name), error_id)


def round_half_even(number: float) -> int:
    """Convert.ToInt64(double): nearest integer, ties to even."""
    return round(number)


def to_integer(value: object, full_name: str = "System.Int32") -> int:
    """Convert a value to an integer type (`[int]`, `[long]`, `[byte]` ...)."""
    kind = type(value)
    if kind is int or kind is Int64:
        return _fit_integer(int(value), full_name, value, "InvalidCastIConvertible")  # type: ignore[arg-type]
    if value is None:
        return _INTEGER_RANGES[full_name][3](0)
    if kind is str:
        return _string_to_integer(value, full_name)  # type: ignore[arg-type]
    if kind is bool:
        return _INTEGER_RANGES[full_name][3](int(value))  # type: ignore[arg-type]
    if kind is float:
        if value != value or value in (_INF, -_INF):
            raise cast_error(value, full_name, _overflow_text(full_name), "InvalidCastIConvertible")
        return _fit_integer(round_half_even(value), full_name, value, "InvalidCastIConvertible")  # type: ignore[arg-type]
    if kind is Decimal:
        rounded = int(value.to_integral_value(rounding=ROUND_HALF_EVEN))  # type: ignore[union-attr]
        return _fit_integer(rounded, full_name, value, "InvalidCastIConvertible")
    if kind is Char:
        return _fit_integer(ord(value), full_name, value, "InvalidCastIConvertible")  # type: ignore[arg-type]
    if isinstance(value, _enum.Enum) and isinstance(value.value, int):
        return _fit_integer(value.value, full_name, value, "InvalidCastIConvertible")
    if isinstance(value, PSObject) and value.base is not None:
        return to_integer(value.base, full_name)
    if isinstance(value, int):
        return _fit_integer(int(value), full_name, value, "InvalidCastIConvertible")
    if isinstance(value, str):
        return _string_to_integer(str(value), full_name)
    raise final_cast_error(value, full_name)


_INTEGER_TEXT = re.compile(r"[+-]?\d+\Z")


def _string_to_integer(text: str, full_name: str) -> int:
    if not text:
        return _INTEGER_RANGES[full_name][3](0)
    low, high, _, wrap = _INTEGER_RANGES[full_name]
    trimmed = text.strip()
    hex_digits = None
    if trimmed[:1] == "#":
        hex_digits = trimmed[1:]
    elif trimmed[:2].lower() in ("0x", "&h"):
        hex_digits = trimmed[2:]
    if hex_digits is not None:
        bits = high.bit_length() + (1 if low < 0 else 0)
        if re.fullmatch(r"[0-9a-fA-F]+", hex_digits):
            raw = int(hex_digits, 16)
            if raw < (1 << bits):
                if low < 0 and raw > high:
                    raw -= 1 << bits
                return wrap(raw)
            raise cast_error(text, full_name, _overflow_text(full_name), "InvalidCastFromStringToInteger")
    elif _INTEGER_TEXT.match(trimmed):
        number = int(trimmed)
        if low <= number <= high:
            return wrap(number)
        raise cast_error(text, full_name, _overflow_text(full_name), "InvalidCastFromStringToInteger")
    number = parse_double(trimmed)
    if number is not None and number == number and number not in (_INF, -_INF):
        rounded = round_half_even(number)
        if low <= rounded <= high:
            return wrap(rounded)
    raise cast_error(text, full_name, FORMAT_ERROR, "InvalidCastFromStringToInteger")


# --------------------------------------------------------------------------- reals


def to_double(value: object) -> float:
    """Convert a value to System.Double."""
    kind = type(value)
    if kind is float:
        return value  # type: ignore[return-value]
    if kind is int or kind is Int64 or kind is bool:
        return float(value)  # type: ignore[arg-type]
    if value is None:
        return 0.0
    if kind is str:
        if not value:
            return 0.0
        number = parse_double(value)  # type: ignore[arg-type]
        if number is None:
            raise cast_error(value, "System.Double", FORMAT_ERROR, "InvalidCastFromStringToDoubleOrSingle")
        return number
    if kind is Decimal:
        return float(value)  # type: ignore[arg-type]
    if isinstance(value, _enum.Enum) and isinstance(value.value, int):
        return float(value.value)
    if isinstance(value, PSObject) and value.base is not None:
        return to_double(value.base)
    if isinstance(value, (int, float)):
        return float(value)
    raise final_cast_error(value, "System.Double")


def to_decimal(value: object) -> Decimal:
    """Convert a value to System.Decimal."""
    kind = type(value)
    if kind is Decimal:
        return value  # type: ignore[return-value]
    if kind is int or kind is Int64 or kind is bool:
        return Decimal(int(value))  # type: ignore[arg-type]
    if value is None:
        return Decimal(0)
    if kind is float:
        if value != value or value in (_INF, -_INF) or abs(value) > 7.922816251426434e28:  # type: ignore[operator]
            raise cast_error(value, "System.Decimal", "Value was either too large or too small for a Decimal.",
                             "InvalidCastIConvertible")
        return Decimal(format_double(value))  # type: ignore[arg-type]
    if kind is str:
        text = value.strip()  # type: ignore[union-attr]
        if not value:
            return Decimal(0)
        if _DECIMAL_TEXT.match(text):
            number = Decimal(text.replace(",", ""))
        else:
            as_double = parse_double(text)
            if as_double is None:
                raise cast_error(value, "System.Decimal", FORMAT_ERROR, "InvalidCastFromStringToDecimal")
            number = Decimal(format_double(as_double))
        if abs(number) > DECIMAL_MAX:
            raise cast_error(value, "System.Decimal", "Value was either too large or too small for a Decimal.",
                             "InvalidCastFromStringToDecimal")
        return number
    if isinstance(value, _enum.Enum) and isinstance(value.value, int):
        return Decimal(value.value)
    if isinstance(value, PSObject) and value.base is not None:
        return to_decimal(value.base)
    raise final_cast_error(value, "System.Decimal")


# --------------------------------------------------------------------------- other targets


def to_char(value: object) -> Char:
    if value is None:
        return Char("\0")
    if type(value) is Char:
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        if len(value) == 1:
            return Char(value)
        raise cast_error(value, "System.Char", "String must be exactly one character long.",
                         "InvalidCastIConvertible")
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = to_integer(value, "System.Int64")
        if 0 <= number <= 0xFFFF:
            return Char(chr(number))
        raise cast_error(value, "System.Char", "Value was either too large or too small for a character.",
                         "InvalidCastIConvertible")
    raise final_cast_error(value, "System.Char")


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]
_TIME = r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,7}))?)?\s*(?P<ampm>[AaPp][Mm])?"


@lru_cache(maxsize=None)
def _date_patterns() -> tuple[list[re.Pattern], re.Pattern]:
    """The DateTime.Parse shapes understood (compiled on first use: start-up time matters)."""
    dates = [
        re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ]" + _TIME + r")?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?\Z"),
        re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:\s+" + _TIME + r")?\Z"),
        re.compile(r"(?P<m>\d{1,2})[/.-](?P<d>\d{1,2})[/.-](?P<y>\d{2}|\d{4})(?:\s+" + _TIME + r")?\Z"),
        re.compile(r"(?P<d>\d{1,2})\s+(?P<mon>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})(?:\s+" + _TIME + r")?\Z"),
        re.compile(r"(?:[A-Za-z]+,\s+)?(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?:\s+" + _TIME + r")?\Z"),
    ]
    return dates, re.compile(_TIME + r"\Z")


def parse_datetime(text: str, ctx: object = None) -> _dt.datetime:
    """DateTime.Parse with the invariant culture (month before day), raising PowerShell's error."""
    trimmed = text.strip()
    try:
        dates, time_only = _date_patterns()
        for pattern in dates:
            match = pattern.match(trimmed)
            if match:
                return _build_datetime(match)
        match = time_only.match(trimmed)
        if match:
            today = ctx.now() if ctx is not None else _dt.datetime.now()  # type: ignore[attr-defined]
            return _build_time(today.replace(hour=0, minute=0, second=0, microsecond=0), match)
    except ValueError:
        pass
    raise E.PSInvalidCastException(
        f'Cannot convert value "{text}" to type "System.DateTime". Error: '
        '"String was not recognized as a valid DateTime."',
        error_id="InvalidCastParseTargetInvocation", category="InvalidArgument")


def _build_datetime(match: re.Match) -> _dt.datetime:
    groups = match.groupdict()
    year = int(groups["y"])
    if year < 100:
        year += 2000 if year < 30 else 1900
    if groups.get("mon"):
        name = groups["mon"].lower()
        month = next(i + 1 for i, full in enumerate(_MONTHS) if full.startswith(name) and len(name) >= 3)
    else:
        month = int(groups["m"])
    day = _dt.datetime(year, month, int(groups["d"]))
    return _build_time(day, match) if groups.get("h") else day


def _build_time(day: _dt.datetime, match: re.Match) -> _dt.datetime:
    groups = match.groupdict()
    hour = int(groups["h"])
    ampm = (groups.get("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError(hour)
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    fraction = groups.get("f") or ""
    micro = int(fraction.ljust(7, "0")[:6]) if fraction else 0
    return day.replace(hour=hour, minute=int(groups["mi"]), second=int(groups["s"] or 0), microsecond=micro)


@lru_cache(maxsize=None)
def _timespan_patterns() -> tuple[re.Pattern, re.Pattern]:
    return (
        re.compile(r"(?P<neg>-)?(?:(?P<d>\d+)\.)?(?P<h>\d{1,2}):(?P<m>\d{1,2})(?::(?P<s>\d{1,2})(?:\.(?P<f>\d{1,7}))?)?\Z"),
        re.compile(r"(?P<neg>-)?(?P<d>\d+):(?P<h>\d{1,2}):(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:\.(?P<f>\d{1,7}))?\Z"),
    )


def parse_timespan(text: str) -> _dt.timedelta:
    """TimeSpan.Parse: `[-][d.]hh:mm[:ss[.fffffff]]` or a whole number of days."""
    trimmed = text.strip()
    days_only = re.fullmatch(r"(-)?(\d+)", trimmed)
    if days_only:
        days = int(days_only[2])
        if days <= 10675199:
            return _dt.timedelta(days=-days if days_only[1] else days)
    plain, with_days = _timespan_patterns()
    match = plain.match(trimmed) or with_days.match(trimmed)
    if match and int(match["h"]) < 24 and int(match["m"]) < 60 and int(match["s"] or 0) < 60:
        fraction = match["f"] or ""
        ticks = (((int(match["d"] or 0) * 24 + int(match["h"])) * 60 + int(match["m"])) * 60
                 + int(match["s"] or 0)) * 10_000_000 + (int(fraction.ljust(7, "0")) if fraction else 0)
        return ticks_to_timespan(-ticks if match["neg"] else ticks)
    raise E.PSInvalidCastException(
        f'Cannot convert value "{text}" to type "System.TimeSpan". Error: '
        '"String was not recognized as a valid TimeSpan."',
        error_id="InvalidCastParseTargetInvocation", category="InvalidArgument")


def ticks_to_timespan(ticks: int) -> _dt.timedelta:
    return _dt.timedelta(microseconds=ticks // 10) if ticks >= 0 else -_dt.timedelta(microseconds=(-ticks) // 10)


def to_guid(value: object) -> _uuid.UUID:
    if isinstance(value, _uuid.UUID):
        return value
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
                        r"|\([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\)"
                        r"|[0-9a-fA-F]{32}", text):
            return _uuid.UUID(text.strip("{}()"))
        raise cast_error(value, "System.Guid",
                         "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).",
                         "InvalidCastParseTargetInvocation")
    raise final_cast_error(value, "System.Guid")


def to_datetime(value: object, ctx: object = None) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str):
        return parse_datetime(value, ctx)
    if isinstance(value, int) and not isinstance(value, bool):
        return _dt.datetime(1, 1, 1) + ticks_to_timespan(int(value))
    raise final_cast_error(value, "System.DateTime")


def to_timespan(value: object) -> _dt.timedelta:
    if isinstance(value, _dt.timedelta):
        return value
    if isinstance(value, str):
        return parse_timespan(value)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return ticks_to_timespan(to_integer(value, "System.Int64"))
    raise final_cast_error(value, "System.TimeSpan")


# --------------------------------------------------------------------------- enums


def enum_names(enum_class: type) -> list[str]:
    """Enum.GetNames order: by value for integer enums, declaration order otherwise."""
    members = list(enum_class.__members__.items())
    if all(isinstance(member.value, int) for _, member in members):
        members.sort(key=lambda item: item[1].value)
    return [name for name, _ in members]


def to_enum(value: object, pstype: PSType) -> _enum.Enum:
    """Convert to an enum: by name (case-insensitive, comma-separated flags, unique prefix),
    by number, or from an array of names."""
    enum_class = pstype.enum
    if isinstance(value, enum_class):  # type: ignore[arg-type]
        return value  # type: ignore[return-value]
    full_name = pstype.full_name
    if value is None:
        raise E.PSInvalidCastException(
            f'Cannot convert null to type "{full_name}" due to enumeration values that are not valid. '
            f'Specify one of the following enumeration values and try again. The possible enumeration '
            f'values are "{",".join(enum_names(enum_class))}".',  # type: ignore[arg-type]
            error_id="InvalidCastExceptionEnumerationNull", category="InvalidArgument")
    if isinstance(value, PSObject) and value.base is not None:
        return to_enum(value.base, pstype)
    if isinstance(value, list):
        text = ",".join(item if isinstance(item, str) else enum_name(to_enum(item, pstype)) for item in value)
        return to_enum(text, pstype)
    if isinstance(value, str):
        return _enum_from_string(value, enum_class, full_name)  # type: ignore[arg-type]
    if isinstance(value, (int, float, Decimal, _enum.Enum)):
        number = value.value if isinstance(value, _enum.Enum) else to_integer(value, "System.Int64")
        return _enum_from_number(number, value, enum_class, full_name)  # type: ignore[arg-type]
    raise final_cast_error(value, full_name)


def _enum_from_number(number: int, original: object, enum_class: type, full_name: str) -> _enum.Enum:
    try:
        return enum_class(number)
    except (ValueError, TypeError):
        raise E.PSInvalidCastException(
            f'Cannot convert value "{dotnet_string(original)}" to type "{full_name}" due to enumeration values '
            f'that are not valid. Specify one of the following enumeration values and try again. The possible '
            f'enumeration values are "{",".join(enum_names(enum_class))}".',
            error_id="UndefinedIntegerToEnum", category="InvalidArgument") from None


def _enum_from_string(text: str, enum_class: type, full_name: str) -> _enum.Enum:
    names = enum_names(enum_class)
    by_fold = {name.casefold(): name for name in names}
    members = enum_class.__members__  # type: ignore[attr-defined]
    parts = [part.strip() for part in text.split(",")]
    if all(part.casefold() in by_fold for part in parts):
        chosen = [members[by_fold[part.casefold()]] for part in parts]
        if len(chosen) == 1:
            return chosen[0]
        combined = 0
        for member in chosen:
            combined |= member.value
        return _enum_from_number(combined, text, enum_class, full_name)
    if re.fullmatch(r"\s*[+-]?\d+\s*", text):
        return _enum_from_number(int(text), text, enum_class, full_name)
    prefixed = [name for name in names if name.casefold().startswith(text.casefold())] if text else []
    if len(prefixed) == 1:
        return members[prefixed[0]]
    if not prefixed:
        inner = ("Unable to match the identifier name " + text + " to a valid enumerator name. "
                 "Specify one of the following enumerator names and try again:\n" + ", ".join(names))
    else:
        inner = (f"The identifier name {text} cannot be processed because it is either too similar or "
                 f"identical to the following enumerator names: {', '.join(prefixed)}. Use a more specific "
                 "identifier name.")
    raise cast_error(text, full_name, inner, "SubstringDisambiguationEnumParseThrewAnException")


# --------------------------------------------------------------------------- convert_to


def to_hashtable(value: object, ordered: bool = False) -> Hashtable:
    if isinstance(value, Hashtable):
        return Hashtable(value.items(), ordered=ordered)
    if isinstance(value, PSObject) and isinstance(value.base, Hashtable):
        return Hashtable(value.base.items(), ordered=ordered)
    raise final_cast_error(value, "System.Collections.Specialized.OrderedDictionary" if ordered
                           else "System.Collections.Hashtable")


def to_pscustomobject(value: object) -> object:
    """[pscustomobject]: a hashtable becomes an object with its keys, in order; anything else
    is returned as it is."""
    if isinstance(value, Hashtable):
        return PSObject((element_string(key) if not isinstance(key, str) else key, item)
                        for key, item in value.items())
    return value


def to_array(value: object, element: PSType, ctx: object = None) -> list | None:
    """Convert to `element[]`: elements converted one by one; a scalar becomes one element."""
    target = element.full_name + "[]"
    if value is None:
        return None
    if isinstance(value, list):
        try:
            return [convert_to(item, element, ctx) for item in value]
        except E.PSException as error:
            raise cast_error(value, target, error.message, "ConvertToFinalInvalidCastException") from None
    if isinstance(value, str) and element.full_name == "System.Char":
        return [Char(ch) for ch in value]
    try:
        return [convert_to(value, element, ctx)]
    except E.PSException as error:
        raise cast_error(value, target, error.message, "InvalidCastExceptionScalarToArray") from None


def _convert_string(value: object, ctx: object) -> str:
    return to_string(value, ctx)


_SCALAR_CONVERTERS = {
    "System.String": _convert_string,
    "System.Boolean": lambda value, ctx: to_bool(value),
    "System.Management.Automation.SwitchParameter": lambda value, ctx: to_bool(value),
    "System.Double": lambda value, ctx: to_double(value),
    "System.Single": lambda value, ctx: to_double(value),
    "System.Decimal": lambda value, ctx: to_decimal(value),
    "System.Char": lambda value, ctx: to_char(value),
    "System.DateTime": lambda value, ctx: None if value is None else to_datetime(value, ctx),
    "System.TimeSpan": lambda value, ctx: _dt.timedelta(0) if value is None else to_timespan(value),
    "System.Guid": lambda value, ctx: _uuid.UUID(int=0) if value is None else to_guid(value),
    "System.Collections.Hashtable": lambda value, ctx: None if value is None else to_hashtable(value),
    "System.Collections.Specialized.OrderedDictionary":
        lambda value, ctx: None if value is None else to_hashtable(value, ordered=True),
    "System.Management.Automation.PSCustomObject": lambda value, ctx: to_pscustomobject(value),
    "System.Object": lambda value, ctx: value,
    "System.Management.Automation.PSObject": lambda value, ctx: value,
}
for _name in _INTEGER_RANGES:
    _SCALAR_CONVERTERS[_name] = (lambda name: lambda value, ctx: to_integer(value, name))(_name)

_NUMERIC_TYPES: dict[str, PSType] = {
    name: PSType(name) for name in (*_INTEGER_RANGES, "System.Double", "System.Decimal")
}


def convert_to(value: object, pstype: PSType, ctx: object = None) -> object:
    """`[T]value`: PowerShell's conversion to the type, raising its exact cast errors."""
    converter = _SCALAR_CONVERTERS.get(pstype.full_name)
    if converter is not None:
        if isinstance(value, list) and pstype.full_name not in _LIST_FRIENDLY:
            raise final_cast_error(value, pstype.full_name)
        return converter(value, ctx)
    if pstype.element is not None:
        return to_array(value, pstype.element, ctx)
    if pstype.enum is not None:
        return to_enum(value, pstype)
    if value is None:
        return None
    if pstype.is_instance(value):
        return value
    if isinstance(value, PSObject) and value.base is not None and pstype.is_instance(value.base):
        return value.base
    if pstype.convert_from is not None:
        try:
            return pstype.convert_from(value)
        except E.PSException:
            raise
        except (ValueError, TypeError, ArithmeticError) as error:
            raise cast_error(value, pstype.full_name, str(error), "InvalidCastConstructorException") from None
    raise final_cast_error(value, pstype.full_name)


_LIST_FRIENDLY = {
    "System.String", "System.Boolean", "System.Management.Automation.SwitchParameter", "System.Object",
    "System.Management.Automation.PSObject", "System.Management.Automation.PSCustomObject",
}


def try_convert(value: object, pstype: PSType, ctx: object = None) -> tuple[bool, object]:
    """(True, converted) or (False, None) when the conversion fails (`-as`, comparisons)."""
    try:
        return True, convert_to(value, pstype, ctx)
    except E.PSException:
        return False, None
