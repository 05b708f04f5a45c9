"""PowerShell remoting against the lab's hosts: Invoke-Command, *-PSSession, Enter/Exit-PSSession.

A "remote" command runs in this process, with `$env:COMPUTERNAME` set to the lab host it
runs on (the Hyper-V cmdlets take that as their local host) and `ctx.services['remote_host']`
naming that host while it runs; both are restored afterwards. Enter-PSSession keeps them
until Exit-PSSession, and the REPL shows `[HV02]: ` before its prompt while
`remote_host` is set. `$using:name` reads the caller's variable, captured before the block
runs.

Results are not serialized: a remote command's output objects stay live, so VM objects can
be piped on into Hyper-V cmdlets as in a local session. Custom objects (PSCustomObject) get
the PSComputerName and RunspaceId note properties, as deserialized objects have them.
"""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import fields, is_dataclass
from typing import Iterator

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject, PSObject, PSType
from ...runtime.operators import like
from ...runtime.params import cmdlet, p
from ...runtime.types import register_type

CORE = "Microsoft.PowerShell.Commands"
_SESSIONS = "pssessions"
_REMOTE = "remote_host"


class PSSession(DotNetObject):
    """System.Management.Automation.Runspaces.PSSession to one lab host."""

    ps_type_names = ("System.Management.Automation.Runspaces.PSSession", "System.Object")
    ps_properties = ("ComputerName", "ComputerType", "State", "ConfigurationName", "InstanceId", "Id", "Name",
                     "Availability", "Transport")

    def __init__(self, session_id: int, name: str | None, computer_name: str, host_name: str,
                 configuration: str) -> None:
        self.Id = session_id
        self.Name = name or f"Session{session_id}"
        self.ComputerName = computer_name
        self.host_name = host_name  # the lab host's own spelling
        self.ComputerType = "RemoteMachine"
        self.ConfigurationName = configuration
        self.InstanceId = uuid.UUID(int=session_id, version=4)
        self.State = "Opened"
        self.Availability = "Available"
        self.Transport = "WSMan"
        self.runspace_id = uuid.UUID(int=0x5E55 << 64 | session_id, version=4)

    def close(self) -> None:
        self.State = "Closed"
        self.Availability = "None"

    def ps_to_string(self) -> str:
        return f"[PSSession]{self.Name}"


register_type(PSType(PSSession.ps_type_names[0], is_instance=lambda value: isinstance(value, PSSession)),
              python_class=PSSession)


def sessions_of(ctx) -> list[PSSession]:
    return ctx.services.setdefault(_SESSIONS, [])


def remote_host(ctx) -> str | None:
    """The lab host the current command runs on through remoting, or None when local."""
    return ctx.services.get(_REMOTE)


def prompt_prefix(ctx) -> str:
    """`[HV02]: ` inside Enter-PSSession, else empty (the REPL puts it before `PS C:\\...>`)."""
    session = ctx.services.get("pssession.entered")
    return f"[{session.ComputerName}]: " if session is not None else ""


def lab_host_name(ctx, name: str) -> str | None:
    """The lab host a computer name reaches (a cluster name reaches its first node that is up)."""
    lab = ctx.services["lab"].lab
    if name.casefold() in (".", "localhost"):
        name = ctx.env.get("COMPUTERNAME") or lab.console_host
    host = lab.find_host(name)
    if host is not None:
        return host.name
    key = name.casefold()
    for cluster in lab.clusters:
        if key in (cluster.name.casefold(), f"{cluster.name}.{cluster.domain}".casefold()):
            node = next((n for n in cluster.nodes if str(n.state) == "Up"), None) or (cluster.nodes or [None])[0]
            return node.name if node is not None else None
    return None


def connection_error(name: str) -> E.PSException:
    """The WinRM error for a computer name that does not resolve."""
    message = (f"Connecting to remote server {name} failed with the following error message : WinRM cannot process "
               "the request. The following error occurred while using Kerberos authentication: Cannot find the "
               f"computer {name}. Verify that the computer exists on the network and that the name provided is "
               "spelled correctly. For more information, see the about_Remote_Troubleshooting Help topic.")
    error = E.PSRemotingTransportException(message, error_id="NetworkPathNotFound", category="OpenError",
                                           target=name)
    error.record.error_details = f"[{name}] {message}"
    return error


