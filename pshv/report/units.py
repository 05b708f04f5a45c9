"""Numbers as the pictures print them: sizes in binary units (as Windows does, named KB, MB,
GB), rates per second, seconds with three decimals, counts with thousands separators."""

from __future__ import annotations

_UNITS = ("bytes", "KB", "MB", "GB", "TB")


def size(value: float) -> str:
    """`6.17 GB`, `512 bytes`."""
    amount = float(value)
    unit = 0
    while abs(amount) >= 1024 and unit < len(_UNITS) - 1:
        amount /= 1024
        unit += 1
    return f"{int(amount)} bytes" if unit == 0 else f"{amount:.2f} {_UNITS[unit]}"


def rate(value: float) -> str:
    return f"{size(value)}/s"


def seconds(value: float) -> str:
    return f"{value:.3f} s"


def count(value: int) -> str:
    return f"{value:,}"
