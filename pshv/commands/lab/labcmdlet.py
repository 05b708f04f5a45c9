"""What the Lab cmdlets share: their base class, lab-level errors, host lookup by name, the
"try it on a copy first" rule that keeps the lab's invariants, and time arguments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from ...lab.model import Host, Lab
from ...runtime import errors as E
from ..hyperv.common import HyperVCmdlet

LAB_COMMANDS = "Pshv.Lab.Commands"
"""Namespace of the Lab cmdlets' class names (the FullyQualifiedErrorId suffix)."""
GB = 1024**3


def lab_error(message: str, error_id: str, category: str = "InvalidArgument", target: object = None,
              exception: type[E.PSException] = E.PSArgumentException) -> E.PSException:
    return exception(message, error_id=error_id, category=category, target=target)


def host_not_found(name: str) -> E.PSException:
    return lab_error(f"The lab has no host named '{name}'.", "HostNotFound", "ObjectNotFound", name)


def inconsistent(problems: list[str]) -> str:
    return "The change would leave the lab inconsistent: " + "; ".join(problems) + "."


def violations_after(lab: Lab, change: Callable[[Lab], None]) -> list[str]:
    """Apply `change` to a copy of the lab and list the invariants the result breaks.

    `change` must find what it changes by name (never by object), so that it can then be
    applied to the real lab with the same effect.
    """
    from ...lab.invariants import check_invariants

    trial = lab.model_copy(deep=True)
    change(trial)
    return [str(v) for v in check_invariants(trial)]


def to_seconds(value: object, parameter: str) -> float:
    """A duration given as a TimeSpan (or its text, e.g. '00:05:00') or a number of seconds."""
    from ...runtime.convert import convert_to, to_double
    from ...runtime.types import resolve_type

    try:
        if isinstance(value, str) and ":" in value:
            value = convert_to(value, resolve_type("System.TimeSpan"))
        if isinstance(value, timedelta):
            return value.total_seconds()
        if isinstance(value, bool):
            raise TypeError(value)
        return to_double(value)
    except (E.PSException, TypeError):
        raise lab_error(f"Cannot convert the value of -{parameter} to a TimeSpan or a number of seconds.",
                        "InvalidDuration") from None


def is_datetime(value: object) -> bool:
    return isinstance(value, datetime)


class LabCmdlet(HyperVCmdlet):
    """Base of the Lab cmdlets: the Hyper-V cmdlets' lab access, VM lookup and views."""

    unsupported: tuple[str, ...] = ()

    def find_host(self, name: str) -> Host | None:
        """A host by name, FQDN or address ('.' and 'localhost' mean this computer)."""
        return self.resolve_host(name)

    def hosts_named(self, names: list[str]) -> list[Host]:
        """The hosts of `names`; unknown ones are reported (non-terminating) and skipped."""
        found: list[Host] = []
        for name in names:
            host = self.find_host(name)
            if host is None:
                self.error(host_not_found(name))
            elif not any(host is seen for seen in found):
                found.append(host)
        return found
