"""Reduction callbacks that build the typed syntax tree (pshv.syntax.ast) during the LALR parse."""

from __future__ import annotations


from pshv.syntax import ast
from pshv.syntax.ast import make
from pshv.syntax.checks import (
    ASSIGNABLE, check_assignment_target, check_finally, check_parameters, check_ref_conversion,
    report_at,
)
from pshv.syntax.errors import MESSAGES, ParseIssue, SyntaxProblem, make_issue, report
from pshv.syntax.lexer import switch_flag
from pshv.syntax.source import SourceText
from pshv.syntax.numbers import integer_literal
from pshv.syntax.tokens import Token

PRECEDENCE = {"OP_LOGICAL": 1, "OP_BITWISE": 2, "OP_COMPARE": 3, "PLUS": 4, "MINUS": 4, "MUL_OP": 5,
              "OP_FORMAT": 6, "DOTDOT": 7}
SIMPLE_OPERATORS = {"PLUS": "+", "MINUS": "-", "DOTDOT": "..", "COMMA": ",", "PLUSPLUS": "++",
                    "MINUSMINUS": "--"}


def _span(first: object, last: object) -> dict[str, int]:
    """Position fields covering `first` to `last` (tokens or nodes)."""
    if type(first) is Token:
        start, line, col = first.start_pos, first.line, first.column
    else:
        start, line, col = first.start, first.line, first.col
    end = last.end_pos if type(last) is Token else last.end
    return {"start": start, "end": end, "line": line, "col": col}


def _at(node: ast.Node, first: object, last: object) -> ast.Node:
    """`node` with the position fields covering `first` to `last` (tokens or nodes)."""
    if type(first) is Token:
        node.start, node.line, node.col = first.start_pos, first.line, first.column
    else:
        node.start, node.line, node.col = first.start, first.line, first.col
    node.end = last.end_pos if type(last) is Token else last.end
    return node


def _leaf(item: object) -> object:
    return item.value if type(item) is Token else item


def _problem_at(node: object, error_id: str, *args: object) -> SyntaxProblem:
    position = _span(node, node)
    message = MESSAGES[error_id].format(*args) if args else MESSAGES[error_id]
    return SyntaxProblem(ParseIssue(error_id, message, position["line"], position["col"],
                                    position["start"], position["end"]))


def _as_statement(expression: object) -> ast.Node:
    """An expression in a statement's place (a switch input written without parentheses)."""
    if isinstance(expression, ast.Paren):
        return expression.pipeline
    position = _span(expression, expression)
    return make.Pipeline(elements=[make.CommandExpression(expression=expression, **position)],
                        **position)


def _operator_name(token: Token) -> str:
    return SIMPLE_OPERATORS.get(token.type) or token.value


def _reduce(operands: list, operators: list[Token]) -> None:
    right = operands.pop()
    left = operands.pop()
    op = operators.pop()
    operands.append(_at(make.Binary(op=_operator_name(op), left=left, right=right, op_line=op.line,
                                   op_col=op.column), left, right))


