"""Add-Member: note, script, alias properties and script methods on objects.

Note properties live in the PSObject itself. The runtime's PSObject stores plain values
only, so script properties, alias properties and script methods live in a `MemberTable`
placed as the PSObject's base object: member lookup falls through to it, and it falls
through to the object that was wrapped before (if any).

A PSObject/PSCustomObject input gets the members itself. Any other object of a reference
type (a VM, a hashtable, an array, an ArrayList...) gets them in the runtime's instance-member
table (`pshv.runtime.instance_members`), so that the object itself shows them afterwards,
as in Windows PowerShell 5.1; a string or a value type (int, DateTime, ...) gets a new
wrapper whose members only the -PassThru output carries.
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime import instance_members
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject, Hashtable, Invocable, PSObject
from ...runtime.params import ValidateSet, cmdlet, p

UTILITY = "Microsoft.PowerShell.Commands"
_MEMBER_TYPES = ("AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "Properties",
                 "PropertySet", "Method", "CodeMethod", "ScriptMethod", "Methods", "ParameterizedProperty",
                 "MemberSet", "Event", "Dynamic", "All")
_SUPPORTED = {"noteproperty": "NoteProperty", "scriptproperty": "ScriptProperty", "scriptmethod": "ScriptMethod",
              "aliasproperty": "AliasProperty"}
_ABSENT = object()
_INPUT = p("InputObject", "System.Management.Automation.PSObject", pipeline=True, mandatory=True)


class MemberTable(DotNetObject):
    """Script/alias members of one PSObject, evaluated on access with `$this` set."""

    def __init__(self, ctx, owner: PSObject | None, inner: object,
                 members: dict[str, tuple[str, str, object]] | None = None) -> None:
        self.ctx = ctx
        self.owner = owner
        self.inner = inner  # what the PSObject wrapped before, or None for a custom object
        # folded name -> (name, kind, value)
        self.members: dict[str, tuple[str, str, object]] = {} if members is None else members

    def bind(self, owner: PSObject | None, inner: object) -> MemberTable:
        """The same members over another wrapper and object (instance-member views)."""
        return MemberTable(self.ctx, owner, inner, self.members)

    ps_type_names = PSObject.DEFAULT_TYPE_NAMES  # what GetType() reports for a custom object

    @property
    def ps_properties(self) -> tuple[str, ...]:  # type: ignore[override]
        from ...runtime.members import base_property_names

        own = [name for name, kind, _ in self.members.values() if kind != "ScriptMethod"]
        inner = base_property_names(self.owner, self.inner) if self.inner is not None else []
        return tuple(own + [name for name in inner if name not in own])

    def ps_has(self, name: str) -> bool:
        return any(declared.casefold() == name.casefold() for declared in self.ps_properties)

    def ps_get(self, name: str) -> object:
        from ...runtime.members import base_member, get_member

        entry = self.members.get(name.casefold())
        if entry is None or entry[1] == "ScriptMethod":
            if self.inner is None:
                raise KeyError(name)
            value = base_member(self.ctx, self.owner, self.inner, name, _ABSENT)
            if value is _ABSENT:
                raise KeyError(name)
            return value
        _, kind, value = entry
        if kind == "AliasProperty":
            return get_member(self.ctx, self.owner, str(value))
        return self._run(value, [])

    def ps_set(self, name: str, value: object) -> None:
        from ...runtime.members import set_base_member, set_member

        entry = self.members.get(name.casefold())
        if entry is not None and entry[1] == "AliasProperty":
            set_member(self.ctx, self.owner, str(entry[2]), value)
            return
        if entry is None and self.inner is not None:
            set_base_member(self.ctx, self.owner, self.inner, name, value)
            return
        raise KeyError(name)

    def ps_method(self, name: str):
        entry = self.members.get(name.casefold())
        if entry is not None and entry[1] == "ScriptMethod":
            block = entry[2]
            return lambda *args: self.ctx.collapse(self._run(block, list(args), collect=True))
        if self.inner is not None:
            from ...runtime.members import PSMethod, base_member, invoke_base_method

            if isinstance(base_member(self.ctx, self.owner, self.inner, name), PSMethod):
                return lambda *args: invoke_base_method(self.ctx, self.owner, self.inner, name, list(args))
        return None

    def _run(self, block: Invocable, args: list, collect: bool = False) -> object:
        with self.ctx.child_scope() as scope:
            scope.values["this"] = self.owner
            output = self.ctx.call(block, args, new_scope=False)
        return output if collect else self.ctx.collapse(output)

    def ps_to_string(self) -> str:
        from ...runtime.convert import element_string

        if self.inner is not None:
            return element_string(self.inner)
        return element_string(PSObject(self.owner.items()))


class AddMember(Cmdlet):
    spec = cmdlet("Add-Member", [
        p("InputObject", "System.Management.Automation.PSObject", mandatory=True, pipeline=True),
        p("MemberType", "System.String", aliases=["Type"],
          sets={"MemberSet": dict(position=0, mandatory=True)}, validate=[ValidateSet(*_MEMBER_TYPES)]),
        p("Name", "System.String", sets={"MemberSet": dict(position=1, mandatory=True)}),
        p("Value", "System.Object", sets={"MemberSet": dict(position=2)}, allow_null=True),
        p("SecondValue", "System.Object", sets={"MemberSet": dict(position=3)}),
        p("NotePropertyName", "System.String", sets={"NotePropertySingleMemberSet": dict(position=0, mandatory=True)}),
        p("NotePropertyValue", "System.Object", sets={"NotePropertySingleMemberSet": dict(position=1, mandatory=True)},
          allow_null=True),
        p("NotePropertyMembers", "System.Collections.IDictionary",
          sets={"NotePropertyMultiMemberSet": dict(position=0, mandatory=True)}),
        p("TypeName", "System.String", sets={"TypeNameSet": dict(mandatory=True), "MemberSet": {},
                                             "NotePropertySingleMemberSet": {}, "NotePropertyMultiMemberSet": {}}),
        p("Force", "switch", sets="MemberSet,NotePropertySingleMemberSet,NotePropertyMultiMemberSet"),
        p("PassThru", "switch"),
    ], default_set="MemberSet")
    dotnet_class = f"{UTILITY}.AddMemberCommand"

    def process(self) -> None:
        item = self.params.get("InputObject")
        if type(item) is PSObject:
            target = item
        else:  # the view of the object's instance members; a string or value type: a wrapper of its own
            target = instance_members.attach(self.ctx, item)
            if target is None:
                target = PSObject(type_names=_type_names(item), base=item)
        try:
            for name, kind, value in self._members():
                self._add(target, name, kind, value)
        except E.PSException as error:
            self.error(error, item)
            return
        type_name = self.params.get("TypeName")
        if type_name:
            target.type_names.insert(0, str(type_name))
        if self.params.get("PassThru"):
            self.out.append(target)

    def _members(self) -> list[tuple[str, str, object]]:
        if self.parameter_set == "NotePropertySingleMemberSet":
            return [(str(self.params["NotePropertyName"]), "NoteProperty", self.params.get("NotePropertyValue"))]
        if self.parameter_set == "NotePropertyMultiMemberSet":
            table = self.params["NotePropertyMembers"]
            items = table.items() if isinstance(table, Hashtable) else []
            return [(self.ctx.to_string(key), "NoteProperty", value) for key, value in items]
        if self.parameter_set == "TypeNameSet":
            return []
        kind = _SUPPORTED.get(self.ctx.to_string(self.params["MemberType"]).casefold())
        if kind is None:
            raise E.PSNotSupportedException(
                f'Adding a member of type "{self.ctx.to_string(self.params["MemberType"])}" is not supported by '
                "the emulator; use NoteProperty, ScriptProperty, ScriptMethod or AliasProperty.",
                error_id="MemberTypeNotSupported", category="NotImplemented")
        value = self.params.get("Value")
        if kind in ("ScriptProperty", "ScriptMethod") and not isinstance(value, Invocable):
            raise E.PSArgumentException(
                f'Cannot add a member of type "{kind}" without a script block as its value.',
                error_id="Value should be a ScriptBlock", category="InvalidArgument")
        return [(str(self.params["Name"]), kind, value)]

    def _add(self, target: PSObject, name: str, kind: str, value: object) -> None:
        from ...runtime.members import has_member

        table = target.base if isinstance(target.base, MemberTable) else None
        exists = target.has_property(name) or (table is not None and name.casefold() in table.members) \
            or (target.base is not None and has_member(target.base, name))
        if exists and not self.params.get("Force"):
            raise E.InvalidOperationException(
                f'Cannot add a member with the name "{name}" because a member with that name already exists. '
                "To overwrite the member anyway, add the Force parameter to your command.",
                error_id="MemberAlreadyExists", category="InvalidOperation")
        if kind == "NoteProperty":
            if table is not None:
                table.members.pop(name.casefold(), None)
            target.set(name, value)
            return
        target.remove(name)
        if table is None:
            table = MemberTable(self.ctx, target, target.base)
            instance_members.set_extension(target, target.base, table)
            target.base = table
        table.members[name.casefold()] = (name, kind, value)


def _type_names(item: object) -> list[str]:
    from ...runtime.formatting.properties import type_names

    return list(type_names(item))
