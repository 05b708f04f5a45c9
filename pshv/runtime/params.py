"""Parameter metadata as data: what a cmdlet or an advanced function declares.

A `CommandSpec` lists `ParameterSpec`s; each parameter says, per parameter set, whether it
is positional, mandatory or takes pipeline input (`SetMembership`). Validation attributes
are small objects whose `check` returns None or the 5.1 failure text (the binder wraps it
in "Cannot validate argument on parameter 'X'. ..."). The binder (`binder.py`) turns the
spec into lookup tables once and caches them on the spec.

Declaring cmdlets compactly:

    GET_VM = cmdlet('Get-VM', default_set='Name', parameters=[
        p('Name', 'string[]', aliases=['VMName'], sets='Name', position=0, by_property_name=True),
        p('Id', 'guid', sets='Id', position=0, mandatory=True),
        p('ComputerName', 'string[]', aliases=['PSComputerName']),        # in every set
        p('VM', 'VirtualMachine[]', sets={'VMObject': dict(position=0, mandatory=True, pipeline=True)}),
    ])

`sets` is a comma-separated list of set names sharing the keyword options, or a dict from
set name to that set's options; without it the parameter is in all sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .objects import Invocable, PSType

ALL_SETS = "__AllParameterSets"


@dataclass(slots=True)
class SetMembership:
    """A parameter's `[Parameter()]` options within one parameter set."""

    position: int | None = None
    mandatory: bool = False
    value_from_pipeline: bool = False
    value_from_pipeline_by_property_name: bool = False
    value_from_remaining_arguments: bool = False
    help_message: str | None = None

    @property
    def takes_pipeline(self) -> bool:
        return self.value_from_pipeline or self.value_from_pipeline_by_property_name


ParameterSetSpec = SetMembership  # the name the design notes use


# --------------------------------------------------------------------------- validation


