"""Typed syntax tree of a PowerShell script.

Every node records where it stands in the source (`start`/`end` character offsets and the
1-based `line`/`col` of its first character), so the runtime can show PowerShell's
`At line:L char:C` blocks. The runtime never sees Lark trees, only these nodes.

Conventions:
- Operator names are canonical and lower case: '-eq', '-ceq', '-ieq', '+', '-and', '..', '-f'.
  An `-i` variant is folded into the plain one ('-ieq' becomes '-eq').
- Variable names keep their spelling; the runtime compares them case-insensitively.
- A bare word in argument mode is a `StringConstant` with kind 'bare'; a bare word that holds
  `$var` or `$(...)` is an `ExpandableString` with kind 'bare'.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields, is_dataclass
from typing import Callable, Union


@dataclass(slots=True, kw_only=True)
class Node:
    start: int = 0
    end: int = 0
    line: int = 1
    col: int = 1


# --------------------------------------------------------------------------- expressions


@dataclass(slots=True, kw_only=True)
class Constant(Node):
    """A number literal, already converted: int (Int32 or Int64 by magnitude/suffix), float, Decimal."""

    value: object
    text: str = ""
    clr_type: str = ""  # .NET type of the literal: 'System.Int32', 'System.Int64', 'System.Double', 'System.Decimal'


@dataclass(slots=True, kw_only=True)
class StringConstant(Node):
    value: str
    kind: str = "single"  # 'bare' | 'single' | 'double' | 'here_single' | 'here_double'


@dataclass(slots=True, kw_only=True)
class ExpandableString(Node):
    """A double-quoted string (or bare word) with `$var` / `$(...)` inside.

    `parts` alternates literal text (str, escapes already processed) and nested expressions
    (Variable or SubExpression) in source order.
    """

    parts: list[Union[str, "Expr"]]
    kind: str = "double"  # 'double' | 'here_double' | 'bare'


@dataclass(slots=True, kw_only=True)
class Variable(Node):
    """`$name`, `$script:name`, `${any name}`, `@name` (splatted) ..."""

    name: str
    scope: str | None = None  # 'global' | 'script' | 'local' | 'private' | 'using' | 'env' | other drive
    splatted: bool = False


@dataclass(slots=True, kw_only=True)
class TypeName(Node):
    """A type literal such as `[int]`, `[string[]]`, `[System.Collections.Generic.List[string]]`."""

    name: str  # as written, without brackets, e.g. 'System.Collections.Generic.List[string]'


@dataclass(slots=True, kw_only=True)
class TypeExpr(Node):
    """A type literal used as a value: `[int]`, `[math]` (as in `[math]::Pi` the target)."""

    type: TypeName


@dataclass(slots=True, kw_only=True)
class Convert(Node):
    """A cast `[type] operand` (also `[ordered]@{}` and `[pscustomobject]@{}`)."""

    type: TypeName
    operand: "Expr"


@dataclass(slots=True, kw_only=True)
class Binary(Node):
    op: str
    left: "Expr"
    right: "Expr"
    op_line: int = 1
    op_col: int = 1


@dataclass(slots=True, kw_only=True)
class Unary(Node):
    """Prefix and postfix unary operators.

    op is one of '-not', '!', '-', '+', '-bnot', ',', '-split', '-join',
    '++' / '--' (prefix) and 'post++' / 'post--' (postfix).
    """

    op: str
    operand: "Expr"


@dataclass(slots=True, kw_only=True)
class Member(Node):
    """`target.Name`, `target.$name`, `[Type]::Name`."""

    target: "Expr"
    member: "Expr"  # usually StringConstant; may be any expression (`$x.$prop`, `$x.($p)`)
    static: bool = False


@dataclass(slots=True, kw_only=True)
class InvokeMember(Node):
    """`target.Method(args)` and `[Type]::Method(args)`."""

    target: "Expr"
    member: "Expr"
    arguments: list["Expr"] = field(default_factory=list)
    static: bool = False


@dataclass(slots=True, kw_only=True)
class Index(Node):
    target: "Expr"
    index: "Expr"


@dataclass(slots=True, kw_only=True)
class ArrayLiteral(Node):
    """`a, b, c` — the comma operator with two or more operands."""

    elements: list["Expr"]


@dataclass(slots=True, kw_only=True)
class ArrayExpression(Node):
    """`@( statements )`."""

    body: "StatementBlock"


@dataclass(slots=True, kw_only=True)
class SubExpression(Node):
    """`$( statements )`."""

    body: "StatementBlock"


@dataclass(slots=True, kw_only=True)
class Paren(Node):
    """`( pipeline )` — also `( $x = 1 )`, which yields the assigned value."""

    pipeline: "Statement"


@dataclass(slots=True, kw_only=True)
class HashEntry(Node):
    key: "Expr"  # a bare key is a StringConstant with kind 'bare'
    value: "Statement"


@dataclass(slots=True, kw_only=True)
class Hashtable(Node):
    entries: list[HashEntry] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class ScriptBlockExpr(Node):
    block: "ScriptBlock"


Expr = Union[
    Constant, StringConstant, ExpandableString, Variable, TypeExpr, Convert, Binary, Unary,
    Member, InvokeMember, Index, ArrayLiteral, ArrayExpression, SubExpression, Paren,
    Hashtable, ScriptBlockExpr,
]


# --------------------------------------------------------------------------- commands


@dataclass(slots=True, kw_only=True)
class CommandParameter(Node):
    """`-Name`, or `-Name:value` (then `argument` is set). `name` has no dash."""

    name: str
    argument: "Expr | None" = None


@dataclass(slots=True, kw_only=True)
class Redirection(Node):
    """`2>&1`, `*> $null`, `> file`, `>> file`.

    stream: '1', '2', '3', '4', '5', '6' or '*'. For a merge (`2>&1`) `merge_to` is '1'
    and `target` is None; for a file `target` is the path expression.
    """

    stream: str = "1"
    target: "Expr | None" = None
    append: bool = False
    merge_to: str | None = None


@dataclass(slots=True, kw_only=True)
class Command(Node):
    """A command invocation in a pipeline.

    `elements[0]` is the command name: a StringConstant (kind 'bare' for `Get-VM`,
    `Hyper-V\\Remove-VM`, `.\\x.ps1`) or any expression after `&` / `.` (`& $sb`).
    The rest are CommandParameter nodes and argument expressions in source order.
    An argument written `a,b` is an ArrayLiteral; after `--` every token is an argument.
    """

    elements: list[Union[CommandParameter, Expr]]
    invocation: str | None = None  # None, '&' or '.'
    redirections: list[Redirection] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class CommandExpression(Node):
    """An expression in a pipeline position (`$x | ...`, `1..10`, `"text"`)."""

    expression: Expr
    redirections: list[Redirection] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Pipeline(Node):
    elements: list[Union[Command, CommandExpression]]


# --------------------------------------------------------------------------- statements


@dataclass(slots=True, kw_only=True)
class Assignment(Node):
    """`left op right`; op is '=', '+=', '-=', '*=', '/=', '%='. right is a statement."""

    left: Expr
    op: str
    right: "Statement"


@dataclass(slots=True, kw_only=True)
class StatementBlock(Node):
    statements: list["Statement"] = field(default_factory=list)
    traps: list["Trap"] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class IfClause(Node):
    condition: "Statement"
    body: StatementBlock


@dataclass(slots=True, kw_only=True)
class If(Node):
    clauses: list[IfClause]
    else_body: StatementBlock | None = None


@dataclass(slots=True, kw_only=True)
class SwitchClause(Node):
    pattern: Expr  # a ScriptBlockExpr is a condition; anything else is a value
    body: StatementBlock


@dataclass(slots=True, kw_only=True)
class Switch(Node):
    condition: "Statement"
    clauses: list[SwitchClause] = field(default_factory=list)
    default: StatementBlock | None = None
    flags: frozenset[str] = frozenset()  # 'regex', 'wildcard', 'exact', 'casesensitive', 'file'
    label: str | None = None


@dataclass(slots=True, kw_only=True)
class ForEach(Node):
    variable: Variable
    iterable: "Statement"
    body: StatementBlock
    label: str | None = None


@dataclass(slots=True, kw_only=True)
class For(Node):
    init: "Statement | None"
    condition: "Statement | None"
    iterator: "Statement | None"
    body: StatementBlock
    label: str | None = None


@dataclass(slots=True, kw_only=True)
class While(Node):
    condition: "Statement"
    body: StatementBlock
    label: str | None = None


@dataclass(slots=True, kw_only=True)
class DoWhile(Node):
    """`do { } while (c)` (until=False) and `do { } until (c)` (until=True)."""

    body: StatementBlock
    condition: "Statement"
    until: bool = False
    label: str | None = None


@dataclass(slots=True, kw_only=True)
class Break(Node):
    label: Expr | None = None


@dataclass(slots=True, kw_only=True)
class Continue(Node):
    label: Expr | None = None


@dataclass(slots=True, kw_only=True)
class Return(Node):
    pipeline: "Statement | None" = None


@dataclass(slots=True, kw_only=True)
class Exit(Node):
    pipeline: "Statement | None" = None


@dataclass(slots=True, kw_only=True)
class Throw(Node):
    pipeline: "Statement | None" = None


@dataclass(slots=True, kw_only=True)
class CatchClause(Node):
    types: list[TypeName]  # empty: catch everything
    body: StatementBlock


@dataclass(slots=True, kw_only=True)
class Try(Node):
    body: StatementBlock
    catches: list[CatchClause] = field(default_factory=list)
    finally_body: StatementBlock | None = None


@dataclass(slots=True, kw_only=True)
class Trap(Node):
    type: TypeName | None
    body: StatementBlock


@dataclass(slots=True, kw_only=True)
class Attribute(Node):
    """`[Parameter(Mandatory, Position=0)]`, `[ValidateSet('a','b')]`, `[CmdletBinding()]`.

    A named argument without a value (`Mandatory`) has value None, meaning $true.
    """

    name: str
    positional: list[Expr] = field(default_factory=list)
    named: list[tuple[str, Expr | None]] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Parameter(Node):
    """One parameter of a param block: `[attrs] [type] $Name = default`."""

    name: str
    attributes: list[Attribute] = field(default_factory=list)
    type: TypeName | None = None  # the last type constraint, e.g. [string[]] or [switch]
    default: Expr | None = None
    variable: Variable | None = None  # the `$Name` as written, for error positions


@dataclass(slots=True, kw_only=True)
class ParamBlock(Node):
    attributes: list[Attribute] = field(default_factory=list)  # [CmdletBinding()], [OutputType()]
    parameters: list[Parameter] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class ScriptBlock(Node):
    """A script, a function body, or a `{ }` literal.

    Without named blocks the statements are in `end` (`process` for a filter).
    `text` is the source text between the braces (the whole text for a script), as
    `$sb.ToString()` shows it. `help` is the comment-based help text found for it, if any.
    """

    param_block: ParamBlock | None = None
    begin: StatementBlock | None = None
    process: StatementBlock | None = None
    end: StatementBlock | None = None
    text: str = ""
    help: str | None = None
    extent_end: int = 0  # end offset of the block's source (the inherited `end` holds the end block)


@dataclass(slots=True, kw_only=True)
class FunctionDefinition(Node):
    """`function Name { }`, `filter Name { }`, `function Name($a, $b) { }`.

    Parameters written in parentheses after the name are turned into `body.param_block`.
    `help` is the comment-based help (the comment before `function`, or the first one
    inside the body).
    """

    name: str
    body: ScriptBlock
    is_filter: bool = False
    help: str | None = None


Statement = Union[
    Pipeline, Assignment, If, Switch, ForEach, For, While, DoWhile, Break, Continue, Return,
    Exit, Throw, Try, Trap, FunctionDefinition, StatementBlock,
]


# --------------------------------------------------------------------------- fast construction


def _constructor(cls: type) -> Callable[..., Node]:
    """A function that builds `cls` as `cls(**fields)` does: the same keyword-only parameters,
    defaults and default factories, assigned in field order.

    Calling a class with keywords packs them into a tuple and a dict on the way to its
    `__init__`; a plain function takes them directly, which makes the parser's many node
    constructions about three times cheaper.
    """
    namespace: dict[str, object] = {"_new": object.__new__, "_cls": cls, "_MISSING": _MISSING}
    parameters: list[str] = []
    body: list[str] = ["_node = _new(_cls)"]
    for item in fields(cls):
        name = item.name
        if item.default is not MISSING:
            namespace[f"_default_{name}"] = item.default
            parameters.append(f"{name}=_default_{name}")
            body.append(f"_node.{name} = {name}")
        elif item.default_factory is not MISSING:
            namespace[f"_factory_{name}"] = item.default_factory
            parameters.append(f"{name}=_MISSING")
            body.append(f"_node.{name} = _factory_{name}() if {name} is _MISSING else {name}")
        else:
            parameters.append(name)
            body.append(f"_node.{name} = {name}")
    body.append("return _node")
    source = f"def {cls.__name__}(*, {', '.join(parameters)}):\n    " + "\n    ".join(body)
    exec(source, namespace)  # noqa: S102 - generated from the dataclass fields above
    return namespace[cls.__name__]  # type: ignore[return-value]


_MISSING = object()

class _Constructors:
    """`make.Variable(name=..., start=...)` builds the same node as `Variable(...)`, faster.

    Each constructor is generated the first time it is asked for, which keeps start-up cheap.
    """

    def __getattr__(self, name: str) -> Callable[..., Node]:
        node_type = globals().get(name)
        if not (isinstance(node_type, type) and is_dataclass(node_type) and issubclass(node_type, Node)):
            raise AttributeError(name)
        constructor = _constructor(node_type)
        setattr(self, name, constructor)
        return constructor


make = _Constructors()
