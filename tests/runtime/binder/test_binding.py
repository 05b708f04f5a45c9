"""Command-line binding: names, prefixes, positions, switches, sets, mandatory parameters."""

from __future__ import annotations

import pytest

from pshv.runtime import errors
from pshv.runtime.binder import NO_VALUE, BoundArgument, bind
from pshv.runtime.params import CommandSpec, p

from binder_specs import GET_VM, MOVE_VM, STOP_VM, WHERE_OBJECT

N = BoundArgument.named
P = BoundArgument.positional


def fails(spec, args, ctx, *, pipeline=False) -> errors.PSException:
    with pytest.raises(errors.ParameterBindingException) as info:
        bind(spec, args, ctx, pipeline_expected=pipeline)
    return info.value


def function(*parameters, advanced=False, **options) -> CommandSpec:
    return CommandSpec("f", list(parameters), advanced=advanced, is_cmdlet=False, **options)


# --------------------------------------------------------------------------- names


def test_exact_name_alias_and_prefix_are_case_insensitive(ctx):
    assert bind(GET_VM, [N("name", "web01")], ctx, pipeline_expected=False).bound["Name"] == ["web01"]
    assert bind(GET_VM, [N("VMNAME", "web01")], ctx, pipeline_expected=False).bound["Name"] == ["web01"]
    assert bind(GET_VM, [N("na", "web01")], ctx, pipeline_expected=False).bound["Name"] == ["web01"]
    assert bind(GET_VM, [N("Comp", "HV02")], ctx, pipeline_expected=False).bound["ComputerName"] == ["HV02"]


def test_ambiguous_prefix_lists_candidates_in_declaration_order(ctx):
    exc = fails(GET_VM, [N("C", "x", name_extent=(7, 9))], ctx)
    assert exc.message == (
        "Parameter cannot be processed because the parameter name 'C' is ambiguous. "
        "Possible matches include: -ClusterObject -ComputerName."
    )
    assert exc.record.error_id == "AmbiguousParameter"
    assert exc.record.category == "InvalidArgument"
    assert exc.position == (7, 9)


def test_prefix_of_only_common_parameters_is_still_ambiguous(ctx):
    exc = fails(STOP_VM, [N("W")], ctx)
    assert exc.message.endswith("Possible matches include: -WarningAction -WarningVariable -WhatIf.")


def test_declared_parameter_wins_a_prefix_shared_with_common_ones(ctx):
    spec = function(p("Version", "string"), advanced=True)
    assert bind(spec, [N("Ver", "1")], ctx, pipeline_expected=False).bound["Version"] == "1"


def test_common_parameter_prefix(ctx):
    binding = bind(GET_VM, [N("Verb")], ctx, pipeline_expected=False)
    assert binding.common == {"Verbose": True}


def test_unknown_parameter(ctx):
    exc = fails(GET_VM, [N("Bogus", name_extent=(7, 13)), P("x")], ctx)
    assert exc.message == "A parameter cannot be found that matches parameter name 'Bogus'."
    assert exc.record.error_id == "NamedParameterNotFound"
    assert exc.position == (7, 13)


def test_parameter_given_twice(ctx):
    exc = fails(GET_VM, [N("Name", "a"), N("VMName", "b", name_extent=(15, 22))], ctx)
    assert exc.message == (
        "Cannot bind parameter because parameter 'VMName' is specified more than once. To provide multiple "
        'values to parameters that can accept multiple values, use the array syntax. For example, '
        '"-parameter value1,value2,value3".'
    )
    assert exc.record.error_id == "ParameterAlreadyBound"
    assert exc.position == (15, 22)


# --------------------------------------------------------------------------- values


def test_name_followed_by_value(ctx):
    binding = bind(GET_VM, [N("Name"), P("web01", (12, 17))], ctx, pipeline_expected=False)
    assert binding.bound["Name"] == ["web01"]


