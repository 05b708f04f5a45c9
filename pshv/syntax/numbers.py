"""Number literals: PowerShell 5.1 spelling to a Python value and its .NET type name."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
DECIMAL_MAX = Decimal("79228162514264337593543950335")

MULTIPLIERS = {"kb": 2**10, "mb": 2**20, "gb": 2**30, "tb": 2**40, "pb": 2**50}

NUMBER_PATTERN = re.compile(
    r"""
    (?: 0x(?P<hex>[0-9a-f]+)
      | (?P<dec>(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)
    )
    (?P<suffix>[dl])?
    (?P<mult>kb|mb|gb|tb|pb)?
    """,
    re.IGNORECASE | re.VERBOSE,
)


class BadNumber(ValueError):
    """The text looks like a number but is not a valid literal."""


def integer_literal(value: int) -> tuple[object, str]:
    """An integer as PowerShell types it: Int32, else Int64, else Decimal, else Double."""
    if INT32_MIN <= value <= INT32_MAX:
        return value, "System.Int32"
    if INT64_MIN <= value <= INT64_MAX:
        return value, "System.Int64"
    if abs(value) <= DECIMAL_MAX:
        return Decimal(value), "System.Decimal"
    return float(value), "System.Double"


def _wrap_hex(value: int) -> tuple[int, str]:
    """Hex literals wrap into the signed type of their width: 0xFFFFFFFF is Int32 -1."""
    if value <= 0xFFFFFFFF:
        return (value - 2**32 if value > INT32_MAX else value), "System.Int32"
    if value <= 0xFFFFFFFFFFFFFFFF:
        return (value - 2**64 if value > INT64_MAX else value), "System.Int64"
    raise BadNumber(hex(value))


def convert_number(match: re.Match[str]) -> tuple[object, str]:
    """Value and .NET type name of a matched NUMBER_PATTERN."""
    suffix = (match.group("suffix") or "").lower()
    mult = MULTIPLIERS[match.group("mult").lower()] if match.group("mult") else 1
    hex_digits = match.group("hex")
    if hex_digits is not None:
        if suffix == "d":
            raise BadNumber(match.group(0))
        value, type_name = _wrap_hex(int(hex_digits, 16))
        if suffix == "l":
            value, type_name = int(hex_digits, 16), "System.Int64"
            if value > INT64_MAX:
                value -= 2**64
        if mult != 1:
            return integer_literal(value * mult) if type_name == "System.Int32" else (value * mult, "System.Int64")
        return value, type_name
    digits = match.group("dec")
    is_real = "." in digits or "e" in digits.lower()
    if suffix == "d":
        try:
            return Decimal(digits) * mult, "System.Decimal"
        except InvalidOperation as exc:
            raise BadNumber(digits) from exc
    if suffix == "l":
        if is_real:
            real = float(digits)
            if not real.is_integer():
                raise BadNumber(match.group(0))
            digits = str(int(real))
        value = int(digits) * mult
        if not INT64_MIN <= value <= INT64_MAX:
            raise BadNumber(match.group(0))
        return value, "System.Int64"
    if is_real:
        return float(digits) * mult, "System.Double"
    return integer_literal(int(digits) * mult)


def parse_number(text: str) -> tuple[object, str] | None:
    """Value and .NET type of `text` when all of it is a number literal, else None."""
    match = NUMBER_PATTERN.fullmatch(text)
    if match is None:
        return None
    return convert_number(match)