class TreeBuilder:
    """One method per grammar rule or alias; each gets the rule's children."""

    # ------------------------------------------------------------------ leaves

    def leaf(self, children: list) -> ast.Node:
        return children[0].value

    def type_expr(self, children: list) -> ast.TypeExpr:
        type_name = children[0].value
        return _at(make.TypeExpr(type=type_name), children[0], children[0])

    # ------------------------------------------------------------------ statements

    def start(self, children: list) -> ast.ScriptBlock:
        return children[0]

    def subexpression(self, children: list) -> ast.StatementBlock:
        return children[0]

    def statements(self, children: list) -> ast.StatementBlock:
        statements = [child for child in children if not isinstance(child, ast.Trap)]
        traps = [child for child in children if isinstance(child, ast.Trap)]
        if not children:
            return make.StatementBlock()
        return _at(make.StatementBlock(statements=statements,
                                      traps=traps), children[0], children[-1])

    def block(self, children: list) -> ast.StatementBlock:
        body = children[1]
        span = _span(children[0], children[2])
        body.start, body.end, body.line, body.col = span["start"], span["end"], span["line"], span["col"]
        return body

    def assignment(self, children: list) -> ast.Assignment:
        left, op, right = children
        if not isinstance(left, ASSIGNABLE):
            check_assignment_target(left, compound=op.value != "=")
        return _at(make.Assignment(left=left, op=op.value, right=right), left, right)

    def if_stmt(self, children: list) -> ast.If:
        clauses = [_at(make.IfClause(condition=children[2],
                                    body=children[4]), children[0], children[4])]
        else_body = None
        for child in children[5:]:
            if isinstance(child, ast.IfClause):
                clauses.append(child)
            else:
                else_body = child
        return _at(make.If(clauses=clauses, else_body=else_body), children[0], children[-1])

    def elseif_clause(self, children: list) -> ast.IfClause:
        return _at(make.IfClause(condition=children[2], body=children[4]), children[0], children[4])

    def else_clause(self, children: list) -> ast.StatementBlock:
        return children[1]

    def labeled_stmt(self, children: list) -> ast.Node:
        label, statement = children
        statement.label = label.value
        statement.start, statement.line, statement.col = label.start_pos, label.line, label.column
        return statement

    def switch_stmt(self, children: list) -> ast.Switch:
        keyword = children[0]
        flags: set[str] = set()
        index = 1
        while type(children[index]) is Token and children[index].type == "PARAMETER":
            flag = switch_flag(children[index].value.name)  # the tokenizer reported a bad one
            if flag is not None:
                flags.add(flag)
            index += 1
        condition = _as_statement(children[index])
        clauses: list[ast.SwitchClause] = []
        default = None
        for clause in children[index + 2]:
            pattern = clause.pattern
            if (isinstance(pattern, ast.StringConstant) and pattern.kind == "bare"
                    and pattern.value.lower() == "default"):
                if default is not None:  # reported; the later one wins, as in PowerShell
                    report_at(pattern, "MultipleSwitchDefaultClauses", semantic=False)
                default = clause.body
            else:
                clauses.append(clause)
        return _at(make.Switch(condition=condition, clauses=clauses, default=default,
                              flags=frozenset(flags)), keyword, children[-1])

    def switch_body(self, children: list) -> list:
        return children

    def switch_clause(self, children: list) -> ast.SwitchClause:
        pattern, body = children
        return _at(make.SwitchClause(pattern=pattern, body=body), pattern, body)

    def foreach_stmt(self, children: list) -> ast.ForEach:
        return _at(make.ForEach(variable=children[2].value, iterable=children[4],
                               body=children[6]), children[0], children[6])

    def for_stmt(self, children: list) -> ast.For:
        parts: list[ast.Node | None] = [None]
        for child in children[2:-2]:
            if type(child) is Token and child.type == "SEMI":
                parts.append(None)
            else:
                parts[-1] = child
        init, condition, iterator = parts
        return _at(make.For(init=init, condition=condition, iterator=iterator,
                           body=children[-1]), children[0], children[-1])

    def while_stmt(self, children: list) -> ast.While:
        return _at(make.While(condition=children[2], body=children[4]), children[0], children[4])

    def do_stmt(self, children: list) -> ast.DoWhile:
        return _at(make.DoWhile(body=children[1], condition=children[4],
                               until=children[2].type == "UNTIL"), children[0], children[5])

    def try_stmt(self, children: list) -> ast.Try:
        catches = [child for child in children[2:] if isinstance(child, ast.CatchClause)]
        finally_body = children[-1] if isinstance(children[-1], ast.StatementBlock) else None
        return _at(make.Try(body=children[1], catches=catches,
                           finally_body=finally_body), children[0], children[-1])

    def catch_clause(self, children: list) -> ast.CatchClause:
        types = [child.value for child in children if type(child) is Token and child.type == "TYPE"]
        return _at(make.CatchClause(types=types, body=children[-1]), children[0], children[-1])

    def finally_clause(self, children: list) -> ast.StatementBlock:
        check_finally(children[1])
        return children[1]

    def trap_stmt(self, children: list) -> ast.Trap:
        trap_type = children[1].value if len(children) == 3 else None
        return _at(make.Trap(type=trap_type, body=children[-1]), children[0], children[-1])

    def _flow(self, node_type: type, children: list) -> ast.Node:
        keyword = children[0]
        operand = children[1] if len(children) > 1 else None
        return _at(node_type(pipeline=operand), keyword, operand or keyword)

    def return_stmt(self, children: list) -> ast.Return:
        return self._flow(ast.Return, children)

    def throw_stmt(self, children: list) -> ast.Throw:
        return self._flow(ast.Throw, children)

    def exit_stmt(self, children: list) -> ast.Exit:
        return self._flow(ast.Exit, children)

    def break_stmt(self, children: list) -> ast.Break:
        return self._flow_label(ast.Break, children)

    def continue_stmt(self, children: list) -> ast.Continue:
        return self._flow_label(ast.Continue, children)

    def _flow_label(self, node_type: type, children: list) -> ast.Node:
        keyword = children[0]
        label = children[1] if len(children) > 1 else None
        return _at(node_type(label=label), keyword, label or keyword)

    # ------------------------------------------------------------------ functions and script blocks

    def function_def(self, children: list) -> ast.FunctionDefinition:
        keyword, name = children[0], children[1]
        params = children[2] if isinstance(children[2], ast.ParamBlock) else None
        left_brace, body, right_brace = children[-3], children[-2], children[-1]
        if params is not None:
            if body.param_block is not None:
                report_at(body.param_block, "OnlyOneParameterListAllowed", semantic=False)
            else:
                check_parameters(params.parameters)
                body.param_block = params
        is_filter = keyword.type == "FILTER"
        if is_filter and body.begin is None and body.process is None and body.end is not None:
            body.process, body.end = body.end, None
        text, inner_help = right_brace.value
        help_text = keyword.value or inner_help or None
        body.text = text
        body.help = help_text
        body.start, body.extent_end, body.line, body.col = (
            left_brace.start_pos, right_brace.end_pos, left_brace.line, left_brace.column)
        return _at(make.FunctionDefinition(name=name.value, body=body, is_filter=is_filter,
                                          help=help_text), keyword, right_brace)

    def function_params(self, children: list) -> ast.ParamBlock:
        return _at(make.ParamBlock(parameters=children[1]), children[0], children[2])

    def script_body(self, children: list) -> ast.ScriptBlock:
        script = make.ScriptBlock()
        attributes: list[ast.Attribute] = []
        for child in children:
            if isinstance(child, ast.Attribute):
                attributes.append(child)
            elif isinstance(child, ast.ParamBlock):
                script.param_block = child
            elif isinstance(child, ast.StatementBlock):
                script.end = child
            else:
                name, block = child
                if name != "dynamicparam":
                    setattr(script, name, block)
        if attributes:
            if script.param_block is None:  # attributes belong to a param block
                report_at(attributes[0], "UnexpectedAttribute", attributes[0].name)
                script.param_block = _at(make.ParamBlock(), attributes[0], attributes[-1])
            script.param_block.attributes = attributes + script.param_block.attributes
        return script

    def named_block(self, children: list) -> tuple[str, ast.StatementBlock]:
        block = self.block(children[1:])
        return children[0].value, block

    def missing_named_block(self, children: list) -> tuple[str, ast.StatementBlock]:
        name = children[0]
        source = SourceText(name.value)  # only for the message; the position comes from the token
        issue = make_issue("MissingNamedStatementBlock", source, 0, 0, name.value)
        issue.line, issue.col = name.line, name.column + len(name)
        issue.offset = issue.end_offset = name.end_pos
        report(issue)
        return name.value, _at(make.StatementBlock(), name, name)

    def param_block(self, children: list) -> ast.ParamBlock:
        check_parameters(children[2])
        return _at(make.ParamBlock(parameters=children[2]), children[0], children[3])

    def param_list(self, children: list) -> list[ast.Parameter]:
        return [child for child in children if isinstance(child, ast.Parameter)]

    def parameter(self, children: list) -> ast.Parameter:
        attributes: list[ast.Attribute] = []
        type_name = None
        for index, child in enumerate(children):
            if isinstance(child, ast.Attribute):
                attributes.append(child)
            elif child.type == "TYPE":
                type_name = child.value
            else:
                default = children[index + 2] if index + 2 < len(children) else None
                parameter = make.Parameter(name=child.value.name, attributes=attributes,
                                          type=type_name, default=default, variable=child.value)
                return _at(parameter, children[0], children[-1])
        raise AssertionError("the grammar guarantees a parameter variable")

    def attribute(self, children: list) -> ast.Attribute:
        positional: list[ast.Node] = []
        named: list[tuple[str, ast.Node | None]] = []
        for child in children[1:-2]:
            if type(child) is Token:
                continue
            kind, name, value = child
            if kind == "named":
                named.append((name, value))
            else:
                positional.append(value)
        return _at(make.Attribute(name=children[0].value, positional=positional,
                                 named=named), children[0], children[-1])

    def attribute_argument(self, children: list) -> tuple[str, str, object]:
        first = children[0]
        if type(first) is Token and first.type == "ATTR_NAME":
            return "named", first.value, children[1]
        if type(first) is Token and first.type == "ATTR_FLAG":
            return "named", first.value, None
        return "positional", "", first

    # ------------------------------------------------------------------ pipelines and commands

    def pipeline(self, children: list) -> ast.Pipeline:
        elements = [child for child in children if type(child) is not Token]
        return _at(make.Pipeline(elements=elements), elements[0], elements[-1])

    def expression_command(self, children: list) -> ast.CommandExpression:
        return _at(make.CommandExpression(expression=children[0],
                                         redirections=children[1:]), children[0], children[-1])

    def _command(self, children: list, invocation: str | None) -> ast.Command:
        elements: list[ast.Node] = []
        redirections: list[ast.Redirection] = []
        for child in children:
            if isinstance(child, ast.Redirection):
                redirections.append(child)
            else:
                elements.append(child)
        return _at(make.Command(elements=elements, invocation=invocation,
                               redirections=redirections), children[0], children[-1])

    def command(self, children: list) -> ast.Command:
        children[0] = children[0].value
        return self._command(children, None)

    def invoked_command(self, children: list) -> ast.Command:
        invoke = children[0]
        command = self._command(children[1:], invoke.value)
        command.start, command.line, command.col = invoke.start_pos, invoke.line, invoke.column
        return command

    def command_parameter(self, children: list) -> ast.CommandParameter:
        parameter = children[0].value
        if len(children) == 2:
            parameter.argument = children[1]
            parameter.end = children[1].end
        return parameter

    def command_argument(self, children: list) -> ast.Node:
        if len(children) == 1:
            return children[0]
        elements = [child for child in children if type(child) is not Token]
        return _at(make.ArrayLiteral(elements=elements), elements[0], elements[-1])

    def redirection(self, children: list) -> ast.Redirection:
        node = children[0].value
        if len(children) == 2:
            node.target = children[1]
            node.end = children[1].end
        return node

    # ------------------------------------------------------------------ expressions

    def expression(self, children: list) -> ast.Node:
        """Operands and binary operators in source order, combined by precedence (all left-assoc)."""
        operands = [children[0]]
        operators: list[Token] = []
        for index in range(1, len(children), 2):
            operator = children[index]
            precedence = PRECEDENCE[operator.type]
            while operators and PRECEDENCE[operators[-1].type] >= precedence:
                _reduce(operands, operators)
            operators.append(operator)
            operands.append(children[index + 1])
        while operators:
            _reduce(operands, operators)
        return operands[0]

    expression_nc = expression

    def array_literal(self, children: list) -> ast.ArrayLiteral:
        elements = children[::2]
        return _at(make.ArrayLiteral(elements=elements), elements[0], elements[-1])

    def unary_op(self, children: list) -> ast.Node:
        op, operand = children
        name = _operator_name(op)
        if (name == "-" and isinstance(operand, ast.Constant) and op.end_pos == operand.start
                and not isinstance(operand.value, bool)):
            value = -operand.value
            clr_type = operand.clr_type
            if clr_type in ("System.Int32", "System.Int64", "System.Decimal") and isinstance(value, int):
                value, clr_type = integer_literal(value)
            return _at(make.Constant(value=value, text="-" + operand.text,
                                    clr_type=clr_type), op, operand)
        return _at(make.Unary(op=name, operand=operand), op, operand)

    def convert(self, children: list) -> ast.Convert:
        type_token, operand = children
        node = _at(make.Convert(type=type_token.value, operand=operand), type_token, operand)
        if type(operand) is ast.Convert:
            check_ref_conversion(node)
        return node

    def member(self, children: list) -> ast.Member:
        target, _, name = children
        return _at(make.Member(target=target, member=_leaf(name)), target, name)

    def static_member(self, children: list) -> ast.Member:
        target, _, name = children
        return _at(make.Member(target=target, member=_leaf(name), static=True), target, name)

    def invoke_member(self, children: list) -> ast.InvokeMember:
        target, _, name, _, arguments, close = children
        return _at(make.InvokeMember(target=target, member=_leaf(name),
                                    arguments=arguments), target, close)

    def static_invoke(self, children: list) -> ast.InvokeMember:
        node = self.invoke_member(children)
        node.static = True
        return node

    def index(self, children: list) -> ast.Index:
        target, _, index, close = children
        return _at(make.Index(target=target, index=index), target, close)

    def postfix_op(self, children: list) -> ast.Unary:
        operand, op = children
        return _at(make.Unary(op="post" + op.value, operand=operand), operand, op)

    def call_arguments(self, children: list) -> list:
        return [child for child in children if type(child) is not Token]

    def paren(self, children: list) -> ast.Paren:
        return _at(make.Paren(pipeline=children[1]), children[0], children[2])

    def sub_expression(self, children: list) -> ast.SubExpression:
        return _at(make.SubExpression(body=self.block(children)), children[0], children[2])

    def array_expression(self, children: list) -> ast.ArrayExpression:
        return _at(make.ArrayExpression(body=self.block(children)), children[0], children[2])

    def hashtable(self, children: list) -> ast.Hashtable:
        return _at(make.Hashtable(entries=children[1]), children[0], children[2])

    def hash_body(self, children: list) -> list:
        return children

    def hash_entry(self, children: list) -> ast.HashEntry:
        key, op, value = children
        key = _leaf(key)
        if op.value != "=":
            raise _problem_at(op, "MissingEqualsInHashLiteral")
        return _at(make.HashEntry(key=key, value=value), key, value)

    def script_block(self, children: list) -> ast.ScriptBlockExpr:
        left, script, right = children
        script.text, script.help = right.value
        span = _span(left, right)
        script.start, script.extent_end, script.line, script.col = (
            span["start"], span["end"], span["line"], span["col"])
        return make.ScriptBlockExpr(block=script, **span)
