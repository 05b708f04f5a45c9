"""The .NET collections scripts build by hand, and Stopwatch/StringBuilder.

Representation (so the interpreter needs no special cases):
- `ArrayList`, `GenericList` (List[T]) and `HashSet` (HashSet[T]) are `list` subclasses:
  they index, enumerate in the pipeline and unroll exactly like arrays.
- `ExactKeyTable` (`[hashtable]::new()`: case-sensitive keys) and `Dictionary`
  (Dictionary[K,V]) are `Hashtable` subclasses: indexed by key, not enumerated by the
  pipeline, shown as Name/Value tables.
- `StringBuilder` and `Stopwatch` are `DotNetObject`s.

Each class lists its PowerShell-callable methods in `ps_methods` (lower-case name ->
`fn(ctx, self, *args)`), which `members.invoke_method` consults before the generic list or
hashtable methods. `ps_dotnet_type` is the instance's PSType (generic ones carry their T).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable, Iterable

from . import errors
from .method_support import (
    as_int,
    as_string,
    dotnet_equals,
    equality_key,
    text_of,
)
from .objects import VOID, DotNetObject, Hashtable, Int64, PSType, fold


def _convert(value: object, pstype: PSType | None) -> object:
    """Convert an element to a collection's T (no conversion for Object or matching values)."""
    if pstype is None or pstype.full_name == "System.Object" or pstype.is_instance(value):
        return value
    from .convert import convert_to

    return convert_to(value, pstype)


def _items_of(value: object) -> list[object]:
    """The elements of an IEnumerable argument (AddRange, constructors)."""
    if isinstance(value, list):
        return list(value)
    if value is None:
        raise errors.ArgumentNullException("Value cannot be null.\r\nParameter name: collection")
    return [value]


def _index_arg(value: object, size: int, param: str = "index", allow_end: bool = False) -> int:
    index = as_int(value, param)
    if index < 0 or index > size or (index == size and not allow_end):
        raise errors.ArgumentOutOfRangeException(
            "Index was out of range. Must be non-negative and less than the size of the collection.\r\n"
            f"Parameter name: {param}"
            if not allow_end
            else "Index must be within the bounds of the List.\r\nParameter name: index"
        )
    return index


def _sort_key(value: object) -> tuple[int, object]:
    if isinstance(value, str):
        return (1, (value.casefold(), value.swapcase()))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value)
    return (2, text_of(value))


def _sort(items: list[object]) -> None:
    kinds = {_sort_key(item)[0] for item in items if item is not None}
    if len(kinds) > 1:
        raise errors.InvalidOperationException("Failed to compare two elements in the array.")
    items.sort(key=lambda item: (0, (0, 0)) if item is None else (1, _sort_key(item)))


# --------------------------------------------------------------------------- lists


def _add_range(ctx: object, self: "ArrayList", collection: object) -> object:
    self.extend(self._element(item) for item in _items_of(collection))
    return VOID


def _remove_at(ctx: object, self: "ArrayList", index: object) -> object:
    del self[_index_arg(index, len(self))]
    return VOID


def _insert(ctx: object, self: "ArrayList", index: object, value: object) -> object:
    self.insert(_index_arg(index, len(self), allow_end=True), self._element(value))
    return VOID


def _contains(ctx: object, self: list, value: object) -> bool:
    return any(dotnet_equals(item, value) for item in self)


def _index_of(ctx: object, self: list, value: object) -> int:
    for index, item in enumerate(self):
        if dotnet_equals(item, value):
            return index
    return -1


def _clear(ctx: object, self: list) -> object:
    self.clear()
    return VOID


def _to_array(ctx: object, self: list) -> list[object]:
    return list(self)


def _sort_method(ctx: object, self: list) -> object:
    _sort(self)
    return VOID


def _reverse(ctx: object, self: list) -> object:
    self.reverse()
    return VOID


def _remove_first(self: list, value: object) -> bool:
    for index, item in enumerate(self):
        if dotnet_equals(item, value):
            del self[index]
            return True
    return False


