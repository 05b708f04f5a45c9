"""The NormalView error block (item 86) and parse errors as Windows PowerShell 5.1 shows them."""

from dataclasses import dataclass

from pshv.runtime.errors import (
    InvocationInfo, ItemNotFoundException, Position, RuntimeException,
)
from pshv.runtime.formatting import out_default, position_message, render_error, render_parse_error


def get_item_error():
    path = "C:\\Users\\Administrator\\nofile"
    error = ItemNotFoundException(
        f"Cannot find path '{path}' because it does not exist.",
        error_id="PathNotFound", category="ObjectNotFound", target=path,
    )
    error.record.invocation = InvocationInfo(
        "Get-Item", "Microsoft.PowerShell.Commands.GetItemCommand", Position(1, 1, "Get-Item nofile", 15)
    )
    return error.record


def test_cmdlet_error_block():
    assert render_error(get_item_error()) == (
        "Get-Item : Cannot find path 'C:\\Users\\Administrator\\nofile' because it does not exist.\n"
        "At line:1 char:1\n"
        "+ Get-Item nofile\n"
        "+ ~~~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound: (C:\\Users\\Administrator\\nofile:String) [Get-Item], "
        "ItemNotFoundException\n"
        "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand\n"
        " \n"
    )


def test_throw_shows_the_bare_message():
    error = RuntimeException("x", error_id="x", category="OperationStopped", target="x")
    error.was_thrown = True
    error.record.invocation = InvocationInfo(position=Position(1, 1, 'throw "x"', 9))
    assert render_error(error.record) == (
        "x\n"
        "At line:1 char:1\n"
        '+ throw "x"\n'
        "+ ~~~~~~~~~\n"
        "    + CategoryInfo          : OperationStopped: (x:String) [], RuntimeException\n"
        "    + FullyQualifiedErrorId : x\n"
        " \n"
    )


def test_error_from_a_script_file_and_a_marker_inside_the_line():
    error = RuntimeException("Attempted to divide by zero.", error_id="RuntimeException")
    error.record.invocation = InvocationInfo(position=Position(3, 6, "$x = 1/0", 3, script_path="C:\\s\\a.ps1"))
    lines = render_error(error.record).splitlines()
    assert lines[:4] == ["Attempted to divide by zero.", "At C:\\s\\a.ps1:3 char:6", "+ $x = 1/0", "+      ~~~"]
    assert lines[4] == "    + CategoryInfo          : NotSpecified: (:) [], RuntimeException"


def test_error_details_replace_the_message_and_drop_the_last_line():
    record = get_item_error()
    record.error_details = "Custom text"
    text = render_error(record)
    assert text.startswith("Get-Item : Custom text\n")
    assert text.endswith("GetItemCommand\n")


def test_long_message_wraps_between_words_at_the_console_width():
    error = RuntimeException("word " * 30 + "end", error_id="E")
    error.record.invocation = InvocationInfo("Test-It", None, Position(1, 1, "Test-It", 7))
    lines = render_error(error.record, width=80).splitlines()
    assert all(len(line) <= 79 for line in lines)
    assert lines[0] == "Test-It : " + "word " * 13 + "word"
    assert lines[1].startswith("word ")


def test_long_category_info_is_cut_in_chunks_with_an_indent():
    error = RuntimeException("m", error_id="X" * 100)
    text = render_error(error.record, width=80)
    lines = text.splitlines()
    assert lines[2] == "    + FullyQualifiedErrorId : " + "X" * 48
    assert lines[3] == "X" * 52


def test_long_source_line_is_cut_around_the_marker():
    line = "Import-VM -Path 'D:\\vm1\\Virtual Machines\\53EAE599-4D3B-4923-B173-6AEA29CB7F42.XML'"
    message = position_message(Position(1, 1, line, len(line)))
    assert message.splitlines() == [
        "At line:1 char:1",
        "+ " + line[:69] + " ...",
        "+ " + "~" * 69,
    ]


def test_marker_late_in_a_long_line_gets_leading_dots():
    line = "x" * 100 + " bad " + "y" * 20
    message = position_message(Position(1, 102, line, 3)).splitlines()
    assert message[1].startswith("+ ... ")
    assert message[1].endswith(" ...")
    assert message[2].index("~") == message[1].index("bad")


def test_tabs_expand_to_four_spaces():
    message = position_message(Position(1, 2, "\tfoo", 3)).splitlines()
    assert message[1:] == ["+     foo", "+     ~~~"]


@dataclass
class Issue:
    line: int
    col: int
    message: str
    error_id: str
    length: int = 0


def test_parse_error_block():
    issues = [
        Issue(1, 8, "Missing closing ')' after expression in 'if' statement.", "MissingEndParenthesisAfterStatement"),
        Issue(1, 9, "Missing closing '}' in statement block or type definition.", "MissingEndCurlyBrace"),
    ]
    assert render_parse_error(issues, "if ($x {") == (
        "At line:1 char:8\n"
        "+ if ($x {\n"
        "+        ~\n"
        "Missing closing ')' after expression in 'if' statement.\n"
        "\n"
        "At line:1 char:9\n"
        "+ if ($x {\n"
        "+         ~\n"
        "Missing closing '}' in statement block or type definition.\n"
        "    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n"
        "    + FullyQualifiedErrorId : MissingEndParenthesisAfterStatement\n"
        " \n"
    )


def test_error_records_in_the_output_stream_print_as_error_blocks():
    text = out_default(["before", get_item_error()])
    assert text.startswith("before\nGet-Item : Cannot find path")
    assert text.endswith("GetItemCommand\n \n")
