"""ConvertTo-/ConvertFrom-Json and ConvertTo-/ConvertFrom-Csv in Windows PowerShell 5.1's layout."""

from tests.conftest import ps


def out(text):
    result = ps(text)
    assert not result.errors, [e.message for e in result.errors]
    return result.output


def test_json_51_indentation():
    text = "[pscustomobject]@{Name='web01'; Disks=@(1,2); Obj=[pscustomobject]@{A=1}} | ConvertTo-Json"
    assert out(text) == ["{\r\n"
                         '    "Name":  "web01",\r\n'
                         '    "Disks":  [\r\n'
                         "                  1,\r\n"
                         "                  2\r\n"
                         "              ],\r\n"
                         '    "Obj":  {\r\n'
                         '                "A":  1\r\n'
                         "            }\r\n"
                         "}"]


def test_json_empty_array_breaks_lines():
    assert out("@{a=@()} | ConvertTo-Json") == ['{\r\n    "a":  [\r\n\r\n          ]\r\n}']


def test_json_depth_truncates_to_strings():
    text = "[pscustomobject]@{a=[pscustomobject]@{b=[pscustomobject]@{c=1}}}"
    assert out(text + " | ConvertTo-Json -Compress") == ['{"a":{"b":"@{c=1}"}}']
    assert out(text + " | ConvertTo-Json -Compress -Depth 5") == ['{"a":{"b":{"c":1}}}']


def test_json_scalars_dates_escapes_and_pipeline_arrays():
    assert out("[datetime]'2020-01-01' | ConvertTo-Json") == ['"\\/Date(1577836800000)\\/"']
    assert out("'<a&b>' | ConvertTo-Json") == ['"\\u003ca\\u0026b\\u003e"']
    assert out("1,2 | ConvertTo-Json -Compress") == ["[1,2]"]
    assert out("$true, $null | ConvertTo-Json -Compress") == ["[true,null]"]


def test_convertfrom_json():
    text = "$x = '{\"a\":1,\"b\":[1,2,{\"c\":\"d\"}],\"e\":1.5}' | ConvertFrom-Json\n"
    assert out(text + "$x.a; $x.b[2].c; $x.e.GetType().FullName") == [1, "d", "System.Decimal"]
    assert out("('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count") == [1]  # 5.1 writes the array whole
    assert out("$lines = '{', '\"a\": 2', '}'; ($lines | ConvertFrom-Json).a") == [2]


def test_convertfrom_json_error():
    result = ps("'abc' | ConvertFrom-Json")
    assert result.errors[0].message == "Invalid JSON primitive: abc."
    assert result.errors[0].fully_qualified_error_id == (
        "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromJsonCommand")


def test_convertto_csv():
    text = "[pscustomobject]@{a=1;b='x,\"y\"';c=$null} | ConvertTo-Csv"
    assert out(text) == ["#TYPE System.Management.Automation.PSCustomObject", '"a","b","c"', '"1","x,""y""",']
    assert out(text + " -NoTypeInformation -Delimiter ';'") == ['"a";"b";"c"', '"1";"x,""y""";']
    assert out("'abc' | Select-Object Length | ConvertTo-Csv")[0] == "#TYPE Selected.System.String"


def test_convertfrom_csv():
    assert out("$c = 'a,b', '1,2', '\"3,x\",4' | ConvertFrom-Csv; $c[1].a; $c[0].b") == ["3,x", "2"]
    assert out("('x;y' | ConvertFrom-Csv -Delimiter ';' -Header p,q).q") == ["y"]
    assert out("('#TYPE Foo', 'a', '1' | ConvertFrom-Csv).PSObject.TypeNames[0]") == ["CSV:Foo"]
