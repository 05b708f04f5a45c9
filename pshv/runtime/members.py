"""Member access: `$x.Prop`, `$x.Prop = v`, `$x.Method(args)`, `[T]::Member`, `[T]::new()`.

Lookup order for an instance (as PowerShell's adapters do it):
- PSObject note properties (then the wrapped base object's members);
- instance members Add-Member gave an object that is not a PSObject (`instance_members`:
  the object is seen through a PSObject view of them, as PowerShell's resurrection table
  does; `own=True` skips them, and `base_member` and friends are a wrapper's fall-through);
- hashtable keys, then the hashtable's own properties (keys win, as in PowerShell);
- the object's own .NET properties (tables per Python type, DotNetObject.ps_get);
- for collections: member enumeration over the elements (`$vms.Name`, `$names.ToUpper()`);
- intrinsic members every object has: Count/Length (1 on scalars, 0 on $null), PSObject,
  GetType(), ToString(), Equals(), GetHashCode(), Where(), ForEach().

A missing property reads as `missing` (None by default: $null, as outside strict mode);
the interpreter passes its own sentinel when it needs to tell the two apart.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Callable

from . import errors
from . import instance_members as IM
from . import string_members as S
from . import value_members as V
from .method_support import (
    call_method,
    dotnet_equals,
    method_not_found,
    null_method_call,
    overload_not_found,
    property_not_settable,
    read_only_property,
    sandbox_refusal,
    text_of,
)
from .objects import VOID, DotNetObject, Hashtable, Int64, Invocable, PSObject, PSType, fold
from .types import StaticProperty, refusal, resolve_type, type_of

_INSTANCE = IM.INDEX  # empty until Add-Member first keeps a member: the fast path's test

# --------------------------------------------------------------------------- tables

_PROPERTIES: dict[type, dict[str, Callable[[object], object]]] = {
    str: {"length": len},
    datetime: V.DATETIME_PROPERTIES,  # type: ignore[dict-item]
    timedelta: V.TIMESPAN_PROPERTIES,  # type: ignore[dict-item]
    uuid.UUID: V.GUID_PROPERTIES,  # type: ignore[dict-item]
    PSType: V.TYPE_PROPERTIES,  # type: ignore[dict-item]
    errors.InvocationInfo: V.INVOCATION_PROPERTIES,  # type: ignore[dict-item]
}

_METHODS: dict[type, dict[str, Callable[..., object]]] = {
    str: S.STRING_METHODS,
    datetime: V.DATETIME_METHODS,
    timedelta: V.TIMESPAN_METHODS,
    uuid.UUID: V.GUID_METHODS,
    int: V.NUMBER_METHODS,
    Int64: V.NUMBER_METHODS,
    float: V.NUMBER_METHODS,
    Decimal: V.NUMBER_METHODS,
    bool: V.BOOL_METHODS,
    PSType: V.TYPE_METHODS,
}

_DISPLAY_NAMES: dict[type, tuple[str, ...]] = {
    str: ("Length",),
    datetime: ("DateTime", "Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Millisecond", "Minute",
               "Month", "Second", "Ticks", "TimeOfDay", "Year"),
    timedelta: ("Ticks", "Days", "Hours", "Milliseconds", "Minutes", "Seconds", "TotalDays", "TotalHours",
                "TotalMilliseconds", "TotalMinutes", "TotalSeconds"),
    uuid.UUID: ("Guid",),
    PSType: ("Name", "FullName", "Namespace", "BaseType", "IsEnum", "IsArray", "IsGenericType", "IsValueType",
             "IsClass", "IsPublic", "IsSerializable", "UnderlyingSystemType", "AssemblyQualifiedName"),
}


def _table_for(table: dict[type, dict], obj: object) -> dict | None:
    found = table.get(type(obj))
    if found is None:
        for klass in type(obj).__mro__[1:]:
            found = table.get(klass)
            if found is not None:
                break
    return found


# --------------------------------------------------------------------------- properties


def get_member(ctx: object, obj: object, name: str, missing: object = None, own: bool = False) -> object:
    """The value of `obj.name`; `missing` when there is no such property anywhere.

    `own=True` leaves out the instance members Add-Member gave `obj`: the fall-through of
    a PSObject to its base object uses it when the PSObject is the view of those members."""
    kind = type(obj)
    if kind is PSObject:
        entry = obj._props.get(name.casefold())  # type: ignore[union-attr]
        if entry is not None:
            return entry[1]
        base = obj.base  # type: ignore[union-attr]
        if base is None:
            return _intrinsic(obj, name, missing)
        if _INSTANCE and id(base) in _INSTANCE:
            return base_member(ctx, obj, base, name, missing)  # type: ignore[arg-type]
        return get_member(ctx, base, name, missing, True)
    if _INSTANCE and not own and id(obj) in _INSTANCE:
        record = IM.lookup(obj)
        if record is not None:
            return get_member(ctx, IM.view(obj, record), name, missing)
    if obj is None:
        return 0 if name.casefold() in ("count", "length") else missing
    table = _PROPERTIES.get(kind)
    if table is not None:
        getter = table.get(name.casefold())
        if getter is not None:
            return getter(obj)
        return _intrinsic(obj, name, missing)
    if isinstance(obj, list):
        return _list_member(ctx, obj, name, missing)
    if isinstance(obj, Hashtable):
        return _hashtable_member(obj, name, missing)
    if isinstance(obj, DotNetObject):
        if obj.ps_has(name):
            return obj.ps_get(name)
        try:
            return obj.ps_get(name)
        except KeyError:
            return _intrinsic(obj, name, missing)
    if isinstance(obj, enum.Enum):
        getter = V.ENUM_PROPERTIES.get(name.casefold())
        return getter(obj) if getter is not None else _intrinsic(obj, name, missing)
    if isinstance(obj, errors.PSException):
        getter = V.EXCEPTION_PROPERTIES.get(name.casefold())
        return getter(obj) if getter is not None else _intrinsic(obj, name, missing)
    table = _table_for(_PROPERTIES, obj)
    if table is not None and name.casefold() in table:
        return table[name.casefold()](obj)
    return _intrinsic(obj, name, missing)


def base_member(ctx: object, wrapper: PSObject, base: object, name: str, missing: object = None) -> object:
    """The member of `wrapper`'s base object: the base's instance members (unless `wrapper`
    is the view holding them), then its own members."""
    if _INSTANCE and type(base) is not PSObject:
        record = IM.lookup(base)
        if record is not None and not IM.is_view_of(wrapper, record):
            return get_member(ctx, IM.view(base, record), name, missing)
    return get_member(ctx, base, name, missing, True)


def _intrinsic(obj: object, name: str, missing: object) -> object:
    key = name.casefold()
    if key in ("count", "length"):
        return 1
    if key == "psobject":
        return PSObjectView(obj)
    if key == "pstypenames":
        return PSObjectView(obj).type_names()
    if _find_method(obj, key) is not None:
        return PSMethod(obj, name)
    return missing


_LIST_PROPERTIES: dict[str, Callable[[list], object]] = {
    "count": len,
    "length": len,
    "longlength": lambda items: Int64(len(items)),
    "rank": lambda items: 1,
    "isreadonly": lambda items: False,
    "isfixedsize": lambda items: True,
    "issynchronized": lambda items: False,
    "syncroot": lambda items: items,
}

_COLLECTION_PROPERTIES: dict[str, Callable[[list], object]] = {
    "count": len,
    "capacity": lambda items: max(4, 1 << max(len(items) - 1, 0).bit_length()) if items else 0,
    "isreadonly": lambda items: False,
    "isfixedsize": lambda items: False,
    "issynchronized": lambda items: False,
    "syncroot": lambda items: items,
}


def _list_member(ctx: object, items: list, name: str, missing: object) -> object:
    key = name.casefold()
    own = _LIST_PROPERTIES if type(items) is list else _COLLECTION_PROPERTIES
    getter = own.get(key)
    if getter is not None:
        return getter(items)
    if key == "psobject":
        return PSObjectView(items)
    results: list[object] = []
    found = False
    for item in items:
        value = get_member(ctx, item, name, _NOT_FOUND)
        if value is _NOT_FOUND or isinstance(value, PSMethod):
            continue
        found = True
        if isinstance(value, list):
            results.extend(element for element in value if element is not None)
        elif value is not None:
            results.append(value)
    if not found:
        if any(_find_method(item, key) is not None for item in items[:1]):
            return PSMethod(items, name)
        return missing
    if len(results) == 1:
        return results[0]
    return results if results else None


_NOT_FOUND = object()

_HASHTABLE_PROPERTIES: dict[str, Callable[[Hashtable], object]] = {
    "count": len,
    "keys": lambda table: table.keys(),
    "values": lambda table: table.values(),
    "isreadonly": lambda table: False,
    "isfixedsize": lambda table: False,
    "issynchronized": lambda table: False,
    "syncroot": lambda table: table,
}


def _hashtable_member(table: Hashtable, name: str, missing: object) -> object:
    if name in table:
        return table[name]
    getter = _HASHTABLE_PROPERTIES.get(name.casefold())
    if getter is not None:
        return getter(table)
    return _intrinsic(table, name, missing)


def has_member(obj: object, name: str) -> bool:
    """Whether `obj.name` is a property (for strict mode and Select-Object)."""
    return get_member(None, obj, name, _NOT_FOUND) is not _NOT_FOUND


def set_member(ctx: object, obj: object, name: str, value: object, own: bool = False) -> None:
    """`obj.name = value` (`own=True`: not to an instance member; see get_member)."""
    if type(obj) is PSObject:
        if obj.has_property(name):  # type: ignore[union-attr]
            obj.set(name, value)  # type: ignore[union-attr]
            return
        if obj.base is not None:  # type: ignore[union-attr]
            set_base_member(ctx, obj, obj.base, name, value)  # type: ignore[union-attr, arg-type]
            return
        raise property_not_settable(name)
    if _INSTANCE and not own and id(obj) in _INSTANCE:
        record = IM.lookup(obj)
        if record is not None:
            set_member(ctx, IM.view(obj, record), name, value)
            return
    if isinstance(obj, Hashtable):
        obj[name] = value
        return
    if isinstance(obj, DotNetObject):
        try:
            obj.ps_set(name, value)
            return
        except KeyError:
            pass
        if obj.ps_has(name):
            raise read_only_property(name)
        raise property_not_settable(name)
    if obj is not None and not isinstance(obj, list) and has_member(obj, name) \
            and name.casefold() not in ("count", "length", "psobject", "pstypenames"):
        raise read_only_property(name)
    if type(obj) is str and name.casefold() == "length":
        raise read_only_property(name)
    raise property_not_settable(name)


def set_base_member(ctx: object, wrapper: PSObject, base: object, name: str, value: object) -> None:
    """Set a member of `wrapper`'s base object (its instance members first; see base_member)."""
    if _INSTANCE and type(base) is not PSObject:
        record = IM.lookup(base)
        if record is not None and not IM.is_view_of(wrapper, record):
            set_member(ctx, IM.view(base, record), name, value)
            return
    set_member(ctx, base, name, value, True)


