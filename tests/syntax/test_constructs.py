"""Each language construct parses into the documented nodes."""

from decimal import Decimal

import pytest

from pshv.syntax import ast, parse
from tests.syntax.helpers import command, expr, first, statements


def test_pipeline_of_commands_with_parameters_and_script_block():
    pipeline = first('Get-VM -Name web01 | Where-Object { $_.State -eq "Running" } | Sort-Object')
    assert [type(e) for e in pipeline.elements] == [ast.Command] * 3
    get_vm = pipeline.elements[0]
    assert get_vm.elements[0] == ast.StringConstant(value="Get-VM", kind="bare", start=0, end=6)
    assert get_vm.elements[1].name == "Name"
    assert get_vm.elements[2].value == "web01"
    block = pipeline.elements[1].elements[1]
    assert isinstance(block, ast.ScriptBlockExpr)
    assert block.block.text == ' $_.State -eq "Running" '


def test_positions_are_one_based_line_and_column():
    pipeline = first("\n  $x = 1")
    assert (pipeline.line, pipeline.col, pipeline.start) == (2, 3, 3)
    assert pipeline.left.end == 5


@pytest.mark.parametrize("op", ["=", "+=", "-=", "*=", "/=", "%="])
def test_assignment_operators(op):
    node = first(f"$x {op} 5")
    assert isinstance(node, ast.Assignment) and node.op == op
    assert node.left.name == "x"
    assert isinstance(node.right, ast.Pipeline)


@pytest.mark.parametrize("text, statement_type", [
    ("$x = if ($a) { 1 } else { 2 }", ast.If),
    ("$x = switch ($y) { 1 { 'a' } }", ast.Switch),
    ("$x = foreach ($i in 1..3) { $i }", ast.ForEach),
])
def test_assignment_right_side_is_a_statement(text, statement_type):
    assert isinstance(first(text).right, statement_type)


def test_assignment_continues_on_next_line():
    node = first("$x =\n  5")
    assert node.right.elements[0].expression.value == 5


def test_multiple_assignment_has_array_left_side():
    node = first("$a, $b = 1, 2")
    assert isinstance(node.left, ast.ArrayLiteral)
    assert [v.name for v in node.left.elements] == ["a", "b"]
    assert isinstance(node.right.elements[0].expression, ast.ArrayLiteral)


def test_typed_variable_with_initializer():
    node = first("[int]$count = 0")
    assert isinstance(node.left, ast.Convert) and node.left.type.name == "int"


def test_if_elseif_else():
    node = first("if ($a) { 1 }\nelseif ($b) { 2 }\nelse { 3 }")
    assert isinstance(node, ast.If)
    assert len(node.clauses) == 2
    assert node.else_body.statements[0].elements[0].expression.value == 3


def test_switch_flags_default_and_script_block_conditions():
    node = first("switch -Regex -CaseSensitive (1, 2) {\n {$_ -gt 1} { 'big' }\n '^a' { 'a'; break }\n"
                 " default { 'other' }\n}")
    assert node.flags == frozenset({"regex", "casesensitive"})
    assert isinstance(node.condition.elements[0].expression, ast.ArrayLiteral)
    assert isinstance(node.clauses[0].pattern, ast.ScriptBlockExpr)
    assert node.clauses[1].pattern.value == "^a"
    assert node.default is not None


@pytest.mark.parametrize("flag", ["-Wildcard", "-Exact"])
def test_switch_matching_flags(flag):
    assert first(f"switch {flag} ('x') {{ x {{ 1 }} }}").flags == {flag[1:].lower()}


def test_switch_file():
    node = first(r"switch -File C:\list.txt { abc { $_ } }")
    assert node.flags == {"file"}
    assert node.condition.elements[0].expression.value == r"C:\list.txt"


def test_foreach_with_command_input():
    node = first("foreach ($vm in Get-VM) { $vm.Name }")
    assert isinstance(node, ast.ForEach) and node.variable.name == "vm"
    assert isinstance(node.iterable.elements[0], ast.Command)


