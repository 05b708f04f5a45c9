"""New-LabHost, Set-LabHost, Remove-LabHost: hardware, defaults, refusals and the lab's invariants."""

from pshv.lab.base import GiB, TiB
from pshv.lab.invariants import check_invariants
from tests.commands.lab.lab_helpers import fails, fqid, ok, run_with_lab, values

NEW_HOST_LIST = """
Name                                      : HV05
FullyQualifiedDomainName                  : HV05.contoso.local
LogicalProcessorCount                     : 32
MemoryCapacity                            : 274877906944
VirtualMachinePath                        : D:\\Hyper-V
VirtualHardDiskPath                       : D:\\Hyper-V\\Virtual Hard Disks
MaximumVirtualMachineMigrations           : 2
MaximumStorageMigrations                  : 2
VirtualMachineMigrationAuthenticationType : CredSSP
VirtualMachineMigrationPerformanceOption  : Compression
UseAnyNetworkForMigration                 : True
VirtualMachineMigrationEnabled            : False

"""


def test_new_labhost_defaults_are_a_fresh_hyperv_install():
    text = ("New-LabHost HV05 -Passthru | Format-List Name, FullyQualifiedDomainName, LogicalProcessorCount, "
            "MemoryCapacity, VirtualMachinePath, VirtualHardDiskPath, MaximumVirtualMachineMigrations, "
            "MaximumStorageMigrations, VirtualMachineMigrationAuthenticationType, "
            "VirtualMachineMigrationPerformanceOption, UseAnyNetworkForMigration, VirtualMachineMigrationEnabled")
    assert ok(text).stdout == NEW_HOST_LIST
    assert ok("New-LabHost HV05; Get-VMSwitch -ComputerName HV05").stdout.endswith(
        "Name     SwitchType NetAdapterInterfaceDescription\n"
        "----     ---------- ------------------------------\n"
        "External External   Intel(R) Ethernet Converged Network Adapter X710 #Ethernet\n\n")


def test_new_labhost_hardware_nics_volumes_and_a_new_domain():
    result, lab = run_with_lab(
        "New-LabHost HV06 -ProcessorVendor AMD -LogicalProcessors 64 -MemoryGB 512 -OSVersion 2019 "
        "-MigrationNicGbps 25 -Rdma -NicCount 2 -Volume @{D=2TB; E=4TB} -Domain fabrikam.local -SwitchName Prod")
    assert not result.errors
    host = lab.host("HV06")
    assert (host.processor.vendor.value, host.processor.model) == ("AMD", "AMD EPYC 7313 16-Core Processor")
    assert (host.logical_processors, host.memory_bytes, host.os.value) == (64, 512 * GiB, "2019")
    assert [(n.name, n.speed_gbps, n.rdma, n.address) for n in host.nics] == [
        ("Ethernet", 10, False, "10.0.0.15"), ("Migration", 25, True, "192.168.10.13"),
        ("Migration 2", 25, True, "192.168.10.14")]
    assert [(v.letter, v.capacity_bytes) for v in host.volumes] == [("C", 256 * GiB), ("D", 2 * TiB),
                                                                  ("E", 4 * TiB)]
    assert (host.domain, lab.find_domain("FABRIKAM").name) == ("fabrikam.local", "fabrikam.local")
    assert [s.name for s in host.switches] == ["Prod"]
    assert check_invariants(lab) == []


def test_new_labhost_refusals_and_whatif():
    record = fails("New-LabHost HV01")
    assert (record.message, fqid(record)) == ("The lab already has a host named 'HV01'.",
                                              "HostExists,Pshv.Lab.Commands.NewLabHost")
    assert fails("New-LabHost 'bad name'").message == (
        "'bad name' is not a valid computer name: use 1 to 15 letters, digits or hyphens.")
    assert fails("New-LabHost HV05 -Volume @{C=8GB}").message == "Volume C: must be at least 32 GB; 8 GB is too small."
    assert fails("New-LabHost HV05 -Volume @{DD=8GB}").message == (
        "'DD' is not a drive letter: -Volume takes drive letters and sizes, for example @{D=2TB; E=4TB}.")
    assert fails("New-LabHost HV05 -Volume @{E='big'}").message == (
        "'big' is not a size: give volume E: a number of bytes, such as 2TB.")
    result, lab = run_with_lab("New-LabHost HV05 -WhatIf")
    assert result.stdout == 'What if: Performing the operation "New-LabHost" on target "HV05".\n'
    assert lab.find_host("HV05") is None


