"""Base class of cmdlets written in Python.

A cmdlet declares `spec` (a `params.CommandSpec`, built with `params.cmdlet(...)`) and
`dotnet_class` (the .NET class name used in FullyQualifiedErrorId, e.g.
'Microsoft.PowerShell.Commands.GetItemCommand'), and overrides `begin`, `process` and `end`.
Bound parameters are in `self.params` (canonical names); `self.input` holds the current
pipeline object (when the cmdlet binds it through a parameter, that parameter holds it too).
"""

from __future__ import annotations

from typing import ClassVar

from . import errors as E
from .objects import VOID


class Cmdlet:
    spec: ClassVar[object]
    dotnet_class: ClassVar[str] = ""

    def __init__(self, ctx, invocation: E.InvocationInfo, params: dict, parameter_set: str | None,
                 bound: set[str]) -> None:
        self.ctx = ctx
        self.invocation = invocation
        self.params = params
        self.parameter_set = parameter_set
        self.bound = bound  # names given explicitly (or from the pipeline)
        self.out = None  # the sink, set by the pipeline
        self.input: object = None
        self.has_input = False  # whether the current `process` call carries a pipeline object

    # ------------------------------------------------------------------ life cycle

    def begin(self) -> None:
        """Before the first pipeline object."""

    def process(self) -> None:
        """Once per pipeline object (once with no input when first in the pipeline)."""

    def end(self) -> None:
        """After the last pipeline object."""

    # ------------------------------------------------------------------ helpers

    @property
    def name(self) -> str:
        return self.spec.name

    def param(self, name: str, default: object = None) -> object:
        value = self.params.get(name, default)
        return default if value is None else value

    def given(self, name: str) -> bool:
        return name in self.bound

    def write(self, value: object, enumerate_collection: bool = False) -> None:
        """WriteObject: a list is written as one object unless `enumerate_collection`."""
        if value is VOID:
            return
        if enumerate_collection and isinstance(value, list):
            for item in value:
                self.out.append(item)
        else:
            self.out.append(value)

    def _stamp(self, error: E.PSException, target: object = None) -> E.PSException:
        record = error.record
        if target is not None and record.target is None:
            record.target = target
        invocation = record.invocation
        if invocation.command_name is None:
            invocation.command_name = self.invocation.command_name
            invocation.command_type = self.dotnet_class or None
        if invocation.position is None:
            invocation.position = self.invocation.position
        return error

    def error(self, error: E.PSException, target: object = None) -> None:
        """WriteError: a non-terminating error, subject to -ErrorAction."""
        self.ctx.write_error_record(self._stamp(error, target).record)

    def fail(self, error: E.PSException, target: object = None) -> E.PSException:
        """ThrowTerminatingError: `raise self.fail(...)`."""
        return self._stamp(error, target)

    def warning(self, text: str) -> None:
        self.ctx.write_warning(text)

    def verbose(self, text: str) -> None:
        self.ctx.write_verbose(text)

    def debug(self, text: str) -> None:
        self.ctx.write_debug(text)

    def progress(self, record: object) -> None:
        if str(self.ctx.preference("ProgressPreference")).casefold() != "silentlycontinue":
            self.ctx.host.progress(record)

    def should_process(self, target: str, action: str | None = None) -> bool:
        """ShouldProcess: under -WhatIf print PowerShell's `What if:` line and refuse."""
        action = action or self.name
        message = f'Performing the operation "{action}" on target "{target}".'
        if self.ctx.whatif_enabled():
            self.ctx.write_information(f"What if: {message}", from_host=True)
            return False
        if self.ctx.frame.verbose:
            self.ctx.write_verbose(message)
        return True
