"""Unary operators, including `++`/`--` which write back to their operand."""

from __future__ import annotations

from ..syntax import ast as A
from . import errors as E
from .compiler import _lazy, locate


def compile_unary(compiler, node: A.Unary):
    op = node.op
    code = compiler.code
    convert = _lazy("convert")
    if op in ("++", "--", "post++", "post--"):
        from .assign import compile_target

        read, write = compile_target(compiler, node.operand)
        step = 1 if op.endswith("++") else -1
        postfix = op.startswith("post")
        operators = _lazy("operators")

        def increment(ctx):
            before = read(ctx)
            try:
                if type(before) is int and -(1 << 30) < before < (1 << 30):
                    after = before + step
                else:
                    after = operators.binary("+", 0 if before is None else before, step)
            except E.PSException as error:
                raise locate(error, code, node)
            write(ctx, after)
            return before if postfix else after

        return increment
    operand = compiler.expr(node.operand)
    if op in ("-not", "!"):
        to_bool = convert.to_bool
        return lambda ctx: not to_bool(operand(ctx))
    if op == ",":
        return lambda ctx: [operand(ctx)]
    unary = _lazy("operators").unary

    def apply(ctx):
        value = operand(ctx)
        try:
            return unary(op, value)
        except E.PSException as error:
            raise locate(error, code, node)

    return apply
