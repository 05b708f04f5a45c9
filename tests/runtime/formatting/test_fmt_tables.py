"""Tables and lists as Out-Default / Out-String lay them out (items 54, 57-61 and 47)."""

from pshv.runtime.formatting import (
    Column, DictionaryEntry, format_list, format_table, out_default, out_string, register_table_view,
)
from pshv.runtime.objects import DotNetObject, Hashtable, PSObject


def obj(**props):
    return PSObject(list(props.items()))


def test_hashtable_name_value_table_item54():
    table = Hashtable([("three", 3), (2, "two"), (1, "one")])
    assert out_default([table]) == (
        "\n"
        "Name                           Value\n"
        "----                           -----\n"
        "three                          3\n"
        "2                              two\n"
        "1                              one\n"
        "\n"
    )


def test_two_hashtables_share_one_table():
    text = out_default([Hashtable([("a", 1)]), Hashtable([("b", 2)])])
    assert text.count("Name") == 1
    assert "a                              1\nb                              2\n" in text


def test_matches_table_then_strings_item37():
    matches = Hashtable([("domain", "CONTOSO"), ("user", "jsmith"), (0, "was CONTOSO\\jsmith")])
    assert out_default([True]) == "True\n"
    assert out_default([matches, "\nDomain name:", "CONTOSO"]) == (
        "\n"
        "Name                           Value\n"
        "----                           -----\n"
        "domain                         CONTOSO\n"
        "user                           jsmith\n"
        "0                              was CONTOSO\\jsmith\n"
        "\n"
        "\n"
        "Domain name:\n"
        "CONTOSO\n"
    )


def test_select_object_result_right_aligns_numbers_item59():
    assert out_default([obj(name="a", weight=7)]) == "\nname weight\n---- ------\na         7\n\n"


def test_right_left_justification_item61():
    assert out_string([obj(a=123, b="abc")]) == "\n  a b\n  - -\n123 abc\n\n"


def test_column_width_from_header_and_data_item61():
    rows = [obj(abc="1234", bcd="123"), obj(abc="1", bcd="1234")]
    assert out_string(format_table(rows)) == "\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n"


def test_folded_case_sensitive_keys_item57():
    assert out_default([obj(One=1, two=3, three=5)]) == "\nOne two three\n--- --- -----\n  1   3     5\n\n"


def test_four_properties_make_a_table_and_five_a_list_item58():
    four = obj(A=1, B="x", C=True, D="y")
    assert out_default([four]) == "\n" "A B    C D\n" "- -    - -\n" "1 x True y\n" "\n"
    five = obj(Name="web01", State="Running", Memory=4096, Cpus=2, Notes="")
    assert out_default([five]) == (
        "\n"
        "Name   : web01\n"
        "State  : Running\n"
        "Memory : 4096\n"
        "Cpus   : 2\n"
        "Notes  :\n"
        "\n"
    )


def test_lists_of_several_objects_have_a_blank_line_between_entries():
    a = obj(a=1, b=2, c=3, d=4, e=5)
    text = out_default([a, a])
    assert text == "\n" + "a : 1\nb : 2\nc : 3\nd : 4\ne : 5\n" + "\n" + "a : 1\nb : 2\nc : 3\nd : 4\ne : 5\n" + "\n"


class GenericMeasureInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.GenericMeasureInfo",
                     "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object")
    ps_properties = ("Count", "Average", "Sum", "Maximum", "Minimum", "Property")

    def __init__(self, count, average=None, total=None, maximum=None, minimum=None, prop=None):
        self.Count, self.Average, self.Sum = count, average, total
        self.Maximum, self.Minimum, self.Property = maximum, minimum, prop


def test_measure_object_list_item47():
    assert out_default([GenericMeasureInfo(3)]) == (
        "\nCount    : 3\nAverage  :\nSum      :\nMaximum  :\nMinimum  :\nProperty :\n\n"
    )


def test_measure_object_sum_and_average():
    text = out_default([GenericMeasureInfo(5, 3.0, 15.0, 5.0, 1.0)])
    assert "Average  : 3\nSum      : 15\nMaximum  : 5\nMinimum  : 1\n" in text


def test_a_custom_object_with_other_properties_joins_the_first_table():
    text = out_default([obj(a=1), obj(b=2)])
    assert text == "\na\n-\n1\n\n\n"


def test_objects_of_another_type_after_a_table_are_lists():
    entry = DictionaryEntry("k", "v")
    text = out_default([obj(a=1), entry])
    assert text == "\na\n-\n1\n\nName  : k\nKey   : k\nValue : v\n\n"


