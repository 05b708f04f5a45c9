"""Instance members of objects that are not PSObjects (PowerShell's "resurrection" table).

When `Add-Member` adds a member to an object that is not a PSObject, PowerShell keeps the
member in a table keyed by the object itself (`PSObject._instanceMembersResurrectionTable`,
a ConditionalWeakTable): every later wrapping of the same object -- `$vm.Target`,
Get-Member, Select-Object, Format-List, Export-Csv -- finds it. Here the members of such an
object live in an `InstanceMembers` record found by `lookup(obj)`, and `view(obj, record)`
is the PSObject that member resolution uses in the object's place: its note properties and
type names are the record's own dict and list (so a change made through any view is seen by
every other), its base is the object (or the bound script-member extension over it).

Which objects, as in Windows PowerShell 5.1:
- keyed by identity (`id` plus an identity check), never by equality: two equal
  hashtables are two objects;
- not strings: PowerShell keys a string's members by the PSObject that wraps it
  (`GetKeyForResurrectionTables`), so they live only in that wrapper (the -PassThru output);
  this also spares us Python's shared (interned) strings;
- not value types (Int32, Double, Boolean, DateTime, enum values, ...): .NET can only key
  them by a box, which the engine copies and rebuilds; the emulator has no boxes, and keeps
  their members only in the -PassThru output.

Lifetime. A ConditionalWeakTable keeps a member while its object lives, and the member never
keeps the object alive. Python has no such (ephemeron) table, so:
- `INDEX` maps id(object) to an entry that refers to the object weakly when it can be
  weakly referenced; the weak reference's callback removes the entry when the object dies;
- objects that cannot be weakly referenced (plain lists, i.e. Object[] arrays, and tuples)
  are held by their entry, and a sweep -- run whenever the number of such entries has
  doubled since the last one, so its cost is amortized -- drops those whose only remaining
  reference is that entry (`sys.getrefcount`), so a loop adding members to throw-away arrays
  stays bounded. An array reachable only from its own members (a note whose value contains
  the array) escapes the sweep and lives as long as the session that added the member;
- the records are owned by the session that made them (`SessionMembers`, on the execution
  context) and the index refers to them weakly: a script property's script block refers to
  its session, and a process-wide index must not keep a finished session alive.
"""

from __future__ import annotations

import sys
import weakref
from functools import partial
from typing import Callable

from .collections import GenericList
from .objects import PSObject
from .types import resolve_type, type_of


class InstanceMembers:
    """The members one object was given: note properties (laid out as `PSObject._props`),
    type names (`.PSTypeNames`), and `extension`, an object with `bind(owner, inner)` that
    returns the base of a view when the object also has script or alias members."""

    __slots__ = ("props", "type_names", "extension", "owner", "__weakref__")

    def __init__(self, type_names: list, owner: weakref.ref[SessionMembers]) -> None:
        self.props: dict[str, tuple[str, object]] = {}
        self.type_names = type_names
        self.extension: object = None
        self.owner = owner


class SessionMembers:
    """The instance-member records one session made; it is what keeps them alive."""

    __slots__ = ("records", "__weakref__")

    def __init__(self) -> None:
        self.records: set[InstanceMembers] = set()


class _Entry:
    __slots__ = ("target", "strong", "record")

    def __init__(self, target: object, strong: bool, record: weakref.ref[InstanceMembers]) -> None:
        self.target = target  # the object (strong) or a weak reference to it
        self.strong = strong
        self.record = record


INDEX: dict[int, _Entry] = {}
"""id(object) -> entry. Empty until the first member is added, which is the fast path's test."""

_SWEEP_MIN = 64
_strong = {"count": 0, "next_sweep": _SWEEP_MIN}


def lookup(obj: object) -> InstanceMembers | None:
    """The instance members of `obj` (not a PSObject), or None."""
    entry = INDEX.get(id(obj))
    if entry is None:
        return None
    target = entry.target if entry.strong else entry.target()
    if target is not obj:
        return None
    return entry.record()


