"""The view registry: how objects of a given .NET type are shown by default.

A table view lists columns (`Column(header, value, width, alignment)`, value being a
property name or `callable(obj) -> value`), optionally grouped by a property; a list view
lists entries. Views are found through the object's type names, most derived first; the
first view registered for a type is its default view (what Out-Default uses).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .properties import DisplayProperty

Column = DisplayProperty
"""A table column or list entry: `Column(header, value, width=None, alignment=None)`."""


@dataclass(slots=True)
class TableView:
    columns: list[Column]
    group_by: str | None = None
    group_label: str | None = None
    autosize: bool = False
    hide_header: bool = False


@dataclass(slots=True)
class ListView:
    entries: list[Column]
    group_by: str | None = None
    group_label: str | None = None


@dataclass(slots=True)
class _Views:
    default: TableView | ListView | None = None
    table: TableView | None = None
    list: ListView | None = None
    text: Callable[[object], str] | None = None  # a custom (text) view


_REGISTRY: dict[str, _Views] = {}


def _entry(type_name: str) -> _Views:
    return _REGISTRY.setdefault(type_name.casefold(), _Views())


def _columns(columns: list[Column | str]) -> list[Column]:
    return [Column(item, item) if isinstance(item, str) else item for item in columns]


def register_table_view(
    type_name: str | tuple[str, ...],
    columns: list[Column | str],
    *,
    group_by: str | None = None,
    group_label: str | None = None,
    autosize: bool = False,
    hide_header: bool = False,
) -> TableView:
    """Register (or replace) the table view of a type; plain strings are property columns.

    Several type names may share one view (as a format file's ViewSelectedBy lists them):
    objects of those types then continue one table, like a folder's files and subfolders.
    """
    view = TableView(_columns(columns), group_by, group_label, autosize, hide_header)
    for name in (type_name,) if isinstance(type_name, str) else type_name:
        entry = _entry(name)
        if entry.default is None or isinstance(entry.default, TableView):
            entry.default = view
        entry.table = view
    return view


def register_list_view(
    type_name: str, entries: list[Column | str], *, group_by: str | None = None, group_label: str | None = None
) -> ListView:
    """Register (or replace) the list view of a type (Format-List's default for it)."""
    view = ListView(_columns(entries), group_by, group_label)
    entry = _entry(type_name)
    if entry.default is None or isinstance(entry.default, ListView):
        entry.default = view
    entry.list = view
    return view


def register_text_view(type_name: str, render: Callable[[object], str]) -> None:
    """A custom view: the object prints as the text `render(obj)` returns."""
    _entry(type_name).text = render


def find_views(names: list[str]) -> _Views | None:
    for name in names:
        entry = _REGISTRY.get(name.casefold())
        if entry is not None:
            return entry
    return None


def default_view(names: list[str]) -> TableView | ListView | None:
    entry = find_views(names)
    return entry.default if entry else None


def table_view(names: list[str]) -> TableView | None:
    for name in names:
        entry = _REGISTRY.get(name.casefold())
        if entry is not None and entry.table is not None:
            return entry.table
    return None


def list_view(names: list[str]) -> ListView | None:
    for name in names:
        entry = _REGISTRY.get(name.casefold())
        if entry is not None and entry.list is not None:
            return entry.list
    return None


def text_view(names: list[str]) -> Callable[[object], str] | None:
    for name in names:
        entry = _REGISTRY.get(name.casefold())
        if entry is not None and entry.text is not None:
            return entry.text
    return None
