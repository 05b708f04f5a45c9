# Live migration of a busy SQL Server VM, with its storage, from HV01 to HV02.
#
# A fresh Hyper-V host has live migration disabled, so both ends are enabled first.  sql01 keeps
# its disks on HV01's local D: drive, so the move is a shared-nothing live migration: the disks are
# copied (and mirrored while the guest keeps writing), then memory is pre-copied in passes until
# the remaining dirty pages are few enough for a short stop-and-copy.

Enable-VMMigration -ComputerName HV01, HV02

Move-VM -Name sql01 -DestinationHost HV02 -IncludeStorage -DestinationStoragePath 'D:\VMs\sql01' -Verbose

Get-VM -Name sql01 -ComputerName HV02 | Format-Table Name, State, ComputerName

$trace = Get-LabMigrationTrace -Last 1
$trace | Format-List

'Memory passes:'
$trace.Rounds | Format-Table Round, Pages, Bytes, @{ Label = 'Seconds'; Expression = { [math]::Round($_.Seconds, 3) } }, DirtiedPages
