"""Operators against the reference checklist (sections D, E, F, G, H)."""

from __future__ import annotations

import datetime
import math
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from pshv.runtime import errors as E
from pshv.runtime.convert import to_string
from pshv.runtime.objects import Char, Hashtable, Int64, Invocable, PSObject
from pshv.runtime.operators import binary, compare, equals, like, match, unary
from semantics_support import COLOR, DOUBLE, INT, STRING, Access, Color, FakeContext


def fails(op, left, right) -> E.PSException:
    with pytest.raises(E.PSException) as info:
        binary(op, left, right)
    return info.value


# --------------------------------------------------------------------------- D: $null

def test_item24_null_on_the_left():
    a = [1, 2, None, 4, None, 6]
    assert binary("-ne", None, a) is True
    assert binary("-ne", a, None) == [1, 2, 4, 6]


@pytest.mark.parametrize("op, left, right, expected", [
    ("-eq", None, None, True), ("-eq", None, 0, False), ("-eq", 0, None, False), ("-eq", "", None, False),
    ("-eq", None, "", False), ("-lt", None, 1, True), ("-gt", None, -1, True), ("-gt", 1, None, True),
])
def test_null_comparisons(op, left, right, expected):
    assert binary(op, left, right) is expected


# --------------------------------------------------------------------------- E: comparison

def test_item31_array_on_the_left_filters():
    assert binary("-eq", [1, 2, 3], 2) == [2]
    assert binary("-ne", ["abc", "def"], "abc") == ["def"]
    assert binary("-gt", [5, 6, 7, 8, 9], 7) == [8, 9]
    result = binary("-eq", [1, 2], 3)
    assert result == [] and isinstance(result, list)


def test_item32_array_on_the_right_is_not_enumerated():
    assert binary("-eq", "abc", ["abc", "def"]) is False
    assert binary("-ne", "abc", ["abc", "def"]) is True


def test_item33_nested_arrays_compare_by_reference():
    assert binary("-eq", [3], 3) == [3]
    t = [1, 2, [3, 4]]
    assert binary("-eq", t, 3) == []
    assert binary("-eq", t, 2) == [2]


@pytest.mark.parametrize("op, left, right, expected", [
    ("-ieq", "aaa", "AAA", True), ("-eq", "aaa", "AAA", True), ("-ne", "aaa", "AAA", False),
    ("-cne", "aaa", "AAA", True), ("-ceq", "aaa", "AAA", False), ("-lt", "aaa", "AAA", False),
    ("-clt", "aaa", "AAA", True), ("-cgt", "AAA", "aaa", True), ("-lt", "apple", "Banana", True),
    ("-gt", "b", "a", True), ("-ge", "a", "A", True), ("-le", "a", "b", True),
])
def test_item34_string_comparisons_ignore_case_by_default(op, left, right, expected):
    assert binary(op, left, right) is expected


def test_item35_right_operand_converts_to_left_type():
    assert binary("-eq", 1, "1.0") is True
    assert binary("-eq", "1.0", 1) is False
    assert binary("-eq", 2, "1.5") is True  # '1.5' as an Int32 rounds to 2
    assert binary("-eq", 1, "abc") is False
    assert binary("-eq", True, "false") is True
    assert binary("-eq", 1, True) is True
    assert binary("-gt", 10, "9") is True
    assert binary("-gt", "10", 9) is False  # string comparison: '10' < '9'


def test_numeric_comparisons_widen():
    assert binary("-eq", 1, 1.0) is True
    assert binary("-lt", 5, 5.5) is True
    assert binary("-eq", Int64(5), 5) is True
    assert binary("-eq", Decimal("1.5"), 1.5) is True


def test_comparison_with_incomparable_operands_fails():
    error = fails("-gt", 5, "abc")
    assert error.message == ('Could not compare "5" to "abc". Error: "Cannot convert value "abc" to type '
                             '"System.Int32". Error: "Input string was not in a correct format.""')
    assert error.record.error_id == "ComparisonFailure"
    error = fails("-gt", Hashtable(), 1)
    assert error.message == 'Cannot compare "System.Collections.Hashtable" because it is not IComparable.'


