"""Path API over the lab's virtual file systems, as seen from a given host.

A path is resolved from the point of view of a host:

* ``D:\\folder\\file`` — a volume of that host (``D:folder`` counts as ``D:\\folder``);
* ``C:\\ClusterStorage\\Volume1\\...`` — on a cluster node, the cluster shared volume;
* ``\\\\SERVER\\Share\\...`` — an SMB share of another host (server by name or FQDN);
* ``\\\\SERVER\\D$\\...`` — the administrative share of a host's volume.

Names are case-insensitive and keep the case they were created with.  Every operation checks
space on the volume it writes to, so free space (capacity minus the files on the volume) can
never go negative.  Failures raise the small `FsError` family below, which carries the path;
the shell layer turns them into PowerShell error records.
"""

from __future__ import annotations

from dataclasses import dataclass

from pshv.lab.fstree import File, Folder, VhdHeader
from pshv.lab.model import Host, Lab, StorageVolume

INVALID_NAME_CHARS = set('<>:"|?*')


class FsError(Exception):
    """Base of the file-system errors; `path` is the path the caller gave."""

    def __init__(self, path: str, detail: str = ""):
        super().__init__(f"{path}: {detail}" if detail else path)
        self.path = path
        self.detail = detail


class PathNotFound(FsError):
    """Nothing exists at the path (or a folder on the way is missing)."""


class DriveNotFound(PathNotFound):
    """The drive letter, server or share of the path does not exist."""


class PathExists(FsError):
    """Something already exists at the path."""


class VolumeFull(FsError):
    """The volume holding the path has not enough free space."""

    def __init__(self, path: str, needed_bytes: int, free_bytes: int):
        super().__init__(path, f"needs {needed_bytes} bytes, {free_bytes} free")
        self.needed_bytes = needed_bytes
        self.free_bytes = free_bytes


class AccessDenied(FsError):
    """The caller may not use the path (e.g. a share not granted to a computer account)."""


class InvalidPath(FsError):
    """The path is not an absolute Windows path or contains forbidden characters."""


class NotAFolder(FsError):
    """A folder was needed but the path names a file."""


class NotAFile(FsError):
    """A file was needed but the path names a folder."""


class FolderNotEmpty(FsError):
    """A folder with contents was deleted without asking for a recursive delete."""


class FileInUse(FsError):
    """A VM or a share uses the file or folder, or something below it; `user` says which
    (e.g. "virtual machine 'web01'", "share \\\\FS01\\VMs")."""

    def __init__(self, path: str, user: str):
        super().__init__(path, f"in use by {user}")
        self.user = user


class NoTextContent(FsError):
    """The file holds binary data (a disk image, a configuration file), not text."""


# Paths ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedPath:
    """An absolute path split into its root and its components ('..' and '.' resolved)."""

    drive: str | None
    """Drive letter (upper case) for a local path, else None."""
    server: str | None
    share: str | None
    parts: tuple[str, ...]

    def __str__(self) -> str:
        root = f"{self.drive}:\\" if self.drive else f"\\\\{self.server}\\{self.share}\\"
        return (root + "\\".join(self.parts)).rstrip("\\") if self.parts or self.server else root


def parse_path(path: str) -> ParsedPath:
    """Split an absolute Windows path; raises InvalidPath for relative or malformed ones."""
    text = path.replace("/", "\\").strip()
    if text.startswith("\\\\?\\"):
        text = text[4:]
    if text.startswith("\\\\"):
        pieces = [p for p in text[2:].split("\\")]
        if len(pieces) < 2 or not pieces[0] or not pieces[1]:
            raise InvalidPath(path, "a UNC path needs a server and a share")
        drive, server, share, rest = None, pieces[0], pieces[1], pieces[2:]
    elif len(text) >= 2 and text[1] == ":" and text[0].isalpha():
        drive, server, share, rest = text[0].upper(), None, None, text[2:].split("\\")
    else:
        raise InvalidPath(path, "not an absolute path")
    parts: list[str] = []
    for piece in rest:
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
            continue
        if any(ch in INVALID_NAME_CHARS or ord(ch) < 32 for ch in piece):
            raise InvalidPath(path, f"illegal characters in '{piece}'")
        parts.append(piece)
    return ParsedPath(drive, server, share, tuple(parts))


def normalize_path(path: str) -> str:
    """Canonical spelling of an absolute path: backslashes, no '.', '..' or doubled separators."""
    return str(parse_path(path))


def join_path(path: str, *names: str) -> str:
    """`path` followed by `names`, separated by single backslashes."""
    text = path.rstrip("\\/")
    for name in names:
        text += "\\" + name.strip("\\/")
    return text


