"""What every .NET method implementation shares: overload (argument count) checks,
argument conversion with PowerShell's messages, and the errors raised around method calls.

Method implementations are plain functions. Static methods take `(ctx, *args)`, built-in
instance methods `(ctx, obj, *args)`, DotNetObject methods `(*args)` (bound). `call_method`
checks the argument count against the function's signature (so `Cannot find an overload`
comes out right), turns argument conversion failures into `Cannot convert argument ...`,
and wraps .NET exceptions as `Exception calling "M" with "N" argument(s): "..."`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from . import errors
from .objects import INT32_MAX, INT32_MIN, Char, Int64

_ARITY: dict[object, tuple[int, int | None]] = {}
"""By code object and number of defaults, not by function: a closure made per call (a
DotNetObject's bound method) must neither grow the table nor be kept alive by it."""


def arity(fn: Callable[..., Any]) -> tuple[int, int | None]:
    """(minimum, maximum or None for *args) positional parameters of `fn`, self excluded."""
    func = getattr(fn, "__func__", fn)
    code = func.__code__  # type: ignore[attr-defined]
    defaults = func.__defaults__  # type: ignore[attr-defined]
    key = (code, len(defaults)) if defaults else code
    found = _ARITY.get(key)
    if found is None:
        count = code.co_argcount
        has_varargs = bool(code.co_flags & 0x04)
        found = (count - len(defaults or ()), None if has_varargs else count)
        _ARITY[key] = found
    if hasattr(fn, "__self__"):
        low, high = found
        return low - 1, None if high is None else high - 1
    return found


class ArgumentConversionFailed(Exception):
    """Raised by the `as_*` helpers; `call_method` turns it into PowerShell's MethodException."""

    def __init__(self, param: str, value: object, type_name: str, inner: errors.PSException) -> None:
        super().__init__(param)
        self.param = param
        self.value = value
        self.type_name = type_name
        self.inner = inner


def call_method(name: str, fn: Callable[..., Any], args: list[object], *leading: object) -> object:
    """Call a .NET method implementation `fn(*leading, *args)` as PowerShell would."""
    low, high = arity(fn)
    count = len(args)
    low -= len(leading)
    if high is not None:
        high -= len(leading)
    if count < low or (high is not None and count > high):
        raise overload_not_found(name, count)
    try:
        return fn(*leading, *args)
    except ArgumentConversionFailed as failure:
        raise argument_conversion_failed(name, failure) from None
    except errors.MethodException:
        raise
    except errors.PSException as exc:
        raise method_invocation_failed(name, count, exc) from None
    except OverflowError:
        inner = errors.OverflowException("Arithmetic operation resulted in an overflow.")
        raise method_invocation_failed(name, count, inner) from None
    except ZeroDivisionError:
        inner = errors.DivideByZeroException("Attempted to divide by zero.")
        raise method_invocation_failed(name, count, inner) from None


# --------------------------------------------------------------------------- errors


def method_not_found(type_full_name: str, name: str) -> errors.PSException:
    return errors.RuntimeException(
        f"Method invocation failed because [{type_full_name}] does not contain a method named '{name}'.",
        error_id="MethodNotFound",
        category="InvalidOperation",
        target=name,
    )


def null_method_call() -> errors.PSException:
    return errors.RuntimeException(
        "You cannot call a method on a null-valued expression.",
        error_id="InvokeMethodOnNull",
        category="InvalidOperation",
    )


def overload_not_found(name: str, count: int) -> errors.PSException:
    return errors.MethodException(
        f'Cannot find an overload for "{name}" and the argument count: "{count}".',
        error_id="MethodCountCouldNotFindBest",
    )


def method_invocation_failed(name: str, count: int, inner: errors.PSException) -> errors.PSException:
    return errors.MethodInvocationException(
        f'Exception calling "{name}" with "{count}" argument(s): "{inner.message}"',
        error_id=type(inner).dotnet_name.rsplit(".", 1)[-1],
        inner=inner,
    )


def argument_conversion_failed(name: str, failure: ArgumentConversionFailed) -> errors.PSException:
    return errors.MethodException(
        f'Cannot convert argument "{failure.param}", with value: "{text_of(failure.value)}", '
        f'for "{name}" to type "{failure.type_name}": "{failure.inner.message}"',
        error_id="MethodArgumentConversionInvalidCastArgument",
        inner=failure.inner,
    )


def property_not_settable(name: str) -> errors.PSException:
    return errors.RuntimeException(
        f"The property '{name}' cannot be found on this object. Verify that the property exists and can be set.",
        error_id="PropertyNotFound",
        category="InvalidOperation",
    )


def read_only_property(name: str) -> errors.PSException:
    return errors.RuntimeException(
        f"'{name}' is a ReadOnly property.", error_id="PropertyAssignmentException", category="InvalidOperation"
    )


def sandbox_refusal(type_name: str, reason: str) -> errors.PSException:
    """The error for a type the emulator refuses ([System.IO.File], [xml], ...)."""
    return errors.PSNotSupportedException(
        f"[{type_name}] is not available in pshv: {reason}", error_id="NotSupported", category="NotImplemented"
    )


# --------------------------------------------------------------------------- argument conversion


def text_of(value: object) -> str:
    """PowerShell's string form of a value (via the conversions module when present)."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    try:
        from .convert import to_string
    except ImportError:
        return str(value)
    return to_string(value)


def convert_arg(value: object, type_name: str, param: str) -> object:
    """Convert a method argument to the .NET type `type_name` as a method binder would."""
    from .convert import convert_to
    from .types import resolve_type

    pstype = resolve_type(type_name)
    assert pstype is not None, type_name
    try:
        return convert_to(value, pstype)
    except errors.PSException as exc:
        raise ArgumentConversionFailed(param, value, pstype.full_name, exc) from None


def as_int(value: object, param: str) -> int:
    if type(value) is int and INT32_MIN <= value <= INT32_MAX:  # type: ignore[operator]
        return value  # type: ignore[return-value]
    return int(convert_arg(value, "System.Int32", param))  # type: ignore[call-overload]


def as_long(value: object, param: str) -> int:
    if type(value) in (int, Int64):
        return int(value)  # type: ignore[call-overload]
    return int(convert_arg(value, "System.Int64", param))  # type: ignore[call-overload]


def as_double(value: object, param: str) -> float:
    kind = type(value)
    if kind is float:
        return value  # type: ignore[return-value]
    if kind is int or kind is Int64:
        return float(value)  # type: ignore[arg-type]
    return float(convert_arg(value, "System.Double", param))  # type: ignore[arg-type]


def as_string(value: object, param: str) -> str | None:
    """String arguments: $null stays null (as .NET passes it), everything else converts."""
    if type(value) is str or value is None:
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        return str(value)
    return str(convert_arg(value, "System.String", param))


def as_char(value: object, param: str) -> str:
    if isinstance(value, str) and len(value) == 1:
        return str(value)
    return str(convert_arg(value, "System.Char", param))


def as_bool(value: object, param: str) -> bool:
    if type(value) is bool:
        return value  # type: ignore[return-value]
    return bool(convert_arg(value, "System.Boolean", param))


def as_number(value: object, param: str) -> object:
    """A numeric argument whose overload depends on its type (Math.Abs/Max/Min/Round)."""
    kind = type(value)
    if kind is int or kind is float or kind is Int64 or kind is Decimal:
        return value
    if kind is bool:
        return int(value)  # type: ignore[arg-type]
    return as_double(value, param)


def is_char(value: object) -> bool:
    return type(value) is Char


def dotnet_equals(left: object, right: object) -> bool:
    """Object.Equals as .NET applies it: same runtime type and equal value (ordinal strings).
    Int32 and Int64 (and Double) values are different types, so 1 does not equal 1L or 1.0."""
    if left is right:
        return True
    kind = type(left)
    if kind is not type(right):
        if isinstance(left, str) and isinstance(right, str):
            return (type(left) is Char) == (type(right) is Char) and str(left) == str(right)
        return False
    if kind is int:
        return left == right and (INT32_MIN <= left <= INT32_MAX) == (INT32_MIN <= right <= INT32_MAX)  # type: ignore[operator]
    if kind is list:
        return False  # arrays compare by reference
    try:
        return bool(left == right)
    except TypeError:
        return False


def equality_key(value: object) -> object:
    """A dict key that groups values exactly when `dotnet_equals` holds (for HashSet)."""
    kind = type(value)
    if kind is int:
        return (int if INT32_MIN <= value <= INT32_MAX else Int64, value)  # type: ignore[operator]
    try:
        hash(value)
    except TypeError:
        return (id, id(value))
    if kind is list:
        return (id, id(value))
    return (kind, value)
