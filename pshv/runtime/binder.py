"""The parameter binder: one algorithm for cmdlets and for functions with `param()` blocks.

It follows Windows PowerShell 5.1's order:

1. re-pair `-Name value` (a switch takes no value; a parameter followed by nothing, or by
   another parameter, is "Missing an argument");
2. bind named arguments (exact name, alias, then unique prefix; common parameters too);
3. bind positional arguments slot by slot, trying the default set first, without and then
   with type conversion;
4. narrow the parameter sets; collect `ValueFromRemainingArguments`; reject (advanced) or
   hand to `$args` (simple functions) what is left;
5. choose the set (the default one wins ties) and check mandatory parameters, minding those
   that pipeline input may still supply;
6. per pipeline object (`bind_pipeline`): ByValue and ByPropertyName, each first without
   and then with conversion, default set first.

Errors are `ParameterBindingException`s carrying PowerShell's error id and category;
`exc.position` is the (start, end) offsets of the offending token, or None for the whole
command.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

from . import errors
from .objects import DotNetObject, Hashtable, Invocable, PSObject, PSType
from .params import (
    ACTION_PREFERENCE_TYPE,
    ACTION_PREFERENCES,
    ALL_SETS,
    COMMON_PARAMETERS,
    SHOULD_PROCESS_PARAMETERS,
    SWITCH_NAMES,
    CommandSpec,
    ParameterSpec,
    SetMembership,
    _dotnet_text,
)

Extent = tuple[int, int]


class _NoValue:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE: Any = _NoValue()
"""The value of a named argument written without one (`-Force`, `-Name` at the end)."""


@dataclass(slots=True)
class BoundArgument:
    """One command argument as the interpreter evaluated it.

    A named argument has `name` (no dash) and, when written `-Name:value` (colon=True) or
    splatted from a hashtable, a `value`; `-Name` alone has value NO_VALUE. A positional
    argument has no name. Extents are (start, end) source offsets for error positions.
    """

    value: object = NO_VALUE
    name: str | None = None
    colon: bool = False
    name_extent: Extent | None = None
    value_extent: Extent | None = None

    @classmethod
    def named(
        cls,
        name: str,
        value: object = NO_VALUE,
        *,
        colon: bool = False,
        name_extent: Extent | None = None,
        value_extent: Extent | None = None,
    ) -> "BoundArgument":
        return cls(value, name, colon, name_extent, value_extent)

    @classmethod
    def positional(cls, value: object, extent: Extent | None = None) -> "BoundArgument":
        return cls(value, None, False, None, extent)

    @property
    def text(self) -> str:
        """The parameter token as written: `-Name` or `-Name:`."""
        return f"-{self.name}:" if self.colon else f"-{self.name}"


# --------------------------------------------------------------------------- parameter types

_OBJECT, _SWITCH, _BOOL, _STRING, _SCRIPTBLOCK, _ACTION, _ARRAY, _OTHER = range(8)

_KIND_BY_NAME = {
    **{name: (_OBJECT, "System.Object") for name in ("object", "system.object")},
    **{name: (_OBJECT, "System.Management.Automation.PSObject")
       for name in ("psobject", "system.management.automation.psobject")},
    **{name: (_SWITCH, "System.Management.Automation.SwitchParameter") for name in SWITCH_NAMES},
    **{name: (_BOOL, "System.Boolean") for name in ("bool", "boolean", "system.boolean")},
    **{name: (_STRING, "System.String") for name in ("string", "system.string")},
    **{name: (_SCRIPTBLOCK, "System.Management.Automation.ScriptBlock")
       for name in ("scriptblock", "system.management.automation.scriptblock")},
    ACTION_PREFERENCE_TYPE.casefold(): (_ACTION, ACTION_PREFERENCE_TYPE),
    "actionpreference": (_ACTION, ACTION_PREFERENCE_TYPE),
}


class _ParamType:
    """A parameter's type, classified once; the PSType is resolved on first conversion."""

    __slots__ = ("kind", "source", "element", "_pstype", "_full_name")

    def __init__(self, declared: str | PSType) -> None:
        self.element: _ParamType | None = None
        self._pstype: PSType | None = declared if isinstance(declared, PSType) else None
        name = declared.full_name if isinstance(declared, PSType) else declared.strip()
        self.source = name
        self._full_name: str | None = None
        if name.endswith("[]"):
            self.kind = _ARRAY
            element = self._pstype.element if self._pstype is not None else None
            self.element = _ParamType(element if element is not None else name[:-2])
            return
        self.kind, full_name = _KIND_BY_NAME.get(name.casefold(), (_OTHER, None))
        self._full_name = full_name

    @property
    def pstype(self) -> PSType:
        if self._pstype is None:
            self._pstype = _resolve_type_name(self.source)
            if self._pstype is None:
                raise errors.RuntimeException(
                    f"Unable to find type [{self.source}].", error_id="TypeNotFound", category="InvalidOperation",
                    target=self.source,
                )
        return self._pstype

    @property
    def full_name(self) -> str:
        """The .NET full name shown in messages ('System.String[]')."""
        if self._full_name is None:
            if self.kind == _ARRAY:
                self._full_name = self.element.full_name + "[]"  # type: ignore[union-attr]
            else:
                try:
                    self._full_name = self.pstype.full_name
                except errors.PSException:
                    return self.source
        return self._full_name

    def accepts(self, value: object) -> bool:
        """Whether the value already is of this type (binding without conversion)."""
        kind = self.kind
        if kind == _OBJECT:
            return True
        if kind == _STRING:
            return type(value) is str
        if kind in (_SWITCH, _BOOL):
            return type(value) is bool
        if kind == _SCRIPTBLOCK:
            return isinstance(value, Invocable)
        if kind == _ACTION:
            return False
        if kind == _ARRAY:
            return False  # arrays are rebuilt element by element
        return self.pstype.is_instance(value)


