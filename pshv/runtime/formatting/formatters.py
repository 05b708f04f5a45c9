"""Format-Table, Format-List and Out-Default's automatic choice of view, producing records.

Out-Default's rules (Windows PowerShell 5.1): a type's registered view wins; otherwise an
object with 4 or fewer properties is a table row and one with 5 or more a list entry.
Once a table has started, objects of the same type join it (a custom object with other
properties shows the first object's columns) and objects of other types are shown as
lists; strings, numbers and other scalars print as lines of text in between. Hashtables are
shown entry by entry in the Name/Value table.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..errors import ErrorRecord
from ..objects import DotNetObject, Hashtable, Invocable
from .properties import (
    LIST_KEYS, TABLE_KEYS, DisplayProperty, get_property, property_names, resolve_properties, script_value,
    type_names,
)
from .records import ColumnHeader, FormatEnd, FormatEntry, FormatRecord, FormatStart, GroupEnd, GroupStart
from .values import display_text, field_text, is_numeric, is_scalar
from .views import ListView, TableView, default_view, list_view, table_view, text_view

PROPERTY_COUNT_FOR_TABLE = 4


class DictionaryEntry(DotNetObject):
    """A hashtable entry as Out-Default enumerates it (shown by the Name/Value view)."""

    ps_type_names = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    ps_properties = ("Name", "Key", "Value")

    def __init__(self, key: object, value: object) -> None:
        self.Key = key
        self.Name = key
        self.Value = value

    def ps_to_string(self) -> str:
        return "System.Collections.DictionaryEntry"


def expand(objects: Iterable[object]) -> Iterable[object]:
    """What Out-Default enumerates: arrays element by element, hashtables entry by entry."""
    for obj in objects:
        if isinstance(obj, Hashtable):
            for key, value in obj.items():
                yield DictionaryEntry(key, value)
        elif isinstance(obj, (list, tuple)):
            yield from expand(obj)
        else:
            yield obj


def _cell(ctx: object, column: DisplayProperty, obj: object, from_view: bool) -> tuple[str, str | None]:
    value = column.read(ctx, obj)
    if column.format_string is not None and value is not None:
        from ..operators import binary

        text = str(binary("-f", "{0:" + column.format_string + "}", [value]))
    else:
        text = field_text(value)
    if column.alignment is not None:
        return text, column.alignment
    return text, ("right" if not from_view and is_numeric(value) else None)


def _row(ctx: object, columns: list[DisplayProperty], obj: object, from_view: bool) -> FormatEntry:
    return FormatEntry("row", cells=[_cell(ctx, column, obj, from_view) for column in columns])


def _list_entry(ctx: object, entries: list[DisplayProperty], obj: object) -> FormatEntry:
    pairs = []
    for entry in entries:
        text, _ = _cell(ctx, entry, obj, True)
        pairs.append((entry.label, text))
    return FormatEntry("list", pairs=pairs)


def _table_start(columns: list[DisplayProperty], first_row: FormatEntry, **options: bool) -> FormatStart:
    headers = [
        ColumnHeader(column.label, column.width or 0, column.alignment or first_row.cells[k][1])
        for k, column in enumerate(columns)
    ]
    return FormatStart("table", headers, **options)


def _all_properties(ctx: object, obj: object) -> list[DisplayProperty]:
    return [DisplayProperty(name, name) for name in property_names(ctx, obj)]


def _list_entries(ctx: object, obj: object) -> list[DisplayProperty]:
    view = list_view(type_names(obj))
    return view.entries if view is not None else _all_properties(ctx, obj)


def _group_reader(ctx: object, group_by: object) -> tuple[str, Callable[[object], object]] | None:
    if group_by is None:
        return None
    if isinstance(group_by, Invocable):
        return str(getattr(group_by, "text", group_by)).strip(), script_value(ctx, group_by)
    if isinstance(group_by, Hashtable):
        spec = resolve_properties(ctx, None, [group_by], ("label", "expression", "formatstring"))[0]
        return spec.label, lambda obj: spec.read(ctx, obj)
    name = str(group_by)
    return name, lambda obj: get_property(ctx, obj, name)


def _text_entry(obj: object, width: int) -> FormatEntry | None:
    """Objects that print as text: scalars, error records, types with a custom view."""
    if obj is None:
        return None
    if isinstance(obj, ErrorRecord):
        from .errorview import render_error

        return FormatEntry("text", text=render_error(obj, width).rstrip("\n"))
    names = type_names(obj)
    custom = text_view(names)
    if custom is not None:
        return FormatEntry("text", text=custom(obj))
    if is_scalar(obj):
        return FormatEntry("text", text=display_text(obj))
    return None


class _Grouper:
    """Emits GroupStart/GroupEnd around objects whose group-by value changes."""

    def __init__(self, reader: tuple[str, Callable[[object], object]] | None, out: list[FormatRecord]) -> None:
        self.reader = reader
        self.out = out
        self.open = False
        self.current: object = object()

    def before(self, obj: object) -> None:
        if self.reader is None:
            if not self.open:
                self.out.append(GroupStart())
                self.open = True
            return
        label, read = self.reader
        value = read(obj)
        text = field_text(value)
        if self.open and text == self.current:
            return
        self.close()
        self.out.append(GroupStart(f"{label}: {text}"))
        self.open = True
        self.current = text

    def close(self) -> None:
        if self.open:
            self.out.append(GroupEnd())
            self.open = False


def format_table(
    objects: Iterable[object],
    ctx: object = None,
    properties: list[object] | None = None,
    *,
    autosize: bool = False,
    hide_table_headers: bool = False,
    wrap: bool = False,
    group_by: object = None,
) -> list[FormatRecord]:
    """Format-Table: records for the objects as one table (columns from the first object)."""
    out: list[FormatRecord] = []
    columns: list[DisplayProperty] | None = None
    from_view = False
    grouper = _Grouper(_group_reader(ctx, group_by), out)
    for obj in expand(objects):
        if columns is None:
            if properties:
                columns = resolve_properties(ctx, obj, list(properties), TABLE_KEYS)
            else:
                if obj is None or (is_scalar(obj) and text_view(type_names(obj)) is None):
                    entry = _text_entry(obj, 120)
                    if entry is not None:
                        out.append(entry)
                    continue
                view = table_view(type_names(obj))
                from_view = view is not None
                columns = view.columns if view is not None else _all_properties(ctx, obj)
                if view is not None and group_by is None and view.group_by:
                    grouper.reader = (view.group_label or view.group_by, _property_reader(ctx, view.group_by))
                autosize = autosize or (view is not None and view.autosize)
            row = _row(ctx, columns, obj, from_view)
            out.append(_table_start(columns, row, autosize=autosize, hide_header=hide_table_headers, wrap=wrap))
            grouper.before(obj)
            out.append(row)
            continue
        grouper.before(obj)
        out.append(_row(ctx, columns, obj, from_view))
    if columns is not None:
        grouper.close()
        out.append(FormatEnd())
    return out


def _property_reader(ctx: object, name: str) -> Callable[[object], object]:
    return lambda obj: get_property(ctx, obj, name)


def format_list(
    objects: Iterable[object], ctx: object = None, properties: list[object] | None = None, *, group_by: object = None
) -> list[FormatRecord]:
    """Format-List: one `Name : value` entry per object (`*` shows every property)."""
    out: list[FormatRecord] = [FormatStart("list")]
    grouper = _Grouper(_group_reader(ctx, group_by), out)
    for obj in expand(objects):
        if not properties and (obj is None or is_scalar(obj)):
            entry = _text_entry(obj, 120)
            if entry is not None:
                grouper.before(obj)
                out.append(entry)
            continue
        entries = resolve_properties(ctx, obj, list(properties), LIST_KEYS) if properties else _list_entries(ctx, obj)
        grouper.before(obj)
        out.append(_list_entry(ctx, entries, obj))
    grouper.close()
    out.append(FormatEnd())
    return out if len(out) > 2 else []


class AutoFormatter:
    """Out-Default's formatting step: objects in, records out (one instance per Out-Default)."""

    def __init__(self, ctx: object, width: int) -> None:
        self.ctx = ctx
        self.width = width
        self.out: list[FormatRecord] = []
        self._table_type: object = None  # the view (or first type name) the open table is for
        self._columns: list[DisplayProperty] = []
        self._from_view = False
        self._list_type: object = None
        self._grouper: _Grouper | None = None

    def add(self, obj: object) -> None:
        if isinstance(obj, FormatRecord):
            self.close()
            self.out.append(obj)
            return
        text = _text_entry(obj, self.width)
        if text is not None or obj is None or is_scalar(obj):
            if text is not None:
                if self._grouper is not None:
                    self._grouper.close()  # text ends the group; the type keeps its columns
                self.out.append(text)
            return
        names = type_names(obj)
        view = default_view(names)
        key = view if view is not None else names[0]  # types sharing a view share a table
        if self._table_type is not None:
            self._grouper.before(obj)
            if key == self._table_type:
                self.out.append(_row(self.ctx, self._columns, obj, self._from_view))
            else:
                self.out.append(_list_entry(self.ctx, _list_entries(self.ctx, obj), obj))
            return
        if self._list_type is not None and key == self._list_type:
            self._grouper.before(obj)
            self.out.append(_list_entry(self.ctx, _list_entries(self.ctx, obj), obj))
            return
        self.close()
        if isinstance(view, TableView):
            self._start_table(obj, key, view.columns, True, view)
        elif isinstance(view, ListView):
            self._start_list(obj, key, view.entries)
        else:
            properties = _all_properties(self.ctx, obj)
            if not properties:
                self.out.append(FormatEntry("text", text=field_text(obj)))
            elif len(properties) <= PROPERTY_COUNT_FOR_TABLE:
                self._start_table(obj, key, properties, False, None)
            else:
                self._start_list(obj, key, properties)

    def _start_table(self, obj: object, key: str, columns: list[DisplayProperty], from_view: bool,
                     view: TableView | None) -> None:
        self._table_type, self._columns, self._from_view = key, columns, from_view
        reader = None
        if view is not None and view.group_by:
            reader = (view.group_label or view.group_by, _property_reader(self.ctx, view.group_by))
        row = _row(self.ctx, columns, obj, from_view)
        self.out.append(_table_start(columns, row, autosize=bool(view and view.autosize),
                                     hide_header=bool(view and view.hide_header)))
        self._grouper = _Grouper(reader, self.out)
        self._grouper.before(obj)
        self.out.append(row)

    def _start_list(self, obj: object, key: str, entries: list[DisplayProperty]) -> None:
        self._list_type = key
        self.out.append(FormatStart("list"))
        self._grouper = _Grouper(None, self.out)
        self._grouper.before(obj)
        self.out.append(_list_entry(self.ctx, entries, obj))

    def close(self) -> None:
        if self._grouper is not None:
            self._grouper.close()
            self.out.append(FormatEnd())
            self._grouper = None
        self._table_type = None
        self._list_type = None
