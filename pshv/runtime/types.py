"""The type registry: every .NET type a script can name, and the type of every value.

`resolve_type('int')`, `resolve_type('System.Collections.Generic.List[string]')`,
`resolve_type('string[]')` return the `PSType` PowerShell would use (names are
case-insensitive, `System.` is optional, accelerators such as `[pscustomobject]` are
known). Later modules plug in their own classes and enums with `register_type` and
`register_enum`. `type_of(value)` is what `.GetType()` returns.

Value model limits worth knowing: Byte/Int16/UInt*/SByte/Single have no runtime
representation of their own (conversions to them produce ints and floats), so no value
`-is [byte]`; and arrays are all Object[] at run time, so `$a -is [string[]]` holds when
`$a` is an array whose elements are all strings.
"""

from __future__ import annotations

import enum as _enum
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Callable, Iterable

from . import errors
from .objects import (
    INT32_MAX,
    INT32_MIN,
    Char,
    DotNetObject,
    Hashtable,
    Int64,
    Invocable,
    PSObject,
    PSType,
)

_BY_NAME: dict[str, PSType] = {}
"""Registered types by lower-cased full name, short alias and accelerator."""

_RESOLVED: dict[str, PSType | None] = {}
"""resolve_type results by the lower-cased text as written (None: not found)."""

_BY_PYCLASS: dict[type, PSType] = {}
"""The PSType of instances of a Python class (DotNetObject subclasses, enums, exceptions)."""

_GENERICS: dict[str, tuple[int, Callable[[tuple[PSType, ...]], PSType]]] = {}
"""Generic type definitions by lower-cased name: (arity, build(args) -> PSType)."""

_ATTRIBUTES: set[str] = set()
_REFUSED: dict[str, str] = {}


# --------------------------------------------------------------------------- registration


class StaticProperty:
    """A computed static property in `PSType.static_members`: `[datetime]::Now` is
    `StaticProperty(lambda ctx: ctx.now())`. Plain functions there are static methods
    `fn(ctx, *args)`; anything else is a constant."""

    __slots__ = ("getter",)

    def __init__(self, getter: Callable[[object], object]) -> None:
        self.getter = getter



def register_type(pstype: PSType, *aliases: str, python_class: type | None = None) -> PSType:
    """Make `pstype` resolvable by its full name (with or without `System.`), its
    accelerator and `aliases`; `python_class` maps instances of that class to it."""
    names = [pstype.full_name, *aliases]
    if pstype.accelerator:
        names.append(pstype.accelerator)
    for name in names:
        _BY_NAME[name.lower()] = pstype
    if python_class is not None:
        _BY_PYCLASS[python_class] = pstype
    _forget_misses()
    return pstype


def register_enum(enum_cls: type[_enum.Enum], full_name: str, *aliases: str) -> PSType:
    """Register a Python Enum as the .NET enum `full_name`: `[Name]::Member`, `-is`, `.GetType()`."""
    members = {member.name.lower(): member for member in enum_cls}
    pstype = PSType(
        full_name,
        is_instance=lambda value: isinstance(value, enum_cls),
        enum=enum_cls,
        static_members=members,
        bases=("System.Enum", "System.ValueType", "System.Object"),
    )
    return register_type(pstype, *aliases, python_class=enum_cls)


def register_generic(name: str, arity: int, build: Callable[[tuple[PSType, ...]], PSType]) -> None:
    """Register a generic type definition such as `System.Collections.Generic.List` (arity 1)."""
    _GENERICS[name.lower()] = (arity, build)
    _forget_misses()


def mark_attribute(pstype: PSType) -> None:
    """Mark a type as an attribute usable in param blocks (`[ValidateSet(...)]`)."""
    _ATTRIBUTES.add(pstype.full_name)


def mark_refused(pstype: PSType, reason: str) -> None:
    """Mark a type the sandbox refuses: using its members raises PSNotSupportedException."""
    _REFUSED[pstype.full_name] = reason


def is_attribute(pstype: PSType) -> bool:
    return pstype.full_name in _ATTRIBUTES


def refusal(pstype: PSType) -> str | None:
    """Why the emulator refuses this type's members, or None when it is usable."""
    return _REFUSED.get(pstype.full_name)


def _forget_misses() -> None:
    for key in [key for key, hit in _RESOLVED.items() if hit is None]:
        del _RESOLVED[key]


# --------------------------------------------------------------------------- resolution


