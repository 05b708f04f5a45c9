"""Syntax highlighting of the input line with the project's own tokenizer, in PSReadLine's colours."""

from __future__ import annotations

from collections.abc import Callable

from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.lexers import Lexer

from .colors import TOKEN_STYLES

_KEYWORDS = ("IF", "ELSEIF", "ELSE", "SWITCH", "FOREACH", "IN", "FOR", "WHILE", "DO", "UNTIL", "TRY", "CATCH",
             "FINALLY", "TRAP", "FUNCTION", "FILTER", "RETURN", "THROW", "EXIT", "BREAK", "CONTINUE", "PARAM",
             "BLOCK_NAME")
_OPERATORS = ("PIPE", "OP_FORMAT", "OP_COMPARE", "OP_BITWISE", "OP_LOGICAL", "UNARY_OP", "ASSIGN_OP", "PLUS",
              "MINUS", "MUL_OP", "PLUSPLUS", "MINUSMINUS", "DOTDOT", "COMMA", "DOT", "COLONCOLON", "INVOKE",
              "REDIRECT_MERGE", "REDIRECT_FILE")
TOKEN_CLASSES: dict[str, str] = {
    "COMMAND_NAME": "command", "FUNC_NAME": "command",
    "PARAMETER": "parameter", "PARAM_COLON": "parameter",
    "STRING": "string",
    "VARIABLE": "variable", "SPLAT": "variable",
    "NUMBER": "number",
    "COMMENT": "comment",
    "TYPE": "type", "ATTR_NAME": "type",
    "MEMBER_NAME": "member",
    "BAD": "error",
    **{kind: "keyword" for kind in _KEYWORDS},
    **{kind: "operator" for kind in _OPERATORS},
}
_QUOTES = ("'", '"', "@'", '@"', "\u2018", "\u2019", "\u201c", "\u201d")


def char_styles(text: str) -> list[str]:
    """The style of every character of `text` (an unterminated string is coloured as a string)."""
    from ..syntax import tokenize

    styles = [""] * len(text)
    covered = 0
    for token in tokenize(text):
        style = TOKEN_STYLES.get(TOKEN_CLASSES.get(token.kind, ""), "")
        if style:
            styles[token.start:token.end] = [style] * (token.end - token.start)
        covered = max(covered, token.end)
    rest = text[covered:]
    stripped = rest.lstrip()
    if stripped.startswith(_QUOTES):
        start = covered + len(rest) - len(stripped)
        styles[start:] = [TOKEN_STYLES["string"]] * (len(text) - start)
    return styles


def styled_lines(text: str) -> list[StyleAndTextTuples]:
    """`text` split into lines of (style, text) fragments."""
    styles = char_styles(text) if text.strip() else [""] * len(text)
    lines: list[StyleAndTextTuples] = [[]]
    for char, style in zip(text, styles):
        if char == "\n":
            lines.append([])
            continue
        line = lines[-1]
        if line and line[-1][0] == style:
            line[-1] = (style, line[-1][1] + char)
        else:
            line.append((style, char))
    return lines


class PowerShellLexer(Lexer):
    """A prompt_toolkit lexer over `pshv.syntax.tokenize`."""

    def lex_document(self, document: Document) -> Callable[[int], StyleAndTextTuples]:
        lines = styled_lines(document.text)

        def get_line(number: int) -> StyleAndTextTuples:
            return lines[number] if number < len(lines) else []

        return get_line
