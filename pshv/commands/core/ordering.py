"""How Sort-Object, Group-Object, Compare-Object and Get-Unique compare values.

PowerShell's ObjectCommandComparer: $null sorts first, values compare with
LanguagePrimitives.Compare (the right one converted to the left one's type), and values
that cannot be compared that way compare as strings.
"""

from __future__ import annotations

from ...runtime import errors as E


def order(a: object, b: object, case_sensitive: bool, ctx) -> int:
    """-1, 0 or 1."""
    from ...runtime.operators import compare

    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    try:
        return compare(a, b, case_sensitive, ctx)
    except E.PSException:
        return compare(ctx.to_string(a), ctx.to_string(b), case_sensitive, ctx)


def same(a: object, b: object, case_sensitive: bool, ctx) -> bool:
    """Equality as these cmdlets see it (strings ignore case unless asked)."""
    from ...runtime.operators import equals

    if a is None or b is None:
        return a is b
    if isinstance(a, list) or isinstance(b, list):
        if not (isinstance(a, list) and isinstance(b, list)) or len(a) != len(b):
            return False
        return all(same(x, y, case_sensitive, ctx) for x, y in zip(a, b))
    try:
        return bool(equals(a, b, case_sensitive=case_sensitive, ctx=ctx))
    except E.PSException:
        return order(a, b, case_sensitive, ctx) == 0
