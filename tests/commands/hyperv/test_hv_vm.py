"""Get-VM, New-VM, Remove-VM and the VM state cmdlets against the default lab."""

from pshv.runtime.host import CaptureHost
from pshv.shell import create_session
from tests.commands.hyperv.hv_helpers import fails, fqid, ok, out, values
from tests.conftest import cli

GET_VM_TEXT = (
    "\n"
    "Name   State   CPUUsage(%) MemoryAssigned(M) Uptime      Status             Version\n"
    "----   -----   ----------- ----------------- ------      ------             -------\n"
    "web01  Running 0           4096              12.03:00:00 Operating normally 10.0\n"
    "sql01  Running 0           16384             12.02:00:00 Operating normally 10.0\n"
    "app01  Running 0           8192              5.07:00:00  Operating normally 10.0\n"
    "test01 Off     0           0                 00:00:00    Operating normally 10.0\n"
    "\n"
)


def test_get_vm_prints_the_default_view_on_the_command_line():
    result = cli("-NoProfile", "-c", "Get-VM")
    assert result.returncode == 0, result.stderr
    assert result.stdout == GET_VM_TEXT


def test_get_vm_name_set_wildcards_pipeline_and_several_hosts():
    assert values("Get-VM -Name web*, test01 | ForEach-Object Name") == ["web01", "test01"]
    assert values("'sql01' | Get-VM | ForEach-Object Name") == ["sql01"]
    assert values("Get-VM -ComputerName HV01, HV02 | ForEach-Object Name") == [
        "web01", "sql01", "app01", "test01", "dc01"]
    assert values("Get-VM -VMName dc01 -ComputerName hv02.contoso.local | ForEach-Object ComputerName") == ["HV02"]
    assert values("Get-VM -ComputerName 10.0.0.12 | ForEach-Object Name") == ["dc01"]


def test_get_vm_object_has_hyperv_types():
    types = values("$vm = Get-VM web01; $vm.GetType().FullName; $vm.MemoryAssigned.GetType().Name; "
                   "$vm.Uptime.GetType().Name; $vm.Id.GetType().Name; $vm.State.GetType().FullName; "
                   "$vm.State -eq 'running'; $vm -is [Microsoft.HyperV.PowerShell.VirtualMachine]")
    assert types == ["Microsoft.HyperV.PowerShell.VirtualMachine", "Int64", "TimeSpan", "Guid",
                     "Microsoft.HyperV.PowerShell.VMState", "True", "True"]


def test_get_vm_id_set_and_cimsession():
    assert values("Get-VM -Id (Get-VM web01).Id | ForEach-Object Name") == ["web01"]
    assert values("$s = New-CimSession -ComputerName HV02; Get-VM -CimSession $s | ForEach-Object Name") == ["dc01"]
    assert values("Get-VM -CimSession HV02 | ForEach-Object Name") == ["dc01"]


def test_get_vm_cluster_object_set():
    assert values("Get-ClusterGroup -Cluster CLU01 | Get-VM | ForEach-Object Name") == ["crm01"]
    assert values("Get-VM -ClusterObject (Get-ClusterResource -Cluster CLU01)[0] | ForEach-Object Name") == ["crm01"]


def test_get_vm_not_found_is_the_real_error():
    record = fails("Get-VM nosuch")
    assert record.message == 'Hyper-V was unable to find a virtual machine with name "nosuch".'
    assert record.category_info() == "InvalidArgument: (nosuch:String) [Get-VM], VirtualizationException"
    assert fqid(record) == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM"
    assert out("Get-VM nosuch*") == []


def test_unknown_and_non_hyperv_hosts():
    record = fails("Get-VM -ComputerName HV99")
    assert record.message.startswith("The computer 'HV99' could not be resolved.")
    record = fails("Get-VM -ComputerName FS01")
    assert "could not access an expected WMI class on computer 'FS01'" in record.message
    assert fqid(record) == "Unspecified,Microsoft.HyperV.PowerShell.Commands.GetVM"


def test_new_vm_no_vhd_default_set():
    result = ok("New-VM -Name lab1 -MemoryStartupBytes 1GB -Generation 1 -BootDevice CD -NoVHD")
    assert result.stdout.splitlines()[1:4] == [
        "Name State CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version",
        "---- ----- ----------- ----------------- ------   ------             -------",
        "lab1 Off   0           0                 00:00:00 Operating normally 10.0",
    ]
    assert values("New-VM lab2 512MB 2 | ForEach-Object { $_.Generation; $_.MemoryStartup; $_.Path }") == [
        "2", "536870912", "D:\\Hyper-V"]
    assert values("New-VM | ForEach-Object Name") == ["New virtual machine"]


