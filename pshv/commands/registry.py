"""Which cmdlets each module provides, as `name -> "package.module:Class"` strings.

Adding a cmdlet means adding one line here; nothing is imported until the cmdlet runs, so
start-up does not grow with the number of cmdlets.
"""

from __future__ import annotations

from ..runtime.commands import CommandTable

_CORE = "pshv.commands.core"
_HV = "pshv.commands.hyperv"

MODULES: dict[str, tuple[str, dict[str, str]]] = {
    "Microsoft.PowerShell.Utility": ("3.1.0.0", {
        "Write-Output": f"{_CORE}.streams:WriteOutput",
        "Write-Host": f"{_CORE}.streams:WriteHost",
        "Write-Error": f"{_CORE}.streams:WriteError",
        "Write-Warning": f"{_CORE}.streams:WriteWarning",
        "Write-Verbose": f"{_CORE}.streams:WriteVerbose",
        "Write-Debug": f"{_CORE}.streams:WriteDebug",
        "Write-Information": f"{_CORE}.streams:WriteInformation",
        "Write-Progress": f"{_CORE}.streams:WriteProgress",
        "Out-Null": f"{_CORE}.output:OutNull",
        "Out-String": f"{_CORE}.output:OutString",
        "Out-Host": f"{_CORE}.output:OutHost",
        "Out-Default": f"{_CORE}.output:OutDefault",
        "Format-Table": f"{_CORE}.output:FormatTable",
        "Format-List": f"{_CORE}.output:FormatList",
        "Select-Object": f"{_CORE}.select:SelectObject",
        "Sort-Object": f"{_CORE}.sort:SortObject",
        "Get-Unique": f"{_CORE}.sort:GetUnique",
        "Group-Object": f"{_CORE}.group:GroupObject",
        "Measure-Object": f"{_CORE}.measure:MeasureObject",
        "Compare-Object": f"{_CORE}.compare:CompareObject",
        "New-Object": f"{_CORE}.objects:NewObject",
        "Add-Member": f"{_CORE}.add_member:AddMember",
        "Get-Member": f"{_CORE}.get_member:GetMember",
        "ConvertTo-Json": f"{_CORE}.convert_json:ConvertToJson",
        "ConvertFrom-Json": f"{_CORE}.convert_json:ConvertFromJson",
        "ConvertTo-Csv": f"{_CORE}.convert_csv:ConvertToCsv",
        "ConvertFrom-Csv": f"{_CORE}.convert_csv:ConvertFromCsv",
        "Get-Date": f"{_CORE}.dates:GetDate",
        "New-TimeSpan": f"{_CORE}.dates:NewTimeSpan",
        "Start-Sleep": f"{_CORE}.timing:StartSleep",
        "Measure-Command": f"{_CORE}.timing:MeasureCommand",
        "Get-Random": f"{_CORE}.get_random:GetRandom",
        "Get-Variable": f"{_CORE}.variables:GetVariable",
        "Set-Variable": f"{_CORE}.variables:SetVariable",
        "New-Variable": f"{_CORE}.variables:NewVariable",
        "Remove-Variable": f"{_CORE}.variables:RemoveVariable",
        "Clear-Variable": f"{_CORE}.variables:ClearVariable",
        "Get-Alias": f"{_CORE}.aliases:GetAlias",
        "Set-Alias": f"{_CORE}.aliases:SetAlias",
        "New-Alias": f"{_CORE}.aliases:NewAlias",
        "Tee-Object": f"{_CORE}.tee:TeeObject",
        "Out-GridView": f"{_CORE}.tee:OutGridView",
        "Read-Host": f"{_CORE}.host_input:ReadHost",
        "Clear-Host": f"{_CORE}.session_cmdlets:ClearHost",
        "Get-Host": f"{_CORE}.session_cmdlets:GetHost",
        "Invoke-Expression": f"{_CORE}.session_cmdlets:InvokeExpression",
        "pause": f"{_CORE}.host_input:Pause",
    }),
    "Hyper-V": ("2.0.0.0", {
        "Get-VM": f"{_HV}.vm:GetVM",
        "New-VM": f"{_HV}.vm:NewVM",
        "Remove-VM": f"{_HV}.vm:RemoveVM",
        "Start-VM": f"{_HV}.vm_state:StartVM",
        "Stop-VM": f"{_HV}.vm_state:StopVM",
        "Suspend-VM": f"{_HV}.vm_state:SuspendVM",
        "Resume-VM": f"{_HV}.vm_state:ResumeVM",
        "Restart-VM": f"{_HV}.vm_state:RestartVM",
        "Checkpoint-VM": f"{_HV}.checkpoint:CheckpointVM",
        "Get-VMSnapshot": f"{_HV}.checkpoint:GetVMSnapshot",
        "Remove-VMSnapshot": f"{_HV}.checkpoint:RemoveVMSnapshot",
        "Get-VMHardDiskDrive": f"{_HV}.disks:GetVMHardDiskDrive",
        "Add-VMHardDiskDrive": f"{_HV}.disks:AddVMHardDiskDrive",
        "Remove-VMHardDiskDrive": f"{_HV}.disks:RemoveVMHardDiskDrive",
        "New-VHD": f"{_HV}.disks:NewVHD",
        "Get-VHD": f"{_HV}.disks:GetVHD",
        "Get-VMSwitch": f"{_HV}.network:GetVMSwitch",
        "New-VMSwitch": f"{_HV}.network:NewVMSwitch",
        "Get-VMNetworkAdapter": f"{_HV}.network:GetVMNetworkAdapter",
        "Connect-VMNetworkAdapter": f"{_HV}.network:ConnectVMNetworkAdapter",
        "Disconnect-VMNetworkAdapter": f"{_HV}.network:DisconnectVMNetworkAdapter",
        "Get-VMProcessor": f"{_HV}.hardware:GetVMProcessor",
        "Set-VMProcessor": f"{_HV}.hardware:SetVMProcessor",
        "Get-VMMemory": f"{_HV}.hardware:GetVMMemory",
        "Set-VMMemory": f"{_HV}.hardware:SetVMMemory",
        "Get-VMDvdDrive": f"{_HV}.hardware:GetVMDvdDrive",
        "Set-VMDvdDrive": f"{_HV}.hardware:SetVMDvdDrive",
        "Get-VMMigrationNetwork": f"{_HV}.migration_settings:GetVMMigrationNetwork",
        "Add-VMMigrationNetwork": f"{_HV}.migration_settings:AddVMMigrationNetwork",
        "Set-VMMigrationNetwork": f"{_HV}.migration_settings:SetVMMigrationNetwork",
        "Remove-VMMigrationNetwork": f"{_HV}.migration_settings:RemoveVMMigrationNetwork",
        "Measure-VM": f"{_HV}.measure:MeasureVM",
        "Compare-VM": f"{_HV}.compare:CompareVM",
        "Get-VMHost": f"{_HV}.host:GetVMHost",
        "Set-VMHost": f"{_HV}.host:SetVMHost",
        "Enable-VMMigration": f"{_HV}.host:EnableVMMigration",
        "Disable-VMMigration": f"{_HV}.host:DisableVMMigration",
    }),
    "FailoverClusters": ("2.0.0.0", {
        "Get-Cluster": f"{_HV}.cluster:GetCluster",
        "Get-ClusterNode": f"{_HV}.cluster:GetClusterNode",
        "Get-ClusterGroup": f"{_HV}.cluster:GetClusterGroup",
        "Get-ClusterResource": f"{_HV}.cluster:GetClusterResource",
        "Get-ClusterSharedVolume": f"{_HV}.cluster:GetClusterSharedVolume",
        "Add-ClusterVirtualMachineRole": f"{_HV}.cluster:AddClusterVirtualMachineRole",
        "Remove-ClusterGroup": f"{_HV}.cluster:RemoveClusterGroup",
        "Suspend-ClusterNode": f"{_HV}.cluster:SuspendClusterNode",
        "Resume-ClusterNode": f"{_HV}.cluster:ResumeClusterNode",
    }),
    "CimCmdlets": ("1.0.0.0", {
        "New-CimSession": f"{_HV}.cim:NewCimSession",
        "Get-CimSession": f"{_HV}.cim:GetCimSession",
        "Remove-CimSession": f"{_HV}.cim:RemoveCimSession",
    }),
    "Microsoft.PowerShell.Security": ("3.0.0.0", {
        "Get-Credential": f"{_CORE}.host_input:GetCredential",
    }),
    "Microsoft.PowerShell.Core": ("3.0.0.0", {
        "Set-StrictMode": f"{_CORE}.session_cmdlets:SetStrictMode",
        "Set-PSDebug": f"{_CORE}.session_cmdlets:SetPSDebug",
        "Where-Object": f"{_CORE}.pipeline:WhereObject",
        "ForEach-Object": f"{_CORE}.pipeline:ForEachObject",
    }),
}

