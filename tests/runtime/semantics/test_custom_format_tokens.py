"""The tokenizer shared by custom DateTime and TimeSpan format strings."""

from __future__ import annotations

import pytest

from pshv.runtime.dotnet_format import FORMAT_ERROR, _custom_format_tokens, _FormatFailure


def test_letters_come_as_runs_and_quotes_and_escapes_as_literals():
    assert list(_custom_format_tokens("hh\\:mm'h'\"\"ss")) == [
        ("specifier", "h", 2), ("literal", ":", 1), ("specifier", "m", 2), ("literal", "h", 1),
        ("literal", "", 1), ("specifier", "s", 2)]


def test_percent_is_dropped_before_a_character_but_not_at_the_end():
    assert list(_custom_format_tokens("%d%%dd")) == [("specifier", "d", 1), ("specifier", "d", 2)]
    assert list(_custom_format_tokens("d%")) == [("specifier", "d", 1), ("specifier", "%", 1)]


@pytest.mark.parametrize("spec", ["'abc", "d\"", "dd\\"])
def test_unterminated_quote_or_trailing_backslash_is_a_format_error(spec):
    with pytest.raises(_FormatFailure, match=FORMAT_ERROR):
        list(_custom_format_tokens(spec))
