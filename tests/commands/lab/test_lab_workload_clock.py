"""Set-LabWorkload, Get-LabClock, Set-LabClock."""

from pshv.lab.base import GiB
from pshv.lab.enums import AccessPattern
from tests.commands.lab.lab_helpers import fails, fqid, ok, run_with_lab, values

WORKLOAD_LIST = """
VMName           : web01
ComputerName     : HV01
DirtyMBps        : 50
WorkingSetGB     : 2
Pattern          : Random
HotSetFraction   : 0.1
CompressionRatio : 2.5
DiskWriteMBps    : 5

"""


def test_set_labworkload_passthru_shows_the_workload():
    assert ok("Set-LabWorkload web01 -DirtyMBps 50 -WorkingSetGB 2 -Pattern Random -DiskWriteMBps 5 "
              "-Passthru").stdout == WORKLOAD_LIST


def test_set_labworkload_changes_the_vm_and_finds_vms_on_any_host():
    result, lab = run_with_lab("Set-LabWorkload dc01 -DirtyMBps 120 -Pattern hotspot -HotSetFraction 0.25; "
                               "Get-VM web01, sql01 | Set-LabWorkload -CompressionRatio 3 -WorkingSetGB 1.5")
    assert not result.errors
    dc01 = lab.vm("dc01").workload
    assert (dc01.dirty_rate_mb_per_s, dc01.access_pattern, dc01.hot_set_fraction) == (120, AccessPattern.Hotspot, 0.25)
    for name in ("web01", "sql01"):
        workload = lab.vm(name).workload
        assert (workload.compressibility, workload.writable_working_set_bytes) == (3.0, int(1.5 * GiB))


def test_set_labworkload_errors():
    record = fails("Set-LabWorkload dc01 -WorkingSetGB 8")
    assert (record.message, fqid(record)) == ("The working set of 'dc01' (8 GB) cannot exceed its memory (2 GB).",
                                              "InvalidWorkload,Pshv.Lab.Commands.SetLabWorkload")
    record = fails("Set-LabWorkload dc01 -ComputerName HV01 -DirtyMBps 1")
    assert (record.message, fqid(record)) == ('Hyper-V was unable to find a virtual machine with name "dc01".',
                                              "ObjectNotFound,Pshv.Lab.Commands.SetLabWorkload")
    assert fqid(fails("Set-LabWorkload web01 -Pattern Burst")) == (
        "ParameterArgumentValidationError,Pshv.Lab.Commands.SetLabWorkload")


def test_get_labclock_is_the_lab_time_as_get_date_shows_it():
    assert ok("Get-LabClock").stdout == ok("Get-Date").stdout
    assert values("(Get-LabClock).ToString()") == ["3/10/2025 9:00:00 AM"]
    assert values("(Get-LabClock) -eq (Get-Date)") == ["True"]


def test_set_labclock_moves_forward_by_timespan_seconds_or_to_a_date():
    assert values("Set-LabClock -Advance 00:10:00 -Passthru; Set-LabClock -Advance 30; (Get-Date).ToString(); "
                  "(Set-LabClock '3/11/2025 8:00' -Passthru).ToString()") == [
        "03/10/2025 09:10:00", "3/10/2025 9:10:30 AM", "3/11/2025 8:00:00 AM"]
    result = ok("Set-LabClock -Advance 60 -WhatIf; (Get-LabClock).ToString()")
    assert result.stdout == ('What if: Performing the operation "Advance the lab clock" on target '
                             '"3/10/2025 9:00:00 AM".\n3/10/2025 9:00:00 AM\n')


def test_set_labclock_never_goes_backwards():
    record = fails("Set-LabClock -Date '3/9/2025'")
    assert (record.message, fqid(record)) == (
        "The lab clock cannot go backwards: it is 3/10/2025 9:00:00 AM and -Date is 3/9/2025 12:00:00 AM.",
        "ClockCannotGoBackwards,Pshv.Lab.Commands.SetLabClock")
    assert fails("Set-LabClock -Advance -5").message == (
        "The lab clock cannot go backwards: it is 3/10/2025 9:00:00 AM and -Advance is -5.")
    assert fails("Set-LabClock -Advance soon").message == (
        "Cannot convert the value of -Advance to a TimeSpan or a number of seconds.")
