"""Static members ([math], [string], [datetime], ...), constructors and the .NET collections."""

from __future__ import annotations

import math
import uuid
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotnet_fakes import FakeContext
from pshv.runtime import errors
from pshv.runtime.members import get_member, get_static, invoke_method, invoke_static, new_object
from pshv.runtime.objects import VOID, Int64
from pshv.runtime.types import resolve_type, type_of


def static(ctx, type_name, name, *args):
    return invoke_static(ctx, resolve_type(type_name), name, list(args))


def prop(ctx, type_name, name):
    return get_static(ctx, resolve_type(type_name), name)


def call(ctx, obj, name, *args):
    return invoke_method(ctx, obj, name, list(args))


def failure(fn, *args) -> errors.PSException:
    with pytest.raises(errors.PSException) as caught:
        fn(*args)
    return caught.value


# --------------------------------------------------------------------------- Math


def test_math_round_is_bankers_unless_asked(ctx) -> None:
    away = prop(ctx, "MidpointRounding", "AwayFromZero")
    assert static(ctx, "math", "Round", 2.5) == 2.0
    assert static(ctx, "math", "Round", 3.5) == 4.0
    assert static(ctx, "math", "Round", 2.5, away) == 3.0
    assert static(ctx, "math", "Round", 3.14159, 2) == 3.14
    assert static(ctx, "math", "Round", 2.345, 2, away) == 2.35
    assert static(ctx, "math", "Round", 1.005, 2) == 1.0
    assert static(ctx, "math", "Round", Decimal("2.5")) == Decimal("2")
    assert static(ctx, "math", "Round", 2.5, "AwayFromZero") == 3.0
    error = failure(static, ctx, "math", "Round", 1.5, 16)
    assert error.message == ('Exception calling "Round" with "2" argument(s): "Rounding digits must be between 0 '
                             'and 15, inclusive.\r\nParameter name: digits"')


def test_math_functions(ctx) -> None:
    assert static(ctx, "math", "Floor", 2.7) == 2.0
    assert static(ctx, "math", "Ceiling", 2.1) == 3.0
    assert static(ctx, "math", "Truncate", -2.7) == -2.0
    assert static(ctx, "math", "Abs", -5) == 5
    assert static(ctx, "math", "Abs", -2.5) == 2.5
    assert static(ctx, "math", "Max", 3, 7) == 7
    assert type(static(ctx, "math", "Max", 3, 7)) is int
    assert static(ctx, "math", "Min", 3, 7.5) == 3.0
    assert type(static(ctx, "math", "Min", 3, 7.5)) is float
    assert static(ctx, "math", "Pow", 2, 10) == 1024.0
    assert static(ctx, "math", "Sqrt", 16) == 4.0
    assert math.isnan(static(ctx, "math", "Sqrt", -1))
    assert static(ctx, "math", "Log10", 1000) == 3.0
    assert static(ctx, "math", "Log", 8, 2) == 3.0
    assert static(ctx, "math", "Log", 0) == -math.inf
    assert prop(ctx, "math", "PI") == math.pi
    assert prop(ctx, "math", "E") == math.e
    error = failure(static, ctx, "math", "Abs", -(2**31))
    assert "Negating the minimum value of a twos complement number is invalid." in error.message


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_round_to_even_matches_python_for_whole_numbers(value: float) -> None:
    assert invoke_static(None, resolve_type("math"), "Round", [value]) == float(round(value))


def test_unknown_static_method(ctx) -> None:
    error = failure(static, ctx, "math", "Foo", 1)
    assert error.message == "Method invocation failed because [System.Math] does not contain a method named 'Foo'."
    assert prop(ctx, "math", "Foo") is None
    assert get_member(ctx, prop(ctx, "math", "Round"), "Name") == "Round"


# --------------------------------------------------------------------------- String and numbers


def test_string_statics(ctx) -> None:
    assert static(ctx, "string", "Join", ",", ["a", "b", 1]) == "a,b,1"
    assert static(ctx, "string", "Join", "-", "a", "b") == "a-b"
    assert static(ctx, "string", "IsNullOrEmpty", None) is True
    assert static(ctx, "string", "IsNullOrEmpty", "") is True
    assert static(ctx, "string", "IsNullOrEmpty", " ") is False
    assert static(ctx, "string", "IsNullOrWhiteSpace", " \t") is True
    assert static(ctx, "string", "Concat", "a", 1, None) == "a1"
    assert prop(ctx, "string", "Empty") == ""
    assert static(ctx, "string", "new", "=", 3) == "==="


