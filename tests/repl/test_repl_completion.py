"""The REPL's completer, without a terminal: commands, parameters of the open parameter sets,
enum and ValidateSet values, lab names, variables and members, paths."""

from __future__ import annotations

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from pshv.repl.completion.analysis import analyse, current_word
from pshv.repl.completion.completer import PowerShellCompleter, complete
from pshv.shell import create_session


@pytest.fixture(scope="module")
def ctx():
    session = create_session()
    session.run_script("$vm = Get-VM web01; $Count = 3; function Invoke-Thing { param($Alpha, [switch]$Beta, $Gamma) }",
                       new_scope=False)
    return session.ctx


def texts(ctx, text: str) -> list[str]:
    return [candidate.text for candidate in complete(ctx, text)[1]]


@pytest.mark.parametrize("text, word, role", [
    ("Get-Chi", "Get-Chi", "command"),
    ("Get-VM | Sort-Obj", "Sort-Obj", "command"),
    ("$x = (Get-V", "Get-V", "command"),
    ("Get-ChildItem -Rec", "-Rec", "argument"),
    ("Get-VM -Name web01,sq", "sq", "argument"),
    ("$vm.Na", "$vm.Na", "member"),
    ("$v", "$v", "variable"),
    ('gci "C:\\Program F', '"C:\\Program F', "argument"),
    ('"C:\\Program F', '"C:\\Program F', "path"),
    ("1 + ", "", "path"),
])
def test_analysis_finds_the_word_and_its_role(text, word, role):
    request = analyse(text)
    assert (request.word, request.role) == (word, role)


def test_current_word_starts_at_an_unclosed_quote():
    assert current_word("Get-ChildItem 'C:\\Program F") == ("'", "'C:\\Program F")
    assert current_word("Get-ChildItem 'a b' C:\\Us") == ("", "C:\\Us")


def test_commands_cmdlets_aliases_and_functions(ctx):
    assert texts(ctx, "Get-Chi") == ["Get-ChildItem"]
    assert "gci" in texts(ctx, "gc")
    assert texts(ctx, "Invoke-Th") == ["Invoke-Thing"]
    assert texts(ctx, "& get-childi") == ["Get-ChildItem"]


def test_parameters_by_prefix_and_through_an_alias(ctx):
    assert texts(ctx, "Get-ChildItem -Rec") == ["-Recurse"]
    assert texts(ctx, "gci -Rec") == ["-Recurse"]


def test_parameters_include_common_ones_and_skip_those_given(ctx):
    offered = texts(ctx, "Get-ChildItem -Recurse -")
    assert "-Recurse" not in offered
    assert {"-Path", "-Verbose", "-ErrorAction"} <= set(offered)


def test_parameters_of_the_sets_still_possible(ctx):
    assert "-Name" in texts(ctx, "Get-VM -")
    after_id = texts(ctx, "Get-VM -Id 1 -")
    assert "-Name" not in after_id and "-ComputerName" in after_id


def test_simple_function_parameters_have_no_common_parameters(ctx):
    assert texts(ctx, "Invoke-Thing -") == ["-Alpha", "-Beta", "-Gamma"]


def test_enum_values(ctx):
    assert texts(ctx, "Set-VMHost -VirtualMachineMigrationPerformanceOption S") == ["SMB"]
    assert texts(ctx, "Set-VMHost -VirtualMachineMigrationPerformanceOption ") == ["TCPIP", "Compression", "SMB"]
    assert texts(ctx, "Get-ChildItem -ErrorAction Sil") == ["SilentlyContinue"]


def test_validate_set_values_and_the_colon_form(ctx):
    assert texts(ctx, "Write-Host x -ForegroundColor DarkG") == ["DarkGreen", "DarkGray"]
    assert texts(ctx, "Write-Host x -ForegroundColor:Ye") == ["-ForegroundColor:Yellow"]


def test_vm_names_named_positional_and_in_a_list(ctx):
    assert texts(ctx, "Get-VM -Name we") == ["web01"]
    assert texts(ctx, "Get-VM we") == ["web01"]
    assert texts(ctx, "Get-VM -Name web01,sq") == ["sql01"]
    assert texts(ctx, "Get-VM -VMName d") == ["dc01"]


def test_host_switch_and_cluster_names(ctx):
    assert texts(ctx, "Get-VMHost -ComputerName HV0") == ["HV01", "HV02", "HV03", "HV04"]
    assert texts(ctx, "Get-VMSwitch -Name ") == ["External", "Production"]
    assert texts(ctx, "Connect-VMNetworkAdapter -SwitchName Ex") == ["External"]
    assert texts(ctx, "Get-ClusterNode -Cluster C") == ["CLU01"]


def test_new_commands_do_not_offer_existing_names(ctx):
    assert "web01" not in texts(ctx, "New-VM -Name we")


def test_variables_keep_the_typed_case(ctx):
    assert texts(ctx, "$Co") == ["$ConfirmPreference", "$Count"]
    assert "$vm" in texts(ctx, "$v")
    assert texts(ctx, "$env:COMPUTERN") == ["$env:COMPUTERNAME"]


def test_members_of_a_variable_value(ctx):
    assert texts(ctx, "$vm.Na") == ["$vm.Name"]
    assert "$vm.Name.Length" in texts(ctx, "$vm.Name.Le")
    assert texts(ctx, "$nothing.Na") == []


def test_paths_absolute_relative_and_quoted(ctx):
    assert texts(ctx, "Get-ChildItem C:\\Us") == ["C:\\Users"]
    assert texts(ctx, "Get-ChildItem C:\\Prog") == ["'C:\\Program Files'"]
    assert texts(ctx, 'Get-ChildItem "C:\\Prog') == ['"C:\\Program Files"']
    assert texts(ctx, "Set-Location Doc") == [".\\Documents"]
    assert texts(ctx, "cd C:\\Users\\") == ["C:\\Users\\Administrator", "C:\\Users\\Public"]
    assert texts(ctx, "Get-ChildItem C:\\NoSuchFolder\\") == []


def test_completer_replaces_the_word(ctx):
    completer = PowerShellCompleter(ctx)
    [completion] = completer.get_completions(Document("gci -Rec"), CompleteEvent(completion_requested=True))
    assert (completion.text, completion.start_position) == ("-Recurse", -4)
    assert completion.display_meta_text == "switch"


@pytest.mark.parametrize("text", ["", "   ", "'", '"unclosed $(', "Get-VM -Name (", "@{", "}", "$", "$.", "-", "| -"])
def test_completer_never_raises(ctx, text):
    list(PowerShellCompleter(ctx).get_completions(Document(text), CompleteEvent(completion_requested=True)))
