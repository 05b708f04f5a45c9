"""Truthiness, string forms, number parsing and casts (reference sections B, D, F)."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from pshv.runtime import errors as E
from pshv.runtime.convert import (
    convert_to, format_double, parse_number, to_bool, to_string, try_convert,
)
from pshv.runtime.objects import Char, Hashtable, Int64, PSObject
from semantics_support import (
    ACCESS, BOOL, BYTE, CHAR, CHAR_ARRAY, COLOR, DATETIME, DECIMAL, DOUBLE, GUID, HASHTABLE, INT,
    INT_ARRAY, LONG, PSCUSTOMOBJECT, STRING, STRING_ARRAY, TIMESPAN, Access, Color, FakeContext,
)


def cast_failure(value, pstype) -> E.PSException:
    with pytest.raises(E.PSException) as info:
        convert_to(value, pstype)
    return info.value


# --------------------------------------------------------------------------- D28: truth

@pytest.mark.parametrize("value, expected", [
    (None, False), (0, False), (0.0, False), (Decimal(0), False), ("", False), ([], False),
    ("False", True), (" ", True), ("0", True), (1, True), (-1, True), (Int64(0), False),
    ([0], False), ([1], True), (["False"], True), ([""], False), ([[]], False), ([[0]], True),
    ([0, 0], True), ([None, None], True), (Hashtable(), True), (PSObject(), True),
    (Char("\0"), False), (Char("a"), True), (float("nan"), True), (Color.Red, True),
    (datetime.timedelta(0), True),
])
def test_truthiness(value, expected):
    assert to_bool(value) is expected


def test_not_three_is_false():
    assert (not to_bool(3)) is False


# --------------------------------------------------------------------------- strings

@pytest.mark.parametrize("value, expected", [
    (None, ""), (True, "True"), (False, "False"), (42, "42"), (Int64(5), "5"),
    (1 / 3, "0.333333333333333"), (1e16, "1E+16"), (1e15, "1E+15"), (123456789012345.0, "123456789012345"),
    (1.1 * 3, "3.3"), (1.1 * 6, "6.6"), (2.5, "2.5"), (1e-5, "1E-05"), (0.0001, "0.0001"),
    (float("nan"), "NaN"), (float("inf"), "Infinity"), (float("-inf"), "-Infinity"), (-0.0, "0"),
    (1.0, "1"), (Decimal("1.50"), "1.50"), (Decimal("1E+2"), "100"), (Char("x"), "x"),
    (Hashtable([("key", "value")]), "System.Collections.Hashtable"),
    (Hashtable(ordered=True), "System.Collections.Specialized.OrderedDictionary"),
    (PSObject([("a", 1), ("b", 2)]), "@{a=1; b=2}"),
    (PSObject([("a", [1, 2]), ("b", None), ("c", PSObject([("d", 1)]))]), "@{a=System.Object[]; b=; c=@{d=1}}"),
    (PSObject(), ""),
    (datetime.datetime(2024, 1, 5, 15, 4, 5), "01/05/2024 15:04:05"),
    (datetime.timedelta(days=1, hours=2, minutes=3, seconds=4), "1.02:03:04"),
    (datetime.timedelta(minutes=90, microseconds=500000), "01:30:00.5000000"),
    (-datetime.timedelta(minutes=5), "-00:05:00"),
    (uuid.UUID("6F9619FF-8B86-D011-B42D-00CF4FC964FF"), "6f9619ff-8b86-d011-b42d-00cf4fc964ff"),
    (Color.Green, "Green"), (Access.Read | Access.Write, "Read, Write"),
])
def test_to_string(value, expected):
    assert to_string(value) == expected


def test_item16_arrays_join_with_ofs():
    array = [1, 2, 3, 4]
    assert to_string(array) == "1 2 3 4"
    assert to_string(array, FakeContext({"OFS": "+"})) == "1+2+3+4"
    assert convert_to(array, STRING, FakeContext({"OFS": "+"})) == "1+2+3+4"


def test_nested_array_elements_show_their_type_name():
    assert to_string([1, [2, 3]]) == "1 System.Object[]"


def test_item17_hashtable_in_string():
    assert "hashtable: " + to_string(Hashtable([("key", "value")])) == "hashtable: System.Collections.Hashtable"


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e308, max_value=1e308))
def test_doubles_print_with_15_significant_digits(number):
    text = format_double(number)
    assert float(text.replace("E", "e")) == pytest.approx(number, rel=1e-14, abs=0)
    digits = text.lstrip("-").split("E")[0].replace(".", "").lstrip("0")
    assert len(digits) <= 15


# --------------------------------------------------------------------------- numbers from strings

@pytest.mark.parametrize("text, expected", [
    ("123", 123), (" 2 ", 2), ("", 0), ("0x10", 16), ("0xFF", 255), ("0xFFFFFFFF", -1),
    ("0x80000000", -2147483648), ("1kb", 1024), ("0x10Gb", Int64(17179869184)), ("2.5", 2.5),
    (".01", 0.01), ("5e2", 500.0), ("-5", -5), ("+7", 7), ("10l", Int64(10)), ("3000000000", Int64(3000000000)),
    ("1.5d", Decimal("1.5")), ("abc", None), ("1,000", None), ("0x", None),
])
def test_parse_number(text, expected):
    result = parse_number(text)
    assert result == expected and type(result) is type(expected)


def test_parse_number_huge_integer_is_decimal():
    assert parse_number("9223372036854775808") == Decimal("9223372036854775808")


# --------------------------------------------------------------------------- casts to numbers

@pytest.mark.parametrize("value, expected", [
    (2.5, 2), (3.5, 4), (-2.5, -2), (1.9, 2), ("42", 42), (" 42 ", 42), ("0x10", 16), ("1,000", 1000),
    ("1.5", 2), ("1e3", 1000), ("", 0), (None, 0), (True, 1), (Decimal("2.5"), 2), (Char("A"), 65),
    (Color.Blue, 3), (Int64(7), 7),
])
def test_cast_to_int(value, expected):
    result = convert_to(value, INT)
    assert result == expected and type(result) is int


def test_item43_int_casts_round_half_to_even():
    assert convert_to(5 / 2, INT) == 2
    assert convert_to(7 / 2, INT) == 4


def test_cast_string_to_int_error():
    error = cast_failure("abc", INT)
    assert error.message == ('Cannot convert value "abc" to type "System.Int32". '
                             'Error: "Input string was not in a correct format."')
    assert error.record.error_id == "InvalidCastFromStringToInteger"
    assert error.record.category == "InvalidArgument"
    assert isinstance(error, E.PSInvalidCastException)


def test_cast_int_overflow_error():
    error = cast_failure(3000000000, INT)
    assert error.message == ('Cannot convert value "3000000000" to type "System.Int32". '
                             'Error: "Value was either too large or too small for an Int32."')
    assert cast_failure(300, BYTE).message.endswith('"Value was either too large or too small for an unsigned byte."')
    assert cast_failure("99999999999", INT).message.endswith('too small for an Int32."')


def test_cast_to_long_and_double_and_decimal():
    assert type(convert_to(5, LONG)) is Int64
    assert convert_to("2.5", DOUBLE) == 2.5
    assert convert_to("1,000.5", DOUBLE) == 1000.5
    assert convert_to("", DOUBLE) == 0.0
    assert convert_to("1.10", DECIMAL) == Decimal("1.10")
    assert convert_to(0.1, DECIMAL) == Decimal("0.1")
    error = cast_failure("x", DOUBLE)
    assert error.message == 'Cannot convert value "x" to type "System.Double". Error: "Input string was not in a correct format."'
    assert error.record.error_id == "InvalidCastFromStringToDoubleOrSingle"


def test_array_to_scalar_is_a_final_cast_error():
    error = cast_failure([1, 2], INT)
    assert error.message == 'Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".'
    assert error.record.error_id == "ConvertToFinalInvalidCastException"


def test_hashtable_to_int_error():
    error = cast_failure(Hashtable(), INT)
    assert error.message == ('Cannot convert the "System.Collections.Hashtable" value of type '
                             '"System.Collections.Hashtable" to type "System.Int32".')


# --------------------------------------------------------------------------- other casts

def test_bool_casts():
    assert convert_to("False", BOOL) is True
    assert convert_to("", BOOL) is False
    assert convert_to(0, BOOL) is False
    assert convert_to([], BOOL) is False
    assert convert_to(None, BOOL) is False


def test_string_casts():
    assert convert_to(None, STRING) == ""
    assert convert_to(1 / 3, STRING) == "0.333333333333333"
    assert convert_to([1, 2, 3], STRING) == "1 2 3"


def test_char_casts():
    assert convert_to(65, CHAR) == "A" and type(convert_to(65, CHAR)) is Char
    assert convert_to("x", CHAR) == "x"
    assert cast_failure("ab", CHAR).message == ('Cannot convert value "ab" to type "System.Char". '
                                                'Error: "String must be exactly one character long."')
    assert convert_to("abc", CHAR_ARRAY) == ["a", "b", "c"]


def test_enum_casts():
    assert convert_to("green", COLOR) is Color.Green
    assert convert_to("Blue", COLOR) is Color.Blue
    assert convert_to(2, COLOR) is Color.Green
    assert convert_to("gr", COLOR) is Color.Green  # unique prefix
    assert convert_to("Read, Write", ACCESS) == Access.Read | Access.Write
    assert convert_to(["Read", "Execute"], ACCESS) == Access.Read | Access.Execute


def test_enum_cast_unknown_name_error():
    error = cast_failure("Bogus", COLOR)
    assert error.message == ('Cannot convert value "Bogus" to type "Test.Color". Error: "Unable to match the '
                             'identifier name Bogus to a valid enumerator name. Specify one of the following '
                             'enumerator names and try again:\nRed, Green, Blue"')
    assert error.record.error_id == "SubstringDisambiguationEnumParseThrewAnException"


def test_enum_cast_undefined_number_error():
    error = cast_failure(7, COLOR)
    assert error.message == ('Cannot convert value "7" to type "Test.Color" due to enumeration values that are '
                             'not valid. Specify one of the following enumeration values and try again. The '
                             'possible enumeration values are "Red,Green,Blue".')


def test_enum_cast_ambiguous_prefix_error():
    class Size(__import__("enum").IntEnum):
        Small = 1
        Smaller = 2
        Large = 3

    from pshv.runtime.objects import PSType
    error = cast_failure("Sm", PSType("Test.Size", enum=Size))
    assert "The identifier name Sm cannot be processed because it is either too similar or identical to the " \
           "following enumerator names: Small, Smaller. Use a more specific identifier name." in error.message


def test_datetime_and_timespan_and_guid_casts(ctx):
    assert convert_to("2024-01-05", DATETIME) == datetime.datetime(2024, 1, 5)
    assert convert_to("01/05/2024 15:04:05", DATETIME) == datetime.datetime(2024, 1, 5, 15, 4, 5)
    assert convert_to("1/5/2024 3:04 PM", DATETIME) == datetime.datetime(2024, 1, 5, 15, 4)
    assert convert_to("2024-01-05T10:20:30.5", DATETIME) == datetime.datetime(2024, 1, 5, 10, 20, 30, 500000)
    assert convert_to("5 March 2024", DATETIME) == datetime.datetime(2024, 3, 5)
    assert convert_to("10:30", DATETIME, ctx) == datetime.datetime(2024, 3, 15, 10, 30)
    error = cast_failure("not a date", DATETIME)
    assert error.message == ('Cannot convert value "not a date" to type "System.DateTime". '
                             'Error: "String was not recognized as a valid DateTime."')
    assert convert_to("01:30:00", TIMESPAN) == datetime.timedelta(minutes=90)
    assert convert_to("1.02:03:04.5", TIMESPAN) == datetime.timedelta(days=1, hours=2, minutes=3, seconds=4.5)
    assert convert_to("3", TIMESPAN) == datetime.timedelta(days=3)
    assert convert_to(10_000_000, TIMESPAN) == datetime.timedelta(seconds=1)
    assert cast_failure("25:00", TIMESPAN).message.endswith('"String was not recognized as a valid TimeSpan."')
    text = "6f9619ff-8b86-d011-b42d-00cf4fc964ff"
    assert convert_to(text.upper(), GUID) == uuid.UUID(text)
    assert cast_failure("xyz", GUID).message.endswith(
        '"Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)."')


def test_typed_array_casts():
    assert convert_to(["1", 2.5, None], INT_ARRAY) == [1, 2, 0]
    assert convert_to("7", INT_ARRAY) == [7]
    assert convert_to("1,2", INT_ARRAY) == [12]  # the invariant double parse reads ',' as a group separator
    assert convert_to(None, INT_ARRAY) is None
    assert convert_to(5, STRING_ARRAY) == ["5"]
    error = cast_failure(["1", "x"], INT_ARRAY)
    assert error.message == ('Cannot convert value "System.Object[]" to type "System.Int32[]". Error: "Cannot '
                             'convert value "x" to type "System.Int32". Error: "Input string was not in a correct '
                             'format.""')


def test_hashtable_and_pscustomobject_casts():
    ordered = Hashtable([("b", 1), ("a", 2)], ordered=True)
    plain = convert_to(ordered, HASHTABLE)
    assert isinstance(plain, Hashtable) and not plain.ordered and plain.keys() == ["b", "a"]
    obj = convert_to(Hashtable([("System", "Server Core"), ("Name", "Server30"), ("PSVersion", "4.0")]), PSCUSTOMOBJECT)
    assert isinstance(obj, PSObject)
    assert obj.property_names() == ["System", "Name", "PSVersion"]
    assert convert_to(5, PSCUSTOMOBJECT) == 5


def test_try_convert():
    assert try_convert("12", INT) == (True, 12)
    assert try_convert("twelve", INT) == (False, None)


@given(st.integers(min_value=-2**31, max_value=2**31 - 1))
def test_int_round_trips_through_string(number):
    assert convert_to(to_string(number), INT) == number