def test_string_format_uses_composite_formatting(ctx) -> None:
    pytest.importorskip("pshv.runtime.dotnet_format")
    assert static(ctx, "string", "Format", "{0} of {1}", 1, 2) == "1 of 2"


def test_numeric_limits_and_parse(ctx) -> None:
    assert prop(ctx, "int", "MaxValue") == 2147483647
    assert prop(ctx, "int32", "MinValue") == -2147483648
    assert prop(ctx, "long", "MaxValue") == 9223372036854775807
    assert type(prop(ctx, "long", "MaxValue")) is Int64
    assert prop(ctx, "double", "MaxValue") == 1.7976931348623157e308
    assert prop(ctx, "byte", "MaxValue") == 255
    pytest.importorskip("pshv.runtime.convert")
    assert static(ctx, "int", "Parse", "42") == 42
    error = failure(static, ctx, "int", "Parse", "x")
    assert error.message == 'Exception calling "Parse" with "1" argument(s): "Input string was not in a correct format."'
    assert error.record.error_id == "FormatException"


def test_method_argument_conversion_error(ctx) -> None:
    pytest.importorskip("pshv.runtime.convert")
    error = failure(static, ctx, "math", "Sqrt", "abc")
    assert error.message.startswith('Cannot convert argument "d", with value: "abc", for "Sqrt" to type '
                                    '"System.Double": "Cannot convert value "abc" to type "System.Double".')
    assert error.record.error_id == "MethodArgumentConversionInvalidCastArgument"
    assert isinstance(error, errors.MethodException)
    assert static(ctx, "math", "Sqrt", "16") == 4.0


# --------------------------------------------------------------------------- DateTime, TimeSpan, Guid


def test_datetime_statics_use_the_lab_clock() -> None:
    lab = FakeContext(datetime(2025, 6, 1, 13, 45, 0))
    assert prop(lab, "datetime", "Now") == datetime(2025, 6, 1, 13, 45, 0)
    assert prop(lab, "datetime", "Today") == datetime(2025, 6, 1)
    assert static(lab, "datetime", "Parse", "2025-01-02 03:04:05") == datetime(2025, 1, 2, 3, 4, 5)
    assert static(lab, "datetime", "Parse", "1/2/2025") == datetime(2025, 1, 2)
    assert static(lab, "datetime", "ParseExact", "02.01.2025", "dd.MM.yyyy", None) == datetime(2025, 1, 2)
    error = failure(static, lab, "datetime", "Parse", "nonsense")
    assert error.message == ('Exception calling "Parse" with "1" argument(s): "String was not recognized as a '
                             'valid DateTime."')
    assert static(lab, "datetime", "new", 2025, 1, 2) == datetime(2025, 1, 2)
    assert static(lab, "datetime", "DaysInMonth", 2024, 2) == 29


def test_timespan_statics(ctx) -> None:
    assert static(ctx, "timespan", "FromMinutes", 90) == timedelta(minutes=90)
    assert static(ctx, "timespan", "FromSeconds", 1.5) == timedelta(seconds=1.5)
    assert static(ctx, "timespan", "FromHours", 2) == timedelta(hours=2)
    assert static(ctx, "timespan", "FromDays", 1) == timedelta(days=1)
    assert prop(ctx, "timespan", "Zero") == timedelta(0)
    assert static(ctx, "timespan", "Parse", "1.02:03:04") == timedelta(days=1, hours=2, minutes=3, seconds=4)
    assert static(ctx, "timespan", "new", 1, 2, 3) == timedelta(hours=1, minutes=2, seconds=3)


def test_guid_statics_are_deterministic_with_a_seeded_generator() -> None:
    first = static(FakeContext(), "guid", "NewGuid")
    again = static(FakeContext(), "guid", "NewGuid")
    assert first == again and first.version == 4
    assert prop(None, "guid", "Empty") == uuid.UUID(int=0)
    assert static(None, "guid", "Parse", "{6f1c7e4a-1b2c-4d3e-8f90-0123456789ab}") == \
        uuid.UUID("6f1c7e4a-1b2c-4d3e-8f90-0123456789ab")


# --------------------------------------------------------------------------- Path, Environment, Regex, Convert, Enum


