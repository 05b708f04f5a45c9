"""The edge between the runtime and the outside: where text goes and where input comes from.

The runtime writes through a Host only; the CLI gives it the console, `pshv.run` and the
tests give it a capturing host, the REPL its own.
"""

from __future__ import annotations

import sys


class Host:
    """Console-like host. Subclasses override the `_out`/`_err` sinks."""

    interactive = False
    width = 120
    name = "ConsoleHost"

    def write(self, text: str) -> None:
        """Write formatted output text (it carries its own newlines)."""
        self._out(text)

    def write_error_text(self, text: str) -> None:
        self._err(text)

    def write_host(self, text: str, *, newline: bool = True, foreground: str | None = None,
                   background: str | None = None) -> None:
        self._out(text + ("\n" if newline else ""))

    def write_stream(self, prefix: str, text: str, *, to_error: bool = False) -> None:
        """WARNING: / VERBOSE: / DEBUG: lines (the console writes them in colour)."""
        (self._err if to_error else self._out)(f"{prefix}{text}\n")

    def read_line(self, prompt: str) -> str | None:
        """A line typed by the user, or None when the host cannot ask (non-interactive)."""
        return None

    def progress(self, record: object) -> None:
        """Progress records are drawn by interactive hosts only."""

    def clear(self) -> None:
        """Clear-Host."""

    def _out(self, text: str) -> None:
        sys.stdout.write(text)

    def _err(self, text: str) -> None:
        sys.stderr.write(text)


class CaptureHost(Host):
    """Collects everything written, for `pshv.run` and tests."""

    def __init__(self, width: int = 120) -> None:
        self.width = width
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.lines_in: list[str] = []

    def _out(self, text: str) -> None:
        self.stdout.append(text)

    def _err(self, text: str) -> None:
        self.stderr.append(text)

    def read_line(self, prompt: str) -> str | None:
        return self.lines_in.pop(0) if self.lines_in else None

    @property
    def out_text(self) -> str:
        return "".join(self.stdout)

    @property
    def err_text(self) -> str:
        return "".join(self.stderr)