def test_missing_argument_at_end(ctx):
    exc = fails(GET_VM, [N("ComputerName", name_extent=(7, 20))], ctx)
    assert exc.message == (
        "Missing an argument for parameter 'ComputerName'. Specify a parameter of type 'System.String[]' and try again."
    )
    assert exc.record.error_id == "MissingArgument"
    assert exc.record.category == "InvalidArgument"
    assert exc.position == (7, 20)


def test_missing_argument_when_another_parameter_follows(ctx):
    exc = fails(GET_VM, [N("comp"), N("Name", "x")], ctx)
    assert exc.message.startswith("Missing an argument for parameter 'ComputerName'.")


def test_unknown_dash_word_after_a_parameter_is_its_value(ctx):
    binding = bind(GET_VM, [N("Name"), N("web-01")], ctx, pipeline_expected=False)
    assert binding.bound["Name"] == ["-web-01"]


def test_untyped_function_parameter_missing_argument_names_object(ctx):
    exc = fails(function(p("Value")), [N("Value")], ctx)
    assert "Specify a parameter of type 'System.Object' and try again." in exc.message


# --------------------------------------------------------------------------- switches


def test_switch_forms(ctx):
    spec = function(p("On", "switch"))
    assert bind(spec, [N("On")], ctx, pipeline_expected=False).get("On") is True
    assert bind(spec, [], ctx, pipeline_expected=False).get("On") is False
    assert bind(spec, [N("On", True, colon=True)], ctx, pipeline_expected=False).get("On") is True
    off = bind(spec, [N("On", False, colon=True)], ctx, pipeline_expected=False)
    assert off.get("On") is False
    assert off.bound["On"] is False  # -On:$false is bound, and shows in $PSBoundParameters


def test_switch_does_not_take_the_next_argument(ctx):
    binding = bind(STOP_VM, [N("Force"), P("web01")], ctx, pipeline_expected=False)
    assert binding.bound["Force"] is True
    assert binding.bound["Name"] == ["web01"]


def test_switch_from_number(ctx):
    spec = function(p("On", "switch"))
    assert bind(spec, [N("On", 0, colon=True)], ctx, pipeline_expected=False).get("On") is False
    assert bind(spec, [N("On", 2.5, colon=True)], ctx, pipeline_expected=False).get("On") is True


def test_switch_from_string_in_a_function(ctx):
    exc = fails(function(p("AvatarOnly", "switch")), [N("AvatarOnly", "True", colon=True, value_extent=(13, 17))], ctx)
    assert exc.message == (
        "Cannot process argument transformation on parameter 'AvatarOnly'. Cannot convert value \"System.String\" "
        'to type "System.Management.Automation.SwitchParameter". Boolean parameters accept only Boolean values '
        "and numbers, such as $True, $False, 1 or 0."
    )
    assert exc.record.error_id == "ParameterArgumentTransformationError"
    assert exc.record.category == "InvalidData"
    assert type(exc).__name__ == "ParameterBindingArgumentTransformationException"
    assert exc.position == (13, 17)


def test_switch_from_string_in_a_cmdlet(ctx):
    exc = fails(STOP_VM, [N("Force", "yes", colon=True), P("web01")], ctx)
    assert exc.message == (
        "Cannot convert 'System.String' to the type 'System.Management.Automation.SwitchParameter' "
        "required by parameter 'Force'. "
    )
    assert exc.record.error_id == "CannotConvertArgument"


def test_bool_parameter_from_null_in_a_function(ctx):
    exc = fails(function(p("EnableTunnel", "bool")), [N("EnableTunnel", None)], ctx)
    assert exc.message == (
        "Cannot process argument transformation on parameter 'EnableTunnel'. Cannot convert value \"\" to type "
        '"System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.'
    )


# --------------------------------------------------------------------------- positions


def test_implicit_positions_for_functions(ctx):
    spec = function(p("Name", "string"), p("Extension", "string", default="txt"))
    binding = bind(spec, [P("File")], ctx, pipeline_expected=False)
    assert binding.values() == {"Name": "File", "Extension": "txt"}
    binding = bind(spec, [P("File"), P("doc")], ctx, pipeline_expected=False)
    assert binding.values() == {"Name": "File", "Extension": "doc"}
    assert binding.parameter_set == "__AllParameterSets"


