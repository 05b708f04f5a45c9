"""Source text with fast offset to line/column lookup."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class SourceText:
    """The script text and the offsets where its lines start (CRLF, LF and CR all end a line).

    Lookups mostly move forward through the text, so the last line found is kept as a cursor
    (`line`, `line_start`, `next_line_start`); other offsets fall back to a binary search.
    """

    __slots__ = ("text", "line_starts", "line", "line_start", "next_line_start")

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.line = 1
        self.line_start = 0
        self.next_line_start = self.line_starts[1] if len(self.line_starts) > 1 else len(text) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of `offset`."""
        if self.line_start <= offset < self.next_line_start:
            return self.line, offset - self.line_start + 1
        starts = self.line_starts
        line = bisect_right(starts, offset)
        self.line = line
        self.line_start = starts[line - 1]
        self.next_line_start = starts[line] if line < len(starts) else len(self.text) + 1
        return line, offset - self.line_start + 1
