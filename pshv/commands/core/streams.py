"""Write-Output, Write-Host, Write-Error, Write-Warning, Write-Verbose, Write-Debug,
Write-Information, Write-Progress."""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import PSObject
from ...runtime.params import ValidateSet, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"

_COLORS = ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
           "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White")


def _text(ctx, value: object) -> str:
    return ctx.to_string(value)


class WriteOutput(Cmdlet):
    spec = cmdlet("Write-Output", [
        p("InputObject", "System.Management.Automation.PSObject[]", position=0, mandatory=True, pipeline=True,
          remaining=True, allow_null=True, allow_empty_string=True, allow_empty_collection=True),
        p("NoEnumerate", "switch"),
    ])
    dotnet_class = f"{UTILITY}.WriteOutputCommand"

    def process(self) -> None:
        value = self.params.get("InputObject")
        if self.params.get("NoEnumerate"):
            self.write(value)
        elif isinstance(value, list):
            self.write(value, enumerate_collection=True)
        else:
            self.write(value)


class WriteHost(Cmdlet):
    spec = cmdlet("Write-Host", [
        p("Object", "System.Object", position=0, pipeline=True, remaining=True, allow_null=True),
        p("NoNewline", "switch"),
        p("Separator", "System.Object"),
        p("ForegroundColor", "System.ConsoleColor", validate=[ValidateSet(*_COLORS)]),
        p("BackgroundColor", "System.ConsoleColor", validate=[ValidateSet(*_COLORS)]),
    ])
    dotnet_class = f"{UTILITY}.WriteHostCommand"

    def process(self) -> None:
        from ...runtime.formatting import write_host_text

        value = self.params.get("Object")
        separator = self.params.get("Separator")
        text = write_host_text([value] if not isinstance(value, list) else value,
                               separator=" " if separator is None else _text(self.ctx, separator),
                               no_newline=True)
        self.ctx.write_information(
            text, from_host=True, newline=not self.params.get("NoNewline"),
            foreground=_color(self.params.get("ForegroundColor")), background=_color(self.params.get("BackgroundColor")))


def _color(value: object) -> str | None:
    if value is None:
        return None
    return getattr(value, "name", None) or str(value)


class WriteError(Cmdlet):
    spec = cmdlet("Write-Error", [
        p("Message", "System.String", sets="NoException", position=0, mandatory=True, pipeline=True,
          allow_null=True, allow_empty_string=True),
        p("Exception", "System.Exception", sets="WithException", mandatory=True),
        p("ErrorRecord", "System.Management.Automation.ErrorRecord", sets="ErrorRecord", mandatory=True),
        p("Category", "System.Management.Automation.ErrorCategory", sets="NoException,WithException"),
        p("ErrorId", "System.String", sets="NoException,WithException"),
        p("TargetObject", "System.Object", sets="NoException,WithException"),
        p("RecommendedAction", "System.String"),
        p("CategoryActivity", "System.String"),
        p("CategoryReason", "System.String"),
        p("CategoryTargetName", "System.String"),
        p("CategoryTargetType", "System.String"),
    ], default_set="NoException")
    dotnet_class = f"{UTILITY}.WriteErrorCommand"

    def process(self) -> None:
        record = self.params.get("ErrorRecord")
        if record is None:
            exception = self.params.get("Exception")
            if not isinstance(exception, E.PSException):
                message = self.params.get("Message") or ""
                exception = E.WriteErrorException(message)
            category = self.params.get("Category")
            exception.record.category = _color(category) or "NotSpecified"
            exception.record.error_id = self.params.get("ErrorId") or "Microsoft.PowerShell.Commands.WriteErrorException"
            exception.record.target = self.params.get("TargetObject")
            record = exception.record
        invocation = record.invocation
        if invocation.command_name is None:
            caller = self.ctx.invocations[-1] if self.ctx.invocations else None
            if caller is not None and caller.command_name:
                # inside a function, 5.1 reports the error as the function's, at its call site
                invocation.command_name = caller.command_name
                invocation.command_type = caller.command_name
                invocation.position = caller.position
            else:
                invocation.command_name = self.invocation.command_name
            record.activity = "Write-Error"
        if invocation.position is None:
            invocation.position = self.invocation.position
        self.ctx.write_error_record(record)


class WriteWarning(Cmdlet):
    spec = cmdlet("Write-Warning", [
        p("Message", "System.String", position=0, mandatory=True, pipeline=True, allow_empty_string=True),
    ])
    dotnet_class = f"{UTILITY}.WriteWarningCommand"

    def process(self) -> None:
        self.ctx.write_warning(self.params.get("Message") or "")


class WriteVerbose(Cmdlet):
    spec = cmdlet("Write-Verbose", [
        p("Message", "System.String", position=0, mandatory=True, pipeline=True, allow_empty_string=True),
    ])
    dotnet_class = f"{UTILITY}.WriteVerboseCommand"

    def process(self) -> None:
        self.ctx.write_verbose(self.params.get("Message") or "")


class WriteDebug(Cmdlet):
    spec = cmdlet("Write-Debug", [
        p("Message", "System.String", position=0, mandatory=True, pipeline=True, allow_empty_string=True),
    ])
    dotnet_class = f"{UTILITY}.WriteDebugCommand"

    def process(self) -> None:
        self.ctx.write_debug(self.params.get("Message") or "")


class WriteInformation(Cmdlet):
    spec = cmdlet("Write-Information", [
        p("MessageData", "System.Object", position=0, mandatory=True),
        p("Tags", "System.String[]", position=1),
    ])
    dotnet_class = f"{UTILITY}.WriteInformationCommand"

    def process(self) -> None:
        self.ctx.write_information(_text(self.ctx, self.params.get("MessageData")))


class WriteProgress(Cmdlet):
    spec = cmdlet("Write-Progress", [
        p("Activity", "System.String", position=0, mandatory=True),
        p("Status", "System.String", position=1),
        p("Id", "System.Int32", position=2),
        p("PercentComplete", "System.Int32"),
        p("SecondsRemaining", "System.Int32"),
        p("CurrentOperation", "System.String"),
        p("ParentId", "System.Int32"),
        p("Completed", "switch"),
        p("SourceId", "System.Int32"),
    ])
    dotnet_class = f"{UTILITY}.WriteProgressCommand"

    def process(self) -> None:
        record = PSObject([
            ("ActivityId", self.params.get("Id") or 0),
            ("ParentActivityId", self.params.get("ParentId") if self.given("ParentId") else -1),
            ("Activity", self.params.get("Activity")),
            ("StatusDescription", self.params.get("Status") or "Processing"),
            ("CurrentOperation", self.params.get("CurrentOperation")),
            ("PercentComplete", self.params.get("PercentComplete") if self.given("PercentComplete") else -1),
            ("SecondsRemaining", self.params.get("SecondsRemaining") if self.given("SecondsRemaining") else -1),
            ("RecordType", "Completed" if self.params.get("Completed") else "Processing"),
        ], type_names=["System.Management.Automation.ProgressRecord", "System.Object"])
        self.progress(record)
