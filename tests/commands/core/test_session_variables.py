"""*-Variable, *-Alias, Tee-Object, Out-GridView, Invoke-Expression, Set-StrictMode,
Read-Host/pause/Get-Credential without a user, Get-Host."""

from tests.conftest import ps


def out(text):
    result = ps(text)
    assert not result.errors, [e.message for e in result.errors]
    return result.output


def test_get_variable_table_and_value_only():
    result = ps("$x = 5; Get-Variable x")
    assert result.stdout == "\nName                           Value\n----                           -----\nx                              5\n\n"
    assert out("$x = 5; Get-Variable x -ValueOnly; (gv x).Value") == [5, 5]


def test_get_variable_not_found():
    result = ps("Get-Variable nope")
    assert result.errors[0].message == "Cannot find a variable with the name 'nope'."
    assert result.errors[0].fully_qualified_error_id == "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"
    assert out("Get-Variable nope* ") == []


def test_set_variable_read_only_and_scopes():
    result = ps("Set-Variable y 10 -Option ReadOnly; Set-Variable y 11; $y; Set-Variable y 12 -Force; $y")
    assert result.output == [10, 12]
    assert result.errors[0].message == "Cannot overwrite variable y because it is read-only or constant."
    assert out("function f { Set-Variable -Name g -Value 42 -Scope Global; $l = 1; Get-Variable l -Scope 0 -ValueOnly }"
               "\nf; $g") == [1, 42]
    assert out("1,2 | Set-Variable piped; $piped") == [1, 2]


def test_new_remove_clear_variable():
    result = ps("New-Variable a 1; New-Variable a 2; $a")
    assert result.output == [1]
    assert result.errors[0].message == "A variable with name 'a' already exists."
    result = ps("New-Variable c 3 -Option Constant; Remove-Variable c -Force; $c")
    assert result.output == [3]
    assert result.errors[0].fully_qualified_error_id == (
        "VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveVariableCommand")
    assert out("$r = 1; Remove-Variable r; Test-Path variable:r") == [False]
    assert out("$k = 1; Clear-Variable k; $k -eq $null") == [True]


def test_aliases():
    assert out("(Get-Alias gm).Definition") == ["Get-Member"]
    assert "select" in [a.Name for a in out("Get-Alias -Definition Select-Object")]
    assert out("Set-Alias gd Get-Date; (gd -Date '2024-01-02' -Format yyyy)") == ["2024"]
    result = ps("New-Alias gd2 Get-Date; New-Alias gd2 Get-Date")
    assert result.errors[0].message == "Alias not allowed because an alias with the name 'gd2' already exists."
    result = ps("Get-Alias nosuch")
    assert result.errors[0].message == (
        "This command cannot find a matching alias because an alias with the name 'nosuch' does not exist.")


def test_tee_object_variable():
    assert out("1,2,3 | Tee-Object -Variable teed | Measure-Object | % Count; $teed") == [3, 1, 2, 3]


def test_out_gridview_passthru_and_warning():
    result = ps("1,2 | Out-GridView -PassThru")
    assert result.output == [1, 2]
    assert "WARNING: Out-GridView: the emulator has no grid window" in result.stdout
    result = ps("1,2 | ogv -Title x")
    assert result.output == []
    assert "the objects were not shown" in result.stdout


def test_invoke_expression_runs_in_the_current_scope():
    assert out("iex '$q = 7; 1 + 1'; $q") == [2, 7]
    assert out("function f { Invoke-Expression '$inner = 3' ; $inner }; f") == [3]


def test_invoke_expression_parse_error():
    result = ps("Invoke-Expression '1 +'")
    assert result.errors[0].message == (
        "At line:1 char:4\n+ 1 +\n+    ~\nYou must provide a value expression following the '+' operator.")
    assert result.errors[0].fully_qualified_error_id == (
        "ExpectedValueExpression,Microsoft.PowerShell.Commands.InvokeExpressionCommand")


def test_set_strict_mode():
    result = ps("Set-StrictMode -Version Latest; $undefinedvar")
    assert result.errors[0].message == "The variable '$undefinedvar' cannot be retrieved because it has not been set."
    assert out("Set-StrictMode -Version 2; Set-StrictMode -Off; $undefinedvar") == [None]
    assert out("Set-PSDebug -Strict; Set-PSDebug -Off; $u") == [None]


def test_read_host_and_pause_without_a_user():
    for text in ("Read-Host 'Name'", "pause"):
        result = ps(text)
        assert result.errors[0].message == (
            "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.")


def test_get_credential_and_get_host():
    assert out("(Get-Credential).UserName; (Get-Credential -UserName bob -Message hi).UserName") == [
        "CONTOSO\\Administrator", "bob"]
    assert out("(Get-Credential).Password.GetType().FullName") == ["System.Security.SecureString"]
    assert out("(Get-Host).Name; (Get-Host).Version") == ["ConsoleHost", "5.1.20348.2849"]


def test_clear_host_aliases_run():
    assert out("Clear-Host; cls; clear") == []