@contextlib.contextmanager
def running_on(ctx, host_name: str) -> Iterator[None]:
    """Run the enclosed code as if on `host_name`, through a remote session."""
    saved_computer = ctx.env.get("COMPUTERNAME")
    saved_remote = ctx.services.get(_REMOTE)
    ctx.env["COMPUTERNAME"] = host_name
    ctx.services[_REMOTE] = host_name
    try:
        yield
    finally:
        ctx.env["COMPUTERNAME"] = saved_computer
        if saved_remote is None:
            ctx.services.pop(_REMOTE, None)
        else:
            ctx.services[_REMOTE] = saved_remote


def using_values(ctx, block: object) -> dict[str, object]:
    """The caller's values of the `$using:` variables a script block reads (case-folded names)."""
    node = getattr(getattr(block, "info", None), "node", None)
    found: dict[str, object] = {}
    for variable in _using_variables(node):
        folded = variable.casefold()
        found[folded] = ctx.get_variable(folded)
    return found


def _using_variables(node: object) -> Iterator[str]:
    from ...syntax import ast as A

    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, A.Variable):
            if (current.scope or "").casefold() == "using":
                yield current.name
        elif isinstance(current, list):
            stack.extend(current)
        elif is_dataclass(current):
            stack.extend(getattr(current, item.name) for item in fields(current))


def _tag(value: object, computer: str, runspace_id: uuid.UUID) -> object:
    if type(value) is PSObject:
        value.set("PSComputerName", computer)
        value.set("RunspaceId", runspace_id)
    return value


def _not_supported(cmdlet_obj: Cmdlet, what: str) -> E.PSException:
    return cmdlet_obj.fail(E.PSNotSupportedException(
        f"{what} is not supported by this emulator.", error_id="NotSupported", category="NotImplemented"))


def _open_session(cmdlet_obj: Cmdlet, computer: str, name: str | None = None) -> PSSession | None:
    """A new session to `computer`, or None after writing New-PSSession's connection error."""
    ctx = cmdlet_obj.ctx
    host_name = lab_host_name(ctx, computer)
    if host_name is None:
        error = cmdlet_obj.fail(connection_error(computer), RemoteRunspace())
        error.record.target = RemoteRunspace()
        error.record.invocation.command_type = "PSSessionOpenFailed"
        ctx.write_error_record(error.record)
        return None
    ctx.services["pssession.next_id"] = session_id = ctx.services.get("pssession.next_id", 0) + 1
    configuration = str(cmdlet_obj.param("ConfigurationName", "Microsoft.PowerShell"))
    return PSSession(session_id, name, computer, host_name, configuration)


class RemoteRunspace(DotNetObject):
    """The target of a failed session open, as CategoryInfo shows it."""

    ps_type_names = ("System.Management.Automation.RemoteRunspace", "System.Object")

    def ps_to_string(self) -> str:
        return "System.Management.Automation.RemoteRunspace"


_CONNECTION = [
    p("Credential", "System.Management.Automation.PSCredential", sets="ComputerName,Uri,VMId,VMName,FilePathComputerName,FilePathUri"),
    p("Port", "System.Int32", sets="ComputerName,FilePathComputerName"),
    p("UseSSL", "switch", sets="ComputerName,FilePathComputerName"),
    p("ConfigurationName", "System.String", sets="ComputerName,Uri,VMId,VMName,ContainerId,FilePathComputerName,FilePathUri"),
    p("ApplicationName", "System.String", sets="ComputerName,FilePathComputerName"),
]


