"""The value model: how PowerShell values are represented in Python.

| PowerShell            | Python                                                        |
|-----------------------|---------------------------------------------------------------|
| $null                 | None                                                          |
| Boolean               | bool                                                          |
| Int32                 | int within the Int32 range                                    |
| Int64                 | `Int64` (an int subclass), or a plain int beyond Int32's range |
| Double                | float                                                         |
| Decimal               | decimal.Decimal                                               |
| String / Char         | str / `Char`                                                  |
| Object[]              | list                                                          |
| Hashtable / ordered   | `Hashtable` (case-insensitive keys, insertion order)          |
| PSCustomObject        | `PSObject`                                                    |
| DateTime / TimeSpan   | datetime.datetime / datetime.timedelta                        |
| Guid                  | uuid.UUID                                                     |
| enum values           | enum.Enum members (shown by name)                             |
| other .NET objects    | subclasses of `DotNetObject` (declared properties)            |

Any object may carry extra members: a PSObject holds its own; Add-Member on another
object of a reference type keeps them in `instance_members`, keyed by the object.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

INT32_MIN = -(2**31)
INT32_MAX = 2**31 - 1
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


class Int64(int):
    """An integer whose .NET type is Int64 even when its value would fit an Int32."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Int64({int(self)})"


class Char(str):
    """A single UTF-16 character ([char])."""

    __slots__ = ()


def fold(key: object) -> object:
    """Key used for case-insensitive lookups: strings compare without case."""
    return key.casefold() if isinstance(key, str) else key


class Hashtable:
    """A PowerShell hashtable: case-insensitive string keys, insertion order kept.

    `ordered` marks `[ordered]@{}` (System.Collections.Specialized.OrderedDictionary).
    """

    __slots__ = ("_items", "ordered", "__weakref__")  # weakly referable: instance_members

    def __init__(self, items: Iterable[tuple[object, object]] = (), ordered: bool = False) -> None:
        self._items: dict[object, tuple[object, object]] = {}
        self.ordered = ordered
        for key, value in items:
            self[key] = value

    def __getitem__(self, key: object) -> object:
        entry = self._items.get(fold(key))
        return None if entry is None else entry[1]

    def __setitem__(self, key: object, value: object) -> None:
        folded = fold(key)
        entry = self._items.get(folded)
        self._items[folded] = (key if entry is None else entry[0], value)

    def __delitem__(self, key: object) -> None:
        self._items.pop(fold(key), None)

    def __contains__(self, key: object) -> bool:
        return fold(key) in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[object]:
        return (entry[0] for entry in self._items.values())

    def get(self, key: object, default: object = None) -> object:
        entry = self._items.get(fold(key))
        return default if entry is None else entry[1]

    def add(self, key: object, value: object) -> None:
        """Hashtable.Add: fails on a duplicate key (caller turns KeyError into the PS error)."""
        if fold(key) in self._items:
            raise KeyError(key)
        self[key] = value

    def keys(self) -> list[object]:
        return [entry[0] for entry in self._items.values()]

    def values(self) -> list[object]:
        return [entry[1] for entry in self._items.values()]

    def items(self) -> list[tuple[object, object]]:
        return list(self._items.values())

    def clear(self) -> None:
        self._items.clear()

    def copy(self) -> "Hashtable":
        return Hashtable(self.items(), self.ordered)

    def __repr__(self) -> str:
        return f"Hashtable({self.items()!r}, ordered={self.ordered})"


class PSObject:
    """A PSCustomObject: ordered, case-insensitively named note properties.

    `type_names` is what `.PSObject.TypeNames` shows, most derived first; formatting looks
    views up by these names. `base` is set when an existing object was wrapped to carry
    extra members (Add-Member on a non-PSObject).
    """

    __slots__ = ("_props", "type_names", "base")

    DEFAULT_TYPE_NAMES = ("System.Management.Automation.PSCustomObject", "System.Object")

    def __init__(
        self,
        properties: Iterable[tuple[str, object]] = (),
        type_names: Iterable[str] | None = None,
        base: object = None,
    ) -> None:
        self._props: dict[str, tuple[str, object]] = {}
        for name, value in properties:
            self._props[name.casefold()] = (name, value)
        self.type_names = list(type_names) if type_names is not None else list(self.DEFAULT_TYPE_NAMES)
        self.base = base

    def property_names(self) -> list[str]:
        return [entry[0] for entry in self._props.values()]

    def has_property(self, name: str) -> bool:
        return name.casefold() in self._props

    def get(self, name: str, default: object = None) -> object:
        entry = self._props.get(name.casefold())
        return default if entry is None else entry[1]

    def set(self, name: str, value: object) -> None:
        """Set an existing property (keeping its spelling) or add a new one at the end."""
        key = name.casefold()
        entry = self._props.get(key)
        self._props[key] = (name if entry is None else entry[0], value)

    def remove(self, name: str) -> None:
        self._props.pop(name.casefold(), None)

    def items(self) -> list[tuple[str, object]]:
        return list(self._props.values())

    def __repr__(self) -> str:
        return f"PSObject({self.items()!r})"


