"""What a lesson is made of. Lessons are data; the checks are small functions on what the
learner has done so far (`observe.Observation`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lab.model import Lab
    from .observe import Observation

Check = Callable[["Observation"], bool]
Explanation = str | Callable[["Observation"], str]


@dataclass(frozen=True)
class Step:
    task: str
    """What to do, in one or two sentences, naming the command to use."""
    hint: str
    """Shown once the learner has run two commands without completing the step."""
    solution: str
    """Commands that complete the step (replayed by Start-LabLesson -Step, run by the tests)."""
    check: Check
    explanation: Explanation
    """Printed after "What happened: " once the check passes; may read the observation."""


@dataclass(frozen=True)
class Lesson:
    name: str
    title: str
    summary: str
    """Printed when the last step passes."""
    steps: tuple[Step, ...]
    prepare: Callable[[Lab], None] = field(default=lambda lab: None)
    """Changes to the default lab that the lesson starts from."""