def test_enum_and_datetime_comparisons():
    assert binary("-eq", Color.Green, "Green") is True
    assert binary("-eq", Color.Green, "green") is True
    assert binary("-eq", Color.Green, "Bogus") is False
    assert binary("-eq", Color.Green, 2) is True
    assert binary("-ne", Color.Red, "Blue") is True
    assert binary("-gt", Color.Blue, "Red") is True
    day = datetime.datetime(2024, 1, 5)
    assert binary("-lt", day, "2024-02-01") is True
    assert binary("-eq", day, "01/05/2024") is True
    assert binary("-gt", datetime.datetime(2024, 1, 6), day) is True


def test_version_like_strings_compare_as_strings():
    assert binary("-gt", "10.0", "9.0") is False
    assert binary("-lt", "5.0", "10.0") is False


@pytest.mark.parametrize("op, left, right, expected", [
    ("-like", "PowerShell", "*shell", True),
    ("-like", "PowerShell", "Power[p-w]hell", True),
    ("-like", "PowerShell", "shell", False),
    ("-match", "PowerShell", "shell", True),
    ("-clike", "PowerShell", "*shell", False),
    ("-notlike", "PowerShell", "*shell", False),
    ("-like", "a*c", "a`*c", True),
    ("-like", "abc", "a`*c", False),
    ("-like", "file.txt", "*.tx?", True),
    ("-like", "", "*", True),
    ("-like", 42, "4*", True),
])
def test_item36_like_and_match(op, left, right, expected):
    assert binary(op, left, right) is expected


def test_item36_like_and_match_filter_arrays():
    assert binary("-like", ["PowerShell", "Server"], "*shell") == ["PowerShell"]
    assert binary("-match", ["Bag", "Beg", "Big", "Bog", "Bug"], "b[iou]g") == ["Big", "Bog", "Bug"]


def test_invalid_wildcard_pattern():
    error = fails("-like", "a", "[a")
    assert error.message == "The specified wildcard character pattern is not valid: [a"
    assert isinstance(error, E.WildcardPatternException)


def test_item37_matches_table_named_groups_first():
    result, table = match("-match", "The last logged on user was CONTOSO\\jsmith", r"was (?<domain>.+)\\(?<user>.+)")
    assert result is True
    assert table.keys() == ["domain", "user", 0]
    assert table["domain"] == "CONTOSO" and table["user"] == "jsmith" and table[0] == "was CONTOSO\\jsmith"


def test_matches_numbered_groups_descending():
    _, table = match("-match", "abc", "(a)(b)(x)?")
    assert table.keys() == [2, 1, 0]
    _, table = match("-match", "ab", "(?<x>a)(b)")
    assert table.keys() == ["x", 1, 0] and table[1] == "b"


def test_matches_not_set_for_collections_or_failures():
    assert match("-match", ["a", "b"], "a") == (["a"], None)
    assert match("-match", "abc", "z") == (False, None)
    assert match("-notmatch", "abc", "z") == (True, None)
    result, table = match("-notmatch", "abc", "b")
    assert result is False and table[0] == "b"
    assert match("-cmatch", "ABC", "b") == (False, None)


def test_dotnet_regex_syntax():
    assert binary("-match", "aa", r"(?<x>a)\k<x>") is True
    assert binary("-match", "ab\n", r"b\Z") is True
    assert binary("-match", "ab\n", r"b\z") is False
    assert binary("-match", "x]", r"[]]") is True


def test_invalid_regex():
    error = fails("-match", "a", "(")
    assert error.message == "The regular expression pattern ( is not valid."
    assert error.record.error_id == "InvalidRegularExpression"


@pytest.mark.parametrize("op, left, right, expected", [
    ("-contains", ["abc", "def"], "def", True),
    ("-contains", ["Windows", "PowerShell"], "Shell", False),
    ("-contains", ["abc", "def", "ghi"], ["abc", "def"], False),
    ("-contains", ["abc", "def def"], ["def", "def"], True),
    ("-in", "def", ["abc", "def"], True),
    ("-notin", "x", ["abc", "def"], True),
    ("-notcontains", [1, 2], "2", False),
    ("-contains", "abc", "ABC", True),
    ("-ccontains", ["abc"], "ABC", False),
    ("-contains", [1, 2, 3], "3", True),
])
def test_item38_containment(op, left, right, expected):
    assert binary(op, left, right) is expected


