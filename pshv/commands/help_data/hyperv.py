"""Help records for the Hyper-V module's cmdlets."""

from __future__ import annotations

from . import H

_VM = ("Microsoft.HyperV.PowerShell.VirtualMachine",)
_HOST = ("Microsoft.HyperV.PowerShell.VMHost",)
_NAMES = ("System.String[]",)
_REMOTE = {"ComputerName": "The Hyper-V hosts to act on; the local host when omitted.",
           "CimSession": "CIM sessions to the hosts to act on.",
           "Credential": "The account to connect with."}


def _vm_state(verb: str, detail: str, example: tuple[str, str, str]) -> object:
    return H(f"{verb} a virtual machine.", detail, example,
             parameters={"Name": "The names of the virtual machines.", "VM": "Virtual machine objects, for example "
                         "from Get-VM.", **_REMOTE, "Passthru": "Writes the virtual machine object when done."},
             inputs=_VM, outputs=_VM, wildcards=("Name",), links=("Get-VM",))


HELP = {
    # ----------------------------------------------------------------- virtual machines
    "Get-VM": H(
        "Gets the virtual machines of one or more Hyper-V hosts.",
        "Get-VM returns the virtual machines registered on the local host, or on the hosts named with "
        "-ComputerName or reached through -CimSession, optionally filtered by name or id.",
        ("Example 1: All VMs of the local host", "Get-VM", "Lists the VMs of the host the shell runs on."),
        ("Example 2: Running VMs of another host", "Get-VM -ComputerName HV02 | Where-Object State -eq 'Running'",
         "Lists the running VMs of HV02."),
        parameters={"Name": "The names of the virtual machines to get; wildcards are allowed.",
                    "Id": "The id of the virtual machine to get.", **_REMOTE,
                    "ClusterObject": "A cluster resource or group of a clustered virtual machine."},
        inputs=_NAMES, outputs=_VM, wildcards=("Name",), links=("New-VM", "Start-VM", "Move-VM")),
    "New-VM": H(
        "Creates a virtual machine.",
        "New-VM registers a new virtual machine on a host, with memory, generation, switch connection and a "
        "new or existing virtual hard disk.",
        ("Example 1: A small VM with a new disk",
         "New-VM -Name test02 -MemoryStartupBytes 2GB -NewVHDPath D:\\VMs\\test02.vhdx -NewVHDSizeBytes 40GB",
         "Creates test02 with a new 40 GB dynamic disk."),
        outputs=_VM, links=("Remove-VM", "Get-VM")),
    "Remove-VM": H(
        "Deletes a virtual machine.",
        "Remove-VM unregisters virtual machines; their virtual hard disks stay where they are. It asks for "
        "confirmation unless -Force is used.", inputs=_VM, wildcards=("Name",), links=("New-VM",)),
    "Start-VM": _vm_state("Starts", "Start-VM turns on a virtual machine that is off or resumes a saved one.",
                          ("Example 1: Start a VM", "Start-VM -Name test01", "Turns test01 on.")),
    "Stop-VM": _vm_state("Shuts down, turns off or saves", "Stop-VM shuts the guest down; -TurnOff cuts the power and "
                         "-Save saves its state.", ("Example 1: Save a VM", "Stop-VM -Name web01 -Save",
                                                    "Saves the state of web01.")),
    "Suspend-VM": _vm_state("Pauses", "Suspend-VM pauses a running virtual machine.",
                            ("Example 1: Pause a VM", "Suspend-VM -Name web01", "Pauses web01.")),
    "Resume-VM": _vm_state("Resumes", "Resume-VM resumes a paused virtual machine.",
                           ("Example 1: Resume a VM", "Resume-VM -Name web01", "Resumes web01.")),
    "Restart-VM": _vm_state("Restarts", "Restart-VM restarts a virtual machine; it asks for confirmation unless -Force "
                            "is used.", ("Example 1: Restart a VM", "Restart-VM -Name web01 -Force",
                                         "Restarts web01 without asking.")),
    # ----------------------------------------------------------------- migration
    "Move-VM": H(
        "Moves a virtual machine to another Hyper-V host.",
        "Move-VM live-migrates a running virtual machine (or moves a stopped one) to the destination host. "
        "With -IncludeStorage or -DestinationStoragePath its files move too (a shared-nothing migration). "
        "The emulator runs the migration in its simulated lab: memory pre-copy passes, the blackout, the "
        "storage hand-over; Get-LabMigrationTrace shows what happened.",
        ("Example 1: Live-migrate a VM", "Move-VM -Name web01 -DestinationHost HV02",
         "Moves web01 to HV02; its storage stays where it is."),
        ("Example 2: Move a VM and its storage",
         "Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01",
         "Moves web01 and all its files to D:\\VMs\\web01 on HV02."),
        ("Example 3: Fix incompatibilities first",
         "$report = Compare-VM -Name web01 -DestinationHost HV04\n$report.Incompatibilities | Format-Table -AutoSize\n"
         "Move-VM -CompatibilityReport $report",
         "Checks what would block the move, and moves with the (corrected) report."),
        parameters={"Name": "The name of the virtual machine to move.", "VM": "The virtual machine object to move.",
                    "DestinationHost": "The host to move the virtual machine to.",
                    "IncludeStorage": "Moves the virtual machine's files along with it.",
                    "DestinationStoragePath": "The folder on the destination for all of the virtual machine's files.",
                    "CompatibilityReport": "A report from Compare-VM to move with: the move goes to the "
                                           "report's destination host, with the storage destinations it "
                                           "was made for.",
                    "VirtualMachinePath": "Where the configuration files go on the destination; required when "
                                          "the destinations are given one by one (with -Vhds and the like).",
                    "Vhds": "Hashtables with SourceFilePath and DestinationFilePath, one per virtual hard disk "
                            "to move.",
                    "AsJob": "Returns a job at once and moves in the background (see Get-Job, Receive-Job).",
                    "Passthru": "Writes the moved virtual machine."},
        inputs=_VM, outputs=_VM, links=("Compare-VM", "Move-VMStorage", "Enable-VMMigration")),
    "Move-VMStorage": H(
        "Moves a virtual machine's storage to another location.",
        "Move-VMStorage copies the virtual hard disks, configuration, checkpoints and smart paging files to "
        "new locations while the virtual machine keeps running, then switches over and deletes the source files.",
        ("Example 1: Move all files to one folder", "Move-VMStorage web01 -DestinationStoragePath E:\\VMs\\web01",
         "Moves every file of web01 to E:\\VMs\\web01."),
        parameters={"AsJob": "Returns a job at once and moves in the background (see Get-Job, Receive-Job)."},
        inputs=_VM, links=("Move-VM",)),
    "Compare-VM": H(
        "Checks whether a virtual machine can be moved, imported or copied to a host.",
        "Compare-VM returns a compatibility report listing the incompatibilities (each with a MessageId, a "
        "message and the object to fix). Fix them on the report's VM object, then pass the report to "
        "Move-VM -CompatibilityReport.",
        ("Example 1: Check a move", "(Compare-VM -Name web01 -DestinationHost HV04).Incompatibilities",
         "Lists what prevents moving web01 to HV04."),
        parameters={"VirtualMachinePath": "Where the configuration files would go; required with -Vhds. The "
                                          "destination host must reach the path and it must have room.",
                    "SnapshotFilePath": "Where the checkpoint files would go on the destination.",
                    "SmartPagingFilePath": "Where the smart paging file would go on the destination.",
                    "Vhds": "Hashtables with SourceFilePath and DestinationFilePath, one per virtual hard disk."},
        inputs=_VM, outputs=("Microsoft.HyperV.PowerShell.VMCompatibilityReport",), links=("Move-VM",)),
    "Get-VMHost": H(
        "Gets a Hyper-V host.",
        "Get-VMHost returns the host object, with its live migration settings.",
        ("Example 1: Migration settings", "Get-VMHost | Format-List VirtualMachineMigration*, Maximum*Migrations",
         "Shows whether live migration is enabled and how many migrations can run at once."),
        parameters=dict(_REMOTE), outputs=_HOST, links=("Set-VMHost",)),
    "Set-VMHost": H(
        "Configures a Hyper-V host.",
        "Set-VMHost changes host settings: default paths, the number of simultaneous live and storage "
        "migrations, the migration authentication (CredSSP or Kerberos) and performance option (TCPIP, "
        "Compression, SMB), and whether any network may carry migrations.",
        ("Example 1: Kerberos and SMB", "Set-VMHost -VirtualMachineMigrationAuthenticationType Kerberos "
         "-VirtualMachineMigrationPerformanceOption SMB", "Changes how the host authenticates and transfers "
         "live migrations."),
        ("Example 2: More simultaneous migrations", "Set-VMHost -MaximumVirtualMachineMigrations 4 "
         "-MaximumStorageMigrations 4", "Allows four of each at once."),
        parameters={**_REMOTE, "Passthru": "Writes the host object."}, outputs=_HOST, links=("Get-VMHost",)),
    "Enable-VMMigration": H(
        "Enables live migration on a host.",
        "Enable-VMMigration allows the host to send and receive live migrations. A new host has it disabled.",
        ("Example 1: Enable migration", "Enable-VMMigration", "Enables live migration on the local host."),
        parameters={**_REMOTE, "Passthru": "Writes the host object."}, outputs=_HOST,
        links=("Disable-VMMigration", "Set-VMHost")),
    "Disable-VMMigration": H(
        "Disables live migration on a host.", "Disable-VMMigration stops the host from sending or receiving live "
        "migrations.", parameters={**_REMOTE, "Passthru": "Writes the host object."}, outputs=_HOST,
        links=("Enable-VMMigration",)),
    "Get-VMMigrationNetwork": H(
        "Gets the networks a host may use for live migration.",
        "Get-VMMigrationNetwork lists the subnets chosen for incoming live migrations, with their priority.",
        outputs=("Microsoft.HyperV.PowerShell.VMMigrationNetwork",), links=("Add-VMMigrationNetwork",)),
    "Add-VMMigrationNetwork": H(
        "Adds a network for live migration.", "Add-VMMigrationNetwork adds a subnet (like 192.168.10.0/24) to the "
        "host's migration networks.", ("Example 1: A dedicated subnet", "Add-VMMigrationNetwork 192.168.10.0/24",
                                        "Lets live migrations use that subnet."),
        links=("Get-VMMigrationNetwork", "Remove-VMMigrationNetwork")),
    "Set-VMMigrationNetwork": H(
        "Changes a migration network's subnet or priority.", "Set-VMMigrationNetwork edits a migration network.",
        links=("Get-VMMigrationNetwork",)),
    "Remove-VMMigrationNetwork": H(
        "Removes a migration network.", "Remove-VMMigrationNetwork removes subnets from the host's migration "
        "networks.", links=("Add-VMMigrationNetwork",)),
    # ----------------------------------------------------------------- checkpoints
    "Checkpoint-VM": H("Creates a checkpoint of a virtual machine.",
                       "Checkpoint-VM saves the virtual machine's state and disks as a checkpoint.",
                       inputs=_VM, links=("Get-VMSnapshot", "Remove-VMSnapshot")),
    "Get-VMSnapshot": H("Gets the checkpoints of a virtual machine.",
                        "Get-VMSnapshot (alias Get-VMCheckpoint) lists checkpoints by VM and name.",
                        inputs=_VM, outputs=("Microsoft.HyperV.PowerShell.VMSnapshot",), wildcards=("Name",)),
    "Remove-VMSnapshot": H("Deletes checkpoints.", "Remove-VMSnapshot (alias Remove-VMCheckpoint) deletes "
                           "checkpoints and merges their differencing disks.",
                           inputs=("Microsoft.HyperV.PowerShell.VMSnapshot",)),
    # ----------------------------------------------------------------- disks
    "Get-VMHardDiskDrive": H("Gets the hard disk drives of a virtual machine.",
                             "Get-VMHardDiskDrive lists the drives and the virtual hard disk each one holds.",
                             inputs=_VM, outputs=("Microsoft.HyperV.PowerShell.HardDiskDrive",)),
    "Add-VMHardDiskDrive": H("Adds a hard disk drive to a virtual machine.",
                             "Add-VMHardDiskDrive attaches a virtual hard disk on a controller of the VM.",
                             inputs=_VM),
    "Remove-VMHardDiskDrive": H("Removes a hard disk drive from a virtual machine.",
                                "Remove-VMHardDiskDrive detaches the drive; the disk file stays.",
                                inputs=("Microsoft.HyperV.PowerShell.HardDiskDrive",)),
    "New-VHD": H("Creates a virtual hard disk file.", "New-VHD creates a fixed, dynamic or differencing VHD or VHDX.",
                 outputs=("Microsoft.Vhd.PowerShell.VirtualHardDisk",)),
    "Get-VHD": H("Gets a virtual hard disk file.", "Get-VHD describes a virtual hard disk: format, type, sizes.",
                 outputs=("Microsoft.Vhd.PowerShell.VirtualHardDisk",)),
    # ----------------------------------------------------------------- network
    "Get-VMSwitch": H("Gets virtual switches.", "Get-VMSwitch lists the virtual switches of a host.",
                      outputs=("Microsoft.HyperV.PowerShell.VMSwitch",), wildcards=("Name",)),
    "New-VMSwitch": H("Creates a virtual switch.", "New-VMSwitch creates an external, internal or private switch.",
                      outputs=("Microsoft.HyperV.PowerShell.VMSwitch",)),
    "Get-VMNetworkAdapter": H("Gets the network adapters of virtual machines.",
                              "Get-VMNetworkAdapter lists the adapters, their switches and addresses.",
                              inputs=_VM, outputs=("Microsoft.HyperV.PowerShell.VMNetworkAdapter",)),
    "Connect-VMNetworkAdapter": H("Connects a network adapter to a switch.",
                                  "Connect-VMNetworkAdapter attaches adapters to a virtual switch.",
                                  inputs=("Microsoft.HyperV.PowerShell.VMNetworkAdapter",)),
    "Disconnect-VMNetworkAdapter": H("Disconnects a network adapter from its switch.",
                                     "Disconnect-VMNetworkAdapter leaves the adapter unconnected.",
                                     inputs=("Microsoft.HyperV.PowerShell.VMNetworkAdapter",)),
    # ----------------------------------------------------------------- hardware
    "Get-VMProcessor": H("Gets the processor settings of a virtual machine.",
                         "Get-VMProcessor shows the virtual processor count and compatibility settings.",
                         inputs=_VM),
    "Set-VMProcessor": H("Changes the processor settings of a virtual machine.",
                         "Set-VMProcessor sets the processor count or CompatibilityForMigrationEnabled, which lets "
                         "the VM move between hosts with different processor versions of the same vendor.",
                         ("Example 1: Allow migration to an older processor",
                          "Set-VMProcessor test01 -CompatibilityForMigrationEnabled $true",
                          "The VM must be off for this change."), inputs=_VM),
    "Get-VMMemory": H("Gets the memory settings of a virtual machine.",
                      "Get-VMMemory shows startup memory and dynamic memory settings.", inputs=_VM),
    "Set-VMMemory": H("Changes the memory settings of a virtual machine.",
                      "Set-VMMemory sets startup memory and dynamic memory limits.", inputs=_VM),
    "Get-VMDvdDrive": H("Gets the DVD drives of a virtual machine.", "Get-VMDvdDrive lists DVD drives and media.",
                        inputs=_VM),
    "Set-VMDvdDrive": H("Changes a DVD drive of a virtual machine.", "Set-VMDvdDrive inserts or ejects media.",
                        inputs=("Microsoft.HyperV.PowerShell.DvdDrive",)),
    "Measure-VM": H("Reports resource use of virtual machines.",
                    "Measure-VM returns resource metering data: average processor and memory use, disk and "
                    "network traffic.", inputs=_VM),
}
