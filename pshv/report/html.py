"""The HTML report (Export-LabReport): one self-contained page, inline CSS and SVG only (no
scripts, no fonts or images from anywhere), with a comparison table and chart of all the
migrations and one panel per migration (its totals, memory passes and time line)."""

from __future__ import annotations

from html import escape

from . import units
from .model import Migration
from .svg import PHASE_COLOURS, comparison_chart, passes_chart, timeline_chart

STYLE = """
body { font-family: "Segoe UI", system-ui, sans-serif; margin: 24px; color: #1f2933; background: #f5f7fa; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 8px; }
h3 { font-size: 14px; margin: 14px 0 4px; color: #52606d; }
.sub { color: #52606d; margin: 0 0 18px; }
section, .panel { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 14px 18px;
  margin-bottom: 18px; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(600px, 1fr)); gap: 18px; }
.panel { margin-bottom: 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 5px 8px; border-bottom: 1px solid #e4e7eb; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 12px; font-size: 13px;
  margin: 0; }
dt { color: #52606d; } dd { margin: 0; font-variant-numeric: tabular-nums; }
svg { display: block; font-size: 12px; fill: #1f2933; }
svg .num { fill: #52606d; } svg .head { font-weight: 600; } svg .axis { stroke: #9aa5b1; }
.result-Completed { color: #2f7a4a; } .result-Failed, .result-Cancelled { color: #b83232; }
.error { white-space: pre-wrap; color: #b83232; font-size: 12px; margin: 8px 0 0; }
.legend span { display: inline-block; margin-right: 14px; font-size: 12px; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; }
"""

_LEGEND = (("StorageCopy", "storage copy and mirror"), ("Setup", "setup"), ("MemoryCopy", "memory pre-copy"),
           ("StopAndCopy", "VM paused (blackout)"), ("NetworkCleanup", "network cleanup"),
           ("StorageSwitch", "storage switch"), ("CopyState", "copy state"))


def labels_of(migrations: list[Migration]) -> list[str]:
    """`#1 app01 TCPIP`: numbered, since one VM may move several times."""
    return [f"#{index} {m.label}" for index, m in enumerate(migrations, 1)]


def _result(m: Migration) -> str:
    return f'<span class="result-{escape(m.result)}">{escape(m.result)}</span>'


def comparison_table(migrations: list[Migration], labels: list[str]) -> str:
    head = ("<tr><th>Migration</th><th>Kind</th><th>Route</th><th>Option</th><th>Result</th>"
            '<th class="num">Total time</th><th class="num">Blackout</th><th class="num">On the wire</th>'
            '<th class="num">Bandwidth</th></tr>')
    rows = [
        f"<tr><td>{escape(label)}</td><td>{escape(m.kind_title)}</td><td>{escape(m.route)}</td>"
        f"<td>{escape(m.option)}</td><td>{_result(m)}</td>"
        f'<td class="num">{units.seconds(m.total_seconds)}</td><td class="num">{units.seconds(m.blackout_seconds)}</td>'
        f'<td class="num">{units.size(m.wire_bytes)}</td><td class="num">{units.rate(m.bandwidth)}</td></tr>'
        for m, label in zip(migrations, labels)
    ]
    return f"<table>{head}{''.join(rows)}</table>"


def panel(m: Migration, label: str) -> str:
    parts = [
        f'<div class="panel"><h2>{escape(label)}: {escape(m.kind_title)}, {escape(m.route)} — {_result(m)}</h2>',
        (f"<dl><dt>Total time</dt><dd>{units.seconds(m.total_seconds)}</dd>"
        f"<dt>Blackout</dt><dd>{units.seconds(m.blackout_seconds)}</dd>"
        f"<dt>On the wire</dt><dd>{units.size(m.wire_bytes)}</dd>"
        f"<dt>Bandwidth</dt><dd>{units.rate(m.bandwidth)}</dd>"
        f"<dt>Memory sent</dt><dd>{units.size(m.memory_bytes)}</dd>"
        f"<dt>Storage copied</dt><dd>{units.size(m.storage_bytes)}</dd></dl>"),
    ]
    if m.error and m.result != "Completed":
        parts.append(f'<p class="error">{escape(m.error)}</p>')
    if m.passes:
        parts += ["<h3>Memory passes (scaled to the largest)</h3>", passes_chart(m)]
    if m.phases:
        parts += ["<h3>Time line</h3>", timeline_chart(m)]
    parts.append("</div>")
    return "".join(parts)


def legend() -> str:
    items = "".join(f'<span><i style="background:{PHASE_COLOURS[name]}"></i>{escape(text)}</span>'
                    for name, text in _LEGEND)
    return f'<p class="legend">{items}</p>'


def report(migrations: list[Migration], title: str, subtitle: str = "") -> str:
    """The whole page."""
    labels = labels_of(migrations)
    count = f"{len(migrations)} migration{'s' if len(migrations) != 1 else ''}"
    sub = f"{escape(subtitle)} · {count}" if subtitle else count
    body = [f"<h1>{escape(title)}</h1>", f'<p class="sub">{sub}</p>']
    if migrations:
        body += ["<section><h2>Comparison</h2>", comparison_table(migrations, labels),
                 "<h3>Total time, blackout and bytes on the wire (each scaled to its largest)</h3>",
                 comparison_chart(migrations, labels), "</section>", legend(),
                 '<div class="panels">', *(panel(m, label) for m, label in zip(migrations, labels)), "</div>"]
    else:
        body.append("<section><p>No migration to show.</p></section>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{''.join(body)}</body></html>\n")
