"""Helpers for the semantics tests: a tiny execution context and hand-built PSTypes."""

from __future__ import annotations

import datetime
import enum

from pshv.runtime.objects import PSType


class FakeContext:
    """The three things the semantics modules may ask of the interpreter's context."""

    def __init__(self, variables: dict[str, object] | None = None) -> None:
        self.variables = {k.casefold(): v for k, v in (variables or {}).items()}

    def now(self) -> datetime.datetime:
        return datetime.datetime(2024, 3, 15, 9, 30, 0)

    def get_variable(self, name: str) -> object:
        return self.variables.get(name.casefold())

    def call(self, invocable, args, dollar_under=...):
        return invocable.call(args, dollar_under=dollar_under)


class Color(enum.IntEnum):
    Red = 1
    Green = 2
    Blue = 3


class Access(enum.IntFlag):
    Read = 1
    Write = 2
    Execute = 4


COLOR = PSType("Test.Color", enum=Color, is_instance=lambda v: isinstance(v, Color))
ACCESS = PSType("Test.Access", enum=Access, is_instance=lambda v: isinstance(v, Access))


def simple_type(full_name: str, is_instance=lambda value: False, element: PSType | None = None) -> PSType:
    return PSType(full_name, is_instance=is_instance, element=element)


INT = simple_type("System.Int32", lambda v: type(v) is int and -2**31 <= v < 2**31)
LONG = simple_type("System.Int64")
DOUBLE = simple_type("System.Double", lambda v: type(v) is float)
DECIMAL = simple_type("System.Decimal")
STRING = simple_type("System.String", lambda v: type(v) is str)
BOOL = simple_type("System.Boolean", lambda v: type(v) is bool)
CHAR = simple_type("System.Char")
BYTE = simple_type("System.Byte")
DATETIME = simple_type("System.DateTime", lambda v: isinstance(v, datetime.datetime))
TIMESPAN = simple_type("System.TimeSpan", lambda v: isinstance(v, datetime.timedelta))
GUID = simple_type("System.Guid")
HASHTABLE = simple_type("System.Collections.Hashtable")
PSCUSTOMOBJECT = simple_type("System.Management.Automation.PSCustomObject")
INT_ARRAY = simple_type("System.Int32[]", element=INT)
STRING_ARRAY = simple_type("System.String[]", element=STRING)
CHAR_ARRAY = simple_type("System.Char[]", element=CHAR)

