"""`parse` and `tokenize`: the tokenizer feeds the LALR driver; failures become ParseErrors."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from pshv.syntax import ast
from pshv.syntax.ast import make
from pshv.syntax.diagnosis import describe_failure
from pshv.syntax.errors import CURRENT_DIAGNOSTICS, Diagnostics, ParseError, SyntaxProblem
from pshv.syntax.lalr import TABLES, ParseFailure
from pshv.syntax.lexer import Tokenizer
from pshv.syntax.source import SourceText
from pshv.syntax.tokens import Token


class _Session:
    """One parse of one source text, including the nested parses of `$( )` inside strings."""

    def __init__(self, source: SourceText):
        self.source = source

    def tokenizer(self, start: int = 0, subexpression: bool = False) -> Tokenizer:
        return Tokenizer(self.source, self.parse_subexpression, start, subexpression)

    def run(self, tokenizer: Tokenizer, start: str) -> tuple[object, object]:
        """The parsed value and the last token; a syntax error raises SyntaxProblem.

        The tokenizer runs ahead of the parser (tokenizing to a list and then parsing is
        faster than alternating between them); the first error is still the one the parser
        meets first, and its diagnosis sees the tokenizer as it was at the failing token.
        """
        tokens: list[Token] = []
        try:
            tokens.extend(tokenizer.tokens())  # on a lexical error, keeps the tokens before it
        except SyntaxProblem as problem:
            stream: Iterable[Token] = _then_raise(tokens, problem)
        else:
            stream = tokens
        try:
            return TABLES.parse(stream, start)
        except ParseFailure as failure:
            frames = self._frames_before(tokenizer, tokens, failure.token)
            raise SyntaxProblem(describe_failure(failure.token, failure.expected, failure.previous,
                                                 frames, self.source)) from None

    def _frames_before(self, tokenizer: Tokenizer, tokens: list[Token], failed: Token) -> list:
        """The tokenizer's open brackets at the moment it handed over `failed`."""
        index = next((i for i, token in enumerate(tokens) if token is failed), None)
        if index is None:  # the end of input: the tokenizer's final state
            return tokenizer.frames
        replay = self.tokenizer(tokenizer.start, tokenizer.subexpression)
        for _ in islice(replay.tokens(), index + 1):
            pass
        return replay.frames

    def parse_subexpression(self, dollar: int) -> tuple[ast.SubExpression, int]:
        tokenizer = self.tokenizer(dollar + 2, subexpression=True)
        body, last = self.run(tokenizer, "subexpression")
        if tokenizer.frames:
            raise SyntaxProblem(describe_failure(None, set(), last, tokenizer.frames, self.source))
        line, col = self.source.position(dollar)
        node = make.SubExpression(body=body, start=dollar, end=tokenizer.end_pos, line=line, col=col)
        return node, tokenizer.end_pos


def _then_raise(tokens: list[Token], problem: SyntaxProblem) -> Iterator[Token]:
    """`tokens`, then the lexical error that stopped the tokenizer after them."""
    yield from tokens
    raise problem


def parse(text: str, *, path: str | None = None) -> ast.ScriptBlock:
    """Parse a whole script. Raises ParseError (with PowerShell's ErrorIds) on syntax errors.

    `path` names the script file; it is not read, only kept for messages by callers.
    """
    source = SourceText(text)
    session = _Session(source)
    tokenizer = session.tokenizer()
    diagnostics = Diagnostics()
    reporting = CURRENT_DIAGNOSTICS.set(diagnostics)
    collecting = gc.isenabled()
    gc.disable()  # the parse makes no reference cycles; tracing its many new nodes is wasted work
    try:
        script, _ = session.run(tokenizer, "start")
    except SyntaxProblem as problem:
        raise ParseError(diagnostics.all_issues(problem.issue), text) from None
    finally:
        CURRENT_DIAGNOSTICS.reset(reporting)
        if collecting:
            gc.enable()
    if diagnostics.syntax or diagnostics.semantic:
        raise ParseError(diagnostics.all_issues(), text)
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
    tokenizer = session.tokenizer()
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
