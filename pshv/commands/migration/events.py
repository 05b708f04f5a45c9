"""Get-WinEvent on the lab's event logs (what each host logged: migrations started, completed,
failed with the reason), as EventLogRecord objects in 5.1's default view."""

from __future__ import annotations

import uuid

from ...lab.clock import to_datetime
from ...lab.events import HYPERV_VMMS_ADMIN, LabEvent
from ...lab.model import Host, Lab
from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.convert import convert_to
from ...runtime.formatting import Column, register_table_view
from ...runtime.objects import Int64, PSObject
from ...runtime.operators import like
from ...runtime.params import cmdlet, p
from ...runtime.types import resolve_type

RECORD_TYPES = ["System.Diagnostics.Eventing.Reader.EventLogRecord",
                "System.Diagnostics.Eventing.Reader.EventRecord", "System.Object"]
STANDARD_LOGS = ("Application", "System", "Security", "Setup", HYPERV_VMMS_ADMIN,
                 "Microsoft-Windows-Hyper-V-VMMS-Operational")
PROVIDERS = {HYPERV_VMMS_ADMIN.casefold(): "Microsoft-Windows-Hyper-V-VMMS",
             "microsoft-windows-hyper-v-vmms-operational": "Microsoft-Windows-Hyper-V-VMMS"}
FILTER_KEYS = ("LogName", "Id", "StartTime", "EndTime", "Level", "ProviderName")
_FILTER_KEYS_FOLDED = {key.casefold() for key in FILTER_KEYS}
COMMAND = "Microsoft.PowerShell.Commands.GetWinEventCommand"
_REGISTERED = False


def register_event_views() -> None:
    """Event.format.ps1xml: a table grouped by ProviderName."""
    global _REGISTERED
    if _REGISTERED:
        return
    _REGISTERED = True
    register_table_view(RECORD_TYPES[0], [
        Column("TimeCreated", "TimeCreated", width=26),
        Column("Id", "Id", width=8, alignment="right"),
        Column("LevelDisplayName", "LevelDisplayName", width=16),
        "Message",
    ], group_by="ProviderName", group_label="ProviderName")


def provider_of(log_name: str) -> str:
    return PROVIDERS.get(log_name.casefold(), log_name)


def event_record(lab: Lab, event: LabEvent, record_id: int) -> PSObject:
    host = lab.find_host(event.host)
    provider = provider_of(event.log_name)
    return PSObject([
        ("Message", event.message),
        ("Id", event.event_id),
        ("Version", 0),
        ("Qualifiers", None),
        ("Level", int(event.level)),
        ("Task", 0),
        ("Opcode", 0),
        ("Keywords", Int64(-9223372036854775808)),
        ("RecordId", Int64(record_id)),
        ("ProviderName", provider),
        ("ProviderId", uuid.uuid5(uuid.NAMESPACE_DNS, provider.casefold())),
        ("LogName", event.log_name),
        ("MachineName", host.fqdn if host is not None else event.host),
        ("UserId", None),
        ("TimeCreated", to_datetime(event.time)),
        ("LevelDisplayName", event.level.name),
        ("OpcodeDisplayName", "Info"),
        ("TaskDisplayName", None),
        ("KeywordsDisplayNames", []),
        ("Properties", []),
    ], type_names=RECORD_TYPES)


class _Filter:
    """One selection: log names (wildcards), ids, levels, providers and a time window."""

    def __init__(self, logs: list[str], ids=None, levels=None, providers=None, start=None, end=None) -> None:
        self.logs, self.ids, self.levels, self.providers = logs, ids, levels, providers
        self.start, self.end = start, end

    def matches(self, event: LabEvent) -> bool:
        when = to_datetime(event.time)
        return (any(like(event.log_name, log) for log in self.logs)
                and (self.ids is None or event.event_id in self.ids)
                and (self.levels is None or int(event.level) in self.levels)
                and (self.providers is None
                     or any(like(provider_of(event.log_name), name) for name in self.providers))
                and (self.start is None or when >= self.start)
                and (self.end is None or when <= self.end))