def test_path_statics(ctx) -> None:
    assert static(ctx, "System.IO.Path", "Combine", "D:\\Hyper-V", "web01") == "D:\\Hyper-V\\web01"
    assert static(ctx, "System.IO.Path", "Combine", "D:\\VMs\\", "a", "b.vhdx") == "D:\\VMs\\a\\b.vhdx"
    assert static(ctx, "System.IO.Path", "Combine", "D:\\VMs", "E:\\x") == "E:\\x"
    path = "D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx"
    assert static(ctx, "System.IO.Path", "GetFileName", path) == "web01.vhdx"
    assert static(ctx, "System.IO.Path", "GetExtension", path) == ".vhdx"
    assert static(ctx, "System.IO.Path", "GetFileNameWithoutExtension", path) == "web01"
    assert static(ctx, "System.IO.Path", "GetDirectoryName", path) == "D:\\Hyper-V\\Virtual Hard Disks"
    assert static(ctx, "System.IO.Path", "GetDirectoryName", "D:\\") is None
    assert static(ctx, "System.IO.Path", "GetDirectoryName", "D:\\a") == "D:\\"
    assert static(ctx, "System.IO.Path", "GetTempPath") == "C:\\Users\\Administrator\\AppData\\Local\\Temp\\"
    assert static(ctx, "System.IO.Path", "ChangeExtension", "a.vhd", ".vhdx") == "a.vhdx"


def test_environment_statics(ctx) -> None:
    assert prop(ctx, "environment", "NewLine") == "\r\n"
    assert prop(ctx, "environment", "MachineName") == "HV01"
    assert prop(ctx, "environment", "UserName") == "Administrator"


def test_regex_statics_and_objects(ctx) -> None:
    assert static(ctx, "regex", "Escape", "a.b*c") == "a\\.b\\*c"
    assert static(ctx, "regex", "IsMatch", "web01", "^web\\d+$") is True
    assert static(ctx, "regex", "Replace", "Hello World", "(\\w+) (\\w+)", "$2 $1") == "World Hello"
    assert static(ctx, "regex", "Replace", "5.72", "(.+)", "$$$1") == "$5.72"
    assert static(ctx, "regex", "Split", "a1b2c", "\\d") == ["a", "b", "c"]
    match = static(ctx, "regex", "Match", "user CONTOSO\\jsmith", "(?<domain>\\w+)\\\\(?<user>\\w+)")
    assert get_member(ctx, match, "Success") is True
    assert get_member(ctx, match, "Value") == "CONTOSO\\jsmith"
    groups = get_member(ctx, match, "Groups")
    assert groups.ps_index("user").Value == "jsmith"
    assert groups.ps_index(1).Value == "CONTOSO"
    found = static(ctx, "regex", "Matches", "a1b22", "\\d+")
    assert get_member(ctx, found, "Value") == ["1", "22"]
    regex = new_object(ctx, resolve_type("regex"), ["^HV\\d+$"])
    assert call(ctx, regex, "IsMatch", "HV01") is True
    assert call(ctx, regex, "ToString") == "^HV\\d+$"
    assert type_of(regex).full_name == "System.Text.RegularExpressions.Regex"


def test_convert_statics(ctx) -> None:
    assert static(ctx, "convert", "ToInt32", "42") == 42
    assert static(ctx, "convert", "ToInt32", 2.5) == 2
    assert static(ctx, "convert", "ToInt32", 3.5) == 4
    assert static(ctx, "convert", "ToInt32", "ff", 16) == 255
    assert static(ctx, "convert", "ToString", 255, 16) == "ff"
    assert static(ctx, "convert", "ToString", 5, 2) == "101"
    assert static(ctx, "convert", "ToBase64String", [104, 105]) == "aGk="
    assert static(ctx, "convert", "FromBase64String", "aGk=") == [104, 105]
    assert static(ctx, "convert", "ToBoolean", "true") is True
    error = failure(static, ctx, "convert", "ToInt32", "x")
    assert error.message == ('Exception calling "ToInt32" with "1" argument(s): "Input string was not in a correct '
                             'format."')


def test_enum_statics(ctx) -> None:
    rounding = resolve_type("MidpointRounding")
    assert static(ctx, "enum", "GetNames", rounding) == ["ToEven", "AwayFromZero"]
    assert static(ctx, "enum", "GetValues", rounding) == list(rounding.enum)
    assert static(ctx, "enum", "Parse", rounding, "awayfromzero", True).name == "AwayFromZero"
    assert call(ctx, rounding, "GetEnumNames") == ["ToEven", "AwayFromZero"]


