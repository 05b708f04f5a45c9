"""Values for a parameter: ValidateSet members, enum names, and VM, host, switch and cluster
names from the lab."""

from __future__ import annotations

from ...runtime.params import ParameterSpec, ValidateSet
from .candidate import Candidate, matches

# parameter name -> what it names in the lab
_LAB_PARAMETERS = {
    "vmname": "vm", "vm": "vm",
    "computername": "host", "destinationhost": "host",
    "switchname": "switch",
    "cluster": "cluster",
}
# -Name names an existing VM, switch or cluster according to the command's noun (not for New-*)
_NAME_BY_NOUN = {"vm": "vm", "vmswitch": "switch", "cluster": "cluster"}


def value_candidates(ctx, command: str, parameter: ParameterSpec, typed: str) -> list[Candidate] | None:
    """Candidates for the value of `parameter` of `command`, or None when the parameter has no
    known values (the caller falls back to paths)."""
    values = _declared_values(parameter)
    meta = parameter.name
    if values is None:
        kind = _lab_kind(command, parameter.name)
        if kind is None:
            return None
        values, meta = lab_names(ctx, kind), kind.upper() if kind == "vm" else kind
    return [Candidate(_quoted(value), value, meta) for value in values if matches(value, typed)]


def _declared_values(parameter: ParameterSpec) -> list[str] | None:
    for validator in parameter.validators:
        if isinstance(validator, ValidateSet):
            return list(validator.values)
    from ...runtime.types import resolve_type

    name = parameter.type_name.strip()
    name = name.removesuffix("[]")
    pstype = resolve_type(name) if not parameter.is_switch else None
    if pstype is not None and pstype.enum is not None:
        return [member.name for member in pstype.enum]
    return None


def _lab_kind(command: str, parameter: str) -> str | None:
    folded = parameter.casefold()
    if folded == "name":
        verb, _, noun = command.casefold().partition("-")
        return None if verb == "new" else _NAME_BY_NOUN.get(noun)
    return _LAB_PARAMETERS.get(folded)


def lab_names(ctx, kind: str) -> list[str]:
    """Names of the lab's VMs, hosts, virtual switches or clusters, sorted and without repeats."""
    handle = ctx.services.get("lab")
    if handle is None:
        return []
    lab = handle.lab
    if kind == "vm":
        names = [vm.name for host in lab.hosts for vm in host.vms]
    elif kind == "host":
        names = [host.name for host in lab.hosts]
    elif kind == "switch":
        names = [switch.name for host in lab.hosts for switch in host.switches]
    else:
        names = [cluster.name for cluster in lab.clusters]
    return sorted(set(names), key=str.casefold)


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'" if any(char in value for char in " '\"$`;,(){}|&") else value
