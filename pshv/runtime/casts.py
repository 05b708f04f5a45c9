"""Casts: `[type]value`, plus the literal forms `[ordered]@{}` and `[pscustomobject]@{}`."""

from __future__ import annotations

from ..syntax import ast as A
from . import errors as E
from .compiler import _lazy, locate
from .objects import VOID, Hashtable, PSObject


def compile_cast(compiler, node: A.Convert):
    name = node.type.name.casefold()
    operand = compiler.expr(node.operand)
    code = compiler.code
    if name in ("void", "system.void"):
        def discard(ctx):
            operand(ctx)
            return VOID

        return discard
    if name in ("ordered", "pscustomobject", "system.management.automation.pscustomobject") and isinstance(
        node.operand, A.Hashtable
    ):
        to_object = name != "ordered"

        def literal(ctx):
            table = operand(ctx)
            if to_object:
                return PSObject((str(k) if not isinstance(k, str) else k, v) for k, v in table.items())
            return Hashtable(table.items(), ordered=True)

        return literal
    resolve = compiler.type_resolver(node.type)
    convert_to = _lazy("convert").convert_to

    def cast(ctx):
        value = operand(ctx)
        try:
            return convert_to(value, resolve(), ctx)
        except E.PSException as error:
            raise locate(error, code, node)

    return cast