def test_sandboxed_types_refuse_with_a_clear_error(ctx) -> None:
    error = failure(static, ctx, "System.IO.File", "WriteAllText", "C:\\x.txt", "hi")
    assert isinstance(error, errors.PSNotSupportedException)
    assert "never touches the real machine" in error.message
    assert "[System.IO.File]" in error.message
    error = failure(new_object, ctx, resolve_type("System.Net.WebClient"), [])
    assert isinstance(error, errors.NotSupportedException)
    error = failure(resolve_type("xml").convert_from, "<a/>")
    assert "XML" in error.message


# --------------------------------------------------------------------------- exceptions and ErrorRecord


def test_exception_constructors(ctx) -> None:
    error = static(ctx, "System.FormatException", "new", "x")
    assert isinstance(error, errors.FormatException) and error.message == "x"
    assert static(ctx, "System.FormatException", "new").message == \
        "One of the identified items was in an invalid format."
    assert static(ctx, "System.Exception", "new").message == "Exception of type 'System.Exception' was thrown."
    inner = errors.IOException("disk")
    wrapped = static(ctx, "System.InvalidOperationException", "new", "outer", inner)
    assert wrapped.inner is inner
    record = static(ctx, "System.Management.Automation.ErrorRecord", "new", error, "MyId",
                    prop(ctx, "System.Management.Automation.ErrorCategory", "InvalidOperation"), "target")
    assert record.error_id == "MyId" and record.category == "InvalidOperation" and record.target == "target"
    assert resolve_type("System.FormatException").convert_from("msg").message == "msg"


# --------------------------------------------------------------------------- collections


def test_arraylist_add_returns_the_index(ctx) -> None:
    items = new_object(ctx, resolve_type("System.Collections.ArrayList"), [])
    assert call(ctx, items, "Add", "a") == 0
    assert call(ctx, items, "Add", "b") == 1
    assert call(ctx, items, "AddRange", ["c", "d"]) is VOID
    assert call(ctx, items, "Remove", "b") is VOID
    assert call(ctx, items, "RemoveAt", 0) is VOID
    assert call(ctx, items, "Insert", 0, "z") is VOID
    assert items == ["z", "c", "d"]
    assert call(ctx, items, "Contains", "c") is True
    assert call(ctx, items, "IndexOf", "d") == 2
    assert get_member(ctx, items, "Count") == 3
    assert call(ctx, items, "Sort") is VOID and items == ["c", "d", "z"]
    assert call(ctx, items, "ToArray") == ["c", "d", "z"] and type(call(ctx, items, "ToArray")) is list
    assert isinstance(items, list)
    assert type_of(items).full_name == "System.Collections.ArrayList"
    error = failure(call, ctx, items, "RemoveAt", 10)
    assert error.message.startswith('Exception calling "RemoveAt" with "1" argument(s): "Index was out of range.')
    assert call(ctx, items, "Clear") is VOID and items == []


def test_generic_list_converts_elements_and_add_returns_nothing(ctx) -> None:
    strings = static(ctx, "System.Collections.Generic.List[string]", "new")
    assert call(ctx, strings, "Add", "a") is VOID
    assert strings == ["a"]
    assert type_of(strings).full_name == "System.Collections.Generic.List`1[System.String]"
    assert get_member(ctx, type_of(strings), "Name") == "List`1"
    assert resolve_type("System.Collections.Generic.List[string]").is_instance(strings)
    assert not resolve_type("System.Collections.Generic.List[int]").is_instance(strings)
    assert call(ctx, strings, "Remove", "a") is True
    assert call(ctx, strings, "Remove", "a") is False
    pytest.importorskip("pshv.runtime.convert")
    numbers = static(ctx, "System.Collections.Generic.List[int]", "new")
    call(ctx, numbers, "Add", "5")
    assert numbers == [5]
    assert resolve_type("System.Collections.Generic.List[int]").convert_from(["1", 2]) == [1, 2]


