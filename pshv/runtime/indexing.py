"""The index operator `[ ]` on arrays, strings, hashtables and indexable objects."""

from __future__ import annotations

from . import errors as E
from .objects import Char, Hashtable, PSObject


def _to_int(value: object) -> int:
    if type(value) is int:
        return value
    from .convert import convert_to
    from .types import resolve_type

    return int(convert_to(value, resolve_type("int")))


def _one(ctx, target: object, index: object) -> object:
    indexer = getattr(target, "ps_index", None)
    if indexer is not None:
        return indexer(index)
    if isinstance(target, list):
        position = _to_int(index)
        if -len(target) <= position < len(target):
            return target[position]
        return None
    if isinstance(target, str):
        position = _to_int(index)
        if -len(target) <= position < len(target):
            return Char(target[position])
        return None
    if isinstance(target, Hashtable):
        return target.get(index)
    if isinstance(target, PSObject) or target is not None:
        position = _to_int(index)
        return target if position in (0, -1) else None
    return None


def get_index(ctx, target: object, index: object) -> object:
    if target is None:
        raise E.RuntimeException("Cannot index into a null array.", error_id="NullArray", category="InvalidOperation")
    if isinstance(index, list) and not isinstance(target, Hashtable):
        return [item for item in (_one(ctx, target, i) for i in index) if item is not None]
    if isinstance(index, list):
        return [target.get(i) for i in index]
    return _one(ctx, target, index)


def set_index(ctx, target: object, index: object, value: object) -> None:
    if target is None:
        raise E.RuntimeException("Cannot index into a null array.", error_id="NullArray", category="InvalidOperation")
    if isinstance(target, Hashtable):
        target[index] = value
        return
    if isinstance(target, list):
        position = _to_int(index)
        if not -len(target) <= position < len(target):
            raise E.RuntimeException(
                "Index was outside the bounds of the array.", error_id="IndexOutOfRange", category="InvalidOperation")
        target[position] = value
        return
    setter = getattr(target, "ps_set_index", None)
    if setter is not None:
        setter(index, value)
        return
    from .typenames import type_name_of

    raise E.RuntimeException(
        f"Unable to index into an object of type {type_name_of(target)}.", error_id="CannotIndex",
        category="InvalidOperation")
