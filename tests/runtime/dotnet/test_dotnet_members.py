"""Instance members: strings, arrays, hashtables, PSObject, dates, errors as 5.1 words them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotnet_fakes import Block
from pshv.runtime import errors
from pshv.runtime.members import (
    get_member,
    has_member,
    invoke_method,
    property_names,
    set_member,
)
from pshv.runtime.objects import VOID, Char, Hashtable, PSObject
from pshv.runtime.types import resolve_type


def call(ctx, obj, name, *args):
    return invoke_method(ctx, obj, name, list(args))


def failure(fn, *args) -> errors.PSException:
    with pytest.raises(errors.PSException) as caught:
        fn(*args)
    return caught.value


# --------------------------------------------------------------------------- strings


def test_string_methods(ctx) -> None:
    assert get_member(ctx, "hello", "Length") == 5
    assert call(ctx, "Hello", "ToUpper") == "HELLO"
    assert call(ctx, "Hello", "ToLower") == "hello"
    assert call(ctx, "  x  ", "Trim") == "x"
    assert call(ctx, "xxhixx", "Trim", "x") == "hi"
    assert call(ctx, "C:\\VMs\\", "TrimEnd", "\\") == "C:\\VMs"
    assert call(ctx, "\\\\FS01\\VMs", "TrimStart", "\\") == "FS01\\VMs"
    assert call(ctx, "abcba", "Trim", "a", "b") == "c"
    assert call(ctx, "Hello", "Replace", "l", "L") == "HeLLo"
    assert call(ctx, "Hello", "Replace", "L", "x") == "Hello"
    assert call(ctx, "Hello", "Substring", 1) == "ello"
    assert call(ctx, "Hello", "Substring", 1, 3) == "ell"
    assert call(ctx, "Hello", "IndexOf", "l") == 2
    assert call(ctx, "Hello", "LastIndexOf", "l") == 3
    assert call(ctx, "Hello", "IndexOf", "z") == -1
    assert call(ctx, "D:\\VMs", "StartsWith", "D:") is True
    assert call(ctx, "D:\\VMs", "StartsWith", "d:") is False
    assert call(ctx, "D:\\VMs", "StartsWith", "d:", "OrdinalIgnoreCase") is True
    assert call(ctx, "web01.vhdx", "EndsWith", ".vhdx") is True
    assert call(ctx, "Hello", "Contains", "ell") is True
    assert call(ctx, "Hello", "Contains", "ELL") is False
    assert call(ctx, "7", "PadLeft", 3, "0") == "007"
    assert call(ctx, "ab", "PadRight", 4) == "ab  "
    assert call(ctx, "ab", "ToCharArray") == ["a", "b"]
    assert all(type(c) is Char for c in call(ctx, "ab", "ToCharArray"))
    assert call(ctx, "Hello", "Insert", 0, ">") == ">Hello"
    assert call(ctx, "Hello", "Remove", 1, 3) == "Ho"
    assert call(ctx, "Hello", "Remove", 2) == "He"
    assert call(ctx, "abc", "Equals", "abc") is True
    assert call(ctx, "abc", "Equals", "ABC") is False
    assert call(ctx, "a", "CompareTo", "b") == -1
    assert call(ctx, "abc", "ToString") == "abc"
    assert call(ctx, "abc", "GetType") is resolve_type("string")


def test_string_split_follows_dotnet_framework(ctx) -> None:
    assert call(ctx, "a,b,,c", "Split", ",") == ["a", "b", "", "c"]
    assert call(ctx, "C:\\ClusterStorage\\Volume1\\crm01", "Split", "\\") == ["C:", "ClusterStorage", "Volume1",
                                                                               "crm01"]
    # 5.1 has no String.Split(string): a multi-character separator is a set of characters
    assert call(ctx, "a::b", "Split", "::") == ["a", "", "b"]
    assert call(ctx, "a-b_c", "Split", "-_") == ["a", "b", "c"]
    assert call(ctx, "a b", "Split") == ["a", "b"]
    assert call(ctx, "a,b,c", "Split", ",", 2) == ["a", "b,c"]
    options = get_member(ctx, resolve_type("System.StringSplitOptions"), "x")  # no such property
    assert options is None
    remove_empty = resolve_type("System.StringSplitOptions").static_members["removeemptyentries"]
    assert call(ctx, "a,,b", "Split", ",", remove_empty) == ["a", "b"]
    assert call(ctx, "a::b", "Split", ["::"], remove_empty) == ["a", "b"]


def test_string_errors_are_method_invocation_exceptions(ctx) -> None:
    error = failure(call, ctx, "Hello", "Substring", 10)
    assert type(error) is errors.MethodInvocationException
    assert error.message == ('Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger '
                             'than length of string.\r\nParameter name: startIndex"')
    assert error.record.error_id == "ArgumentOutOfRangeException"
    assert type(error.inner) is errors.ArgumentOutOfRangeException
    error = failure(call, ctx, "Hello", "Replace", "", "x")
    assert error.message.endswith('"String cannot be of zero length.\r\nParameter name: oldValue"')


def test_method_not_found_and_overload_errors(ctx) -> None:
    error = failure(call, ctx, "x", "Foo")
    assert error.message == "Method invocation failed because [System.String] does not contain a method named 'Foo'."
    assert error.record.error_id == "MethodNotFound"
    assert error.record.category == "InvalidOperation"
    assert isinstance(error, errors.RuntimeException)
    error = failure(call, ctx, "x", "Substring", 1, 2, 3)
    assert error.message == 'Cannot find an overload for "Substring" and the argument count: "3".'
    assert error.record.error_id == "MethodCountCouldNotFindBest"
    assert isinstance(error, errors.MethodException)
    error = failure(call, ctx, None, "ToUpper")
    assert error.message == "You cannot call a method on a null-valued expression."
    assert error.record.error_id == "InvokeMethodOnNull"
    error = failure(call, ctx, 5, "Foo")
    assert error.message == "Method invocation failed because [System.Int32] does not contain a method named 'Foo'."


@given(st.text(max_size=20), st.text(min_size=1, max_size=3))
def test_replace_and_contains_agree_with_python(text: str, needle: str) -> None:
    assert invoke_method(None, text, "Replace", [needle, "#"]) == text.replace(needle, "#")
    assert invoke_method(None, text, "Contains", [needle]) is (needle in text)


# --------------------------------------------------------------------------- intrinsic members


def test_count_and_length_on_scalars_and_null(ctx) -> None:
    assert get_member(ctx, 5, "Count") == 1
    assert get_member(ctx, 5, "Length") == 1
    assert get_member(ctx, None, "Count") == 0
    assert get_member(ctx, None, "Length") == 0
    assert get_member(ctx, "abc", "Count") == 1
    assert get_member(ctx, [1, 2, 3], "Count") == 3
    assert get_member(ctx, [1, 2, 3], "Length") == 3


def test_missing_property_is_null_or_the_given_sentinel(ctx) -> None:
    sentinel = object()
    assert get_member(ctx, "abc", "Nope") is None
    assert get_member(ctx, "abc", "Nope", sentinel) is sentinel
    assert get_member(ctx, PSObject([("a", 1)]), "b", sentinel) is sentinel
    assert has_member(PSObject([("a", 1)]), "A")
    assert not has_member(PSObject([("a", 1)]), "b")


def test_get_type_on_everything(ctx) -> None:
    assert get_member(ctx, call(ctx, 1, "GetType"), "Name") == "Int32"
    assert get_member(ctx, call(ctx, [1], "GetType"), "Name") == "Object[]"
    assert get_member(ctx, call(ctx, [1], "GetType"), "FullName") == "System.Object[]"
    assert get_member(ctx, call(ctx, 2**40, "GetType"), "FullName") == "System.Int64"
    assert get_member(ctx, call(ctx, Hashtable(), "GetType"), "Name") == "Hashtable"
    assert get_member(ctx, call(ctx, PSObject(), "GetType"), "FullName") == \
        "System.Management.Automation.PSCustomObject"
    int_type = resolve_type("int")
    assert get_member(ctx, int_type, "BaseType") is resolve_type("System.ValueType")
    assert get_member(ctx, int_type, "IsValueType") is True
    assert call(ctx, int_type, "ToString") == "System.Int32"


# --------------------------------------------------------------------------- member enumeration


def _vm(name: str, state: str) -> PSObject:
    return PSObject([("Name", name), ("State", state)])


def test_member_enumeration_over_arrays(ctx) -> None:
    vms = [_vm("web01", "Running"), _vm("test01", "Off"), None]
    assert get_member(ctx, vms, "Name") == ["web01", "test01"]
    assert get_member(ctx, [_vm("web01", "Running")], "Name") == "web01"
    assert get_member(ctx, [PSObject([("x", None)]), PSObject([("x", 1)])], "x") == 1
    nested = [PSObject([("Disks", ["a", "b"])]), PSObject([("Disks", ["c"])])]
    assert get_member(ctx, nested, "Disks") == ["a", "b", "c"]
    assert get_member(ctx, [1, 2], "Nope") is None
    assert call(ctx, ["a", "b"], "ToUpper") == ["A", "B"]
    assert call(ctx, ["a"], "ToUpper") == "A"
    error = failure(call, ctx, [1, 2], "Foo")
    assert error.message == "Method invocation failed because [System.Object[]] does not contain a method named 'Foo'."


def test_setting_a_property_through_enumeration_fails(ctx) -> None:
    error = failure(set_member, ctx, [_vm("a", "Off")], "LastWriteTime", 1)
    assert error.message == ("The property 'LastWriteTime' cannot be found on this object. Verify that the property "
                             "exists and can be set.")
    assert error.record.error_id == "PropertyNotFound"


def test_array_methods(ctx) -> None:
    assert call(ctx, [1, 2, 3], "Contains", 2) is True
    assert call(ctx, ["a"], "Contains", "A") is False
    assert call(ctx, [1, 2, 3], "IndexOf", 3) == 2
    clone = call(ctx, [1, 2], "Clone")
    assert clone == [1, 2]
    error = failure(call, ctx, [1], "Add", 2)
    assert error.message == 'Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."'


def test_where_and_foreach(ctx) -> None:
    odd = Block(lambda x: x % 2 == 1)
    assert call(ctx, list(range(10)), "Where", odd) == [1, 3, 5, 7, 9]
    assert call(ctx, list(range(1, 51)), "Where", Block(lambda x: x > 10), "Until") == list(range(1, 11))
    assert call(ctx, list(range(10)), "Where", odd, "First") == [1]
    assert call(ctx, list(range(10)), "Where", odd, "Last", 2) == [7, 9]
    assert call(ctx, list(range(10)), "Where", odd, "Default", 2) == [1, 3]
    assert call(ctx, list(range(5)), "Where", Block(lambda x: x == 2), "SkipUntil") == [2, 3, 4]
    assert call(ctx, list(range(4)), "Where", odd, "Split") == [[1, 3], [0, 2]]
    assert call(ctx, ["one", "two", "three"], "ForEach", "ToUpper") == ["ONE", "TWO", "THREE"]
    assert call(ctx, ["a", "bb"], "ForEach", "Length") == [1, 2]
    assert call(ctx, [1, 2], "ForEach", Block(lambda x: x * 2)) == [2, 4]
    assert call(ctx, ["1", "2"], "ForEach", resolve_type("int")) == [1, 2]
    assert call(ctx, 5, "ForEach", Block(lambda x: x + 1)) == [6]


# --------------------------------------------------------------------------- hashtables


def test_hashtable_members(ctx) -> None:
    table = Hashtable([("a", 1), ("b", 2)])
    assert get_member(ctx, table, "a") == 1
    assert get_member(ctx, table, "Count") == 2
    assert get_member(ctx, table, "Keys") == ["a", "b"]
    assert get_member(ctx, table, "Values") == [1, 2]
    assert call(ctx, table, "ContainsKey", "A") is True
    assert call(ctx, table, "ContainsValue", 2) is True
    assert call(ctx, table, "Add", "c", 3) is VOID
    assert call(ctx, table, "Remove", "a") is VOID
    assert table.keys() == ["b", "c"]
    clone = call(ctx, table, "Clone")
    assert clone is not table and clone.items() == table.items()
    entries = call(ctx, table, "GetEnumerator")
    assert [(get_member(ctx, e, "Name"), get_member(ctx, e, "Key"), get_member(ctx, e, "Value")) for e in entries] \
        == [("b", "b", 2), ("c", "c", 3)]
    set_member(ctx, table, "d", 4)
    assert table["d"] == 4
    assert call(ctx, table, "Clear") is VOID
    assert len(table) == 0


def test_keys_win_over_hashtable_properties(ctx) -> None:
    assert get_member(ctx, Hashtable([("Count", 99)]), "Count") == 99


def test_duplicate_key_error_as_51_shows_it(ctx) -> None:
    table = Hashtable([("c", 1)])
    error = failure(call, ctx, table, "Add", "c", 2)
    assert type(error) is errors.MethodInvocationException
    assert error.message == ('Exception calling "Add" with "2" argument(s): "Item has already been added. '
                             "Key in dictionary: 'c'  Key being added: 'c'\"")
    assert error.record.error_id == "ArgumentException"
    assert error.record.category == "NotSpecified"
    assert error.inner.message == "Item has already been added. Key in dictionary: 'c'  Key being added: 'c'"


# --------------------------------------------------------------------------- PSObject


def test_psobject_properties_and_psobject_view(ctx) -> None:
    obj = PSObject([("Name", "web01"), ("Memory", 4096)])
    assert get_member(ctx, obj, "name") == "web01"
    set_member(ctx, obj, "Memory", 8192)
    assert obj.get("Memory") == 8192
    error = failure(set_member, ctx, obj, "Nope", 1)
    assert error.message == ("The property 'Nope' cannot be found on this object. Verify that the property exists "
                             "and can be set.")
    view = get_member(ctx, obj, "PSObject")
    props = get_member(ctx, view, "Properties")
    assert get_member(ctx, props, "Name") == ["Name", "Memory"]
    assert [get_member(ctx, p, "MemberType") for p in props] == ["NoteProperty", "NoteProperty"]
    assert [get_member(ctx, p, "TypeNameOfValue") for p in props] == ["System.String", "System.Int32"]
    assert props.ps_index("memory").Value == 8192
    set_member(ctx, props[0], "Value", "web02")
    assert obj.get("Name") == "web02"
    type_names = get_member(ctx, view, "TypeNames")
    assert type_names == ["System.Management.Automation.PSCustomObject", "System.Object"]
    assert call(ctx, type_names, "Insert", 0, "Contoso.VM") is VOID
    assert obj.type_names[0] == "Contoso.VM"
    copy = call(ctx, view, "Copy")
    copy.set("Name", "other")
    assert obj.get("Name") == "web02"
    assert call(ctx, obj, "ToString") == ""
    assert property_names(obj) == ["Name", "Memory"]


def test_property_names_in_display_order() -> None:
    assert property_names("abc") == ["Length"]
    assert property_names(datetime(2025, 1, 1))[:3] == ["DateTime", "Date", "Day"]
    assert property_names(timedelta(1))[0] == "Ticks"
    assert property_names(None) == []


# --------------------------------------------------------------------------- DateTime, TimeSpan, Guid, numbers


def test_datetime_members(ctx) -> None:
    moment = datetime(2025, 3, 14, 15, 9, 26, 535000)
    assert [get_member(ctx, moment, n) for n in ("Year", "Month", "Day", "Hour", "Minute", "Second", "Millisecond",
                                                 "DayOfYear")] == [2025, 3, 14, 15, 9, 26, 535, 73]
    assert get_member(ctx, moment, "DayOfWeek").name == "Friday"
    assert get_member(ctx, moment, "Date") == datetime(2025, 3, 14)
    assert get_member(ctx, moment, "TimeOfDay") == timedelta(hours=15, minutes=9, seconds=26, milliseconds=535)
    assert get_member(ctx, datetime(1, 1, 1, 0, 0, 1), "Ticks") == 10_000_000
    assert call(ctx, moment, "AddDays", 1) == datetime(2025, 3, 15, 15, 9, 26, 535000)
    assert call(ctx, moment, "AddHours", -1.5) == datetime(2025, 3, 14, 13, 39, 26, 535000)
    assert call(ctx, moment, "AddMinutes", 0.0001) == moment + timedelta(milliseconds=6)
    assert call(ctx, datetime(2025, 1, 31), "AddMonths", 1) == datetime(2025, 2, 28)
    assert call(ctx, datetime(2024, 2, 29), "AddYears", 1) == datetime(2025, 2, 28)
    assert call(ctx, moment, "ToShortDateString") == "3/14/2025"
    assert call(ctx, moment, "ToLongDateString") == "Friday, March 14, 2025"
    assert call(ctx, moment, "ToString") == "3/14/2025 3:09:26 PM"
    assert call(ctx, moment, "Subtract", datetime(2025, 3, 14)) == timedelta(hours=15, minutes=9, seconds=26,
                                                                               milliseconds=535)


def test_timespan_members(ctx) -> None:
    span = timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=5)
    assert [get_member(ctx, span, n) for n in ("Days", "Hours", "Minutes", "Seconds", "Milliseconds")] == \
        [1, 2, 3, 4, 5]
    assert get_member(ctx, timedelta(minutes=90), "TotalHours") == 1.5
    assert get_member(ctx, timedelta(minutes=90), "TotalMinutes") == 90.0
    assert get_member(ctx, timedelta(seconds=-90), "Minutes") == -1
    assert get_member(ctx, timedelta(seconds=-90), "Seconds") == -30
    assert call(ctx, span, "ToString") == "1.02:03:04.0050000"
    assert call(ctx, timedelta(minutes=5), "ToString") == "00:05:00"
    assert call(ctx, timedelta(seconds=-1), "ToString") == "-00:00:01"
    assert call(ctx, timedelta(1), "Add", timedelta(hours=1)) == timedelta(hours=25)


def test_guid_and_number_members(ctx) -> None:
    import uuid

    guid = uuid.UUID("6f1c7e4a-1b2c-4d3e-8f90-0123456789ab")
    assert call(ctx, guid, "ToString") == "6f1c7e4a-1b2c-4d3e-8f90-0123456789ab"
    assert call(ctx, guid, "ToString", "N") == "6f1c7e4a1b2c4d3e8f900123456789ab"
    assert call(ctx, guid, "ToString", "B") == "{6f1c7e4a-1b2c-4d3e-8f90-0123456789ab}"
    assert call(ctx, 5, "CompareTo", 7) == -1
    assert call(ctx, 5, "Equals", 5) is True
    assert call(ctx, 5, "Equals", 5.0) is False
    assert call(ctx, 1.5, "ToString") == "1.5"
    assert call(ctx, True, "ToString") == "True"


def test_number_and_date_format_strings(ctx) -> None:
    pytest.importorskip("pshv.runtime.dotnet_format")
    assert call(ctx, 1234.5, "ToString", "N2") == "1,234.50"
    assert call(ctx, datetime(2025, 3, 4, 5, 6, 7), "ToString", "yyyy-MM-dd HH:mm:ss") == "2025-03-04 05:06:07"


# --------------------------------------------------------------------------- exceptions and errors


def test_exception_members(ctx) -> None:
    inner = errors.FormatException("bad format")
    outer = errors.MethodInvocationException("outer", inner=inner)
    assert get_member(ctx, outer, "Message") == "outer"
    assert get_member(ctx, outer, "InnerException") is inner
    assert get_member(ctx, call(ctx, inner, "GetType"), "FullName") == "System.FormatException"
    assert call(ctx, inner, "ToString") == "System.FormatException: bad format"
    assert get_member(ctx, outer, "ErrorRecord") is outer.record
    assert get_member(ctx, outer.record, "Exception") is outer
    assert call(ctx, outer, "GetBaseException") is inner


def test_read_only_properties(ctx) -> None:
    error = failure(set_member, ctx, "abc", "Length", 5)
    assert error.message == "'Length' is a ReadOnly property."
    assert error.record.error_id == "PropertyAssignmentException"
    error = failure(set_member, ctx, None, "x", 5)
    assert error.record.error_id == "PropertyNotFound"
