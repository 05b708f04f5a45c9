"""Members of System.String, with .NET Framework 4.x semantics (what Windows PowerShell 5.1 runs on).

Notable 5.1 behaviour kept on purpose: `Split` has no single-string overload, so
`'a::b'.Split('::')` splits on each ':' (giving 'a', '', 'b'); `Replace`, `Contains`,
`IndexOf`, `StartsWith` and `EndsWith` are case-sensitive.
"""

from __future__ import annotations

import enum
from typing import Callable

from . import errors
from .method_support import as_int, as_string, text_of
from .objects import Char


StringSplitOptions = enum.IntEnum("StringSplitOptions", [("None", 0), ("RemoveEmptyEntries", 1)])
StringSplitOptions.__module__ = __name__


class StringComparison(enum.IntEnum):
    CurrentCulture = 0
    CurrentCultureIgnoreCase = 1
    InvariantCulture = 2
    InvariantCultureIgnoreCase = 3
    Ordinal = 4
    OrdinalIgnoreCase = 5


def culture_key(text: str) -> tuple[str, str]:
    """Sort key approximating en-US culture order: case-insensitive, lower case first on ties."""
    return (text.casefold(), text.swapcase())


def culture_compare(left: str | None, right: str | None, ignore_case: bool = False) -> int:
    if left is None or right is None:
        return (left is not None) - (right is not None)
    a, b = (left.casefold(), right.casefold()) if ignore_case else (culture_key(left), culture_key(right))
    return (a > b) - (a < b)


def _out_of_range(message: str, param: str) -> errors.PSException:
    return errors.ArgumentOutOfRangeException(f"{message}\r\nParameter name: {param}")


def _chars_of(args: tuple[object, ...]) -> set[str]:
    """A params char[] argument list: each string contributes all its characters."""
    chars: set[str] = set()
    for arg in args:
        for item in arg if isinstance(arg, list) else [arg]:
            chars.update(text_of(item))
    return chars


def _comparison(value: object) -> StringComparison:
    if isinstance(value, StringComparison):
        return value
    if isinstance(value, str):
        for member in StringComparison:
            if member.name.casefold() == value.casefold():
                return member
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 5:
        return StringComparison(value)
    raise errors.PSInvalidCastException(
        f'Cannot convert value "{text_of(value)}" to type "System.StringComparison".',
        error_id="InvalidCastFromStringToEnum", category="InvalidArgument")


def _ignores_case(comparison: StringComparison) -> bool:
    return comparison.name.endswith("IgnoreCase")


# --------------------------------------------------------------------------- methods


def _to_upper(ctx: object, s: str, culture: object = None) -> str:
    return s.upper()


def _to_lower(ctx: object, s: str, culture: object = None) -> str:
    return s.lower()


def _trim(ctx: object, s: str, *chars: object) -> str:
    return s.strip("".join(_chars_of(chars))) if chars else s.strip()


def _trim_start(ctx: object, s: str, *chars: object) -> str:
    return s.lstrip("".join(_chars_of(chars))) if chars else s.lstrip()


def _trim_end(ctx: object, s: str, *chars: object) -> str:
    return s.rstrip("".join(_chars_of(chars))) if chars else s.rstrip()


def _split_options(args: list[object]) -> tuple[list[object], bool]:
    if args and (isinstance(args[-1], StringSplitOptions) or (
            len(args) >= 2 and isinstance(args[-1], str) and args[-1].casefold() in ("removeemptyentries", "none"))):
        last = args.pop()
        return args, (last == StringSplitOptions.RemoveEmptyEntries
                      or (isinstance(last, str) and last.casefold() == "removeemptyentries"))
    return args, False