class InvokeCommand(Cmdlet):
    spec = cmdlet("Invoke-Command", [
        p("Session", "System.Management.Automation.Runspaces.PSSession[]",
          sets={"Session": dict(position=0), "FilePathRunspace": dict(position=0)}),
        p("ComputerName", "System.String[]", aliases=["Cn"],
          sets={"ComputerName": dict(position=0), "FilePathComputerName": dict(position=0)}),
        *_CONNECTION,
        p("ThrottleLimit", "System.Int32", sets="Session,ComputerName,Uri,FilePathRunspace,FilePathComputerName,"
          "FilePathUri,VMId,VMName,ContainerId"),
        p("ConnectionUri", "System.Uri[]", aliases=["URI", "CU"],
          sets={"Uri": dict(position=0), "FilePathUri": dict(position=0)}),
        p("AsJob", "switch", sets="Session,ComputerName,Uri,FilePathRunspace,FilePathComputerName,FilePathUri,"
          "VMId,VMName,ContainerId"),
        p("InDisconnectedSession", "switch", aliases=["Disconnected"],
          sets="ComputerName,Uri,FilePathComputerName,FilePathUri"),
        p("SessionName", "System.String[]", sets="ComputerName,FilePathComputerName"),
        p("HideComputerName", "switch", aliases=["HCN"],
          sets="Session,ComputerName,Uri,FilePathRunspace,FilePathComputerName,FilePathUri,VMId,VMName,ContainerId"),
        p("JobName", "System.String", sets="Session,ComputerName,Uri,FilePathRunspace,FilePathComputerName,"
          "FilePathUri,ContainerId"),
        p("ScriptBlock", "System.Management.Automation.ScriptBlock", aliases=["Command"], sets={
            "InProcess": dict(position=0, mandatory=True), "Session": dict(position=1, mandatory=True),
            "ComputerName": dict(position=1, mandatory=True), "Uri": dict(position=1, mandatory=True),
            "VMId": dict(position=1, mandatory=True), "VMName": dict(position=1, mandatory=True),
            "ContainerId": dict(position=1, mandatory=True)}),
        p("NoNewScope", "switch", sets="InProcess"),
        p("FilePath", "System.String", aliases=["PSPath"], sets={
            "FilePathRunspace": dict(position=1, mandatory=True), "FilePathComputerName": dict(position=1, mandatory=True),
            "FilePathUri": dict(position=1, mandatory=True), "FilePathVMId": dict(position=1, mandatory=True),
            "FilePathVMName": dict(position=1, mandatory=True), "FilePathContainerId": dict(position=1, mandatory=True)}),
        p("AllowRedirection", "switch", sets="Uri,FilePathUri"),
        p("SessionOption", "System.Management.Automation.Remoting.PSSessionOption",
          sets="ComputerName,Uri,FilePathComputerName,FilePathUri"),
        p("Authentication", "System.Management.Automation.Runspaces.AuthenticationMechanism",
          sets="ComputerName,Uri,FilePathComputerName,FilePathUri"),
        p("EnableNetworkAccess", "switch", sets="Session,ComputerName,Uri,FilePathRunspace,FilePathComputerName,FilePathUri"),
        p("RunAsAdministrator", "switch", sets="ContainerId,FilePathContainerId"),
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True),
        p("ArgumentList", "System.Object[]", aliases=["Args"]),
        p("VMId", "System.Guid[]", aliases=["VMGuid"], sets={
            "VMId": dict(position=0, mandatory=True, by_property_name=True),
            "FilePathVMId": dict(position=0, mandatory=True, by_property_name=True)}),
        p("VMName", "System.String[]", sets={"VMName": dict(mandatory=True, by_property_name=True),
                                            "FilePathVMName": dict(mandatory=True, by_property_name=True)}),
        p("ContainerId", "System.String[]", sets={"ContainerId": dict(mandatory=True, by_property_name=True),
                                                 "FilePathContainerId": dict(mandatory=True, by_property_name=True)}),
        p("CertificateThumbprint", "System.String", sets="ComputerName,Uri,FilePathComputerName,FilePathUri"),
    ], default_set="InProcess")
    dotnet_class = f"{CORE}.InvokeCommandCommand"

    def begin(self) -> None:
        set_name = self.parameter_set or "InProcess"
        if set_name.startswith("FilePath"):
            raise _not_supported(self, "Invoke-Command -FilePath")
        if set_name in ("Uri", "VMId", "VMName", "ContainerId"):
            what = {"Uri": "-ConnectionUri", "VMId": "PowerShell Direct (-VMId)", "VMName": "PowerShell Direct (-VMName)",
                    "ContainerId": "-ContainerId"}[set_name]
            raise _not_supported(self, f"Invoke-Command {what}")
        for name in ("AsJob", "InDisconnectedSession", "SessionOption", "CertificateThumbprint"):
            if self.params.get(name):
                raise _not_supported(self, f"Invoke-Command -{name}")
        self.inputs: list = []
        self.block = self.params["ScriptBlock"]
        self.using = using_values(self.ctx, self.block)

    def process(self) -> None:
        if self.has_input:
            self.inputs.append(self.params.get("InputObject"))

    def end(self) -> None:
        arguments = list(self.params.get("ArgumentList") or [])
        inputs = self.inputs if self.inputs else None
        if self.parameter_set == "InProcess":
            for item in self.ctx.call(self.block, arguments, new_scope=not self.params.get("NoNewScope"),
                                      input_objects=inputs):
                self.write(item)
            return
        for target in self._targets():
            if isinstance(target, str):
                self.ctx.write_error_record(_broken(connection_error(target)).record)
                continue
            self._run_on(target, arguments, inputs)

    def _targets(self) -> list[PSSession | str]:
        """The sessions to run in: given ones, or a temporary one per computer (a name when unreachable)."""
        if self.parameter_set == "Session":
            sessions = self.params.get("Session") or []
            return [session for session in sessions if isinstance(session, PSSession)]
        targets: list[PSSession | str] = []
        for computer in self.params.get("ComputerName") or ["localhost"]:
            computer = str(computer)
            host_name = lab_host_name(self.ctx, computer)
            targets.append(PSSession(0, None, computer, host_name, "Microsoft.PowerShell") if host_name else computer)
        return targets

    def _run_on(self, session: PSSession, arguments: list, inputs: list | None) -> None:
        ctx = self.ctx
        if session.State != "Opened":
            raise self.fail(E.InvalidOperationException(
                f"Because the session state for session {session.Name}, {session.InstanceId}, {session.ComputerName} "
                "is not equal to Open, you cannot run a command in the session.  The session state is "
                f"{session.State}.", error_id="InvalidSessionState", category="InvalidOperation", target=session))
        saved_using = ctx.using_values
        ctx.using_values = self.using
        try:
            with running_on(ctx, session.host_name):
                output = ctx.call(self.block, arguments, input_objects=inputs)
        finally:
            ctx.using_values = saved_using
        for item in output:
            self.write(item if self.params.get("HideComputerName") else _tag(item, session.ComputerName,
                                                                              session.runspace_id))


