"""The file systems the shell sees, behind one interface: the lab's volumes and real mounts.

A path (absolute, already resolved against the current location) is served by a *backend*:
the lab's virtual file system as seen from the console host (`$env:COMPUTERNAME`: its drives,
UNC shares, cluster shared volumes), or one of the real folders the sandbox mounts
(`pshv.commands.core.sandbox`: `X:` for -OutputDirectory, `S:` for the script's folder).
Backends answer with `Entry` records and raise the lab's `FsError` family, which
`fserrors` turns into PowerShell error records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from . import paths as P


@dataclass
class Entry:
    """A file or folder: its full path (display spelling), name, kind, size and times."""

    path: str
    name: str
    is_dir: bool
    size: int
    modified: datetime
    created: datetime


class Backend(Protocol):
    """What every file system behind a drive provides."""

    def stat(self, path: str) -> Entry: ...
    def list(self, path: str) -> list[Entry]: ...
    def read_text(self, path: str) -> str: ...
    def write_text(self, path: str, text: str, *, encoding: str, append: bool) -> None: ...
    def make_dir(self, path: str) -> None: ...
    def delete(self, path: str, *, recursive: bool) -> None: ...
    def rename(self, path: str, new_name: str) -> None: ...
    def copy(self, source: str, destination: str, *, overwrite: bool) -> None: ...
    def move(self, source: str, destination: str, *, overwrite: bool) -> None: ...


class LabBackend:
    """The lab's virtual file systems, seen from the shell's current computer."""

    def __init__(self, ctx) -> None:
        from ...lab.filesystem import FileSystem

        self.fs = FileSystem(ctx.services["lab"].lab)
        self.host = ctx.env.get("COMPUTERNAME") or self.fs.lab.console_host

    def _entry(self, path: str, node) -> Entry:
        from ...lab.clock import to_datetime
        from ...lab.fstree import Folder

        is_dir = isinstance(node, Folder)
        created = to_datetime(node.created)
        modified = created if is_dir else to_datetime(node.modified)
        name = node.name or path
        return Entry(path, name, is_dir, 0 if is_dir else node.size_bytes, modified, created)

    def stat(self, path: str) -> Entry:
        return self._entry(path, self.fs.get_item(self.host, path))

    def list(self, path: str) -> list[Entry]:
        return [self._entry(P.child(path, node.name), node) for node in self.fs.list_folder(self.host, path)]

    def read_text(self, path: str) -> str:
        return self.fs.read_text(self.host, path)

    def write_text(self, path: str, text: str, *, encoding: str, append: bool) -> None:
        if append:
            self.fs.append_text(self.host, path, text)
        else:
            self.fs.write_text(self.host, path, text)

    def make_dir(self, path: str) -> None:
        self.fs.make_folder(self.host, path, parents=False)

    def delete(self, path: str, *, recursive: bool) -> None:
        self.fs.delete(self.host, path, recursive=recursive)

    def rename(self, path: str, new_name: str) -> None:
        self.fs.rename(self.host, path, new_name)

    def copy(self, source: str, destination: str, *, overwrite: bool) -> None:
        self.fs.copy(self.host, source, destination, overwrite=overwrite)

    def move(self, source: str, destination: str, *, overwrite: bool) -> None:
        self.fs.move(self.host, source, destination, overwrite=overwrite)

    def drive_letters(self) -> list[str]:
        host = self.fs.lab.find_host(self.host)
        return sorted(volume.letter for volume in host.volumes) if host else []

    def volume_space(self, letter: str) -> tuple[int, int]:
        """(used, free) bytes of a drive of the current computer."""
        volume = self.fs.lab.find_host(self.host).volume(letter)
        return volume.used_bytes(), volume.free_bytes()


class Drives:
    """The `drives` service: which backend serves a path; real folders mounted by the sandbox."""

    def __init__(self) -> None:
        self.mounts: dict[str, Backend] = {}  # drive letter -> backend (the sandbox's real folders)

    def backend(self, ctx, path: str) -> Backend:
        drive = P.drive_of(path)
        mounted = self.mounts.get(drive) if drive else None
        return mounted if mounted is not None else LabBackend(ctx)

    def same_store(self, first: str, second: str) -> bool:
        """True when both paths live in the lab, or both on the same mounted real folder."""
        first_drive, second_drive = P.drive_of(first), P.drive_of(second)
        first_mounted, second_mounted = first_drive in self.mounts, second_drive in self.mounts
        if first_mounted or second_mounted:
            return first_drive == second_drive
        return True

    def drive_names(self, ctx) -> list[str]:
        return sorted({*LabBackend(ctx).drive_letters(), *self.mounts})


def drives_of(ctx) -> Drives:
    drives = ctx.services.get("drives")
    if drives is None:
        drives = ctx.services["drives"] = Drives()
    return drives


def backend_for(ctx, path: str) -> Backend:
    return drives_of(ctx).backend(ctx, path)


def copy_across(source_backend: Backend, source: str, target_backend: Backend, destination: str) -> None:
    """Copy a file or folder tree between two different backends (text files only)."""
    entry = source_backend.stat(source)
    if not entry.is_dir:
        target_backend.write_text(destination, source_backend.read_text(source), encoding="utf8", append=False)
        return
    target_backend.make_dir(destination)
    for item in source_backend.list(source):
        copy_across(source_backend, item.path, target_backend, P.child(destination, item.name))
