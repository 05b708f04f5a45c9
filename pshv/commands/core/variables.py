"""Get-, Set-, New-, Remove- and Clear-Variable over the runtime's scopes.

Scopes store names case-folded and remember the spelling a variable was created with, which a
wildcard listing shows (automatic variables keep their usual spelling). ReadOnly variables are kept in the scope's
`readonly` set; Constant ones also in the session's constant table (not even -Force changes them).
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject
from ...runtime.params import ValidateSet, cmdlet, p
from ...runtime.scopes import MISSING, Scope

UTILITY = "Microsoft.PowerShell.Commands"
_OPTIONS = ("None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified")
_SPELLINGS = {name.casefold(): name for name in (
    "ErrorActionPreference", "WarningPreference", "VerbosePreference", "DebugPreference", "InformationPreference",
    "ProgressPreference", "ConfirmPreference", "WhatIfPreference", "FormatEnumerationLimit", "MaximumHistoryCount",
    "ErrorView", "HOME", "PSHOME", "PID", "PSCulture", "PSUICulture", "PSEdition", "PSVersionTable", "LASTEXITCODE",
    "NestedPromptLevel", "OFS", "Matches", "PSScriptRoot", "PSCommandPath", "MyInvocation", "PSBoundParameters",
    "Error", "args", "input", "Host", "true", "false", "null")}


class PSVariable(DotNetObject):
    """System.Management.Automation.PSVariable: a live view of one variable."""

    ps_type_names = ("System.Management.Automation.PSVariable", "System.Object")
    ps_properties = ("Name", "Description", "Value", "Visibility", "Module", "ModuleName", "Options", "Attributes")

    def __init__(self, name: str, scope: Scope, options: str = "None") -> None:
        self.Name = name
        self.scope = scope
        self.Description = ""
        self.Visibility = "Public"
        self.Module = None
        self.ModuleName = ""
        self.Options = options
        self.Attributes: list[object] = []

    @property
    def Value(self) -> object:  # noqa: N802
        value = self.scope.values.get(self.Name.casefold(), None)
        return None if value is MISSING else value

    def ps_set(self, name: str, value: object) -> None:
        if name.casefold() != "value":
            raise KeyError(name)
        self.scope.values[self.Name.casefold()] = value

    def ps_to_string(self) -> str:
        return self.Name


def resolve_scope(cmdlet_: Cmdlet, scope_name: object) -> Scope:
    """-Scope: Global, Script, Local, Private, or a number of levels up from the current scope."""
    ctx = cmdlet_.ctx
    if scope_name is None:
        return ctx.scope
    text = ctx.to_string(scope_name).strip()
    folded = text.casefold()
    if folded == "global":
        return ctx.global_scope
    if folded == "script":
        return ctx.scope.nearest("script")
    if folded in ("local", "private"):
        return ctx.scope
    if text.isdigit():
        scope = ctx.scope
        for _ in range(int(text)):
            if scope.parent is None:
                break
            scope = scope.parent
        else:
            return scope
    raise cmdlet_.fail(E.PSArgumentOutOfRangeException(
        f"The scope number '{text}' exceeds the number of active scopes.\r\nParameter name: Scope\r\n"
        f"Actual value was {text}.", error_id="ArgumentOutOfRange", category="InvalidArgument", target=text)
        if text.isdigit() else E.PSArgumentException(
        f"The scope \"{text}\" is not valid.", error_id="Argument", category="InvalidArgument"))


def _constants(ctx) -> dict[int, tuple[Scope, set[str]]]:
    return ctx.services.setdefault("constant_variables", {})


def is_constant(ctx, scope: Scope, folded: str) -> bool:
    entry = _constants(ctx).get(id(scope))
    return entry is not None and entry[0] is scope and folded in entry[1]


def _options(ctx, scope: Scope, folded: str) -> str:
    if is_constant(ctx, scope, folded):
        return "Constant"
    return "ReadOnly" if folded in scope.readonly else "None"


def _visible(ctx, scope: Scope) -> dict[str, Scope]:
    """Every variable visible from `scope`: folded name -> owning scope (innermost wins)."""
    found: dict[str, Scope] = {}
    current: Scope | None = scope
    while current is not None:
        for name in current.values:
            found.setdefault(name, current)
        current = current.parent
    return found


def _spelling(name: str) -> str:
    return _SPELLINGS.get(name.casefold(), name)


class _VariableCmdlet(Cmdlet):
    def _lookup(self, name: str, scoped: bool) -> tuple[Scope | None, str]:
        """The scope holding `name` (only the named scope when -Scope is given)."""
        folded = name.casefold()
        if scoped:
            scope = resolve_scope(self, self.params.get("Scope"))
            return (scope if folded in scope.values else None), folded
        return self.ctx.scope.owner(folded), folded

    def _matches(self, patterns: list[str]) -> list[tuple[str, Scope]]:
        """(name, scope) for every pattern; reports names without wildcards that do not exist."""
        from ...runtime.formatting.properties import has_wildcard, wildcard_match

        given_scope = self.given("Scope")
        pool = ({name: resolve_scope(self, self.params.get("Scope"))
                 for name in resolve_scope(self, self.params.get("Scope")).values}
                if given_scope else _visible(self.ctx, self.ctx.scope))
        include = [str(x) for x in self.params.get("Include") or []]
        exclude = [str(x) for x in self.params.get("Exclude") or []]
        result: list[tuple[str, Scope]] = []
        for pattern in patterns:
            if has_wildcard(pattern):
                for folded in sorted(pool):
                    if wildcard_match(pattern, folded) and self._filtered(folded, include, exclude):
                        owner = pool[folded]
                        result.append((owner.names.get(folded) or _spelling(folded), owner))
                continue
            scope = pool.get(pattern.casefold())
            if scope is None:
                self.error(E.ItemNotFoundException(
                    f"Cannot find a variable with the name '{pattern}'.", error_id="VariableNotFound",
                    category="ObjectNotFound"), pattern)
            elif self._filtered(pattern, include, exclude):
                result.append((pattern, scope))
        return result

    @staticmethod
    def _filtered(name: str, include: list[str], exclude: list[str]) -> bool:
        from ...runtime.formatting.properties import wildcard_match

        if include and not any(wildcard_match(pattern, name) for pattern in include):
            return False
        return not any(wildcard_match(pattern, name) for pattern in exclude)

    def _not_writable(self, name: str) -> E.PSException:
        return E.SessionStateUnauthorizedAccessException(
            f"Cannot overwrite variable {name} because it is read-only or constant.",
            error_id="VariableNotWritable", category="WriteError", target=name)

    def _apply_option(self, scope: Scope, folded: str) -> None:
        option = self.params.get("Option")
        if option is None:
            return
        text = self.ctx.to_string(option).casefold()
        if "constant" in text:
            _constants(self.ctx).setdefault(id(scope), (scope, set()))[1].add(folded)
            scope.readonly.add(folded)
        elif "readonly" in text:
            scope.readonly.add(folded)
        elif text == "none":
            scope.readonly.discard(folded)
        if "private" in text:
            scope.private.add(folded)

    def _variable(self, name: str, scope: Scope) -> PSVariable:
        folded = name.casefold()
        return PSVariable(name, scope, _options(self.ctx, scope, folded))


_SCOPE = p("Scope", "System.String")
_INCLUDE = p("Include", "System.String[]")
_EXCLUDE = p("Exclude", "System.String[]")
_OPTION = p("Option", "System.String", validate=[ValidateSet(*_OPTIONS)])


class GetVariable(_VariableCmdlet):
    spec = cmdlet("Get-Variable", [
        p("Name", "System.String[]", position=0, pipeline=True, by_property_name=True),
        p("ValueOnly", "switch"), _INCLUDE, _EXCLUDE, _SCOPE,
    ])
    dotnet_class = f"{UTILITY}.GetVariableCommand"

    def process(self) -> None:
        names = [str(name) for name in self.params.get("Name") or ["*"]]
        for name, scope in self._matches(names):
            variable = self._variable(name, scope)
            self.write(variable.Value if self.params.get("ValueOnly") else variable)


class SetVariable(_VariableCmdlet):
    spec = cmdlet("Set-Variable", [
        p("Name", "System.String[]", position=0, mandatory=True, by_property_name=True),
        p("Value", "System.Object", position=1, pipeline=True, by_property_name=True, allow_null=True),
        _INCLUDE, _EXCLUDE,
        p("Description", "System.String"), _OPTION,
        p("Force", "switch"),
        p("Visibility", "System.String",
          validate=[ValidateSet("Public", "Private")]),
        p("PassThru", "switch"), _SCOPE,
    ], should_process=True)
    dotnet_class = f"{UTILITY}.SetVariableCommand"

    def begin(self) -> None:
        self._piped: list[object] = []

    def process(self) -> None:
        if self.has_input:
            self._piped.append(self.params.get("Value"))
        else:
            self._assign(self.params.get("Value"))

    def end(self) -> None:
        if self._piped:
            self._assign(self._piped[0] if len(self._piped) == 1 else self._piped)

    def _assign(self, value: object) -> None:
        scope = resolve_scope(self, self.params.get("Scope"))
        for name in [str(name) for name in self.params.get("Name") or []]:
            folded = name.casefold()
            owner = scope
            if folded in owner.readonly and (is_constant(self.ctx, owner, folded) or not self.params.get("Force")):
                self.error(self._not_writable(name), name)
                continue
            if not self.should_process(f"Name: {name} Value: {self.ctx.to_string(value)}", "Set variable"):
                continue
            value_given = self.given("Value") or bool(self._piped)
            if value_given or folded not in owner.values:  # without -Value only the options change
                owner.values[folded] = value
            self._apply_option(owner, folded)
            if self.params.get("PassThru"):
                self.write(self._variable(name, owner))


class NewVariable(_VariableCmdlet):
    spec = cmdlet("New-Variable", [
        p("Name", "System.String", position=0, mandatory=True, by_property_name=True),
        p("Value", "System.Object", position=1, pipeline=True, by_property_name=True, allow_null=True),
        p("Description", "System.String"), _OPTION,
        p("Visibility", "System.String",
          validate=[ValidateSet("Public", "Private")]),
        p("Force", "switch"), p("PassThru", "switch"), _SCOPE,
    ], should_process=True)
    dotnet_class = f"{UTILITY}.NewVariableCommand"

    def process(self) -> None:
        name = str(self.params["Name"])
        folded = name.casefold()
        scope = resolve_scope(self, self.params.get("Scope"))
        if folded in scope.values:
            if not self.params.get("Force"):
                self.error(E.SessionStateException(
                    f"A variable with name '{name}' already exists.", error_id="VariableAlreadyExists",
                    category="ResourceExists"), name)
                return
            if folded in scope.readonly:
                self.error(self._not_writable(name), name)
                return
        if not self.should_process(f"Name: {name} Value: {self.ctx.to_string(self.params.get('Value'))}",
                                   "New variable"):
            return
        scope.values[folded] = self.params.get("Value")
        self._apply_option(scope, folded)
        if self.params.get("PassThru"):
            self.write(self._variable(name, scope))


class RemoveVariable(_VariableCmdlet):
    spec = cmdlet("Remove-Variable", [
        p("Name", "System.String[]", position=0, mandatory=True, by_property_name=True),
        _INCLUDE, _EXCLUDE, p("Force", "switch"), _SCOPE,
    ], should_process=True)
    dotnet_class = f"{UTILITY}.RemoveVariableCommand"

    def process(self) -> None:
        for name, scope in self._matches([str(name) for name in self.params["Name"]]):
            folded = name.casefold()
            if folded in scope.readonly and (is_constant(self.ctx, scope, folded) or not self.params.get("Force")):
                self.error(E.SessionStateUnauthorizedAccessException(
                    f"Cannot remove variable {name} because it is constant or read-only. If the variable is "
                    "read-only, try the operation again specifying the Force option.",
                    error_id="VariableNotRemovable", category="WriteError"), name)
                continue
            if self.should_process(f"Name: {name}", "Remove variable"):
                scope.values.pop(folded, None)
                scope.readonly.discard(folded)


class ClearVariable(_VariableCmdlet):
    spec = cmdlet("Clear-Variable", [
        p("Name", "System.String[]", position=0, mandatory=True, by_property_name=True),
        _INCLUDE, _EXCLUDE, p("Force", "switch"), p("PassThru", "switch"), _SCOPE,
    ], should_process=True)
    dotnet_class = f"{UTILITY}.ClearVariableCommand"

    def process(self) -> None:
        for name, scope in self._matches([str(name) for name in self.params["Name"]]):
            folded = name.casefold()
            if folded in scope.readonly and (is_constant(self.ctx, scope, folded) or not self.params.get("Force")):
                self.error(self._not_writable(name), name)
                continue
            if self.should_process(f"Name: {name}", "Clear variable"):
                scope.values[folded] = None
                if self.params.get("PassThru"):
                    self.write(self._variable(name, scope))