def resolve_type(name: str) -> PSType | None:
    """The type a type literal names (`int`, `string[]`, `Collections.Generic.List[int]`), or None."""
    key = name.lower()
    try:
        return _RESOLVED[key]
    except KeyError:
        pass
    found = _resolve("".join(name.split()))
    _RESOLVED[key] = found
    return found


def require_type(name: str) -> PSType:
    """resolve_type, raising PowerShell's TypeNotFound error when the name is unknown."""
    found = resolve_type(name)
    if found is None:
        raise type_not_found(name)
    return found


def type_not_found(name: str) -> errors.PSException:
    """`Unable to find type [Foo].` (TypeNotFound, InvalidOperation)."""
    return errors.RuntimeException(
        f"Unable to find type [{name}].", error_id="TypeNotFound", category="InvalidOperation", target=name
    )


def _lookup(name: str) -> PSType | None:
    low = name.lower()
    found = _BY_NAME.get(low)
    if found is None and not low.startswith("system."):
        # `System.` is optional; like errors.EXCEPTION_TYPES, the engine's own namespace is searched too
        found = _BY_NAME.get("system." + low) or _BY_NAME.get("system.management.automation." + low)
    return found


def _resolve(text: str) -> PSType | None:
    if not text:
        return None
    if text.endswith("[]"):
        element = _resolve(text[:-2])
        return None if element is None else array_of(element)
    if text.endswith("]"):
        open_at = _matching_open(text)
        if open_at <= 0:
            return None
        args = [_resolve(arg) for arg in _split_generic_args(text[open_at + 1:-1])]
        if any(arg is None for arg in args):
            return None
        return make_generic(text[:open_at], tuple(args))  # type: ignore[arg-type]
    return _lookup(text)


