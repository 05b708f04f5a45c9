"""The type registry: names, accelerators, generics, arrays, type_of."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from pshv.lab.enums import VMState
from pshv.runtime import errors, types
from pshv.runtime.objects import Char, Hashtable, Int64, PSObject, PSType
from pshv.runtime.types import (
    is_attribute,
    refusal,
    register_enum,
    register_type,
    require_type,
    resolve_type,
    type_of,
)


@pytest.mark.parametrize(
    ("written", "full_name"),
    [
        ("int", "System.Int32"), ("Int32", "System.Int32"), ("system.int32", "System.Int32"),
        ("long", "System.Int64"), ("int64", "System.Int64"), ("double", "System.Double"),
        ("float", "System.Single"), ("single", "System.Single"), ("decimal", "System.Decimal"),
        ("byte", "System.Byte"), ("uint32", "System.UInt32"), ("uint64", "System.UInt64"),
        ("int16", "System.Int16"), ("bool", "System.Boolean"), ("boolean", "System.Boolean"),
        ("string", "System.String"), ("char", "System.Char"), ("object", "System.Object"),
        ("array", "System.Array"), ("hashtable", "System.Collections.Hashtable"),
        ("ordered", "System.Collections.Specialized.OrderedDictionary"),
        ("pscustomobject", "System.Management.Automation.PSCustomObject"),
        ("psobject", "System.Management.Automation.PSObject"),
        ("scriptblock", "System.Management.Automation.ScriptBlock"),
        ("datetime", "System.DateTime"), ("timespan", "System.TimeSpan"), ("guid", "System.Guid"),
        ("regex", "System.Text.RegularExpressions.Regex"), ("version", "System.Version"),
        ("switch", "System.Management.Automation.SwitchParameter"), ("void", "System.Void"),
        ("math", "System.Math"), ("convert", "System.Convert"), ("environment", "System.Environment"),
        ("enum", "System.Enum"), ("type", "System.Type"), ("System.IO.Path", "System.IO.Path"),
        ("IO.Path", "System.IO.Path"), ("System.Collections.ArrayList", "System.Collections.ArrayList"),
        ("System.Diagnostics.Stopwatch", "System.Diagnostics.Stopwatch"),
        ("System.Text.StringBuilder", "System.Text.StringBuilder"),
        ("pscredential", "System.Management.Automation.PSCredential"),
        ("System.Management.Automation.PSCredential", "System.Management.Automation.PSCredential"),
        ("securestring", "System.Security.SecureString"),
        ("System.Management.Automation.ErrorRecord", "System.Management.Automation.ErrorRecord"),
        ("System.Management.Automation.RuntimeException", "System.Management.Automation.RuntimeException"),
        ("System.IO.IOException", "System.IO.IOException"), ("FormatException", "System.FormatException"),
        ("MidpointRounding", "System.MidpointRounding"), ("xml", "System.Xml.XmlDocument"),
        ("  int  ", "System.Int32"),
    ],
)
def test_type_names_resolve_case_insensitively(written: str, full_name: str) -> None:
    assert resolve_type(written).full_name == full_name
    assert resolve_type(written.upper()).full_name == full_name


def test_every_exception_class_resolves_by_full_and_short_name() -> None:
    for name, cls in errors.EXCEPTION_TYPES.items():
        pstype = resolve_type(name)
        assert pstype is not None, name
        assert pstype.full_name == cls.dotnet_name
        assert pstype.is_instance(cls("x"))


def test_catching_by_base_type_follows_the_hierarchy() -> None:
    assert resolve_type("System.IO.IOException").is_instance(errors.FileNotFoundException("x"))
    assert resolve_type("System.SystemException").is_instance(errors.CommandNotFoundException("x"))
    assert not resolve_type("System.IO.IOException").is_instance(errors.FormatException("x"))


def test_unknown_type_is_none_and_require_type_raises_type_not_found() -> None:
    assert resolve_type("Foo") is None
    with pytest.raises(errors.RuntimeException) as caught:
        require_type("Foo")
    assert caught.value.message == "Unable to find type [Foo]."
    assert caught.value.record.error_id == "TypeNotFound"
    assert caught.value.record.category == "InvalidOperation"


def test_arrays_of_any_type() -> None:
    assert resolve_type("string[]").full_name == "System.String[]"
    assert resolve_type("string[]").element is resolve_type("string")
    assert resolve_type("int[][]").full_name == "System.Int32[][]"
    assert resolve_type("object[]") is type_of([1, 2])
    assert resolve_type("Microsoft.Nothing[]") is None


def test_generic_types_use_dotnet_names() -> None:
    list_type = resolve_type("System.Collections.Generic.List[string]")
    assert list_type.full_name == "System.Collections.Generic.List`1[System.String]"
    assert list_type.generic_args == (resolve_type("string"),)
    assert resolve_type("Collections.Generic.List[int]") is resolve_type("System.Collections.Generic.List[System.Int32]")
    dictionary = resolve_type("System.Collections.Generic.Dictionary[string, int]")
    assert dictionary.full_name == "System.Collections.Generic.Dictionary`2[System.String,System.Int32]"
    nested = resolve_type("System.Collections.Generic.List[System.Collections.Generic.List[int]]")
    assert nested.full_name == ("System.Collections.Generic.List`1[System.Collections.Generic.List`1"
                                "[System.Int32]]")
    assert resolve_type("System.Collections.Generic.List[string,int]") is None
    assert resolve_type("System.Collections.Generic.HashSet[string]").full_name.startswith(
        "System.Collections.Generic.HashSet`1")
    assert resolve_type("System.Collections.Generic.List[string][]").full_name.endswith("[System.String][]")


def test_attribute_types_are_marked() -> None:
    for name in ("Parameter", "CmdletBinding", "Alias", "ValidateSet", "ValidateNotNullOrEmpty", "ValidateRange",
                 "ValidatePattern", "ValidateScript", "OutputType", "AllowNull", "AllowEmptyString"):
        pstype = resolve_type(name)
        assert pstype is not None, name
        assert is_attribute(pstype), name
        assert pstype.full_name == f"System.Management.Automation.{name}Attribute"
    assert not is_attribute(resolve_type("int"))


def test_sandbox_types_are_registered_but_refused() -> None:
    for name in ("System.IO.File", "System.Diagnostics.Process", "System.Net.WebClient", "xml"):
        assert refusal(resolve_type(name)), name
    assert refusal(resolve_type("System.IO.Path")) is None


@pytest.mark.parametrize(
    ("value", "full_name"),
    [
        (1, "System.Int32"), (2**31, "System.Int64"), (Int64(1), "System.Int64"), (1.5, "System.Double"),
        (Decimal("1.5"), "System.Decimal"), (True, "System.Boolean"), ("s", "System.String"),
        (Char("c"), "System.Char"), ([1], "System.Object[]"), (Hashtable(), "System.Collections.Hashtable"),
        (Hashtable(ordered=True), "System.Collections.Specialized.OrderedDictionary"),
        (PSObject(), "System.Management.Automation.PSCustomObject"), (datetime(2025, 1, 1), "System.DateTime"),
        (timedelta(1), "System.TimeSpan"), (uuid.UUID(int=0), "System.Guid"),
        (resolve_type("int"), "System.RuntimeType"), (errors.FormatException("x"), "System.FormatException"),
        (errors.ErrorRecord(errors.RuntimeException("x"), "x"), "System.Management.Automation.ErrorRecord"),
    ],
)
def test_type_of_values(value: object, full_name: str) -> None:
    assert type_of(value).full_name == full_name
    if full_name not in ("System.RuntimeType",):
        assert type_of(value).is_instance(value)


def test_is_instance_of_primitive_types() -> None:
    assert resolve_type("int").is_instance(1)
    assert not resolve_type("int").is_instance("1")
    assert not resolve_type("int").is_instance(True)
    assert resolve_type("long").is_instance(Int64(1))
    assert resolve_type("object").is_instance(0)
    assert not resolve_type("object").is_instance(None)
    assert resolve_type("array").is_instance([])
    assert resolve_type("string[]").is_instance(["a", "b"])
    assert not resolve_type("string[]").is_instance(["a", 1])
    assert resolve_type("System.ValueType").is_instance(1)
    assert resolve_type("type").is_instance(resolve_type("int"))


def test_register_enum_plugs_in_later_modules() -> None:
    pstype = register_enum(VMState, "Microsoft.HyperV.PowerShell.VMState")
    assert resolve_type("Microsoft.HyperV.PowerShell.VMState") is pstype
    assert type_of(VMState.Running) is pstype
    assert pstype.static_members["running"] is VMState.Running
    assert pstype.is_instance(VMState.Off)
    assert not pstype.is_instance(2)


def test_register_type_plugs_in_later_modules_and_forgets_misses() -> None:
    assert resolve_type("Contoso.Widget") is None
    widget = register_type(PSType("Contoso.Widget", is_instance=lambda v: v == "widget"))
    assert resolve_type("contoso.widget") is widget
    assert resolve_type("Contoso.Widget[]").element is widget


def test_registered_types_are_listed() -> None:
    assert "System.Int32" in types.known_type_names()
