"""Help records for the emulator's own (Lab) cmdlets."""

from __future__ import annotations

from . import H

HELP = {
    "Get-LabMigrationTrace": H(
        "Shows what the emulator did during migrations.",
        "Get-LabMigrationTrace returns the trace of migrations: phases, pre-copy passes, pages sent, "
        "blackout time and traffic.", links=("Move-VM",)),
    "Set-LabWorkload": H(
        "Changes the simulated workload of a virtual machine.",
        "Set-LabWorkload sets what the guest does as far as migration cares: how fast it dirties memory, how "
        "large its writable working set is and how its writes spread over it, how well its memory compresses, "
        "and how fast it writes to its disks. Live migration re-sends dirtied pages and storage migration mirrors "
        "disk writes, so these values decide how long a move takes and how long the blackout is. Without "
        "-ComputerName the VM is looked for on every host of the lab.",
        ("Example 1: A busy database", "Set-LabWorkload sql01 -DirtyMBps 400 -WorkingSetGB 8 -Pattern Random",
         "Makes sql01 dirty 400 MB of memory per second spread over 8 GB."),
        ("Example 2: Every VM of a host", "Get-VM -ComputerName HV01 | Set-LabWorkload -DiskWriteMBps 20 -Passthru",
         "Sets the disk write rate of HV01's VMs and shows their workloads."),
        parameters={"DirtyMBps": "Memory the guest dirties, in MB per second.",
                    "WorkingSetGB": "Writable working set in GB; at most the VM's memory.",
                    "Pattern": "How writes spread: Sequential, Random or Hotspot.",
                    "HotSetFraction": "For Hotspot: the share of the working set that takes most writes.",
                    "CompressionRatio": "How well memory compresses (1 or more), for the Compression option.",
                    "DiskWriteMBps": "Disk writes in MB per second, mirrored during storage migration."},
        inputs=("Microsoft.HyperV.PowerShell.VirtualMachine",), outputs=("Pshv.Lab.Workload",),
        links=("Get-LabMigrationTrace", "Move-VM")),
    "Set-LabFault": H(
        "Schedules a fault for the migrations in the lab.",
        "Set-LabFault arms a fault that fires at a lab time (-At: seconds or a TimeSpan from now, or a DateTime; "
        "default now) or when a migration enters a phase (-Phase, optionally only the migration of -VMName). "
        "NetworkDown takes down a host's network or the link between two hosts (for -Duration, or until cleared); "
        "HostFailure makes a host fail; VolumeFull fills a volume ('HV02 D:', or any path on it); Cancel cancels "
        "the migration of a VM.",
        ("Example 1: Cut the link during the memory copy",
         "Set-LabFault NetworkDown -ComputerName HV01, HV02 -Phase MemoryCopy",
         "The next live migration between HV01 and HV02 fails when it starts copying memory."),
        ("Example 2: A disk that fills up in a minute", "Set-LabFault VolumeFull -Target 'HV02 D:' -At 60",
         "Copies to HV02's D: fail from one minute from now."),
        parameters={"Kind": "NetworkDown, HostFailure, VolumeFull or Cancel.",
                    "Target": "The host(s), the volume or the VM the fault hits.",
                    "ComputerName": "The host(s) for NetworkDown and HostFailure; for VolumeFull, the host a local "
                                    "path is seen from.",
                    "At": "When the fault fires: seconds or a TimeSpan from now, or a DateTime.",
                    "Phase": "The migration phase that fires the fault.",
                    "Duration": "How long a NetworkDown fault lasts."},
        outputs=("Pshv.Lab.Fault",), links=("Get-LabFault", "Clear-LabFault", "Move-VM")),
    "Get-LabFault": H("Lists the scheduled faults.", "Get-LabFault shows the faults armed with Set-LabFault, "
                      "oldest first, and their state: Armed, Active (fired, still in effect) or Fired.",
                      ("Example 1: The faults still waiting", "Get-LabFault | Where-Object State -eq Armed",
                       "Lists the faults that have not fired yet."),
                      outputs=("Pshv.Lab.Fault",), links=("Set-LabFault", "Clear-LabFault")),
    "Clear-LabFault": H("Disarms faults and repairs what they broke.", "Clear-LabFault disarms scheduled faults; "
                        "for faults that fired, it brings the network, host or volume back. Without -Id or -Kind "
                        "it clears every fault.",
                        ("Example 1: Clear the network faults", "Clear-LabFault -Kind NetworkDown",
                         "Brings every link and host network the schedule took down back up."),
                        inputs=("Pshv.Lab.Fault",), outputs=("Pshv.Lab.Fault",), links=("Set-LabFault",)),
    "New-LabHost": H("Adds a host to the lab.", "New-LabHost creates a Hyper-V host with the hardware described "
                     "(processor, memory, volumes, migration NICs); it joins the lab's domain (or -Domain, created "
                     "if new) with Hyper-V's default migration settings: migration disabled, CredSSP, Compression. "
                     "Without -Volume it has C: (256 GB) and D: (2 TB); its switch is External unless -SwitchName "
                     "says otherwise.",
                     ("Example 1: A second AMD host", "New-LabHost HV05 -ProcessorVendor AMD "
                      "-MemoryGB 256 -Volume @{D=2TB}", "Adds HV05 to the lab."),
                     ("Example 2: A fast migration partner", "New-LabHost HV06 -MigrationNicGbps 25 -Rdma -NicCount 2",
                      "Adds a host with two 25 GbE RDMA migration NICs."),
                     parameters={"Volume": "Drive letters and sizes in bytes, e.g. @{D=2TB; E=4TB}.",
                                 "MigrationNicGbps": "Speed of the migration NICs, in Gbit/s.",
                                 "NicCount": "Number of migration NICs (SMB Multichannel).",
                                 "OSVersion": "2012, 2012 R2, 2016, 2019, 2022 or 2025."},
                     outputs=("Microsoft.HyperV.PowerShell.VMHost",), links=("Set-LabHost", "Remove-LabHost")),
    "Set-LabHost": H("Changes a lab host's hardware.", "Set-LabHost reshapes a host: processor, memory, Windows "
                     "Server version, volumes (added or resized), migration NICs, domain, the name of its switch "
                     "(VM adapters follow) and the hosts it may delegate Kerberos credentials to. A change that "
                     "would break the lab (less memory than its running VMs use, a volume smaller than its files, "
                     "an OS that cannot run its VMs) is refused and nothing changes.",
                     ("Example 1: More memory", "Set-LabHost -Name HV01 -MemoryGB 512", "Gives HV01 512 GB."),
                     ("Example 2: Constrained delegation for Kerberos",
                      "Set-LabHost HV01 -KerberosDelegationTo HV02, HV03",
                      "Lets HV01 delegate to HV02 and HV03, as Kerberos live migration needs."),
                     inputs=("Microsoft.HyperV.PowerShell.VMHost",), outputs=("Microsoft.HyperV.PowerShell.VMHost",),
                     links=("New-LabHost",)),
    "Remove-LabHost": H("Removes a host from the lab.", "Remove-LabHost takes a host out of the lab. A host that "
                        "still has virtual machines or shares is removed only with -Force (they go with it). The "
                        "shell's own host, cluster nodes, hosts a migration is using and file servers whose shares "
                        "hold other hosts' VM files are never removed.",
                        ("Example 1: Remove an empty host", "Remove-LabHost HV03", "Removes HV03."),
                        inputs=("Microsoft.HyperV.PowerShell.VMHost",), links=("New-LabHost",)),
    "Get-LabClock": H("Gets the lab's simulated time.", "Get-LabClock returns the lab's current time, the time "
                      "Get-Date shows.", outputs=("System.DateTime",), links=("Set-LabClock",)),
    "Set-LabClock": H("Moves the lab's simulated time forward.", "Set-LabClock advances the clock to -Date or by "
                      "-Advance (a TimeSpan or seconds); migrations in progress move on and scheduled faults fire "
                      "meanwhile. The clock never goes backwards.",
                      ("Example 1: An hour later", "Set-LabClock -Advance 01:00:00", "Lets an hour of lab time pass."),
                      outputs=("System.DateTime",), links=("Get-LabClock",)),
    "Save-Lab": H("Saves the lab to a file.", "Save-Lab writes the lab's current state as JSON, atomically, to the "
                  "folder given with pshv -OutputDirectory (drive X:); pshv -Lab and Import-Lab read such files.",
                  ("Example 1: Keep the lab", "Save-Lab X:\\lab.json", "Writes the lab to lab.json in the output folder."),
                  links=("Import-Lab",)),
    "Import-Lab": H("Loads a lab from a file.", "Import-Lab replaces the shell's lab with the one saved in a JSON "
                    "file on X: or in the script's folder (S:). The file is checked first; each problem is reported "
                    "with its JSON path and the lab stays as it was.",
                    ("Example 1: Start from a saved lab", "Import-Lab X:\\lab.json", "Loads the saved lab."),
                    links=("Save-Lab", "Reset-Lab")),
    "Reset-Lab": H("Goes back to the built-in lab.", "Reset-Lab replaces the shell's lab with the embedded "
                   "default lab; scheduled faults and migrations of the old lab are dropped.", links=("Import-Lab",)),
    # ----------------------------------------------------------------- pictures and reports
    "Show-LabMigration": H(
        "Draws a finished migration as text.",
        "Show-LabMigration draws each migration as a text picture: a header with the result and totals (total "
        "time, blackout, bytes on the wire, bandwidth), one bar per memory pre-copy pass scaled to the largest, "
        "and a time line with a row per phase. The migrations come from the pipeline (traces from "
        "Get-LabMigrationTrace) or from the lab: those of -VMName, or the last -Last of them (by default the "
        "last migration). The picture uses block characters only, so it reads the same in a console, a "
        "transcript or a file.",
        ("Example 1: The last migration", "Show-LabMigration", "Draws the migration that ran last."),
        ("Example 2: Two migrations of a VM", "Get-LabMigrationTrace -VMName sql01 -Last 2 | Show-LabMigration",
         "Draws the last two migrations of sql01, one after the other."),
        parameters={"InputObject": "Migration traces from Get-LabMigrationTrace.",
                    "VMName": "Draws the migrations of these virtual machines; wildcards are allowed.",
                    "Last": "Draws only this many of the lab's migrations, the most recent ones.",
                    "Width": "The width of the picture, 72 to 1000 columns (default: the console's, at most 100)."},
        inputs=("Pshv.Lab.MigrationTrace",), outputs=("System.String",), wildcards=("VMName",),
        links=("Get-LabMigrationTrace", "Export-LabReport")),
    "Export-LabReport": H(
        "Writes migrations side by side in an HTML page.",
        "Export-LabReport writes one self-contained HTML page (no scripts, no outside files) that compares "
        "migrations: their totals, memory passes and phases. The migrations come from the pipeline or from the "
        "lab (-VMName, -Last; by default all of them). On X: (the folder given with pshv -OutputDirectory) the "
        "page is written to the real folder; any other path is a file in the lab's file system.",
        ("Example 1: Compare the last three migrations",
         "Get-LabMigrationTrace -Last 3 | Export-LabReport -Path X:\\report.html -Title 'Options compared'",
         "Writes report.html to the output folder."),
        parameters={"Path": "The file to write.",
                    "InputObject": "Migration traces from Get-LabMigrationTrace.",
                    "VMName": "Reports the migrations of these virtual machines; wildcards are allowed.",
                    "Last": "Reports only this many of the lab's migrations, the most recent ones.",
                    "Title": "The page's title (default: Migration report)."},
        inputs=("Pshv.Lab.MigrationTrace",), wildcards=("VMName",),
        links=("Show-LabMigration", "Get-LabMigrationTrace")),
    # ----------------------------------------------------------------- lessons
    "Get-LabLesson": H(
        "Lists the guided lessons.",
        "Get-LabLesson lists the lessons that Start-LabLesson runs, with their title and number of steps.",
        ("Example 1: Every lesson", "Get-LabLesson", "Lists the lessons."),
        parameters={"Name": "The lessons to list; wildcards are allowed."},
        outputs=("Pshv.Lab.Lesson",), wildcards=("Name",), links=("Start-LabLesson", "Stop-LabLesson")),
    "Start-LabLesson": H(
        "Starts a guided lesson.",
        "Start-LabLesson resets the lab to the lesson's starting point, prints the lesson and its first task, "
        "and then, in the interactive shell, checks each command you run against the current step: when the "
        "step is done it explains what happened and gives the next task, and a hint appears after a few "
        "commands that did not complete it. -Step starts further on, replaying the earlier steps' solutions. "
        "Scripts and pshv -Command are not checked.",
        ("Example 1: The first lesson", "Start-LabLesson enable-migration",
         "Resets the lab and prints the first task of the lesson."),
        ("Example 2: Pick up where you stopped", "Start-LabLesson enable-migration -Step 3",
         "Resets the lab, does steps 1 and 2 for you and prints the task of step 3."),
        parameters={"Name": "The lesson to start (see Get-LabLesson).",
                    "Step": "The step to start at (default: 1)."},
        notes="Starting a lesson replaces the current lab with the lesson's; Save-Lab keeps it first.",
        links=("Get-LabLesson", "Stop-LabLesson")),
    "Stop-LabLesson": H(
        "Stops the running lesson.",
        "Stop-LabLesson stops checking commands against the lesson and tells the step it stopped at and how to "
        "pick it up again. The lab stays as it is. Without a running lesson it reports an error.",
        ("Example 1: Stop the lesson", "Stop-LabLesson", "Stops the lesson; the lab is left as it is."),
        links=("Start-LabLesson",)),
}
