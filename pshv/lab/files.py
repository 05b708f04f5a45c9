"""Lab files: the lab as JSON on disk, validated on load and written atomically.

A lab file is the JSON form of `pshv.lab.model.Lab` (its `format_version` says which layout).
Loading checks field types with pydantic, then the lab's invariants (e.g. a share naming an
unknown host); any problem raises `LabFileError` naming the JSON path of the culprit.  Saving
writes a temporary file beside the target, syncs it and renames it over the target, so a crash
leaves either the old or the new file, never a mix.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pshv.lab.invariants import check_invariants
from pshv.lab.model import Lab


class LabFileError(Exception):
    """A lab file that cannot be read or does not describe a valid lab."""

    def __init__(self, path: str | os.PathLike[str], problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{self.path}: " + "; ".join(problems))


def json_path(location: tuple[str | int, ...]) -> str:
    """('hosts', 2, 'memory_bytes') -> 'hosts[2].memory_bytes'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def parse_lab(data: Any, source: str | os.PathLike[str] = "<lab>") -> Lab:
    """Validate decoded JSON as a lab; raises LabFileError listing every problem found."""
    try:
        lab = Lab.model_validate(data)
    except ValidationError as error:
        problems = [f"{json_path(e['loc'])}: {e['msg']}" for e in error.errors(include_url=False)]
        raise LabFileError(source, problems) from None
    violations = check_invariants(lab)
    if violations:
        raise LabFileError(source, [str(v) for v in violations])
    return lab


def load_lab(path: str | os.PathLike[str]) -> Lab:
    """Read a lab file; a missing file is created from the default lab first."""
    target = Path(path)
    if not target.exists():
        from pshv.lab.default import default_lab

        lab = default_lab()
        save_lab(lab, target)
        return lab
    try:
        text = target.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise LabFileError(target, [f"cannot read the file: {error}"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LabFileError(target, [f"line {error.lineno} column {error.colno}: {error.msg}"]) from None
    return parse_lab(data, target)


def save_lab(lab: Lab, path: str | os.PathLike[str]) -> None:
    """Write the lab to `path` atomically (temporary file, fsync, rename, fsync of the folder)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    payload = lab.model_dump_json(indent=1).encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        os.chmod(temporary, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def lab_json_schema() -> dict[str, Any]:
    """JSON Schema of lab files, for editors."""
    return Lab.model_json_schema()