def test_for_loop_parts():
    node = first("for ($i = 0; $i -lt 3; $i++) { $i }")
    assert isinstance(node.init, ast.Assignment)
    assert node.condition.elements[0].expression.op == "-lt"
    assert node.iterator.elements[0].expression.op == "post++"
    empty = first("for (;;) { break }")
    assert empty.init is None and empty.condition is None and empty.iterator is None


def test_while_do_while_do_until():
    assert isinstance(first("while ($true) { break }"), ast.While)
    loop = first("do { $i++ }\nwhile ($i -lt 3)")
    assert isinstance(loop, ast.DoWhile) and not loop.until
    assert first("do { $i++ } until ($i -ge 3)").until


def test_labels_with_break_and_continue():
    node = first(":outer foreach ($a in $b) { foreach ($c in $d) { continue outer }; break outer }")
    assert node.label == "outer"
    inner = node.body.statements[0].body.statements[0]
    assert isinstance(inner, ast.Continue) and inner.label.value == "outer"
    assert isinstance(node.body.statements[1], ast.Break)


def test_return_exit_throw():
    nodes = statements('return; return 5; exit 1; throw "boom"; throw')
    assert [type(n) for n in nodes] == [ast.Return, ast.Return, ast.Exit, ast.Throw, ast.Throw]
    assert nodes[0].pipeline is None and nodes[4].pipeline is None
    assert nodes[1].pipeline.elements[0].expression.value == 5


def test_try_catch_typed_several_and_finally():
    node = first("try { 1 }\ncatch [System.IO.IOException], [System.Net.WebException] { 2 }\n"
                 "catch { 3 }\nfinally { 4 }")
    assert [t.name for t in node.catches[0].types] == ["System.IO.IOException",
                                                      "System.Net.WebException"]
    assert node.catches[1].types == []
    assert node.finally_body is not None


def test_trap_goes_to_block_traps():
    block = parse("trap [DivideByZeroException] { continue }\n1/0").end
    assert block.traps[0].type.name == "DivideByZeroException"
    assert len(block.statements) == 1


def test_function_with_parenthesized_parameters():
    node = first("function Add($a, $b = 2) { $a + $b }")
    assert isinstance(node, ast.FunctionDefinition) and node.name == "Add"
    params = node.body.param_block.parameters
    assert [p.name for p in params] == ["a", "b"]
    assert params[1].default.value == 2
    assert node.body.text == " $a + $b "


def test_filter_body_is_process_block():
    node = first("filter Double { $_ * 2 }")
    assert node.is_filter and node.body.process is not None and node.body.end is None


ADVANCED = """
function Move-Thing {
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, Position=0, ValueFromPipeline, ValueFromPipelineByPropertyName,
                   ParameterSetName='x', HelpMessage='The name')]
        [Alias('VMName')]
        [ValidateSet('a', 'b')]
        [ValidateNotNullOrEmpty()]
        [ValidateRange(1, 10)]
        [ValidatePattern('^a')]
        [ValidateScript({ $_ -ne 'c' })]
        [string[]]$Name,
        [switch]$Force,
        [int]$Count = 3
    )
    begin { $n = 0 }
    process { $n++ }
    end { $n }
}
"""


def test_advanced_function_attributes_and_named_blocks():
    node = first(ADVANCED)
    block = node.body.param_block
    assert [a.name for a in block.attributes] == ["CmdletBinding", "OutputType"]
    assert block.attributes[0].named == [("SupportsShouldProcess", None)]
    name, force, count = block.parameters
    attrs = {a.name: a for a in name.attributes}
    assert list(attrs) == ["Parameter", "Alias", "ValidateSet", "ValidateNotNullOrEmpty",
                           "ValidateRange", "ValidatePattern", "ValidateScript"]
    named = dict(attrs["Parameter"].named)
    assert named["Mandatory"] is None and named["Position"].value == 0
    assert named["ParameterSetName"].value == "x" and named["HelpMessage"].value == "The name"
    assert [v.value for v in attrs["ValidateSet"].positional] == ["a", "b"]
    assert [v.value for v in attrs["ValidateRange"].positional] == [1, 10]
    assert isinstance(attrs["ValidateScript"].positional[0], ast.ScriptBlockExpr)
    assert name.type.name == "string[]" and force.type.name == "switch"
    assert count.default.value == 3
    assert node.body.begin and node.body.process and node.body.end


