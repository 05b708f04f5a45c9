"""The sandbox: scripts read their own folder (S:), write only into -OutputDirectory (X:),
and nothing else on the real machine is touched: no files, processes or connections."""

from __future__ import annotations

import os
import socket
import subprocess

import pytest

from pshv.runtime.host import CaptureHost
from pshv.shell import create_session
from tests.conftest import cli


def _snapshot(root) -> dict:
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                found[path] = handle.read()
    return found


@pytest.fixture
def world(tmp_path):
    """A script folder with a helper and a CSV, an output folder, a canary and a link out."""
    scripts = tmp_path / "scripts"
    out = tmp_path / "out"
    outside = tmp_path / "outside"
    for folder in (scripts, out, outside):
        folder.mkdir()
    (scripts / "helper.ps1").write_text("function Get-Greeting { 'hello from helper' }\n")
    (scripts / "VMs.csv").write_text("Name,Host\r\nweb01,HV02\r\n")
    (outside / "canary.txt").write_text("canary")
    os.symlink(outside, out / "link")
    os.symlink(outside / "canary.txt", out / "canary-link.txt")
    os.symlink(outside, scripts / "link")
    return {"scripts": scripts, "out": out, "outside": outside, "canary": outside / "canary.txt", "root": tmp_path}


@pytest.fixture
def no_machine(monkeypatch):
    """Fail the test if anything tries to start a process or open a socket."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"the sandbox let something reach the machine: {args!r}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(os, "system", refuse)
    monkeypatch.setattr(os, "posix_spawn", refuse, raising=False)
    monkeypatch.setattr(os, "execv", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "bind", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def run_script(world, text: str, *, output: bool = True):
    """Run `text` as scripts/main.ps1 in-process, the way `pshv [-OutputDirectory out] main.ps1` does."""
    from pshv.commands.core.sandbox import mount_script_folder

    script = world["scripts"] / "main.ps1"
    script.write_text(text)
    host = CaptureHost(120)
    session = create_session(host, output_directory=str(world["out"]) if output else None)
    lab_path = mount_script_folder(session.ctx, str(script))
    result = session.run_script(text, path=lab_path, collect=True)
    result.stdout, result.stderr = host.out_text, host.err_text
    return result


ESCAPES = [
    "Set-Content X:\\..\\..\\outside\\canary.txt pwned",
    "Set-Content X:\\link\\canary.txt pwned",
    "Set-Content X:\\canary-link.txt pwned",
    "Add-Content X:\\canary-link.txt pwned",
    "Remove-Item X:\\link -Recurse -Force",
    "Remove-Item X:\\canary-link.txt",
    "Get-ChildItem X:\\link\\ | Remove-Item",
    "Copy-Item S:\\helper.ps1 X:\\link\\new.txt",
    "Move-Item X:\\canary-link.txt X:\\moved.txt",
    "Rename-Item X:\\canary-link.txt renamed.txt",
    "Clear-Content X:\\canary-link.txt",
    "'pwned' | Out-File X:\\link\\canary.txt",
    "'pwned' | Export-Csv X:\\link\\x.csv",
    "Get-Content X:\\canary-link.txt",
    "Get-Content S:\\link\\canary.txt",
    "Set-Content S:\\helper.ps1 pwned",
    "Remove-Item S:\\helper.ps1",
    "New-Item S:\\new.txt",
    "Set-Content {canary} pwned",
    "Remove-Item {canary}",
    "Set-Content \\\\localhost\\c$\\x.txt hi",
    "cmd /c del {canary}",
    "& 'C:\\Windows\\System32\\cmd.exe' /c del {canary}",
    "notepad.exe {canary}",
    "ping example.com",
    "& .\\evil.bat",
    "Start-Process cmd -ArgumentList '/c', 'del', '{canary}'",
    "Invoke-WebRequest http://example.com -OutFile X:\\page.html",
    "Invoke-RestMethod https://example.com/api",
    "Test-Connection example.com -Count 1",
    "Test-NetConnection example.com -Port 443",
    "[System.IO.File]::WriteAllText('{canary}', 'pwned')",
    "[System.IO.File]::Delete('{canary}')",
    "[System.Diagnostics.Process]::Start('cmd')",
    "(New-Object System.Net.WebClient).DownloadString('http://example.com')",
    "Add-Type -TypeDefinition 'public class X {}'",
]


@pytest.mark.parametrize("attempt", ESCAPES)
@pytest.mark.parametrize("with_output", [True, False])
def test_escape_attempts_change_nothing_outside(world, no_machine, attempt, with_output):
    before = _snapshot(world["outside"])
    scripts_before = _snapshot(world["scripts"])
    text = attempt.replace("{canary}", str(world["canary"]))
    result = run_script(world, text, output=with_output)
    assert "Traceback" not in result.stderr
    assert _snapshot(world["outside"]) == before
    assert world["canary"].read_text() == "canary"
    assert {k: v for k, v in _snapshot(world["scripts"]).items() if not k.endswith("main.ps1")} == {
        k: v for k, v in scripts_before.items() if not k.endswith("main.ps1")}
    assert os.path.islink(world["out"] / "link") and os.path.islink(world["out"] / "canary-link.txt")


def test_path_traversal_stays_inside_the_output_folder(world, no_machine):
    result = run_script(world, "Set-Content X:\\..\\..\\escape.txt hi; Test-Path X:\\escape.txt")
    assert result.output == [True]
    assert (world["out"] / "escape.txt").read_bytes() == b"hi\r\n"
    assert not (world["root"] / "escape.txt").exists()


def test_links_out_of_the_folder_are_refused_with_a_clear_error(world, no_machine):
    result = run_script(world, "Get-Content X:\\canary-link.txt")
    assert result.stderr.replace("\n", " ").startswith(
        "Get-Content : 'X:\\canary-link.txt' leads outside the folder mounted as X: (the emulator never touches other "
        "real files) ")
    assert "PermissionDenied: (X:\\canary-link.txt:String) [Get-Content], UnauthorizedAccessException" in result.stderr


def test_native_programs_are_refused(world, no_machine):
    result = run_script(world, "cmd /c dir")
    assert result.stderr.replace("\n", " ") == (
        "cmd : Cannot run 'cmd': pshv emulates Windows PowerShell against a lab and does not run programs (native "
        "commands and .exe, .cmd or .bat files never start on the real machine). "
        "At S:\\main.ps1:1 char:1 "
        "+ cmd /c dir "
        "+ ~~~~~~~~~~ "
        "    + CategoryInfo          : NotImplemented: (cmd:String) [cmd], PSNotSupportedException "
        "    + FullyQualifiedErrorId : NativeCommandNotSupported "
        "  "
    )


def test_script_folder_is_read_only(world, no_machine):
    result = run_script(world, "Set-Content S:\\x.txt hi")
    assert result.stderr.replace("\n", " ").startswith(
        "Set-Content : Drive S: is the script's folder, mounted read-only; the emulator writes real files only to the "
        "folder given with pshv -OutputDirectory (drive X:). ")
    assert not (world["scripts"] / "x.txt").exists()


def test_without_output_directory_there_is_no_x_drive(world, no_machine):
    result = run_script(world, "Set-Content X:\\a.txt hi", output=False)
    assert "Cannot find drive. A drive with the name 'X' does not exist." in result.stderr
    assert sorted(os.listdir(world["out"])) == ["canary-link.txt", "link"]


def test_lab_hosts_answer_test_connection(world, no_machine):
    result = run_script(world, "Test-Connection HV02 -Quiet; (Test-Connection HV02 -Count 1).Destination")
    assert result.output == [True, "HV02"]


def test_scripts_read_their_own_folder(world, no_machine):
    result = run_script(world, ". .\\helper.ps1\n. \"$PSScriptRoot\\helper.ps1\"\nGet-Greeting\n$PSScriptRoot\n"
                               "(Get-Location).Path\n(Import-Csv .\\vms.csv).Host\n(Import-Csv (Join-Path $PSScriptRoot VMs.csv)).Name\n"
                               "& .\\helper.ps1; Test-Path S:\\helper.ps1")
    assert result.output == ["hello from helper", "S:", "S:\\", "HV02", "web01", True]
    assert result.errors == []


def test_writes_to_x_use_5_1_encodings(world, no_machine):
    run_script(world, "Set-Content X:\\a.txt 'café'; 'x' | Out-File X:\\b.txt; "
                      "[pscustomobject]@{A=1} | Export-Csv X:\\c.csv -NoTypeInformation; New-Item X:\\d -ItemType Directory")
    assert (world["out"] / "a.txt").read_bytes() == "café\r\n".encode("cp1252")
    assert (world["out"] / "b.txt").read_bytes() == b"\xff\xfe" + "x\r\n".encode("utf-16-le")
    assert (world["out"] / "c.csv").read_bytes() == b'"A"\r\n"1"\r\n'
    assert (world["out"] / "d").is_dir()


def test_cli_with_output_directory(world):
    script = world["scripts"] / "run.ps1"
    script.write_text("Get-Greeting 2>$null\n. .\\helper.ps1\nGet-Greeting | Set-Content X:\\greeting.txt\n"
                      "Get-Content X:\\greeting.txt\n")
    result = cli("-OutputDirectory", str(world["out"]), str(script))
    assert result.stdout == "hello from helper\n"
    assert result.returncode == 0
    assert (world["out"] / "greeting.txt").read_bytes() == b"hello from helper\r\n"
    assert world["canary"].read_text() == "canary"


def test_cli_refuses_a_missing_output_directory(tmp_path):
    result = cli("-OutputDirectory", str(tmp_path / "missing"), "-c", "1")
    assert result.returncode == 1
    assert result.stderr == f"pshv: the -OutputDirectory folder '{tmp_path / 'missing'}' does not exist.\n"
    assert not (tmp_path / "missing").exists()
