"""Every lesson completed end to end: the learner's commands fed through a session, with the
after-command hook called the way the REPL calls it (pshv.repl.basic.run_command)."""

from __future__ import annotations

import pytest

from pshv.lessons.catalog import LESSONS, find
from pshv.repl.basic import run_command
from pshv.runtime.host import CaptureHost
from pshv.shell import create_session


class Learner:
    def __init__(self) -> None:
        self.host = CaptureHost(120)
        self.session = create_session(self.host)

    def type(self, text: str) -> str:
        """Run one input as the REPL does; returns what it printed."""
        self.host.stdout.clear()
        run_command(self.session, text)
        return self.host.out_text


def _jobs_available() -> bool:
    learner = Learner()
    learner.type("Enable-VMMigration -ComputerName HV01, HV02; Move-VM app01 HV02 -AsJob")
    return "background jobs are not available" not in learner.host.err_text


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.name for lesson in LESSONS])
def test_lesson_completes_step_by_step(lesson):
    if lesson.name == "limits-and-queueing" and not _jobs_available():
        pytest.skip("Move-VM -AsJob is not available (no jobs service)")
    learner = Learner()
    count = len(lesson.steps)
    opening = learner.type(f"Start-LabLesson {lesson.name}")
    assert opening.startswith(f"Lesson {lesson.name}: {lesson.title} ({count} steps)\n")
    assert f"Step 1 of {count}: " in opening
    for number, step in enumerate(lesson.steps, 1):
        printed = learner.type(step.solution)
        assert f"✔ Step {number} of {count} done.\nWhat happened: " in printed, printed
        if number < count:
            assert f"Step {number + 1} of {count}: " in printed
    assert f"Lesson complete: {lesson.title}. Well done!" in printed
    assert "In short: " in printed
    assert learner.session.ctx.services.get("after_command") is None  # the lesson ended


def test_first_lesson_prints_exactly():
    learner = Learner()
    assert learner.type("Start-LabLesson enable-migration") == (
        "Lesson enable-migration: Enabling live migration (4 steps)\n"
        "The lab is back at this lesson's starting point.\n"
        "\n"
        "Step 1 of 4: Try to live-migrate app01 from HV01 to HV02 as the lab starts: Move-VM app01 HV02\n"
        "\n")
    printed = learner.type("Move-VM app01 HV02 -ErrorAction SilentlyContinue")
    assert printed == (
        "✔ Step 1 of 4 done.\n"
        "What happened: Move-VM refused: live migration is disabled on every standalone host after Hyper-V is\n"
        "  installed, and both the source and the destination must allow it. Get-VMHost shows it as\n"
        "  VirtualMachineMigrationEnabled = False.\n"
        "\n"
        "Step 2 of 4: Enable live migration on HV01 and HV02: Enable-VMMigration -ComputerName HV01, HV02\n"
        "\n")


def test_explanations_read_the_learners_own_numbers():
    learner = Learner()
    learner.type("Start-LabLesson performance-options -Step 4")
    printed = learner.type(find("performance-options").steps[-1].solution)
    assert "What happened: TCPIP 6.660 s with 6.17 GB on the wire; Compression 3.835 s with 3.05 GB on the" in printed


def test_every_lesson_has_the_parts_of_a_step():
    assert len(LESSONS) >= 7
    for lesson in LESSONS:
        for step in lesson.steps:
            assert step.task and step.hint and step.solution and step.check and step.explanation