# --------------------------------------------------------------------------- lookup tables


class _Param:
    """A parameter with its set bits and memberships, precomputed for binding."""

    __slots__ = ("spec", "name", "ptype", "mask", "in_all", "members", "pipeline", "by_value",
                 "by_name", "mandatory", "aliases", "is_common", "takes_scriptblock", "by_value_sets",
                 "by_name_sets", "mandatory_sets")

    def __init__(self, spec: ParameterSpec, members: list[tuple[int, SetMembership]], all_mask: int) -> None:
        self.spec = spec
        self.name = spec.name
        self.ptype = _ParamType(spec.type)
        self.members = members
        self.in_all = any(bit == 0 for bit, _ in members)
        self.mask = all_mask if self.in_all else _or(bit for bit, _ in members)
        self.by_value = any(member.value_from_pipeline for _, member in members)
        self.by_name = any(member.value_from_pipeline_by_property_name for _, member in members)
        self.pipeline = self.by_value or self.by_name
        self.mandatory = any(member.mandatory for _, member in members)
        # the sets where the parameter takes input by value / by property name / is mandatory
        self.by_value_sets = _sets_where(members, all_mask, lambda member: member.value_from_pipeline)
        self.by_name_sets = _sets_where(members, all_mask, lambda member: member.value_from_pipeline_by_property_name)
        self.mandatory_sets = _sets_where(members, all_mask, lambda member: member.mandatory)
        self.aliases = spec.aliases
        self.is_common = spec.is_common
        kind = self.ptype.kind
        element = self.ptype.element
        self.takes_scriptblock = kind in (_OBJECT, _SCRIPTBLOCK) or (
            kind == _ARRAY and element is not None and element.kind in (_OBJECT, _SCRIPTBLOCK)
        )

    def matching(self, sets: int) -> list[tuple[int, SetMembership]]:
        return [(bit, member) for bit, member in self.members if bit == 0 or bit & sets]

    def __repr__(self) -> str:
        return f"_Param({self.name})"


def _sets_where(members: list[tuple[int, SetMembership]], all_mask: int, test: Any) -> int:
    """Bits of the sets whose membership passes `test`; -1 (every bit) for an all-sets membership."""
    mask = 0
    for bit, member in members:
        if test(member):
            if bit == 0:
                return -1
            mask |= bit
    return mask


def _or(bits: Any) -> int:
    mask = 0
    for bit in bits:
        mask |= bit
    return mask


def _popcount(mask: int) -> int:
    return mask.bit_count()


class _Table:
    """Everything the binder looks up, built once per CommandSpec."""

    def __init__(self, spec: CommandSpec) -> None:
        declared = list(spec.parameters)
        set_names: list[str] = []
        for parameter in declared:
            for set_name in parameter.sets:
                if set_name != ALL_SETS and set_name not in set_names:
                    set_names.append(set_name)
        if spec.default_parameter_set and spec.default_parameter_set not in set_names:
            set_names.append(spec.default_parameter_set)
        if not set_names:
            set_names = [ALL_SETS]
        self.set_names = set_names
        self.bits = {name: 1 << index for index, name in enumerate(set_names)}
        self.all_mask = (1 << len(set_names)) - 1
        default = spec.default_parameter_set
        self.default_bit = self.bits.get(default, 0) if default else 0

        implicit = (
            not spec.is_cmdlet
            and spec.positional_binding
            and not any(member.position is not None for parameter in declared for member in parameter.sets.values())
        )
        everything = declared
        if spec.advanced:
            everything = declared + list(COMMON_PARAMETERS)
            if spec.supports_should_process:
                everything += list(SHOULD_PROCESS_PARAMETERS)
        self.params: list[_Param] = []
        next_position = 0
        for parameter in everything:
            members: list[tuple[int, SetMembership]] = []
            give_position = implicit and not parameter.is_common and not parameter.is_switch
            for set_name, member in parameter.sets.items():
                if give_position:
                    member = SetMembership(
                        next_position, member.mandatory, member.value_from_pipeline,
                        member.value_from_pipeline_by_property_name, member.value_from_remaining_arguments,
                        member.help_message,
                    )
                members.append((0 if set_name == ALL_SETS else self.bits[set_name], member))
            if give_position:
                next_position += 1
            self.params.append(_Param(parameter, members, self.all_mask))

        self.by_name = {param.name.casefold(): param for param in self.params}
        self.by_alias: dict[str, _Param] = {}
        for param in self.params:
            for alias in param.aliases:
                self.by_alias.setdefault(alias.casefold(), param)
        self.pipeline_params = [param for param in self.params if param.pipeline]
        self.pipeline_reversed = list(reversed(self.pipeline_params))
        self.mandatory_params = [param for param in self.params if param.mandatory]
        self._mandatory_in: dict[int, list[_Param]] = {}

    def mandatory_in(self, sets: int) -> list[_Param]:
        """The parameters mandatory in any of these sets (memoized: pipeline binding asks per object)."""
        found = self._mandatory_in.get(sets)
        if found is None:
            found = self._mandatory_in[sets] = [param for param in self.mandatory_params if param.mandatory_sets & sets]
        return found

    def exact(self, name: str) -> ParameterSpec | None:
        key = name.casefold()
        param = self.by_name.get(key) or self.by_alias.get(key)
        return param.spec if param else None

    def lookup(self, name: str, extent: Extent | None) -> _Param | None:
        """Exact name, exact alias, then a unique prefix (declared parameters win over common ones)."""
        key = name.casefold()
        found = self.by_name.get(key) or self.by_alias.get(key)
        if found is not None:
            return found
        matches: list[_Param] = []
        for param in self.params:
            if param.name.casefold().startswith(key):
                matches.append(param)
        for alias, param in self.by_alias.items():
            if alias.startswith(key) and param not in matches:
                matches.append(param)
        if len(matches) > 1:
            declared = [param for param in matches if not param.is_common]
            if len(declared) != 1:
                candidates = "".join(f" -{param.name}" for param in matches)
                raise _error(
                    f"Parameter cannot be processed because the parameter name '{name}' is ambiguous. "
                    f"Possible matches include:{candidates}.",
                    "AmbiguousParameter", extent=extent,
                )
            return declared[0]
        return matches[0] if matches else None

    def set_name(self, mask: int) -> str:
        if self.default_bit and mask & self.default_bit:
            return self.set_names[self.default_bit.bit_length() - 1]
        for name in self.set_names:
            if self.bits[name] & mask:
                return name
        return self.set_names[0]


