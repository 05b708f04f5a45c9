"""Compile syntax-tree nodes into Python closures.

Every expression becomes `fn(ctx) -> value` and every statement `fn(ctx, out) -> None`,
where `out` is a sink with `append` (a list, or a pipe into the next command). Compiling
once and running closures keeps the interpreter's per-node cost to one Python call.
Hot operators have inline fast paths for Int32 and string operands; everything else goes
through `operators`, `convert` and `members`.
"""

from __future__ import annotations

from typing import Callable

from ..syntax import ast as A
from . import errors as E
from .objects import VOID, Hashtable, PSObject
from .scopes import MISSING

Expr = Callable[[object], object]
Stmt = Callable[[object, object], None]

_SMALL = 1 << 30  # operands below this in magnitude cannot overflow Int32 when added


def _lazy(module: str):
    """Import a sibling runtime module on first use (keeps start-up light)."""
    from importlib import import_module

    return import_module(f"pshv.runtime.{module}")


class Code:
    """A compiled unit's source text, for error positions."""

    __slots__ = ("text", "path", "lines")

    def __init__(self, text: str, path: str | None = None) -> None:
        self.text = text
        self.path = path
        self.lines = text.split("\n")

    def position(self, node: A.Node, end: int | None = None) -> E.Position:
        line_text = self.lines[node.line - 1].rstrip("\r") if 0 < node.line <= len(self.lines) else ""
        stop = node.end if end is None else end
        length = max(1, min(stop - node.start, len(line_text) - (node.col - 1)))
        return E.Position(node.line, node.col, line_text, length, self.path, node.start)

    def position_at(self, start: int, end: int) -> E.Position:
        """The position of the source span [start, end)."""
        line = self.text.count("\n", 0, start) + 1
        col = start - (self.text.rfind("\n", 0, start) + 1) + 1
        line_text = self.lines[line - 1].rstrip("\r") if 0 < line <= len(self.lines) else ""
        length = max(1, min(end - start, len(line_text) - (col - 1)))
        return E.Position(line, col, line_text, length, self.path, start)


locate = E.locate_at


def unroll_into(value: object, out) -> None:
    """Write a value to the pipeline the way PowerShell does: lists are enumerated one level."""
    if isinstance(value, list):
        for item in value:
            if item is not VOID:
                out.append(item)
    elif value is not VOID:
        out.append(value)


def collapse(items: list) -> object:
    """A pipeline's collected output as a value: nothing → $null, one item → it, else the list."""
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return items


