"""Error records, the .NET exception hierarchy that `catch [Type]` matches, and control flow.

A PowerShell error travels through Python as a `PSException` (a subclass named after the
.NET exception it stands for). Its `record` is the ErrorRecord that `$_`, `$Error` and the
error view show. Flow statements (break, continue, return, exit) travel as `FlowSignal`s,
which are not errors and are never caught by `catch`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .objects import DotNetObject


@dataclass(slots=True)
class Position:
    """Where something happened in a script: the `At line:L char:C` block's data."""

    line: int
    col: int
    line_text: str  # the whole source line
    length: int  # how many characters to underline from `col` (within this line)
    script_path: str | None = None
    offset: int = 0

    def location(self) -> str:
        where = f"{self.script_path}:{self.line}" if self.script_path else f"line:{self.line}"
        return f"At {where} char:{self.col}"


@dataclass(slots=True)
class InvocationInfo:
    command_name: str | None = None  # 'Get-Item', 'Test-WriteError', ...
    command_type: str | None = None  # .NET command class for the FQID suffix, e.g. 'Microsoft.PowerShell.Commands.GetItemCommand'
    position: Position | None = None


class PSException(Exception):
    """Base of every PowerShell-visible exception; stands for System.Exception."""

    dotnet_name = "System.Exception"

    def __init__(
        self,
        message: str = "",
        *,
        error_id: str | None = None,
        category: str = "NotSpecified",
        target: object = None,
        inner: BaseException | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.inner = inner
        self.record: ErrorRecord = ErrorRecord(
            exception=self,
            error_id=error_id or type(self).__name__.removeprefix("PS"),
            category=category,
            target=target,
        )
        self.was_thrown = False  # set by `throw`
        self.script_terminating = False  # `throw`, -ErrorAction Stop: ends the script unless caught

    @classmethod
    def dotnet_names(cls) -> list[str]:
        """This exception's .NET type name and those of its bases, most derived first."""
        return [klass.dotnet_name for klass in cls.__mro__ if issubclass(klass, PSException)]


def _exception(name: str, dotnet: str, base: type[PSException]) -> type[PSException]:
    return type(name, (base,), {"dotnet_name": dotnet, "__module__": __name__})


SystemException = _exception("SystemException", "System.SystemException", PSException)
RuntimeException = _exception(
    "RuntimeException", "System.Management.Automation.RuntimeException", SystemException
)
ArgumentException = _exception("ArgumentException", "System.ArgumentException", SystemException)
ArgumentNullException = _exception("ArgumentNullException", "System.ArgumentNullException", ArgumentException)
ArgumentOutOfRangeException = _exception(
    "ArgumentOutOfRangeException", "System.ArgumentOutOfRangeException", ArgumentException
)
ArithmeticException = _exception("ArithmeticException", "System.ArithmeticException", SystemException)
DivideByZeroException = _exception("DivideByZeroException", "System.DivideByZeroException", ArithmeticException)
OverflowException = _exception("OverflowException", "System.OverflowException", ArithmeticException)
FormatException = _exception("FormatException", "System.FormatException", SystemException)
InvalidCastException = _exception("InvalidCastException", "System.InvalidCastException", SystemException)
InvalidOperationException = _exception(
    "InvalidOperationException", "System.InvalidOperationException", SystemException
)
NotSupportedException = _exception("NotSupportedException", "System.NotSupportedException", SystemException)
NotImplementedException = _exception("NotImplementedException", "System.NotImplementedException", SystemException)
IndexOutOfRangeException = _exception("IndexOutOfRangeException", "System.IndexOutOfRangeException", SystemException)
NullReferenceException = _exception("NullReferenceException", "System.NullReferenceException", SystemException)
KeyNotFoundException = _exception(
    "KeyNotFoundException", "System.Collections.Generic.KeyNotFoundException", SystemException
)
TimeoutException = _exception("TimeoutException", "System.TimeoutException", SystemException)
UnauthorizedAccessException = _exception(
    "UnauthorizedAccessException", "System.UnauthorizedAccessException", SystemException
)
IOException = _exception("IOException", "System.IO.IOException", SystemException)
FileNotFoundException = _exception("FileNotFoundException", "System.IO.FileNotFoundException", IOException)
DirectoryNotFoundException = _exception(
    "DirectoryNotFoundException", "System.IO.DirectoryNotFoundException", IOException
)
WebException = _exception("WebException", "System.Net.WebException", InvalidOperationException)

PSInvalidCastException = _exception(
    "PSInvalidCastException", "System.Management.Automation.PSInvalidCastException", InvalidCastException
)
PSArgumentException = _exception(
    "PSArgumentException", "System.Management.Automation.PSArgumentException", ArgumentException
)
PSArgumentOutOfRangeException = _exception(
    "PSArgumentOutOfRangeException",
    "System.Management.Automation.PSArgumentOutOfRangeException",
    ArgumentOutOfRangeException,
)
PSInvalidOperationException = _exception(
    "PSInvalidOperationException",
    "System.Management.Automation.PSInvalidOperationException",
    InvalidOperationException,
)
PSNotSupportedException = _exception(
    "PSNotSupportedException", "System.Management.Automation.PSNotSupportedException", NotSupportedException
)
ParameterBindingException = _exception(
    "ParameterBindingException", "System.Management.Automation.ParameterBindingException", RuntimeException
)
ParameterBindingValidationException = _exception(
    "ParameterBindingValidationException",
    "System.Management.Automation.ParameterBindingValidationException",
    ParameterBindingException,
)
ValidationMetadataException = _exception(
    "ValidationMetadataException", "System.Management.Automation.ValidationMetadataException", RuntimeException
)
CommandNotFoundException = _exception(
    "CommandNotFoundException", "System.Management.Automation.CommandNotFoundException", RuntimeException
)
ItemNotFoundException = _exception(
    "ItemNotFoundException", "System.Management.Automation.ItemNotFoundException", RuntimeException
)
DriveNotFoundException = _exception(
    "DriveNotFoundException", "System.Management.Automation.DriveNotFoundException", RuntimeException
)
ParseException = _exception("ParseException", "System.Management.Automation.ParseException", RuntimeException)
MethodException = _exception("MethodException", "System.Management.Automation.MethodException", RuntimeException)
MethodInvocationException = _exception(
    "MethodInvocationException", "System.Management.Automation.MethodInvocationException", MethodException
)
PropertyNotFoundException = _exception(
    "PropertyNotFoundException", "System.Management.Automation.PropertyNotFoundException", RuntimeException
)
SetValueInvocationException = _exception(
    "SetValueInvocationException", "System.Management.Automation.SetValueInvocationException", RuntimeException
)
ActionPreferenceStopException = _exception(
    "ActionPreferenceStopException", "System.Management.Automation.ActionPreferenceStopException", RuntimeException
)
PipelineStoppedException = _exception(
    "PipelineStoppedException", "System.Management.Automation.PipelineStoppedException", RuntimeException
)
ScriptCallDepthException = _exception(
    "ScriptCallDepthException", "System.Management.Automation.ScriptCallDepthException", RuntimeException
)
WriteErrorException = _exception(
    "WriteErrorException", "Microsoft.PowerShell.Commands.WriteErrorException", SystemException
)
PSRemotingTransportException = _exception(
    "PSRemotingTransportException",
    "System.Management.Automation.Remoting.PSRemotingTransportException",
    RuntimeException,
)
SandboxViolation = _exception(
    "SandboxViolation", "System.Management.Automation.PSSecurityException", RuntimeException
)

EXCEPTION_TYPES: dict[str, type[PSException]] = {}
"""Every exception class above by its lower-cased .NET full name and short name."""


def register_exception_type(cls: type[PSException]) -> None:
    EXCEPTION_TYPES[cls.dotnet_name.lower()] = cls
    EXCEPTION_TYPES.setdefault(cls.dotnet_name.rsplit(".", 1)[-1].lower(), cls)


for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, PSException):
        register_exception_type(_cls)