ALIASES: dict[str, str] = {
    "?": "Where-Object", "where": "Where-Object", "%": "ForEach-Object", "foreach": "ForEach-Object",
    "echo": "Write-Output", "write": "Write-Output", "ft": "Format-Table", "fl": "Format-List",
    "oh": "Out-Host",
    "Get-VMCheckpoint": "Get-VMSnapshot", "Remove-VMCheckpoint": "Remove-VMSnapshot",
    "select": "Select-Object", "sort": "Sort-Object", "gu": "Get-Unique", "group": "Group-Object",
    "measure": "Measure-Object", "compare": "Compare-Object", "diff": "Compare-Object", "gm": "Get-Member",
    "sleep": "Start-Sleep", "gv": "Get-Variable", "sv": "Set-Variable", "set": "Set-Variable",
    "nv": "New-Variable", "rv": "Remove-Variable", "clv": "Clear-Variable", "gal": "Get-Alias", "sal": "Set-Alias",
    "nal": "New-Alias", "tee": "Tee-Object", "ogv": "Out-GridView", "iex": "Invoke-Expression", "cls": "Clear-Host",
    "clear": "Clear-Host",
}


def register_all(table: CommandTable) -> None:
    for module, (version, cmdlets) in MODULES.items():
        table.register_module(module, cmdlets, version=version)
    for alias, command in ALIASES.items():
        table.add_alias(alias, command, "")
