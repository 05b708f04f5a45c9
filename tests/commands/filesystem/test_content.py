"""Content cmdlets, Out-File, CSV files and the path cmdlets (Join-Path, Split-Path, Resolve-Path)."""

import pytest

from tests.conftest import ps


def test_set_add_get_content():
    result = ps("Set-Content C:\\f.txt 'one','two'; Add-Content C:\\f.txt three; Get-Content C:\\f.txt; "
                "(Get-Content C:\\f.txt -Raw).Length; Get-Content C:\\f.txt -TotalCount 1; Get-Content C:\\f.txt -Tail 2; "
                "Get-Content C:\\f.txt -First 2 | Measure-Object | ForEach-Object Count")
    assert result.output == ["one", "two", "three", 17, "one", "two", "three", 2]


def test_pipeline_values_and_clear_content():
    result = ps("1..3 | Set-Content C:\\n.txt; (Get-Content C:\\n.txt) -join ','; Clear-Content C:\\n.txt; "
                "(Get-Item C:\\n.txt).Length")
    assert result.output == ["1,2,3", 0]


def test_content_whatif_texts():
    result = ps("Set-Content C:\\f.txt x -WhatIf; Add-Content C:\\f.txt x -WhatIf")
    assert result.stdout == ('What if: Performing the operation "Set Content" on target "Path: C:\\f.txt".\n'
                             'What if: Performing the operation "Add Content" on target "Path: C:\\f.txt".\n')


def test_get_content_missing_file_and_folder():
    result = ps("Get-Content C:\\nope.txt; Get-Content C:\\Windows")
    assert result.stderr.startswith("Get-Content : Cannot find path 'C:\\nope.txt' because it does not exist.\n")
    assert "Get-Content : Access to the path 'C:\\Windows' is denied." in result.stderr


def test_set_content_into_missing_folder():
    result = ps("Set-Content C:\\nope\\x.txt hi")
    assert result.stderr.startswith("Set-Content : Could not find a part of the path 'C:\\nope\\x.txt'.\n")


def test_out_file_formats_like_the_console():
    result = ps("Get-Location | Out-File C:\\loc.txt; Get-Content C:\\loc.txt; 'more' | Out-File C:\\loc.txt -Append; "
                "(Get-Content C:\\loc.txt)[-1]; 'x' | Out-File C:\\loc.txt -NoClobber")
    assert result.output == ["", "Path", "----", "C:\\Users\\Administrator", "", "more"]
    assert result.stderr.startswith("Out-File : The file 'C:\\loc.txt' already exists.\n")


def test_output_redirection_to_a_file():
    result = ps("'a' > C:\\r.txt; 'b' >> C:\\r.txt; Get-Content C:\\r.txt")
    assert result.output == ["a", "b"]


def test_error_redirection_to_a_file():
    result = ps("Get-Item C:\\nope 2> C:\\err.txt; (Get-Content C:\\err.txt)[0]")
    assert result.output == ["Get-Item : Cannot find path 'C:\\nope' because it does not exist."]
    assert result.stderr == ""


def test_export_and_import_csv():
    result = ps("[pscustomobject]@{Name='web01'; Host='HV02'; Note=$null}, [pscustomobject]@{Name='a\"b'; Host='HV03'} |"
                " Export-Csv C:\\vms.csv; Get-Content C:\\vms.csv; Import-Csv C:\\vms.csv | ForEach-Object Name; "
                "[pscustomobject]@{Name='x'} | Export-Csv C:\\vms.csv -Append; (Import-Csv C:\\vms.csv).Count; "
                "(Import-Csv C:\\vms.csv)[0].PSObject.TypeNames[0]")
    assert result.output == [
        "#TYPE System.Management.Automation.PSCustomObject", '"Name","Host","Note"', '"web01","HV02",',
        '"a""b","HV03",', "web01", 'a"b', 3, "CSV:System.Management.Automation.PSCustomObject"]


def test_csv_options():
    result = ps("[pscustomobject]@{A=1; B=2} | Export-Csv C:\\x.csv -NoTypeInformation -Delimiter ';'; "
                "Get-Content C:\\x.csv; (Import-Csv C:\\x.csv -Delimiter ';').B; "
                "(Import-Csv C:\\x.csv -Header P,Q)[1].P")
    assert result.output == ['"A";"B"', '"1";"2"', "2", "1;2"]


def test_join_path():
    result = ps("Join-Path C:\\a b.txt; Join-Path C:\\a\\ \\b; Join-Path a b; Join-Path C:\\Windows System32 -Resolve; "
                "Join-Path Q:\\a b")
    assert result.output == ["C:\\a\\b.txt", "C:\\a\\b", "a\\b", "C:\\Windows\\System32"]
    assert result.stderr.startswith("Join-Path : Cannot find drive. A drive with the name 'Q' does not exist.\n")


def test_split_path():
    result = ps("Split-Path C:\\a\\b.txt; Split-Path C:\\a\\b.txt -Leaf; Split-Path C:\\a -Parent; "
                "Split-Path C:\\a\\b -Qualifier; Split-Path C:\\a\\b -NoQualifier; Split-Path C:\\a -IsAbsolute; "
                "Split-Path a\\b -IsAbsolute; Split-Path a\\b")
    assert result.output == ["C:\\a", "b.txt", "C:\\", "C:", "\\a\\b", True, False, "a"]


def test_resolve_and_convert_path():
    result = ps("(Resolve-Path C:\\Win*).Path; Resolve-Path D:\\Hyper-V -Relative; cd C:\\Windows; "
                "Resolve-Path .\\System32 -Relative; Convert-Path ~; Resolve-Path C:\\nope")
    assert result.output == ["C:\\Windows", "D:\\Hyper-V", ".\\System32", "C:\\Users\\Administrator"]
    assert result.stderr.startswith("Resolve-Path : Cannot find path 'C:\\nope' because it does not exist.\n")
