"""The report's inline SVG charts: a migration's memory passes, its phase time line, and the
comparison of several migrations (total time, blackout, bytes on the wire)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from . import units
from .model import Migration

PHASE_COLOURS = {
    "StorageCopy": "#5b84d6",
    "StorageSwitch": "#2f4f99",
    "Setup": "#9aa5b1",
    "MemoryCopy": "#3c9d5d",
    "StopAndCopy": "#d64545",
    "StorageHandover": "#d64545",
    "Resume": "#d64545",
    "NetworkCleanup": "#e0a030",
    "CopyState": "#8a63d2",
}
PASS_COLOUR = "#3c9d5d"
PAUSED_COLOUR = "#d64545"
METRIC_COLOURS = ("#5b84d6", "#d64545", "#e0a030")
ROW = 22
LABEL = 120
VALUE = 240


def _text(x: float, y: float, text: str, *, anchor: str = "start", cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}>{escape(text)}</text>'


def _rect(x: float, y: float, width: float, height: float, colour: str, title: str) -> str:
    """A bar; any non-zero width shows as at least 2 pixels."""
    width = max(width, 2.0) if width > 0 else 0.0
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{height:.1f}" '
            f'fill="{colour}" rx="2"><title>{escape(title)}</title></rect>')


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
            + "".join(body) + "</svg>")


def passes_chart(m: Migration, width: int = 560) -> str:
    """One bar per memory pass, scaled to the largest; the stop-and-copy pass in red."""
    bar_width = width - LABEL - VALUE
    largest = max((p.bytes for p in m.passes), default=0) or 1
    body = []
    for row, p in enumerate(m.passes):
        y = row * ROW + 4
        name = "Final (paused)" if p.stop_and_copy else f"Pass {p.number}"
        detail = f"{units.count(p.pages)} pages, {units.size(p.bytes)}, {units.seconds(p.seconds)}"
        colour = PAUSED_COLOUR if p.stop_and_copy else PASS_COLOUR
        body.append(_text(0, y + 13, name))
        body.append(_rect(LABEL, y, bar_width * p.bytes / largest, ROW - 6, colour, f"{name}: {detail}"))
        body.append(_text(width, y + 13, detail, anchor="end", cls="num"))
    return _svg(width, len(m.passes) * ROW + 6, f"Memory passes of {m.vm}", body)


def timeline_chart(m: Migration, width: int = 560) -> str:
    """A Gantt chart of the phases, in proportion to the whole migration; paused phases in red."""
    total = max([m.total_seconds] + [ph.start + ph.seconds for ph in m.phases]) or 1.0
    bar_width = width - LABEL - VALUE
    body = []
    for row, ph in enumerate(m.phases):
        y = row * ROW + 4
        x = LABEL + bar_width * ph.start / total
        detail = f"from {units.seconds(ph.start)} for {units.seconds(ph.seconds)}"
        body.append(_text(0, y + 13, ph.title))
        body.append(_rect(x, y, max(bar_width * ph.seconds / total, 2.0), ROW - 6,
                          PHASE_COLOURS.get(ph.name, "#777777"), f"{ph.title}: {detail}"))
        body.append(_text(width, y + 13, detail + (" (paused)" if ph.paused else ""), anchor="end", cls="num"))
    axis_y = len(m.phases) * ROW + 6
    body.append(f'<line x1="{LABEL}" y1="{axis_y}" x2="{LABEL + bar_width}" y2="{axis_y}" class="axis"/>')
    body.append(_text(LABEL, axis_y + 14, "0 s", cls="num"))
    body.append(_text(LABEL + bar_width, axis_y + 14, units.seconds(total), anchor="end", cls="num"))
    return _svg(width, axis_y + 20, f"Time line of {m.vm}", body)


METRICS: tuple[tuple[str, Callable[[Migration], float], Callable[[float], str]], ...] = (
    ("Total time", lambda m: m.total_seconds, units.seconds),
    ("Blackout", lambda m: m.blackout_seconds, units.seconds),
    ("On the wire", lambda m: m.wire_bytes, units.size),
)


def comparison_chart(migrations: list[Migration], labels: list[str], width: int = 1180) -> str:
    """Three bar groups side by side (total time, blackout, wire bytes), each scaled to its own
    largest value, one row per migration."""
    group = width // len(METRICS)
    label_width, value_width = 150, 90
    bar_width = group - label_width - value_width - 20
    body = []
    for column, (title, read, show) in enumerate(METRICS):
        left = column * group
        largest = max((read(m) for m in migrations), default=0) or 1
        body.append(_text(left, 14, title, cls="head"))
        for row, (m, label) in enumerate(zip(migrations, labels)):
            y = 24 + row * ROW
            value = read(m)
            body.append(_text(left, y + 13, label))
            body.append(_rect(left + label_width, y, bar_width * value / largest, ROW - 6,
                              METRIC_COLOURS[column], f"{label}: {title} {show(value)}"))
            body.append(_text(left + group - 20, y + 13, show(value), anchor="end", cls="num"))
    return _svg(width, 30 + len(migrations) * ROW, "Comparison of the migrations", body)
