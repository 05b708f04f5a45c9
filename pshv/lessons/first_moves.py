"""The first lessons: enabling live migration, a shared-nothing move, a storage move."""

from __future__ import annotations

from ..report import units
from .model import Lesson, Step
from .observe import Observation


def enable_migration(lab) -> None:
    """Live migration on, as after the enabling lesson (HV01 and HV02)."""
    for name in ("HV01", "HV02"):
        lab.host(name).migration.enabled = True


def _files_under(obs: Observation, vm: str, folder: str) -> bool:
    found = obs.vm(vm)
    prefix = folder.casefold().rstrip("\\") + "\\"
    return found is not None and all(path.casefold().startswith(prefix)
                                     for path in [found.path + "\\", *found.disk_paths()])


def _blackout(obs: Observation, vm: str) -> str:
    trace = obs.completed(vm)
    if trace is None:
        return ""
    return (f" It took {units.seconds(trace.TotalSeconds)}, and the virtual machine was paused for only "
            f"{units.seconds(trace.BlackoutSeconds)}.")


ENABLE = Lesson(
    name="enable-migration",
    title="Enabling live migration",
    summary="Live migration is off on a fresh Hyper-V host; Enable-VMMigration turns it on, on both ends. With "
            "the disks on an SMB share both hosts can reach, only memory and device state travel.",
    steps=(
        Step(
            task="Try to live-migrate app01 from HV01 to HV02 as the lab starts: Move-VM app01 HV02",
            hint="Type exactly: Move-VM app01 HV02 (it is meant to fail).",
            solution="Move-VM app01 HV02 -ErrorAction SilentlyContinue",
            check=lambda obs: bool(obs.traces("app01", "Failed")),
            explanation="Move-VM refused: live migration is disabled on every standalone host after Hyper-V is "
                        "installed, and both the source and the destination must allow it. Get-VMHost shows it "
                        "as VirtualMachineMigrationEnabled = False.",
        ),
        Step(
            task="Enable live migration on HV01 and HV02: Enable-VMMigration -ComputerName HV01, HV02",
            hint="Enable-VMMigration takes several hosts at once with -ComputerName HV01, HV02.",
            solution="Enable-VMMigration -ComputerName HV01, HV02",
            check=lambda obs: all(obs.lab.host(h).migration.enabled for h in ("HV01", "HV02")),
            explanation="Both hosts now accept incoming and start outgoing live migrations, with Hyper-V's "
                        "defaults: 2 simultaneous live and 2 storage migrations, CredSSP, Compression, any "
                        "network. See them with Get-VMHost HV01 | Format-List *Migration*.",
        ),
        Step(
            task="Move app01 to HV02 again: Move-VM app01 HV02",
            hint="Run Move-VM app01 HV02, then Get-VM -ComputerName HV02 to see it there.",
            solution="Move-VM app01 HV02",
            check=lambda obs: obs.host_of("app01") == "HV02" and obs.completed("app01", "Live") is not None,
            explanation=lambda obs: "app01 runs on HV02. Its disk stays on \\\\FS01\\VMs, which both hosts can "
                                    "reach, so only memory moved: copied while the guest ran, then again for the "
                                    "pages it changed, and finally the rest while it was paused."
                                    + _blackout(obs, "app01"),
        ),
        Step(
            task="Look at what the move did: Show-LabMigration",
            hint="Show-LabMigration without parameters draws the last migration.",
            solution="Show-LabMigration",
            check=lambda obs: "app01" in obs.drawn("Show-LabMigration"),
            explanation="Each bar is one pass over memory: the first sends everything the guest has touched, "
                        "each later pass only the pages dirtied during the previous one. The final pass runs "
                        "with the VM paused: that pause, plus handing over the storage and resuming, is the "
                        "blackout. Get-LabMigrationTrace has the same numbers as objects.",
        ),
    ),
)

