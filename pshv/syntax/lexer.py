"""Mode-aware tokenizer: PowerShell's argument mode and expression mode.

PowerShell's own tokenizer is steered by its parser. Here the tokenizer keeps that state
itself: a stack of bracket frames, each with what it expects next (a statement start, a
command argument, an expression operand or operator, a hash key, a switch pattern...).
Tokens carry ready-made AST leaves in `.value` (Variable, Constant, strings, TypeName).
"""

from __future__ import annotations

import re
from functools import partial
from typing import Callable, Iterator

from pshv.syntax import ast
from pshv.syntax.ast import make
from pshv.syntax.errors import SyntaxProblem, make_issue, report
from pshv.syntax.numbers import NUMBER_PATTERN, BadNumber, convert_number
from pshv.syntax.source import SourceText
from pshv.syntax.strings import (
    DOUBLE_QUOTES, SINGLE_QUOTES, SubParser, escape_at, expand_dollar, scan_double_quoted,
    scan_here_string, scan_single_quoted, scan_variable, _PartsBuilder,
)
from pshv.syntax.tokens import Token

# ------------------------------------------------------------------ what a frame expects next
STMT = "stmt"            # statement start: keyword, command or expression
PIPE_ELEM = "pipe"       # after '|': command or expression, no keywords
ARGS = "args"            # command arguments
OPERAND = "operand"      # expression, an operand is due
OPERATOR = "operator"    # expression, after an operand
AFTER_TYPE = "type"      # after [type]: '[' starts another type literal
MEMBER = "member"        # after '.' or '::'
HASH_KEY = "key"         # inside @{ }, at a key
SWITCH_PAT = "pattern"   # inside a switch body, at a clause pattern
SWITCH_BODY = "body"     # after a switch pattern: its '{'
SWITCH_HEAD = "switch"   # after 'switch': flags, then the input
KW_PAREN = "kwparen"     # after if/while/foreach/for...: its '('
FUNC_NAME = "fname"      # after 'function'/'filter'
FUNC_AFTER_NAME = "fafter"
DO_TAIL = "dotail"       # after a do block: 'while' or 'until'
ATTR_CLOSE = "attrclose"  # after an attribute's ')': its ']'

# Frames whose contents are statement lists: they get a separator before their closer.
LIST_KINDS = frozenset({"script", "block", "sub", "hash", "switch"})
# Frames where newlines are plain white space.
NO_NEWLINE_KINDS = frozenset({"params", "call", "attr", "index"})
START_EXPECT = {
    "script": STMT, "block": STMT, "sub": STMT, "hash": HASH_KEY, "switch": SWITCH_PAT,
    "paren": PIPE_ELEM, "foreach": OPERAND, "for": STMT, "params": OPERAND, "call": OPERAND,
    "attr": OPERAND, "index": OPERAND,
}

KEYWORDS = {
    "if": "IF", "elseif": "ELSEIF", "else": "ELSE", "switch": "SWITCH", "foreach": "FOREACH",
    "for": "FOR", "while": "WHILE", "do": "DO", "try": "TRY", "catch": "CATCH",
    "finally": "FINALLY", "trap": "TRAP", "function": "FUNCTION", "filter": "FILTER",
    "return": "RETURN", "throw": "THROW", "exit": "EXIT", "break": "BREAK",
    "continue": "CONTINUE", "param": "PARAM", "until": "UNTIL",
}
NAMED_BLOCKS = frozenset({"begin", "process", "end", "dynamicparam"})
CONTINUATION_AFTER_CLAUSE = frozenset({"else", "elseif", "catch", "finally"})
BLOCK_KEYWORDS = {"IF", "ELSEIF", "ELSE", "SWITCH", "FOREACH", "FOR", "WHILE", "DO", "TRY",
                  "CATCH", "FINALLY", "TRAP", "FUNCTION", "FILTER"}

# Operators written as a dash and a word. Case variants: 'c' kept, 'i' folded away.
CASE_OPERATORS = frozenset({
    "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "replace",
    "contains", "notcontains", "in", "notin", "split",
})
WORD_OPERATORS = {
    **{name: "OP_COMPARE" for name in CASE_OPERATORS},
    "join": "OP_COMPARE", "is": "OP_COMPARE", "isnot": "OP_COMPARE", "as": "OP_COMPARE",
    "shl": "OP_COMPARE", "shr": "OP_COMPARE",
    "band": "OP_BITWISE", "bor": "OP_BITWISE", "bxor": "OP_BITWISE",
    "and": "OP_LOGICAL", "or": "OP_LOGICAL", "xor": "OP_LOGICAL",
    "f": "OP_FORMAT", "not": "UNARY_OP", "bnot": "UNARY_OP",
}
UNARY_WORDS = frozenset({"not", "bnot", "split", "join"})
CASE_VARIANTS = frozenset("c" + name for name in CASE_OPERATORS)

DASHES = "-\u2013\u2014\u2015"
DIGITS = frozenset("0123456789")
_BLANK = re.compile(r"[ \t\f\v\u00a0\ufeff\u2000-\u200b\u3000]+")
_SPACES = re.compile(r"[ \t\f\v\u00a0\ufeff\u2000-\u200b\u3000]*")
_TRIVIA_STARTS = "#<`"  # a comment or a line continuation may start here
_SKIPPABLE = frozenset(" \t\f\v\u00a0\ufeff\u3000" + "".join(map(chr, range(0x2000, 0x200c)))
                       + _TRIVIA_STARTS)
_WHITE_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\ufeff\u2000-\u200b\u3000]*")
_WORD = re.compile(r"[A-Za-z]+")
_LABEL = re.compile(r":(\w+)")
_DASH_WORD = re.compile(r"[-\u2013\u2014\u2015]([A-Za-z]+)")
_PARAMETER = re.compile(
    r"[-\u2013\u2014\u2015]((?:[^\W\d]|\?)[^\s;,|(){}&:`'\"\u2018-\u201e]*)(:?)")
