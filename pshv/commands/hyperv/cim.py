"""CIM sessions (CimCmdlets): New-CimSession, Get-CimSession, Remove-CimSession against lab hosts.

A session names a host; Hyper-V cmdlets given `-CimSession` act on that host.  A bare computer
name bound to a `CimSession` parameter becomes a session too, as Hyper-V's cmdlets allow.
"""

from __future__ import annotations

import uuid

from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject, PSType
from ...runtime.operators import like
from ...runtime.params import cmdlet, p
from ...runtime.types import register_type

CIM_TYPE = "Microsoft.Management.Infrastructure.CimSession"
CIM_COMMANDS = "Microsoft.Management.Infrastructure.CimCmdlets"


class CimSession(DotNetObject):
    ps_type_names = (CIM_TYPE, "System.Object")
    ps_properties = ("Id", "Name", "InstanceId", "ComputerName", "Protocol")

    def __init__(self, computer_name: str, session_id: int = 0) -> None:
        self.Id = session_id
        self.Name = f"CimSession{session_id}"
        self.InstanceId = uuid.uuid4()
        self.ComputerName = computer_name
        self.Protocol = "WSMAN"

    def ps_to_string(self) -> str:
        return self.ComputerName


def register_cim_types() -> None:
    register_type(PSType(CIM_TYPE, is_instance=lambda v: isinstance(v, CimSession),
                         convert_from=_session_for_name), "CimSession", python_class=CimSession)


def _session_for_name(value: object) -> CimSession:
    if isinstance(value, str):
        return CimSession(value)
    raise ValueError("only a computer name converts to a CimSession")


def _sessions(ctx) -> list[CimSession]:
    return ctx.services.setdefault("cim.sessions", [])


class NewCimSession(Cmdlet):
    spec = cmdlet("New-CimSession", [
        p("ComputerName", "System.String[]", aliases=["CN", "ServerName"], position=0, by_property_name=True),
        p("Credential", "System.Management.Automation.PSCredential", sets="CredentialParameterSet", position=1),
        p("Authentication", "System.String", sets="CredentialParameterSet"),
        p("CertificateThumbprint", "System.String", sets="CertificateParameterSet"),
        p("Name", "System.String"),
        p("OperationTimeoutSec", "System.UInt32", aliases=["OT"]),
        p("SkipTestConnection", "switch"),
        p("Port", "System.UInt32"),
        p("SessionOption", "System.Object"),
    ], default_set="CredentialParameterSet")
    dotnet_class = f"{CIM_COMMANDS}.NewCimSessionCommand"

    def process(self) -> None:
        lab = self.ctx.services["lab"].lab
        for name in self.params.get("ComputerName") or ["localhost"]:
            local = name in (".", "") or name.casefold() == "localhost"
            if not local and lab.find_host(name) is None and not any(
                    n.address == name for h in lab.hosts for n in h.nics):
                self.error(E.CimException(
                    "The WinRM client cannot process the request because the server name cannot be resolved.",
                    error_id="HRESULT 0x80338000", category="ConnectionError"))
                continue
            store = _sessions(self.ctx)
            session_id = self.ctx.services.get("cim.next_id", 0) + 1
            self.ctx.services["cim.next_id"] = session_id
            session = CimSession("localhost" if local else name, session_id)
            if self.params.get("Name"):
                session.Name = self.params["Name"]
            store.append(session)
            self.write(session)


def _select(ctx, cmdlet_params: dict, parameter_set: str) -> list[CimSession]:
    store = _sessions(ctx)
    if parameter_set == "SessionIdSet":
        return [s for s in store if s.Id in cmdlet_params["Id"]]
    if parameter_set == "InstanceIdSet":
        return [s for s in store if s.InstanceId in cmdlet_params["InstanceId"]]
    if parameter_set == "NameSet":
        return [s for s in store if any(like(s.Name, n) for n in cmdlet_params["Name"])]
    names = cmdlet_params.get("ComputerName")
    return [s for s in store if names is None or any(like(s.ComputerName, n) for n in names)]


class GetCimSession(Cmdlet):
    spec = cmdlet("Get-CimSession", [
        p("ComputerName", "System.String[]", aliases=["CN", "ServerName"],
          sets={"ComputerNameSet": dict(position=0, by_property_name=True)}),
        p("Id", "System.UInt32[]", sets={"SessionIdSet": dict(position=0, mandatory=True, by_property_name=True)}),
        p("InstanceId", "System.Guid[]", sets={"InstanceIdSet": dict(mandatory=True, by_property_name=True)}),
        p("Name", "System.String[]", sets={"NameSet": dict(mandatory=True, by_property_name=True)}),
    ], default_set="ComputerNameSet")
    dotnet_class = f"{CIM_COMMANDS}.GetCimSessionCommand"

    def process(self) -> None:
        self.write(_select(self.ctx, self.params, self.parameter_set), enumerate_collection=True)


class RemoveCimSession(Cmdlet):
    spec = cmdlet("Remove-CimSession", [
        p("CimSession", "Microsoft.Management.Infrastructure.CimSession[]",
          sets={"CimSessionSet": dict(position=0, mandatory=True, pipeline=True)}),
        p("ComputerName", "System.String[]", aliases=["CN", "ServerName"],
          sets={"ComputerNameSet": dict(position=0, mandatory=True, by_property_name=True)}),
        p("Id", "System.UInt32[]", sets={"SessionIdSet": dict(position=0, mandatory=True, by_property_name=True)}),
        p("InstanceId", "System.Guid[]", sets={"InstanceIdSet": dict(mandatory=True, by_property_name=True)}),
        p("Name", "System.String[]", sets={"NameSet": dict(mandatory=True, by_property_name=True)}),
    ], default_set="CimSessionSet", should_process=True)
    dotnet_class = f"{CIM_COMMANDS}.RemoveCimSessionCommand"

    def process(self) -> None:
        if self.parameter_set == "CimSessionSet":
            chosen = list(self.params["CimSession"])
        else:
            chosen = _select(self.ctx, self.params, self.parameter_set)
        store = _sessions(self.ctx)
        for session in chosen:
            if self.should_process(session.ComputerName):
                store[:] = [s for s in store if s is not session]