def table_for(spec: CommandSpec) -> _Table:
    table = spec._table
    if table is None:
        table = spec._table = _Table(spec)
    return table


# --------------------------------------------------------------------------- errors


def _error(
    message: str,
    error_id: str,
    *,
    category: str = "InvalidArgument",
    extent: Extent | None = None,
    target: object = None,
    cls: type[errors.PSException] = errors.ParameterBindingException,
    inner: BaseException | None = None,
) -> errors.PSException:
    exc = cls(message, error_id=error_id, category=category, target=target, inner=inner)
    exc.position = extent  # type: ignore[attr-defined]
    return exc


def _ambiguous_set() -> errors.PSException:
    return _error("Parameter set cannot be resolved using the specified named parameters.", "AmbiguousParameterSet")


def _missing_args_text(params: list[_Param]) -> str:
    return "".join(f" {param.name}" for param in params)


def _value_type_name(value: object) -> str:
    from .typenames import type_name_of

    return type_name_of(value)


def _resolve_type_name(name: str) -> PSType | None:
    from .types import resolve_type

    return resolve_type(name)


# --------------------------------------------------------------------------- the result


class Binding:
    """The outcome of binding one command invocation (updated per pipeline object).

    `bound` is `$PSBoundParameters` (exactly the bound parameters, in binding order),
    `parameter_set` is `$PSCmdlet.ParameterSetName`, `args` is `$args` (simple functions),
    `common` holds the bound common parameters (switches as bools, ErrorAction and friends
    as ActionPreference names).
    """

    __slots__ = ("spec", "table", "ctx", "bound", "args", "common", "cur", "_bound_params",
                 "_pipeline_bound", "_delayed", "_prepipeline", "pipeline_expected")

    def __init__(self, spec: CommandSpec, table: _Table, ctx: Any, pipeline_expected: bool) -> None:
        self.spec = spec
        self.table = table
        self.ctx = ctx
        self.bound = Hashtable()
        self.args: list[object] = []
        self.common: dict[str, object] = {}
        self.cur = table.all_mask
        self._bound_params: set[_Param] = set()
        self._pipeline_bound: list[_Param] = []
        self._delayed: list[tuple[_Param, BoundArgument]] = []
        self._prepipeline = table.all_mask
        self.pipeline_expected = pipeline_expected

    @property
    def parameter_set(self) -> str:
        return self.table.set_name(self.cur)

    def is_bound(self, name: str) -> bool:
        return name in self.bound

    def get(self, name: str) -> object:
        """The bound value, else the parameter's default (a switch defaults to False)."""
        if name in self.bound:
            return self.bound[name]
        param = self.table.by_name.get(name.casefold())
        if param is None:
            raise KeyError(name)
        if param.ptype.kind == _SWITCH and param.spec.default is None and param.spec.default_factory is None:
            return False
        return param.spec.default_value(self.ctx)

    def values(self) -> dict[str, object]:
        """Every declared (non-common) parameter with its bound or default value."""
        return {param.name: self.get(param.name) for param in self.table.params if not param.is_common}

    @property
    def pipeline_bound(self) -> list[str]:
        """Names of the parameters the current pipeline object supplied."""
        return [param.name for param in self._pipeline_bound]

    def _record(self, param: _Param, value: object) -> None:
        self.bound[param.name] = value
        self._bound_params.add(param)
        if param.is_common:
            self.common[param.name] = value
        if not param.in_all:
            self.cur &= param.mask

    def _unbind(self, param: _Param) -> None:
        del self.bound[param.name]
        self._bound_params.discard(param)
        self.common.pop(param.name, None)

    def _unbound(self) -> list[_Param]:
        bound = self._bound_params
        return [param for param in self.table.params if param not in bound]

    def __repr__(self) -> str:
        return f"Binding({self.spec.name}, set={self.parameter_set!r}, bound={self.bound.items()!r})"


# --------------------------------------------------------------------------- conversion


def _convert_to(value: object, pstype: PSType, ctx: Any) -> object:
    from .convert import convert_to

    return convert_to(value, pstype, ctx)