def test_comment_based_help_before_inside_and_script():
    script = parse("<#\n.SYNOPSIS\nScript help\n#>\n\n\n\n"
                   "# .SYNOPSIS\n# Before\nfunction A { }\n"
                   "function B {\n<#\n.SYNOPSIS\nInside\n#>\n}\n")
    assert "Script help" in script.help
    a, b = script.end.statements
    assert "Before" in a.help and "Inside" in b.help
    assert parse("function C { } # .SYNOPSIS no").end.statements[0].help is None


def test_script_param_block_with_cmdletbinding():
    script = parse("[CmdletBinding()]\nparam([string]$Path)\n$Path")
    assert script.param_block.attributes[0].name == "CmdletBinding"
    assert script.param_block.parameters[0].name == "Path"


@pytest.mark.parametrize("text, top, left_op", [
    ("1 + 2 * 3", "+", None),
    ("1 -eq 1 -and 2 -eq 2", "-and", "-eq"),
    ("1 -band 2 -or 3", "-or", "-band"),
    ("1 + 2 -gt 2", "-gt", "+"),
    ("'{0}' -f 1 * 2", "*", "-f"),
    ("1..3 -f 1", "-f", ".."),
])
def test_binary_precedence(text, top, left_op):
    node = expr(text)
    assert node.op == top
    if left_op:
        assert node.left.op == left_op


@pytest.mark.parametrize("op", [
    "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-like", "-notlike", "-match", "-notmatch",
    "-replace", "-contains", "-notcontains", "-in", "-notin", "-split", "-join", "-is", "-isnot",
    "-as", "-band", "-bor", "-bxor", "-and", "-or", "-xor", "-f", "-shl", "-shr",
])
def test_word_operators(op):
    assert expr(f"$a {op} $b").op == op


@pytest.mark.parametrize("written, canonical", [
    ("-ieq", "-eq"), ("-ceq", "-ceq"), ("-ILike", "-like"), ("-creplace", "-creplace"),
    ("-csplit", "-csplit"), ("-CEQ", "-ceq"), ("-imatch", "-match"), ("-cnotin", "-cnotin"),
])
def test_case_variants(written, canonical):
    assert expr(f"$a {written} $b").op == canonical


def test_unary_operators_bind_tighter_than_comparison():
    node = expr("-not $a -eq $b")
    assert node.op == "-eq" and node.left.op == "-not"
    node = expr("!$a -eq $b")
    assert node.left.op == "!"
    assert expr("-split 'a b'").op == "-split"
    assert expr("-join $x").op == "-join"
    assert expr("-bnot 5").op == "-bnot"


def test_comma_binds_tighter_than_binary_operators():
    node = expr("1, 2 -join ','")
    assert node.op == "-join" and isinstance(node.left, ast.ArrayLiteral)


def test_unary_comma_and_increments():
    assert expr(",1").op == ","
    assert expr("++$i").op == "++"
    assert expr("--$i").op == "--"
    assert expr("$i--").op == "post--"


def test_negative_number_literal():
    node = expr("-5")
    assert isinstance(node, ast.Constant) and node.value == -5


def test_casts_and_chained_casts():
    node = expr("[int][double]$x")
    assert isinstance(node, ast.Convert) and node.type.name == "int"
    assert isinstance(node.operand, ast.Convert) and node.operand.type.name == "double"


def test_type_literals_generic_and_array():
    node = expr("[System.Collections.Generic.List[string]]::new()")
    assert isinstance(node, ast.InvokeMember) and node.static
    assert node.target.type.name == "System.Collections.Generic.List[string]"
    assert expr("[string[]]").type.name == "string[]"
    assert expr("[Dictionary[string, int]]").type.name == "Dictionary[string,int]"


