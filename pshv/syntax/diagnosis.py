"""Turns a failed LALR parse into PowerShell's error: ErrorId, message and position."""

from __future__ import annotations

from pshv.syntax.errors import ParseIssue, make_issue
from pshv.syntax.lexer import Frame
from pshv.syntax.source import SourceText
from pshv.syntax.tokens import Token

VALUE_OPERATORS = frozenset({"OP_COMPARE", "OP_BITWISE", "OP_LOGICAL", "OP_FORMAT", "PLUS", "MINUS",
                             "MUL_OP", "DOTDOT", "ASSIGN_OP"})
UNCLOSED = {
    "block": "MissingEndCurlyBrace", "switch": "MissingEndCurlyBrace", "hash": "MissingEndCurlyBrace",
    "paren": "MissingEndParenthesisInExpression", "foreach": "MissingEndParenthesisInExpression",
    "for": "MissingEndParenthesisInExpression", "attr": "MissingEndParenthesisInExpression",
    "sub": "MissingEndParenthesisInSubexpression", "call": "MissingEndParenthesisInMethodCall",
    "params": "MissingEndParenthesisInFunctionParameterList", "index": "MissingEndSquareBracket",
}
MISSING_BODY = {
    "IF": ("MissingStatementBlock", "if"), "ELSEIF": ("MissingStatementBlock", "elseif"),
    "ELSE": ("MissingStatementBlockAfterElse",), "WHILE": ("MissingLoopStatement", "while"),
    "FOR": ("MissingLoopStatement", "for"), "FOREACH": ("MissingForeachStatement",),
    "TRY": ("MissingTryStatement",), "FUNCTION": ("MissingFunctionBody",),
    "FILTER": ("MissingFunctionBody",),
}


def describe_failure(token: Token | None, expected: set[str], previous: Token | None,
                     frames: list[Frame], source: SourceText) -> ParseIssue:
    """The issue for a parse that stopped at `token` (None: the input ended early).

    `expected` names the terminals the parser could have taken there, `previous` is the last
    token it did take and `frames` are the tokenizer's open brackets.
    """
    at_end = token is None or token.type == "$END" or (
        token.type == "_SEP" and token.value == "" and token.start_pos >= len(source.text))

    def after(error_id: str, *args: object) -> ParseIssue:
        offset = previous.end_pos if previous is not None else len(source.text)
        return make_issue(error_id, source, offset, offset, *args, incomplete=at_end)

    if previous is not None:
        if previous.type in VALUE_OPERATORS:
            return after("ExpectedValueExpression", _operator_text(previous))
        if previous.type == "UNARY_OP":
            return after("MissingExpressionAfterOperator", previous.value)
        if previous.type == "COMMA":
            return after("MissingExpressionAfterToken", ",")
        if previous.type == "PIPE":
            return after("EmptyPipeElement")
        if previous.type == "REDIRECT_FILE":
            return after("MissingFileSpecification")
    if "CATCH" in expected and "FINALLY" in expected:
        return after("MissingCatchOrFinally")
    frame = frames[-1] if frames else None
    if frame is not None and "LBRACE" in expected and frame.keyword in MISSING_BODY:
        return after(*MISSING_BODY[frame.keyword])
    if {"WHILE", "UNTIL"} <= expected:
        return after("MissingWhileOrUntilInDoWhile")
    if frame is not None and frame.kind == "hash" and "ASSIGN_OP" in expected:
        return after("MissingEqualsInHashLiteral")
    if at_end and frame is not None and frame.kind in UNCLOSED:
        error_id = UNCLOSED[frame.kind]
        if error_id == "MissingEndCurlyBrace":
            return make_issue(error_id, source, frame.open_pos, frame.open_pos + 1, incomplete=True)
        return after(error_id)
    if at_end:
        return after("MissingExpressionAfterToken", str(previous) if previous is not None else "")
    if token.type == "_SEP" and frame is not None and frame.kind in ("paren", "foreach"):
        return make_issue("MissingEndParenthesisInExpression", source, token.start_pos, token.start_pos)
    text = str(token) or source.text[token.start_pos:token.start_pos + 1]
    return make_issue("UnexpectedToken", source, token.start_pos, token.end_pos, text)


def _operator_text(token: object) -> str:
    text = str(token)
    return "-" + text[1:] if text[:1] in "\u2013\u2014\u2015" else text