class ArrayList(list):
    """System.Collections.ArrayList: `Add` returns the new index (which scripts then print)."""

    ps_type_names = ("System.Collections.ArrayList", "System.Object")

    @property
    def ps_dotnet_type(self) -> PSType:
        from .types import resolve_type

        return resolve_type("System.Collections.ArrayList")  # type: ignore[return-value]

    def _element(self, value: object) -> object:
        return value

    def _add(ctx: object, self: "ArrayList", value: object) -> int:  # type: ignore[misc]
        self.append(value)
        return len(self) - 1

    def _remove(ctx: object, self: "ArrayList", value: object) -> object:  # type: ignore[misc]
        _remove_first(self, value)
        return VOID

    ps_methods: dict[str, Callable[..., object]] = {
        "add": _add,
        "addrange": _add_range,
        "remove": _remove,
        "removeat": _remove_at,
        "insert": _insert,
        "contains": _contains,
        "indexof": _index_of,
        "clear": _clear,
        "toarray": _to_array,
        "sort": _sort_method,
        "reverse": _reverse,
    }


class GenericList(ArrayList):
    """System.Collections.Generic.List[T]: elements are converted to T; `Add` returns nothing."""

    def __init__(self, element_type: PSType, items: Iterable[object] = ()) -> None:
        super().__init__()
        self.element_type = element_type
        self.extend(self._element(item) for item in items)

    @property
    def ps_dotnet_type(self) -> PSType:
        from .types import make_generic

        return make_generic("System.Collections.Generic.List", (self.element_type,))  # type: ignore[return-value]

    def _element(self, value: object) -> object:
        return _convert(value, self.element_type)

    def _add(ctx: object, self: "GenericList", value: object) -> object:  # type: ignore[misc]
        self.append(self._element(value))
        return VOID

    def _remove(ctx: object, self: "GenericList", value: object) -> bool:  # type: ignore[misc]
        return _remove_first(self, self._element(value))

    ps_methods = {**ArrayList.ps_methods, "add": _add, "remove": _remove}


class HashSet(list):
    """System.Collections.Generic.HashSet[T]: unique elements (by .NET equality), in insertion order."""

    def __init__(self, element_type: PSType, items: Iterable[object] = ()) -> None:
        super().__init__()
        self.element_type = element_type
        self._keys: set[object] = set()
        for item in items:
            self._put(_convert(item, element_type))

    @property
    def ps_dotnet_type(self) -> PSType:
        from .types import make_generic

        return make_generic("System.Collections.Generic.HashSet", (self.element_type,))  # type: ignore[return-value]

    def _put(self, value: object) -> bool:
        key = equality_key(value)
        if key in self._keys:
            return False
        self._keys.add(key)
        self.append(value)
        return True

    def _drop(self, value: object) -> bool:
        key = equality_key(value)
        if key not in self._keys:
            return False
        self._keys.discard(key)
        for index, item in enumerate(self):
            if equality_key(item) == key:
                del self[index]
                break
        return True

    def _add(ctx: object, self: "HashSet", value: object) -> bool:  # type: ignore[misc]
        return self._put(_convert(value, self.element_type))

    def _remove(ctx: object, self: "HashSet", value: object) -> bool:  # type: ignore[misc]
        return self._drop(_convert(value, self.element_type))

    def _contains(ctx: object, self: "HashSet", value: object) -> bool:  # type: ignore[misc]
        return equality_key(_convert(value, self.element_type)) in self._keys

    def _clear(ctx: object, self: "HashSet") -> object:  # type: ignore[misc]
        self.clear()
        self._keys.clear()
        return VOID

    def _union_with(ctx: object, self: "HashSet", other: object) -> object:  # type: ignore[misc]
        for item in _items_of(other):
            self._put(_convert(item, self.element_type))
        return VOID

    def _intersect_with(ctx: object, self: "HashSet", other: object) -> object:  # type: ignore[misc]
        keep = {equality_key(_convert(item, self.element_type)) for item in _items_of(other)}
        for item in [item for item in self if equality_key(item) not in keep]:
            self._drop(item)
        return VOID

    def _except_with(ctx: object, self: "HashSet", other: object) -> object:  # type: ignore[misc]
        for item in _items_of(other):
            self._drop(_convert(item, self.element_type))
        return VOID

    ps_methods: dict[str, Callable[..., object]] = {
        "add": _add,
        "remove": _remove,
        "contains": _contains,
        "clear": _clear,
        "unionwith": _union_with,
        "intersectwith": _intersect_with,
        "exceptwith": _except_with,
    }


