"""The lesson engine and its cmdlets: listing, starting at a step, hints, stopping, resets,
and the hook staying out of scripts."""

from __future__ import annotations

import pshv
from pshv.repl.basic import run_command, run_repl
from pshv.runtime.host import CaptureHost
from pshv.shell import create_session
from tests.conftest import ps


def _session():
    host = CaptureHost(120)
    return create_session(host), host


def test_get_lablesson_lists_the_lessons():
    assert ps("Get-LabLesson").stdout == """
Name                Title                                    Steps
----                -----                                    -----
enable-migration    Enabling live migration                      4
shared-nothing      A shared-nothing live migration              3
storage-migration   Moving a virtual machine's storage           3
performance-options Performance options compared                 4
limits-and-queueing Limits on simultaneous migrations            3
compare-and-fix     Compare-VM and fixing an incompatibility     3
failure-rollback    A failure and its rollback                   3

"""


def test_get_lablesson_by_name_and_unknown_name():
    result = ps("Get-LabLesson *fail*, nothing")
    assert [o.get("Name") for o in result.output] == ["failure-rollback"]
    assert result.stderr.splitlines()[0] == (
        "Get-LabLesson : There is no lesson named 'nothing'. Get-LabLesson lists the lessons.")


def test_start_resets_the_lab():
    session, _ = _session()
    run_command(session, "Enable-VMMigration -ComputerName HV01, HV02; Move-VM app01 HV02")
    run_command(session, "Start-LabLesson shared-nothing")
    lab = session.ctx.services["lab"].lab
    assert lab.host("HV01").vm("app01") is not None  # back where the default lab has it
    assert lab.host("HV01").migration.enabled  # the lesson's own starting point


def test_start_at_a_step_replays_the_earlier_steps_quietly():
    session, host = _session()
    run_command(session, "Start-LabLesson enable-migration -Step 3")
    assert host.out_text == (
        "Lesson enable-migration: Enabling live migration (4 steps)\n"
        "The lab is back at this lesson's starting point. Steps 1 to 2 have been done for you.\n"
        "\n"
        "Step 3 of 4: Move app01 to HV02 again: Move-VM app01 HV02\n"
        "\n")
    assert host.err_text == ""
    assert session.ctx.services["lab"].lab.host("HV02").migration.enabled


def test_hint_after_two_commands_that_do_not_complete_the_step():
    session, host = _session()
    run_command(session, "Start-LabLesson enable-migration -Step 2")
    run_command(session, "$x = 1")
    host.stdout.clear()
    run_command(session, "$x = 2")
    assert host.out_text == "Hint: Enable-VMMigration takes several hosts at once with -ComputerName HV01, HV02.\n\n"
    host.stdout.clear()
    run_command(session, "$x = 3")
    assert host.out_text == ""  # once per step


def test_stop_lablesson():
    session, host = _session()
    run_command(session, "Start-LabLesson storage-migration")
    host.stdout.clear()
    run_command(session, "Stop-LabLesson")
    assert host.out_text == ("Lesson storage-migration stopped at step 1 of 3. Start-LabLesson storage-migration "
                             "-Step 1 picks it\n  up again.\n")
    assert "after_command" not in session.ctx.services
    run_command(session, "Move-VMStorage web01 -DestinationStoragePath E:\\VMs\\web01")
    assert "Step" not in host.out_text.split("up again.\n", 1)[1]


def test_stop_without_a_lesson():
    result = ps("Stop-LabLesson")
    assert result.stderr.splitlines()[0] == "Stop-LabLesson : No lesson is running. Start one with Start-LabLesson."
    assert result.errors[0].fully_qualified_error_id == "NoLessonRunning,Pshv.Lab.Commands.StopLabLesson"


def test_step_out_of_range_and_unknown_lesson():
    result = ps("Start-LabLesson compare-and-fix -Step 4")
    assert result.stderr.splitlines()[0] == (
        "Start-LabLesson : Lesson 'compare-and-fix' has 3 steps; -Step must be between 1 and 3.")
    result = ps("Start-LabLesson nope")
    assert result.errors[0].fully_qualified_error_id == "ParameterArgumentValidationError,Pshv.Lab.Commands.StartLabLesson"


def test_whatif_leaves_the_lab_alone():
    result = ps("Enable-VMMigration -ComputerName HV01; Start-LabLesson enable-migration -WhatIf; "
                "(Get-VMHost).VirtualMachineMigrationEnabled")
    assert result.stdout == ('What if: Performing the operation "Reset the lab and start the lesson" on target '
                             '"enable-migration".\nTrue\n')


def test_scripts_never_check_steps():
    result = pshv.run("Start-LabLesson enable-migration\nMove-VM app01 HV02 -ErrorAction SilentlyContinue")
    assert "Step 1 of 4 done" not in result.stdout


def test_plain_repl_checks_after_each_input():
    import io

    session, host = _session()
    stdin = io.StringIO("Start-LabLesson enable-migration -Step 2\nEnable-VMMigration -ComputerName HV01, HV02\n"
                        "exit\n")
    run_repl(session, logo=False, stdin=stdin, stdout=io.StringIO())
    assert "✔ Step 2 of 4 done." in host.out_text
