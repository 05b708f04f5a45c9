"""The -f operator and .NET format strings (reference section I, item 60)."""

from __future__ import annotations

import datetime
import math
import uuid
from decimal import Decimal

import pytest

from pshv.runtime import errors as E
from pshv.runtime.dotnet_format import format_composite, format_datetime, format_timespan_spec, format_value
from pshv.runtime.objects import Hashtable, Int64
from pshv.runtime.operators import binary
from semantics_support import Color


def test_item60_format_operator():
    assert binary("-f", "{0} {1,-10} {2:N}", [1, "hello", math.pi]) == "1 hello      3.14"
    assert binary("-f", "{0:00} {1:000} {2:000000}", [7, 24, 365]) == "07 024 000365"
    assert binary("-f", "{0} vs. {{0}}", "foo") == "foo vs. {0}"


def test_format_arguments():
    assert binary("-f", "{0}", None) == ""
    assert binary("-f", "[{0,5}]", 42) == "[   42]"
    assert binary("-f", "[{0,-5}]", 42) == "[42   ]"
    assert binary("-f", "{0}{1}", ["a", [1, 2]]) == "aSystem.Object[]"
    assert binary("-f", "{0}", Hashtable()) == "System.Collections.Hashtable"
    assert binary("-f", "{0} {0}", "x") == "x x"
    assert binary("-f", "{0:N2}", "5") == "5"  # strings ignore the format
    assert binary("-f", "{0}", True) == "True"
    assert binary("-f", "{0}", 1 / 3) == "0.333333333333333"


@pytest.mark.parametrize("fmt, args", [("{1}", [1]), ("{0", [1]), ("}", []), ("{a}", [1])])
def test_format_errors(fmt, args):
    with pytest.raises(E.PSException) as info:
        format_composite(fmt, args)
    error = info.value
    assert error.record.error_id == "FormatError"
    assert error.message.startswith("Error formatting a string: ")


def test_format_index_error_text():
    with pytest.raises(E.RuntimeException) as info:
        binary("-f", "{0} {1}", "only")
    assert info.value.message == ("Error formatting a string: Index (zero based) must be greater than or equal to "
                                  "zero and less than the size of the argument list..")
    with pytest.raises(E.RuntimeException) as info:
        binary("-f", "{0", 1)
    assert info.value.message == "Error formatting a string: Input string was not in a correct format.."


@pytest.mark.parametrize("value, spec, expected", [
    (1234.5, "N2", "1,234.50"), (1234.5, "N", "1,234.50"), (1234567, "N0", "1,234,567"), (-1234.5, "N1", "-1,234.5"),
    (0.5, "P1", "50.0 %"), (0.1234, "P", "12.34 %"), (255, "X", "FF"), (255, "x4", "00ff"), (-1, "X", "FFFFFFFF"),
    (Int64(-1), "X", "FFFFFFFFFFFFFFFF"), (7, "D3", "007"), (-7, "D3", "-007"), (3.14159, "F2", "3.14"),
    (2.5, "F0", "3"), (1.005, "F2", "1.01"), (1234.5, "C", "$1,234.50"), (-1234.5, "C", "($1,234.50)"),
    (1234.5678, "E2", "1.23E+003"), (1234.5678, "e", "1.234568e+003"), (0.0001234, "G3", "0.000123"),
    (123456789.0, "G3", "1.23E+08"), (1e16, "R", "1E+16"), (0.1, "R", "0.1"), (1.0 / 3, "G", "0.333333333333333"),
    (42, "G", "42"), (Decimal("1.50"), "", "1.50"), (Decimal("2.345"), "F2", "2.35"), (12, "", "12"),
    (3.0, "", "3"), (float("nan"), "N2", "NaN"),
])
def test_standard_numeric_formats(value, spec, expected):
    assert format_value(value, spec) == expected


def test_d_and_x_need_integers():
    with pytest.raises(E.PSException) as info:
        format_composite("{0:D2}", [1.5])
    assert info.value.message == "Error formatting a string: Format specifier was invalid.."