_FAIL: Any = object()


def _conversion_failure(binding: Binding, param: _Param, inner: errors.PSException, extent: Extent | None):
    if binding.spec.is_cmdlet or param.is_common:
        return _error(f"Cannot bind parameter '{param.name}'. {inner.message}", "CannotConvertArgumentNoMessage",
                      extent=extent, inner=inner)
    return _error(
        f"Cannot process argument transformation on parameter '{param.name}'. {inner.message}",
        "ParameterArgumentTransformationError", category="InvalidData", extent=extent, inner=inner,
        cls=errors.ParameterBindingArgumentTransformationException,
    )


def _cannot_convert(param: _Param, value: object, target: str, reason: str, extent: Extent | None):
    return _error(
        f"Cannot convert '{_dotnet_text(value) if value is not None else 'null'}' to the type '{target}' "
        f"required by parameter '{param.name}'. {reason}",
        "CannotConvertArgument", extent=extent,
    )


def _to_boolean(binding: Binding, param: _Param, ptype: _ParamType, value: object, coerce: bool,
                extent: Extent | None) -> object:
    if type(value) is bool:
        return value
    if not coerce:
        return _FAIL
    is_cmdlet = binding.spec.is_cmdlet or param.is_common
    if value is None:
        if is_cmdlet:
            if ptype.kind == _SWITCH:
                return True
            raise _error(f"Cannot bind argument to parameter '{param.name}' because it is null.",
                         "ParameterArgumentValidationErrorNullNotAllowed", category="InvalidData",
                         extent=extent, cls=errors.ParameterBindingValidationException)
    elif isinstance(value, (int, float, Decimal)):
        return value != 0
    shown = "" if value is None else _value_type_name(value)
    if is_cmdlet:
        raise _cannot_convert(param, shown, ptype.full_name, "", extent)
    inner = errors.PSInvalidCastException(
        f'Cannot convert value "{shown}" to type "{ptype.full_name}". Boolean parameters accept only Boolean '
        "values and numbers, such as $True, $False, 1 or 0."
    )
    raise _conversion_failure(binding, param, inner, extent)


def _to_action_preference(value: object) -> str:
    if isinstance(value, Enum):
        value = value.name
    if isinstance(value, str):
        folded = value.casefold()
        for name in ACTION_PREFERENCES:
            if name.casefold() == folded:
                return name
    elif type(value) is int and 0 <= value < len(ACTION_PREFERENCES):
        return ACTION_PREFERENCES[value]
    text = _dotnet_text(value)
    raise errors.PSInvalidCastException(
        f'Cannot convert value "{text}" to type "{ACTION_PREFERENCE_TYPE}". Error: "Unable to match the identifier '
        f"name {text} to a valid enumerator name. Specify one of the following enumerator names and try again: "
        f'{", ".join(ACTION_PREFERENCES)}"',
        error_id="InvalidCastFromStringToEnum" if isinstance(value, str) else "InvalidCastException",
        category="InvalidArgument",
    )


def _coerce(binding: Binding, param: _Param, value: object, coerce: bool, extent: Extent | None) -> object:
    """The value converted to the parameter's type; _FAIL when it needs conversion and coerce is off."""
    ptype = param.ptype
    kind = ptype.kind
    if kind == _OBJECT:
        return value
    if kind == _SWITCH or kind == _BOOL:
        return _to_boolean(binding, param, ptype, value, coerce, extent)
    if kind == _STRING and type(value) is str:
        return value
    if kind == _ARRAY:
        return _coerce_array(binding, param, ptype, value, coerce, extent)
    if value is None:
        if binding.spec.is_cmdlet or param.is_common or kind in (_SCRIPTBLOCK, _ACTION):
            return None
    elif ptype.accepts(value):
        return value
    if not coerce:
        return _FAIL
    try:
        if kind == _ACTION:
            return _to_action_preference(value)
        if (
            isinstance(value, (list, tuple))
            and (binding.spec.is_cmdlet or param.is_common)
            and (kind != _OTHER or ptype.pstype.enum is None)
        ):
            raise _cannot_convert(param, value, ptype.full_name, "Specified method is not supported.", extent)
        return _convert_to(value, ptype.pstype, binding.ctx)
    except errors.ParameterBindingException:
        raise
    except errors.PSException as exc:
        raise _conversion_failure(binding, param, exc, extent) from None


def _coerce_array(binding: Binding, param: _Param, ptype: _ParamType, value: object, coerce: bool,
                  extent: Extent | None) -> object:
    if value is None:
        return None
    element = ptype.element
    assert element is not None
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    if element.kind == _OBJECT:
        return items
    if all(element.accepts(item) for item in items):
        return items
    if not coerce:
        return _FAIL
    try:
        if binding.spec.is_cmdlet or param.is_common:
            return [item if element.accepts(item) else _convert_to(item, element.pstype, binding.ctx)
                    for item in items]
        converted = _convert_to(value, ptype.pstype, binding.ctx)
        return list(converted) if isinstance(converted, (list, tuple)) else [converted]
    except errors.ParameterBindingException:
        raise
    except errors.PSException as exc:
        raise _conversion_failure(binding, param, exc, extent) from None


# --------------------------------------------------------------------------- validation


def _validation_error(param: _Param, message: str, extent: Extent | None, inner: BaseException | None = None):
    return _error(f"Cannot validate argument on parameter '{param.name}'. {message}",
                  "ParameterArgumentValidationError", category="InvalidData", extent=extent,
                  cls=errors.ParameterBindingValidationException, inner=inner)


