"""Help documents and their text in Windows PowerShell 5.1's layout.

A `HelpDocument` is built from a cmdlet's help record, from a function's comment-based help,
or from nothing but the command's parameters (the minimal layout: NAME, SYNTAX, ALIASES,
REMARKS). `render` lays it out as the default, -Detailed, -Full or -Examples view; section
titles in capitals, bodies indented four spaces and word-wrapped to the console width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

COMMON_PARAMETERS_TEXT = (
    "This cmdlet supports the common parameters: Verbose, Debug,",
    "ErrorAction, ErrorVariable, WarningAction, WarningVariable,",
    "OutBuffer, PipelineVariable, and OutVariable. For more information, see",
    "about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216).",
)
_SHOULD_PROCESS_HELP = {
    "WhatIf": "Shows what would happen if the cmdlet runs. The cmdlet is not run.",
    "Confirm": "Prompts you for confirmation before running the cmdlet.",
}


@dataclass
class ParameterHelp:
    name: str
    type_text: str
    is_switch: bool
    description: str = ""
    required: bool = False
    position: str = "named"
    default: str = "None"
    pipeline: str = "False"
    wildcards: bool = False


@dataclass
class ExampleHelp:
    title: str
    code: str
    remarks: str


@dataclass
class HelpDocument:
    name: str
    category: str  # Cmdlet | Function | Filter | ExternalScript
    module: str = ""
    synopsis: str = ""
    syntax: list[str] = field(default_factory=list)
    description: str = ""
    parameters: list[ParameterHelp] = field(default_factory=list)
    common_parameters: bool = True
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    notes: str = ""
    examples: list[ExampleHelp] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    complete: bool = True  # False: no help content, the minimal layout


# --------------------------------------------------------------------------- text helpers


def wrap(text: str, indent: int, width: int) -> list[str]:
    """Word-wrap `text` (paragraphs split by blank lines) at `width` columns, indented."""
    lines: list[str] = []
    limit = max(width - 1, indent + 10)
    for number, paragraph in enumerate(re.split(r"\n\s*\n", text.strip("\n"))):
        if number:
            lines.append("")
        for raw in paragraph.split("\n"):
            lines.extend(_wrap_line(raw.rstrip(), indent, limit))
    return lines


def _wrap_line(text: str, indent: int, limit: int) -> list[str]:
    lead = " " * (indent + len(text) - len(text.lstrip(" ")))
    words = text.split()
    if not words:
        return [""]
    lines, current = [], lead + words[0]
    for word in words[1:]:
        if len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = lead + word
        else:
            current += " " + word
    lines.append(current)
    return lines


def _section(title: str, body: list[str]) -> list[str]:
    return [title, *body, "", ""]


def example_header(title: str) -> str:
    dashes = max((64 - len(title) - 2) // 2, 1)
    return f"{'-' * dashes} {title} {'-' * dashes}"


# --------------------------------------------------------------------------- views


def render(doc: HelpDocument, view: str, width: int) -> str:
    """The document as Get-Help prints it; `view` is default, detailed, full or examples."""
    if not doc.complete:
        return _lines_text(_minimal(doc, width))
    lines = ["", "NAME", "    " + doc.name, "", "SYNOPSIS", *wrap(doc.synopsis, 4, width), "", ""]
    if view == "examples":
        lines += _examples(doc, width) + ["", ""]
        return _lines_text(lines)
    lines += _syntax(doc, width)
    lines += _section("DESCRIPTION", wrap(doc.description, 4, width) if doc.description else [])
    if view in ("detailed", "full"):
        lines += _section("PARAMETERS", _parameters(doc, width, full=view == "full"))
    if view == "full":
        lines += _section("INPUTS", [line for item in doc.inputs for line in wrap(item, 4, width) + [""]][:-1])
        lines += _section("OUTPUTS", [line for item in doc.outputs for line in wrap(item, 4, width) + [""]][:-1])
        if doc.notes:
            lines += _section("NOTES", wrap(doc.notes, 4, width))
    if view in ("detailed", "full") and doc.examples:
        lines += _examples(doc, width) + [""]
    if view != "detailed":
        lines += ["RELATED LINKS", *("    " + link for link in doc.links), ""]
    if view != "full":
        lines += ["REMARKS", *_remarks(doc.name), "", ""]
    return _lines_text(lines)


def _lines_text(lines: list[str]) -> str:
    return "\n".join(lines)


def _syntax(doc: HelpDocument, width: int) -> list[str]:
    body: list[str] = []
    for number, line in enumerate(doc.syntax):
        if number:
            body.append("")
        body.extend(_wrap_line(line, 4, max(width - 1, 20)))
    return _section("SYNTAX", body)


def _remarks(name: str) -> list[str]:
    return [f'    To see the examples, type: "get-help {name} -examples".',
            f'    For more information, type: "get-help {name} -detailed".',
            f'    For technical information, type: "get-help {name} -full".']


def _minimal(doc: HelpDocument, width: int) -> list[str]:
    lines = ["", "NAME", "    " + doc.name, ""]
    lines += _syntax(doc, width)
    lines += _section("ALIASES", ["    " + alias for alias in doc.aliases] or ["    None"])
    if doc.category == "Cmdlet":
        remarks = ["    Get-Help cannot find the Help files for this cmdlet on this computer. It is displaying only "
                   "partial help.",
                   "        -- To download and install Help files for the module that includes this cmdlet, use "
                   "Update-Help."]
    else:
        remarks = ["    None"]
    return lines + ["REMARKS", *remarks, "", ""]


def parameter_block(parameter: ParameterHelp, indent: int, width: int, *, full: bool) -> list[str]:
    """`-Name <string[]>`, its description and (for -Full and -Parameter) its attributes."""
    pad = " " * indent
    shown_type = "[<SwitchParameter>]" if parameter.is_switch else f"<{parameter.type_text}>"
    lines = [f"{pad}-{parameter.name} {shown_type}"]
    if parameter.description:
        lines += wrap(parameter.description, indent + 4, width)
    lines.append("")
    if full:
        inner = " " * (indent + 4)
        lines += [
            f"{inner}Required?                    {str(parameter.required).lower()}",
            f"{inner}Position?                    {parameter.position}",
            f"{inner}Default value                {parameter.default}",
            f"{inner}Accept pipeline input?       {parameter.pipeline}",
            f"{inner}Accept wildcard characters?  {str(parameter.wildcards).lower()}",
            "",
        ]
    return lines


def _parameters(doc: HelpDocument, width: int, *, full: bool) -> list[str]:
    lines: list[str] = []
    for parameter in doc.parameters:
        lines += parameter_block(parameter, 4, width, full=full)
    if doc.common_parameters:
        lines += ["    <CommonParameters>", *("        " + text for text in COMMON_PARAMETERS_TEXT), ""]
    return lines[:-1] if lines and lines[-1] == "" else lines


def _examples(doc: HelpDocument, width: int) -> list[str]:
    lines: list[str] = []
    for number, example in enumerate(doc.examples, 1):
        # a record's title is the whole title, number included ("Example 1: ..."), as MAML's is
        title = example.title or f"EXAMPLE {number}"
        lines += ["    " + example_header(title), ""]
        lines += ["    " + code for code in example.code.split("\n")]
        if example.remarks:
            lines += ["", *wrap(example.remarks, 4, width)]
    return lines


def should_process_help(name: str) -> str:
    return _SHOULD_PROCESS_HELP[name]


# --------------------------------------------------------------------------- comment-based help


_KEYWORD = re.compile(r"^\s*\.([A-Za-z]+)(?:[ \t]+(.*?))?\s*$")


def parse_comment_help(text: str) -> dict[str, object]:
    """`.SYNOPSIS`, `.DESCRIPTION`, `.PARAMETER x`, `.EXAMPLE`, `.INPUTS`, `.OUTPUTS`, `.NOTES`, `.LINK`."""
    sections: dict[str, object] = {"parameters": {}, "examples": [], "links": [], "inputs": [], "outputs": []}
    current: list[str] | None = None
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip().lstrip("#").rstrip() if raw.strip().startswith("#") else raw.rstrip()
        match = _KEYWORD.match(line)
        if match:
            keyword, argument = match.group(1).casefold(), (match.group(2) or "").strip()
            current = []
            if keyword == "parameter":
                sections["parameters"][argument.casefold()] = current  # type: ignore[index]
            elif keyword in ("example", "link", "inputs", "outputs"):
                sections[{"example": "examples", "link": "links"}.get(keyword, keyword)].append(current)  # type: ignore[union-attr]
                if argument and keyword == "link":
                    current.append(argument)
            else:
                sections[keyword] = current
            continue
        if current is not None:
            current.append(line.strip())
    return sections


def section_text(lines: object) -> str:
    """A section's lines as text: surrounding blank lines dropped."""
    if not isinstance(lines, list):
        return ""
    return "\n".join(lines).strip("\n")