def _split(ctx: object, s: str, *raw: object) -> list[object]:
    args, remove_empty = _split_options(list(raw))
    limit = None
    if len(args) >= 2 and type(args[-1]) is int:
        limit = args.pop()
        if limit < 0:
            raise _out_of_range("Count cannot be less than zero.", "count")
    separators: list[str]
    first = args[0] if args else None
    if remove_empty or limit is not None:
        # string[] overloads exist only with options; a lone string is still a char[]
        if isinstance(first, list) and any(len(text_of(item)) > 1 for item in first):
            separators = [text_of(item) for item in first if text_of(item)]
        else:
            separators = sorted(_chars_of(tuple(args)))
    else:
        separators = sorted(_chars_of(tuple(args)))
    pieces = _split_on(s, separators)
    if remove_empty:
        pieces = [piece for piece in pieces if piece]
    if limit is not None:
        if limit == 0:
            return []
        if len(pieces) > limit:
            pieces = _split_limited(s, separators, limit, remove_empty)
    return pieces


def _split_on(s: str, separators: list[str]) -> list[object]:
    if not separators:
        pieces, current = [], []
        for char in s:
            if char.isspace():
                pieces.append("".join(current))
                current = []
            else:
                current.append(char)
        pieces.append("".join(current))
        return pieces
    import re

    return re.split("|".join(re.escape(sep) for sep in sorted(separators, key=len, reverse=True)), s)


def _split_limited(s: str, separators: list[str], limit: int, remove_empty: bool) -> list[object]:
    import re

    if separators:
        pattern = re.compile("|".join(re.escape(sep) for sep in sorted(separators, key=len, reverse=True)))
    else:
        pattern = re.compile(r"\s")
    pieces: list[object] = []
    position = 0
    while len(pieces) < limit - 1:
        found = pattern.search(s, position)
        if found is None:
            break
        piece = s[position:found.start()]
        position = found.end()
        if piece or not remove_empty:
            pieces.append(piece)
    pieces.append(s[position:])
    return pieces


def _replace(ctx: object, s: str, old: object, new: object) -> str:
    old_text = as_string(old, "oldValue")
    if old_text is None:
        raise errors.ArgumentNullException("Value cannot be null.\r\nParameter name: oldValue")
    if old_text == "":
        raise errors.ArgumentException("String cannot be of zero length.\r\nParameter name: oldValue")
    return s.replace(old_text, as_string(new, "newValue") or "")


def _substring(ctx: object, s: str, start: object, length: object = None) -> str:
    begin = as_int(start, "startIndex")
    if begin < 0:
        raise _out_of_range("StartIndex cannot be less than zero.", "startIndex")
    if begin > len(s):
        raise _out_of_range("startIndex cannot be larger than length of string.", "startIndex")
    if length is None:
        return s[begin:]
    count = as_int(length, "length")
    if count < 0:
        raise _out_of_range("Length cannot be less than zero.", "length")
    if begin + count > len(s):
        raise _out_of_range("Index and length must refer to a location within the string.", "length")
    return s[begin:begin + count]


def _index_args(s: str, start: object, count: object) -> tuple[int, int]:
    begin = 0 if start is None else as_int(start, "startIndex")
    if begin < 0 or begin > len(s):
        raise _out_of_range("Index was out of range. Must be non-negative and less than the size of the collection.",
                            "startIndex")
    end = len(s) if count is None else begin + as_int(count, "count")
    if end > len(s) or end < begin:
        raise _out_of_range("Count must be positive and count must refer to a location within the string/array/"
                            "collection.", "count")
    return begin, end


def _needle(value: object, param: str = "value") -> str:
    if value is None:
        raise errors.ArgumentNullException(f"Value cannot be null.\r\nParameter name: {param}")
    return text_of(value)


def _index_of(ctx: object, s: str, value: object, start: object = None, count: object = None) -> int:
    begin, end = _index_args(s, start, count)
    if isinstance(count, StringComparison) or isinstance(start, StringComparison):
        comparison = count if isinstance(count, StringComparison) else start
        begin, end = (0, len(s)) if comparison is start else _index_args(s, start, None)
        if _ignores_case(comparison):  # type: ignore[arg-type]
            return s.casefold().find(_needle(value).casefold(), begin, end)
    return s.find(_needle(value), begin, end)


def _last_index_of(ctx: object, s: str, value: object, start: object = None) -> int:
    end = len(s) if start is None else as_int(start, "startIndex") + 1
    return s.rfind(_needle(value), 0, end)


def _index_of_any(ctx: object, s: str, chars: object) -> int:
    wanted = _chars_of((chars,))
    return next((index for index, char in enumerate(s) if char in wanted), -1)


