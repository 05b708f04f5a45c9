"""Set-LabFault, Get-LabFault, Clear-LabFault: the schedule, its states, and its effect on Move-VM."""

import pytest

from tests.commands.lab.lab_helpers import fails, fqid, ok, values
from tests.conftest import ps

SCHEDULE = """
Id Kind        Target        VMName At                    Phase       Duration State
-- ----        ------        ------ --                    -----       -------- -----
 1 NetworkDown HV01 <-> HV02        3/10/2025 9:00:30 AM              00:01:00 Armed
 2 HostFailure HV02                                       MemoryCopy           Armed
 3 VolumeFull  HV02 D:              3/10/2025 10:00:00 AM                      Armed
 4 VolumeFull  FS01 D:              3/10/2025 9:00:00 AM                       Active
 5 Cancel      sql01         sql01                        StopAndCopy          Armed

"""

ARM_ALL = ("Set-LabFault NetworkDown -ComputerName HV01, hv02 -At 30 -Duration 60; "
           "Set-LabFault HostFailure HV02 -Phase memorycopy; "
           "Set-LabFault VolumeFull -Target 'HV02 D:' -At ([datetime]'3/10/2025 10:00'); "
           "Set-LabFault VolumeFull -Target \\\\FS01\\VMs\\app01; "
           "Set-LabFault Cancel -VMName SQL01 -Phase StopAndCopy; ")


def test_get_labfault_lists_the_schedule():
    assert ok(ARM_ALL + "Get-LabFault").stdout == SCHEDULE


def test_fault_states_follow_the_clock_and_clearing():
    text = (ARM_ALL + "Set-LabClock -Advance 45; Get-LabFault | ForEach-Object { '{0} {1} {2}' -f $_.Id, $_.State, "
            "$_.FiredAt }; Set-LabClock -Advance 60; (Get-LabFault 1).State; "
            "Clear-LabFault 3, 4 -Passthru | ForEach-Object State; Get-LabFault -Kind Cancel | Clear-LabFault; "
            "(Get-LabFault).Id; Clear-LabFault; @(Get-LabFault).Count")
    assert values(text) == [
        "1 Active 3/10/2025 9:00:30 AM", "2 Armed ", "3 Armed ", "4 Active 3/10/2025 9:00:00 AM", "5 Armed ",
        "Fired", "Cleared", "Cleared", "1", "2", "0"]


def test_set_labfault_whatif_arms_nothing():
    assert ok("Set-LabFault HostFailure HV03 -WhatIf; @(Get-LabFault).Count").stdout == (
        'What if: Performing the operation "Schedule fault HostFailure" on target "HV03".\n0\n')


FAULT_ERRORS = [
    ("Set-LabFault HostFailure", "A HostFailure fault needs one host (-ComputerName or -Target).",
     "InvalidFaultTarget"),
    ("Set-LabFault NetworkDown HV01, HV02, HV03",
     "A NetworkDown fault needs one host, or the two hosts of a link (-ComputerName or -Target).",
     "InvalidFaultTarget"),
    ("Set-LabFault NetworkDown HV09", "The lab has no host named 'HV09'.", "HostNotFound"),
    ("Set-LabFault VolumeFull -Target Q:", "The lab has no volume 'Q:' on HV01.", "VolumeNotFound"),
    ("Set-LabFault HostFailure HV02 -Duration 10",
     "-Duration applies to NetworkDown faults only; the other faults last until Clear-LabFault.",
     "InvalidFaultDuration"),
    ("Set-LabFault NetworkDown HV02 -Duration 0", "-Duration must be longer than zero.", "InvalidFaultDuration"),
    ("Set-LabFault Cancel -VMName nope", 'Hyper-V was unable to find a virtual machine with name "nope".',
     "ObjectNotFound"),
    ("Set-LabFault NetworkDown HV02 -At -5", "-At is in the past: the lab clock is at 3/10/2025 9:00:00 AM.",
     "FaultInThePast"),
    ("Set-LabFault NetworkDown HV02 -VMName web01",
     "-VMName chooses whose migration a -Phase fault waits for; a fault at a time hits every migration.",
     "InvalidFaultTarget"),
    ("Clear-LabFault 7", "The lab has no scheduled fault with id 7.", "FaultNotFound"),
]


@pytest.mark.parametrize("text,message,error_id", FAULT_ERRORS)
def test_fault_errors(text, message, error_id):
    record = fails(text)
    cmdlet = text.split()[0].replace("-", "")
    assert (record.message, fqid(record)) == (message, f"{error_id},Pshv.Lab.Commands.{cmdlet}")


def test_at_and_phase_are_separate_parameter_sets():
    assert fqid(fails("Set-LabFault NetworkDown HV02 -At 5 -Phase Setup")) == (
        "AmbiguousParameterSet,Pshv.Lab.Commands.SetLabFault")


def test_a_network_fault_fails_a_live_migration_until_cleared():
    text = ("Enable-VMMigration -ComputerName HV01, HV02; "
            "Set-LabFault NetworkDown -ComputerName HV01, HV02 -Phase MemoryCopy; "
            "try { Move-VM app01 HV02 -ErrorAction Stop } catch { $_.Exception.Message.Split([char]10)[1] }; "
            "(Get-LabFault).State; Get-LabFault | Clear-LabFault; Move-VM app01 HV02; "
            "(Get-VM app01 -ComputerName HV02).ComputerName")
    result = ps(text)
    assert len(result.errors) == 1  # the caught one, in $Error
    assert [str(v) for v in result.output] == [
        ("Failed to send data for a Virtual Machine migration: An existing connection was forcibly closed by the "
         "remote host. (0x80072746)"), "Active", "HV02"]


def test_a_full_volume_fails_a_storage_move_until_cleared():
    text = ("Set-LabFault VolumeFull -Target E:\\; "
            "Move-VMStorage test01 -DestinationStoragePath E:\\VMs\\test01 -ErrorAction SilentlyContinue; "
            "(Get-VM test01).Path; Clear-LabFault -Kind VolumeFull; "
            "Move-VMStorage test01 -DestinationStoragePath E:\\VMs\\test01; (Get-VM test01).Path")
    result = ps(text)
    assert len(result.errors) == 1 and "not enough space" in result.errors[0].message
    assert [str(v) for v in result.output] == ["D:\\Hyper-V\\test01", "E:\\VMs\\test01"]


def test_clearing_a_host_failure_brings_the_host_and_its_cluster_node_back():
    from pshv.lab.enums import ClusterNodeState, HostState
    from tests.commands.lab.lab_helpers import run_with_lab

    result, lab = run_with_lab("Set-LabFault HostFailure HVC02; (Get-LabFault).State")
    assert result.output == ["Active"]
    assert (lab.host("HVC02").state, lab.clusters[0].node("HVC02").state) == (HostState.Down, ClusterNodeState.Down)
    result, lab = run_with_lab("Set-LabFault HostFailure HVC02; Set-LabFault HostFailure HVC02 -Passthru | "
                               "Clear-LabFault; (Get-LabFault).State; Clear-LabFault; @(Get-LabFault).Count")
    assert result.output == ["Active", 0]
    assert (lab.host("HVC02").state, lab.clusters[0].node("HVC02").state) == (HostState.Up, ClusterNodeState.Up)
