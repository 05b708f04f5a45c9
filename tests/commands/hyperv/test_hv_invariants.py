"""Random sequences of Hyper-V and cluster cmdlets never break the lab's invariants."""

from hypothesis import HealthCheck, given, settings, strategies as st

from pshv.lab.invariants import check_invariants
from pshv.runtime.host import CaptureHost
from pshv.shell import create_session

VMS = ["web01", "sql01", "app01", "test01", "new1", "nosuch"]
VM_NAME = st.sampled_from(VMS)
COMMANDS = st.one_of(
    st.builds("Start-VM {} -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Stop-VM {} -TurnOff -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Stop-VM {} -Save -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Suspend-VM {} -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Resume-VM {} -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Restart-VM {} -Force -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Remove-VM {} -Force -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Checkpoint-VM {} -ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Get-VMSnapshot {} -ErrorAction SilentlyContinue | Select-Object -First 1 | Remove-VMSnapshot".format,
              VM_NAME),
    st.builds("New-VM {} -MemoryStartupBytes {}MB -ErrorAction SilentlyContinue".format, VM_NAME,
              st.sampled_from([512, 4096, 200000])),
    st.builds("New-VM {} -NewVHDPath {}.vhdx -NewVHDSizeBytes 10GB -ErrorAction SilentlyContinue".format, VM_NAME,
              VM_NAME),
    st.builds("New-VHD D:\\{}.vhdx -SizeBytes {}GB {} -ErrorAction SilentlyContinue".format, VM_NAME,
              st.sampled_from([1, 900, 3000]), st.sampled_from(["", "-Fixed"])),
    st.builds("Add-VMHardDiskDrive {} -Path D:\\{}.vhdx -ErrorAction SilentlyContinue".format, VM_NAME, VM_NAME),
    st.builds("Get-VMHardDiskDrive {} -ErrorAction SilentlyContinue | Remove-VMHardDiskDrive "
              "-ErrorAction SilentlyContinue".format, VM_NAME),
    st.builds("Set-VMMemory {} -StartupBytes {}MB -ErrorAction SilentlyContinue".format, VM_NAME,
              st.sampled_from([512, 8192, 300000])),
    st.builds("Set-VMProcessor {} -Count {} -ErrorAction SilentlyContinue".format, VM_NAME, st.integers(1, 40)),
    st.builds("Connect-VMNetworkAdapter {} -SwitchName {} -ErrorAction SilentlyContinue".format, VM_NAME,
              st.sampled_from(["External", "Lab", "Nope"])),
    st.just("New-VMSwitch Lab -SwitchType Internal -ErrorAction SilentlyContinue"),
    st.just("Set-VMDvdDrive web01 -Path $null -ErrorAction SilentlyContinue"),
    st.just("Enable-VMMigration -ComputerName HV01, HV02"),
    st.just("Set-VMHost -MaximumVirtualMachineMigrations 4 -VirtualMachinePath E:\\VMs"),
    st.just("Add-VMMigrationNetwork 192.168.10.0/24 -ErrorAction SilentlyContinue"),
    st.just("Remove-VMMigrationNetwork 192.168.* -ErrorAction SilentlyContinue"),
    st.just("Suspend-ClusterNode HVC02 -Cluster CLU01"),
    st.just("Resume-ClusterNode HVC02 -Cluster CLU01"),
    st.just("Remove-ClusterGroup crm01 -Cluster CLU01 -RemoveResources -Force -ErrorAction SilentlyContinue"),
    st.just("Add-ClusterVirtualMachineRole -VMName crm01 -Cluster CLU01 -ErrorAction SilentlyContinue"),
    st.just("$r = Compare-VM web01 HV02 -ErrorAction SilentlyContinue"),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(COMMANDS, min_size=1, max_size=12))
def test_random_cmdlet_sequences_keep_the_lab_consistent(commands):
    session = create_session(CaptureHost())
    session.run_script("\n".join(commands), collect=True)
    lab = session.ctx.services["lab"].lab
    assert check_invariants(lab) == []
