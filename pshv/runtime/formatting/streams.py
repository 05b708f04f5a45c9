"""The console text of the other output streams: warning/verbose/debug prefixes, Write-Host
and a plain-text progress line."""

from __future__ import annotations

from ..objects import Hashtable
from .values import scalar_text

STREAM_PREFIXES = {"warning": "WARNING: ", "verbose": "VERBOSE: ", "debug": "DEBUG: "}


def stream_line(stream: str, message: str) -> str:
    """`WARNING: text` etc. (`stream` is 'warning', 'verbose' or 'debug')."""
    return STREAM_PREFIXES[stream] + message


def write_host_text(objects: list[object], separator: str = " ", no_newline: bool = False) -> str:
    """Write-Host: arguments joined by -Separator; collections are enumerated and joined the
    same way (a hashtable enumerates as `System.Collections.DictionaryEntry` items)."""
    parts: list[str] = []

    def add(value: object) -> None:
        if isinstance(value, (list, tuple)):
            for item in value:
                add(item)
        elif isinstance(value, Hashtable):
            parts.extend("System.Collections.DictionaryEntry" for _ in value.keys())
        elif value is not None:
            parts.append(value if type(value) is str else scalar_text(value))

    for obj in objects:
        add(obj)
    return separator.join(parts) + ("" if no_newline else "\n")


def progress_text(activity: str, status: str = "Processing", percent_complete: int = -1,
                  seconds_remaining: int = -1, current_operation: str = "", width: int = 120) -> str:
    """A ProgressRecord as plain text lines: activity, status with a bar, operation, time."""
    lines = [activity]
    status_line = "    " + status
    if 0 <= percent_complete <= 100:
        bar_width = max(min(width - 10, 100), 10)
        filled = bar_width * percent_complete // 100
        status_line += "\n    [" + "o" * filled + " " * (bar_width - filled) + "]"
    lines.append(status_line)
    if current_operation:
        lines.append("    " + current_operation)
    if seconds_remaining >= 0:
        hours, rest = divmod(seconds_remaining, 3600)
        minutes, seconds = divmod(rest, 60)
        lines.append(f"    {hours:02d}:{minutes:02d}:{seconds:02d} remaining.")
    return "\n".join(lines) + "\n"
