"""String literals and `$variable` references: scanning and expansion into parts."""

from __future__ import annotations

import re
from typing import Callable

from pshv.syntax import ast
from pshv.syntax.ast import make
from pshv.syntax.errors import SyntaxProblem, make_issue
from pshv.syntax.source import SourceText

SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = '"\u201c\u201d\u201e'

# Windows PowerShell 5.1's escapes; `e and `u{x} came with PowerShell 6 and are literal here.
ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "f": "\f",
    "n": "\n", "r": "\r", "t": "\t", "v": "\v",
}

_NAME = re.compile(r"[\w?]+")
_PLAIN_NAME = re.compile(r"[\w?]++(?!:)")
_DOUBLE_CHUNK = re.compile(r"[^`$\"\u201c\u201d\u201e]*")
_HERE_CHUNK = re.compile(r"[^`$]*")
_SINGLE_CHUNK = re.compile(r"[^'\u2018\u2019\u201a\u201b]*")

# Parses `$( ... )` starting at the `$`; returns the node and the offset after the `)`.
SubParser = Callable[[int], tuple[ast.SubExpression, int]]


def _node_position(source: SourceText, start: int, end: int) -> dict[str, int]:
    line, col = source.position(start)
    return {"start": start, "end": end, "line": line, "col": col}


def scan_variable(source: SourceText, pos: int, splat: bool = False) -> tuple[ast.Variable, int] | None:
    """Scan `$name`, `$scope:name`, `${any name}`, `$$`, `$^` (or `@name` with splat=True).

    Returns None when the sigil is not followed by a variable name.
    """
    text = source.text
    plain = _PLAIN_NAME.match(text, pos + 1)
    if plain is not None:  # the common `$name`: no braces, no scope
        end = plain.end()
        line, col = source.position(pos)
        return make.Variable(name=plain.group(), splatted=splat, start=pos, end=end, line=line,
                            col=col), end
    start = pos
    pos += 1
    if pos < len(text) and text[pos] == "{" and not splat:
        name_chars: list[str] = []
        pos += 1
        while pos < len(text) and text[pos] != "}":
            if text[pos] == "`" and pos + 1 < len(text):
                pos += 1
            name_chars.append(text[pos])
            pos += 1
        if pos >= len(text):
            raise SyntaxProblem(make_issue(
                "IncompleteDollarVariableReference", source, start, pos, incomplete=True))
        full = "".join(name_chars)
        if not full:
            raise SyntaxProblem(make_issue("EmptyVariableReference", source, start, pos + 1))
        scope, _, name = full.rpartition(":") if _is_scoped(full) else ("", "", full)
        return make.Variable(name=name, scope=scope.lower() or None,
                            **_node_position(source, start, pos + 1)), pos + 1
    if pos < len(text) and text[pos] in "$^" and not splat:
        return make.Variable(name=text[pos], **_node_position(source, start, pos + 1)), pos + 1
    match = _NAME.match(text, pos)
    if match is None:
        return None
    name, pos = match.group(), match.end()
    scope = None
    if pos < len(text) and text[pos] == ":" and not splat:
        after = _NAME.match(text, pos + 1)
        if after is None:
            raise SyntaxProblem(make_issue("InvalidVariableReferenceWithDrive", source, start, pos + 1))
        scope, name, pos = name.lower(), after.group(), after.end()
    return make.Variable(name=name, scope=scope, splatted=splat,
                        **_node_position(source, start, pos)), pos


def _is_scoped(name: str) -> bool:
    head, sep, tail = name.partition(":")
    return bool(sep and tail and head and _NAME.fullmatch(head))


def scan_single_quoted(source: SourceText, pos: int) -> tuple[str, int]:
    """Value of the '...' string starting at `pos` and the offset after it ('' doubles)."""
    text = source.text
    chunks: list[str] = []
    cursor = pos + 1
    while True:
        match = _SINGLE_CHUNK.match(text, cursor)
        chunks.append(match.group())
        cursor = match.end()
        if cursor >= len(text):
            raise SyntaxProblem(make_issue(
                "TerminatorExpectedAtEndOfString", source, pos, cursor, text[pos], incomplete=True))
        if cursor + 1 < len(text) and text[cursor + 1] in SINGLE_QUOTES:
            chunks.append(text[cursor + 1])
            cursor += 2
            continue
        return "".join(chunks), cursor + 1


