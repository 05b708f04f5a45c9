"""Syntax lines from parameter declarations, Get-Help layouts, help records for every cmdlet."""

from pshv.commands.help_data import all_records
from pshv.commands.registry import MODULES
from pshv.runtime.help_syntax import short_type_name, syntax_lines
from pshv.runtime.params import cmdlet, p
from tests.conftest import ps


def test_every_registered_cmdlet_has_a_help_record():
    records = all_records()
    missing = [name for _, (_, cmdlets) in MODULES.items() for name in cmdlets if name.casefold() not in records]
    assert missing == []


def test_record_example_titles_are_numbered_in_order():
    misnumbered = [(name, example.title) for name, record in all_records().items()
                   for number, example in enumerate(record.examples, 1)
                   if not example.title.startswith(f"Example {number}: ")]
    assert misnumbered == []


def test_get_help_shows_a_record_example_title_once():
    text = ps("Get-Help Move-VM -Examples").stdout
    assert "    ----------------- Example 1: Live-migrate a VM -----------------\n\n    Move-VM -Name web01" in text
    assert "Example 1: Example 1" not in text


def test_syntax_notation_and_set_order():
    spec = cmdlet("Test-Thing", [
        p("Name", "System.String[]", sets={"ByName": dict(position=0)}),
        p("Id", "System.Guid", sets={"ById": dict(position=0, mandatory=True)}),
        p("Path", "string", sets={"ByName": dict(mandatory=True)}),
        p("Force", "switch"),
        p("Must", "switch", sets={"ById": dict(mandatory=True)}),
        p("VM", "Microsoft.HyperV.PowerShell.VirtualMachine[]"),
        p("Count", "System.Nullable[System.Int32]"),
    ], default_set="ById", should_process=True)
    assert syntax_lines("Test-Thing", spec) == [
        "Test-Thing [-Id] <guid> -Must [-Force] [-VM <VirtualMachine[]>] [-Count <int>] [-WhatIf] [-Confirm] "
        "[<CommonParameters>]",
        "Test-Thing [[-Name] <string[]>] -Path <string> [-Force] [-VM <VirtualMachine[]>] [-Count <int>] [-WhatIf] "
        "[-Confirm] [<CommonParameters>]",
    ]
    assert short_type_name("System.Management.Automation.PSCredential[]") == "pscredential[]"
    assert short_type_name("System.Object") == "Object"


def test_get_command_syntax_of_cmdlet_and_function():
    result = ps("Get-Command Write-Output -Syntax")
    assert result.stdout == (
        "\nWrite-Output [-InputObject] <psobject[]> [-NoEnumerate] [<CommonParameters>]\n\n")
    result = ps("function f($a, [switch]$s, [int]$b) {}\nGet-Command f -Syntax")
    assert result.output == ["\nf [[-a] <Object>] [[-b] <int>] [-s]\n"]


def test_help_of_function_without_help_is_minimal():
    result = ps("function Get-Thing { param([string]$Name) }\nSet-Alias gth Get-Thing\nGet-Help Get-Thing")
    assert result.stdout == (
        "\nNAME\n    Get-Thing\n\nSYNTAX\n    Get-Thing [[-Name] <string>]\n\n\n"
        "ALIASES\n    gth\n\n\nREMARKS\n    None\n\n\n")


def test_comment_based_help_full_view():
    script = (
        "function Add-Extension {\n<#\n.SYNOPSIS\nAdds an extension.\n.DESCRIPTION\nAdds a file name extension.\n"
        ".PARAMETER Name\nThe file name.\n.EXAMPLE\nAdd-Extension -Name a\n#>\n"
        "[CmdletBinding()] param([Parameter(Mandatory)][string]$Name) $Name + '.txt' }\n"
        "Get-Help Add-Extension -Full")
    text = ps(script).stdout
    assert text.startswith("\nNAME\n    Add-Extension\n\nSYNOPSIS\n    Adds an extension.\n\n\nSYNTAX\n"
                           "    Add-Extension [-Name] <string> [<CommonParameters>]\n\n\nDESCRIPTION\n"
                           "    Adds a file name extension.\n\n\nPARAMETERS\n    -Name <string>\n        The file name.\n\n"
                           "        Required?                    true\n        Position?                    1\n"
                           "        Default value                None\n        Accept pipeline input?       False\n"
                           "        Accept wildcard characters?  false\n\n    <CommonParameters>\n")
    assert "    -------------------------- EXAMPLE 1 --------------------------\n\n    PS C:\\>Add-Extension -Name a\n" in text


def test_cmdlet_help_default_view_and_properties():
    text = ps("Get-Help Get-VM").stdout
    assert text.startswith("\nNAME\n    Get-VM\n\nSYNOPSIS\n    Gets the virtual machines of one or more Hyper-V hosts."
                           "\n\n\nSYNTAX\n    Get-VM [[-Name] <string[]>]")
    assert text.endswith('REMARKS\n    To see the examples, type: "get-help Get-VM -examples".\n'
                         '    For more information, type: "get-help Get-VM -detailed".\n'
                         '    For technical information, type: "get-help Get-VM -full".\n\n\n')
    assert ps("(Get-Help Get-VM).Synopsis").output == ["Gets the virtual machines of one or more Hyper-V hosts."]
    assert ps("(man gcm).Name").output == ["Get-Command"]


def test_help_parameter_view():
    text = ps("Get-Help Invoke-Command -Parameter ComputerName").stdout
    assert text == ("\n-ComputerName <string[]>\n    The lab hosts to run the command on.\n\n"
                    "    Required?                    false\n    Position?                    0\n"
                    "    Default value                None\n    Accept pipeline input?       False\n"
                    "    Accept wildcard characters?  false\n\n\n")


def test_about_topics_and_errors():
    assert ps("Get-Help about_Pshv").stdout.startswith("TOPIC\n    about_Pshv\n")
    assert "about_Pshv_Remoting" in [row.Name for row in ps("Get-Help about").output]
    error = ps("Get-Help nosuchthing").errors[0]
    assert error.message == (
        'Get-Help could not find nosuchthing in a help file in this session. To download updated help topics type: '
        '"Update-Help". To get help online, search for the help topic in the TechNet library at '
        'https:/go.microsoft.com/fwlink/?LinkID=107116.')
    assert error.fully_qualified_error_id == "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"
    error = ps("Get-Help Get-VM -Online").errors[0]
    assert error.message == "Get-Help -Online is not supported by this emulator: it has no web browser."
