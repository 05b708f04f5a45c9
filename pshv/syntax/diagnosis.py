"""Turns a failed LALR parse into PowerShell's errors: ErrorIds, messages and positions.

PowerShell's recursive-descent parser reports each error where its rule gives up: after the
keyword whose '(' is missing, at the '{' whose '}' never comes, after the last part of a
foreach header... The LALR parser only knows the token it could not take; the tokenizer's
open brackets (with the keyword that opened each) and the tokens before say which rule that
was. Where PowerShell reports an error and goes on to report a second, both are given.
"""

from __future__ import annotations

from typing import Callable

from pshv.syntax.errors import ParseIssue, make_issue, report
from pshv.syntax.lexer import Frame, switch_flag
from pshv.syntax.source import SourceText
from pshv.syntax.tokens import Token

VALUE_OPERATORS = frozenset({"OP_COMPARE", "OP_BITWISE", "OP_LOGICAL", "OP_FORMAT", "PLUS", "MINUS",
                             "MUL_OP", "DOTDOT", "ASSIGN_OP"})
# Tokens that start an expression: after a pipe, one is an expression in a command's place.
EXPRESSION_STARTS = frozenset({"VARIABLE", "NUMBER", "STRING", "LPAREN", "DOLLAR_LPAREN",
                               "AT_LPAREN", "AT_LBRACE", "TYPE", "UNARY_OP", "LBRACE"})
UNCLOSED = {
    "block": "MissingEndCurlyBrace", "switch": "MissingEndCurlyBrace", "hash": "MissingEndCurlyBrace",
    "paren": "MissingEndParenthesisInExpression", "attr": "MissingEndParenthesisInExpression",
    "sub": "MissingEndParenthesisInSubexpression", "call": "MissingEndParenthesisInMethodCall",
    "params": "MissingEndParenthesisInFunctionParameterList", "index": "MissingEndSquareBracket",
}
# A statement keyword, or what ends its header, followed by something other than its '{'.
MISSING_BODY = {
    "IF": ("MissingStatementBlock", "if"), "ELSEIF": ("MissingStatementBlock", "elseif"),
    "ELSE": ("MissingStatementBlockAfterElse",), "WHILE": ("MissingLoopStatement", "while"),
    "FOR": ("MissingLoopStatement", "for"), "FOREACH": ("MissingForeachStatement",),
    "DO": ("MissingLoopStatement", "do"), "TRY": ("MissingTryStatementBlock",),
    "CATCH": ("MissingCatchHandlerBlock",), "FINALLY": ("MissingFinallyStatementBlock",),
    "TRAP": ("MissingTrapStatement",), "FUNCTION": ("MissingFunctionBody",),
    "FILTER": ("MissingFunctionBody",),
}
# Keywords whose '(' is missing.
OPEN_PAREN_AFTER = {"FOR": "for", "FOREACH": "foreach", "DO_WHILE": "while", "DO_UNTIL": "until"}


class _Failure:
    """Where the parse stopped and how to place an error there."""

    def __init__(self, token: Token | None, previous: Token | None, source: SourceText):
        self.token = token
        self.previous = previous
        self.source = source
        self.at_end = token is None or token.type == "$END" or (
            token.type == "_SEP" and token.value == "" and token.start_pos >= len(source.text))

    def after(self, error_id: str, *args: object, behind: Token | None = None) -> ParseIssue:
        """`error_id` just after `behind` (by default the last token taken)."""
        behind = behind or self.previous
        offset = behind.end_pos if behind is not None else len(self.source.text)
        return make_issue(error_id, self.source, offset, offset, *args, incomplete=self.at_end)

    def at(self, error_id: str, *args: object, where: Token | None = None) -> ParseIssue:
        """`error_id` on the token `where` (by default the one the parser could not take)."""
        where = where or self.token
        if where is None or where.type == "$END":
            end = len(self.source.text)
            return make_issue(error_id, self.source, end, end, *args, incomplete=True)
        return make_issue(error_id, self.source, where.start_pos, where.end_pos, *args,
                          incomplete=self.at_end)


def describe_failure(token: Token | None, expected: set[str], previous: Token | None,
                     frames: list[Frame], source: SourceText) -> ParseIssue:
    """The issue for a parse that stopped at `token` (None: the input ended early).

    `expected` names the terminals the parser could have taken there, `previous` is the last
    token it did take and `frames` are the tokenizer's open brackets. An error PowerShell
    reports before this one is passed to `report`.
    """
    failure = _Failure(token, previous, source)
    frame = frames[-1] if frames else None
    if (token is not None and token.type != "$END" and len(frames) > 1
            and token.start_pos <= frame.open_pos < token.end_pos):
        frame = frames[-2]  # the failing token opened this bracket: the rule is the one around it
    for rule in RULES:
        issue = rule(failure, expected, frame)
        if issue is not None:
            return issue
    raise AssertionError("the last rule always answers")


Rule = Callable[[_Failure, set, "Frame | None"], "ParseIssue | None"]


