"""Assignment statements: `=`, compound operators, typed variables, members, indexes, and
multiple assignment (`$a, $b = 1, 2`)."""

from __future__ import annotations

from typing import Callable

from ..syntax import ast as A
from . import errors as E
from .compiler import _lazy, collapse, locate
from .scopes import MISSING
from .variables import canonical, target_scope, variable_reader, variable_writer

Reader = Callable[[object], object]
Writer = Callable[[object, object], None]

_COMPOUND = {"+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%"}


def _invalid_target(compiler, node: A.Node) -> E.PSException:
    return locate(
        E.ParseException(
            "The assignment expression is not valid. The input to an assignment operator must be an object that "
            "is able to accept assignments, such as a variable or a property.",
            error_id="InvalidLeftHandSide", category="ParserError"),
        compiler.code, node)


def compile_target(compiler, node: A.Node) -> tuple[Reader, Writer]:
    """A reader and a writer for an assignable expression."""
    code = compiler.code
    if isinstance(node, A.Variable):
        return variable_reader(compiler, node), variable_writer(compiler, node)
    if isinstance(node, A.Convert) and isinstance(node.operand, A.Variable):
        return _typed_variable(compiler, node)
    if isinstance(node, A.Member):
        target = compiler.expr(node.target)
        name_of = compiler.member_name(node.member)
        members = _lazy("members")
        static = node.static

        def read_member(ctx):
            obj = target(ctx)
            if static:
                return members.get_static(ctx, obj, name_of(ctx))
            return members.get_member(ctx, obj, name_of(ctx))

        def write_member(ctx, value):
            obj = target(ctx)
            try:
                members.set_member(ctx, obj, name_of(ctx), value)
            except E.PSException as error:
                raise locate(error, code, node)

        return read_member, write_member
    if isinstance(node, A.Index):
        from .indexing import get_index, set_index

        target = compiler.expr(node.target)
        index = compiler.expr(node.index)

        def read_index(ctx):
            return get_index(ctx, target(ctx), index(ctx))

        def write_index(ctx, value):
            try:
                set_index(ctx, target(ctx), index(ctx), value)
            except E.PSException as error:
                raise locate(error, code, node)

        return read_index, write_index
    if isinstance(node, A.Paren) and isinstance(node.pipeline, A.Pipeline):
        elements = node.pipeline.elements
        if len(elements) == 1 and isinstance(elements[0], A.CommandExpression):
            return compile_target(compiler, elements[0].expression)
    raise _invalid_target(compiler, node)


def _typed_variable(compiler, node: A.Convert) -> tuple[Reader, Writer]:
    """`[int]$x = ...` constrains $x in the current scope from now on."""
    variable = node.operand
    folded = canonical(variable.name)
    resolve = compiler.type_resolver(node.type)
    convert_to = _lazy("convert").convert_to
    code = compiler.code
    prefix = variable.scope

    def write_typed(ctx, value):
        pstype = resolve()
        scope = target_scope(ctx, prefix)
        constraint = lambda v, t=pstype: convert_to(v, t)  # noqa: E731 - bound per assignment
        try:
            converted = constraint(value)
        except E.PSException as error:
            raise locate(error, code, node)
        scope.constraints[folded] = constraint
        scope.values[folded] = converted

    return variable_reader(compiler, variable), write_typed


def compile_assignment(compiler, node: A.Assignment):
    code = compiler.code
    if isinstance(node.left, A.ArrayLiteral):
        return _multiple(compiler, node)
    read, write = compile_target(compiler, node.left)
    if node.op == "=" and isinstance(node.left, A.Variable):
        value = compiler.value_or_nothing(node.right)
    else:
        value = compiler.value_of(node.right)
    if node.op == "=":
        def assign(ctx, out):
            write(ctx, value(ctx))

        return assign
    op = _COMPOUND.get(node.op)
    if op is None:
        raise _invalid_target(compiler, node)
    if isinstance(node.left, A.Variable) and not node.left.scope:
        read = _local_reader(node.left)
    binary = _lazy("operators").binary
    small = 1 << 30

    def compound(ctx, out):
        current = read(ctx)
        operand = value(ctx)
        if op == "+" and type(current) is int and type(operand) is int and -small < current < small and -small < operand < small:
            write(ctx, current + operand)
            return
        try:
            result = binary(op, current, operand)
        except E.PSException as error:
            raise locate(error, code, node)
        write(ctx, result)

    return compound


def _local_reader(variable: A.Variable) -> Reader:
    """Compound assignment reads the variable of the current scope only (about_Scopes)."""
    folded = canonical(variable.name)

    def read_local(ctx):
        value = ctx.scope.values.get(folded, MISSING)
        return None if value is MISSING else value

    return read_local


def _multiple(compiler, node: A.Assignment):
    """`$a, $b, $c = values`: each target takes one value, the last takes the rest."""
    if node.op != "=":
        raise _invalid_target(compiler, node.left)
    writers = [compile_target(compiler, target)[1] for target in node.left.elements]
    value = compiler.value_of(node.right)

    def assign_many(ctx, out):
        result = value(ctx)
        items = result if isinstance(result, list) else [result]
        last = len(writers) - 1
        for position, write in enumerate(writers):
            if position < last:
                write(ctx, items[position] if position < len(items) else None)
            else:
                write(ctx, collapse(items[position:]) if position < len(items) else None)

    return assign_many
