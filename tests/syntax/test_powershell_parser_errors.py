"""Syntax errors as PowerShell's parser reports them: ErrorIds, their order and positions.

The cases are the expectations of PowerShell's own parser tests (ShouldBeParseError in its
Parsing.Tests.ps1) for the constructs Windows PowerShell 5.1 has: each input, the ErrorIds
reported in order, and where each starts, either as a 0-based offset or a 1-based column.
"""

import pytest

from pshv.syntax import ParseError, parse

OFFSET, COLUMN = "offset", "column"

CASES = [
    ('for', ('MissingOpenParenthesisAfterKeyword',), COLUMN, (4,)),
    ('for(', ('MissingEndParenthesisAfterStatement',), COLUMN, (5,)),
    ('for(;', ('MissingEndParenthesisAfterStatement',), COLUMN, (6,)),
    ('for(;;', ('MissingEndParenthesisAfterStatement',), COLUMN, (7,)),
    ('for($a', ('MissingEndParenthesisAfterStatement',), COLUMN, (7,)),
    ('for($a;', ('MissingEndParenthesisAfterStatement',), COLUMN, (8,)),
    ('for($a;$b', ('MissingEndParenthesisAfterStatement',), COLUMN, (10,)),
    ('for($a;$b;', ('MissingEndParenthesisAfterStatement',), COLUMN, (11,)),
    ('for($a;$b;$c', ('MissingEndParenthesisAfterStatement',), COLUMN, (13,)),
    ('for($a;$b;$c)', ('MissingLoopStatement',), COLUMN, (14,)),
    (':lab for', ('MissingOpenParenthesisAfterKeyword',), COLUMN, (9,)),
    (':lab for(;', ('MissingEndParenthesisAfterStatement',), COLUMN, (11,)),
    (':lab for($a;$b;$c)', ('MissingLoopStatement',), OFFSET, (18,)),
    ('foreach', ('MissingOpenParenthesisAfterKeyword',), OFFSET, (7,)),
    ('foreach (', ('MissingVariableNameAfterForeach',), OFFSET, (9,)),
    ('foreach ($a', ('MissingInInForeach',), OFFSET, (11,)),
    ('foreach ($a into', ('MissingInInForeach',), OFFSET, (11,)),
    ('foreach ($a in', ('MissingForeachExpression',), OFFSET, (14,)),
    ('foreach ($a in $x', ('MissingEndParenthesisAfterForeach',), OFFSET, (17,)),
    ('foreach ($a in $x)', ('MissingForeachStatement',), OFFSET, (18,)),
    (':lab foreach ($a into', ('MissingInInForeach',), COLUMN, (17,)),
    (':lab foreach ($a in $x)', ('MissingForeachStatement',), COLUMN, (24,)),
    ('do', ('MissingLoopStatement',), OFFSET, (2,)),
    ('do {}', ('MissingWhileOrUntilInDoWhile',), OFFSET, (5,)),
    ('do {} while', ('MissingOpenParenthesisAfterKeyword',), OFFSET, (11,)),
    ('do {} while (', ('MissingExpressionAfterKeyword',), OFFSET, (13,)),
    ('do {} while (1', ('MissingEndParenthesisAfterStatement',), OFFSET, (14,)),
    ('do {} until', ('MissingOpenParenthesisAfterKeyword',), COLUMN, (12,)),
    ('do {} until (', ('MissingExpressionAfterKeyword',), COLUMN, (14,)),
    ('do {} until (1', ('MissingEndParenthesisAfterStatement',), COLUMN, (15,)),
    ('trap', ('MissingTrapStatement',), OFFSET, (4,)),
    ('trap [int]', ('MissingTrapStatement',), COLUMN, (11,)),
    ('begin', ('MissingNamedStatementBlock',), OFFSET, (5,)),
    ('process', ('MissingNamedStatementBlock',), OFFSET, (7,)),
    ('end', ('MissingNamedStatementBlock',), OFFSET, (3,)),
    ('begin process {}', ('MissingNamedStatementBlock',), COLUMN, (6,)),
    ('end process {}', ('MissingNamedStatementBlock',), COLUMN, (4,)),
    ('process begin {}', ('MissingNamedStatementBlock',), COLUMN, (8,)),
    ('begin process end', ('MissingNamedStatementBlock', 'MissingNamedStatementBlock', 'MissingNamedStatementBlock'), COLUMN, (6, 14, 18)),
    ('try', ('MissingTryStatementBlock',), OFFSET, (3,)),
    ('try {}', ('MissingCatchOrFinally',), OFFSET, (6,)),
    ('try {} catch', ('MissingCatchHandlerBlock',), OFFSET, (12,)),
    ('try {} finally', ('MissingFinallyStatementBlock',), COLUMN, (15,)),
    ('try {} catch [int]', ('MissingCatchHandlerBlock',), COLUMN, (19,)),
    ('try {} catch {} finally', ('MissingFinallyStatementBlock',), OFFSET, (23,)),
    ('try {} catch {} catch', ('MissingCatchHandlerBlock',), OFFSET, (21,)),
    ('try {} catch [int],', ('MissingTypeLiteralToken',), OFFSET, (19,)),
    ('try {} finally { return }', ('ControlLeavingFinally',), OFFSET, (17,)),
    ('try {} finally { break }', ('ControlLeavingFinally',), OFFSET, (17,)),
    ('try {} finally { continue }', ('ControlLeavingFinally',), OFFSET, (17,)),
    ('switch', ('PipelineValueRequired',), OFFSET, (6,)),
    ('switch -abc', ('InvalidSwitchFlag', 'PipelineValueRequired'), OFFSET, (7, 11)),
    ('switch -file', ('MissingFilenameOption',), OFFSET, (12,)),
    ('switch (', ('PipelineValueRequired',), OFFSET, (8,)),
    ('switch ()', ('PipelineValueRequired', 'MissingCurlyBraceInSwitchStatement'), OFFSET, (8, 9)),
    ('switch ("abc")  ', ('MissingCurlyBraceInSwitchStatement',), OFFSET, (14,)),
    ('switch ("abc")  {', ('MissingSwitchConditionExpression',), OFFSET, (17,)),
    ('switch ("abc")  { 1', ('MissingSwitchStatementClause',), OFFSET, (19,)),
    ('switch ("abc")  { 1 }', ('MissingSwitchStatementClause',), OFFSET, (19,)),
    ('switch (1) {default {} default {}}', ('MultipleSwitchDefaultClauses',), OFFSET, (23,)),
    ('function', ('MissingNameAfterKeyword',), OFFSET, (8,)),
    ('function foo', ('MissingFunctionBody',), OFFSET, (12,)),
    ('function foo(', ('MissingEndParenthesisInFunctionParameterList',), OFFSET, (13,)),
    ('function foo {', ('MissingEndCurlyBrace',), OFFSET, (13,)),
    ('function foo { function bar { if (1) {} }', ('MissingEndCurlyBrace',), OFFSET, (13,)),
    ('function f { param($a,[int]$a) }', ('DuplicateFormalParameter',), OFFSET, (27,)),
    ('function f($a,[int]$a){}', ('DuplicateFormalParameter',), OFFSET, (19,)),
    ('function foo {param(}', ('MissingEndParenthesisInFunctionParameterList',), OFFSET, (20,)),
    ('$a,$b += 1,2', ('InvalidLeftHandSide',), OFFSET, (0,)),
    ('@a', ('SplattingNotPermitted',), OFFSET, (0,)),
    ('foreach (@a in $b) {}', ('SplattingNotPermitted',), OFFSET, (9,)),
    ('param(@a)', ('SplattingNotPermitted',), OFFSET, (6,)),
    ('function foo (@a) {}', ('SplattingNotPermitted',), OFFSET, (14,)),
    ('|gps', ('EmptyPipeElement',), OFFSET, (0,)),
    ('gps|', ('EmptyPipeElement',), OFFSET, (4,)),
    ('gps| |foreach name', ('EmptyPipeElement',), OFFSET, (4,)),
    ('1|1', ('ExpressionsMustBeFirstInPipeline',), OFFSET, (2,)),
    ('$a=', ('ExpectedValueExpression',), OFFSET, (3,)),
    ('gcm -a:', ('ParameterRequiresArgument',), OFFSET, (7,)),
    ('gcm -a: 1,', ('MissingExpression',), COLUMN, (11,)),
    ('gcm ,', ('MissingArgument',), OFFSET, (4,)),
    ('   )', ('UnexpectedToken',), OFFSET, (3,)),
    ('   }', ('UnexpectedToken',), COLUMN, (4,)),
    ('1+', ('ExpectedValueExpression',), OFFSET, (2,)),
    ('[a()][b]', ('UnexpectedAttribute',), OFFSET, (0,)),
    ('[a()][b]2', ('UnexpectedAttribute',), OFFSET, (0,)),
    ('@{ a=1;b=2;c=3;', ('MissingEndCurlyBrace',), OFFSET, (2,)),
    ('[ref][ref]$x', ('ReferenceNeedsToBeByItselfInTypeSequence',), OFFSET, (5,)),
    ('[int][ref]$x', ('ReferenceNeedsToBeLastTypeInTypeConversion',), OFFSET, (5,)),
    ('[int][ref]$x = 42', ('ReferenceNeedsToBeByItselfInTypeConstraint',), OFFSET, (5,)),
]


