"""PowerShell text to typed syntax tree: `parse(text)`, `ParseError`, `tokenize(text)`."""

from pshv.syntax.errors import ParseError, ParseIssue
from pshv.syntax.files import read_script_file
from pshv.syntax.parser import SyntaxToken, parse, tokenize

__all__ = ["ParseError", "ParseIssue", "SyntaxToken", "parse", "read_script_file", "tokenize"]