def _broken(error: E.PSException) -> E.PSException:
    """Invoke-Command reports connection failures as the broken session's error (no command name)."""
    error.record.invocation.command_type = "PSSessionStateBroken"
    return error


class NewPSSession(Cmdlet):
    spec = cmdlet("New-PSSession", [
        p("ComputerName", "System.String[]", aliases=["Cn"], sets={"ComputerName": dict(position=0)}),
        p("Credential", "System.Management.Automation.PSCredential", sets="ComputerName,Uri,VMId,VMName"),
        p("Name", "System.String[]"),
        p("EnableNetworkAccess", "switch", sets="ComputerName,Uri,Session"),
        p("ConfigurationName", "System.String", sets="ComputerName,Uri,VMId,VMName,ContainerId"),
        p("Port", "System.Int32", sets="ComputerName"),
        p("UseSSL", "switch", sets="ComputerName"),
        p("ApplicationName", "System.String", sets="ComputerName"),
        p("ThrottleLimit", "System.Int32", sets="ComputerName,Uri,Session,VMId,VMName,ContainerId"),
        p("ConnectionUri", "System.Uri[]", aliases=["URI", "CU"], sets={"Uri": dict(position=0, mandatory=True)}),
        p("AllowRedirection", "switch", sets="Uri"),
        p("Session", "System.Management.Automation.Runspaces.PSSession[]",
          sets={"Session": dict(position=0, pipeline=True)}),
        p("SessionOption", "System.Management.Automation.Remoting.PSSessionOption", sets="ComputerName,Uri"),
        p("Authentication", "System.Management.Automation.Runspaces.AuthenticationMechanism", sets="ComputerName,Uri"),
        p("CertificateThumbprint", "System.String", sets="ComputerName,Uri"),
        p("VMId", "System.Guid[]", aliases=["VMGuid"], sets={"VMId": dict(position=0, mandatory=True,
                                                                          by_property_name=True)}),
        p("VMName", "System.String[]", sets={"VMName": dict(mandatory=True, by_property_name=True)}),
        p("ContainerId", "System.String[]", sets={"ContainerId": dict(mandatory=True, by_property_name=True)}),
        p("RunAsAdministrator", "switch", sets="ContainerId"),
    ], default_set="ComputerName")
    dotnet_class = f"{CORE}.NewPSSessionCommand"

    def process(self) -> None:
        if self.parameter_set in ("Uri", "VMId", "VMName", "ContainerId"):
            raise _not_supported(self, f"New-PSSession -{ {'Uri': 'ConnectionUri'}.get(self.parameter_set, self.parameter_set)}")
        for name in ("SessionOption", "CertificateThumbprint"):
            if self.given(name):
                raise _not_supported(self, f"New-PSSession -{name}")
        names = [str(n) for n in self.params.get("Name") or []]
        if self.parameter_set == "Session":
            computers = [s.ComputerName for s in self.params.get("Session") or [] if isinstance(s, PSSession)]
        else:
            computers = [str(c) for c in self.params.get("ComputerName") or ["localhost"]]
        for index, computer in enumerate(computers):
            session = _open_session(self, computer, names[index] if index < len(names) else None)
            if session is not None:
                sessions_of(self.ctx).append(session)
                self.write(session)


