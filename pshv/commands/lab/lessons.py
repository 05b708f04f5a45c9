"""Get-LabLesson, Start-LabLesson, Stop-LabLesson: the guided lessons (pshv.lessons).

Start-LabLesson resets the lab for the lesson and prints its first task; in the interactive
shell each command the learner runs is then checked against the current step.
"""

from __future__ import annotations

from ...lessons.catalog import LESSONS, find
from ...runtime import errors as E
from ...runtime.cmdlet import Cmdlet
from ...runtime.formatting import Column, register_table_view
from ...runtime.objects import PSObject
from ...runtime.params import ValidateRange, ValidateSet, cmdlet, p
from .labcmdlet import LAB_COMMANDS

LESSON_TYPE = "Pshv.Lab.Lesson"
_VIEWS = []


def _register_view() -> None:
    if not _VIEWS:
        _VIEWS.append(LESSON_TYPE)
        register_table_view(LESSON_TYPE, ["Name", "Title", Column("Steps", lambda o: o.get("Steps"), alignment="right")])


class GetLabLesson(Cmdlet):
    spec = cmdlet("Get-LabLesson", [
        p("Name", "System.String[]", position=0),
    ])
    dotnet_class = f"{LAB_COMMANDS}.GetLabLesson"

    def end(self) -> None:
        from ..hyperv.common import name_matches

        _register_view()
        patterns = self.params.get("Name") or ["*"]
        for pattern in patterns:
            if not any(name_matches(lesson.name, pattern) for lesson in LESSONS) and "*" not in pattern:
                self.error(E.ItemNotFoundException(
                    f"There is no lesson named '{pattern}'. Get-LabLesson lists the lessons.",
                    error_id="LessonNotFound", category="ObjectNotFound", target=pattern))
        for lesson in LESSONS:
            if any(name_matches(lesson.name, pattern) for pattern in patterns):
                self.write(PSObject([("Name", lesson.name), ("Title", lesson.title), ("Steps", len(lesson.steps))],
                                    type_names=[LESSON_TYPE, "System.Management.Automation.PSCustomObject",
                                                "System.Object"]))


class StartLabLesson(Cmdlet):
    spec = cmdlet("Start-LabLesson", [
        p("Name", "System.String", position=0, mandatory=True,
          validate=[ValidateSet(*(lesson.name for lesson in LESSONS))]),
        p("Step", "System.Int32", validate=[ValidateRange(1, 2147483647)]),
    ], should_process=True)
    dotnet_class = f"{LAB_COMMANDS}.StartLabLesson"

    def process(self) -> None:
        from ...lessons.engine import LessonEngine

        lesson = find(self.params["Name"])
        step = self.params.get("Step") or 1
        if step > len(lesson.steps):
            raise self.fail(E.PSArgumentException(
                f"Lesson '{lesson.name}' has {len(lesson.steps)} steps; -Step must be between 1 and "
                f"{len(lesson.steps)}.", error_id="StepOutOfRange", category="InvalidArgument", target=step))
        if self.should_process(lesson.name, "Reset the lab and start the lesson"):
            LessonEngine(self.ctx, lesson).start(step)


class StopLabLesson(Cmdlet):
    spec = cmdlet("Stop-LabLesson", [])
    dotnet_class = f"{LAB_COMMANDS}.StopLabLesson"

    def process(self) -> None:
        from ...lessons.engine import current

        engine = current(self.ctx)
        if engine is None:
            raise self.fail(E.InvalidOperationException("No lesson is running. Start one with Start-LabLesson.",
                                                        error_id="NoLessonRunning", category="InvalidOperation"))
        engine.stop()
