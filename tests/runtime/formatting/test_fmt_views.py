"""Registered views: built-in 5.1 views and a Hyper-V style view registered from outside."""

import datetime

from hypothesis import given, strategies as st

from pshv.runtime.formatting import (
    Column, format_list, format_table, out_default, out_string, progress_text, register_table_view,
    stream_line, write_host_text,
)
from pshv.runtime.formatting.text import wrap_line
from pshv.runtime.objects import DotNetObject, Hashtable, PSObject


class VirtualMachine(DotNetObject):
    ps_type_names = ("Microsoft.HyperV.PowerShell.VirtualMachine", "Microsoft.HyperV.PowerShell.VirtualMachineBase",
                     "System.Object")
    ps_properties = ("Name", "State", "CPUUsage", "MemoryAssigned", "Uptime", "Status", "Version", "Notes")

    def __init__(self, name, state, memory, uptime, version="10.0"):
        self.Name, self.State, self.CPUUsage, self.MemoryAssigned = name, state, 0, memory
        self.Uptime, self.Status, self.Version, self.Notes = uptime, "Operating normally", version, ""


register_table_view("Microsoft.HyperV.PowerShell.VirtualMachine", [
    "Name",
    "State",
    Column("CPUUsage(%)", "CPUUsage"),
    Column("MemoryAssigned(M)", lambda vm: vm.MemoryAssigned // 1048576),
    "Uptime",
    "Status",
    "Version",
])


def test_get_vm_view_with_computed_columns():
    vm = VirtualMachine("XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX", "Running", 32768 * 1048576,
                        datetime.timedelta(days=1, hours=21, minutes=22, seconds=28, microseconds=868000), "9.0")
    assert out_default([vm], width=130).splitlines()[:4] == [
        "",
        "Name                                 State   CPUUsage(%) MemoryAssigned(M) Uptime             Status"
        "             Version",
        "----                                 -----   ----------- ----------------- ------             ------"
        "             -------",
        "XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX Running 0           32768             1.21:22:28.8680000 Operating"
        " normally 9.0",
    ]


def test_get_vm_view_for_an_off_vm():
    vm = VirtualMachine("WindowsAutopilot", "Off", 0, datetime.timedelta(0), "8.0")
    assert out_default([vm]).splitlines()[1:4] == [
        "Name             State CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version",
        "----             ----- ----------- ----------------- ------   ------             -------",
        "WindowsAutopilot Off   0           0                 00:00:00 Operating normally 8.0",
    ]


def test_narrow_console_cuts_status_and_drops_version():
    vm = VirtualMachine("web01", "Running", 4096 * 1048576, datetime.timedelta(hours=2))
    lines = out_default([vm], width=70).splitlines()
    assert lines[1] == "Name  State   CPUUsage(%) MemoryAssigned(M) Uptime   Status"
    assert lines[3] == "web01 Running 0           4096              02:00:00 Operating nor..."


def test_format_list_of_a_table_view_type_shows_all_properties():
    vm = VirtualMachine("web01", "Off", 0, datetime.timedelta(0))
    text = out_string(format_list([vm]))
    assert text.startswith("\nName           : web01\nState          : Off\n")


def test_format_table_uses_the_view_and_property_lists_override_it():
    vm = VirtualMachine("web01", "Off", 0, datetime.timedelta(0))
    assert out_string(format_table([vm], properties=["Name", "State"])) == "\nName  State\n----  -----\nweb01 Off\n\n"


class GroupInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
    ps_properties = ("Values", "Count", "Group", "Name")

    def __init__(self, name, group):
        self.Name, self.Group, self.Count, self.Values = name, group, len(group), [name]


def test_group_object_view():
    text = out_default([GroupInfo("a", ["a", "a"]), GroupInfo("b", ["b"])])
    assert text.splitlines()[1:5] == [
        "Count Name                      Group",
        "----- ----                      -----",
        "    2 a                         {a, a}",
        "    1 b                         {b}",
    ]


class MemberDefinition(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.MemberDefinition", "System.Object")
    ps_properties = ("TypeName", "Name", "MemberType", "Definition")

    def __init__(self, type_name, name, member_type, definition):
        self.TypeName, self.Name, self.MemberType, self.Definition = type_name, name, member_type, definition


def test_get_member_view_is_grouped_by_type_name():
    members = [
        MemberDefinition("System.String", "Clone", "Method", "System.Object Clone()"),
        MemberDefinition("System.String", "Length", "Property", "int Length {get;}"),
    ]
    assert out_default(members) == (
        "\n\n   TypeName: System.String\n\n"
        "Name   MemberType Definition\n"
        "----   ---------- ----------\n"
        "Clone  Method     System.Object Clone()\n"
        "Length Property   int Length {get;}\n\n"
    )


def test_path_info_and_variables():
    path = PSObject([("Drive", "C"), ("Path", "C:\\Users\\Administrator")],
                    type_names=["System.Management.Automation.PathInfo", "System.Object"])
    assert out_default([path]) == "\nPath\n----\nC:\\Users\\Administrator\n\n"
    variable = PSObject([("Name", "x"), ("Value", 5), ("Options", "None")],
                        type_names=["System.Management.Automation.PSVariable", "System.Object"])
    assert out_default([variable]).splitlines()[1] == "Name                           Value"


def test_command_view_fixed_widths():
    command = PSObject([("CommandType", "Alias"), ("Name", "gci"), ("DisplayName", "gci -> Get-ChildItem"),
                        ("Version", ""), ("Source", "")],
                       type_names=["System.Management.Automation.AliasInfo", "System.Object"])
    lines = out_default([command]).splitlines()
    assert lines[1] == "CommandType     Name                                               Version    Source"
    assert lines[3] == "Alias           gci -> Get-ChildItem"


def test_datetime_prints_in_the_console_long_form():
    moment = datetime.datetime(2026, 11, 23, 8, 2, 56)
    assert out_default([moment]) == "Monday, November 23, 2026 8:02:56 AM\n"
    cell = out_default([PSObject([("When", moment)])]).splitlines()[3]
    assert cell == "11/23/2026 8:02:56 AM"


def test_timespan_list_view():
    text = out_default([datetime.timedelta(hours=1, minutes=30)])
    assert text.splitlines()[1:7] == [
        "Days              : 0",
        "Hours             : 1",
        "Minutes           : 30",
        "Seconds           : 0",
        "Milliseconds      : 0",
        "Ticks             : 54000000000",
    ]
    assert "TotalHours        : 1.5\n" in text


def test_stream_prefixes_and_write_host():
    assert stream_line("warning", "careful") == "WARNING: careful"
    assert stream_line("verbose", "v") == "VERBOSE: v"
    assert stream_line("debug", "d") == "DEBUG: d"
    assert write_host_text([[2, 4, 6, 8, 10, 12]], separator=", +2= ") == "2, +2= 4, +2= 6, +2= 8, +2= 10, +2= 12\n"
    assert write_host_text(["no newline test "], no_newline=True) == "no newline test "
    assert write_host_text([Hashtable([("a", 1)]), PSObject([("a", 1)])]) == "System.Collections.DictionaryEntry @{a=1}\n"


def test_progress_text():
    text = progress_text("Moving web01", "Copying memory", 50, 90, width=30)
    assert text == "Moving web01\n    Copying memory\n    [oooooooooo          ]\n    00:01:30 remaining.\n"


@given(st.lists(st.text(alphabet="ab ", min_size=0, max_size=12), max_size=8), st.integers(min_value=1, max_value=20))
def test_wrapped_lines_fit_and_keep_every_word(words, width):
    line = " ".join(words)
    pieces = wrap_line(line, width)
    assert all(len(piece) <= width for piece in pieces) or pieces == [line]
    assert "".join(line.split()) == "".join("".join(pieces).split())
