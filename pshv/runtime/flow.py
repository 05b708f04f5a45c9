"""Statement lists, loops, switch, try/catch/finally and trap.

Error policy (about_Error_Handling): an error that leaves a statement is handled by the
nearest dynamically enclosing `try` or `trap`; when there is none, a statement-terminating
error is reported and the next statement runs, while a script-terminating one (`throw`,
-ErrorAction Stop, $ErrorActionPreference = 'Stop') ends the script.
"""

from __future__ import annotations

from typing import Callable

from ..syntax import ast as A
from . import errors as E
from .compiler import Code, locate
from .scopes import MISSING, restore_value

Stmt = Callable[[object, object], None]


def internal_error(exc: Exception) -> E.PSException:
    """A Python failure inside the runtime, turned into a PowerShell error instead of a traceback."""
    if isinstance(exc, RecursionError):
        return E.ScriptCallDepthException(
            "The script failed due to call depth overflow.", error_id="CallDepthOverflow",
            category="InvalidOperation")
    return E.RuntimeException(
        f"pshv internal error: {type(exc).__name__}: {exc}", error_id="InternalError", category="NotSpecified")


def run_statements(statements: list[Stmt], traps: list["TrapHandler"]) -> Stmt:
    if not traps:
        def run(ctx, out):
            for statement in statements:
                try:
                    statement(ctx, out)
                except E.PSException as error:
                    ctx.handle_statement_error(error)
                except (E.FlowSignal, KeyboardInterrupt):
                    raise
                except Exception as exc:  # a runtime bug must not reach the user as a traceback
                    ctx.handle_statement_error(internal_error(exc))

        return run

    def run_with_traps(ctx, out):
        ctx.handler_depth += 1
        try:
            for statement in statements:
                try:
                    statement(ctx, out)
                except E.PSException as error:
                    trap = next((t for t in traps if t.matches(error)), None)
                    if trap is None:
                        ctx.handler_depth -= 1
                        try:
                            ctx.handle_statement_error(error)
                        finally:
                            ctx.handler_depth += 1
                    else:
                        trap.run(ctx, out, error)
        finally:
            ctx.handler_depth -= 1

    return run_with_traps


def exception_class(type_name: str) -> type[E.PSException] | None:
    key = type_name.casefold()
    return E.EXCEPTION_TYPES.get(key) or E.EXCEPTION_TYPES.get("system." + key)


def error_matches(error: E.PSException, type_names: list[str]) -> bool:
    """Does `catch [T]` take this error? The exception or one it wraps must be a T."""
    if not type_names:
        return True
    for name in type_names:
        cls = exception_class(name)
        if cls is None:
            continue
        if cls is E.RuntimeException:
            return True
        wrapped: BaseException | None = error
        while wrapped is not None:
            if isinstance(wrapped, cls):
                return True
            wrapped = getattr(wrapped, "inner", None)
    return False


class TrapHandler:
    def __init__(self, type_name: str | None, body: Stmt, code: Code, node: A.Node) -> None:
        self.type_names = [type_name] if type_name else []
        self.body = body
        self.code = code
        self.node = node

    def matches(self, error: E.PSException) -> bool:
        return error_matches(error, self.type_names)

    def run(self, ctx, out, error: E.PSException) -> None:
        ctx.record_error(error.record)
        outcome = "report"
        with ctx.child_scope() as scope:
            scope.values["_"] = error.record
            try:
                self.body(ctx, out)
            except E.ContinueSignal:
                outcome = "suppress"
            except E.BreakSignal:
                outcome = "rethrow"
        if outcome == "rethrow":
            error.script_terminating = True
            raise error
        if outcome == "report":
            ctx.write_error_record(error.record, already_recorded=True)


# --------------------------------------------------------------------------- loops


def _loop_label(label: str | None) -> str | None:
    return label.casefold() if label else None


def _matches(signal_label: str | None, own: str | None) -> bool:
    return signal_label is None or (own is not None and signal_label.casefold() == own)


