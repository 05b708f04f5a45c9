"""Item cmdlets on the lab's file systems: listing view, create, copy, move, rename, remove."""

import pytest

from tests.conftest import ps

SETUP = "New-Item C:\\t -ItemType Directory | Out-Null; Set-Content C:\\t\\a.txt hi; Set-Content C:\\t\\b.log x; "


def test_directory_listing_view():
    result = ps(SETUP + "Get-ChildItem C:\\t")
    assert result.stdout == (
        "\n\n    Directory: C:\\t\n\n\n"
        "Mode                LastWriteTime         Length Name\n"
        "----                -------------         ------ ----\n"
        "-a----        3/10/2025   9:00 AM              4 a.txt\n"
        "-a----        3/10/2025   9:00 AM              3 b.log\n\n"
    )


def test_listing_mixes_folders_and_files_in_one_table():
    result = ps(SETUP + "New-Item C:\\t\\sub -ItemType Directory | Out-Null; Get-ChildItem C:\\t")
    assert "d-----        3/10/2025   9:00 AM                sub\n-a----" in result.stdout


def test_file_properties():
    result = ps(SETUP + "$f = Get-Item C:\\t\\a.txt; $f.Name; $f.BaseName; $f.Extension; $f.Length; $f.FullName; "
                "$f.DirectoryName; $f.PSIsContainer; $f.Mode; $f.PSPath")
    assert result.output == ["a.txt", "a", ".txt", 4, "C:\\t\\a.txt", "C:\\t", False, "-a----",
                             "Microsoft.PowerShell.Core\\FileSystem::C:\\t\\a.txt"]


def test_child_items_stringify_as_names_in_5_1():
    result = ps(SETUP + '"$((Get-ChildItem C:\\t)[0])"; "$(Get-Item C:\\t\\a.txt)"')
    assert result.output == ["a.txt", "C:\\t\\a.txt"]


def test_filter_include_exclude_name_recurse():
    result = ps(SETUP + "New-Item C:\\t\\s\\c.txt -Force | Out-Null; "
                "Get-ChildItem C:\\t -Filter *.txt -Name; '--'; Get-ChildItem C:\\t -Include *.txt -Name; '--'; "
                "Get-ChildItem C:\\t\\* -Include *.txt -Name; '--'; Get-ChildItem C:\\t -Recurse -Name; '--'; "
                "Get-ChildItem C:\\t -Recurse -File -Exclude a* | ForEach-Object Name; '--'; "
                "Get-ChildItem C:\\t -Directory | ForEach-Object Name")
    assert result.output == ["a.txt", "--", "--", "a.txt", "--", "s", "a.txt", "b.log", "s\\c.txt", "--",
                             "b.log", "c.txt", "--", "s"]


def test_test_path():
    result = ps(SETUP + "Test-Path C:\\t; Test-Path C:\\t -PathType Leaf; Test-Path C:\\t\\a.txt -PathType Leaf; "
                "Test-Path C:\\t\\*.log; Test-Path Q:\\x; Test-Path 'C:\\a|b' -IsValid; Test-Path C:\\new -IsValid")
    assert result.output == [True, False, True, True, False, False, True]
    assert result.errors == []


def test_new_item_errors():
    result = ps(SETUP + "New-Item C:\\t\\a.txt; New-Item C:\\t -ItemType Directory; New-Item C:\\nope\\x.txt")
    assert result.stderr.startswith("New-Item : The file 'C:\\t\\a.txt' already exists.\n")
    assert "    + FullyQualifiedErrorId : NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand\n" in result.stderr
    assert "New-Item : An item with the specified name C:\\t already exists." in result.stderr
    assert "ResourceExists: (C:\\t:String) [New-Item], IOException" in result.stderr
    assert "New-Item : Could not find a part of the path 'C:\\nope\\x.txt'." in result.stderr


def test_new_item_value_force_and_whatif():
    result = ps("New-Item C:\\x\\y\\z.txt -Value abc -Force | ForEach-Object Length; Get-Content C:\\x\\y\\z.txt; "
                "New-Item C:\\w.txt -WhatIf; Test-Path C:\\w.txt")
    assert result.output == [3, "abc", False]
    assert result.stdout == ("3\nabc\n"
                             'What if: Performing the operation "Create File" on target "Destination: C:\\w.txt".\n'
                             "False\n")


def test_remove_item_pipeline_and_recurse():
    result = ps(SETUP + "Get-ChildItem C:\\t | Remove-Item; (Get-ChildItem C:\\t).Count; "
                "New-Item C:\\t\\d\\e.txt -Force | Out-Null; Remove-Item C:\\t -Recurse; Test-Path C:\\t")
    assert result.output == [0, False]
    assert result.errors == []


def test_remove_folder_with_children_is_refused_without_a_console():
    result = ps(SETUP + "Remove-Item C:\\t; Test-Path C:\\t\\a.txt")
    assert result.output == [True]
    assert result.stderr.startswith(
        "Remove-Item : Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\n")
    assert "    + CategoryInfo          : InvalidOperation: (:) [Remove-Item], PSInvalidOperationException\n" in result.stderr


def test_remove_missing_and_whatif():
    result = ps(SETUP + "Remove-Item C:\\t\\a.txt -WhatIf; Remove-Item C:\\t\\zz.txt; Remove-Item C:\\t\\*.zz")
    assert 'What if: Performing the operation "Remove File" on target "C:\\t\\a.txt".' in result.stdout
    assert len(result.errors) == 1
    assert "Remove-Item : Cannot find path 'C:\\t\\zz.txt' because it does not exist." in result.stderr


def test_vm_files_cannot_be_removed():
    result = ps("Remove-Item 'D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx'")
    assert ("Remove-Item : The process cannot access the file 'D:\\Hyper-V\\Virtual Hard Disks\\web01.vhdx' because it "
            "is being used by another process.") in result.stderr.replace("\n", " ").replace("  ", " ")


def test_copy_move_rename():
    result = ps(SETUP + "New-Item C:\\u -ItemType Directory | Out-Null; Copy-Item C:\\t\\a.txt C:\\u; "
                "Copy-Item C:\\t C:\\v -Recurse; Move-Item C:\\u\\a.txt C:\\u\\moved.txt; "
                "Rename-Item C:\\u\\moved.txt final.txt -PassThru | ForEach-Object Name; "
                "Get-ChildItem C:\\u,C:\\v -Name; Get-Content C:\\v\\b.log")
    assert result.output == ["final.txt", "final.txt", "a.txt", "b.log", "x"]
    assert result.errors == []


def test_move_onto_existing_file_needs_force():
    result = ps(SETUP + "Move-Item C:\\t\\a.txt C:\\t\\b.log; Move-Item C:\\t\\a.txt C:\\t\\b.log -Force; "
                "Get-ChildItem C:\\t -Name; Get-Content C:\\t\\b.log")
    assert "Move-Item : Cannot create a file when that file already exists." in result.stderr
    assert result.output == ["b.log", "hi"]


def test_copy_whatif_text():
    result = ps(SETUP + "Copy-Item C:\\t\\a.txt C:\\t\\c.txt -WhatIf")
    assert result.stdout == ('What if: Performing the operation "Copy File" on target '
                             '"Item: C:\\t\\a.txt Destination: C:\\t\\c.txt".\n')


def test_get_psdrive_lists_the_lab_volumes():
    result = ps("Get-PSDrive | ForEach-Object Name; (Get-PSDrive D).Root")
    assert result.output == ["C", "D", "E", "D:\\"]