def _validate(binding: Binding, param: _Param, value: object, extent: Extent | None) -> None:
    spec = param.spec
    if param.mandatory:
        _check_not_empty(param, value, extent)
    for validator in spec.validators:
        if validator.per_element:
            if value is None:
                message = (
                    "The argument is null, empty, or an element of the argument collection contains a null value. "
                    "Supply a collection that does not contain any null values and then try the command again."
                )
                raise _validation_error(param, message, extent)
            items = value if isinstance(value, list) else (value,)
        else:
            items = (value,)
        for item in items:
            try:
                message = validator.check(item, binding.ctx)
            except errors.PSException as exc:
                raise _validation_error(param, exc.message, extent, exc) from None
            if message is not None:
                raise _validation_error(param, message, extent)


def _check_not_empty(param: _Param, value: object, extent: Extent | None) -> None:
    spec = param.spec
    if value is None:
        if not spec.allow_null:
            raise _error(f"Cannot bind argument to parameter '{param.name}' because it is null.",
                         "ParameterArgumentValidationErrorNullNotAllowed", category="InvalidData",
                         extent=extent, cls=errors.ParameterBindingValidationException)
        return
    if value == "" and type(value) is str and not spec.allow_empty_string:
        raise _error(f"Cannot bind argument to parameter '{param.name}' because it is an empty string.",
                     "ParameterArgumentValidationErrorEmptyStringNotAllowed", category="InvalidData",
                     extent=extent, cls=errors.ParameterBindingValidationException)
    if isinstance(value, list) and param.ptype.kind != _OBJECT:
        # Only a collection-typed parameter looks into its argument (ParameterBinderBase's
        # ValidateNullOrEmptyArgument): an empty array binds to [object] or [psobject].
        if not value and not spec.allow_empty_collection:
            raise _error(f"Cannot bind argument to parameter '{param.name}' because it is an empty array.",
                         "ParameterArgumentValidationErrorEmptyArrayNotAllowed", category="InvalidData",
                         extent=extent, cls=errors.ParameterBindingValidationException)
        for item in value:
            if item is None and not spec.allow_null:
                raise _error(f"Cannot bind argument to parameter '{param.name}' because it is null.",
                             "ParameterArgumentValidationErrorNullNotAllowed", category="InvalidData",
                             extent=extent, cls=errors.ParameterBindingValidationException)
            if type(item) is str and item == "" and not spec.allow_empty_string:
                raise _error(
                    f"Cannot bind argument to parameter '{param.name}' because it is an empty string.",
                    "ParameterArgumentValidationErrorEmptyStringNotAllowed", category="InvalidData",
                    extent=extent, cls=errors.ParameterBindingValidationException)


def _bind_value(binding: Binding, param: _Param, value: object, coerce: bool, extent: Extent | None) -> bool:
    """Convert, validate and record one parameter value; False when it needs a conversion not allowed here."""
    converted = _coerce(binding, param, value, coerce, extent)
    if converted is _FAIL:
        return False
    _validate(binding, param, converted, extent)
    binding._record(param, converted)
    return True


# --------------------------------------------------------------------------- command-line binding


class _Arg:
    """An argument during binding: the parameter as typed (if named) and its value."""

    __slots__ = ("name", "value", "source", "param")

    def __init__(self, source: BoundArgument, name: str | None, value: object, param: _Param | None = None) -> None:
        self.source = source
        self.name = name
        self.value = value
        self.param = param

    @property
    def error_extent(self) -> Extent | None:
        return self.source.value_extent or self.source.name_extent


def bind(spec: CommandSpec, args: list[BoundArgument], ctx: Any, *, pipeline_expected: bool) -> Binding:
    """Bind the command-line arguments of one invocation of `spec`."""
    table = table_for(spec)
    binding = Binding(spec, table, ctx, pipeline_expected)
    pending = _pair_names_with_values(table, args)
    pending = _bind_named(binding, pending)
    pending, positional_error = _bind_positional(binding, pending)
    _validate_sets(binding, pre_pipeline=True, set_default=False)
    pending = _bind_remaining(binding, pending)
    if pending:
        if spec.advanced:
            _reject_unbound(pending, positional_error)
        binding.args = _flatten(pending)
    count = _validate_sets(binding, pre_pipeline=pipeline_expected, set_default=not pipeline_expected)
    if count > 1 and pipeline_expected:
        _drop_sets_without_pipeline_input(binding)
    missing = _missing_mandatory(binding, pipeline_expected)
    if missing:
        raise _error(
            f"Cannot process command because of one or more missing mandatory parameters:{_missing_args_text(missing)}.",
            "MissingMandatoryParameter",
        )
    if not pipeline_expected:
        _verify_set_selected(binding)
    binding._prepipeline = binding.cur
    return binding