def _session_filter(cmdlet_obj: Cmdlet) -> list[PSSession]:
    """The sessions named by -Session, -Id, -Name, -InstanceId or -ComputerName (all without any)."""
    sessions = sessions_of(cmdlet_obj.ctx)
    params = cmdlet_obj.params
    if params.get("Session") is not None:
        return [s for s in params["Session"] if isinstance(s, PSSession)]
    if params.get("Id") is not None:
        ids = {int(i) for i in params["Id"]}
        return [s for s in sessions if s.Id in ids]
    if params.get("Name") is not None:
        return [s for s in sessions if any(like(s.Name, str(n)) for n in params["Name"])]
    if params.get("InstanceId") is not None:
        wanted = {str(i).casefold() for i in params["InstanceId"]}
        return [s for s in sessions if str(s.InstanceId).casefold() in wanted]
    if params.get("ComputerName") is not None:
        return [s for s in sessions if any(like(s.ComputerName, str(c)) for c in params["ComputerName"])]
    return list(sessions)


class GetPSSession(Cmdlet):
    spec = cmdlet("Get-PSSession", [
        p("ComputerName", "System.String[]", aliases=["Cn"], sets={"ComputerName": dict(position=0, mandatory=True),
                                                                  "ComputerInstanceId": dict(position=0, mandatory=True)}),
        p("ApplicationName", "System.String", sets="ComputerName,ComputerInstanceId"),
        p("ConfigurationName", "System.String", sets="ComputerName,ComputerInstanceId,ConnectionUri,"
          "ConnectionUriInstanceId,VMName,ContainerId,VMId"),
        p("ConnectionUri", "System.Uri[]", aliases=["URI", "CU"], sets={
            "ConnectionUri": dict(position=0, mandatory=True), "ConnectionUriInstanceId": dict(position=0, mandatory=True)}),
        p("AllowRedirection", "switch", sets="ConnectionUri,ConnectionUriInstanceId"),
        p("Name", "System.String[]", sets="ComputerName,ConnectionUri,VMName,ContainerId,VMId,Name"),
        p("InstanceId", "System.Guid[]", sets={"ComputerInstanceId": {}, "ConnectionUriInstanceId": {},
                                               "InstanceId": dict(mandatory=True), "VMName": {}, "ContainerId": {},
                                               "VMId": {}}),
        p("Port", "System.Int32", sets="ComputerName,ComputerInstanceId"),
        p("UseSSL", "switch", sets="ComputerName,ComputerInstanceId"),
        p("Credential", "System.Management.Automation.PSCredential", sets="ComputerName,ComputerInstanceId,"
          "ConnectionUri,ConnectionUriInstanceId"),
        p("Authentication", "System.Management.Automation.Runspaces.AuthenticationMechanism",
          sets="ComputerName,ComputerInstanceId,ConnectionUri,ConnectionUriInstanceId"),
        p("CertificateThumbprint", "System.String", sets="ComputerName,ComputerInstanceId,ConnectionUri,"
          "ConnectionUriInstanceId"),
        p("VMName", "System.String[]", sets={"VMName": dict(mandatory=True, by_property_name=True)}),
        p("ContainerId", "System.String[]", sets={"ContainerId": dict(mandatory=True, by_property_name=True)}),
        p("VMId", "System.Guid[]", aliases=["VMGuid"], sets={"VMId": dict(mandatory=True, by_property_name=True)}),
        p("State", "Microsoft.PowerShell.Commands.SessionFilterState", sets="ComputerName,ComputerInstanceId,"
          "ConnectionUri,ConnectionUriInstanceId,VMName,ContainerId,VMId"),
        p("ThrottleLimit", "System.Int32", sets="ComputerName,ComputerInstanceId,ConnectionUri,ConnectionUriInstanceId"),
        p("SessionOption", "System.Management.Automation.Remoting.PSSessionOption",
          sets="ComputerName,ComputerInstanceId,ConnectionUri,ConnectionUriInstanceId"),
        p("Id", "System.Int32[]", sets={"Id": dict(position=0, mandatory=True)}),
    ], default_set="Name")
    dotnet_class = f"{CORE}.GetPSSessionCommand"

    def process(self) -> None:
        if self.parameter_set in ("ConnectionUri", "ConnectionUriInstanceId", "VMName", "ContainerId", "VMId"):
            raise _not_supported(self, f"Get-PSSession with the {self.parameter_set} parameter set")
        for session in _session_filter(self):
            self.write(session)


