"""Converting arguments to parameter types, and the Validate* attributes, with 5.1's messages."""

from __future__ import annotations

import pytest

from binder_fakes import Color, ScriptBlock
from binder_specs import GET_VM, SET_VM_STATE
from pshv.runtime import errors
from pshv.runtime.binder import BoundArgument, bind
from pshv.runtime.params import (
    CommandSpec,
    ValidateCount,
    ValidateLength,
    ValidateNotNull,
    ValidateNotNullOrEmpty,
    ValidatePattern,
    ValidateRange,
    ValidateScript,
    ValidateSet,
    cmdlet,
    p,
)

N = BoundArgument.named
P = BoundArgument.positional


def fails(spec, args, ctx) -> errors.PSException:
    with pytest.raises(errors.ParameterBindingException) as info:
        bind(spec, args, ctx, pipeline_expected=False)
    return info.value


def function(*parameters) -> CommandSpec:
    return CommandSpec("f", list(parameters), advanced=True, is_cmdlet=False)


# --------------------------------------------------------------------------- conversion


def test_cmdlet_conversion_failure(ctx):
    exc = fails(GET_VM, [N("Id", "abc", value_extent=(11, 14))], ctx)
    assert exc.message == (
        "Cannot bind parameter 'Id'. Cannot convert value \"abc\" to type \"System.Int32\". "
        'Error: "Input string was not in a correct format."'
    )
    assert exc.record.error_id == "CannotConvertArgumentNoMessage"
    assert exc.record.category == "InvalidArgument"
    assert type(exc) is errors.ParameterBindingException
    assert isinstance(exc.inner, errors.PSInvalidCastException)
    assert exc.position == (11, 14)
    assert exc.record.category_info() == "InvalidArgument: (:) [], ParameterBindingException"


def test_function_conversion_failure_is_a_transformation_error(ctx):
    exc = fails(function(p("x", "int")), [N("x", "abc")], ctx)
    assert exc.message == (
        "Cannot process argument transformation on parameter 'x'. Cannot convert value \"abc\" to type "
        '"System.Int32". Error: "Input string was not in a correct format."'
    )
    assert exc.record.error_id == "ParameterArgumentTransformationError"
    assert exc.record.category == "InvalidData"


def test_enum_conversion_failure(ctx):
    exc = fails(SET_VM_STATE, [P("Bogus")], ctx)
    assert exc.message == (
        "Cannot bind parameter 'State'. Cannot convert value \"Bogus\" to type \"Pshv.Color\". Error: \"Unable to "
        "match the identifier name Bogus to a valid enumerator name. Specify one of the following enumerator names "
        'and try again: Red, Green, Blue"'
    )


def test_converted_values(ctx):
    binding = bind(SET_VM_STATE, [P("green"), P("7"), N("Tags", "one")], ctx, pipeline_expected=False)
    assert binding.bound.items() == [("Tags", ["one"]), ("State", Color.Green), ("Count", 7)]


def test_bool_parameter_accepts_bools_and_numbers(ctx):
    assert bind(SET_VM_STATE, [N("Enabled", 1)], ctx, pipeline_expected=False).bound["Enabled"] is True
    assert bind(SET_VM_STATE, [N("Enabled", False)], ctx, pipeline_expected=False).bound["Enabled"] is False


def test_cmdlet_bool_parameter_rejects_null(ctx):
    exc = fails(SET_VM_STATE, [N("Enabled", None)], ctx)
    assert exc.message == "Cannot bind argument to parameter 'Enabled' because it is null."
    assert exc.record.error_id == "ParameterArgumentValidationErrorNullNotAllowed"


def test_array_elements_convert_one_by_one_in_cmdlets(ctx):
    spec = cmdlet("Get-Thing", [p("Id", "int[]", position=0)])
    assert bind(spec, [P(["1", 2])], ctx, pipeline_expected=False).bound["Id"] == [1, 2]
    assert bind(spec, [P("3")], ctx, pipeline_expected=False).bound["Id"] == [3]
    exc = fails(spec, [P([1, "x"])], ctx)
    assert exc.message == (
        "Cannot bind parameter 'Id'. Cannot convert value \"x\" to type \"System.Int32\". "
        'Error: "Input string was not in a correct format."'
    )


