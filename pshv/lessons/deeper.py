"""Lessons past the first moves: performance options, limits, Compare-VM fixes, failures."""

from __future__ import annotations

from ..report import units
from .first_moves import enable_migration
from .model import Lesson, Step
from .observe import Observation

OPTIONS = ("TCPIP", "Compression", "SMB")


def _option_moved(option: str):
    return lambda obs: obs.completed("app01", "Live", option) is not None


def _options_compared(obs: Observation) -> str:
    from ..commands.migration.service import migration_service

    traces = [t for t in migration_service(obs.ctx).traces() if t.VMName == "app01" and t.Result == "Completed"]
    best = {t.PerformanceOption: t for t in traces}
    parts = [f"{option} {units.seconds(best[option].TotalSeconds)} with {units.size(best[option].WireBytes)} on "
             f"the wire" for option in OPTIONS if option in best]
    return ("; ".join(parts) + ". TCPIP sends memory as it is; Compression spends spare processor time to send "
            "fewer bytes, which wins on a 10 GbE link; SMB sends it over SMB 3, and with RDMA network adapters on "
            "both ends (SMB Direct) the processors are hardly involved. The report puts the three side by side.")


def _report_fixed(obs: Observation) -> bool:
    report = obs.variable("report")
    adapters = obs.member(obs.member(report, "VM"), "NetworkAdapters") or []
    switches = {s.name.casefold() for s in obs.lab.host("HV04").switches}
    return bool(adapters) and all(str(obs.member(a, "SwitchName") or "").casefold() in switches for a in adapters)


def _prepare_compare(lab) -> None:
    enable_migration(lab)
    lab.host("HV04").migration.enabled = True
    lab.find_vm("test01").version = "8.0"  # made for older hosts, so only the switch stands in the way


PERFORMANCE = Lesson(
    name="performance-options",
    title="Performance options compared",
    summary="Set-VMHost -VirtualMachineMigrationPerformanceOption picks how the source host sends memory: "
            "TCPIP, Compression (the default) or SMB. Get-LabMigrationTrace, Show-LabMigration and "
            "Export-LabReport show what each choice costs.",
    prepare=enable_migration,
    steps=(
        Step(
            task="On HV01, choose TCPIP and move app01 to HV02: Set-VMHost "
                 "-VirtualMachineMigrationPerformanceOption TCPIP, then Move-VM app01 HV02",
            hint="Two commands: Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP; Move-VM app01 HV02",
            solution="Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP\nMove-VM app01 HV02",
            check=_option_moved("TCPIP"),
            explanation="The source host's setting decides: HV01 sent app01's memory over plain TCP/IP.",
        ),
        Step(
            task="HV02 still uses Compression, the default. Move app01 back from a session on HV02: "
                 "Invoke-Command -ComputerName HV02 { Move-VM app01 HV01 }",
            hint="With CredSSP, a move must start on its source host: run Move-VM inside Invoke-Command "
                 "-ComputerName HV02 { ... }.",
            solution="Invoke-Command -ComputerName HV02 { Move-VM app01 HV01 }",
            check=_option_moved("Compression"),
            explanation="HV02 compressed the pages with spare processor time before sending them.",
        ),
        Step(
            task="On HV01, choose SMB and move app01 to HV02 once more.",
            hint="Set-VMHost -VirtualMachineMigrationPerformanceOption SMB; Move-VM app01 HV02",
            solution="Set-VMHost -VirtualMachineMigrationPerformanceOption SMB\nMove-VM app01 HV02",
            check=_option_moved("SMB"),
            explanation="HV01 and HV02 both have RDMA network adapters, so SMB used SMB Direct.",
        ),
        Step(
            task="Put the three moves side by side in a report: Get-LabMigrationTrace -Last 3 | Export-LabReport "
                 "-Path C:\\Users\\Administrator\\options.html",
            hint="Pipe Get-LabMigrationTrace -Last 3 into Export-LabReport -Path <file>.html.",
            solution="Get-LabMigrationTrace -Last 3 | Export-LabReport -Path C:\\Users\\Administrator\\options.html",
            check=lambda obs: obs.drawn("Export-LabReport").count("app01") >= 3,
            explanation=_options_compared,
        ),
    ),
)

LIMITS = Lesson(
    name="limits-and-queueing",
    title="Limits on simultaneous migrations",
    summary="MaximumVirtualMachineMigrations and MaximumStorageMigrations cap how many moves a host runs at "
            "once. A standalone host refuses a move beyond the limit; only a failover cluster queues it.",
    prepare=enable_migration,
    steps=(
        Step(
            task="Allow one live migration at a time on HV01: Set-VMHost -MaximumVirtualMachineMigrations 1",
            hint="Set-VMHost -MaximumVirtualMachineMigrations 1 (it acts on this computer, HV01).",
            solution="Set-VMHost -MaximumVirtualMachineMigrations 1",
            check=lambda obs: obs.lab.host("HV01").migration.maximum_vm_migrations == 1,
            explanation="HV01 now runs at most one live migration at a time; moves of either direction count.",
        ),
        Step(
            task="Start two moves at once in the background: Move-VM app01 HV02 -AsJob, then Move-VM sql01 HV02 "
                 "-IncludeStorage -DestinationStoragePath D:\\VMs\\sql01 -AsJob",
            hint="Add -AsJob to both Move-VM commands so the second starts while the first is running.",
            solution="Move-VM app01 HV02 -AsJob\nMove-VM sql01 HV02 -IncludeStorage -DestinationStoragePath "
                     "D:\\VMs\\sql01 -AsJob",
            check=lambda obs: any("limit" in (t.Error or "") for t in obs.traces(result="Failed")),
            explanation="The second move failed at once: HV01 was already running its one allowed migration. A "
                        "standalone host does not queue; it refuses, and the script must wait and retry.",
        ),
        Step(
            task="Let the first move finish: Start-Sleep -Seconds 30, then Get-VM -ComputerName HV02",
            hint="Start-Sleep lets lab time pass; background migrations go on meanwhile.",
            solution="Start-Sleep -Seconds 30",
            check=lambda obs: obs.host_of("app01") == "HV02",
            explanation="app01 arrived on HV02 while the shell slept. In a failover cluster the second move "
                        "would have waited in a queue and started now, by itself.",
        ),
    ),
)

