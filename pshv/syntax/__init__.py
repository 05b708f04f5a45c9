"""PowerShell text to typed syntax tree: `parse(text)` and `ParseError`."""