class ErrorRecord(DotNetObject):
    """System.Management.Automation.ErrorRecord."""

    ps_type_names = ("System.Management.Automation.ErrorRecord", "System.Object")
    ps_properties = (
        "Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId", "ErrorDetails",
        "InvocationInfo", "ScriptStackTrace", "PipelineIterationInfo",
    )

    def __init__(
        self,
        exception: PSException,
        error_id: str,
        category: str = "NotSpecified",
        target: object = None,
        invocation: InvocationInfo | None = None,
    ) -> None:
        self.exception = exception
        self.error_id = error_id
        self.category = category
        self.target = target
        self.invocation = invocation or InvocationInfo()
        self.error_details: str | None = None
        self.script_stack_trace = ""
        self.activity: str | None = None  # CategoryInfo's [Activity]; None: the command's name
        self.reason: str | None = None  # CategoryInfo's Reason; None: the exception's type name

    @property
    def message(self) -> str:
        return self.error_details or self.exception.message

    @property
    def fully_qualified_error_id(self) -> str:
        command_type = self.invocation.command_type
        return f"{self.error_id},{command_type}" if command_type else self.error_id

    def category_info(self) -> str:
        """`Category: (target:type) [Activity], Reason` as CategoryInfo.ToString() gives it."""
        from .typenames import short_type_name  # local: avoids a cycle at import

        target_name = "" if self.target is None else _ellipsize(_target_text(self.target))
        target_type = "" if self.target is None else short_type_name(self.target)
        activity = self.activity if self.activity is not None else (self.invocation.command_name or "")
        reason = self.reason or type(self.exception).dotnet_name.rsplit(".", 1)[-1]
        return f"{self.category}: ({target_name}:{target_type}) [{activity}], {reason}"

    def ps_get(self, name: str) -> object:
        key = name.casefold()
        if key == "exception":
            return self.exception
        if key == "targetobject":
            return self.target
        if key == "categoryinfo":
            return self.category_info()
        if key == "fullyqualifiederrorid":
            return self.fully_qualified_error_id
        if key == "errordetails":
            return self.error_details
        if key == "invocationinfo":
            return self.invocation
        if key == "scriptstacktrace":
            return self.script_stack_trace
        if key == "pipelineiterationinfo":
            return []
        raise KeyError(name)

    def ps_to_string(self) -> str:
        return self.message


