"""Console colours: .NET ConsoleColor names as prompt_toolkit styles, and the colours the
Windows PowerShell 5.1 console host and PSReadLine give to each kind of text."""

from __future__ import annotations

CONSOLE_COLORS: dict[str, str] = {
    "black": "ansiblack",
    "darkblue": "ansiblue",
    "darkgreen": "ansigreen",
    "darkcyan": "ansicyan",
    "darkred": "ansired",
    "darkmagenta": "ansimagenta",
    "darkyellow": "ansiyellow",
    "gray": "ansigray",
    "darkgray": "ansibrightblack",
    "blue": "ansibrightblue",
    "green": "ansibrightgreen",
    "cyan": "ansibrightcyan",
    "red": "ansibrightred",
    "magenta": "ansibrightmagenta",
    "yellow": "ansibrightyellow",
    "white": "ansiwhite",
}

# $Host.PrivateData of the 5.1 console host: errors, warnings, verbose and debug text.
ERROR_STYLE = "fg:ansibrightred"
WARNING_STYLE = "fg:ansibrightyellow"
VERBOSE_STYLE = "fg:ansibrightyellow"
DEBUG_STYLE = "fg:ansibrightyellow"
PROGRESS_STYLE = "fg:ansibrightyellow bg:ansicyan"

# PSReadLine's default token colours, by token class.
TOKEN_STYLES: dict[str, str] = {
    "command": "fg:ansibrightyellow",
    "parameter": "fg:ansibrightblack",
    "string": "fg:ansicyan",
    "variable": "fg:ansibrightgreen",
    "number": "fg:ansiwhite",
    "operator": "fg:ansibrightblack",
    "comment": "fg:ansigreen",
    "keyword": "fg:ansibrightgreen",
    "type": "fg:ansigray",
    "member": "",
    "error": "fg:ansibrightred",
}


def console_style(foreground: str | None, background: str | None = None) -> str:
    """A prompt_toolkit style string for Write-Host's -ForegroundColor/-BackgroundColor."""
    parts = []
    if foreground and foreground.casefold() in CONSOLE_COLORS:
        parts.append("fg:" + CONSOLE_COLORS[foreground.casefold()])
    if background and background.casefold() in CONSOLE_COLORS:
        parts.append("bg:" + CONSOLE_COLORS[background.casefold()])
    return " ".join(parts)
