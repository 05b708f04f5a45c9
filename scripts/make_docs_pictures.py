"""Regenerate the README's pictures: docs/show-labmigration.txt (Show-LabMigration of a
shared-nothing move) and docs/report-example.png (Export-LabReport in headless Chromium).

    python scripts/make_docs_pictures.py

Needs Chromium for the PNG (`apt-get install -y --no-install-recommends chromium`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pshv.report.browser import screenshot
from pshv.runtime.host import CaptureHost
from pshv.shell import create_session

DOCS = Path(__file__).resolve().parent.parent / "docs"

SCENARIO = r"""
Enable-VMMigration -ComputerName HV01, HV02
Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP
Move-VM app01 HV02
Invoke-Command -ComputerName HV02 { Move-VM app01 HV01 }
Set-VMHost -VirtualMachineMigrationPerformanceOption SMB
Move-VM app01 HV02
Set-VMHost -VirtualMachineMigrationPerformanceOption Compression
Move-VM sql01 HV02 -IncludeStorage -DestinationStoragePath D:\VMs\sql01
Get-LabMigrationTrace | Export-LabReport -Path X:\report.html -Title 'Transports compared, and a shared-nothing move'
"""


def run_scenario(folder: Path) -> str:
    """Run the scenario with `folder` as X:; returns the Show-LabMigration picture of the last move."""
    host = CaptureHost(120)
    session = create_session(host, output_directory=str(folder))
    result = session.run_script(SCENARIO, new_scope=False)
    if result.exit_code or host.err_text:
        raise RuntimeError(f"the scenario failed:\n{host.err_text}")
    host.stdout.clear()
    session.run_script("Get-LabMigrationTrace -Last 1 | Show-LabMigration -Width 100", new_scope=False)
    return host.out_text


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pshv-docs-") as temp:
        folder = Path(temp)
        picture = run_scenario(folder)
        (DOCS / "show-labmigration.txt").write_text(picture, encoding="utf-8")
        screenshot(folder / "report.html", DOCS / "report-example.png")
    print(f"wrote {DOCS / 'show-labmigration.txt'} and {DOCS / 'report-example.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
