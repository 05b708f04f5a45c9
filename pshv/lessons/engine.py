"""Runs one lesson in a shell.

`start` resets the lab to the lesson's starting state, prints the lesson and its first task,
and registers `after_command` as `ctx.services['after_command']`; the REPL calls that after
every command it runs (scripts and `pshv -c` never do). `after_command` checks the current
step: when it passes, the engine prints what happened and the next task, and after the last
step a summary. `stop` unregisters it.
"""

from __future__ import annotations

import textwrap

from . import observed
from .model import Lesson, Step
from .observe import Observation, trace_count

SERVICE = "lesson"
HOOK = "after_command"
HINT_AFTER = 2
"""Commands run without completing a step before its hint is shown."""


def current(ctx) -> LessonEngine | None:
    engine = ctx.services.get(SERVICE)
    return engine if isinstance(engine, LessonEngine) else None


class LessonEngine:
    def __init__(self, ctx, lesson: Lesson) -> None:
        self.ctx = ctx
        self.lesson = lesson
        self.index = 0
        self.misses = 0
        self.observation = Observation(ctx, 0)
        self._skip_next = False

    # ---- life cycle -----------------------------------------------------------------------
    def start(self, step: int = 1) -> None:
        """Reset the lab for the lesson, replay the solutions of the steps before `step`, print
        the first task and start checking after each command."""
        from ..commands.lab.files import replace_lab
        from ..lab.default import default_lab

        previous = current(self.ctx)
        if previous is not None:
            previous.stop(quiet=True)
        lab = default_lab()
        self.lesson.prepare(lab)
        replace_lab(self.ctx, lab)
        for earlier in self.lesson.steps[: step - 1]:
            self._replay(earlier)
        self.ctx.services[SERVICE] = self
        self.ctx.services[HOOK] = self.after_command
        lesson = self.lesson
        count = len(lesson.steps)
        self._say(f"Lesson {lesson.name}: {lesson.title} ({count} step{'s' if count != 1 else ''})")
        self._say("The lab is back at this lesson's starting point."
                  + (f" Steps 1 to {step - 1} have been done for you." if step > 1 else ""))
        self._begin_step(step - 1)
        self._skip_next = True  # the command that started the lesson is not an attempt

    def stop(self, *, quiet: bool = False) -> None:
        if current(self.ctx) is self:
            self.ctx.services.pop(SERVICE, None)
            if self.ctx.services.get(HOOK) == self.after_command:
                self.ctx.services.pop(HOOK, None)
        if not quiet:
            self._say(f"Lesson {self.lesson.name} stopped at step {self.index + 1} of {len(self.lesson.steps)}. "
                      f"Start-LabLesson {self.lesson.name} -Step {self.index + 1} picks it up again.")

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    # ---- the hook ---------------------------------------------------------------------------
    def after_command(self, ctx=None) -> None:
        """Check the current step; on success explain it and go on (several steps may pass)."""
        if self._skip_next:
            self._skip_next = False
            return
        passed = False
        while current(self.ctx) is self and self._passes():
            passed = True
            self._complete_step()
        if not passed and current(self.ctx) is self:
            self.misses += 1
            if self.misses == HINT_AFTER:
                self._say(f"Hint: {self.step.hint}")
                self._say("")

    def _passes(self) -> bool:
        try:
            return bool(self.step.check(self.observation))
        except Exception:  # noqa: BLE001 - a check reading a half-built state just says "not yet"
            return False

    def _complete_step(self) -> None:
        step, count = self.step, len(self.lesson.steps)
        explanation = step.explanation(self.observation) if callable(step.explanation) else step.explanation
        self._say(f"✔ Step {self.index + 1} of {count} done.")
        self._say(f"What happened: {explanation}")
        if self.index + 1 < count:
            self._begin_step(self.index + 1)
        else:
            self._finish()

    def _begin_step(self, index: int) -> None:
        self.index = index
        self.misses = 0
        self.observation = Observation(self.ctx, trace_count(self.ctx))
        observed.forget(self.ctx)
        self._say("")
        self._say(f"Step {index + 1} of {len(self.lesson.steps)}: {self.step.task}")
        self._say("")

    def _finish(self) -> None:
        lesson = self.lesson
        self.stop(quiet=True)
        self._say("")
        self._say(f"Lesson complete: {lesson.title}. Well done!")
        for number, step in enumerate(lesson.steps, 1):
            self._say(f"  ✔ {number}. {step.task}", indent="       ")
        self._say(f"In short: {lesson.summary}")
        self._say("Get-LabLesson lists the other lessons.")
        self._say("")

    # ---- helpers ----------------------------------------------------------------------------
    def _replay(self, step: Step) -> None:
        """Run a step's solution with its output, errors and pictures out of sight."""
        from ..runtime import errors as E
        from ..runtime.compiler import Code, Compiler
        from ..runtime.functions import ScriptBlockValue, compile_scriptblock
        from ..runtime.host import CaptureHost
        from ..syntax import parse

        ctx = self.ctx
        code = Code(step.solution)
        block = ScriptBlockValue(compile_scriptblock(Compiler(code), parse(step.solution)), ctx)
        saved = ctx.host
        ctx.host = CaptureHost(saved.width)
        try:
            ctx.call(block, [], new_scope=False)
        except E.PSException:
            pass  # a solution that fails leaves the lab as it is; the step's task says what to do
        finally:
            ctx.host = saved
        observed.forget(self.ctx)

    def _say(self, text: str, indent: str = "") -> None:
        width = max(min(self.ctx.host.width - 1, 100), 40)
        lines = textwrap.wrap(text, width, subsequent_indent=indent or "  ", break_on_hyphens=False) or [""]
        self.ctx.host.write("".join(line + "\n" for line in lines))
