"""Get-Command, Import-Module, Get-Module, Remove-Module."""

from tests.conftest import ps

HEADER = ("\nCommandType     Name                                               Version    Source\n"
          "-----------     ----                                               -------    ------\n")


def test_get_command_table_with_cmdlet_and_alias():
    assert ps("Get-Command Get-VM, ft").stdout == HEADER + (
        "Cmdlet          Get-VM                                             2.0.0.0    Hyper-V\n"
        "Alias           ft -> Format-Table\n\n")


def test_get_command_filters():
    names = [info.Name for info in ps("Get-Command -Verb Enable -Module Hyper-V").output]
    assert names == ["Enable-VMMigration"]
    kinds = {info.CommandType for info in ps("function Get-Mine {}\nGet-Command Get-M* -CommandType Function").output}
    assert kinds == {"Function"}
    assert [i.Name for i in ps("Get-Command -Name *-PSSession -TotalCount 2").output] == [
        "Enter-PSSession", "Exit-PSSession"]
    assert "Get-VM" in [i.Name for i in ps("Get-Command -ParameterName ClusterObject").output]


def test_get_command_not_found():
    result = ps("Get-Command Get-Nothing; Get-Command Get-Nothing*")
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.message == (
        "The term 'Get-Nothing' is not recognized as the name of a cmdlet, function, script file, or operable program. "
        "Check the spelling of the name, or if a path was included, verify that the path is correct and try again.")
    assert error.fully_qualified_error_id == "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand"


def test_import_module_known_and_unknown():
    result = ps("Import-Module Hyper-V, FailoverClusters; Import-Module Microsoft.PowerShell.Management")
    assert result.errors == [] and result.output == []
    error = ps("Import-Module NoSuchModule").errors[0]
    assert error.message == ("The specified module 'NoSuchModule' was not loaded because no valid module file was "
                             "found in any module directory.")
    assert error.fully_qualified_error_id == "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"
    assert error.category_info() == "ResourceUnavailable: (NoSuchModule:String) [Import-Module], FileNotFoundException"


def test_import_module_verbose_and_passthru():
    result = ps("Import-Module FailoverClusters -Verbose -PassThru | Select-Object -ExpandProperty Name")
    assert result.output == ["FailoverClusters"]
    assert result.stdout.startswith(
        "VERBOSE: Loading module from path "
        "'C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules\\FailoverClusters\\FailoverClusters.psd1'.\n"
        "VERBOSE: Importing cmdlet 'Add-ClusterVirtualMachineRole'.\n")


def test_get_module_and_remove_module():
    assert ps("Get-Module").stdout == (
        "\nModuleType Version    Name                                ExportedCommands\n"
        "---------- -------    ----                                ----------------\n"
        "Manifest   3.1.0.0    Microsoft.PowerShell.Management     {Add-Content, Clear-Content, Convert-Path, "
        "Copy-Item...}\n"
        "Manifest   3.1.0.0    Microsoft.PowerShell.Utility        {Add-Member, Add-Type, Clear-Host, "
        "Clear-Variable...}\n\n")
    assert "Hyper-V" in [m.Name for m in ps("Get-Module -ListAvailable").output]
    assert [m.Name for m in ps("Import-Module Hyper-V; Remove-Module Hyper-V; Get-Module Hyper-V").output] == []
    error = ps("Remove-Module NotLoaded").errors[0]
    assert error.fully_qualified_error_id == "Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand"
