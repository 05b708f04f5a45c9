"""Path completion over the shell's drives (the lab's file systems and the sandbox's mounts),
relative to the current location, as PowerShell completes them (`.\\name`, quoted when needed)."""

from __future__ import annotations

import re

from .candidate import Candidate, matches

_DRIVE_ONLY = re.compile(r"^[A-Za-z]:$")


def path_candidates(ctx, word: str, quote: str = "") -> list[Candidate]:
    """Completions of the (possibly quoted) partial path `word`."""
    from ...commands.core.locations import location_of
    from ...commands.core.vfs import backend_for

    text = word[len(quote):]
    if _DRIVE_ONLY.match(text):
        return [Candidate(quote + text + "\\" + quote, text + "\\", "Drive")]
    cut = max(text.rfind("\\"), text.rfind("/")) + 1
    folder_text, leaf = text[:cut], text[cut:]
    try:
        folder = location_of(ctx).resolve(folder_text or ".")
        entries = backend_for(ctx, folder).list(folder)
    except Exception:  # noqa: BLE001 - a folder that does not exist (or cannot be read) has no completions
        return []
    shown_folder = folder_text or ".\\"
    return [Candidate(_quoted(shown_folder + entry.name, quote), entry.name, "Directory" if entry.is_dir else "File")
            for entry in entries if matches(entry.name, leaf)]


def _quoted(path: str, quote: str) -> str:
    if quote:
        return quote + path + quote
    return "'" + path.replace("'", "''") + "'" if any(char in path for char in " '$`;,(){}&") else path
