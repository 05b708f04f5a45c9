"""A script with several syntax errors: every one is shown, as Windows PowerShell 5.1 shows them."""

from tests.conftest import cli


def test_every_error_is_listed_with_its_extent_marked_and_nothing_runs(tmp_path):
    script = tmp_path / "broken.ps1"
    script.write_text('Write-Output "ran"\nfunction f { param($a, [int]$A) try {} finally { return } }\n')
    result = cli("-File", str(script))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "At S:\\broken.ps1:2 char:29\n"
        "+ function f { param($a, [int]$A) try {} finally { return } }\n"
        "+                             ~~\n"
        "Duplicate parameter $A in parameter list.\n"
        "\n"
        "At S:\\broken.ps1:2 char:50\n"
        "+ function f { param($a, [int]$A) try {} finally { return } }\n"
        "+                                                  ~~~~~~\n"
        "Flow of control cannot leave a Finally block.\n"
        "    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n"
        "    + FullyQualifiedErrorId : DuplicateFormalParameter\n"
        " \n"
    )


def test_an_if_condition_left_open_gives_both_errors_powershell_gives():
    result = cli("-Command", 'if ($x { "a" }')
    assert result.stderr.startswith(
        "At line:1 char:8\n+ if ($x { \"a\" }\n+        ~\nUnexpected token '{' in expression or statement.\n\n"
        "At line:1 char:8\n+ if ($x { \"a\" }\n+        ~\nMissing closing ')' after expression in 'if' statement.\n")
