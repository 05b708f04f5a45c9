"""Data model of the virtual file system: folders and files stored inside volumes.

Names keep the case they were created with; lookups are case-insensitive (see
`pshv.lab.filesystem` for the path API that works on these trees).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from pshv.lab.base import LabModel, by_name
from pshv.lab.enums import VhdFormat, VhdType


class VhdHeader(LabModel):
    """What a virtual hard disk file says about itself; its file size is the space it uses."""

    format: by_name(VhdFormat) = VhdFormat.VHDX
    vhd_type: by_name(VhdType) = VhdType.Dynamic
    max_size_bytes: int = Field(gt=0)


class File(LabModel):
    name: str
    size_bytes: int = Field(ge=0)
    text: str | None = None
    vhd: VhdHeader | None = None
    created: float = 0.0
    modified: float = 0.0

    @model_validator(mode="after")
    def _text_matches_size(self) -> "File":
        if self.text is not None and len(self.text.encode("utf-8")) != self.size_bytes:
            raise ValueError("size_bytes must equal the UTF-8 length of text")
        return self


class Folder(LabModel):
    name: str
    folders: list["Folder"] = []
    files: list[File] = []
    created: float = 0.0

    @model_validator(mode="after")
    def _names_unique(self) -> "Folder":
        seen: set[str] = set()
        for entry in [*self.folders, *self.files]:
            key = entry.name.casefold()
            if key in seen:
                raise ValueError(f"duplicate name '{entry.name}' in folder '{self.name}'")
            seen.add(key)
        return self

    def child(self, name: str) -> "Folder | File | None":
        """The folder or file called `name` (case-insensitive), or None."""
        key = name.casefold()
        for folder in self.folders:
            if folder.name.casefold() == key:
                return folder
        for file in self.files:
            if file.name.casefold() == key:
                return file
        return None

    def remove_child(self, entry: "Folder | File") -> None:
        if isinstance(entry, Folder):
            self.folders = [f for f in self.folders if f is not entry]
        else:
            self.files = [f for f in self.files if f is not entry]

    def add_child(self, entry: "Folder | File") -> None:
        if isinstance(entry, Folder):
            self.folders.append(entry)
        else:
            self.files.append(entry)

    def total_bytes(self) -> int:
        """Sum of the sizes of every file below this folder."""
        return sum(f.size_bytes for f in self.files) + sum(d.total_bytes() for d in self.folders)

    def walk_files(self, prefix: str = "") -> "list[tuple[str, File]]":
        """(relative path, file) for every file below this folder, depth first."""
        found = [(prefix + f.name, f) for f in self.files]
        for folder in self.folders:
            found.extend(folder.walk_files(prefix + folder.name + "\\"))
        return found
