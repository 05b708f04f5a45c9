"""Binding pipeline objects: ByValue, ByPropertyName, delayed script blocks, per-item reset."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from binder_fakes import ScriptBlock, VirtualMachine
from binder_specs import GET_VM, MOVE_VM, RENAME_VM, STOP_VM, WHERE_OBJECT
from pshv.runtime import errors
from pshv.runtime.binder import NO_VALUE, BoundArgument, bind, bind_pipeline
from pshv.runtime.objects import PSObject
from pshv.runtime.params import CommandSpec, p

N = BoundArgument.named
P = BoundArgument.positional


def test_vm_objects_bind_by_value(ctx):
    binding = bind(STOP_VM, [N("Force")], ctx, pipeline_expected=True)
    vm = VirtualMachine("web01")
    bind_pipeline(binding, vm)
    assert binding.parameter_set == "VMObject"
    assert binding.bound.items() == [("Force", True), ("VM", [vm])]
    assert binding.pipeline_bound == ["VM"]


def test_strings_bind_by_value_to_the_default_set_after_no_match(ctx):
    binding = bind(WHERE_OBJECT, [P("State"), N("EQ"), P("Running")], ctx, pipeline_expected=True)
    item = PSObject([("State", "Running")])
    bind_pipeline(binding, item)
    assert binding.bound["InputObject"] is item
    assert binding.parameter_set == "EqualSet"


def test_by_property_name_from_custom_objects(ctx):
    binding = bind(GET_VM, [], ctx, pipeline_expected=True)
    bind_pipeline(binding, PSObject([("VMName", "web01"), ("Other", 1)]))
    assert binding.parameter_set == "Name"
    assert binding.bound.items() == [("Name", ["web01"])]


def test_default_set_with_a_mandatory_by_property_name_parameter_is_preferred(ctx):
    # 5.1 picks the default set before pipeline input when only it has a mandatory ByPropertyName
    # parameter; the VM object then binds by its Name property.
    spec = CommandSpec("Stop-Thing", [
        p("Name", "string[]", sets="Name", position=0, mandatory=True, by_property_name=True),
        p("VM", "VirtualMachine[]", sets="VMObject", position=0, mandatory=True, pipeline=True),
    ], default_parameter_set="Name")
    binding = bind(spec, [], ctx, pipeline_expected=True)
    assert binding.parameter_set == "Name"
    bind_pipeline(binding, VirtualMachine("web01"))
    assert binding.bound.items() == [("Name", ["web01"])]


def test_by_property_name_from_dotnet_objects(ctx):
    binding = bind(GET_VM, [], ctx, pipeline_expected=True)
    bind_pipeline(binding, VirtualMachine("sql01", host="HV02"))
    # ClusterObject takes any object by value, but the default set binds first by property name
    assert binding.parameter_set == "Name"
    assert binding.bound.items() == [("ComputerName", ["HV02"]), ("Name", ["sql01"])]


def test_pipeline_values_are_reset_between_objects(ctx):
    binding = bind(GET_VM, [], ctx, pipeline_expected=True)
    bind_pipeline(binding, PSObject([("Name", "a"), ("ComputerName", "HV02")]))
    bind_pipeline(binding, PSObject([("Name", "b")]))
    assert binding.bound.items() == [("Name", ["b"])]
    bind_pipeline(binding, PSObject([("Id", "7")]))
    assert binding.bound.items() == [("Id", 7)]
    assert binding.parameter_set == "Id"
    bind_pipeline(binding, PSObject([("Name", "c")]))
    assert binding.parameter_set == "Name"


def test_input_object_not_bound(ctx):
    binding = bind(STOP_VM, [N("Name", "web01")], ctx, pipeline_expected=True)
    with pytest.raises(errors.ParameterBindingException) as info:
        bind_pipeline(binding, 42)
    exc = info.value
    assert exc.message == (
        "The input object cannot be bound to any parameters for the command either because the command does not "
        "take pipeline input or the input and its properties do not match any of the parameters that take "
        "pipeline input."
    )
    assert exc.record.error_id == "InputObjectNotBound"
    assert exc.record.target == 42
    assert binding.bound.items() == [("Name", ["web01"])]  # the command-line values stay


def test_mandatory_pipeline_parameter_may_come_later(ctx):
    binding = bind(MOVE_VM, [N("DestinationHost", "HV02")], ctx, pipeline_expected=True)
    vm = VirtualMachine("web01")
    bind_pipeline(binding, vm)
    assert binding.parameter_set == "VMSingleDestination"
    assert binding.bound["VM"] is vm


def test_missing_mandatory_that_input_cannot_supply(ctx):
    with pytest.raises(errors.ParameterBindingException) as info:
        bind(MOVE_VM, [N("Name", "web01")], ctx, pipeline_expected=True)
    assert info.value.message == (
        "Cannot process command because of one or more missing mandatory parameters: DestinationHost."
    )


def test_mandatory_by_property_name_may_come_from_input(ctx):
    binding = bind(RENAME_VM, [N("Name", "web01")], ctx, pipeline_expected=True)
    bind_pipeline(binding, PSObject([("NewName", "web02")]))
    assert binding.bound.items() == [("Name", ["web01"]), ("NewName", "web02")]


def test_input_object_missing_mandatory(ctx):
    spec = CommandSpec("f", [
        p("Name", "string", mandatory=True, pipeline=True),
        p("Path", "string", mandatory=True, by_property_name=True),
    ], is_cmdlet=False)
    binding = bind(spec, [], ctx, pipeline_expected=True)
    with pytest.raises(errors.ParameterBindingException) as info:
        bind_pipeline(binding, "web01")
    assert info.value.message == (
        "The input object cannot be bound because it did not contain the information required to bind all "
        "mandatory parameters:  Path"
    )
    assert info.value.record.error_id == "InputObjectMissingMandatory"
    bind_pipeline(binding, PSObject([("Name", "a"), ("Path", "C:\\")]))
    assert binding.bound.items() == [("Path", "C:\\"), ("Name", "a")] or binding.bound["Path"] == "C:\\"


def test_null_input_to_mandatory_parameter(ctx):
    binding = bind(STOP_VM, [], ctx, pipeline_expected=True)
    with pytest.raises(errors.ParameterBindingValidationException) as info:
        bind_pipeline(binding, None)
    assert info.value.message == "Cannot bind argument to parameter 'VM' because it is null."


def test_delay_bind_script_block(ctx):
    block = ScriptBlock(lambda vm: [vm.Name + "-old"], "$_.Name + '-old'")
    binding = bind(RENAME_VM, [N("NewName", block)], ctx, pipeline_expected=True)
    vm = VirtualMachine("web01")
    bind_pipeline(binding, vm)
    assert binding.bound.items() == [("NewName", "web01-old"), ("VM", [vm])]
    bind_pipeline(binding, VirtualMachine("sql01"))
    assert binding.bound["NewName"] == "sql01-old"


def test_delay_bind_without_input(ctx):
    block = ScriptBlock(lambda vm: ["x"], "'x'")
    with pytest.raises(errors.ParameterBindingException) as info:
        bind(RENAME_VM, [P("web01"), N("NewName", block, value_extent=(20, 23))], ctx, pipeline_expected=False)
    exc = info.value
    assert exc.message == (
        "Cannot evaluate parameter 'NewName' because its argument is specified as a script block and there is no "
        "input. A script block cannot be evaluated without input."
    )
    assert exc.record.error_id == "ScriptBlockArgumentNoInput"
    assert exc.record.category == "MetadataError"
    assert exc.position == (20, 23)


def test_delay_bind_script_block_without_output(ctx):
    binding = bind(RENAME_VM, [N("NewName", ScriptBlock(lambda vm: [], ""))], ctx, pipeline_expected=True)
    with pytest.raises(errors.ParameterBindingException) as info:
        bind_pipeline(binding, VirtualMachine("a"))
    assert info.value.message == (
        "Cannot evaluate parameter 'NewName' because its argument input did not produce any output."
    )


def test_script_block_parameter_is_not_delayed(ctx):
    block = ScriptBlock(lambda item: [True], "$true")
    binding = bind(WHERE_OBJECT, [N("FilterScript", block)], ctx, pipeline_expected=True)
    assert binding.bound["FilterScript"] is block


def test_function_pipeline_conversion_failure_by_property_name_is_reported(ctx):
    spec = CommandSpec("f", [p("Count", "int", by_property_name=True)], is_cmdlet=False)
    binding = bind(spec, [], ctx, pipeline_expected=True)
    with pytest.raises(errors.ParameterBindingArgumentTransformationException):
        bind_pipeline(binding, PSObject([("Count", "many")]))


def test_cmdlet_pipeline_conversion_failure_means_not_bound(ctx):
    spec = CommandSpec("Get-Thing", [p("Count", "int", by_property_name=True)])
    binding = bind(spec, [], ctx, pipeline_expected=True)
    with pytest.raises(errors.ParameterBindingException) as info:
        bind_pipeline(binding, PSObject([("Count", "many")]))
    assert info.value.record.error_id == "InputObjectNotBound"


def test_by_value_without_conversion_comes_first(ctx):
    spec = CommandSpec("f", [p("Number", "int", sets="N", pipeline=True), p("Text", "string", sets="T", pipeline=True)],
                       is_cmdlet=False)
    binding = bind(spec, [], ctx, pipeline_expected=True)
    bind_pipeline(binding, "12")
    assert binding.bound.items() == [("Text", "12")]
    assert binding.parameter_set == "T"
    bind_pipeline(binding, 12)
    assert binding.bound.items() == [("Number", 12)]
    assert binding.parameter_set == "N"


def test_every_by_value_parameter_of_the_set_takes_the_object(ctx):
    spec = CommandSpec("f", [p("Number", "int", pipeline=True), p("Text", "string", pipeline=True)], is_cmdlet=False)
    binding = bind(spec, [], ctx, pipeline_expected=True)
    bind_pipeline(binding, "12")
    assert binding.bound.items() == [("Text", "12"), ("Number", 12)]


def test_per_item_binding_is_cheap(ctx):
    binding = bind(WHERE_OBJECT, [P(ScriptBlock(lambda item: [True]))], ctx, pipeline_expected=True)
    items = [PSObject([("State", "Running")]) for _ in range(2000)]
    started = time.perf_counter()
    for item in items:
        bind_pipeline(binding, item)
    per_item = (time.perf_counter() - started) / len(items)
    assert per_item < 50e-6


# --------------------------------------------------------------------------- random argument lists

_names = st.sampled_from(["Name", "n", "VM", "Id", "C", "Comp", "Force", "f", "ea", "ErrorAction", "Bogus",
                          "DestinationHost", "Vhds", "W", "WhatIf", "Verbose", "EQ", "Property", "Value", "x", ""])
_values = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=4),
                    st.lists(st.one_of(st.integers(0, 3), st.text(max_size=3)), max_size=3),
                    st.builds(VirtualMachine, st.text(max_size=3)), st.just(ScriptBlock(lambda item: ["v"])))
_arguments = st.lists(st.one_of(
    st.builds(lambda v: BoundArgument.positional(v), _values),
    st.builds(lambda n: BoundArgument.named(n or "x"), _names),
    st.builds(lambda n, v: BoundArgument.named(n or "x", v, colon=True), _names, _values),
), max_size=6)
_specs = st.sampled_from([GET_VM, MOVE_VM, STOP_VM, RENAME_VM, WHERE_OBJECT,
                          CommandSpec("f", [p("a"), p("b", "int"), p("s", "switch")], advanced=False,
                                      is_cmdlet=False)])


@settings(max_examples=300, deadline=None)
@given(spec=_specs, args=_arguments, pipeline=st.booleans(), inputs=st.lists(_values, max_size=3))
def test_random_arguments_fail_only_with_binding_errors(spec, args, pipeline, inputs):
    from binder_fakes import FakeContext

    try:
        binding = bind(spec, args, FakeContext(), pipeline_expected=pipeline)
    except errors.ParameterBindingException:
        return
    assert binding.parameter_set
    if pipeline:
        for item in inputs:
            try:
                bind_pipeline(binding, item)
            except errors.ParameterBindingException:
                pass
    assert all(value is not NO_VALUE for value in binding.bound.values())
