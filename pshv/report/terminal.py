"""A finished migration drawn as text (Show-LabMigration): a header with the totals, one bar per
memory pass scaled to the largest, and a time line with one row per phase, each starting and
lasting in proportion to the whole migration. Block characters only, no colour, so the
picture reads the same in a console, a transcript or a file."""

from __future__ import annotations

import math
import textwrap

from . import units
from .model import Migration

MIN_WIDTH = 72
PAUSED = " ◀ paused"
_EIGHTHS = " ▏▎▍▌▋▊▉"
_THIN = "▏"


def bar(fraction: float, cells: int) -> str:
    """A bar `fraction` of `cells` long, in eighths of a cell; any non-zero value shows."""
    fraction = min(max(fraction, 0.0), 1.0)
    full, rest = divmod(round(fraction * cells * 8), 8)
    text = "█" * full + (_EIGHTHS[rest] if rest else "")
    if not text and fraction > 0:
        text = _THIN
    return text


def _row(label: str, label_width: int, body: str, cells: int, tail: str) -> str:
    return f"  {label:<{label_width}}{body:<{cells}}{tail}".rstrip()


def header(m: Migration, width: int) -> list[str]:
    title = f"{m.vm}: {m.kind_title}, {m.route}"
    if m.option:
        title += f", {m.option}"
    lines = [f"{title} — {m.result}", ""]
    lines.append(f"  {'Total time':<12}{units.seconds(m.total_seconds):>14}     "
                 f"{'Blackout':<12}{units.seconds(m.blackout_seconds):>14}")
    lines.append(f"  {'On the wire':<12}{units.size(m.wire_bytes):>14}     "
                 f"{'Bandwidth':<12}{units.rate(m.bandwidth):>14}")
    if m.error and m.result != "Completed":
        lines.append("")
        for paragraph in str(m.error).splitlines():
            lines.extend(textwrap.wrap(paragraph, width - 4, initial_indent="  ", subsequent_indent="    "))
    return lines


def passes(m: Migration, width: int) -> list[str]:
    if not m.passes:
        return []
    label_width = 8
    cells = width - 2 - label_width - 39 - len(PAUSED)
    largest = max(p.bytes for p in m.passes) or 1
    lines = ["Memory passes (bars scaled to the largest pass)"]
    for p in m.passes:
        label = "Final" if p.stop_and_copy else f"Pass {p.number}"
        numbers = f"{units.count(p.pages):>11} pages {units.size(p.bytes):>9} {units.seconds(p.seconds):>11}"
        tail = numbers + (PAUSED if p.stop_and_copy else "")
        lines.append(_row(label, label_width, bar(p.bytes / largest, cells), cells, tail))
    return lines


def timeline(m: Migration, width: int) -> list[str]:
    if not m.phases:
        return ["No phase ran: the migration stopped before it started moving anything."]
    label_width = 18
    cells = width - 2 - label_width - 26 - len(PAUSED)
    total = max(m.total_seconds, max(ph.start + ph.seconds for ph in m.phases)) or 1.0
    end = units.seconds(total)
    scale = "0 s" + " " * max(cells - 3 - len(end), 1) + end
    lines = [f"Time line ({units.seconds(total)})",
             _row("", label_width, scale, cells, f" {'start':>12} {'duration':>12}")]
    for ph in m.phases:
        offset = min(math.floor(ph.start / total * cells), cells - 1)
        drawn = bar(ph.seconds / total, cells)[: cells - offset] or _THIN
        tail = f" {ph.start:>10.3f} s {ph.seconds:>10.3f} s" + (PAUSED if ph.paused else "")
        lines.append(_row(ph.title, label_width, " " * offset + drawn, cells, tail))
    if m.blackout_seconds > 0:
        lines.append(f"  ◀ paused: the virtual machine did not run for {units.seconds(m.blackout_seconds)} "
                     "(the blackout).")
    return lines


def picture(m: Migration, width: int = 100) -> list[str]:
    """The whole picture of one migration, as lines of at most `width` characters."""
    width = max(width, MIN_WIDTH)
    lines = header(m, width)
    for section in (passes(m, width), timeline(m, width)):
        if section:
            lines += [""] + section
    return lines
