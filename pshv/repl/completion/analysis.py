"""What the text before the cursor asks to complete: the word under the cursor and its role.

The word is found in the raw text (so a partial token the tokenizer would reject still counts);
its role comes from the tokens before it: a command name, a parameter name, the value of a
named or positional parameter, a variable or a member, or (anything else) a path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_WORD_BREAKS = frozenset(" \t\n|;(){}&,=")
_OPENERS = frozenset({"LPAREN", "LBRACE", "DOLLAR_LPAREN", "AT_LPAREN", "AT_LBRACE", "CALL_LPAREN", "LBRACKET"})
_CLOSERS = frozenset({"RPAREN", "RBRACE", "RBRACKET"})
_BOUNDARIES = frozenset({"PIPE", "SEP", "SEMI", "ASSIGN_OP", "INVOKE", "OP_LOGICAL", "ELSE", "DO", "TRY",
                         "FINALLY", "RETURN", "THROW"})


@dataclass
class Element:
    """One piece of a command's arguments: a parameter name, an argument, or a list comma."""

    kind: str  # 'parameter' | 'argument' | 'comma'
    name: str = ""
    colon: bool = False  # `-Name:value`


@dataclass
class Request:
    """The word to replace and what it is: 'command', 'argument' (of `command`), 'variable',
    'member' or 'path'."""

    role: str
    word: str
    quote: str = ""  # the opening quote of a quoted word (kept in the completion)
    command: str | None = None
    elements: list[Element] = field(default_factory=list)


def current_word(text: str) -> tuple[str, str]:
    """(opening quote or '', the word under the cursor including that quote)."""
    quote_at, quote = -1, ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote, quote_at = char, index
    if quote:
        return quote, text[quote_at:]
    start = len(text)
    while start > 0 and text[start - 1] not in _WORD_BREAKS:
        start -= 1
    return "", text[start:]


def analyse(text: str) -> Request:
    """The completion request for `text`, the input up to the cursor."""
    from ...syntax import tokenize

    quote, word = current_word(text)
    if not quote and word.startswith("$"):
        return Request("member" if "." in word else "variable", word)
    before = text[: len(text) - len(word)]
    tokens = tokenize(before)
    if before.rstrip() and tokens and tokens[-1].end < len(before.rstrip()):
        return Request("path", word, quote)  # a lexical problem before the word: nothing to go on
    index = _command_start(tokens)
    if index is None:
        if not tokens or tokens[-1].kind in _BOUNDARIES | _OPENERS:
            return Request("path" if quote or _looks_like_path(word) else "command", word, quote)
        return Request("path", word, quote)
    return Request("argument", word, quote, command=tokens[index].text, elements=_elements(tokens[index + 1:]))


def _command_start(tokens: list) -> int | None:
    """Index of the COMMAND_NAME whose arguments the cursor is in, if any."""
    depth = 0
    for index in range(len(tokens) - 1, -1, -1):
        kind = tokens[index].kind
        if kind in _CLOSERS:
            depth += 1
        elif kind in _OPENERS:
            if depth == 0:
                return None
            depth -= 1
        elif depth == 0:
            if kind == "COMMAND_NAME":
                return index
            if kind in _BOUNDARIES:
                return None
    return None


def _elements(tokens: list) -> list[Element]:
    """A command's arguments as elements; a parenthesised or adjacent group is one argument."""
    found: list[Element] = []
    depth = 0
    previous_end = -1
    for token in tokens:
        kind = token.kind
        if depth > 0:
            depth += (kind in _OPENERS) - (kind in _CLOSERS)
        elif kind == "PARAMETER":
            found.append(Element("parameter", token.text[1:]))
        elif kind == "PARAM_COLON":
            found.append(Element("parameter", token.text[1:-1], colon=True))
        elif kind == "COMMA":
            found.append(Element("comma"))
        else:
            adjacent = found and found[-1].kind == "argument" and token.start == previous_end
            if not adjacent:
                found.append(Element("argument"))
            if kind in _OPENERS:
                depth = 1
        previous_end = token.end
    return found


def _looks_like_path(word: str) -> bool:
    return word.startswith((".", "\\", "/", "~")) or "\\" in word or "/" in word or (len(word) > 1 and word[1] == ":")
