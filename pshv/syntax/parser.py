"""Runs the tokenizer through Lark's LALR tables and turns failures into ParseErrors."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lark import Lark, Token
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from pshv.syntax import ast
from pshv.syntax.builder import TreeBuilder
from pshv.syntax.errors import ParseError, ParseIssue, SyntaxProblem
from pshv.syntax.lexer import Tokenizer
from pshv.syntax.diagnosis import describe_failure
from pshv.syntax.source import SourceText

_HERE = Path(__file__).resolve().parent
GRAMMAR_CANDIDATES = (_HERE / "powershell.lark", _HERE.parents[1] / "grammar" / "powershell.lark")


class ExternalTokens(Lexer):
    """Placeholder lexer: tokens always come from pshv.syntax.lexer.Tokenizer."""

    def __init__(self, lexer_conf: object) -> None:
        self.lexer_conf = lexer_conf

    def lex(self, lexer_state: object, parser_state: object) -> Iterator[Token]:
        raise TypeError("pshv feeds its own tokens; call pshv.syntax.parse()")


def grammar_path() -> Path:
    """The grammar file: next to this module when installed, else at the repository root."""
    for candidate in GRAMMAR_CANDIDATES:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("grammar/powershell.lark not found")


def _cache_file() -> str:
    """Where Lark keeps the compiled tables: the package folder if writable, else a user cache."""
    if os.access(_HERE, os.W_OK):
        return str(_HERE / "__pycache__" / "powershell_lalr.cache")
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "pshv"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    return str(folder / "powershell_lalr.cache")


def _build() -> Lark:
    cache = _cache_file()
    Path(cache).parent.mkdir(parents=True, exist_ok=True)
    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        lexer=ExternalTokens,
        start=["start", "subexpression"],
        maybe_placeholders=True,
        transformer=TreeBuilder(),
        cache=cache,
    )


def _fast_callbacks(parser: object) -> None:
    """Key the reduce callbacks by the very Rule objects of the parse table.

    Tables loaded from the cache hold copies of the rules; looking them up in a dict keyed by
    the originals compares rules field by field on every reduction.
    """
    inner = parser.parser
    callbacks = inner.callbacks
    by_identity = {}
    for actions in inner.parse_table.states.values():
        for action, argument in actions.values():
            if action.name == "Reduce" and argument not in by_identity:
                by_identity[argument] = callbacks[argument]
    callbacks.update(by_identity)
    inner.callbacks = {**{key: value for key, value in callbacks.items() if isinstance(key, str)},
                       **by_identity}


_LARK = _build()
_LALR = _LARK.parser.parser
_fast_callbacks(_LALR)


class _Session:
    """One parse of one source text, including the nested parses of `$( )` inside strings."""

    def __init__(self, source: SourceText):
        self.source = source

    def run(self, tokenizer: Tokenizer, start: str) -> object:
        try:
            return _LALR.parse(tokenizer, start)
        except UnexpectedToken as failure:
            raise SyntaxProblem(describe_failure(failure, tokenizer, self.source)) from None

    def parse_subexpression(self, dollar: int) -> tuple[ast.SubExpression, int]:
        tokenizer = Tokenizer(self.source, self.parse_subexpression, dollar + 2, subexpression=True)
        body = self.run(tokenizer, "subexpression")
        if tokenizer.frames:
            raise SyntaxProblem(describe_failure(None, tokenizer, self.source))
        line, col = self.source.position(dollar)
        node = ast.SubExpression(body=body, start=dollar, end=tokenizer.end_pos, line=line, col=col)
        return node, tokenizer.end_pos


def parse(text: str, *, path: str | None = None) -> ast.ScriptBlock:
    """Parse a whole script. Raises ParseError (with PowerShell's ErrorIds) on syntax errors.

    `path` names the script file; it is not read, only kept for messages by callers.
    """
    source = SourceText(text)
    session = _Session(source)
    tokenizer = Tokenizer(source, session.parse_subexpression)
    try:
        script = session.run(tokenizer, "start")
    except SyntaxProblem as problem:
        raise ParseError([problem.issue], text) from None
    except UnexpectedInput as failure:  # pragma: no cover - the tokenizer emits known terminals only
        raise ParseError([ParseIssue("UnexpectedToken", str(failure), 1, 1, 0, 0)], text) from None
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