COMPARE = Lesson(
    name="compare-and-fix",
    title="Compare-VM and fixing an incompatibility",
    summary="Compare-VM lists what would stop a move; a report's Source objects can be fixed in place and the "
            "report handed to Move-VM -CompatibilityReport.",
    prepare=_prepare_compare,
    steps=(
        Step(
            task="Ask Hyper-V whether test01 can move to HV04, keeping the report: $report = Compare-VM -Name test01 "
                 "-DestinationHost HV04 -IncludeStorage -DestinationStoragePath D:\\VMs\\test01",
            hint="Assign the result of Compare-VM to $report, then look at $report.Incompatibilities.",
            solution="$report = Compare-VM -Name test01 -DestinationHost HV04 -IncludeStorage "
                     "-DestinationStoragePath D:\\VMs\\test01",
            check=lambda obs: bool(obs.member(obs.variable("report"), "Incompatibilities")),
            explanation="$report.Incompatibilities | Format-Table MessageId, Message shows one problem: 33012, "
                        "Could not find Ethernet switch 'External'. test01's network adapter is connected to "
                        "'External', and HV04's only switch is called 'Production'.",
        ),
        Step(
            task="Fix it in the report: connect the adapter to HV04's switch: "
                 "$report.Incompatibilities[0].Source | Connect-VMNetworkAdapter -SwitchName Production",
            hint="The incompatibility's Source is the network adapter; pipe it to Connect-VMNetworkAdapter.",
            solution="$report.Incompatibilities[0].Source | Connect-VMNetworkAdapter -SwitchName Production",
            check=_report_fixed,
            explanation="The report's virtual machine now uses a switch that exists on HV04. Nothing has moved "
                        "yet; the report carries the fix.",
        ),
        Step(
            task="Move test01 with the fixed report: Move-VM -CompatibilityReport $report",
            hint="Move-VM -CompatibilityReport $report uses the destination and paths stored in the report.",
            solution="Move-VM -CompatibilityReport $report",
            check=lambda obs: obs.host_of("test01") == "HV04",
            explanation="test01 is on HV04, connected to 'Production'. It was off, so this was a quick migration "
                        "with its storage: the files were copied and the configuration registered on HV04.",
        ),
    ),
)

FAILURE = Lesson(
    name="failure-rollback",
    title="A failure and its rollback",
    summary="A live migration that fails before the switch-over leaves the VM running on the source as if "
            "nothing happened; the trace and the error say where it broke.",
    prepare=enable_migration,
    steps=(
        Step(
            task="Arm a fault: the network between HV01 and HV02 goes down as app01's memory copy starts: "
                 "Set-LabFault -Kind NetworkDown -ComputerName HV01, HV02 -Phase MemoryCopy -VMName app01",
            hint="Set-LabFault -Kind NetworkDown -ComputerName HV01, HV02 -Phase MemoryCopy -VMName app01",
            solution="Set-LabFault -Kind NetworkDown -ComputerName HV01, HV02 -Phase MemoryCopy -VMName app01",
            check=lambda obs: bool(obs.ctx.services.get("lab.faults") and obs.ctx.services["lab.faults"].entries),
            explanation="The fault waits for app01's migration to reach its memory copy. Get-LabFault lists it.",
        ),
        Step(
            task="Move app01 to HV02: Move-VM app01 HV02",
            hint="Run Move-VM app01 HV02 and read the error.",
            solution="Move-VM app01 HV02 -ErrorAction SilentlyContinue",
            check=lambda obs: bool(obs.traces("app01", "Failed")) and obs.host_of("app01") == "HV01"
            and obs.vm("app01").state.name == "Running",
            explanation="The link broke during the pre-copy, so Hyper-V cancelled the move: the copy on HV02 was "
                        "discarded and app01 kept running on HV01 without a pause. Only the blackout phase "
                        "commits a move; until then it can always be rolled back.",
        ),
        Step(
            task="Repair the network and try again: Clear-LabFault, then Move-VM app01 HV02",
            hint="Clear-LabFault brings the network back; then run the same Move-VM again.",
            solution="Clear-LabFault\nMove-VM app01 HV02",
            check=lambda obs: obs.host_of("app01") == "HV02",
            explanation="With the network back the same move completed. Get-LabMigrationTrace lists both "
                        "attempts, the failed one with its error.",
        ),
    ),
)
