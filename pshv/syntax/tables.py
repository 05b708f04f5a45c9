"""Finds the compiled LALR tables for the grammar, recompiling them when the grammar changed.

The tables ship as `powershell_lalr.json` next to this module, tagged with a key derived from
the grammar text. At load the key of `powershell.lark` (in the repository a link to
grammar/powershell.lark, the one grammar; a plain copy in a built wheel) is compared with the
tag; on a mismatch the tables come from the user cache or, failing that, from a fresh Lark
compile (pshv.syntax.tablegen), written back to the package folder if writable, else to the
user cache.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
GRAMMAR = Path(__file__).with_name("powershell.lark")
ARTIFACT = _HERE / "powershell_lalr.json"
_FORMAT = 1


def grammar_key(grammar: str) -> str:
    """Identifies a grammar text (and the table format): CRC-32 and length of its UTF-8 bytes."""
    data = grammar.encode("utf-8")
    return f"{_FORMAT}-{zlib.crc32(data):08x}-{len(data)}"


def _cache_artifacts() -> list[Path]:
    """Where tables live when the package folder is not writable: the user cache, else temp."""
    import tempfile

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return [base / "pshv" / ARTIFACT.name, Path(tempfile.gettempdir()) / f"pshv-{ARTIFACT.name}"]


def _read(path: Path, key: str) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("key") == key else None


def _store(data: dict[str, Any]) -> None:
    """Keep freshly compiled tables: in the package when writable, else in the user cache."""
    from pshv.syntax.tablegen import write_tables

    targets = [ARTIFACT] if os.access(_HERE, os.W_OK) else []
    for target in targets + _cache_artifacts():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_tables(data, target)
            return
        except OSError:
            continue


def load_tables() -> dict[str, Any]:
    """The tables for the current grammar (see the module docstring for where they come from)."""
    grammar = GRAMMAR.read_text(encoding="utf-8")
    key = grammar_key(grammar)
    data = _read(ARTIFACT, key)
    for path in _cache_artifacts() if data is None else ():
        data = _read(path, key)
        if data is not None:
            return data
    if data is None:
        from pshv.syntax.tablegen import compile_tables

        data = compile_tables(grammar, key)
        _store(data)
    return data
