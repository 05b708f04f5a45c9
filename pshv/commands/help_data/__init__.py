"""Help records for the emulator's cmdlets, one data module per module group.

A record holds what Get-Help shows beyond what the parameter declarations give: synopsis,
description, parameter descriptions, examples, inputs/outputs, notes and related links.
The text is the emulator's own. `help_record(name)` finds a cmdlet's record; the data
modules are imported only when help is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

GROUPS = ("core", "hyperv", "cluster", "lab")


@dataclass(frozen=True)
class Example:
    title: str
    """The whole title as Get-Help shows it, number included: "Example 1: Move a VM"."""
    code: str
    remarks: str


@dataclass(frozen=True)
class HelpRecord:
    synopsis: str
    description: str
    examples: tuple[Example, ...] = ()
    parameters: dict[str, str] = field(default_factory=dict)
    links: tuple[str, ...] = ()
    inputs: tuple[str, ...] = ("None",)
    outputs: tuple[str, ...] = ()
    notes: str = ""
    wildcards: tuple[str, ...] = ()


def H(synopsis: str, description: str, *examples: tuple[str, str, str], parameters: dict[str, str] | None = None,
      links: tuple[str, ...] = (), inputs: tuple[str, ...] = ("None",), outputs: tuple[str, ...] = (),
      notes: str = "", wildcards: tuple[str, ...] = ()) -> HelpRecord:
    """A record; each example is (title, code, remarks), the title numbered ("Example 1: ...")."""
    return HelpRecord(synopsis, description, tuple(Example(*example) for example in examples), parameters or {},
                      links, inputs, outputs, notes, wildcards)


_RECORDS: dict[str, HelpRecord] | None = None


def all_records() -> dict[str, HelpRecord]:
    """Every record by case-folded cmdlet name."""
    global _RECORDS
    if _RECORDS is None:
        records: dict[str, HelpRecord] = {}
        for group in GROUPS:
            for name, record in import_module(f"{__name__}.{group}").HELP.items():
                records[name.casefold()] = record
        _RECORDS = records
    return _RECORDS


def help_record(name: str) -> HelpRecord | None:
    return all_records().get(name.casefold())
