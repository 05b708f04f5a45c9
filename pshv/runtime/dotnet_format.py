""".NET composite formatting (`-f`, String.Format) and format strings, en-US culture.

Numbers: standard specifiers C D E F G N P R X (with precision) and custom patterns
(`0`, `#`, `.`, `,`, `%`, `E+0`, sections `;`, quoted literals). Doubles are rounded the way
.NET Framework does (to 15 significant digits first, then half away from zero).
DateTime: standard d D f F g G M O R s t T u U Y and custom patterns. TimeSpan: c g G and
custom patterns (`hh\\:mm`).
"""

from __future__ import annotations

import datetime as _dt
import enum as _enum
import uuid as _uuid
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from . import errors as E
from .convert import element_string, enum_name, format_double, format_timespan, timespan_ticks
from .objects import Int64

INDEX_ERROR = ("Index (zero based) must be greater than or equal to zero and less than the size of the "
               "argument list.")
FORMAT_ERROR = "Input string was not in a correct format."
SPECIFIER_ERROR = "Format specifier was invalid."


class _FormatFailure(Exception):
    """A .NET FormatException inside formatting; `format_composite` turns it into the PS error."""


def format_error(fmt: str, message: str) -> E.PSException:
    """`Error formatting a string: <inner>.` as -f reports a FormatException."""
    inner = E.FormatException(message)
    return E.RuntimeException(f"Error formatting a string: {message}.", error_id="FormatError",
                              category="InvalidOperation", target=fmt, inner=inner)


# --------------------------------------------------------------------------- composite


def format_composite(fmt: str, args: list[object]) -> str:
    """String.Format(CultureInfo.CurrentCulture = en-US, fmt, args)."""
    try:
        return _composite(fmt, args)
    except _FormatFailure as failure:
        raise format_error(fmt, str(failure)) from None


def _composite(fmt: str, args: list[object]) -> str:
    out: list[str] = []
    i, n = 0, len(fmt)
    while i < n:
        c = fmt[i]
        if c == "}":
            if i + 1 < n and fmt[i + 1] == "}":
                out.append("}")
                i += 2
                continue
            raise _FormatFailure(FORMAT_ERROR)
        if c != "{":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and fmt[i + 1] == "{":
            out.append("{")
            i += 2
            continue
        i += 1
        start = i
        while i < n and fmt[i].isdigit():
            i += 1
        if i == start:
            raise _FormatFailure(FORMAT_ERROR)
        index = int(fmt[start:i])
        while i < n and fmt[i] == " ":
            i += 1
        width = 0
        if i < n and fmt[i] == ",":
            i += 1
            while i < n and fmt[i] == " ":
                i += 1
            sign = 1
            if i < n and fmt[i] == "-":
                sign = -1
                i += 1
            start = i
            while i < n and fmt[i].isdigit():
                i += 1
            if i == start:
                raise _FormatFailure(FORMAT_ERROR)
            width = sign * int(fmt[start:i])
            while i < n and fmt[i] == " ":
                i += 1
        spec = ""
        if i < n and fmt[i] == ":":
            i += 1
            parts: list[str] = []
            while i < n and fmt[i] != "}":
                if fmt[i] == "{":
                    raise _FormatFailure(FORMAT_ERROR)
                parts.append(fmt[i])
                i += 1
            spec = "".join(parts)
        if i >= n or fmt[i] != "}":
            raise _FormatFailure(FORMAT_ERROR)
        i += 1
        if index >= len(args):
            raise _FormatFailure(INDEX_ERROR)
        text = format_value(args[index], spec)
        if width > 0:
            text = text.rjust(width)
        elif width < 0:
            text = text.ljust(-width)
        out.append(text)
    return "".join(out)