def property_names(obj: object, own: bool = False) -> list[str]:
    """The object's properties in display order (Format-List *, Select-Object *); `own=True`
    leaves out its instance members (see get_member)."""
    if type(obj) is PSObject:
        names = obj.property_names()
        if obj.base is None:
            return names
        return names + [n for n in base_property_names(obj, obj.base) if n not in names]
    if _INSTANCE and not own and id(obj) in _INSTANCE:
        record = IM.lookup(obj)
        if record is not None:
            return property_names(IM.view(obj, record))
    if obj is None:
        return []
    names = _DISPLAY_NAMES.get(type(obj))
    if names is not None:
        return list(names)
    if isinstance(obj, Hashtable):
        return ["IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"]
    if isinstance(obj, list):
        if type(obj) is list:
            return ["Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly", "IsFixedSize", "IsSynchronized",
                    "Count"]
        return ["Capacity", "Count", "IsReadOnly", "IsFixedSize", "IsSynchronized", "SyncRoot"]
    if isinstance(obj, DotNetObject):
        return list(obj.ps_properties)
    if isinstance(obj, errors.PSException):
        return V.exception_property_names(obj)
    if isinstance(obj, enum.Enum):
        return ["value__"]
    if isinstance(obj, datetime):
        return list(_DISPLAY_NAMES[datetime])
    if isinstance(obj, errors.InvocationInfo):
        return ["MyCommand", "ScriptLineNumber", "OffsetInLine", "ScriptName", "Line", "PositionMessage",
                "InvocationName", "PSCommandPath"]
    return []


