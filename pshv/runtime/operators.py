"""Every PowerShell 5.1 operator on runtime values.

`binary(op, left, right, ctx=None)` takes the canonical lower-case operator names of
`pshv.syntax.ast` ('+', '-eq', '-ceq', '-like', '-replace', '..', '-f' ...); `-i` variants are
accepted too. `unary(op, value, ctx=None)` covers '-not', '!', '-', '+', '-bnot', ',',
'-split', '-join', '++', '--', 'post++', 'post--' (the last four compute the new value).
`match(op, left, right)` is -match / -notmatch with the `$Matches` table to set (or None).

The left operand decides the operation (`"a" + 1` concatenates, `1 + "2"` adds), an array
on the left of a comparison filters, integer arithmetic widens Int32 -> Int64 -> Double on
overflow, and `/` of integers yields a Double when inexact.
"""

from __future__ import annotations

import datetime as _dt
import enum as _enum
import math
import re
import warnings
from decimal import Decimal, DivisionByZero, InvalidOperation
from functools import lru_cache
from typing import Callable

from . import errors as E
from .convert import (
    DECIMAL_MAX, convert_to, element_string, numeric_operand, parse_number, to_bool, to_enum, to_integer, to_string,
    to_timespan, try_convert,
)
from .dotnet_regex import python_flags
from .objects import (
    INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, Char, Hashtable, Int64, Invocable,
    PSObject, PSType,
)
from .typenames import type_name_of

# --------------------------------------------------------------------------- errors


def _runtime_error(message: str, error_id: str, category: str = "NotSpecified",
                   inner: E.PSException | None = None) -> E.PSException:
    return E.RuntimeException(message, error_id=error_id, category=category, inner=inner)


def divide_by_zero() -> E.PSException:
    """`1/0`: RuntimeException 'Attempted to divide by zero.' wrapping DivideByZeroException."""
    inner = E.DivideByZeroException("Attempted to divide by zero.")
    return _runtime_error("Attempted to divide by zero.", "RuntimeException", inner=inner)


def _decimal_overflow() -> E.PSException:
    inner = E.OverflowException("Value was either too large or too small for a Decimal.")
    return _runtime_error("Value was either too large or too small for a Decimal.", "RuntimeException",
                          inner=inner)


def method_not_found(value: object, method: str) -> E.PSException:
    return _runtime_error(
        f"Method invocation failed because [{type_name_of(value)}] does not contain a method named '{method}'.",
        "MethodNotFound", "InvalidOperation")


# --------------------------------------------------------------------------- numbers


def _int_result(value: int, wide: bool) -> object:
    """An exact integer result: Int32 (Int64 when `wide`) if it fits, else Double."""
    if not wide:
        return value if INT32_MIN <= value <= INT32_MAX else float(value)
    return Int64(value) if INT64_MIN <= value <= INT64_MAX else float(value)


def _is_wide(value: int) -> bool:
    return type(value) is Int64 or not INT32_MIN <= value <= INT32_MAX


def _decimal_result(value: Decimal) -> Decimal:
    if abs(value) > DECIMAL_MAX:
        raise _decimal_overflow()
    return value


def arithmetic(op: str, x: object, y: object) -> object:
    """`+ - * / %` on two numbers (int / Int64 / float / Decimal) with .NET's widening."""
    tx, ty = type(x), type(y)
    if tx is float or ty is float:
        a, b = float(x), float(y)  # type: ignore[arg-type]
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            if b == 0:
                if a == 0 or a != a:
                    return math.nan
                return math.copysign(math.inf, a) * (math.copysign(1.0, b))
            return a / b
        if b == 0 or math.isinf(a):
            return math.nan
        return math.fmod(a, b)
    if tx is Decimal or ty is Decimal:
        a, b = Decimal(x), Decimal(y)  # type: ignore[arg-type]
        try:
            if op == "+":
                return _decimal_result(a + b)
            if op == "-":
                return _decimal_result(a - b)
            if op == "*":
                return _decimal_result(a * b)
            if b == 0:
                raise divide_by_zero()
            if op == "/":
                return _decimal_result(a / b)
            return a % b
        except (InvalidOperation, DivisionByZero):
            raise _decimal_overflow() from None
    a, b = int(x), int(y)  # type: ignore[call-overload]
    wide = _is_wide(x) or _is_wide(y)  # type: ignore[arg-type]
    if op == "+":
        return _int_result(a + b, wide)
    if op == "-":
        return _int_result(a - b, wide)
    if op == "*":
        return _int_result(a * b, wide)
    if b == 0:
        raise divide_by_zero()
    if op == "/":
        quotient, remainder = divmod(a, b)
        if remainder == 0:
            return _int_result(quotient, wide)
        return a / b
    remainder = abs(a) % abs(b)
    return _int_result(-remainder if a < 0 else remainder, wide)


def _is_number(value: object) -> bool:
    kind = type(value)
    return kind is int or kind is float or kind is Int64 or kind is Decimal