class RemovePSSession(Cmdlet):
    spec = cmdlet("Remove-PSSession", [
        p("Id", "System.Int32[]", sets={"Id": dict(position=0, mandatory=True, by_property_name=True)}),
        p("Session", "System.Management.Automation.Runspaces.PSSession[]",
          sets={"Session": dict(position=0, mandatory=True, pipeline=True, by_property_name=True)}),
        p("ContainerId", "System.String[]", sets={"ContainerId": dict(mandatory=True, by_property_name=True)}),
        p("VMId", "System.Guid[]", aliases=["VMGuid"], sets={"VMId": dict(mandatory=True, by_property_name=True)}),
        p("VMName", "System.String[]", sets={"VMName": dict(mandatory=True, by_property_name=True)}),
        p("InstanceId", "System.Guid[]", sets={"InstanceId": dict(mandatory=True, by_property_name=True)}),
        p("Name", "System.String[]", sets={"Name": dict(mandatory=True, by_property_name=True)}),
        p("ComputerName", "System.String[]", aliases=["Cn"],
          sets={"ComputerName": dict(position=0, mandatory=True, by_property_name=True)}),
    ], default_set="Id", should_process=True)
    dotnet_class = f"{CORE}.RemovePSSessionCommand"

    def process(self) -> None:
        if self.parameter_set in ("ContainerId", "VMId", "VMName"):
            raise _not_supported(self, f"Remove-PSSession -{self.parameter_set}")
        sessions = sessions_of(self.ctx)
        for session in _session_filter(self):
            if not self.should_process(session.ComputerName, "Remove"):
                continue
            session.close()
            if session in sessions:
                sessions.remove(session)