SHARED_NOTHING = Lesson(
    name="shared-nothing",
    title="A shared-nothing live migration",
    summary="When the hosts share no storage, Move-VM -IncludeStorage copies the disks first (mirroring new "
            "writes), then live-migrates memory, so the VM keeps running throughout.",
    prepare=enable_migration,
    steps=(
        Step(
            task="web01's disks are on HV01's own D: drive. Try a plain live migration: Move-VM web01 HV02",
            hint="Type Move-VM web01 HV02; it is meant to fail.",
            solution="Move-VM web01 HV02 -ErrorAction SilentlyContinue",
            check=lambda obs: bool(obs.traces("web01", "Failed")),
            explanation="A plain live migration moves only memory and device state, so the destination must "
                        "reach the VM's files where they are. HV02 cannot see HV01's D: drive, and Hyper-V says "
                        "so before anything moves.",
        ),
        Step(
            task="Move web01 with its storage: Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath "
                 "D:\\VMs\\web01",
            hint="Add -IncludeStorage and -DestinationStoragePath D:\\VMs\\web01 to the same Move-VM command.",
            solution="Move-VM web01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\web01",
            check=lambda obs: obs.host_of("web01") == "HV02" and _files_under(obs, "web01", "D:\\VMs\\web01"),
            explanation=lambda obs: "web01 and all its files are on HV02. First the disks were copied while the "
                                    "guest kept writing to the source; writes made during the copy were mirrored "
                                    "to both sides until they matched; then memory was live-migrated and the "
                                    "source files deleted." + _blackout(obs, "web01"),
        ),
        Step(
            task="Draw it: Get-LabMigrationTrace -Last 1 | Show-LabMigration",
            hint="Pipe Get-LabMigrationTrace -Last 1 into Show-LabMigration.",
            solution="Get-LabMigrationTrace -Last 1 | Show-LabMigration",
            check=lambda obs: "web01" in obs.drawn("Show-LabMigration"),
            explanation="The time line shows where the time went: almost all of it in the storage copy, then a "
                        "short memory pre-copy, and a blackout too short to see at this scale.",
        ),
    ),
)

STORAGE = Lesson(
    name="storage-migration",
    title="Moving a virtual machine's storage",
    summary="Move-VMStorage moves a VM's files on the same host; a running VM keeps running (copy, mirror, "
            "switch), a VM that is off gets a plain copy.",
    steps=(
        Step(
            task="Move the files of web01, which is running, to E:\\VMs\\web01: Move-VMStorage web01 "
                 "-DestinationStoragePath E:\\VMs\\web01",
            hint="Move-VMStorage takes the VM name first, then -DestinationStoragePath.",
            solution="Move-VMStorage web01 -DestinationStoragePath E:\\VMs\\web01",
            check=lambda obs: _files_under(obs, "web01", "E:\\VMs\\web01")
            and obs.completed("web01", "Storage") is not None,
            explanation="While the disk was copied, the guest went on reading and writing the source disk; writes "
                        "to blocks already copied were mirrored to both disks until they were identical. Then "
                        "web01 switched to the new files and the old ones were deleted. The VM never paused.",
        ),
        Step(
            task="Move test01, which is off, to E:\\VMs\\test01 the same way.",
            hint="Move-VMStorage test01 -DestinationStoragePath E:\\VMs\\test01",
            solution="Move-VMStorage test01 -DestinationStoragePath E:\\VMs\\test01",
            check=lambda obs: _files_under(obs, "test01", "E:\\VMs\\test01")
            and obs.completed("test01", "Storage") is not None,
            explanation="A VM that is off writes nothing, so its files are simply copied and the configuration "
                        "points at the new place: no mirroring is needed.",
        ),
        Step(
            task="Compare the two moves: Get-LabMigrationTrace -Last 2 | Show-LabMigration",
            hint="Get-LabMigrationTrace -Last 2 gives both traces; pipe them to Show-LabMigration.",
            solution="Get-LabMigrationTrace -Last 2 | Show-LabMigration",
            check=lambda obs: {"web01", "test01"} <= set(obs.drawn("Show-LabMigration")),
            explanation="Storage moves have no memory passes and no blackout: their time line is the copy and "
                        "the switch to the new files. The copy time follows the used size of the disks and the "
                        "speed of the volumes.",
        ),
    ),
)
