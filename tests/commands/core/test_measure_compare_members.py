"""Measure-Object (items 47, 64), Compare-Object, Get-Member, Add-Member, New-Object."""

from tests.conftest import ps

EMPTY_MEASURE = "\nCount    : {}\nAverage  :\nSum      :\nMaximum  :\nMinimum  :\nProperty :\n\n"


def out(text):
    result = ps(text)
    assert not result.errors, [e.message for e in result.errors]
    return result.output


def test_item_47_output_is_unrolled():
    result = ps("function Test-Return { $array = 1,2,3; return $array }\nTest-Return | Measure-Object")
    assert result.stdout == EMPTY_MEASURE.format(3)
    result = ps("function Test-Return { $array = 1,2,3; return (, $array) }\nTest-Return | Measure-Object")
    assert result.stdout == EMPTY_MEASURE.format(1)


def test_measure_statistics():
    result = ps("1..5 | Measure-Object -Sum -Average -Maximum -Minimum")
    assert result.stdout == ("\nCount    : 5\nAverage  : 3\nSum      : 15\nMaximum  : 5\nMinimum  : 1\n"
                             "Property :\n\n")


def test_item_64_allstats_does_not_exist_in_51():
    result = ps("1..5 | Measure-Object -AllStats")
    assert result.errors[0].message == "A parameter cannot be found that matches parameter name 'AllStats'."


def test_measure_lines():
    result = ps('"One`nTwo`nThree" | Measure-Object -Line')
    lines = result.stdout.splitlines()  # the column alignment belongs to the formatting package's view
    assert lines[1:3] == ["Lines Words Characters Property", "----- ----- ---------- --------"]
    assert lines[3].strip() == "3"
    assert out('("One`\nTwo`\nThree" | Measure-Object -Line).Lines') == [3]
    assert out('("One`nTwo three" | Measure-Object -Word -Character).Words') == [3]


def test_measure_property_and_errors():
    assert out("([pscustomobject]@{v=2},[pscustomobject]@{v=3} | Measure-Object v -Sum).Sum") == [5.0]
    result = ps("[pscustomobject]@{v=2} | Measure-Object -Property zz")
    assert result.errors[0].message == 'The property "zz" cannot be found in the input for any objects.'
    result = ps("'abc' | Measure-Object -Sum")
    assert result.errors[0].message == 'Input object "abc" is not numeric.'


def test_compare_object():
    result = ps("Compare-Object 1,2,3 2,3,4")
    assert result.stdout == ("\nInputObject SideIndicator\n----------- -------------\n          4 =>\n"
                             "          1 <=\n\n")
    assert out("(Compare-Object 1,2,3 2,3,4 -IncludeEqual).SideIndicator") == ["==", "==", "=>", "<="]
    assert out("Compare-Object a,b a,b") == []
    assert out("Compare-Object a A -CaseSensitive | % SideIndicator") == ["=>", "<="]


def test_compare_object_property_and_passthru():
    text = ("$r = [pscustomobject]@{n='web01'},[pscustomobject]@{n='sql01'}\n"
            "$d = [pscustomobject]@{n='web01'}\n")
    assert out(text + "(Compare-Object $r $d -Property n).n") == ["sql01"]
    assert out(text + "(Compare-Object $r $d -Property n -PassThru).SideIndicator") == ["<="]


def test_get_member_of_custom_object():
    result = ps("[pscustomobject]@{a=1;b='x'} | Get-Member")
    assert result.stdout == (
        "\n\n   TypeName: System.Management.Automation.PSCustomObject\n\n"
        "Name        MemberType   Definition\n"
        "----        ----------   ----------\n"
        "Equals      Method       bool Equals(System.Object obj)\n"
        "GetHashCode Method       int GetHashCode()\n"
        "GetType     Method       type GetType()\n"
        "ToString    Method       string ToString()\n"
        "a           NoteProperty int a=1\n"
        "b           NoteProperty string b=x\n\n")


def test_get_member_filters_and_errors():
    assert out("('abc' | Get-Member -MemberType Property).Name") == ["Length"]
    names = out("('abc' | gm -Name To*).Name")
    assert "ToUpper" in names and "ToString" in names and names == sorted(names, key=str.casefold)
    result = ps("$null | Get-Member")
    assert result.errors[0].message == "You must specify an object for the Get-Member cmdlet."


def test_add_member_kinds():
    text = ("$o = New-Object PSObject -Property @{a=1}\n"
            "$o | Add-Member -MemberType NoteProperty -Name b -Value 'x'\n"
            "$o | Add-Member -NotePropertyName c -NotePropertyValue 2\n"
            "$o | Add-Member -NotePropertyMembers @{d=4}\n"
            "$o | Add-Member -MemberType ScriptProperty -Name s -Value { $this.a + 10 }\n"
            "$o | Add-Member -MemberType ScriptMethod -Name Twice -Value { param($n) $n * 2 }\n"
            "$o | Add-Member -MemberType AliasProperty -Name aa -Value a\n"
            "$o.b; $o.c; $o.d; $o.s; $o.Twice(4); $o.aa; $o.a = 5; $o.s\n")
    assert out(text) == ["x", 2, 4, 11, 8, 1, 15]


def test_add_member_existing_and_passthru():
    result = ps("$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName a -NotePropertyValue 2")
    assert result.errors[0].message == (
        'Cannot add a member with the name "a" because a member with that name already exists. To overwrite the '
        "member anyway, add the Force parameter to your command.")
    assert out("$o = [pscustomobject]@{a=1}; $o | Add-Member a 2 -Force -MemberType NoteProperty; $o.a") == [2]
    assert out("$s = 'hi' | Add-Member -NotePropertyName Extra -NotePropertyValue 1 -PassThru; $s.Extra; "
               "$s.ToUpper(); $s.Length") == [1, "HI", 2]


def test_new_object():
    assert out("(New-Object PSObject -Property @{a=1}).a") == [1]
    assert out("(New-Object -TypeName PSCustomObject).PSObject.TypeNames[0]") == [
        "System.Management.Automation.PSCustomObject"]
    result = ps("New-Object Foo.Bar")
    assert result.errors[0].message == "Cannot find type [Foo.Bar]: verify that the assembly containing this type is loaded."
    assert result.errors[0].fully_qualified_error_id == "TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand"
    result = ps("New-Object -ComObject Shell.Application")
    assert "not supported by the emulator" in result.errors[0].message
