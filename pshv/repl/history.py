"""Command history kept across sessions in the user's data folder, bounded by $MaximumHistoryCount."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from prompt_toolkit.history import FileHistory


def history_path() -> Path:
    """`$XDG_DATA_HOME/pshv/history` (by default `~/.local/share/pshv/history`)."""
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(data_home) / "pshv" / "history"


class BoundedFileHistory(FileHistory):
    """A FileHistory that loads only the newest `limit()` entries and rewrites the file to keep
    it from growing past them."""

    def __init__(self, path: Path, limit: Callable[[], int]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        super().__init__(str(path))
        self.limit = limit

    def load_history_strings(self) -> Iterable[str]:
        entries = list(super().load_history_strings())  # newest first
        limit = max(1, self.limit())
        if len(entries) > limit:
            entries = entries[:limit]
            self._rewrite(reversed(entries))
        return entries

    def _rewrite(self, oldest_first: Iterable[str]) -> None:
        temporary = self.filename + ".tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            for entry in oldest_first:
                handle.write("\n# \n")
                handle.writelines(f"+{line}\n" for line in entry.split("\n"))
        os.replace(temporary, self.filename)