def _pair_names_with_values(table: _Table, args: list[BoundArgument]) -> list[_Arg]:
    """`-Name value` becomes one argument; a switch keeps no value; errors for missing values."""
    result: list[_Arg] = []
    index = 0
    count = len(args)
    while index < count:
        arg = args[index]
        index += 1
        if arg.name is None:
            result.append(_Arg(arg, None, arg.value))
            continue
        param = table.lookup(arg.name, arg.name_extent)
        if arg.value is not NO_VALUE or param is None:
            result.append(_Arg(arg, arg.name, arg.value, param))
            continue
        if param.ptype.kind == _SWITCH:
            result.append(_Arg(arg, arg.name, True, param))
            continue
        if index < count:
            following = args[index]
            if following.name is None:
                index += 1
                result.append(_Arg(BoundArgument(following.value, arg.name, False, arg.name_extent,
                                                 following.value_extent), arg.name, following.value, param))
                continue
            if following.value is NO_VALUE and table.lookup(following.name, following.name_extent) is None:
                index += 1
                result.append(_Arg(BoundArgument(following.text, arg.name, False, arg.name_extent,
                                                 following.name_extent), arg.name, following.text, param))
                continue
        raise _error(
            f"Missing an argument for parameter '{param.name}'. Specify a parameter of type "
            f"'{param.ptype.full_name}' and try again.",
            "MissingArgument", extent=arg.name_extent,
        )
    return result


def _bind_named(binding: Binding, pending: list[_Arg]) -> list[_Arg]:
    left: list[_Arg] = []
    for arg in pending:
        param = arg.param
        if param is None:
            left.append(arg)
            continue
        if param in binding._bound_params:
            raise _error(
                f"Cannot bind parameter because parameter '{arg.name}' is specified more than once. To provide "
                "multiple values to parameters that can accept multiple values, use the array syntax. For example, "
                '"-parameter value1,value2,value3".',
                "ParameterAlreadyBound", extent=arg.source.name_extent,
            )
        if isinstance(arg.value, Invocable) and param.pipeline and not param.takes_scriptblock:
            _delay_bind(binding, param, arg)
            continue
        _bind_value(binding, param, arg.value, True, arg.error_extent)
    return left


def _delay_bind(binding: Binding, param: _Param, arg: _Arg) -> None:
    """A script block given to a pipeline parameter runs per input object (`-NewName { $_.Name }`)."""
    if not binding.pipeline_expected:
        raise _error(
            f"Cannot evaluate parameter '{param.name}' because its argument is specified as a script block and "
            "there is no input. A script block cannot be evaluated without input.",
            "ScriptBlockArgumentNoInput", category="MetadataError", extent=arg.error_extent,
        )
    binding._delayed.append((param, arg.source))
    binding._record(param, arg.value)


def _bind_positional(binding: Binding, pending: list[_Arg]) -> tuple[list[_Arg], errors.PSException | None]:
    if not any(arg.name is None for arg in pending):
        return pending, None
    table = binding.table
    slots = _positional_slots(binding, binding.cur)
    if not slots:
        return pending, None
    left: list[_Arg] = []
    outgoing: list[errors.PSException] = []
    index = 0
    valid = binding.cur
    default = table.default_bit
    for position in sorted(slots):
        slot = slots[position]
        if not slot:
            continue
        arg = None
        while index < len(pending):
            candidate = pending[index]
            index += 1
            if candidate.name is None:
                arg = candidate
                break
            left.append(candidate)
            if index < len(pending) and pending[index].name is None:
                left.append(pending[index])
                index += 1
        if arg is None:
            break
        bound = False
        for sets, coerce in ((default, False), (valid, False), (default, True), (valid, True)):
            if sets is default and not (default and valid & default):
                continue
            if _bind_positional_in(binding, sets, slot, arg, coerce, outgoing):
                bound = True
                break
        if not bound:
            left.append(arg)
        elif valid != binding.cur:
            valid = binding.cur
            for other in slots.values():
                for param in list(other):
                    other[param] = [(bit, member) for bit, member in other[param] if bit == 0 or bit & valid]
                    if not other[param]:
                        del other[param]
    left.extend(pending[index:])
    return left, (outgoing[-1] if outgoing else None)


def _positional_slots(binding: Binding, sets: int) -> dict[int, dict[_Param, list[tuple[int, SetMembership]]]]:
    slots: dict[int, dict[_Param, list[tuple[int, SetMembership]]]] = {}
    bound = binding._bound_params
    for param in binding.table.params:
        if param in bound or not (param.in_all or param.mask & sets):
            continue
        for bit, member in param.matching(sets):
            if member.position is None or member.value_from_remaining_arguments:
                continue
            slot = slots.setdefault(member.position, {})
            for other, other_members in slot.items():
                if other is not param and any(other_bit & bit or other_bit == bit for other_bit, _ in other_members):
                    raise _error("Cannot bind positional parameters because no names were given.",
                                 "AmbiguousPositionalParameterNoName")
            slot.setdefault(param, []).append((bit, member))
    return slots


def _bind_positional_in(binding: Binding, sets: int, slot: dict[_Param, list[tuple[int, SetMembership]]],
                        arg: _Arg, coerce: bool, outgoing: list[errors.PSException]) -> bool:
    for param, members in slot.items():
        if param in binding._bound_params:
            continue
        if not any(bit == 0 or bit & sets for bit, _ in members):
            continue
        try:
            if _bind_value(binding, param, arg.value, coerce, arg.error_extent):
                return True
        except (errors.ParameterBindingArgumentTransformationException,
                errors.ParameterBindingValidationException):
            raise
        except errors.ParameterBindingException as exc:
            outgoing.append(exc)
    return False


def _bind_remaining(binding: Binding, pending: list[_Arg]) -> list[_Arg]:
    if not pending:
        return pending
    for param in binding.table.params:
        if param in binding._bound_params:
            continue
        if any(member.value_from_remaining_arguments for _, member in param.matching(binding.cur)):
            values = _flatten(pending)
            extent = pending[0].error_extent if len(pending) == 1 else None
            try:
                _bind_value(binding, param, values, True, extent)
            except errors.ParameterBindingException:
                if len(values) == 1 and isinstance(values[0], list):
                    _bind_value(binding, param, values[0], True, extent)
                else:
                    raise
            return []
    return pending