def base_property_names(wrapper: PSObject, base: object) -> list[str]:
    """The properties of `wrapper`'s base object (its instance members first; see base_member)."""
    if _INSTANCE and type(base) is not PSObject:
        record = IM.lookup(base)
        if record is not None and not IM.is_view_of(wrapper, record):
            return property_names(IM.view(base, record))
    return property_names(base, True)


# --------------------------------------------------------------------------- methods


def _find_method(obj: object, key: str) -> Callable[..., object] | None:
    """The implementation of method `key` (lower case) on obj: fn(ctx, obj, *args), or None."""
    kind = type(obj)
    table = _METHODS.get(kind)
    if table is not None:
        found = table.get(key)
        if found is not None:
            return found
    own = getattr(kind, "ps_methods", None)
    if own is not None:
        found = own.get(key)
        if found is not None:
            return found
    if isinstance(obj, DotNetObject):
        bound = obj.ps_method(key)
        if bound is not None:
            return lambda ctx, _obj, *args: bound(*args)
    elif isinstance(obj, Hashtable):
        found = _HASHTABLE_METHODS.get(key)
        if found is not None:
            return found
    elif type(obj) is list:
        found = _ARRAY_METHODS.get(key)
        if found is not None:
            return found
    elif isinstance(obj, list):
        pass
    elif isinstance(obj, enum.Enum):
        found = V.ENUM_METHODS.get(key)
        if found is not None:
            return found
    elif isinstance(obj, errors.PSException):
        found = V.EXCEPTION_METHODS.get(key)
        if found is not None:
            return found
    elif table is None:
        for klass in kind.__mro__[1:]:
            inherited = _METHODS.get(klass)
            if inherited is not None and key in inherited:
                return inherited[key]
    return _COMMON_METHODS.get(key)