@pytest.mark.parametrize("value, spec, expected", [
    (7, "00", "07"), (365, "000000", "000365"), (1234567.891, "#,##0.00", "1,234,567.89"), (0.456, "0.0%", "45.6%"),
    (5, "#.##", "5"), (5.678, "#.##", "5.68"), (0, "#", ""), (0, "0.##", "0"), (1234, "0.###E+0", "1.234E+3"),
    (-5, "0;(0)", "(5)"), (0, "0;(0);zero", "zero"), (5, "'#'0", "#5"), (1234567, "#,#", "1,234,567"),
    (1500000, "#,##0,,", "2"), (42, "[0]", "[42]"), (-3.5, "0.0", "-3.5"), (12.5, r"0\%", "13%"),
])
def test_custom_numeric_formats(value, spec, expected):
    assert format_value(value, spec) == expected


MOMENT = datetime.datetime(2024, 1, 5, 15, 4, 5, 123456)


@pytest.mark.parametrize("spec, expected", [
    ("", "1/5/2024 3:04:05 PM"), ("d", "1/5/2024"), ("D", "Friday, January 5, 2024"), ("t", "3:04 PM"),
    ("T", "3:04:05 PM"), ("g", "1/5/2024 3:04 PM"), ("s", "2024-01-05T15:04:05"), ("u", "2024-01-05 15:04:05Z"),
    ("o", "2024-01-05T15:04:05.1234560"), ("M", "January 5"), ("y", "January 2024"),
    ("R", "Fri, 05 Jan 2024 15:04:05 GMT"), ("yyyy-MM-dd", "2024-01-05"), ("HH:mm:ss.fff", "15:04:05.123"),
    ("dddd dd MMM yy", "Friday 05 Jan 24"), ("h tt", "3 PM"), ("%d", "5"), ("yyyyMMdd_HHmm", "20240105_1504"),
    ("'Day' d", "Day 5"), (r"\d\a\y", "day"), ("M/d/yyyy", "1/5/2024"),
])
def test_datetime_formats(spec, expected):
    assert format_datetime(MOMENT, spec) == expected


def test_datetime_in_format_operator():
    assert binary("-f", "{0:yyyy-MM-dd}", MOMENT) == "2024-01-05"
    assert binary("-f", "{0}", datetime.datetime(2024, 1, 5, 9, 0)) == "1/5/2024 9:00:00 AM"


@pytest.mark.parametrize("value, spec, expected", [
    (datetime.timedelta(hours=3, minutes=7), r"hh\:mm", "03:07"),
    (datetime.timedelta(hours=3, minutes=7, seconds=9), r"hh\:mm\:ss", "03:07:09"),
    (datetime.timedelta(days=2, hours=3), r"d\.hh", "2.03"),
    (datetime.timedelta(minutes=1, seconds=2.5), r"mm\:ss\.ff", "01:02.50"),
    (datetime.timedelta(minutes=1, seconds=2.5), r"m\:ss\.FF", "1:02.5"),
    (datetime.timedelta(days=1, hours=2, minutes=3, seconds=4), "c", "1.02:03:04"),
    (datetime.timedelta(days=1, hours=2, minutes=3, seconds=4), "g", "1:2:03:04"),
    (datetime.timedelta(hours=2, minutes=3, seconds=4), "G", "0:02:03:04.0000000"),
    (datetime.timedelta(hours=2), "", "02:00:00"),
    (datetime.timedelta(hours=2), "'took 'h' h'", "took 2 h"),
])
def test_timespan_formats(value, spec, expected):
    assert format_timespan_spec(value, spec) == expected


def test_timespan_format_with_unescaped_colon_fails():
    with pytest.raises(E.PSException) as info:
        binary("-f", "{0:hh:mm}", datetime.timedelta(hours=1))
    assert info.value.message == "Error formatting a string: Input string was not in a correct format.."


def test_enum_and_guid_formats():
    assert format_value(Color.Green, "") == "Green"
    assert format_value(Color.Green, "D") == "2"
    assert format_value(Color.Green, "X") == "00000002"
    guid = uuid.UUID("6f9619ff-8b86-d011-b42d-00cf4fc964ff")
    assert format_value(guid, "N") == "6f9619ff8b86d011b42d00cf4fc964ff"
    assert format_value(guid, "B") == "{6f9619ff-8b86-d011-b42d-00cf4fc964ff}"