def test_static_member_and_method():
    node = expr("[math]::Pi")
    assert isinstance(node, ast.Member) and node.static and node.member.value == "Pi"
    call = expr("[Math]::Round(1.5, 2)")
    assert call.static and [a.value for a in call.arguments] == [1.5, 2]


def test_member_chain_and_method_arguments_are_separate():
    node = expr("$x.A.B(1,2).C")
    assert isinstance(node, ast.Member) and node.member.value == "C"
    call = node.target
    assert isinstance(call, ast.InvokeMember) and len(call.arguments) == 2
    assert call.target.member.value == "A" or call.target.target.member.value == "A"


def test_dynamic_member_names():
    assert isinstance(expr("$x.$name").member, ast.Variable)
    assert isinstance(expr("$x.($name)").member, ast.Paren)
    assert expr("$x.'odd name'").member.value == "odd name"


def test_indexing_and_slices():
    assert expr("$x[0]").index.value == 0
    assert expr("$x[-1]").index.value == -1
    assert expr("$x[1..3]").index.op == ".."
    assert expr("$h['k']").index.value == "k"
    assert isinstance(expr("$x[0, 2]").index, ast.ArrayLiteral)


def test_member_access_needs_no_space():
    with pytest.raises(Exception):
        parse("$x .Prop")
    args = command("Write-Output $x .Prop").elements
    assert isinstance(args[1], ast.Variable) and args[2].value == ".Prop"
    args = command("Write-Output $x [0]").elements
    assert args[2].value == "[0]"
    assert isinstance(command("Write-Output $x[0]").elements[1], ast.Index)


def test_hashtables():
    node = expr("@{ a = 1; 'b' = 2\n 3 = 4\n ($k) = 5 }")
    keys = [e.key for e in node.entries]
    assert keys[0] == ast.StringConstant(value="a", kind="bare", start=3, end=4, line=1, col=4)
    assert keys[1].value == "b" and keys[2].value == 3 and isinstance(keys[3], ast.Paren)
    ordered = expr("[ordered]@{ Name = 'x'; Expression = { $_.Name } }")
    assert isinstance(ordered, ast.Convert) and isinstance(ordered.operand, ast.Hashtable)
    value = ordered.operand.entries[1].value.elements[0].expression
    assert isinstance(value, ast.ScriptBlockExpr)
    assert expr("@{}").entries == []


def test_hash_value_is_a_command():
    node = expr("@{ When = Get-Date }")
    assert isinstance(node.entries[0].value.elements[0], ast.Command)


def test_arrays_and_subexpressions():
    assert len(expr("1,2,3").elements) == 3
    assert isinstance(expr("@()"), ast.ArrayExpression)
    assert len(expr("$(1; 2)").body.statements) == 2
    assert isinstance(expr("(1 + 2)"), ast.Paren)


def test_splatting():
    node = command("Set-VMHost @params -Confirm:$false")
    splat = node.elements[1]
    assert isinstance(splat, ast.Variable) and splat.splatted and splat.name == "params"
    assert node.elements[2].name == "Confirm" and node.elements[2].argument.name == "false"


@pytest.mark.parametrize("text, name, scope", [
    ("$script:x", "x", "script"), ("$global:y", "y", "global"), ("$local:z", "z", "local"),
    ("$private:w", "w", "private"), ("$using:q", "q", "using"),
    ("$env:COMPUTERNAME", "COMPUTERNAME", "env"), ("${braced name}", "braced name", None),
    ("$_", "_", None), ("$$", "$", None), ("$?", "?", None), ("$^", "^", None),
    ("${env:ProgramFiles(x86)}", "ProgramFiles(x86)", "env"),
])
def test_variables(text, name, scope):
    node = expr(text)
    assert (node.name, node.scope) == (name, scope)


@pytest.mark.parametrize("text, name", [
    ("Hyper-V\\Remove-VM -Force", "Hyper-V\\Remove-VM"),
    (".\\helper.ps1 -x 1", ".\\helper.ps1"),
    ("C:\\x\\y.ps1", "C:\\x\\y.ps1"),
    ("Get-VM.ps1", "Get-VM.ps1"),
])
def test_command_names(text, name):
    assert command(text).elements[0].value == name