class GetWinEvent(Cmdlet):
    spec = cmdlet("Get-WinEvent", [
        p("ListLog", "System.String[]", sets={"ListLogSet": dict(position=0, mandatory=True)}),
        p("LogName", "System.String[]", sets={"GetLogSet": dict(position=0)}),
        p("ListProvider", "System.String[]", sets={"ListProviderSet": dict(position=0, mandatory=True)}),
        p("ProviderName", "System.String[]", sets={"GetProviderSet": dict(position=0, mandatory=True,
                                                                           by_property_name=True)}),
        p("Path", "System.String[]", aliases=["PSPath"], sets={"FileSet": dict(position=0, mandatory=True,
                                                                                by_property_name=True)}),
        p("MaxEvents", "System.Int64", sets="FileSet,GetProviderSet,GetLogSet,HashQuerySet,XmlQuerySet"),
        p("ComputerName", "System.String", aliases=["Cn"],
          sets="ListLogSet,GetProviderSet,ListProviderSet,GetLogSet,HashQuerySet,XmlQuerySet"),
        p("Credential", "System.Management.Automation.PSCredential"),
        p("FilterXPath", "System.String", sets="FileSet,GetProviderSet,GetLogSet"),
        p("FilterXml", "System.Xml.XmlDocument", sets={"XmlQuerySet": dict(position=0, mandatory=True)}),
        p("FilterHashtable", "System.Collections.Hashtable[]", sets={"HashQuerySet": dict(position=0,
                                                                                          mandatory=True)}),
        p("Force", "switch", sets="ListLogSet,GetProviderSet,GetLogSet,HashQuerySet"),
        p("Oldest", "switch", sets="FileSet,GetProviderSet,GetLogSet,HashQuerySet,XmlQuerySet"),
    ], default_set="GetLogSet")
    dotnet_class = COMMAND

    def end(self) -> None:
        register_event_views()
        if self.parameter_set in ("ListLogSet", "ListProviderSet", "FileSet", "XmlQuerySet") or \
                self.given("FilterXPath"):
            what = "FilterXPath" if self.given("FilterXPath") else self.parameter_set.removesuffix("Set")
            raise self.fail(E.PSNotSupportedException(
                f"The pshv emulator does not support the {what} parameter set of Get-WinEvent: it keeps no "
                "event log files, XML queries or log configuration.", error_id="NotSupported",
                category="NotImplemented"))
        lab = self.ctx.services["lab"].lab
        computer = self.params.get("ComputerName")
        host = self._host(lab, computer)
        if host is None:
            return
        filters = self._filters(lab, host, computer)
        if filters is None:
            return
        chosen = [(i, e) for i, e in enumerate(lab.events, 1)
                  if e.host.casefold() == host.name.casefold() and any(f.matches(e) for f in filters)]
        if not self.params.get("Oldest"):
            chosen.reverse()
        limit = self.params.get("MaxEvents")
        if limit is not None:
            chosen = chosen[:int(limit)]
        if not chosen:
            self.error(E.PSException("No events were found that match the specified selection criteria.",
                                     error_id="NoMatchingEventsFound", category="ObjectNotFound"))
            return
        for record_id, event in chosen:
            self.write(event_record(lab, event, record_id))

    def _host(self, lab: Lab, computer: str | None) -> Host | None:
        name = computer or self.ctx.services.get("remote_host") or self.ctx.env.get("COMPUTERNAME") \
            or lab.console_host
        host = lab.find_host(str(name))
        if host is None:
            raise self.fail(E.EventLogException("The RPC server is unavailable",
                                                error_id="System.Diagnostics.Eventing.Reader.EventLogException"))
        return host

    def _logs(self, lab: Lab, host: Host, computer: str | None, names: list[str]) -> list[str] | None:
        """The log names, each matching a log the host has; an unmatched name is an error."""
        known = set(STANDARD_LOGS) | {e.log_name for e in lab.events if e.host.casefold() == host.name.casefold()}
        for name in names:
            if not any(like(log, name) for log in known):
                where = computer or "localhost"
                self.error(E.PSException(f'There is not an event log on the {where} computer that matches "{name}".',
                                         error_id="NoMatchingLogsFound", category="ObjectNotFound", target=name))
                return None
        return names

    def _filters(self, lab: Lab, host: Host, computer: str | None) -> list[_Filter] | None:
        if self.parameter_set == "GetProviderSet":
            return [_Filter(["*"], providers=list(self.params["ProviderName"]))]
        if self.parameter_set == "GetLogSet":
            logs = self._logs(lab, host, computer, list(self.params.get("LogName") or ["*"]))
            return None if logs is None else [_Filter(logs)]
        filters = []
        for table in self.params["FilterHashtable"]:
            values = {str(key).casefold(): value for key, value in table.items()}
            unknown = [str(k) for k in table if str(k).casefold() not in _FILTER_KEYS_FOLDED]
            if unknown:
                raise self.fail(E.PSNotSupportedException(
                    f"The pshv emulator does not support the FilterHashtable key '{unknown[0]}' of Get-WinEvent: "
                    f"it supports {', '.join(FILTER_KEYS)}.", error_id="NotSupported", category="NotImplemented"))
            logs = self._logs(lab, host, computer, _strings(values.get("logname")) or ["*"])
            if logs is None:
                return None
            filters.append(_Filter(
                logs,
                ids=_ints(values.get("id")),
                levels=_ints(values.get("level")),
                providers=_strings(values.get("providername")),
                start=self._date(values.get("starttime")),
                end=self._date(values.get("endtime")),
            ))
        return filters

    def _date(self, value: object):
        return None if value is None else convert_to(value, resolve_type("datetime"), self.ctx)


def _strings(value: object) -> list[str] | None:
    if value is None:
        return None
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def _ints(value: object) -> set[int] | None:
    if value is None:
        return None
    return {int(v) for v in (value if isinstance(value, list) else [value])}
