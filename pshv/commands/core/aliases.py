"""Get-Alias, Set-Alias and New-Alias: built-in aliases from the command table, script ones in scopes."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.commands import CommandInfo
from ...runtime.params import ValidateSet, cmdlet, p
from .variables import resolve_scope

UTILITY = "Microsoft.PowerShell.Commands"


def _all_aliases(ctx) -> dict[str, CommandInfo]:
    """Folded name -> AliasInfo: the command table's, then those defined in visible scopes (inner first)."""
    found: dict[str, CommandInfo] = {}
    scope = ctx.scope
    while scope is not None:
        for folded, target in scope.aliases.items():
            found.setdefault(folded, CommandInfo(folded, "Alias", target=target))
        scope = scope.parent
    for folded, info in ctx.commands.aliases.items():
        found.setdefault(folded, info)
    return found


class GetAlias(Cmdlet):
    spec = cmdlet("Get-Alias", [
        p("Name", "System.String[]", sets={"Default": dict(position=0, pipeline=True, by_property_name=True)}),
        p("Definition", "System.String[]", sets={"Definition": {}}),
        p("Exclude", "System.String[]"),
        p("Scope", "System.String"),
    ], default_set="Default")
    dotnet_class = f"{UTILITY}.GetAliasCommand"

    def process(self) -> None:
        from ...runtime.formatting.properties import has_wildcard, wildcard_match

        aliases = sorted(_all_aliases(self.ctx).values(), key=lambda info: info.Name.casefold())
        exclude = [str(pattern) for pattern in self.params.get("Exclude") or []]
        aliases = [info for info in aliases if not any(wildcard_match(x, info.Name) for x in exclude)]
        if self.parameter_set == "Definition":
            for pattern in [str(x) for x in self.params["Definition"]]:
                matched = [info for info in aliases if wildcard_match(pattern, info.alias_target or "")]
                if not matched and not has_wildcard(pattern):
                    self._not_found(pattern, "definition")
                self.write(matched, enumerate_collection=True)
            return
        for pattern in [str(x) for x in self.params.get("Name") or ["*"]]:
            matched = [info for info in aliases if wildcard_match(pattern, info.Name)]
            if not matched and not has_wildcard(pattern):
                self._not_found(pattern, "name")
            self.write(matched, enumerate_collection=True)

    def _not_found(self, pattern: str, what: str) -> None:
        self.error(E.ItemNotFoundException(
            f"This command cannot find a matching alias because an alias with the {what} '{pattern}' does not "
            "exist.", error_id="ItemNotFoundException", category="ObjectNotFound"), pattern)


_ALIAS_PARAMETERS = [
    p("Name", "System.String", position=0, mandatory=True, by_property_name=True),
    p("Value", "System.String", position=1, mandatory=True, by_property_name=True),
    p("Description", "System.String"),
    p("Option", "System.String", validate=[ValidateSet("None", "ReadOnly", "Constant", "Private", "AllScope",
                                                       "Unspecified")]),
    p("PassThru", "switch"),
    p("Scope", "System.String"),
    p("Force", "switch"),
]


class SetAlias(Cmdlet):
    spec = cmdlet("Set-Alias", _ALIAS_PARAMETERS, should_process=True)
    dotnet_class = f"{UTILITY}.SetAliasCommand"
    _action = "Set Alias"

    def process(self) -> None:
        name, target = str(self.params["Name"]), str(self.params["Value"])
        scope = resolve_scope(self, self.params.get("Scope"))
        if not self._allowed(name, scope):
            return
        if not self.should_process(f"Name: {name} Value: {target}", self._action):
            return
        scope.aliases[name.casefold()] = target
        if self.params.get("PassThru"):
            self.write(CommandInfo(name, "Alias", target=target))

    def _allowed(self, name: str, scope) -> bool:
        return True


class NewAlias(SetAlias):
    spec = cmdlet("New-Alias", _ALIAS_PARAMETERS, should_process=True)
    dotnet_class = f"{UTILITY}.NewAliasCommand"
    _action = "New Alias"

    def _allowed(self, name: str, scope) -> bool:
        exists = name.casefold() in scope.aliases or (scope is self.ctx.global_scope
                                                      and self.ctx.commands.alias(name) is not None)
        if exists and not self.params.get("Force"):
            self.error(E.SessionStateException(
                f"Alias not allowed because an alias with the name '{name}' already exists.",
                error_id="AliasAlreadyExists", category="ResourceExists"), name)
            return False
        return True