def _numeric_left(value: object) -> object:
    """The number a numeric-like left operand stands for (bool, enum, number), or None."""
    kind = type(value)
    if kind is int or kind is float or kind is Int64 or kind is Decimal:
        return value
    if kind is bool:
        return int(value)  # type: ignore[arg-type]
    if isinstance(value, _enum.Enum) and isinstance(value.value, int):
        return value.value
    return None


def _numeric_right(value: object, left: object) -> object:
    """The right operand of arithmetic on the number `left` (see `convert.numeric_operand`);
    a string that does not read as a number fails converting to `left`'s type."""
    return numeric_operand(value, lambda: _numeric_type_of(left))


_PSTYPES: dict[str, PSType] = {}


def _pstype(full_name: str) -> PSType:
    found = _PSTYPES.get(full_name)
    if found is None:
        found = _PSTYPES[full_name] = PSType(full_name)
    return found


def _numeric_type_of(value: object) -> PSType:
    kind = type(value)
    if kind is float:
        return _pstype("System.Double")
    if kind is Decimal:
        return _pstype("System.Decimal")
    if kind is Int64 or (kind is int and not INT32_MIN <= value <= INT32_MAX):  # type: ignore[operator]
        return _pstype("System.Int64")
    return _pstype("System.Int32")


def _string_as_number(text: str, other: object) -> object:
    """A string left operand of `- * / %`: read as a number or fail converting to a number type."""
    number = parse_number(text)
    if number is None:
        return convert_to(text, _numeric_type_of(other) if _is_number(other) else _pstype("System.Int32"))
    return number


def _unwrap(value: object) -> object:
    if type(value) is PSObject and value.base is not None:  # type: ignore[union-attr]
        return value.base  # type: ignore[union-attr]
    return value


# --------------------------------------------------------------------------- + - * / %


def _add(a: object, b: object, ctx: object = None) -> object:
    if type(a) is int and type(b) is int:
        total = a + b  # type: ignore[operator]
        if INT32_MIN <= total <= INT32_MAX and INT32_MIN <= a <= INT32_MAX and INT32_MIN <= b <= INT32_MAX:  # type: ignore[operator]
            return total
    if a is None:
        return b
    kind = type(a)
    if kind is str or kind is Char:
        return str(a) + to_string(b, ctx)
    number = _numeric_left(a)
    if number is not None:
        right = _numeric_right(b, number)
        if right is None:
            return _convert_operand_or_fail(a, b, number, "op_Addition", "+")
        return arithmetic("+", number, right)
    if isinstance(a, list):
        return a + (list(b) if isinstance(b, list) else [b])
    if isinstance(a, Hashtable):
        if isinstance(b, Hashtable):
            return _merge_hashtables(a, b)
        raise _runtime_error("A hash table can only be added to another hash table.",
                             "AddHashTableToNonHashTable", "InvalidOperation")
    if isinstance(a, _dt.datetime):
        return a + _as_timespan(b, a, "op_Addition")
    if isinstance(a, _dt.timedelta):
        return a + _as_timespan(b, a, "op_Addition")
    if isinstance(a, PSObject) and a.base is not None:
        return _add(a.base, b, ctx)
    if isinstance(a, str):
        return str(a) + to_string(b, ctx)
    raise method_not_found(a, "op_Addition")


def _convert_operand_or_fail(a: object, b: object, number: object, method: str, op: str) -> object:
    if isinstance(b, (list, Hashtable, PSObject, Invocable)):
        raise method_not_found(a, method)
    converted = convert_to(b, _numeric_type_of(number))
    return arithmetic(op, number, converted)


def _as_timespan(value: object, left: object, method: str) -> _dt.timedelta:
    value = _unwrap(value)
    if isinstance(value, _dt.timedelta):
        return value
    if isinstance(value, (int, float, Decimal, str)) and not isinstance(value, bool):
        return to_timespan(value)
    raise method_not_found(left, method)


def _merge_hashtables(left: Hashtable, right: Hashtable) -> Hashtable:
    merged = Hashtable(left.items(), ordered=left.ordered)
    for key, value in right.items():
        if key in merged:
            existing = next(k for k in merged if _fold(k) == _fold(key))
            raise E.ArgumentException(
                f"Item has already been added. Key in dictionary: '{element_string(existing)}'  "
                f"Key being added: '{element_string(key)}'",
                error_id="System.ArgumentException", category="OperationStopped")
        merged[key] = value
    return merged


def _fold(key: object) -> object:
    return key.casefold() if isinstance(key, str) else key


def _sub_div_rem(op: str, method: str) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        if a is None:
            a = 0
        kind = type(a)
        if kind is str:
            a = _string_as_number(a, _unwrap(b))  # type: ignore[arg-type]
        elif kind is Char:
            a = ord(a)  # type: ignore[arg-type]
        number = _numeric_left(a)
        if number is not None:
            right = _numeric_right(b, number)
            if right is None:
                return _convert_operand_or_fail(a, b, number, method, op)
            return arithmetic(op, number, right)
        if op == "-":
            if isinstance(a, _dt.datetime):
                other = _unwrap(b)
                if isinstance(other, _dt.datetime):
                    return a - other
                return a - _as_timespan(other, a, method)
            if isinstance(a, _dt.timedelta):
                return a - _as_timespan(b, a, method)
        if isinstance(a, PSObject) and a.base is not None:
            return apply(a.base, b, ctx)
        raise method_not_found(a, method)

    return apply


