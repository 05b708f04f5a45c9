"""Group-Object: GroupInfo objects (Count, Name, Group, Values) in order of first appearance."""

from __future__ import annotations

from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject, Hashtable
from ...runtime.params import cmdlet, p
from .calculated import GROUP_KEYS, key_value, parse_property_args
from .ordering import same

UTILITY = "Microsoft.PowerShell.Commands"


class GroupInfo(DotNetObject):
    """Microsoft.PowerShell.Commands.GroupInfo."""

    ps_type_names = ("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
    ps_properties = ("Values", "Count", "Group", "Name")

    def __init__(self, name: str, values: list[object]) -> None:
        self.Name = name
        self.Values = values
        self.Group: list[object] = []

    @property
    def Count(self) -> int:  # noqa: N802
        return len(self.Group)

    def ps_to_string(self) -> str:
        return "Microsoft.PowerShell.Commands.GroupInfo"


class GroupInfoNoElement(GroupInfo):
    """Group-Object -NoElement: the view shows Count and Name only."""

    ps_type_names = ("Microsoft.PowerShell.Commands.GroupInfoNoElement", "Microsoft.PowerShell.Commands.GroupInfo",
                     "System.Object")


class GroupObject(Cmdlet):
    spec = cmdlet("Group-Object", [
        p("NoElement", "switch"),
        p("AsHashTable", "switch", sets="HashTable", mandatory=True, aliases=["AHT"]),
        p("AsString", "switch", sets="HashTable"),
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("Property", "System.Object[]", position=0),
        p("Culture", "System.String"),
        p("CaseSensitive", "switch"),
    ], default_set="DefaultParameter")
    dotnet_class = f"{UTILITY}.GroupObjectCommand"

    def begin(self) -> None:
        specs = self.params.get("Property")
        self._keys = parse_property_args(self.ctx, list(specs), GROUP_KEYS) if specs else []
        self._groups: list[GroupInfo] = []

    def process(self) -> None:
        if not self.has_input:
            return
        item = self.params.get("InputObject")
        values = [key_value(self.ctx, item, key) for key in self._keys] if self._keys else [item]
        case_sensitive = bool(self.params.get("CaseSensitive"))
        for group in self._groups:
            if len(group.Values) == len(values) and all(
                    same(a, b, case_sensitive, self.ctx) for a, b in zip(group.Values, values)):
                break
        else:
            name = ", ".join(self.ctx.to_string(value) for value in values)
            kind = GroupInfoNoElement if self.params.get("NoElement") else GroupInfo
            group = kind(name, values)
            self._groups.append(group)
        group.Group.append(item)

    def end(self) -> None:
        if self.params.get("AsHashTable"):
            self.write(self._table())
            return
        for group in self._groups:
            self.out.append(group)

    def _table(self) -> Hashtable:
        as_string = bool(self.params.get("AsString"))
        table = Hashtable()
        for group in self._groups:
            if as_string:
                key: object = group.Name
            elif len(group.Values) == 1:
                key = group.Values[0]
            else:
                key = list(group.Values)
            table[key] = group.Group
        return table
