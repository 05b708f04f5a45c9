"""Export-LabReport: a self-contained HTML page, written to the lab or to X:, checked in a real
headless browser when Chromium is installed (apt-get install -y --no-install-recommends chromium)."""

from __future__ import annotations

import re

import pytest

from pshv.report.browser import (
    INSTALL_HINT,
    distinct_colours,
    find_browser,
    png_pixels,
    screenshot,
)
from pshv.report.html import report
from pshv.report.model import migration_of
from pshv.runtime.host import CaptureHost
from pshv.shell import create_session
from tests.conftest import ps

SCENARIO = r"""
Enable-VMMigration -ComputerName HV01, HV02
Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP
Move-VM app01 HV02
Invoke-Command -ComputerName HV02 { Move-VM app01 HV01 }
Set-VMHost -VirtualMachineMigrationPerformanceOption SMB
Move-VM app01 HV02
"""


def _export(folder, extra: str = "Get-LabMigrationTrace -Last 3 | Export-LabReport -Path X:\\report.html "
                                 "-Title 'Transports <compared>'"):
    host = CaptureHost(120)
    session = create_session(host, output_directory=str(folder))
    result = session.run_script(SCENARIO + extra, new_scope=False)
    return result, host


def test_report_lands_in_the_output_folder_and_is_self_contained(tmp_path):
    result, host = _export(tmp_path)
    assert host.err_text == "" and result.exit_code == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8-sig")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Transports &lt;compared&gt;</title>" in page
    assert "<script" not in page and "@import" not in page and "url(" not in page
    assert re.findall(r'(?:src|href)="', page) == []
    assert set(re.findall(r"https?://[^\"' ]+", page)) == {"http://www.w3.org/2000/svg"}
    for label in ("#1 app01 TCPIP", "#2 app01 Compression", "#3 app01 SMB"):
        assert f"<td>{label}</td>" in page
    assert page.count('<div class="panel">') == 3
    assert page.count("<svg") == 1 + 3 * 2  # the comparison chart, then passes and time line per migration


def test_report_in_the_lab_file_system_reads_back():
    result = ps(SCENARIO + "Export-LabReport C:\\Users\\Administrator\\r.html -Last 1\n"
                "(Get-Content C:\\Users\\Administrator\\r.html -Raw).Contains('#1 app01 SMB')")
    assert result.output == [True]


def test_without_input_it_reports_every_migration_of_the_lab():
    result = ps(SCENARIO + "Export-LabReport C:\\r.html\n"
                "([regex]::Matches((Get-Content C:\\r.html -Raw), 'class=\"panel\"')).Count")
    assert result.output == [3]


def test_whatif_writes_nothing():
    result = ps(SCENARIO + "Export-LabReport C:\\r.html -WhatIf; Test-Path C:\\r.html")
    assert result.stdout == 'What if: Performing the operation "Export-LabReport" on target "C:\\r.html".\nFalse\n'
    assert result.output == [False]


def test_missing_folder_is_a_directory_not_found_error():
    result = ps(SCENARIO + "Export-LabReport C:\\nowhere\\r.html")
    assert result.stderr.splitlines()[0] == "Export-LabReport : Could not find a part of the path 'C:\\nowhere\\r.html'."
    assert result.errors[-1].fully_qualified_error_id == "FileOpenFailure,Pshv.Lab.Commands.ExportLabReport"


def test_read_only_script_drive_is_refused(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text(SCENARIO + "Export-LabReport S:\\r.html\n", encoding="utf-8")
    from tests.conftest import cli

    done = cli("-NoProfile", str(script))
    assert "Export-LabReport :" in done.stderr and "PermissionDenied" in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_page_for_no_migration_says_so():
    page = report([], "Empty")
    assert "No migration to show." in page and "<svg" not in page


def test_failed_migration_panel_shows_the_error():
    result = ps("Move-VM app01 HV02 -ErrorAction SilentlyContinue; Get-LabMigrationTrace")
    page = report([migration_of(result.output[-1])], "Failure")
    assert '<span class="result-Failed">Failed</span>' in page
    assert "The source host is not configured for live migration" in page


@pytest.mark.skipif(find_browser() is None, reason=f"Chromium is not installed ({INSTALL_HINT})")
def test_page_renders_in_headless_chromium(tmp_path):
    _export(tmp_path)
    png = tmp_path / "shot.png"
    screenshot(tmp_path / "report.html", png)
    width, height, rows = png_pixels(png.read_bytes())
    assert (width, height) == (1280, 900)
    assert distinct_colours(rows) > 50  # text, bars in several colours, panels: not a blank page
    colours = {row[i:i + 3] for row in rows[::8] for i in range(0, len(row), 3)}
    for bar in (b"\x3c\x9d\x5d", b"\xd6\x45\x45"):  # pre-copy green, paused red
        assert bar in colours