_MEMBER_NAME = re.compile(r"\w+")
_HASH_KEY = re.compile(r"[^\s=;}]+")
_BARE_CHUNK = re.compile(r"[^\s;,|(){}&`'\"\u2018-\u201e$]+")
_FUNC_NAME = re.compile(r"[^\s(){};]+")
_REDIRECT = re.compile(r"([1-6*])?(>>|>)(?:&([12]))?")
_TYPE_WORD = re.compile(r"[ \t]*([\w.`+]+)")
_ATTR_NAME = re.compile(r"(\w+)[ \t]*(=(?!=))?")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_HELP_KEYWORD = re.compile(
    r"^\s*\.(SYNOPSIS|DESCRIPTION|PARAMETER|EXAMPLE|INPUTS|OUTPUTS|NOTES|LINK|COMPONENT|ROLE|"
    r"FUNCTIONALITY|FORWARDHELPTARGETNAME|FORWARDHELPCATEGORY|REMOTEHELPRUNSPACE|EXTERNALHELP)\b",
    re.IGNORECASE | re.MULTILINE,
)

VALUE_CLOSERS = {"}": "RBRACE", ")": "RPAREN", "]": "RBRACKET"}
CONTINUATION_TYPES = frozenset({
    "OP_COMPARE", "OP_BITWISE", "OP_LOGICAL", "OP_FORMAT", "UNARY_OP", "PLUS", "MINUS",
    "MUL_OP", "DOTDOT", "ASSIGN_OP", "COMMA", "PIPE", "IN", "INVOKE", "LABEL",
})
SEPARATORS = frozenset({"_SEP", "SEMI"})
_new_str = str.__new__
_IN_WORD = frozenset("`$" + DOUBLE_QUOTES + SINGLE_QUOTES)  # continue a bare word after a chunk
_VALUE_STARTS = frozenset("$@([{,!" + DOUBLE_QUOTES + SINGLE_QUOTES)  # always an operand


SWITCH_FLAGS = ("regex", "wildcard", "exact", "casesensitive", "file")


