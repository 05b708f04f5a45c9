"""Write-Progress as the Windows PowerShell 5.1 console host draws it: a block with a blank line
above and below, then for each activity its name, its status, a `[ooooo     ]` bar, the time
remaining and the current operation, children indented under their parent.

`render` is pure; `ProgressPane` keeps the live activities and draws the block in place, just
below the command's output, erasing it before more output arrives and when the command ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.output import Output
from prompt_toolkit.shortcuts import print_formatted_text

from .colors import PROGRESS_STYLE

REDRAW_INTERVAL = 0.1  # seconds between redraws of a changing block


@dataclass
class Activity:
    """The fields of a ProgressRecord that drawing needs."""

    id: int
    parent: int
    activity: str
    status: str
    percent: int
    seconds: int
    operation: str


def activity_of(record: object) -> tuple[Activity, bool]:
    """The record's activity and whether the record completes it."""
    from ..runtime.members import get_member

    def field(name: str, default: object) -> object:
        value = get_member(None, record, name)
        return default if value is None else value

    activity = Activity(int(field("ActivityId", 0)), int(field("ParentActivityId", -1)),
                        str(field("Activity", "")), str(field("StatusDescription", "")),
                        int(field("PercentComplete", -1)), int(field("SecondsRemaining", -1)),
                        str(field("CurrentOperation", "")))
    return activity, str(field("RecordType", "Processing")) == "Completed"


def render(activities: list[Activity], width: int) -> list[str]:
    """The block's lines, each exactly `width` cells; no lines when nothing is in progress."""
    if not activities:
        return []
    lines: list[str] = []
    ids = {activity.id for activity in activities}
    roots = [activity for activity in activities if activity.parent not in ids]
    for root in roots:
        _render_tree(root, activities, 0, width, lines)
    blank = " " * width
    return [blank, *(line[:width].ljust(width) for line in lines), blank]


def _render_tree(node: Activity, activities: list[Activity], indentation: int, width: int, lines: list[str]) -> None:
    _render_full(node, indentation, width, lines)
    for child in activities:
        if child.parent == node.id and child is not node:
            _render_tree(child, activities, indentation + 2, width, lines)


def _render_full(node: Activity, indentation: int, width: int, lines: list[str]) -> None:
    lines.append(f" {' ' * indentation}{node.activity} ")
    indent = " " * (indentation + 3)
    lines.append(f" {indent}{node.status} ")
    if node.percent >= 0:
        thermo = max(3, width - len(indent) - 9)
        mercury = min(node.percent, 100) * thermo // 100
        if node.percent < 100 and mercury == thermo:
            mercury -= 1
        lines.append(f" {indent}[{'o' * mercury}{' ' * (thermo - mercury)}] ")
    if node.seconds >= 0:
        lines.append(f" {indent}{_span(node.seconds)} remaining. ")
    if node.operation:
        lines.append(" ")
        lines.append(f" {indent}{node.operation} ")


def _span(seconds: int) -> str:
    span = timedelta(seconds=seconds)
    hours, rest = divmod(span.seconds, 3600)
    text = f"{hours:02}:{rest // 60:02}:{rest % 60:02}"
    return f"{span.days}.{text}" if span.days else text


class ProgressPane:
    """The live activities and the block drawn for them on `output`."""

    def __init__(self, output: Output, width: Callable[[], int], can_draw: Callable[[], bool]) -> None:
        self.output = output
        self.width = width
        self.can_draw = can_draw
        self.activities: dict[int, Activity] = {}
        self.drawn = 0  # lines of the block on screen, just above the cursor
        self.drawn_at = 0.0

    def update(self, record: object) -> None:
        activity, completed = activity_of(record)
        known = activity.id in self.activities
        if completed:
            self._forget(activity.id)
        else:
            self.activities[activity.id] = activity
        if completed or not known or time.monotonic() - self.drawn_at >= REDRAW_INTERVAL:
            self.hide()
            self.show()

    def _forget(self, activity_id: int) -> None:
        self.activities.pop(activity_id, None)
        for child in [a.id for a in self.activities.values() if a.parent == activity_id]:
            self._forget(child)

    def show(self) -> None:
        """Draw the block below the cursor, leaving the cursor under it."""
        if self.drawn or not self.activities or not self.can_draw():
            return
        lines = render(list(self.activities.values()), max(10, self.width() - 1))
        fragments = [piece for line in lines for piece in ((PROGRESS_STYLE, line), ("", "\n"))]
        print_formatted_text(FormattedText(fragments), output=self.output, end="")
        self.drawn = len(lines)
        self.drawn_at = time.monotonic()

    def hide(self) -> None:
        """Erase the block, putting the cursor back where it was drawn."""
        if not self.drawn:
            return
        self.output.cursor_up(self.drawn)
        self.output.write_raw("\r")
        self.output.erase_down()
        self.output.flush()
        self.drawn = 0

    def clear(self) -> None:
        """The command ended: forget every activity and erase the block."""
        self.activities.clear()
        self.hide()
