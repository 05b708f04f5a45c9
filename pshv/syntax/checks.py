"""PowerShell's semantic checks: errors in a tree that parsed (SemanticChecks in PowerShell).

The tree builder calls these as it completes the nodes concerned, so a parse pays only for
the constructs that can be wrong; the errors are reported, not raised, because PowerShell
lists every one of them after the syntax errors.
"""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Iterator

from pshv.syntax import ast
from pshv.syntax.errors import MESSAGES, ParseIssue, report, withdraw

ASSIGNABLE = (ast.Variable, ast.Member, ast.Index)
LOOPS = (ast.ForEach, ast.For, ast.While, ast.DoWhile, ast.Switch)
# Flow statements inside these belong to another script block: they cannot leave the finally.
OWN_SCOPES = (ast.ScriptBlockExpr, ast.FunctionDefinition, ast.Trap)


def report_at(node: ast.Node, error_id: str, *args: object, semantic: bool = True) -> None:
    """Report `error_id` at `node`'s extent."""
    message = MESSAGES[error_id].format(*args) if args else MESSAGES[error_id]
    report(ParseIssue(error_id, message, node.line, node.col, node.start, node.end),
           semantic=semantic)


def check_assignment_target(target: ast.Node, compound: bool) -> None:
    """InvalidLeftHandSide: only variables, members, indexes (and `=` to several) take values."""
    if isinstance(target, ASSIGNABLE):
        return
    if isinstance(target, ast.Convert):
        chain = _conversions(target)
        refs = [conversion.type for conversion in chain if _is_ref(conversion.type)]
        if refs and len(chain) > 1:  # a type constraint: [ref] stands alone there
            withdraw("ReferenceNeedsToBeLastTypeInTypeConversion", refs[-1].start)
            report_at(refs[-1], "ReferenceNeedsToBeByItselfInTypeConstraint")
        check_assignment_target(chain[-1].operand, compound)
    elif isinstance(target, ast.ArrayLiteral) and not compound:
        for element in target.elements:
            check_assignment_target(element, compound)
    else:
        report_at(target, "InvalidLeftHandSide")


def check_ref_conversion(conversion: ast.Convert) -> None:
    """[ref] in a sequence of casts: only once, and only as the last (innermost) one."""
    chain = _conversions(conversion)
    if len(chain) < 2:
        return
    if _is_ref(conversion.type):
        for inner in chain[1:]:
            if _is_ref(inner.type):
                report_at(inner.type, "ReferenceNeedsToBeByItselfInTypeSequence")
    else:
        refs = [inner.type for inner in chain[1:] if _is_ref(inner.type)]
        if len(refs) == 1:  # several are reported by the cast around them
            report_at(refs[0], "ReferenceNeedsToBeLastTypeInTypeConversion")


def _conversions(conversion: ast.Convert) -> list[ast.Convert]:
    """`[a][b]$x` as the list of its casts, outermost first."""
    chain = [conversion]
    while isinstance(chain[-1].operand, ast.Convert):
        chain.append(chain[-1].operand)
    return chain


def _is_ref(type_name: ast.TypeName) -> bool:
    return type_name.name.lower() in ("ref", "system.management.automation.psreference")


def check_parameters(parameters: list[ast.Parameter]) -> None:
    """DuplicateFormalParameter at each repeated name (case-insensitive)."""
    seen: set[str] = set()
    for parameter in parameters:
        name = parameter.name.lower()
        if name in seen:
            report_at(parameter.variable or parameter, "DuplicateFormalParameter", parameter.name)
        seen.add(name)


def check_finally(body: ast.StatementBlock) -> None:
    """ControlLeavingFinally at each return, and each break/continue no loop inside catches."""
    for statement in _flow_leaving(body, ()):
        report_at(statement, "ControlLeavingFinally")


def _flow_leaving(node: object, loops: tuple[ast.Node, ...]) -> Iterator[ast.Node]:
    if isinstance(node, OWN_SCOPES):
        return
    if isinstance(node, ast.Return):
        yield node
    elif isinstance(node, (ast.Break, ast.Continue)):
        if not any(_catches(loop, node.label) for loop in loops):
            yield node
    if isinstance(node, LOOPS):
        loops = (*loops, node)
    if isinstance(node, ast.Node):
        for name in _child_fields(type(node)):
            yield from _flow_leaving(getattr(node, name), loops)
    elif isinstance(node, list):
        for element in node:
            yield from _flow_leaving(element, loops)


_POSITION_FIELDS = frozenset({"start", "end", "line", "col"})


@cache
def _child_fields(node_type: type) -> tuple[str, ...]:
    """The fields of a node type that can hold other nodes (all but its position)."""
    return tuple(item.name for item in fields(node_type) if item.name not in _POSITION_FIELDS)


def _catches(loop: ast.Node, label: object) -> bool:
    """Does `loop` take a break/continue with `label` (None: the innermost loop takes it)?"""
    if label is None:
        return True
    name = getattr(label, "value", None)
    return isinstance(name, str) and (loop.label or "").lower() == name.lower()