def test_set_labhost_memory_processor_os_and_delegation():
    result, lab = run_with_lab(
        "Set-LabHost HV01 -MemoryGB 512 -KerberosDelegationTo hv02, HV03.contoso.local; "
        "Set-LabHost HV03 -ProcessorVendor Intel -OSVersion 2025 -LogicalProcessors 48; "
        "Set-LabHost HV02 -ProcessorFeatureLevel 4")
    assert not result.errors
    hv01, hv03 = lab.host("HV01"), lab.host("HV03")
    assert (hv01.memory_bytes, hv01.delegation_targets) == (512 * GiB, ["HV02", "HV03"])
    assert (hv03.processor.vendor.value, hv03.processor.model, hv03.os.value, hv03.logical_processors) == (
        "Intel", "Intel(R) Xeon(R) Gold 6326 CPU @ 2.90GHz", "2025", 48)
    assert lab.host("HV02").processor.feature_level == 4
    assert values("Set-LabHost HV04 -MemoryGB 64 -Passthru | ForEach-Object MemoryCapacity") == ["68719476736"]


def test_set_labhost_nics_volumes_and_switch_rename_that_vm_adapters_follow():
    result, lab = run_with_lab("Set-LabHost HV03 -MigrationNicGbps 40 -Rdma; Set-LabHost HV01 -NicCount 2 "
                               "-Volume @{E=8TB; F=1TB}; Set-LabHost HV01 -SwitchName Corp")
    assert not result.errors
    assert [(n.name, n.speed_gbps, n.rdma, n.subnet) for n in lab.host("HV03").nics[1:]] == [
        ("Migration", 40, True, "192.168.10.0/24")]
    hv01 = lab.host("HV01")
    assert [(n.name, n.speed_gbps, n.rdma) for n in hv01.nics[1:]] == [("Migration", 10, True),
                                                                      ("Migration 2", 10, True)]
    assert [(v.letter, v.capacity_bytes) for v in hv01.volumes][2:] == [("E", 8 * TiB), ("F", 1 * TiB)]
    assert {a.switch_name for vm in hv01.vms for a in vm.network_adapters} == {"Corp"}
    assert check_invariants(lab) == []


def test_set_labhost_refusals_leave_the_host_unchanged():
    record = fails("Set-LabHost HV01 -MemoryGB 16")
    assert (record.message, fqid(record)) == (
        "Cannot set the memory of HV01 to 16 GB: its running virtual machines use 28.0 GB.",
        "HostChangeRefused,Pshv.Lab.Commands.SetLabHost")
    assert fails("Set-LabHost HV01 -Volume @{D=1GB}").message == (
        "Cannot resize volume D: of HV01 to 1 GB: 502.0 GB of it are in use.")
    assert fails("Set-LabHost HV01 -OSVersion 2016").message == (
        "Cannot change HV01 to Windows Server 2016: virtual machine 'web01' has configuration version 10.0, which "
        "Windows Server 2016 cannot run.")
    record = fails("Set-LabHost HV09 -MemoryGB 4")
    assert (record.message, fqid(record)) == ("The lab has no host named 'HV09'.",
                                              "HostNotFound,Pshv.Lab.Commands.SetLabHost")
    assert fails("Set-LabHost HV01 -KerberosDelegationTo HV09").message == "The lab has no host named 'HV09'."
    _, lab = run_with_lab("Set-LabHost HV01 -MemoryGB 16 -ProcessorVendor AMD")
    assert (lab.host("HV01").memory_bytes, lab.host("HV01").processor.vendor.value) == (256 * GiB, "Intel")


def test_set_labhost_takes_host_objects_from_the_pipeline():
    assert values("Get-VMHost HV02, HV03 | Set-LabHost -MemoryGB 384 -Passthru | ForEach-Object MemoryCapacity") == [
        "412316860416", "412316860416"]


REMOVE_REFUSALS = [
    ("Remove-LabHost HV01", "Cannot remove HV01: the shell runs on it."),
    ("Remove-LabHost HVC01", "Cannot remove HVC01: it is a node of cluster CLU01."),
    ("Remove-LabHost FS01 -Force", "Cannot remove FS01: share \\\\FS01\\VMs holds files of virtual machine 'app01'."),
    ("Remove-LabHost HV02", ("Cannot remove HV02: it still has virtual machines (dc01). Move them away first, or "
                             "use -Force to remove them with the host.")),
]


def test_remove_labhost_refusals():
    for text, message in REMOVE_REFUSALS:
        record = fails(text)
        assert (record.message, fqid(record)) == (message, "HostRemovalRefused,Pshv.Lab.Commands.RemoveLabHost")


def test_remove_labhost_removes_the_host_its_vms_and_references_to_it():
    result, lab = run_with_lab("Set-LabHost HV01 -KerberosDelegationTo HV02, HV03; Remove-LabHost HV03; "
                               "Remove-LabHost HV02 -Force -Passthru | ForEach-Object Name")
    assert not result.errors
    assert result.output == ["HV02"]
    assert [h.name for h in lab.hosts] == ["HV01", "HV04", "FS01", "HVC01", "HVC02"]
    assert lab.host("HV01").delegation_targets == []
    assert lab.shares[0].full_access == ["HV01"]
    assert lab.find_vm("dc01") is None
    assert check_invariants(lab) == []
    record = fails("Remove-LabHost HV03; Get-VMHost HV03")
    assert record.message.startswith("The computer 'HV03' could not be resolved.")
