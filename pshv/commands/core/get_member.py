"""Get-Member: the properties and methods of each distinct input type, as MemberDefinitions.

Property types come from the values themselves (the emulator keeps no .NET metadata), and
methods are listed by name: the runtime knows which methods a value has, not their overloads.
"""

from __future__ import annotations

from ...runtime import errors as E
from ...runtime import instance_members
from ...runtime.cmdlet import Cmdlet
from ...runtime.objects import DotNetObject, PSObject
from ...runtime.params import ValidateSet, cmdlet, p
from .add_member import _MEMBER_TYPES, MemberTable

UTILITY = "Microsoft.PowerShell.Commands"

_TYPE_WORDS = {
    "System.String": "string", "System.Int32": "int", "System.Int64": "long", "System.Boolean": "bool",
    "System.Double": "double", "System.Decimal": "decimal", "System.DateTime": "datetime",
    "System.TimeSpan": "timespan", "System.Guid": "guid", "System.Char": "char", "System.Byte": "byte",
    "System.Single": "float", "System.Object[]": "Object[]", "System.Type": "type", "System.RuntimeType": "type",
    "System.Collections.Hashtable": "hashtable", "System.Management.Automation.ScriptBlock": "scriptblock",
}
_COMMON_METHODS = (
    ("Equals", "bool Equals(System.Object obj)"),
    ("GetHashCode", "int GetHashCode()"),
    ("GetType", "type GetType()"),
    ("ToString", "string ToString()"),
)
# .NET spellings of the method names the runtime's member tables know (they are stored lower-cased).
_METHOD_SPELLINGS = (
    "Add", "AddDays", "AddHours", "AddMilliseconds", "AddMinutes", "AddMonths", "AddSeconds", "AddTicks", "AddYears",
    "Clear", "Clone", "CompareTo", "Contains", "ContainsKey", "ContainsValue", "CopyTo", "Duration", "EndsWith",
    "Format", "GetEnumerator", "GetLength", "GetTypeCode", "GetValue", "HasFlag", "IndexOf", "IndexOfAny",
    "Insert", "IsDaylightSavingTime", "LastIndexOf", "LastIndexOfAny", "Negate", "Normalize", "PadLeft",
    "PadRight", "Remove", "Replace", "Split", "StartsWith", "Substring", "Subtract", "ToBoolean", "ToByte",
    "ToChar", "ToCharArray", "ToDateTime", "ToDecimal", "ToDouble", "ToFileTime", "ToFileTimeUtc", "ToInt16",
    "ToInt32", "ToInt64", "ToLocalTime", "ToLongDateString", "ToLongTimeString", "ToLower", "ToLowerInvariant",
    "ToOADate", "ToSByte", "ToShortDateString", "ToShortTimeString", "ToSingle", "ToType", "ToUInt16", "ToUInt32",
    "ToUInt64", "ToUniversalTime", "ToUpper", "ToUpperInvariant", "Trim", "TrimEnd", "TrimStart", "Where",
    "ForEach", "ToByteArray", "IsNormalized", "Invoke", "Copy", "GetNewClosure", "InvokeReturnAsIs", "Equals",
    "GetHashCode", "GetType", "ToString",
)
_SPELLING = {name.casefold(): name for name in _METHOD_SPELLINGS}


