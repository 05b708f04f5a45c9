"""System.Text.RegularExpressions on Python's `re`: [regex] objects, Match/Group results,
.NET pattern syntax (`(?<name>...)`, `\\k<name>`, `\\z`) and replacement syntax
(`$1`, `${name}`, `$$`, `$&`)."""

from __future__ import annotations

import enum
import re
from typing import Callable

from . import errors
from .objects import DotNetObject, Hashtable


RegexOptions = enum.IntFlag("RegexOptions", [
    ("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4), ("Compiled", 8),
    ("Singleline", 16), ("IgnorePatternWhitespace", 32), ("RightToLeft", 64), ("ECMAScript", 256),
    ("CultureInvariant", 512),
])
RegexOptions.__module__ = __name__

_NAMED_GROUP = re.compile(r"\(\?<(?![=!])([A-Za-z_][A-Za-z0-9_]*)>|\(\?'([A-Za-z_][A-Za-z0-9_]*)'")
_BACKREF = re.compile(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")


def translate(pattern: str) -> str:
    """A .NET pattern in Python `re` syntax (named groups, \\k<name>, \\z, \\Z)."""
    pattern = _NAMED_GROUP.sub(lambda m: f"(?P<{m.group(1) or m.group(2)}>", pattern)
    pattern = _BACKREF.sub(lambda m: f"(?P={m.group(1)})", pattern)
    return re.sub(r"(?<!\\)((?:\\\\)*)\\z", r"\1\\Z", pattern)


def python_flags(*, ignore_case: bool, multiline: bool, singleline: bool, pattern_whitespace: bool) -> int:
    """The `re` flags for .NET's IgnoreCase, Multiline, Singleline and IgnorePatternWhitespace."""
    flags = 0
    if ignore_case:
        flags |= re.IGNORECASE
    if multiline:
        flags |= re.MULTILINE
    if singleline:
        flags |= re.DOTALL
    if pattern_whitespace:
        flags |= re.VERBOSE
    return flags


def _flags(options: object) -> int:
    value = int(options) if options is not None else 0  # type: ignore[call-overload]
    return python_flags(ignore_case=bool(value & RegexOptions.IgnoreCase),
                        multiline=bool(value & RegexOptions.Multiline),
                        singleline=bool(value & RegexOptions.Singleline),
                        pattern_whitespace=bool(value & RegexOptions.IgnorePatternWhitespace))


def compile_pattern(pattern: str, options: object = None) -> re.Pattern[str]:
    try:
        return re.compile(translate(pattern), _flags(options))
    except re.error as exc:
        raise errors.ArgumentException(f'parsing "{pattern}" - {exc.msg}.') from None


def expand_replacement(replacement: str, match: re.Match[str]) -> str:
    """Apply .NET substitutions ($1, ${name}, $$, $&, $`, $', $+, $_) for one match."""
    out: list[str] = []
    index = 0
    text = match.string
    while index < len(replacement):
        char = replacement[index]
        if char != "$" or index + 1 == len(replacement):
            out.append(char)
            index += 1
            continue
        nxt = replacement[index + 1]
        if nxt == "$":
            out.append("$")
            index += 2
        elif nxt == "&":
            out.append(match.group(0))
            index += 2
        elif nxt == "`":
            out.append(text[:match.start()])
            index += 2
        elif nxt == "'":
            out.append(text[match.end():])
            index += 2
        elif nxt == "_":
            out.append(text)
            index += 2
        elif nxt == "+":
            out.append(match.group(match.re.groups) or "" if match.re.groups else "")
            index += 2
        elif nxt == "{":
            close = replacement.find("}", index)
            name = replacement[index + 2:close] if close > 0 else ""
            group = _group_or_none(match, int(name) if name.isdigit() else name)
            if close < 0 or group is _NO_GROUP:
                out.append(char)
                index += 1
            else:
                out.append(group or "")  # type: ignore[arg-type]
                index = close + 1
        elif nxt.isdigit():
            end = index + 1
            while end < len(replacement) and replacement[end].isdigit():
                end += 1
            number = int(replacement[index + 1:end])
            while number > match.re.groups and end > index + 2:  # .NET takes the longest valid group number
                end -= 1
                number = int(replacement[index + 1:end])
            if number > match.re.groups:
                out.append(char)
                index += 1
            else:
                out.append(match.group(number) or "")
                index = end
        else:
            out.append(char)
            index += 1
    return "".join(out)


_NO_GROUP = object()


def _group_or_none(match: re.Match[str], key: int | str) -> object:
    try:
        return match.group(key)
    except IndexError:
        return _NO_GROUP


class Group(DotNetObject):
    ps_type_names = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture",
                     "System.Object")
    ps_properties = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, match: re.Match[str] | None, key: int | str, name: str) -> None:
        value = match.group(key) if match is not None else None
        self.Success = value is not None
        self.Name = name
        self.Index = match.start(key) if self.Success else 0  # type: ignore[union-attr]
        self.Value = value or ""
        self.Length = len(self.Value)
        self.Captures = [self] if self.Success else []

    def ps_to_string(self) -> str:
        return self.Value