@pytest.mark.parametrize("left, op, right, expected", [
    ("book", "-ireplace", ["B", "C"], "Cook"),
    ("book", "-replace", ["B", "C"], "Cook"),
    ("book", "-creplace", ["B", "C"], "book"),
    ("Hello World", "-replace", [r"(\w+) \w+", "$1 Universe"], "Hello Universe"),
    ("5.72", "-replace", ["(.+)", "$$$1"], "$5.72"),
    ("Contoso.local\\John.Doe", "-replace",
     [r"^(?<DomainName>[\w-.]+)\\(?<Username>[\w-.]+)$", "${Username}@${DomainName}"], "John.Doe@Contoso.local"),
    ("abc", "-replace", "b", "ac"),
    ("abc", "-replace", ["b", "[$&]"], "a[b]c"),
    ("abc", "-replace", ["(?<x>b)", "<${x}>"], "a<b>c"),
    ("a.b", "-replace", ["\\.", "\\"], "a\\b"),
    ("abc", "-replace", ["b", "$9"], "a$9c"),
])
def test_item39_replace(left, op, right, expected):
    assert binary(op, left, right) == expected


def test_replace_on_arrays_and_too_many_operands():
    assert binary("-replace", ["ab", "cb"], ["b", "x"]) == ["ax", "cx"]
    error = fails("-replace", "a", ["a", "b", "c"])
    assert error.message == "The -replace operator allows only two elements to follow it, not 3."


def test_item40_is_and_isnot():
    assert binary("-is", 1, INT) is True
    assert binary("-isnot", "1", INT) is True
    assert binary("-is", 1, STRING) is False
    assert binary("-is", None, INT) is False
    assert binary("-is", PSObject(base=5), INT) is True


def test_as_operator():
    assert binary("-as", "5", INT) == 5
    assert binary("-as", "abc", INT) is None
    assert binary("-as", "2.5", DOUBLE) == 2.5
    assert binary("-as", "Blue", COLOR) is Color.Blue
    assert binary("-as", "nope", COLOR) is None


# --------------------------------------------------------------------------- F: arithmetic

def test_item41_left_operand_decides():
    assert binary("+", "file", 16) == "file16"
    assert binary("+", [1, 2, 3], 16) == [1, 2, 3, 16]
    assert binary("*", [1, 2, 3], 2) == [1, 2, 3, 1, 2, 3]
    assert binary("*", "file", 3) == "filefilefile"
    assert unary("+", "123") == 123
    error = fails("+", 16, "file")
    assert error.message == ('Cannot convert value "file" to type "System.Int32". '
                             'Error: "Input string was not in a correct format."')
    assert error.record.error_id == "InvalidCastFromStringToInteger"


def test_string_operands_read_as_numbers():
    assert binary("+", 1, "2.5") == 3.5
    assert binary("+", 1, "0x10") == 17
    assert binary("-", "10", "3") == 7
    assert binary("*", 2, " 4 ") == 8
    assert binary("/", "6", 2) == 3
    assert binary("+", 1, "") == 1
    assert fails("+", 1.5, "x").message.startswith('Cannot convert value "x" to type "System.Double".')
    assert fails("-", "abc", 1).message.startswith('Cannot convert value "abc" to type "System.Int32".')


def test_item42_numeric_widening():
    assert binary("+", 2, 3.1) == pytest.approx(5.1) and to_string(binary("+", 2, 3.1)) == "5.1"
    mb512 = 512 * 1024 * 1024
    assert type(binary("*", mb512, mb512)) is float
    assert type(binary("+", 2147483647, 1)) is float
    assert binary("+", Int64(2147483647), 1) == 2147483648 and type(binary("+", Int64(2147483647), 1)) is Int64
    assert type(binary("+", Int64(1), 1)) is Int64
    assert type(binary("*", Int64(2**62), 4)) is float
    error = fails("+", Decimal("79228162514264337593543950335"), 1)
    assert error.message == "Value was either too large or too small for a Decimal."
    assert binary("+", Decimal("1.5"), 1) == Decimal("2.5")


def test_item43_division():
    assert binary("/", 6, 2) == 3 and type(binary("/", 6, 2)) is int
    assert to_string(binary("/", 1, 1.9)) == "0.526315789473684"
    assert binary("/", 7, 2) == 3.5
    assert binary("/", 1, 2) == 0.5
    assert binary("/", -2147483648, -1) == 2147483648.0


def test_divide_by_zero():
    error = fails("/", 1, 0)
    assert error.message == "Attempted to divide by zero."
    assert error.record.error_id == "RuntimeException" and error.record.category == "NotSpecified"
    assert isinstance(error, E.RuntimeException) and isinstance(error.inner, E.DivideByZeroException)
    assert fails("%", 5, 0).message == "Attempted to divide by zero."
    assert fails("/", Decimal(1), 0).message == "Attempted to divide by zero."
    assert binary("/", 1.0, 0) == math.inf
    assert math.isnan(binary("/", 0.0, 0))


