"""Source text with fast offset to line/column lookup."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class SourceText:
    """The script text and the offsets where its lines start (CRLF, LF and CR all end a line)."""

    __slots__ = ("text", "line_starts")

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1
