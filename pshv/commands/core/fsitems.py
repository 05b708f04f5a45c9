"""FileInfo and DirectoryInfo objects (what Get-Item and Get-ChildItem return) and 5.1's
directory-listing view:

        Directory: C:\\x


    Mode                LastWriteTime         Length Name
    ----                -------------         ------ ----
    d-----       11/23/2026   8:00 AM                sub
    -a----       11/23/2026   8:00 AM             12 notes.txt
"""

from __future__ import annotations

from datetime import datetime

from ...runtime.objects import DotNetObject
from . import paths as P
from .vfs import Entry

_COMMON = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "Mode")
_TIMES = ("CreationTime", "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc", "LastWriteTime",
          "LastWriteTimeUtc", "Attributes")
GROUP_KEY = "PSParentDirectoryDisplay"
"""A hidden property the listing view groups by: the parent folder without the provider prefix."""


class ProviderInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.ProviderInfo", "System.Object")
    ps_properties = ("Name", "ModuleName")

    Name = "FileSystem"
    ModuleName = "Microsoft.PowerShell.Core"

    def ps_to_string(self) -> str:
        return P.PROVIDER


class _FileSystemInfo(DotNetObject):
    """Shared by files and folders; `short_text` makes ToString() give the bare name, as the
    objects Get-ChildItem enumerates do in Windows PowerShell 5.1."""

    def __init__(self, entry: Entry, short_text: bool = False) -> None:
        self.entry = entry
        self.short_text = short_text

    # provider note properties
    @property
    def PSPath(self) -> str:
        return P.provider_qualified(self.entry.path)

    @property
    def PSParentPath(self) -> str:
        parent = P.parent_of(self.entry.path)
        return P.provider_qualified(parent) if parent else ""

    @property
    def PSChildName(self) -> str:
        return self.Name

    @property
    def PSDrive(self) -> str | None:
        return None if P.is_unc(self.entry.path) else P.drive_of(self.entry.path)

    PSProvider = ProviderInfo()

    @property
    def PSIsContainer(self) -> bool:
        return self.entry.is_dir

    # .NET properties
    @property
    def Name(self) -> str:
        return self.entry.name if not P.is_root(self.entry.path) else self.entry.path

    @property
    def FullName(self) -> str:
        return self.entry.path

    @property
    def Extension(self) -> str:
        name = self.Name
        dot = name.rfind(".")
        return name[dot:] if dot > 0 or (dot == 0 and len(name) > 1) else ""

    @property
    def BaseName(self) -> str:
        extension = self.Extension
        return self.Name[: -len(extension)] if extension else self.Name

    Target = None
    LinkType = None

    @property
    def Exists(self) -> bool:
        return True

    @property
    def CreationTime(self) -> datetime:
        return self.entry.created

    CreationTimeUtc = CreationTime

    @property
    def LastWriteTime(self) -> datetime:
        return self.entry.modified

    LastWriteTimeUtc = LastWriteTime
    LastAccessTime = LastWriteTime
    LastAccessTimeUtc = LastWriteTime

    @property
    def PSParentDirectoryDisplay(self) -> str:
        """5.1's group header is followed by two blank lines (the table adds one, the newline the other)."""
        return P.parent_of(self.entry.path) + "\n"

    def ps_get(self, name: str) -> object:
        if name.casefold() == GROUP_KEY.casefold():
            return self.PSParentDirectoryDisplay
        return super().ps_get(name)

    def ps_has(self, name: str) -> bool:
        return name.casefold() == GROUP_KEY.casefold() or super().ps_has(name)

    def ps_to_string(self) -> str:
        return self.Name if self.short_text else self.entry.path


class FileInfo(_FileSystemInfo):
    ps_type_names = ("System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject", "System.Object")
    ps_properties = (*_COMMON, "VersionInfo", "BaseName", "Target", "LinkType", "Name", "Length", "DirectoryName",
                     "Directory", "IsReadOnly", "Exists", "FullName", "Extension", *_TIMES)

    Mode = "-a----"
    VersionInfo = None
    IsReadOnly = False
    Attributes = "Archive"

    @property
    def Length(self) -> int:
        from ...runtime.objects import Int64

        return Int64(self.entry.size)

    @property
    def DirectoryName(self) -> str:
        return P.parent_of(self.entry.path)

    @property
    def Directory(self) -> "DirectoryInfo":
        return _parent_info(self.entry)


class DirectoryInfo(_FileSystemInfo):
    ps_type_names = ("System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = (*_COMMON, "BaseName", "Target", "LinkType", "Name", "FullName", "Parent", "Exists", "Root",
                     "Extension", *_TIMES)

    Mode = "d-----"
    Attributes = "Directory"

    @property
    def Parent(self) -> "DirectoryInfo | None":
        return _parent_info(self.entry) if P.parent_of(self.entry.path) else None

    @property
    def Root(self) -> "DirectoryInfo":
        root = P.join_parts(P.split_root(self.entry.path)[0], [])
        return DirectoryInfo(Entry(root, root, True, 0, self.entry.modified, self.entry.created))


def _parent_info(entry: Entry) -> DirectoryInfo:
    parent = P.parent_of(entry.path)
    name = P.leaf_of(parent) or parent
    return DirectoryInfo(Entry(parent, name, True, 0, entry.modified, entry.created))


def item_object(entry: Entry, *, short_text: bool = False) -> _FileSystemInfo:
    return (DirectoryInfo if entry.is_dir else FileInfo)(entry, short_text)


def _last_write(item: object) -> str:
    moment = item.LastWriteTime
    hour = moment.hour % 12 or 12
    time = f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"
    return f"{moment.month}/{moment.day}/{moment.year:>4}".rjust(10) + "  " + time.rjust(8)


def _length(item: object) -> object:
    return item.Length if isinstance(item, FileInfo) else None


def register_views() -> None:
    """The FileSystem provider's listing view (once per process)."""
    from ...runtime.formatting.views import Column, register_table_view

    columns = [
        Column("Mode", "Mode", width=7, alignment="left"),
        Column("LastWriteTime", _last_write, width=25, alignment="right"),
        Column("Length", _length, width=14, alignment="right"),
        Column("Name", "Name"),
    ]
    register_table_view(("System.IO.DirectoryInfo", "System.IO.FileInfo"), columns, group_by=GROUP_KEY,
                        group_label=" Directory")


register_views()