def test_parameter_with_colon_value_and_arrays():
    node = command("Get-VM -Name:web01 -ComputerName HV1, HV2")
    assert node.elements[1].argument.value == "web01"
    assert [e.value for e in node.elements[3].elements] == ["HV1", "HV2"]


def test_double_dash_ends_parameters():
    node = command("Write-Output -- -InputObject")
    assert node.elements[1] == ast.StringConstant(value="-InputObject", kind="bare",
                                                  start=16, end=28, line=1, col=17)


@pytest.mark.parametrize("dash", ["\u2013", "\u2014"])
def test_en_and_em_dash_are_parameter_dashes(dash):
    node = command(f"Move-VM {dash}Name Server01 {dash}DestinationHost Host01")
    assert [e.name for e in node.elements if isinstance(e, ast.CommandParameter)] == [
        "Name", "DestinationHost"]


def test_call_operator_and_dot_sourcing():
    call = command("& $sb 1 2")
    assert call.invocation == "&" and isinstance(call.elements[0], ast.Variable)
    assert command("& 'C:\\p q\\x.exe' /s").elements[0].value == "C:\\p q\\x.exe"
    dot = command(". .\\helper.ps1")
    assert dot.invocation == "." and dot.elements[0].value == ".\\helper.ps1"
    assert isinstance(command("& { 1 }").elements[0], ast.ScriptBlockExpr)


def test_redirections():
    nodes = statements("Get-A 2>&1; Get-B *> $null; Get-C > out.txt; Get-D >> log.txt; Get-E 2> e.txt")
    merge = nodes[0].elements[0].redirections[0]
    assert (merge.stream, merge.merge_to, merge.target) == ("2", "1", None)
    everything = nodes[1].elements[0].redirections[0]
    assert everything.stream == "*" and everything.target.name == "null"
    assert nodes[2].elements[0].redirections[0].target.value == "out.txt"
    assert nodes[3].elements[0].redirections[0].append
    assert nodes[4].elements[0].redirections[0].stream == "2"


def test_argument_mode_versus_expression_mode():
    assert expr("2+2").op == "+"
    assert command("Write-Output 2+2").elements[1].value == "2+2"
    assert isinstance(command("Write-Output (2+2)").elements[1], ast.Paren)
    word = command("Write-Output a$a").elements[1]
    assert isinstance(word, ast.ExpandableString) and word.kind == "bare"
    assert command("Write-Output a'$a'").elements[1].value == "a$a"
    assert command("Write-Output !1").elements[1].value == "!1"
    assert command("Write-Output 5").elements[1].value == 5
    assert command("Write-Output a#b").elements[1].value == "a#b"
    assert len(command("Write-Output a #b").elements) == 2
    bare = command("Write-Output $HOME\\x").elements[1]
    assert isinstance(bare, ast.ExpandableString) and bare.parts[1] == "\\x"


def test_member_access_ends_argument():
    elements = command("Write-Output $HOME.Length-more").elements
    assert isinstance(elements[1], ast.Member)
    assert elements[2].value == "-more"


def test_backtick_continuation_and_comments():
    node = command("Write-Host 'a' `\n  -ForegroundColor Red # trailing\n")
    assert node.elements[2].name == "ForegroundColor"
    assert len(statements("#requires -Version 5\n#region x\n<# block\n #> 1\n#endregion")) == 1


def test_continuation_after_pipe_operator_and_comma():
    assert len(first("Get-A |\n  Get-B").elements) == 2
    assert expr("1 +\n 2").op == "+"
    assert len(expr("1,\n 2").elements) == 2


def test_keywords_only_at_statement_start():
    pipeline = first("Get-Thing | foreach { $_ }")
    assert pipeline.elements[1].elements[0].value == "foreach"
    assert command("Write-Output if").elements[1].value == "if"


def test_smart_quotes_are_quotes():
    assert expr("\u2018it\u2019\u2019s\u2019").value == "it\u2019s"
    assert expr("\u201chi $x\u201d").parts[1].name == "x"