# --------------------------------------------------------------------------- dictionaries


class ExactKeyTable(Hashtable):
    """A hashtable whose string keys are case-sensitive (`[hashtable]::new()`, `New-Object hashtable`)."""

    __slots__ = ()

    def _key(self, key: object) -> object:
        return key

    def __getitem__(self, key: object) -> object:
        entry = self._items.get(self._key(key))
        return None if entry is None else entry[1]

    def __setitem__(self, key: object, value: object) -> None:
        folded = self._key(key)
        entry = self._items.get(folded)
        self._items[folded] = (key if entry is None else entry[0], value)

    def __delitem__(self, key: object) -> None:
        self._items.pop(self._key(key), None)

    def __contains__(self, key: object) -> bool:
        return self._key(key) in self._items

    def get(self, key: object, default: object = None) -> object:
        entry = self._items.get(self._key(key))
        return default if entry is None else entry[1]

    def add(self, key: object, value: object) -> None:
        if self._key(key) in self._items:
            raise KeyError(key)
        self[key] = value

    def copy(self) -> "ExactKeyTable":
        clone = type(self)()
        for key, value in self.items():
            clone[key] = value
        return clone


class Dictionary(ExactKeyTable):
    """System.Collections.Generic.Dictionary[K,V]: keys converted to K, values to V; string
    keys are case-sensitive unless built with a case-insensitive StringComparer."""

    __slots__ = ("key_type", "value_type", "ignore_case")

    def __init__(self, key_type: PSType | None = None, value_type: PSType | None = None,
                 ignore_case: bool = False) -> None:
        self.key_type = key_type
        self.value_type = value_type
        self.ignore_case = ignore_case
        super().__init__()

    @property
    def ps_dotnet_type(self) -> PSType:
        from .types import make_generic, resolve_type

        obj = resolve_type("object")
        return make_generic(  # type: ignore[return-value]
            "System.Collections.Generic.Dictionary", (self.key_type or obj, self.value_type or obj)  # type: ignore[arg-type]
        )

    def _key(self, key: object) -> object:
        return fold(key) if self.ignore_case else key

    def __setitem__(self, key: object, value: object) -> None:
        if key is None:
            raise errors.ArgumentNullException("Value cannot be null.\r\nParameter name: key")
        super().__setitem__(_convert(key, self.key_type), _convert(value, self.value_type))

    def add(self, key: object, value: object) -> None:
        if key is not None and self._key(_convert(key, self.key_type)) in self._items:
            raise errors.ArgumentException("An item with the same key has already been added.")
        self[key] = value

    def copy(self) -> "Dictionary":
        clone = Dictionary(self.key_type, self.value_type, self.ignore_case)
        for key, value in self.items():
            clone[key] = value
        return clone


# --------------------------------------------------------------------------- StringBuilder


