"""Format records: what Format-Table / Format-List emit and Out-Default / Out-String render.

As in PowerShell, formatting and output are two steps: the Format-* functions read the
objects and produce records with the text of every cell; the output step lays them out for
a given width. A stream of records is FormatStart, then per group GroupStart, entries and
GroupEnd, then FormatEnd.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..objects import DotNetObject

_NS = "Microsoft.PowerShell.Commands.Internal.Format."


@dataclass(slots=True)
class ColumnHeader:
    label: str
    width: int = 0  # 0: computed from the data
    alignment: str | None = None  # None: left


class FormatRecord(DotNetObject):
    """Base of the records; scripts see them under PowerShell's type names."""

    ps_type_names: tuple[str, ...] = (_NS + "FormatInfoData", "System.Object")
    ps_properties: tuple[str, ...] = ()


class FormatStart(FormatRecord):
    ps_type_names = (_NS + "FormatStartData", _NS + "StartData", _NS + "PacketInfoData",
                     _NS + "FormatInfoData", "System.Object")

    def __init__(self, shape: str, headers: list[ColumnHeader] | None = None, *, autosize: bool = False,
                 hide_header: bool = False, wrap: bool = False) -> None:
        self.shape = shape  # 'table' | 'list'
        self.headers = headers or []
        self.autosize = autosize
        self.hide_header = hide_header
        self.wrap = wrap


class GroupStart(FormatRecord):
    ps_type_names = (_NS + "GroupStartData", _NS + "StartData", _NS + "PacketInfoData",
                     _NS + "FormatInfoData", "System.Object")

    def __init__(self, label: str | None = None) -> None:
        self.label = label  # e.g. 'TypeName: System.String'; None for an unlabelled group


class FormatEntry(FormatRecord):
    """One object: a table row (cells with their alignment), a list entry or plain text."""

    ps_type_names = (_NS + "FormatEntryData", _NS + "PacketInfoData", _NS + "FormatInfoData", "System.Object")

    def __init__(self, kind: str, *, cells: list[tuple[str, str | None]] | None = None,
                 pairs: list[tuple[str, str]] | None = None, text: str | None = None) -> None:
        self.kind = kind  # 'row' | 'list' | 'text'
        self.cells = cells or []
        self.pairs = pairs or []
        self.text = text or ""


class GroupEnd(FormatRecord):
    ps_type_names = (_NS + "GroupEndData", _NS + "PacketInfoData", _NS + "FormatInfoData", "System.Object")


class FormatEnd(FormatRecord):
    ps_type_names = (_NS + "FormatEndData", _NS + "PacketInfoData", _NS + "FormatInfoData", "System.Object")