def test_a_string_ends_the_table_and_the_type_keeps_its_columns():
    text = out_default([obj(a=1), "x", obj(b=2)])
    assert text == "\na\n-\n1\n\nx\n\na\n-\n\n\n"


def test_scalars_print_one_per_line_and_null_prints_nothing():
    assert out_default([1, "two", None, 1.1 * 3, 1 / 3, True]) == "1\ntwo\n3.3\n0.333333333333333\nTrue\n"


def test_arrays_are_enumerated():
    assert out_default([[1, [2, 3]], 4]) == "1\n2\n3\n4\n"


def test_nested_values_in_cells():
    row = obj(List=[1, 2, 3, 4, 5], Short=[1, 2], Obj=obj(a=1, b="x"), Table=Hashtable([("k", 1)]))
    text = out_default([row])
    assert text.splitlines()[3] == "{1, 2, 3, 4...} {1, 2} @{a=1; b=x} {[k, 1]}"


def test_multi_line_value_is_cut_in_a_table_and_indented_in_a_list():
    assert out_default([obj(a="one\ntwo", b=1)]).splitlines()[3] == "one... 1"
    five = obj(a="one\ntwo", b=1, c=2, d=3, eeee=4)
    assert "a    : one\n       two\nb    : 1\n" in out_default([five])


def test_wide_table_truncates_the_last_column_at_width_80():
    row = obj(Name="server01", Description="x" * 100)
    lines = out_default([row], width=80).splitlines()
    assert lines[1] == "Name     Description"
    assert lines[3] == "server01 " + "x" * 67 + "..."
    assert len(lines[3]) == 79


def test_columns_that_cannot_fit_are_dropped_from_the_right():
    row = obj(A="a" * 50, B="b" * 40, C="c" * 10)
    lines = out_default([row], width=80).splitlines()
    assert lines[1] == "A" + " " * 50 + "B"
    assert lines[3] == "a" * 50 + " " + "b" * 25 + "..."


def test_format_table_calculated_properties_and_wildcards(ctx):
    rows = [obj(Name="web01", MemoryAssigned=4294967296, State="Running")]
    spec = Hashtable([("N", "Mem(M)"), ("E", "MemoryAssigned"), ("Align", "Right")])
    text = out_string(format_table(rows, ctx, ["N*", spec, "st*"]))
    assert text == "\nName      Mem(M) State\n----      ------ -----\nweb01 4294967296 Running\n\n"


def test_format_table_hide_headers_and_autosize():
    register_table_view("Test.Fixed", [Column("Name", "Name", width=20), "Value"])
    item = PSObject([("Name", "n"), ("Value", 1)], type_names=["Test.Fixed", "System.Object"])
    assert out_string(format_table([item])) == "\nName                 Value\n----                 -----\nn                    1\n\n"
    assert out_string(format_table([item], autosize=True)) == "\nName Value\n---- -----\nn    1\n\n"
    assert out_string(format_table([item], hide_table_headers=True)) == "\nn                    1\n\n"


def test_format_table_group_by():
    rows = [obj(Name="a", State="Running"), obj(Name="b", State="Running"), obj(Name="c", State="Off")]
    text = out_string(format_table(rows, properties=["Name"], group_by="State"))
    assert text == (
        "\n\n   State: Running\n\nName\n----\na\nb\n\n"
        "\n   State: Off\n\nName\n----\nc\n\n"
    )


def test_format_table_wrap_keeps_lines_under_the_column():
    row = obj(a="one\ntwo", b="x")
    assert out_string(format_table([row], wrap=True)) == "\na   b\n-   -\none x\ntwo\n\n"


def test_format_list_star_and_named_properties():
    item = obj(Name="web01", State="Running")
    assert out_string(format_list([item], properties=["*"])) == "\nName  : web01\nState : Running\n\n"
    assert out_string(format_list([item], properties=["State"])) == "\nState : Running\n\n"


def test_format_list_of_a_small_object_is_a_list():
    assert out_default(format_list([obj(a=1)])) == "\na : 1\n\n"


def test_out_string_stream_returns_lines():
    assert out_string([obj(a=1)], stream=True) == ["", "a", "-", "1", ""]


def test_format_records_pass_through_out_default_after_other_output():
    text = out_default(["first"] + format_table([obj(a=1)]) + ["last"])
    assert text == "first\n\na\n-\n1\n\nlast\n"


def test_long_list_values_wrap_under_the_value_column():
    item = obj(a="word " * 10, b=1, c=2, d=3, e=4)
    lines = out_default([item], width=30).splitlines()
    assert lines[1] == "a : word word word word word"
    assert lines[2] == "    word word word word word"
