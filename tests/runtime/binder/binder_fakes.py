"""Fakes for binder tests: a tiny type registry and converter, so the tests need neither
the type registry nor the conversion module of the other engineers."""

from __future__ import annotations

import enum

from pshv.runtime import binder, errors, params
from pshv.runtime.objects import DotNetObject, Invocable, PSType


class Color(enum.Enum):
    Red = 0
    Green = 1
    Blue = 2


class VirtualMachine(DotNetObject):
    ps_type_names = ("Microsoft.HyperV.PowerShell.VirtualMachine", "System.Object")
    ps_properties = ("Name", "ComputerName", "State")

    def __init__(self, name: str, host: str = "HV01", state: str = "Running") -> None:
        self.Name = name
        self.ComputerName = host
        self.State = state


def _to_int(value: object) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise errors.PSInvalidCastException(
        f'Cannot convert value "{value}" to type "System.Int32". Error: "Input string was not in a correct format."',
        error_id="InvalidCastFromStringToInteger", category="InvalidArgument",
    )


def _to_color(value: object) -> Color:
    if isinstance(value, Color):
        return value
    for member in Color:
        if member.name.casefold() == str(value).casefold():
            return member
    raise errors.PSInvalidCastException(
        f'Cannot convert value "{value}" to type "Pshv.Color". Error: "Unable to match the identifier name {value} '
        'to a valid enumerator name. Specify one of the following enumerator names and try again: Red, Green, Blue"',
        error_id="InvalidCastFromStringToEnum", category="InvalidArgument",
    )


def _to_vm(value: object) -> VirtualMachine:
    if isinstance(value, VirtualMachine):
        return value
    raise errors.PSInvalidCastException(
        f'Cannot convert the "{value}" value of type "{_type_name(value)}" to type '
        '"Microsoft.HyperV.PowerShell.VirtualMachine".',
        error_id="ConvertToFinalInvalidCastException", category="InvalidArgument",
    )


def _to_string(value: object) -> str:
    if isinstance(value, list):
        return " ".join(_to_string(item) for item in value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Color):
        return value.name
    return "" if value is None else str(value)


INT = PSType("System.Int32", is_instance=lambda v: type(v) is int, convert_from=_to_int)
STRING = PSType("System.String", is_instance=lambda v: type(v) is str, convert_from=_to_string)
COLOR = PSType("Pshv.Color", is_instance=lambda v: isinstance(v, Color), enum=Color, convert_from=_to_color)
VM = PSType("Microsoft.HyperV.PowerShell.VirtualMachine", is_instance=lambda v: isinstance(v, VirtualMachine),
            convert_from=_to_vm)
TYPES = {"int": INT, "system.int32": INT, "string": STRING, "system.string": STRING, "pshv.color": COLOR,
         "color": COLOR, "virtualmachine": VM, "microsoft.hyperv.powershell.virtualmachine": VM}


def _array_of(element: PSType) -> PSType:
    return PSType(element.full_name + "[]", is_instance=lambda v: isinstance(v, list), element=element)


def _resolve(name: str) -> PSType | None:
    key = name.casefold()
    if key.endswith("[]"):
        element = _resolve(name[:-2])
        return None if element is None else _array_of(element)
    return TYPES.get(key)


def _convert(value: object, pstype: PSType, ctx: object = None) -> object:
    if pstype.element is not None:
        items = value if isinstance(value, list) else [value]
        try:
            return [_convert(item, pstype.element) for item in items]
        except errors.PSInvalidCastException as exc:
            shown = "System.Object[]" if isinstance(value, list) else value
            raise errors.PSInvalidCastException(
                f'Cannot convert value "{shown}" to type "{pstype.full_name}". Error: "{exc.message}"'
            ) from None
    return pstype.convert_from(value)


def _type_name(value: object) -> str:
    return {str: "System.String", int: "System.Int32", list: "System.Object[]", bool: "System.Boolean",
            float: "System.Double"}.get(type(value), type(value).__name__)


def _truthy(value: object) -> bool:
    if isinstance(value, list):
        return len(value) > 0
    return bool(value)


def _dotnet_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "System.Object[]"
    if isinstance(value, Color):
        return value.name
    return str(value)


class ScriptBlock(Invocable):
    """A Python function standing for a script block: fn($_) -> list of output."""

    def __init__(self, fn, text: str = "") -> None:
        self.fn = fn
        self.text = text

    def call(self, args=None, *, dollar_under=...):
        return self.fn(dollar_under)

    def ps_to_string(self) -> str:
        return self.text


class FakeContext:
    def __init__(self) -> None:
        self.variables: dict[str, object] = {}

    def now(self):
        import datetime

        return datetime.datetime(2024, 1, 1)

    def get_variable(self, name: str) -> object:
        return self.variables.get(name)

    def call(self, invocable, args, *, dollar_under=...):
        return invocable.call(args, dollar_under=dollar_under)


