"""Reading objects for display: type names, property names and values, wildcards and
Format-Table / Format-List `-Property` arguments (names, wildcards, calculated properties).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .. import errors
from ..instance_members import INDEX as INSTANCE_MEMBERS
from ..instance_members import lookup as lookup_instance_members
from ..objects import DotNetObject, Hashtable, Invocable, PSObject


def type_names(obj: object) -> list[str]:
    """The names views are looked up by, most derived first."""
    if isinstance(obj, PSObject):
        return obj.type_names
    if INSTANCE_MEMBERS and obj is not None:
        record = lookup_instance_members(obj)
        if record is not None:
            return record.type_names
    if isinstance(obj, DotNetObject):
        return list(obj.ps_type_names)
    from ..typenames import type_name_of

    return [type_name_of(obj), "System.Object"]


def property_names(ctx: object, obj: object) -> list[str]:
    """Display-order property names (members.property_names when available)."""
    from ..members import property_names as member_names

    return member_names(obj)


def get_property(ctx: object, obj: object, name: str) -> object:
    """A property's value, or None when the object has no such property (as formatting does)."""
    from ..members import get_member

    try:
        return get_member(ctx, obj, name)
    except errors.PSException:
        return None


@lru_cache(maxsize=256)
def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "`" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[":
            end = pattern.find("]", i + 1)
            if end > i:
                out.append("[" + pattern[i + 1:end].replace("\\", "\\\\") + "]")
                i = end + 1
                continue
            out.append(re.escape(char))
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE | re.DOTALL)


def has_wildcard(text: str) -> bool:
    return any(char in text for char in "*?[")


def wildcard_match(pattern: str, text: str) -> bool:
    return _wildcard_regex(pattern).match(text) is not None


ALIGNMENTS = {"left": "left", "right": "right", "center": "center"}


@dataclass(slots=True)
class DisplayProperty:
    """One column (table) or entry (list): a label and how to read its value."""

    label: str
    value: str | Callable[[object], object]
    width: int | None = None
    alignment: str | None = None  # 'left' | 'right' | 'center'; None lets the value decide
    format_string: str | None = None

    def read(self, ctx: object, obj: object) -> object:
        if isinstance(self.value, str):
            return get_property(ctx, obj, self.value)
        return self.value(obj)


def script_value(ctx: object, block: Invocable) -> Callable[[object], object]:
    """A calculated property's Expression script block as a value reader ($_ is the object)."""

    def read(obj: object) -> object:
        result = ctx.call(block, [], dollar_under=obj) if ctx is not None else block.call([], dollar_under=obj)
        if not result:
            return None
        return result[0] if len(result) == 1 else list(result)

    return read


_KEYS = {
    "name": "label", "n": "label", "label": "label", "l": "label",
    "expression": "expression", "e": "expression",
    "width": "width", "alignment": "alignment", "formatstring": "formatstring",
}


def _calculated(ctx: object, spec: Hashtable, allowed: tuple[str, ...]) -> DisplayProperty:
    fields: dict[str, object] = {}
    for key in spec.keys():
        text = str(key)
        matches = {canonical for name, canonical in _KEYS.items() if name.startswith(text.casefold())}
        if len(matches) != 1 or next(iter(matches)) not in allowed:
            raise errors.NotSupportedException(
                f'The "{text}" key is not valid.', error_id="DictionaryKeyIllegal,Microsoft.PowerShell.Commands.FormatTableCommand",
                category="InvalidArgument",
            )
        fields[next(iter(matches))] = spec[key]
    expression = fields.get("expression")
    if expression is None:
        raise errors.NotSupportedException(
            'The "Expression" key is missing.', error_id="DictionaryKeyMandatoryEntry", category="InvalidArgument"
        )
    if isinstance(expression, Invocable):
        value: str | Callable[[object], object] = script_value(ctx, expression)
        label = str(fields.get("label") or _block_text(expression))
    else:
        value = str(expression)
        label = str(fields.get("label") or value)
    alignment = fields.get("alignment")
    width = fields.get("width")
    return DisplayProperty(
        label=label,
        value=value,
        width=int(width) if width is not None else None,
        alignment=ALIGNMENTS.get(str(alignment).casefold()) if alignment is not None else None,
        format_string=str(fields["formatstring"]) if fields.get("formatstring") is not None else None,
    )


def _block_text(block: Invocable) -> str:
    """A script block used as a label shows its text (ScriptBlock.ToString())."""
    text = getattr(block, "text", None)
    return text.strip() if isinstance(text, str) else str(block)


TABLE_KEYS = ("label", "expression", "width", "alignment", "formatstring")
LIST_KEYS = ("label", "expression", "formatstring")


def resolve_properties(ctx: object, obj: object, specs: list[object], allowed: tuple[str, ...]) -> list[DisplayProperty]:
    """-Property arguments against the first object: names, wildcards, script blocks, hashtables."""
    result: list[DisplayProperty] = []
    for spec in specs:
        if isinstance(spec, Hashtable):
            result.append(_calculated(ctx, spec, allowed))
        elif isinstance(spec, Invocable):
            result.append(DisplayProperty(label=_block_text(spec), value=script_value(ctx, spec)))
        else:
            name = str(spec)
            if has_wildcard(name):
                for actual in property_names(ctx, obj):
                    if wildcard_match(name, actual) and all(p.label != actual for p in result):
                        result.append(DisplayProperty(label=actual, value=actual))
            else:
                result.append(DisplayProperty(label=_spelling(ctx, obj, name), value=name))
    return result


def _spelling(ctx: object, obj: object, name: str) -> str:
    """A named property's header keeps the object's spelling of the name."""
    folded = name.casefold()
    for actual in property_names(ctx, obj):
        if actual.casefold() == folded:
            return actual
    return name
