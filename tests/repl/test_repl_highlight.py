"""The REPL's highlighter: the project's tokens in PSReadLine's colours."""

from __future__ import annotations

from prompt_toolkit.document import Document

from pshv.repl.colors import TOKEN_STYLES
from pshv.repl.highlight import PowerShellLexer, char_styles, styled_lines


def style_of(text: str, piece: str, occurrence: int = 0) -> str:
    """The style of the characters of `piece` (its n-th occurrence) in `text`; one style expected."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    styles = set(char_styles(text)[start:start + len(piece)])
    assert len(styles) == 1, styles
    return styles.pop()


LINE = 'Get-ChildItem -Recurse C:\\ | Where-Object { $_.Length -gt 1.5 -and $_.Name -like "*.vhdx" } # big'


def test_token_classes_get_psreadline_colours():
    assert style_of(LINE, "Get-ChildItem") == TOKEN_STYLES["command"] == "fg:ansibrightyellow"
    assert style_of(LINE, "Where-Object") == TOKEN_STYLES["command"]
    assert style_of(LINE, "-Recurse") == TOKEN_STYLES["parameter"]
    assert style_of(LINE, "$_") == TOKEN_STYLES["variable"]
    assert style_of(LINE, "1.5") == TOKEN_STYLES["number"]
    assert style_of(LINE, "-gt") == TOKEN_STYLES["operator"]
    assert style_of(LINE, "|") == TOKEN_STYLES["operator"]
    assert style_of(LINE, '"*.vhdx"') == TOKEN_STYLES["string"]
    assert style_of(LINE, "# big") == TOKEN_STYLES["comment"]
    assert style_of(LINE, "C:\\") == ""  # a bare argument keeps the default colour


def test_keywords_and_types():
    text = "foreach ($i in 1..3) { [int]$i }"
    assert style_of(text, "foreach") == TOKEN_STYLES["keyword"]
    assert style_of(text, "in", 0) == TOKEN_STYLES["keyword"]
    assert style_of(text, "[int]") == TOKEN_STYLES["type"]
    assert style_of(text, "..") == TOKEN_STYLES["operator"]


def test_an_unterminated_string_is_coloured_to_the_end():
    text = "Write-Host 'not closed yet"
    assert style_of(text, "Write-Host") == TOKEN_STYLES["command"]
    assert style_of(text, "'not closed yet") == TOKEN_STYLES["string"]


def test_lines_are_split_and_fragments_merged():
    lines = styled_lines("if ($true) {\n  'yes' }")
    assert len(lines) == 2
    assert lines[0][0] == (TOKEN_STYLES["keyword"], "if")
    assert (TOKEN_STYLES["string"], "'yes'") in lines[1]
    assert "".join(text for _, text in lines[1]) == "  'yes' }"


def test_lexer_serves_prompt_toolkit_lines():
    get_line = PowerShellLexer().lex_document(Document("Get-VM\n$x = 1"))
    assert get_line(0) == [(TOKEN_STYLES["command"], "Get-VM")]
    assert "".join(text for _, text in get_line(1)) == "$x = 1"
    assert get_line(5) == []