def _ellipsize(text: str) -> str:
    """CategoryInfo shortens long target names to their first and last 15 characters."""
    return text if len(text) <= 40 else f"{text[:15]}...{text[-15:]}"


def _target_text(target: object) -> str:
    if isinstance(target, str):
        return target
    from .convert import to_string

    return to_string(target)


# --------------------------------------------------------------------------- flow


class FlowSignal(BaseException):
    """Non-error transfer of control; BaseException so `except Exception` never eats it."""


class BreakSignal(FlowSignal):
    def __init__(self, label: str | None = None) -> None:
        super().__init__(label)
        self.label = label


class ContinueSignal(FlowSignal):
    def __init__(self, label: str | None = None) -> None:
        super().__init__(label)
        self.label = label


class ReturnSignal(FlowSignal):
    """`return`: the value (if any) has already been written to the output."""


class ExitSignal(FlowSignal):
    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.code = code


class StopPipeline(FlowSignal):
    """Select-Object -First and friends end the upstream pipeline early."""


SessionStateUnauthorizedAccessException = _exception(
    "SessionStateUnauthorizedAccessException",
    "System.Management.Automation.SessionStateUnauthorizedAccessException",
    UnauthorizedAccessException,
)
register_exception_type(SessionStateUnauthorizedAccessException)


def locate_at(error: PSException, code, node) -> PSException:
    """Give an error raised while evaluating `node` its source position (unless it has one).

    A failed conversion inside an expression reaches the user wrapped in a RuntimeException,
    so its CategoryInfo names RuntimeException as the reason, as in PowerShell.
    """
    record = error.record
    invocation = record.invocation
    if invocation.position is None:
        invocation.position = code.position(node)
        if record.reason is None and isinstance(error, InvalidCastException):
            record.reason = "RuntimeException"
    return error


ParameterBindingArgumentTransformationException = _exception(
    "ParameterBindingArgumentTransformationException",
    "System.Management.Automation.ParameterBindingArgumentTransformationException",
    ParameterBindingException,
)
register_exception_type(ParameterBindingArgumentTransformationException)

WildcardPatternException = _exception(
    "WildcardPatternException", "System.Management.Automation.WildcardPatternException", RuntimeException
)
register_exception_type(WildcardPatternException)

VirtualizationException = _exception(
    "VirtualizationException", "Microsoft.HyperV.PowerShell.VirtualizationException", PSException
)
register_exception_type(VirtualizationException)
HostException = _exception("HostException", "System.Management.Automation.Host.HostException", RuntimeException)
register_exception_type(HostException)
CimException = _exception("CimException", "Microsoft.Management.Infrastructure.CimException", PSException)
register_exception_type(CimException)
ClusterCmdletException = _exception(
    "ClusterCmdletException", "Microsoft.FailoverClusters.PowerShell.ClusterCmdletException", PSException
)
register_exception_type(ClusterCmdletException)

SessionStateException = _exception(
    "SessionStateException", "System.Management.Automation.SessionStateException", RuntimeException
)
register_exception_type(SessionStateException)

HelpNotFoundException = _exception(
    "HelpNotFoundException", "System.Management.Automation.HelpNotFoundException", SystemException
)
register_exception_type(HelpNotFoundException)

EventLogException = _exception(
    "EventLogException", "System.Diagnostics.Eventing.Reader.EventLogException", PSException
)
register_exception_type(EventLogException)