def _dotnet_text(value: object) -> str:
    """The value as .NET's ToString() shows it inside binding and validation messages."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (list, tuple)):
        return "System.Object[]"
    if isinstance(value, str):
        return value
    try:
        from .convert import to_string
    except ImportError:
        return str(value)
    return to_string(value)


def _elements(value: object) -> list[object]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


class Validator:
    """Base of the Validate* attributes; `check` returns None when valid, else the message."""

    per_element = True  # ValidateEnumeratedArguments: applied to each element of a collection

    def check(self, value: object, ctx: Any) -> str | None:
        raise NotImplementedError


class ValidateSet(Validator):
    """`[ValidateSet('A','B', IgnoreCase=$true)]`: compared as strings, ignoring case by default."""

    __slots__ = ("values", "ignore_case")

    def __init__(self, *values: str, ignore_case: bool = True) -> None:
        self.values = tuple(values)
        self.ignore_case = ignore_case

    def __repr__(self) -> str:
        return f"ValidateSet{self.values!r}"

    def check(self, value: object, ctx: Any) -> str | None:
        text = _dotnet_text(value)
        if self.ignore_case:
            folded = text.casefold()
            ok = any(folded == allowed.casefold() for allowed in self.values)
        else:
            ok = text in self.values
        if ok:
            return None
        return (
            f'The argument "{text}" does not belong to the set "{",".join(self.values)}" specified by the '
            "ValidateSet attribute. Supply an argument that is in the set and then try the command again."
        )


@dataclass(frozen=True, slots=True)
class ValidateNotNull(Validator):
    per_element = False

    def check(self, value: object, ctx: Any) -> str | None:
        if value is None:
            return "The argument is null. Provide a valid value for the argument, and then try running the command again."
        if isinstance(value, (list, tuple)) and any(item is None for item in value):
            return (
                "The argument has a null value, or an element of the argument collection contains a null value. "
                "Provide a collection that does not contain any null values, and then try the command again."
            )
        return None


@dataclass(frozen=True, slots=True)
class ValidateNotNullOrEmpty(Validator):
    per_element = False

    def check(self, value: object, ctx: Any) -> str | None:
        if isinstance(value, (list, tuple)):
            if not value or any(item is None or item == "" for item in value):
                return (
                    "The argument is null, empty, or an element of the argument collection contains a null value. "
                    "Supply a collection that does not contain any null values and then try the command again."
                )
            return None
        if value is None or value == "":
            return "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
        return None


@dataclass(frozen=True, slots=True)
class ValidateRange(Validator):
    minimum: object
    maximum: object

    def check(self, value: object, ctx: Any) -> str | None:
        try:
            too_small = value < self.minimum  # type: ignore[operator]
            too_big = value > self.maximum  # type: ignore[operator]
        except TypeError:
            return (
                f'The argument cannot be validated because its type "{type(value).__name__}" is not the same type '
                f"({type(self.minimum).__name__}) as the maximum and minimum limits of the parameter. Make sure the "
                f"argument is of type {type(self.minimum).__name__} and then try the command again."
            )
        shown, low, high = _dotnet_text(value), _dotnet_text(self.minimum), _dotnet_text(self.maximum)
        if too_small:
            return (
                f"The {shown} argument is less than the minimum allowed range of {low}. Supply an argument that is "
                f"greater than or equal to {low} and then try the command again."
            )
        if too_big:
            return (
                f"The {shown} argument is greater than the maximum allowed range of {high}. Supply an argument that is "
                f"less than or equal to {high} and then try the command again."
            )
        return None


@dataclass(frozen=True, slots=True)
class ValidatePattern(Validator):
    pattern: str
    ignore_case: bool = True

    def check(self, value: object, ctx: Any) -> str | None:
        text = _dotnet_text(value)
        if re.search(self.pattern, text, re.IGNORECASE if self.ignore_case else 0):
            return None
        return (
            f'The argument "{text}" does not match the "{self.pattern}" pattern. Supply an argument that matches '
            f'"{self.pattern}" and try the command again.'
        )


@dataclass(frozen=True, slots=True)
class ValidateLength(Validator):
    minimum: int
    maximum: int

    def check(self, value: object, ctx: Any) -> str | None:
        length = len(_dotnet_text(value))
        if length < self.minimum:
            return (
                f"The character length ({length}) of the argument is too short. Specify an argument with a length "
                f'that is greater than or equal to "{self.minimum}", and then try the command again.'
            )
        if length > self.maximum:
            return (
                f"The character length of the {length} argument is too long. Shorten the character length of the "
                f'argument so it is fewer than or equal to "{self.maximum}" characters, and then try the command again.'
            )
        return None


@dataclass(frozen=True, slots=True)
class ValidateCount(Validator):
    minimum: int
    maximum: int
    per_element = False

    def check(self, value: object, ctx: Any) -> str | None:
        count = len(_elements(value))
        if self.minimum <= count <= self.maximum:
            return None
        return (
            f"The parameter requires at least {self.minimum} value(s) and no more than {self.maximum} value(s) - "
            f"{count} value(s) were provided."
        )


@dataclass(frozen=True, slots=True)
class ValidateScript(Validator):
    """Runs the script block with `$_` set to the value; a false result fails validation."""

    script: Invocable

    def check(self, value: object, ctx: Any) -> str | None:
        output = ctx.call(self.script, [], dollar_under=value)
        if _is_true(output[0] if len(output) == 1 else output):
            return None
        return (
            f'The "{script_text(self.script)}" validation script for the argument with value "{_dotnet_text(value)}" '
            "did not return a result of True. Determine why the validation script failed, and then try the command again."
        )


def _is_true(value: object) -> bool:
    from .convert import to_bool

    return to_bool(value)


def script_text(script: object) -> str:
    """A script block's source text, as `{ ... }.ToString()` shows it."""
    to_string = getattr(script, "ps_to_string", None)
    if to_string is not None:
        return to_string()
    text = getattr(script, "text", None)
    return text if isinstance(text, str) else str(script)


# --------------------------------------------------------------------------- parameters


@dataclass(slots=True, eq=False)
class ParameterSpec:
    """One parameter. `type` is a type name ('System.String[]', 'switch', 'int') or a PSType.

    `sets` maps a set name (or ALL_SETS) to the parameter's options there. `default` is the
    value when unbound; `default_factory(ctx)` computes it instead when given.
    """

    name: str
    type: str | PSType = "System.Object"
    aliases: tuple[str, ...] = ()
    sets: dict[str, SetMembership] = field(default_factory=lambda: {ALL_SETS: SetMembership()})
    validators: tuple[Validator, ...] = ()
    allow_null: bool = False
    allow_empty_string: bool = False
    allow_empty_collection: bool = False
    default: object = None
    default_factory: Callable[[Any], object] | None = None
    help: str | None = None
    is_common: bool = False

    def default_value(self, ctx: Any) -> object:
        if self.default_factory is not None:
            return self.default_factory(ctx)
        return self.default

    @property
    def type_name(self) -> str:
        return self.type.full_name if isinstance(self.type, PSType) else self.type

    @property
    def is_switch(self) -> bool:
        return self.type_name.strip().casefold() in SWITCH_NAMES

    def is_mandatory_somewhere(self) -> bool:
        return any(member.mandatory for member in self.sets.values())


SWITCH_NAMES = frozenset({"switch", "switchparameter", "system.management.automation.switchparameter"})