def _flatten(pending: list[_Arg]) -> list[object]:
    """Unbound arguments as `$args` shows them: parameter tokens as text, then values."""
    values: list[object] = []
    for arg in pending:
        if arg.name is not None:
            values.append(arg.source.text)
            if arg.value is not NO_VALUE:
                values.append(arg.value)
        else:
            values.append(arg.value)
    return values


def _reject_unbound(pending: list[_Arg], positional_error: errors.PSException | None) -> None:
    first = pending[0]
    if first.name is not None:
        raise _error(f"A parameter cannot be found that matches parameter name '{first.name}'.",
                     "NamedParameterNotFound", extent=first.source.name_extent)
    if positional_error is not None:
        raise positional_error
    value = first.value
    shown = "$null" if value is None else _dotnet_text(value)
    raise _error(f"A positional parameter cannot be found that accepts argument '{shown}'.",
                 "PositionalParameterNotFound")


# --------------------------------------------------------------------------- parameter sets


def _unbound_pipeline_in(binding: Binding, sets: int) -> bool:
    bound = binding._bound_params
    for param in binding.table.pipeline_params:
        if param not in bound and any(member.takes_pipeline for _, member in param.matching(sets)):
            return True
    return False


def _validate_sets(binding: Binding, *, pre_pipeline: bool, set_default: bool) -> int:
    """Narrow or pick the parameter set as PowerShell's ValidateParameterSets does; the count left."""
    table = binding.table
    cur = binding.cur
    count = _popcount(cur)
    if count == 0:
        raise _ambiguous_set()
    if count == 1:
        return 1
    default = table.default_bit
    if cur == table.all_mask:  # nothing narrowed the sets yet
        if not pre_pipeline or not _unbound_pipeline_in(binding, cur):
            if default:
                if set_default:
                    binding.cur = default
                    return 1
            else:
                return _resolve_by_mandatory(binding)
        return count
    if default and cur & default:
        if set_default:
            binding.cur = default
            return 1
        return count
    if not pre_pipeline or not _unbound_pipeline_in(binding, cur):
        return _resolve_by_mandatory(binding)
    return count


def _resolve_by_mandatory(binding: Binding) -> int:
    """Keep the only set whose mandatory parameters are all bound, else the sets are ambiguous."""
    mask = binding.cur
    for param in binding._unbound():
        for bit, member in param.members:
            if member.mandatory:
                mask &= ~bit
    if _popcount(mask) == 1:
        binding.cur = mask
        return 1
    raise _ambiguous_set()


def _drop_sets_without_pipeline_input(binding: Binding) -> None:
    takes = 0
    for param, _ in binding._delayed:
        if not param.in_all:
            takes |= param.mask
    bound = binding._bound_params
    for param in binding.table.pipeline_params:
        if param in bound:
            continue
        for bit, member in param.matching(binding.cur):
            if member.takes_pipeline:
                if bit == 0:
                    return
                takes |= bit
    if takes:
        binding.cur &= takes
        _validate_sets(binding, pre_pipeline=True, set_default=False)


class _Mandatory:
    __slots__ = ("plain", "piped", "by_name")

    def __init__(self) -> None:
        self.plain: list[_Param] = []  # must come from the command line
        self.piped: list[_Param] = []  # pipeline input may still supply them
        self.by_name = False


def _missing_mandatory(binding: Binding, pipeline_expected: bool) -> list[_Param]:
    """Mandatory parameters nothing can supply any more; may narrow the sets when input is expected."""
    cur = binding.cur
    bound = binding._bound_params
    if not pipeline_expected:
        return [param for param in binding.table.mandatory_in(cur) if param not in bound]
    per_set: dict[int, _Mandatory] = {}
    missing: list[_Param] = []
    for param in binding.table.mandatory_params:
        if param in bound:
            continue
        for bit, member in param.matching(cur):
            if not member.mandatory:
                continue
            entry = per_set.setdefault(bit, _Mandatory())
            if member.takes_pipeline:
                entry.piped.append(param)
                entry.by_name = entry.by_name or member.value_from_pipeline_by_property_name
            else:
                entry.plain.append(param)
                if param not in missing:
                    missing.append(param)
    if not per_set:
        return missing
    table = binding.table
    in_all = per_set.get(0, _Mandatory())

    def plain_of(mask: int) -> list[_Param]:
        found: list[_Param] = []
        for bit, entry in per_set.items():
            if bit == 0 or bit & mask:
                found.extend(param for param in entry.plain if param not in found)
        return [param for param in missing if param in found]

    if _popcount(cur) == 1:
        return plain_of(cur)
    default = table.default_bit
    if default and cur & default:
        others = [(bit, entry) for bit, entry in per_set.items() if bit not in (0, default) and bit & cur]
        pipeline_only_elsewhere = any(entry.piped and not entry.plain for _, entry in others)
        default_entry = per_set.get(default)
        choose_default = not pipeline_only_elsewhere or bool(in_all.plain)
        if default_entry is not None and default_entry.by_name and not any(entry.by_name for _, entry in others):
            choose_default = True
        if choose_default:
            binding.cur = default
            return plain_of(default)
    if in_all.plain:
        return plain_of(0)
    viable = cur
    for bit, entry in per_set.items():
        if bit and entry.plain:
            viable &= ~bit
    if not viable:
        raise _ambiguous_set()
    binding.cur = viable
    return []