def format_value(value: object, spec: str = "") -> str:
    """value.ToString(spec, en-US); values that are not IFormattable (strings, $null, Booleans,
    ...) ignore the spec and show as `element_string` shows them."""
    kind = type(value)
    if kind is int or kind is Int64:
        return format_number(int(value), spec, bits=64 if kind is Int64 or not -2**31 <= value < 2**31 else 32)  # type: ignore[arg-type]
    if kind is float:
        return format_number(value, spec)
    if kind is Decimal:
        return format_number(value, spec)
    if isinstance(value, _dt.datetime):
        return format_datetime(value, spec)
    if isinstance(value, _dt.timedelta):
        return format_timespan_spec(value, spec)
    if isinstance(value, _enum.Enum):
        return _format_enum(value, spec)
    if isinstance(value, _uuid.UUID):
        return _format_guid(value, spec)
    return element_string(value)


def _format_enum(value: _enum.Enum, spec: str) -> str:
    letter = spec.upper()
    if letter in ("", "G", "F") or not isinstance(value.value, int):
        return enum_name(value)
    if letter == "D":
        return str(value.value)
    if letter == "X":
        return format(value.value & 0xFFFFFFFF, "08X")
    raise _FormatFailure("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".")


def _format_guid(value: _uuid.UUID, spec: str) -> str:
    text = str(value)
    letter = spec.upper() or "D"
    if letter == "D":
        return text
    if letter == "N":
        return value.hex
    if letter == "B":
        return "{" + text + "}"
    if letter == "P":
        return "(" + text + ")"
    raise _FormatFailure('Format String can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".')


# --------------------------------------------------------------------------- numbers


def _exact(value: object) -> Decimal:
    """The decimal digits .NET Framework formats: doubles are first cut to 15 significant digits."""
    if isinstance(value, float):
        return Decimal("%.14e" % value)
    return Decimal(value)  # type: ignore[arg-type]


def _round(number: Decimal, places: int) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ",".join(groups)


def _fixed(number: Decimal, places: int, grouping: bool) -> str:
    """Absolute value laid out with `places` decimals (and thousands separators)."""
    rounded = _round(abs(number), places)
    text = format(rounded, "f")
    whole, _, fraction = text.partition(".")
    if grouping:
        whole = _group(whole)
    return whole + ("." + fraction if places > 0 else "")


def _is_negative_result(number: Decimal, text: str) -> bool:
    return number < 0 and any(ch in "123456789" for ch in text)


def format_number(value: object, spec: str = "", bits: int = 32) -> str:
    """A number's ToString(spec) in en-US."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return format_double(value)
    letter = spec[:1]
    precision_text = spec[1:]
    if letter and letter.isalpha() and (precision_text == "" or (precision_text.isdigit() and len(precision_text) <= 2)):
        precision = int(precision_text) if precision_text else None
        return _standard_number(value, letter.upper(), letter.isupper(), precision, bits)
    if spec == "":
        return _general(value, None)
    return format_custom_number(value, spec)


def _standard_number(value: object, letter: str, upper: bool, precision: int | None, bits: int) -> str:
    is_integer = isinstance(value, int)
    if letter == "D":
        if not is_integer:
            raise _FormatFailure(SPECIFIER_ERROR)
        digits = str(abs(value)).rjust(precision or 0, "0")  # type: ignore[arg-type]
        return ("-" if value < 0 else "") + digits  # type: ignore[operator]
    if letter == "X":
        if not is_integer:
            raise _FormatFailure(SPECIFIER_ERROR)
        number = value if value >= 0 else value + (1 << bits)  # type: ignore[operator]
        text = format(number, "X" if upper else "x")
        return text.rjust(precision or 0, "0")
    number = _exact(value)
    if letter == "F":
        text = _fixed(number, 2 if precision is None else precision, False)
        return ("-" if _is_negative_result(number, text) else "") + text
    if letter == "N":
        text = _fixed(number, 2 if precision is None else precision, True)
        return ("-" if _is_negative_result(number, text) else "") + text
    if letter == "P":
        text = _fixed(number * 100, 2 if precision is None else precision, True)
        return ("-" if _is_negative_result(number, text) else "") + text + " %"
    if letter == "C":
        text = "$" + _fixed(number, 2 if precision is None else precision, True)
        return f"({text})" if _is_negative_result(number, text) else text
    if letter == "E":
        return _scientific(number, 6 if precision is None else precision, upper, 3)
    if letter == "G":
        return _general(value, precision, upper)
    if letter == "R":
        if isinstance(value, float):
            return _dotnet_exponent(repr(value))
        return _general(value, None, upper)
    raise _FormatFailure(SPECIFIER_ERROR)


def _dotnet_exponent(text: str) -> str:
    """Python's '1e+16' / '1.5e-07' as .NET writes it: '1E+16' / '1.5E-07'."""
    if "e" not in text:
        return text[:-2] if text.endswith(".0") else text
    mantissa, exponent = text.split("e")
    if mantissa.endswith(".0"):
        mantissa = mantissa[:-2]
    sign = "-" if exponent.startswith("-") else "+"
    return f"{mantissa}E{sign}{exponent.lstrip('+-').rjust(2, '0')}"


def _scientific(number: Decimal, places: int, upper: bool, exponent_digits: int) -> str:
    sign = "-" if number < 0 else ""
    number = abs(number)
    if number == 0:
        mantissa, exponent = Decimal(0), 0
    else:
        exponent = number.adjusted()
        mantissa = _round(number.scaleb(-exponent), places)
        if mantissa >= 10:
            exponent += 1
            mantissa = _round(number.scaleb(-exponent), places)
    text = format(mantissa, "f") if places else str(int(mantissa))
    marker = "E" if upper else "e"
    exp_sign = "-" if exponent < 0 else "+"
    return f"{sign}{text}{marker}{exp_sign}{str(abs(exponent)).rjust(exponent_digits, '0')}"


def _general(value: object, precision: int | None, upper: bool = True) -> str:
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int) and precision is None:
        return str(value)
    if isinstance(value, Decimal) and precision is None:
        from .convert import format_decimal

        return format_decimal(value)
    if isinstance(value, float) and precision is None:
        return format_double(value)
    digits = precision or (15 if isinstance(value, float) else 29)
    number = _exact(value) if not (isinstance(value, float) and digits > 15) else Decimal("%.16e" % value)
    if number == 0:
        return "0"
    exponent = number.adjusted()
    rounded = _round(number.scaleb(-exponent), digits - 1)
    if abs(rounded) >= 10:
        exponent += 1
        rounded = _round(number.scaleb(-exponent), digits - 1)
    if -5 <= exponent < digits:
        text = format(_round(number, max(digits - 1 - exponent, 0)), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text
    mantissa = format(rounded, "f")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}{'E' if upper else 'e'}{'-' if exponent < 0 else '+'}{str(abs(exponent)).rjust(2, '0')}"


