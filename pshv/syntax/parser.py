"""`parse` and `tokenize`: the tokenizer feeds the LALR driver; failures become ParseErrors."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from pshv.syntax import ast
from pshv.syntax.ast import make
from pshv.syntax.diagnosis import describe_failure
from pshv.syntax.errors import ParseError, SyntaxProblem
from pshv.syntax.lalr import TABLES, ParseFailure
from pshv.syntax.lexer import Tokenizer
from pshv.syntax.source import SourceText


class _Session:
    """One parse of one source text, including the nested parses of `$( )` inside strings."""

    def __init__(self, source: SourceText):
        self.source = source

    def run(self, tokenizer: Tokenizer, start: str) -> tuple[object, object]:
        """The parsed value and the last token; a syntax error raises SyntaxProblem."""
        try:
            return TABLES.parse(tokenizer.tokens(), start)
        except ParseFailure as failure:
            raise SyntaxProblem(describe_failure(failure.token, failure.expected, failure.previous,
                                                 tokenizer.frames, self.source)) from None

    def parse_subexpression(self, dollar: int) -> tuple[ast.SubExpression, int]:
        tokenizer = Tokenizer(self.source, self.parse_subexpression, dollar + 2, subexpression=True)
        body, last = self.run(tokenizer, "subexpression")
        if tokenizer.frames:
            raise SyntaxProblem(describe_failure(None, set(), last, tokenizer.frames, self.source))
        line, col = self.source.position(dollar)
        node = make.SubExpression(body=body, start=dollar, end=tokenizer.end_pos, line=line, col=col)
        return node, tokenizer.end_pos


def parse(text: str, *, path: str | None = None) -> ast.ScriptBlock:
    """Parse a whole script. Raises ParseError (with PowerShell's ErrorIds) on syntax errors.

    `path` names the script file; it is not read, only kept for messages by callers.
    """
    source = SourceText(text)
    session = _Session(source)
    tokenizer = Tokenizer(source, session.parse_subexpression)
    collecting = gc.isenabled()
    gc.disable()  # the parse makes no reference cycles; tracing its many new nodes is wasted work
    try:
        script, _ = session.run(tokenizer, "start")
    except SyntaxProblem as problem:
        raise ParseError([problem.issue], text) from None
    finally:
        if collecting:
            gc.enable()
    script.text = text
    script.start, script.extent_end, script.line, script.col = 0, len(text), 1, 1
    script.help = tokenizer.script_help
    return script


@dataclass(frozen=True, slots=True)
class SyntaxToken:
    """A token for syntax highlighting: its kind (terminal name or 'COMMENT') and span."""

    kind: str
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[SyntaxToken]:
    """Tokens and comments of `text` in source order; stops quietly at the first lexical error."""
    source = SourceText(text)
    session = _Session(source)
    tokenizer = Tokenizer(source, session.parse_subexpression)
    found: list[SyntaxToken] = []
    try:
        for token in tokenizer.tokens():
            if token.end_pos > token.start_pos:
                found.append(SyntaxToken(token.type.lstrip("_"), token.start_pos, token.end_pos,
                                         str(token)))
    except SyntaxProblem:
        pass
    found.extend(SyntaxToken("COMMENT", start, end, text[start:end])
                 for start, end, _ in tokenizer.comments)
    found.sort(key=lambda token: token.start)
    return found