def _after_operator(failure: _Failure, expected: set[str], frame: Frame | None) -> ParseIssue | None:
    previous, token = failure.previous, failure.token
    if previous is None:
        if token is not None and token.type == "PIPE":
            return failure.at("EmptyPipeElement")
        return None
    kind = previous.type
    if kind == "COMMA" and frame is not None and frame.keyword == "CATCH":
        return failure.after("MissingTypeLiteralToken")
    if kind in VALUE_OPERATORS:
        return failure.after("ExpectedValueExpression", _operator_text(previous))
    if kind == "UNARY_OP":
        return failure.after("MissingExpressionAfterOperator", previous.value)
    if kind == "COMMA":
        if frame is not None and frame.value_mode == "args":
            return failure.after("MissingExpression", ",")
        return failure.after("MissingExpressionAfterToken", ",")
    if kind == "PIPE":
        if token is not None and token.type in EXPRESSION_STARTS:
            return failure.at("ExpressionsMustBeFirstInPipeline")
        return failure.after("EmptyPipeElement")
    if kind == "PARAM_COLON":
        return failure.after("ParameterRequiresArgument", str(previous))
    if kind == "REDIRECT_FILE":
        return failure.after("MissingFileSpecification")
    return None


def _stray_token(failure: _Failure, expected: set[str], frame: Frame | None) -> ParseIssue | None:
    token = failure.token
    if token is None:
        return None
    if token.type == "SPLAT":
        return failure.at("SplattingNotPermitted", token.value.name)
    if token.type == "BAD" and str(token) == "|":  # a pipeline that starts with '|'
        return failure.at("EmptyPipeElement")
    if token.type == "COMMA" and frame is not None and frame.value_mode == "args":
        return failure.at("MissingArgument")
    return None


def _keyword_without_paren(failure: _Failure, expected: set[str], frame: Frame | None
                           ) -> ParseIssue | None:
    previous = failure.previous
    if previous is None or "LPAREN" not in expected:
        return None
    kind = previous.type
    if kind in ("IF", "ELSEIF"):
        return failure.after("MissingOpenParenthesisInIfStatement", str(previous))
    if kind == "WHILE" and frame is not None and frame.keyword == "WHILE":
        return failure.after("MissingOpenParenthesisAfterKeyword", str(previous))
    keyword = OPEN_PAREN_AFTER.get(frame.keyword if frame is not None and kind in (
        "WHILE", "UNTIL") else kind)
    if keyword is not None:
        return failure.after("MissingOpenParenthesisAfterKeyword", keyword)
    return None


def _switch(failure: _Failure, expected: set[str], frame: Frame | None) -> ParseIssue | None:
    previous, token = failure.previous, failure.token
    if frame is None or previous is None:
        return None
    if frame.opener == "SWITCH" and token is not None and token.type == "LPAREN":
        return failure.at("PipelineValueRequired")  # `switch -file a (1)`: a file and a condition
    header = frame.awaiting == "switch"  # between `switch` and its '{'
    if previous.type == "LPAREN" and (frame.opener == "SWITCH" or (
            header and token is not None and token.type == "RPAREN")):
        # `switch (` or `switch ()`: nothing inside
        issue = failure.after("PipelineValueRequired")
        if token is not None and token.type == "RPAREN":  # PowerShell goes on to the '{'
            report(issue)
            return failure.after("MissingCurlyBraceInSwitchStatement", behind=token)
        return issue
    if not header:
        return _switch_body(failure, frame)
    if previous.type in ("SWITCH", "PARAMETER"):  # no condition yet
        if previous.type == "PARAMETER" and switch_flag(previous.value.name) == "file":
            return failure.after("MissingFilenameOption")
        return failure.after("PipelineValueRequired")
    if token is not None and token.type == "LPAREN":  # `switch -file a (1)`
        return failure.at("PipelineValueRequired")
    return failure.after("MissingCurlyBraceInSwitchStatement")


def _switch_body(failure: _Failure, frame: Frame) -> ParseIssue | None:
    if frame.kind != "switch" or failure.previous is None:
        return None
    if failure.previous.type in ("LBRACE", "RBRACE", "_SEP"):
        if failure.at_end:
            return failure.after("MissingSwitchConditionExpression")
        return None
    return failure.after("MissingSwitchStatementClause")


