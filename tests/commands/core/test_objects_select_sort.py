"""Select-Object, Sort-Object, Get-Unique, Group-Object (items 59, 65, 66)."""

from tests.conftest import ps


def out(text):
    result = ps(text)
    assert not result.errors, [e.message for e in result.errors]
    return result.output


def test_item_59_select_makes_new_objects():
    result = ps("@{ name = 'a' ; weight = 7 } | Select-Object -Property name, weight")
    assert result.stdout == "\nname weight\n---- ------\na         7\n\n"


def test_select_missing_property_is_null():
    assert out("(1 | Select-Object -Property MyCustomProperty).MyCustomProperty -eq $null") == [True]


def test_item_66_paging():
    assert out("1..20 | Select-Object -First 3 -Last 3 -Skip 4") == [5, 6, 7, 18, 19, 20]


def test_last_with_skip_counts_from_the_end():
    assert out("1..10 | select -Last 3 -Skip 2") == [6, 7, 8]


def test_skip_last_and_index():
    assert out("1..6 | Select-Object -SkipLast 2") == [1, 2, 3, 4]
    assert out("10..20 | Select-Object -Index 0, 3") == [10, 13]


def test_first_stops_the_upstream_pipeline():
    assert out("$n = 0; 1..100000 | % { $n++; $_ } | Select-Object -First 2; $n") == [1, 2, 2]


def test_item_65_select_unique_is_case_sensitive():
    assert out('"a","b","c","a","A","a" | Select-Object -Unique') == ["a", "b", "c", "A"]


def test_calculated_properties_and_type_names():
    assert out("(2 | select @{n='Double';e={$_*2}}).Double") == [4]
    assert out("(2 | select @{Name='D';Expression={$_*3}}).D") == [6]
    assert out("(2 | select @{l='L';e={$_}}).L") == [2]
    assert out("(1 | select @{n='x';e={1}}).PSObject.TypeNames") == [
        "Selected.System.Int32", "System.Management.Automation.PSCustomObject", "System.Object"]


def test_star_and_exclude_property():
    assert out("([pscustomobject]@{a=1;b=2;c=3} | select * -ExcludeProperty b).PSObject.Properties.Name") == ["a", "c"]


def test_expand_property_with_property():
    text = "$o = [pscustomobject]@{Name='x'; List=1,2}; $o | Select-Object -ExpandProperty List -Property Name | % { \"$_ $($_.Name)\" }"
    assert out(text) == ["1 x", "2 x"]


def test_expand_property_not_found():
    result = ps("[pscustomobject]@{a=1} | Select-Object -ExpandProperty Nope")
    assert result.errors[0].message == 'Property "Nope" cannot be found.'
    assert result.errors[0].fully_qualified_error_id == (
        "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand")


def test_item_65_sort_by_script_block_is_stable():
    assert out("1..20 | Sort-Object {$_ % 3}") == [3, 6, 9, 12, 15, 18, 1, 4, 7, 10, 13, 16, 19, 2, 5, 8, 11, 14,
                                                   17, 20]


def test_sort_unique_is_case_insensitive():
    assert out('"b","a","C","A" | Sort-Object -Unique') == ["a", "b", "C"]
    assert out('"b","a","C","A" | Sort-Object -CaseSensitive') == ["a", "A", "b", "C"]


def test_sort_several_keys_and_hashtable_direction():
    text = ("$p = [pscustomobject]@{n='x';v=1},[pscustomobject]@{n='y';v=1},[pscustomobject]@{n='x';v=2}\n"
            "$p | Sort-Object n, @{Expression='v'; Descending=$true} | % { \"$($_.n)$($_.v)\" }")
    assert out(text) == ["x2", "x1", "y1"]
    assert out("3,1,2 | sort -Descending") == [3, 2, 1]


def test_get_unique():
    assert out("1,1,2,2,1 | Get-Unique") == [1, 2, 1]
    assert out('"a","A" | Get-Unique') == ["a", "A"]


def test_group_object_table():
    result = ps('"a","b","A","c" | Group-Object')
    assert result.stdout == (
        "\nCount Name                      Group\n----- ----                      -----\n"
        "    2 a                         {a, A}\n    1 b                         {b}\n"
        "    1 c                         {c}\n\n")


def test_group_object_no_element_and_hashtable():
    result = ps('"a","b","A" | Group-Object -NoElement')
    assert result.stdout == "\nCount Name\n----- ----\n    2 a\n    1 b\n\n"
    assert out("$h = 1..6 | Group-Object {$_ % 2} -AsHashTable; $h[1].Count") == [3]
    assert out("(1..6 | group {$_ % 3} -AsHashTable -AsString).ContainsKey('0')") == [True]
