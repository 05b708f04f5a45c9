"""Parse errors with PowerShell's ErrorIds and messages."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

from pshv.syntax.source import SourceText

MESSAGES: dict[str, str] = {
    "MissingEndCurlyBrace": "Missing closing '}' in statement block or type definition.",
    "MissingEndParenthesisInExpression": "Missing closing ')' in expression.",
    "MissingEndParenthesisInSubexpression": "Missing closing ')' in subexpression.",
    "MissingEndParenthesisInMethodCall": "Missing ')' in method call.",
    "MissingEndParenthesisInFunctionParameterList": "Missing ')' in function parameter list.",
    "MissingEndSquareBracket": "Missing ']' after array index expression.",
    "UnexpectedToken": "Unexpected token '{0}' in expression or statement.",
    "ExpectedValueExpression": "You must provide a value expression following the '{0}' operator.",
    "MissingExpressionAfterToken": "Missing expression after '{0}'.",
    "MissingExpressionAfterOperator": "Missing expression after unary operator '{0}'.",
    "EmptyPipeElement": "An empty pipe element is not allowed.",
    "ExpressionsMustBeFirstInPipeline": "Expressions are only allowed as the first element of a pipeline.",
    "MissingEqualsInHashLiteral": "Missing '=' operator after key in hash literal.",
    "InvalidLeftHandSide": (
        "The assignment expression is not valid. The input to an assignment operator must be an "
        "object that is able to accept assignments, such as a variable or a property."
    ),
    "MissingStatementBlock": "Missing statement block after {0} ( condition ).",
    "MissingStatementBlockAfterElse": "Missing statement block after 'else' keyword.",
    "MissingLoopStatement": "Missing statement body in {0} loop.",
    "MissingForeachStatement": (
        "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"
    ),
    "MissingTryStatementBlock": "The Try statement is missing its statement block.",
    "MissingCatchHandlerBlock": "The Catch block is missing its statement block.",
    "MissingFinallyStatementBlock": "The Finally block is missing its statement block.",
    "MissingTypeLiteralToken": "Missing type literal.",
    "MissingTrapStatement": "The 'trap' statement was incomplete. A trap statement requires a body.",
    "MissingNamedStatementBlock": "Missing statement block after '{0}'.",
    "MissingEndParenthesisAfterStatement": "Missing closing ')' after expression in '{0}' statement.",
    "MissingExpressionAfterKeyword": "Missing expression after '{0}' in loop.",
    "IfStatementMissingCondition": "Missing condition in if statement after '{0} ('.",
    "MissingVariableNameAfterForeach": (
        "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}"
    ),
    "MissingInInForeach": (
        "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"
    ),
    "MissingForeachExpression": (
        "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"
    ),
    "MissingEndParenthesisAfterForeach": (
        "Missing closing ')' after expression part of foreach loop.\n"
        "The correct form is: foreach ($a in $b) {...}"
    ),
    "PipelineValueRequired": (
        "A switch statement must have one of the following:  '-file file_name' or '( expression )'."
    ),
    "MissingCurlyBraceInSwitchStatement": "Missing '{' in switch statement.",
    "MissingSwitchConditionExpression": "Missing condition in switch statement clause.",
    "MissingSwitchStatementClause": "Missing statement block in switch statement clause.",
    "ParameterRequiresArgument": "Parameter {0} requires an argument.",
    "MissingExpression": "Missing expression after '{0}' in pipeline element.",
    "ControlLeavingFinally": "Flow of control cannot leave a Finally block.",
    "DuplicateFormalParameter": "Duplicate parameter ${0} in parameter list.",
    "UnexpectedAttribute": "Unexpected attribute '{0}'.",
    "ReferenceNeedsToBeByItselfInTypeSequence": "Cannot have two occurrences of [ref] in a type sequence.",
    "ReferenceNeedsToBeLastTypeInTypeConversion": (
        "[ref] can only be the final type in type conversion sequence."
    ),
    "ReferenceNeedsToBeByItselfInTypeConstraint": "Cannot use [ref] with other types in a type constraint.",
    "MissingCatchOrFinally": "The Try statement is missing its Catch or Finally block.",
    "MissingFunctionBody": "Missing function body in function declaration.",
    "MissingNameAfterKeyword": "Missing name after {0} keyword.",
    "MissingOpenParenthesisInIfStatement": "Missing '(' after '{0}' in if statement.",
    "MissingOpenParenthesisAfterKeyword": "Missing opening '(' after keyword '{0}'.",
    "MissingWhileOrUntilInDoWhile": "Missing while or until keyword in do loop.",
    "MissingFileSpecification": "Missing file specification after redirection operator.",
    "RedirectionNotSupported": "The '{0}' operator is reserved for future use.",
    "MissingTypename": "Missing type name after '['.",
    "EndSquareBracketExpectedAtEndOfType": "Missing ] at end of type token.",
    "TerminatorExpectedAtEndOfString": "The string is missing the terminator: {0}.",
    "WhitespaceBeforeHereStringFooter": "White space is not allowed before the string terminator.",
    "UnexpectedCharactersAfterHereStringHeader": (
        "No characters are allowed after a here-string header but before the end of the line."
    ),
    "MissingEndMultiLineComment": "The terminator '{0}' is missing from the multiline comment.",
    "InvalidVariableReference": (
        "Variable reference is not valid. '$' was not followed by a valid variable name character. "
        "Consider using ${} to delimit the name."
    ),
    "InvalidVariableReferenceWithDrive": (
        "Variable reference is not valid. ':' was not followed by a valid variable name character. "
        "Consider using ${} to delimit the name."
    ),
    "EmptyVariableReference": (
        "An empty ${} variable reference was found. A name is required inside the braces."
    ),
    "IncompleteDollarVariableReference": "${variable} reference starting is missing the closing '}'.",
    "BadNumericConstant": "The numeric constant {0} is not valid.",
    "SplattingNotPermitted": (
        "The splatting operator '@' cannot be used to reference variables in an expression. "
        "'@{0}' can be used only as an argument to a command. To reference variables in an "
        "expression use '${0}'."
    ),
    "MissingArgument": "Missing argument in parameter list.",
    "MissingFilenameOption": (
        "Cannot process the 'switch' statement because of a missing file name argument to the "
        "-file option."
    ),
    "InvalidSwitchFlag": "The parameter {0} is not valid for the switch statement.",
    "MultipleSwitchDefaultClauses": "A switch statement can have only one default clause.",
    "OnlyOneParameterListAllowed": (
        "The param statement cannot be used if arguments were specified in the function declaration."
    ),
}


@dataclass(slots=True)
class ParseIssue:
    """One syntax error: PowerShell's ErrorId, its message and where it is."""

    error_id: str
    message: str
    line: int
    col: int
    offset: int
    end_offset: int
    incomplete: bool = False


