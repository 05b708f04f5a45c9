"""Invoke-Command and the PSSession cmdlets against lab hosts; Start/Stop-Transcript."""

from tests.conftest import ps

WINRM = ("Connecting to remote server nosuch failed with the following error message : WinRM cannot process the "
         "request. The following error occurred while using Kerberos authentication: Cannot find the computer "
         "nosuch. Verify that the computer exists on the network and that the name provided is spelled correctly. "
         "For more information, see the about_Remote_Troubleshooting Help topic.")


def test_invoke_command_runs_on_the_host_and_restores():
    result = ps("$v = 'x'\nInvoke-Command -ComputerName HV02 { $env:COMPUTERNAME; $using:v; (Get-VM).Name }\n"
                "$env:COMPUTERNAME")
    assert result.output == ["HV02", "x", "dc01", "HV01"]


def test_invoke_command_locally_with_arguments_and_input():
    assert ps("icm { param($a, $b) $a * $b } -ArgumentList 6, 7").output == [42]
    assert ps("1, 2 | Invoke-Command { $input | ForEach-Object { $_ + 1 } }").output == [2, 3]


def test_remote_custom_objects_get_pscomputername():
    result = ps("(Invoke-Command -ComputerName HV03 { [pscustomobject]@{ A = 1 } }).PSComputerName")
    assert result.output == ["HV03"]


def test_invoke_command_unknown_host():
    result = ps("Invoke-Command -ComputerName nosuch { 1 }")
    error = result.errors[0]
    assert error.message == "[nosuch] " + WINRM
    assert error.fully_qualified_error_id == "NetworkPathNotFound,PSSessionStateBroken"
    assert error.category_info() == "OpenError: (nosuch:String) [], PSRemotingTransportException"
    assert result.stderr.startswith("[nosuch] Connecting to remote server nosuch")


def test_invoke_command_as_job_is_refused():
    error = ps("Invoke-Command -ComputerName HV02 { 1 } -AsJob").errors[0]
    assert error.message == "Invoke-Command -AsJob is not supported by this emulator."


def test_sessions_table_and_removal():
    result = ps("$s = New-PSSession -ComputerName HV02, HV03\n$s\nInvoke-Command -Session $s { $env:COMPUTERNAME }")
    assert result.stdout == (
        "\n Id Name            ComputerName    State         ConfigurationName     Availability\n"
        " -- ----            ------------    -----         -----------------     ------------\n"
        "  1 Session1        HV02            Opened        Microsoft.PowerShell     Available\n"
        "  2 Session2        HV03            Opened        Microsoft.PowerShell     Available\n\nHV02\nHV03\n")
    assert [s.Id for s in ps("New-PSSession HV02, HV03 | Out-Null; Remove-PSSession -Id 1; Get-PSSession").output] \
        == [2]
    error = ps("New-PSSession -ComputerName nosuch").errors[0]
    assert error.fully_qualified_error_id == "NetworkPathNotFound,PSSessionOpenFailed"


def test_enter_and_exit_pssession():
    result = ps("Enter-PSSession HV03\n$env:COMPUTERNAME\nGet-VMHost | Select-Object -ExpandProperty Name\n"
                "Exit-PSSession\n$env:COMPUTERNAME")
    assert result.output == ["HV03", "HV03", "HV01"]
    error = ps("Enter-PSSession nosuch").errors[0]
    assert error.message == WINRM and error.fully_qualified_error_id == "CreateRemoteRunspaceFailed"


def test_transcript_file_and_errors():
    result = ps("Start-Transcript -Path C:\\t.txt\n'hello'\nStop-Transcript\nGet-Content C:\\t.txt")
    lines = result.output
    assert lines[0] == "Transcript started, output file is C:\\t.txt"
    assert lines[2] == "Transcript stopped, output file is C:\\t.txt"
    assert lines[3:6] == ["**********************", "Windows PowerShell transcript start", "Start time: "
                          + lines[5].split(": ")[1]]
    assert "Transcript started, output file is C:\\t.txt" in lines and "hello" in lines[4:]
    assert lines[-3:] == ["Windows PowerShell transcript end", "End time: " + lines[-2].split(": ")[1],
                          "**********************"]
    error = ps("Stop-Transcript").errors[0]
    assert error.message == "An error occurred stopping transcription: The host is not currently transcribing."
    assert error.fully_qualified_error_id == "InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand"