def invoke_method(ctx: object, obj: object, name: str, args: list[object], own: bool = False) -> object:
    """`obj.name(args)`; void methods return VOID (they write nothing). `own=True` leaves out
    the script methods Add-Member gave `obj` (see get_member)."""
    if obj is None:
        raise null_method_call()
    key = name.casefold()
    if key == "where" or key == "foreach":
        items = obj if isinstance(obj, list) else [obj]
        return _where(ctx, items, args) if key == "where" else _for_each(ctx, items, args)
    if type(obj) is PSObject:
        if obj.base is not None:  # type: ignore[union-attr]
            return invoke_base_method(ctx, obj, obj.base, name, args)  # type: ignore[union-attr, arg-type]
    elif _INSTANCE and not own and id(obj) in _INSTANCE:
        record = IM.lookup(obj)
        if record is not None and record.extension is not None:
            return invoke_method(ctx, IM.view(obj, record), name, args)
    method = _find_method(obj, key)
    if method is not None:
        return call_method(name, method, args, ctx, obj)
    if isinstance(obj, list) and obj:
        return _enumerate_method(ctx, obj, name, args)
    raise method_not_found(type_of(obj).full_name, name)


def invoke_base_method(ctx: object, wrapper: PSObject, base: object, name: str, args: list[object]) -> object:
    """Call a method of `wrapper`'s base object (its script methods first; see base_member)."""
    if _INSTANCE and type(base) is not PSObject:
        record = IM.lookup(base)
        if record is not None and record.extension is not None and not IM.is_view_of(wrapper, record):
            return invoke_method(ctx, IM.view(base, record), name, args)
    return invoke_method(ctx, base, name, args, True)


