"""The token the tokenizer hands to the LALR driver and the tree builder."""

from __future__ import annotations


class Token(str):
    """A terminal: its source text (the str value), kind, payload and position.

    `type` is the grammar's terminal name; `value` is the payload the tree builder uses (an AST
    leaf, a word, or else the token's text); `line`/`column` are 1-based.
    """

    __slots__ = ("type", "value", "start_pos", "end_pos", "line", "column")

    type: str
    value: object
    start_pos: int
    end_pos: int
    line: int
    column: int

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {str(self)!r})"


def end_token(last: Token | None) -> Token:
    """The end-of-input marker `$END`, placed at the last token (or at 1:1 with no tokens)."""
    token = str.__new__(Token, "")
    token.type = "$END"
    token.value = ""
    if last is None:
        token.start_pos = token.end_pos = 0
        token.line = token.column = 1
    else:
        token.start_pos, token.end_pos = last.start_pos, last.end_pos
        token.line, token.column = last.line, last.column
    return token
