"""type_name_of / short_type_name."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest

from pshv.runtime import errors as E
from pshv.runtime.objects import Char, DotNetObject, Hashtable, Int64, PSObject, PSType
from pshv.runtime.typenames import short_type_name, type_name_of


class FakeVM(DotNetObject):
    ps_type_names = ("Microsoft.HyperV.PowerShell.VirtualMachine", "System.Object")


@pytest.mark.parametrize("value, full, short", [
    (1, "System.Int32", "Int32"), (2**31, "System.Int64", "Int64"), (Int64(1), "System.Int64", "Int64"),
    (1.5, "System.Double", "Double"), (Decimal(1), "System.Decimal", "Decimal"), ("s", "System.String", "String"),
    (Char("c"), "System.Char", "Char"), (True, "System.Boolean", "Boolean"), ([1], "System.Object[]", "Object[]"),
    (Hashtable(), "System.Collections.Hashtable", "Hashtable"),
    (Hashtable(ordered=True), "System.Collections.Specialized.OrderedDictionary", "OrderedDictionary"),
    (PSObject(), "System.Management.Automation.PSCustomObject", "PSCustomObject"),
    (PSObject(base=5), "System.Int32", "Int32"),
    (datetime.datetime(2024, 1, 1), "System.DateTime", "DateTime"),
    (datetime.timedelta(1), "System.TimeSpan", "TimeSpan"), (uuid.uuid4(), "System.Guid", "Guid"),
    (FakeVM(), "Microsoft.HyperV.PowerShell.VirtualMachine", "VirtualMachine"),
    (PSType("System.Int32"), "System.RuntimeType", "RuntimeType"),
    (E.DivideByZeroException("x"), "System.DivideByZeroException", "DivideByZeroException"),
])
def test_type_names(value, full, short):
    assert type_name_of(value) == full
    assert short_type_name(value) == short