def test_new_vm_new_vhd_and_existing_vhd_sets():
    text = ("New-VM -Name web02 -NewVHDPath web02.vhdx -NewVHDSizeBytes 40GB -SwitchName External -Path E:\\VMs | Out-Null;"
            "Get-VMHardDiskDrive web02 | ForEach-Object Path; (Get-VM web02).Path;"
            "(Get-VMNetworkAdapter web02).SwitchName;"
            "New-VHD D:\\base.vhdx -SizeBytes 20GB | Out-Null; New-VM web03 -VHDPath D:\\base.vhdx | Out-Null;"
            "(Get-VM web03).HardDrives.Path")
    assert values(text) == ["D:\\Hyper-V\\Virtual Hard Disks\\web02.vhdx", "E:\\VMs\\web02", "External",
                            "D:\\base.vhdx"]


def test_new_vm_errors():
    assert fails("New-VM web01").message == ("Failed to create a new virtual machine.\n"
                                             "A virtual machine named 'web01' already exists on host 'HV01'.")
    assert fails("New-VM x -SwitchName Nope").message == 'Hyper-V was unable to find a virtual switch with name "Nope".'
    assert "configuration version '12.0'" in fails("New-VM x -Version '12.0'").message
    assert "boot device 'IDE'" in fails("New-VM x -BootDevice IDE").message
    assert fails("New-VM x -AsJob").message.startswith("The pshv emulator does not support the -AsJob parameter")


def test_new_vm_whatif_changes_nothing():
    result = ok("New-VM ghost -WhatIf; (Get-VM ghost*).Count")
    assert result.stdout.startswith('What if: Performing the operation "New-VM" on target "ghost".')
    assert result.output == [0]


def test_remove_vm_force_passthru_and_vm_object_set():
    assert values("Remove-VM test01 -Force -Passthru | ForEach-Object Name; (Get-VM test*).Count") == ["test01", "0"]
    assert values("Get-VM web01 | Remove-VM -Force; (Get-VM).Name") == ["sql01", "app01", "test01"]


def test_remove_vm_confirmation_non_interactively_is_an_error():
    record = fails("Remove-VM test01")
    assert record.message == ("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                              "available.")
    assert fqid(record) == "HostInNonInteractiveMode,Microsoft.HyperV.PowerShell.Commands.RemoveVM"


def test_remove_vm_prompts_an_interactive_host():
    host = CaptureHost()
    session = create_session(host, interactive=True)
    host.lines_in = ["n", "y"]
    result = session.run_script("Remove-VM test01; (Get-VM test01).Name; Remove-VM test01; (Get-VM test*).Count",
                                collect=True)
    assert result.output == ["test01", 0]
    assert ('\nConfirm\nAre you sure you want to remove virtual machine "test01"?\n') in host.out_text


def test_remove_clustered_vm_is_refused():
    assert "Remove-ClusterGroup" in fails("Remove-VM crm01 -ComputerName HVC01 -Force").message


def test_start_stop_suspend_resume_restart():
    text = ("Start-VM test01 -Passthru | ForEach-Object State;"
            "Stop-VM -VM (Get-VM test01) -Save -Passthru | ForEach-Object State;"
            "Start-VM test01; Suspend-VM test01 -Passthru | ForEach-Object State;"
            "Resume-VM test01 -Passthru | ForEach-Object State;"
            "Stop-VM test01 -Force -Passthru | ForEach-Object State;"
            "Start-VM test01; Stop-VM test01 -TurnOff -Passthru | ForEach-Object State;"
            "Restart-VM web01 -Force -Passthru | ForEach-Object Uptime")
    assert values(text) == ["Running", "Saved", "Paused", "Running", "Off", "Off", "00:00:00"]


def test_restart_vm_wait_set_binds_and_for_is_refused():
    assert values("Restart-VM web01 -Force -Wait -Timeout 30 -Passthru | ForEach-Object Name") == ["web01"]
    assert "-For parameter" in fails("Restart-VM web01 -Force -Wait -For Heartbeat").message


def test_state_errors_and_warnings():
    record = fails("Suspend-VM test01")
    assert record.message == ("'test01' failed to change state.\n"
                              "The operation cannot be performed while the object is in its current state.")
    assert fqid(record) == "InvalidState,Microsoft.HyperV.PowerShell.Commands.SuspendVM"
    assert ok("Start-VM web01").stdout == "WARNING: The virtual machine 'web01' is already in the specified state.\n"


def test_start_vm_without_memory_fails_with_out_of_memory():
    text = ("Set-VMMemory test01 -StartupBytes 240GB; Start-VM test01")
    record = fails(text)
    assert record.message.startswith("'test01' failed to start.\nNot enough memory in the system")
    assert fqid(record) == "OutOfMemory,Microsoft.HyperV.PowerShell.Commands.StartVM"
