"""Get-VMHost, Set-VMHost, Enable-/Disable-VMMigration, the migration networks and CIM sessions."""

from tests.commands.hyperv.hv_helpers import fails, fqid, ok, out, values

HOST_LIST = """
Name                                      : HV01
ComputerName                              : HV01
FullyQualifiedDomainName                  : HV01.contoso.local
LogicalProcessorCount                     : 32
MemoryCapacity                            : 274877906944
ResourceMeteringSaveInterval              : 01:00:00
IovSupport                                : False
IovSupportReasons                         : {This system has a BIOS that does not support SR-IOV.}
EnableEnhancedSessionMode                 : False
FibreChannelWwnn                          : C003FF0000FFFF00
FibreChannelWwpnMaximum                   : C003FF000B0000FF
FibreChannelWwpnMinimum                   : C003FF000B000000
MacAddressMaximum                         : 00155D000BFF
MacAddressMinimum                         : 00155D000B00
NumaSpanningEnabled                       : True
VirtualHardDiskPath                       : D:\\Hyper-V\\Virtual Hard Disks
VirtualMachinePath                        : D:\\Hyper-V
MaximumStorageMigrations                  : 2
MaximumVirtualMachineMigrations           : 2
UseAnyNetworkForMigration                 : True
VirtualMachineMigrationAuthenticationType : CredSSP
VirtualMachineMigrationEnabled            : False
VirtualMachineMigrationPerformanceOption  : Compression
CimSession                                :
IsDeleted                                 : False

"""


def test_get_vmhost_default_view():
    assert ok("Get-VMHost").stdout == (
        "\nName LogicalProcessorCount MemoryCapacity(M) VirtualMachineMigrationEnabled\n"
        "---- --------------------- ----------------- ------------------------------\n"
        "HV01 32                    262144            False\n\n")


def test_get_vmhost_format_list_shows_every_migration_setting_at_its_default():
    assert ok("Get-VMHost | Format-List *").stdout == HOST_LIST


def test_get_vmhost_sets_computer_names_by_value_and_cim_sessions():
    assert values("'HV02', 'HV04' | Get-VMHost | ForEach-Object Name") == ["HV02", "HV04"]
    assert values("Get-VMHost HV03 | ForEach-Object LogicalProcessorCount") == ["32"]
    assert values("New-CimSession HV04, HV02 | Get-VMHost | ForEach-Object Name") == ["HV04", "HV02"]
    assert values("Get-VMHost -CimSession (New-CimSession HVC01) | ForEach-Object VirtualMachineMigrationEnabled") == [
        "True"]


def test_set_vmhost_every_migration_setting_and_paths():
    text = ("Set-VMHost -MaximumVirtualMachineMigrations 4 -MaximumStorageMigrations 3 "
            "-VirtualMachineMigrationAuthenticationType Kerberos -VirtualMachineMigrationPerformanceOption SMB "
            "-UseAnyNetworkForMigration $false -VirtualMachinePath E:\\VMs -VirtualHardDiskPath 'E:\\VMs\\Disks' "
            "-ResourceMeteringSaveInterval 01:30:00 -MacAddressMinimum 00155D020600 -MacAddressMaximum 00155D0206FF "
            "-NumaSpanningEnabled $false -EnableEnhancedSessionMode $true -FibreChannelWwnn C003FF0000FFFF01 "
            "-Passthru | ForEach-Object { $_.MaximumVirtualMachineMigrations; $_.MaximumStorageMigrations; "
            "$_.VirtualMachineMigrationAuthenticationType; $_.VirtualMachineMigrationPerformanceOption; "
            "$_.UseAnyNetworkForMigration; $_.VirtualMachinePath; $_.VirtualHardDiskPath; "
            "$_.ResourceMeteringSaveInterval; $_.MacAddressMinimum; $_.NumaSpanningEnabled; "
            "$_.EnableEnhancedSessionMode; $_.FibreChannelWwnn }")
    assert values(text) == ["4", "3", "Kerberos", "SMB", "False", "E:\\VMs", "E:\\VMs\\Disks", "01:30:00",
                            "00155D020600", "False", "True", "C003FF0000FFFF01"]


def test_set_vmhost_on_several_hosts_through_cim_sessions_and_computer_names():
    text = ("Set-VMHost -CimSession (New-CimSession HV02, HV03) -MaximumVirtualMachineMigrations 5;"
            "Set-VMHost HV04 -VirtualMachineMigrationPerformanceOption TCPIP;"
            "Get-VMHost HV01, HV02, HV03 | ForEach-Object MaximumVirtualMachineMigrations;"
            "(Get-VMHost HV04).VirtualMachineMigrationPerformanceOption")
    assert values(text) == ["2", "5", "5", "TCPIP"]