@pytest.mark.parametrize("left, right, expected", [(7, 3, 1), (-7, 3, -1), (7, -3, 1), (-7, -3, -1), (7.5, 2, 1.5)])
def test_remainder_takes_the_dividend_sign(left, right, expected):
    assert binary("%", left, right) == expected


def test_null_in_arithmetic():
    assert binary("+", None, 1) == 1
    assert binary("+", None, "a") == "a"
    assert binary("-", None, 1) == -1
    assert binary("*", None, 5) is None
    assert binary("+", 1, None) == 1


def test_bool_and_char_arithmetic():
    assert binary("+", True, 1) == 2
    assert binary("+", Char("a"), "b") == "ab"
    assert binary("+", 1, Char("a")) == 98
    assert binary("-", Char("b"), 1) == 97


def test_operators_missing_for_type():
    error = fails("-", [1, 2], 1)
    assert error.message == "Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'."
    assert error.record.error_id == "MethodNotFound" and error.record.category == "InvalidOperation"
    assert "[System.Management.Automation.PSCustomObject]" in fails("+", PSObject(), 1).message


def test_datetime_arithmetic():
    day = datetime.datetime(2024, 1, 5)
    assert binary("+", day, datetime.timedelta(days=1)) == datetime.datetime(2024, 1, 6)
    assert binary("-", datetime.datetime(2024, 1, 6), day) == datetime.timedelta(days=1)
    assert binary("-", day, datetime.timedelta(hours=1)) == datetime.datetime(2024, 1, 4, 23)
    assert binary("+", datetime.timedelta(1), datetime.timedelta(hours=1)) == datetime.timedelta(days=1, hours=1)


@given(st.integers(min_value=-2**31, max_value=2**31 - 1), st.integers(min_value=-2**31, max_value=2**31 - 1))
def test_int32_addition_widens_to_double_on_overflow(a, b):
    result = binary("+", a, b)
    if -2**31 <= a + b < 2**31:
        assert result == a + b and type(result) is int
    else:
        assert result == float(a + b) and type(result) is float


@given(st.integers(min_value=-2**31, max_value=2**31 - 1), st.integers(min_value=1, max_value=2**31 - 1))
def test_int32_division_exact_or_double(a, b):
    result = binary("/", a, b)
    if a % b == 0:
        assert type(result) is int and result * b == a
    else:
        assert type(result) is float and result == a / b


# --------------------------------------------------------------------------- H: hashtables

def test_item56_adding_hashtables():
    h1 = Hashtable([("a", 1), ("b", 2)])
    h2 = Hashtable([("c", 3)])
    merged = binary("+", h1, h2)
    assert merged.keys() == ["a", "b", "c"] and merged is not h1
    error = fails("+", merged, Hashtable([("C", 4)]))
    assert error.message == "Item has already been added. Key in dictionary: 'c'  Key being added: 'C'"
    assert isinstance(error, E.ArgumentException)
    assert error.record.category == "OperationStopped"
    error = fails("+", h1, 2)
    assert error.message == "A hash table can only be added to another hash table."
    assert error.record.error_id == "AddHashTableToNonHashTable"


def test_item49_adding_to_an_array_copies_it():
    a = [1, 2, 3]
    b = binary("+", a, 2)
    assert b == [1, 2, 3, 2] and a == [1, 2, 3]
    assert binary("+", b, "String") == [1, 2, 3, 2, "String"]
    assert binary("+", [1], [2, 3]) == [1, 2, 3]
    h = Hashtable()
    assert binary("+", [1], h)[1] is h


# --------------------------------------------------------------------------- bitwise

def test_bitwise_operators():
    assert binary("-band", 6, 3) == 2
    assert binary("-bor", 6, 3) == 7
    assert binary("-bxor", 6, 3) == 5
    assert unary("-bnot", 0) == -1
    assert binary("-shl", 1, 4) == 16
    assert binary("-shr", -16, 2) == -4
    assert binary("-shl", 1, 31) == -2147483648
    assert binary("-shl", 1, 32) == 1
    assert type(binary("-band", Int64(6), 3)) is Int64
    assert binary("-band", "6", 3) == 2
    assert binary("-bor", Access.Read, Access.Write) == Access.Read | Access.Write