def _verify_set_selected(binding: Binding) -> None:
    table = binding.table
    if len(table.set_names) > 1 and binding.cur == table.all_mask:
        if not table.default_bit:
            raise _ambiguous_set()
        binding.cur = table.default_bit


# --------------------------------------------------------------------------- pipeline binding


def bind_pipeline(binding: Binding, input_object: object) -> Binding:
    """Bind one pipeline object (ByValue, ByPropertyName, delayed script blocks); returns `binding`.

    Parameters bound from the previous object are unbound first. Raises InputObjectNotBound
    when nothing takes the object, InputObjectMissingMandatory when mandatory parameters are
    still unbound.
    """
    for param in binding._pipeline_bound:
        binding._unbind(param)
    binding._pipeline_bound.clear()
    binding.cur = binding._prepipeline
    try:
        delayed_ok = _run_delayed(binding, input_object) if binding._delayed else False
        bound = _bind_pipeline_object(binding, input_object)
        if not (bound or delayed_ok):
            raise _error(
                "The input object cannot be bound to any parameters for the command either because the command "
                "does not take pipeline input or the input and its properties do not match any of the parameters "
                "that take pipeline input.",
                "InputObjectNotBound", target=input_object,
            )
        _verify_set_selected(binding)
        missing = _missing_mandatory(binding, False)
        if missing:
            raise _error(
                "The input object cannot be bound because it did not contain the information required to bind "
                f"all mandatory parameters: {_missing_args_text(missing)}",
                "InputObjectMissingMandatory", target=input_object,
            )
    except errors.PSException:
        for param in binding._pipeline_bound:
            binding._unbind(param)
        binding._pipeline_bound.clear()
        binding.cur = binding._prepipeline
        raise
    return binding


def _run_delayed(binding: Binding, input_object: object) -> bool:
    for param, source in binding._delayed:
        extent = source.value_extent or source.name_extent
        try:
            output = binding.ctx.call(source.value, [], dollar_under=input_object)
        except errors.PSException as exc:
            raise _error(f"The input to the script block for parameter '{param.name}' failed. {exc.message}",
                         "ScriptBlockArgumentInvocationFailed", extent=extent, inner=exc) from None
        if not output:
            raise _error(
                f"Cannot evaluate parameter '{param.name}' because its argument input did not produce any output.",
                "ScriptBlockArgumentNoOutput", extent=extent,
            )
        value = output[0] if len(output) == 1 else list(output)
        converted = _coerce(binding, param, value, True, extent)
        _validate(binding, param, converted, extent)
        binding.bound[param.name] = converted
    return True


def _bind_pipeline_object(binding: Binding, input_object: object) -> bool:
    bound = binding._bound_params
    candidates = [param for param in binding.table.pipeline_reversed if param not in bound]
    valid = binding.cur
    result = False
    for state in range(4):
        if not candidates:
            break
        if _bind_state(binding, input_object, state, valid, candidates):
            _validate_sets(binding, pre_pipeline=True, set_default=True)
            valid = binding.cur
            result = True
            candidates = [param for param in candidates if param not in bound]
    _validate_sets(binding, pre_pipeline=False, set_default=True)
    return result


def _bind_state(binding: Binding, input_object: object, state: int, valid: int, candidates: list[_Param]) -> bool:
    default = binding.table.default_bit
    if default and valid & default:
        if _bind_state_in(binding, input_object, state, default, candidates):
            return True
        valid &= ~default
    return _bind_state_in(binding, input_object, state, valid, candidates)


def _bind_state_in(binding: Binding, input_object: object, state: int, sets: int, candidates: list[_Param]) -> bool:
    by_value = state in (0, 2)
    coerce = state >= 2
    result = False
    bound = binding._bound_params
    for param in candidates:
        if param in bound:
            continue
        if by_value:
            if param.by_value_sets & sets or param.by_value_sets == -1:
                if _try_pipeline_value(binding, param, input_object, coerce, by_value=True):
                    result = True
        elif input_object is not None and (param.by_name_sets & sets or param.by_name_sets == -1):
            found, value = _property_value(input_object, param)
            if found and _try_pipeline_value(binding, param, value, coerce, by_value=False):
                result = True
    return result


def _try_pipeline_value(binding: Binding, param: _Param, value: object, coerce: bool, *, by_value: bool) -> bool:
    try:
        ok = _bind_value(binding, param, value, coerce, None)
    except errors.ParameterBindingValidationException:
        raise
    except errors.ParameterBindingArgumentTransformationException as exc:
        if by_value and isinstance(exc.inner, errors.PSInvalidCastException):
            return False
        raise
    except errors.ParameterBindingException:
        return False
    if ok:
        binding._pipeline_bound.append(param)
    return ok


def _property_value(input_object: object, param: _Param) -> tuple[bool, object]:
    """The input's property named like the parameter (or one of its aliases)."""
    target = input_object.base if isinstance(input_object, PSObject) and input_object.base is not None else None
    for name in (param.name, *param.aliases):
        if isinstance(input_object, PSObject):
            if input_object.has_property(name):
                return True, input_object.get(name)
            if target is not None and isinstance(target, DotNetObject) and target.ps_has(name):
                return True, target.ps_get(name)
        elif isinstance(input_object, DotNetObject):
            if input_object.ps_has(name):
                return True, input_object.ps_get(name)
    return False, None
