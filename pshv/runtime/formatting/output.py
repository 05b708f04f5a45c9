"""Out-Default and Out-String: objects (or format records) to text."""

from __future__ import annotations

from typing import Iterable

from .formatters import AutoFormatter, expand
from .layout import Renderer

CONSOLE_RESERVED_COLUMNS = 1
"""The console host never writes its last column (ConsoleLineOutput), so a 120-column
console lays tables out in 119 columns; Out-String uses its whole width."""


def _render(objects: Iterable[object], ctx: object, width: int, error_width: int) -> Renderer:
    formatter = AutoFormatter(ctx, error_width)
    for obj in expand(objects):
        formatter.add(obj)
    formatter.close()
    renderer = Renderer(width)
    for record in formatter.out:
        renderer.feed(record)
    return renderer


def out_default(objects: list[object], ctx: object = None, width: int = 120) -> str:
    """What the console shows for a pipeline's output (`width`: the console's width)."""
    return _render(objects, ctx, width - CONSOLE_RESERVED_COLUMNS, width).text()


def out_string(objects: list[object], ctx: object = None, width: int = 120, stream: bool = False) -> str | list[str]:
    """Out-String: the whole text (ending in a newline), or with -Stream one string per line."""
    renderer = _render(objects, ctx, width, width)
    if stream:
        return list(renderer.lines)
    return renderer.text()
