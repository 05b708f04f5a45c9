"""Binary operators: short-circuit logic, inline fast paths, and everything else via `operators`."""

from __future__ import annotations

from ..syntax import ast as A
from . import errors as E
from .compiler import _lazy, locate

_SMALL = 1 << 30
_FAST_COMPARE = {
    "-eq": lambda a, b: a == b,
    "-ne": lambda a, b: a != b,
    "-lt": lambda a, b: a < b,
    "-le": lambda a, b: a <= b,
    "-gt": lambda a, b: a > b,
    "-ge": lambda a, b: a >= b,
}
_MATCH_OPS = {"-match", "-notmatch", "-cmatch", "-cnotmatch"}


def compile_binary(compiler, node: A.Binary):
    op = node.op
    left = compiler.expr(node.left)
    code = compiler.code
    convert = _lazy("convert")
    to_bool = convert.to_bool

    if op in ("-and", "-or"):
        right = compiler.expr(node.right)
        want = op == "-or"

        def logical(ctx):
            first = left(ctx)
            if to_bool(first) == want:
                return want
            return to_bool(right(ctx))

        return logical

    if op in ("-is", "-isnot", "-as") and isinstance(node.right, A.StringConstant):
        node.right = A.TypeExpr(type=A.TypeName(name=node.right.value, start=node.right.start, end=node.right.end,
                                               line=node.right.line, col=node.right.col),
                                start=node.right.start, end=node.right.end, line=node.right.line, col=node.right.col)
    right = compiler.expr(node.right)
    operators = _lazy("operators")
    binary = operators.binary

    if op in _MATCH_OPS:
        def match(ctx):
            a = left(ctx)
            b = right(ctx)
            try:
                return ctx.apply_match(op, a, b)
            except E.PSException as error:
                raise locate(error, code, node)

        return match

    if op == "+":
        def add(ctx):
            a = left(ctx)
            b = right(ctx)
            if type(a) is int and type(b) is int and -_SMALL < a < _SMALL and -_SMALL < b < _SMALL:
                return a + b
            if type(a) is str and type(b) is str:
                return a + b
            try:
                return binary("+", a, b)
            except E.PSException as error:
                raise locate(error, code, node)

        return add

    if op == "-":
        def subtract(ctx):
            a = left(ctx)
            b = right(ctx)
            if type(a) is int and type(b) is int and -_SMALL < a < _SMALL and -_SMALL < b < _SMALL:
                return a - b
            try:
                return binary("-", a, b)
            except E.PSException as error:
                raise locate(error, code, node)

        return subtract

    fast = _FAST_COMPARE.get(op)
    if fast is not None:
        def compare(ctx):
            a = left(ctx)
            b = right(ctx)
            if type(a) is type(b) and (type(a) is int or type(a) is float):
                return fast(a, b)
            try:
                return binary(op, a, b)
            except E.PSException as error:
                raise locate(error, code, node)

        return compare

    def apply(ctx):
        a = left(ctx)
        b = right(ctx)
        try:
            return binary(op, a, b)
        except E.PSException as error:
            raise locate(error, code, node)

    return apply
