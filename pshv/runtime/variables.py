"""Reading and writing variables: scope prefixes, automatic variables, `$env:`, strict mode."""

from __future__ import annotations

from typing import Callable

from ..syntax import ast as A
from . import errors as E
from .objects import VOID
from .scopes import MISSING, Scope

_CONSTANTS = {"true": True, "false": False, "null": None}


def canonical(name: str) -> str:
    folded = name.casefold()
    return "_" if folded == "psitem" else folded


def variable_reader(compiler, node: A.Variable) -> Callable[[object], object]:
    folded = canonical(node.name)
    scope = (node.scope or "").casefold()
    code = compiler.code
    if scope in ("", "local", "private"):
        if folded in _CONSTANTS:
            constant = _CONSTANTS[folded]
            return lambda ctx: constant
        special = _SPECIAL.get(folded)
        if special is not None:
            return special

        def read_local(ctx):
            s = ctx.scope
            value = s.values.get(folded, MISSING)
            if value is not MISSING:
                return None if value is VOID else value
            s = s.parent
            while s is not None:  # outer scopes: their $private: variables stay hidden
                value = s.values.get(folded, MISSING)
                if value is not MISSING and not (s.private and folded in s.private):
                    return None if value is VOID else value
                s = s.parent
            return ctx.missing_variable(node.name, code, node)

        return read_local
    if scope == "env":
        name = node.name
        return lambda ctx: ctx.env.get(name)
    if scope == "global":
        return lambda ctx: _value(ctx.global_scope.values.get(folded))
    if scope == "script":
        return lambda ctx: _value(ctx.scope.nearest("script").values.get(folded))
    if scope == "using":

        def read_using(ctx):
            if ctx.using_values is not None and folded in ctx.using_values:
                return ctx.using_values[folded]
            value = ctx.scope.lookup(folded)
            return None if value is MISSING else value

        return read_using
    if scope == "variable":
        return lambda ctx: (lambda v: None if v is MISSING else v)(ctx.scope.lookup(folded))
    if scope == "function":
        return lambda ctx: ctx.find_function_block(node.name)

    def read_drive(ctx):
        return ctx.read_drive_variable(scope, node.name, code, node)

    return read_drive


def _value(stored: object) -> object:
    """What reading a variable gives: AutomationNull reads as $null."""
    return None if stored is VOID else stored


def raw_variable_reader(compiler, node: A.Variable) -> Callable[[object], object] | None:
    """A reader that keeps AutomationNull (VOID), for the places where it differs from $null:
    piping a variable (`$x | ...`) and writing it to the pipeline (`@($x)`). None when the
    variable is not a plain one."""
    if node.scope and node.scope.casefold() not in ("local", "private"):
        return None
    folded = canonical(node.name)
    if folded in _CONSTANTS or folded in _SPECIAL:
        return None

    code = compiler.code

    def read_raw(ctx):
        value = ctx.scope.lookup(folded)
        return ctx.missing_variable(node.name, code, node) if value is MISSING else value

    return read_raw


def _read_last_success(ctx):
    return ctx.last_success


def _read_error(ctx):
    return ctx.errors


def _read_args(ctx):
    value = ctx.scope.lookup("args")
    return [] if value is MISSING else value


_SPECIAL: dict[str, Callable[[object], object]] = {
    "?": _read_last_success,
    "error": _read_error,
    "args": _read_args,
}


def target_scope(ctx, scope_prefix: str | None) -> Scope:
    prefix = (scope_prefix or "").casefold()
    if prefix == "global":
        return ctx.global_scope
    if prefix == "script":
        return ctx.scope.nearest("script")
    return ctx.scope


def variable_writer(compiler, node: A.Variable) -> Callable[[object, object], None]:
    """A function `(ctx, value)` storing into the variable, honouring type constraints."""
    folded = canonical(node.name)
    prefix = (node.scope or "").casefold()
    code = compiler.code
    if prefix == "env":
        name = node.name

        def write_env(ctx, value):
            if value is None or value == "":
                ctx.env.pop(name, None)
            else:
                ctx.env[name] = value if isinstance(value, str) else ctx.to_string(value)

        return write_env
    if prefix not in ("", "local", "private", "global", "script", "using", "variable"):

        def write_drive(ctx, value):
            ctx.write_drive_variable(prefix, node.name, value, code, node)

        return write_drive
    if folded in _CONSTANTS or folded in ("?", "error"):
        def write_readonly(ctx, value):
            if folded == "null":
                return
            raise E.locate_at(
                E.SessionStateUnauthorizedAccessException(
                    f"Cannot overwrite variable {node.name} because it is read-only or constant.",
                    error_id="VariableNotWritable", category="WriteError", target=node.name),
                code, node)

        return write_readonly

    spelling = node.name

    def write(ctx, value):
        scope = target_scope(ctx, prefix) if prefix else ctx.scope
        if scope.readonly and folded in scope.readonly:
            raise E.locate_at(
                E.SessionStateUnauthorizedAccessException(
                    f"Cannot overwrite variable {spelling} because it is read-only or constant.",
                    error_id="VariableNotWritable", category="WriteError", target=spelling),
                code, node)
        if scope.constraints:
            constraint = scope.constraints.get(folded)
            if constraint is not None:
                try:
                    value = constraint(value)
                except E.PSException as error:
                    raise E.locate_at(error, code, node)
        if prefix == "private":
            scope.private.add(folded)
        values = scope.values
        if folded not in values:
            scope.names[folded] = spelling
        values[folded] = value

    return write
