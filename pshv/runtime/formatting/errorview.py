"""Windows PowerShell 5.1's NormalView error block and parse-error display.

```
Get-Item : Cannot find path 'C:\\nofile' because it does not exist.
At line:1 char:1
+ Get-Item nofile
+ ~~~~~~~~~~~~~~~
    + CategoryInfo          : ObjectNotFound: (C:\\nofile:String) [Get-Item], ItemNotFoundException
    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand
 
```

The message is prefixed with `<command> : ` when the error came from a command; errors
from `throw` or from script expressions show the bare message. The last line is a single
space (the view appends "`n " after the block). Lines wider than the console break
between words (the console formatter's word wrap).
"""

from __future__ import annotations

from typing import Iterable

from ..errors import ErrorRecord, Position
from .text import wrap_text

MAX_SOURCE_WIDTH = 69  # PositionUtilities: source lines longer than this are cut with '...'


def position_message(position: Position | None) -> str:
    """InvocationInfo.PositionMessage: `At line:L char:C`, the source line and the `~~~` marker."""
    if position is None:
        return ""
    source = position.line_text.rstrip()
    if not source:
        return position.location() + "\n+ "
    before = position.col - 1
    length = position.length
    if "\t" in source:
        head = source[:before].replace("\t", "    ")
        marked = source[before:before + length].replace("\t", "    ")
        source = head + marked + source[before + length:].replace("\t", "    ")
        before, length = len(head), len(marked)
    prefix_dots = suffix_dots = False
    if len(source) > MAX_SOURCE_WIDTH:
        prefix = min(before, 12)
        total_suffix = len(source) - length - before
        suffix = min(total_suffix, 8)
        candidate = prefix + length + suffix
        if candidate >= MAX_SOURCE_WIDTH:
            if prefix + length >= MAX_SOURCE_WIDTH:
                length = MAX_SOURCE_WIDTH - prefix
            suffix_dots = True
        else:
            spare_prefix = before - prefix
            if spare_prefix > 0:
                prefix += min(spare_prefix, MAX_SOURCE_WIDTH - candidate)
                candidate = prefix + length + suffix
            if candidate < MAX_SOURCE_WIDTH and total_suffix > 0:
                suffix += min(total_suffix, MAX_SOURCE_WIDTH - candidate)
            suffix_dots = suffix < total_suffix
        prefix_dots = prefix < before
        start = max(before - prefix, 0)
        source = source[start:start + MAX_SOURCE_WIDTH]
        before = min(before, prefix)
        length = min(length, MAX_SOURCE_WIDTH - before)
    line = ("... " if prefix_dots else "") + source + (" ..." if suffix_dots else "")
    marker = " " * (before + (4 if prefix_dots else 0)) + "~" * max(length, 1)
    return f"{position.location()}\n+ {line}\n+ {marker}"


def _indented(label: str, value: str, width: int) -> str:
    """The view's `-split "(.{$width})"` trick: 4-space indent per chunk of width-6 characters."""
    text = f"+ {label}: {value}"
    chunk = max(width - 6, 1)
    return "".join("    " + text[i:i + chunk] for i in range(0, len(text), chunk))


def _command_prefix(record: ErrorRecord) -> str:
    name = record.invocation.command_name
    return f"{name} : " if name else ""


def render_error(record: ErrorRecord, width: int = 120) -> str:
    """The NormalView error block as the 5.1 console prints it (each line ends with a newline)."""
    invocation = record.invocation
    if record.category == "ParserError" and not invocation.command_name:
        position = ""
    else:
        position = position_message(invocation.position)
    block = _command_prefix(record) + record.message
    if position:
        block += "\n" + position
    block += "\n" + _indented("CategoryInfo          ", record.category_info(), width)
    block += "\n" + _indented("FullyQualifiedErrorId ", record.fully_qualified_error_id, width)
    if not record.error_details:
        block += "\n "
    return "".join(line + "\n" for line in wrap_text(block, width - 1))


def parse_error_message(issues: Iterable[object], text: str | None = None) -> str:
    """ParseException.Message: each error's position block and message, a blank line between.

    An issue has `line`, `col` (1-based), `message`, and optionally `length` (characters to
    mark, default 0 which marks one) and `script_path`; `text` supplies the source lines
    when an issue has no `line_text`.
    """
    source_lines = text.replace("\r\n", "\n").split("\n") if text is not None else []
    parts = []
    for issue in issues:
        line_text = getattr(issue, "line_text", None)
        if line_text is None:
            line_text = source_lines[issue.line - 1] if 0 < issue.line <= len(source_lines) else ""
        position = Position(
            line=issue.line, col=issue.col, line_text=line_text, length=getattr(issue, "length", 0) or 0,
            script_path=getattr(issue, "script_path", None),
        )
        parts.append(position_message(position) + "\n" + issue.message)
    return "\n\n".join(parts)


def render_parse_error(issues: list[object], text: str | None = None, width: int = 120) -> str:
    """A script's parse errors as 5.1 shows them: every error's block, then the record lines
    `ParserError: (:) [], ParentContainsErrorRecordException` and the first error's id."""
    message = parse_error_message(issues, text)
    error_id = (getattr(issues[0], "error_id", None) if issues else None) or "ParseException"
    block = message
    block += "\n" + _indented("CategoryInfo          ", "ParserError: (:) [], ParentContainsErrorRecordException", width)
    block += "\n" + _indented("FullyQualifiedErrorId ", error_id, width)
    block += "\n "
    return "".join(line + "\n" for line in wrap_text(block, width - 1))