def test_switches_take_no_implicit_position(ctx):
    spec = function(p("Force", "switch"), p("Name", "string"))
    assert bind(spec, [P("x")], ctx, pipeline_expected=False).values() == {"Force": False, "Name": "x"}


def test_positional_binding_false_means_named_only(ctx):
    spec = function(p("Name", "string"), advanced=True, positional_binding=False)
    exc = fails(spec, [P("x")], ctx)
    assert exc.message == "A positional parameter cannot be found that accepts argument 'x'."


def test_extra_positional_in_advanced_command(ctx):
    exc = fails(GET_VM, [P("a"), P("b")], ctx)
    assert exc.message == "A positional parameter cannot be found that accepts argument 'b'."
    assert exc.record.error_id == "PositionalParameterNotFound"
    assert exc.position is None


def test_extra_arguments_of_a_simple_function_go_to_args(ctx):
    spec = function(p("a"))
    binding = bind(spec, [P(1), P(2), N("Foo"), P("bar"), N("x", 5, colon=True)], ctx, pipeline_expected=False)
    assert binding.values() == {"a": 1}
    assert binding.args == [2, "-Foo", "bar", "-x:", 5]


def test_function_without_parameters_gets_everything_in_args(ctx):
    binding = bind(function(), [P("myTextFile")], ctx, pipeline_expected=False)
    assert binding.args == ["myTextFile"]
    assert len(binding.bound) == 0


def test_simple_function_has_no_common_parameters(ctx):
    binding = bind(function(p("a")), [N("Verbose")], ctx, pipeline_expected=False)
    assert binding.args == ["-Verbose"]
    assert binding.common == {}


def test_array_argument_binds_as_one_value(ctx):
    binding = bind(GET_VM, [P(["web01", "sql01"])], ctx, pipeline_expected=False)
    assert binding.bound["Name"] == ["web01", "sql01"]


def test_positional_array_to_string_array_in_where_object_set(ctx):
    binding = bind(WHERE_OBJECT, [P("State"), N("EQ"), P("Running")], ctx, pipeline_expected=True)
    assert binding.parameter_set == "EqualSet"
    assert binding.bound["Property"] == "State"
    assert binding.bound["Value"] == "Running"
    assert binding.bound["EQ"] is True


def test_where_object_alias_switch(ctx):
    binding = bind(WHERE_OBJECT, [P("State"), N("ieq"), P("Running")], ctx, pipeline_expected=True)
    assert binding.parameter_set == "EqualSet"


def test_where_object_script_block(ctx):
    from binder_fakes import ScriptBlock

    block = ScriptBlock(lambda item: [True], "$_.State -eq 'Running'")
    binding = bind(WHERE_OBJECT, [P(block)], ctx, pipeline_expected=True)
    assert binding.parameter_set == "ScriptBlockSet"
    assert binding.bound["FilterScript"] is block


def test_where_object_two_comparisons_cannot_be_resolved(ctx):
    exc = fails(WHERE_OBJECT, [P("State"), N("EQ"), N("NE"), P("Running")], ctx, pipeline=True)
    assert exc.message == "Parameter set cannot be resolved using the specified named parameters."
    assert exc.record.error_id == "AmbiguousParameterSet"
    assert exc.position is None


# --------------------------------------------------------------------------- parameter sets


def test_default_set_wins_without_arguments(ctx):
    binding = bind(GET_VM, [], ctx, pipeline_expected=False)
    assert binding.parameter_set == "Name"
    assert len(binding.bound) == 0


def test_set_chosen_by_named_parameter(ctx):
    binding = bind(GET_VM, [N("Id", "5")], ctx, pipeline_expected=False)
    assert binding.parameter_set == "Id"
    assert binding.bound["Id"] == 5


def test_parameters_of_different_sets_conflict(ctx):
    exc = fails(GET_VM, [N("Name", "a"), N("Id", 1)], ctx)
    assert exc.record.error_id == "AmbiguousParameterSet"
    assert exc.record.category == "InvalidArgument"