def _matching_open(text: str) -> int:
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _split_generic_args(inner: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(inner):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(inner[start:index])
            start = index + 1
    parts.append(inner[start:])
    # `[[System.String, mscorlib]]`-style arguments: keep the type name only
    cleaned = []
    for part in parts:
        if part.startswith("[") and part.endswith("]"):
            part = part[1:-1].split(",", 1)[0]
        cleaned.append(part)
    return cleaned


_GENERIC_CACHE: dict[str, PSType] = {}


def make_generic(definition: str, args: tuple[PSType, ...]) -> PSType | None:
    """The closed generic type `definition[args]`, or None when the definition is unknown."""
    low = definition.lower().split("`", 1)[0]
    entry = _GENERICS.get(low)
    if entry is None and not low.startswith("system."):
        low = "system." + low
        entry = _GENERICS.get(low)
    if entry is None or entry[0] != len(args):
        return None
    cache_key = low + "[" + ",".join(arg.full_name for arg in args) + "]"
    found = _GENERIC_CACHE.get(cache_key)
    if found is None:
        found = _GENERIC_CACHE[cache_key] = entry[1](args)
    return found


def generic_full_name(definition: str, args: tuple[PSType, ...]) -> str:
    """.NET's Type.ToString() form: System.Collections.Generic.List`1[System.String]."""
    return f"{definition}`{len(args)}[{','.join(arg.full_name for arg in args)}]"


_ARRAYS: dict[str, PSType] = {}


def array_of(element: PSType) -> PSType:
    """The array type `element[]`."""
    found = _ARRAYS.get(element.full_name)
    if found is not None:
        return found
    if element.full_name == "System.Object":
        def is_instance(value: object) -> bool:
            return isinstance(value, list)
    else:
        element_is = element.is_instance

        def is_instance(value: object) -> bool:
            return isinstance(value, list) and all(element_is(item) for item in value)

    found = PSType(
        element.full_name + "[]",
        is_instance=is_instance,
        element=element,
        bases=("System.Array", "System.Object"),
    )
    _ARRAYS[element.full_name] = found
    return found


# --------------------------------------------------------------------------- type of a value


def type_of(value: object) -> PSType:
    """The .NET type of a value, as `.GetType()` returns it (never called for $null)."""
    kind = type(value)
    found = _FAST_TYPES.get(kind)
    if found is not None:
        return found
    if kind is int:
        return _INT32 if INT32_MIN <= value <= INT32_MAX else _INT64  # type: ignore[operator]
    if hasattr(kind, "ps_dotnet_type"):  # collections whose type depends on their T
        return value.ps_dotnet_type  # type: ignore[attr-defined]
    found = _BY_PYCLASS.get(kind)
    if found is not None:
        return found
    if isinstance(value, Hashtable):
        return _ORDERED if value.ordered else _HASHTABLE
    if isinstance(value, PSObject):
        return _PSCUSTOMOBJECT if value.base is None else type_of(value.base)
    if isinstance(value, _enum.Enum):
        return register_enum(kind, f"{kind.__module__}.{kind.__name__}")  # type: ignore[arg-type]
    if isinstance(value, DotNetObject):
        return _dotnet_object_type(value)
    if isinstance(value, errors.PSException):
        return _exception_type(kind)  # type: ignore[arg-type]
    for klass in kind.__mro__[1:]:
        found = _BY_PYCLASS.get(klass)
        if found is not None:
            _BY_PYCLASS[kind] = found
            return found
    if isinstance(value, list):
        return _OBJECT_ARRAY
    if isinstance(value, Invocable):
        return _SCRIPTBLOCK
    if isinstance(value, int):
        return _INT32 if INT32_MIN <= value <= INT32_MAX else _INT64
    return _OBJECT


def _dotnet_object_type(value: DotNetObject) -> PSType:
    names = value.ps_type_names
    found = _lookup(names[0])
    if found is None:
        full_name = names[0]
        found = PSType(
            full_name,
            is_instance=lambda candidate: isinstance(candidate, DotNetObject)
            and full_name in candidate.ps_type_names,
            bases=tuple(names[1:]) or ("System.Object",),
        )
        register_type(found)
    _BY_PYCLASS[type(value)] = found
    return found


def _exception_type(cls: type[errors.PSException]) -> PSType:
    found = _BY_PYCLASS.get(cls)
    if found is None:
        errors.register_exception_type(cls)
        found = _register_exception(cls)
    return found


# --------------------------------------------------------------------------- built-in types


def _exact(*classes: type) -> Callable[[object], bool]:
    def is_instance(value: object) -> bool:
        return type(value) in classes

    return is_instance


def _is_int32(value: object) -> bool:
    return type(value) is int and INT32_MIN <= value <= INT32_MAX  # type: ignore[operator]


def _is_int64(value: object) -> bool:
    return type(value) is Int64 or (type(value) is int and not INT32_MIN <= value <= INT32_MAX)  # type: ignore[operator]


def _never(value: object) -> bool:
    return False


def _not_null(value: object) -> bool:
    return value is not None


_VALUE = ("System.ValueType", "System.Object")


def _simple(
    full_name: str,
    is_instance: Callable[[object], bool],
    *aliases: str,
    accelerator: str | None = None,
    bases: tuple[str, ...] = ("System.Object",),
    python_class: type | None = None,
) -> PSType:
    return register_type(
        PSType(full_name, is_instance=is_instance, accelerator=accelerator, bases=bases),
        *aliases,
        python_class=python_class,
    )


_OBJECT = _simple("System.Object", _not_null, "object")
_BOOLEAN = _simple("System.Boolean", _exact(bool), "bool", bases=_VALUE, python_class=bool)
_INT32 = _simple("System.Int32", _is_int32, "int", bases=_VALUE)
_INT64 = _simple("System.Int64", _is_int64, "long", bases=_VALUE, python_class=Int64)
_DOUBLE = _simple("System.Double", _exact(float), "double", bases=_VALUE, python_class=float)
_DECIMAL = _simple("System.Decimal", _exact(Decimal), "decimal", bases=_VALUE, python_class=Decimal)
_simple("System.Single", _never, "single", "float", bases=_VALUE)
_simple("System.Byte", _never, "byte", bases=_VALUE)
_simple("System.SByte", _never, "sbyte", bases=_VALUE)
_simple("System.Int16", _never, "short", bases=_VALUE)
_simple("System.UInt16", _never, "ushort", bases=_VALUE)
_simple("System.UInt32", _never, "uint", bases=_VALUE)
_simple("System.UInt64", _never, "ulong", bases=_VALUE)
_simple("System.Numerics.BigInteger", _never, "bigint", bases=_VALUE)
_STRING = _simple("System.String", _exact(str), "string", python_class=str)
_CHAR = _simple("System.Char", _exact(Char), "char", bases=_VALUE, python_class=Char)
_DATETIME = _simple("System.DateTime", lambda v: isinstance(v, datetime), "datetime", bases=_VALUE,
                    python_class=datetime)
_TIMESPAN = _simple("System.TimeSpan", lambda v: isinstance(v, timedelta), "timespan", bases=_VALUE,
                    python_class=timedelta)
_GUID = _simple("System.Guid", lambda v: isinstance(v, uuid.UUID), "guid", bases=_VALUE,
                python_class=uuid.UUID)
_simple("System.Void", _never, "void", bases=_VALUE)
_simple("System.ValueType", lambda v: isinstance(v, (bool, int, float, Decimal, datetime, timedelta,
                                                     uuid.UUID, _enum.Enum)))
_simple("System.Enum", lambda v: isinstance(v, _enum.Enum), "enum", bases=_VALUE)
_simple("System.Array", lambda v: isinstance(v, list), "array")
_OBJECT_ARRAY = array_of(_OBJECT)
_HASHTABLE = _simple("System.Collections.Hashtable", lambda v: isinstance(v, Hashtable), "hashtable")
_ORDERED = _simple(
    "System.Collections.Specialized.OrderedDictionary",
    lambda v: isinstance(v, Hashtable) and v.ordered,  # type: ignore[attr-defined]
    "ordered",
)
_simple("System.Collections.IDictionary", lambda v: isinstance(v, Hashtable))
_simple("System.Collections.ICollection", lambda v: isinstance(v, (list, Hashtable)))
_simple("System.Collections.IList", lambda v: isinstance(v, list))
_simple("System.Collections.IEnumerable", lambda v: isinstance(v, (list, Hashtable, str)))
_PSCUSTOMOBJECT = _simple(
    "System.Management.Automation.PSCustomObject",
    lambda v: isinstance(v, PSObject) and v.base is None,
    "pscustomobject",
)
_simple("System.Management.Automation.PSObject", _not_null, "psobject")
_SCRIPTBLOCK = _simple(
    "System.Management.Automation.ScriptBlock", lambda v: isinstance(v, Invocable), "scriptblock"
)
_simple("System.Type", lambda v: isinstance(v, PSType), "type")
_RUNTIME_TYPE = _simple(
    "System.RuntimeType", lambda v: isinstance(v, PSType),
    bases=("System.Reflection.TypeInfo", "System.Type", "System.Reflection.MemberInfo", "System.Object"),
    python_class=PSType,
)
_simple(
    "System.Management.Automation.SwitchParameter", _never, "switch", bases=_VALUE
)
_simple("System.Management.Automation.ErrorRecord", lambda v: isinstance(v, errors.ErrorRecord),
        python_class=errors.ErrorRecord)

_FAST_TYPES: dict[type, PSType] = {
    str: _STRING,
    bool: _BOOLEAN,
    float: _DOUBLE,
    list: _OBJECT_ARRAY,
    PSObject: _PSCUSTOMOBJECT,
    Int64: _INT64,
    Char: _CHAR,
    Decimal: _DECIMAL,
    datetime: _DATETIME,
    timedelta: _TIMESPAN,
    uuid.UUID: _GUID,
    PSType: _RUNTIME_TYPE,
}


def _register_exception(cls: type[errors.PSException]) -> PSType:
    names = cls.dotnet_names()
    pstype = PSType(
        cls.dotnet_name,
        is_instance=lambda value: isinstance(value, cls),
        bases=tuple(names[1:]) + ("System.Object",),
    )
    short = cls.dotnet_name.rsplit(".", 1)[-1]
    aliases = () if short.lower() in _BY_NAME else (short,)  # `catch [KeyNotFoundException]`
    return register_type(pstype, *aliases, python_class=cls)


for _cls in sorted(set(errors.EXCEPTION_TYPES.values()), key=lambda klass: len(klass.__mro__)):
    _register_exception(_cls)


_builtins_installed = False


def install_builtins() -> None:
    """Register the built-in .NET surface (pshv.runtime.builtin_types) once.

    Whichever of the two modules is imported first, the types end up installed exactly once:
    when builtin_types is the one being imported, it calls this again at its end.
    """
    global _builtins_installed
    if _builtins_installed:
        return
    from . import builtin_types

    if not hasattr(builtin_types, "install"):
        return  # builtin_types is still loading; it installs itself when done
    _builtins_installed = True
    builtin_types.install()


install_builtins()


def known_type_names() -> Iterable[str]:
    """Every registered full name (for completion and diagnostics)."""
    return sorted({pstype.full_name for pstype in _BY_NAME.values()})