def _multiply(a: object, b: object, ctx: object = None) -> object:
    if a is None:
        return None
    kind = type(a)
    if kind is str:
        count = to_integer(_numeric_right(b, 0) if isinstance(b, str) else b, "System.Int32")
        if len(a) * count > MAX_ELEMENTS:  # type: ignore[arg-type]
            raise too_large()
        return a * max(count, 0)  # type: ignore[operator]
    number = _numeric_left(a)
    if number is not None:
        right = _numeric_right(b, number)
        if right is None:
            return _convert_operand_or_fail(a, b, number, "op_Multiply", "*")
        return arithmetic("*", number, right)
    if isinstance(a, list):
        count = to_integer(_numeric_right(b, 0) if isinstance(b, str) else b, "System.UInt32")
        if len(a) * count > MAX_ELEMENTS:
            raise too_large()
        return list(a) * count
    if isinstance(a, PSObject) and a.base is not None:
        return _multiply(a.base, b, ctx)
    if isinstance(a, str):
        return _multiply(str(a), b, ctx)
    raise method_not_found(a, "op_Multiply")


# --------------------------------------------------------------------------- bitwise


def _bit_operand(value: object) -> tuple[int, bool]:
    """(integer, is 64-bit) for a bitwise operand."""
    value = _unwrap(value)
    kind = type(value)
    if kind is int:
        return value, not INT32_MIN <= value <= INT32_MAX  # type: ignore[return-value, operator]
    if value is None:
        return 0, False
    if kind is Int64:
        return int(value), True  # type: ignore[call-overload]
    if kind is bool:
        return int(value), False  # type: ignore[arg-type]
    if kind is str:
        number = parse_number(value)  # type: ignore[arg-type]
        if number is None:
            return to_integer(value, "System.Int32"), False
        return _bit_operand(number)
    if kind is float or kind is Decimal:
        return to_integer(value, "System.Int64"), True
    if isinstance(value, _enum.Enum) and isinstance(value.value, int):
        return value.value, not INT32_MIN <= value.value <= INT32_MAX
    if isinstance(value, Char):
        return ord(value), False
    raise final_or_method(value)


def final_or_method(value: object) -> E.PSException:
    from .convert import final_cast_error

    return final_cast_error(value, "System.Int32")


def _wrap(value: int, wide: bool) -> int:
    if wide:
        value &= (1 << 64) - 1
        return Int64(value - (1 << 64) if value > INT64_MAX else value)
    value &= (1 << 32) - 1
    return value - (1 << 32) if value > INT32_MAX else value


def _bitwise(combine: Callable[[int, int], int]) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        x, wide_x = _bit_operand(a)
        y, wide_y = _bit_operand(b)
        result = _wrap(combine(x, y), wide_x or wide_y)
        if isinstance(a, _enum.Enum) and (type(b) is type(a) or not isinstance(b, _enum.Enum)):
            try:
                return type(a)(result)
            except ValueError:
                return result
        return result

    return apply


def _shift(left: bool) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        x, wide = _bit_operand(a)
        count = to_integer(b, "System.Int32") & (63 if wide else 31)
        return _wrap(x << count if left else x >> count, wide)

    return apply


# --------------------------------------------------------------------------- equality and order


def equals(a: object, b: object, case_sensitive: bool = False, ctx: object = None) -> bool:
    """LanguagePrimitives.Equals: the right operand is converted to the left's type."""
    ta = type(a)
    if ta is type(b) and (ta is int or ta is float):
        return a == b
    if a is None:
        return b is None
    if b is None:
        return False
    if ta is str:
        other = b if type(b) is str else to_string(_unwrap(b), ctx)
        if case_sensitive:
            return a == other
        return a == other or a.casefold() == other.casefold()  # type: ignore[union-attr]
    a = _unwrap(a)
    b = _unwrap(b)
    ta = type(a)
    if ta is int or ta is Int64 or ta is float or ta is Decimal:
        if _is_number(b):
            return a == b
        ok, converted = try_convert(b, _numeric_type_of(a), ctx)
        return ok and a == converted
    if ta is bool:
        return a == to_bool(b)
    if ta is Char:
        if isinstance(b, str) and len(b) != 1:
            return False
        ok, converted = try_convert(b, _pstype("System.Char"), ctx)
        if not ok:
            return False
        return a == converted if case_sensitive else a.casefold() == converted.casefold()  # type: ignore[union-attr]
    if isinstance(a, _enum.Enum):
        if isinstance(b, _enum.Enum):
            return a is b or (isinstance(a.value, int) and a.value == b.value)
        if _is_number(b) or type(b) is bool:
            return isinstance(a.value, int) and a.value == b
        ok, converted = try_convert(b, _enum_pstype(type(a)), ctx)
        return ok and converted is a
    if isinstance(a, _dt.datetime):
        ok, converted = try_convert(b, _pstype("System.DateTime"), ctx)
        return ok and a == converted
    if isinstance(a, _dt.timedelta):
        ok, converted = try_convert(b, _pstype("System.TimeSpan"), ctx)
        return ok and a == converted
    if isinstance(a, str):
        return equals(str(a), b, case_sensitive, ctx)
    if isinstance(a, PSType):
        return isinstance(b, PSType) and a.full_name == b.full_name
    if isinstance(a, (list, Hashtable, PSObject)):
        return a is b
    return a is b or a == b


