"""The REPL's Host: output through prompt_toolkit in the console host's colours, Write-Host
colours, progress drawn in place, Read-Host and Clear-Host on the terminal."""

from __future__ import annotations

from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.output import Output
from prompt_toolkit.shortcuts import print_formatted_text

from ..runtime.host import Host
from .colors import (
    DEBUG_STYLE,
    ERROR_STYLE,
    VERBOSE_STYLE,
    WARNING_STYLE,
    console_style,
)
from .progress import ProgressPane

_STREAM_STYLES = {"WARNING: ": WARNING_STYLE, "VERBOSE: ": VERBOSE_STYLE, "DEBUG: ": DEBUG_STYLE}


class ConsoleHost(Host):
    """A Host that writes to a prompt_toolkit Output (a terminal)."""

    interactive = True

    def __init__(self, output: Output) -> None:
        self.output = output
        self.at_line_start = True
        self.pane = ProgressPane(output, lambda: self.width, lambda: self.at_line_start)
        self._reader = None

    @property
    def width(self) -> int:  # type: ignore[override]
        """The terminal's width, as the console's buffer width."""
        try:
            return self.output.get_size().columns or Host.width
        except OSError:
            return Host.width

    def print(self, fragments: list[tuple[str, str]]) -> None:
        """Write styled text, keeping the progress block below it."""
        text = "".join(piece for _, piece in fragments)
        if not text:
            return
        self.pane.hide()
        print_formatted_text(FormattedText(fragments), output=self.output, end="")
        self.at_line_start = text.endswith("\n")
        self.pane.show()

    def _out(self, text: str) -> None:
        self.print([("", text)])

    def _err(self, text: str) -> None:
        self.print(_styled_lines(text, ERROR_STYLE))

    def write_stream(self, prefix: str, text: str, *, to_error: bool = False) -> None:
        self.print(_styled_lines(f"{prefix}{text}\n", _STREAM_STYLES.get(prefix, "")))

    def write_host(self, text: str, *, newline: bool = True, foreground: str | None = None,
                   background: str | None = None) -> None:
        self.print(_styled_lines(text, console_style(foreground, background)) + [("", "\n" if newline else "")])

    def read_line(self, prompt: str) -> str | None:
        """Read-Host: a line typed at `prompt` (Ctrl+C cancels the command)."""
        from prompt_toolkit import PromptSession

        self.pane.hide()
        if self._reader is None:
            self._reader = PromptSession(output=self.output)
        try:
            line = self._reader.prompt(prompt)
        except EOFError:
            return None
        finally:
            self.at_line_start = True
        return line

    def progress(self, record: object) -> None:
        self.pane.update(record)

    def clear(self) -> None:
        self.pane.hide()
        self.output.erase_screen()
        self.output.cursor_goto(0, 0)
        self.output.flush()
        self.at_line_start = True


def _styled_lines(text: str, style: str) -> list[tuple[str, str]]:
    """`text` in `style`, its line breaks unstyled (a coloured background stops at the text)."""
    fragments: list[tuple[str, str]] = []
    for index, line in enumerate(text.split("\n")):
        if index:
            fragments.append(("", "\n"))
        if line:
            fragments.append((style, line))
    return fragments
