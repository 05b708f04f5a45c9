"""A command's parameters as completion sees them: which are bound by what is typed so far,
which parameter sets remain possible, and which parameter a positional argument lands on."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...runtime.params import (
    ALL_SETS,
    COMMON_PARAMETERS,
    SHOULD_PROCESS_PARAMETERS,
    CommandSpec,
    ParameterSpec,
)
from .analysis import Element
from .candidate import Candidate, matches


def all_parameters(spec: CommandSpec) -> list[ParameterSpec]:
    """Declared parameters, then the common ones an advanced command accepts."""
    found = list(spec.parameters)
    if spec.advanced:
        found += COMMON_PARAMETERS
        if spec.supports_should_process:
            found += SHOULD_PROCESS_PARAMETERS
    return found


def resolve_parameter(spec: CommandSpec, name: str) -> ParameterSpec | None:
    """The parameter `-name` means: exact name or alias, else a unique prefix."""
    folded = name.casefold()
    parameters = all_parameters(spec)
    for parameter in parameters:
        if parameter.name.casefold() == folded or folded in (alias.casefold() for alias in parameter.aliases):
            return parameter
    prefixed = [parameter for parameter in parameters if parameter.name.casefold().startswith(folded)]
    declared = [parameter for parameter in prefixed if not parameter.is_common]
    prefixed = declared or prefixed
    return prefixed[0] if len(prefixed) == 1 else None


@dataclass
class Binding:
    """What the typed arguments bind: the parameters given (by name or position), the one still
    awaiting its value, the one that took the last argument, and whether a `,` list is open."""

    bound: list[ParameterSpec] = field(default_factory=list)
    pending: ParameterSpec | None = None
    last_target: ParameterSpec | None = None
    after_comma: bool = False


def bind(spec: CommandSpec, elements: list[Element]) -> Binding:
    binding = Binding()
    for element in elements:
        if element.kind == "comma":
            binding.after_comma = True
            continue
        continued, binding.after_comma = binding.after_comma, False
        if element.kind == "parameter":
            parameter = resolve_parameter(spec, element.name)
            binding.pending = None
            if parameter is not None:
                binding.bound.append(parameter)
                if not parameter.is_switch or element.colon:
                    binding.pending = parameter
        elif continued:
            continue
        elif binding.pending is not None:
            binding.last_target, binding.pending = binding.pending, None
        else:
            binding.last_target = positional_parameter(spec, binding.bound)
            if binding.last_target is not None:
                binding.bound.append(binding.last_target)
    return binding


def possible_sets(spec: CommandSpec, bound: list[ParameterSpec]) -> set[str]:
    """The parameter sets still open once `bound` are given (all of them if they conflict)."""
    every = {name for parameter in spec.parameters for name in parameter.sets if name != ALL_SETS}
    possible = set(every)
    for parameter in bound:
        sets = set(parameter.sets) - {ALL_SETS}
        if sets and possible & sets:
            possible &= sets
    return possible


def _in_sets(parameter: ParameterSpec, sets: set[str]) -> bool:
    return ALL_SETS in parameter.sets or not sets or bool(sets & set(parameter.sets))


def parameter_candidates(spec: CommandSpec, bound: list[ParameterSpec], typed: str) -> list[Candidate]:
    """`-Name` completions: parameters of the open sets not given yet, matching `typed`."""
    sets = possible_sets(spec, bound)
    taken = {id(parameter) for parameter in bound}
    return [Candidate(f"-{parameter.name}", f"-{parameter.name}", _type_label(parameter))
            for parameter in all_parameters(spec)
            if id(parameter) not in taken and _in_sets(parameter, sets) and matches(parameter.name, typed)]


def positional_parameter(spec: CommandSpec, bound: list[ParameterSpec]) -> ParameterSpec | None:
    """The parameter the next positional argument binds to: the unbound one of lowest position
    in the sets still open (declaration order for a simple function without positions)."""
    sets = possible_sets(spec, bound)
    taken = {id(parameter) for parameter in bound}
    implicit = (not spec.is_cmdlet and spec.positional_binding and
                not any(member.position is not None for parameter in spec.parameters
                        for member in parameter.sets.values()))
    best: tuple[int, ParameterSpec] | None = None
    for index, parameter in enumerate(spec.parameters):
        if id(parameter) in taken or (implicit and parameter.is_switch):
            continue
        positions = [index] if implicit else [
            member.position for set_name, member in parameter.sets.items()
            if member.position is not None and (set_name == ALL_SETS or not sets or set_name in sets)]
        for position in positions:
            if best is None or position < best[0]:
                best = (position, parameter)
    return best[1] if best else None


def _type_label(parameter: ParameterSpec) -> str:
    name = parameter.type_name
    return "switch" if parameter.is_switch else name.rsplit(".", 1)[-1]