@dataclass(slots=True, eq=False)
class CommandSpec:
    """A command's parameters and `[CmdletBinding()]` options.

    `advanced`: cmdlets and [CmdletBinding()]/[Parameter()] functions — they get the common
    parameters and reject unbound arguments; simple functions put those in `$args`.
    `is_cmdlet`: compiled (Python) cmdlets word conversion failures as "Cannot bind
    parameter"; script functions as "Cannot process argument transformation".
    `positional_binding`: for functions without any explicit Position, parameters (except
    switches) take positions in declaration order unless this is False.
    """

    name: str
    parameters: list[ParameterSpec] = field(default_factory=list)
    default_parameter_set: str | None = None
    supports_should_process: bool = False
    advanced: bool = True
    is_cmdlet: bool = True
    positional_binding: bool = True
    _table: Any = field(default=None, repr=False)

    def parameter(self, name: str) -> ParameterSpec | None:
        """The declared (or common) parameter of exactly this name or alias, case-insensitively."""
        from .binder import table_for

        return table_for(self).exact(name)


# --------------------------------------------------------------------------- compact declarations

_SET_OPTION_NAMES = {
    "position": "position",
    "mandatory": "mandatory",
    "pipeline": "value_from_pipeline",
    "by_property_name": "value_from_pipeline_by_property_name",
    "remaining": "value_from_remaining_arguments",
    "help_message": "help_message",
}


def _membership(options: Mapping[str, object]) -> SetMembership:
    unknown = set(options) - set(_SET_OPTION_NAMES)
    if unknown:
        raise TypeError(f"unknown parameter-set options: {sorted(unknown)}")
    return SetMembership(**{_SET_OPTION_NAMES[key]: value for key, value in options.items()})


def p(
    name: str,
    type: str | PSType = "System.Object",
    *,
    aliases: Iterable[str] = (),
    sets: str | Mapping[str, Mapping[str, object]] | None = None,
    validate: Iterable[Validator] = (),
    allow_null: bool = False,
    allow_empty_string: bool = False,
    allow_empty_collection: bool = False,
    default: object = None,
    default_factory: Callable[[Any], object] | None = None,
    help: str | None = None,
    **set_options: object,
) -> ParameterSpec:
    """Declare a parameter; set options: position, mandatory, pipeline, by_property_name,
    remaining, help_message (shared by every set named in a `sets` string)."""
    if isinstance(sets, Mapping):
        if set_options:
            raise TypeError("give set options inside the `sets` mapping")
        memberships = {set_name: _membership(options) for set_name, options in sets.items()}
    else:
        names = [part.strip() for part in sets.split(",")] if sets else [ALL_SETS]
        memberships = {set_name: _membership(set_options) for set_name in names}
    return ParameterSpec(
        name=name,
        type=type,
        aliases=tuple(aliases),
        sets=memberships,
        validators=tuple(validate),
        allow_null=allow_null,
        allow_empty_string=allow_empty_string,
        allow_empty_collection=allow_empty_collection,
        default=default,
        default_factory=default_factory,
        help=help,
    )


def cmdlet(
    name: str,
    parameters: Iterable[ParameterSpec],
    *,
    default_set: str | None = None,
    should_process: bool = False,
) -> CommandSpec:
    """A compiled cmdlet's spec: advanced, positions only where declared."""
    return CommandSpec(
        name=name,
        parameters=list(parameters),
        default_parameter_set=default_set,
        supports_should_process=should_process,
        advanced=True,
        is_cmdlet=True,
        positional_binding=False,
    )


# --------------------------------------------------------------------------- common parameters

ACTION_PREFERENCES = ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend")
ACTION_PREFERENCE_TYPE = "System.Management.Automation.ActionPreference"

COMMON_PARAMETERS: tuple[ParameterSpec, ...] = tuple(
    ParameterSpec(name=name, type=type_name, aliases=(alias,), is_common=True)
    for name, type_name, alias in (
        ("Verbose", "switch", "vb"),
        ("Debug", "switch", "db"),
        ("ErrorAction", ACTION_PREFERENCE_TYPE, "ea"),
        ("WarningAction", ACTION_PREFERENCE_TYPE, "wa"),
        ("InformationAction", ACTION_PREFERENCE_TYPE, "infa"),
        ("ErrorVariable", "System.String", "ev"),
        ("WarningVariable", "System.String", "wv"),
        ("InformationVariable", "System.String", "iv"),
        ("OutVariable", "System.String", "ov"),
        ("OutBuffer", "System.Int32", "ob"),
        ("PipelineVariable", "System.String", "pv"),
    )
)
SHOULD_PROCESS_PARAMETERS: tuple[ParameterSpec, ...] = (
    ParameterSpec(name="WhatIf", type="switch", aliases=("wi",), is_common=True),
    ParameterSpec(name="Confirm", type="switch", aliases=("cf",), is_common=True),
)
COMMON_PARAMETER_NAMES = frozenset(
    spec.name.casefold() for spec in COMMON_PARAMETERS + SHOULD_PROCESS_PARAMETERS
)