def switch_flag(name: str) -> str | None:
    """The switch flag a (possibly abbreviated) parameter name stands for; None if none or several."""
    name = name.lower()
    matches = [flag for flag in SWITCH_FLAGS if flag.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def operator_name(word: str) -> str:
    """Canonical operator word: lower case, with the case-insensitive 'i' prefix folded away."""
    word = word.lower()
    return word[1:] if word[:1] == "i" and word[1:] in CASE_OPERATORS else word


class Frame:
    """One open bracket (or the whole script) and what the tokenizer expects inside it."""

    __slots__ = ("kind", "closer", "open_pos", "expect", "resume", "value_mode", "awaiting",
                 "script_body", "last_type", "first_comment", "first_comment_start", "attr_resume",
                 "keyword", "named_blocks", "opener")

    def __init__(self, kind: str, closer: str, open_pos: int, resume: str, script_body: bool = False):
        self.kind = kind
        self.closer = closer
        self.open_pos = open_pos
        self.expect = START_EXPECT[kind]
        self.resume = resume
        self.value_mode = OPERATOR
        self.awaiting = ""
        self.script_body = script_body
        self.last_type = ""
        self.first_comment: str | None = None
        self.first_comment_start = -1
        self.attr_resume = OPERAND
        self.keyword = ""
        self.named_blocks = False
        self.opener = ""  # the keyword whose '(' opened this frame, e.g. IF or DO_WHILE


def help_text(comment: str) -> str | None:
    """The help text of a comment (block or joined line comments) if it is comment-based help."""
    return comment if _HELP_KEYWORD.search(comment) else None


class Tokenizer:
    """Yields tokens for `source`, from `start`, until the end or the closing `)` of `$(`."""

    def __init__(self, source: SourceText, sub_parser: SubParser, start: int = 0,
                 subexpression: bool = False):
        self.source = source
        self.text = source.text
        self.length = len(self.text)
        self.start = start
        self.pos = start
        self.sub_parser = sub_parser
        self.subexpression = subexpression
        top = Frame("sub" if subexpression else "script", ")" if subexpression else "", start, STMT,
                    script_body=not subexpression)
        self.frames: list[Frame] = [top]
        self.continuation = False
        self.postfix_at = -1
        self.last: Token | None = None
        self.comments: list[tuple[int, int, str]] = []
        self.pending_comment: tuple[int, int, str] | None = None
        self.end_pos = self.length
        self.script_help: str | None = None
        self.no_more_parameters = False
        self.queued: list[Token] = []

    # ------------------------------------------------------------------ token helpers

    def _token(self, type_: str, start: int, end: int, value: object = None) -> Token:
        text = self.text[start:end]
        token = _new_str(Token, text)
        token.type = type_
        token.value = text if value is None else value
        token.start_pos = start
        token.end_pos = end
        source = self.source
        if source.line_start <= start < source.next_line_start:
            token.line = source.line
            token.column = start - source.line_start + 1
        else:
            token.line, token.column = source.position(start)
        self.frames[-1].last_type = type_
        self.continuation = type_ in CONTINUATION_TYPES
        self.last = token
        return token

    def _problem(self, error_id: str, start: int, end: int | None = None, *args: object,
                 incomplete: bool = False) -> SyntaxProblem:
        return SyntaxProblem(make_issue(error_id, self.source, start, end, *args, incomplete=incomplete))

    def _placed(self, node: ast.Node, start: int, end: int) -> ast.Node:
        """`node` with its position fields set for the text from `start` to `end`."""
        node.start, node.end = start, end
        node.line, node.col = self.source.position(start)
        return node

    # ------------------------------------------------------------------ trivia

    def _skip_blank(self) -> None:
        """Skip spaces, comments and backtick line continuations (not newlines)."""
        text = self.text
        while self.pos < self.length:
            char = text[self.pos]
            if char in " \t":
                self.pos += 1
            elif char == "#":
                self._comment_line()
            elif char == "<" and text.startswith("<#", self.pos):
                self._comment_block()
            elif char == "`" and self.pos + 1 < self.length and text[self.pos + 1] in "\r\n":
                newline = _NEWLINE.match(text, self.pos + 1)
                self.pos = newline.end()
            else:
                match = _BLANK.match(text, self.pos)
                if match is None:
                    return
                self.pos = match.end()

    def _comment_line(self) -> None:
        end = self.text.find("\n", self.pos)
        end = self.length if end < 0 else end
        if end > self.pos and self.text[end - 1] == "\r":
            end -= 1
        self._record_comment(self.pos, end, self.text[self.pos + 1:end])
        self.pos = end

    def _comment_block(self) -> None:
        end = self.text.find("#>", self.pos + 2)
        if end < 0:
            raise self._problem("MissingEndMultiLineComment", self.pos, self.length, "#>",
                                incomplete=True)
        self._record_comment(self.pos, end + 2, self.text[self.pos + 2:end])
        self.pos = end + 2

    def _record_comment(self, start: int, end: int, body: str) -> None:
        previous = self.pending_comment
        if (previous is not None and self.text[previous[1]:start].strip() == ""
                and self.text.count("\n", previous[1], start) <= 1 and self.text[previous[0]] == "#"
                and self.text[start] == "#"):
            self.pending_comment = (previous[0], end, previous[2] + "\n" + body)
        else:
            self.pending_comment = (start, end, body)
        self.comments.append((start, end, body))
        frame = self.frames[-1]
        if frame.last_type == "" and (frame.first_comment is None
                                      or frame.first_comment_start == self.pending_comment[0]):
            frame.first_comment = self.pending_comment[2]
            frame.first_comment_start = self.pending_comment[0]

    def _peek_significant(self, pos: int) -> int:
        """Offset of the next character that is neither white space, newline nor comment."""
        text = self.text
        while pos < self.length:
            pos = _WHITE_SPACE.match(text, pos).end()
            if pos >= self.length:
                break
            char = text[pos]
            if char == "#":
                end = text.find("\n", pos)
                pos = self.length if end < 0 else end
            elif text.startswith("<#", pos):
                end = text.find("#>", pos + 2)
                pos = self.length if end < 0 else end + 2
            elif char == "`" and pos + 1 < self.length and text[pos + 1] in "\r\n":
                pos += 2
            else:
                return pos
        return pos

    def _word_at(self, pos: int) -> str:
        match = _WORD.match(self.text, pos)
        return match.group().lower() if match else ""

    # ------------------------------------------------------------------ main loop

    def tokens(self) -> Iterator[Token]:
        """The token stream, up to the end of the text or the `)` that closes a `$(`."""
        text = self.text
        length = self.length
        spaces = _SPACES.match
        while True:
            pos = self.pos
            if pos < length and text[pos] in _SKIPPABLE:
                self.pos = pos = spaces(text, pos).end()
                if pos < length and text[pos] in _TRIVIA_STARTS:
                    self._skip_blank()
                    pos = self.pos
            if pos >= length:
                yield from self._end_of_input()
                return
            char = text[pos]
            frame = self.frames[-1]
            if char == "\n" or char == "\r":
                token = self._newline(frame)
                if token is not None:
                    yield token
                continue
            if char == ";":
                yield self._separator(frame, self.pos, self.pos + 1)
                self.pos += 1
                continue
            if char in ")}]":
                if char == frame.closer:
                    if (frame.kind in LIST_KINDS and frame.last_type not in SEPARATORS
                            and not frame.named_blocks):
                        yield self._token("_SEP", self.pos, self.pos, "")
                    token = self._close(frame)
                    if token is None:  # the `)` that ends a `$(`
                        return
                    yield token
                    continue
                if not (char == "]" and frame.expect == ATTR_CLOSE):
                    self.pos += 1
                    yield self._token(VALUE_CLOSERS[char], self.pos - 1, self.pos)
                    continue
            token = _HANDLERS[frame.expect](self, frame, char)
            if token is not None:
                yield token
            if self.queued:
                yield from self.queued
                self.queued.clear()

    def _end_of_input(self) -> Iterator[Token]:
        frame = self.frames[-1]
        self.end_pos = self.length
        if len(self.frames) == 1 and frame.kind == "script":
            self.script_help = frame.first_comment and help_text(frame.first_comment)
        if frame.kind in LIST_KINDS and frame.last_type not in SEPARATORS and not frame.named_blocks:
            yield self._token("_SEP", self.length, self.length, "")

    def _newline(self, frame: Frame) -> Token | None:
        start = self.pos
        self.pos = _NEWLINE.match(self.text, self.pos).end()
        if frame.kind in NO_NEWLINE_KINDS or self.continuation or frame.awaiting or frame.named_blocks:
            return None
        if frame.expect in (DO_TAIL, KW_PAREN, FUNC_NAME, FUNC_AFTER_NAME, ATTR_CLOSE):
            return None
        if frame.last_type in SEPARATORS or frame.last_type == "" or frame.last_type == "LBRACE":
            return None
        ahead = self._peek_significant(self.pos)
        if ahead >= self.length and frame.kind != "script":
            return None
        if ahead < self.length and self.text[ahead] == frame.closer:
            return None
        word = self._word_at(ahead) if ahead < self.length and self.text[ahead].isalpha() else ""
        if word in CONTINUATION_AFTER_CLAUSE and frame.last_type == "RBRACE":
            return None
        if word in NAMED_BLOCKS and frame.script_body and self._named_block_at(ahead, word):
            return None
        return self._separator(frame, start, start, "\n")

    def _separator(self, frame: Frame, start: int, end: int, value: str = ";") -> Token:
        type_ = "SEMI" if frame.kind == "for" else "_SEP"
        token = self._token(type_, start, end, value)
        frame.expect = START_EXPECT[frame.kind] if frame.kind != "paren" else PIPE_ELEM
        frame.awaiting = ""
        frame.keyword = ""
        self.no_more_parameters = False
        return token

    def _named_block_at(self, pos: int, word: str) -> bool:
        after = self._peek_significant(pos + len(word))
        end_of_word = pos + len(word)
        return (after < self.length and self.text[after] == "{"
                and (end_of_word >= self.length or not (self.text[end_of_word].isalnum()
                                                        or self.text[end_of_word] in "-_")))

    # ------------------------------------------------------------------ frames

    def _push(self, kind: str, closer: str, open_pos: int, resume: str,
              script_body: bool = False) -> Frame:
        frame = Frame(kind, closer, open_pos, resume, script_body)
        self.frames.append(frame)
        self.continuation = False
        return frame

    def _close(self, frame: Frame) -> Token | None:
        """Pop `frame` at its closing bracket: the bracket's token (None for the `)` of a `$(`)."""
        start = self.pos
        self.frames.pop()
        self.pos += 1
        if self.subexpression and not self.frames:
            self.end_pos = self.pos
            return None
        parent = self.frames[-1]
        closer = self.text[start]
        if closer == "}":
            comment = frame.first_comment
            value = (self.text[frame.open_pos + 1:start], comment and help_text(comment))
            token = self._token("RBRACE", start, self.pos, value)
        else:
            token = self._token(VALUE_CLOSERS[closer], start, self.pos)
        parent.expect = frame.resume
        self.postfix_at = self.pos
        return token

    # ------------------------------------------------------------------ dispatch

    def _dispatch(self, frame: Frame, char: str) -> Token | None:
        """The next token, read the way `frame.expect` says (see _HANDLERS)."""
        return _HANDLERS[frame.expect](self, frame, char)

    def _operand_start(self, frame: Frame, char: str) -> Token:
        frame.value_mode = OPERATOR
        if frame.kind == "attr" and (char.isalpha() or char == "_"):
            return self._attribute_name(frame)
        return self._operand(frame, char)

    def _switch_pattern(self, frame: Frame, char: str) -> Token:
        frame.value_mode = SWITCH_BODY
        return self._argument_value(frame, char)

    # ------------------------------------------------------------------ statements

    def _statement_start(self, frame: Frame, char: str, keywords: bool = True) -> Token:
        if char in _VALUE_STARTS:
            frame.value_mode = OPERATOR
            return self._operand(frame, char)
        text = self.text
        pos = self.pos
        if keywords:
            if char.isalpha():
                token = self._keyword(frame)
                if token is not None:
                    return token
            elif char == ":":
                match = _LABEL.match(text, pos)
                if match:
                    self.pos = match.end()
                    return self._token("LABEL", pos, self.pos, match.group(1))
        if char == "&" and not text.startswith("&&", pos):
            self.pos += 1
            frame.expect = ARGS
            frame.value_mode = ARGS
            return self._token("INVOKE", pos, pos + 1, "&")
        if char == "." and self._is_dot_source(pos):
            self.pos += 1
            frame.expect = ARGS
            frame.value_mode = ARGS
            return self._token("INVOKE", pos, pos + 1, ".")
        if self._starts_value(pos, char):
            frame.value_mode = OPERATOR
            return self._operand(frame, char)
        frame.value_mode = ARGS
        frame.expect = ARGS
        self.no_more_parameters = False
        token = self._bare_word(pos, "COMMAND_NAME")
        return token

    def _is_dot_source(self, pos: int) -> bool:
        nxt = self.text[pos + 1] if pos + 1 < self.length else " "
        return nxt in " \t$({'\"&" or nxt in DOUBLE_QUOTES or nxt in SINGLE_QUOTES

    def _starts_value(self, pos: int, char: str) -> bool:
        text = self.text
        if char in _VALUE_STARTS:
            return True
        nxt = text[pos + 1] if pos + 1 < self.length else ""
        if char in DIGITS or (char == "." and nxt in DIGITS):
            match = NUMBER_PATTERN.match(text, pos)
            end = match.end() if match else pos
            if text.startswith("..", end):
                return True
            return end >= self.length or not (text[end].isalnum() or text[end] in "_.\\:")
        if char in DASHES:
            if nxt in DIGITS or nxt in "$([.-" or nxt in DASHES or nxt == "+":
                return True
            word = _DASH_WORD.match(text, pos)
            return bool(word) and word.group(1).lower() in UNARY_WORDS
        if char == "+":
            return nxt in DIGITS or nxt in "$(+"
        return False

    def _keyword(self, frame: Frame) -> Token | None:
        text = self.text
        pos = self.pos
        match = _WORD.match(text, pos)
        if match is None:
            return None
        end = match.end()
        if end < self.length and not (text[end] in " \t\r\n({;)}|" or text[end] in "\u00a0"):
            return None
        word = match.group().lower()
        if word in NAMED_BLOCKS:
            if not (frame.script_body and (self._named_block_at(pos, word)
                                           or frame.named_blocks or frame.last_type == "")):
                return None
            self.pos = end
            frame.awaiting = "named"
            frame.named_blocks = True
            return self._token("BLOCK_NAME", pos, end, word)
        type_ = KEYWORDS.get(word)
        if type_ is None or type_ == "UNTIL":
            return None
        if type_ == "PARAM":
            after = self._peek_significant(end)
            if after >= self.length or text[after] != "(":
                return None
        self.pos = end
        value: object = word
        if type_ in ("FUNCTION", "FILTER"):
            value = self._help_before(pos) or ""
        token = self._token(type_, pos, end, value)
        self._after_keyword(frame, type_)
        return token

    def _after_keyword(self, frame: Frame, type_: str) -> None:
        frame.keyword = type_
        if type_ in BLOCK_KEYWORDS:
            frame.awaiting = "do" if type_ == "DO" else "block"
        if type_ in ("IF", "ELSEIF", "WHILE", "FOREACH", "FOR"):
            frame.expect = KW_PAREN
        elif type_ == "SWITCH":
            frame.expect = SWITCH_HEAD
            frame.awaiting = "switch"
        elif type_ in ("FUNCTION", "FILTER"):
            frame.expect = FUNC_NAME
            frame.awaiting = "fn"
        elif type_ in ("CATCH", "TRAP"):
            frame.expect = OPERAND
        elif type_ in ("BREAK", "CONTINUE"):
            frame.expect = ARGS
            frame.value_mode = ARGS
        elif type_ == "PARAM":
            frame.expect = KW_PAREN
        elif type_ in ("RETURN", "THROW", "EXIT"):
            frame.expect = PIPE_ELEM
        else:
            frame.expect = STMT

    def _help_before(self, pos: int) -> str | None:
        comment = self.pending_comment
        if comment is None or (self.last is not None and self.last.end_pos > comment[0]):
            return None
        if self.text.count("\n", comment[1], pos) > 2:
            return None
        found = help_text(comment[2])
        top = self.frames[0]
        if found and len(self.frames) == 1 and top.first_comment_start == comment[0]:
            top.first_comment = None
        return found

    def _keyword_paren(self, frame: Frame, char: str) -> Token:
        if char != "(":
            frame.expect = STMT
            return self._dispatch(frame, char)
        keyword = frame.keyword
        kind = {"FOREACH": "foreach", "FOR": "for", "PARAM": "params"}.get(keyword, "paren")
        resume = STMT
        if keyword == "PARAM":
            frame.awaiting = ""
        self.pos += 1
        token = self._token("LPAREN", self.pos - 1, self.pos)
        self._push(kind, ")", self.pos - 1, resume).opener = keyword
        return token

    def _do_tail(self, frame: Frame, char: str) -> Token:
        word = self._word_at(self.pos)
        if word in ("while", "until"):
            start = self.pos
            self.pos += len(word)
            frame.expect = KW_PAREN
            frame.keyword = "DO_" + word.upper()
            return self._token(word.upper(), start, self.pos, word)
        frame.expect = STMT
        return self._dispatch(frame, char)

    def _function_name(self, frame: Frame, _char: str) -> Token:
        match = _FUNC_NAME.match(self.text, self.pos)
        if match is None:
            frame.expect = FUNC_AFTER_NAME
            return self._dispatch(frame, self.text[self.pos])
        self.pos = match.end()
        frame.expect = FUNC_AFTER_NAME
        return self._token("FUNC_NAME", match.start(), match.end(), match.group())

    def _function_after_name(self, frame: Frame, char: str) -> Token:
        if char == "(":
            self.pos += 1
            token = self._token("LPAREN", self.pos - 1, self.pos)
            self._push("params", ")", self.pos - 1, FUNC_AFTER_NAME)
            return token
        frame.expect = STMT
        return self._dispatch(frame, char)

    def _switch_head(self, frame: Frame, char: str) -> Token:
        if char in DASHES:
            match = _PARAMETER.match(self.text, self.pos)
            if match:
                self.pos = match.end()
                node = make.CommandParameter(name=match.group(1))
                if switch_flag(node.name) is None:  # PowerShell reports it and goes on
                    report(make_issue("InvalidSwitchFlag", self.source, match.start(), match.end(),
                                      node.name))
                return self._token("PARAMETER", match.start(), match.end(),
                                   self._placed(node, match.start(), match.end()))
        if char == "{":
            return self._open_brace(frame)
        frame.value_mode = SWITCH_HEAD
        token = self._argument_value(frame, char)
        if char == "(":
            self.frames[-1].opener = "SWITCH"
        return token

    def _switch_body(self, frame: Frame, char: str) -> Token:
        if char == "{":
            self.pos += 1
            token = self._token("LBRACE", self.pos - 1, self.pos)
            self._push("block", "}", self.pos - 1, SWITCH_PAT)
            return token
        if self.pos == self.postfix_at:
            postfix = self._postfix(frame, char)
            if postfix is not None:
                return postfix
        frame.expect = SWITCH_PAT
        return self._dispatch(frame, char)

    # ------------------------------------------------------------------ braces

    def _open_brace(self, frame: Frame) -> Token:
        start = self.pos
        self.pos += 1
        token = self._token("LBRACE", start, self.pos)
        awaiting = frame.awaiting
        frame.awaiting = ""
        if awaiting == "switch":
            self._push("switch", "}", start, STMT)
        elif awaiting == "do":
            self._push("block", "}", start, DO_TAIL)
        elif awaiting == "fn":
            self._push("block", "}", start, STMT, script_body=True)
        elif awaiting:
            self._push("block", "}", start, STMT)
        else:
            self._push("block", "}", start, frame.value_mode, script_body=True)
        return token

    # ------------------------------------------------------------------ expression mode

    def _operand(self, frame: Frame, char: str) -> Token:
        text = self.text
        pos = self.pos
        nxt = text[pos + 1] if pos + 1 < self.length else ""
        if char == "$":
            return self._dollar(frame, pos, nxt)
        if char == "@":
            return self._at(frame, pos, nxt)
        if char in SINGLE_QUOTES or char in DOUBLE_QUOTES:
            return self._string(frame, pos, char)
        if char in DIGITS or (char == "." and nxt in DIGITS):
            return self._number(frame, pos)
        if char == "(":
            return self._open_paren(frame, pos)
        if char == "[":
            return self._type_literal(frame, pos)
        if char == "{":
            return self._open_brace(frame)
        if char in DASHES:
            return self._dash_operand(frame, pos, nxt)
        if char == "+":
            if nxt == "+":
                self.pos += 2
                return self._token("PLUSPLUS", pos, pos + 2)
            self.pos += 1
            return self._token("PLUS", pos, pos + 1)
        if char == "!":
            self.pos += 1
            return self._token("UNARY_OP", pos, pos + 1, "!")
        if char == ",":
            self.pos += 1
            return self._token("COMMA", pos, pos + 1)
        return self._stray(frame, pos)

    def _stray(self, frame: Frame, pos: int) -> Token:
        """A token that cannot appear here; the parser reports it as unexpected."""
        text = self.text
        if text[pos].isalnum() or text[pos] == "_":
            match = _BARE_CHUNK.match(text, pos)
            self.pos = match.end()
        else:
            self.pos = pos + (2 if text.startswith(("&&", "||"), pos) else 1)
        frame.expect = OPERATOR
        return self._token("BAD", pos, self.pos)

    def _dash_operand(self, frame: Frame, pos: int, nxt: str) -> Token:
        match = _DASH_WORD.match(self.text, pos)
        if match:
            name = operator_name(match.group(1))
            if name in UNARY_WORDS or name == "csplit":
                self.pos = match.end()
                return self._token("UNARY_OP", pos, self.pos, "-" + name)
            type_ = WORD_OPERATORS.get(name[1:] if name in CASE_VARIANTS else name)
            if type_ is not None:
                self.pos = match.end()
                frame.expect = OPERAND
                return self._token(type_, pos, self.pos, "-" + name)
            return self._stray(frame, pos)
        if nxt == "-" or nxt in DASHES:
            self.pos += 2
            return self._token("MINUSMINUS", pos, pos + 2)
        self.pos += 1
        return self._token("MINUS", pos, pos + 1)

    def _operator(self, frame: Frame, char: str) -> Token:
        text = self.text
        pos = self.pos
        nxt = text[pos + 1] if pos + 1 < self.length else ""
        if pos == self.postfix_at:
            postfix = self._postfix(frame, char)
            if postfix is not None:
                return postfix
        if frame.expect == AFTER_TYPE:
            if char == "[":
                return self._type_literal(frame, pos)
            if char == ":" and nxt == ":":
                self.pos += 2
                frame.expect = MEMBER
                return self._token("COLONCOLON", pos, pos + 2)
        if char in DASHES:
            match = _DASH_WORD.match(text, pos)
            if match:
                name = operator_name(match.group(1))
                type_ = WORD_OPERATORS.get(name[1:] if name in CASE_VARIANTS else name)
                if type_ is None:
                    return self._stray(frame, pos)
                self.pos = match.end()
                frame.expect = OPERAND
                return self._token(type_, pos, self.pos, "-" + name)
            if nxt == "=":
                return self._assign(frame, pos, 2)
            if nxt == "-" or nxt in DASHES:
                self.pos += 2
                return self._token("MINUSMINUS", pos, pos + 2)
            self.pos += 1
            frame.expect = OPERAND
            return self._token("MINUS", pos, pos + 1)
        if char == "+":
            if nxt == "=":
                return self._assign(frame, pos, 2)
            if nxt == "+":
                self.pos += 2
                return self._token("PLUSPLUS", pos, pos + 2)
            self.pos += 1
            frame.expect = OPERAND
            return self._token("PLUS", pos, pos + 1)
        if char in "*/%":
            if char == "*" and nxt == ">":
                return self._redirection(frame, pos)
            if nxt == "=":
                return self._assign(frame, pos, 2)
            self.pos += 1
            frame.expect = OPERAND
            return self._token("MUL_OP", pos, pos + 1, char)
        if char == "=":
            return self._assign(frame, pos, 1)
        if char == "." and nxt == ".":
            self.pos += 2
            frame.expect = OPERAND
            return self._token("DOTDOT", pos, pos + 2)
        if char == ":" and nxt == ":":
            self.pos += 2
            frame.expect = MEMBER
            return self._token("COLONCOLON", pos, pos + 2)
        if char == ",":
            self.pos += 1
            frame.expect = OPERAND
            return self._token("COMMA", pos, pos + 1)
        if char == "|" and nxt != "|":
            self.pos += 1
            frame.expect = PIPE_ELEM
            return self._token("PIPE", pos, pos + 1)
        if char == ">" or (char in DIGITS and nxt == ">"):
            return self._redirection(frame, pos)
        if char == "<":
            raise self._problem("RedirectionNotSupported", pos, pos + 1, "<")
        if char == "{":
            return self._open_brace(frame)
        if frame.kind == "foreach" and self._word_at(pos) == "in" and not (
                pos + 2 < self.length and (text[pos + 2].isalnum() or text[pos + 2] == "_")):
            self.pos += 2
            frame.expect = STMT
            return self._token("IN", pos, pos + 2)
        if char in "&|" or char == ".":
            return self._stray(frame, pos)
        return self._operand(frame, char)

    def _assign(self, frame: Frame, pos: int, width: int) -> Token:
        self.pos = pos + width
        frame.expect = OPERAND if frame.kind == "params" else STMT
        return self._token("ASSIGN_OP", pos, self.pos, self.text[pos:self.pos])

    def _postfix(self, frame: Frame, char: str) -> Token | None:
        """`.member`, `::member` or `[index]` right after a value (no white space between)."""
        text = self.text
        pos = self.pos
        nxt = text[pos + 1] if pos + 1 < self.length else ""
        if char == "." and nxt != "." and (nxt.isalnum() or nxt in "_$(" or nxt in SINGLE_QUOTES
                                           or nxt in DOUBLE_QUOTES):
            self.pos += 1
            frame.expect = MEMBER
            return self._token("DOT", pos, pos + 1)
        if char == ":" and nxt == ":":
            self.pos += 2
            frame.expect = MEMBER
            return self._token("COLONCOLON", pos, pos + 2)
        if char == "[":
            self.pos += 1
            token = self._token("LBRACKET", pos, pos + 1)
            self._push("index", "]", pos, frame.value_mode)
            return token
        return None

    def _member_name(self, frame: Frame, char: str) -> Token:
        text = self.text
        pos = self.pos
        mode = frame.value_mode
        if char == "$":
            token = self._dollar(frame, pos, text[pos + 1] if pos + 1 < self.length else "")
        elif char in SINGLE_QUOTES or char in DOUBLE_QUOTES:
            token = self._string(frame, pos, char)
        elif char == "(":
            return self._open_paren(frame, pos)
        else:
            match = _MEMBER_NAME.match(text, pos)
            if match is None:
                return self._stray(frame, pos)
            self.pos = match.end()
            node = make.StringConstant(value=match.group(), kind="bare")
            token = self._token("MEMBER_NAME", pos, self.pos, self._placed(node, pos, self.pos))
        frame.expect = mode
        self.postfix_at = self.pos
        if self.pos < self.length and text[self.pos] == "(":
            start = self.pos
            self.pos += 1
            self.queued.append(self._token("CALL_LPAREN", start, self.pos))
            self._push("call", ")", start, mode)
        return token

    def _open_paren(self, frame: Frame, pos: int) -> Token:
        self.pos = pos + 1
        token = self._token("LPAREN", pos, pos + 1)
        self._push("paren", ")", pos, frame.value_mode)
        return token

    # ------------------------------------------------------------------ values

    def _dollar(self, frame: Frame, pos: int, nxt: str) -> Token:
        if nxt == "(":
            self.pos = pos + 2
            token = self._token("DOLLAR_LPAREN", pos, pos + 2)
            self._push("sub", ")", pos + 1, frame.value_mode)
            return token
        found = scan_variable(self.source, pos)
        if found is None:
            if frame.value_mode == ARGS:
                return self._bare_word(pos, "BARE_WORD")
            raise self._problem("InvalidVariableReference", pos, pos + 1)
        variable, end = found
        self.pos = self.postfix_at = end
        frame.expect = frame.value_mode
        return self._token("VARIABLE", pos, end, variable)

    def _value_done(self, frame: Frame) -> None:
        frame.expect = frame.value_mode
        self.postfix_at = self.pos

    def _at(self, frame: Frame, pos: int, nxt: str) -> Token:
        if nxt == "(":
            self.pos = pos + 2
            token = self._token("AT_LPAREN", pos, pos + 2)
            self._push("sub", ")", pos + 1, frame.value_mode)
            return token
        if nxt == "{":
            self.pos = pos + 2
            token = self._token("AT_LBRACE", pos, pos + 2)
            self._push("hash", "}", pos + 1, frame.value_mode)
            return token
        if nxt and (nxt in SINGLE_QUOTES or nxt in DOUBLE_QUOTES):
            parts, expandable, end = scan_here_string(self.source, pos, self.sub_parser)
            self.pos = end
            node = self._string_node(parts, pos, end, "here_double" if expandable else "here_single")
            self._value_done(frame)
            return self._token("STRING", pos, end, node)
        found = scan_variable(self.source, pos, splat=True)
        if found is None:
            return self._stray(frame, pos)
        variable, end = found
        self.pos = end
        self._value_done(frame)
        return self._token("SPLAT", pos, end, variable)

    def _string_node(self, parts: list, start: int, end: int, kind: str) -> ast.Node:
        if kind in ("single", "here_single"):
            node = make.StringConstant(value=parts[0] if parts else "", kind=kind)
        elif all(isinstance(part, str) for part in parts):
            node = make.StringConstant(value="".join(parts), kind=kind)
        else:
            node = make.ExpandableString(parts=parts, kind=kind)
        return self._placed(node, start, end)

    def _string(self, frame: Frame, pos: int, quote: str) -> Token:
        if quote in SINGLE_QUOTES:
            value, end = scan_single_quoted(self.source, pos)
            node = self._string_node([value], pos, end, "single")
        else:
            parts, end = scan_double_quoted(self.source, pos, self.sub_parser)
            node = self._string_node(parts, pos, end, "double")
        self.pos = end
        self._value_done(frame)
        return self._token("STRING", pos, end, node)

    def _number(self, frame: Frame, pos: int) -> Token:
        match = NUMBER_PATTERN.match(self.text, pos)
        end = match.end()
        if end < self.length and (self.text[end].isalnum() or self.text[end] == "_"):
            bad = _BARE_CHUNK.match(self.text, pos)
            raise self._problem("BadNumericConstant", pos, bad.end(), bad.group())
        return self._number_token(frame, match, pos, end)

    def _number_token(self, frame: Frame, match: re.Match[str], pos: int, end: int,
                      negative: bool = False) -> Token:
        try:
            value, clr_type = convert_number(match)
        except BadNumber:
            raise self._problem("BadNumericConstant", pos, end, self.text[pos:end]) from None
        if negative:
            value = -value
        self.pos = end
        node = make.Constant(value=value, text=self.text[pos:end], clr_type=clr_type)
        self._placed(node, pos, end)
        frame.expect = frame.value_mode
        return self._token("NUMBER", pos, end, node)

    def _type_literal(self, frame: Frame, pos: int) -> Token:
        found = scan_type_name(self.text, pos + 1)
        if found is None:
            raise self._problem("MissingTypename", pos + 1, pos + 1)
        name, end = found
        text = self.text
        while end < self.length and text[end] in " \t":
            end += 1
        if end < self.length and text[end] == "(":
            self.pos = end + 1
            token = self._token("ATTR_START", pos, self.pos, name)
            frame.attr_resume = frame.expect if frame.expect != AFTER_TYPE else OPERAND
            frame.expect = ATTR_CLOSE
            self._push("attr", ")", end, ATTR_CLOSE)
            return token
        if end >= self.length or text[end] != "]":
            raise self._problem("EndSquareBracketExpectedAtEndOfType", end, end)
        self.pos = end + 1
        node = self._placed(make.TypeName(name=name), pos, self.pos)
        frame.expect = AFTER_TYPE
        return self._token("TYPE", pos, self.pos, node)

    def _attribute_close(self, frame: Frame, char: str) -> Token:
        if char != "]":
            frame.expect = frame.attr_resume
            return self._stray(frame, self.pos)
        self.pos += 1
        frame.expect = frame.attr_resume
        token = self._token("RBRACKET", self.pos - 1, self.pos)
        self.continuation = True
        return token

    def _hash_key(self, frame: Frame, char: str) -> Token:
        frame.value_mode = OPERATOR
        if not (char.isalnum() or char == "_"):
            return self._operand(frame, char)
        pos = self.pos
        match = _HASH_KEY.match(self.text, pos)
        number = NUMBER_PATTERN.fullmatch(match.group())
        if number is not None:
            return self._number_token(frame, number, pos, match.end())
        self.pos = match.end()
        frame.expect = OPERATOR
        node = self._placed(make.StringConstant(value=match.group(), kind="bare"), pos, self.pos)
        return self._token("HASH_KEY", pos, self.pos, node)

    def _attribute_name(self, frame: Frame) -> Token:
        """`Mandatory` or `Position = 0` inside an attribute's parentheses."""
        pos = self.pos
        match = _ATTR_NAME.match(self.text, pos)
        self.pos = match.end()
        if match.group(2):
            frame.expect = OPERAND
            return self._token("ATTR_NAME", pos, self.pos, match.group(1))
        frame.expect = OPERATOR
        return self._token("ATTR_FLAG", pos, match.end(1), match.group(1))

    # ------------------------------------------------------------------ argument mode

    def _argument(self, frame: Frame, char: str) -> Token | None:
        text = self.text
        pos = self.pos
        if pos == self.postfix_at:
            postfix = self._postfix(frame, char)
            if postfix is not None:
                return postfix
        nxt = text[pos + 1] if pos + 1 < self.length else ""
        if char == "|" and nxt != "|":
            self.pos += 1
            frame.expect = PIPE_ELEM
            return self._token("PIPE", pos, pos + 1)
        if char == ",":
            self.pos += 1
            return self._token("COMMA", pos, pos + 1)
        if char == ">" or (char in "123456*" and nxt == ">"):
            return self._redirection(frame, pos)
        if char == "<":
            raise self._problem("RedirectionNotSupported", pos, pos + 1, "<")
        if char == "&":
            return self._stray(frame, pos)
        if char in DASHES and not self.no_more_parameters and pos != self.postfix_at:
            if (nxt == "-" or nxt in DASHES) and self._ends_word(pos + 2):
                self.pos = pos + 2
                self.no_more_parameters = True
                return None
            match = _PARAMETER.match(text, pos)
            if match:
                self.pos = match.end()
                name = match.group(1)
                type_ = "PARAM_COLON" if match.group(2) else "PARAMETER"
                node = self._placed(make.CommandParameter(name=name), pos, self.pos)
                return self._token(type_, pos, self.pos, node)
        frame.value_mode = ARGS
        return self._argument_value(frame, char)

    def _ends_word(self, pos: int) -> bool:
        return pos >= self.length or self.text[pos] in " \t\r\n;|)}"

    def _argument_value(self, frame: Frame, char: str) -> Token:
        """One argument: a value with its postfix operators, or a bare word."""
        text = self.text
        pos = self.pos
        nxt = text[pos + 1] if pos + 1 < self.length else ""
        if char == "$":
            if nxt == "(":
                return self._dollar(frame, pos, nxt)
            found = scan_variable(self.source, pos)
            if found is not None:
                end = found[1]
                after = text[end] if end < self.length else " "
                if self._argument_ends(after, end):
                    self.pos = end
                    self._value_done(frame)
                    return self._token("VARIABLE", pos, end, found[0])
            return self._bare_word(pos, "BARE_WORD")
        if char == "@" and nxt and (nxt in "({" or nxt in SINGLE_QUOTES or nxt in DOUBLE_QUOTES
                                    or nxt.isalnum() or nxt == "_"):
            return self._at(frame, pos, nxt)
        if char in SINGLE_QUOTES or char in DOUBLE_QUOTES:
            return self._string(frame, pos, char)
        if char == "(":
            return self._open_paren(frame, pos)
        if char == "{":
            return self._open_brace(frame)
        if char in DIGITS or char in DASHES or char == "." or char == "+":
            start = pos + 1 if char in DASHES or char == "+" else pos
            match = NUMBER_PATTERN.match(text, start)
            if match and self._ends_word(match.end()) or (
                    match and match.end() < self.length and text[match.end()] == ","):
                return self._number_token(frame, match, pos, match.end(),
                                          negative=char in DASHES)
        return self._bare_word(pos, "BARE_WORD")

    def _argument_ends(self, after: str, end: int) -> bool:
        """After `$var` in argument mode: does the argument end (or a postfix follow)?"""
        if after in " \t\r\n;,|)}&":
            return True
        if after == "[":
            return True
        if after == "." and end + 1 < self.length:
            nxt = self.text[end + 1]
            return nxt.isalnum() or nxt in "_$(" or nxt in SINGLE_QUOTES or nxt in DOUBLE_QUOTES
        return after == ":" and self.text.startswith("::", end)

    def _bare_word(self, pos: int, type_: str) -> Token:
        """A generic token: text up to a metacharacter, with `$var`, quotes and escapes inside."""
        text = self.text
        plain = _BARE_CHUNK.match(text, pos)
        if plain is not None and (plain.end() >= self.length or text[plain.end()] not in _IN_WORD):
            self.pos = end = plain.end()  # no escapes, variables or quotes inside
            node = self._placed(make.StringConstant(value=plain.group(), kind="bare"), pos, end)
            return self._token(type_, pos, end, node)
        builder = _PartsBuilder()
        cursor = pos
        while cursor < self.length:
            match = _BARE_CHUNK.match(text, cursor)
            if match:
                builder.add_text(match.group())
                cursor = match.end()
                if cursor >= self.length:
                    break
            char = text[cursor]
            if char == "`":
                if cursor + 1 < self.length and text[cursor + 1] in "\r\n":
                    break
                value, cursor = escape_at(text, cursor)
                builder.add_text(value)
            elif char == "$":
                cursor = expand_dollar(self.source, cursor, builder, self.sub_parser)
            elif char in SINGLE_QUOTES:
                value, cursor = scan_single_quoted(self.source, cursor)
                builder.add_text(value)
            elif char in DOUBLE_QUOTES:
                parts, cursor = scan_double_quoted(self.source, cursor, self.sub_parser)
                for part in parts:
                    if isinstance(part, str):
                        builder.add_text(part)
                    else:
                        builder.add_node(part)
            else:
                break
        if cursor == pos:
            return self._stray(self.frames[-1], pos)
        self.pos = cursor
        parts = builder.finish()
        if any(not isinstance(part, str) for part in parts):
            node: ast.Node = make.ExpandableString(parts=parts, kind="bare")
        else:
            node = make.StringConstant(value="".join(parts), kind="bare")
        return self._token(type_, pos, cursor, self._placed(node, pos, cursor))

    def _redirection(self, frame: Frame, pos: int) -> Token:
        match = _REDIRECT.match(self.text, pos)
        stream, op, merge_to = match.group(1) or "1", match.group(2), match.group(3)
        self.pos = end = match.end()
        if merge_to and op == ">" and match.group(1):
            node = self._placed(make.Redirection(stream=stream, merge_to=merge_to), pos, end)
            frame.expect = frame.value_mode if frame.value_mode == ARGS else OPERATOR
            return self._token("REDIRECT_MERGE", pos, self.pos, node)
        if merge_to:
            self.pos = pos + len(match.group(1) or "") + len(op)
        node = self._placed(make.Redirection(stream=stream, append=op == ">>"), pos, end)
        frame.expect = ARGS
        frame.value_mode = ARGS
        return self._token("REDIRECT_FILE", pos, self.pos, node)


_HANDLERS: dict[str, Callable[[Tokenizer, Frame, str], Token | None]] = {
    STMT: Tokenizer._statement_start,
    PIPE_ELEM: partial(Tokenizer._statement_start, keywords=False),
    ARGS: Tokenizer._argument,
    OPERATOR: Tokenizer._operator,
    AFTER_TYPE: Tokenizer._operator,
    OPERAND: Tokenizer._operand_start,
    MEMBER: Tokenizer._member_name,
    HASH_KEY: Tokenizer._hash_key,
    SWITCH_PAT: Tokenizer._switch_pattern,
    SWITCH_BODY: Tokenizer._switch_body,
    SWITCH_HEAD: Tokenizer._switch_head,
    KW_PAREN: Tokenizer._keyword_paren,
    FUNC_NAME: Tokenizer._function_name,
    FUNC_AFTER_NAME: Tokenizer._function_after_name,
    DO_TAIL: Tokenizer._do_tail,
    ATTR_CLOSE: Tokenizer._attribute_close,
}


def scan_type_name(text: str, pos: int) -> tuple[str, int] | None:
    """Scan a type name (with generic arguments and array ranks) from `pos`; no brackets around."""
    match = _TYPE_WORD.match(text, pos)
    if match is None:
        return None
    name = match.group(1)
    pos = match.end()
    length = len(text)
    while pos < length and text[pos] == "[":
        cursor = pos + 1
        while cursor < length and text[cursor] in " \t":
            cursor += 1
        if cursor < length and text[cursor] in ",]":
            commas = 0
            while cursor < length and text[cursor] == ",":
                commas += 1
                cursor += 1
            if cursor >= length or text[cursor] != "]":
                return None
            name += "[" + "," * commas + "]"
            pos = cursor + 1
            continue
        arguments: list[str] = []
        while True:
            while cursor < length and text[cursor] in " \t":
                cursor += 1
            bracketed = cursor < length and text[cursor] == "["
            inner = scan_type_name(text, cursor + 1 if bracketed else cursor)
            if inner is None:
                return None
            argument, cursor = inner
            if bracketed:
                while cursor < length and text[cursor] in " \t":
                    cursor += 1
                if cursor >= length or text[cursor] != "]":
                    return None
                cursor += 1
            arguments.append(argument)
            while cursor < length and text[cursor] in " \t":
                cursor += 1
            if cursor < length and text[cursor] == ",":
                cursor += 1
                continue
            break
        if cursor >= length or text[cursor] != "]":
            return None
        name += "[" + ",".join(arguments) + "]"
        pos = cursor + 1
    return name, pos

