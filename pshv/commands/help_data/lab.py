"""Help records for the emulator's own (Lab) cmdlets."""

from __future__ import annotations

from . import H

HELP = {
    "Get-LabMigrationTrace": H(
        "Shows what the emulator did during migrations.",
        "Get-LabMigrationTrace returns the trace of migrations: phases, pre-copy passes, pages sent, "
        "blackout time and traffic.", links=("Move-VM",)),
    "Set-LabWorkload": H("Changes the simulated workload of a virtual machine.",
                         "Set-LabWorkload sets how fast a VM dirties memory and writes to disk, which decides how "
                         "long its migrations take."),
    "Set-LabFault": H("Schedules a fault in the lab.", "Set-LabFault makes a link, a host or a disk fail at a "
                      "simulated time, to see how migrations react."),
    "Get-LabFault": H("Lists the scheduled faults.", "Get-LabFault shows the faults armed with Set-LabFault, "
                      "oldest first, and whether each has fired.", links=("Set-LabFault", "Clear-LabFault")),
    "Clear-LabFault": H("Disarms faults and repairs what they broke.", "Clear-LabFault disarms scheduled faults; "
                        "for faults that fired, it brings the network, host or volume back.",
                        links=("Set-LabFault",)),
    "New-LabHost": H("Adds a host to the lab.", "New-LabHost creates a Hyper-V host with the hardware described "
                     "(processor, memory, volumes, migration NICs); it joins the lab's domain with Hyper-V's default "
                     "migration settings.", ("Example 1: A second AMD host", "New-LabHost HV05 -ProcessorVendor AMD "
                                             "-MemoryGB 256 -Volume @{D=2TB}", "Adds HV05 to the lab."),
                     links=("Set-LabHost", "Remove-LabHost")),
    "Set-LabHost": H("Changes a lab host's hardware.", "Set-LabHost reshapes a host; a change that would break the "
                     "lab (less memory than its running VMs use, for example) is refused.", links=("New-LabHost",)),
    "Remove-LabHost": H("Removes a host from the lab.", "Remove-LabHost deletes a host that no longer holds "
                        "virtual machines.", links=("New-LabHost",)),
    "Get-LabClock": H("Gets the lab's simulated time.", "Get-LabClock returns the lab's current time, the time "
                      "Get-Date shows.", links=("Set-LabClock",)),
    "Set-LabClock": H("Moves the lab's simulated time forward.", "Set-LabClock advances the clock to -Date or by "
                      "-Advance; migrations in progress move on meanwhile.", links=("Get-LabClock",)),
    "Save-Lab": H("Saves the lab to a file.", "Save-Lab writes the lab's current state as JSON.",
                  links=("Import-Lab",)),
    "Import-Lab": H("Loads a lab from a file.", "Import-Lab replaces the shell's lab with the one saved in a JSON "
                    "file.", links=("Save-Lab", "Reset-Lab")),
    "Reset-Lab": H("Goes back to the built-in lab.", "Reset-Lab replaces the shell's lab with the embedded "
                   "default lab.", links=("Import-Lab",)),
}
