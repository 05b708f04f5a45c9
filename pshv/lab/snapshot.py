"""The default lab, kept as a pickled snapshot so a shell starts without rebuilding it.

Building the default lab validates every model, which makes pydantic compile the models'
validators on first use: together most of a cold start's lab cost. The snapshot is written to
the user's cache folder the first time and is read back in a few milliseconds afterwards. Its
name carries a checksum of the lab package's source and pydantic's version, so any change to
the models or to the default lab makes a new snapshot.
"""

from __future__ import annotations

import os
import pickle
import tempfile
import zlib
from pathlib import Path

from .model import Lab

_PACKAGE = Path(__file__).resolve().parent


def _source_key() -> str:
    import pydantic

    checksum = zlib.crc32(pydantic.VERSION.encode())
    for source in sorted(_PACKAGE.glob("*.py")):
        checksum = zlib.crc32(source.read_bytes(), checksum)
    return f"{checksum:08x}"


def _snapshot_folders() -> list[Path]:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return [base / "pshv", Path(tempfile.gettempdir()) / "pshv-cache"]


def _read(path: Path) -> Lab | None:
    try:
        with path.open("rb") as stream:
            lab = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return lab if isinstance(lab, Lab) else None


def _write(lab: Lab, name: str) -> None:
    """Write the snapshot atomically into the first folder that takes it; failing is harmless."""
    data = pickle.dumps(lab, protocol=pickle.HIGHEST_PROTOCOL)
    for folder in _snapshot_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".lab-", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, folder / name)
            return
        except OSError:
            continue


def default_lab_snapshot() -> Lab:
    """A fresh copy of the default lab: from the snapshot when there is one, else built."""
    name = f"default-lab-{_source_key()}.pickle"
    for folder in _snapshot_folders():
        lab = _read(folder / name)
        if lab is not None:
            return lab
    from .default import default_lab

    lab = default_lab()
    _write(lab, name)
    return lab