def _starts_with(ctx: object, s: str, value: object, *options: object) -> bool:
    needle = _needle(value)
    if _ignore_case_option(options):
        return s.casefold().startswith(needle.casefold())
    return s.startswith(needle)


def _ends_with(ctx: object, s: str, value: object, *options: object) -> bool:
    needle = _needle(value)
    if _ignore_case_option(options):
        return s.casefold().endswith(needle.casefold())
    return s.endswith(needle)


def _ignore_case_option(options: tuple[object, ...]) -> bool:
    if not options:
        return False
    first = options[0]
    if type(first) is bool:
        return first
    return _ignores_case(_comparison(first))


def _contains(ctx: object, s: str, value: object) -> bool:
    return _needle(value) in s


def _pad(s: str, width: object, char: object, left: bool) -> str:
    total = as_int(width, "totalWidth")
    if total < 0:
        raise _out_of_range("Non-negative number required.", "totalWidth")
    fill = " " if char is None else text_of(char)[:1] or " "
    return s.rjust(total, fill) if left else s.ljust(total, fill)


def _pad_left(ctx: object, s: str, width: object, char: object = None) -> str:
    return _pad(s, width, char, True)


def _pad_right(ctx: object, s: str, width: object, char: object = None) -> str:
    return _pad(s, width, char, False)


def _to_char_array(ctx: object, s: str) -> list[object]:
    return [Char(char) for char in s]


def _insert(ctx: object, s: str, start: object, value: object) -> str:
    at = as_int(start, "startIndex")
    if at < 0 or at > len(s):
        raise _out_of_range("Index was out of range. Must be non-negative and less than the size of the collection.",
                            "startIndex")
    return s[:at] + _needle(value) + s[at:]


def _remove(ctx: object, s: str, start: object, count: object = None) -> str:
    at = as_int(start, "startIndex")
    if at < 0:
        raise _out_of_range("StartIndex cannot be less than zero.", "startIndex")
    if count is None:
        if at >= len(s):
            raise _out_of_range("startIndex must be less than length of string.", "startIndex")
        return s[:at]
    length = as_int(count, "count")
    if length < 0:
        raise _out_of_range("Count cannot be less than zero.", "count")
    if at + length > len(s):
        raise _out_of_range("Index and count must refer to a location within the string.", "count")
    return s[:at] + s[at + length:]


def _equals(ctx: object, s: str, other: object, comparison: object = None) -> bool:
    if not isinstance(other, str):
        return False
    if comparison is not None and _ignores_case(_comparison(comparison)):
        return s.casefold() == other.casefold()
    return s == str(other)


def _compare_to(ctx: object, s: str, other: object) -> int:
    if other is None:
        return 1
    if not isinstance(other, str):
        raise errors.ArgumentException("Object must be of type String.")
    return culture_compare(s, other)


def _to_string(ctx: object, s: str, provider: object = None) -> str:
    return str(s)


def _clone(ctx: object, s: str) -> str:
    return s


def _normalize(ctx: object, s: str, form: object = None) -> str:
    import unicodedata

    return unicodedata.normalize("NFC" if form is None else text_of(form).upper(), s)


STRING_METHODS: dict[str, Callable[..., object]] = {
    "toupper": _to_upper,
    "toupperinvariant": _to_upper,
    "tolower": _to_lower,
    "tolowerinvariant": _to_lower,
    "trim": _trim,
    "trimstart": _trim_start,
    "trimend": _trim_end,
    "split": _split,
    "replace": _replace,
    "substring": _substring,
    "indexof": _index_of,
    "lastindexof": _last_index_of,
    "indexofany": _index_of_any,
    "startswith": _starts_with,
    "endswith": _ends_with,
    "contains": _contains,
    "padleft": _pad_left,
    "padright": _pad_right,
    "tochararray": _to_char_array,
    "insert": _insert,
    "remove": _remove,
    "equals": _equals,
    "compareto": _compare_to,
    "tostring": _to_string,
    "clone": _clone,
    "normalize": _normalize,
}
"""System.String's methods: name -> fn(ctx, s, *args)."""
