"""The migration cmdlets (Move-VM, Move-VMStorage, Get-LabMigrationTrace, Get-WinEvent) on the
migration core (`pshv.migration`)."""