class MemberDefinition(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.MemberDefinition", "System.Object")
    ps_properties = ("TypeName", "Name", "MemberType", "Definition")

    def __init__(self, type_name: str, name: str, member_type: str, definition: str) -> None:
        self.TypeName = type_name
        self.Name = name
        self.MemberType = member_type
        self.Definition = definition

    def ps_to_string(self) -> str:
        return self.Definition


def type_word(full_name: str) -> str:
    return _TYPE_WORDS.get(full_name, full_name)


def _value_type(value: object) -> str:
    from ...runtime.typenames import type_name_of

    return "System.Object" if value is None else type_name_of(value)


class GetMember(Cmdlet):
    spec = cmdlet("Get-Member", [
        p("InputObject", "System.Management.Automation.PSObject", pipeline=True, allow_null=True),
        p("Name", "System.String[]", position=0),
        p("MemberType", "System.String", aliases=["Type"],
          validate=[ValidateSet(*_MEMBER_TYPES)]),
        p("View", "System.String",
          validate=[ValidateSet("Extended", "Adapted", "Base", "All")]),
        p("Static", "switch"),
        p("Force", "switch"),
    ])
    dotnet_class = f"{UTILITY}.GetMemberCommand"

    def begin(self) -> None:
        self._seen: set[str] = set()
        self._any = False

    def process(self) -> None:
        if not (self.has_input or self.given("InputObject")):
            return
        item = self.params.get("InputObject")
        if item is None:
            return
        item = instance_members.resurrect(item)  # with the members Add-Member gave the object
        self._any = True
        if self.params.get("Static"):
            raise self.fail(E.PSNotSupportedException(
                "Get-Member -Static is not supported by the emulator.", error_id="StaticNotSupported",
                category="NotImplemented"))
        type_name = self._type_name(item)
        if type_name in self._seen:
            return
        self._seen.add(type_name)
        members = [member for member in self._members(item, type_name) if self._wanted(member)]
        members.sort(key=lambda member: (member.MemberType, member.Name.casefold()))
        self.write(members, enumerate_collection=True)

    def end(self) -> None:
        if not self._any:
            raise self.fail(E.InvalidOperationException(
                "You must specify an object for the Get-Member cmdlet.", error_id="NoObjectInGetMember",
                category="CloseError"))

    @staticmethod
    def _type_name(item: object) -> str:
        from ...runtime.formatting.properties import type_names

        return type_names(item)[0]

    def _wanted(self, member: MemberDefinition) -> bool:
        from ...runtime.formatting.properties import wildcard_match

        names = self.params.get("Name")
        if names and not any(wildcard_match(str(pattern), member.Name) for pattern in names):
            return False
        kind = self.params.get("MemberType")
        if kind is None:
            return True
        wanted = self.ctx.to_string(kind).casefold()
        if wanted == "all":
            return True
        if wanted == "properties":
            return member.MemberType.endswith("Property")
        if wanted == "methods":
            return member.MemberType.endswith("Method")
        return member.MemberType.casefold() == wanted

    def _members(self, item: object, type_name: str) -> list[MemberDefinition]:
        from ...runtime.members import get_member, property_names

        result: list[MemberDefinition] = []
        notes = item.property_names() if type(item) is PSObject else []
        table = item.base if type(item) is PSObject and isinstance(item.base, MemberTable) else None
        scripted = table.members if table is not None else {}
        for name in property_names(item):
            folded = name.casefold()
            if folded in scripted:
                continue
            try:
                value = get_member(self.ctx, item, name)
            except E.PSException:
                value = None
            if name in notes:
                result.append(MemberDefinition(type_name, name, "NoteProperty", self._note(name, value)))
            else:
                result.append(MemberDefinition(type_name, name, "Property",
                                               f"{type_word(_value_type(value))} {name} {{get;}}"))
        for name, kind, value in scripted.values():
            result.append(MemberDefinition(type_name, name, kind, self._scripted(name, kind, value)))
        base = table.inner if table is not None else (item.base if type(item) is PSObject else item)
        result.extend(MemberDefinition(type_name, name, "Method", definition)
                      for name, definition in _methods(base))
        return result

    def _note(self, name: str, value: object) -> str:
        from ...runtime.convert import element_string

        shown = "null" if value is None else element_string(value)
        return f"{type_word(_value_type(value))} {name}={shown}"

    @staticmethod
    def _scripted(name: str, kind: str, value: object) -> str:
        from ...runtime.params import script_text

        if kind == "AliasProperty":
            return f"{name} = {value}"
        if kind == "ScriptMethod":
            return f"System.Object {name}();"
        return f"System.Object {name} {{get={script_text(value)};}}"


def _methods(obj: object) -> list[tuple[str, str]]:
    """Method names the runtime can call on `obj`, with the four every object has."""
    from ...runtime import members

    names: dict[str, str] = {}
    if obj is not None and type(obj) is not PSObject:
        tables = [members._table_for(members._METHODS, obj) or {}]
        own = getattr(type(obj), "ps_methods", None)
        if own:
            tables.append(own)
        for table in tables:
            for key in table:
                names.setdefault(key, _SPELLING.get(key, key[:1].upper() + key[1:]))
    common = dict(_COMMON_METHODS)
    result = [(name, common[name]) for name in common]
    result += [(name, f"{name}()") for key, name in names.items() if name not in common]
    return result
