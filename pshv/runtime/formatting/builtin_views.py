"""The views of Windows PowerShell 5.1's own types that scripts meet (from its format files)."""

from __future__ import annotations

import datetime as _dt

from .properties import get_property
from .values import console_datetime
from .views import Column, register_list_view, register_table_view, register_text_view


def _timespan_part(name: str):
    def read(value: _dt.timedelta) -> object:
        ticks = (value.days * 86400 + value.seconds) * 10_000_000 + value.microseconds * 10
        sign = -1 if ticks < 0 else 1
        magnitude = abs(ticks)
        parts = {
            "Days": magnitude // 864_000_000_000,
            "Hours": magnitude // 36_000_000_000 % 24,
            "Minutes": magnitude // 600_000_000 % 60,
            "Seconds": magnitude // 10_000_000 % 60,
            "Milliseconds": magnitude // 10_000 % 1000,
        }
        if name in parts:
            return sign * parts[name]
        if name == "Ticks":
            return ticks
        per = {"TotalDays": 864e9, "TotalHours": 36e9, "TotalMinutes": 6e8, "TotalSeconds": 1e7,
               "TotalMilliseconds": 1e4}[name]
        return ticks / per

    return read


_TIMESPAN_FIELDS = ("Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours",
                    "TotalMinutes", "TotalSeconds", "TotalMilliseconds")


def _command_name(obj: object) -> object:
    if str(get_property(None, obj, "CommandType")) == "Alias":
        return get_property(None, obj, "DisplayName")
    return get_property(None, obj, "Name")


def register_builtin_views() -> None:
    register_table_view("System.Collections.DictionaryEntry", [Column("Name", "Name", width=30), "Value"])
    register_text_view("System.DateTime", console_datetime)
    register_list_view("System.TimeSpan", [Column(name, _timespan_part(name)) for name in _TIMESPAN_FIELDS])
    register_list_view("Microsoft.PowerShell.Commands.GenericMeasureInfo",
                       ["Count", "Average", "Sum", "Maximum", "Minimum", "Property"])
    register_table_view("Microsoft.PowerShell.Commands.MemberDefinition", ["Name", "MemberType", "Definition"],
                        group_by="TypeName", autosize=True)
    register_table_view("System.Management.Automation.PathInfo", ["Path"])
    register_table_view("System.Management.Automation.PSVariable", [Column("Name", "Name", width=30), "Value"])
    command_columns = [
        Column("CommandType", "CommandType", width=15),
        Column("Name", _command_name, width=50),
        Column("Version", "Version", width=10),
        "Source",
    ]
    for kind in ("AliasInfo", "ApplicationInfo", "CmdletInfo", "ExternalScriptInfo", "FilterInfo", "FunctionInfo",
                 "ScriptInfo", "CommandInfo"):
        register_table_view("System.Management.Automation." + kind, command_columns)
    register_table_view("Microsoft.PowerShell.Commands.GroupInfo",
                        [Column("Count", "Count", width=5, alignment="right"), Column("Name", "Name", width=25), "Group"])
    register_list_view("Microsoft.PowerShell.Commands.GroupInfo", ["Name", "Count", "Group", "Values"])
    register_table_view("Microsoft.PowerShell.Commands.GroupInfoNoElement",
                        [Column("Count", "Count", width=5, alignment="right"), Column("Name", "Name", width=25)])
    register_table_view("System.Management.Automation.Job", [
        Column("Id", "Id", width=6, alignment="left"),
        Column("Name", "Name", width=15, alignment="left"),
        Column("PSJobTypeName", "PSJobTypeName", width=15, alignment="left"),
        Column("State", "State", width=13, alignment="left"),
        Column("HasMoreData", "HasMoreData", width=15, alignment="left"),
        Column("Location", "Location", width=20, alignment="left"),
        Column("Command", "Command", width=25, alignment="left"),
    ])
    register_table_view("System.Management.Automation.Runspaces.PSSession", [
        Column("Id", "Id", width=3, alignment="right"),
        Column("Name", "Name", width=15, alignment="left"),
        Column("ComputerName", "ComputerName", width=15, alignment="left"),
        Column("State", "State", width=13, alignment="left"),
        Column("ConfigurationName", "ConfigurationName", width=20, alignment="left"),
        Column("Availability", "Availability", width=13, alignment="right"),
    ])