# --------------------------------------------------------------------------- custom numeric


def _split_sections(spec: str) -> list[str]:
    sections, current, quote = [], [], ""
    i = 0
    while i < len(spec):
        c = spec[i]
        if quote:
            current.append(c)
            if c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
            current.append(c)
        elif c == "\\" and i + 1 < len(spec):
            current.append(spec[i:i + 2])
            i += 1
        elif c == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    sections.append("".join(current))
    return sections


def _tokens(section: str) -> list[tuple[str, str]]:
    """(kind, text): kind is 'digit0', 'digit#', '.', ',', '%', '‰', 'exp', or 'lit'."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(section)
    while i < n:
        c = section[i]
        if c in "'\"":
            end = section.find(c, i + 1)
            end = n if end < 0 else end
            out.append(("lit", section[i + 1:end]))
            i = end + 1
            continue
        if c == "\\" and i + 1 < n:
            out.append(("lit", section[i + 1]))
            i += 2
            continue
        if c in "eE" and i + 1 < n and (section[i + 1] == "0" or (section[i + 1] in "+-" and i + 2 < n
                                                                   and section[i + 2] == "0")):
            j = i + 1
            if section[j] in "+-":
                j += 1
            start = j
            while j < n and section[j] == "0":
                j += 1
            out.append(("exp", section[i:start] + str(j - start)))
            i = j
            continue
        if c == "0":
            out.append(("digit0", c))
        elif c == "#":
            out.append(("digit#", c))
        elif c in ".,%‰":
            out.append((c, c))
        else:
            out.append(("lit", c))
        i += 1
    return out


def format_custom_number(value: object, spec: str) -> str:
    """A custom numeric format such as '00', '#,##0.00', '0.0%', '0.###E+0', 'pos;neg;zero'."""
    number = _exact(value)
    sections = _split_sections(spec)
    section = sections[0]
    explicit_sign = False
    if number < 0 and len(sections) > 1 and sections[1]:
        section, explicit_sign = sections[1], True
    elif number == 0 and len(sections) > 2 and sections[2]:
        section = sections[2]
    tokens = _tokens(section)
    if explicit_sign:
        number = abs(number)
    decimal_at = next((i for i, (kind, _) in enumerate(tokens) if kind == "."), None)
    exp_at = next((i for i, (kind, _) in enumerate(tokens) if kind == "exp"), None)
    digit_limit = exp_at if exp_at is not None else len(tokens)
    int_end = decimal_at if decimal_at is not None else digit_limit
    int_placeholders = [i for i in range(int_end) if tokens[i][0].startswith("digit")]
    frac_placeholders = [i for i in range(int_end, digit_limit) if tokens[i][0].startswith("digit")]
    # thousands separators between integer placeholders group; right before the point they scale
    grouping = False
    scale = 0
    for i in range(int_end):
        if tokens[i][0] == ",":
            if any(p > i for p in int_placeholders):
                if any(p < i for p in int_placeholders):
                    grouping = True
            else:
                scale += 1
    for kind, _ in tokens:
        if kind == "%":
            number *= 100
        elif kind == "‰":
            number *= 1000
    number = number.scaleb(-3 * scale)
    min_frac = max((k + 1 for k, i in enumerate(frac_placeholders) if tokens[i][0] == "digit0"), default=0)
    max_frac = len(frac_placeholders)
    exponent_text = ""
    if exp_at is not None:
        marker = tokens[exp_at][1]
        exp_digits = int(marker.lstrip("eE+-"))
        int_digits = max(len(int_placeholders), 1)
        if number == 0:
            exponent = 0
        else:
            exponent = abs(number).adjusted() - (int_digits - 1)
        mantissa = _round(abs(number).scaleb(-exponent), max_frac)
        if mantissa >= Decimal(10) ** int_digits:
            exponent += 1
            mantissa = _round(abs(number).scaleb(-exponent), max_frac)
        if number < 0:
            mantissa = -mantissa
        number = mantissa
        sign_char = "-" if exponent < 0 else ("+" if "+" in marker else "")
        exponent_text = marker[0] + sign_char + str(abs(exponent)).rjust(exp_digits, "0")
    rounded = _round(abs(number), max_frac)
    whole, _, fraction = format(rounded, "f").partition(".")
    fraction = fraction[:max_frac]
    while len(fraction) > min_frac and fraction.endswith("0"):
        fraction = fraction[:-1]
    first_zero = next((k for k, i in enumerate(int_placeholders) if tokens[i][0] == "digit0"), None)
    min_int = len(int_placeholders) - first_zero if first_zero is not None else 0
    whole = whole.lstrip("0")
    whole = whole.rjust(min_int, "0")
    if grouping and whole:
        whole = _group(whole)
    negative = not explicit_sign and number < 0 and (any(ch in "123456789" for ch in whole + fraction))
    out: list[str] = []
    first_int = int_placeholders[0] if int_placeholders else None
    for index, (kind, text) in enumerate(tokens):
        if kind.startswith("digit"):
            if index == first_int:
                out.append(whole)
            elif index in frac_placeholders:
                position = frac_placeholders.index(index)
                if position < len(fraction):
                    out.append(fraction[position])
        elif kind == ".":
            if fraction:
                out.append(".")
        elif kind == ",":
            continue
        elif kind == "exp":
            out.append(exponent_text)
        else:
            out.append(text)
    if first_int is None and int_end and whole and whole != "0":
        out.insert(0, whole)
    result = "".join(out)
    return ("-" + result) if negative else result


# --------------------------------------------------------------------------- DateTime

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_DATE_STANDARD = {
    "d": "M/d/yyyy",
    "D": "dddd, MMMM d, yyyy",
    "f": "dddd, MMMM d, yyyy h:mm tt",
    "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt",
    "G": "M/d/yyyy h:mm:ss tt",
    "m": "MMMM d",
    "M": "MMMM d",
    "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
    "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
    "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "t": "h:mm tt",
    "T": "h:mm:ss tt",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
    "U": "dddd, MMMM d, yyyy h:mm:ss tt",
    "y": "MMMM yyyy",
    "Y": "MMMM yyyy",
}


def format_datetime(value: _dt.datetime, spec: str = "") -> str:
    """DateTime.ToString(spec) in en-US ('' is 'G': '1/5/2024 3:04:05 PM')."""
    if spec == "":
        spec = "G"
    if len(spec) == 1:
        pattern = _DATE_STANDARD.get(spec)
        if pattern is None:
            raise _FormatFailure(FORMAT_ERROR)
        return _custom_datetime(value, pattern)
    return _custom_datetime(value, spec)


_LITERAL = "literal"
_SPECIFIER = "specifier"


def _custom_format_tokens(spec: str) -> Iterator[tuple[str, str, int]]:
    """Split a .NET custom DateTime/TimeSpan format into `(_LITERAL, text, 1)` and
    `(_SPECIFIER, letter, run length)` items.

    '...' and "..." quote literal text (an empty quote still yields an empty literal) and `\\`
    escapes the next character; a `%` before another character is dropped (`%d` is the lone
    specifier `d`), but a `%` ending the format comes out as the specifier `%`. Any other
    character is a specifier letter that runs as long as it repeats. An unterminated quote or a
    trailing backslash raises the format error.
    """
    i, n = 0, len(spec)
    while i < n:
        c = spec[i]
        if c in "'\"":
            end = spec.find(c, i + 1)
            if end < 0:
                raise _FormatFailure(FORMAT_ERROR)
            yield _LITERAL, spec[i + 1:end], 1
            i = end + 1
        elif c == "\\":
            if i + 1 >= n:
                raise _FormatFailure(FORMAT_ERROR)
            yield _LITERAL, spec[i + 1], 1
            i += 2
        elif c == "%" and i + 1 < n:
            i += 1
        else:
            end = i + 1
            while end < n and spec[end] == c:
                end += 1
            yield _SPECIFIER, c, end - i
            i = end


def _offset(value: _dt.datetime) -> _dt.timedelta:
    offset = value.utcoffset()
    return offset if offset is not None else _dt.timedelta(0)


def _custom_datetime(value: _dt.datetime, spec: str) -> str:
    out: list[str] = []
    for kind, c, count in _custom_format_tokens(spec):
        if kind == _LITERAL:
            out.append(c)
        elif c == "%":
            continue  # a '%' ending the format adds nothing
        elif c == "d":
            if count == 1:
                out.append(str(value.day))
            elif count == 2:
                out.append(f"{value.day:02d}")
            elif count == 3:
                out.append(_DAYS[value.weekday()][:3])
            else:
                out.append(_DAYS[value.weekday()])
        elif c in "fF":
            if count > 7:
                raise _FormatFailure(FORMAT_ERROR)
            digits = f"{value.microsecond:06d}0"[:count]
            if c == "F":
                digits = digits.rstrip("0")
                if not digits and out and out[-1] == ".":
                    out.pop()
            out.append(digits)
        elif c == "g":
            out.append("A.D.")
        elif c == "h":
            hour = value.hour % 12 or 12
            out.append(str(hour) if count == 1 else f"{hour:02d}")
        elif c == "H":
            out.append(str(value.hour) if count == 1 else f"{value.hour:02d}")
        elif c == "K":
            offset = value.utcoffset()
            if offset is not None:
                out.append("Z" if offset == _dt.timedelta(0) and value.tzinfo is _dt.timezone.utc
                           else _offset_text(offset, 3))
        elif c == "m":
            out.append(str(value.minute) if count == 1 else f"{value.minute:02d}")
        elif c == "M":
            if count == 1:
                out.append(str(value.month))
            elif count == 2:
                out.append(f"{value.month:02d}")
            elif count == 3:
                out.append(_MONTHS[value.month - 1][:3])
            else:
                out.append(_MONTHS[value.month - 1])
        elif c == "s":
            out.append(str(value.second) if count == 1 else f"{value.second:02d}")
        elif c == "t":
            marker = "AM" if value.hour < 12 else "PM"
            out.append(marker[0] if count == 1 else marker)
        elif c == "y":
            year = value.year
            if count == 1:
                out.append(str(year % 100))
            elif count == 2:
                out.append(f"{year % 100:02d}")
            else:
                out.append(str(year).rjust(count, "0"))
        elif c == "z":
            out.append(_offset_text(_offset(value), count))
        elif c == ":":
            out.append(":" * count)
        elif c == "/":
            out.append("/" * count)
        else:
            out.append(c * count)
    return "".join(out)


def _offset_text(offset: _dt.timedelta, count: int) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    if count == 1:
        return f"{sign}{hours}"
    if count == 2:
        return f"{sign}{hours:02d}"
    return f"{sign}{hours:02d}:{mins:02d}"


# --------------------------------------------------------------------------- TimeSpan


def format_timespan_spec(value: _dt.timedelta, spec: str = "") -> str:
    """TimeSpan.ToString(spec): 'c' (default), 'g', 'G', or a custom pattern like 'hh\\:mm'."""
    ticks = timespan_ticks(value)
    if spec in ("", "c", "t", "T"):
        return format_timespan(value)
    sign = "-" if ticks < 0 else ""
    total = abs(ticks)
    seconds, fraction = divmod(total, 10_000_000)
    minutes, secs = divmod(seconds, 60)
    hours, mins = divmod(minutes, 60)
    days, hrs = divmod(hours, 24)
    if spec == "g":
        text = f"{sign}{days}:" if days else sign
        text += f"{hrs}:{mins:02d}:{secs:02d}"
        return text + (f".{fraction:07d}".rstrip("0") if fraction else "")
    if spec == "G":
        return f"{sign}{days}:{hrs:02d}:{mins:02d}:{secs:02d}.{fraction:07d}"
    out: list[str] = []
    for kind, c, count in _custom_format_tokens(spec):
        if kind == _LITERAL:
            out.append(c)
        elif c == "d" and count <= 8:
            out.append(str(days).rjust(count, "0"))
        elif c == "h" and count <= 2:
            out.append(str(hrs).rjust(count, "0"))
        elif c == "m" and count <= 2:
            out.append(str(mins).rjust(count, "0"))
        elif c == "s" and count <= 2:
            out.append(str(secs).rjust(count, "0"))
        elif c == "f" and count <= 7:
            out.append(f"{fraction:07d}"[:count])
        elif c == "F" and count <= 7:
            out.append(f"{fraction:07d}"[:count].rstrip("0"))
        else:
            raise _FormatFailure(FORMAT_ERROR)
    return "".join(out)
