"""Session-wide cmdlets: Set-StrictMode, Set-PSDebug, Clear-Host, Get-Host, Invoke-Expression."""

from __future__ import annotations

import uuid

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject
from ...runtime.params import cmdlet, p

CORE = "Microsoft.PowerShell.Commands"
_HOST_INSTANCE = uuid.UUID("6f2a7c3e-52c4-4b8e-9d61-3a0c1e5b7d42")


class SetStrictMode(Cmdlet):
    spec = cmdlet("Set-StrictMode", [
        p("Version", "System.String", aliases=["v"], sets={"Version": dict(mandatory=True)}),
        p("Off", "switch", sets={"Off": dict(mandatory=True)}),
    ], default_set="Version")
    dotnet_class = f"{CORE}.SetStrictModeCommand"

    def end(self) -> None:
        if self.parameter_set == "Off":
            self.ctx.strict_version = 0
            return
        text = self.ctx.to_string(self.params["Version"])
        if text.casefold() == "latest":
            self.ctx.strict_version = 3
            return
        major, _, minor = text.partition(".")
        try:
            number = int(major)
        except ValueError:
            number = -1
        if number < 1 or (minor and not minor.isdigit()):
            raise self.fail(E.PSArgumentException(
                f"The value {text} is not valid for the Version parameter. The valid values are 1.0, 2.0, 3.0, "
                "or Latest.", error_id="InvalidVersion", category="InvalidArgument"))
        self.ctx.strict_version = min(number, 3)


class SetPSDebug(Cmdlet):
    spec = cmdlet("Set-PSDebug", [
        p("Trace", "System.Int32", sets="on"),
        p("Step", "switch", sets="on"),
        p("Strict", "switch", sets="on"),
        p("Off", "switch", sets={"off": dict(mandatory=True)}),
    ], default_set="on")
    dotnet_class = f"{CORE}.SetPSDebugCommand"

    def end(self) -> None:
        if self.parameter_set == "off":
            self.ctx.strict_version = 0
            return
        if self.given("Trace") and self.params.get("Trace") or self.params.get("Step"):
            raise self.fail(E.PSNotSupportedException(
                "Set-PSDebug -Trace and -Step are not supported by the emulator.",
                error_id="PSDebugNotSupported", category="NotImplemented"))
        if self.params.get("Strict"):
            self.ctx.strict_version = max(self.ctx.strict_version, 1)


class ClearHost(Cmdlet):
    spec = cmdlet("Clear-Host", [])
    dotnet_class = f"{CORE}.ClearHostCommand"

    def end(self) -> None:
        self.ctx.host.clear()


class HostInfo(DotNetObject):
    """The console host object (Get-Host, as `$Host` would be)."""

    ps_type_names = ("System.Management.Automation.Internal.Host.InternalHost", "System.Management.Automation.Host.PSHost",
                     "System.Object")
    ps_properties = ("Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture", "PrivateData",
                     "DebuggerEnabled", "IsRunspacePushed", "Runspace")

    def __init__(self, name: str) -> None:
        self.Name = name
        self.Version = "5.1.20348.2849"
        self.InstanceId = _HOST_INSTANCE
        self.UI = "System.Management.Automation.Internal.Host.InternalHostUserInterface"
        self.CurrentCulture = "en-US"
        self.CurrentUICulture = "en-US"
        self.PrivateData = "Microsoft.PowerShell.ConsoleHost+ConsoleColorProxy"
        self.DebuggerEnabled = True
        self.IsRunspacePushed = False
        self.Runspace = "System.Management.Automation.Runspaces.LocalRunspace"

    def ps_to_string(self) -> str:
        return "System.Management.Automation.Internal.Host.InternalHost"


class GetHost(Cmdlet):
    spec = cmdlet("Get-Host", [])
    dotnet_class = f"{CORE}.GetHostCommand"

    def end(self) -> None:
        self.write(HostInfo(getattr(self.ctx.host, "name", "ConsoleHost")))


class InvokeExpression(Cmdlet):
    spec = cmdlet("Invoke-Expression", [
        p("Command", "System.String", position=0, mandatory=True, pipeline=True),
    ])
    dotnet_class = f"{CORE}.InvokeExpressionCommand"

    def process(self) -> None:
        from ...runtime.compiler import Code, Compiler
        from ...runtime.formatting import parse_error_message
        from ...runtime.functions import ScriptBlockValue, compile_scriptblock
        from ...syntax import ParseError, parse

        text = self.params.get("Command") or ""
        try:
            tree = parse(text)
        except ParseError as error:
            first = error.errors[0]
            raise self.fail(E.ParseException(
                parse_error_message(error.errors, text), error_id=getattr(first, "error_id", None) or "ParseException",
                category="ParserError")) from None
        block = ScriptBlockValue(compile_scriptblock(Compiler(Code(text)), tree), self.ctx)
        for value in self.ctx.call(block, [], new_scope=False):
            self.out.append(value)