class StringBuilder(DotNetObject):
    """System.Text.StringBuilder. `Append` returns the builder itself, so an unsuppressed
    `$sb.Append('x')` prints the Capacity/MaxCapacity/Length table as in PowerShell."""

    ps_type_names = ("System.Text.StringBuilder", "System.Object")
    ps_properties = ("Capacity", "MaxCapacity", "Length")

    def __init__(self, text: str = "", capacity: int = 16) -> None:
        self._parts: list[str] = [text] if text else []
        self._length = len(text)
        self._capacity = max(capacity, 16)
        self._grow()

    @property
    def text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def _grow(self) -> None:
        while self._capacity < self._length:
            self._capacity = max(self._capacity * 2, self._length)

    def _append(self, text: str) -> "StringBuilder":
        if text:
            self._parts.append(text)
            self._length += len(text)
            self._grow()
        return self

    def ps_get(self, name: str) -> object:
        key = name.casefold()
        if key == "length":
            return self._length
        if key == "capacity":
            return self._capacity
        if key == "maxcapacity":
            return 2147483647
        raise KeyError(name)

    def ps_to_string(self) -> str:
        return self.text

    def ps_method(self, name: str) -> Callable[..., object] | None:
        return getattr(self, "_m_" + name.casefold(), None)

    def _m_append(self, value: object) -> "StringBuilder":
        return self._append(text_of(value))

    def _m_appendline(self, value: object = "") -> "StringBuilder":
        return self._append(text_of(value) + "\r\n")

    def _m_appendformat(self, format_string: object, *args: object) -> "StringBuilder":
        from .dotnet_format import format_composite

        return self._append(format_composite(as_string(format_string, "format") or "", list(args)))

    def _m_insert(self, index: object, value: object) -> "StringBuilder":
        text = self.text
        at = _index_arg(index, len(text), allow_end=True)
        self._parts = [text[:at] + text_of(value) + text[at:]]
        self._length = len(self._parts[0])
        self._grow()
        return self

    def _m_remove(self, start: object, length: object) -> "StringBuilder":
        text = self.text
        begin, count = as_int(start, "startIndex"), as_int(length, "length")
        if begin < 0 or count < 0 or begin + count > len(text):
            raise errors.ArgumentOutOfRangeException(
                "Index was out of range. Must be non-negative and less than the size of the collection.\r\n"
                "Parameter name: startIndex"
            )
        self._parts = [text[:begin] + text[begin + count:]]
        self._length = len(self._parts[0])
        return self

    def _m_replace(self, old: object, new: object) -> "StringBuilder":
        old_text = as_string(old, "oldValue")
        if not old_text:
            raise errors.ArgumentException("String cannot be of zero length.\r\nParameter name: oldValue")
        self._parts = [self.text.replace(old_text, as_string(new, "newValue") or "")]
        self._length = len(self._parts[0])
        return self

    def _m_clear(self) -> "StringBuilder":
        self._parts = []
        self._length = 0
        return self

    def _m_tostring(self) -> str:
        return self.text


# --------------------------------------------------------------------------- Stopwatch

_TICKS_PER_SECOND = 10_000_000


class Stopwatch(DotNetObject):
    """System.Diagnostics.Stopwatch measuring the lab clock (`ctx.now()`), never the real one."""

    ps_type_names = ("System.Diagnostics.Stopwatch", "System.Object")
    ps_properties = ("IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks")

    def __init__(self, ctx: object) -> None:
        self._ctx = ctx
        self._elapsed = timedelta(0)
        self._started: datetime | None = None

    def _now(self) -> datetime:
        return self._ctx.now()  # type: ignore[attr-defined]

    @property
    def elapsed(self) -> timedelta:
        if self._started is None:
            return self._elapsed
        return self._elapsed + (self._now() - self._started)

    def ps_get(self, name: str) -> object:
        key = name.casefold()
        if key == "isrunning":
            return self._started is not None
        if key == "elapsed":
            return self.elapsed
        if key == "elapsedmilliseconds":
            return Int64(self.elapsed // timedelta(milliseconds=1))
        if key == "elapsedticks":
            return Int64(self.elapsed // timedelta(microseconds=1) * (_TICKS_PER_SECOND // 1_000_000))
        raise KeyError(name)

    def ps_method(self, name: str) -> Callable[..., object] | None:
        return getattr(self, "_m_" + name.casefold(), None)

    def _m_start(self) -> object:
        if self._started is None:
            self._started = self._now()
        return VOID

    def _m_stop(self) -> object:
        if self._started is not None:
            self._elapsed = self.elapsed
            self._started = None
        return VOID

    def _m_reset(self) -> object:
        self._elapsed = timedelta(0)
        self._started = None
        return VOID

    def _m_restart(self) -> object:
        self._elapsed = timedelta(0)
        self._started = self._now()
        return VOID

    def _m_tostring(self) -> str:
        return "System.Diagnostics.Stopwatch"