def test_positional_prefers_the_default_set(ctx):
    binding = bind(GET_VM, [P("5")], ctx, pipeline_expected=False)
    assert binding.parameter_set == "Name"
    assert binding.bound["Name"] == ["5"]


def test_move_vm_sets(ctx):
    binding = bind(MOVE_VM, [P("web01"), P("HV02")], ctx, pipeline_expected=False)
    assert binding.parameter_set == "NameSingleDestination"
    assert binding.bound.items() == [("Name", "web01"), ("DestinationHost", "HV02")]
    binding = bind(MOVE_VM, [P("web01"), P("HV02"), N("Vhds", [1])], ctx, pipeline_expected=False)
    assert binding.parameter_set == "NameMultipleDestinations"
    binding = bind(MOVE_VM, [P("web01"), P("HV02"), N("Credential", "c"), N("IncludeStorage")], ctx,
                   pipeline_expected=False)
    assert binding.parameter_set == "NameSingleDestinationAndCredential"
    assert binding.bound["IncludeStorage"] is True


def test_move_vm_missing_mandatory(ctx):
    exc = fails(MOVE_VM, [], ctx)
    assert exc.message == (
        "Cannot process command because of one or more missing mandatory parameters: Name DestinationHost."
    )
    assert exc.record.error_id == "MissingMandatoryParameter"
    assert exc.record.category == "InvalidArgument"
    exc = fails(MOVE_VM, [P("web01")], ctx)
    assert exc.message.endswith("parameters: DestinationHost.")


def test_move_vm_cannot_mix_sets(ctx):
    exc = fails(MOVE_VM, [P("web01"), P("HV02"), N("CimSession", "s"), N("Credential", "c")], ctx)
    assert exc.record.error_id == "AmbiguousParameterSet"


def test_move_vm_what_if_and_common(ctx):
    binding = bind(MOVE_VM, [P("web01"), P("HV02"), N("WhatIf"), N("ea", "stop")], ctx, pipeline_expected=False)
    assert binding.common == {"WhatIf": True, "ErrorAction": "Stop"}
    assert list(binding.bound) == ["WhatIf", "ErrorAction", "Name", "DestinationHost"]  # named before positional


def test_what_if_needs_should_process(ctx):
    exc = fails(GET_VM, [N("WhatIf")], ctx)
    assert exc.record.error_id == "NamedParameterNotFound"


def test_sets_resolved_by_mandatory_parameters_without_default(ctx):
    spec = CommandSpec("f", [
        p("A", "string", sets="SetA", mandatory=True),
        p("B", "string", sets="SetB", mandatory=True),
        p("Shared", "string", sets="SetA,SetB"),
    ], is_cmdlet=False)
    assert bind(spec, [N("A", "x"), N("Shared", "y")], ctx, pipeline_expected=False).parameter_set == "SetA"
    exc = fails(spec, [N("Shared", "y")], ctx)
    assert exc.record.error_id == "AmbiguousParameterSet"
    exc = fails(spec, [], ctx)
    assert exc.record.error_id == "AmbiguousParameterSet"


def test_default_set_named_but_unused_is_reported(ctx):
    spec = CommandSpec("f", [p("A", "string")], default_parameter_set="Main", is_cmdlet=False)
    assert bind(spec, [], ctx, pipeline_expected=False).parameter_set == "Main"


# --------------------------------------------------------------------------- remaining arguments


def test_value_from_remaining_arguments(ctx):
    spec = function(p("First", "string", position=0), p("Rest", "string[]", remaining=True), advanced=True)
    binding = bind(spec, [P("a"), P("b"), P("c"), N("Unknown"), P("d")], ctx, pipeline_expected=False)
    assert binding.bound["First"] == "a"
    assert binding.bound["Rest"] == ["b", "c", "-Unknown", "d"]


def test_no_value_is_distinct_from_null(ctx):
    binding = bind(function(p("x")), [N("x", None)], ctx, pipeline_expected=False)
    assert binding.bound["x"] is None
    assert NO_VALUE is not None
