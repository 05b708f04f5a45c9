"""Line breaking as PowerShell's formatter does it (StringManipulationHelper.GenerateLines).

Lines longer than the width break between words; a word longer than a whole line is cut
into pieces of exactly the width. Wrapped pieces lose their trailing blanks.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"\s*\S+\s*|\s+")


def split_lines(text: str) -> list[str]:
    """Split on CR LF, LF or CR, as .NET's line readers do."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def wrap_line(line: str, width: int) -> list[str]:
    """One logical line broken into screen lines no wider than `width` (word wrap)."""
    if len(line) <= width or width < 1:
        return [line]
    lines: list[str] = []
    current = ""
    for word in _WORDS.findall(line):
        if len(current) + len(word.rstrip()) <= width:
            current += word
            continue
        if current.strip():
            lines.append(current.rstrip())
            current = ""
            word = word.lstrip() or word
        while len(word.rstrip()) > width:
            lines.append(word[:width])
            word = word[width:]
        current = word
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def wrap_text(text: str, width: int) -> list[str]:
    """Every line of `text` word-wrapped at `width`."""
    out: list[str] = []
    for line in split_lines(text):
        out.extend(wrap_line(line, width))
    return out


def truncate_at_newline(text: str) -> str:
    """A table cell shows only the first line of a multi-line value, followed by '...'."""
    for index, char in enumerate(text):
        if char in "\r\n":
            return text[:index] + "..."
    return text
