"""Every lesson, in the order Get-LabLesson lists them."""

from __future__ import annotations

from .deeper import COMPARE, FAILURE, LIMITS, PERFORMANCE
from .first_moves import ENABLE, SHARED_NOTHING, STORAGE
from .model import Lesson

LESSONS: tuple[Lesson, ...] = (ENABLE, SHARED_NOTHING, STORAGE, PERFORMANCE, LIMITS, COMPARE, FAILURE)


def find(name: str) -> Lesson | None:
    return next((lesson for lesson in LESSONS if lesson.name.casefold() == name.casefold()), None)