def _enumerate_method(ctx: object, items: list, name: str, args: list[object]) -> object:
    key = name.casefold()
    if not any(_find_method(item, key) is not None or isinstance(item, list) for item in items):
        raise method_not_found(type_of(items).full_name, name)
    results: list[object] = []
    for item in items:
        value = invoke_method(ctx, item, name, args)
        if value is VOID or value is None:
            continue
        if isinstance(value, list):
            results.extend(value)
        else:
            results.append(value)
    if not results:
        return VOID
    return results[0] if len(results) == 1 else results


def _to_bool(value: object) -> bool:
    if type(value) is bool:
        return value  # type: ignore[return-value]
    from .convert import to_bool

    return to_bool(value)


def _result_truth(output: list[object]) -> bool:
    if not output:
        return False
    return _to_bool(output[0] if len(output) == 1 else output)


_WHERE_MODES = ("default", "first", "last", "skipuntil", "until", "split")


def _where(ctx: object, items: list, args: list[object]) -> list[object]:
    if not args or len(args) > 3:
        raise overload_not_found("Where", len(args))
    block = args[0]
    if not isinstance(block, Invocable):
        raise errors.PSArgumentException(
            "Cannot convert the value of type to type \"System.Management.Automation.ScriptBlock\".",
            error_id="ConvertToScriptBlock")
    mode = text_of(args[1]).casefold() if len(args) > 1 and args[1] is not None else "default"
    if mode not in _WHERE_MODES:
        raise errors.PSArgumentException(
            f'Cannot convert value "{text_of(args[1])}" to type "System.Management.Automation.WhereOperatorSelectionMode"'
            '. Error: "Unable to match the identifier name ' + text_of(args[1]) + ' to a valid enumerator name. '
            'Specify one of the following enumerator names and try again:\r\nDefault, First, Last, SkipUntil, '
            'Until, Split"', error_id="InvalidCastFromStringToEnum")
    count = 0 if len(args) < 3 else int(args[2])  # type: ignore[call-overload]
    call = ctx.call  # type: ignore[attr-defined]

    def test(item: object) -> bool:
        return _result_truth(call(block, [], dollar_under=item))

    if mode == "default":
        picked = [item for item in items if test(item)]
        return picked[:count] if count else picked
    if mode == "first":
        picked = []
        for item in items:
            if test(item):
                picked.append(item)
                if len(picked) == max(count, 1):
                    break
        return picked
    if mode == "last":
        picked = [item for item in items if test(item)]
        return picked[-max(count, 1):] if picked else []
    if mode in ("skipuntil", "until"):
        for index, item in enumerate(items):
            if test(item):
                chosen = items[index:] if mode == "skipuntil" else items[:index]
                return list(chosen[:count] if count and mode == "skipuntil" else chosen)
        return [] if mode == "skipuntil" else list(items)
    matched, rest = [], []
    for item in items:
        (matched if (not count or len(matched) < count) and test(item) else rest).append(item)
    return [matched, rest]


def _for_each(ctx: object, items: list, args: list[object]) -> list[object]:
    if not args:
        raise overload_not_found("ForEach", 0)
    action = args[0]
    results: list[object] = []
    if isinstance(action, Invocable):
        call = ctx.call  # type: ignore[attr-defined]
        for item in items:
            results.extend(call(action, list(args[1:]), dollar_under=item))
        return results
    if isinstance(action, PSType):
        from .convert import convert_to

        return [convert_to(item, action) for item in items]
    name = text_of(action)
    extra = list(args[1:])
    for item in items:
        if item is None:
            continue
        if not extra and has_member(item, name) and not isinstance(get_member(ctx, item, name), PSMethod):
            value = get_member(ctx, item, name)
        elif extra and len(extra) == 1 and _find_method(item, name.casefold()) is None and has_member(item, name):
            set_member(ctx, item, name, extra[0])
            continue
        else:
            value = invoke_method(ctx, item, name, extra)
        if value is VOID:
            continue
        if isinstance(value, list):
            results.extend(value)
        else:
            results.append(value)
    return results