def iterate(value: object) -> list:
    """What `foreach` and `switch` walk: lists element by element, $null not at all."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    iterator = getattr(value, "ps_enumerate", None)
    if iterator is not None:
        return list(iterator())
    return [value]


def compile_foreach(compiler, node: A.ForEach) -> Stmt:
    from .variables import canonical, variable_writer

    iterable = compiler.value_of(node.iterable)
    body = compiler.block(node.body)
    label = _loop_label(node.label)
    simple = not node.variable.scope
    folded = canonical(node.variable.name)
    write = variable_writer(compiler, node.variable)

    spelling = node.variable.name

    def run_foreach(ctx, out):
        items = iterate(iterable(ctx))
        values = ctx.scope.values
        if simple and folded not in values:
            ctx.scope.names[folded] = spelling
        for item in items:
            if simple and not ctx.scope.constraints:
                values[folded] = item
            else:
                write(ctx, item)
            try:
                body(ctx, out)
            except E.BreakSignal as signal:
                if _matches(signal.label, label):
                    break
                raise
            except E.ContinueSignal as signal:
                if _matches(signal.label, label):
                    continue
                raise

    return run_foreach


def _loop(body: Stmt, label: str | None, test: Callable[[object], bool], after: Stmt | None,
          test_first: bool) -> Stmt:
    def run_loop(ctx, out):
        if test_first and not test(ctx):
            return
        while True:
            try:
                body(ctx, out)
            except E.BreakSignal as signal:
                if _matches(signal.label, label):
                    return
                raise
            except E.ContinueSignal as signal:
                if not _matches(signal.label, label):
                    raise
            if after is not None:
                after(ctx, [])
            if not test(ctx):
                return

    return run_loop


def compile_for(compiler, node: A.For) -> Stmt:
    init = compiler.statement(node.init) if node.init else None
    test = compiler.condition(node.condition) if node.condition else (lambda ctx: True)
    after = compiler.statement(node.iterator) if node.iterator else None
    loop = _loop(compiler.block(node.body), _loop_label(node.label), test, after, True)

    def run_for(ctx, out):
        if init is not None:
            init(ctx, out)
        loop(ctx, out)

    return run_for


def compile_while(compiler, node: A.While) -> Stmt:
    return _loop(compiler.block(node.body), _loop_label(node.label), compiler.condition(node.condition), None, True)


def compile_do(compiler, node: A.DoWhile) -> Stmt:
    condition = compiler.condition(node.condition)
    test = (lambda ctx: not condition(ctx)) if node.until else condition
    return _loop(compiler.block(node.body), _loop_label(node.label), test, None, False)


# --------------------------------------------------------------------------- switch


def compile_switch(compiler, node: A.Switch) -> Stmt:
    from .compiler import _lazy

    operators = _lazy("operators")
    convert = _lazy("convert")
    flags = node.flags
    case_sensitive = "casesensitive" in flags
    mode = "regex" if "regex" in flags else "wildcard" if "wildcard" in flags else "exact"
    label = _loop_label(node.label)
    subject = compiler.value_of(node.condition)
    clauses = []
    for clause in node.clauses:
        body = compiler.block(clause.body)
        if isinstance(clause.pattern, A.ScriptBlockExpr):
            clauses.append(("script", compiler.expr(clause.pattern), body))
        else:
            clauses.append(("value", compiler.expr(clause.pattern), body))
    default = compiler.block(node.default) if node.default else None
    code = compiler.code

    def clause_matches(ctx, kind, pattern, item) -> bool:
        if kind == "script":
            return convert.to_bool(ctx.collapse(ctx.call(pattern(ctx), [], dollar_under=item, new_scope=False)))
        wanted = pattern(ctx)
        if mode == "exact":
            if isinstance(wanted, str) or isinstance(item, str):
                left, right = convert.to_string(item, ctx), convert.to_string(wanted, ctx)
                return left == right if case_sensitive else left.casefold() == right.casefold()
            return convert.to_bool(operators.binary("-ceq" if case_sensitive else "-eq", item, wanted))
        text = convert.to_string(item, ctx)
        if mode == "wildcard":
            return convert.to_bool(operators.binary("-clike" if case_sensitive else "-like", text, wanted))
        return ctx.match_and_set(text, wanted, case_sensitive)

    def run_switch(ctx, out):
        value = subject(ctx)
        items = iterate(value) if isinstance(value, list) else [value]
        scope_values = ctx.scope.values
        saved = scope_values.get("_", MISSING)
        try:
            for item in items:
                scope_values["_"] = item
                matched = False
                try:
                    for kind, pattern, body in clauses:
                        scope_values["_"] = item
                        try:
                            hit = clause_matches(ctx, kind, pattern, item)
                        except E.PSException as error:
                            raise locate(error, code, node)
                        if hit:
                            matched = True
                            body(ctx, out)
                    if not matched and default is not None:
                        default(ctx, out)
                except E.ContinueSignal as signal:
                    if _matches(signal.label, label):
                        continue
                    raise
                except E.BreakSignal as signal:
                    if _matches(signal.label, label):
                        return
                    raise
        finally:
            restore_value(scope_values, "_", saved)

    return run_switch


# --------------------------------------------------------------------------- try


def compile_try(compiler, node: A.Try) -> Stmt:
    body = compiler.block(node.body)
    catches = [([t.name for t in c.types], compiler.block(c.body)) for c in node.catches]
    final = compiler.block(node.finally_body) if node.finally_body else None

    def run_try(ctx, out):
        ctx.handler_depth += 1
        inside = True
        try:
            try:
                body(ctx, out)
            except E.PSException as error:
                ctx.handler_depth -= 1
                inside = False
                for type_names, handler in catches:
                    if error_matches(error, type_names):
                        ctx.record_error(error.record)
                        run_catch(ctx, out, handler, error)
                        break
                else:
                    raise
            except Exception as exc:
                if isinstance(exc, E.PSException):
                    raise
                if inside:
                    ctx.handler_depth -= 1
                    inside = False
                error = internal_error(exc)
                for type_names, handler in catches:
                    if error_matches(error, type_names):
                        ctx.record_error(error.record)
                        run_catch(ctx, out, handler, error)
                        break
                else:
                    raise error
        finally:
            if inside:
                ctx.handler_depth -= 1
            if final is not None:
                final(ctx, out)

    return run_try


def run_catch(ctx, out, handler: Stmt, error: E.PSException) -> None:
    values = ctx.scope.values
    saved = values.get("_", MISSING)
    values["_"] = error.record
    try:
        handler(ctx, out)
    finally:
        restore_value(values, "_", saved)