def view(obj: object, record: InstanceMembers) -> PSObject:
    """The PSObject standing for `obj` with its instance members (sharing their storage)."""
    wrapper = PSObject.__new__(PSObject)
    wrapper._props = record.props
    wrapper.type_names = record.type_names
    extension = record.extension
    wrapper.base = obj if extension is None else extension.bind(wrapper, obj)  # type: ignore[attr-defined]
    return wrapper


def resurrect(obj: object) -> object:
    """`obj` as member resolution should see it: its view when it has instance members."""
    if INDEX and obj is not None and type(obj) is not PSObject:
        record = lookup(obj)
        if record is not None:
            return view(obj, record)
    return obj


def is_view_of(wrapper: PSObject, record: InstanceMembers) -> bool:
    return wrapper._props is record.props


def keeps_members(obj: object) -> bool:
    """Whether members added to `obj` outlive the wrapper (reference types other than String)."""
    if obj is None or isinstance(obj, (str, PSObject)):
        return False
    return "System.ValueType" not in type_of(obj).bases


def attach(ctx: object, obj: object) -> PSObject | None:
    """The view Add-Member adds members to, creating the record; None when `obj` keeps none."""
    if not keeps_members(obj):
        return None
    record = lookup(obj)
    if record is None:
        record = _register(ctx, obj)
    return view(obj, record)


def set_extension(wrapper: PSObject, inner: object, extension: object) -> None:
    """Keep a script-member extension made for `wrapper` when it is a view of `inner`'s members.

    The record keeps `extension.bind(None, None)`, so that it refers neither to a view nor
    to the object (which would keep the object alive)."""
    record = lookup(inner) if INDEX and inner is not None else None
    if record is not None and is_view_of(wrapper, record):
        record.extension = extension.bind(None, None)  # type: ignore[attr-defined]


def _register(ctx: object, obj: object) -> InstanceMembers:
    owner = getattr(ctx, "instance_members", None)
    if owner is None:
        owner = SessionMembers()
        ctx.instance_members = owner  # type: ignore[attr-defined]
    names = GenericList(resolve_type("string"))  # what .PSTypeNames is, filled without converting
    list.extend(names, _display_type_names()(obj))
    record = InstanceMembers(names, weakref.ref(owner))
    owner.records.add(record)
    key = id(obj)
    record_ref = weakref.ref(record, partial(_record_gone, key))
    try:
        entry = _Entry(weakref.ref(obj, partial(_target_gone, key)), False, record_ref)
    except TypeError:  # lists, tuples: no weak references
        entry = _Entry(obj, True, record_ref)
        _strong["count"] += 1
    stale = INDEX.get(key)  # an entry whose record ended with its session
    if stale is not None:
        _forget(key, stale)
    INDEX[key] = entry
    if entry.strong and _strong["count"] >= _strong["next_sweep"]:
        sweep()
    return record


_imported: dict[str, Callable[[object], list[str]]] = {}


def _display_type_names() -> Callable[[object], list[str]]:
    """formatting.properties.type_names, imported once (that module imports this one)."""
    found = _imported.get("type_names")
    if found is None:
        from .formatting.properties import type_names

        found = _imported["type_names"] = type_names
    return found


def _forget(key: int, entry: _Entry) -> None:
    if INDEX.get(key) is entry:
        del INDEX[key]
        if entry.strong:
            _strong["count"] -= 1
    record = entry.record()
    if record is not None:
        owner = record.owner()
        if owner is not None:
            owner.records.discard(record)


def _target_gone(key: int, ref: weakref.ref) -> None:
    entry = INDEX.get(key)
    if entry is not None and entry.target is ref:
        _forget(key, entry)


def _record_gone(key: int, ref: weakref.ref) -> None:
    entry = INDEX.get(key)
    if entry is not None and entry.record is ref:
        _forget(key, entry)


# sys.getrefcount of an object referred to only by an entry's `target`: that slot and the argument.
_ONLY_THE_ENTRY = 2


def sweep() -> None:
    """Drop the held (not weakly referable) objects nothing else refers to any more."""
    for key, entry in list(INDEX.items()):
        if entry.strong and sys.getrefcount(entry.target) <= _ONLY_THE_ENTRY:
            _forget(key, entry)
    _strong["next_sweep"] = max(_SWEEP_MIN, 2 * _strong["count"])