class GroupCollection(list):
    """Match.Groups: indexable by number or by name."""

    def ps_index(self, key: object) -> object:
        if isinstance(key, str) and not key.isdigit():
            return next((group for group in self if group.Name.casefold() == key.casefold()), None)
        position = int(key)  # type: ignore[call-overload]
        return self[position] if 0 <= position < len(self) else None


class Match(Group):
    ps_type_names = ("System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
                     "System.Text.RegularExpressions.Capture", "System.Object")
    ps_properties = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, match: re.Match[str] | None) -> None:
        super().__init__(match, 0, "0")
        groups = GroupCollection([self])
        if match is not None:
            names = {index: name for name, index in match.re.groupindex.items()}
            numbered = [i for i in range(1, match.re.groups + 1) if i not in names]
            for index in numbered + sorted(names):
                groups.append(Group(match, index, names.get(index, str(index))))
        self.Groups = groups
        self._match = match

    def ps_method(self, name: str) -> Callable[..., object] | None:
        if name.casefold() == "nextmatch":
            return self._next
        return None

    def _next(self) -> "Match":
        if self._match is None:
            return self
        found = self._match.re.search(self._match.string, self._match.end() + (self._match.end() == self._match.start()))
        return Match(found)


def matches_table(match: re.Match[str]) -> Hashtable:
    """The `$Matches` hashtable of a match: named groups first, then numbered, then 0."""
    table = Hashtable()
    for name in match.re.groupindex:
        if match.group(name) is not None:
            table[name] = match.group(name)
    named = set(match.re.groupindex.values())
    for index in range(match.re.groups, 0, -1):
        if index not in named and match.group(index) is not None:
            table[index] = match.group(index)
    table[0] = match.group(0)
    return table


class Regex(DotNetObject):
    """A `[regex]` object."""

    ps_type_names = ("System.Text.RegularExpressions.Regex", "System.Object")
    ps_properties = ("Options", "MatchTimeout", "RightToLeft")

    def __init__(self, pattern: str, options: object = None) -> None:
        self.pattern = pattern
        self.options = RegexOptions(int(options or 0))  # type: ignore[call-overload]
        self.compiled = compile_pattern(pattern, self.options)
        self.Options = self.options
        self.MatchTimeout = None
        self.RightToLeft = bool(self.options & RegexOptions.RightToLeft)

    def ps_to_string(self) -> str:
        return self.pattern

    def ps_method(self, name: str) -> Callable[..., object] | None:
        return getattr(self, "_m_" + name.casefold(), None)

    def _m_ismatch(self, text: object, start: object = 0) -> bool:
        return self.compiled.search(_text(text), int(start)) is not None  # type: ignore[call-overload]

    def _m_match(self, text: object, start: object = 0) -> Match:
        return Match(self.compiled.search(_text(text), int(start)))  # type: ignore[call-overload]

    def _m_matches(self, text: object, start: object = 0) -> list[object]:
        return [Match(found) for found in self.compiled.finditer(_text(text), int(start))]  # type: ignore[call-overload]

    def _m_replace(self, text: object, replacement: object, count: object = -1) -> str:
        return replace(self.compiled, _text(text), replacement, int(count))  # type: ignore[call-overload]

    def _m_split(self, text: object, count: object = 0) -> list[object]:
        return split(self.compiled, _text(text), int(count))  # type: ignore[call-overload]

    def _m_getgroupnames(self) -> list[object]:
        named = set(self.compiled.groupindex.values())
        numbered: list[object] = [str(i) for i in range(self.compiled.groups + 1) if i not in named]
        return numbered + list(self.compiled.groupindex)

    def _m_tostring(self) -> str:
        return self.pattern


def _text(value: object) -> str:
    from .method_support import text_of

    if value is None:
        raise errors.ArgumentNullException("Value cannot be null.\r\nParameter name: input")
    return text_of(value)


def replace(pattern: re.Pattern[str], text: str, replacement: object, count: int = -1) -> str:
    from .method_support import text_of
    from .objects import Invocable

    if isinstance(replacement, Invocable):
        def evaluate(found: re.Match[str]) -> str:
            output = replacement.call([Match(found)])
            return "".join(text_of(item) for item in output)
        return pattern.sub(evaluate, text, count=max(count, 0))
    template = text_of(replacement)
    return pattern.sub(lambda found: expand_replacement(template, found), text, count=max(count, 0))


def split(pattern: re.Pattern[str], text: str, count: int = 0) -> list[object]:
    """Regex.Split: captured groups are included in the result, like .NET."""
    return list(pattern.split(text, maxsplit=max(count - 1, 0)))
