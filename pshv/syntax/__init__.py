"""PowerShell text to typed syntax tree: `parse(text)` and `ParseError`."""

from pshv.syntax.errors import ParseError, ParseIssue
from pshv.syntax.parser import parse

__all__ = ["ParseError", "ParseIssue", "parse"]