def _enum_pstype(enum_class: type) -> PSType:
    from .typenames import enum_type_name

    return PSType(enum_type_name(enum_class), enum=enum_class)


def _string_order(a: str, b: str, case_sensitive: bool) -> int:
    fa, fb = a.casefold(), b.casefold()
    if fa != fb:
        return -1 if fa < fb else 1
    if not case_sensitive or a == b:
        return 0
    sa, sb = a.swapcase(), b.swapcase()  # culture order puts lower case before upper case
    return -1 if sa < sb else (1 if sa > sb else 0)


def compare(a: object, b: object, case_sensitive: bool = False, ctx: object = None) -> int:
    """LanguagePrimitives.Compare: -1, 0 or 1, converting the right operand to the left's type."""
    a = _unwrap(a)
    b = _unwrap(b)
    if a is None:
        if b is None:
            return 0
        if _is_number(b):
            return 1 if b < 0 else -1  # type: ignore[operator]
        return -1
    if b is None:
        return -compare(None, a)
    ta = type(a)
    if isinstance(a, str) and ta is not Char:
        other = b if type(b) is str else to_string(b, ctx)
        return _string_order(a, other, case_sensitive)  # type: ignore[arg-type]
    if _is_number(a) and (_is_number(b) or type(b) is bool):
        return -1 if a < b else (1 if a > b else 0)  # type: ignore[operator]
    if ta is bool or _is_number(a) or ta is Char or isinstance(a, (_enum.Enum, _dt.datetime, _dt.timedelta)):
        target = _comparison_type(a)
        try:
            other = convert_to(b, target, ctx)
        except E.PSException as error:
            raise _runtime_error(
                f'Could not compare "{element_string(a)}" to "{element_string(b)}". Error: "{error.message}"',
                "ComparisonFailure") from None
        x, y = (a.value, other.value) if isinstance(a, _enum.Enum) else (a, other)  # type: ignore[union-attr]
        if ta is Char and not case_sensitive:
            x, y = x.casefold(), y.casefold()  # type: ignore[union-attr]
        return -1 if x < y else (1 if x > y else 0)  # type: ignore[operator]
    if isinstance(a, str):
        return compare(str(a), b, case_sensitive, ctx)
    raise _runtime_error(f'Cannot compare "{element_string(a)}" because it is not IComparable.', "NotIcomparable")


def _comparison_type(value: object) -> PSType:
    if isinstance(value, _enum.Enum):
        return _enum_pstype(type(value))
    if type(value) is bool:
        return _pstype("System.Boolean")
    if type(value) is Char:
        return _pstype("System.Char")
    if isinstance(value, _dt.datetime):
        return _pstype("System.DateTime")
    if isinstance(value, _dt.timedelta):
        return _pstype("System.TimeSpan")
    return _numeric_type_of(value)


def _comparison(test: Callable[[int], bool], case_sensitive: bool) -> Callable[[object, object, object], object]:
    def scalar(a: object, b: object, ctx: object) -> bool:
        return test(compare(a, b, case_sensitive, ctx))

    def apply(a: object, b: object, ctx: object = None) -> object:
        if type(a) is list:
            return [item for item in a if scalar(item, b, ctx)]  # type: ignore[union-attr]
        return scalar(a, b, ctx)

    return apply


def _equality(negate: bool, case_sensitive: bool) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        if isinstance(a, list):
            return [item for item in a if equals(item, b, case_sensitive, ctx) is not negate]
        return equals(a, b, case_sensitive, ctx) is not negate

    return apply


def _containment(negate: bool, case_sensitive: bool, reverse: bool) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        collection, item = (b, a) if reverse else (a, b)
        items = collection if isinstance(collection, list) else [collection]
        found = any(equals(element, item, case_sensitive, ctx) for element in items)
        return found is not negate

    return apply


# --------------------------------------------------------------------------- wildcards


def wildcard_error(pattern: str) -> E.PSException:
    return E.WildcardPatternException(f"The specified wildcard character pattern is not valid: {pattern}",
                                      error_id="RuntimeException", category="InvalidOperation")


