"""Set-Location, Get-Location, Push-Location, Pop-Location and relative path resolution."""

from tests.conftest import ps


def test_starts_in_the_administrators_profile():
    assert ps("Get-Location").stdout == "\nPath\n----\nC:\\Users\\Administrator\n\n"


def test_cd_relative_and_parent():
    result = ps("cd ..; (Get-Location).Path; cd D:\\Hyper-V; (pwd).Path; cd '..'; (gl).Path")
    assert result.output == ["C:\\Users", "D:\\Hyper-V", "D:\\"]


def test_drive_relative_location_is_remembered():
    result = ps("cd D:\\Hyper-V; cd C:\\Windows; cd D:; (Get-Location).Path")
    assert result.output == ["D:\\Hyper-V"]


def test_relative_paths_resolve_against_the_location():
    result = ps("cd C:\\Windows; Test-Path System32\\ntoskrnl.exe; (Resolve-Path .\\System32).Path")
    assert result.output == [True, "C:\\Windows\\System32"]


def test_push_and_pop():
    result = ps("Push-Location D:\\; (Get-Location).Path; Pop-Location; (Get-Location).Path; Pop-Location")
    assert result.output == ["D:\\", "C:\\Users\\Administrator"]
    assert result.errors == []


def test_pop_location_passthru():
    result = ps("pushd C:\\Windows; popd -PassThru | ForEach-Object Path")
    assert result.output == ["C:\\Users\\Administrator"]


def test_unc_location_is_provider_qualified():
    result = ps("cd \\\\FS01\\VMs; (Get-Location).Path")
    assert result.output == ["Microsoft.PowerShell.Core\\FileSystem::\\\\FS01\\VMs"]


def test_missing_path():
    result = ps("Set-Location C:\\nope")
    assert result.stderr == (
        "Set-Location : Cannot find path 'C:\\nope' because it does not exist.\n"
        "At line:1 char:1\n"
        "+ Set-Location C:\\nope\n"
        "+ ~~~~~~~~~~~~~~~~~~~~\n"
        "    + CategoryInfo          : ObjectNotFound: (C:\\nope:String) [Set-Location], ItemNotFoundException\n"
        "    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand\n"
        " \n"
    )
    assert ps("cd C:\\nope; (Get-Location).Path").output == ["C:\\Users\\Administrator"]


def test_missing_drive():
    result = ps("cd Q:\\")
    assert result.stderr.startswith("cd : Cannot find drive. A drive with the name 'Q' does not exist.\n")
    assert "FullyQualifiedErrorId : DriveNotFound,Microsoft.PowerShell.Commands.SetLocationCommand" in result.stderr


def test_prompt_follows_the_location():
    from pshv.repl.basic import prompt_text
    from pshv.shell import create_session

    session = create_session()
    assert prompt_text(session) == "PS C:\\Users\\Administrator> "
    session.run_script("cd D:\\Hyper-V", new_scope=False)
    assert prompt_text(session) == "PS D:\\Hyper-V> "