@pytest.mark.parametrize("text, error_ids, measure, positions", CASES)
def test_errors_match_powershell(text, error_ids, measure, positions):
    with pytest.raises(ParseError) as caught:
        parse(text)
    errors = caught.value.errors
    assert tuple(issue.error_id for issue in errors) == error_ids
    found = tuple(issue.col if measure == COLUMN else issue.offset for issue in errors)
    assert found == positions


def test_semantic_errors_come_after_syntax_errors_and_all_are_listed():
    text = "function f { param($a, [int]$A) try {} finally { return } }\nswitch -bogus (1) { 1 {} }"
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert [(issue.error_id, issue.line, issue.col) for issue in caught.value.errors] == [
        ("InvalidSwitchFlag", 2, 8), ("DuplicateFormalParameter", 1, 29), ("ControlLeavingFinally", 1, 50)]


@pytest.mark.parametrize("text", [
    "try {} finally { foreach ($i in 1) { break } }",
    ":outer while (1) { try {} finally { :inner foreach ($i in 1) { continue inner } } }",
    "try {} finally { & { return } }",
    "function f($a, $b) {}",
    "begin {} process { $_ } end {}",
    "begin {}\nprocess { $_ }\n\nend {}\n",
])
def test_valid_constructs_near_those_errors_still_parse(text):
    parse(text)


def test_named_blocks_without_bodies_still_leave_the_rest_parsed():
    with pytest.raises(ParseError) as caught:
        parse("begin process { 1 }")
    assert [issue.message for issue in caught.value.errors] == ["Missing statement block after 'begin'."]