def _common_to_string(ctx: object, obj: object, *args: object) -> str:
    if type(obj) is PSObject:
        return ""
    if isinstance(obj, errors.PSException):
        return V.exception_text(obj)
    if isinstance(obj, list):
        return type_of(obj).full_name
    if isinstance(obj, Hashtable):
        return type_of(obj).full_name
    return text_of(obj)


_COMMON_METHODS: dict[str, Callable[..., object]] = {
    "gettype": lambda ctx, obj: type_of(obj),
    "tostring": _common_to_string,
    "equals": lambda ctx, obj, other: dotnet_equals(obj, other),
    "gethashcode": lambda ctx, obj: hash(obj) & 0x7FFFFFFF if obj.__hash__ is not None else id(obj) & 0x7FFFFFFF,
}


def _array_add(ctx: object, items: list, value: object) -> object:
    raise errors.NotSupportedException("Collection was of a fixed size.")


def _array_get_value(ctx: object, items: list, index: object) -> object:
    position = int(index)  # type: ignore[call-overload]
    if not 0 <= position < len(items):
        raise errors.IndexOutOfRangeException("Index was outside the bounds of the array.")
    return items[position]


_ARRAY_METHODS: dict[str, Callable[..., object]] = {
    "contains": lambda ctx, items, value: any(dotnet_equals(item, value) for item in items),
    "indexof": lambda ctx, items, value: next(
        (index for index, item in enumerate(items) if dotnet_equals(item, value)), -1),
    "clone": lambda ctx, items: list(items),
    "getvalue": _array_get_value,
    "getlength": lambda ctx, items, dimension: len(items),
    "add": _array_add,
    "remove": lambda ctx, items, value: _array_add(ctx, items, value),
    "clear": lambda ctx, items: _array_add(ctx, items, None),
}


# --------------------------------------------------------------------------- hashtables


class DictionaryEntry(DotNetObject):
    """System.Collections.DictionaryEntry (what a hashtable's GetEnumerator yields)."""

    ps_type_names = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    ps_properties = ("Name", "Key", "Value")

    def __init__(self, key: object, value: object) -> None:
        self.Key = key
        self.Value = value

    @property
    def Name(self) -> object:  # noqa: N802  (the .NET spelling)
        return self.Key

    def ps_to_string(self) -> str:
        return "System.Collections.DictionaryEntry"


class KeyValuePair(DictionaryEntry):
    """System.Collections.Generic.KeyValuePair (what a Dictionary enumerates as)."""

    ps_type_names = ("System.Collections.Generic.KeyValuePair`2", "System.ValueType", "System.Object")
    ps_properties = ("Key", "Value")

    def ps_to_string(self) -> str:
        return f"[{text_of(self.Key)}, {text_of(self.Value)}]"


def _ht_add(ctx: object, table: Hashtable, key: object, value: object) -> object:
    if key is None:
        raise errors.ArgumentNullException("Key cannot be null.\r\nParameter name: key")
    try:
        table.add(key, value)
    except KeyError:
        stored = table.keys()
        existing = key if key in stored else next((k for k in stored if fold(k) == fold(key)), key)
        raise errors.ArgumentException(
            f"Item has already been added. Key in dictionary: '{text_of(existing)}'  Key being added: '{text_of(key)}'"
        ) from None
    return VOID


def _ht_remove(ctx: object, table: Hashtable, key: object) -> object:
    if key is None:
        raise errors.ArgumentNullException("Key cannot be null.\r\nParameter name: key")
    present = key in table
    del table[key]
    return present if hasattr(table, "key_type") else VOID


def _ht_clear(ctx: object, table: Hashtable) -> object:
    table.clear()
    return VOID


def _ht_enumerator(ctx: object, table: Hashtable) -> list[object]:
    entry = KeyValuePair if hasattr(table, "key_type") else DictionaryEntry
    return [entry(key, value) for key, value in table.items()]


