"""Laying format records out as text lines: tables (TableWriter, ColumnWidthManager), lists
(ListWriter) and text, with the blank lines PowerShell prints around them.
"""

from __future__ import annotations

from .records import ColumnHeader, FormatEntry, FormatRecord, FormatStart, GroupEnd, GroupStart
from .text import truncate_at_newline, wrap_text

ELLIPSIS = "..."


def fit_widths(widths: list[int], table_width: int) -> list[int]:
    """ColumnWidthManager: give unsized (0) columns the spare room, then shrink or hide
    columns from the right until the table (columns + one-space separators) fits."""
    widths = list(widths)
    if all(w > 0 for w in widths):
        if _total(widths) <= table_width:
            return widths
    else:
        fixed = [w > 0 for w in widths]
        widths = [w if w > 0 else 1 for w in widths]
        spare = table_width - _total(widths)
        while spare > 0 and not all(fixed):
            for k in range(len(widths)):
                if not fixed[k]:
                    widths[k] += 1
                    spare -= 1
                    if spare == 0:
                        break
        if spare >= 0:
            return widths
    while True:
        excess = _total(widths) - table_width
        if excess <= 0:
            return widths
        last = next((k - 1 for k, w in enumerate(widths) if w < 0), len(widths) - 1)
        if last < 0:
            return widths
        if widths[last] - excess < 1:
            widths[last] = -1
        else:
            widths[last] -= excess


def _total(widths: list[int]) -> int:
    visible = [w for w in widths if w > 0]
    return sum(visible) + max(len(visible) - 1, 0)


def _field(text: str, width: int, alignment: str | None, pad: bool) -> str:
    """One cell of a single-line row: cut at a newline, truncated with '...' or padded."""
    text = truncate_at_newline(text)
    if len(text) > width:
        keep = width - len(ELLIPSIS)
        if keep > 0:
            text = ELLIPSIS + text[-keep:] if alignment == "right" else text[:keep] + ELLIPSIS
        else:
            text = text[-width:] if alignment == "right" else text[:width]
    gap = width - len(text)
    if gap <= 0:
        return text
    if alignment == "right":
        return " " * gap + text
    if alignment == "center":
        left = gap // 2
        return " " * left + text + (" " * (gap - left) if pad else "")
    return text + " " * gap if pad else text


def _multiline_row(texts: list[str], widths: list[int], alignments: list[str | None]) -> list[str]:
    """A row whose cells wrap onto several lines (headers, and rows under -Wrap)."""
    columns = [k for k, w in enumerate(widths) if w > 0]
    cells = [wrap_text(texts[k], widths[k]) for k in columns]
    height = max(len(c) for c in cells)
    lines = []
    for row in range(height):
        parts = []
        for index, k in enumerate(columns):
            value = cells[index][row] if row < len(cells[index]) else ""
            parts.append(_field(value, widths[k], alignments[k], index < len(columns) - 1))
        lines.append(" ".join(parts).rstrip())
    return lines


def _single_row(texts: list[str], widths: list[int], alignments: list[str | None]) -> str:
    columns = [k for k, w in enumerate(widths) if w > 0]
    parts = [_field(texts[k], widths[k], alignments[k], index < len(columns) - 1) for index, k in enumerate(columns)]
    return " ".join(parts).rstrip()


def _shown_width(text: str, wrap: bool) -> int:
    """How wide a cell's text shows: its longest line under -Wrap, else its first line + '...'."""
    if "\n" not in text and "\r" not in text:
        return len(text)
    if wrap:
        return max(len(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return len(truncate_at_newline(text))


def table_lines(start: FormatStart, rows: list[FormatEntry], table_width: int) -> tuple[list[int], list[str]]:
    """Column widths for a group (header and data of all its rows) and the header lines."""
    headers = start.headers
    widths = []
    for k, header in enumerate(headers):
        if header.width > 0 and not start.autosize:
            widths.append(header.width)
            continue
        width = len(header.label)
        for row in rows:
            if k < len(row.cells):
                width = max(width, _shown_width(row.cells[k][0], start.wrap))
        widths.append(width)
    widths = fit_widths(widths, table_width)
    if start.hide_header or all(w <= 0 for w in widths):
        return widths, []
    alignments = [h.alignment for h in headers]
    lines = _multiline_row([h.label for h in headers], widths, alignments)
    dashes = ["-" * min(w, len(h.label)) if w > 0 else "" for h, w in zip(headers, widths)]
    lines.append(_single_row(dashes, widths, alignments))
    return widths, lines


def row_lines(start: FormatStart, row: FormatEntry, widths: list[int]) -> list[str]:
    headers: list[ColumnHeader] = start.headers
    texts = [row.cells[k][0] if k < len(row.cells) else "" for k in range(len(headers))]
    alignments = [
        (row.cells[k][1] if k < len(row.cells) and row.cells[k][1] else headers[k].alignment)
        for k in range(len(headers))
    ]
    if all(w <= 0 for w in widths):
        return []
    if start.wrap:
        return _multiline_row(texts, widths, alignments)
    return [_single_row(texts, widths, alignments)]


def list_lines(pairs: list[tuple[str, str]], width: int) -> list[str]:
    """`Name : value` lines, names padded to the longest; long values wrap under the value."""
    if not pairs:
        return []
    label_width = max(len(label) for label, _ in pairs)
    lines = []
    for label, value in pairs:
        prefix = label.ljust(label_width) + " : "
        value_lines = wrap_text(value, max(width - len(prefix), 1))
        lines.append((prefix + value_lines[0]).rstrip())
        lines.extend((" " * len(prefix) + more).rstrip() for more in value_lines[1:])
    return lines


def text_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


class Renderer:
    """Turns a stream of format records into lines for a screen `width` columns wide."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[str] = []
        self._start: FormatStart | None = None
        self._group: list[FormatRecord] | None = None
        self._groups_seen = 0

    def feed(self, record: FormatRecord) -> None:
        if isinstance(record, FormatStart):
            self._start = record
            self._groups_seen = 0
        elif isinstance(record, GroupStart):
            if record.label is not None:
                self.lines.extend(["", "   " + record.label] if self._groups_seen else ["", "", "   " + record.label])
            self._groups_seen += 1
            self._group = []
        elif isinstance(record, GroupEnd):
            self._flush_group()
        elif isinstance(record, FormatEntry):
            if self._group is not None:
                self._group.append(record)
            else:
                self._emit_entry(record, None)
        else:  # FormatEnd
            self._flush_group()
            self._start = None

    def _flush_group(self) -> None:
        group, self._group = self._group, None
        if group is None:
            return
        start = self._start or FormatStart("list")
        widths: list[int] = []
        header_pending = start.shape == "table"
        for entry in group:
            if entry.kind == "row" and header_pending:
                rows = [e for e in group if e.kind == "row"]
                widths, header = table_lines(start, rows, self.width)
                self.lines.append("")
                self.lines.extend(header)
                header_pending = False
            self._emit_entry(entry, widths)
        if any(e.kind in ("row", "list") for e in group):
            self.lines.append("")

    def _emit_entry(self, entry: FormatEntry, widths: list[int] | None) -> None:
        if entry.kind == "row" and self._start is not None and widths is not None:
            self.lines.extend(row_lines(self._start, entry, widths))
        elif entry.kind == "list":
            self.lines.append("")
            self.lines.extend(list_lines(entry.pairs, self.width))
        else:
            self.lines.extend(text_lines(entry.text))

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)
