"""Import-Module, Get-Module, Remove-Module over the modules registered in the command table.

Every module the emulator provides is "installed" under the system module folder. A module
counts as loaded when it was imported, when one of its cmdlets has been used (5.1 loads a
module on first use of one of its commands), or when it is one of the modules a 5.1 console
starts with. Other module names fail as in PowerShell: no valid module file found.
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.formatting import Column, register_table_view
from ...runtime.objects import DotNetObject, PSType
from ...runtime.operators import like
from ...runtime.params import cmdlet, p
from ...runtime.types import register_type

CORE = "Microsoft.PowerShell.Commands"
SYSTEM_MODULES = "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules"
STARTUP_MODULES = ("Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility")
SNAPIN = "Microsoft.PowerShell.Core"  # a snap-in in 5.1: always present, never listed by Get-Module
_BINARY = {"Hyper-V", "CimCmdlets"}
_STATE = "modules.loaded"  # ctx.services key: names imported explicitly, in import order
_REMOVED = "modules.removed"


class ModuleInfo(DotNetObject):
    """System.Management.Automation.PSModuleInfo."""

    ps_type_names = ("System.Management.Automation.PSModuleInfo", "System.Object")
    ps_properties = ("ModuleType", "Version", "Name", "ExportedCommands", "Path", "ModuleBase")

    def __init__(self, name: str, version: str, commands: list[str]) -> None:
        self.Name = name
        self.Version = version
        self.ModuleType = "Binary" if name in _BINARY else "Manifest"
        self.ExportedCommands = sorted(commands, key=str.casefold)
        self.ModuleBase = f"{SYSTEM_MODULES}\\{name}"
        self.Path = f"{self.ModuleBase}\\{name}.psd1"

    def ps_to_string(self) -> str:
        return self.Name


register_type(PSType(ModuleInfo.ps_type_names[0], is_instance=lambda value: isinstance(value, ModuleInfo)),
              python_class=ModuleInfo)
register_table_view("System.Management.Automation.PSModuleInfo", [
    Column("ModuleType", "ModuleType", width=10),
    Column("Version", "Version", width=10),
    Column("Name", "Name", width=35),
    "ExportedCommands",
])


def _explicit(ctx) -> list[str]:
    return ctx.services.setdefault(_STATE, [])


def _removed(ctx) -> set[str]:
    return ctx.services.setdefault(_REMOVED, set())


def available_modules(ctx) -> dict[str, str]:
    """Module name -> version, for every module the emulator provides (the snap-in excluded)."""
    table = ctx.commands
    versions = {}
    for name in table.modules:
        if name == SNAPIN:
            continue
        info = next((table.cmdlet(command) for command in table.modules[name]), None)
        versions[name] = info.Version if info is not None else ""
    return versions


def loaded_module_names(ctx) -> list[str]:
    """Names of the loaded modules, the snap-in included."""
    table = ctx.commands
    removed = _removed(ctx)
    names = [SNAPIN]
    for name in [*STARTUP_MODULES, *_explicit(ctx)]:
        if name in table.modules and name not in names and name.casefold() not in removed:
            names.append(name)
    for name, commands in table.modules.items():
        if name in names or name.casefold() in removed:
            continue
        if any(getattr(table.cmdlet(command), "_implementation", None) is not None for command in commands):
            names.append(name)
    return names


def module_info(ctx, name: str) -> ModuleInfo:
    table = ctx.commands
    return ModuleInfo(name, available_modules(ctx).get(name, ""), list(table.modules.get(name, [])))


def _find(names: dict[str, str] | list[str], pattern: str) -> list[str]:
    return [name for name in names if like(name, pattern)]


def _patterns(value: object) -> list[str]:
    return [str(item) for item in (value if isinstance(value, list) else [value])]


class ImportModule(Cmdlet):
    spec = cmdlet("Import-Module", [
        p("Name", "System.String[]", sets={"Name": dict(position=0, mandatory=True, pipeline=True)}),
        p("ModuleInfo", "System.Management.Automation.PSModuleInfo[]",
          sets={"ModuleInfo": dict(position=0, mandatory=True, pipeline=True)}),
        p("Global", "switch"),
        p("Prefix", "System.String"),
        p("Function", "System.String[]"),
        p("Cmdlet", "System.String[]"),
        p("Variable", "System.String[]"),
        p("Alias", "System.String[]"),
        p("Force", "switch"),
        p("PassThru", "switch"),
        p("AsCustomObject", "switch"),
        p("MinimumVersion", "System.Version", aliases=["Version"]),
        p("RequiredVersion", "System.Version"),
        p("ArgumentList", "System.Object[]", aliases=["Args"]),
        p("DisableNameChecking", "switch"),
        p("NoClobber", "switch", aliases=["NoOverwrite"]),
        p("Scope", "System.String"),
    ], default_set="Name")
    dotnet_class = f"{CORE}.ImportModuleCommand"

    def begin(self) -> None:
        for name in ("Prefix", "AsCustomObject", "ArgumentList"):
            if self.given(name):
                raise self.fail(E.PSNotSupportedException(
                    f"The -{name} parameter of Import-Module is not supported by this emulator.",
                    error_id="NotSupported", category="NotImplemented"))

    def process(self) -> None:
        if self.parameter_set == "ModuleInfo":
            for info in self.params["ModuleInfo"] or []:
                self._import(str(getattr(info, "Name", info)))
            return
        available = available_modules(self.ctx)
        for pattern in _patterns(self.params["Name"]):
            matches = _find(available, pattern) or _find([SNAPIN], pattern)
            if not matches:
                self.error(E.FileNotFoundException(
                    f"The specified module '{pattern}' was not loaded because no valid module file was found in any "
                    "module directory.", error_id="Modules_ModuleNotFound", category="ResourceUnavailable",
                    target=pattern))
                continue
            for name in matches:
                self._import(name)

    def _import(self, name: str) -> None:
        ctx = self.ctx
        already = name in loaded_module_names(ctx)
        _removed(ctx).discard(name.casefold())
        if name != SNAPIN and name not in _explicit(ctx):
            _explicit(ctx).append(name)
        if name != SNAPIN and (not already or self.params.get("Force")):
            info = module_info(ctx, name)
            self.verbose(f"Loading module from path '{info.Path}'.")
            for command in info.ExportedCommands:
                self.verbose(f"Importing cmdlet '{command}'.")
        if self.params.get("PassThru") and name != SNAPIN:
            self.write(module_info(ctx, name))


class GetModule(Cmdlet):
    spec = cmdlet("Get-Module", [
        p("Name", "System.String[]", position=0, pipeline=True),
        p("FullyQualifiedName", "Microsoft.PowerShell.Commands.ModuleSpecification[]"),
        p("All", "switch"),
        p("ListAvailable", "switch", sets={"Available": dict(mandatory=True), "PsSession": {}, "CimSession": {}}),
        p("PSEdition", "System.String", sets="Available,PsSession,CimSession"),
        p("Refresh", "switch", sets="Available,PsSession,CimSession"),
        p("PSSession", "System.Management.Automation.Runspaces.PSSession", sets={"PsSession": dict(mandatory=True)}),
        p("CimSession", "Microsoft.Management.Infrastructure.CimSession", sets={"CimSession": dict(mandatory=True)}),
        p("CimResourceUri", "System.Uri", sets="CimSession"),
        p("CimNamespace", "System.String", sets="CimSession"),
    ], default_set="Loaded")
    dotnet_class = f"{CORE}.GetModuleCommand"

    def process(self) -> None:
        for name in ("FullyQualifiedName", "PSSession", "CimSession"):
            if self.given(name):
                raise self.fail(E.PSNotSupportedException(
                    f"The -{name} parameter of Get-Module is not supported by this emulator.",
                    error_id="NotSupported", category="NotImplemented"))
        ctx = self.ctx
        if self.params.get("ListAvailable"):
            candidates = sorted(available_modules(ctx), key=str.casefold)
        else:
            candidates = [name for name in loaded_module_names(ctx) if name != SNAPIN]
            candidates.sort(key=str.casefold)
        patterns = _patterns(self.params["Name"]) if self.params.get("Name") is not None else ["*"]
        for name in candidates:
            if any(like(name, pattern) for pattern in patterns):
                self.write(module_info(ctx, name))


class RemoveModule(Cmdlet):
    spec = cmdlet("Remove-Module", [
        p("Name", "System.String[]", sets={"name": dict(position=0, mandatory=True, pipeline=True)}),
        p("FullyQualifiedName", "Microsoft.PowerShell.Commands.ModuleSpecification[]",
          sets={"FullyQualifiedName": dict(position=0, mandatory=True, pipeline=True)}),
        p("ModuleInfo", "System.Management.Automation.PSModuleInfo[]",
          sets={"ModuleInfo": dict(position=0, mandatory=True, pipeline=True)}),
        p("Force", "switch"),
    ], default_set="name", should_process=True)
    dotnet_class = f"{CORE}.RemoveModuleCommand"

    def process(self) -> None:
        if self.parameter_set == "FullyQualifiedName":
            raise self.fail(E.PSNotSupportedException(
                "The -FullyQualifiedName parameter of Remove-Module is not supported by this emulator.",
                error_id="NotSupported", category="NotImplemented"))
        ctx = self.ctx
        if self.parameter_set == "ModuleInfo":
            patterns = [str(getattr(info, "Name", info)) for info in self.params["ModuleInfo"] or []]
        else:
            patterns = _patterns(self.params["Name"])
        loaded = [name for name in loaded_module_names(ctx) if name != SNAPIN]
        matches = [name for name in loaded if any(like(name, pattern) for pattern in patterns)]
        if not matches:
            self.error(E.InvalidOperationException(
                "No modules were removed. Verify that the specification of modules to remove is correct and those "
                "modules exist in the runspace.", error_id="Modules_NoModulesRemoved",
                category="ResourceUnavailable"))
            return
        for name in matches:
            if self.should_process(name, "Remove-Module"):
                if name in _explicit(ctx):
                    _explicit(ctx).remove(name)
                _removed(ctx).add(name.casefold())