class EnterPSSession(Cmdlet):
    spec = cmdlet("Enter-PSSession", [
        p("ComputerName", "System.String", aliases=["Cn"], sets={"ComputerName": dict(position=0, mandatory=True,
                                                                                       by_property_name=True)}),
        p("EnableNetworkAccess", "switch", sets="ComputerName,Uri,Session"),
        p("Credential", "System.Management.Automation.PSCredential", sets="ComputerName,Uri,VMId,VMName"),
        p("Port", "System.Int32", sets="ComputerName"),
        p("UseSSL", "switch", sets="ComputerName"),
        p("ConfigurationName", "System.String", sets="ComputerName,Uri,VMId,VMName,ContainerId"),
        p("ApplicationName", "System.String", sets="ComputerName"),
        p("Session", "System.Management.Automation.Runspaces.PSSession",
          sets={"Session": dict(position=0, pipeline=True, by_property_name=True)}),
        p("ConnectionUri", "System.Uri", aliases=["URI", "CU"], sets={"Uri": dict(position=1, by_property_name=True)}),
        p("AllowRedirection", "switch", sets="Uri"),
        p("SessionOption", "System.Management.Automation.Remoting.PSSessionOption", sets="ComputerName,Uri"),
        p("Authentication", "System.Management.Automation.Runspaces.AuthenticationMechanism", sets="ComputerName,Uri"),
        p("CertificateThumbprint", "System.String", sets="ComputerName,Uri"),
        p("InstanceId", "System.Guid", sets={"InstanceId": dict(by_property_name=True)}),
        p("Id", "System.Int32", sets={"Id": dict(position=0, by_property_name=True)}),
        p("Name", "System.String", sets={"Name": dict(by_property_name=True)}),
        p("VMId", "System.Guid", aliases=["VMGuid"], sets={"VMId": dict(position=0, mandatory=True,
                                                                        by_property_name=True)}),
        p("VMName", "System.String", sets={"VMName": dict(position=0, mandatory=True, by_property_name=True)}),
        p("ContainerId", "System.String", sets={"ContainerId": dict(mandatory=True, by_property_name=True)}),
        p("RunAsAdministrator", "switch", sets="ContainerId"),
    ], default_set="ComputerName")
    dotnet_class = f"{CORE}.EnterPSSessionCommand"

    def process(self) -> None:
        ctx = self.ctx
        if self.parameter_set in ("Uri", "VMId", "VMName", "ContainerId"):
            raise _not_supported(self, f"Enter-PSSession with the {self.parameter_set} parameter set")
        if ctx.services.get("pssession.entered") is not None:
            raise self.fail(E.InvalidOperationException(
                "Cannot enter a new session while already in a remote session. Run Exit-PSSession first.",
                error_id="RemoteHostDoesNotSupportPushRunspace", category="InvalidArgument"))
        session = self._session()
        if session is None:
            return
        ctx.services["pssession.entered"] = session
        ctx.services["pssession.entered.saved"] = (ctx.env.get("COMPUTERNAME"), ctx.services.get(_REMOTE))
        ctx.env["COMPUTERNAME"] = session.host_name
        ctx.services[_REMOTE] = session.host_name

    def _session(self) -> PSSession | None:
        ctx = self.ctx
        if self.parameter_set == "ComputerName":
            computer = str(self.params["ComputerName"])
            host_name = lab_host_name(ctx, computer)
            if host_name is None:
                error = self.fail(connection_error(computer))
                record = error.record
                record.error_id, record.category, record.error_details = "CreateRemoteRunspaceFailed", "InvalidArgument", None
                record.invocation.command_type = None
                ctx.write_error_record(record)
                return None
            return PSSession(0, None, computer, host_name, "Microsoft.PowerShell")
        matches = _session_filter(self) if self.parameter_set != "Session" else [self.params.get("Session")]
        matches = [session for session in matches if isinstance(session, PSSession)]
        if not matches:
            raise self.fail(E.PSArgumentException(
                "The remote session with the specified parameters cannot be found.", error_id="RemoteRunspaceNotAvailable",
                category="InvalidArgument"))
        return matches[0]


class ExitPSSession(Cmdlet):
    spec = cmdlet("Exit-PSSession", [])
    dotnet_class = f"{CORE}.ExitPSSessionCommand"

    def process(self) -> None:
        ctx = self.ctx
        if ctx.services.pop("pssession.entered", None) is None:
            return
        computer, remote = ctx.services.pop("pssession.entered.saved")
        ctx.env["COMPUTERNAME"] = computer
        if remote is None:
            ctx.services.pop(_REMOTE, None)
        else:
            ctx.services[_REMOTE] = remote