class DotNetObject:
    """Base for Python classes standing for .NET objects (VMs, hosts, ErrorRecords, ...).

    Subclasses list their .NET type names (most derived first) and their properties in
    display order; a property is read with `ps_get`. Methods callable from PowerShell are
    returned by `ps_method(name)` (case-insensitive), or None.
    """

    ps_type_names: tuple[str, ...] = ("System.Object",)
    ps_properties: tuple[str, ...] = ()

    def ps_get(self, name: str) -> object:
        for declared in self.ps_properties:
            if declared.casefold() == name.casefold():
                return getattr(self, declared)
        raise KeyError(name)

    def ps_has(self, name: str) -> bool:
        folded = name.casefold()
        return any(declared.casefold() == folded for declared in self.ps_properties)

    def ps_set(self, name: str, value: object) -> None:
        raise KeyError(name)

    def ps_method(self, name: str) -> Callable[..., Any] | None:
        return None

    def ps_to_string(self) -> str:
        return self.ps_type_names[0]


def is_int32(value: object) -> bool:
    return type(value) is int and INT32_MIN <= value <= INT32_MAX


class PSType:
    """A .NET type as PowerShell sees it: `[int]`, `[string[]]`, `[math]`, a Hyper-V class.

    The type registry (`pshv.runtime.types`) creates these; conversion, `-is`, static members
    and constructors all hang off them, so a module that brings new types (Hyper-V, the lab)
    only registers more of them.
    """

    __slots__ = ("full_name", "accelerator", "is_instance", "element", "enum", "generic_args",
                 "static_members", "constructor", "convert_from", "bases", "__weakref__")

    def __init__(
        self,
        full_name: str,
        *,
        is_instance: Callable[[object], bool] | None = None,
        accelerator: str | None = None,
        element: "PSType | None" = None,
        enum: type | None = None,
        generic_args: tuple["PSType", ...] = (),
        static_members: dict[str, object] | None = None,
        constructor: Callable[..., object] | None = None,
        convert_from: Callable[[object], object] | None = None,
        bases: tuple[str, ...] = ("System.Object",),
    ) -> None:
        self.full_name = full_name
        self.accelerator = accelerator
        self.is_instance = is_instance or (lambda value: False)
        self.element = element
        self.enum = enum
        self.generic_args = generic_args
        self.static_members = static_members or {}  # lower-case name -> value or callable(ctx, *args)
        self.constructor = constructor  # callable(ctx, *args) for ::new() and New-Object
        self.convert_from = convert_from  # callable(value) -> instance, raising on failure
        self.bases = bases

    @property
    def name(self) -> str:
        """The short name, as `.GetType().Name` shows it: 'Int32', 'Object[]'."""
        return self.full_name.rsplit(".", 1)[-1] if "[" not in self.full_name else self.full_name.split("[", 1)[0].rsplit(".", 1)[-1] + "[" + self.full_name.split("[", 1)[1]

    def __repr__(self) -> str:
        return f"PSType({self.full_name})"


class Invocable:
    """What a script block offers to code outside the interpreter (members, cmdlets, binder).

    `call(args, dollar_under=...)` runs it in a child scope and returns its output as a list;
    `dollar_under` sets `$_`/`$PSItem` when given.
    """

    def call(self, args: list[object] | None = None, *, dollar_under: object = ...) -> list[object]:
        raise NotImplementedError


class _Void:
    """What a void .NET method returns: it writes nothing to the pipeline (unlike $null)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "VOID"

    def __bool__(self) -> bool:
        return False


VOID = _Void()