_HASHTABLE_METHODS: dict[str, Callable[..., object]] = {
    "add": _ht_add,
    "remove": _ht_remove,
    "containskey": lambda ctx, table, key: key in table,
    "contains": lambda ctx, table, key: key in table,
    "containsvalue": lambda ctx, table, value: any(dotnet_equals(v, value) for v in table.values()),
    "clear": _ht_clear,
    "clone": lambda ctx, table: table.copy(),
    "getenumerator": _ht_enumerator,
}


# --------------------------------------------------------------------------- PSObject and PSMethod


class PSMethod(DotNetObject):
    """`$x.ToUpper` without parentheses: a method reference that `.Invoke(...)` calls."""

    ps_type_names = ("System.Management.Automation.PSMethod", "System.Object")
    ps_properties = ("Name", "MemberType", "TypeNameOfValue", "IsInstance")

    def __init__(self, target: object, name: str) -> None:
        self.target = target
        self.Name = name
        self.MemberType = "Method"
        self.TypeNameOfValue = "System.Management.Automation.PSMethod"
        self.IsInstance = True

    def ps_method(self, name: str) -> Callable[..., object] | None:
        if name.casefold() == "invoke":
            return self._invoke
        return None

    def _invoke(self, *args: object) -> object:
        return invoke_method(None, self.target, self.Name, list(args))

    def ps_to_string(self) -> str:
        return f"{self.Name}()"


class PSPropertyInfo(DotNetObject):
    """One entry of `.PSObject.Properties`; reading and writing Value goes to the object."""

    ps_type_names = ("System.Management.Automation.PSNoteProperty", "System.Management.Automation.PSPropertyInfo",
                     "System.Object")
    ps_properties = ("Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance")

    def __init__(self, owner: object, name: str, note: bool) -> None:
        self.owner = owner
        self.Name = name
        self.MemberType = "NoteProperty" if note else "Property"
        self.IsSettable = True
        self.IsGettable = True
        self.IsInstance = True

    @property
    def Value(self) -> object:  # noqa: N802
        return get_member(None, self.owner, self.Name)

    @property
    def TypeNameOfValue(self) -> str:  # noqa: N802
        value = self.Value
        return "System.Object" if value is None else type_of(value).full_name

    def ps_set(self, name: str, value: object) -> None:
        if name.casefold() != "value":
            raise KeyError(name)
        set_member(None, self.owner, self.Name, value)

    def ps_to_string(self) -> str:
        return f"{type_name_word(self.TypeNameOfValue)} {self.Name}={text_of(self.Value)}"


def type_name_word(full_name: str) -> str:
    return {"System.String": "string", "System.Int32": "int", "System.Boolean": "bool",
            "System.Object": "System.Object"}.get(full_name, full_name)


class PSPropertyCollection(list):
    """`.PSObject.Properties`: enumerates PSPropertyInfo entries; also indexable by name."""

    def __init__(self, owner: object) -> None:
        notes = owner.property_names() if type(owner) is PSObject else []  # type: ignore[union-attr]
        super().__init__(PSPropertyInfo(owner, name, name in notes) for name in property_names(owner))
        self.owner = owner

    def ps_index(self, key: object) -> object:
        if isinstance(key, str):
            return next((info for info in self if info.Name.casefold() == key.casefold()), None)
        return self[int(key)] if -len(self) <= int(key) < len(self) else None  # type: ignore[call-overload]

    def _match(ctx: object, self: "PSPropertyCollection", pattern: object) -> list[object]:  # type: ignore[misc]
        import fnmatch

        wanted = text_of(pattern).casefold()
        return [info for info in self if fnmatch.fnmatchcase(info.Name.casefold(), wanted)]

    def _remove(ctx: object, self: "PSPropertyCollection", name: object) -> object:  # type: ignore[misc]
        if type(self.owner) is PSObject:
            self.owner.remove(text_of(name))
        return VOID

    def _add(ctx: object, self: "PSPropertyCollection", info: object) -> object:  # type: ignore[misc]
        if type(self.owner) is PSObject and isinstance(info, PSPropertyInfo):
            self.owner.set(info.Name, info.Value)
        return VOID

    ps_methods: dict[str, Callable[..., object]] = {"match": _match, "remove": _remove, "add": _add}


