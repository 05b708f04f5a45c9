"""The command table: cmdlets registered lazily by module, aliases, and name resolution.

A command module registers `name -> "package.module:Class"` strings; the class is imported
the first time the command runs or its parameters are needed, so start-up does not grow
with the number of cmdlets. Functions live in scopes (they shadow cmdlets); aliases resolve
first, as in PowerShell (Alias, Function, Cmdlet, then scripts).
"""

from __future__ import annotations

from importlib import import_module
from typing import Iterable

from .objects import DotNetObject


class CommandInfo(DotNetObject):
    """CmdletInfo / FunctionInfo / AliasInfo as Get-Command lists them."""

    ps_properties = ("CommandType", "Name", "Version", "Source", "ModuleName", "Definition", "ParameterSets")

    def __init__(self, name: str, command_type: str, module: str = "", *, target: str | None = None,
                 version: str = "", implementation: object = None, block: object = None) -> None:
        self.Name = name
        self.CommandType = command_type  # 'Cmdlet' | 'Function' | 'Filter' | 'Alias' | 'ExternalScript'
        self.ModuleName = module
        self.Source = module
        self.Version = version
        self._target = target  # "pkg.module:Class" for cmdlets; the command name for aliases
        self._implementation = implementation
        self.block = block  # functions: the ScriptBlock value

    @property
    def ps_type_names(self) -> tuple[str, ...]:  # type: ignore[override]
        kind = {"Cmdlet": "CmdletInfo", "Alias": "AliasInfo", "ExternalScript": "ExternalScriptInfo",
                "Filter": "FilterInfo"}.get(self.CommandType, "FunctionInfo")
        return (f"System.Management.Automation.{kind}", "System.Management.Automation.CommandInfo", "System.Object")

    @property
    def implementation(self) -> object:
        """The cmdlet class, imported on first use."""
        if self._implementation is None and self._target and self.CommandType == "Cmdlet":
            module_name, _, class_name = self._target.partition(":")
            self._implementation = getattr(import_module(module_name), class_name)
        return self._implementation

    @property
    def spec(self):
        if self.CommandType == "Cmdlet":
            return self.implementation.spec
        if self.block is not None:
            return self.block.spec()
        return None

    @property
    def Definition(self) -> str:
        if self.CommandType == "Alias":
            return self._target or ""
        if self.block is not None:
            return self.block.ps_to_string()
        from .help_syntax import syntax_lines

        return "\n".join(syntax_lines(self.Name, self.spec)) if self.spec is not None else ""

    @property
    def ParameterSets(self) -> list[str]:
        spec = self.spec
        if spec is None:
            return []
        names: list[str] = []
        for parameter in spec.parameters:
            for set_name in parameter.sets:
                if set_name not in names and not set_name.startswith("__"):
                    names.append(set_name)
        return names or ["__AllParameterSets"]

    @property
    def DisplayName(self) -> str:
        return f"{self.Name} -> {self._target}" if self.CommandType == "Alias" else self.Name

    @property
    def alias_target(self) -> str | None:
        return self._target if self.CommandType == "Alias" else None

    def ps_to_string(self) -> str:
        return self.Name


class CommandTable:
    def __init__(self) -> None:
        self.cmdlets: dict[str, CommandInfo] = {}
        self.aliases: dict[str, CommandInfo] = {}
        self.modules: dict[str, list[str]] = {}
        self.loaded_modules: set[str] = set()

    def register_module(self, module: str, cmdlets: dict[str, str], *, version: str = "",
                        aliases: dict[str, str] | None = None) -> None:
        """Register a module's cmdlets (name -> "package.module:Class") and aliases."""
        names = self.modules.setdefault(module, [])
        for name, target in cmdlets.items():
            self.cmdlets[name.casefold()] = CommandInfo(name, "Cmdlet", module, target=target, version=version)
            names.append(name)
        for alias, command in (aliases or {}).items():
            self.add_alias(alias, command, module)

    def register_cmdlet_class(self, cls: type, module: str, version: str = "") -> None:
        info = CommandInfo(cls.spec.name, "Cmdlet", module, version=version, implementation=cls)
        self.cmdlets[cls.spec.name.casefold()] = info
        self.modules.setdefault(module, []).append(cls.spec.name)

    def add_alias(self, alias: str, command: str, module: str = "") -> None:
        self.aliases[alias.casefold()] = CommandInfo(alias, "Alias", module, target=command)

    def cmdlet(self, name: str) -> CommandInfo | None:
        return self.cmdlets.get(name.casefold())

    def alias(self, name: str) -> CommandInfo | None:
        return self.aliases.get(name.casefold())

    def resolve(self, name: str, scope) -> CommandInfo | None:
        """Find what `name` runs: alias, function, cmdlet (module-qualified names go to the module)."""
        module, sep, bare = name.rpartition("\\")
        if sep and module and not _looks_like_path(name):
            info = self.cmdlet(bare)
            if info is not None and info.ModuleName.casefold() == module.casefold():
                return info
            function = scope.find_function(bare.casefold())
            return function if function is not None and module else None
        for _ in range(8):  # an alias may name another alias
            alias = self.alias(name) or _scope_alias(scope, name)
            if alias is None:
                break
            name = alias.alias_target or ""
        function = scope.find_function(name.casefold())
        if function is not None:
            return function
        return self.cmdlet(name)

    def all_commands(self, scope) -> Iterable[CommandInfo]:
        yield from self.aliases.values()
        seen: set[str] = set()
        current = scope
        while current is not None:
            for folded, info in current.functions.items():
                if folded not in seen:
                    seen.add(folded)
                    yield info
            current = current.parent
        yield from self.cmdlets.values()


def _scope_alias(scope, name: str) -> CommandInfo | None:
    target = scope.find_alias(name.casefold())
    return CommandInfo(name, "Alias", target=target) if target else None


def _looks_like_path(name: str) -> bool:
    return name.startswith((".", "\\")) or (len(name) > 1 and name[1] == ":") or name.casefold().endswith(".ps1")