# --------------------------------------------------------------------------- logical and unary

def test_logical_operators():
    assert binary("-and", 1, "x") is True
    assert binary("-or", 0, "") is False
    assert binary("-xor", True, False) is True
    assert binary("-xor", 1, 1) is False


def test_unary_operators():
    assert unary("-not", 0) is True
    assert unary("!", "x") is False
    assert unary("-", "5") == -5
    assert unary("-", None) == 0
    assert unary("-", -2147483648) == 2147483648.0
    assert unary(",", 1) == [1]
    assert unary("++", None) == 1
    assert unary("++", "5") == 6
    assert unary("post--", 2) == 1
    assert unary("++", 2147483647) == 2147483648.0
    assert unary("-join", [1, 2, 3]) == "123"


# --------------------------------------------------------------------------- G: -join, -split, ranges

def test_item52_join():
    assert binary("-join", 1, "-") == "1"
    assert binary("-join", [1, 2, 3], ", ") == "1, 2, 3"
    assert binary("-join", ["a", None, "b"], "-") == "a--b"
    assert binary("-join", [1, [2, 3]], ",") == "1,System.Object[]"


def test_item52_split():
    planets = "Mercury,Venus,Earth,Mars,Jupiter,Saturn,Uranus,Neptune"
    assert binary("-split", planets, [",", 5]) == ["Mercury", "Venus", "Earth", "Mars", "Jupiter,Saturn,Uranus,Neptune"]
    assert binary("-split", planets, [",", -5]) == ["Mercury,Venus,Earth,Mars", "Jupiter", "Saturn", "Uranus", "Neptune"]
    assert binary("-split", "a-b-c", "(-)") == ["a", "-", "b", "-", "c"]
    assert binary("-split", "a1b2c", r"\d") == ["a", "b", "c"]
    assert binary("-split", "aXbxc", "x") == ["a", "b", "c"]
    assert binary("-csplit", "aXbxc", "x") == ["aXb", "c"]
    assert binary("-split", "a.b", [".", 0, "SimpleMatch"]) == ["a", "b"]
    assert binary("-split", ["a b", "c d"], " ") == ["a", "b", "c", "d"]
    assert binary("-split", "abc", "") == ["", "a", "b", "c", ""]
    assert binary("-split", "", ",") == [""]
    assert binary("-split", "a,b,c", [",", 1]) == ["a,b,c"]


def test_split_with_bad_option():
    error = fails("-split", "a", [",", 0, "Bogus"])
    assert error.message.startswith('Cannot convert value "Bogus" to type "System.Management.Automation.SplitOptions".')


def test_split_with_a_script_block():
    class IsComma(Invocable):
        def call(self, args=None, *, dollar_under=...):
            return [dollar_under == ","]

    assert binary("-split", "a,b;c", IsComma()) == ["a", "b;c"]


def test_unary_split():
    assert unary("-split", "  a b\tc  ") == ["a", "b", "c"]
    assert unary("-split", ["x y", "z"]) == ["x", "y", "z"]


def test_item53_ranges():
    assert binary("..", 1, 10) == list(range(1, 11))
    assert binary("..", 10, 1) == list(range(10, 0, -1))
    assert binary("..", 5, -5) == list(range(5, -6, -1))
    assert binary("..", 2, -2) == [2, 1, 0, -1, -2]
    assert binary("..", "1", "3") == [1, 2, 3]
    error = fails("..", "a", "f")  # no character ranges in Windows PowerShell 5.1
    assert error.message == ('Cannot convert value "a" to type "System.Int32". '
                             'Error: "Input string was not in a correct format."')
    error = fails("..", 1, 3000000000)
    assert error.message.endswith('"Value was either too large or too small for an Int32."')


# --------------------------------------------------------------------------- public helpers

def test_equals_compare_like_helpers():
    assert equals("A", "a") and not equals("A", "a", case_sensitive=True)
    assert compare("a", "B") == -1 and compare(2, 1) == 1 and compare(None, None) == 0
    assert like("Hyper-V", "hyper-*") and not like("Hyper-V", "hyper-*", case_sensitive=True)


def test_ofs_used_for_string_concatenation():
    assert binary("+", "x: ", [1, 2], FakeContext({"OFS": ","})) == "x: 1,2"


def test_unknown_operator():
    with pytest.raises(E.PSNotSupportedException):
        binary("-bogus", 1, 2)
