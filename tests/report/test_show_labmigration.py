"""Show-LabMigration: the text picture of a finished migration, pinned exactly."""

from __future__ import annotations

from pshv.migration.trace import MigrationTrace, PhaseRecord, RoundRecord
from pshv.report.model import migration_of
from pshv.report.terminal import bar, picture
from tests.conftest import ps

GIB = 1024**3
MOVE = "Enable-VMMigration -ComputerName HV01, HV02; Move-VM app01 HV02; "


def _trace() -> MigrationTrace:
    return MigrationTrace(
        "vm1", "Live", "HV01", "HV02", "TCPIP", Result="Completed", TotalSeconds=10.0, BlackoutSeconds=0.5,
        WireBytes=8 * GIB, EffectiveBandwidthBytesPerSec=800 * 1024**2,
        Rounds=[RoundRecord(0, 1000000, 4096000000, 6.0, 200000), RoundRecord(1, 200000, 819200000, 1.5, 50000),
                RoundRecord(2, 50000, 204800000, 0.4, 0, True)],
        Phases=[PhaseRecord("Setup", 0, 1), PhaseRecord("MemoryCopy", 1, 7.5), PhaseRecord("StopAndCopy", 8.5, 0.4),
                PhaseRecord("StorageHandover", 8.9, 0.05), PhaseRecord("Resume", 8.95, 0.05),
                PhaseRecord("NetworkCleanup", 9.0, 1.0)])


SYNTHETIC = """\
vm1: Live migration, HV01 → HV02, TCPIP — Completed

  Total time        10.000 s     Blackout           0.500 s
  On the wire        8.00 GB     Bandwidth      800.00 MB/s

Memory passes (bars scaled to the largest pass)
  Pass 0  ██████████████████████  1,000,000 pages   3.81 GB     6.000 s
  Pass 1  ████▍                     200,000 pages 781.25 MB     1.500 s
  Final   █▏                         50,000 pages 195.31 MB     0.400 s ◀ paused

Time line (10.000 s)
                    0 s              10.000 s        start     duration
  Setup             ██▌                            0.000 s      1.000 s
  Memory pre-copy     ██████████████████▊          1.000 s      7.500 s
  Stop-and-copy                          █         8.500 s      0.400 s ◀ paused
  Storage handover                        ▏        8.900 s      0.050 s ◀ paused
  Resume                                  ▏        8.950 s      0.050 s ◀ paused
  Network cleanup                         ██▌      9.000 s      1.000 s
  ◀ paused: the virtual machine did not run for 0.500 s (the blackout)."""

APP01 = """\
app01: Live migration, HV01 → HV02, Compression — Completed

  Total time         3.835 s     Blackout           0.073 s
  On the wire        3.05 GB     Bandwidth        1.59 GB/s

Memory passes (bars scaled to the largest pass)
  Pass 0  ██████████████████████  1,572,864 pages   6.00 GB     2.713 s
  Final   ▍                          24,413 pages  95.36 MB     0.043 s ◀ paused

Time line (3.835 s)
                    0 s               3.835 s        start     duration
  Setup             ██████▌                        0.000 s      1.000 s
  Memory pre-copy         █████████████████▋       1.000 s      2.713 s
  Stop-and-copy                             ▎      3.713 s      0.043 s ◀ paused
  Storage handover                          ▏      3.755 s      0.010 s ◀ paused
  Resume                                    ▏      3.765 s      0.020 s ◀ paused
  Network cleanup                           ▍      3.785 s      0.050 s
  ◀ paused: the virtual machine did not run for 0.073 s (the blackout).
"""


def test_bar_uses_eighths_and_shows_any_nonzero_value():
    assert bar(1.0, 4) == "████"
    assert bar(0.5, 3) == "█▌"
    assert bar(0.001, 10) == "▏"
    assert bar(0.0, 10) == ""


def test_picture_of_a_core_trace_is_pinned():
    assert "\n".join(picture(migration_of(_trace()), 80)) == SYNTHETIC


def test_every_line_fits_the_width():
    for width in (72, 80, 120):
        assert max(len(line) for line in picture(migration_of(_trace()), width)) <= width


def test_show_labmigration_of_a_real_move():
    result = ps(MOVE + "Show-LabMigration app01 -Width 80")
    assert result.stderr == ""
    assert result.stdout == APP01


def test_piped_traces_draw_one_picture_each_with_a_blank_line_between():
    result = ps(MOVE + "Move-VMStorage test01 -DestinationStoragePath E:\\VMs\\test01; "
                "Get-LabMigrationTrace | Show-LabMigration -Width 80")
    text = result.stdout
    assert text.startswith(APP01)
    rest = text[len(APP01):]
    assert rest.startswith("\ntest01: Storage migration, HV01 — Completed\n")
    assert "Memory passes" not in rest  # storage moves have no memory passes
    assert "  Storage copy      " in rest and "  Storage switch    " in rest


def test_output_is_strings_so_scripts_can_keep_it():
    result = ps(MOVE + "$lines = Show-LabMigration -Width 80; $lines.Count; $lines[0]")
    assert result.output[-2:] == [len(APP01.splitlines()), APP01.splitlines()[0]]


def test_failed_migration_shows_its_error_and_no_phases():
    result = ps("Move-VM app01 HV02 -ErrorAction SilentlyContinue; Show-LabMigration -Width 80")
    lines = result.stdout.splitlines()
    assert lines[0] == "app01: Live migration, HV01 → HV02, Compression — Failed"
    assert lines[-1] == "No phase ran: the migration stopped before it started moving anything."


def test_no_migration_yet():
    result = ps("Show-LabMigration")
    assert result.stderr.splitlines()[0] == "Show-LabMigration : No migration has run in the lab yet."
    assert result.errors[0].fully_qualified_error_id == "MigrationTraceNotFound,Pshv.Lab.Commands.ShowLabMigration"


def test_unknown_vm_name():
    result = ps(MOVE + "Show-LabMigration web99")
    assert result.stderr.splitlines()[0] == (
        "Show-LabMigration : No migration of a virtual machine named 'web99' has been traced in the lab.")


def test_input_that_is_not_a_trace():
    result = ps("Get-Date | Show-LabMigration")
    assert result.stderr.splitlines()[:2] == [
        "Show-LabMigration : The input object is not a migration trace. Pipe the output of Get-LabMigrationTrace to",
        "Show-LabMigration."]
    assert result.errors[0].fully_qualified_error_id == "InputNotMigrationTrace,Pshv.Lab.Commands.ShowLabMigration"


def test_width_below_the_minimum_is_refused():
    result = ps(MOVE + "Show-LabMigration -Width 40")
    assert result.stderr.splitlines()[:2] == [
        ("Show-LabMigration : Cannot validate argument on parameter 'Width'. The 40 argument is less than the minimum "
         "allowed"), "range of 72. Supply an argument that is greater than or equal to 72 and then try the command again."]
