"""Property arguments shared by Select-Object, Sort-Object, Group-Object and Compare-Object.

A property argument is a name (wildcards allowed where the cmdlet allows them), a script
block run with `$_` set to the object, or a hashtable (a calculated property) whose keys
may be abbreviated (`n`, `l`, `e`, `asc`, `desc`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ...runtime import errors as E
from ...runtime.objects import Hashtable, Invocable

SELECT_KEYS = ("name", "label", "expression")
SORT_KEYS = ("expression", "ascending", "descending")
GROUP_KEYS = ("expression",)


@dataclass(slots=True)
class PropertyArg:
    """One property argument: a label and how to read its value from an object."""

    label: str
    reader: Callable[[object], object] | None  # None: a (possibly wildcard) property name
    name: str | None = None
    ascending: bool | None = None  # Sort-Object's hashtable Ascending/Descending keys


def _key_error(key: str, error_id: str) -> E.PSException:
    return E.NotSupportedException(f"The {key} key is not valid.", error_id=error_id, category="InvalidArgument")


def _canonical_key(key: object, allowed: tuple[str, ...]) -> str:
    text = str(key).casefold()
    matches = [name for name in allowed if name.startswith(text)] if text else []
    if text == "n":
        matches = ["name"] if "name" in allowed else []
    elif text == "l":
        matches = ["label"] if "label" in allowed else []
    if len(matches) != 1:
        raise _key_error(str(key), "DictionaryKeyIllegal")
    return matches[0]


def script_reader(ctx, block: Invocable) -> Callable[[object], object]:
    """A script block as a value reader: its output collapsed like a pipeline result."""

    def read(obj: object) -> object:
        return ctx.collapse(ctx.call(block, [], dollar_under=obj))

    return read


def name_reader(ctx, name: str) -> Callable[[object], object]:
    from ...runtime.members import get_member

    return lambda obj: get_member(ctx, obj, name)


def parse_property_args(ctx, specs: list, allowed: tuple[str, ...]) -> list[PropertyArg]:
    """Turn -Property arguments into PropertyArgs (hashtable keys checked against `allowed`)."""
    from ...runtime.params import script_text

    result: list[PropertyArg] = []
    for spec in specs:
        if isinstance(spec, Hashtable):
            result.append(_calculated(ctx, spec, allowed))
        elif isinstance(spec, Invocable):
            result.append(PropertyArg(script_text(spec), script_reader(ctx, spec)))
        elif spec is not None:
            name = ctx.to_string(spec)
            result.append(PropertyArg(name, None, name=name))
    return result


def _calculated(ctx, table: Hashtable, allowed: tuple[str, ...]) -> PropertyArg:
    from ...runtime.convert import to_bool
    from ...runtime.params import script_text

    fields: dict[str, object] = {}
    for key in table.keys():
        fields[_canonical_key(key, allowed)] = table[key]
    expression = fields.get("expression")
    if expression is None:
        raise E.NotSupportedException(
            "The Expression key is mandatory.", error_id="DictionaryKeyMandatoryEntry", category="InvalidArgument")
    label = fields.get("name", fields.get("label"))
    ascending = None
    if "ascending" in fields:
        ascending = to_bool(fields["ascending"])
    if "descending" in fields:
        ascending = not to_bool(fields["descending"])
    if isinstance(expression, Invocable):
        text = script_text(expression)
        return PropertyArg(ctx.to_string(label) if label is not None else text, script_reader(ctx, expression),
                           ascending=ascending)
    name = ctx.to_string(expression)
    return PropertyArg(ctx.to_string(label) if label is not None else name, name_reader(ctx, name), name=name,
                       ascending=ascending)


def matching_names(obj: object, pattern: str) -> list[str]:
    """The object's property names matching a wildcard pattern, in display order."""
    from ...runtime.formatting.properties import has_wildcard, wildcard_match
    from ...runtime.members import property_names

    if not has_wildcard(pattern):
        return [pattern]
    return [name for name in property_names(obj) if wildcard_match(pattern, name)]


def key_value(ctx, obj: object, arg: PropertyArg) -> object:
    """A sort/group/compare key: the property value, or None when it cannot be read."""
    if arg.reader is not None:
        try:
            return arg.reader(obj)
        except E.PSException:
            return None
    from ...runtime.members import get_member

    try:
        return get_member(ctx, obj, arg.name or arg.label)
    except E.PSException:
        return None
