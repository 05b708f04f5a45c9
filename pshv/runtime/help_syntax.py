"""Syntax lines as `Get-Command -Syntax` and Get-Help print them, generated from a CommandSpec.

Windows PowerShell 5.1 (CommandParameterSetInfo): the default parameter set comes first, then
the sets in the order the parameters name them. Within a set: positional parameters by
position, then named mandatory ones, then named optional ones in declaration order, then
`[-WhatIf] [-Confirm]`, and `[<CommonParameters>]`. Type names are shortened the way
ToStringCodeMethods.Type(type, dropNamespaces) does: accelerator names where there is one
(`string`, `int`, `pscredential`), else the name without its namespace (`VirtualMachine`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .params import ALL_SETS, CommandSpec, ParameterSpec, SetMembership

_ACCELERATORS = {
    "system.string": "string", "system.int32": "int", "system.int64": "long", "system.int16": "int16",
    "system.boolean": "bool", "system.double": "double", "system.single": "float", "system.decimal": "decimal",
    "system.byte": "byte", "system.sbyte": "sbyte", "system.char": "char", "system.guid": "guid",
    "system.uint16": "uint16", "system.uint32": "uint32", "system.uint64": "uint64",
    "system.datetime": "datetime", "system.timespan": "timespan", "system.version": "version",
    "system.uri": "uri", "system.array": "array", "system.type": "type", "system.xml.xmldocument": "xml",
    "system.collections.hashtable": "hashtable", "system.text.regularexpressions.regex": "regex",
    "system.management.automation.scriptblock": "scriptblock",
    "system.management.automation.pscredential": "pscredential",
    "system.management.automation.psobject": "psobject",
    "system.management.automation.switchparameter": "switch",
    "system.security.securestring": "securestring", "system.globalization.cultureinfo": "cultureinfo",
    "system.net.ipaddress": "ipaddress", "microsoft.management.infrastructure.ciminstance": "ciminstance",
    "microsoft.management.infrastructure.cimsession": "CimSession",
}
_SHORT_NAMES = {
    "string": "system.string", "int": "system.int32", "int32": "system.int32", "long": "system.int64",
    "int64": "system.int64", "bool": "system.boolean", "boolean": "system.boolean", "guid": "system.guid",
    "datetime": "system.datetime", "timespan": "system.timespan", "hashtable": "system.collections.hashtable",
    "scriptblock": "system.management.automation.scriptblock", "char": "system.char",
    "pscredential": "system.management.automation.pscredential", "double": "system.double",
    "psobject": "system.management.automation.psobject", "object": "system.object", "byte": "system.byte",
    "uint32": "system.uint32", "uint64": "system.uint64", "uint16": "system.uint16", "int16": "system.int16",
    "switch": "system.management.automation.switchparameter", "version": "system.version",
    "float": "system.single", "single": "system.single", "decimal": "system.decimal",
}


def short_type_name(type_name: str) -> str:
    """`System.String[]` -> `string[]`, `Microsoft.HyperV.PowerShell.VirtualMachine` -> `VirtualMachine`."""
    text = type_name.strip()
    suffix = ""
    while text.endswith("[]"):
        text, suffix = text[:-2], suffix + "[]"
    if text.casefold().startswith("system.nullable[") and text.endswith("]"):
        return short_type_name(text[len("system.nullable["):-1]) + suffix
    generic, bracket, arguments = text.partition("[")
    if bracket and arguments.endswith("]"):
        inner = ",".join(short_type_name(part) for part in _split_arguments(arguments[:-1]))
        return f"{generic.rsplit('.', 1)[-1].split('`')[0]}[{inner}]{suffix}"
    folded = _SHORT_NAMES.get(text.casefold(), text.casefold())
    accelerated = _ACCELERATORS.get(folded)
    if accelerated is not None:
        return accelerated + suffix
    return text.rsplit(".", 1)[-1] + suffix


def _split_arguments(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += {"[": 1, "]": -1}.get(char, 0)
        current += char
    return [part for part in parts + [current] if part.strip()]


@dataclass(slots=True)
class SetParameter:
    """One parameter as it stands in one parameter set."""

    spec: ParameterSpec
    membership: SetMembership

    @property
    def name(self) -> str:
        return self.spec.name


def parameter_sets(spec: CommandSpec) -> list[str]:
    """The set names in display order: the default set first, then as the parameters name them."""
    names: list[str] = []
    if spec.default_parameter_set:
        names.append(spec.default_parameter_set)
    for parameter in spec.parameters:
        for set_name in parameter.sets:
            if set_name != ALL_SETS and set_name not in names:
                names.append(set_name)
    return names or [ALL_SETS]


def set_parameters(spec: CommandSpec, set_name: str) -> list[SetParameter]:
    """The declared parameters in one set (those in all sets included), in declaration order."""
    implicit = _implicit_positions(spec)
    found = []
    for parameter in spec.parameters:
        membership = parameter.sets.get(set_name) or parameter.sets.get(ALL_SETS)
        if membership is not None:
            if parameter.name in implicit:
                membership = replace(membership, position=implicit[parameter.name])
            found.append(SetParameter(parameter, membership))
    return found


def _implicit_positions(spec: CommandSpec) -> dict[str, int]:
    """Script functions without any explicit Position: non-switch parameters in declaration order."""
    if spec.is_cmdlet or not spec.positional_binding:
        return {}
    if any(member.position is not None for parameter in spec.parameters for member in parameter.sets.values()):
        return {}
    ordered = [parameter.name for parameter in spec.parameters if not parameter.is_switch]
    return {name: index for index, name in enumerate(ordered)}


def display_order(parameters: list[SetParameter]) -> list[SetParameter]:
    """Positional by position (a later one at the same position wins), named mandatory, named."""
    positional: dict[int, SetParameter] = {}
    mandatory: list[SetParameter] = []
    named: list[SetParameter] = []
    for parameter in parameters:
        position = parameter.membership.position
        if position is not None:
            positional[position] = parameter
        elif parameter.membership.mandatory:
            mandatory.append(parameter)
        else:
            named.append(parameter)
    return [positional[key] for key in sorted(positional)] + mandatory + named


def format_parameter(parameter: SetParameter) -> str:
    name, membership = parameter.name, parameter.membership
    if parameter.spec.is_switch:
        return f"-{name}" if membership.mandatory else f"[-{name}]"
    type_text = short_type_name(parameter.spec.type_name)
    positional = membership.position is not None
    if membership.mandatory:
        return f"[-{name}] <{type_text}>" if positional else f"-{name} <{type_text}>"
    return f"[[-{name}] <{type_text}>]" if positional else f"[-{name} <{type_text}>]"


def set_syntax(spec: CommandSpec, set_name: str) -> str:
    """The parameters of one set as one syntax string (without the command name)."""
    parts = [format_parameter(parameter) for parameter in display_order(set_parameters(spec, set_name))]
    if spec.supports_should_process:
        parts += ["[-WhatIf]", "[-Confirm]"]
    if spec.advanced:
        parts.append("[<CommonParameters>]")
    return " ".join(parts)


def syntax_lines(name: str, spec: CommandSpec) -> list[str]:
    """One line per parameter set: `Get-VM [[-Name] <string[]>] ... [<CommonParameters>]`."""
    lines = []
    for set_name in parameter_sets(spec):
        body = set_syntax(spec, set_name)
        lines.append(f"{name} {body}" if body else name)
    return lines