class Compiler:
    def __init__(self, code: Code) -> None:
        self.code = code

    # ------------------------------------------------------------------ helpers

    def fail(self, node: A.Node, error: E.PSException) -> E.PSException:
        return locate(error, self.code, node)

    # ------------------------------------------------------------------ blocks

    def block(self, node: A.StatementBlock | None) -> Stmt:
        if node is None:
            return lambda ctx, out: None
        statements = [self.statement(s) for s in node.statements if not isinstance(s, A.Trap)]
        traps = [self.trap(t) for t in node.traps]
        traps += [self.trap(s) for s in node.statements if isinstance(s, A.Trap)]
        from .flow import run_statements

        return run_statements(statements, traps)

    def trap(self, node: A.Trap):
        from .flow import TrapHandler

        return TrapHandler(node.type.name if node.type else None, self.block(node.body), self.code, node)

    # ------------------------------------------------------------------ statements

    def statement(self, node: A.Node) -> Stmt:
        method = getattr(self, "s_" + type(node).__name__, None)
        if method is None:
            raise self.fail(node, E.NotSupportedException(f"The {type(node).__name__} statement is not supported."))
        return method(node)

    def s_StatementBlock(self, node: A.StatementBlock) -> Stmt:
        return self.block(node)

    def s_Pipeline(self, node: A.Pipeline) -> Stmt:
        from .pipeline import compile_pipeline

        return compile_pipeline(self, node)

    def s_Assignment(self, node: A.Assignment) -> Stmt:
        from .assign import compile_assignment

        return compile_assignment(self, node)

    def s_FunctionDefinition(self, node: A.FunctionDefinition) -> Stmt:
        from .functions import compile_function_definition

        return compile_function_definition(self, node)

    def s_If(self, node: A.If) -> Stmt:
        clauses = [(self.condition(c.condition), self.block(c.body)) for c in node.clauses]
        else_body = self.block(node.else_body) if node.else_body else None

        def run_if(ctx, out):
            for test, body in clauses:
                if test(ctx):
                    body(ctx, out)
                    return
            if else_body is not None:
                else_body(ctx, out)

        return run_if

    def condition(self, node: A.Node) -> Callable[[object], bool]:
        """A statement used as a condition: its value's truth."""
        value = self.value_of(node)
        to_bool = _lazy("convert").to_bool

        def test(ctx):
            result = value(ctx)
            if result is True or result is False:
                return result
            return to_bool(result)

        return test

    def value_or_nothing(self, node: A.Node) -> Expr:
        """Like `value_of`, but a command that wrote nothing yields VOID (AutomationNull) rather
        than $null, so a variable assigned from an empty pipeline pipes and @()-wraps to nothing."""
        if isinstance(node, A.Pipeline) and not (
            len(node.elements) == 1 and isinstance(node.elements[0], A.CommandExpression)
        ):
            run = self.statement(node)

            def collected_or_nothing(ctx):
                items: list = []
                run(ctx, items)
                return collapse(items) if items else VOID

            return collected_or_nothing
        return self.value_of(node)

    def value_of(self, node: A.Node) -> Expr:
        """A statement's value: a pure expression directly, anything else collected."""
        if isinstance(node, A.Pipeline) and len(node.elements) == 1:
            element = node.elements[0]
            if isinstance(element, A.CommandExpression) and not element.redirections:
                return self.expr(element.expression)
        if isinstance(node, A.Assignment):
            run = self.statement(node)
            read = self.expr(node.left) if not isinstance(node.left, A.ArrayLiteral) else None

            def assign_value(ctx):
                run(ctx, [])
                return read(ctx) if read else None

            return assign_value
        run = self.statement(node)

        def collected(ctx):
            items: list = []
            run(ctx, items)
            return collapse(items)

        return collected

    def s_Switch(self, node: A.Switch) -> Stmt:
        from .flow import compile_switch

        return compile_switch(self, node)

    def s_ForEach(self, node: A.ForEach) -> Stmt:
        from .flow import compile_foreach

        return compile_foreach(self, node)

    def s_For(self, node: A.For) -> Stmt:
        from .flow import compile_for

        return compile_for(self, node)

    def s_While(self, node: A.While) -> Stmt:
        from .flow import compile_while

        return compile_while(self, node)

    def s_DoWhile(self, node: A.DoWhile) -> Stmt:
        from .flow import compile_do

        return compile_do(self, node)

    def _label(self, node: A.Expr | None) -> Callable[[object], str | None]:
        if node is None:
            return lambda ctx: None
        if isinstance(node, A.StringConstant):
            label = node.value
            return lambda ctx: label
        value = self.expr(node)
        to_string = _lazy("convert").to_string
        return lambda ctx: to_string(value(ctx))

    def s_Break(self, node: A.Break) -> Stmt:
        label = self._label(node.label)

        def run_break(ctx, out):
            raise E.BreakSignal(label(ctx))

        return run_break

    def s_Continue(self, node: A.Continue) -> Stmt:
        label = self._label(node.label)

        def run_continue(ctx, out):
            raise E.ContinueSignal(label(ctx))

        return run_continue

    def s_Return(self, node: A.Return) -> Stmt:
        body = self.statement(node.pipeline) if node.pipeline else None

        def run_return(ctx, out):
            if body is not None:
                body(ctx, out)
            raise E.ReturnSignal()

        return run_return

    def s_Exit(self, node: A.Exit) -> Stmt:
        value = self.value_of(node.pipeline) if node.pipeline else None
        to_number = _lazy("convert").to_number

        def run_exit(ctx, out):
            code = 0
            if value is not None:
                result = value(ctx)
                try:
                    code = int(to_number(result)) if result is not None else 0
                except E.PSException:
                    code = 0
            raise E.ExitSignal(code)

        return run_exit

    def s_Throw(self, node: A.Throw) -> Stmt:
        value = self.value_of(node.pipeline) if node.pipeline else None
        code = self.code

        def run_throw(ctx, out):
            thrown = value(ctx) if value is not None else None
            error = exception_from_thrown(thrown)
            error.was_thrown = True
            error.script_terminating = True
            raise locate(error, code, node)

        return run_throw

    def s_Try(self, node: A.Try) -> Stmt:
        from .flow import compile_try

        return compile_try(self, node)

    def s_Trap(self, node: A.Trap) -> Stmt:
        return lambda ctx, out: None  # traps are collected by the enclosing block

    # ------------------------------------------------------------------ expressions

    def expr(self, node: A.Node) -> Expr:
        method = getattr(self, "e_" + type(node).__name__, None)
        if method is None:
            if isinstance(node, (A.Pipeline, A.Assignment)) or type(node).__name__ in _STATEMENT_NAMES:
                return self.value_of(node)
            raise self.fail(node, E.NotSupportedException(f"The {type(node).__name__} expression is not supported."))
        return method(node)

    def e_Constant(self, node: A.Constant) -> Expr:
        value = node.value
        return lambda ctx: value

    def e_StringConstant(self, node: A.StringConstant) -> Expr:
        value = node.value
        return lambda ctx: value

    def e_ExpandableString(self, node: A.ExpandableString) -> Expr:
        parts = [part if isinstance(part, str) else self.expr(part) for part in node.parts]
        to_string = _lazy("convert").to_string

        def expand(ctx):
            pieces = []
            for part in parts:
                if type(part) is str:
                    pieces.append(part)
                else:
                    value = part(ctx)
                    pieces.append(value if type(value) is str else to_string(value, ctx))
            return "".join(pieces)

        return expand

    def e_Variable(self, node: A.Variable) -> Expr:
        from .variables import variable_reader

        return variable_reader(self, node)

    def e_TypeExpr(self, node: A.TypeExpr) -> Expr:
        resolve = self.type_resolver(node.type)
        return lambda ctx: resolve()

    def type_resolver(self, node: A.TypeName) -> Callable[[], object]:
        """Resolve a type literal on first use (types may be registered after compiling)."""
        name = node.name
        cache: list = []
        code = self.code

        def resolve():
            if cache:
                return cache[0]
            found = _lazy("types").resolve_type(name)
            if found is None:
                raise locate(
                    E.RuntimeException(
                        f"Unable to find type [{name}].", error_id="TypeNotFound", category="InvalidOperation", target=name
                    ),
                    code,
                    node,
                )
            cache.append(found)
            return found

        return resolve

    def e_Convert(self, node: A.Convert) -> Expr:
        from .casts import compile_cast

        return compile_cast(self, node)

    def e_Binary(self, node: A.Binary) -> Expr:
        from .binary import compile_binary

        return compile_binary(self, node)

    def e_Unary(self, node: A.Unary) -> Expr:
        from .unary import compile_unary

        return compile_unary(self, node)

    def member_name(self, node: A.Expr) -> Callable[[object], str]:
        if isinstance(node, A.StringConstant):
            name = node.value
            return lambda ctx: name
        value = self.expr(node)
        to_string = _lazy("convert").to_string
        return lambda ctx: to_string(value(ctx))

    def e_Member(self, node: A.Member) -> Expr:
        name_of = self.member_name(node.member)
        code = self.code
        members = _lazy("members")
        if node.static:
            target_type = self.expr(node.target)

            def get_static(ctx):
                try:
                    return members.get_static(ctx, target_type(ctx), name_of(ctx))
                except E.PSException as error:
                    raise locate(error, code, node)

            return get_static
        target = self.expr(node.target)
        if isinstance(node.member, A.StringConstant):
            name = node.member.value
            get_member = members.get_member

            def get_fixed(ctx):
                obj = target(ctx)
                if type(obj) is PSObject:
                    entry = obj._props.get(name.casefold())
                    if entry is not None:
                        return entry[1]
                try:
                    value = get_member(ctx, obj, name, MISSING)
                except E.PSException as error:
                    raise locate(error, code, node)
                if value is MISSING:
                    return ctx.missing_property(obj, name, code, node)
                return value

            return get_fixed

        def get_dynamic(ctx):
            obj = target(ctx)
            try:
                return members.get_member(ctx, obj, name_of(ctx))
            except E.PSException as error:
                raise locate(error, code, node)

        return get_dynamic

    def e_InvokeMember(self, node: A.InvokeMember) -> Expr:
        name_of = self.member_name(node.member)
        arguments = [self.expr(a) for a in node.arguments]
        target = self.expr(node.target)
        code = self.code
        members = _lazy("members")
        static = node.static

        def invoke(ctx):
            obj = target(ctx)
            args = [a(ctx) for a in arguments]
            try:
                if static:
                    return members.invoke_static(ctx, obj, name_of(ctx), args)
                return members.invoke_method(ctx, obj, name_of(ctx), args)
            except E.PSException as error:
                raise locate(error, code, node)

        return invoke

    def e_Index(self, node: A.Index) -> Expr:
        from .indexing import get_index

        target = self.expr(node.target)
        index = self.expr(node.index)
        code = self.code

        def read_index(ctx):
            try:
                return get_index(ctx, target(ctx), index(ctx))
            except E.PSException as error:
                raise locate(error, code, node)

        return read_index

    def e_ArrayLiteral(self, node: A.ArrayLiteral) -> Expr:
        elements = [self.expr(e) for e in node.elements]
        return lambda ctx: [e(ctx) for e in elements]

    def e_ArrayExpression(self, node: A.ArrayExpression) -> Expr:
        body = self.block(node.body)

        def array(ctx):
            items: list = []
            body(ctx, items)
            return items

        return array

    def e_SubExpression(self, node: A.SubExpression) -> Expr:
        body = self.block(node.body)

        def subexpression(ctx):
            items: list = []
            body(ctx, items)
            return collapse(items)

        return subexpression

    def e_Paren(self, node: A.Paren) -> Expr:
        return self.value_of(node.pipeline)

    def e_Hashtable(self, node: A.Hashtable) -> Expr:
        entries = [(self.expr(entry.key), self.value_of(entry.value), entry) for entry in node.entries]
        code = self.code

        def build(ctx):
            table = Hashtable()
            for key, value, entry in entries:
                k = key(ctx)
                if k is None:
                    raise locate(
                        E.RuntimeException("A null key is not allowed in a hash literal.", error_id="InvalidNullKey",
                                           category="InvalidOperation"), code, entry)
                if k in table:
                    raise locate(
                        E.RuntimeException(f"Duplicate keys '{k}' are not allowed in hash literals.",
                                           error_id="DuplicateKeyInHashLiteral", category="ParserError"), code, entry)
                table[k] = value(ctx)
            return table

        return build

    def e_ScriptBlockExpr(self, node: A.ScriptBlockExpr) -> Expr:
        from .functions import compile_scriptblock

        info = compile_scriptblock(self, node.block)
        return lambda ctx: info.instantiate(ctx)


_STATEMENT_NAMES = {
    "If", "Switch", "ForEach", "For", "While", "DoWhile", "Try", "StatementBlock", "FunctionDefinition",
    "Break", "Continue", "Return", "Exit", "Throw",
}


def exception_from_thrown(thrown: object) -> E.PSException:
    """What `throw <value>` raises: an exception carries through; anything else becomes its message."""
    if isinstance(thrown, E.PSException):
        record = thrown.record
        if record.invocation.position is None and record.category == "NotSpecified":
            record.category = "OperationStopped"  # a fresh exception object, thrown
            record.error_id = thrown.message
        return thrown
    if isinstance(thrown, E.ErrorRecord):
        return thrown.exception
    if thrown is None:
        error = E.RuntimeException("ScriptHalted", error_id="ScriptHalted", category="OperationStopped")
        return error
    to_string = _lazy("convert").to_string
    message = to_string(thrown)
    error = E.RuntimeException(message, error_id=message, category="OperationStopped", target=thrown)
    return error
