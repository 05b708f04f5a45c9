"""pshv: a PowerShell-compatible shell over an in-memory Hyper-V lab.

`pshv.run(text)` runs PowerShell text and returns its output objects, error records, exit
code and console text; `pshv.syntax.parse(text)` returns the syntax tree.
"""

from __future__ import annotations


def run(text: str, **options):
    from .api import run as _run

    return _run(text, **options)


__all__ = ["run"]
