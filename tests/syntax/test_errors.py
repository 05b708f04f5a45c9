"""Syntax errors carry PowerShell's ErrorId, message, position and the `incomplete` flag."""

import pytest

from pshv.syntax import ParseError, parse


def issue_of(text: str):
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert caught.value.text == text
    assert str(caught.value) == "\n".join(i.message for i in caught.value.errors)
    return caught.value.errors[0]


@pytest.mark.parametrize("text, error_id, message, line, col, incomplete", [
    ("if ($x) {\n  1\n", "MissingEndCurlyBrace",
     "Missing closing '}' in statement block or type definition.", 1, 9, True),
    ("(1 + 2", "MissingEndParenthesisInExpression", "Missing closing ')' in expression.", 1, 7, True),
    ("1 2", "UnexpectedToken", "Unexpected token '2' in expression or statement.", 1, 3, False),
    ("$x = 1 }", "UnexpectedToken", "Unexpected token '}' in expression or statement.", 1, 8, False),
    ("1 +", "ExpectedValueExpression",
     "You must provide a value expression following the '+' operator.", 1, 4, True),
    ("$x =", "ExpectedValueExpression",
     "You must provide a value expression following the '=' operator.", 1, 5, True),
    ("$a -eq )", "ExpectedValueExpression",
     "You must provide a value expression following the '-eq' operator.", 1, 7, False),
    ("1,", "MissingExpressionAfterToken", "Missing expression after ','.", 1, 3, True),
    ("Get-VM | | Sort", "EmptyPipeElement", "An empty pipe element is not allowed.", 1, 9, False),
    ("Get-VM |", "EmptyPipeElement", "An empty pipe element is not allowed.", 1, 9, True),
    ("@{ a }", "MissingEqualsInHashLiteral", "Missing '=' operator after key in hash literal.",
     1, 5, False),
    ("1 = 2", "InvalidLeftHandSide",
     "The assignment expression is not valid. The input to an assignment operator must be an "
     "object that is able to accept assignments, such as a variable or a property.", 1, 1, False),
    # PowerShell places it on the ')' itself (rParen.Extent in its IfStatementRule)
    ("if ($x) 5", "MissingStatementBlock", "Missing statement block after if ( condition ).",
     1, 7, False),
    ("try { 1 }", "MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block.",
     1, 10, True),
    ("try { 1 }\n$x", "MissingCatchOrFinally",
     "The Try statement is missing its Catch or Finally block.", 1, 10, False),
    ("Get-VM >", "MissingFileSpecification", "Missing file specification after redirection operator.",
     1, 9, True),
    ('"abc', "TerminatorExpectedAtEndOfString", 'The string is missing the terminator: ".', 1, 1, True),
    ("'abc", "TerminatorExpectedAtEndOfString", "The string is missing the terminator: '.", 1, 1, True),
    ('$x = @"\nabc\n', "TerminatorExpectedAtEndOfString",
     'The string is missing the terminator: "@.', 1, 6, True),
    ('@"\nabc\n  "@', "WhitespaceBeforeHereStringFooter",
     "White space is not allowed before the string terminator.", 3, 1, False),
    ('@" x\nabc\n"@', "UnexpectedCharactersAfterHereStringHeader",
     "No characters are allowed after a here-string header but before the end of the line.",
     1, 3, False),
    ('Write-Error "Failed to migrate VM $VMName: $_"', "InvalidVariableReferenceWithDrive",
     "Variable reference is not valid. ':' was not followed by a valid variable name character. "
     "Consider using ${} to delimit the name.", 1, 35, False),
    ("<# never closed", "MissingEndMultiLineComment",
     "The terminator '#>' is missing from the multiline comment.", 1, 1, True),
    ("$x = [", "MissingTypename", "Missing type name after '['.", 1, 7, False),
    ("function f { param($a) }\nfunction g($b) { param($c) }", "OnlyOneParameterListAllowed",
     "The param statement cannot be used if arguments were specified in the function declaration.",
     2, 18, False),
    ("$x.Foo(1", "MissingEndParenthesisInMethodCall", "Missing ')' in method call.", 1, 9, True),
    ("do { 1 } 2", "MissingWhileOrUntilInDoWhile", "Missing while or until keyword in do loop.",
     1, 9, False),
])
def test_error_ids_messages_and_positions(text, error_id, message, line, col, incomplete):
    issue = issue_of(text)
    assert (issue.error_id, issue.message) == (error_id, message)
    assert (issue.line, issue.col) == (line, col)
    assert issue.incomplete is incomplete


def test_error_offsets_match_line_and_column():
    issue = issue_of("$a = 1\n$b = (2\n")
    assert issue.error_id == "MissingEndParenthesisInExpression"
    assert issue.offset >= 7 and issue.line == 2


def test_crlf_line_endings_count_once():
    issue = issue_of("$a = 1\r\n$b = 1 2\r\n")
    assert (issue.line, issue.col) == (2, 8)


def test_doubled_quote_swallows_rest_of_file():
    issue = issue_of('$ClusterName="HCINPRDCLU001""\nGet-VM\n')
    assert issue.error_id == "TerminatorExpectedAtEndOfString" and issue.incomplete


def test_parse_error_incomplete_property():
    with pytest.raises(ParseError) as caught:
        parse("foreach ($x in $y) {")
    assert caught.value.incomplete