def split_path(path: str) -> tuple[str, str]:
    """(parent, leaf) of an absolute path; the leaf of a root is ''."""
    parsed = parse_path(path)
    if not parsed.parts:
        return str(parsed), ""
    parent = ParsedPath(parsed.drive, parsed.server, parsed.share, parsed.parts[:-1])
    return str(parent), parsed.parts[-1]


# Resolution -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    """Where a path lands: a volume and the components below its root."""

    path: str
    volume: StorageVolume
    parts: tuple[str, ...]
    owner: str
    """Human-readable name of the volume, e.g. 'HV01 D:', 'CLU01 Volume1'."""


HostRef = Host | str


def _name_key(entry: Folder | File) -> str:
    return entry.name.casefold()


class FileSystem:
    """File operations on a lab; every method takes the host the path is seen from."""

    def __init__(self, lab: Lab):
        self.lab = lab

    # resolution

    def _host(self, host: HostRef, path: str) -> Host:
        if isinstance(host, Host):
            return host
        found = self.lab.find_host(host)
        if found is None:
            raise DriveNotFound(path, f"no host '{host}'")
        return found

    def resolve(self, host: HostRef, path: str, *, computer_account: bool = False) -> Location:
        """Volume and components of `path` as seen from `host`.

        With `computer_account`, access is checked as the host's computer account (what Hyper-V
        uses for VM storage): shares must grant it full control, administrative shares refuse it.
        """
        viewer = self._host(host, path)
        parsed = parse_path(path)
        if parsed.drive is not None:
            return self._resolve_local(viewer, parsed.drive, parsed.parts, path)
        server = self.lab.find_host(parsed.server or "")
        if server is None:
            raise DriveNotFound(path, f"the network path \\\\{parsed.server} was not found")
        share_name = parsed.share or ""
        if len(share_name) == 2 and share_name.endswith("$") and share_name[0].isalpha():
            if computer_account and server is not viewer:
                raise AccessDenied(path, f"{viewer.name}$ may not use administrative shares")
            return self._resolve_local(server, share_name[0].upper(), parsed.parts, path)
        share = self.lab.find_share(server.name, share_name)
        if share is None:
            raise DriveNotFound(path, f"no share '{share_name}' on {server.name}")
        if computer_account and server is not viewer and not share.grants(viewer.name):
            raise AccessDenied(path, f"{share.unc} does not grant {viewer.name}$ full control")
        base = parse_path(share.path)
        return self._resolve_local(server, base.drive or "", base.parts + parsed.parts, path)

    def _resolve_local(self, host: Host, letter: str, parts: tuple[str, ...], path: str) -> Location:
        if letter == "C" and len(parts) >= 2 and parts[0].casefold() == "clusterstorage":
            cluster = self.lab.cluster_of(host)
            csv = cluster.shared_volume(parts[1]) if cluster else None
            if cluster is not None and csv is not None:
                return Location(path, csv, parts[2:], f"{cluster.name} {csv.name}")
        volume = host.volume(letter)
        if volume is None:
            raise DriveNotFound(path, f"{host.name} has no drive {letter}:")
        return Location(path, volume, parts, f"{host.name} {letter}:")

    def _node(self, location: Location) -> Folder | File:
        node: Folder | File = location.volume.root
        for part in location.parts:
            if not isinstance(node, Folder):
                raise PathNotFound(location.path, f"'{node.name}' is a file")
            child = node.child(part)
            if child is None:
                raise PathNotFound(location.path)
            node = child
        return node

    def _folder(self, location: Location) -> Folder:
        node = self._node(location)
        if not isinstance(node, Folder):
            raise NotAFolder(location.path)
        return node

    def _parent(self, location: Location) -> tuple[Folder, str]:
        if not location.parts:
            raise InvalidPath(location.path, "the root of a volume")
        parent = Location(location.path, location.volume, location.parts[:-1], location.owner)
        try:
            return self._folder(parent), location.parts[-1]
        except NotAFolder:
            raise PathNotFound(location.path) from None

    def user_of(self, location: Location) -> str | None:
        """What uses something at or below `location`: a VM's file or folder, or a share's folder."""
        wanted = [p.casefold() for p in location.parts]

        def below(host: Host | str, path: str) -> bool:
            try:
                used = self.resolve(host, path)
            except FsError:
                return False
            return used.volume is location.volume and [p.casefold() for p in used.parts[: len(wanted)]] == wanted

        for host, vm in self.lab.iter_vms():
            if any(below(host, ref) for ref in [*vm.referenced_files(), *vm.referenced_folders()]):
                return f"virtual machine '{vm.name}'"
        for share in self.lab.shares:
            if below(share.server, share.path):
                return f"share {share.unc}"
        return None

    def _ensure_unused(self, location: Location) -> None:
        user = self.user_of(location)
        if user is not None:
            raise FileInUse(location.path, user)

    def _ensure_space(self, location: Location, extra_bytes: int) -> None:
        free = location.volume.free_bytes()
        if extra_bytes > free:
            raise VolumeFull(location.path, extra_bytes, free)

    # queries

    def get_item(self, host: HostRef, path: str) -> Folder | File:
        """The folder or file at `path`."""
        return self._node(self.resolve(host, path))

    def exists(self, host: HostRef, path: str) -> bool:
        try:
            self.get_item(host, path)
        except FsError:
            return False
        return True

    def is_folder(self, host: HostRef, path: str) -> bool:
        try:
            return isinstance(self.get_item(host, path), Folder)
        except FsError:
            return False

    def is_file(self, host: HostRef, path: str) -> bool:
        try:
            return isinstance(self.get_item(host, path), File)
        except FsError:
            return False

    def list_folder(self, host: HostRef, path: str) -> list[Folder | File]:
        """Contents of a folder: subfolders then files, each sorted by name."""
        folder = self._folder(self.resolve(host, path))
        return [*sorted(folder.folders, key=_name_key), *sorted(folder.files, key=_name_key)]

    def read_text(self, host: HostRef, path: str) -> str:
        node = self.get_item(host, path)
        if isinstance(node, Folder):
            raise NotAFile(path)
        if node.text is None:
            raise NoTextContent(path)
        return node.text

    def size_of(self, host: HostRef, path: str) -> int:
        """Bytes of a file, or of every file below a folder."""
        node = self.get_item(host, path)
        return node.size_bytes if isinstance(node, File) else node.total_bytes()

    def volume_of(self, host: HostRef, path: str) -> StorageVolume:
        return self.resolve(host, path).volume

    def free_space(self, host: HostRef, path: str) -> int:
        """Free bytes of the volume that holds `path` (the path itself need not exist)."""
        return self.resolve(host, path).volume.free_bytes()

    def capacity(self, host: HostRef, path: str) -> int:
        return self.resolve(host, path).volume.capacity_bytes

    def same_volume(self, host_a: HostRef, path_a: str, host_b: HostRef, path_b: str) -> bool:
        return self.resolve(host_a, path_a).volume is self.resolve(host_b, path_b).volume

    # changes

    def make_folder(
        self, host: HostRef, path: str, *, parents: bool = True, exist_ok: bool = False
    ) -> Folder:
        """Create a folder (and, with `parents`, the missing folders above it)."""
        location = self.resolve(host, path)
        node: Folder = location.volume.root
        now = self.lab.clock.seconds
        for index, part in enumerate(location.parts):
            child = node.child(part)
            last = index == len(location.parts) - 1
            if child is None:
                if not (parents or last):
                    raise PathNotFound(path)
                child = Folder(name=part, created=now)
                node.add_child(child)
            elif isinstance(child, File):
                raise PathExists(path, f"'{child.name}' is a file")
            elif last and not exist_ok:
                raise PathExists(path)
            node = child
        return node

    def write_file(
        self,
        host: HostRef,
        path: str,
        *,
        size_bytes: int = 0,
        text: str | None = None,
        vhd: VhdHeader | None = None,
        overwrite: bool = True,
    ) -> File:
        """Create or replace a file.  With `text`, the size is its UTF-8 length."""
        location = self.resolve(host, path)
        parent, name = self._parent(location)
        if text is not None:
            size_bytes = len(text.encode("utf-8"))
        existing = parent.child(name)
        if isinstance(existing, Folder):
            raise NotAFile(path)
        if existing is not None and not overwrite:
            raise PathExists(path)
        if existing is not None:
            self._ensure_unused(location)
        old_size = existing.size_bytes if existing else 0
        self._ensure_space(location, size_bytes - old_size)
        now = self.lab.clock.seconds
        if existing is not None:
            existing.size_bytes, existing.text, existing.vhd, existing.modified = size_bytes, text, vhd, now
            return existing
        created = File(name=name, size_bytes=size_bytes, text=text, vhd=vhd, created=now, modified=now)
        parent.add_child(created)
        return created

    def write_text(self, host: HostRef, path: str, text: str) -> File:
        """Set-Content: replace the file's text, creating the file if needed."""
        return self.write_file(host, path, text=text)

    def append_text(self, host: HostRef, path: str, text: str) -> File:
        """Add-Content: append to the file's text, creating the file if needed."""
        location = self.resolve(host, path)
        parent, name = self._parent(location)
        existing = parent.child(name)
        if isinstance(existing, File) and existing.text is None and existing.size_bytes:
            raise NoTextContent(path)
        current = existing.text if isinstance(existing, File) and existing.text else ""
        return self.write_file(host, path, text=current + text)

    def resize_file(self, host: HostRef, path: str, size_bytes: int) -> File:
        """Change a file's size (a dynamic disk that grows, a file that is truncated)."""
        location = self.resolve(host, path)
        node = self._node(location)
        if isinstance(node, Folder):
            raise NotAFile(path)
        if node.text is not None:
            raise ValueError("text files take their size from their text")
        self._ensure_space(location, size_bytes - node.size_bytes)
        node.size_bytes = size_bytes
        node.modified = self.lab.clock.seconds
        return node

    def delete(self, host: HostRef, path: str, *, recursive: bool = False) -> None:
        """Remove a file or folder; a VM's files (and folders holding them) are refused."""
        location = self.resolve(host, path)
        parent, _ = self._parent(location)
        node = self._node(location)
        if isinstance(node, Folder) and (node.folders or node.files) and not recursive:
            raise FolderNotEmpty(path)
        self._ensure_unused(location)
        parent.remove_child(node)

    def rename(self, host: HostRef, path: str, new_name: str) -> Folder | File:
        if not new_name or "\\" in new_name or "/" in new_name or set(new_name) & INVALID_NAME_CHARS:
            raise InvalidPath(new_name, "not a valid file name")
        location = self.resolve(host, path)
        parent, _ = self._parent(location)
        node = self._node(location)
        self._ensure_unused(location)
        clash = parent.child(new_name)
        if clash is not None and clash is not node:
            raise PathExists(join_path(split_path(path)[0], new_name))
        node.name = new_name
        return node

    def copy(
        self,
        host: HostRef,
        source: str,
        destination: str,
        *,
        destination_host: HostRef | None = None,
        overwrite: bool = False,
    ) -> Folder | File:
        """Copy a file or a folder tree to exactly `destination` (whose parent must exist)."""
        src = self.resolve(host, source)
        node = self._node(src)
        dst = self.resolve(destination_host or host, destination)
        parent, name = self._parent(dst)
        replaced = self._replaceable(parent, name, node, destination, overwrite)
        size = node.size_bytes if isinstance(node, File) else node.total_bytes()
        freed = 0 if replaced is None else self._bytes(replaced)
        if replaced is not None:
            self._ensure_unused(dst)
        self._ensure_space(dst, size - freed)
        if self._contains(node, parent):
            raise InvalidPath(destination, "cannot copy a folder into itself")
        duplicate = node.model_copy(deep=True)
        duplicate.name = name
        if replaced is not None:
            parent.remove_child(replaced)
        parent.add_child(duplicate)
        return duplicate

    def move(
        self,
        host: HostRef,
        source: str,
        destination: str,
        *,
        destination_host: HostRef | None = None,
        overwrite: bool = False,
        allow_in_use: bool = False,
    ) -> Folder | File:
        """Move a file or folder to exactly `destination`; across volumes it copies then deletes.

        A VM's files are refused unless `allow_in_use` (for the lab's own storage moves, which
        re-point the VM afterwards)."""
        src = self.resolve(host, source)
        src_parent, _ = self._parent(src)
        node = self._node(src)
        if not allow_in_use:
            self._ensure_unused(src)
        dst = self.resolve(destination_host or host, destination)
        parent, name = self._parent(dst)
        if self._contains(node, parent):
            raise InvalidPath(destination, "cannot move a folder into itself")
        replaced = self._replaceable(parent, name, node, destination, overwrite)
        if replaced is not None:
            self._ensure_unused(Location(destination, dst.volume, dst.parts, dst.owner))
        if dst.volume is not src.volume:
            freed = 0 if replaced is None else self._bytes(replaced)
            self._ensure_space(dst, self._bytes(node) - freed)
        if replaced is not None:
            parent.remove_child(replaced)
        src_parent.remove_child(node)
        node.name = name
        parent.add_child(node)
        return node

    @staticmethod
    def _bytes(node: Folder | File) -> int:
        return node.size_bytes if isinstance(node, File) else node.total_bytes()

    @staticmethod
    def _replaceable(
        parent: Folder, name: str, node: Folder | File, destination: str, overwrite: bool
    ) -> Folder | File | None:
        existing = parent.child(name)
        if existing is None or existing is node:
            return None
        if not overwrite or type(existing) is not type(node):
            raise PathExists(destination)
        return existing

    @staticmethod
    def _contains(node: Folder | File, folder: Folder) -> bool:
        """True when `folder` is `node` or lies inside it."""
        if node is folder:
            return True
        if isinstance(node, Folder):
            return any(FileSystem._contains(child, folder) for child in node.folders)
        return False