def test_set_vmhost_errors_and_whatif():
    record = fails("Set-VMHost -MaximumVirtualMachineMigrations 0")
    assert record.message.startswith("Failed to modify service settings.")
    assert fqid(record) == "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMHost"
    assert "Specify one of the following enumerator names" in fails(
        "Set-VMHost -VirtualMachineMigrationAuthenticationType NTLM").message
    assert "path specified" in fails("Set-VMHost -VirtualMachinePath Q:\\VMs").message
    result = ok("Set-VMHost -MaximumStorageMigrations 9 -WhatIf; (Get-VMHost).MaximumStorageMigrations")
    assert result.stdout.startswith('What if: Performing the operation "Set-VMHost" on target "HV01".')
    assert result.output == [2]


def test_enable_and_disable_vmmigration_sets():
    text = ("Enable-VMMigration; (Get-VMHost).VirtualMachineMigrationEnabled;"
            "Enable-VMMigration -ComputerName HV02, HV03 -Passthru | ForEach-Object VirtualMachineMigrationEnabled;"
            "Disable-VMMigration -CimSession (New-CimSession HV02) -Passthru | ForEach-Object Name;"
            "(Get-VMHost HV02).VirtualMachineMigrationEnabled")
    assert values(text) == ["True", "True", "True", "HV02", "False"]
    assert ok("Enable-VMMigration -WhatIf; (Get-VMHost).VirtualMachineMigrationEnabled").output == [False]


def test_migration_networks_add_get_set_remove():
    text = ("Add-VMMigrationNetwork 192.168.10.0/24; Add-VMMigrationNetwork 2001:db8::/64 8 -Passthru | Out-Null;"
            "Get-VMMigrationNetwork | ForEach-Object { '{0} {1}' -f $_.Subnet, $_.Priority };"
            "Get-VMMigrationNetwork -Priority 8 | ForEach-Object Subnet;"
            "Set-VMMigrationNetwork 192.168.10.* 192.168.20.0/24 -NewPriority 3 -Passthru | ForEach-Object Subnet;"
            "Remove-VMMigrationNetwork 2001:* -Passthru | ForEach-Object IsDeleted;"
            "Get-VMMigrationNetwork 192.168.* | ForEach-Object Priority")
    assert values(text) == ["192.168.10.0/24 0", "2001:db8::/64 8", "2001:db8::/64", "192.168.20.0/24", "True",
                            "3"]


def test_migration_network_view_and_errors():
    assert ok("Add-VMMigrationNetwork 10.1.0.0/16 -Passthru").stdout == (
        "\nSubnet      Priority\n------      --------\n10.1.0.0/16 0\n\n")
    assert "not a valid IPv4 or IPv6" in fails("Add-VMMigrationNetwork banana").message
    assert fails("Remove-VMMigrationNetwork 10.9.9.0/24").message == (
        'Hyper-V was unable to find a migration network with subnet "10.9.9.0/24".')
    assert out("Remove-VMMigrationNetwork 10.9.*") == []
    assert values("Add-VMMigrationNetwork 10.2.0.0/16 -ComputerName HV02;"
                  "Get-VMMigrationNetwork -CimSession (New-CimSession HV02) | ForEach-Object ComputerName") == ["HV02"]


def test_cim_sessions_new_get_remove():
    text = ("$a = New-CimSession HV02 -Name first; $b = New-CimSession -ComputerName HV03;"
            "Get-CimSession | ForEach-Object Name; (Get-CimSession -ComputerName HV03).Id;"
            "(Get-CimSession -Id 1).ComputerName; Remove-CimSession $a; (Get-CimSession).Count;"
            "Remove-CimSession -Name CimSession2; (Get-CimSession).Count")
    assert values(text) == ["first", "CimSession2", "2", "HV02", "1", "0"]
    assert ok("New-CimSession HV02").stdout.startswith("\nId           : 1\nName         : CimSession1\n")


def test_new_cimsession_to_an_unknown_host():
    record = fails("New-CimSession nowhere")
    assert record.message == "The WinRM client cannot process the request because the server name cannot be resolved."
    assert record.category_info() == "ConnectionError: (:) [New-CimSession], CimException"
