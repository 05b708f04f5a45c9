"""Windows path text as the FileSystem provider handles it: roots, normalisation, wildcards.

Pure string functions (no file system, no context). An absolute path has a root, either a
drive (`C:\\`) or a UNC share (`\\\\FS01\\VMs\\`), followed by components separated by single
backslashes; `/` is accepted as a separator. Wildcard characters (`*`, `?`, `[`) are kept.
"""

from __future__ import annotations

import re

PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"
_PROVIDER_PREFIX = re.compile(r"^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::", re.IGNORECASE)
WILDCARD_CHARS = "*?["


def strip_provider(text: str) -> str:
    """`Microsoft.PowerShell.Core\\FileSystem::C:\\x` (or `FileSystem::C:\\x`) -> `C:\\x`."""
    return _PROVIDER_PREFIX.sub("", text, count=1)


def provider_qualified(path: str) -> str:
    return f"{PROVIDER}::{path}"


def has_wildcard(text: str) -> bool:
    return any(char in text for char in WILDCARD_CHARS)


def is_unc(text: str) -> bool:
    return text.replace("/", "\\").startswith("\\\\")


def drive_of(text: str) -> str | None:
    """The drive name of `C:\\x` or `C:x` (`C`), else None."""
    match = re.match(r"^([A-Za-z]):", text)
    return match.group(1).upper() if match else None


def is_absolute(text: str) -> bool:
    """Rooted with a drive and a backslash, or a UNC path (what Split-Path -IsAbsolute says)."""
    text = strip_provider(text).replace("/", "\\")
    return is_unc(text) or re.match(r"^[A-Za-z]:\\", text) is not None or re.match(r"^[A-Za-z]:$", text) is not None


def split_root(path: str) -> tuple[str, list[str]]:
    """(`C:\\` or `\\\\server\\share\\`, components) of an absolute path."""
    text = path.replace("/", "\\")
    if text.startswith("\\\\"):
        pieces = text[2:].split("\\")
        root = "\\\\" + "\\".join(pieces[:2]) + "\\"
        rest = pieces[2:]
    else:
        root = text[:2].upper() + "\\"
        rest = text[2:].split("\\")
    return root, [part for part in rest if part]


def normalize(path: str) -> str:
    """Collapse `.`, `..` (never above the root) and doubled separators; no trailing backslash."""
    root, parts = split_root(path)
    kept: list[str] = []
    for part in parts:
        if part == ".":
            continue
        if part == "..":
            if kept:
                kept.pop()
            continue
        kept.append(part)
    return join_parts(root, kept)


def join_parts(root: str, parts: list[str]) -> str:
    if not parts:
        return root.rstrip("\\") if root.startswith("\\\\") else root
    return root + "\\".join(parts)


def parent_of(path: str) -> str:
    """The parent of a normalised absolute path ('' for a root)."""
    root, parts = split_root(path)
    if not parts:
        return ""
    return join_parts(root, parts[:-1])


def leaf_of(path: str) -> str:
    root, parts = split_root(path)
    return parts[-1] if parts else ""


def child(path: str, name: str) -> str:
    return path.rstrip("\\") + "\\" + name


def is_root(path: str) -> bool:
    return not split_root(path)[1]


def wildcard_match(name: str, pattern: str) -> bool:
    """PowerShell wildcard match of a name (case-insensitive)."""
    from ...runtime.operators import like

    return like(name, pattern)


def unescape_wildcards(text: str) -> str:
    """A -Path argument used literally: backtick escapes removed."""
    return re.sub(r"`(.)", r"\1", text)
