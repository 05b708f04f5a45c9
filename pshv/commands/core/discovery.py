"""Get-Command: aliases, functions and cmdlets from the command table."""

from __future__ import annotations

import enum

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.commands import CommandInfo
from ...runtime.operators import like
from ...runtime.params import cmdlet, p
from ...runtime.types import register_enum

CORE = "Microsoft.PowerShell.Commands"


class CommandTypes(enum.IntFlag):
    Alias = 1
    Function = 2
    Filter = 4
    Cmdlet = 8
    ExternalScript = 16
    Application = 32
    Script = 64
    Workflow = 128
    Configuration = 256
    All = 511


register_enum(CommandTypes, "System.Management.Automation.CommandTypes")

_TYPE_ORDER = {"Alias": 0, "Function": 1, "Filter": 2, "Cmdlet": 3}
_DEFAULT_TYPES = CommandTypes.Alias | CommandTypes.Function | CommandTypes.Filter | CommandTypes.Cmdlet
_UNSUPPORTED = ("FullyQualifiedModule", "ParameterType", "ShowCommandInfo", "ArgumentList")


class AliasInfo(CommandInfo):
    """An alias as Get-Command writes it: DisplayName (`ft -> Format-Table`) is a property too."""

    ps_properties = ("CommandType", "Name", "DisplayName", "Definition", "ReferencedCommand", "Version", "Source",
                     "ModuleName")

    @property
    def ReferencedCommand(self) -> str:
        return self.alias_target or ""


def alias_view(info: CommandInfo) -> AliasInfo:
    return AliasInfo(info.Name, "Alias", info.ModuleName, target=info.alias_target, version=info.Version)


def session_commands(ctx) -> list[CommandInfo]:
    """Aliases (the table's and those set in scopes), functions, then cmdlets."""
    aliases: dict[str, CommandInfo] = {}
    scope = ctx.scope
    while scope is not None:
        for folded, target in scope.aliases.items():
            aliases.setdefault(folded, AliasInfo(folded, "Alias", target=target))
        scope = scope.parent
    others = []
    for info in ctx.commands.all_commands(ctx.scope):
        if info.CommandType == "Alias":
            aliases.setdefault(info.Name.casefold(), alias_view(info))
        else:
            others.append(info)
    return [*aliases.values(), *others]


def has_wildcard(text: str) -> bool:
    return any(char in text for char in "*?[")


def imported_modules(ctx) -> set[str]:
    """Modules loaded in the session: the core ones, plus those imported or used."""
    from .modules import loaded_module_names

    return {name.casefold() for name in loaded_module_names(ctx)}


def command_syntax(ctx, info: CommandInfo) -> str:
    """What `Get-Command -Syntax` writes: the syntax lines, each after an empty line."""
    from ...runtime.help_syntax import syntax_lines

    if info.CommandType == "Alias":
        target = ctx.commands.resolve(info.alias_target or "", ctx.scope)
        if target is None:
            return f"{info.Name} (alias) -> {info.alias_target}"
        return f"{info.Name} (alias) -> {target.Name}\n" + command_syntax(ctx, target)
    spec = info.spec
    lines = syntax_lines(info.Name, spec) if spec is not None else [info.Name]
    return "".join(f"\n{line}\n" for line in lines)