class PSObjectView(DotNetObject):
    """What `$x.PSObject` returns: Properties, TypeNames, BaseObject, Copy()."""

    ps_type_names = ("System.Management.Automation.PSObject", "System.Object")
    ps_properties = ("Members", "Properties", "Methods", "ImmediateBaseObject", "BaseObject", "TypeNames")

    def __init__(self, target: object) -> None:
        self.raw = target
        self.target = IM.resurrect(target)  # an object with instance members shows them

    def type_names(self) -> list[object]:
        target = self.target
        if type(target) is PSObject:
            if not hasattr(target.type_names, "ps_methods"):
                from .collections import GenericList

                target.type_names = GenericList(resolve_type("string"), target.type_names)  # type: ignore[arg-type]
            return target.type_names
        pstype = type_of(target)
        names = [pstype.full_name, *pstype.bases]
        return names if names[-1] == "System.Object" else names + ["System.Object"]

    def ps_get(self, name: str) -> object:
        key = name.casefold()
        if key in ("properties", "members"):
            return PSPropertyCollection(self.target)
        if key == "methods":
            return []
        if key in ("baseobject", "immediatebaseobject"):
            if self.target is not self.raw:
                return self.raw
            target = self.target
            return target.base if type(target) is PSObject and target.base is not None else target
        if key == "typenames":
            return self.type_names()
        raise KeyError(name)

    def ps_method(self, name: str) -> Callable[..., object] | None:
        if name.casefold() == "copy":
            return self._copy
        return None

    def _copy(self) -> object:
        target = self.target
        if type(target) is PSObject:
            return PSObject(target.items(), list(target.type_names), target.base)
        return target

    def ps_to_string(self) -> str:
        return text_of(self.target)


# --------------------------------------------------------------------------- static members


def _as_type(target: object) -> PSType:
    if isinstance(target, PSType):
        return target
    from .types import require_type

    return require_type(text_of(target))


def get_static(ctx: object, pstype: object, name: str, missing: object = None) -> object:
    """`[T]::Name` (a static property, constant or enum member)."""
    pstype = _as_type(pstype)
    reason = refusal(pstype)
    if reason is not None:
        raise sandbox_refusal(pstype.full_name, reason)
    member = pstype.static_members.get(name.casefold(), _NOT_FOUND)
    if member is _NOT_FOUND:
        return missing
    if type(member) is StaticProperty:
        return member.getter(ctx)  # type: ignore[union-attr]
    if callable(member) and not isinstance(member, (PSType, enum.Enum, type)):
        return PSMethod(pstype, name)
    return member


def invoke_static(ctx: object, pstype: object, name: str, args: list[object]) -> object:
    """`[T]::Name(args)`, including `[T]::new(args)`."""
    pstype = _as_type(pstype)
    reason = refusal(pstype)
    if reason is not None:
        raise sandbox_refusal(pstype.full_name, reason)
    key = name.casefold()
    if key == "new":
        return new_object(ctx, pstype, args, method_name=name)
    member = pstype.static_members.get(key)
    if member is None or not callable(member) or isinstance(member, (PSType, enum.Enum, type, StaticProperty)):
        if key == "equals" and len(args) == 2:
            return dotnet_equals(args[0], args[1])
        if key == "referenceequals" and len(args) == 2:
            return args[0] is args[1]
        raise method_not_found(pstype.full_name, name)
    return call_method(name, member, args, ctx)


def new_object(ctx: object, pstype: PSType, args: list[object], method_name: str | None = None) -> object:
    """A new instance of `pstype` from constructor arguments (`::new()` and New-Object)."""
    reason = refusal(pstype)
    if reason is not None:
        raise sandbox_refusal(pstype.full_name, reason)
    name = method_name or V.type_display_name(pstype)
    constructor = pstype.constructor
    if constructor is None:
        if method_name is None:
            raise errors.PSArgumentException(
                f"A constructor was not found. Cannot find an appropriate constructor for type {pstype.full_name}.",
                error_id="CannotFindAppropriateCtor", category="ObjectNotFound")
        raise overload_not_found(name, len(args))
    return call_method(name, constructor, args, ctx)