def make_issue(
    error_id: str,
    source: SourceText,
    offset: int,
    end_offset: int | None = None,
    *args: object,
    incomplete: bool = False,
) -> ParseIssue:
    """Build an issue with the message for `error_id` formatted with `args`."""
    line, col = source.position(offset)
    message = MESSAGES[error_id].format(*args) if args else MESSAGES[error_id]
    return ParseIssue(
        error_id, message, line, col, offset, offset if end_offset is None else end_offset, incomplete
    )


class ParseError(Exception):
    """The script has syntax errors; `errors` lists them in source order."""

    def __init__(self, errors: list[ParseIssue], text: str):
        super().__init__("\n".join(issue.message for issue in errors))
        self.errors = errors
        self.text = text

    @property
    def incomplete(self) -> bool:
        """True when the only problem is that the input ended too early."""
        return bool(self.errors) and all(issue.incomplete for issue in self.errors)


class SyntaxProblem(Exception):
    """Raised inside the parser machinery to stop at one issue; becomes a ParseError."""

    def __init__(self, issue: ParseIssue):
        super().__init__(issue.message)
        self.issue = issue



@dataclass
class Diagnostics:
    """The errors one parse reports without stopping, as PowerShell goes on and reports them all.

    `syntax` are the parser's own (a switch flag it does not know, a named block without its
    body...); `semantic` are the checks PowerShell runs on the finished tree (a duplicate
    parameter, control leaving a finally block...), which it lists after every syntax error.
    """

    syntax: list[ParseIssue] = field(default_factory=list)
    semantic: list[ParseIssue] = field(default_factory=list)

    def all_issues(self, fatal: ParseIssue | None = None) -> list[ParseIssue]:
        """Every issue in PowerShell's order; none past `fatal`, where the parse stopped."""
        syntax = self.syntax
        if fatal is not None:
            syntax = [issue for issue in syntax if issue.offset <= fatal.offset] + [fatal]
        ordered = sorted(syntax, key=_offset) + sorted(self.semantic, key=_offset)
        seen: set[tuple[str, int, int]] = set()
        unique = []
        for issue in ordered:  # PowerShell drops an error reported twice at the same place
            key = (issue.error_id, issue.offset, issue.end_offset)
            if key not in seen:
                seen.add(key)
                unique.append(issue)
        return unique


def _offset(issue: ParseIssue) -> int:
    return issue.offset


CURRENT_DIAGNOSTICS: ContextVar[Diagnostics | None] = ContextVar("pshv_diagnostics", default=None)


def withdraw(error_id: str, offset: int) -> None:
    """Take back a semantic error a later, wider check replaces (e.g. for an assignment target)."""
    diagnostics = CURRENT_DIAGNOSTICS.get()
    if diagnostics is not None:
        diagnostics.semantic = [issue for issue in diagnostics.semantic
                                if (issue.error_id, issue.offset) != (error_id, offset)]


def report(issue: ParseIssue, *, semantic: bool = False) -> None:
    """Record an error and go on parsing (outside `parse`, e.g. while highlighting: ignored)."""
    diagnostics = CURRENT_DIAGNOSTICS.get()
    if diagnostics is not None:
        (diagnostics.semantic if semantic else diagnostics.syntax).append(issue)