def _header(failure: _Failure, expected: set[str], frame: Frame | None) -> ParseIssue | None:
    """Inside the parentheses of if, while, do-while, for and foreach."""
    if frame is None or not frame.opener or frame.opener == "SWITCH":
        return None
    previous, token, opener = failure.previous, failure.token, frame.opener
    empty = previous is not None and previous.type == "LPAREN"
    if opener in ("IF", "ELSEIF"):
        keyword = failure.source.text[_keyword_start(failure.source.text, frame.open_pos):frame.open_pos]
        if empty and failure.at_end:
            return failure.after("IfStatementMissingCondition", keyword.strip())
        if failure.at_end:
            return failure.at("MissingEndParenthesisAfterStatement", keyword.strip())
        if token is not None and token.type != "RPAREN":
            report(failure.at("UnexpectedToken", _token_text(token, failure.source)))
            return failure.at("MissingEndParenthesisAfterStatement", keyword.strip())
        return None
    if opener in ("WHILE", "DO_WHILE", "DO_UNTIL"):
        keyword = "until" if opener == "DO_UNTIL" else "while"
        if empty and (failure.at_end or token.type == "RPAREN"):
            return failure.after("MissingExpressionAfterKeyword", keyword)
        if failure.at_end:
            return failure.after("MissingEndParenthesisAfterStatement", keyword)
        if token is not None and token.type != "RPAREN":
            report(failure.at("UnexpectedToken", _token_text(token, failure.source)))
            return failure.after("MissingEndParenthesisAfterStatement", keyword)
        return None
    if opener == "FOR" and (failure.at_end or (token is not None and token.type not in (
            "RPAREN", "SEMI"))):
        return failure.after("MissingEndParenthesisAfterStatement", "for")
    if opener == "FOREACH":
        if empty:
            return failure.after("MissingVariableNameAfterForeach")
        if previous is not None and previous.type == "VARIABLE" and "IN" in expected:
            return failure.after("MissingInInForeach")
        if previous is not None and previous.type == "IN":
            return failure.after("MissingForeachExpression")
        if failure.at_end or (token is not None and token.type != "RPAREN"):
            return failure.after("MissingEndParenthesisAfterForeach")
    if opener in ("PARAM", "") and frame.kind == "params" and token is not None and (
            failure.at_end or token.type in ("RBRACE", "LBRACE")):
        return failure.after("MissingEndParenthesisInFunctionParameterList")
    return None


def _missing_body(failure: _Failure, expected: set[str], frame: Frame | None) -> ParseIssue | None:
    previous = failure.previous
    if frame is None or previous is None or "LBRACE" not in expected:
        return None
    if previous.type == "TRY" or (previous.type in ("CATCH", "FINALLY", "DO") and frame.keyword in (
            "CATCH", "FINALLY", "DO")):
        return failure.after(*MISSING_BODY[previous.type])
    if frame.keyword in ("IF", "ELSEIF") and previous.type == "RPAREN":
        return failure.at(*MISSING_BODY[frame.keyword], where=previous)
    if frame.keyword in MISSING_BODY:
        return failure.after(*MISSING_BODY[frame.keyword])
    return None


def _statement_shape(failure: _Failure, expected: set[str], frame: Frame | None
                     ) -> ParseIssue | None:
    previous = failure.previous
    if "CATCH" in expected and "FINALLY" in expected:
        return failure.after("MissingCatchOrFinally")
    if previous is not None and previous.type in ("FUNCTION", "FILTER") and "FUNC_NAME" in expected:
        return failure.after("MissingNameAfterKeyword", str(previous))
    if {"WHILE", "UNTIL"} <= expected:
        return failure.after("MissingWhileOrUntilInDoWhile")
    if frame is not None and frame.kind == "hash" and "ASSIGN_OP" in expected:
        return failure.after("MissingEqualsInHashLiteral")
    return None


def _unclosed(failure: _Failure, expected: set[str], frame: Frame | None) -> ParseIssue | None:
    if not failure.at_end or frame is None or frame.kind not in UNCLOSED:
        return None
    error_id = UNCLOSED[frame.kind]
    if frame.kind == "hash":  # PowerShell places it just after the '@{'
        return make_issue(error_id, failure.source, frame.open_pos + 1, frame.open_pos + 1,
                          incomplete=True)
    if error_id == "MissingEndCurlyBrace":
        return make_issue(error_id, failure.source, frame.open_pos, frame.open_pos + 1, incomplete=True)
    return failure.after(error_id)


def _unexpected(failure: _Failure, expected: set[str], frame: Frame | None) -> ParseIssue:
    token = failure.token
    if failure.at_end:
        previous = failure.previous
        return failure.after("MissingExpressionAfterToken", str(previous) if previous is not None else "")
    if token.type == "_SEP" and frame is not None and frame.kind in ("paren", "foreach"):
        return make_issue("MissingEndParenthesisInExpression", failure.source, token.start_pos,
                          token.start_pos)
    return failure.at("UnexpectedToken", _token_text(token, failure.source))


RULES: tuple[Rule, ...] = (_after_operator, _stray_token, _keyword_without_paren, _switch, _header,
                           _missing_body, _statement_shape, _unclosed, _unexpected)


def _token_text(token: Token, source: SourceText) -> str:
    return str(token) or source.text[token.start_pos:token.start_pos + 1]


def _keyword_start(text: str, paren: int) -> int:
    """Where the keyword before the '(' at `paren` starts (white space between is allowed)."""
    end = paren
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start


def _operator_text(token: object) -> str:
    text = str(token)
    return "-" + text[1:] if text[:1] in "\u2013\u2014\u2015" else text