def test_array_to_scalar_is_not_supported_in_cmdlets(ctx):
    spec = cmdlet("Start-Thing", [p("FilePath", "string", position=0)])
    exc = fails(spec, [P(["a", "b"])], ctx)
    assert exc.message == (
        "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'FilePath'. "
        "Specified method is not supported."
    )
    assert exc.record.error_id == "CannotConvertArgument"


def test_array_to_string_joins_in_functions(ctx):
    assert bind(function(p("s", "string")), [P([1, 2])], ctx, pipeline_expected=False).bound["s"] == "1 2"


def test_null_to_typed_function_parameter_converts(ctx):
    assert bind(function(p("s", "string")), [N("s", None)], ctx, pipeline_expected=False).bound["s"] == ""


def test_common_parameter_conversion(ctx):
    binding = bind(GET_VM, [N("ErrorAction", "silentlycontinue"), N("OutVariable", "out")], ctx,
                   pipeline_expected=False)
    assert binding.common == {"ErrorAction": "SilentlyContinue", "OutVariable": "out"}
    assert bind(GET_VM, [N("ea", 1)], ctx, pipeline_expected=False).common == {"ErrorAction": "Stop"}
    exc = fails(GET_VM, [N("ErrorAction", "Bogus")], ctx)
    assert exc.message == (
        "Cannot bind parameter 'ErrorAction'. Cannot convert value \"Bogus\" to type "
        '"System.Management.Automation.ActionPreference". Error: "Unable to match the identifier name Bogus to a '
        "valid enumerator name. Specify one of the following enumerator names and try again: SilentlyContinue, "
        'Stop, Continue, Inquire, Ignore, Suspend"'
    )
    assert exc.record.error_id == "CannotConvertArgumentNoMessage"


def test_common_parameters_of_advanced_functions_bind_like_cmdlets(ctx):
    exc = fails(function(p("x")), [N("ea", "nope")], ctx)
    assert exc.record.error_id == "CannotConvertArgumentNoMessage"


def test_unknown_parameter_type(ctx):
    with pytest.raises(errors.RuntimeException) as info:
        bind(function(p("x", "NoSuchType")), [N("x", 1)], ctx, pipeline_expected=False)
    assert info.value.message == "Unable to find type [NoSuchType]."


# --------------------------------------------------------------------------- validation


def validated(*validators, **options) -> CommandSpec:
    return function(p("X", options.pop("type", "object"), validate=validators, position=0, **options))


def test_validate_set(ctx):
    spec = validated(ValidateSet("A", "B", "C"))
    assert bind(spec, [P("b")], ctx, pipeline_expected=False).bound["X"] == "b"
    exc = fails(spec, [P("Bogus", (3, 8))], ctx)
    assert exc.message == (
        "Cannot validate argument on parameter 'X'. The argument \"Bogus\" does not belong to the set \"A,B,C\" "
        "specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again."
    )
    assert exc.record.error_id == "ParameterArgumentValidationError"
    assert exc.record.category == "InvalidData"
    assert type(exc) is errors.ParameterBindingValidationException
    assert exc.position == (3, 8)


def test_validate_set_case_sensitive_and_per_element(ctx):
    spec = validated(ValidateSet("A", "B", ignore_case=False))
    assert "does not belong" in fails(spec, [P("a")], ctx).message
    assert bind(spec, [P(["A", "B"])], ctx, pipeline_expected=False).bound["X"] == ["A", "B"]
    assert '"C"' in fails(spec, [P(["A", "C"])], ctx).message


def test_validate_not_null_or_empty(ctx):
    spec = validated(ValidateNotNullOrEmpty())
    message = "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again."
    assert fails(spec, [P("")], ctx).message == f"Cannot validate argument on parameter 'X'. {message}"
    assert fails(spec, [P(None)], ctx).message == f"Cannot validate argument on parameter 'X'. {message}"
    assert fails(spec, [P([])], ctx).message == (
        "Cannot validate argument on parameter 'X'. The argument is null, empty, or an element of the argument "
        "collection contains a null value. Supply a collection that does not contain any null values and then try "
        "the command again."
    )


def test_validate_not_null(ctx):
    spec = validated(ValidateNotNull())
    assert fails(spec, [P(None)], ctx).message == (
        "Cannot validate argument on parameter 'X'. The argument is null. Provide a valid value for the argument, "
        "and then try running the command again."
    )
    assert bind(spec, [P("")], ctx, pipeline_expected=False).bound["X"] == ""