class GetCommand(Cmdlet):
    spec = cmdlet("Get-Command", [
        p("Name", "System.String[]", sets={"AllCommandSet": dict(position=0, pipeline=True, by_property_name=True)}),
        p("Verb", "System.String[]", sets={"CmdletSet": dict(by_property_name=True)}),
        p("Noun", "System.String[]", sets={"CmdletSet": dict(by_property_name=True)}),
        p("Module", "System.String[]", aliases=["PSSnapin"], by_property_name=True),
        p("FullyQualifiedModule", "Microsoft.PowerShell.Commands.ModuleSpecification[]", by_property_name=True),
        p("CommandType", "System.Management.Automation.CommandTypes", aliases=["Type"],
          sets={"AllCommandSet": dict(by_property_name=True)}),
        p("TotalCount", "System.Int32", by_property_name=True),
        p("Syntax", "switch", by_property_name=True),
        p("ShowCommandInfo", "switch"),
        p("ArgumentList", "System.Object[]", aliases=["Args"], position=1, remaining=True),
        p("All", "switch", by_property_name=True),
        p("ListImported", "switch", by_property_name=True),
        p("ParameterName", "System.String[]"),
        p("ParameterType", "System.Management.Automation.PSTypeName[]"),
    ], default_set="CmdletSet")
    dotnet_class = f"{CORE}.GetCommandCommand"

    def begin(self) -> None:
        for name in _UNSUPPORTED:
            if self.given(name):
                raise self.fail(E.PSNotSupportedException(
                    f"The -{name} parameter of Get-Command is not supported by this emulator.",
                    error_id="NotSupported", category="NotImplemented"))
        self.found: list[CommandInfo] = []

    def process(self) -> None:
        names = self.params.get("Name")
        if names is None:
            self.found.extend(self._matching("*"))
            return
        for name in names if isinstance(names, list) else [names]:
            matches = self._matching(str(name))
            if not matches and not has_wildcard(str(name)):
                self.error(E.CommandNotFoundException(
                    f"The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable "
                    "program. Check the spelling of the name, or if a path was included, verify that the path is "
                    "correct and try again.", error_id="CommandNotFoundException", category="ObjectNotFound",
                    target=str(name)))
            self.found.extend(matches)

    def end(self) -> None:
        seen: set[int] = set()
        results = []
        for info in self.found:
            if id(info) not in seen:
                seen.add(id(info))
                results.append(info)
        if self.params.get("Name") is None or any(has_wildcard(str(n)) for n in self._names()):
            results.sort(key=lambda info: (_TYPE_ORDER.get(info.CommandType, 9), info.Name.casefold()))
        total = self.params.get("TotalCount")
        if total is not None and int(total) >= 0:
            results = results[: int(total)]
        for info in results:
            self.write(command_syntax(self.ctx, info) if self.params.get("Syntax") else info)

    def _names(self) -> list[str]:
        names = self.params.get("Name")
        return [] if names is None else [str(n) for n in (names if isinstance(names, list) else [names])]

    def _matching(self, pattern: str) -> list[CommandInfo]:
        ctx = self.ctx
        if not has_wildcard(pattern):
            resolved = ctx.commands.resolve(pattern, ctx.scope) if "\\" in pattern else None
            candidates = [resolved] if resolved is not None else self._candidates(exact=pattern)
        else:
            candidates = self._candidates()
        bare = pattern.rpartition("\\")[2]
        return [info for info in candidates if like(info.Name, bare) and self._selected(info)]

    def _candidates(self, exact: str | None = None) -> list[CommandInfo]:
        """Every command once per name (the one that runs) unless -All; aliases, functions, cmdlets."""
        ctx = self.ctx
        everything = session_commands(ctx)
        if exact is not None:
            folded = exact.casefold()
            everything = [info for info in everything if info.Name.casefold() == folded]
        if self.params.get("All"):
            return everything
        chosen: dict[str, CommandInfo] = {}
        for info in everything:
            chosen.setdefault(info.Name.casefold(), info)
        return list(chosen.values())

    def _selected(self, info: CommandInfo) -> bool:
        kind = info.CommandType
        wanted = self.params.get("CommandType")
        if wanted is not None:
            if not CommandTypes[kind] & CommandTypes(int(wanted)):
                return False
        elif not CommandTypes[kind] & _DEFAULT_TYPES:
            return False
        if self.parameter_set == "CmdletSet" and kind == "Alias":
            return False
        if not self._name_parts_match(info):
            return False
        modules = self.params.get("Module")
        if modules is not None and not any(like(info.ModuleName, str(m)) for m in _as_list(modules)):
            return False
        if self.params.get("ListImported") and info.CommandType == "Cmdlet":
            if info.ModuleName.casefold() not in imported_modules(self.ctx):
                return False
        wanted_parameters = self.params.get("ParameterName")
        if wanted_parameters is not None:
            return self._has_parameter(info, [str(n) for n in _as_list(wanted_parameters)])
        return True

    def _name_parts_match(self, info: CommandInfo) -> bool:
        verb, _, noun = info.Name.partition("-")
        verbs, nouns = self.params.get("Verb"), self.params.get("Noun")
        if verbs is not None and not (noun and any(like(verb, str(v)) for v in _as_list(verbs))):
            return False
        if nouns is not None and not (noun and any(like(noun, str(n)) for n in _as_list(nouns))):
            return False
        return True

    def _has_parameter(self, info: CommandInfo, patterns: list[str]) -> bool:
        if info.CommandType == "Alias":
            return False
        spec = info.spec
        names = [parameter.name for parameter in spec.parameters] if spec is not None else []
        return any(like(name, pattern) for name in names for pattern in patterns)


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]