def test_dictionary_is_case_sensitive_unless_a_comparer_says_otherwise(ctx) -> None:
    table = static(ctx, "System.Collections.Generic.Dictionary[string,int]", "new")
    call(ctx, table, "Add", "a", 1)
    call(ctx, table, "Add", "A", 2)
    assert table["a"] == 1 and table["A"] == 2
    assert call(ctx, table, "ContainsKey", "a") is True
    assert call(ctx, table, "Remove", "a") is True
    assert call(ctx, table, "Remove", "a") is False
    error = failure(call, ctx, table, "Add", "A", 3)
    assert error.message == ('Exception calling "Add" with "2" argument(s): "An item with the same key has already '
                             'been added."')
    folded = static(ctx, "System.Collections.Generic.Dictionary[string,int]", "new",
                    prop(ctx, "System.StringComparer", "OrdinalIgnoreCase"))
    folded["Key"] = 1
    assert folded["KEY"] == 1
    pairs = call(ctx, folded, "GetEnumerator")
    assert [(get_member(ctx, p, "Key"), get_member(ctx, p, "Value")) for p in pairs] == [("Key", 1)]
    assert get_member(ctx, table, "Keys") == ["A"]
    assert type_of(table).full_name == "System.Collections.Generic.Dictionary`2[System.String,System.Int32]"


def test_hashtable_new_has_case_sensitive_keys(ctx) -> None:
    table = static(ctx, "hashtable", "new")
    table["a"] = 1
    table["A"] = 2
    assert len(table) == 2
    assert type_of(table).full_name == "System.Collections.Hashtable"


def test_hashset(ctx) -> None:
    unique = static(ctx, "System.Collections.Generic.HashSet[string]", "new")
    assert call(ctx, unique, "Add", "a") is True
    assert call(ctx, unique, "Add", "a") is False
    assert call(ctx, unique, "Add", "A") is True
    assert call(ctx, unique, "Contains", "A") is True
    assert get_member(ctx, unique, "Count") == 2
    assert call(ctx, unique, "Remove", "a") is True
    assert unique == ["A"]


def test_stringbuilder_append_returns_itself(ctx) -> None:
    builder = new_object(ctx, resolve_type("System.Text.StringBuilder"), [])
    assert call(ctx, builder, "Append", "Hello") is builder
    assert call(ctx, builder, "AppendLine", "!") is builder
    assert call(ctx, builder, "Append", 42) is builder
    assert call(ctx, builder, "ToString") == "Hello!\r\n42"
    assert get_member(ctx, builder, "Length") == 10
    assert get_member(ctx, builder, "Capacity") == 16
    assert builder.ps_to_string() == "Hello!\r\n42"
    assert call(ctx, builder, "Replace", "42", "x") is builder
    assert call(ctx, builder, "Insert", 0, ">") is builder
    assert call(ctx, builder, "ToString") == ">Hello!\r\nx"


def test_stopwatch_runs_on_the_lab_clock() -> None:
    lab = FakeContext(datetime(2025, 1, 1, 8, 0, 0))
    watch = static(lab, "System.Diagnostics.Stopwatch", "StartNew")
    assert get_member(lab, watch, "IsRunning") is True
    lab.current += timedelta(minutes=2, milliseconds=5)
    assert get_member(lab, watch, "Elapsed") == timedelta(minutes=2, milliseconds=5)
    assert get_member(lab, watch, "ElapsedMilliseconds") == 120005
    assert call(lab, watch, "Stop") is VOID
    lab.current += timedelta(minutes=1)
    assert get_member(lab, watch, "ElapsedMilliseconds") == 120005
    assert call(lab, watch, "Restart") is VOID
    assert get_member(lab, watch, "Elapsed") == timedelta(0)
    call(lab, watch, "Reset")
    assert get_member(lab, watch, "IsRunning") is False


def test_version_and_credentials(ctx) -> None:
    version = new_object(ctx, resolve_type("version"), ["10.0.17763"])
    assert get_member(ctx, version, "Major") == 10
    assert get_member(ctx, version, "Build") == 17763
    assert version.ps_to_string() == "10.0.17763"
    assert new_object(ctx, resolve_type("version"), [9, 0]) < version
    secret = new_object(ctx, resolve_type("securestring"), [])
    for char in "P@ss":
        call(ctx, secret, "AppendChar", char)
    credential = new_object(ctx, resolve_type("pscredential"), ["CONTOSO\\admin", secret])
    assert get_member(ctx, credential, "UserName") == "CONTOSO\\admin"
    network = call(ctx, credential, "GetNetworkCredential")
    assert get_member(ctx, network, "Password") == "P@ss"
    assert get_member(ctx, network, "Domain") == "CONTOSO"


def test_constructor_overload_errors(ctx) -> None:
    error = failure(static, ctx, "System.Text.StringBuilder", "new", 1, 2, 3)
    assert error.message == 'Cannot find an overload for "new" and the argument count: "3".'
    error = failure(new_object, ctx, resolve_type("math"), [])
    assert "Cannot find an appropriate constructor for type System.Math." in error.message