def test_validate_range(ctx):
    spec = validated(ValidateRange(1, 10), type="int")
    assert bind(spec, [P("10")], ctx, pipeline_expected=False).bound["X"] == 10
    assert fails(spec, [P(11)], ctx).message == (
        "Cannot validate argument on parameter 'X'. The 11 argument is greater than the maximum allowed range of 10. "
        "Supply an argument that is less than or equal to 10 and then try the command again."
    )
    assert fails(spec, [P(0)], ctx).message == (
        "Cannot validate argument on parameter 'X'. The 0 argument is less than the minimum allowed range of 1. "
        "Supply an argument that is greater than or equal to 1 and then try the command again."
    )


def test_validate_pattern(ctx):
    spec = validated(ValidatePattern(r"^web\d+$"))
    assert bind(spec, [P("WEB01")], ctx, pipeline_expected=False).bound["X"] == "WEB01"
    assert fails(spec, [P("sql01")], ctx).message == (
        "Cannot validate argument on parameter 'X'. The argument \"sql01\" does not match the \"^web\\d+$\" pattern. "
        "Supply an argument that matches \"^web\\d+$\" and try the command again."
    )


def test_validate_length(ctx):
    spec = validated(ValidateLength(2, 4))
    assert fails(spec, [P("a")], ctx).message.endswith(
        "The character length (1) of the argument is too short. Specify an argument with a length that is greater "
        'than or equal to "2", and then try the command again.'
    )
    assert fails(spec, [P("abcde")], ctx).message.endswith(
        "The character length of the 5 argument is too long. Shorten the character length of the argument so it is "
        'fewer than or equal to "4" characters, and then try the command again.'
    )


def test_validate_count(ctx):
    spec = validated(ValidateCount(1, 2), type="string[]")
    assert fails(spec, [P(["a", "b", "c"])], ctx).message == (
        "Cannot validate argument on parameter 'X'. The parameter requires at least 1 value(s) and no more than "
        "2 value(s) - 3 value(s) were provided."
    )


def test_validate_script(ctx):
    spec = validated(ValidateScript(ScriptBlock(lambda value: [value > 5], "$_ -gt 5")), type="int")
    assert bind(spec, [P(6)], ctx, pipeline_expected=False).bound["X"] == 6
    assert fails(spec, [P(3)], ctx).message == (
        "Cannot validate argument on parameter 'X'. The \"$_ -gt 5\" validation script for the argument with value "
        '"3" did not return a result of True. Determine why the validation script failed, and then try the command '
        "again."
    )


def test_validate_script_that_throws(ctx):
    def boom(value):
        raise errors.RuntimeException("Not a valid path.")

    exc = fails(validated(ValidateScript(ScriptBlock(boom, "throw"))), [P("x")], ctx)
    assert exc.message == "Cannot validate argument on parameter 'X'. Not a valid path."


def test_mandatory_rejects_null_and_empty(ctx):
    spec = function(p("Name", "string", mandatory=True), p("List", "string[]", mandatory=True),
                    p("Value", mandatory=True))
    exc = fails(spec, [N("Value", None)], ctx)
    assert exc.message == "Cannot bind argument to parameter 'Value' because it is null."
    assert exc.record.category == "InvalidData"
    exc = fails(spec, [N("Name", None)], ctx)  # [string] turns $null into '' first, as in 5.1
    assert exc.message == "Cannot bind argument to parameter 'Name' because it is an empty string."
    exc = fails(spec, [N("Name", "")], ctx)
    assert exc.message == "Cannot bind argument to parameter 'Name' because it is an empty string."
    assert exc.record.error_id == "ParameterArgumentValidationErrorEmptyStringNotAllowed"
    exc = fails(spec, [N("Name", "x"), N("List", [])], ctx)
    assert exc.message == "Cannot bind argument to parameter 'List' because it is an empty array."
    assert exc.record.error_id == "ParameterArgumentValidationErrorEmptyArrayNotAllowed"


def test_allow_null_and_empty(ctx):
    spec = function(p("Name", "object", mandatory=True, allow_null=True),
                    p("Text", "string", mandatory=True, allow_empty_string=True),
                    p("List", "string[]", mandatory=True, allow_empty_collection=True))
    binding = bind(spec, [N("Name", None), N("Text", ""), N("List", [])], ctx, pipeline_expected=False)
    assert binding.bound.items() == [("Name", None), ("Text", ""), ("List", [])]