class _PartsBuilder:
    """Collects literal text and expressions of an expandable string."""

    __slots__ = ("parts", "literal")

    def __init__(self) -> None:
        self.parts: list[str | ast.Node] = []
        self.literal: list[str] = []

    def add_text(self, text: str) -> None:
        if text:
            self.literal.append(text)

    def add_node(self, node: ast.Node) -> None:
        if self.literal:
            self.parts.append("".join(self.literal))
            self.literal = []
        self.parts.append(node)

    def finish(self) -> list[str | ast.Node]:
        if self.literal:
            self.parts.append("".join(self.literal))
        return self.parts


def expand_dollar(source: SourceText, pos: int, builder: _PartsBuilder, sub_parser: SubParser) -> int:
    """Handle a `$` inside an expandable text; returns the offset after what it consumed."""
    text = source.text
    nxt = text[pos + 1] if pos + 1 < len(text) else ""
    if nxt == "(":
        node, end = sub_parser(pos)
        builder.add_node(node)
        return end
    found = scan_variable(source, pos)
    if found is None:
        builder.add_text("$")
        return pos + 1
    variable, end = found
    builder.add_node(variable)
    return end


def escape_at(text: str, pos: int) -> tuple[str, int]:
    """The character a backtick at `pos` stands for, and the offset after the escape."""
    if pos + 1 >= len(text):
        return "`", pos + 1
    char = text[pos + 1]
    return ESCAPES.get(char, char), pos + 2


def scan_double_quoted(
    source: SourceText, pos: int, sub_parser: SubParser
) -> tuple[list[str | ast.Node], int]:
    """Parts of the "..." string starting at `pos`, and the offset after the closing quote."""
    text = source.text
    builder = _PartsBuilder()
    cursor = pos + 1
    end = len(text)
    while True:
        match = _DOUBLE_CHUNK.match(text, cursor)
        builder.add_text(match.group())
        cursor = match.end()
        if cursor >= end:
            raise SyntaxProblem(make_issue(
                "TerminatorExpectedAtEndOfString", source, pos, cursor, text[pos], incomplete=True))
        char = text[cursor]
        if char == "`":
            value, cursor = escape_at(text, cursor)
            builder.add_text(value)
        elif char == "$":
            cursor = expand_dollar(source, cursor, builder, sub_parser)
        elif cursor + 1 < end and text[cursor + 1] in DOUBLE_QUOTES:
            builder.add_text(text[cursor + 1])
            cursor += 2
        else:
            return builder.finish(), cursor + 1


_HERE_HEADER_REST = re.compile(r"[ \t]*(\r\n|\r|\n)")


def scan_here_string(
    source: SourceText, pos: int, sub_parser: SubParser
) -> tuple[list[str | ast.Node], bool, int]:
    """Parts of the here-string whose `@` is at `pos`, whether it expands, and its end offset."""
    text = source.text
    quote = text[pos + 1]
    expandable = quote in DOUBLE_QUOTES
    header = _HERE_HEADER_REST.match(text, pos + 2)
    if header is None:
        if text[pos + 2:].strip(" \t") == "":
            raise SyntaxProblem(make_issue(
                "TerminatorExpectedAtEndOfString", source, pos, len(text), quote + "@", incomplete=True))
        raise SyntaxProblem(make_issue("UnexpectedCharactersAfterHereStringHeader", source, pos + 2))
    content_start = header.end()
    quotes = DOUBLE_QUOTES if expandable else SINGLE_QUOTES
    footer = re.compile("(?:\r\n|\r|\n)[" + quotes + "]@")
    match = footer.search(text, header.start(1))
    if match is None:
        indented = re.compile("(?:\r\n|\r|\n)([ \t]+)[" + quotes + "]@").search(text, header.start(1))
        if indented:
            raise SyntaxProblem(make_issue("WhitespaceBeforeHereStringFooter", source, indented.start(1)))
        raise SyntaxProblem(make_issue(
            "TerminatorExpectedAtEndOfString", source, pos, len(text), quote + "@", incomplete=True))
    content_end = max(match.start(), content_start)
    if not expandable:
        return [text[content_start:content_end]], False, match.end()
    builder = _PartsBuilder()
    cursor = content_start
    while cursor < content_end:
        chunk = _HERE_CHUNK.match(text, cursor, content_end)
        builder.add_text(chunk.group())
        cursor = chunk.end()
        if cursor >= content_end:
            break
        if text[cursor] == "`":
            value, cursor = escape_at(text, cursor)
            builder.add_text(value)
        else:
            cursor = expand_dollar(source, cursor, builder, sub_parser)
    return builder.finish(), True, match.end()