@lru_cache(maxsize=512)
def wildcard_regex(pattern: str, case_sensitive: bool = False) -> re.Pattern:
    """A PowerShell wildcard (`*`, `?`, `[a-z]`, backtick escapes) as a whole-string regex."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "`" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
        elif c == "*":
            out.append(".*")
            i += 1
        elif c == "?":
            out.append(".")
            i += 1
        elif c == "[":
            j = i + 1
            members: list[str] = []
            while j < n and pattern[j] != "]":
                if pattern[j] == "`" and j + 1 < n:
                    members.append(re.escape(pattern[j + 1]))
                    j += 2
                    continue
                if pattern[j] == "-" and members and j + 1 < n and pattern[j + 1] != "]":
                    members.append("-")
                else:
                    members.append(re.escape(pattern[j]))
                j += 1
            if j >= n or not members:
                raise wildcard_error(pattern)
            out.append("[" + "".join(members) + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    flags = re.DOTALL | (0 if case_sensitive else re.IGNORECASE)
    return re.compile("".join(out) + r"\Z", flags)


def like(text: str, pattern: str, case_sensitive: bool = False) -> bool:
    """`text -like pattern` for two strings."""
    return wildcard_regex(pattern, case_sensitive).match(text) is not None


def _like(negate: bool, case_sensitive: bool) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        regex = wildcard_regex(to_string(b, ctx), case_sensitive)
        if isinstance(a, list):
            return [item for item in a if (regex.match(to_string(item, ctx)) is not None) is not negate]
        return (regex.match(to_string(a, ctx)) is not None) is not negate

    return apply


# --------------------------------------------------------------------------- regular expressions


def regex_error(pattern: str, error: re.error) -> E.PSException:
    message = f'parsing "{pattern}" - {error.msg[:1].upper() + error.msg[1:]}.'
    inner = E.ArgumentException(message)
    return _runtime_error(f'The regular expression pattern {pattern} is not valid.', "InvalidRegularExpression",
                          "InvalidOperation", inner=inner)


def translate_regex(pattern: str) -> str:
    """Rewrite .NET regex syntax Python's `re` spells differently: named groups `(?<n>)` /
    `(?'n')`, backreferences `\\k<n>`, `\\z` / `\\Z`, `\\e`."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if not in_class and nxt == "z":
                out.append(r"\Z")
            elif not in_class and nxt == "Z":
                out.append(r"(?=\n?\Z)")
            elif nxt == "e":
                out.append(r"\x1b")
            elif not in_class and nxt == "k" and i + 2 < n and pattern[i + 2] in "<'":
                close = ">" if pattern[i + 2] == "<" else "'"
                end = pattern.find(close, i + 3)
                if end < 0:
                    out.append(pattern[i:i + 2])
                else:
                    out.append(f"(?P={pattern[i + 3:end]})")
                    i = end + 1
                    continue
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[":
                out.append("\\[")
                i += 1
                continue
            elif c == "-" and _next_to_shorthand(pattern, i):
                out.append("\\-")  # .NET reads '-' beside \w, \d, \s as a literal
                i += 1
                continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            if i + 1 < n and pattern[i + 1] == "^":
                out.append("^")
                i += 1
            if i + 1 < n and pattern[i + 1] == "]":
                out.append("\\]")
                i += 1
            i += 1
            continue
        if c == "(" and pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
            out.append("(?P<")
            i += 3
            continue
        if c == "(" and pattern.startswith("(?'", i):
            end = pattern.find("'", i + 3)
            if end > 0:
                out.append(f"(?P<{pattern[i + 3:end]}>")
                i = end + 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _next_to_shorthand(pattern: str, index: int) -> bool:
    before = pattern[index - 2:index]
    after = pattern[index + 1:index + 3]
    return (len(before) == 2 and before[0] == "\\" and before[1] in "wWdDsS") or (
        len(after) == 2 and after[0] == "\\" and after[1] in "wWdDsS")


@lru_cache(maxsize=1024)
def dotnet_regex(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """Compile a .NET regular expression (cached), raising PowerShell's error when invalid."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return re.compile(translate_regex(pattern), flags)
    except re.error as error:
        raise regex_error(pattern, error) from None


def matches_table(found: re.Match) -> Hashtable:
    """`$Matches`: named groups first, then numbered groups descending, then 0."""
    regex = found.re
    named_index = {index: name for name, index in regex.groupindex.items()}
    table = Hashtable()
    for index in sorted(named_index):
        value = found.group(index)
        if value is not None:
            table[named_index[index]] = value
    unnamed = [index for index in range(1, regex.groups + 1) if index not in named_index]
    for number in range(len(unnamed), 0, -1):
        value = found.group(unnamed[number - 1])
        if value is not None:
            table[number] = value
    table[0] = found.group(0)
    return table


def match(op: str, left: object, right: object, ctx: object = None) -> tuple[object, Hashtable | None]:
    """-match / -notmatch / -cmatch / -cnotmatch: (result, $Matches table to set or None).

    A collection on the left filters and never sets `$Matches`."""
    case_sensitive = op.startswith("-c")
    negate = "not" in op
    regex = dotnet_regex(to_string(right, ctx), 0 if case_sensitive else re.IGNORECASE)
    if isinstance(left, list):
        return [item for item in left if (regex.search(to_string(item, ctx)) is not None) is not negate], None
    found = regex.search(to_string(left, ctx))
    if found is None:
        return negate, None
    return not negate, matches_table(found)


def _match_only(op: str) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        return match(op, a, b, ctx)[0]

    return apply


_SUBSTITUTION = re.compile(r"\$(?:(\d+)|\{([^}]*)\}|([$&`'+_]))")


def _replacement(regex: re.Pattern, replacement: str) -> Callable[[re.Match], str] | str:
    """Translate a .NET replacement string ($1, ${name}, $$, $&, $`, $', $+, $_)."""
    if "$" not in replacement:
        return replacement.replace("\\", "\\\\")
    parts: list[object] = []
    position = 0
    names = regex.groupindex
    for token in _SUBSTITUTION.finditer(replacement):
        parts.append(replacement[position:token.start()])
        digits, name, special = token.groups()
        if digits is not None:
            for length in range(len(digits), 0, -1):
                number = int(digits[:length])
                if number <= regex.groups:
                    parts.append(("group", _python_group(regex, number)))
                    parts.append(digits[length:])
                    break
            else:
                parts.append(token.group(0))
        elif name is not None:
            if name in names:
                parts.append(("group", names[name]))
            elif name.isdigit() and int(name) <= regex.groups:
                parts.append(("group", _python_group(regex, int(name))))
            else:
                parts.append(token.group(0))
        elif special == "$":
            parts.append("$")
        else:
            parts.append(("special", special))
        position = token.end()
    parts.append(replacement[position:])

    def substitute(found: re.Match) -> str:
        pieces = []
        for part in parts:
            if isinstance(part, str):
                pieces.append(part)
            elif part[0] == "group":
                pieces.append(found.group(part[1]) or "")
            else:
                pieces.append(_special(found, part[1]))
        return "".join(pieces)

    return substitute


def _python_group(regex: re.Pattern, dotnet_number: int) -> int:
    """.NET numbers unnamed groups first, named ones after; map to Python's index."""
    if dotnet_number == 0:
        return 0
    named = set(regex.groupindex.values())
    unnamed = [index for index in range(1, regex.groups + 1) if index not in named]
    if dotnet_number <= len(unnamed):
        return unnamed[dotnet_number - 1]
    ordered_named = sorted(named)
    return ordered_named[dotnet_number - len(unnamed) - 1]


def _special(found: re.Match, which: str) -> str:
    text = found.string
    if which == "&":
        return found.group(0)
    if which == "`":
        return text[:found.start()]
    if which == "'":
        return text[found.end():]
    if which == "_":
        return text
    last = found.lastindex
    return (found.group(last) or "") if last else ""


def _replace(case_sensitive: bool) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        if isinstance(b, list):
            if len(b) > 2:
                raise _runtime_error(
                    f"The -replace operator allows only two elements to follow it, not {len(b)}.",
                    "BadReplaceArgument", "InvalidOperation")
            pattern = to_string(b[0], ctx) if b else ""
            replacement = to_string(b[1], ctx) if len(b) > 1 else ""
        else:
            pattern, replacement = to_string(b, ctx), ""
        regex = dotnet_regex(pattern, 0 if case_sensitive else re.IGNORECASE)
        substitute = _replacement(regex, replacement)
        if isinstance(a, list):
            return [regex.sub(substitute, to_string(item, ctx)) for item in a]
        return regex.sub(substitute, to_string(a, ctx))

    return apply


# --------------------------------------------------------------------------- -split / -join


class SplitOptions(_enum.IntFlag):
    """System.Management.Automation.SplitOptions."""

    SimpleMatch = 1
    RegexMatch = 2
    CultureInvariant = 4
    IgnorePatternWhitespace = 8
    Multiline = 16
    Singleline = 32
    IgnoreCase = 64
    ExplicitCapture = 128


_SPLIT_OPTIONS_TYPE = PSType("System.Management.Automation.SplitOptions", enum=SplitOptions)


def _split_options(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, str) and not value.strip():
        return 0
    return int(to_enum(value, _SPLIT_OPTIONS_TYPE))


def _split(case_sensitive: bool) -> Callable[[object, object, object], object]:
    def apply(a: object, b: object, ctx: object = None) -> object:
        delimiter, limit, options = b, 0, 0
        if isinstance(b, list):
            delimiter = b[0] if b else ""
            limit = to_integer(b[1], "System.Int32") if len(b) > 1 else 0
            options = _split_options(b[2]) if len(b) > 2 else 0
        inputs = a if isinstance(a, list) else [a]
        result: list[object] = []
        if isinstance(delimiter, Invocable):
            for item in inputs:
                result.extend(_split_by_predicate(to_string(item, ctx), delimiter, limit))
            return result
        pattern = to_string(delimiter, ctx)
        if options & SplitOptions.SimpleMatch:
            if options & ~(SplitOptions.SimpleMatch | SplitOptions.IgnoreCase):
                raise _runtime_error("Cannot combine the SimpleMatch option with RegexMatch, CultureInvariant, "
                                     "IgnorePatternWhitespace, Multiline, Singleline or ExplicitCapture.",
                                     "InvalidSplitOptionCombination", "InvalidOperation")
            pattern = re.escape(pattern)
        flags = python_flags(ignore_case=not case_sensitive or bool(options & SplitOptions.IgnoreCase),
                             multiline=bool(options & SplitOptions.Multiline),
                             singleline=bool(options & SplitOptions.Singleline),
                             pattern_whitespace=bool(options & SplitOptions.IgnorePatternWhitespace))
        regex = dotnet_regex(pattern, flags)
        keep_groups = not options & SplitOptions.ExplicitCapture
        for item in inputs:
            result.extend(split_text(to_string(item, ctx), regex, limit, keep_groups))
        return result

    return apply


def split_text(text: str, regex: re.Pattern, limit: int = 0, keep_groups: bool = True) -> list[str]:
    """Regex.Split with PowerShell's count: 0 = all, n > 0 = at most n pieces (the rest stays
    in the last), n < 0 = at most |n| pieces counted from the right."""
    found = list(regex.finditer(text))
    if limit > 0:
        found = found[:limit - 1]
    elif limit < 0:
        found = found[len(found) - (-limit - 1):] if -limit - 1 < len(found) else found
        if -limit == 1:
            found = []
    pieces: list[str] = []
    position = 0
    for hit in found:
        pieces.append(text[position:hit.start()])
        if keep_groups:
            pieces.extend(group for group in hit.groups() if group is not None)
        position = hit.end()
    pieces.append(text[position:])
    return pieces


def _split_by_predicate(text: str, predicate: Invocable, limit: int) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    for index, ch in enumerate(text):
        if limit > 0 and len(pieces) == limit - 1:
            current.append(text[index:])
            break
        if to_bool(predicate.call([ch, index], dollar_under=Char(ch))):
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    return pieces


_WHITESPACE = re.compile(r"\s+")


def split_whitespace(value: object, ctx: object = None) -> list[str]:
    """Unary -split: split on runs of white space, ignoring it at both ends."""
    inputs = value if isinstance(value, list) else [value]
    result: list[str] = []
    for item in inputs:
        text = to_string(item, ctx).strip()
        result.extend(_WHITESPACE.split(text))
    return result


def join(value: object, separator: str = "", ctx: object = None) -> str:
    """-join: the elements' string forms joined by the separator."""
    if isinstance(value, list):
        return separator.join([element_string(item) for item in value])
    return to_string(value, ctx)


# --------------------------------------------------------------------------- types, ranges, -f


def _resolve(type_value: object, op: str) -> PSType:
    if isinstance(type_value, PSType):
        return type_value
    if isinstance(type_value, str):
        from .types import require_type

        return require_type(type_value)
    raise _runtime_error(f"The right operand of '{op}' must be a type.", "IsOperatorRequiresType",
                         "InvalidOperation")


def is_type(value: object, pstype: object) -> bool:
    """`value -is [T]`."""
    target = _resolve(pstype, "-is")
    if value is None:
        return False
    if target.is_instance(value):
        return True
    return isinstance(value, PSObject) and value.base is not None and target.is_instance(value.base)


def as_type(value: object, pstype: object, ctx: object = None) -> object:
    """`value -as [T]`: the converted value, or $null when it cannot be converted."""
    target = _resolve(pstype, "-as")
    return try_convert(value, target, ctx)[1]


MAX_ELEMENTS = 50_000_000
"""The largest array or string an operator builds; beyond it .NET would run out of memory
long before, and the emulator refuses instead of exhausting the machine."""


def too_large() -> E.PSException:
    return E.RuntimeException("Array dimensions exceeded supported range.", error_id="OverflowException",
                              category="NotSpecified")


def range_values(start: object, end: object) -> list[int]:
    """`start..end`: Int32 endpoints, counting up or down."""
    first = to_integer(_unwrap(start), "System.Int32")
    last = to_integer(_unwrap(end), "System.Int32")
    if abs(last - first) >= MAX_ELEMENTS:
        raise too_large()
    if first <= last:
        return list(range(first, last + 1))
    return list(range(first, last - 1, -1))


def format_operator(fmt: object, args: object, ctx: object = None) -> str:
    """`fmt -f args`."""
    from .dotnet_format import format_composite

    values = list(args) if isinstance(args, list) else [args]
    return format_composite(to_string(fmt, ctx), values)


# --------------------------------------------------------------------------- dispatch


def _logical(kind: str) -> Callable[[object, object, object], object]:
    if kind == "and":
        return lambda a, b, ctx=None: to_bool(a) and to_bool(b)
    if kind == "or":
        return lambda a, b, ctx=None: to_bool(a) or to_bool(b)
    return lambda a, b, ctx=None: to_bool(a) is not to_bool(b)


def _build_table() -> dict[str, Callable[[object, object, object], object]]:
    table: dict[str, Callable[[object, object, object], object]] = {
        "+": _add,
        "-": _sub_div_rem("-", "op_Subtraction"),
        "*": _multiply,
        "/": _sub_div_rem("/", "op_Division"),
        "%": _sub_div_rem("%", "op_Modulus"),
        "-and": _logical("and"),
        "-or": _logical("or"),
        "-xor": _logical("xor"),
        "-band": _bitwise(lambda x, y: x & y),
        "-bor": _bitwise(lambda x, y: x | y),
        "-bxor": _bitwise(lambda x, y: x ^ y),
        "-shl": _shift(True),
        "-shr": _shift(False),
        "-join": lambda a, b, ctx=None: join(a, to_string(b, ctx), ctx),
        "-is": lambda a, b, ctx=None: is_type(a, b),
        "-isnot": lambda a, b, ctx=None: not is_type(a, b),
        "-as": as_type,
        "..": lambda a, b, ctx=None: range_values(a, b),
        "-f": format_operator,
    }
    orders = {
        "gt": lambda c: c > 0, "ge": lambda c: c >= 0, "lt": lambda c: c < 0, "le": lambda c: c <= 0,
    }
    for prefix, case_sensitive in (("", False), ("i", False), ("c", True)):
        table[f"-{prefix}eq"] = _equality(False, case_sensitive)
        table[f"-{prefix}ne"] = _equality(True, case_sensitive)
        for name, test in orders.items():
            table[f"-{prefix}{name}"] = _comparison(test, case_sensitive)
        table[f"-{prefix}like"] = _like(False, case_sensitive)
        table[f"-{prefix}notlike"] = _like(True, case_sensitive)
        table[f"-{prefix}match"] = _match_only(f"-{'c' if case_sensitive else ''}match")
        table[f"-{prefix}notmatch"] = _match_only(f"-{'c' if case_sensitive else ''}notmatch")
        table[f"-{prefix}replace"] = _replace(case_sensitive)
        table[f"-{prefix}split"] = _split(case_sensitive)
        table[f"-{prefix}contains"] = _containment(False, case_sensitive, reverse=False)
        table[f"-{prefix}notcontains"] = _containment(True, case_sensitive, reverse=False)
        table[f"-{prefix}in"] = _containment(False, case_sensitive, reverse=True)
        table[f"-{prefix}notin"] = _containment(True, case_sensitive, reverse=True)
    return table


_BINARY = _build_table()


def binary(op: str, left: object, right: object, ctx: object = None) -> object:
    """Apply binary operator `op` (canonical lower-case name) to two values."""
    handler = _BINARY.get(op)
    if handler is None:
        handler = _BINARY.get(op.lower())
        if handler is None:
            raise E.PSNotSupportedException(f"The operator '{op}' is not supported.",
                                            error_id="OperatorNotSupported", category="NotImplemented")
    return handler(left, right, ctx)


def increment(value: object, step: int = 1) -> object:
    """The new value of `++` / `--`: $null counts as 0, strings are read as numbers."""
    if type(value) is int and INT32_MIN < value < INT32_MAX:  # type: ignore[operator]
        return value + step  # type: ignore[operator]
    if value is None:
        return step
    if isinstance(value, str):
        value = _string_as_number(value, 0)
    number = _numeric_left(_unwrap(value))
    if number is None:
        raise method_not_found(value, "op_Increment" if step > 0 else "op_Decrement")
    return arithmetic("+", number, step)


def _negate(value: object) -> object:
    value = _unwrap(value)
    if value is None:
        return 0
    if isinstance(value, str):
        value = _string_as_number(value, 0)
    number = _numeric_left(value)
    if number is None:
        if type(value) is Char:
            return -ord(value)  # type: ignore[arg-type]
        raise method_not_found(value, "op_UnaryNegation")
    return arithmetic("-", Int64(0) if type(number) is Int64 else 0, number)


def _plus(value: object) -> object:
    value = _unwrap(value)
    if value is None:
        return 0
    if isinstance(value, str):
        return _string_as_number(value, 0)
    number = _numeric_left(value)
    if number is None:
        raise method_not_found(value, "op_UnaryPlus")
    return number


def _bnot(value: object) -> object:
    number, wide = _bit_operand(value)
    result = _wrap(~number, wide)
    if isinstance(value, _enum.Enum):
        try:
            return type(value)(result)
        except ValueError:
            return result
    return result


def unary(op: str, value: object, ctx: object = None) -> object:
    """Apply a unary operator (see the module docstring for the names)."""
    if op == "-not" or op == "!":
        return not to_bool(value)
    if op == "-":
        return _negate(value)
    if op == "+":
        return _plus(value)
    if op == "-bnot":
        return _bnot(value)
    if op == ",":
        return [value]
    if op == "-split":
        return split_whitespace(value, ctx)
    if op == "-join":
        return join(value, "", ctx)
    if op in ("++", "post++"):
        return increment(value, 1)
    if op in ("--", "post--"):
        return increment(value, -1)
    raise E.PSNotSupportedException(f"The operator '{op}' is not supported.",
                                    error_id="OperatorNotSupported", category="NotImplemented")
